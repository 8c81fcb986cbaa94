"""Two users, one record: a save from a stale copy is refused, named and explained.

Every ledger table carries a version column (SQLAlchemy's version_id_col):
an UPDATE or DELETE only matches the row if nobody changed it since it was
read, otherwise SQLAlchemy raises StaleDataError and the transaction rolls
back. Here that error becomes a ConflictError saying which record, who changed
it and when (from the audit log), and offering the user's three choices:

- reload theirs: drop the local change, re-read the ledger;
- overwrite with mine: run the same edit again in a fresh session, which reads
  the current version first (`overwrite`);
- cancel: keep the local state as it is, save nothing.

The window's undo commands call `save(db, edit)` (or wrap their own commit in
`conflict_guard`); a command-line script gets the same message.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Callable, Iterator, TypeVar

from sqlalchemy import event, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from planner.store.audit import ENTITY_LABELS, VERSIONS_KEY
from planner.domain.vocabulary import kind_label
from planner.store.models import AuditEntry
from planner.errors import UserError

T = TypeVar("T")

RELOAD, OVERWRITE, CANCEL = "reload", "overwrite", "cancel"
CHOICES = {
    RELOAD: ("重新载入对方的版本", "Reload theirs"),
    OVERWRITE: ("用我的修改覆盖", "Overwrite with mine"),
    CANCEL: ("取消", "Cancel"),
}


@dataclass(frozen=True)
class ConflictRecord:
    """One record someone else changed (or deleted) after this session read it."""

    entity: str
    entity_key: str
    deleted: bool = False
    changed_by: str = ""
    changed_at: datetime | None = None

    def describe_zh(self) -> str:
        label = ENTITY_LABELS.get(self.entity, (self.entity, self.entity))[0]
        key = self.entity_key
        if self.entity == "quota" and "/" in key:
            township, kind = key.rsplit("/", 1)
            key = f"{township}/{kind_label(kind)}"
        who = f" {self.changed_by} " if self.changed_by else "其他用户"
        when = f"于 {self.changed_at:%Y-%m-%d %H:%M:%S} " if self.changed_at else ""
        what = "删除" if self.deleted else "修改"
        return f"{label}“{key}”已被{who}{when}{what}"

    def describe_en(self) -> str:
        label = ENTITY_LABELS.get(self.entity, (self.entity, self.entity))[1]
        who = f"by {self.changed_by} " if self.changed_by else "by another user "
        when = f"at {self.changed_at:%Y-%m-%d %H:%M:%S} " if self.changed_at else ""
        what = "deleted" if self.deleted else "changed"
        return f"{label} '{self.entity_key}' was {what} {who}{when}".rstrip()


class ConflictError(UserError, RuntimeError):
    """A save refused because another user changed the same record first; nothing was saved."""

    def __init__(self, records: list[ConflictRecord], retry: Callable[[], object] | None = None) -> None:
        self.records = records
        # "Overwrite with mine": whoever raises this may attach the edit to run again on the
        # current version (see `overwrite`); without it the window offers reload and cancel only.
        self.retry = retry
        if records:
            zh = "；".join(r.describe_zh() for r in records)
            en = "; ".join(r.describe_en() for r in records)
        else:
            zh, en = "要保存的记录已被其他用户修改", "a record being saved was changed by another user"
        self.message_zh = (f"保存冲突：{zh}，在您读取之后。您的修改没有保存。"
                           f"请选择：重新载入对方的版本、用我的修改覆盖，或取消。")
        self.message_en = (f"Save conflict: {en}, after you read it. Your change was not saved. "
                           f"Choose: reload theirs, overwrite with mine, or cancel.")
        super().__init__(f"{self.message_zh} ({self.message_en})")


def _last_change(session: Session, entity: str, key: str) -> tuple[str, datetime | None]:
    """Who last changed a record and when, from the committed audit log.

    Read on a connection of its own: the caller's session may hold its own
    uncommitted entry for the very change being refused.
    """
    with Session(session.get_bind()) as fresh:
        row = fresh.execute(select(AuditEntry.user, AuditEntry.at)
                            .where(AuditEntry.entity == entity, AuditEntry.entity_key == key)
                            .order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(1)).first()
    return (row.user or "", row.at) if row else ("", None)


def conflict_from(exc: StaleDataError, session: Session) -> ConflictError:
    """The ConflictError for a StaleDataError raised by `session`'s flush.

    Compares the versions the failed flush wrote over (recorded by the audit
    listener) with the database as it is now, read on a fresh connection.
    """
    written = session.info.get(VERSIONS_KEY) or []
    records: list[ConflictRecord] = []
    bind = session.get_bind()
    with Session(bind) as fresh:
        for entity, key, model, identity, version in written:
            if identity is None:
                continue
            current = fresh.execute(select(model.version).where(model.id == identity[0])).first()
            if current is not None and current[0] == version:
                continue
            user, at = _last_change(fresh, entity, key)
            records.append(ConflictRecord(entity, key, deleted=current is None, changed_by=user, changed_at=at))
    return ConflictError(records)


@contextmanager
def conflict_guard(session: Session) -> Iterator[Session]:
    """Turns a StaleDataError inside (a flush or commit of `session`) into a ConflictError."""
    try:
        yield session
    except StaleDataError as exc:
        conflict = conflict_from(exc, session)
        session.rollback()
        raise conflict from exc
    except ConflictError:
        session.rollback()
        raise


_HELD = "planner.held_rows"


class LedgerSession(Session):
    """A session whose every write is a compare-and-set on the rows' version columns.

    Two things make a read-modify-write safe whoever calls it: every row the
    transaction loads is held (strongly) until it ends, so a later lookup of the
    same row finds the copy the caller read, and its UPDATE carries that copy's
    version (`WHERE id = ? AND version = ?`) instead of a fresh one read
    after someone else's commit; and a flush that matches no row raises
    ConflictError here, for `with db.session()` and `save` alike.
    """

    def flush(self, objects=None) -> None:
        try:
            super().flush(objects)
        except StaleDataError as exc:
            raise conflict_from(exc, self) from exc


def _hold(session: Session, instance) -> None:
    session.info.setdefault(_HELD, []).append(instance)


def _release(session: Session, transaction) -> None:
    if transaction.parent is None:
        session.info.pop(_HELD, None)


# Once, on the class: every session of every Database (each sessionmaker makes a subclass)
# holds its rows. Not per sessionmaker with event.contains, which can answer from a
# collected sessionmaker's class whose id a new one reuses.
event.listen(LedgerSession, "loaded_as_persistent", _hold)
event.listen(LedgerSession, "after_transaction_end", _release)


def save(db, edit: Callable[[Session], T]) -> T:
    """Run `edit(session)` as one transaction; a concurrent change of the same record raises ConflictError."""
    session = db.new_session()
    try:
        with conflict_guard(session):
            result = edit(session)
            session.commit()
        return result
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def overwrite(db, edit: Callable[[Session], T], attempts: int = 3) -> T:
    """"Overwrite with mine": the same edit again on the current versions of the records.

    A fresh session reads each record as it is now, so the version check
    passes unless yet another change lands in between; then it tries again.
    """
    for attempt in range(attempts):
        try:
            return save(db, edit)
        except ConflictError:
            if attempt == attempts - 1:
                raise
    raise AssertionError("unreachable")


def ensure_unchanged(session: Session, entity: str, entity_key: str, seen, current,
                     retry: Callable[[], object] | None = None) -> None:
    """ConflictError unless the value the user edited from (`seen`) is still the one on record.

    For an edit made on a screen that may be stale: the window passes the value
    it showed, the service the value it just read in its own transaction (whose
    version column then guards the write). `retry` runs the edit without the
    check, for "overwrite with mine".
    """
    if seen is None or seen == current:
        return
    user, at = _last_change(session, entity, entity_key)
    raise ConflictError([ConflictRecord(entity, entity_key, changed_by=user, changed_at=at)], retry=retry)


def check_version(session: Session, model: type, row_id: int, expected_version: int,
                  entity: str = "", entity_key: str = "") -> None:
    """ConflictError unless the row still has the version the user's copy was read at.

    For windows that keep plain rows (with their version) instead of a live
    session: call it before writing an edit made on such a copy.
    """
    current = session.execute(select(model.version).where(model.id == row_id)).first()
    if current is not None and current[0] == expected_version:
        return
    user, at = _last_change(session, entity, entity_key) if entity else ("", None)
    raise ConflictError([ConflictRecord(entity or model.__tablename__, entity_key or str(row_id),
                                        deleted=current is None, changed_by=user, changed_at=at)])
