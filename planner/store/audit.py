"""The audit log: who changed what in the ledger, when, old → new.

Changes are recorded by a `before_flush` listener on every session of a
Database, inside the same transaction as the change itself: the log and the
ledger cannot disagree, and no code path can change a ledger row unseen.
Services that write their own, more telling entries (ledger_edit, apply) keep
them; the listener skips the rows those entries already describe.

Whole-ledger replacements (import, demo) are bulk statements the listener
cannot see row by row; they record one summary entry with the counts before
and after (`ImportAudit`).
"""

from __future__ import annotations

import csv
import getpass
import os
from collections import Counter
from contextlib import contextmanager
from datetime import date, datetime, time
from typing import Iterable, Iterator

from sqlalchemy import event, func, inspect, or_, select
from sqlalchemy.orm import Session, sessionmaker

from planner.domain.county import KINDS
from planner.domain.vocabulary import kind_label
from planner.files import atomic_output
from planner.store.audit_labels import field_label, key_label, value_label
from planner.store.models import AuditEntry, County, Duty, Office, Person, Quota, Township

ENTITIES: dict[type, str] = {
    County: "county", Township: "township", Quota: "quota", Office: "office", Duty: "duty",
    Person: "person",
}
# Row identity and bookkeeping, not ledger content.
_SKIPPED_FIELDS = {"id", "version", "township_id", "office_id"}

ACTION_LABELS: dict[str, tuple[str, str]] = {
    "ledger_edit": ("台账修改", "ledger edit"),
    "ledger_add": ("台账新增", "ledger addition"),
    "ledger_remove": ("台账删除", "ledger removal"),
    "import": ("导入台账", "import"),
    "apply_proposal": ("执行调剂方案", "proposal applied"),
    "revert_proposal": ("撤销调剂方案", "proposal reverted"),
    "restore": ("从备份恢复", "restored from backup"),
    "edit_rules": ("修改编制标准", "standing rules edited"),
}
ENTITY_LABELS: dict[str, tuple[str, str]] = {
    "county": ("县", "county"), "township": ("乡镇", "township"), "quota": ("编制", "quota"),
    "office": ("内设机构", "office"), "duty": ("职责事项", "duty"), "person": ("人员", "person"),
    "database": ("数据库", "database"),
    "rules": ("编制标准", "standing rules"), "decision": ("编委决定", "committee decision"),
}

_ACTION_KEY = "audit_action"
VERSIONS_KEY = "audit_versions"
_USER_KEY = "audit_user"
_db_users: dict[str, str] = {}


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (some services, containers): still log the change
        return os.environ.get("USERNAME", "")


def current_user(session: Session) -> str:
    """Who is changing the ledger: the OS user; on a server database the database user too.

    On PostgreSQL the database role is what the server's own logs and grants
    know, the OS login says which official at which desk; both are kept.
    """
    if session.info.get(_USER_KEY):
        return session.info[_USER_KEY]
    bind = session.get_bind()
    if bind.dialect.name == "sqlite":
        return os_user()
    url = bind.url.render_as_string(hide_password=True)
    if url not in _db_users:
        _db_users[url] = bind.url.username or session.connection().exec_driver_sql(
            "select current_user").scalar() or ""
    db_user, login = _db_users[url], os_user()
    return f"{db_user} ({login})" if login and login != db_user else db_user


@contextmanager
def audit_context(session: Session, action: str | None = None, user: str | None = None) -> Iterator[Session]:
    """Changes flushed inside are logged under `action` (and `user`) instead of the defaults."""
    saved = session.info.get(_ACTION_KEY), session.info.get(_USER_KEY)
    if action:
        session.info[_ACTION_KEY] = action
    if user:
        session.info[_USER_KEY] = user
    try:
        yield session
    finally:
        for key, value in zip((_ACTION_KEY, _USER_KEY), saved):
            if value is None:
                session.info.pop(key, None)
            else:
                session.info[key] = value


def record(session: Session, action: str, entity: str = "", entity_key: str = "", field: str = "",
           old=None, new=None, user: str | None = None) -> AuditEntry:
    """Add one entry by hand (for changes made with bulk statements the listener cannot see)."""
    entry = AuditEntry(user=user or current_user(session), action=action, entity=entity,
                       entity_key=entity_key, field=field,
                       old_value=None if old is None else str(old), new_value=None if new is None else str(new),
                       at=datetime.now())
    session.add(entry)
    return entry


# ---------------------------------------------------------------- the listener

def _committed(obj, attr: str):
    """The value an attribute had when loaded (before this flush's change)."""
    history = inspect(obj).attrs[attr].history
    if history.deleted:
        return history.deleted[0]
    return getattr(obj, attr)


def _township_name(session: Session, obj) -> str:
    township = session.get(Township, obj.township_id) if obj.township_id is not None else None
    township = township or getattr(obj, "township", None)
    return "" if township is None else str(_committed(township, "name"))


