"""County reallocation: each level's optimum against brute force, hard rules on random counties,
infeasibility diagnoses that name the rule, and the marginal value of one more slot."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import HealthCheck, assume, given, settings, strategies as st

from optimizer.explain import marginal_value, township_reason
from optimizer.inputs import KindInput, TownshipQuota
from optimizer.reallocation import imbalance, moved, reallocate, touched, uncovered

NAMES = ["甲乡", "乙镇", "丙镇", "丁乡", "戊镇"]


def brute_force(data: KindInput, within: set[str] | None = None):
    """Lexicographic optimum (uncovered, moved, touched, imbalance) by enumerating every quota vector.

    The hard rules are written out again here, independently of the optimizer's limits().
    `within`: only quota vectors that change no township outside it.
    """
    lows, highs = [], []
    for t in data.townships:
        low = max(t.staff, t.leadership if data.kind == "administrative" else 0, t.band_min or 0)
        high = t.band_max
        if t.locked:
            if low > t.approved or (high is not None and high < t.approved):
                return None
            low = high = t.approved
        if high is not None and low > high:
            return None
        lows.append(low)
        highs.append(high)
    slack = data.total_limit - sum(lows)
    if slack < 0:
        return None
    ranges = [range(lo, (lo + slack if hi is None else min(hi, lo + slack)) + 1) for lo, hi in zip(lows, highs)]
    need = sum(t.required for t in data.townships)
    ratio = data.total_limit / need if need > 0 else 0.0
    best = None
    for combo in itertools.product(*ranges):
        if sum(combo) > data.total_limit:
            continue
        quota = {t.township: q for t, q in zip(data.townships, combo)}
        if within is not None and any(quota[t.township] != t.approved and t.township not in within
                                      for t in data.townships):
            continue
        key = (uncovered(data, quota), moved(data, quota), touched(data, quota), imbalance(data, quota, ratio))
        if best is None or (key[0], key[1], key[2], key[3] + 1e-9) < best:
            best = key
    return best


def township(name, approved, staff, required, *, fte=None, lead=0, locked=False, lo=None, hi=None):
    return TownshipQuota(name, approved, staff, required, required - 0.4 if fte is None else fte,
                         lead, locked, lo, hi)


counties = st.builds(
    lambda rows, reserve, kind: KindInput(kind, tuple(rows), reserve=reserve),
    st.lists(
        st.builds(
            lambda approved, vac, req, fte_cut, locked, lead: TownshipQuota(
                "", approved, max(0, approved - vac), req, max(0.0, req - fte_cut),
                min(lead, max(0, approved - vac)), locked),
            st.integers(0, 7), st.integers(-2, 4), st.integers(0, 9), st.floats(0, 0.9),
            st.booleans(), st.integers(0, 3)),
        min_size=3, max_size=5),
    st.integers(0, 3),
    st.sampled_from(["administrative", "institutional"]),
).map(lambda d: KindInput(d.kind, tuple(
    TownshipQuota(NAMES[i], t.approved, t.staff, t.required, t.required_fte, t.leadership,
                  t.locked and i == 0) for i, t in enumerate(d.townships)), reserve=d.reserve))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(counties)
def test_each_level_matches_brute_force(data):
    plan = reallocate(data)
    best = brute_force(data)
    if plan.status == "infeasible":
        assert best is None  # the rules truly cannot all hold
        assert plan.conflicts and all(c.zh and c.en for c in plan.conflicts)
        return
    assert best is not None
    assert plan.status == "optimal" and all(lv.proven_optimal for lv in plan.levels)
    values = {lv.name: lv.value for lv in plan.levels}
    assert values["uncovered"] == best[0] == uncovered(data, plan.quota)
    assert values["moved"] == best[1] == moved(data, plan.quota)
    assert values["touched"] == best[2] == touched(data, plan.quota)
    # Balance is sought among the proposals that change only the townships level 3 chose.
    changed = {t.township for t in data.townships if plan.quota[t.township] != t.approved}
    best_within = brute_force(data, changed)
    assert best_within[:3] == best[:3]
    assert values["imbalance"] == pytest.approx(best_within[3], abs=1e-6)
    assert imbalance(data, plan.quota, plan.target_ratio) == pytest.approx(best_within[3], abs=1e-6)


def hard_rule_problems(data: KindInput, plan) -> list[str]:
    out = []
    for t in data.townships:
        q = plan.quota[t.township]
        if not isinstance(q, int):
            out.append("whole numbers")
        if q < t.staff:
            out.append("nobody is dismissed")
        if data.kind == "administrative" and q < t.leadership:
            out.append("leadership")
        if t.locked and q != t.approved:
            out.append("locked")
        if t.band_min is not None and q < t.band_min or t.band_max is not None and q > t.band_max:
            out.append("band")
    if sum(plan.quota.values()) > data.total_limit or sum(plan.quota.values()) > data.total_before:
        out.append("totals never grow")
    return out


big_counties = st.builds(
    lambda rows, reserve, cap_cut: (rows, reserve, cap_cut),
    st.lists(st.tuples(st.integers(0, 40), st.integers(-3, 10), st.integers(0, 50), st.booleans(),
                       st.one_of(st.none(), st.integers(0, 30)), st.one_of(st.none(), st.integers(10, 60))),
             min_size=1, max_size=30),
    st.integers(0, 20), st.one_of(st.none(), st.integers(0, 30)))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(big_counties)
def test_no_proposal_ever_breaks_a_hard_rule(args):
    rows, reserve, cut = args
    data = KindInput("institutional", tuple(
        TownshipQuota(f"乡镇{i}", a, max(0, a - v), r, r * 0.93, 0, lock, lo, hi)
        for i, (a, v, r, lock, lo, hi) in enumerate(rows)), reserve=reserve)
    if cut is not None:
        data = KindInput(data.kind, data.townships, reserve, max(0, data.total_before - cut))
    plan = reallocate(data)
    if plan.status == "infeasible":
        assert plan.conflicts
        return
    assert hard_rule_problems(data, plan) == []
    for t in data.townships:
        zh, en = township_reason(data, plan, t)
        assert t.township in zh and t.township in en


def test_slots_go_from_surplus_to_shortage_by_hand():
    data = KindInput("institutional", (
        township("甲乡", 25, 20, 20), township("乙镇", 19, 18, 23), township("丙镇", 30, 30, 28),
        township("丁乡", 10, 12, 11)))
    plan = reallocate(data)
    # 甲乡 can give 5 (25 → 20, its staff and its need); 丙镇's 2 above need are filled by staff;
    # 丁乡 must rise to its staff (12); 乙镇 takes the remaining 3 and stays 1 short.
    assert plan.quota == {"甲乡": 20, "乙镇": 22, "丙镇": 30, "丁乡": 12}
    assert [lv.value for lv in plan.levels[:2]] == [1, 5]
    zh, en = township_reason(data, plan, data.townships[2])
    assert "实有" in zh and "人员不减" in zh and "nobody is dismissed" in en


def test_locked_township_keeps_its_quota_and_says_so():
    data = KindInput("institutional", (
        township("甲乡", 25, 20, 20, locked=True), township("乙镇", 19, 18, 23)))
    plan = reallocate(data)
    assert plan.quota == {"甲乡": 25, "乙镇": 19}
    zh, en = township_reason(data, plan, data.townships[0])
    assert "锁定" in zh and "locked" in en


def test_reserve_is_kept_back_and_bands_hold():
    data = KindInput("institutional", (
        township("甲乡", 30, 20, 20, hi=26), township("乙镇", 20, 18, 24, lo=21), township("丙镇", 10, 8, 8)),
        reserve=3)
    plan = reallocate(data)
    assert sum(plan.quota.values()) <= 60 - 3
    assert plan.quota["甲乡"] <= 26 and plan.quota["乙镇"] >= 21
    assert plan.levels[0].value == 0  # 乙镇's 4 are covered from 甲乡's surplus


# ---------------------------------------------------------------- infeasible
def test_staff_above_the_total_names_the_rules():
    data = KindInput("institutional", (township("甲乡", 20, 20, 18), township("乙镇", 20, 19, 22)), reserve=2)
    plan = reallocate(data)
    assert plan.status == "infeasible"
    (conflict,) = plan.conflicts
    assert "staff" in conflict.rules and "total" in conflict.rules and "reserve" in conflict.rules
    assert "39" in conflict.zh and "38" in conflict.zh and "人员不减" in conflict.zh and "总量控制" in conflict.zh
    assert "nobody is dismissed" in conflict.en and "totals never grow" in conflict.en


def test_locked_township_over_quota_names_both_rules():
    data = KindInput("institutional", (township("甲乡", 20, 22, 25, locked=True), township("乙镇", 20, 10, 8)))
    plan = reallocate(data)
    assert plan.status == "infeasible"
    text = plan.conflicts[0].zh
    assert "甲乡" in text and "22" in text and "20" in text and "人员不减" in text and "锁定" in text
    assert "locked" in plan.conflicts[0].en


def test_band_maximum_below_leadership_names_both_rules():
    data = KindInput("administrative", (township("甲乡", 20, 12, 22, lead=11, hi=10),))
    plan = reallocate(data)
    assert plan.status == "infeasible"
    assert any("领导职数" in c.zh and "编制上限" in c.zh for c in plan.conflicts)


def test_total_cut_below_staff_names_the_cut():
    data = KindInput("support", (township("甲乡", 5, 5, 5), township("乙镇", 5, 4, 4)), total_cap=8)
    plan = reallocate(data)
    assert plan.status == "infeasible"
    assert "total_cap" in plan.conflicts[0].rules and "压减" in plan.conflicts[0].zh


# ---------------------------------------------------------------- marginal value
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(counties)
def test_marginal_value_matches_a_solve_with_one_more_slot(data):
    plan = reallocate(data)
    assume(plan.status != "infeasible")
    m = marginal_value(data, plan)
    richer = KindInput(data.kind, data.townships, data.reserve - 1, data.total_cap)
    best = brute_force(richer)
    assert m.uncovered_reduction == plan.levels[0].value - best[0]
    if m.uncovered_reduction:
        quota = dict(plan.quota)
        quota[m.township] += 1
        assert uncovered(data, quota) == plan.levels[0].value - 1


def test_cbc_fallback_gives_the_same_levels():
    data = KindInput("institutional", (
        township("甲乡", 25, 20, 20), township("乙镇", 19, 18, 23), township("丙镇", 30, 24, 28),
        township("丁乡", 10, 12, 11)))
    highs = reallocate(data)
    cbc = reallocate(data, prefer="cbc")
    assert cbc.solver == "CBC" and highs.solver == "HiGHS"
    assert [lv.value for lv in cbc.levels] == pytest.approx([lv.value for lv in highs.levels])
    assert all(lv.proven_optimal for lv in cbc.levels)


def test_scales_to_two_thousand_townships():
    import random

    rng = random.Random(3)
    rows = []
    for i in range(2000):
        a = rng.randint(15, 55)
        locked = i % 50 == 0
        staff = a - rng.randint(0 if locked else -2, 8)  # a few over quota, none of them locked
        rows.append(TownshipQuota(f"乡镇{i}", a, staff, a + rng.randint(-8, 8),
                                  a * rng.uniform(0.8, 1.2), 0, locked))
    data = KindInput("institutional", tuple(rows), reserve=20)
    plan = reallocate(data)  # its time is measured by benchmarks/bench_optimizer.py, not here
    assert plan.status == "optimal" and all(lv.proven_optimal for lv in plan.levels)
    assert hard_rule_problems(data, plan) == []


def test_solve_and_solution_status_are_read_together():
    from pulp import constants as C

    from optimizer import lp

    assert lp.read_status(C.LpStatusOptimal, C.LpSolutionOptimal) == ("optimal", True)
    # a time limit with a solution: PuLP says "Optimal" but the solution is only feasible
    assert lp.read_status(C.LpStatusOptimal, C.LpSolutionIntegerFeasible) == ("feasible", False)
    assert lp.read_status(C.LpStatusInfeasible, C.LpSolutionInfeasible) == ("infeasible", True)
    assert lp.read_status(C.LpStatusNotSolved, C.LpSolutionNoSolutionFound) == ("not_solved", False)


def test_cbc_takes_over_when_highs_is_missing(monkeypatch):
    from optimizer import lp

    monkeypatch.setattr(lp, "_BulkHiGHS", None)
    assert lp.solver_identity()[0] == "CBC"
    data = KindInput("institutional", (township("甲乡", 25, 20, 20), township("乙镇", 19, 18, 23)))
    plan = reallocate(data)
    assert plan.solver == "CBC" and plan.quota == {"甲乡": 21, "乙镇": 23}
    assert all(lv.proven_optimal for lv in plan.levels)
