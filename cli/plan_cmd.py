"""`plan`: the multi-year plan without a window, written to files, summarised on stdout.

Exit codes as `solve` (interfaces.md): 0 a plan was produced (optimal or
feasible), 3 the rules cannot all be met (the JSON then holds the diagnosis),
2 bad arguments or an unknown scenario, 1 any other error. Progress goes to
stderr and the summary to stdout, in the command's language (--lang, Chinese
by default).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from cli.common import add_db_argument, db_arg, open_db_or_exit
from cli.job_outputs import EXIT_ERROR, EXIT_INFEASIBLE, EXIT_OK, EXIT_USAGE, run_job, write_outputs
from cli.solve_cmd import _lang, _progress_in
from planner.domain.plan import Plan
from planner.domain.vocabulary import is_chinese, kind_label
from planner.files import write_text_atomically
from planner.services.outputs import OutputRefused, check_output
from planner.taskstate import TaskState


def register(subparsers) -> None:
    p = subparsers.add_parser("plan", help="计算多年度编制规划 (compute the multi-year plan)")
    add_db_argument(p)
    p.add_argument("--scenario", help="情景名称，默认为基准（台账本身） (scenario; default: the baseline)")
    p.add_argument("--years", type=int, default=None,
                   help="规划年数，默认为情景的“规划年限”，情景未设时为参数“规划年限”（5） "
                        "(years to plan, default the scenario's plan horizon, else the ledger's, 5)")
    p.add_argument("--json", help="写出 JSON 规划 (write the JSON plan)")
    p.add_argument("--xlsx", help="写出 Excel 规划 (write the plan workbook)")
    p.add_argument("--docx", help="写出可编辑的 Word 规划请示 (write the request for the plan as an editable "
                                  "Word document)")
    p.add_argument("--pdf", help="写出 PDF 规划 (write the printed plan as PDF)")
    p.add_argument("--time-limit", type=float, default=None,
                   help="求解时限（秒），默认 3600；只决定能否在时限内算完，不改变规划 "
                        "(time limit in seconds, default 3600: a plan that reaches it stops without a plan; "
                        "it never changes the plan)")
    p.add_argument("--solver", choices=["auto", "highs", "cbc"], default=None,
                   help="求解器：默认 HiGHS，无 HiGHS 时用 CBC (solver; default HiGHS, CBC without it)")
    p.set_defaults(func=run_plan)


def run_plan(args: argparse.Namespace) -> int:
    # Imported here: the plan pulls in the optimizer, which the other commands do not need.
    from planner.domain.options import SolveOptions
    from planner.services.planning import plan_job
    from planner.solving.plan import PlanInvalid

    if args.time_limit is not None and not args.time_limit > 0:
        print("错误：--time-limit 须为正数 (error: --time-limit must be positive)", file=sys.stderr)
        return EXIT_USAGE
    if args.years is not None and not 1 <= args.years <= 20:
        print("错误：--years 应为 1–20 (error: --years must be 1 to 20)", file=sys.stderr)
        return EXIT_USAGE
    try:
        for path in (args.json, args.xlsx, args.docx, args.pdf):
            if path:
                check_output(path, db_arg(args))
    except OutputRefused as refused:
        print(f"错误 (error): {refused}", file=sys.stderr)
        return EXIT_USAGE
    options = None
    if args.time_limit is not None or args.solver is not None:
        options = SolveOptions()
        if args.time_limit is not None:
            options.time_limit = float(args.time_limit)
        if args.solver is not None:
            options.solver = args.solver
    db = open_db_or_exit(args)
    try:
        state = TaskState(on_progress=_progress_in(_lang(args)))
        result, code = run_job(lambda: plan_job(db, args.scenario, args.years, options, state), (PlanInvalid,))
    finally:
        db.close()
    if result is None:
        return code

    failed = not write_outputs(result, (("JSON", args.json, _write_json), ("Excel", args.xlsx, _write_xlsx),
                                        ("Word", args.docx, _write_docx), ("PDF", args.pdf, _write_pdf)))
    print(summary(result, _lang(args)))
    if failed:
        return EXIT_ERROR
    return EXIT_INFEASIBLE if result.infeasible else EXIT_OK


def _write_json(result: Plan, path: str) -> None:
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomically(target, json.dumps(result.to_json(), ensure_ascii=False, indent=2))


def _write_xlsx(result: Plan, path: str) -> None:
    from planner.exports.plan_xlsx import write_plan_xlsx

    write_plan_xlsx(result, path)


def _write_docx(result: Plan, path: str) -> None:
    from planner.exports.plan_docx import write_plan_docx

    write_plan_docx(result, path)


def _write_pdf(result: Plan, path: str) -> None:
    from ui.report.plan_doc import write_plan_pdf

    write_plan_pdf(result, path)


def summary(plan: Plan, lang: str = "zh_CN") -> str:
    """The plan in a few lines: status, each kind's years, moves and loans per year, the diagnosis."""
    zh = is_chinese(lang)
    years = f"{plan.years[0]}–{plan.years[-1]}" if plan.years else ""
    out = []
    if zh:
        out.append(f"多年度编制规划（{plan.scenario}，{years}年）：{plan.status_text()}；未覆盖需求合计 "
                   f"{plan.uncovered} 名·年，调剂 {plan.slots_moved} 名，新借周转池 {plan.slots_lent} 名，"
                   f"涉及 {plan.townships_touched} 个乡镇")
    else:
        out.append(f"Multi-year plan ({plan.scenario}, {years}): {plan.status_text(english=True)}; uncovered need "
                   f"{plan.uncovered} slot-years in all, {plan.slots_moved} slots moved, {plan.slots_lent} pool slots "
                   f"lent anew, {plan.townships_touched} townships touched")
    for kind, rows in plan.totals().items():
        name = kind_label(kind, lang, long=True) if zh else kind_label(kind, lang, cap=True)
        out.append(f"  {name}：" if zh else f"  {name}:")
        for row in rows:
            moved = sum(m.count for m in plan.moves_of(row.year, kind))
            if zh:
                out.append(f"    {row.year}年  编制 {row.quota}  周转池借出 {row.pool_lent}/在池 {row.pool_held}  "
                           f"年初实有 {row.staff_start}  未覆盖 {row.uncovered}  调剂 {moved}")
            else:
                out.append(f"    {row.year}  quota {row.quota}  pool lent {row.pool_lent}/held {row.pool_held}  "
                           f"staff {row.staff_start}  uncovered {row.uncovered}  moved {moved}")
    for loan in plan.new_loans:
        if zh:
            out.append(f"  新借周转池：{loan.township}{kind_label(loan.kind, lang)} {loan.count} 名，"
                       f"{loan.start} 至 {loan.due}")
        else:
            out.append(f"  new pool loan: {loan.township}, {loan.kind}, {loan.count}, {loan.start} to {loan.due}")
    for line in plan.diagnosis_in(not zh)[:10]:
        out.append(f"  · {line}")
    return "\n".join(out)