def entity_key(session: Session, obj) -> str:
    """How the log names a row: by the names the user sees, e.g. "芦汀镇/administrative"."""
    if isinstance(obj, (County, Township)):
        return str(_committed(obj, "name"))
    if isinstance(obj, Quota):
        return f"{_township_name(session, obj)}/{_committed(obj, 'kind')}"
    if isinstance(obj, (Office, Person)):
        return f"{_township_name(session, obj)}/{_committed(obj, 'name')}"
    if isinstance(obj, Duty):
        office = session.get(Office, obj.office_id) if obj.office_id is not None else None
        office = office or obj.office
        if office is None:
            return str(_committed(obj, "name"))
        return f"{_township_name(session, office)}/{_committed(office, 'name')}/{_committed(obj, 'name')}"
    return ""


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _row_text(obj) -> str:
    mapper = inspect(obj).mapper
    parts = [f"{c.key}={_text(getattr(obj, c.key))}" for c in mapper.column_attrs
             if c.key not in _SKIPPED_FIELDS and c.key != "position"]
    return ", ".join(parts)


def _before_flush(session: Session, _context, _instances) -> None:
    pending = [o for o in session.new if isinstance(o, AuditEntry)]
    # Rows a service already described in its own entry (ledger_edit, apply).
    described = {(e.entity, e.entity_key) for e in pending}
    whole_townships = {e.entity_key for e in pending
                       if e.entity == "township" and e.action in ("ledger_add", "ledger_remove")}

    def covered(entity: str, key: str) -> bool:
        return (entity, key) in described or (entity != "county" and key.split("/", 1)[0] in whole_townships)

    action = session.info.get(_ACTION_KEY)
    now = datetime.now()
    entries: list[AuditEntry] = []
    # What this flush writes over, by version: planner.store.conflicts names the rows of a
    # failed save from it (after a StaleDataError the session can no longer load them).
    versions: list[tuple[str, str, type, object, object]] = []
    session.info[VERSIONS_KEY] = versions
    with session.no_autoflush:
        for obj in list(session.deleted):
            entity = ENTITIES.get(type(obj))
            if entity is not None:
                versions.append((entity, entity_key(session, obj), type(obj), inspect(obj).identity,
                                 _committed(obj, "version")))
        for obj in list(session.dirty):
            entity = ENTITIES.get(type(obj))
            if entity is None or not session.is_modified(obj, include_collections=False):
                continue
            key = entity_key(session, obj)
            versions.append((entity, key, type(obj), inspect(obj).identity, _committed(obj, "version")))
            if covered(entity, key):
                continue
            state = inspect(obj)
            for attr in state.mapper.column_attrs:
                if attr.key in _SKIPPED_FIELDS:
                    continue
                history = state.attrs[attr.key].history
                if not history.added:
                    continue
                old = history.deleted[0] if history.deleted else None
                new = history.added[0]
                if old == new:
                    continue
                entries.append(AuditEntry(action=action or "ledger_edit", entity=entity, entity_key=key,
                                          field=attr.key, old_value=_text(old), new_value=_text(new)))
        for objects, kind in ((session.new, "ledger_add"), (session.deleted, "ledger_remove")):
            for obj in list(objects):
                entity = ENTITIES.get(type(obj))
                if entity is None:
                    continue
                key = entity_key(session, obj)
                if covered(entity, key):
                    continue
                row = _row_text(obj)
                entries.append(AuditEntry(action=action or kind, entity=entity, entity_key=key,
                                          old_value=row if kind == "ledger_remove" else None,
                                          new_value=row if kind == "ledger_add" else None))
        if not entries and not pending:
            return
        user, login = current_user(session), os_user()
        for entry in pending:
            if entry.at is None:
                entry.at = now
            # One identity per change: services that only know the OS login get the
            # database user added on a shared server (or the session's audit user).
            if not entry.user or (entry.user == login and user != login):
                entry.user = user
        for entry in entries:
            entry.at, entry.user = now, user
            session.add(entry)



# ---------------------------------------------------------------- imports

def ledger_counts(session: Session) -> str:
    """A one-line census of the ledger, the old and new value of an import's entry."""
    with session.no_autoflush:
        n = {model: session.scalar(select(func.count()).select_from(model)) or 0
             for model in (Township, Office, Duty, Person)}
        approved = Counter(dict(session.execute(select(Quota.kind, func.sum(Quota.approved))
                                                .group_by(Quota.kind)).all()))
    return (f"乡镇 {n[Township]}，内设机构 {n[Office]}，职责事项 {n[Duty]}，人员 {n[Person]}；"
            "核定编制 " + " / ".join(f"{kind_label(k)} {approved[k] or 0}" for k in KINDS))


class ImportAudit:
    """Around a whole-ledger replacement: one summary entry with the counts before and after.

    Row changes flushed meanwhile (the county's parameters) are logged as part of the import.
    """

    def __init__(self, session: Session, source: str = "import") -> None:
        self.session = session
        self.source = source
        self.before = ledger_counts(session)
        self._saved = session.info.get(_ACTION_KEY)
        session.info[_ACTION_KEY] = "import"

    def finish(self, county_name: str = "") -> AuditEntry:
        session = self.session
        if self._saved is None:
            session.info.pop(_ACTION_KEY, None)
        else:
            session.info[_ACTION_KEY] = self._saved
        return record(session, "import", "county", county_name, self.source, self.before, ledger_counts(session))


