"""Plain rows for the ledger window: township summaries and one township's detail.

The window's table models wrap these objects, never a live Session. Summaries
of all townships are read with a handful of set-based queries (duty hours are
summed in SQL), so a ledger of thousands of townships loads in well under a
second; one township's detail is read when it is selected.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planner.domain.county import KINDS, HiringPlanData, PoolLoanData, QuotaFigures, usable_vacancy
from planner.domain.months import Month
from planner.domain.retirement import is_overdue, retirement_age_months, retirement_month
from planner.store.ledger import load_params, person_data
from planner.store.models import Duty, HiringPlan, Office, Person, PoolLoan, Quota, Township
from planner.domain.workload import WorkParams, available_hours, case_hours, pressure, required_fte

# Pressure (staff ÷ required FTE) below this is a shortage, above SURPLUS_ABOVE a surplus.
SHORTAGE_BELOW = 0.9
SURPLUS_ABOVE = 1.2


def pressure_status(ratio: float | None) -> str:
    """"shortage", "surplus", "balanced", or "" when nothing is required."""
    if ratio is None:
        return ""
    if ratio < SHORTAGE_BELOW:
        return "shortage"
    if ratio > SURPLUS_ABOVE:
        return "surplus"
    return "balanced"


@dataclass
class KindFigures(QuotaFigures):
    """One township's figures for one kind of quota."""

    approved: int = 0
    staff: int = 0
    leadership: int = 0
    required_fte: float = 0.0
    has_line: bool = False  # False: the township holds no quota line of this kind

    @property
    def pressure(self) -> float | None:
        return pressure(self.staff, self.required_fte)

    @property
    def status(self) -> str:
        return pressure_status(self.pressure)


@dataclass
class TownshipSummary:
    id: int
    name: str
    type: str
    category: str
    locked: bool
    position: int
    kinds: dict[str, KindFigures] = field(default_factory=dict)

    def kind(self, kind: str) -> KindFigures:
        return self.kinds.get(kind) or KindFigures()


def load_summaries(session: Session, township_ids: Iterable[int] | None = None,
                   params: WorkParams | None = None) -> list[TownshipSummary]:
    """Summaries of all townships (or of the given ids), in ledger order."""
    params = params or load_params(session)
    ids = None if township_ids is None else list(township_ids)
    query = select(Township.id, Township.name, Township.type, Township.category, Township.locked,
                   Township.position).order_by(Township.position, Township.id)
    if ids is not None:
        query = query.where(Township.id.in_(ids))
    rows: dict[int, TownshipSummary] = {
        r.id: TownshipSummary(r.id, r.name, r.type, r.category, bool(r.locked), r.position,
                              {k: KindFigures() for k in KINDS})
        for r in session.execute(query)}
    if not rows:
        return []

    quota_query = select(Quota.township_id, Quota.kind, Quota.approved, Quota.staff, Quota.leadership)
    hours = func.sum(Duty.annual_volume * Duty.minutes_per_case / 60.0 + Duty.fixed_hours)
    hours_query = (select(Office.township_id, Office.kind, hours).join(Duty, Duty.office_id == Office.id)
                   .group_by(Office.township_id, Office.kind))
    if ids is not None:
        quota_query = quota_query.where(Quota.township_id.in_(ids))
        hours_query = hours_query.where(Office.township_id.in_(ids))
    duty_hours: dict[tuple[int, str], float] = defaultdict(float)
    for township_id, kind, total in session.execute(hours_query):
        duty_hours[(township_id, kind)] = float(total or 0.0)
    for q in session.execute(quota_query):
        figures = rows[q.township_id].kinds[q.kind]
        figures.approved, figures.staff, figures.leadership = q.approved, q.staff, q.leadership
        figures.has_line = True
    for summary in rows.values():
        for kind, figures in summary.kinds.items():
            hours_of_kind = duty_hours.get((summary.id, kind), 0.0)
            figures.required_fte = (required_fte(hours_of_kind, params, figures.leadership)
                                    if hours_of_kind or figures.leadership else 0.0)
    return list(rows.values())


@dataclass
class TotalFigures(KindFigures):
    summed_vacancy: int = 0
    summed_over_quota: int = 0

    @property
    def vacancy(self) -> int:  # type: ignore[override]
        return self.summed_vacancy

    @property
    def over_quota(self) -> int:  # type: ignore[override]
        return self.summed_over_quota


def summary_totals(rows: Iterable[TownshipSummary]) -> dict[str, KindFigures]:
    """County totals per kind over the given rows (the totals line of the ledger)."""
    totals = {k: KindFigures(has_line=True) for k in KINDS}
    # Vacancy and over-quota are summed township by township: a vacancy in one
    # township does not cancel over-quota staff in another.
    vacancy = dict.fromkeys(KINDS, 0)
    over = dict.fromkeys(KINDS, 0)
    for row in rows:
        for kind in KINDS:
            f = row.kind(kind)
            t = totals[kind]
            t.approved += f.approved
            t.staff += f.staff
            t.leadership += f.leadership
            t.required_fte += f.required_fte
            vacancy[kind] += f.vacancy
            over[kind] += f.over_quota
    return {k: TotalFigures(t.approved, t.staff, t.leadership, t.required_fte, True, vacancy[k], over[k])
            for k, t in totals.items()}


