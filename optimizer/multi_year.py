"""The multi-year plan of one quota kind: every township's quota and pool slots in every year.

Pure: a KindYears (plain numbers) in, a YearsPlan out. Years are 0 … N−1; a
year's quota is the one in force from its 1 January.

Variables, for township t and year y:
  q[t,y]    whole quota in force in year y (q[t,−1] = today's approved quota)
  w[t,y,s]  1 when a new pool loan to t starts on 1 January of year y with at least s
            slots, s = 1 … cap[t,y]; w[t,y,s] ≤ w[t,y,s−1]. cap = min(county pool, the
            borrower's free leavers in the term): a loan is never larger than the people
            expected to leave during it.
The pool slots t holds in year y are those of the existing loans (fixed) plus, for a
new loan started in year y0 ≤ y < y0 + T, the slots its borrower's leavers have not
yet returned: each leaver returns one slot first, so after c leavers a loan of v slots
holds max(0, v − c) = Σ_{s > c} w[t,y0,s], which is linear in w.

Hard rules (domain.md), every year:
  q + pool ≥ staff_start                       nobody is dismissed
  q ≥ leadership (administrative), band min; q ≤ band max; locked: q = approved
  Σ_t q[t,0] ≤ total limit, Σ_t q[t,y] ≤ Σ_t q[t,y−1]   the county's pool balance (held and
                                              lent) stays constant, so Σ quota + pool never grows
  Σ_t pool[t,y] ≤ the county's pool
  Σ_y w[t,y,1] ≤ 1                             one new loan per township and kind in the plan
  w[t,y,1] = 1 ⇒ q[t,y] ≤ staff_start + later planned hires   no loan to usable vacancy
Objectives, each minimised with the ones before held at their optimum:
 1. uncovered   Σ_y Σ_t max(0, required − q − pool)
 2. moved       Σ_y Σ_t max(0, q[t,y−1] − q[t,y]) + slots newly lent
 3. touched     townships whose quota changes in some year or that borrow anew
 4. imbalance   Σ_y Σ_t |q[t,y] − ρ_y · required[t,y]|, ρ_y = total limit ÷ Σ required: pressure
                on the A/B need the tables show, as the one-year reallocation balances it; sought
                among plans that touch only the townships level 3 chose (choosing among equally
                few sets as well makes the last level a long search at 200 townships)
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field, replace

from optimizer import lp

LEVELS = ("uncovered", "moved", "touched", "imbalance")
IMBALANCE_GAP = 0.01


@dataclass(frozen=True)
class TownshipYears:
    """One township's line of a kind over the plan's years."""

    township: str
    approved: int
    staff: tuple[int, ...]            # staff_start per year
    required: tuple[int, ...]         # whole-number A/B need per year
    required_fte: tuple[float, ...]
    existing_pool: tuple[int, ...]    # slots of existing loans still out on 1 January of each year
    free_leavers: tuple[int, ...]     # per year, N + T years: leavers not returning an existing loan
    later_hires: tuple[int, ...] = ()  # planned hires of later years: promised, not usable vacancy
    leavers: tuple[int, ...] = ()      # people leaving during each year (for the reasons' words)
    leadership: int = 0
    locked: bool = False
    band_min: int | None = None
    band_max: int | None = None


@dataclass(frozen=True)
class KindYears:
    kind: str
    years: int
    townships: tuple[TownshipYears, ...]
    total_limit: int                  # the most Σ quota may be in the first year (today's total − reserve)
    pool: int = 0                     # the county's pool of the kind: slots held and lent
    term: int = 3                     # pool_term_years


@dataclass
class NewLoan:
    township: str
    year: int                         # starts on 1 January of this plan year (0-based)
    slots: int
    held: tuple[int, ...]             # slots still out on 1 January of each plan year


@dataclass
class YearsPlan:
    kind: str
    status: str                                       # optimal | feasible | infeasible
    quota: dict[str, list[int]]                       # township -> quota per year
    pool: dict[str, list[int]]                        # township -> pool slots per year
    loans: list[NewLoan] = field(default_factory=list)
    levels: dict[str, float] = field(default_factory=dict)
    solver: str = ""
    seconds: float = 0.0


def loan_cap(t: TownshipYears, year: int, data: KindYears) -> int:
    """The largest new loan to `t` starting in `year`: its free leavers in the term, and the pool."""
    return max(0, min(data.pool, sum(t.free_leavers[year:year + data.term])))


def loan_held(t: TownshipYears, year: int, slots: int, data: KindYears) -> list[int]:
    """Slots of a new loan of `slots` started in `year` still out on 1 January of each plan year."""
    held = []
    for y in range(data.years):
        if y < year or y >= year + data.term:
            held.append(0)
        else:
            held.append(max(0, slots - sum(t.free_leavers[year:y])))
    return held


def most_new_pool(t: TownshipYears, y: int, data: KindYears) -> int:
    """The most slots a new loan could still hold for `t` in year `y`."""
    if not data.pool:
        return 0
    return max([0] + [loan_cap(t, y0, data) - sum(t.free_leavers[y0:y])
                      for y0 in range(max(0, y - data.term + 1), y + 1)])


def floor(t: TownshipYears, y: int, data: KindYears) -> int:
    """The lowest quota `t` may hold in year `y`: staff less the most pool slots, leadership, band, lock."""
    if t.locked:
        return t.approved
    return max(lower_bound(t, data.kind), t.staff[y] - t.existing_pool[y] - most_new_pool(t, y, data))


def lower_bound(t: TownshipYears, kind: str) -> int:
    """The floor of the quota besides staff (which pool slots may share): leadership and band."""
    low = 0
    if kind == "administrative":
        low = max(low, t.leadership)
    if t.band_min is not None:
        low = max(low, t.band_min)
    return low


def unchanging(data: KindYears) -> bool:
    """True when no figure of the kind changes over the years and no new loan is possible."""
    for t in data.townships:
        for figures in (t.staff, t.required, t.required_fte, t.existing_pool):
            if len(set(figures)) > 1:
                return False
        if data.pool and any(loan_cap(t, y, data) for y in range(data.years)):
            return False
    return True


def _held_still(data: KindYears, max_nodes: int, deadline: float | None, prefer: str) -> YearsPlan:
    """The plan of a kind whose figures never change: the best first year, held.

    Exact: each year's rules are the first year's, so Σ uncovered and Σ imbalance are at
    least N times a year's least, moves and townships touched at least a year's least, and
    holding the best first year reaches all four bounds at once (totals then never grow).
    """
    first = replace(data, years=1, townships=tuple(
        replace(t, staff=t.staff[:1], required=t.required[:1], required_fte=t.required_fte[:1],
                existing_pool=t.existing_pool[:1], later_hires=t.later_hires[:1], leavers=t.leavers[:1])
        for t in data.townships))
    one = plan_years(first, max_nodes=max_nodes, deadline=deadline, prefer=prefer)
    n = data.years
    if one.status == lp.INFEASIBLE:
        one.quota = {t.township: [t.approved] * n for t in data.townships}
    else:
        one.quota = {name: values * n for name, values in one.quota.items()}
    one.pool = {t.township: list(t.existing_pool) for t in data.townships}
    for name in ("uncovered", "imbalance"):
        if name in one.levels:
            one.levels[name] *= n
    return one


def plan_years(data: KindYears, *, max_nodes: int = 20000, deadline: float | None = None,
               prefer: str = "auto") -> YearsPlan:
    """The plan of one kind; status infeasible (quota as today) when the hard rules cannot all hold."""
    if data.years > 1 and unchanging(data):
        return _held_still(data, max_nodes, deadline, prefer)
    started = time.perf_counter()
    n, kind = data.years, data.kind
    result = YearsPlan(kind, lp.OPTIMAL, {t.township: [t.approved] * n for t in data.townships},
                       {t.township: list(t.existing_pool) for t in data.townships})
    if not data.townships or n == 0:
        result.levels = {name: 0.0 for name in LEVELS}
        return result

    problem = lp.new_problem(f"plan_{kind}")
    q: dict[tuple[int, int], object] = {}
    w: dict[tuple[int, int, int], object] = {}
    pool_terms: dict[tuple[int, int], list] = {}
    short_terms, give_terms, lend_terms, touch_terms, dev_terms = [], [], [], [], []
    switchable = []  # (township index, its quota changes, its loan starts): the switches of level 3
    floors = [sum(floor(t, y, data) for t in data.townships) for y in range(n)]
    for i, t in enumerate(data.townships):
        low = lower_bound(t, kind)
        for y in range(n):
            # Above its floor a township can take at most the county's slack of the year.
            low_y = floor(t, y, data)
            top = t.approved if t.locked else max(low_y, data.total_limit - floors[y] + low_y)
            if t.band_max is not None and not t.locked:
                top = min(top, t.band_max)
            top = max(low_y, top)
            q[(i, y)] = lp.integer(problem, f"quota_t{i}_y{y}", low_y, top)
            pool_terms[(i, y)] = []
        for y in range(n if data.pool > 0 else 0):
            for s in range(1, loan_cap(t, y, data) + 1):
                w[(i, y, s)] = lp.binary(problem, f"loan_t{i}_y{y}_s{s}")
                if s > 1:
                    lp.add(problem, w[(i, y, s)] <= w[(i, y, s - 1)], f"loan_slots_in_order_t{i}_y{y}_s{s}")
                lend_terms.append(w[(i, y, s)])
            cap = loan_cap(t, y, data)
            for y2 in range(y, min(n, y + data.term)):
                returned = sum(t.free_leavers[y:y2])
                pool_terms[(i, y2)] += [w[(i, y, s)] for s in range(returned + 1, cap + 1)]
            if cap:
                # No loan to a township with usable vacancy: borrowing caps its quota at its staff.
                room = t.staff[y] + (t.later_hires[y] if t.later_hires else 0)
                upper = int(q[(i, y)].upBound)
                if upper > room:
                    lp.add(problem, q[(i, y)] + (upper - room) * w[(i, y, 1)] <= upper,
                           f"no_loan_to_usable_vacancy_t{i}_y{y}")
        starts = [w[(i, y, 1)] for y in range(n) if (i, y, 1) in w]
        if len(starts) > 1:
            lp.add(problem, lp.total(starts) <= 1, f"one_new_loan_t{i}")
        changes = []
        for y in range(n):
            var, pool = q[(i, y)], pool_terms[(i, y)]
            held = t.existing_pool[y]
            lp.add(problem, var + lp.total(pool) >= t.staff[y] - held, f"nobody_dismissed_t{i}_y{y}")
            if t.required[y] > low:
                u = lp.continuous(problem, f"uncovered_t{i}_y{y}", 0, t.required[y])
                lp.add(problem, u + var + lp.total(pool) >= t.required[y] - held, f"uncovered_need_t{i}_y{y}")
                short_terms.append(u)
            before = t.approved if y == 0 else q[(i, y - 1)]
            if not t.locked:
                g = lp.continuous(problem, f"given_t{i}_y{y}", 0, None)
                lp.add(problem, g + var - before >= 0, f"slots_given_t{i}_y{y}")
                give_terms.append(g)
                changes.append((var, t.approved))
        if changes or starts:
            switchable.append((i, changes, starts))
    for y in range(n):
        need = sum(t.required[y] for t in data.townships)
        ratio = data.total_limit / need if need > 0 else 0.0
        for i, t in enumerate(data.townships):
            if t.locked:
                continue
            target = ratio * t.required[y]
            d = lp.continuous(problem, f"imbalance_t{i}_y{y}", 0, None)
            lp.add(problem, d - q[(i, y)] >= -target, f"above_even_share_t{i}_y{y}")
            lp.add(problem, d + q[(i, y)] >= target, f"below_even_share_t{i}_y{y}")
            low_whole = math.floor(target)
            if low_whole < target:
                # The chord between the two whole numbers around the target (as in the one-year
                # reallocation): the deviation of a whole quota is unchanged, the LP is tighter.
                above = target - low_whole
                slope = 1.0 - 2.0 * above
                lp.add(problem, d - slope * q[(i, y)] >= above - slope * low_whole,
                       f"imbalance_between_whole_numbers_t{i}_y{y}")
            dev_terms.append(d)
        year_total = lp.total(q[(i, y)] for i in range(len(data.townships)))
        if y == 0:
            lp.add(problem, year_total <= data.total_limit, "county_total_never_grows_y0")
        else:
            lp.add(problem, year_total - lp.total(q[(i, y - 1)] for i in range(len(data.townships))) <= 0,
                   f"county_total_never_grows_y{y}")
        lent = [v for i in range(len(data.townships)) for v in pool_terms[(i, y)]]
        existing = sum(t.existing_pool[y] for t in data.townships)
        if lent:
            lp.add(problem, lp.total(lent) <= max(0, data.pool - existing), f"pool_holds_enough_y{y}")

    status = lp.OPTIMAL
    objectives = (("uncovered", short_terms, True), ("moved", give_terms + lend_terms, True),
                  ("touched", touch_terms, True), ("imbalance", dev_terms, False))
    for name, terms, whole in objectives:
        if not terms:
            result.levels[name] = 0.0
            continue
        objective = lp.total(terms)
        lp.set_objective(problem, objective)
        # Balance, the last and least level, is solved to within IMBALANCE_GAP of its bound
        # (work, not time: the same answer on any machine); the levels before it exactly.
        # HiGHS's presolve costs ten times the solve itself on the levels whose root LP already
        # closes the gap: at 200 townships 1.5 s against 0.1 s for uncovered and moved. The
        # touched level, with its big-M switches, needs presolve but not its probing of the
        # loan binaries, which took two thirds of its time (3.6 s against 0.95 s, same optimum).
        outcome = lp.solve(problem, lp.time_left(deadline), prefer, max_nodes=max_nodes,
                           gap_rel=IMBALANCE_GAP if name == "imbalance" else None,
                           presolve="no probing" if name == "touched" else "off")
        if outcome.stopped == "time":
            raise lp.OutOfTime(f"{kind}, plan level '{name}': the user's time limit ended the solve")
        result.solver = outcome.solver
        if outcome.status == lp.INFEASIBLE:
            result.status = lp.INFEASIBLE
            result.quota = {t.township: [t.approved] * n for t in data.townships}
            result.pool = {t.township: list(t.existing_pool) for t in data.townships}
            result.seconds = time.perf_counter() - started
            return result
        if not outcome.has_solution:
            raise lp.NoSolution(f"{kind}: plan level '{name}' ended {outcome.status} without a solution")
        value = float(round(outcome.objective or 0.0)) if whole else float(outcome.objective or 0.0)
        result.levels[name] = value
        if not outcome.proven_optimal:
            status = lp.FEASIBLE
        if name != "imbalance":
            lp.add(problem, objective <= value + (0 if whole else 1e-6), f"keep_{name}_at_its_optimum")
        if name == "moved":
            touch_terms += _touch_switches(problem, switchable, int(value))
        if name == "touched":
            for switch in touch_terms:  # balance within the townships this level chose
                if round(lp.value(switch)) == 0:
                    switch.upBound = 0
        _read(result, data, q, w)
    result.status = status
    result.seconds = time.perf_counter() - started
    return result


def _touch_switches(problem, switchable, moved: int) -> list:
    """One 0/1 switch per township that may change or borrow, on when it does.

    Built once the slots moved and lent are known: no quota grows or shrinks by more than all
    the slots given up over the plan, so the switches' coefficients are at most `moved`, which
    keeps the model tight where the plain quota range would not.
    """
    switches = []
    for i, changes, starts in switchable:
        x = lp.binary(problem, f"touched_t{i}")
        for y, (var, approved) in enumerate(changes):
            up = min(int(var.upBound) - approved, moved)
            down = min(approved - int(var.lowBound), moved)
            if up > 0:
                lp.add(problem, var - up * x <= approved, f"touched_up_t{i}_y{y}")
            if down > 0:
                lp.add(problem, var + down * x >= approved, f"touched_down_t{i}_y{y}")
        for y, start in enumerate(starts):
            lp.add(problem, start - x <= 0, f"touched_by_loan_t{i}_y{y}")
        switches.append(x)
    return switches


def _read(result: YearsPlan, data: KindYears, q: dict, w: dict) -> None:
    n = data.years
    result.loans = []
    for i, t in enumerate(data.townships):
        result.quota[t.township] = [int(round(lp.value(q[(i, y)]))) for y in range(n)]
        pool = list(t.existing_pool)
        for y in range(n):
            slots = sum(1 for s in range(1, loan_cap(t, y, data) + 1) if lp.value(w[(i, y, s)]) > 0.5) \
                if (i, y, 1) in w else 0
            if slots:
                held = loan_held(t, y, slots, data)
                result.loans.append(NewLoan(t.township, y, slots, tuple(held)))
                pool = [a + b for a, b in zip(pool, held)]
        result.pool[t.township] = pool


def diagnose(data: KindYears, calendar: list[int]) -> list[tuple[str, str]]:
    """Why the hard rules of a kind cannot all hold, with the numbers, in Chinese and English.

    Each township's floor in a year is its staff less the pool slots it could hold at most
    (existing loans and the largest new loan), and not below its leadership and band; a
    locked township's floor is its approved quota. A floor above a township's ceiling, or
    floors adding up to more than the county's total, is a conflict.
    """
    from optimizer.words import kind_en, kind_zh

    kind = data.kind
    kzh, ken = kind_zh(kind), kind_en(kind)
    found = []
    for y in range(data.years):
        floors = 0
        for t in data.townships:
            best_loan = max((loan_cap(t, y0, data) - sum(t.free_leavers[y0:y])
                             for y0 in range(max(0, y - data.term + 1), y + 1)), default=0) if data.pool else 0
            staff_floor = t.staff[y] - t.existing_pool[y] - max(0, best_loan)
            low = max(lower_bound(t, kind), staff_floor)
            ceiling = t.approved if t.locked else t.band_max
            if ceiling is not None and low > ceiling:
                why_zh = "乡镇已锁定" if t.locked else f"编制上限 {ceiling} 名"
                why_en = "the township is locked" if t.locked else f"its band maximum is {ceiling}"
                found.append((f"{calendar[y]}年{t.township}{kzh}编制：年初实有 {t.staff[y]} 人，周转池最多 "
                              f"{t.staff[y] - staff_floor} 名，编制至少需 {low} 名，但{why_zh}"
                              f"（{'核定 ' + str(t.approved) + ' 名' if t.locked else ''}），“人员不减”无法满足",
                              f"{calendar[y]}, {t.township}, {ken}: {t.staff[y]} staff on 1 January and at most "
                              f"{t.staff[y] - staff_floor} pool slots need a quota of at least {low}, but {why_en}; "
                              f"'nobody is dismissed' cannot hold"))
            floors += low if not t.locked else t.approved
        if floors > data.total_limit:
            found.append((f"{calendar[y]}年{kzh}编制：各乡镇至少需 {floors:,} 名（实有人数、领导职数、下限与锁定），"
                          f"超过总量上限 {data.total_limit:,} 名（总量只减不增）",
                          f"{calendar[y]}, {ken}: the townships need at least {floors:,} (staff, leadership, "
                          f"bands and locks), more than the total allows, {data.total_limit:,} (totals never grow)"))
    if not found:
        found.append((f"{kzh}编制：各年的刚性规则无法同时满足（周转池 {data.pool} 名不足以让各乡镇人员不减且总量不增）",
                      f"{ken}: the hard rules cannot all hold over the years (the pool of {data.pool} cannot keep "
                      f"everyone on staff within the total)"))
    return found
