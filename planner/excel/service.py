"""Import and export against a database: read and check first, then write in one transaction.

The database is opened for writing only after the whole workbook has been
read and found valid, so a bad file cannot leave a trace in the ledger.
"""

from __future__ import annotations

import getpass
import inspect
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner.county import CountyData
from planner.excel.preview import ImportPreview, build_preview
from planner.excel.reader import Progress
from planner.excel.validate import ReadResult, read_workbook
from planner.excel.writer import write_workbook
from planner.ledger import load_county, replace_county
from planner.models import AuditEntry, County


@dataclass
class ImportOutcome:
    result: ReadResult
    preview: ImportPreview | None = None
    before: CountyData | None = None     # the ledger as it was, for undo
    applied: bool = False

    @property
    def ok(self) -> bool:
        return self.result.ok


def current_county(session: Session) -> CountyData:
    """The ledger as plain data, without creating the county row of an empty database."""
    if session.scalars(select(County.id).limit(1)).first() is None:
        return CountyData(name="")
    return load_county(session)


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (some services and containers)
        return ""


def apply_county(db, county: CountyData, *, action: str = "import", source: str = "") -> CountyData:
    """Replace the ledger with `county` in one transaction, logged; returns what it held before.

    A county without a name (a workbook whose 参数 sheet leaves 县名称 blank) keeps
    the name the ledger already has.
    """
    with db.session() as session:
        before = current_county(session)
        if not county.name:
            county.name = before.name or "示范县"
        if "source" in inspect.signature(replace_county).parameters:
            # replace_county writes the audit log's summary entry itself, naming the file.
            replace_county(session, county, source=source or action)
        else:
            replace_county(session, county)
            session.add(AuditEntry(
                user=_user(), action=action, entity="county", entity_key=source[:300],
                old_value=f"{len(before.townships)} townships",
                new_value=f"{len(county.townships)} townships"))
    return before


def read_for_import(db, path: str | Path, *, progress: Progress | None = None,
                    cancelled: Callable[[], bool] | None = None) -> ImportOutcome:
    """Read and check a workbook and compare it with the ledger; writes nothing."""
    result = read_workbook(path, progress=progress, cancelled=cancelled)
    outcome = ImportOutcome(result)
    if result.ok:
        outcome.before, outcome.preview = compare_with_ledger(db, result)
    return outcome


def compare_with_ledger(db, result: ReadResult) -> tuple[CountyData, ImportPreview]:
    """The ledger as it is and what importing `result` would change; writes nothing."""
    session = db.new_session()
    try:
        before = current_county(session)
    finally:
        session.rollback()
        session.close()
    if not result.county.name:
        result.county.name = before.name or "示范县"
    return before, build_preview(before, result.county)


def import_workbook(db, path: str | Path, *, progress: Progress | None = None,
                    cancelled: Callable[[], bool] | None = None) -> ImportOutcome:
    """Read, check and (only when the whole file is valid) apply a workbook."""
    outcome = read_for_import(db, path, progress=progress, cancelled=cancelled)
    if outcome.ok:
        outcome.before = apply_county(db, outcome.result.county, source=Path(path).name)
        outcome.preview = build_preview(outcome.before, outcome.result.county)
        outcome.applied = True
    return outcome


def export_workbook(db, path: str | Path, *, progress: Progress | None = None,
                    cancelled: Callable[[], bool] | None = None) -> CountyData:
    """Write the ledger in the template's format; returns what was written."""
    session = db.new_session()
    try:
        county = current_county(session)
    finally:
        session.rollback()
        session.close()
    write_workbook(path, county, progress=progress, cancelled=cancelled)
    return county