@dataclass
class QuotaRow(QuotaFigures):
    kind: str
    approved: int
    staff: int
    leadership: int
    duty_hours: float
    required_fte: float
    has_line: bool
    pending_hires: int = 0   # planned hires not yet used
    pool: int = 0            # revolving-pool slots on loan, apart from the approved quota

    @property
    def pressure(self) -> float | None:
        return pressure(self.staff, self.required_fte)

    @property
    def usable_vacancy(self) -> int:
        return usable_vacancy(self.vacancy, self.pending_hires)


@dataclass
class OfficeRow:
    name: str
    kind: str
    duties: int
    hours: float


@dataclass
class DutyRow:
    office: str
    kind: str
    name: str
    annual_volume: float
    minutes_per_case: float
    fixed_hours: float
    needs_backup: bool

    @property
    def hours(self) -> float:
        return case_hours(self.annual_volume, self.minutes_per_case, self.fixed_hours)


@dataclass
class PersonRow:
    name: str
    kind: str
    office: str | None
    quota_since: date | None
    sex: str | None = None
    birth_month: Month | None = None
    status: str = "干部"
    leader: bool = False
    planned_leave: Month | None = None

    @property
    def retirement_month(self) -> Month | None:
        return retirement_month(self.sex, self.status, self.birth_month)

    @property
    def retirement_age_months(self) -> int | None:
        return retirement_age_months(self.sex, self.status, self.birth_month)

    def overdue(self, today: Month | None = None) -> bool:
        """Past the statutory retirement month and still on file."""
        return is_overdue(self.sex, self.status, self.birth_month, today or Month.today())


@dataclass
class TownshipDetail:
    id: int
    name: str
    type: str
    category: str
    population: int
    area_km2: float
    villages: int
    locked: bool
    available_hours: float
    quotas: list[QuotaRow] = field(default_factory=list)
    offices: list[OfficeRow] = field(default_factory=list)
    duties: list[DutyRow] = field(default_factory=list)
    people: list[PersonRow] = field(default_factory=list)


def load_detail(session: Session, township_id: int, params: WorkParams | None = None) -> TownshipDetail | None:
    """One township's offices, duties, quota per kind and people; None when it is gone."""
    t = session.get(Township, township_id)
    if t is None:
        return None
    params = params or load_params(session)
    detail = TownshipDetail(t.id, t.name, t.type, t.category, t.population, t.area_km2, t.villages,
                            bool(t.locked), available_hours(params))
    offices = session.execute(select(Office.id, Office.name, Office.kind).where(Office.township_id == t.id)
                              .order_by(Office.position, Office.id)).all()
    office_of = {o.id: o for o in offices}
    duties = session.execute(select(Duty).where(Duty.office_id.in_(list(office_of)))
                             .order_by(Duty.office_id, Duty.position, Duty.id)).scalars().all()
    hours_by_office: dict[int, float] = defaultdict(float)
    count_by_office: dict[int, int] = defaultdict(int)
    hours_by_kind: dict[str, float] = defaultdict(float)
    office_order = {o.id: i for i, o in enumerate(offices)}
    for d in sorted(duties, key=lambda d: (office_order[d.office_id], d.position, d.id)):
        office = office_of[d.office_id]
        row = DutyRow(office.name, office.kind, d.name, d.annual_volume, d.minutes_per_case, d.fixed_hours,
                      bool(d.needs_backup))
        detail.duties.append(row)
        hours_by_office[d.office_id] += row.hours
        count_by_office[d.office_id] += 1
        hours_by_kind[office.kind] += row.hours
    detail.offices = [OfficeRow(o.name, o.kind, count_by_office[o.id], hours_by_office[o.id]) for o in offices]
    lines = {q.kind: q for q in session.scalars(select(Quota).where(Quota.township_id == t.id))}
    pending: dict[str, int] = defaultdict(int)
    for h in session.scalars(select(HiringPlan).where(HiringPlan.township_id == t.id)):
        pending[h.kind] += HiringPlanData(h.kind, h.year, h.planned, h.hired).pending
    pool: dict[str, int] = defaultdict(int)
    for loan in session.scalars(select(PoolLoan).where(PoolLoan.township_id == t.id)):
        pool[loan.kind] += PoolLoanData(loan.kind, loan.slots, Month.parse(loan.start), Month.parse(loan.due),
                                        loan.returned).outstanding
    for kind in KINDS:
        q = lines.get(kind)
        approved, staff, leadership = (q.approved, q.staff, q.leadership) if q else (0, 0, 0)
        hours = hours_by_kind.get(kind, 0.0)
        fte = required_fte(hours, params, leadership) if hours or leadership else 0.0
        detail.quotas.append(QuotaRow(kind, approved, staff, leadership, hours, fte, q is not None,
                                      pending.get(kind, 0), pool.get(kind, 0)))
    detail.people = [PersonRow(p.name, p.kind, p.office, p.quota_since, p.sex, p.birth_month, p.status, p.leader,
                               p.planned_leave) for p in map(person_data, session.scalars(
                                   select(Person).where(Person.township_id == t.id).order_by(Person.id)))]
    return detail
