"""The reallocation proposal as an Excel workbook, one sheet per section.

汇总 (summary with the title block), 乡镇编制 (every township and kind),
调剂明细 (the moves), AB岗 (the A/B roster) and 参数 (parameters, fingerprint,
solver, diagnosis); English sheet and column names with lang="en".
Numbers are stored as numbers so the office can sum and chart them; every
text cell is stored as text, so a township or duty name that begins with
"=", "+", "-" or "@" is never run as a formula (CSV/formula injection).
Rows are streamed (write-only mode): a province's roster does not have to fit
in memory twice.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import Iterable

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from planner.domain.county import KINDS
from planner.files import atomic_output
from planner.domain.proposal import Proposal
from planner.domain.rounding import FTE_DIGITS, RATIO_DIGITS
from planner.domain.vocabulary import kind_label, yes_no
from planner.exports.xlsx_print import BORDER, MIDDLE, WRAP, WRAP_CENTER, row_height, set_up_printing

FORMULA_PREFIXES = ("=", "+", "-", "@")
BODY, ANNEXES, ALL = "body", "annexes", "all"   # the parts of the printed proposal (ui.report)
PARTS = (BODY, ANNEXES, ALL)
HEADER_FILL = "DDEBF7"
SUMMARY_HEADER_ROW = 4
# The cells keep the published figures; shown, they round half up to the digits of planner.domain.rounding,
# as the window and the printed proposal show them (Excel rounds a decimal half away from zero).
FTE_FORMAT = "0." + "0" * FTE_DIGITS
RATIO_FORMAT = "0." + "0" * RATIO_DIGITS  # under the title, the scenario line and an empty row

TEXT = {
    "zh": {
        "sheets": ("汇总", "乡镇编制", "调剂明细", "AB岗", "参数"),
        "title": "{county}乡镇机构编制调剂方案（建议稿）",
        "info": "测算方案：{scenario}　　生成时间：{generated}　　求解结果：{status}",
        "summary": ("编制类型", "调剂前编制", "调剂后编制", "调剂前缺口", "调剂后缺口", "调剂名额",
                    "涉及乡镇", "县级预留"),
        "total": "合计",
        "townships": ("乡镇（街道）", "编制类型", "锁定", "核定编制", "实有人数", "空编", "超编", "领导职数",
                      "测算需求人数（WISN）", "需求人数（含AB岗）", "建议编制", "增减", "编制/需求 调剂前", "编制/需求 调剂后",
                      "说明"),
        "moves": ("序号", "调出单位", "调入单位", "编制类型", "名额", "调剂理由"),
        "roster": ("乡镇（街道）", "编制类型", "岗位", "A岗职责（主办）", "B岗职责（备岗）",
                   "年工作负荷（小时）", "年可用工时（小时）", "负荷率"),
        "params": ("项目", "值"),
        "sep": "、",
        "rows": {"county": "县（市、区）", "scenario": "测算方案", "status": "求解结果", "nature": "方案性质",
                 "draft": "建议稿（提请县机构编制委员会审议）", "generated_at": "生成时间",
                 "fingerprint": "数据指纹（SHA-256）", "solver": "求解器", "solver_version": "求解器版本",
                 "seconds": "求解用时（秒）", "gap": "与最优值的差距", "proven_optimal": "已证明最优",
                 "diagnosis": "说明{n}", "marginal": "{kind}编制增加1名可减少缺口"},
        "parameters": {"working_days": "年工作日", "annual_leave_days": "年休假天数",
                       "other_absence_days": "病假及其他缺勤天数", "training_days": "培训天数",
                       "hours_per_day": "每日工时", "shared_duty_share": "公共事务时间占比",
                       "backup_load_factor": "备岗负荷系数", "max_backup_roles": "每人最多B岗数",
                       "available_hours": "年有效工作时间（小时）"},
    },
    "en": {
        "sheets": ("Summary", "Townships", "Moves", "AB roster", "Parameters"),
        "title": "Reallocation of township establishment quota, {county} (draft for decision)",
        "info": "Scenario: {scenario}    Generated: {generated}    Result: {status}",
        "summary": ("Kind", "Approved before", "After", "Uncovered before", "Uncovered after", "Slots moved",
                    "Townships touched", "County reserve"),
        "total": "Total",
        "townships": ("Township", "Kind", "Locked", "Approved", "Staff", "Vacancy", "Over quota", "Leadership",
                      "WISN FTE", "Required (with A/B)", "Proposed", "Change", "Quota/need before",
                      "Quota/need after", "Explanation"),
        "moves": ("No.", "From", "To", "Kind", "Slots", "Reason"),
        "roster": ("Township", "Kind", "Post", "A duties (primary)", "B duties (backup)", "Annual load (h)",
                   "Available (h)", "Load ratio"),
        "params": ("Item", "Value"),
        "sep": ", ",
        "rows": {"county": "County", "scenario": "Scenario", "status": "Result", "nature": "Nature",
                 "draft": "draft for the county establishment committee", "generated_at": "Generated",
                 "fingerprint": "Input fingerprint (SHA-256)", "solver": "Solver", "solver_version": "Solver version",
                 "seconds": "Solving time (s)", "gap": "Gap to the optimum", "proven_optimal": "Proven optimal",
                 "diagnosis": "Note {n}", "marginal": "{kind}: need covered by one more slot"},
        "parameters": {"working_days": "Working days a year", "annual_leave_days": "Annual leave days",
                       "other_absence_days": "Sick leave and other absence days", "training_days": "Training days",
                       "hours_per_day": "Hours a day", "shared_duty_share": "Share of shared duties",
                       "backup_load_factor": "Backup load factor", "max_backup_roles": "Most B roles per person",
                       "available_hours": "Available working time (h)"},
    },
}

# Column widths in characters, per sheet (CJK characters count about two). Each sheet fits A4
# landscape at 100 % (xlsx_print.fits_a4): headers and long text wrap instead of widening a column.
WIDTHS = {
    "summary": (12, 11, 11, 11, 11, 10, 10, 10),
    "townships": (12, 6, 5, 6, 6, 5, 5, 6, 9, 9, 6, 5, 8, 8, 36),
    "moves": (6, 13, 13, 8, 6, 64),
    "roster": (12, 6, 8, 42, 36, 10, 10, 7),
    "params": (30, 80),
}


def _lang(lang: str | None) -> str:
    return "zh" if not lang or str(lang).lower().startswith("zh") else "en"


class _SheetWriter:
    """Streams rows into one write-only sheet, keeping text as text."""

    def __init__(self, workbook, title: str, widths: Iterable[int], header_row: int = 1, lang: str = "zh") -> None:
        self.ws = workbook.create_sheet(title)
        # A write-only sheet writes its view before the first row: freeze the header now.
        self.ws.freeze_panes = f"A{header_row + 1}"
        self.widths = tuple(widths)
        for i, width in enumerate(self.widths, start=1):
            self.ws.column_dimensions[get_column_letter(i)].width = width
        self.rows = 0
        self.framed = False  # the title lines above the header are not part of the table
        # Printing the sheet: A4 landscape, one page wide at full size, the header on every page.
        set_up_printing(self.ws, header_row, lang)

    def _cell(self, value, number_format: str | None = None, bold: bool = False, header: bool = False):
        if isinstance(value, str):
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell = WriteOnlyCell(self.ws, value)
        if isinstance(value, str):
            cell.data_type = "s"  # openpyxl would store "=…" as a formula
            if value.startswith(FORMULA_PREFIXES):
                cell.quotePrefix = True  # and Excel would re-read it as one after an edit
        if number_format:
            cell.number_format = number_format
        if header:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
            cell.alignment = WRAP_CENTER
        elif bold:
            cell.font = Font(bold=True)
        if self.framed:
            cell.border = BORDER
            if not header:
                cell.alignment = WRAP if isinstance(value, str) else MIDDLE
        return cell

    def _fit_height(self, values: list) -> None:
        """Set before the row is streamed: the writer reads a row's height as it writes the row."""
        if self.framed:
            self.ws.row_dimensions[self.rows + 1].height = row_height(values, self.widths)

    def header(self, titles: Iterable[str]) -> None:
        self.framed = True
        titles = list(titles)
        self._fit_height(titles)
        self.ws.append([self._cell(t, header=True) for t in titles])
        self.rows += 1

    def row(self, values: Iterable, formats: dict[int, str] | None = None, bold: bool = False) -> None:
        formats = formats or {}
        values = list(values)
        self._fit_height(values)
        self.ws.append([self._cell(v, formats.get(i), bold=bold) for i, v in enumerate(values)])
        self.rows += 1

    def title(self, text: str, bold: bool = True) -> None:
        cell = WriteOnlyCell(self.ws, text)
        cell.data_type = "s"
        cell.font = Font(bold=bold, size=14 if bold else 11)
        self.ws.append([cell])
        self.rows += 1


