"""Command line: `python main.py [--db PATH]` opens the window, sub-commands work headless.

Each sub-command lives in its own module listed in COMMAND_MODULES; a module
defines `register(subparsers)` which adds its parsers and sets `func`.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from planner import __version__

COMMAND_MODULES = [
    "cli.ledger_cmds",
    "cli.backup_cmds",
    "cli.excel_cmds",
    "cli.scenario_cmds",
    "cli.solve_cmd",
    "cli.forecast_cmd",
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


def progress_to_stderr(fraction: float, message: str) -> None:
    """Progress of long commands goes to stderr so stdout stays clean for results."""
    print(f"[{fraction * 100:5.1f}%] {message}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
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
