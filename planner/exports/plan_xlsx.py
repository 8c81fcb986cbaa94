"""The multi-year plan as a workbook: the roadmap (township × year), moves by year, loans, totals.

Every figure is read from the Plan (its lines and properties), so the workbook
says what the window and the JSON say. Sheet names and headers are Chinese
with the English after them in the header; text wraps, every cell has a border.
Written to a temporary name beside the target and moved into place.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from planner.domain.plan import Plan
from planner.domain.vocabulary import kind_label, yes_no
from planner.files import atomic_output

BOLD = Font(bold=True)
HEADER = PatternFill("solid", fgColor="DDEBF7")
SHORT = PatternFill("solid", fgColor="FCE4D6")
THIN = Side(style="thin", color="999999")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)

# The figures of a township's year in the roadmap, in this order under each year.
ROADMAP_FIGURES = (("quota", "编制"), ("pool", "周转池"), ("staff_start", "年初实有"), ("required", "需要"),
                   ("uncovered", "缺口"))


def _sheet(wb: Workbook, title: str, header: list[str], widths: list[int], first: bool = False):
    ws = wb.active if first else wb.create_sheet()
    ws.title = title
    ws.append(header)
    for cell in ws[1]:
        cell.font, cell.fill, cell.alignment, cell.border = BOLD, HEADER, CENTRE, BORDER
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = "A2"
    ws.row_dimensions[1].height = 42   # two lines of wrapped header, Chinese over English
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.print_title_rows = "1:1"
    return ws


def _row(ws, values: list, fill: PatternFill | None = None) -> None:
    ws.append(values)
    for cell in ws[ws.max_row]:
        cell.border, cell.alignment = BORDER, WRAP
        if fill is not None:
            cell.fill = fill


def _fit(ws, text: str, width: int) -> None:
    """Height of the last row for `text` wrapped in a column `width` wide (a Chinese character is two)."""
    lines = max(1, -(-len(text) * 2 // width))
    ws.row_dimensions[ws.max_row].height = 15 * lines


def write_plan_xlsx(plan: Plan, path: str | Path) -> Path:
    wb = Workbook()
    _roadmap(wb, plan)
    _moves(wb, plan)
    _loans(wb, plan)
    _totals(wb, plan)
    _notes(wb, plan)
    path = Path(path)
    with atomic_output(path, ".xlsx") as tmp:
        wb.save(tmp)
    return path


def _roadmap(wb: Workbook, plan: Plan) -> None:
    """One row per township and kind; under each year its quota, pool, staff, need and shortfall."""
    header = ["乡镇 (township)", "编制类型 (kind)", "现核定 (approved)", "领导职数 (leadership)", "锁定 (locked)"]
    for year in plan.years:
        header += [f"{year}年{label}" for _, label in ROADMAP_FIGURES]
    ws = _sheet(wb, "规划总表", header, [14, 9, 11, 11, 8] + [9] * (len(ROADMAP_FIGURES) * len(plan.years)),
                first=True)
    by_key: dict[tuple[str, str], dict[int, object]] = {}
    for line in plan.lines:
        by_key.setdefault((line.township, line.kind), {})[line.year] = line
    for (township, kind), years in by_key.items():
        first = next(iter(years.values()))
        values = [township, kind_label(kind), first.approved, first.leadership, yes_no(first.locked)]
        short = False
        for year in plan.years:
            line = years.get(year)
            values += [getattr(line, name) if line is not None else None for name, _ in ROADMAP_FIGURES]
            short = short or (line is not None and line.uncovered > 0)
        _row(ws, values)
        if short:
            for index, year in enumerate(plan.years):
                line = years.get(year)
                if line is not None and line.uncovered > 0:
                    ws.cell(ws.max_row, 6 + index * len(ROADMAP_FIGURES) + len(ROADMAP_FIGURES) - 1).fill = SHORT


def _moves(wb: Workbook, plan: Plan) -> None:
    ws = _sheet(wb, "逐年调剂明细", ["年度 (year)", "生效日期 (effective)", "调出 (from)", "调入 (to)",
                                "编制类型 (kind)", "数量 (count)", "理由 (reason)"], [8, 12, 14, 14, 8, 8, 90])
    for m in plan.moves:
        _row(ws, [m.year, m.effective, m.giver, m.receiver, kind_label(m.kind), m.count, m.reason])
        _fit(ws, m.reason, 90)


def _loans(wb: Workbook, plan: Plan) -> None:
    ws = _sheet(wb, "周转池借用", ["乡镇 (township)", "编制类型 (kind)", "借用数 (slots)", "起始年月 (start)",
                               "到期年月 (due)", "新借 (new)", "已归还 (returned before)",
                               "归还安排 (returns)"], [14, 8, 8, 10, 10, 6, 10, 50])
    for loan in plan.loans:
        returns = "、".join(f"{r.month} 归还 {r.count} 名" for r in loan.returns)
        _row(ws, [loan.township, kind_label(loan.kind), loan.count, loan.start, loan.due, yes_no(loan.new),
                  loan.returned_before, returns])


def _totals(wb: Workbook, plan: Plan) -> None:
    ws = _sheet(wb, "全县合计", ["编制类型 (kind)", "年度 (year)", "编制合计 (quota)", "周转池在池 (pool held)",
                             "周转池借出 (pool lent)", "总量 (quota + pool)", "年初实有 (staff)",
                             "未覆盖需求 (uncovered)", "调剂 (moved)"], [8, 8, 10, 10, 10, 10, 10, 10, 8])
    for kind, b in plan.baseline.items():
        _row(ws, [kind_label(kind), "现状 (today)", b.quota, b.pool, None, b.total, None, None, None])
    for kind, rows in plan.totals().items():
        for row in rows:
            moved = sum(m.count for m in plan.moves_of(row.year, kind))
            _row(ws, [kind_label(kind), row.year, row.quota, row.pool_held, row.pool_lent, row.balance,
                      row.staff_start, row.uncovered, moved], SHORT if row.uncovered else None)


def _notes(wb: Workbook, plan: Plan) -> None:
    ws = _sheet(wb, "说明", ["项目 (item)", "内容 (value)"], [22, 100])
    _row(ws, ["状态 (status)", plan.status_text()])
    _row(ws, ["情景 (scenario)", plan.scenario])
    _row(ws, ["规划年度 (years)", "、".join(str(y) for y in plan.years)])
    _row(ws, ["测算起始月 (as of)", plan.as_of])
    _row(ws, ["周转期限(年) (pool term)", plan.pool_term_years])
    _row(ws, ["未覆盖需求合计 (uncovered, slot-years)", plan.uncovered])
    _row(ws, ["调剂名额 (slots moved)", plan.slots_moved])
    _row(ws, ["新借周转池 (pool slots lent anew)", plan.slots_lent])
    _row(ws, ["涉及乡镇 (townships touched)", plan.townships_touched])
    _row(ws, ["数据指纹 (fingerprint)", plan.fingerprint])
    for note in plan.notes:
        _row(ws, [f"{note.township}（{kind_label(note.kind)}）", note.zh])
        _fit(ws, note.zh, 100)
    for n, line in enumerate(plan.diagnosis, start=1):
        _row(ws, [f"诊断 {n} (diagnosis)", line])
