"""A realistic, deterministic demo county (ranges from domain.md).

The workload is generated first; the approved quota is then set around what
that workload needs, so that some townships are short, some have slots to
spare and a few are over quota, as in real ledgers.
"""

from __future__ import annotations

import math
import random
from datetime import date

from planner.domain.county import (
    CountyData, DutyData, OfficeData, PersonData, QuotaData, TownshipData,
)
from planner.demo.catalogue import (
    ADMIN_OFFICES, GIVEN_CHARS, INSTITUTIONAL_OFFICES, OFFICE_DUTIES, PLACE_SYLLABLES,
    SUPPORT_OFFICES, SURNAMES,
)
from planner.domain.workload import WorkParams, available_hours, shared_allowance_factor
from planner.demo.people import add_time_ledger
from planner.demo.posts import add_office_backups, add_posts
from planner.demo.scenarios import add_example_scenarios
from planner.store.ledger import replace_county


def _township_names(rng: random.Random, n: int) -> list[tuple[str, str]]:
    """n distinct (name, type) pairs; about 70% 镇, 20% 乡, 10% 街道."""
    names: list[tuple[str, str]] = []
    seen: set[str] = set()
    pairs = [a for a in PLACE_SYLLABLES]
    while len(names) < n:
        base = rng.choice(pairs)
        if len(seen) > len(pairs) * 0.6:
            # Beyond a county's worth of names, add a third syllable to stay unique.
            base = base + rng.choice(pairs)[0]
        kind = rng.choices(["镇", "乡", "街道"], weights=[7, 2, 1])[0]
        name = base + kind
        if base in seen:
            continue
        seen.add(base)
        names.append((name, kind))
    return names


def _population(rng: random.Random) -> int:
    return int(min(80000, max(10000, rng.lognormvariate(math.log(23000), 0.45))) // 10 * 10)


def _category(population: int) -> str:
    if population >= 35000:
        return "一类"
    if population >= 15000:
        return "二类"
    return "三类"


def _duties_for_office(rng: random.Random, office: str, scale: float) -> list[DutyData]:
    catalogue = OFFICE_DUTIES[office]
    count = max(3, min(len(catalogue), round(len(catalogue) * rng.uniform(0.7, 1.0))))
    chosen = rng.sample(catalogue, count)
    duties = []
    for name, work in chosen:
        if work == "case":
            volume = round(rng.lognormvariate(math.log(60 * scale), 1.1))
            minutes = rng.choice([5, 10, 15, 20, 30])
            duties.append(DutyData(office, name, float(volume), float(minutes), 0.0, True))
        elif work == "visit":
            volume = round(rng.lognormvariate(math.log(25 * scale), 0.9))
            minutes = rng.choice([60, 90, 120, 180, 240])
            duties.append(DutyData(office, name, float(volume), float(minutes), 0.0, True))
        else:
            duties.append(DutyData(office, name, 0.0, 0.0, 1.0, True))  # fixed hours set below
    # Accounting is a classic duty exempt from mutual backup (separation of duties).
    if office == "党政综合办公室":
        for d in duties:
            if d.name == "财务报账":
                d.needs_backup = False
    return duties


def _spread_fixed_hours(rng: random.Random, duties: list[DutyData], target_hours: float) -> None:
    """Give the fixed-hour duties the part of the target that case work does not fill."""
    case_hours = sum(d.annual_volume * d.minutes_per_case / 60 for d in duties)
    fixed = [d for d in duties if d.minutes_per_case == 0]
    rest = max(target_hours - case_hours, 40.0 * len(fixed))
    weights = [rng.paretovariate(2.2) for _ in fixed]
    total = sum(weights)
    for d, w in zip(fixed, weights):
        d.fixed_hours = float(round(max(20.0, rest * w / total)))


def _person_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN_CHARS) for _ in range(rng.choice([1, 2])))