def _forget_import(session: Session, *_args) -> None:
    if session.info.get(_ACTION_KEY) == "import":  # an import that failed half-way
        session.info.pop(_ACTION_KEY, None)


def install_audit(sessions: sessionmaker) -> None:
    """Log every ledger change made through sessions of this factory (once per factory)."""
    # Marked on the factory's own session class: event.contains can answer True for a new
    # sessionmaker whose class reuses the id of a collected one, and the log would be skipped.
    if sessions.class_.__dict__.get("_planner_audit"):
        return
    event.listen(sessions, "before_flush", _before_flush)
    event.listen(sessions, "after_rollback", _forget_import)
    sessions.class_._planner_audit = True


# ---------------------------------------------------------------- reading the log

def _as_datetime(value: date | datetime | str | None, end: bool = False) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if isinstance(value, datetime):
        return value
    return datetime.combine(value, time.max if end else time.min)


def audit_query(since=None, until=None, user: str | None = None, action: str | None = None,
                text: str | None = None, entity: str | None = None):
    """The select() behind `audit_entries`: newest first."""
    query = select(AuditEntry)
    if (start := _as_datetime(since)) is not None:
        query = query.where(AuditEntry.at >= start)
    if (stop := _as_datetime(until, end=True)) is not None:
        query = query.where(AuditEntry.at <= stop)
    if user:
        query = query.where(AuditEntry.user == user)
    if action:
        query = query.where(AuditEntry.action == action)
    if entity:
        query = query.where(AuditEntry.entity == entity)
    if text:
        pattern = f"%{text}%"
        query = query.where(or_(AuditEntry.entity_key.like(pattern), AuditEntry.field.like(pattern),
                                AuditEntry.old_value.like(pattern), AuditEntry.new_value.like(pattern),
                                AuditEntry.user.like(pattern)))
    return query.order_by(AuditEntry.at.desc(), AuditEntry.id.desc())


def audit_entries(session: Session, since=None, user: str | None = None, action: str | None = None,
                  text: str | None = None, *, until=None, entity: str | None = None,
                  limit: int | None = None) -> list[AuditEntry]:
    """Entries of the log, newest first, filtered by time, user, action, entity and free text."""
    query = audit_query(since, until, user, action, text, entity)
    if limit:
        query = query.limit(limit)
    return list(session.scalars(query))


def audit_users(session: Session) -> list[str]:
    return [u for u in session.scalars(select(AuditEntry.user).distinct().order_by(AuditEntry.user)) if u]


CSV_HEADER = ["时间 (time)", "用户 (user)", "操作 (action)", "对象 (entity)", "记录 (record)",
              "字段 (field)", "原值 (old)", "新值 (new)"]


def entry_row(entry: AuditEntry, lang: str = "zh_CN") -> list[str]:
    """One entry as the strings a table or a CSV file shows, in `lang`: action, entity, the key's
    quota kind, the field and a census's names in the ledger's words (planner.store.audit_labels)."""
    i = 1 if lang == "en" else 0
    action = ACTION_LABELS.get(entry.action, (entry.action, entry.action))[i]
    entity = ENTITY_LABELS.get(entry.entity, (entry.entity, entry.entity))[i]
    at = entry.at.isoformat(sep=" ", timespec="seconds") if isinstance(entry.at, datetime) else str(entry.at or "")
    kind, field = entry.entity or "", entry.field or ""
    return [at, entry.user or "", action, entity, key_label(kind, entry.entity_key or "", lang),
            field_label(kind, field, lang),
            "" if entry.old_value is None else value_label(kind, field, entry.old_value, lang),
            "" if entry.new_value is None else value_label(kind, field, entry.new_value, lang)]


# A cell Excel or WPS would read as a formula (or a DDE command): =cmd|' /C calc'!A0.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value) -> str:
    """A cell as text a spreadsheet shows as text: one that starts like a formula gets a leading '."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def write_audit_csv(target: str | os.PathLike, rows: Iterable[list[str]], header: list[str] | None = None) -> int:
    """Write rows of strings (as `entry_row` gives them) as CSV that Excel opens in Chinese.

    Every cell is written as text (`csv_cell`): a value someone typed into the
    ledger must not run as a formula on the desk of whoever opens the log.
    """
    count = 0
    # utf-8-sig: Excel on Chinese Windows reads a BOM-less CSV as GBK and garbles it.
    with atomic_output(target, ".csv") as temp, open(temp, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([csv_cell(c) for c in (header or CSV_HEADER)])
        for row in rows:
            writer.writerow([csv_cell(c) for c in row])
            count += 1
    return count


def export_audit_csv(target: str | os.PathLike, source: Session | Iterable[AuditEntry], **filters) -> int:
    """Write the log (or the filtered part of it) as CSV that Excel opens in Chinese; returns rows written.

    `source` is a session (then `filters` are those of `audit_entries`) or entries already chosen.
    """
    entries = audit_entries(source, **filters) if isinstance(source, Session) else list(source)
    return write_audit_csv(target, (entry_row(e) for e in entries))
