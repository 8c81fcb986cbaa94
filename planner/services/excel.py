"""Import and export against a database: read and check first, then write in one transaction.

The database is opened for writing only after the whole workbook has been
read and found valid, so a bad file cannot leave a trace in the ledger; the
ledger is replaced only after a backup (`replace_ledger_safely`), which the
undo of an import uses too.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner.domain.county import CountyData
from planner.excel.preview import ImportPreview, build_preview
from planner.excel.reader import Progress
from planner.excel.validate import ReadResult, read_workbook
from planner.excel.writer import write_workbook
from planner.files import make_private
from planner.services.backups import Outcome, back_up_before
from planner.services.outputs import check_output
from planner.store.conflicts import save
from planner.store.ledger import load_county, replace_county
from planner.store.models import County


@dataclass
class ImportOutcome:
    result: ReadResult
    preview: ImportPreview | None = None
    before: CountyData | None = None     # the ledger as it was, for undo
    applied: bool = False
    backup: Path | None = None

    @property
    def ok(self) -> bool:
        return self.result.ok


def current_county(session: Session) -> CountyData:
    """The ledger as plain data, without creating the county row of an empty database."""
    if session.scalars(select(County.id).limit(1)).first() is None:
        return CountyData(name="")
    return load_county(session)


@dataclass
class Applied:
    before: CountyData          # the ledger as it was: what undo puts back
    backup: Path | None         # the backup taken first (None for a server database)


def apply_county(db, county: CountyData, *, source: str = "import") -> Applied:
    """Replace the ledger with `county`: a backup first, then one logged transaction.

    A county without a name (a workbook whose 参数 sheet leaves 县名称 blank) keeps
    the name the ledger already has.
    """
    before = read_ledger(db)
    if not county.name:
        county.name = before.name or "示范县"
    outcome = replace_ledger_safely(db, county, source=source[:300])
    return Applied(before, outcome.backup)


def replace_ledger_safely(db, data: CountyData, source: str = "import") -> Outcome:
    """Back up, then replace the whole ledger with `data` (an import, or its undo) in one transaction."""
    backup = back_up_before(db, "import")
    save(db, lambda session: replace_county(session, data, source=source))
    return Outcome(None, backup)


def read_ledger(db) -> CountyData:
    """The ledger as plain data from a session that writes nothing."""
    session = db.new_session()
    try:
        return current_county(session)
    finally:
        session.rollback()
        session.close()


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
    before = read_ledger(db)
    if not result.county.name:
        result.county.name = before.name or "示范县"
    return before, build_preview(before, result.county)


def import_workbook(db, path: str | Path, *, progress: Progress | None = None,
                    cancelled: Callable[[], bool] | None = None) -> ImportOutcome:
    """Read, check and (only when the whole file is valid) apply a workbook."""
    outcome = read_for_import(db, path, progress=progress, cancelled=cancelled)
    if outcome.ok:
        applied = apply_county(db, outcome.result.county, source=Path(path).name)
        outcome.before, outcome.backup = applied.before, applied.backup
        outcome.preview = build_preview(outcome.before, outcome.result.county)
        outcome.applied = True
    return outcome


def export_workbook(db, path: str | Path, *, progress: Progress | None = None,
                    cancelled: Callable[[], bool] | None = None) -> CountyData:
    """Write the ledger in the template's format; returns what was written.

    OutputRefused (before anything is read or written) when `path` is the
    ledger, one of its side files or backups, or another database.
    """
    path = check_output(path, db)
    county = read_ledger(db)
    write_workbook(path, county, progress=progress, cancelled=cancelled)
    make_private(path)  # it holds staff names: the owner's eyes only, whatever the umask
    return county
