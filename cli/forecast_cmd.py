"""`forecast`: the retirement month of every person and the leavers per township, kind and year."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from cli.common import add_db_argument, open_db_or_exit
from planner.files import write_text_atomically
from planner.domain.vocabulary import kind_label
from planner.services.forecasting import forecast_job, forecast_json


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "forecast", help="退休与离岗测算 (retirement months and leavers per township, kind and year)")
    add_db_argument(p)
    p.add_argument("--years", type=int, default=None,
                   help="测算年数，默认为参数“规划年限”（5） (years to forecast, default the plan horizon, 5)")
    p.add_argument("--json", help="写出 JSON 结果 (write the JSON result)")
    p.add_argument("--xlsx", help="写出 Excel 工作簿 (write an Excel workbook)")
    p.set_defaults(func=run_forecast)


def _write_json(data: dict, path: str) -> None:
    """Whole or not at all, and readable by its owner only, as every file the planner writes."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomically(target, json.dumps(data, ensure_ascii=False, indent=2))


def run_forecast(args: argparse.Namespace) -> int:
    if args.years is not None and not 1 <= args.years <= 50:
        print("错误：--years 应在 1–50 之间 (error: --years must be 1–50)", file=sys.stderr)
        return 2
    db = open_db_or_exit(args)
    try:
        result = forecast_job(db, args.years)
    finally:
        db.close()
    data = forecast_json(result)
    try:
        if args.json:
            _write_json(data, args.json)
            print(f"JSON -> {args.json}", file=sys.stderr)
        if args.xlsx:
            from planner.exports.forecast_xlsx import write_forecast_xlsx

            write_forecast_xlsx(result, args.xlsx)
            print(f"Excel -> {args.xlsx}", file=sys.stderr)
    except OSError as exc:
        print(f"错误：无法写出文件 (error: cannot write the file): {exc}", file=sys.stderr)
        return 2
    out = sys.stdout
    out.write("乡镇\t编制类型\t年度\t退休\t其他离岗\n")
    out.write("township\tkind\tyear\tretirements\tother\n")
    for row in data["leavers"]:
        if row["retirements"] or row["other"]:
            out.write(f"{row['township']}\t{kind_label(row['kind'])}\t{row['year']}\t"
                      f"{row['retirements']}\t{row['other']}\n")
    overdue = result.overdue()
    unknown = sum(1 for p in result.people if p.retirement_month is None)
    print(f"人员 {len(result.people)} 人，测算起点 {result.as_of}，年度 {result.years[0]}–{result.years[-1]}"
          f" (people {len(result.people)}, as of {result.as_of})", file=sys.stderr)
    if overdue:
        print(f"警告：{len(overdue)} 人已超过法定退休年月仍在册 (warning: {len(overdue)} people are past their "
              f"retirement month and still on file): " + "、".join(f"{p.township}/{p.person.name}"
                                                                   for p in overdue[:20]), file=sys.stderr)
    if unknown:
        print(f"提示：{unknown} 人缺少性别或出生年月，未测算退休 (notice: {unknown} people lack sex or birth "
              f"month and have no retirement month)", file=sys.stderr)
    return 0
