"""The township assessment (编制评估): one page a leader can read, per township.

Pure arithmetic on the ledger as plain data. Every figure comes from its one definition:
vacancy and over-quota from QuotaFigures, usable vacancy from TownshipData.usable_vacancy,
the workload need from planner.domain.workload.required_fte (the ledger's 测算需求: duty hours
÷ available hours with the shared-duty allowance, plus leadership posts) and the WISN ratio
from planner.domain.workload.pressure (实有/需求, the ledger's figure), the leave month of a
person from planner.domain.forecast.outlook, and the standing checks from planner.domain.rules.

The age structure counts the people on file whose birth month is known: 30岁以下 is younger
than 30 at the assessment month, 55岁及以上 is 55 or older; retirements in the next five years
are those the forecast sees leaving by retirement before the same month five years on (overdue
ones included: they leave at once; a planned transfer before retirement is not counted).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from statistics import median

from planner.domain.county import KINDS, CountyData, TownshipData
from planner.domain.forecast import RETIREMENT, outlook
from planner.domain.months import Month
from planner.domain.retirement import age_at
from planner.domain.rules import Range, RuleWarning, RulesLibrary, township_warnings
from planner.domain.workload import duty_hours, pressure, required_fte

YOUNG_BELOW = 30          # years
OLD_FROM = 55             # years
RETIREMENT_YEARS = 5      # the window of "retirements in the next five years"
PER_RESIDENTS = 10_000    # slots per 10,000 residents


@dataclass(frozen=True)
class KindAssessment:
    """One kind of quota of one township: quota, staff, need and what is free."""

    kind: str
    has_line: bool
    approved: int
    staff: int
    leadership: int
    vacancy: int
    usable_vacancy: int
    over_quota: int
    pool: int                       # revolving-pool slots on loan, apart from the approved quota
    need_fte: float                 # 测算需求 (WISN FTE), as the ledger shows it
    wisn_ratio: float | None        # 实有/需求: staff ÷ need; below 1 is a shortage
    status: str                     # shortage | balanced | surplus | "" (the ledger's words)
    band: Range                     # the category band of the standing checks


@dataclass(frozen=True)
class AgeStructure:
    on_file: int                    # people of the township on file
    known: int                      # of whom the birth month is known
    young: int                      # younger than YOUNG_BELOW
    old: int                        # OLD_FROM or older
    retiring: int                   # statutory retirements in the next RETIREMENT_YEARS years

    @property
    def young_share(self) -> float | None:
        return self.young / self.known if self.known else None

    @property
    def old_share(self) -> float | None:
        return self.old / self.known if self.known else None


@dataclass(frozen=True)
class Comparison:
    """The township against the county median (townships with residents / villages on file)."""

    per_10k: float | None           # approved slots (every kind) per 10,000 residents
    median_per_10k: float | None
    per_village: float | None       # approved slots per village
    median_per_village: float | None


@dataclass(frozen=True)
class TownshipAssessment:
    name: str
    type: str
    category: str
    population: int
    villages: int
    kinds: tuple[KindAssessment, ...]
    leadership: int
    leadership_standard: Range
    offices: dict[str, int]          # kind -> offices of that kind
    office_limits: dict[str, int | None]
    age: AgeStructure
    comparison: Comparison
    warnings: tuple[RuleWarning, ...] = ()

    def kind(self, kind: str) -> KindAssessment:
        return next(k for k in self.kinds if k.kind == kind)

    @property
    def approved_total(self) -> int:
        return sum(k.approved for k in self.kinds)


@dataclass(frozen=True)
class CountyAssessment:
    county: str
    as_of: Month
    townships: tuple[TownshipAssessment, ...] = field(default_factory=tuple)
    median_per_10k: float | None = None
    median_per_village: float | None = None

    def township(self, name: str) -> TownshipAssessment:
        for t in self.townships:
            if t.name == name:
                return t
        raise KeyError(name)


def need_fte(township: TownshipData, kind: str, params) -> float:
    """测算需求 of a kind, as the ledger computes it (0 for a kind with no duties and no leaders)."""
    hours = sum(duty_hours(d) for d in township.duties_of_kind(kind))
    return required_fte(hours, params, township.quota(kind).leadership)


def per_10k(slots: int, population: int) -> float | None:
    return slots / population * PER_RESIDENTS if population > 0 else None


def per_village(slots: int, villages: int) -> float | None:
    return slots / villages if villages > 0 else None


def _median(values) -> float | None:
    known = [v for v in values if v is not None]
    return median(known) if known else None


def age_structure(township: TownshipData, as_of: Month) -> AgeStructure:
    horizon = as_of.plus(12 * RETIREMENT_YEARS)
    known = young = old = retiring = 0
    for person in township.people:
        if person.birth_month is not None:
            known += 1
            years = age_at(person.birth_month, as_of) // 12
            young += years < YOUNG_BELOW
            old += years >= OLD_FROM
        # The forecast's leave month: a planned transfer before retirement is not a retirement here.
        seen = outlook(township.name, person, as_of)
        if seen.reason == RETIREMENT and seen.leave_month is not None and seen.leave_month < horizon:
            retiring += 1
    return AgeStructure(len(township.people), known, young, old, retiring)


def assess_township(township: TownshipData, county: CountyData, rules: RulesLibrary, as_of: Month,
                    medians: tuple[float | None, float | None], status_of=lambda ratio: "") -> TownshipAssessment:
    kinds = []
    for kind in KINDS:
        q = township.quota(kind)
        need = need_fte(township, kind, county.params)
        ratio = pressure(q.staff, need)
        kinds.append(KindAssessment(kind, kind in township.quotas, q.approved, q.staff, q.leadership, q.vacancy,
                                    township.usable_vacancy(kind), q.over_quota, township.pool_slots(kind),
                                    need, ratio, status_of(ratio), rules.band(township.category, kind)))
    approved = sum(k.approved for k in kinds)
    offices = {kind: sum(1 for o in township.offices if o.kind == kind) for kind in KINDS}
    return TownshipAssessment(
        township.name, township.type, township.category, township.population, township.villages, tuple(kinds),
        township.quota("administrative").leadership, rules.leadership_standard(township.category), offices,
        {kind: rules.office_limit(kind) for kind in KINDS}, age_structure(township, as_of),
        Comparison(per_10k(approved, township.population), medians[0],
                   per_village(approved, township.villages), medians[1]),
        tuple(township_warnings(township, rules)))


def assess_county(county: CountyData, rules: RulesLibrary, as_of: Month, townships: list[str] | None = None,
                  status_of=lambda ratio: "") -> CountyAssessment:
    """The assessment of every township (or of those named), each against the whole county's medians.

    `status_of(ratio)` names a WISN ratio's status in the ledger's words (the store keeps the
    thresholds); KeyError for a township name the ledger does not hold.
    """
    totals = [(sum(t.quota(k).approved for k in KINDS), t) for t in county.townships]
    medians = (_median(per_10k(n, t.population) for n, t in totals),
               _median(per_village(n, t.villages) for n, t in totals))
    chosen = county.townships if townships is None else [county.township(name) for name in townships]
    return CountyAssessment(county.name, as_of,
                            tuple(assess_township(t, county, rules, as_of, medians, status_of) for t in chosen),
                            medians[0], medians[1])
