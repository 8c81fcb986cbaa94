"""County reallocation of one quota kind, in strict priority order.

Variables: the new quota q_t of each township (whole number). Hard rules
(domain.md) become bounds and one total:
    lower_t = max(staff, leadership, band min)        (nobody is dismissed)
    upper_t = band max                                (when given)
    lower_t = upper_t = approved                      (locked townships)
    Σ q_t ≤ Σ approved − reserve, and ≤ total cap     (totals never grow)

Objectives, each minimised with the ones before it held at their optimum:
 1. uncovered need   Σ max(0, required_t − q_t)
 2. slots moved      Σ max(0, approved_t − q_t): every slot leaves a township
                     once, to another township or to the county reserve, so
                     this counts each moved slot exactly once
 3. townships touched  Σ [q_t ≠ approved_t]: with the slots moved held at
                     their fewest, as few townships as possible change
                     (domain.md, soft preference 2: "fewest slots moved, and
                     fewest townships touched")
 4. imbalance        (among proposals that change only the townships level 3
                     chose) Σ |q_t − ρ·required_t|, ρ = county total allowed ÷
                     county A/B need `required`: how many slots each township
                     is away from an even spread of the county's quota over
                     the need the proposal covers (the same pressure, quota ÷
                     need, everywhere: the figure the tables show). Linear,
                     and in slots, so it reads like the others.
Levels 1 and 2 are network-flow problems (their LP optimum is whole), levels
3 and 4 need the integer solver; all are solved by HiGHS (CBC as fallback) and
each optimum's proof or gap is recorded.

Rules that cannot all hold are found before any model is built (the lower
bounds against the upper bounds and the total); with them out of the way the
model is always feasible (every q_t at its lower bound is a solution).
"""

from __future__ import annotations

import math
import time

from optimizer import lp
from optimizer.inputs import KindInput, TownshipQuota
from optimizer.plan import Conflict, KindPlan, Level, Limit
from optimizer.words import kind_en, kind_zh, rule_en, rule_zh


def limits(t: TownshipQuota, kind: str) -> tuple[Limit, Limit]:
    """(lowest, highest) allowed quota of a township and the rule behind each."""
    if t.locked:
        return Limit(t.approved, "locked"), Limit(t.approved, "locked")
    low, rule = t.staff, "staff"
    if kind == "administrative" and t.leadership > low:
        low, rule = t.leadership, "leadership"
    if t.band_min is not None and t.band_min > low:
        low, rule = t.band_min, "band_min"
    high = Limit(t.band_max, "band_max") if t.band_max is not None else Limit(None, "none")
    return Limit(max(0, low), rule), high


def find_conflicts(data: KindInput) -> tuple[list[Conflict], dict[str, Limit], dict[str, Limit]]:
    """Every hard-rule conflict of the kind, in words with its numbers."""
    kind = data.kind
    kzh, ken = kind_zh(kind), kind_en(kind)
    conflicts: list[Conflict] = []
    lower: dict[str, Limit] = {}
    upper: dict[str, Limit] = {}
    for t in data.townships:
        lo, hi = limits(t, kind)
        lower[t.township], upper[t.township] = lo, hi
        needs = [(t.staff, "staff")]
        if kind == "administrative":
            needs.append((t.leadership, "leadership"))
        if t.band_min is not None:
            needs.append((t.band_min, "band_min"))
        cap = Limit(t.approved, "locked") if t.locked else hi
        if t.locked and t.band_max is not None and t.band_max < t.approved:
            needs.append((t.approved, "locked"))
            cap = Limit(t.band_max, "band_max")
        if cap.value is None:
            continue
        for value, rule in needs:
            if value > cap.value:
                conflicts.append(Conflict(
                    kind, [rule, cap.rule],
                    f"{t.township}{kzh}编制：{rule_zh(cap.rule)}为 {cap.value} 名，"
                    f"但{rule_zh(rule)}为 {value} 名，“{rule_zh(rule, True)}”与“{rule_zh(cap.rule, True)}”"
                    f"无法同时满足",
                    f"{t.township}, {ken} quota: {rule_en(cap.rule)} is {cap.value} but "
                    f"{rule_en(rule)} is {value}; the rules '{rule_en(rule, True)}' and "
                    f"'{rule_en(cap.rule, True)}' cannot both hold"))
    if conflicts:
        return conflicts, lower, upper

    total_limit = data.total_limit
    floor_total = sum(lo.value for lo in lower.values())
    if floor_total > total_limit:
        parts_zh, parts_en, rules = [], [], set()
        by_rule: dict[str, int] = {}
        for name, lo in lower.items():
            by_rule[lo.rule] = by_rule.get(lo.rule, 0) + lo.value
        for rule in ("staff", "leadership", "band_min", "locked"):
            if by_rule.get(rule):
                rules.add(rule)
                parts_zh.append(f"{rule_zh(rule, group=True)} {by_rule[rule]:,} 名")
                parts_en.append(f"{rule_en(rule, group=True)} {by_rule[rule]:,}")
        limit_zh = [f"核定合计 {data.total_before:,} 名（总量只减不增）"]
        limit_en = [f"approved total {data.total_before:,} (totals never grow)"]
        if data.reserve:
            limit_zh.append(f"县里预留 {data.reserve:,} 名")
            limit_en.append(f"county reserve {data.reserve:,}")
            rules.add("reserve")
        if data.total_cap is not None and data.total_cap < data.total_before - data.reserve:
            limit_zh.append(f"总量压减至 {data.total_cap:,} 名")
            limit_en.append(f"total cut to {data.total_cap:,}")
            rules.add("total_cap")
        rules.add("total")
        conflicts.append(Conflict(
            kind, sorted(rules),
            f"{kzh}编制：各乡镇调剂后至少需 {floor_total:,} 名（{'、'.join(parts_zh)}），"
            f"超过调剂后总量上限 {max(total_limit, 0):,} 名（{'，'.join(limit_zh)}），"
            f"“人员不减”等下限与“总量控制”无法同时满足",
            f"{ken} quota: the townships need at least {floor_total:,} after the proposal "
            f"({', '.join(parts_en)}), more than the most the total allows, {max(total_limit, 0):,} "
            f"({'; '.join(limit_en)}); 'nobody is dismissed' and the other floors cannot hold "
            f"together with 'totals never grow'"))
    return conflicts, lower, upper


