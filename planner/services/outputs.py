"""Where a command or a save dialog may write: never over a ledger, its side files or its backups.

`check_output` is asked before every file the planner writes for the user
(an export, a template, a proposal as JSON, Excel or PDF, an audit log, a
list of problems): a path that is the open database, its -wal/-shm/-journal
files, anything in its backups folder, or any SQLite database at all, is
refused with a message before a byte is written. A ledger is replaced only on
purpose (`demo --force`), and then only after a backup (`replace_ledger_guard`).
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import select

from planner.errors import UserError
from planner.store.backup import backup_before, backup_folder
from planner.store.location import database_url, sqlite_path
from planner.store.models import Township

SIDE_SUFFIXES = ("", "-wal", "-shm", "-journal")
SQLITE_HEADER = b"SQLite format 3\x00"


class OutputRefused(UserError, ValueError):
    """A file the planner will not write, because writing it would destroy a ledger."""


def _database_file(db) -> Path | None:
    if db is None:
        return None
    url = getattr(db, "url", None) or database_url(db)
    return sqlite_path(url)


def _same(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return a.resolve() == b.resolve()


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False


def is_sqlite_file(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == SQLITE_HEADER
    except OSError:
        return False


def check_output(path: str | os.PathLike, db=None, *, backup: bool = False) -> Path:
    """The absolute path to write, or OutputRefused saying why it must not be written.

    `db` is the database in use (a Database, a file or a URL), when there is one;
    `backup`: the file is a new backup, which may go into the backups folder
    (but not over a backup already there).
    """
    target = Path(path).expanduser().absolute()
    ledger = _database_file(db)
    if ledger is not None:
        for suffix in SIDE_SUFFIXES:
            side = ledger.with_name(ledger.name + suffix)
            if _same(target, side):
                raise OutputRefused(
                    f"不能写入 {target}：它是正在使用的数据库{('的 ' + suffix + ' 文件') if suffix else ''}，"
                    f"写入会毁掉台账；请换一个文件名 (refusing to write {target}: it is the database in use"
                    f"{' or its ' + suffix + ' file' if suffix else ''}; writing would destroy the ledger. "
                    f"Choose another file name)")
        if _inside(target, backup_folder(ledger)) and (target.exists() or not backup):
            raise OutputRefused(
                f"不能写入 {target}：它在数据库的备份文件夹里，备份不能被覆盖；请换一个位置 "
                f"(refusing to write {target}: it is in the database's backups folder. Choose another place)")
    if target.is_dir():
        raise OutputRefused(f"不能写入 {target}：这是一个文件夹 (refusing to write {target}: it is a folder)")
    if is_sqlite_file(target):
        raise OutputRefused(
            f"不能写入 {target}：它是一个数据库文件（可能是台账），覆盖会毁掉其中数据；请换一个文件名 "
            f"(refusing to write {target}: it is a database file, perhaps a ledger; overwriting would "
            f"destroy it. Choose another file name)")
    parent = target.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        raise OutputRefused(f"无法写入 {target}：{parent} 是文件而不是文件夹 "
                            f"(cannot write {target}: {parent} is a file, not a folder)")
    return target


def replace_ledger_guard(db, force: bool, reason: str) -> Path | None:
    """Before a command replaces a whole ledger: refuse a ledger holding data unless `force`,
    and back it up first when forced. Returns the backup (None: nothing to back up).
    """
    with db.session() as session:
        holds_data = session.scalars(select(Township.id).limit(1)).first() is not None
    if not holds_data:
        return None
    if not force:
        raise OutputRefused(
            "数据库中已有台账，未作任何改动；确需用示范数据替换它，请加 --force（替换前会先备份） "
            "(the database already holds a ledger and was left untouched; to replace it with demo "
            "data, add --force: it is backed up first)")
    return backup_before(db, reason)
