"""The time figures of a multi-year plan, from the ledger: staff, leavers, hires and loans per year.

For township t, kind k and plan year y (domain.md):
  staff_start = staff now − leavers before 1 January of y + planned hires (not yet used) of years ≤ y
  leavers     = people expected to leave during y (retirements and known leaves)
  hires       = planned hires counted in y (the first year also takes those of earlier years)
Existing pool loans are part of the baseline. Each leaver of a borrower returns one slot
of its oldest loan still running; all that is outstanding comes back on the due month.
Leavers that return no existing loan are "free": a new loan of the plan is returned by
them, so a new loan may not be larger than the free leavers of its term. One function
schedules returns for existing and new loans alike, so the optimizer's pool figures and
the loans' return months shown to the user are the same numbers.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from planner.domain.county import CountyData
from planner.domain.fingerprint import county_fingerprint
from planner.domain.forecast import Forecast
from planner.domain.lines import township_lines
from planner.domain.months import Month
from planner.domain.options import SolveOptions
from planner.domain.plan import PlanLoan, PoolReturn


@dataclass
class LineTime:
    """The time figures of one township and kind over the plan (and the pool term after it)."""

    staff_start: list[int]
    leavers: list[int]
    hires: list[int]
    later_hires: list[int]
    free_leavers: list[int]                   # N + T years
    free_months: list[Month]                  # months of the free leavers, in order
    existing: list[PlanLoan] = field(default_factory=list)

    def existing_pool(self, years: list[int]) -> list[int]:
        return [sum(loan.outstanding_at(Month(y, 1)) for loan in self.existing) for y in years]


def schedule(count: int, returned_before: int, start: Month, due: Month, months: list[Month]) -> tuple[
        list[PoolReturn], list[Month]]:
    """Returns of a loan from the leaver `months` (sorted) it may take; (returns, months left unused)."""
    owed = max(0, count - returned_before)
    taken: dict[str, int] = {}
    unused = []
    for month in months:
        if owed > 0 and start <= month < due:
            taken[str(month)] = taken.get(str(month), 0) + 1
            owed -= 1
        else:
            unused.append(month)
    returns = [PoolReturn(m, c) for m, c in taken.items()]
    if owed > 0:
        returns.append(PoolReturn(str(due), owed))
    return returns, unused


def new_loan(township: str, kind: str, slots: int, start: Month, term_years: int,
             months: list[Month]) -> PlanLoan:
    due = start.plus(12 * term_years)
    returns, _ = schedule(slots, 0, start, due, months)
    return PlanLoan(township, kind, slots, str(start), str(due), True, tuple(returns))


def line_times(county: CountyData, fc: Forecast, years: list[int], term: int) -> dict[tuple[str, str], LineTime]:
    """(township, kind) -> its time figures, for every line a proposal covers."""
    first, n = years[0], len(years)
    span = n + term
    leave_months: dict[tuple[str, str], list[Month]] = {}
    for p in fc.people:
        if p.leave_month is not None:
            leave_months.setdefault((p.township, p.kind), []).append(p.leave_month)
    result = {}
    for t, kind in township_lines(county):
        months = sorted(leave_months.get((t.name, kind), []))
        before = sum(1 for m in months if m < Month(first, 1))
        leavers = [sum(1 for m in months if m.year == y) for y in years]
        pending = {}
        for h in t.hiring:
            if h.kind == kind and h.pending:
                year = max(first, h.year)
                pending[year] = pending.get(year, 0) + h.pending
        hires = [pending.get(y, 0) for y in years]
        later = [sum(v for year, v in pending.items() if year > y) for y in years]
        staff_now = t.quota(kind).staff
        staff_start = []
        for i in range(n):
            staff_start.append(max(0, staff_now - before - sum(leavers[:i]) + sum(hires[:i + 1])))
        # Existing loans take their borrower's leavers first, the oldest loan first.
        free = list(months)
        existing = []
        for loan in sorted((ln for ln in t.pool_loans if ln.kind == kind), key=lambda ln: (ln.start, ln.due)):
            returns, free = schedule(loan.slots, loan.returned, loan.start, loan.due, free)
            existing.append(PlanLoan(t.name, kind, loan.slots, str(loan.start), str(loan.due), False,
                                     tuple(returns), loan.returned))
        free = [m for m in free if m >= Month(first, 1)]
        free_leavers = [sum(1 for m in free if m.year == first + i) for i in range(span)]
        result[(t.name, kind)] = LineTime(staff_start, leavers, hires, later, free_leavers, free, existing)
    return result


def plan_fingerprint(county: CountyData, options: SolveOptions, years: list[int], as_of: Month,
                     growth: list[str] | None = None) -> str:
    """sha256 of everything the plan depends on: the proposal's inputs, the time ledger, the years."""
    digest = hashlib.sha256(county_fingerprint(county, options).encode())
    time_data = {"years": years, "as_of": str(as_of), "time": county.time.__dict__, "growth": growth or [],
                 "townships": [[t.name,
                                [[p.kind, p.sex, str(p.birth_month), p.status, p.leader, str(p.planned_leave)]
                                 for p in t.people],
                                [[h.kind, h.year, h.planned, h.hired] for h in t.hiring],
                                [[ln.kind, ln.slots, str(ln.start), str(ln.due), ln.returned]
                                 for ln in t.pool_loans]]
                               for t in county.townships]}
    digest.update(json.dumps(time_data, ensure_ascii=False, sort_keys=True, default=str).encode())
    return digest.hexdigest()
