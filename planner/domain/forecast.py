"""Who leaves when: retirement months and planned leaves, counted per township, kind and year.

A person leaves at the earlier of the statutory retirement month and a known
planned leave (transfer, resignation). Whoever is past that month and still on
file (an overdue retirement) leaves at the as-of month. The forecast covers the
plan's years Y0 … Y0+N−1; those who leave between the as-of month and
1 January of Y0 are kept apart (`earlier`), since the plan takes them off the
staff before its first year begins.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from planner.domain.county import KINDS, CountyData, PersonData
from planner.domain.months import Month
from planner.domain.retirement import age_text, retirement_age_months, retirement_month

RETIREMENT, OTHER = "retirement", "other"


@dataclass(frozen=True)
class PersonOutlook:
    township: str
    kind: str
    person: PersonData
    retirement_age_months: int | None
    retirement_month: Month | None
    leave_month: Month | None     # when the person is expected to leave (≥ as-of), None if unknown
    reason: str | None            # RETIREMENT | OTHER
    overdue: bool                 # past the retirement month and still on file

    @property
    def retirement_age(self) -> str | None:
        return None if self.retirement_age_months is None else age_text(self.retirement_age_months)


@dataclass
class LeaverCount:
    retirements: int = 0
    other: int = 0

    @property
    def total(self) -> int:
        return self.retirements + self.other

    def add(self, reason: str) -> None:
        if reason == RETIREMENT:
            self.retirements += 1
        else:
            self.other += 1


@dataclass
class Forecast:
    as_of: Month
    years: list[int]
    people: list[PersonOutlook] = field(default_factory=list)
    # (township, kind, year) -> leavers in that year, for every township and kind of the ledger
    leavers: dict[tuple[str, str, int], LeaverCount] = field(default_factory=dict)
    # (township, kind) -> leavers between the as-of month and 1 January of the first year
    earlier: dict[tuple[str, str], LeaverCount] = field(default_factory=dict)

    def overdue(self) -> list[PersonOutlook]:
        return [p for p in self.people if p.overdue]

    def leaver_rows(self) -> list[tuple[str, str, int, int, int]]:
        """(township, kind, year, retirements, other) for every township, kind and year.

        Those who leave before the first year begins (the rest of the as-of year,
        overdue retirements) are counted in the first year: none of them is on its staff.
        """
        first = self.years[0] if self.years else None
        rows = []
        for (township, kind, year), count in self.leavers.items():
            retirements, other = count.retirements, count.other
            if year == first:
                earlier = self.earlier.get((township, kind), LeaverCount())
                retirements, other = retirements + earlier.retirements, other + earlier.other
            rows.append((township, kind, year, retirements, other))
        return rows

    def retirements_by_year(self) -> dict[int, int]:
        """Σ retirements over the county per year (the first year without `earlier`)."""
        totals = {y: 0 for y in self.years}
        for (_, _, year), count in self.leavers.items():
            totals[year] += count.retirements
        return totals


def outlook(township: str, person: PersonData, as_of: Month) -> PersonOutlook:
    age = retirement_age_months(person.sex, person.status, person.birth_month)
    retires = retirement_month(person.sex, person.status, person.birth_month)
    leave, reason = retires, (RETIREMENT if retires is not None else None)
    if person.planned_leave is not None and (leave is None or person.planned_leave < leave):
        leave, reason = person.planned_leave, OTHER
    overdue = retires is not None and retires < as_of
    if leave is not None and leave < as_of:
        leave = as_of   # past due and still on file: goes now
    return PersonOutlook(township, person.kind, person, age, retires, leave, reason, overdue)


def forecast(county: CountyData, as_of: Month, years: int | None = None,
             first_year: int | None = None) -> Forecast:
    """Leavers of the next `years` years (default the plan's horizon) from `as_of`.

    The first year is the plan's start year (by default the year after `as_of`).
    """
    span = years if years is not None else county.time.horizon_years
    if first_year is None:
        first_year = county.time.start_year(date(as_of.year, as_of.month, 1))
    result = Forecast(as_of, list(range(first_year, first_year + span)))
    start, end = Month(first_year, 1), Month(first_year + span, 1)
    for t in county.townships:
        kinds = [k for k in KINDS if k in t.quotas or any(p.kind == k for p in t.people)]
        for kind in kinds:
            result.earlier[(t.name, kind)] = LeaverCount()
            for year in result.years:
                result.leavers[(t.name, kind, year)] = LeaverCount()
        for person in t.people:
            seen = outlook(t.name, person, as_of)
            result.people.append(seen)
            if seen.leave_month is None or seen.leave_month >= end:
                continue
            if seen.leave_month < start:
                result.earlier[(t.name, person.kind)].add(seen.reason)
            else:
                result.leavers[(t.name, person.kind, seen.leave_month.year)].add(seen.reason)
    return result
