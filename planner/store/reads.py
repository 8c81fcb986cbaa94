"""The window's reads: each opens one short session of its own and returns plain rows, ids or names.

The window never holds a Session or builds a query (ui/ imports no
SQLAlchemy); what it shows of the ledger and the audit log it asks for here,
of the saved scenarios in planner.scenarios.reads. Writes go through
planner.services (single edits: planner.services.editing). The command line's
`summary` reads its lines here too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from sqlalchemy import func, select

from planner.domain.county import KINDS, CountyData, QuotaFigures
from planner.domain.workload import WorkParams, pressure, required_fte
from planner.store.audit import audit_entries, audit_users, entry_row
from planner.store.db import Database
from planner.store.ledger import duty_hours_by_township_kind, ledger_is_empty, load_county, load_params
from planner.store.ledger_view import TownshipDetail, TownshipSummary, load_detail, load_summaries
from planner.store.models import Person, Quota, Township


# ------------------------------------------------------------ the ledger
def township_id_named(db: Database, name: str) -> int | None:
    """The id of the township called `name`, or None."""
    with db.session() as session:
        return session.scalars(select(Township.id).where(Township.name == name)).first()


def township_summaries(db: Database, township_ids: Iterable[int] | None = None) -> list[TownshipSummary]:
    """The ledger table's rows: every township, or those of `township_ids`, in ledger order."""
    with db.session() as session:
        return load_summaries(session, township_ids)


def township_detail(db: Database, township_id: int) -> tuple[TownshipDetail | None, set[str]]:
    """One township's detail (None when it is gone) and the names of the other townships."""
    with db.session() as session:
        detail = load_detail(session, township_id)
        if detail is None:
            return None, set()
        others = set(session.scalars(select(Township.name).where(Township.id != detail.id)))
    return detail, others


def county_params(db: Database) -> WorkParams:
    with db.session() as session:
        return load_params(session)


def county(db: Database) -> CountyData:
    """The whole ledger as plain data."""
    with db.session() as session:
        return load_county(session)


def is_empty(db: Database) -> bool:
    with db.session() as session:
        return ledger_is_empty(session)


# ------------------------------------------------------------ the audit log
def audit_user_names(db: Database) -> list[str]:
    with db.session() as session:
        return audit_users(session)


def audit_rows(db: Database, lang: str, limit: int | None = None, **filters) -> list[list[str]]:
    """The log, newest first, as the strings a table shows (action and entity named in `lang`)."""
    with db.session() as session:
        return [entry_row(entry, lang) for entry in audit_entries(session, limit=limit, **filters)]


# ------------------------------------------------------------ the command line's summary
@dataclass(frozen=True)
class SummaryLine(QuotaFigures):
    """One township's line of one kind as `summary` prints it; vacancy and over-quota come from
    QuotaFigures, the one definition every view uses."""

    township: str
    kind: str
    approved: int
    staff: int
    required_fte: float

    @property
    def pressure(self) -> float | None:
        return pressure(self.staff, self.required_fte)


@dataclass(frozen=True)
class LedgerSummary:
    townships: list[str]                         # in ledger order
    lines: list[SummaryLine]
    people_on_file: dict[tuple[str, str], int]   # (township, kind) -> people of that kind on file


def ledger_summary(db: Database) -> LedgerSummary:
    """Every township's quota lines in ledger order, with the WISN need computed in SQL (fast on a
    province-sized ledger), and the people on file per township and kind."""
    with db.session() as session:
        params = load_params(session)
        hours = duty_hours_by_township_kind(session)
        townships = session.execute(select(Township.id, Township.name).order_by(Township.position, Township.id)).all()
        quotas = {(q.township_id, q.kind): q for q in session.execute(
            select(Quota.township_id, Quota.kind, Quota.approved, Quota.staff, Quota.leadership))}
        people = session.execute(
            select(Person.township_id, Person.kind, func.count()).group_by(Person.township_id, Person.kind)).all()
    names = dict(townships)
    lines = []
    for township_id, name in townships:
        for kind in KINDS:
            q = quotas.get((township_id, kind))
            if q is not None:
                lines.append(SummaryLine(name, kind, q.approved, q.staff,
                                         required_fte(hours.get((township_id, kind), 0.0), params, q.leadership)))
    return LedgerSummary([name for _, name in townships], lines,
                         {(names[t], k): n for t, k, n in people})
