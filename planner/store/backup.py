"""Backups of a SQLite ledger: consistent copies beside the database, and restoring one.

A copy is made with SQLite's online backup API, so it is consistent even while
the window (or another process) is writing: the copy is one snapshot of the
last committed state. Each copy is written to a private temporary file, checked
with `PRAGMA integrity_check`, then renamed into place: a crash while backing up
never leaves a half-written file under a backup's name.

A PostgreSQL database is backed up by the server's own tools (pg_dump); the
functions here say so instead of pretending.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import time
from datetime import datetime
from pathlib import Path


from planner.errors import UserError
from planner.store.location import alembic_config, create_private_file, database_url, sqlite_path

BACKUP_FOLDER = "backups"
DEFAULT_KEEP = 20
TEMP_MAX_AGE_SECONDS = 3600  # a temporary file older than this was left by a crash

# ledger-20250101-093000-123456-apply.sqlite
_STAMP = re.compile(r"-(\d{8}-\d{6}-\d{6})-([a-z0-9_-]+)$")

MANUAL = "manual"

_keep = DEFAULT_KEEP


class BackupError(UserError, RuntimeError):
    """A backup or restore that could not be made; the message is fit for the user."""


def set_default_keep(keep: int) -> None:
    """How many automatic backups to keep per database (the window sets it from its settings)."""
    global _keep
    if int(keep) < 1:
        raise ValueError("at least one backup must be kept")
    _keep = int(keep)


def default_keep() -> int:
    return _keep


def database_file(db_or_path) -> Path:
    """The SQLite file of a Database, a URL or a path; BackupError for a server database."""
    url = getattr(db_or_path, "url", None) or database_url(db_or_path)
    path = sqlite_path(url)
    if path is None:
        raise BackupError(
            "备份与恢复针对 SQLite 数据库文件；PostgreSQL 数据库请由服务器管理员用 pg_dump / pg_restore 备份和恢复。"
            " (Backup and restore work on SQLite database files; back up a PostgreSQL database "
            "on the server with pg_dump / pg_restore.)")
    return path


def backup_folder(db_path: Path) -> Path:
    return Path(db_path).parent / BACKUP_FOLDER


def _connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    if read_only:
        return sqlite3.connect(Path(path).absolute().as_uri() + "?mode=ro", uri=True, timeout=30)
    return sqlite3.connect(str(path), timeout=30)


def integrity_problems(path: Path) -> list[str]:
    """What `PRAGMA integrity_check` finds wrong with a database file; empty when it is sound."""
    try:
        con = _connect(path, read_only=True)
    except sqlite3.Error as exc:
        return [str(exc)]
    try:
        rows = [r[0] for r in con.execute("PRAGMA integrity_check")]
    except sqlite3.Error as exc:
        return [str(exc)]
    finally:
        con.close()
    return [] if rows == ["ok"] else rows


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _private_temp(target: Path) -> Path:
    """A new, empty file readable by its owner only, beside `target`."""
    # A folder made here is private too: even the names of an official record's copies are nobody's business.
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    if temp.exists():
        temp.unlink()
    fd = os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    return temp


def _copy(source: Path, target: Path) -> None:
    """Online backup of `source` into a fresh private file at `target`, verified, then renamed."""
    temp = _private_temp(target)
    try:
        src = _connect(source)
        try:
            dst = sqlite3.connect(str(temp))
            try:
                # One step (pages=-1): the whole copy is one read snapshot of the source.
                src.backup(dst)
                # A backup is one self-contained file, not a WAL database with side files.
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        problems = integrity_problems(temp)
        if problems:
            raise BackupError(f"备份文件校验失败 (the backup failed its integrity check): {'; '.join(problems[:5])}")
        with open(temp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(temp, target)
        _fsync_folder(target.parent)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def backup_database(db_or_path, to: str | os.PathLike | None = None, *, reason: str = MANUAL,
                    keep: int | None = None) -> Path:
    """A consistent copy of the database; returns where it went.

    Without `to` the copy goes to the `backups/` folder beside the database,
    named after the database, the time and the reason, and only the newest
    `keep` automatic backups of that database are kept.
    """
    source = database_file(db_or_path)
    if not source.exists():
        raise BackupError(f"数据库文件不存在：{source} (no such database file)")
    if to is not None:
        target = Path(to).expanduser().absolute()
        if target.resolve() == source.resolve():
            raise BackupError("备份文件不能是数据库本身 (the backup cannot be the database itself)")
    else:
        reason = re.sub(r"[^a-z0-9_-]+", "-", reason.lower()).strip("-") or MANUAL
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        target = backup_folder(source) / f"{source.stem}-{stamp}-{reason}{source.suffix or '.sqlite'}"
    try:
        _copy(source, target)
    except sqlite3.Error as exc:
        raise BackupError(f"无法备份数据库 {source}：{exc} (could not back up the database)") from exc
    except OSError as exc:
        raise BackupError(f"无法写入备份文件 {target}：{exc} (could not write the backup)") from exc
    if to is None:
        prune_backups(target.parent, keep=keep or _keep, stem=source.stem)
    return target


def list_backups(folder: Path, stem: str | None = None, *, include_manual: bool = True) -> list[Path]:
    """The backups named by `backup_database` in a folder, newest first.

    `stem` limits them to one database; without `include_manual` only the
    automatic ones (before apply, import, upgrade, restore) are listed.
    """
    folder = Path(folder)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        if not path.is_file() or path.name.startswith("."):
            continue
        match = _STAMP.search(path.stem)
        if match is None or (stem is not None and path.stem[:match.start()] != stem):
            continue
        if not include_manual and match.group(2) == MANUAL:
            continue
        found.append((match.group(1), path))
    return [path for _, path in sorted(found, reverse=True)]


def prune_backups(folder: Path, keep: int = DEFAULT_KEEP, stem: str | None = None) -> list[Path]:
    """Delete all but the newest `keep` automatic backups; returns what was deleted.

    Backups the user asked for (reason "manual", or a file named with
    `backup --to`) are left alone; temporary files left by a crash are removed.
    """
    if keep < 1:
        raise ValueError("at least one backup must be kept")
    removed = []
    for path in list_backups(folder, stem, include_manual=False)[keep:]:
        path.unlink(missing_ok=True)
        removed.append(path)
    now = time.time()
    folder = Path(folder)
    if folder.is_dir():
        for temp in folder.glob(".*.tmp"):
            try:
                if now - temp.stat().st_mtime > TEMP_MAX_AGE_SECONDS:
                    temp.unlink()
            except OSError:
                pass
    return removed


def backup_before(db, reason: str) -> Path | None:
    """Back up a SQLite ledger before a change that touches much of it (apply, import, upgrade).

    Returns the backup's path, or None for a database that is not a file
    (PostgreSQL: the server's backups cover it; in-memory: nothing to keep).
    """
    url = getattr(db, "url", None) or database_url(db)
    path = sqlite_path(url)
    if path is None or not path.exists():
        return None
    return backup_database(path, reason=reason)


def _check_backup_file(backup: Path) -> None:
    if not backup.is_file():
        raise BackupError(f"备份文件不存在：{backup} (no such backup file)")
    with open(backup, "rb") as fh:
        if fh.read(16) != b"SQLite format 3\x00":
            raise BackupError(f"{backup} 不是 SQLite 数据库文件 (not a SQLite database file)")
    problems = integrity_problems(backup)
    if problems:
        raise BackupError(f"备份文件已损坏，未恢复 (the backup is damaged; nothing was restored): "
                          f"{'; '.join(problems[:5])}")
    con = _connect(backup, read_only=True)
    try:
        tables = {r[0] for r in con.execute("select name from sqlite_master where type='table'")}
        revision = None
        if "alembic_version" in tables:
            row = con.execute("select version_num from alembic_version").fetchone()
            revision = row[0] if row else None
    finally:
        con.close()
    if "township" not in tables or revision is None:
        raise BackupError(f"{backup} 不是本软件的台账数据库 (not a ledger database of this planner)")
    from alembic.script import ScriptDirectory  # only here: it costs the window's start-up otherwise

    try:
        ScriptDirectory.from_config(alembic_config()).get_revision(revision)
    except Exception:
        raise BackupError(f"备份由更新版本的本软件创建（结构版本 {revision}），请升级软件后再恢复 "
                          f"(the backup was written by a newer version of the planner)") from None


LOCK_WAIT_SECONDS = 30.0
SIDE_FILES = ("-wal", "-shm", "-journal")


def _locked_error(target: Path, seconds: float) -> BackupError:
    return BackupError(
        f"数据库 {target} 被另一个程序锁定，等待 {seconds:.0f} 秒后放弃，未作任何改动；请关闭该程序后重试 "
        f"(the database is locked by another program; gave up after {seconds:.0f} s and changed nothing. "
        f"Close that program and try again)")


def _wait_until_writable(target: Path, seconds: float, on_wait) -> float:
    """Wait (saying so once through `on_wait`) until no other program locks `target`;
    BackupError after `seconds`. Returns the deadline for the restore itself."""
    deadline = time.monotonic() + seconds
    told = False
    while True:
        try:
            con = sqlite3.connect(str(target), timeout=0)
            try:
                con.execute("BEGIN IMMEDIATE")
                con.execute("ROLLBACK")
                return deadline
            finally:
                con.close()
        except sqlite3.Error as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                return deadline  # damaged or unreadable: the restore itself will say how
        if time.monotonic() >= deadline:
            raise _locked_error(target, seconds)
        if not told and on_wait is not None:
            on_wait(f"数据库被另一个程序锁定，正在等待（最多 {seconds:.0f} 秒）… "
                    f"(the database is locked by another program; waiting up to {seconds:.0f} s …)")
            told = True
        time.sleep(0.25)


def keep_damaged_copy(target: Path) -> Path:
    """A byte-for-byte copy of a damaged ledger (and its side files) beside it, before it is replaced:
    ledger.sqlite.damaged-YYYYmmdd-HHMMSS. Nothing of it is lost by a restore."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    copy = target.with_name(f"{target.name}.damaged-{stamp}")
    for suffix in ("", *SIDE_FILES):
        source = target.with_name(target.name + suffix)
        if not source.exists():
            continue
        dest = copy.with_name(copy.name + suffix)
        try:
            fd = os.open(dest, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
                shutil.copyfileobj(src, out)
                out.flush()
                os.fsync(out.fileno())
        except OSError as exc:
            dest.unlink(missing_ok=True)
            raise BackupError(f"无法保存损坏数据库的副本 {dest}：{exc.strerror or exc}，未恢复 "
                              f"(could not keep a copy of the damaged database; nothing was restored)") from exc
    return copy


def _start_afresh(target: Path) -> None:
    """Remove a damaged ledger (already copied) and its side files; an empty private file takes its place."""
    for suffix in SIDE_FILES:
        target.with_name(target.name + suffix).unlink(missing_ok=True)
    target.unlink(missing_ok=True)
    create_private_file(target)


def restore_database(backup: str | os.PathLike, db_path: str | os.PathLike, *,
                     keep: int | None = None, wait_seconds: float = LOCK_WAIT_SECONDS,
                     on_wait=None) -> Path | None:
    """Put a backup back into the database file; returns the backup of the state it replaced.

    The current state is backed up first; a damaged database, which cannot be
    backed up, is kept as a copy of its bytes instead (`keep_damaged_copy`).
    The backup is then copied with the online backup API into the live file,
    as one write transaction of that file: safe in WAL mode, and a crash
    half-way leaves the previous state. Another program's lock is waited for
    (`on_wait` hears so) for `wait_seconds` at most. A backup from an older
    version of the planner is upgraded when next opened.
    """
    backup = Path(backup).expanduser().absolute()
    target = database_file(db_path)
    _check_backup_file(backup)
    if target.exists() and backup.resolve() == target.resolve():
        raise BackupError("备份文件就是数据库本身 (the backup is the database itself)")
    safety = None
    if target.exists():
        deadline = _wait_until_writable(target, wait_seconds, on_wait)
        if target.stat().st_size == 0:
            pass
        elif integrity_problems(target):
            safety = keep_damaged_copy(target)
            _start_afresh(target)
        else:
            safety = backup_database(target, reason="before-restore", keep=keep)
    else:
        deadline = time.monotonic() + wait_seconds
        create_private_file(target)

    def give_up_when_late(_status, _remaining, _total) -> None:
        if time.monotonic() > deadline:  # raised here, it ends the copy and leaves the file as it was
            raise _locked_error(target, wait_seconds)

    try:
        src = _connect(backup, read_only=True)
        try:
            dst = sqlite3.connect(str(target), timeout=max(1.0, deadline - time.monotonic()))
            try:
                src.backup(dst, progress=give_up_when_late)
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.Error as exc:
        raise BackupError(f"恢复失败，数据库保持原状：{exc} (restore failed; the database is unchanged)") from exc
    problems = integrity_problems(target)
    if problems:
        raise BackupError(f"恢复后校验失败 (the restored database failed its integrity check): "
                          f"{'; '.join(problems[:5])}; 恢复前的状态保存在 {safety}",
                          message_en=f"the restored database failed its integrity check: "
                                     f"{'; '.join(problems[:5])}; the state before the restore is in {safety}")
    return safety
