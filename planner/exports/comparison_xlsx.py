"""A comparison of scenarios written to an Excel workbook for the committee's papers.

Three sheets: the cover figures side by side, every township with each
scenario's proposal (the townships that differ filled yellow, as on screen),
and each scenario's moves. The file is written to a temporary name and moved
into place, so a failed export never leaves half a workbook behind.
"""

from __future__ import annotations

import os
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from planner.exports.comparison import Comparison
from planner.exports.xlsx_print import frame_cells, set_up_printing
from planner.files import atomic_output
from planner.domain.county import KINDS
from planner.domain.vocabulary import kind_label, status_label, yes_no
from planner.domain.proposal import Proposal

HIGHLIGHT = PatternFill("solid", fgColor="FFF2B3")
BOLD = Font(bold=True)

TEXT = {
    "zh": {
        "summary": "对比汇总", "townships": "乡镇对比", "moves": "调剂明细", "figure": "指标",
        "status": "求解状态", "total": "{kind}编制总量（调剂前→后）", "uncovered": "{kind}未覆盖需求（调剂前→后）",
        "uncovered_before": "调剂前未覆盖需求（合计）", "uncovered_after": "调剂后未覆盖需求（合计）",
        "n_moves": "调剂笔数", "slots": "调剂名额", "touched": "涉及乡镇数",
        "township": "乡镇", "kind": "编制类型", "approved": "现核定编制", "proposed": "{name}：建议编制",
        "change": "{name}：增减", "required": "{name}：需求", "differs": "各情景是否不同",
        "scenario": "情景", "from": "调出", "to": "调入", "count": "名额", "reason": "理由",
    },
    "en": {
        "summary": "Summary", "townships": "Townships", "moves": "Moves", "figure": "Figure",
        "status": "Status", "total": "{kind} total (before → after)", "uncovered": "{kind} uncovered (before → after)",
        "uncovered_before": "Uncovered need before (all kinds)", "uncovered_after": "Uncovered need after (all kinds)",
        "n_moves": "Moves", "slots": "Slots moved", "touched": "Townships touched",
        "township": "Township", "kind": "Kind", "approved": "Approved now", "proposed": "{name}: proposed",
        "change": "{name}: change", "required": "{name}: required", "differs": "Scenarios differ",
        "scenario": "Scenario", "from": "From", "to": "To", "count": "Slots", "reason": "Reason",
    },
}


def _kind(kind: str, lang: str) -> str:
    return kind_label(kind, lang)


def summary_lines(comparison: Comparison, lang: str = "zh") -> list[tuple[str, list]]:
    """(label, one value per scenario) for the cover figures, in the order shown."""
    t = TEXT[lang]
    figs = [comparison.figures[n] for n in comparison.names]
    lines: list[tuple[str, list]] = [(t["status"], [status_label(f.status, lang) for f in figs])]
    for kind in KINDS:
        if not any(kind in f.totals for f in figs):
            continue
        label = _kind(kind, lang)
        lines.append((t["total"].format(kind=label), [
            f"{f.totals[kind].before} → {f.totals[kind].after}" if kind in f.totals else "—" for f in figs]))
        lines.append((t["uncovered"].format(kind=label), [
            f"{f.totals[kind].uncovered_before} → {f.totals[kind].uncovered_after}" if kind in f.totals else "—"
            for f in figs]))
    lines += [(t["uncovered_before"], [f.uncovered_before for f in figs]),
              (t["uncovered_after"], [f.uncovered_after for f in figs]),
              (t["n_moves"], [f.moves for f in figs]), (t["slots"], [f.slots_moved for f in figs]),
              (t["touched"], [f.townships_touched for f in figs])]
    return lines


def _header(ws, values: list[str]) -> None:
    ws.append(values)
    for cell in ws[1]:
        cell.font = BOLD
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    ws.freeze_panes = "A2"


def _widths(ws, widths: list[float], lang: str) -> None:
    """Column widths, then what makes the sheet print well (xlsx_print): borders, wrapped text, row
    heights, A4 landscape with the header on every page. Up to five scenarios print at full size."""
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    frame_cells(ws)
    set_up_printing(ws, 1, lang)


def build_workbook(comparison: Comparison, proposals: dict[str, Proposal], lang: str = "zh") -> Workbook:
    lang = "en" if lang.startswith("en") else "zh"
    t = TEXT[lang]
    wb = Workbook()
    ws = wb.active
    ws.title = t["summary"]
    _header(ws, [t["figure"], *comparison.names])
    for label, values in summary_lines(comparison, lang):
        ws.append([label, *values])
        if len({str(v) for v in values}) > 1:
            for cell in ws[ws.max_row][1:]:
                cell.fill = HIGHLIGHT
    _widths(ws, [24] + [min(22, (120 - 24) // max(1, len(comparison.names)))] * len(comparison.names), lang)

    rows = wb.create_sheet(t["townships"])
    columns = [t["township"], t["kind"], t["approved"]]
    for name in comparison.names:
        columns += [t["proposed"].format(name=name), t["change"].format(name=name),
                    t["required"].format(name=name)]
    _header(rows, [*columns, t["differs"]])
    for r in comparison.rows:
        approved = next((v for v in r.approved.values() if v is not None), None)
        values: list = [r.township, _kind(r.kind, lang), approved]
        for name in comparison.names:
            values += [r.proposed[name], r.change[name], r.required[name]]
        rows.append([*values, yes_no(r.differs, lang)])
        if r.differs:
            for cell in rows[rows.max_row]:
                cell.fill = HIGHLIGHT
    _widths(rows, [12, 6, 6] + [7, 6, 7] * len(comparison.names) + [6], lang)

    moves = wb.create_sheet(t["moves"])
    _header(moves, [t["scenario"], t["from"], t["to"], t["kind"], t["count"], t["reason"]])
    for name in comparison.names:
        for m in proposals[name].moves:
            moves.append([name, m.giver, m.receiver, _kind(m.kind, lang), m.count, m.reason_in(lang == "en")])
    _widths(moves, [12, 12, 12, 6, 6, 64], lang)
    return wb


def write_comparison_xlsx(comparison: Comparison, proposals: dict[str, Proposal], path: str | os.PathLike,
                          lang: str = "zh") -> Path:
    """Write the comparison to `path` (.xlsx); the file appears whole or not at all."""
    target = Path(path)
    wb = build_workbook(comparison, proposals, lang)
    with atomic_output(target, ".xlsx") as temp:
        wb.save(temp)
    return target
