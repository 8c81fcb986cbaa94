"""The Proposal writes exactly the JSON the planner has always written, and reads it back."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from planner.demo.county import generate_demo
from planner.domain.options import SolveOptions
from planner.domain.proposal import Proposal
from planner.solving.solve import solve_county
from tests.data.make_proposal_golden import TIMINGS, golden_proposal

DATA = Path(__file__).resolve().parent / "data"
GOLDEN = DATA / "proposal_golden.json"


@pytest.fixture(scope="module")
def proposal() -> Proposal:
    # The same county and options as the golden file (tests/data/make_proposal_golden.py).
    return golden_proposal()


def _shape(value):
    """Keys in order and the type of every value, recursively."""
    if isinstance(value, dict):
        return [(k, _shape(v)) for k, v in value.items()]
    if isinstance(value, list):
        return [_shape(v) for v in value]
    return type(value).__name__


def test_to_json_is_what_was_written_before(proposal):
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    expected = golden["result"]
    written = proposal.to_json()
    roster = written["ab_roster"]
    for key in TIMINGS:
        written["solver"][key] = None
    written["generated_at"] = None
    written["ab_roster"] = roster[:len(expected["ab_roster"])]
    # Added since the golden file was written (the JSON grows by keys, never renames): the hours
    # of each part of a duty split among several A holders. They add up to the duty's hours.
    parts = [(d, d.pop("part_hours")) for d in written["ab_designs"] if "part_hours" in d]
    assert all(all(h > 0 for h in p.values()) for _, p in parts)
    assert all(d["duty_hours"] >= sum(p.values()) - 0.01 for d, p in parts)
    # Also added since: the fewest move lines proven possible per kind; on this small county the
    # list is proven minimal, so each kind's bound is its own number of lines.
    for kind, totals in written["totals"].items():
        assert totals.pop("fewest_lines") == sum(1 for m in written["moves"] if m["kind"] == kind)
    assert list(written) == list(expected)
    assert written == expected
    assert _shape(written) == _shape(expected)  # same order of keys, same int/float types
    assert len(roster) == golden["roster_posts"]
    assert hashlib.sha256(json.dumps(roster, ensure_ascii=False).encode()).hexdigest() == golden["roster_sha256"]


def test_from_json_reads_back_what_to_json_wrote(proposal):
    data = proposal.to_json()
    again = Proposal.from_json(data)
    assert again.to_json() == data
    assert json.dumps(again.to_json(), ensure_ascii=False) == json.dumps(data, ensure_ascii=False)
    assert again.lines == proposal.lines and again.moves == proposal.moves and again.roster == proposal.roster
    assert [line.pressure_before for line in again.lines] == [line.pressure_before for line in proposal.lines]
    # through text, as the scenario store and `solve --json` keep it
    assert Proposal.from_json(json.loads(json.dumps(data, ensure_ascii=False))).to_json() == data


def test_derived_figures_are_the_published_ones(proposal):
    for line in proposal.lines:
        assert line.change == line.proposed - line.approved
        assert line.vacancy == max(0, line.approved - line.staff)
        assert line.over_quota == max(0, line.staff - line.approved)
        assert line.uncovered_after == max(0, line.required - line.proposed)
    for kind, totals in proposal.totals.items():
        lines = proposal.lines_of(kind)
        assert totals.before == sum(line.approved for line in lines)
        assert totals.uncovered_before == sum(max(0, line.required - line.approved) for line in lines)
    assert proposal.slots_moved == sum(m.count for m in proposal.moves)


def test_results_written_by_older_versions_still_read():
    """A result stored before options, kind status, levels and design details were written."""
    old = json.loads((DATA / "sample_result.json").read_text(encoding="utf-8"))
    p = Proposal.from_json(old)
    assert p.status == old["status"] and p.fingerprint == old["fingerprint"]
    # 编制/需求 is approved ÷ required now (it was staff ÷ required FTE): an older result reads by today's definition
    assert [line.to_json()["pressure_before"] for line in p.lines] == [
        None if r["required"] == 0 else round(r["approved"] / r["required"], 3) for r in old["townships"]]
    for kind, totals in old["totals"].items():
        for key, value in totals.items():
            assert p.totals[kind].to_json()[key] == value, (kind, key)
    assert [m.to_json()["from"] for m in p.moves] == [m["from"] for m in old["moves"]]
    # Written before a large duty's parts could differ in size: its designs were of equal parts.
    assert p.options == SolveOptions(design_splits="equal") != SolveOptions()
    again = Proposal.from_json(p.to_json())
    assert again.to_json() == p.to_json()


def test_an_infeasible_result_round_trips_with_its_diagnosis():
    county = generate_demo(5, 2)
    county.townships[0].locked = True
    quota = county.townships[0].quotas["administrative"]
    quota.staff = quota.approved + 1  # nobody dismissed, yet locked: the rules conflict
    proposal = solve_county(county)
    assert proposal.infeasible and proposal.kind_status["administrative"] == "infeasible"
    data = proposal.to_json()
    assert data["kind_status"] == {kind: t["status"] for kind, t in data["totals"].items()}
    again = Proposal.from_json(data)
    assert again.to_json() == data and again.diagnosis == proposal.diagnosis and again.diagnosis


def test_a_scenario_result_stored_by_an_older_version_is_read_and_renamed(demo_db):
    from sqlalchemy import select

    from planner.scenarios import store
    from planner.store.models import Scenario

    text = (DATA / "sample_result.json").read_text(encoding="utf-8")
    with demo_db.session() as session:
        store.create_scenario(session, "旧方案")
        row = session.scalars(select(Scenario).where(Scenario.name == "旧方案")).one()
        row.last_result_json = text
    with demo_db.session() as session:
        stored = store.get_scenario(session, "旧方案").last_result
        store.rename_scenario(session, "旧方案", "旧方案二")
    assert stored == Proposal.from_json(json.loads(text))
    assert stored.uncovered_after == sum(t["uncovered_after"] for t in json.loads(text)["totals"].values())
    with demo_db.session() as session:
        renamed = store.get_scenario(session, "旧方案二").last_result
    assert renamed.scenario == "旧方案二" and renamed.lines == stored.lines
