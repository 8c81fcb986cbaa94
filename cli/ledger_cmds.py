"""`demo` and `summary`: write a demo county, print the ledger."""

from __future__ import annotations

import argparse
import sys
import time


from cli.common import add_db_argument, db_arg, open_db_or_exit
from planner.services.backups import exclusive
from planner.services.outputs import replace_ledger_guard
from planner.store.instance_lock import LockHeld
from planner.store.location import display_url
from planner.domain.vocabulary import kind_label
from planner.store.reads import ledger_summary
from planner.domain.time_rules import roster_gaps_of_counts


def register(subparsers) -> None:
    demo = subparsers.add_parser("demo", help="写入示范县 (write a demo county)")
    add_db_argument(demo)
    demo.add_argument("--townships", type=int, default=14, help="乡镇数量 (number of townships), default 14")
    demo.add_argument("--seed", type=int, default=1, help="随机种子 (seed), default 1")
    demo.add_argument("--force", action="store_true",
                      help="数据库已有台账时仍替换它（先备份） (replace a ledger the database already holds; "
                           "it is backed up first)")
    demo.set_defaults(func=run_demo)

    summary = subparsers.add_parser("summary", help="打印编制台账 (print the ledger)")
    add_db_argument(summary)
    summary.set_defaults(func=run_summary)


def run_demo(args: argparse.Namespace) -> int:
    from planner.services.demo import write_demo

    if args.townships < 1:
        print("错误：--townships 至少为 1 (error: --townships must be at least 1)", file=sys.stderr)
        return 2
    start = time.perf_counter()
    db = open_db_or_exit(args, create=True)
    try:
        # Replacing a ledger under an open window would pull it from under its edits.
        with exclusive(db.url):
            backup = replace_ledger_guard(db, args.force, "demo")
            county = write_demo(db, args.townships, args.seed)
    except LockHeld as held:
        print(f"错误 (error): {held}；请先关闭该窗口，数据库未改动 (close that window first; nothing was "
              f"changed)", file=sys.stderr)
        return 2
    finally:
        db.close()
    if backup is not None:
        print(f"原有台账已备份到 (the ledger as it was is backed up in): {backup}", file=sys.stderr)
    duties = sum(len(t.duties) for t in county.townships)
    print(f"已写入示范县「{county.name}」：{len(county.townships)} 个乡镇，{duties} 项职责事项，"
          f"用时 {time.perf_counter() - start:.1f} 秒 -> {display_url(db_arg(args))}", file=sys.stderr)
    return 0


SUMMARY_HEADINGS = {
    "zh": ("乡镇", "编制类型", "核定编制", "实有人数", "空编", "超编", "测算需求人数", "压力比"),
    "en": ("Township", "Kind", "Approved", "Staff", "Vacancy", "Over quota", "Required FTE", "Pressure"),
}


def run_summary(args: argparse.Namespace) -> int:
    db = open_db_or_exit(args)
    try:
        summary = ledger_summary(db)
    finally:
        db.close()
    out = sys.stdout
    lang = getattr(args, "lang", None) or "zh_CN"
    # The first line names the columns in the command's language; the second is their keys, for scripts.
    out.write("\t".join(SUMMARY_HEADINGS["en" if lang == "en" else "zh"]) + "\n")
    out.write("township\tkind\tapproved\tstaff\tvacancy\tover_quota\trequired_fte\tpressure\n")
    for line in summary.lines:
        ratio = line.pressure
        out.write(f"{line.township}\t{kind_label(line.kind, lang)}\t{line.approved}\t{line.staff}\t{line.vacancy}\t"
                  f"{line.over_quota}\t{line.required_fte:.2f}\t{'—' if ratio is None else f'{ratio:.2f}'}\n")
    gaps = roster_gaps_of_counts(summary.townships, {(line.township, line.kind): line.staff for line in summary.lines},
                                 summary.people_on_file)
    for gap in gaps:
        print(f"警告：{gap.message('zh')} (warning: {gap.message('en')})", file=sys.stderr)
    return 0
