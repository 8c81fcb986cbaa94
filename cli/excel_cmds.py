"""`template`, `import` and `export`: the ledger to and from the Excel template."""

from __future__ import annotations

import argparse
import sys
import time
from contextlib import nullcontext
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from cli.common import add_db_argument, db_arg, open_db_or_exit
from planner.domain.vocabulary import in_language
from planner.excel.problems import is_english
from planner.files import make_private
from planner.services.backups import exclusive
from planner.services.outputs import OutputRefused, check_output
from planner.store.instance_lock import LockHeld

# planner.excel and planner.services.excel are imported by the commands that use them:
# they load openpyxl (about 0.15 s, python -X importtime), and every command module is
# imported to build the parser.


def register(subparsers) -> None:
    template = subparsers.add_parser("template", help="写出空白导入模板 (write the blank import template)")
    template.add_argument("file", metavar="FILE.xlsx")
    template.set_defaults(func=run_template)

    imp = subparsers.add_parser(
        "import", help="从模板导入台账，整个文件无误才写入 (import a ledger; nothing is written unless "
                       "the whole file is valid)")
    imp.add_argument("file", metavar="FILE.xlsx")
    add_db_argument(imp)
    imp.add_argument("--dry-run", action="store_true",
                     help="只检查并显示将要发生的变化，不写入 (check and show the changes, write nothing)")
    imp.set_defaults(func=run_import)

    exp = subparsers.add_parser("export", help="按模板格式导出台账 (export the ledger in the template's format)")
    exp.add_argument("file", metavar="FILE.xlsx")
    add_db_argument(exp)
    exp.set_defaults(func=run_export)


def _lang(args: argparse.Namespace) -> str:
    return getattr(args, "lang", None) or "zh_CN"


def _say(args: argparse.Namespace, zh: str, en: str) -> None:
    print(en if is_english(_lang(args)) else zh, file=sys.stderr, flush=True)


class _Progress:
    """Progress lines on stderr, once a command has run for a second: a small file's
    problem list is not buried under them."""

    def __init__(self, lang: str = "zh_CN") -> None:
        self.start = time.perf_counter()
        self.lang = lang

    def __call__(self, fraction: float, message: str) -> None:
        if time.perf_counter() - self.start >= 1.0:
            print(f"[{fraction * 100:5.1f}%] {in_language(message, self.lang)}", file=sys.stderr, flush=True)


def run_template(args: argparse.Namespace) -> int:
    from planner.excel import write_template

    try:
        path = write_template(check_output(args.file))
        make_private(path)
    except OutputRefused as refused:
        _say(args, f"错误：{refused.message_zh}", f"error: {refused.message_en}")
        return 2
    except OSError as exc:
        _say(args, f"错误：无法写入 {args.file}：{exc.strerror or exc}",
             f"error: cannot write {args.file}: {exc.strerror or exc}")
        return 2
    _say(args, f"已写出空白模板 -> {path}", f"blank template written -> {path}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from planner.excel import build_preview, read_workbook
    from planner.services.excel import apply_county, compare_with_ledger

    lang = _lang(args)
    if not db_arg(args):
        _say(args, "错误：需要 --db 参数", "error: --db is required")
        return 2
    start = time.perf_counter()
    # The file is read and checked before the database is even opened.
    result = read_workbook(args.file, progress=_Progress(_lang(args)))
    for notice in result.notices:
        _say(args, "提示：" + notice.format(lang), "notice: " + notice.format(lang))
    if not result.ok:
        for problem in result.problems:
            print(problem.format(lang), file=sys.stderr)
        _say(args, f"导入失败：发现 {len(result.problems)} 个问题，数据库未作任何改动。",
             f"import failed: {len(result.problems)} problem(s) found; the database was not changed.")
        return 1
    try:
        # Replacing the ledger under an open window would pull it from under its edits.
        with nullcontext() if args.dry_run else exclusive(db_arg(args)):
            db = open_db_or_exit(args, create=True)
            try:
                if args.dry_run:
                    _before, preview = compare_with_ledger(db, result)
                else:
                    applied = apply_county(db, result.county, source=Path(args.file).name)
                    preview = build_preview(applied.before, result.county)
                    if applied.backup is not None:
                        _say(args, f"导入前的台账已备份到 {applied.backup}",
                             f"the ledger as it was is backed up in {applied.backup}")
            finally:
                db.close()
    except LockHeld as held:
        _say(args, f"错误：{held}；请先关闭该窗口再导入，数据库未改动",
             f"error: {held}; close that window first, then import (nothing was changed)")
        return 2
    except SQLAlchemyError as exc:
        _say(args, f"错误：写入数据库失败，已回滚，数据库未改动：{exc}",
             f"error: writing to the database failed and was rolled back; nothing changed: {exc}")
        return 2
    for line in preview.lines(lang):
        print(line, file=sys.stderr)
    seconds = time.perf_counter() - start
    if args.dry_run:
        _say(args, f"检查通过（未写入，--dry-run），用时 {seconds:.1f} 秒",
             f"the file is valid (nothing written, --dry-run); {seconds:.1f} s")
    else:
        _say(args, f"已导入 {len(result.county.townships)} 个乡镇，用时 {seconds:.1f} 秒",
             f"imported {len(result.county.townships)} townships in {seconds:.1f} s")
    return 0


def run_export(args: argparse.Namespace) -> int:
    from planner.services.excel import export_workbook

    start = time.perf_counter()
    try:
        check_output(args.file, db_arg(args))
    except OutputRefused as refused:
        _say(args, f"错误：{refused.message_zh}", f"error: {refused.message_en}")
        return 2
    db = open_db_or_exit(args)
    try:
        county = export_workbook(db, args.file, progress=_Progress(_lang(args)))
    except OSError as exc:
        _say(args, f"错误：无法写入 {args.file}：{exc.strerror or exc}（文件是否正在 Excel/WPS 中打开？）",
             f"error: cannot write {args.file}: {exc.strerror or exc} (is it open in Excel or WPS?)")
        return 2
    finally:
        db.close()
    _say(args, f"已导出 {len(county.townships)} 个乡镇，用时 {time.perf_counter() - start:.1f} 秒 -> {args.file}",
         f"exported {len(county.townships)} townships in {time.perf_counter() - start:.1f} s -> {args.file}")
    return 0
