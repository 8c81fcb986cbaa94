"""The multi-year model against brute force: every integer plan of tiny counties enumerated.

The rules and objectives are written out again here, from domain.md, without
the model's code: quota per township and year within its bounds, at most one
new pool loan per township (start year, slots), nobody dismissed (quota + pool
≥ staff), totals never growing, the pool never lending more than it holds, a
loan no larger than the borrower's leavers in its term and never to a township
with usable vacancy, each leaver returning a slot first. The model's levels
must equal the brute-force lexicographic optimum (balance within its gap).
"""

from __future__ import annotations

import itertools
import math
import random

import pytest

from optimizer.multi_year import IMBALANCE_GAP, KindYears, TownshipYears, plan_years, unchanging


def _held(slots: int, start: int, year: int, free: tuple[int, ...], term: int) -> int:
    if slots == 0 or year < start or year >= start + term:
        return 0
    return max(0, slots - sum(free[start:year]))


def brute_force(data: KindYears, within: set[str] | None = None) -> tuple[int, int, int, float] | None:
    """The lexicographic optimum (uncovered, moved + lent, touched, imbalance), or None if none is feasible.

    `within`: only plans that touch no township outside it.
    """
    n, kind = data.years, data.kind
    ranges, loan_choices = [], []
    for t in data.townships:
        low = max(t.leadership if kind == "administrative" else 0, t.band_min or 0)
        if t.band_max is None:
            raise ValueError("the brute force needs a band maximum on every township")
        if t.locked:
            ranges.append([(t.approved,) * n])
        else:
            ranges.append(list(itertools.product(range(low, t.band_max + 1), repeat=n)))
        options = [(0, 0)]
        if data.pool:
            for start in range(n):
                leavers = sum(t.free_leavers[start:start + data.term])
                options += [(start, s) for s in range(1, min(data.pool, leavers) + 1)]
        loan_choices.append(options)
    ratio = []
    for y in range(n):
        need = sum(t.required[y] for t in data.townships)
        ratio.append(data.total_limit / need if need > 0 else 0.0)
    best = None
    for quotas in itertools.product(*ranges):
        totals = [sum(q[y] for q in quotas) for y in range(n)]
        if totals[0] > data.total_limit or any(totals[y] > totals[y - 1] for y in range(1, n)):
            continue
        for loans in itertools.product(*loan_choices):
            pools = []
            ok = True
            for t, q, (start, slots) in zip(data.townships, quotas, loans):
                pool = [t.existing_pool[y] + _held(slots, start, y, t.free_leavers, data.term) for y in range(n)]
                if any(q[y] + pool[y] < t.staff[y] for y in range(n)):
                    ok = False
                    break
                if slots and q[start] > t.staff[start] + t.later_hires[start]:
                    ok = False   # usable vacancy: may not borrow
                    break
                pools.append(pool)
            if not ok:
                continue
            if any(sum(p[y] for p in pools) > max(data.pool, sum(t.existing_pool[y] for t in data.townships))
                   for y in range(n)):
                continue
            uncovered = sum(max(0, t.required[y] - q[y] - p[y])
                            for t, q, p in zip(data.townships, quotas, pools) for y in range(n))
            moved = sum(max(0, (t.approved if y == 0 else q[y - 1]) - q[y])
                        for t, q in zip(data.townships, quotas) for y in range(n) if not t.locked)
            moved += sum(slots for _, slots in loans)
            touched_names = {t.township for t, q, (_, slots) in zip(data.townships, quotas, loans)
                             if slots or any(v != t.approved for v in q)}
            if within is not None and not touched_names <= within:
                continue
            touched = len(touched_names)
            imbalance = math.fsum(abs(q[y] - ratio[y] * t.required[y])
                                  for t, q in zip(data.townships, quotas) for y in range(n) if not t.locked)
            key = (uncovered, moved, touched, imbalance)
            if best is None or key < best:
                best = key
    return best


