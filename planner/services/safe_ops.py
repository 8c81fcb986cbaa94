"""The ledger-wide changes with their safety net: a backup first, one transaction, the log.

Applying a proposal, replacing the ledger from an import and restoring a
backup each change much of the ledger at once; the window and the command
line call these instead of the bare services so that none of them can happen
without a backup to go back to and an entry in the audit log.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from planner.store.audit import record
from planner.store.backup import backup_before, restore_database
from planner.store.conflicts import save
from planner.domain.county import CountyData
from planner.domain.proposal import Proposal


@dataclass(frozen=True)
class Outcome:
    value: object
    backup: Path | None  # where the state before the change was saved (None: server database)


def apply_proposal_safely(db, result: Proposal, user: str | None = None) -> Outcome:
    """Check the proposal, back up the ledger, then apply it in one transaction.

    A refused proposal (ApplyError) makes no backup and changes nothing; a
    concurrent edit of a quota line it writes raises ConflictError.
    """
    from planner.services.apply import apply_proposal, check_proposal

    with db.session() as session:
        check_proposal(session, result)  # refuse early: no backup for a proposal that cannot apply
    backup = backup_before(db, "apply")
    applied_id = save(db, lambda session: apply_proposal(session, result, user=user))
    return Outcome(applied_id, backup)


def revert_proposal_safely(db, applied_id: int, user: str | None = None) -> Outcome:
    from planner.services.apply import revert_proposal

    backup = backup_before(db, "revert")
    changes = save(db, lambda session: revert_proposal(session, applied_id, user=user))
    return Outcome(changes, backup)


def replace_ledger_safely(db, data: CountyData, source: str = "import") -> Outcome:
    """Back up, then replace the whole ledger with `data` (import) in one transaction."""
    from planner.store.ledger import replace_county

    backup = backup_before(db, "import")
    save(db, lambda session: replace_county(session, data, source=source))
    return Outcome(None, backup)


def restore_and_log(backup: str | os.PathLike, db_path: str | os.PathLike) -> Outcome:
    """Restore a backup into a SQLite ledger, then log the restore in the restored ledger.

    The restored file is opened (and upgraded, if the backup came from an
    older version) before the entry is written; returns the backup of the
    state that was replaced.
    """
    from planner.store.db import open_database

    safety = restore_database(backup, db_path)
    db = open_database(db_path, create=False)
    try:
        with db.session() as session:
            record(session, "restore", "database", Path(db_path).name, "backup",
                   None if safety is None else safety.name, Path(backup).name)
    finally:
        db.close()
    return Outcome(Path(backup), safety)
