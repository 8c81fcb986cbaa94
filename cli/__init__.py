"""Command line: `python main.py [--db PATH]` opens the window, sub-commands work headless.

Each sub-command lives in its own module listed in COMMAND_MODULES; a module
defines `register(subparsers)` which adds its parsers and sets `func`.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sqlite3
import sys

from sqlalchemy.exc import SQLAlchemyError

from planner import __version__
from planner.domain.vocabulary import in_language
from planner.errors import PlannerError
from planner.logsetup import configure_logging, log_file
from planner.store.db import DamagedDatabase, is_damage

log = logging.getLogger("cli")

COMMAND_MODULES = [
    "cli.ledger_cmds",
    "cli.backup_cmds",
    "cli.excel_cmds",
    "cli.scenario_cmds",
    "cli.solve_cmd",
    "cli.forecast_cmd",
    "cli.plan_cmd",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py",
        description="编制统筹规划 Establishment Planner: 乡镇编制台账与调剂优化 "
                    "(township establishment ledger and reallocation)")
    parser.add_argument("--version", action="version", version=f"Establishment Planner {__version__}")
    parser.add_argument("--db", help="数据库：SQLite 文件路径或 SQLAlchemy URL (database file or URL)")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="界面语言 (UI language)")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def progress_to_stderr(fraction: float, message: str, lang: str | None = "zh_CN") -> None:
    """Progress of long commands goes to stderr so stdout stays clean for results, in the
    command's language (a "中文 (English)" message shows one half, as in the window)."""
    print(f"[{fraction * 100:5.1f}%] {in_language(message, lang)}", file=sys.stderr, flush=True)


def error_line(message: str) -> None:
    """An error for the user on stderr, with where the details went."""
    print(f"错误 (error): {message}", file=sys.stderr)
    print(f"详情见日志 (details in the log): {log_file()}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    configure_logging()
    if args.command is None:
        from ui.app import run_gui

        return run_gui(args)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("已中断 (interrupted)", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Output piped into `head` and the like: stop quietly, as Unix tools do.
        sys.stderr.close()
        return 0
    # What a command did not turn into its own message still becomes one: a damaged
    # file, a full disk, a folder that cannot be written. The traceback goes to the log.
    except PlannerError as error:
        log.warning("%s failed: %s", args.command, error, exc_info=True)
        error_line(str(error))
        return 2
    except (SQLAlchemyError, sqlite3.Error) as error:
        log.error("%s failed", args.command, exc_info=True)
        if is_damage(error):
            path = getattr(args, "sub_db", None) or getattr(args, "db", None) or "?"
            error_line(str(DamagedDatabase(path, str(getattr(error, "orig", None) or error).splitlines()[0])))
        else:
            detail = str(getattr(error, "orig", None) or error).splitlines()[0]
            error_line(f"数据库操作失败，已回滚 (a database operation failed and was rolled back): {detail}")
        return 2
    except OSError as error:
        log.error("%s failed", args.command, exc_info=True)
        where = f" {error.filename}" if error.filename else ""
        error_line(f"无法读写文件{where}：{error.strerror or error} (cannot read or write{where}: "
                   f"{error.strerror or error})")
        return 2
    except Exception as error:  # noqa: BLE001 -- a fault of the planner: a sentence here, the traceback in the log
        log.exception("%s failed", args.command)
        error_line(f"内部错误 (internal error): {type(error).__name__}: {error}")
        return 1
