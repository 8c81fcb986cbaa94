"""Backing up and restoring a SQLite ledger, and the backup every ledger-wide change takes first.

Applying a proposal, replacing the ledger from an import and restoring a
backup each change much of the ledger at once; none of them happens without
a backup to go back to (`Outcome.backup`) and an entry in the audit log.
A server database (PostgreSQL) is backed up on the server: `Outcome.backup`
is None for it, and `back_up`/`restore` refuse it with a BackupError.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from planner.services.outputs import check_output
from planner.store.audit import record
from planner.store.backup import LOCK_WAIT_SECONDS, backup_before, backup_database, restore_database
from planner.store.db import database_url, open_database, sqlite_path
from planner.store.instance_lock import InstanceLock


@dataclass(frozen=True)
class Outcome:
    value: object
    backup: Path | None  # where the state before the change was saved (None: server database)


def back_up(db_or_path, to: str | os.PathLike | None = None) -> Path:
    """A consistent copy of the ledger (a Database, a file or a URL); returns where it went.

    Without `to` it goes to the backups folder beside the database, where only
    the newest automatic backups are kept.
    """
    if to is not None:  # never over the ledger, its side files, its backups or another database
        check_output(to, db_or_path, backup=True)
    return backup_database(db_or_path, to)


def back_up_before(db, reason: str) -> Path | None:
    """The backup taken before a ledger-wide change (None: a database that is not a file)."""
    return backup_before(db, reason)


@contextmanager
def exclusive(db_target) -> Iterator[None]:
    """Hold a SQLite ledger's one-writer lock for a change made without the window.

    Raises planner.store.instance_lock.LockHeld when a window has the ledger
    open: replacing it then would pull it from under that window's edits. A
    server database has no such lock.
    """
    path = sqlite_path(database_url(db_target))
    if path is None:
        yield
        return
    lock = InstanceLock(path)
    lock.acquire()
    try:
        yield
    finally:
        lock.release()


def restore_and_log(backup: str | os.PathLike, db_path: str | os.PathLike, *,
                    on_wait: Callable[[str], None] | None = None,
                    wait_seconds: float = LOCK_WAIT_SECONDS) -> Outcome:
    """Restore a backup into a SQLite ledger, then log the restore in the restored ledger.

    The restored file is opened (and upgraded, if the backup came from an
    older version) before the entry is written; returns the backup of the
    state that was replaced. The caller holds the ledger's lock (the window
    does while it has the ledger open; the command line through `exclusive`).
    A damaged ledger is kept as a copy of its bytes (Outcome.backup names it);
    another program's lock is waited for, saying so through `on_wait`, for
    `wait_seconds` at most.
    """
    safety = restore_database(backup, db_path, on_wait=on_wait, wait_seconds=wait_seconds)
    db = open_database(db_path, create=False)
    try:
        with db.session() as session:
            record(session, "restore", "database", Path(db_path).name, "backup",
                   None if safety is None else safety.name, Path(backup).name)
    finally:
        db.close()
    return Outcome(Path(backup), safety)
