"""One writer per SQLite ledger: an advisory lock file beside the database.

SQLite itself keeps two processes from corrupting a file, but two windows on
one ledger would still overwrite each other's edits and undo stacks. The first
instance takes `ledger.sqlite.lock`: an operating-system lock (flock on POSIX,
msvcrt on Windows) held for as long as it runs, plus who holds it (pid, host,
user, since) written inside for the message the second instance shows. The OS
drops the lock when its holder exits or crashes, so a stale file never locks
anyone out. A second instance opens the database read-only (SQLite `mode=ro`),
so it cannot write even by mistake.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

from sqlalchemy.engine import make_url

from planner.errors import UserError
from planner.store import db as store_db

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt
else:
    import fcntl

_LOCK_OFFSET = 1 << 20  # Windows: lock a byte past the text, so the holder's details stay readable


@dataclass(frozen=True)
class LockInfo:
    pid: int
    host: str
    user: str
    since: str

    def describe(self) -> str:
        return f"{self.describe_zh()} ({self.describe_en()})"

    def describe_zh(self) -> str:
        return f"用户 {self.user or '?'}（{self.host or '?'}，进程 {self.pid}，自 {self.since} 起）"

    def describe_en(self) -> str:
        return f"user {self.user or '?'} on {self.host or '?'}, process {self.pid}, since {self.since}"


class LockHeld(UserError, RuntimeError):
    """Another instance holds the ledger; `holder` says who, when that is known."""

    def __init__(self, db_path: Path, holder: LockInfo | None) -> None:
        who = holder.describe() if holder else "另一个程序 (another program)"
        super().__init__(
            f"数据库 {db_path} 正由 {who} 打开编辑 (the database is open for editing elsewhere)",
            message_zh=f"数据库 {db_path} 正由 {holder.describe_zh() if holder else '另一个程序'} 打开编辑",
            message_en=f"the database {db_path} is open for editing by "
                       f"{holder.describe_en() if holder else 'another program'}")
        self.db_path = db_path
        self.holder = holder


def lock_path_for(db_path: Path) -> Path:
    return Path(db_path).with_name(Path(db_path).name + ".lock")


def _current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (services, containers)
        return ""


def read_lock_info(lock_path: Path) -> LockInfo | None:
    try:
        text = Path(lock_path).read_text(encoding="utf-8")
        data = json.loads(text[:4096].split("\n", 1)[0])
        return LockInfo(int(data["pid"]), str(data["host"]), str(data["user"]), str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _try_os_lock(fd: int) -> bool:
    if os.name == "nt":  # pragma: no cover
        os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    try:
        # flock, not fcntl/lockf: a POSIX record lock is dropped when *any* descriptor
        # of the file closes in the process, and is not exclusive within one process.
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _os_unlock(fd: int) -> None:
    if os.name == "nt":  # pragma: no cover
        os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)


class InstanceLock:
    """The lock of one database file; `acquire()` raises LockHeld when another instance has it."""

    def __init__(self, db_path: str | os.PathLike) -> None:
        self.db_path = Path(db_path).absolute()
        self.path = lock_path_for(self.db_path)
        self._fd: int | None = None
        self.info: LockInfo | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> "InstanceLock":
        if self._fd is not None:
            return self
        self.path.parent.mkdir(parents=True, exist_ok=True)
        for _ in range(20):
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            if not _try_os_lock(fd):
                os.close(fd)
                raise LockHeld(self.db_path, read_lock_info(self.path))
            # The holder before us may have removed the file between our open and our
            # lock: then we locked a file nobody else will see; try again.
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(self.path))
            except FileNotFoundError:
                same = False
            if same:
                break
            os.close(fd)
        else:  # pragma: no cover - needs a pathological race
            raise LockHeld(self.db_path, read_lock_info(self.path))
        self.info = LockInfo(os.getpid(), socket.gethostname(), _current_user(),
                             datetime.now().isoformat(timespec="seconds"))
        os.lseek(fd, 0, os.SEEK_SET)
        os.ftruncate(fd, 0)
        os.write(fd, (json.dumps(self.info.__dict__, ensure_ascii=False) + "\n").encode("utf-8"))
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            # Remove while still holding the lock, so nobody can lock the old file meanwhile.
            self.path.unlink(missing_ok=True)
        except OSError:  # pragma: no cover - e.g. Windows refusing to delete an open file
            pass
        try:
            _os_unlock(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> "InstanceLock":
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()

    def __del__(self) -> None:  # a forgotten lock must not outlive its object
        try:
            self.release()
        except Exception:
            pass


def holder_of(db_path: str | os.PathLike) -> LockInfo | None:
    """Who holds the lock of a database now, or None when nobody does."""
    probe = InstanceLock(db_path)
    try:
        probe.acquire()
    except LockHeld as held:
        return held.holder or LockInfo(0, "", "", "")
    probe.release()
    return None


def read_only_url(db_path: str | os.PathLike) -> str:
    """A SQLAlchemy URL that opens the SQLite file read-only (writes fail in SQLite itself)."""
    path = str(Path(db_path).absolute())
    if os.name == "nt":  # pragma: no cover
        path = "/" + path.replace("\\", "/")
    return f"sqlite:///file:{quote(path)}?mode=ro&uri=true"


def is_read_only(db) -> bool:
    """True for a Database opened with `read_only_url` (SQLite refuses its writes)."""
    query = make_url(getattr(db, "url", db)).query
    return query.get("mode") == "ro" and query.get("uri") == "true"


@dataclass
class OpenedLedger:
    """A database as one instance of the app opened it."""

    db: object               # planner.store.db.Database
    lock: InstanceLock | None
    read_only: bool
    holder: LockHeld | None  # why it is read-only, for the message

    def close(self) -> None:
        self.db.close()
        if self.lock is not None:
            self.lock.release()


def open_for_instance(path_or_url: str | os.PathLike, *, create: bool = True) -> OpenedLedger:
    """Open a ledger for this instance: for writing with the lock, read-only when another holds it.

    A server database (PostgreSQL) needs no lock: several users share it and
    the version columns catch concurrent edits.
    """
    url = store_db.database_url(path_or_url)
    path = store_db.sqlite_path(url)
    if path is None:
        return OpenedLedger(store_db.open_database(url, create=create), None, False, None)
    lock = InstanceLock(path)
    try:
        # Taken before opening, so that only the holder may create or upgrade the schema.
        lock.acquire()
    except LockHeld as held:
        db = store_db.open_database(read_only_url(path), create=False, upgrade=False)
        return OpenedLedger(db, None, True, held)
    try:
        db = store_db.open_database(url, create=create)
    except BaseException:
        lock.release()
        raise
    return OpenedLedger(db, lock, False, None)
