"""Helpers shared by the sub-commands."""

from __future__ import annotations

import argparse
import sys

from planner.store.db import Database, DatabaseError, open_database


def add_db_argument(parser: argparse.ArgumentParser, required: bool = True) -> None:
    parser.add_argument("--db", dest="sub_db", required=required,
                        help="数据库：SQLite 文件路径或 SQLAlchemy URL (database file or URL)")


def db_arg(args: argparse.Namespace) -> str | None:
    return getattr(args, "sub_db", None) or getattr(args, "db", None)


def open_db_or_exit(args: argparse.Namespace, *, create: bool = False) -> Database:
    target = db_arg(args)
    if not target:
        print("错误：需要 --db 参数 (error: --db is required)", file=sys.stderr)
        raise SystemExit(2)
    try:
        return open_database(target, create=create)
    except DatabaseError as exc:
        print(f"错误 (error): {exc}", file=sys.stderr)
        raise SystemExit(2)
