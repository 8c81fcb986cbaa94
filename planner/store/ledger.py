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

from planner.domain.county import (
    CountyData, DutyData, OfficeData, PersonData, QuotaData, TownshipData,
)
from planner.store.audit import ImportAudit
from planner.store.models import County, Duty, Office, Person, Quota, Township
from planner.domain.workload import WorkParams

PARAM_NAMES = tuple(f.name for f in fields(WorkParams))


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


def load_county(session: Session) -> CountyData:
    county = county_row(session)
    params = WorkParams(**{name: getattr(county, name) for name in PARAM_NAMES})
    townships: dict[int, TownshipData] = {}
    for t in session.execute(select(Township).order_by(Township.position, Township.id)).scalars():
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
    for d in session.execute(select(Duty).order_by(Duty.office_id, Duty.position, Duty.id)
                             .execution_options(yield_per=5000)).scalars():
        township_id, office = office_names[d.office_id]
        townships[township_id].duties.append(DutyData(
            office=office, name=d.name, annual_volume=d.annual_volume,
            minutes_per_case=d.minutes_per_case, fixed_hours=d.fixed_hours,
            needs_backup=bool(d.needs_backup)))
    for p in session.execute(select(Person).order_by(Person.id)).scalars():
        townships[p.township_id].people.append(
            PersonData(name=p.name, kind=p.kind, office=p.office_name, quota_since=p.quota_since))
    # Quota lines are kept in the canonical kind order for stable output.
    return CountyData(name=county.name, params=params, townships=list(townships.values()))


def replace_county(session: Session, data: CountyData, *, source: str = "import") -> None:
    """Replace the whole ledger with `data`, inside the caller's transaction.

    `source` (a file name, "demo") goes into the audit log's summary entry.
    """
    data.params.validate()
    audit = ImportAudit(session, source)
    for model in (Person, Duty, Office, Quota, Township):
        session.execute(delete(model))
    county = county_row(session)
    county.name = data.name
    for name in PARAM_NAMES:
        setattr(county, name, getattr(data.params, name))
    session.flush()

    session.execute(insert(Township), [
        dict(name=t.name, type=t.type, category=t.category, population=t.population,
             area_km2=t.area_km2, villages=t.villages, locked=t.locked, position=i, version=1)
        for i, t in enumerate(data.townships)])
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

    person_rows = [dict(township_id=township_ids[t.name], office_name=p.office, name=p.name,
                        kind=p.kind, quota_since=p.quota_since, version=1)
                   for t in data.townships for p in t.people]
    if person_rows:
        session.execute(insert(Person), person_rows)
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
