"""Workflows that used to stall: "+20% workload in one township" can be entered without a duty name."""

from __future__ import annotations

from planner.demo.county import generate_demo
from planner.scenarios.changes import DutyGrowth
from planner.scenarios.store import copy_county


def test_workload_of_one_whole_township_grows_without_a_duty_name():
    county = generate_demo(14, 1)
    name = county.townships[2].name
    grown = copy_county(county)
    DutyGrowth(match="", percent=20, townships=[name]).apply_county(grown)
    for before, after in zip(county.townships, grown.townships):
        for d0, d1 in zip(before.duties, after.duties):
            factor = 1.2 if before.name == name else 1.0
            assert abs(d1.annual_volume - d0.annual_volume * factor) < 1e-9
            assert abs(d1.fixed_hours - d0.fixed_hours * factor) < 1e-9
    change = DutyGrowth(match="", percent=20, townships=[name])
    assert change.describe("zh") == f"{name}：全部事项工作量 +20%"
    assert "every duty" in change.describe("en") and "事项" not in change.describe("en")
