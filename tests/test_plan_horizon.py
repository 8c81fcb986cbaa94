"""A scenario's plan horizon (规划年限): a change of its own, honoured by plan_job and `plan --scenario`."""

from __future__ import annotations

import json

import pytest

from cli import main as cli_main
from planner.domain.months import Month
from planner.scenarios.changes import Horizon, ScenarioError
from planner.scenarios.store import apply_changes, create_scenario, get_scenario, parse_changes, dump_changes
from planner.services.planning import plan_job
from planner.store.ledger import load_county

AS_OF = Month(2026, 11)


def _scenario(db, name: str, years) -> None:
    with db.session() as session:
        create_scenario(session, name, [Horizon(years=years)], "")


def test_the_horizon_change_sets_the_working_copys_years_and_round_trips(demo_db):
    with demo_db.session() as session:
        county = load_county(session)
    assert county.time.horizon_years == 5
    grown, _options = apply_changes(county, [Horizon(years=2)])
    assert grown.time.horizon_years == 2 and county.time.horizon_years == 5   # the ledger is untouched
    assert parse_changes(dump_changes([Horizon(years=7)])) == [Horizon(years=7)]
    assert Horizon(years=3).describe("zh") == "规划年限 3 年"
    assert Horizon(years=3).describe("en") == "plan horizon 3 years"


@pytest.mark.parametrize("years", [0, 21, 2.5, "3"])
def test_a_horizon_out_of_range_is_refused_and_nothing_is_saved(demo_db, years):
    with pytest.raises(ScenarioError, match="规划年限"):
        _scenario(demo_db, "坏年限", years)
    with demo_db.session() as session:
        with pytest.raises(ScenarioError):
            get_scenario(session, "坏年限")


def test_plan_job_takes_the_scenarios_horizon_unless_years_are_given(demo_db):
    _scenario(demo_db, "两年规划", 2)
    assert len(plan_job(demo_db, "两年规划", as_of=AS_OF).years) == 2
    assert len(plan_job(demo_db, "两年规划", years=3, as_of=AS_OF).years) == 3
    assert len(plan_job(demo_db, None, years=1, as_of=AS_OF).years) == 1


def test_plan_command_honours_the_scenarios_horizon(demo_db, db_path, tmp_path, capsys):
    _scenario(demo_db, "三年规划", 3)
    out = tmp_path / "plan.json"
    assert cli_main(["plan", "--db", str(db_path), "--scenario", "三年规划", "--json", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["scenario"] == "三年规划" and len(data["years"]) == 3
    assert "（三年规划，" in capsys.readouterr().out
    assert cli_main(["plan", "--db", str(db_path), "--scenario", "三年规划", "--years", "1",
                     "--json", str(out)]) == 0
    assert len(json.loads(out.read_text(encoding="utf-8"))["years"]) == 1
