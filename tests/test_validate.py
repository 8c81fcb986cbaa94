"""The validator catches every broken hard rule of a proposal, naming it.

A proposal is tampered with through its JSON (as a damaged stored result would
arrive) and read back with Proposal.from_json, which keeps the values as written.
"""

from __future__ import annotations

import pytest

from planner.demo.county import generate_demo
from planner.domain.options import SolveOptions
from planner.domain.proposal import Proposal
from planner.domain.validate import validate_proposal
from planner.solving.solve import solve_county


@pytest.fixture(scope="module")
def county():
    return generate_demo(6, 4)


@pytest.fixture(scope="module")
def good(county):
    return solve_county(county, SolveOptions())


def tampered(good: Proposal) -> dict:
    return good.to_json()


def validate(county, options, data: dict) -> list[str]:
    return validate_proposal(county, options, Proposal.from_json(data))


def row_of(result, predicate):
    return next(r for r in result["townships"] if predicate(r))


def test_the_optimizers_proposal_is_valid(county, good):
    assert validate_proposal(county, SolveOptions(), good) == []


def test_quota_below_staff_is_caught(county, good):
    r = tampered(good)
    row = row_of(r, lambda x: x["staff"] > 0 and not x["locked"])
    row["proposed"] = row["staff"] - 1
    problems = validate(county, SolveOptions(), r)
    assert any("人员不减" in p and row["township"] in p for p in problems)


def test_locked_township_changed_is_caught(county, good):
    r = tampered(good)
    row = row_of(r, lambda x: x["locked"])
    row["proposed"] += 1
    problems = validate(county, SolveOptions(), r)
    assert any("锁定" in p for p in problems)
    assert any("总量只减不增" in p or "调剂明细合计" in p for p in problems)


def test_growing_total_and_mixed_kinds_are_caught(county, good):
    r = tampered(good)
    row = row_of(r, lambda x: x["kind"] == "support" and not x["locked"])
    row["proposed"] += 1
    # pretend the slot came from the institutional pool: a move across kinds
    giver = row_of(r, lambda x: x["kind"] == "institutional" and x["proposed"] > x["staff"] and not x["locked"])
    giver["proposed"] -= 1
    r["moves"].append({"from": giver["township"], "to": row["township"], "kind": "support", "count": 1,
                       "reason": "x", "reason_en": "x"})
    problems = validate(county, SolveOptions(), r)
    assert any("工勤编制：调剂后总量" in p and "只减不增" in p for p in problems)
    assert any("调剂明细合计" in p for p in problems)  # the support move does not match the institutional change


def test_fraction_and_leadership_and_reserve_are_caught(county, good):
    r = tampered(good)
    row = row_of(r, lambda x: x["kind"] == "administrative" and not x["locked"])
    row["proposed"] = row["leadership"] - 1
    other = row_of(r, lambda x: x["kind"] == "institutional")
    other["proposed"] = other["proposed"] + 0.5
    problems = validate(county, SolveOptions(reserve={"support": 1}), r)
    assert any("领导职数" in p for p in problems)
    assert any("不是整数" in p for p in problems)
    assert any("预留" in p for p in problems)


def test_broken_ab_roster_is_caught(county, good):
    r = tampered(good)
    post = next(p for p in r["ab_roster"] if p["b"])
    removed = post["b"].pop(0)
    problems = validate(county, SolveOptions(), r)
    assert any(removed in p and "0 个B岗" in p for p in problems)

    r = tampered(good)
    post = next(p for p in r["ab_roster"] if p["a"])
    post["b"].append(post["a"][0])
    problems = validate(county, SolveOptions(), r)
    assert any("A岗与B岗是同一岗位" in p for p in problems)

    r = tampered(good)
    township, kind = r["ab_roster"][0]["township"], r["ab_roster"][0]["kind"]
    posts = [p for p in r["ab_roster"] if (p["township"], p["kind"]) == (township, kind)]
    posts[0]["a"] += posts[1]["a"]
    posts[1]["a"] = []
    problems = validate(county, SolveOptions(), r)
    assert any("超过每岗" in p for p in problems) or any("负荷" in p for p in problems)


def test_too_many_backup_roles_are_caught(county, good):
    r = tampered(good)
    township, kind = r["ab_roster"][0]["township"], r["ab_roster"][0]["kind"]
    posts = [p for p in r["ab_roster"] if (p["township"], p["kind"]) == (township, kind)]
    target = posts[-1]
    for p in posts[:-1]:
        for name in list(p["b"]):
            if name not in target["a"]:
                p["b"].remove(name)
                target["b"].append(name)
    problems = validate(county, SolveOptions(), r)
    assert any("超过每人最多 3 个" in p for p in problems)


def test_infeasible_result_without_diagnosis_is_caught(county, good):
    r = tampered(good)
    r["status"] = "infeasible"
    r["diagnosis"] = []
    assert any("诊断" in p for p in validate(county, SolveOptions(), r))


def test_solve_refuses_to_return_a_proposal_that_breaks_a_rule(county, monkeypatch):
    """The validator runs on every proposal: a (simulated) optimizer bug never reaches the user."""
    import optimizer.pipeline as pipeline
    from planner.solving.solve import ProposalInvalid

    real = pipeline.reallocate

    def broken(data, **kwargs):
        plan = real(data, **kwargs)
        if data.kind == "institutional" and plan.status != "infeasible":
            name = data.townships[0].township
            plan.quota[name] = data.townships[0].staff - 1  # dismisses someone
        return plan

    monkeypatch.setattr(pipeline, "reallocate", broken)
    with pytest.raises(ProposalInvalid) as caught:
        solve_county(county, SolveOptions())
    assert any("人员不减" in p for p in caught.value.problems)
