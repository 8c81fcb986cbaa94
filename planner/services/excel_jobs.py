"""Import and export as long jobs `f(inputs, state)` for ui.tasks.run_task.

Each reports progress through the TaskState and stops when it is cancelled
(planner.excel.Cancelled is planner.errors.Cancelled, which ui.tasks knows).
Each opens its own session, so they may run on a worker thread.
"""

from __future__ import annotations

from pathlib import Path

from planner.domain.county import CountyData
from planner.domain.vocabulary import progress_words
from planner.services.excel import Applied, ImportOutcome, apply_county, export_workbook, read_for_import


def read_job(db, path: str | Path, state) -> ImportOutcome:
    """Read and check a workbook and compare it with the ledger; writes nothing."""
    return read_for_import(db, path, progress=state.set_progress, cancelled=state.is_cancelled)


def apply_job(db, county: CountyData, source: str, state) -> Applied:
    """Replace the ledger with a checked county (backup first, one transaction)."""
    state.set_progress(0.1, progress_words("write_ledger"))
    applied = apply_county(db, county, source=source)
    state.set_progress(1.0, "")
    return applied


def export_job(db, path: str | Path, state) -> CountyData:
    return export_workbook(db, path, progress=state.set_progress, cancelled=state.is_cancelled)
