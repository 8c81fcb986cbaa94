"""End to end: the demo county through solve_county and `main.py solve`, exit codes included."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest

from planner.domain.county import KINDS
from planner.demo.county import generate_demo
from planner.domain.fingerprint import county_fingerprint
from planner.domain.options import SolveOptions
from planner.domain.proposal import Proposal
from planner.solving.solve import SolveCancelled, solve_county
from planner.domain.validate import validate_proposal

ROOT = Path(__file__).resolve().parents[1]


def run(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True,
                          text=True, cwd=ROOT)


@pytest.fixture(scope="module")
def county():
    return generate_demo(14, 1)


@pytest.fixture(scope="module")
def proposal(county):
    return solve_county(county, SolveOptions())


@pytest.fixture(scope="module")
def result(proposal):
    """The proposal as the JSON result of interfaces.md."""
    return proposal.to_json()


def test_result_has_every_key_of_the_contract(result):
    for key in ("status", "scenario", "fingerprint", "solver", "totals", "townships", "moves", "ab_roster",
                "diagnosis", "county", "generated_at", "parameters", "ab_designs", "marginal", "diagnosis_en"):
        assert key in result
    assert result["status"] in ("optimal", "feasible")
    assert result["scenario"] == "基准" and len(result["fingerprint"]) == 64
    for key in ("name", "version", "seconds", "gap", "proven_optimal", "stage_seconds"):
        assert key in result["solver"]
    assert set(result["solver"]["stage_seconds"]) == {"load", "requirement", "ab_design", "reallocation", "moves"}
    assert result["parameters"]["available_hours"] == pytest.approx(1784.0)
    for kind in KINDS:
        t = result["totals"][kind]
        for key in ("before", "after", "uncovered_before", "uncovered_after", "moved", "townships_touched",
                    "reserve"):
            assert isinstance(t[key], int)
        assert t["after"] <= t["before"] and t["uncovered_after"] <= t["uncovered_before"]
    row = result["townships"][0]
    for key in ("township", "kind", "approved", "staff", "leadership", "required_fte", "required", "proposed",
                "change", "vacancy", "over_quota", "locked", "pressure_before", "pressure_after",
                "explanation", "explanation_en"):
        assert key in row
    move = result["moves"][0]
    assert set(move) >= {"from", "to", "kind", "count", "reason", "reason_en"}
    post = result["ab_roster"][0]
    assert set(post) >= {"township", "kind", "post", "a", "b", "load_hours", "capacity_hours"}
    assert {m["kind"] for m in result["marginal"]} == set(KINDS)
    json.dumps(result, ensure_ascii=False)  # plain JSON all the way down


def test_demo_county_is_solved_proven_and_valid(county, proposal, result):
    assert result["solver"]["proven_optimal"] is True
    assert all(d["proven_minimal"] for d in result["ab_designs"])
    assert validate_proposal(county, SolveOptions(), proposal) == []
    assert validate_proposal(county, proposal) == []  # the two-argument form reads proposal.options
    # The locked demo township keeps its quota; over-quota townships are lifted to their staff.
    locked = {t.name for t in county.townships if t.locked}
    for row in result["townships"]:
        if row["township"] in locked:
            assert row["proposed"] == row["approved"] and "锁定" in row["explanation"]
        assert row["proposed"] >= row["staff"]
        assert row["required"] == next(d["required"] for d in result["ab_designs"]
                                       if (d["township"], d["kind"]) == (row["township"], row["kind"]))
    moved = sum(t["moved"] for t in result["totals"].values())
    assert moved == sum(m["count"] for m in result["moves"])


def test_pressure_and_requirement_follow_the_workload(result):
    for row in result["townships"]:
        if row["required_fte"] > 0:
            # 编制/需求: quota ÷ the whole-post A/B need, before and after alike; the WISN ratio apart
            assert row["pressure_before"] == pytest.approx(row["approved"] / row["required"], abs=0.0005)
            assert row["pressure_after"] == pytest.approx(row["proposed"] / row["required"], abs=0.0005)
            # required_fte is published to two places: the ratio lies within that rounding
            fte = row["required_fte"]
            low, high = row["staff"] / (fte + 0.005), row["staff"] / max(fte - 0.005, 1e-9)
            assert low - 0.0005 <= row["wisn_ratio"] <= high + 0.0005
            # the whole-number need is never below the FTE figure rounded down
            assert row["required"] >= int(row["required_fte"])


def test_fingerprint_follows_inputs_not_solver_settings(county):
    base = county_fingerprint(county, SolveOptions())
    assert base == county_fingerprint(copy.deepcopy(county), SolveOptions(time_limit=5, workers=1))
    assert base != county_fingerprint(county, SolveOptions(reserve={"institutional": 2}))
    changed = copy.deepcopy(county)
    changed.townships[0].duties[0].annual_volume += 1
    assert base != county_fingerprint(changed, SolveOptions())


def test_reserve_and_bands_are_kept(county):
    name = county.townships[1].name
    approved = county.townships[1].quota("institutional").approved
    options = SolveOptions(reserve={"institutional": 3}, bands={(name, "institutional"): (None, approved - 1)})
    staff = county.townships[1].quota("institutional").staff
    if staff > approved - 1:
        options.bands = {(name, "institutional"): (approved, None)}
    proposal = solve_county(county, options)
    assert proposal.totals["institutional"].after <= proposal.totals["institutional"].before - 3
    row = next(r for r in proposal.lines if (r.township, r.kind) == (name, "institutional"))
    lo, hi = options.bands[(name, "institutional")]
    assert (lo is None or row.proposed >= lo) and (hi is None or row.proposed <= hi)
    assert validate_proposal(county, options, proposal) == []


def test_infeasible_county_gives_a_diagnosis_not_a_bare_word(county):
    broken = copy.deepcopy(county)
    t = broken.townships[0]
    t.locked = True
    q = t.quotas["institutional"]
    q.staff = q.approved + 2
    result = solve_county(broken, SolveOptions()).to_json()
    assert result["status"] == "infeasible"
    assert result["kind_status"]["institutional"] == "infeasible"
    text = " ".join(result["diagnosis"])
    assert t.name in text and "锁定" in text and "人员不减" in text and str(q.staff) in text
    assert any("locked" in line for line in result["diagnosis_en"])
    # The other kinds still get their proposal.
    assert result["kind_status"]["administrative"] != "infeasible"


def test_progress_is_reported_and_cancel_stops(county):
    seen = []
    solve_county(county, SolveOptions(), progress=lambda f, m: seen.append((f, m)))
    fractions = [f for f, _ in seen]
    assert fractions[-1] == 1.0 and fractions == sorted(fractions) and len(seen) >= 5
    calls = []

    def cancel_after_start() -> bool:
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(SolveCancelled):
        solve_county(county, SolveOptions(), cancel=cancel_after_start)


def test_cbc_fallback_solves_the_demo(county):
    proposal = solve_county(county, SolveOptions(solver="cbc"))
    assert proposal.solver.name == "CBC"
    assert validate_proposal(county, SolveOptions(), proposal) == []


# ---------------------------------------------------------------- command line
def test_cli_solve_writes_json_and_exits_0(tmp_path):
    db = tmp_path / "county.sqlite"
    assert run("demo", "--db", str(db)).returncode == 0
    out_json = tmp_path / "proposal.json"
    out = run("solve", "--db", str(db), "--json", str(out_json), "--time-limit", "30")
    assert out.returncode == 0, out.stderr
    assert out.stdout == ""  # results go to files, progress to stderr
    assert "%]" in out.stderr
    result = json.loads(out_json.read_text(encoding="utf-8"))
    assert result["status"] in ("optimal", "feasible") and result["scenario"] == "基准"
    assert "乡" in out_json.read_text(encoding="utf-8")  # ensure_ascii=False
    from planner.store.db import open_database
    from planner.store.ledger import load_county

    database = open_database(db)
    try:
        with database.session() as session:
            county = load_county(session)
    finally:
        database.close()
    assert validate_proposal(county, Proposal.from_json(result)) == []
    assert result["fingerprint"] == county_fingerprint(county, SolveOptions())


def test_cli_exit_3_when_rules_conflict(tmp_path):
    from planner.store.db import open_database
    from planner.store.ledger import replace_county

    county = generate_demo(5, 2)
    county.townships[0].locked = True
    q = county.townships[0].quotas["administrative"]
    q.staff = q.approved + 1
    db_path = tmp_path / "county.sqlite"
    database = open_database(db_path, create=True)
    try:
        with database.session() as session:
            replace_county(session, county)
    finally:
        database.close()
    out_json = tmp_path / "p.json"
    out = run("solve", "--db", str(db_path), "--json", str(out_json))
    assert out.returncode == 3, out.stderr
    result = json.loads(out_json.read_text(encoding="utf-8"))
    assert result["status"] == "infeasible" and result["diagnosis"]
    assert county.townships[0].name in result["diagnosis"][0]


def test_cli_errors(tmp_path):
    db = tmp_path / "county.sqlite"
    assert run("demo", "--db", str(db), "--townships", "3").returncode == 0
    unknown = run("solve", "--db", str(db), "--scenario", "没有这个情景", "--json", str(tmp_path / "x.json"))
    assert unknown.returncode == 2 and "没有这个情景" in unknown.stderr
    assert not (tmp_path / "x.json").exists()
    bad = run("solve", "--db", str(db), "--time-limit", "-1")
    assert bad.returncode == 2
    missing = run("solve", "--db", str(tmp_path / "nope.sqlite"))
    assert missing.returncode not in (0, 3)
