"""Single edits of the time ledger: people added and removed, hiring plans (用编计划) and pool
loans (周转池) added, changed and removed — each inside the caller's transaction, as
planner.services.editing does for the other rows.

Every value is checked before anything changes, with the same rules the workbook import
uses (planner.domain.time_rules), and a refusal raises EditError naming the field. A
removed row comes back with its own id, so the people and loans addressed by their place
in the township's list (ordinal, in the order they were entered) keep their places
across an undo.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner.domain.county import (
    KINDS, CountyData, HiringPlanData, OfficeData, PersonData, PoolLoanData, QuotaData, TownshipData,
)
from planner.domain.forecast import Forecast, forecast
from planner.domain.edit_rules import PERSON_FIELDS, PERSON_OPTIONAL, EditError, FieldSpec, coerce
from planner.domain.months import Month, month_text
from planner.domain.time_rules import hiring_findings, hiring_line_findings, loan_findings, person_findings
from planner.store.audit import record
from planner.store.ledger import county_row, load_time_params, person_columns, person_data
from planner.store.models import HiringPlan, Office, Person, PoolLoan, Post, Quota, Township

HIRING_FIELDS: dict[str, FieldSpec] = {f.name: f for f in (
    FieldSpec("kind", "编制类型", "kind", "choice", choices=KINDS),
    FieldSpec("year", "年度", "year", "int", maximum=2100),
    FieldSpec("planned", "计划进人数", "planned hires", "int", maximum=10_000),
    FieldSpec("hired", "已进人数", "hired", "int", maximum=10_000),
)}
LOAN_FIELDS: dict[str, FieldSpec] = {f.name: f for f in (
    FieldSpec("kind", "编制类型", "kind", "choice", choices=KINDS),
    FieldSpec("slots", "借用数", "slots", "int", maximum=10_000),
    FieldSpec("start", "起始年月", "start", "month"),
    FieldSpec("due", "到期年月", "due", "month"),
    FieldSpec("returned", "已归还", "returned", "int", maximum=10_000),
)}
_LOAN_MONTHS = ("start", "due")


def time_ledger(db) -> CountyData:
    """The ledger's time side as plain data: townships with their quota lines, office names, people,
    hiring plans and pool loans, and the time parameters — not the duties, which are most of a
    large ledger and which none of the people, hiring, pool or forecast views reads."""
    with db.session() as session:
        row = county_row(session)
        townships: dict[int, TownshipData] = {}
        for t in session.execute(select(Township).order_by(Township.position, Township.id)).scalars():
            townships[t.id] = TownshipData(name=t.name, type=t.type, category=t.category, population=t.population,
                                           area_km2=t.area_km2, villages=t.villages, locked=bool(t.locked))
        for q in session.execute(select(Quota.township_id, Quota.kind, Quota.approved, Quota.staff,
                                        Quota.leadership)):
            townships[q.township_id].quotas[q.kind] = QuotaData(q.kind, q.approved, q.staff, q.leadership)
        offices = list(session.execute(select(Office.id, Office.township_id, Office.name, Office.kind,
                                              Office.backup_office_id)
                                       .order_by(Office.township_id, Office.position, Office.id)))
        office_names = {o.id: o.name for o in offices}
        for o in offices:
            townships[o.township_id].offices.append(
                OfficeData(o.name, o.kind, backup_office=office_names.get(o.backup_office_id)))
        for p in session.execute(select(Person).order_by(Person.id)).scalars():
            townships[p.township_id].people.append(person_data(p))
        for h in session.execute(select(HiringPlan).order_by(HiringPlan.id)).scalars():
            townships[h.township_id].hiring.append(HiringPlanData(h.kind, h.year, h.planned, h.hired))
        for loan in session.execute(select(PoolLoan).order_by(PoolLoan.id)).scalars():
            townships[loan.township_id].pool_loans.append(_loan_data(loan))
        return CountyData(name=row.name, time=load_time_params(session), townships=list(townships.values()))


def county_forecast(db, years: int | None = None, as_of: Month | None = None) -> tuple[str, Forecast]:
    """The county's name and its leavers forecast (as planner.services.forecasting.forecast_job counts
    it), from one reading of the ledger: the window's forecast tab and its printed page."""
    county = time_ledger(db)
    return county.name, forecast(county, as_of or Month.today(), years)


def _township(session: Session, name: str) -> Township:
    row = session.scalars(select(Township).where(Township.name == name)).first()
    if row is None:
        raise EditError(f"没有名为“{name}”的乡镇", f"no township named '{name}'", "township")
    return row


# ---------------------------------------------------------------- people

@dataclass(frozen=True)
class PersonSnapshot:
    """A removed person, enough to put them back at their place."""

    township: str
    row_id: int
    data: PersonData
    posts: tuple[int, ...] = ()   # the posts (岗位) they held: removing them empties those posts


