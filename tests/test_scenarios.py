"""Saved scenarios: storage, staleness, solving them, and a ledger that never changes because of them."""

from __future__ import annotations

import pytest

from planner.store import ledger_edit
from planner.store.ledger import load_county
from planner.scenarios import store as store
from planner.demo.scenarios import CUT_NAME, EXAMPLE_NAMES, GROWTH_NAME, MERGE_NAME, RESERVE_NAME
from planner.domain.proposal import Proposal
from planner.taskstate import TaskState
from tests.ledger_dump import ledger_dump

TIME_LIMIT = 20.0


def solve(db, name: str) -> Proposal:
    from planner.services.solving import solve_job

    return solve_job(db, name, TIME_LIMIT, TaskState())


def state(db, name: str) -> str:
    with db.session() as session:
        return store.scenario_state(session, name)


# ---------------------------------------------------------------- storage
def test_create_duplicate_rename_delete_restore(demo_db):
    with demo_db.session() as session:
        created = store.create_scenario(session, "试算", [store.Reserve("administrative", 3)], "说明")
        assert created.changes == [store.Reserve("administrative", 3)] and created.description == "说明"
        copy = store.duplicate_scenario(session, "试算")
        assert copy.name == "试算 副本" and copy.changes == created.changes and copy.last_result is None
        assert store.duplicate_scenario(session, "试算").name == "试算 副本 (2)"
        store.rename_scenario(session, "试算", "试算甲")
        snapshot = store.delete_scenario(session, "试算甲")
        assert "试算甲" not in [s.name for s in store.list_scenarios(session)]
        restored = store.restore_scenario(session, snapshot)
        assert (restored.name, restored.changes, restored.description) == ("试算甲", created.changes, "说明")


@pytest.mark.parametrize("name, message", [
    ("", "needs a name"), ("基准", "ledger itself"), (CUT_NAME, "already exists"), ("甲\t乙", "tabs"),
    ("长" * 201, "longer than 200"),
])
def test_bad_names_are_refused(demo_db, name, message):
    with demo_db.session() as session, pytest.raises(store.ScenarioError, match=message):
        store.create_scenario(session, name)


def test_changes_that_do_not_fit_the_ledger_are_refused_and_nothing_is_stored(demo_db):
    with demo_db.session() as session:
        with pytest.raises(store.ScenarioError, match="no township named '无此镇'"):
            store.set_changes(session, CUT_NAME, [store.LockTownship("无此镇")])
        assert store.get_scenario(session, CUT_NAME).changes == [store.TotalCut("institutional", percent=5)]


