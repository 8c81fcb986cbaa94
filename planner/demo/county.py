"""A realistic, deterministic demo county (ranges from domain.md).

The workload comes first, from what drives it: counter cases from the
population, field trips from the villages, paperwork from the township's size,
and a handful of fixed-hour duties (Party building, stability, standing
emergency duty). The approved quota then drifts from what that workload needs,
as quotas set by history do: some townships are short, some have slots to
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
from planner.domain.workload import WorkParams, available_hours, duty_hours, shared_allowance_factor
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


# Drivers of the workload (domain.md ranges): counter cases grow with the
# population, field trips with the villages, paperwork with the township's size.
COUNTER_CASES_PER_RESIDENT = 0.004     # median cases a year of one counter item, per resident
# Median trips a year of one field item, per village: institutional units
# (agricultural extension, animal health, patrols) are in the field most.
# The seat's own streets and enterprises count as FIELD_SEAT villages more: a township's field
# work grows with its villages but not in proportion (4 villages to 30 is not 7.5 times the work).
FIELD_TRIPS_PER_VILLAGE = 7.6
FIELD_TRIPS_PER_VILLAGE_INSTITUTIONAL = 21.0
FIELD_SEAT = 10
PAPERWORK_ITEMS = 70.0                 # median documents or meetings a year of one internal item
FIXED_HOURS = 420.0                    # median hours a year of a fixed-hour duty
SUPPORT_HOURS = {"公务用车驾驶": (900, 1500), "机关食堂": (700, 1400), "门卫安保": (800, 1500),
                 "办公用房维护": (150, 500)}


def _duty(rng: random.Random, office: str, name: str, work: str, kind: str, population: int,
          villages: int, size: float) -> DutyData:
    """One duty with its volume and standard time, drawn from what drives that kind of work."""
    if work == "case":
        volume = round(rng.lognormvariate(math.log(population * COUNTER_CASES_PER_RESIDENT), 1.0))
        return DutyData(office, name, float(max(1, volume)), float(rng.choice([5, 10, 15, 20, 30])), 0.0, True)
    if work == "visit":
        # The hours of a field item follow the villages; longer trips are made less often.
        trips = FIELD_TRIPS_PER_VILLAGE_INSTITUTIONAL if kind == "institutional" else FIELD_TRIPS_PER_VILLAGE
        hours = (villages + FIELD_SEAT) * trips * 2.0 * min(2.5, max(0.4, rng.lognormvariate(0.0, 0.45)))
        minutes = rng.choice([60, 90, 120, 180, 240])
        return DutyData(office, name, float(max(1, round(hours * 60 / minutes))), float(minutes), 0.0, True)
    if work == "office":
        volume = round(rng.lognormvariate(math.log(PAPERWORK_ITEMS * (0.7 + size)), 0.8))
        return DutyData(office, name, float(max(1, volume)), float(rng.choice([30, 45, 60, 90, 120])), 0.0, True)
    low, high = SUPPORT_HOURS.get(name, (0, 0))
    hours = (rng.uniform(low, high) if high else
             min(1500.0, max(80.0, rng.lognormvariate(math.log(FIXED_HOURS * (0.7 + size)), 0.5))))
    return DutyData(office, name, 0.0, 0.0, float(round(hours)), True)


def _duties_for_office(rng: random.Random, office: OfficeData, population: int, villages: int,
                       size: float) -> list[DutyData]:
    catalogue = OFFICE_DUTIES[office.name]
    count = max(3, min(len(catalogue), round(len(catalogue) * rng.uniform(0.7, 1.0))))
    chosen = rng.sample(catalogue, count)
    duties = [_duty(rng, office.name, name, work, office.kind, population, villages, size)
              for name, work in chosen]
    # Accounting is a classic duty exempt from mutual backup (separation of duties).
    for d in duties:
        if d.name == "财务报账":
            d.needs_backup = False
    return duties


def _limit_backups(rng: random.Random, duties: list[DutyData], posts: float, max_roles: int) -> None:
    """Exempt the smallest items from duty-level backup when there are more than posts can back.

    Nobody holds more than max_roles B roles, so a duty list with far more
    backed-up duties than posts could never be covered; real offices leave
    their smallest counter and paper items to post-level backup (the service
    centre backs the counter as a whole), as domain.md's double A/B system does.
    """
    room = int(max_roles * max(1.0, posts) * rng.uniform(0.65, 1.0))
    backed = sorted((d for d in duties if d.needs_backup and d.minutes_per_case),
                    key=lambda d: d.annual_volume * d.minutes_per_case)
    excess = sum(d.needs_backup for d in duties) - room
    for small in backed[:max(0, excess)]:
        small.needs_backup = False


def _historic_quota(rng: random.Random, need: float, drift: float, spread: float, low: int, high: int) -> int:
    """An approved quota set by history, not by the workload: the need, drifted, within the range."""
    return int(min(high, max(low, round(need * rng.lognormvariate(math.log(drift), spread)))))


def _person_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN_CHARS) for _ in range(rng.choice([1, 2])))


def _township(rng: random.Random, name: str, type_: str, params: WorkParams,
              roster: random.Random | None, over_quota: bool) -> TownshipData:
    """One township, workload first; its people are drawn from `roster` (None: nobody on file).

    The duties come from the township's population, villages and size; the
    approved quota then drifts from what they need (some townships short, some
    with slots to spare, institutional units often above their workload), as
    quotas set by history do.
    """
    population = _population(rng)
    category = _category(population)
    size = (population - 10000) / 70000  # 0 … 1
    villages = max(4, min(30, round(rng.lognormvariate(math.log(6 + 14 * size), 0.35))))
    leadership = rng.randint(8, 13)
    awt = available_hours(params)
    caf = shared_allowance_factor(params)
    backup = 1 + params.backup_load_factor

    n_admin = rng.randint(4, 7)
    n_inst = rng.randint(3, 5)
    has_support = rng.random() < 0.85
    offices = [OfficeData(o, "administrative") for o in ADMIN_OFFICES[:n_admin]]
    offices += [OfficeData(o, "institutional") for o in INSTITUTIONAL_OFFICES[:n_inst]]
    if has_support:
        offices += [OfficeData(o, "support") for o in SUPPORT_OFFICES]

    duties: list[DutyData] = []
    quotas: dict[str, QuotaData] = {}
    for kind, lead in (("administrative", leadership), ("institutional", 0), ("support", 0)):
        kind_duties = []
        for office in (o for o in offices if o.kind == kind):
            kind_duties += _duties_for_office(rng, office, population, villages, size)
        if kind == "support" and kind_duties:
            kind_duties = rng.sample(kind_duties, rng.randint(1, len(kind_duties)))
        duty_fte = sum(duty_hours(d) for d in kind_duties) / awt * caf
        _limit_backups(rng, kind_duties, duty_fte * backup, int(params.max_backup_roles))
        # What the A/B design will roughly ask: the FTE with the backup load, plus leaders.
        need = lead + duty_fte * backup
        if kind == "administrative":
            approved = _historic_quota(rng, need, 1.05, 0.16, max(15, lead + 4), 45)
        elif kind == "institutional":
            approved = _historic_quota(rng, need, 1.06, 0.2, 20, 55)
        else:
            approved = _historic_quota(rng, need, 1.0, 0.25, 1, 5) if kind_duties else 0
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
    if not quotas["support"].approved:
        offices = [o for o in offices if o.kind != "support"]
        duties = [d for d in duties if d.office not in SUPPORT_OFFICES]

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
        area_km2=round(rng.uniform(40, 320) * (0.6 + size), 1), villages=villages,
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
