"""Where a ledger lives: its URL or file, the schema scripts, and how a new file is created.

Both opening a database (planner.store.db) and backing one up (planner.store.backup)
need these; keeping them here lets each of those import the other's layer below.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

from platformdirs import user_data_dir
from sqlalchemy.engine import make_url

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
APP_NAME = "EstablishmentPlanner"


def default_database_path() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "ledger.sqlite"


def database_url(path_or_url: str | os.PathLike) -> str:
    """A SQLAlchemy URL for a file path or a URL given as is."""
    text = str(path_or_url)
    if "://" in text:
        return text
    return "sqlite:///" + str(Path(text).expanduser().absolute())


def display_url(path_or_url: str | os.PathLike) -> str:
    """A database as it may be shown or logged: a file as its path, a URL without its password.

    Every message, log line, audit entry and window title names a database through this.
    """
    text = str(path_or_url)
    if "://" not in text:
        return text
    try:
        return make_url(text).render_as_string(hide_password=True)
    except Exception:  # not a URL SQLAlchemy can parse: hide whatever sits between ':' and '@'
        return re.sub(r"(://[^:/@]*):[^@]*@", r"\1:***@", text)


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


# alembic (with mako and pygments) is imported only where a schema is checked against its scripts
# or migrated: opening a ledger already at the newest schema does without it, and importing it
# was a tenth of the window's start-up.
def alembic_config():
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


_REVISION_LINE = re.compile(r"""^(revision|down_revision)\s*(?::[^=\n]*)?=\s*(?:["']([^"'\n]*)["']|None)\s*$""",
                            re.MULTILINE)


@lru_cache(maxsize=1)
def newest_revision() -> str | None:
    """The head revision of the schema scripts, read from their files without alembic.

    The one revision no script names as its down_revision; None when that is not clear
    (no scripts, a merge, a line not in the plain form), and the caller asks alembic.
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in (MIGRATIONS_DIR / "versions").glob("*.py"):
        found = dict(_REVISION_LINE.findall(script.read_text(encoding="utf-8")))
        if not found.get("revision") or "down_revision" not in found:
            return None
        revisions.add(found["revision"])
        if found["down_revision"]:
            parents.add(found["down_revision"])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def create_private_file(path: Path) -> None:
    """A new database file is readable by its owner only: the ledger is an official record."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