def test_build_inputs_gives_solve_options_from_the_changes(demo_db):
    with demo_db.session() as session:
        county, options = store.build_scenario_inputs(session, CUT_NAME)
        total = sum(t.quota("institutional").approved for t in county.townships)
        assert options.total_cap == {"institutional": total * 95 // 100}
        _, options = store.build_scenario_inputs(session, RESERVE_NAME)
        assert options.reserve == {"administrative": 10}
        merged, _ = store.build_scenario_inputs(session, MERGE_NAME)
        assert len(merged.townships) == len(county.townships) - 1


# ---------------------------------------------------------------- solving and staleness
def test_every_example_scenario_solves_at_once_and_keeps_every_hard_rule(demo_db):
    from planner.domain.validate import validate_proposal

    for name in EXAMPLE_NAMES:
        result = solve(demo_db, name)
        assert result.status in ("optimal", "feasible"), (name, result.diagnosis)
        assert result.scenario == name
        with demo_db.session() as session:
            county, options = store.build_scenario_inputs(session, name)
            record = store.get_scenario(session, name)
        assert validate_proposal(county, options, result) == [], name
        assert record.last_fingerprint == result.fingerprint and record.last_result == result
        assert record.last_result.to_json() == result.to_json()
        assert state(demo_db, name) == "current"
    with demo_db.session() as session:
        cut = store.get_scenario(session, CUT_NAME).last_result
        county, options = store.build_scenario_inputs(session, CUT_NAME)
    assert cut.totals["institutional"].after <= options.total_cap["institutional"]


def test_merge_then_solve_keeps_every_hard_rule(demo_db):
    from planner.domain.validate import validate_proposal

    with demo_db.session() as session:
        merge = store.get_scenario(session, MERGE_NAME).changes[0]
    result = solve(demo_db, MERGE_NAME)
    rows = {(r.township, r.kind): r for r in result.lines}
    assert (merge.a, "administrative") not in rows and (merge.b, "administrative") not in rows
    merged = rows[(merge.new_name, "administrative")]
    assert merged.leadership == merge.leadership
    assert merged.proposed >= max(merged.staff, merged.leadership)
    with demo_db.session() as session:
        county, options = store.build_scenario_inputs(session, MERGE_NAME)
    assert validate_proposal(county, options, result) == []


def test_a_result_goes_stale_when_the_ledger_or_the_scenario_changes_and_recomputes(demo_db):
    assert state(demo_db, GROWTH_NAME) == "unsolved"
    solve(demo_db, GROWTH_NAME)
    assert state(demo_db, GROWTH_NAME) == "current"
    with demo_db.session() as session:
        assert not store.is_stale(session, GROWTH_NAME)
        county = store.build_scenario_inputs(session, GROWTH_NAME)[0]
        township = county.townships[0]
        duty = township.duties[0]
        ledger_edit.set_duty_field(session, township.name, duty.office, duty.name, "annual_volume",
                                   duty.annual_volume + 100)
    assert state(demo_db, GROWTH_NAME) == "stale"
    with demo_db.session() as session:
        assert store.is_stale(session, GROWTH_NAME)
    solve(demo_db, GROWTH_NAME)
    assert state(demo_db, GROWTH_NAME) == "current"
    with demo_db.session() as session:
        store.set_changes(session, GROWTH_NAME, [store.DutyGrowth(match="应急管理", percent=25)])
    assert state(demo_db, GROWTH_NAME) == "stale"
    # The other scenarios' stored results (none) are untouched by this one's work.
    assert state(demo_db, CUT_NAME) == "unsolved"


def test_solving_and_editing_scenarios_leaves_the_ledger_byte_for_byte_unchanged(demo_db):
    before = ledger_dump(demo_db)
    solve(demo_db, MERGE_NAME)
    solve(demo_db, CUT_NAME)
    with demo_db.session() as session:
        store.create_scenario(session, "拆分", [store.Split(township=store.build_scenario_inputs(
            session, CUT_NAME)[0].townships[0].name, new_a="东镇", new_b="西镇", share_a=0.5, leadership_a=6,
            leadership_b=6)])
        store.rename_scenario(session, "拆分", "拆分二")
        store.duplicate_scenario(session, MERGE_NAME)
        store.delete_scenario(session, CUT_NAME)
    solve(demo_db, "拆分二")
    assert ledger_dump(demo_db) == before


def test_comparison_figures_equal_those_of_the_separate_proposals(demo_db):
    from planner.exports.comparison import compare

    results = {name: solve(demo_db, name) for name in (CUT_NAME, MERGE_NAME)}
    with demo_db.session() as session:
        stored = {name: store.get_scenario(session, name).last_result for name in results}
    comparison = compare(stored)
    for name, result in results.items():
        figures = comparison.figures[name]
        assert figures.uncovered_after == sum(t.uncovered_after for t in result.totals.values())
        assert figures.moves == len(result.moves)
        for kind, totals in result.totals.items():
            assert figures.totals[kind].after == totals.after
        for row in result.lines:
            match = [r for r in comparison.rows if (r.township, r.kind) == (row.township, row.kind)]
            assert match[0].proposed[name] == row.proposed
    with demo_db.session() as session:
        merge = store.get_scenario(session, MERGE_NAME).changes[0]
    assert merge.a in comparison.differing_townships()  # present in one scenario only


# ---------------------------------------------------------------- the demo's examples
@pytest.mark.parametrize("n, seed", [(1, 1), (2, 1), (5, 1), (5, 3), (14, 1), (40, 2)])
def test_example_scenarios_fit_demo_counties_of_any_size(n, seed):
    from planner.demo.county import generate_demo
    from planner.scenarios.changes import county_total
    from planner.demo.scenarios import _floor, example_scenarios

    county = generate_demo(n, seed)
    for name, _description, changes in example_scenarios(county):
        work, draft = store.check_changes(county, changes)
        for kind in ("administrative", "institutional"):
            if _floor(county, kind) > county_total(county, kind):
                continue  # the ledger itself cannot meet the rules (over quota); no scenario can help
            # What the hard rules need stays within what the scenario allows, so it can be solved.
            limit = min(draft.total_cap.get(kind, 10**9), county_total(work, kind) - draft.reserve.get(kind, 0))
            assert _floor(work, kind) <= limit, (name, kind)


def test_writing_the_demo_again_replaces_the_examples_and_keeps_other_scenarios(demo_db):
    from planner.demo.county import write_demo

    with demo_db.session() as session:
        store.create_scenario(session, "我的情景")
    write_demo(demo_db, 6, 2)
    with demo_db.session() as session:
        records = store.list_scenarios(session)
        county = load_county(session)
    names = [r.name for r in records]
    assert "我的情景" in names and len(names) == len(set(names))
    merge = next(r for r in records if r.name == MERGE_NAME).changes[0]
    assert {merge.a, merge.b} <= {t.name for t in county.townships}


def test_bands_locks_and_parameters_reach_the_solver(demo_db):
    with demo_db.session() as session:
        county = load_county(session)
    # A township short of institutional quota gets a floor above what it has; another is locked.
    rows = {t.name: t for t in county.townships if not t.locked}
    short = max(rows.values(), key=lambda t: t.quota("institutional").vacancy)
    floor = short.quota("institutional").approved + 2
    locked = next(t for t in rows.values() if t is not short)
    with demo_db.session() as session:
        store.create_scenario(session, "区间与锁定", [
            store.Band(kind="institutional", township=short.name, min=floor, max=None),
            store.LockTownship(locked.name), store.ParamChange("working_days", 240)])
    result = solve(demo_db, "区间与锁定")
    assert result.status in ("optimal", "feasible"), result.diagnosis
    got = {(r.township, r.kind): r for r in result.lines}
    assert got[(short.name, "institutional")].proposed >= floor
    for kind in ("administrative", "institutional"):
        line = got[(locked.name, kind)]
        assert line.proposed == line.approved and line.locked
    assert result.parameters["working_days"] == 240
    assert result.parameters["available_hours"] == (240 - 25) * 8
