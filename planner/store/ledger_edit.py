"""Small, validated edits of the ledger, one field or one row at a time.

The window's undo commands call these services; each works inside the
caller's transaction (it never commits), checks its input first and raises
EditError, naming the field in Chinese and English, before anything changes.
Every change also writes an audit entry (old → new) in the same transaction,
so the log and the ledger cannot disagree.

Rows are addressed by their names (township, office within township, duty
within office) because names are what the user sees and what the undo stack
replays in order; ids change when a removed row is restored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from planner.domain.county import (
    KINDS, DutyData, HiringPlanData, OfficeData, PoolLoanData, QuotaData, TownshipData,
)
from planner.domain.months import Month, month_text
from planner.domain.time_rules import person_findings
from planner.domain.vocabulary import kind_label
# The field specifications and value checks live in planner.domain.edit_rules; they
# are re-exported here so callers need one import for editing the ledger.
from planner.domain.edit_rules import (  # noqa: F401
    DUTY_FIELDS, OFFICE_FIELDS, PERSON_FIELDS, PERSON_OPTIONAL, QUOTA_FIELDS, TOWNSHIP_FIELDS, EditError, FieldSpec, _spec,
    coerce,
)
from planner.domain.workload import PARAMETER_RANGES, WorkParams
from planner.store.audit import current_user
from planner.store.ledger import PARAM_NAMES, county_row, load_params, person_columns, person_data
from planner.store.posts import attach_posts, duty_links, restore_duty_links, write_township_posts
from planner.store.models import AuditEntry, County, Duty, HiringPlan, Office, Person, PoolLoan, Quota, Township


# ---------------------------------------------------------------- lookups

def _township(session: Session, name: str) -> Township:
    row = session.scalars(select(Township).where(Township.name == name)).first()
    if row is None:
        raise EditError(f"没有名为“{name}”的乡镇", f"no township named '{name}'", "township")
    return row


def _office(session: Session, township: Township, name: str) -> Office:
    row = session.scalars(select(Office).where(Office.township_id == township.id,
                                               Office.name == name)).first()
    if row is None:
        raise EditError(f"乡镇“{township.name}”没有内设机构“{name}”",
                        f"township '{township.name}' has no office '{name}'", "office")
    return row


def _duty(session: Session, office: Office, name: str) -> Duty:
    row = session.scalars(select(Duty).where(Duty.office_id == office.id, Duty.name == name)).first()
    if row is None:
        raise EditError(f"内设机构“{office.name}”没有职责事项“{name}”",
                        f"office '{office.name}' has no duty '{name}'", "duty")
    return row


def _kind(value: str) -> str:
    return coerce(OFFICE_FIELDS["kind"], value)


def _audit(session: Session, action: str, entity: str, key: str, field_name: str = "",
           old: Any = None, new: Any = None) -> None:
    """One entry in the audit log, keyed as planner.store.audit keys rows (so its listener does not log it twice)."""
    session.add(AuditEntry(user=current_user(session), action=action, entity=entity, entity_key=key,
                           field=field_name, old_value=None if old is None else str(old),
                           new_value=None if new is None else str(new)))


# ---------------------------------------------------------------- field edits

def set_township_field(session: Session, township_name: str, field_name: str, value: Any) -> Any:
    """Set one field of a township; returns the old value."""
    spec = _spec(TOWNSHIP_FIELDS, field_name, "乡镇", "township")
    new = coerce(spec, value)
    township = _township(session, township_name)
    old = getattr(township, field_name)
    if field_name == "name" and new != old:
        if session.scalars(select(Township.id).where(Township.name == new)).first() is not None:
            raise EditError(f"乡镇名称“{new}”已存在", f"a township named '{new}' already exists", "name")
    if new != old:
        setattr(township, field_name, new)
        _audit(session, "ledger_edit", "township", township_name, field_name, old, new)
        session.flush()
    return old


def township_ids(session: Session, name: str) -> set[int] | None:
    """{id} of the township called `name` (the ledger rows an edit touched), None when there is none."""
    found = session.scalars(select(Township.id).where(Township.name == name)).first()
    return None if found is None else {found}


def quota_line(session: Session, township_name: str, kind: str) -> QuotaData | None:
    """The quota line of a township and kind as plain data; None when there is none."""
    township = _township(session, township_name)
    row = session.scalars(select(Quota).where(Quota.township_id == township.id,
                                              Quota.kind == _kind(kind))).first()
    return None if row is None else QuotaData(row.kind, row.approved, row.staff, row.leadership)


def set_quota_field(session: Session, township_name: str, kind: str, field_name: str, value: Any) -> int:
    """Set approved, staff or leadership of one kind; a missing quota line is created.

    Returns the old value (0 for a line that did not exist).
    """
    spec = _spec(QUOTA_FIELDS, field_name, "编制", "quota")
    kind = _kind(kind)
    new = coerce(spec, value)
    if field_name == "leadership" and kind != "administrative" and new != 0:
        raise EditError(f"领导职数只计入行政编制，{kind_label(kind, long=True)}不能设领导职数",
                        f"leadership posts count in administrative quota only, not {kind}", "leadership")
    township = _township(session, township_name)
    row = session.scalars(select(Quota).where(Quota.township_id == township.id, Quota.kind == kind)).first()
    if row is None:
        row = Quota(township_id=township.id, kind=kind, approved=0, staff=0, leadership=0)
        session.add(row)
    old = getattr(row, field_name) or 0
    _check_leadership_inside_quota(field_name, old, new, row)
    if new != old:
        setattr(row, field_name, new)
        _audit(session, "ledger_edit", "quota", f"{township_name}/{kind}", field_name, old, new)
    session.flush()
    return old


def _check_leadership_inside_quota(field_name: str, old: int, new: int, row: Quota) -> None:
    """Leadership posts count inside the approved administrative quota, as the import checks.

    Only an edit that moves the line further out is refused, so a line that is
    already out (an older ledger) can be brought back step by step.
    """
    leadership = new if field_name == "leadership" else (row.leadership or 0)
    approved = new if field_name == "approved" else (row.approved or 0)
    worse = (field_name == "leadership" and new > old) or (field_name == "approved" and new < old)
    if worse and leadership > approved:
        raise EditError(f"领导职数 {leadership} 超过核定行政编制 {approved}（领导职数计入行政编制之内）",
                        f"{leadership} leadership posts exceed the approved administrative quota {approved} "
                        "(leadership counts inside it)", field_name)


def restore_quota_line(session: Session, township_name: str, kind: str, line: QuotaData | None) -> None:
    """Put a quota line back exactly as `quota_line` returned it (None removes the line)."""
    township = _township(session, township_name)
    kind = _kind(kind)
    row = session.scalars(select(Quota).where(Quota.township_id == township.id, Quota.kind == kind)).first()
    before = None if row is None else (row.approved, row.staff, row.leadership)
    if line is None:
        if row is not None:
            session.delete(row)
    else:
        if row is None:
            row = Quota(township_id=township.id, kind=kind)
            session.add(row)
        row.approved, row.staff, row.leadership = line.approved, line.staff, line.leadership
    after = None if line is None else (line.approved, line.staff, line.leadership)
    if before != after:
        _audit(session, "ledger_edit", "quota", f"{township_name}/{kind}", "approved/staff/leadership",
               before, after)
    session.flush()


def set_office_field(session: Session, township_name: str, office_name: str, field_name: str,
                     value: Any) -> Any:
    """Rename an office or change its kind; returns the old value.

    People on file name their office; a rename carries them along.
    """
    spec = _spec(OFFICE_FIELDS, field_name, "内设机构", "office")
    new = coerce(spec, value)
    township = _township(session, township_name)
    office = _office(session, township, office_name)
    old = getattr(office, field_name)
    if new == old:
        return old
    if field_name == "name":
        if session.scalars(select(Office.id).where(Office.township_id == township.id,
                                                   Office.name == new)).first() is not None:
            raise EditError(f"乡镇“{township_name}”已有内设机构“{new}”",
                            f"township '{township_name}' already has an office '{new}'", "name")
        session.execute(update(Person).where(Person.township_id == township.id, Person.office_name == old)
                        .values(office_name=new))
    setattr(office, field_name, new)
    _audit(session, "ledger_edit", "office", f"{township_name}/{office_name}", field_name, old, new)
    session.flush()
    return old


def set_duty_field(session: Session, township_name: str, office_name: str, duty_name: str,
                   field_name: str, value: Any) -> Any:
    """Set one field of a duty (name, volume, minutes, fixed hours, A/B); returns the old value."""
    spec = _spec(DUTY_FIELDS, field_name, "职责事项", "duty")
    new = coerce(spec, value)
    township = _township(session, township_name)
    office = _office(session, township, office_name)
    duty = _duty(session, office, duty_name)
    old = getattr(duty, field_name)
    if field_name == "needs_backup":
        old = bool(old)
    if new == old:
        return old
    if field_name == "name":
        if session.scalars(select(Duty.id).where(Duty.office_id == office.id, Duty.name == new)).first():
            raise EditError(f"内设机构“{office_name}”已有职责事项“{new}”",
                            f"office '{office_name}' already has a duty '{new}'", "name")
    setattr(duty, field_name, new)
    _audit(session, "ledger_edit", "duty", f"{township_name}/{office_name}/{duty_name}", field_name, old, new)
    session.flush()
    return old


def _person(session: Session, township: Township, ordinal: int) -> Person:
    """The n-th person on file of a township (in the order they were entered).

    People have no unique key (two can share a name); their place in the list
    survives a removal and restore of the township, where their ids do not.
    """
    people = session.scalars(select(Person).where(Person.township_id == township.id).order_by(Person.id)).all()
    if not 0 <= ordinal < len(people):
        raise EditError(f"乡镇“{township.name}”没有第 {ordinal + 1} 名人员",
                        f"township '{township.name}' has no person number {ordinal + 1}", "person")
    return people[ordinal]


def set_person_field(session: Session, township_name: str, ordinal: int, field_name: str, value: Any) -> Any:
    """Set one field of a person on file (name, kind, office, quota date, sex, birth month,
    status, leader, planned leave); returns the old value.

    Sex, status and birth month are checked as the workbook import checks them
    (a birth month giving an age outside 16–70 is refused).
    """
    spec = _spec(PERSON_FIELDS, field_name, "人员", "person")
    township = _township(session, township_name)
    if field_name in PERSON_OPTIONAL and (value is None or not str(value).strip()):
        new = None
    else:
        new = coerce(spec, value)
    if field_name == "office" and new is not None:
        _office(session, township, new)  # refuses an office the township does not have
    person = _person(session, township, ordinal)
    column = "office_name" if field_name == "office" else field_name
    stored = month_text(new) if spec.type == "month" else new
    if field_name in ("sex", "status", "birth_month"):
        candidate = person_data(person)
        setattr(candidate, field_name, new)
        for checked, zh, en in person_findings(candidate, Month.today()):
            if checked == field_name:
                raise EditError(zh, en, field_name)
    old = getattr(person, column)
    if field_name == "leader":
        old = bool(old)
    if stored != old:
        key = f"{township_name}/{person.name}"  # the name before this edit, as the audit log keys rows
        setattr(person, column, stored)
        _audit(session, "ledger_edit", "person", key, field_name, old, stored)
        session.flush()
    return old


# ---------------------------------------------------------------- rows added and removed

@dataclass
class TownshipSnapshot:
    """Everything of one township, enough to put it back exactly where it was."""

    data: TownshipData
    position: int
    office_positions: list[int] = field(default_factory=list)
    duty_positions: list[int] = field(default_factory=list)


def _validated_township(data: TownshipData) -> TownshipData:
    for name, spec in TOWNSHIP_FIELDS.items():
        setattr(data, name, coerce(spec, getattr(data, name)))
    offices: set[str] = set()
    for office in data.offices:
        office.name = coerce(OFFICE_FIELDS["name"], office.name)
        office.kind = _kind(office.kind)
        if office.name in offices:
            raise EditError(f"内设机构“{office.name}”重复", f"office '{office.name}' appears twice", "office")
        offices.add(office.name)
    duties: set[tuple[str, str]] = set()
    for duty in data.duties:
        if duty.office not in offices:
            raise EditError(f"职责事项“{duty.name}”所属机构“{duty.office}”不存在",
                            f"duty '{duty.name}' names a missing office '{duty.office}'", "office")
        for name, spec in DUTY_FIELDS.items():
            setattr(duty, name, coerce(spec, getattr(duty, name)))
        if (duty.office, duty.name) in duties:
            raise EditError(f"职责事项“{duty.name}”重复", f"duty '{duty.name}' appears twice", "duty")
        duties.add((duty.office, duty.name))
    for kind, line in data.quotas.items():
        if _kind(kind) != kind or line.kind != kind:
            raise EditError("编制类型不一致", "quota kind mismatch", "kind")
        for name, spec in QUOTA_FIELDS.items():
            setattr(line, name, coerce(spec, getattr(line, name)))
    return data


def add_township(session: Session, data: TownshipData, position: int | None = None,
                 office_positions: list[int] | None = None, duty_positions: list[int] | None = None) -> int:
    """Add a township with its quota, offices, duties and people; returns its id.

    Without a position it goes to the end of the ledger.
    """
    data = _validated_township(data)
    if session.scalars(select(Township.id).where(Township.name == data.name)).first() is not None:
        raise EditError(f"乡镇名称“{data.name}”已存在", f"a township named '{data.name}' already exists", "name")
    if position is None:
        position = (session.scalar(select(func.max(Township.position))) or 0) + 1
    township = Township(name=data.name, type=data.type, category=data.category, population=data.population,
                        area_km2=data.area_km2, villages=data.villages, locked=data.locked, position=position)
    session.add(township)
    session.flush()
    for kind in KINDS:
        if kind in data.quotas:
            q = data.quotas[kind]
            session.add(Quota(township_id=township.id, kind=kind, approved=q.approved, staff=q.staff,
                              leadership=q.leadership))
    offices: dict[str, Office] = {}
    for i, o in enumerate(data.offices):
        pos = office_positions[i] if office_positions else i
        offices[o.name] = Office(township_id=township.id, name=o.name, kind=o.kind, position=pos)
        session.add(offices[o.name])
    session.flush()
    for i, d in enumerate(data.duties):
        pos = duty_positions[i] if duty_positions else i
        session.add(Duty(office_id=offices[d.office].id, name=d.name, annual_volume=d.annual_volume,
                         minutes_per_case=d.minutes_per_case, fixed_hours=d.fixed_hours,
                         needs_backup=d.needs_backup, position=pos))
    for p in data.people:
        session.add(Person(township_id=township.id, **person_columns(p)))
    for h in data.hiring:
        session.add(HiringPlan(township_id=township.id, kind=h.kind, year=h.year, planned=h.planned, hired=h.hired))
    for loan in data.pool_loans:
        session.add(PoolLoan(township_id=township.id, kind=loan.kind, slots=loan.slots, start=str(loan.start),
                             due=str(loan.due), returned=loan.returned))
    session.flush()
    write_township_posts(session, township.id, data)
    _audit(session, "ledger_add", "township", data.name)
    session.flush()
    return township.id


def township_snapshot(session: Session, township_name: str) -> TownshipSnapshot:
    t = _township(session, township_name)
    data = TownshipData(name=t.name, type=t.type, category=t.category, population=t.population,
                        area_km2=t.area_km2, villages=t.villages, locked=bool(t.locked))
    for q in session.scalars(select(Quota).where(Quota.township_id == t.id)):
        data.quotas[q.kind] = QuotaData(q.kind, q.approved, q.staff, q.leadership)
    data.quotas = {k: data.quotas[k] for k in KINDS if k in data.quotas}
    offices = list(session.scalars(select(Office).where(Office.township_id == t.id)
                                   .order_by(Office.position, Office.id)))
    snapshot = TownshipSnapshot(data=data, position=t.position)
    for o in offices:
        data.offices.append(OfficeData(o.name, o.kind))
        snapshot.office_positions.append(o.position)
    office_names = {o.id: o.name for o in offices}
    for d in session.scalars(select(Duty).where(Duty.office_id.in_(list(office_names)))
                             .order_by(Duty.office_id, Duty.position, Duty.id)):
        data.duties.append(DutyData(office_names[d.office_id], d.name, d.annual_volume, d.minutes_per_case,
                                    d.fixed_hours, bool(d.needs_backup)))
        snapshot.duty_positions.append(d.position)
    for p in session.scalars(select(Person).where(Person.township_id == t.id).order_by(Person.id)):
        data.people.append(person_data(p))
    for h in session.scalars(select(HiringPlan).where(HiringPlan.township_id == t.id).order_by(HiringPlan.id)):
        data.hiring.append(HiringPlanData(h.kind, h.year, h.planned, h.hired))
    for loan in session.scalars(select(PoolLoan).where(PoolLoan.township_id == t.id).order_by(PoolLoan.id)):
        data.pool_loans.append(PoolLoanData(loan.kind, loan.slots, Month.parse(loan.start), Month.parse(loan.due),
                                            loan.returned))
    attach_posts(session, {t.id: data})     # its posts and backup offices come back with it
    return snapshot


def remove_township(session: Session, township_name: str) -> TownshipSnapshot:
    """Remove a township with everything it holds; the snapshot puts it back exactly."""
    snapshot = township_snapshot(session, township_name)
    session.delete(_township(session, township_name))
    _audit(session, "ledger_remove", "township", township_name)
    session.flush()
    return snapshot


def restore_township(session: Session, snapshot: TownshipSnapshot) -> int:
    return add_township(session, snapshot.data, snapshot.position, snapshot.office_positions,
                        snapshot.duty_positions)


@dataclass
class DutySnapshot:
    township: str
    duty: DutyData
    position: int
    post_links: list = field(default_factory=list)   # (post id, role, position): its place on posts


def add_duty(session: Session, township_name: str, duty: DutyData, position: int | None = None) -> None:
    """Add a duty to an office of a township (at the end of the office unless a position is given)."""
    township = _township(session, township_name)
    office = _office(session, township, duty.office)
    duty = DutyData(duty.office, *(coerce(DUTY_FIELDS[n], getattr(duty, n)) for n in
                                   ("name", "annual_volume", "minutes_per_case", "fixed_hours", "needs_backup")))
    if session.scalars(select(Duty.id).where(Duty.office_id == office.id, Duty.name == duty.name)).first():
        raise EditError(f"内设机构“{office.name}”已有职责事项“{duty.name}”",
                        f"office '{office.name}' already has a duty '{duty.name}'", "name")
    if position is None:
        position = (session.scalar(select(func.max(Duty.position)).where(Duty.office_id == office.id)) or 0) + 1
    session.add(Duty(office_id=office.id, name=duty.name, annual_volume=duty.annual_volume,
                     minutes_per_case=duty.minutes_per_case, fixed_hours=duty.fixed_hours,
                     needs_backup=duty.needs_backup, position=position))
    _audit(session, "ledger_add", "duty", f"{township_name}/{duty.office}/{duty.name}")
    session.flush()


def remove_duty(session: Session, township_name: str, office_name: str, duty_name: str) -> DutySnapshot:
    township = _township(session, township_name)
    duty = _duty(session, _office(session, township, office_name), duty_name)
    snapshot = DutySnapshot(township_name, DutyData(office_name, duty.name, duty.annual_volume,
                                                    duty.minutes_per_case, duty.fixed_hours,
                                                    bool(duty.needs_backup)), duty.position,
                            duty_links(session, duty.id))
    session.delete(duty)
    _audit(session, "ledger_remove", "duty", f"{township_name}/{office_name}/{duty_name}")
    session.flush()
    return snapshot


def restore_duty(session: Session, snapshot: DutySnapshot) -> None:
    add_duty(session, snapshot.township, snapshot.duty, snapshot.position)
    if snapshot.post_links:
        office = _office(session, _township(session, snapshot.township), snapshot.duty.office)
        restore_duty_links(session, _duty(session, office, snapshot.duty.name).id, snapshot.post_links)


# ---------------------------------------------------------------- county parameters

def set_parameter(session: Session, name: str, value: Any) -> float:
    """Set one working-time or A/B parameter of the county; returns the old value.

    The whole parameter set is checked (e.g. leave, sick and training days
    together must stay below the working days), as the solver would.
    """
    if name not in PARAM_NAMES:
        raise EditError(f"没有名为“{name}”的参数", f"no parameter named '{name}'", name)
    low, high, label_zh = PARAMETER_RANGES[name]
    spec = FieldSpec(name, label_zh, name, "int" if name == "max_backup_roles" else "float", maximum=high)
    new = coerce(spec, value)
    if new < low:
        raise EditError(f"{label_zh} {value} 低于下限 {low:g}", f"{name} {value} is below the limit {low:g}", name)
    params = load_params(session).as_dict()
    old = params[name]
    params[name] = new
    problems = WorkParams(**params).problems()
    if problems:
        raise EditError("；".join(problems), f"{name} {value} does not fit the other parameters", name)
    if new != old:
        county: County = county_row(session)
        setattr(county, name, new)
        _audit(session, "ledger_edit", "county", county.name, name, old, new)
        session.flush()
    return old