def _number(value, integer: bool = False):
    if value is None or value == "":
        return None
    return int(value) if integer else float(value)


def _generated(proposal: Proposal) -> str:
    text = str(proposal.generated_at or "")
    try:
        return datetime.fromisoformat(text).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return text


def write_proposal_xlsx(proposal: Proposal, path: str | os.PathLike, lang: str = "zh_CN", part: str = "all") -> Path:
    """Write the proposal workbook; returns the path. The file appears whole or not at all.

    `part` as the printed proposal's: body (汇总, 乡镇编制, 调剂明细), annexes (AB岗, 参数) or all.
    """
    if part not in PARTS:
        raise ValueError(f"unknown part of the proposal: {part!r}")
    opened: list = []
    try:
        return _write_proposal_xlsx(proposal, path, lang, opened, part)
    except BaseException:
        for workbook in opened:
            _discard(workbook)
        raise


def _write_proposal_xlsx(proposal: Proposal, path: str | os.PathLike, lang: str, opened: list,
                         part: str = "all") -> Path:
    key = _lang(lang)
    t = TEXT[key]
    kinds = {kind: kind_label(kind, key, cap=True) for kind in KINDS}
    workbook = Workbook(write_only=True)
    opened.append(workbook)  # streamed sheets write as rows come: a full disk can stop any of them
    names = t["sheets"]
    status = proposal.status_text(english=key == "en")

    if part in (BODY, ALL):  # what the committee reads
        summary = _SheetWriter(workbook, names[0], WIDTHS["summary"], SUMMARY_HEADER_ROW, key)
        summary.title(t["title"].format(county=proposal.county))
        summary.title(t["info"].format(scenario=proposal.scenario, generated=_generated(proposal),
                                       status=status), bold=False)
        summary.row([])
        summary.header(t["summary"])
        totals = proposal.totals
        keys = ("before", "after", "uncovered_before", "uncovered_after", "moved", "townships_touched", "reserve")
        present = [k for k in KINDS if k in totals]
        for kind in present:
            summary.row([kinds[kind]] + [_number(getattr(totals[kind], k), integer=True) for k in keys])
        # Townships are counted once however many kinds they change in.
        summary.row([t["total"]] + [proposal.townships_touched if k == "townships_touched" else
                                    sum(int(getattr(totals[kind], k)) for kind in present) for k in keys], bold=True)

        townships = _SheetWriter(workbook, names[1], WIDTHS["townships"], lang=key)
        townships.header(t["townships"])
        for r in proposal.lines:
            townships.row([
                r.township, kinds.get(r.kind, r.kind), yes_no(bool(r.locked), key),
                _number(r.approved, True), _number(r.staff, True), _number(r.vacancy, True),
                _number(r.over_quota, True), _number(r.leadership, True), _number(r.required_fte),
                _number(r.required, True), _number(r.proposed, True), _number(r.change, True),
                _number(r.pressure_before), _number(r.pressure_after), r.explanation_in(key == "en"),
            ], formats={8: FTE_FORMAT, 11: "+0;-0;0", 12: RATIO_FORMAT, 13: RATIO_FORMAT})

        moves = _SheetWriter(workbook, names[2], WIDTHS["moves"], lang=key)
        moves.header(t["moves"])
        for i, m in enumerate(proposal.moves, start=1):
            moves.row([i, m.giver, m.receiver, kinds.get(m.kind, m.kind), _number(m.count, True),
                       m.reason_in(key == "en")])

    if part in (ANNEXES, ALL):  # looked up: the rosters, the parameters and how it was computed
        roster = _SheetWriter(workbook, names[3], WIDTHS["roster"], lang=key)
        roster.header(t["roster"])
        for p in proposal.roster:
            roster.row([p.township, kinds.get(p.kind, p.kind), str(p.post), t["sep"].join(map(str, p.a)),
                        t["sep"].join(map(str, p.b)), _number(p.load_hours), _number(p.capacity_hours),
                        p.load_share],
                       formats={5: "0.0", 6: "0.0", 7: "0%"})

        params = _SheetWriter(workbook, names[4], WIDTHS["params"], lang=key)
        params.header(t["params"])
        rows, solver = t["rows"], proposal.solver
        params.row([rows["county"], proposal.county])
        params.row([rows["scenario"], proposal.scenario])
        params.row([rows["nature"], rows["draft"]])
        params.row([rows["status"], status])
        params.row([rows["generated_at"], _generated(proposal)])
        params.row([rows["fingerprint"], proposal.fingerprint])
        params.row([rows["solver"], str(solver.name)])
        params.row([rows["solver_version"], str(solver.version)])
        params.row([rows["seconds"], _number(solver.seconds)], formats={1: "0.00"})
        params.row([rows["gap"], _number(solver.gap)], formats={1: "0.00%"})
        if solver.proven_optimal is not None:  # results of older versions did not say
            params.row([rows["proven_optimal"], yes_no(bool(solver.proven_optimal), key)])
        for name, label in t["parameters"].items():
            if name in proposal.parameters:
                params.row([label, _number(proposal.parameters[name])])
        for m in proposal.marginal:
            params.row([rows["marginal"].format(kind=kinds.get(m.kind, m.kind)), _number(m.uncovered_reduction, True)])
        for n, line in enumerate(proposal.diagnosis_in(key == "en"), start=1):
            params.row([rows["diagnosis"].format(n=n), line])

    path = Path(path)
    with atomic_output(path, ".xlsx") as tmp:
        workbook.save(tmp)
    return path


def _discard(workbook) -> None:
    """Close the streamed sheets of a workbook whose save failed (a full disk): left to the garbage
    collector they print tracebacks after the command's own clear error."""
    for ws in workbook.worksheets:
        writer = getattr(ws, "_writer", None)
        for stream in (getattr(ws, "_rows", None), getattr(writer, "xf", None)):
            try:
                if stream is not None:
                    stream.close()
            except Exception:  # its file is gone with the failed save: nothing more to write
                pass
        try:
            if writer is not None:
                writer.cleanup()
        except Exception:
            pass
