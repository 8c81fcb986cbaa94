"""`solve`: compute the reallocation proposal without a window and write it to files.

Exit codes (interfaces.md): 0 a proposal was produced (optimal or feasible),
3 the rules cannot all be met (the JSON then holds the diagnosis), 2 bad
arguments or an unknown scenario, 1 any other error. Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from cli.common import add_db_argument, db_arg, open_db_or_exit
from cli.job_outputs import EXIT_ERROR, EXIT_INFEASIBLE, EXIT_OK, EXIT_USAGE, run_job, write_outputs
from planner.files import write_text_atomically
from planner.services.outputs import OutputRefused, check_output
from planner.domain.vocabulary import in_language, is_chinese, kind_label
from planner.taskstate import TaskState
from planner.domain.proposal import Proposal


def register(subparsers) -> None:
    p = subparsers.add_parser("solve", help="计算编制调剂方案 (compute the reallocation proposal)")
    add_db_argument(p)
    p.add_argument("--scenario", help="情景名称，默认为基准（台账本身） (scenario; default: the baseline)")
    p.add_argument("--json", help="写出 JSON 结果 (write the JSON result)")
    p.add_argument("--xlsx", help="写出 Excel 方案 (write the proposal workbook)")
    p.add_argument("--pdf", help="写出 PDF 方案正文：总体情况、各乡镇表、调剂明细、说明 "
                                 "(write the body of the proposal as PDF: summary, township tables, moves, notes)")
    p.add_argument("--annex-pdf", help="写出 PDF 方案附件：各乡镇说明、AB岗设置表、测算参数、计算说明 "
                                       "(write the annexes as PDF: reasons per township, A/B rosters, parameters, "
                                       "how it was computed)")
    p.add_argument("--docx", help="写出可编辑的 Word 请示 (write the request to the committee as an editable "
                                  "Word document)")
    p.add_argument("--time-limit", type=float, default=None,
                   help="求解时限（秒），默认 3600（一小时）；只决定能否在时限内算完，不改变方案 "
                        "(solver time limit in seconds, default 3600, an hour: a solve that reaches it stops without a "
                        "proposal; it never changes the proposal)")
    p.add_argument("--solver", choices=["auto", "highs", "cbc"], default="auto",
                   help="求解器：默认 HiGHS，无 HiGHS 时用 CBC (solver; default HiGHS, CBC without it)")
    p.set_defaults(func=run_solve)


def _progress_in(lang: str):
    """Progress lines on stderr in the command's language (--lang, Chinese by default), as the window shows them."""
    def report(fraction: float, message: str) -> None:
        print(f"[{fraction * 100:5.1f}%] {in_language(message, lang)}", file=sys.stderr, flush=True)
    return report


def _write_json(result: Proposal, path: str) -> None:
    """Write whole or not at all, private (planner.files): a temporary file beside the target, then a rename."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomically(target, json.dumps(result.to_json(), ensure_ascii=False, indent=2))


def run_solve(args: argparse.Namespace) -> int:
    # Imported here, not at the top: every command module is imported to build the parser,
    # and the solve pulls in the optimizer (about 0.15 s, python -X importtime) that the
    # other commands do not need.
    from planner.services.solving import solve_job
    from planner.solving.solve import ProposalInvalid

    if args.time_limit is not None and not args.time_limit > 0:
        print("错误：--time-limit 须为正数 (error: --time-limit must be positive)", file=sys.stderr)
        return EXIT_USAGE
    try:
        # Checked before the solve: a minute of work must not end by writing over the ledger.
        for path in (args.json, args.xlsx, args.pdf, args.annex_pdf, args.docx):
            if path:
                check_output(path, db_arg(args))
    except OutputRefused as refused:
        print(f"错误 (error): {refused}", file=sys.stderr)
        return EXIT_USAGE
    db = open_db_or_exit(args)
    try:
        state = TaskState(on_progress=_progress_in(_lang(args)))
        result, code = run_job(lambda: solve_job(db, args.scenario, args.time_limit, state, solver=args.solver,
                                                 store_failed=_store_failed, on_warning=_warn), (ProposalInvalid,))
    finally:
        db.close()
    if result is None:
        return code

    failed = not write_outputs(result, (("JSON", args.json, _write_json), ("Excel", args.xlsx, _write_xlsx),
                                        ("PDF", args.pdf, _write_pdf), ("PDF（附件）", args.annex_pdf, _write_annex_pdf),
                                        ("Word", args.docx, _write_docx)))
    _summary(result, _lang(args))
    if failed:
        return EXIT_ERROR
    return EXIT_INFEASIBLE if result.infeasible else EXIT_OK


def _warn(message: str) -> None:
    print(f"警告 (warning): {message}", file=sys.stderr)


def _store_failed(error: Exception) -> None:
    """The proposal could not be stored with its scenario (e.g. deleted meanwhile); the files asked
    for are still written, the ledger itself is not touched."""
    print(f"警告：方案未能存入情景 (warning: the proposal was not stored with the scenario): {error}",
          file=sys.stderr)


# The writers import their libraries when they run: openpyxl, Qt (the PDF) and the
# optimizer's words would otherwise load (about 0.15 s each, python -X importtime) for every
# command, since every command module is imported to build the parser.
def _write_xlsx(result: Proposal, path: str) -> None:
    from planner.exports.proposal_xlsx import write_proposal_xlsx

    write_proposal_xlsx(result, path)


def _write_pdf(result: Proposal, path: str) -> None:
    from ui.report import BODY, write_proposal_pdf

    write_proposal_pdf(result, path, part=BODY)


def _write_annex_pdf(result: Proposal, path: str) -> None:
    from ui.report import ANNEXES, write_proposal_pdf

    write_proposal_pdf(result, path, part=ANNEXES)


def _write_docx(result: Proposal, path: str) -> None:
    from planner.exports.request_docx import write_request_docx

    write_request_docx(result, path)


def _lang(args: argparse.Namespace) -> str:
    return getattr(args, "lang", None) or "zh_CN"


def _summary(result: Proposal, lang: str = "zh_CN") -> None:
    """A few lines on stderr, in the command's language, so a user sees the outcome without opening a file."""
    solver = result.solver
    status = result.status_text(english=not is_chinese(lang))
    if is_chinese(lang):
        print(f"状态：{status}；用时 {solver.seconds:.2f} 秒；"
              f"{'已证明最优' if solver.proven_optimal else '未证明最优'}", file=sys.stderr)
    else:
        print(f"status: {status}; {solver.seconds:.2f} s; "
              f"{'proven optimal' if solver.proven_optimal else 'not proven optimal'}", file=sys.stderr)
    for kind, t in result.totals.items():
        if is_chinese(lang):
            print(f"  {kind_label(kind, lang, long=True)}：{t.before} -> {t.after}，未覆盖需求 "
                  f"{t.uncovered_before} -> {t.uncovered_after}，调动 {t.moved}", file=sys.stderr)
        else:
            print(f"  {kind_label(kind, lang, cap=True)}: {t.before} -> {t.after}, uncovered need "
                  f"{t.uncovered_before} -> {t.uncovered_after}, moved {t.moved}", file=sys.stderr)
    for line in result.diagnosis[:10]:
        print(f"  · {line}", file=sys.stderr)