def checked_person(session: Session, township: Township, person: PersonData) -> PersonData:
    """`person` with every field checked as a single edit checks it (EditError names the first bad field)."""
    values: dict[str, Any] = {}
    for name, spec in PERSON_FIELDS.items():
        value = getattr(person, name)
        if name in PERSON_OPTIONAL and (value is None or not str(value).strip()):
            values[name] = None
        else:
            values[name] = coerce(spec, value)
    if values["office"] is not None and session.scalars(select(Office.id).where(
            Office.township_id == township.id, Office.name == values["office"])).first() is None:
        raise EditError(f"乡镇“{township.name}”没有内设机构“{values['office']}”",
                        f"township '{township.name}' has no office '{values['office']}'", "office")
    data = PersonData(**values)
    for field_name, zh, en in person_findings(data, Month.today()):
        raise EditError(zh, en, field_name)
    return data


def _people(session: Session, township: Township) -> list[Person]:
    return list(session.scalars(select(Person).where(Person.township_id == township.id).order_by(Person.id)))


def add_person(session: Session, township_name: str, person: PersonData, row_id: int | None = None) -> int:
    """Add a person to a township's roster; returns their place in the list (ordinal).

    row_id: put a removed person back under their own id (undo of remove_person).
    """
    township = _township(session, township_name)
    data = checked_person(session, township, person)
    row = Person(township_id=township.id, **person_columns(data))
    if row_id is not None:
        row.id = row_id
    session.add(row)
    session.flush()
    return [p.id for p in _people(session, township)].index(row.id)


def remove_person(session: Session, township_name: str, ordinal: int) -> PersonSnapshot:
    township = _township(session, township_name)
    people = _people(session, township)
    if not 0 <= ordinal < len(people):
        raise EditError(f"乡镇“{township_name}”没有第 {ordinal + 1} 名人员",
                        f"township '{township_name}' has no person number {ordinal + 1}", "person")
    row = people[ordinal]
    held = tuple(session.scalars(select(Post.id).where(Post.person_id == row.id).order_by(Post.id)))
    snapshot = PersonSnapshot(township_name, row.id, person_data(row), held)
    session.delete(row)
    session.flush()
    return snapshot


def restore_person(session: Session, snapshot: PersonSnapshot) -> int:
    ordinal = add_person(session, snapshot.township, snapshot.data, snapshot.row_id)
    for post in session.scalars(select(Post).where(Post.id.in_(snapshot.posts))):
        post.person_id = snapshot.row_id  # back in the posts they held
    session.flush()
    return ordinal


# ---------------------------------------------------------------- hiring plans

def _township_data(session: Session, township: Township) -> TownshipData:
    """Quota lines and hiring plans of one township: what the hiring checks read."""
    data = TownshipData(name=township.name)
    for q in session.scalars(select(Quota).where(Quota.township_id == township.id)):
        data.quotas[q.kind] = QuotaData(q.kind, q.approved, q.staff, q.leadership)
    for h in session.scalars(select(HiringPlan).where(HiringPlan.township_id == township.id)):
        data.hiring.append(HiringPlanData(h.kind, h.year, h.planned, h.hired))
    return data


def checked_hiring(plan: HiringPlanData) -> HiringPlanData:
    data = HiringPlanData(**{name: coerce(spec, getattr(plan, name)) for name, spec in HIRING_FIELDS.items()})
    if data.year < 2000:
        raise EditError(f"年度 {data.year} 早于 2000 年", f"year {data.year} is before 2000", "year")
    for field_name, zh, en in hiring_line_findings(data):
        raise EditError(zh, en, field_name)
    return data


def _hiring_row(session: Session, township: Township, kind: str, year: int) -> HiringPlan | None:
    return session.scalars(select(HiringPlan).where(HiringPlan.township_id == township.id, HiringPlan.kind == kind,
                                                    HiringPlan.year == year)).first()


def _check_vacancy(session: Session, township: Township, kind: str) -> None:
    session.flush()
    for field_name, zh, en in hiring_findings(_township_data(session, township), kind):
        raise EditError(zh, en, field_name)


def _hiring_key(township: str, plan: HiringPlanData) -> str:
    return f"{township}/{plan.kind}/{plan.year}"