def _township(rng: random.Random, name: str, type_: str, params: WorkParams,
              roster: random.Random | None, over_quota: bool) -> TownshipData:
    """One township; its people are drawn from `roster` (None: nobody on file)."""
    population = _population(rng)
    category = _category(population)
    size = (population - 10000) / 70000  # 0 … 1
    leadership = rng.randint(8, 13)
    admin_approved = int(round(15 + 25 * size + rng.uniform(-3, 5)))
    admin_approved = max(leadership + 6, min(45, admin_approved))
    inst_approved = int(round(min(55, max(20, admin_approved * rng.uniform(1.2, 1.8)))))
    support_approved = rng.choice([0, 1, 2, 2, 3, 3, 4, 5])

    capacity = available_hours(params) / shared_allowance_factor(params)
    scale = 0.6 + 1.8 * size

    n_admin = rng.randint(4, 7)
    n_inst = rng.randint(3, 5)
    offices = [OfficeData(o, "administrative") for o in ADMIN_OFFICES[:n_admin]]
    offices += [OfficeData(o, "institutional") for o in INSTITUTIONAL_OFFICES[:n_inst]]
    if support_approved:
        offices += [OfficeData(o, "support") for o in SUPPORT_OFFICES]

    duties: list[DutyData] = []
    quotas: dict[str, QuotaData] = {}
    for kind, approved, lead in (("administrative", admin_approved, leadership),
                                 ("institutional", inst_approved, 0),
                                 ("support", support_approved, 0)):
        kind_duties = []
        for office in (o for o in offices if o.kind == kind):
            kind_duties += _duties_for_office(rng, office.name, scale)
        # Each backed-up duty needs a B holder and nobody holds more than
        # max_backup_roles of them, so a ledger with far more backed-up duties
        # than posts can never be covered. Real offices leave the smallest
        # counter items to the comprehensive window's post-level backup, so the
        # demo marks its smallest case items as exempt from duty-level backup.
        room = int(params.max_backup_roles * max(1, approved - lead) * rng.uniform(0.65, 1.05))
        backed = sorted((d for d in kind_duties if d.needs_backup and d.minutes_per_case),
                        key=lambda d: d.annual_volume * d.minutes_per_case)
        excess = sum(d.needs_backup for d in kind_duties) - room
        for small in backed[:max(0, excess)]:
            small.needs_backup = False
        excess -= min(len(backed), max(0, excess))
        if excess > 0:  # still too many: merge away some fixed-hour items
            fixed = [d for d in kind_duties if d.needs_backup and not d.minutes_per_case]
            for extra in rng.sample(fixed, min(excess, max(0, len(fixed) - 2))):
                kind_duties.remove(extra)
        # Workload needs somewhere between 70% and 125% of the approved posts.
        need_fte = max(0.0, (approved - lead) * rng.uniform(0.6, 1.12)) * 0.85
        _spread_fixed_hours(rng, kind_duties, need_fte * capacity)
        if kind == "support" and approved < 3:
            # One or two drivers or cooks cannot back each other up within the
            # pool; such small support units are exempt from mutual backup.
            for d in kind_duties:
                d.needs_backup = False
        duties += kind_duties
        vacancy_rate = min(0.5, rng.betavariate(1.6, 8))
        staff = int(round(approved * (1 - vacancy_rate)))
        if kind == "institutional" and over_quota:
            staff = approved + rng.randint(1, 3)  # over quota, as a few real ledgers are
        staff = max(staff, lead)
        quotas[kind] = QuotaData(kind, approved, staff, lead)

    people = []
    if roster is not None:
        office_of_kind = {k: [o.name for o in offices if o.kind == k] for k in quotas}
        for kind, q in quotas.items():
            for _ in range(q.staff):
                people.append(PersonData(
                    name=_person_name(roster), kind=kind,
                    office=roster.choice(office_of_kind[kind]) if office_of_kind[kind] else None,
                    quota_since=date(roster.randint(1995, 2025), roster.randint(1, 12), roster.randint(1, 28))))

    return TownshipData(
        name=name, type=type_, category=category, population=population,
        area_km2=round(rng.uniform(40, 320) * (0.6 + size), 1), villages=rng.randint(4, 30),
        locked=False, quotas=quotas, offices=offices, duties=duties, people=people)


INLINE_ROSTER_UP_TO = 200


def generate_demo(n_townships: int = 14, seed: int = 1, *, with_people: bool = True,
                  name: str = "青岚县", time_ledger: bool = True) -> CountyData:
    """A demo county, the same for the same (n_townships, seed).

    With people on file and `time_ledger`, people have their sex, birth month, status
    and leader flag, and the county its hiring plans and pool loans (planner.demo.people);
    without `time_ledger` the county is as a ledger kept before those existed.
    """
    if n_townships < 1:
        raise ValueError("乡镇数量至少为 1 (townships must be at least 1)")
    rng = random.Random(seed)
    params = WorkParams()
    def roster(township: str) -> random.Random | None:
        # Up to INLINE_ROSTER_UP_TO townships the people are drawn from the county's own
        # stream, as the demo always drew them; above, each township's from a stream of its
        # own, so that a large county's quotas, staff and duties (and so its one-year
        # proposal) stay those it had when its people were not generated.
        if not with_people:
            return None
        return rng if n_townships <= INLINE_ROSTER_UP_TO else random.Random(f"roster-{seed}-{township}")

    names = _township_names(rng, n_townships)
    # About one township in eight is over its institutional quota by 1–3.
    over = set(rng.sample(range(n_townships), max(1, round(n_townships / 8))))
    townships = [_township(rng, tname, ttype, params, roster(tname), i in over)
                 for i, (tname, ttype) in enumerate(names)]
    if n_townships >= 3:
        # One township the county keeps as it is; never one over quota, which
        # could not keep its quota and all its staff at once.
        keep = next((t for t in reversed(townships)
                     if not any(q.over_quota for q in t.quotas.values())), None)
        if keep is not None:
            keep.locked = True
    county = CountyData(name=name, params=params, townships=townships)
    add_office_backups(county)
    if with_people and time_ledger:
        add_time_ledger(county, seed)
        add_posts(county, seed)    # ledger data the solve does not read: the proposal stays as it was
    return county


def write_demo(db, n_townships: int = 14, seed: int = 1) -> CountyData:
    """Replace the ledger in `db` with a demo county, in one transaction."""
    county = generate_demo(n_townships, seed)
    with db.session() as session:
        replace_county(session, county, source="demo")
        add_example_scenarios(session, county)
    return county
