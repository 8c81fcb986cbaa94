"""Opening a ledger database: SQLite file by default, any SQLAlchemy URL otherwise.

Opening upgrades the schema of a database written by an older version of the
planner and refuses, untouched, one written by a newer version.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from planner.errors import UserError
from planner.store.audit import install_audit
from planner.store.backup import backup_database
from planner.store.conflicts import LedgerSession
# Re-exported: the rest of the planner opens databases through this module.
from planner.store.location import (  # noqa: F401
    APP_NAME, MIGRATIONS_DIR, alembic_config, create_private_file, database_url, default_database_path,
    display_url, head_revision, is_sqlite, newest_revision, sqlite_path,
)



class DatabaseError(UserError, RuntimeError):
    """A database that cannot be opened, with a message fit for the user."""


class SchemaTooNew(DatabaseError):
    """The database was written by a newer version of the planner."""


class DamagedDatabase(DatabaseError):
    """A SQLite file that is not a sound database (torn or zeroed pages, not a database at all).

    Nothing was written to it; `path` is the file, so the window can offer its latest good backup.
    """

    def __init__(self, path: Path, detail: str) -> None:
        self.path = Path(path)
        self.detail = detail
        super().__init__(
            f"数据库文件已损坏，无法打开，文件未作任何改动：{path}（{detail}）。"
            f"可用 `restore 备份文件 --db {path}` 从备份恢复（备份在旁边的 backups 文件夹） "
            f"(the database file is damaged and cannot be opened; it was left untouched: {path} ({detail}). "
            f"Restore a backup with `restore BACKUP --db {path}`; backups are in the backups folder beside it)")


DAMAGE_WORDS = ("malformed", "not a database", "disk image", "file is encrypted", "database corrupt")


def is_damage(error: BaseException) -> bool:
    """Whether a database error says the file itself is damaged (not locked, not missing)."""
    text = str(getattr(error, "orig", None) or error).lower()
    return any(word in text for word in DAMAGE_WORDS)


def check_sqlite_file(path: Path) -> None:
    """DamagedDatabase unless `path` passes SQLite's quick check; read-only, writes nothing."""
    try:
        con = sqlite3.connect(path.absolute().as_uri() + "?mode=ro", uri=True, timeout=5)
    except sqlite3.Error as exc:
        raise DatabaseError(f"无法打开数据库 {path}: {exc}",
                            message_en=f"cannot open the database {path}: {exc}") from exc
    try:
        rows = [r[0] for r in con.execute("PRAGMA quick_check(5)")]
    except sqlite3.Error as exc:
        if is_damage(exc):
            raise DamagedDatabase(path, str(exc)) from exc
        raise DatabaseError(f"无法打开数据库 {path}: {exc}",
                            message_en=f"cannot open the database {path}: {exc}") from exc
    finally:
        con.close()
    if rows != ["ok"]:
        raise DamagedDatabase(path, "; ".join(rows[:3]))


def _on_sqlite_connect(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    # WAL lets a reader (a second window, a backup) work beside the writer;
    # synchronous=NORMAL is still crash safe in WAL mode.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(url: str) -> Engine:
    if is_sqlite(url):
        engine = create_engine(url)
        event.listen(engine, "connect", _on_sqlite_connect)
        return engine
    return create_engine(url, pool_pre_ping=True)


def schema_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def stored_revision(engine: Engine) -> str | None:
    """The one revision the database records, read with plain SQL; None for none, several or unreadable."""
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("select version_num from alembic_version")).fetchall()
    except SQLAlchemyError:
        return None  # a new or damaged file: alembic's own check says which
    return rows[0][0] if len(rows) == 1 else None


def check_schema(engine: Engine) -> str | None:
    """The database's revision; raises SchemaTooNew when this version does not know it."""
    from alembic.script import ScriptDirectory

    current = schema_revision(engine)
    if current is None:
        return None
    script = ScriptDirectory.from_config(alembic_config())
    try:
        script.get_revision(current)
    except Exception:
        raise SchemaTooNew(
            f"数据库结构版本 {current} 由更新版本的本软件创建，当前版本无法打开，文件未作任何改动。请升级软件后再打开。"
            f" (The database schema {current} was written by a newer version of the planner; "
            f"it was left untouched. Please upgrade the planner.)"
        ) from None
    return current


def upgrade_schema(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


@dataclass
class Database:
    url: str
    engine: Engine
    created: bool = False

    def __post_init__(self) -> None:
        # LedgerSession: a read-modify-write carries the version it read (planner.store.conflicts).
        self._sessions = sessionmaker(self.engine, class_=LedgerSession, expire_on_commit=False)
        install_audit(self._sessions)  # every ledger change is logged in its own transaction

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    def new_session(self) -> Session:
        return self._sessions()

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: committed as a whole on success, rolled back on any error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()


def open_database(path_or_url: str | os.PathLike, *, create: bool = True, upgrade: bool = True,
                  revision: str = "head") -> Database:
    """Open (and if need be create or upgrade) a ledger database.

    A newer schema is refused before anything is written; an older one is
    upgraded in one transaction.
    """
    url = database_url(path_or_url)
    path = sqlite_path(url)
    created = False
    if path is not None and not path.exists():
        if not create:
            raise DatabaseError(f"数据库文件不存在：{path} (no such database file)")
        try:
            create_private_file(path)
        except OSError as exc:
            raise DatabaseError(
                f"无法创建数据库文件 {path}：{exc.strerror or exc} (cannot create the database file)",
                message_en=f"cannot create the database file {path}: {exc.strerror or exc}") from exc
        created = True
    elif path is not None and path.stat().st_size > 0:
        check_sqlite_file(path)
    engine = make_engine(url)
    try:
        newest = newest_revision()
        # A ledger at the newest schema (the usual case) opens without the migration machinery;
        # any other revision, or none, is checked by alembic: a newer one refused, an older upgraded.
        if newest is None or stored_revision(engine) != newest:
            current = check_schema(engine)
            if upgrade and current != head_revision():
                if current is not None and path is not None:
                    _backup_before_upgrade(path)
                upgrade_schema(engine, revision)
    except SchemaTooNew:
        engine.dispose()
        raise
    except Exception as exc:
        engine.dispose()
        if created:  # a file this call made and could not finish (a full disk): not left half-made
            for suffix in ("", "-wal", "-shm", "-journal"):
                path.with_name(path.name + suffix).unlink(missing_ok=True)
        elif path is not None and is_damage(exc):
            raise DamagedDatabase(path, str(getattr(exc, "orig", None) or exc)) from exc
        shown = str(path) if path is not None else display_url(url)
        # The driver's own words, without the SQL statement SQLAlchemy appends.
        detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0].replace(str(url), shown)
        raise DatabaseError(f"无法打开数据库 {shown}: {detail}",
                            message_en=f"cannot open the database {shown}: {detail}") from exc
    return Database(url=url, engine=engine, created=created)


def _backup_before_upgrade(path: Path) -> None:
    """Keep a copy of a database before its schema is changed, in the backups folder beside it."""
    backup_database(path, reason="upgrade")
