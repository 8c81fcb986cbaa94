"""Moving a county between the database and plain data.

Loading reads each table once (not one query per township) so that a ledger
of thousands of townships loads in seconds; writing a whole county uses bulk
inserts inside the caller's transaction, so it lands whole or not at all.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import fields

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from planner.collector import fewer_collections
from planner.domain.county import (
    CountyData, DutyData, HiringPlanData, OfficeData, PersonData, PoolLoanData, QuotaData, TimeParams,
    TownshipData,
)
from planner.domain.months import Month, month_or_none, month_text
from planner.store.audit import ImportAudit
from planner.store.models import County, Duty, HiringPlan, Office, Person, PoolLoan, Quota, Township
from planner.store.posts import attach_posts, clear_posts, write_posts
from planner.domain.time_rules import time_param_problems
from planner.domain.workload import ParameterError, WorkParams

PARAM_NAMES = tuple(f.name for f in fields(WorkParams))
TIME_PARAM_NAMES = tuple(f.name for f in fields(TimeParams))


def county_row(session: Session) -> County:
    """The county row, created with default parameters when the database is new."""
    row = session.scalars(select(County).order_by(County.id)).first()
    if row is None:
        row = County(name="示范县", **WorkParams().as_dict())
        session.add(row)
        session.flush()
    return row


def load_params(session: Session) -> WorkParams:
    row = county_row(session)
    return WorkParams(**{name: getattr(row, name) for name in PARAM_NAMES})


def load_time_params(session: Session) -> TimeParams:
    row = county_row(session)
    return _time_params(row)


def _time_params(row: County) -> TimeParams:
    defaults = TimeParams()
    # Columns a row created before its flush has not yet filled read as None.
    return TimeParams(**{name: getattr(row, name) if getattr(row, name) is not None
                         else getattr(defaults, name) for name in TIME_PARAM_NAMES})


def person_data(p) -> PersonData:
    """The plain data of one person row (an ORM object or a row of its columns)."""
    return PersonData(name=p.name, kind=p.kind, office=p.office_name, quota_since=p.quota_since,
                      sex=p.sex, birth_month=month_or_none(p.birth_month), status=p.status or "干部",
                      leader=bool(p.leader), planned_leave=month_or_none(p.planned_leave))


def person_columns(p: PersonData) -> dict[str, object]:
    """The columns of a person row holding `p` (without township and version)."""
    return dict(office_name=p.office, name=p.name, kind=p.kind, quota_since=p.quota_since, sex=p.sex,
                birth_month=month_text(p.birth_month), status=p.status, leader=bool(p.leader),
                planned_leave=month_text(p.planned_leave))


@fewer_collections()
def load_county(session: Session, *, time_ledger: bool = True) -> CountyData:
    """The whole ledger as plain data.

    `time_ledger=False` leaves out what only the time views and the plan read (people,
    hiring plans, pool loans, posts): a one-year solve depends on none of them (see
    planner.domain.fingerprint), and on a province-sized ledger they are most of the rows.
    Rows are read as plain tuples, not ORM objects, which costs a fraction of the time.
    """
    county = county_row(session)
    params = WorkParams(**{name: getattr(county, name) for name in PARAM_NAMES})
    townships: dict[int, TownshipData] = {}
    for t in session.execute(select(Township.id, Township.name, Township.type, Township.category,
                                    Township.population, Township.area_km2, Township.villages,
                                    Township.locked).order_by(Township.position, Township.id)):
        townships[t.id] = TownshipData(
            name=t.name, type=t.type, category=t.category, population=t.population,
            area_km2=t.area_km2, villages=t.villages, locked=bool(t.locked))
    for q in session.execute(select(Quota.township_id, Quota.kind, Quota.approved, Quota.staff,
                                    Quota.leadership)):
        townships[q.township_id].quotas[q.kind] = QuotaData(q.kind, q.approved, q.staff, q.leadership)
    office_names: dict[int, tuple[int, str]] = {}
    for o in session.execute(select(Office.id, Office.township_id, Office.name, Office.kind)
                             .order_by(Office.township_id, Office.position, Office.id)):
        townships[o.township_id].offices.append(OfficeData(o.name, o.kind))
        office_names[o.id] = (o.township_id, o.name)
    # The duties are most of the ledger (some 220,000 rows for 2,000 townships): read through the
    # connection (no ORM layer) and unpacked by position, which halves the time of this loop.
    duty_rows = session.connection().execute(
        select(Duty.office_id, Duty.name, Duty.annual_volume, Duty.minutes_per_case, Duty.fixed_hours,
               Duty.needs_backup).order_by(Duty.office_id, Duty.position, Duty.id))
    for office_id, name, volume, minutes, fixed, backed in duty_rows:
        township_id, office = office_names[office_id]
        townships[township_id].duties.append(DutyData(office, name, volume, minutes, fixed, bool(backed)))
    if time_ledger:
        for p in session.execute(select(Person.township_id, Person.name, Person.kind, Person.office_name,
                                        Person.quota_since, Person.sex, Person.birth_month, Person.status,
                                        Person.leader, Person.planned_leave).order_by(Person.id)):
            townships[p.township_id].people.append(person_data(p))
        for h in session.execute(select(HiringPlan).order_by(HiringPlan.id)).scalars():
            townships[h.township_id].hiring.append(HiringPlanData(h.kind, h.year, h.planned, h.hired))
        for loan in session.execute(select(PoolLoan).order_by(PoolLoan.id)).scalars():
            townships[loan.township_id].pool_loans.append(PoolLoanData(
                loan.kind, loan.slots, Month.parse(loan.start), Month.parse(loan.due), loan.returned))
        attach_posts(session, townships)
    # Quota lines are kept in the canonical kind order for stable output.
    return CountyData(name=county.name, params=params, time=_time_params(county),
                      townships=list(townships.values()))


def replace_county(session: Session, data: CountyData, *, source: str = "import") -> None:
    """Replace the whole ledger with `data`, inside the caller's transaction.

    `source` (a file name, "demo") goes into the audit log's summary entry.
    """
    data.params.validate()
    problems = time_param_problems(data.time)
    if problems:
        raise ParameterError("；".join(problems), message_en="; ".join(time_param_problems(data.time, "en")))
    audit = ImportAudit(session, source)
    clear_posts(session)
    for model in (PoolLoan, HiringPlan, Person, Duty, Office, Quota, Township):
        session.execute(delete(model))
    county = county_row(session)
    county.name = data.name
    for name in PARAM_NAMES:
        setattr(county, name, getattr(data.params, name))
    for name in TIME_PARAM_NAMES:
        setattr(county, name, getattr(data.time, name))
    session.flush()

    township_rows = [
        dict(name=t.name, type=t.type, category=t.category, population=t.population,
             area_km2=t.area_km2, villages=t.villages, locked=t.locked, position=i, version=1)
        for i, t in enumerate(data.townships)]
    # An empty list would make SQLAlchemy insert one row of defaults (no name): an empty
    # ledger (the undo of an import into a fresh database) has no township rows at all.
    if township_rows:
        session.execute(insert(Township), township_rows)
    township_ids = dict(session.execute(select(Township.name, Township.id)).all())

    quota_rows = [dict(township_id=township_ids[t.name], kind=q.kind, approved=q.approved,
                       staff=q.staff, leadership=q.leadership, version=1)
                  for t in data.townships for q in t.quotas.values()]
    if quota_rows:
        session.execute(insert(Quota), quota_rows)

    office_rows = [dict(township_id=township_ids[t.name], name=o.name, kind=o.kind, position=i, version=1)
                   for t in data.townships for i, o in enumerate(t.offices)]
    if office_rows:
        session.execute(insert(Office), office_rows)
    office_ids = {(tid, name): oid for oid, tid, name in
                  session.execute(select(Office.id, Office.township_id, Office.name))}

    duty_rows = []
    for t in data.townships:
        tid = township_ids[t.name]
        for i, d in enumerate(t.duties):
            duty_rows.append(dict(
                office_id=office_ids[(tid, d.office)], name=d.name, annual_volume=d.annual_volume,
                minutes_per_case=d.minutes_per_case, fixed_hours=d.fixed_hours,
                needs_backup=d.needs_backup, position=i, version=1))
    for start in range(0, len(duty_rows), 20000):
        session.execute(insert(Duty), duty_rows[start:start + 20000])

    person_rows = [dict(township_id=township_ids[t.name], version=1, **person_columns(p))
                   for t in data.townships for p in t.people]
    for start in range(0, len(person_rows), 20000):
        session.execute(insert(Person), person_rows[start:start + 20000])
    hiring_rows = [dict(township_id=township_ids[t.name], kind=h.kind, year=h.year, planned=h.planned,
                        hired=h.hired, version=1) for t in data.townships for h in t.hiring]
    if hiring_rows:
        session.execute(insert(HiringPlan), hiring_rows)
    loan_rows = [dict(township_id=township_ids[t.name], kind=loan.kind, slots=loan.slots, start=str(loan.start),
                      due=str(loan.due), returned=loan.returned, version=1)
                 for t in data.townships for loan in t.pool_loans]
    if loan_rows:
        session.execute(insert(PoolLoan), loan_rows)
    write_posts(session, data)
    audit.finish(data.name)
    session.expire_all()


def ledger_is_empty(session: Session) -> bool:
    return session.scalars(select(Township.id).limit(1)).first() is None


def duty_hours_by_township_kind(session: Session) -> dict[tuple[int, str], float]:
    """Σ duty hours per (township id, kind), computed in SQL for fast summaries."""
    hours = func.sum(Duty.annual_volume * Duty.minutes_per_case / 60.0 + Duty.fixed_hours)
    rows = session.execute(select(Office.township_id, Office.kind, hours)
                           .join(Duty, Duty.office_id == Office.id)
                           .group_by(Office.township_id, Office.kind))
    result: dict[tuple[int, str], float] = defaultdict(float)
    for township_id, kind, total in rows:
        result[(township_id, kind)] = float(total or 0.0)
    return result
