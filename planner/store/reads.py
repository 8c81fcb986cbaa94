"""The window's reads: each opens one short session of its own and returns plain rows, ids or names.

The window never holds a Session or builds a query (ui/ imports no
SQLAlchemy); what it shows of the ledger and the audit log it asks for here,
of the saved scenarios in planner.scenarios.reads. Writes go through
planner.store.ledger_edit (undoable edits) and planner.services.
"""

from __future__ import annotations

from typing import Iterable

from sqlalchemy import select

from planner.domain.county import CountyData
from planner.domain.workload import WorkParams
from planner.store.audit import audit_entries, audit_users, entry_row
from planner.store.db import Database
from planner.store.ledger import ledger_is_empty, load_county, load_params
from planner.store.ledger_view import TownshipDetail, TownshipSummary, load_detail, load_summaries
from planner.store.models import Township


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
