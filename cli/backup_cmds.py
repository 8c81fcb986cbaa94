"""`backup` and `restore`: a consistent copy of a SQLite ledger, and putting one back."""

from __future__ import annotations

import argparse
import sys

from cli.common import add_db_argument, db_arg
from planner.services.backups import back_up, exclusive, restore_and_log
from planner.store.backup import BackupError, database_file
from planner.store.instance_lock import LockHeld


def register(subparsers) -> None:
    backup = subparsers.add_parser(
        "backup", help="备份数据库 (a consistent copy of the database)",
        description="用 SQLite 在线备份生成数据库的一致副本，并打印副本位置。默认存放在数据库旁的 backups 文件夹。"
                    " (A consistent copy made with SQLite's online backup; prints where it went. "
                    "By default it goes to the backups folder beside the database.)")
    add_db_argument(backup)
    backup.add_argument("--to", metavar="FILE", help="备份文件路径 (where to write the copy)")
    backup.set_defaults(func=run_backup)

    restore = subparsers.add_parser(
        "restore", help="从备份恢复数据库 (put a backup back)",
        description="先备份当前数据库，再用备份替换它。 (Backs up the current state, then puts the backup back.)")
    restore.add_argument("backup", metavar="BACKUP", help="备份文件 (the backup file)")
    add_db_argument(restore)
    restore.set_defaults(func=run_restore)


def _fail(message: str) -> int:
    print(f"错误 (error): {message}", file=sys.stderr)
    return 2


def run_backup(args: argparse.Namespace) -> int:
    try:
        target = back_up(database_file(db_arg(args)), args.to)
    except BackupError as exc:
        return _fail(str(exc))
    print(target)
    return 0


def run_restore(args: argparse.Namespace) -> int:
    try:
        path = database_file(db_arg(args))
    except BackupError as exc:
        return _fail(str(exc))
    try:
        # Restoring under an open window would pull the ledger from under its edits.
        with exclusive(path):
            outcome = restore_and_log(args.backup, path, on_wait=lambda text: print(text, file=sys.stderr,
                                                                                    flush=True))
    except LockHeld as held:
        return _fail(f"{held}；请先关闭该窗口再恢复 (close that window first, then restore)")
    except BackupError as exc:
        return _fail(str(exc))
    if outcome.backup is not None and ".damaged-" in outcome.backup.name:
        print(f"原数据库已损坏，其原样副本保存在 (the database was damaged; its bytes are kept in): "
              f"{outcome.backup}", file=sys.stderr)
    elif outcome.backup is not None:
        print(f"恢复前的数据库已备份到 (the state before the restore was saved to): {outcome.backup}",
              file=sys.stderr)
    print(f"已从 {args.backup} 恢复 {path} (restored)")
    return 0