def reallocate(data: KindInput, *, max_nodes: int = 20000, deadline: float | None = None,
               prefer: str = "auto") -> KindPlan:
    """The proposal for one kind: quota per township and each level's optimum.

    `max_nodes` bounds each level's search (work, so the answer never depends on
    the machine's load); `deadline` is the user's time limit (a time.time()
    instant): a level it stops raises lp.OutOfTime rather than giving a weaker answer.
    """
    kind = data.kind
    conflicts, lower, upper = find_conflicts(data)
    plan = KindPlan(kind=kind, status=lp.OPTIMAL, quota={t.township: t.approved for t in data.townships},
                    total_before=data.total_before, total_limit=data.total_limit, reserve=data.reserve,
                    lower=lower, upper=upper)
    if conflicts:
        plan.status, plan.conflicts = lp.INFEASIBLE, conflicts
        return plan
    if not data.townships:
        plan.levels = [Level(n, 0.0, True, 0.0, 0.0) for n in ("uncovered", "moved", "touched", "imbalance")]
        return plan

    total_limit = data.total_limit
    slack = total_limit - sum(lo.value for lo in lower.values())
    need_total = sum(t.required for t in data.townships)
    ratio = total_limit / need_total if need_total > 0 else 0.0
    plan.target_ratio = ratio

    build_started = time.perf_counter()
    problem = lp.new_problem(f"reallocate_{kind}")
    q: dict[str, object] = {}
    fixed: dict[str, int] = {}
    short_terms, give_terms, touch_terms, dev_terms = [], [], [], []
    changeable = []  # (quota variable, approved, lowest, highest, key): the switches of level 3
    for t in data.townships:
        lo = lower[t.township].value
        hi = upper[t.township].value
        top = lo + slack if hi is None else min(hi, lo + slack)
        key = f"t{len(q) + len(fixed)}"
        if top <= lo:
            fixed[t.township] = lo
            continue
        var = lp.integer(problem, f"quota_{key}", lo, top)
        q[t.township] = var
        if t.required > lo:  # the shortfall can be positive only then
            s = lp.continuous(problem, f"uncovered_{key}", 0, t.required - lo)
            lp.add(problem, s + var >= t.required, f"uncovered_need_of_{key}")
            short_terms.append(s)
        if t.approved > lo:  # and slots can leave only then
            g = lp.continuous(problem, f"given_{key}", 0, t.approved - lo)
            lp.add(problem, g + var >= t.approved, f"slots_given_by_{key}")
            give_terms.append(g)
        changeable.append((var, t.approved, lo, top, key))
        target = ratio * t.required
        d = lp.continuous(problem, f"imbalance_{key}", 0, None)
        lp.add(problem, d - var >= -target, f"above_even_share_{key}")
        lp.add(problem, d + var >= target, f"below_even_share_{key}")
        low_whole = math.floor(target)
        if low_whole < target:
            # Between the two whole numbers around the target the deviation of a whole quota is
            # the chord through them: with it the LP relaxation is already whole-numbered.
            above = target - low_whole
            slope = 1.0 - 2.0 * above
            lp.add(problem, d - slope * var >= above - slope * low_whole,
                   f"imbalance_between_whole_numbers_{key}")
        dev_terms.append(d)
    fixed_total = sum(fixed.values())
    if q:
        lp.add(problem, lp.total(q.values()) <= total_limit - fixed_total, "county_total_never_grows")

    plan.build_seconds += time.perf_counter() - build_started
    levels: list[Level] = []
    objectives = (("uncovered", short_terms, True),
                  ("moved", give_terms, True),
                  ("touched", touch_terms, True),
                  ("imbalance", dev_terms, False))
    status = lp.OPTIMAL
    constant = {"uncovered": sum(max(0, t.required - fixed[t.township]) for t in data.townships
                                 if t.township in fixed),
                "moved": sum(max(0, t.approved - fixed[t.township]) for t in data.townships
                             if t.township in fixed),
                "touched": sum(1 for t in data.townships
                               if t.township in fixed and fixed[t.township] != t.approved),
                "imbalance": math.fsum(abs(fixed[t.township] - ratio * t.required)
                                       for t in data.townships if t.township in fixed)}
    solver_name = ""
    for name, terms, whole in objectives:
        if not q or not terms:
            levels.append(Level(name, constant[name], True, constant[name], 0.0))
            continue
        build_started = time.perf_counter()
        objective = lp.total(terms)
        lp.set_objective(problem, objective)
        plan.build_seconds += time.perf_counter() - build_started
        outcome = lp.solve_by(problem, deadline, prefer, max_nodes=max_nodes, what=f"{kind}, level '{name}'")
        plan.models += 1
        solver_name = outcome.solver
        plan.build_seconds += outcome.times.build
        plan.solver_seconds += outcome.times.solve
        plan.read_seconds += outcome.times.read
        if not outcome.has_solution:
            # Cannot happen with conflicts ruled out, unless the solver ran out of time.
            raise lp.NoSolution(f"{kind}: level '{name}' ended {outcome.status} without a solution")
        value = outcome.objective or 0.0
        if whole:
            value = float(round(value))
        bound = outcome.bound if outcome.bound is not None else None
        levels.append(Level(name, value + constant[name], outcome.proven_optimal,
                            None if bound is None else bound + constant[name], outcome.gap))
        if not outcome.proven_optimal:
            status = lp.FEASIBLE
        # Hold this level at what was reached before optimising the next one.
        if name != "imbalance":
            lp.add(problem, objective <= value + (0 if whole else 1e-6), f"keep_{name}_at_its_optimum")
        if name == "moved":
            touch_terms += _touch_switches(problem, changeable, int(value) + constant["moved"])
        if name == "touched":
            # Balance among proposals that change only the townships this level chose: choosing
            # among equally few sets too makes the last level a hard search at 2,000 townships.
            for switch in touch_terms:
                if round(lp.value(switch)) == 0:
                    switch.upBound = 0
        read_started = time.perf_counter()
        plan.quota.update({n: int(round(lp.value(v))) for n, v in q.items()})
        plan.read_seconds += time.perf_counter() - read_started
    plan.quota.update(fixed)
    plan.levels = levels
    plan.status = status
    plan.solver = solver_name
    return plan


