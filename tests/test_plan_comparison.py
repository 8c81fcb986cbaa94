"""Plans compared: every figure of the comparison is the plan's own, read not recomputed."""

from __future__ import annotations

import dataclasses

import pytest

from planner.demo.scenarios import GROWTH_NAME
from planner.domain.months import Month
from planner.exports.comparison import ComparisonError
from planner.exports.plan_comparison import compare_plans
from planner.services.planning import plan_job

AS_OF = Month(2026, 11)


@pytest.fixture
def plans(demo_db):
    return [plan_job(demo_db, None, years=2, as_of=AS_OF), plan_job(demo_db, GROWTH_NAME, years=3, as_of=AS_OF)]


def test_the_figures_are_each_plans_own(plans):
    comparison = compare_plans(plans)
    assert [row.scenario for row in comparison.rows] == ["基准", GROWTH_NAME]
    assert comparison.years == tuple(plans[1].years)          # the union: the three-year plan's years
    for row, plan in zip(comparison.rows, plans):
        assert plan.is_plan
        assert row.status == plan.status and row.status_zh == plan.status_text()
        assert row.uncovered == plan.uncovered == sum(plan.uncovered_by_year().values())
        assert row.slots_moved == plan.slots_moved == sum(m.count for m in plan.moves)
        assert row.slots_lent == plan.slots_lent == sum(loan.count for loan in plan.loans if loan.new)
        assert row.townships_touched == plan.townships_touched
        for year in comparison.years:
            expected = sum(x.uncovered for x in plan.lines if x.year == year) if year in plan.years else None
            assert row.uncovered_in(year) == expected
    # A year only the longer plan covers is empty, not zero, in the shorter plan's row.
    base, grown = comparison.rows
    assert base.uncovered_in(plans[1].years[-1]) is None and grown.uncovered_in(plans[1].years[-1]) is not None


def test_the_table_is_chinese_first_and_lines_up_with_its_headers(plans):
    comparison = compare_plans(plans)
    headers, table = comparison.headers(), comparison.table()
    assert headers[:2] == ["情景", "状态"] and headers[-1] == "涉及乡镇"
    assert f"{plans[0].years[0]}年未覆盖" in headers
    assert all(len(line) == len(headers) for line in table)
    assert table[0][0] == "基准" and table[0][-3] == plans[0].slots_moved
    assert table[0][1 + len(comparison.years) + 1] == plans[0].uncovered
    english = comparison.headers("en")
    assert english[0] == "Scenario" and len(english) == len(headers)
    assert comparison.table("en")[0][1] == plans[0].status_text(english=True)


def test_an_infeasible_plan_shows_its_status_and_no_figures(plans):
    broken = dataclasses.replace(plans[1], status="infeasible")
    row = compare_plans([plans[0], broken]).rows[1]
    assert row.status == "infeasible" and row.status_zh == broken.status_text()
    assert row.uncovered is row.slots_moved is row.slots_lent is row.townships_touched is None
    assert row.uncovered_in(broken.years[0]) is None


def test_fewer_than_two_plans_or_one_twice_are_refused(plans):
    with pytest.raises(ComparisonError, match="至少需要两个"):
        compare_plans(plans[:1])
    with pytest.raises(ComparisonError, match="两次"):
        compare_plans([plans[0], plans[0]])
    with pytest.raises(ComparisonError, match="不是多年度规划"):
        compare_plans([plans[0], object()])
