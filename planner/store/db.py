"""Opening a ledger database: SQLite file by default, any SQLAlchemy URL otherwise.

Opening upgrades the schema of a database written by an older version of the
planner and refuses, untouched, one written by a newer version.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic import command
from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from planner.errors import UserError
from planner.store.audit import install_audit

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
APP_NAME = "EstablishmentPlanner"


class DatabaseError(UserError, RuntimeError):
    """A database that cannot be opened, with a message fit for the user."""


class SchemaTooNew(DatabaseError):
    """The database was written by a newer version of the planner."""


def default_database_path() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "ledger.sqlite"


def database_url(path_or_url: str | os.PathLike) -> str:
    """A SQLAlchemy URL for a file path or a URL given as is."""
    text = str(path_or_url)
    if "://" in text:
        return text
    return "sqlite:///" + str(Path(text).expanduser().absolute())


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    if parsed.query.get("uri") == "true" and parsed.database.startswith("file:"):
        # sqlite:///file:/path?mode=ro&uri=true, the read-only form a second instance opens
        return Path(parsed.database[len("file:"):])
    return Path(parsed.database)


def _alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


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


def _create_private_file(path: Path) -> None:
    """A new database file is readable by its owner only: the ledger is an official record."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def schema_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def check_schema(engine: Engine) -> str | None:
    """The database's revision; raises SchemaTooNew when this version does not know it."""
    current = schema_revision(engine)
    if current is None:
        return None
    script = ScriptDirectory.from_config(_alembic_config())
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
    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


@dataclass
class Database:
    url: str
    engine: Engine
    created: bool = False

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
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
        _create_private_file(path)
        created = True
    engine = make_engine(url)
    try:
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
        raise DatabaseError(f"无法打开数据库 {url}: {exc}",
                            message_en=f"cannot open the database {url}: {exc}") from exc
    return Database(url=url, engine=engine, created=created)


def _backup_before_upgrade(path: Path) -> None:
    """Keep a copy of a database before its schema is changed, in the backups folder beside it."""
    from planner.store.backup import backup_database  # here: planner.store.backup imports this module

    backup_database(path, reason="upgrade")