def random_county(seed: int, townships: int, years: int, kind: str = "institutional",
                  still: bool = False) -> KindYears:
    """A random tiny county; `still`: nobody leaves and the need stays (the model's held-year path)."""
    rng = random.Random(seed)
    term = rng.choice((2, 3))
    rows = []
    for i in range(townships):
        staff0 = rng.randint(3, 7)
        leavers = [0 if still else rng.choice((0, 0, 1, 1, 2)) for _ in range(years + term)]
        staff = tuple(max(0, staff0 - sum(leavers[:y])) for y in range(years))
        need = rng.randint(3, 8)
        required = tuple(need if still else max(1, rng.randint(3, 8) + (y if rng.random() < 0.3 else 0))
                         for y in range(years))
        fte = rng.random()
        low = rng.choice((0, 2)) if kind == "administrative" else 0
        approved = rng.randint(max(low, staff0 - 1), staff0 + 2)
        existing = (1, 1, 0)[:years] if i == 0 and rng.random() < 0.4 and not still else (0,) * years
        rows.append(TownshipYears(
            township=f"t{i}", approved=approved, staff=staff, required=required,
            required_fte=tuple(r - fte if still else r - rng.random() for r in required), existing_pool=existing,
            free_leavers=tuple(leavers), later_hires=(0,) * years, leavers=tuple(leavers[:years]),
            leadership=low, locked=rng.random() < 0.15, band_min=max(0, approved - 1),
            band_max=approved + (1 if townships > 3 else 2)))
    limit = sum(t.approved for t in rows) - rng.choice((0, 0, 1))
    pool = rng.choice((0, 1) if townships > 3 else (0, 1, 2))
    return KindYears(kind, years, tuple(rows), limit, pool=pool, term=term)


CASES = [(seed, 2, 3, False) for seed in range(8)] + [(seed, 3, 2, False) for seed in range(8, 16)] + \
        [(seed, 4, 2, False) for seed in range(16, 20)] + [(seed, 3, 2, True) for seed in range(20, 26)]


@pytest.mark.parametrize("seed,townships,years,still", CASES)
def test_plan_matches_brute_force(seed, townships, years, still):
    kind = "administrative" if seed % 3 == 0 else "institutional"
    data = random_county(seed, townships, years, kind, still)
    assert unchanging(data) == still
    best = brute_force(data)
    result = plan_years(data)
    if best is None:
        assert result.status == "infeasible"
        return
    assert result.status == "optimal"
    levels = result.levels
    assert (levels["uncovered"], levels["moved"], levels["touched"]) == best[:3]
    # Balance is sought among the plans that touch only the townships level 3 chose.
    chosen = {t.township for t in data.townships
              if any(v != t.approved for v in result.quota[t.township])
              or any(p > e for p, e in zip(result.pool[t.township], t.existing_pool))}
    best_within = brute_force(data, chosen)
    assert best_within[:3] == best[:3]
    assert best_within[3] - 1e-6 <= levels["imbalance"] <= best_within[3] * (1 + IMBALANCE_GAP) + 1e-6
    # The plan read back keeps the rules the brute force checks.
    for t in data.townships:
        quota, pool = result.quota[t.township], result.pool[t.township]
        assert all(quota[y] + pool[y] >= t.staff[y] for y in range(years))
        assert all(quota[y] <= t.band_max for y in range(years))
    totals = [sum(q[y] for q in result.quota.values()) for y in range(years)]
    assert totals[0] <= data.total_limit and all(b <= a for a, b in zip(totals, totals[1:]))


