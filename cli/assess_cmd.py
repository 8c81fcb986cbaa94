"""`assess`: the township assessment (编制评估) of the ledger, printed as pages, a workbook or JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from cli.common import add_db_argument, db_arg, open_db_or_exit
from planner.domain.rounding import fte_text, ratio_text
from planner.domain.vocabulary import kind_label
from planner.files import write_text_atomically
from planner.services.outputs import OutputRefused, check_output


def register(subparsers) -> None:
    p = subparsers.add_parser("assess", help="乡镇编制评估 (the township assessment: workload, vacancy, "
                                             "standards, age structure, county median)")
    add_db_argument(p)
    p.add_argument("--township", help="只评估这个乡镇，默认全部 (assess this township only; default all)")
    p.add_argument("--pdf", help="写出评估页 PDF，每个乡镇一页 (write the pages as PDF, one per township)")
    p.add_argument("--xlsx", help="写出 Excel 工作簿 (write an Excel workbook)")
    p.add_argument("--json", help="写出 JSON 结果 (write the JSON result)")
    p.set_defaults(func=run_assess)


def run_assess(args: argparse.Namespace) -> int:
    from planner.services.assessing import UnknownTownship, assessment_job, assessment_json

    try:
        for path in (args.pdf, args.xlsx, args.json):
            if path:
                check_output(path, db_arg(args))
    except OutputRefused as refused:
        print(f"错误 (error): {refused}", file=sys.stderr)
        return 2
    db = open_db_or_exit(args)
    try:
        result = assessment_job(db, args.township)
    except UnknownTownship as exc:
        print(f"错误 (error): {exc.message('zh')} ({exc.message('en')})", file=sys.stderr)
        return 2
    finally:
        db.close()
    lang = getattr(args, "lang", None) or "zh_CN"
    try:
        for path in (args.pdf, args.xlsx, args.json):
            if path:
                Path(path).parent.mkdir(parents=True, exist_ok=True)
        if args.json:
            write_text_atomically(args.json, json.dumps(assessment_json(result), ensure_ascii=False, indent=2))
            print(f"JSON -> {args.json}", file=sys.stderr)
        if args.xlsx:
            from planner.exports.assessment_xlsx import write_assessment_xlsx

            write_assessment_xlsx(result, args.xlsx, lang)
            print(f"Excel -> {args.xlsx}", file=sys.stderr)
        if args.pdf:
            from ui.report.assessment_render import write_assessment_pdf

            write_assessment_pdf(result, args.pdf, lang)
            print(f"PDF -> {args.pdf}", file=sys.stderr)
    except OSError as exc:
        print(f"错误：无法写出文件 (error: cannot write the file): {exc}", file=sys.stderr)
        return 2
    _print_lines(result, lang)
    return 0


def _print_lines(result, lang: str) -> None:
    """One line per township and kind on stdout, after the column names and their keys."""
    zh = lang != "en"
    out = sys.stdout
    out.write("乡镇\t编制类型\t核定\t实有\t空编\t可用编制\t超编\t测算需求\t实有/需求\t提示\n" if zh else
              "Township\tKind\tApproved\tStaff\tVacancy\tUsable\tOver\tRequired FTE\tWISN ratio\tWarnings\n")
    out.write("township\tkind\tapproved\tstaff\tvacancy\tusable_vacancy\tover_quota\trequired_fte\twisn_ratio"
              "\twarnings\n")
    for t in result.townships:
        warnings = "；".join(w.text("zh" if zh else "en") for w in t.warnings)
        for k in t.kinds:
            if not k.has_line:
                continue
            out.write(f"{t.name}\t{kind_label(k.kind, 'zh' if zh else 'en')}\t{k.approved}\t{k.staff}\t{k.vacancy}\t"
                      f"{k.usable_vacancy}\t{k.over_quota}\t{fte_text(k.need_fte)}\t{ratio_text(k.wisn_ratio, '—')}"
                      f"\t{warnings}\n")
            warnings = ""
