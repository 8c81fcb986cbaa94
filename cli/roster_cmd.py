"""`roster`: the double A/B roster (双AB岗公示表) of one township or all, with the gaps of its posts."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from cli.common import add_db_argument, db_arg, open_db_or_exit
from planner.files import write_text_atomically
from planner.services.outputs import OutputRefused, check_output


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "roster", help="双AB岗公示表与岗位缺口 (the double A/B roster of each township and the gaps of its posts)")
    add_db_argument(p)
    p.add_argument("--township", help="乡镇名称，默认全部乡镇 (one township; default all)")
    p.add_argument("--pdf", help="写出可打印的公示表 PDF (write the printable wall table as PDF)")
    p.add_argument("--xlsx", help="写出公示表 Excel 工作簿 (write the wall table as an Excel workbook)")
    p.add_argument("--json", help="写出 JSON 结果 (write the JSON result)")
    p.set_defaults(func=run_roster)


def _write_json(data: dict, path: str) -> None:
    """Whole or not at all, and readable by its owner only, as every file the planner writes."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomically(target, json.dumps(data, ensure_ascii=False, indent=2))


def run_roster(args: argparse.Namespace) -> int:
    from planner.services.posts import check_township, wall_tables

    lang = getattr(args, "lang", None) or "zh_CN"
    en = lang == "en"
    try:
        for path in (args.json, args.xlsx, args.pdf):
            if path:
                check_output(path, db_arg(args))
    except OutputRefused as refused:
        print(f"错误 (error): {refused}", file=sys.stderr)
        return 2
    db = open_db_or_exit(args)
    try:
        tables = wall_tables(db, args.township)
        checks = {t.township: check_township(db, t.township) for t in tables}
    finally:
        db.close()
    data = {"townships": []}
    for table in tables:
        _, backups, proposals = checks[table.township]
        entry = table.to_json()
        entry["office_backup"] = [{"office": b.office, "backup": b.backup, "need_hours": round(b.need_hours, 1),
                                   "spare_hours": round(b.spare_hours, 1), "ok": b.ok, "proposed": b.proposed,
                                   "text": b.text("zh"), "text_en": b.text("en")} for b in backups + proposals]
        data["townships"].append(entry)
    if args.json:
        _write_json(data, args.json)
        print(f"JSON -> {args.json}", file=sys.stderr)
    if args.xlsx:
        from planner.exports.wall_table_xlsx import write_wall_table_xlsx

        write_wall_table_xlsx(tables, args.xlsx, lang)
        print(f"Excel -> {args.xlsx}", file=sys.stderr)
    if args.pdf:
        from ui.report.wall_table import write_wall_table_pdf

        write_wall_table_pdf(tables, args.pdf, lang)
        print(f"PDF -> {args.pdf}", file=sys.stderr)
    out = sys.stdout
    out.write("township\tduties\tposts gaps\n" if en else "乡镇\t事项数\t岗位缺口\n")
    for table, entry in zip(tables, data["townships"]):
        out.write(f"{table.township}\t{len(table.rows)}\t{len(table.gaps)}\n")
        for gap in table.gaps:
            out.write(f"\t{gap.text('en' if en else 'zh')}\n")
        for line in entry["office_backup"]:
            out.write(f"\t{line['text_en' if en else 'text']}\n")
    return 0