def set_hiring_plan(session: Session, township_name: str, old: HiringPlanData | None,
                    new: HiringPlanData | None) -> HiringPlanData | None:
    """Replace a township's hiring plan line `old` (None: add one) by `new` (None: remove it).

    Refused when a line of that kind and year already exists, when more are hired than
    planned, or when the planned hires not yet used exceed the township's vacancy.
    Returns the line as stored (the undo puts back `old`).
    """
    township = _township(session, township_name)
    new = None if new is None else checked_hiring(new)
    row = None
    if old is not None:
        row = _hiring_row(session, township, old.kind, old.year)
        if row is None:
            raise EditError(f"乡镇“{township_name}”没有 {old.year} 年的该类用编计划",
                            f"township '{township_name}' has no hiring plan of {old.kind} for {old.year}", "year")
    if new is not None and (old is None or (new.kind, new.year) != (old.kind, old.year)) \
            and _hiring_row(session, township, new.kind, new.year) is not None:
        raise EditError(f"乡镇“{township_name}”已有 {new.year} 年的该类用编计划",
                        f"township '{township_name}' already has a {new.kind} hiring plan for {new.year}", "year")
    if row is not None:
        session.delete(row)
        session.flush()
    if new is not None:
        session.add(HiringPlan(township_id=township.id, kind=new.kind, year=new.year, planned=new.planned,
                               hired=new.hired))
        _check_vacancy(session, township, new.kind)
    action = "ledger_add" if old is None else "ledger_remove" if new is None else "ledger_edit"
    record(session, action, "hiring_plan", _hiring_key(township_name, new or old),
           old=None if old is None else f"{old.planned}/{old.hired}",
           new=None if new is None else f"{new.planned}/{new.hired}")
    session.flush()
    return new


# ---------------------------------------------------------------- pool loans

@dataclass(frozen=True)
class LoanSnapshot:
    township: str
    row_id: int
    data: PoolLoanData


def checked_loan(session: Session, loan: PoolLoanData) -> PoolLoanData:
    values = {}
    for name, spec in LOAN_FIELDS.items():
        value = getattr(loan, name)
        if name in _LOAN_MONTHS and (value is None or not str(value).strip()):
            raise EditError(f"{spec.label_zh}不能为空", f"{spec.label_en} must not be empty", name)
        values[name] = coerce(spec, value)
    data = PoolLoanData(**values)
    for field_name, zh, en in loan_findings(data, load_time_params(session)):
        raise EditError(zh, en, field_name)
    return data


def _loans(session: Session, township: Township) -> list[PoolLoan]:
    return list(session.scalars(select(PoolLoan).where(PoolLoan.township_id == township.id).order_by(PoolLoan.id)))


def _loan_row(session: Session, township: Township, ordinal: int) -> PoolLoan:
    loans = _loans(session, township)
    if not 0 <= ordinal < len(loans):
        raise EditError(f"乡镇“{township.name}”没有第 {ordinal + 1} 笔周转池借用",
                        f"township '{township.name}' has no pool loan number {ordinal + 1}", "loan")
    return loans[ordinal]


def _loan_data(row: PoolLoan) -> PoolLoanData:
    return PoolLoanData(row.kind, row.slots, Month.parse(row.start), Month.parse(row.due), row.returned)


def _loan_text(loan: PoolLoanData) -> str:
    return f"{loan.slots} {loan.start}–{loan.due} -{loan.returned}"


def add_loan(session: Session, township_name: str, loan: PoolLoanData, row_id: int | None = None) -> int:
    """Add a pool loan to a township; returns its place in the township's list of loans."""
    township = _township(session, township_name)
    data = checked_loan(session, loan)
    row = PoolLoan(township_id=township.id, kind=data.kind, slots=data.slots, start=month_text(data.start),
                   due=month_text(data.due), returned=data.returned)
    if row_id is not None:
        row.id = row_id
    session.add(row)
    session.flush()
    record(session, "ledger_add", "pool_loan", f"{township_name}/{data.kind}", new=_loan_text(data))
    return [r.id for r in _loans(session, township)].index(row.id)


def set_loan(session: Session, township_name: str, ordinal: int, loan: PoolLoanData) -> PoolLoanData:
    """Replace the n-th loan of a township by `loan` (checked); returns the loan as it was."""
    township = _township(session, township_name)
    data = checked_loan(session, loan)
    row = _loan_row(session, township, ordinal)
    old = _loan_data(row)
    row.kind, row.slots, row.returned = data.kind, data.slots, data.returned
    row.start, row.due = month_text(data.start), month_text(data.due)
    record(session, "ledger_edit", "pool_loan", f"{township_name}/{data.kind}", old=_loan_text(old),
           new=_loan_text(data))
    session.flush()
    return old


def remove_loan(session: Session, township_name: str, ordinal: int) -> LoanSnapshot:
    township = _township(session, township_name)
    row = _loan_row(session, township, ordinal)
    snapshot = LoanSnapshot(township_name, row.id, _loan_data(row))
    session.delete(row)
    record(session, "ledger_remove", "pool_loan", f"{township_name}/{row.kind}", old=_loan_text(snapshot.data))
    session.flush()
    return snapshot


def restore_loan(session: Session, snapshot: LoanSnapshot) -> int:
    return add_loan(session, snapshot.township, snapshot.data, snapshot.row_id)


def with_field(data, field_name: str, value: Any):
    """A copy of a plain row (person, hiring line, loan) with one field replaced, unchecked."""
    return replace(data, **{field_name: value})
