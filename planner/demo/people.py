"""The demo county's people as the real-name ledger keeps them, its hiring plans and pool loans.

Drawn from their own random stream (seeded by the county's seed and each
township's name), so the demo's quota, staff and duties stay exactly as they
were. Township cadres are mostly 45–55, a few are over 55 and a few are recent
graduates, so that some 2–4% of the county's staff reach retirement each year.
"""

from __future__ import annotations

import random

from planner.domain.county import CountyData, HiringPlanData, PoolLoanData, TimeParams, TownshipData
from planner.domain.months import Month
from planner.domain.retirement import CADRE, FEMALE, MALE, WORKER, retirement_month

# The month the demo's ages are drawn for; births stay the same whatever today is.
DEMO_MONTH = Month(2026, 11)
PLAN_YEAR = DEMO_MONTH.year + 1

# (lowest age, highest age, weight): township staff, mostly middle-aged.
AGE_BANDS = ((22, 29, 7), (30, 39, 14), (40, 44, 15), (45, 49, 23), (50, 54, 20), (55, 57, 10), (58, 62, 11))
DEMO_TIME = TimeParams(pool_administrative=4, pool_institutional=6, pool_support=0)


def _birth(rng: random.Random, sex: str, status: str) -> Month:
    """A birth month whose retirement is still ahead of the demo month."""
    while True:
        low, high, _ = rng.choices(AGE_BANDS, weights=[b[2] for b in AGE_BANDS])[0]
        birth = DEMO_MONTH.plus(-(rng.randint(low * 12, high * 12 + 11)))
        if retirement_month(sex, status, birth) > DEMO_MONTH:
            return birth


def add_people_details(county: CountyData, seed: int) -> None:
    """Sex, birth month, status, leader and a few transfers for every person on file."""
    transfers = 0
    for t in county.townships:
        rng = random.Random(f"people-{seed}-{t.name}")
        leaders = {kind: q.leadership for kind, q in t.quotas.items()}
        for p in t.people:
            p.status = WORKER if p.kind == "support" else CADRE
            p.sex = FEMALE if rng.random() < (0.35 if p.kind == "administrative" else 0.45) else MALE
            p.birth_month = _birth(rng, p.sex, p.status)
        # Leaders are the older cadres of the administrative kind.
        admin = sorted((p for p in t.people if p.kind == "administrative"), key=lambda p: p.birth_month)
        posts = min(len(admin), leaders.get("administrative", 0))
        first = min(len(admin) // 5, len(admin) - posts)   # not the very oldest, who are about to retire
        for p in admin[first:first + posts]:
            p.leader = True
        if t.people and rng.random() < 0.3:
            young = [p for p in t.people if DEMO_MONTH.minus(p.birth_month) < 40 * 12 and not p.leader]
            if young:
                rng.choice(young).planned_leave = DEMO_MONTH.plus(rng.randint(3, 24))
                transfers += 1


def add_hiring_and_pool(county: CountyData, seed: int) -> None:
    """Next year's hiring plan within usable vacancy, and two loans from the county's pool."""
    rng = random.Random(f"time-{seed}")
    for t in county.townships:
        for kind, q in t.quotas.items():
            if q.vacancy >= 2 and rng.random() < 0.5:
                t.hiring.append(HiringPlanData(kind, PLAN_YEAR, max(1, q.vacancy // 2)))
    county.time = DEMO_TIME
    # Only a township without usable vacancy of the kind may borrow.
    borrowers = [(t, kind) for t in county.townships for kind in ("institutional", "administrative")
                 if kind in t.quotas and t.usable_vacancy(kind) == 0]
    loans = ((2, Month(2025, 3), Month(2028, 3)), (1, Month(2026, 1), Month(2028, 12)))
    for (slots, start, due), (t, kind) in zip(loans, borrowers[:2]):
        t.pool_loans.append(PoolLoanData(kind, slots, start, due))


def add_time_ledger(county: CountyData, seed: int) -> None:
    add_people_details(county, seed)
    add_hiring_and_pool(county, seed)


def township_retirements(township: TownshipData) -> dict[int, int]:
    """Retirements per year of one township (a helper for checks and the docs' figures)."""
    years: dict[int, int] = {}
    for p in township.people:
        month = retirement_month(p.sex, p.status, p.birth_month)
        if month is not None:
            years[month.year] = years.get(month.year, 0) + 1
    return years