def test_a_township_waits_for_a_retirement_instead_of_receiving_now():
    """B is short from the start, A has no vacancy until its people retire: the move comes then."""
    a = TownshipYears("A", approved=6, staff=(6, 5, 4), required=(4, 4, 4), required_fte=(4.0,) * 3,
                      existing_pool=(0, 0, 0), free_leavers=(1, 1, 0, 0, 0), later_hires=(0, 0, 0),
                      leavers=(1, 1, 0), band_max=10)
    b = TownshipYears("B", approved=4, staff=(4, 4, 4), required=(6, 6, 6), required_fte=(6.0,) * 3,
                      existing_pool=(0, 0, 0), free_leavers=(0,) * 5, later_hires=(0, 0, 0),
                      leavers=(0, 0, 0), band_max=10)
    data = KindYears("institutional", 3, (a, b), total_limit=10, pool=0, term=3)
    result = plan_years(data)
    assert result.quota == {"A": [6, 5, 4], "B": [4, 5, 6]}
    assert result.levels["uncovered"] == 2 + 1 + 0


def test_a_pool_loan_bridges_until_the_borrowers_people_leave():
    """With a pool, A can give now: its staff above the quota sits on pool slots, returned as they leave."""
    a = TownshipYears("A", approved=6, staff=(6, 5, 4), required=(4, 4, 4), required_fte=(4.0,) * 3,
                      existing_pool=(0, 0, 0), free_leavers=(1, 1, 0, 0, 0), later_hires=(0, 0, 0),
                      leavers=(1, 1, 0), band_max=10)
    b = TownshipYears("B", approved=4, staff=(4, 4, 4), required=(6, 6, 6), required_fte=(6.0,) * 3,
                      existing_pool=(0, 0, 0), free_leavers=(0,) * 5, later_hires=(0, 0, 0),
                      leavers=(0, 0, 0), band_max=10)
    data = KindYears("institutional", 3, (a, b), total_limit=10, pool=2, term=3)
    result = plan_years(data)
    assert result.levels["uncovered"] == 0
    assert result.quota == {"A": [4, 4, 4], "B": [6, 6, 6]}
    [loan] = result.loans
    assert (loan.township, loan.year, loan.slots, loan.held) == ("A", 0, 2, (2, 1, 0))


def test_no_loan_larger_than_the_leavers_in_its_term():
    a = TownshipYears("A", approved=6, staff=(6, 6), required=(4, 4), required_fte=(4.0, 4.0),
                      existing_pool=(0, 0), free_leavers=(0, 0, 1, 0), later_hires=(0, 0), leavers=(0, 0),
                      band_max=10)
    b = TownshipYears("B", approved=4, staff=(4, 4), required=(6, 6), required_fte=(6.0, 6.0),
                      existing_pool=(0, 0), free_leavers=(0,) * 4, later_hires=(0, 0), leavers=(0, 0), band_max=10)
    # A term of 2 years from year 0 sees none of A's leavers (its one leaver is in year 2): no loan
    # then, only one from year 1 whose term reaches it.
    result = plan_years(KindYears("institutional", 2, (a, b), total_limit=10, pool=5, term=2))
    assert [(x.township, x.year, x.slots) for x in result.loans] == [("A", 1, 1)]
    assert result.levels["uncovered"] == 2 + 1
    # A term of 3 years sees one: a loan of one slot, one more slot for B.
    result = plan_years(KindYears("institutional", 2, (a, b), total_limit=10, pool=5, term=3))
    assert [(x.township, x.slots) for x in result.loans] == [("A", 1)] and result.levels["uncovered"] == 2


def test_infeasible_rules_are_diagnosed_with_numbers():
    from optimizer.multi_year import diagnose

    a = TownshipYears("A", approved=5, staff=(7, 7), required=(4, 4), required_fte=(4.0, 4.0),
                      existing_pool=(0, 0), free_leavers=(0,) * 5, later_hires=(0, 0), leavers=(0, 0),
                      locked=True)
    data = KindYears("institutional", 2, (a,), total_limit=5, pool=0, term=3)
    assert plan_years(data).status == "infeasible"
    words = diagnose(data, [2027, 2028])
    assert any("A" in zh and "7" in zh and "锁定" in zh for zh, _ in words)