def _touch_switches(problem, changeable, moved_total: int) -> list:
    """One 0/1 switch per township that may change, on when its quota differs from the approved.

    Built once the slots moved are known: no township can grow by more than all the slots
    given up (totals never grow) nor shrink by more, so the switches' coefficients are at
    most `moved_total`, which keeps the model tight where the plain quota range would not.
    """
    switches = []
    for var, approved, lo, top, key in changeable:
        grow, shrink = min(top - approved, moved_total), min(approved - lo, moved_total)
        if grow <= 0 and shrink <= 0:
            continue
        touched = lp.binary(problem, f"touched_{key}")
        if grow > 0:
            lp.add(problem, var - grow * touched <= approved, f"grows_only_if_touched_{key}")
        if shrink > 0:
            lp.add(problem, var + shrink * touched >= approved, f"shrinks_only_if_touched_{key}")
        switches.append(touched)
    return switches


def uncovered(data: KindInput, quota: dict[str, int]) -> int:
    return sum(max(0, t.required - quota[t.township]) for t in data.townships)


def moved(data: KindInput, quota: dict[str, int]) -> int:
    return sum(max(0, t.approved - quota[t.township]) for t in data.townships)


def touched(data: KindInput, quota: dict[str, int]) -> int:
    return sum(1 for t in data.townships if quota[t.township] != t.approved)


def imbalance(data: KindInput, quota: dict[str, int], ratio: float | None = None) -> float:
    if ratio is None:
        need = sum(t.required for t in data.townships)
        ratio = data.total_limit / need if need > 0 else 0.0
    return math.fsum(abs(quota[t.township] - ratio * t.required) for t in data.townships)
