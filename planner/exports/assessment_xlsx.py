"""The township assessment as a workbook: one sheet of quota and workload per township and kind,
one of the township's standards, age structure and county comparison.

Laid out to print: A4 landscape, one page wide, the header row repeated on every page, text
wrapped inside thin borders, 10-point type. Written whole or not at all, readable by its owner.
"""

from __future__ import annotations

import tempfile
from copy import copy
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from planner.domain.assessment import CountyAssessment
from planner.domain.rounding import fte_shown, ratio_shown
from planner.domain.vocabulary import category_label, kind_label, pressure_label
from planner.files import write_bytes_atomically

FONT = Font(name="SimSun", size=10)
BOLD = Font(name="SimHei", size=10, bold=True)
TITLE = Font(name="SimHei", size=14, bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
WARN_FILL = PatternFill("solid", fgColor="FCE4D6")
THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="center")
CENTER = Alignment(wrap_text=True, vertical="center", horizontal="center")

WORDS = {
    "zh": {
        "sheet_kinds": "编制与工作量", "sheet_towns": "标准与结构",
        "title_kinds": "{county}乡镇编制评估：编制与工作量（{as_of}）",
        "title_towns": "{county}乡镇编制评估：标准、年龄结构与全县比较（{as_of}）",
        "kinds": ["乡镇", "类别", "编制类型", "核定编制", "实有人数", "空编", "可用编制", "超编", "周转池",
                  "测算需求", "实有/需求", "工作量", "类别标准"],
        "towns": ["乡镇", "类别", "人口", "行政村", "领导职数", "职数标准", "行政机构", "事业机构", "机构上限\n（行政/事业）",
                  "在册人员", "30岁以下", "55岁及以上", "5年内退休", "每万人编制", "全县中位数", "每村编制",
                  "全县中位数", "提示"],
    },
    "en": {
        "sheet_kinds": "Quota and workload", "sheet_towns": "Standards and structure",
        "title_kinds": "{county} township assessment: quota and workload ({as_of})",
        "title_towns": "{county} township assessment: standards, age structure, county median ({as_of})",
        "kinds": ["Township", "Category", "Kind", "Approved", "Staff", "Vacancy", "Usable vacancy", "Over quota",
                  "Pool", "Required FTE", "WISN ratio", "Workload", "Category band"],
        "towns": ["Township", "Category", "Population", "Villages", "Leadership", "Standard", "Admin. offices",
                  "Inst. units", "Office limits\n(admin./inst.)", "People on file", "Under 30", "55 or over", "Retiring in 5 years",
                  "Slots per 10k", "County median", "Slots per village", "County median", "Warnings"],
    },
}
KIND_WIDTHS = (14, 7, 8, 8, 8, 7, 8, 7, 7, 9, 9, 8, 10)
TOWN_WIDTHS = (10, 5, 7, 5, 5, 6, 5, 5, 8, 5, 8, 8, 5, 6, 6, 6, 6, 25)   # 128 wide: A4 landscape at 10 pt
LINE_POINTS = 13.5   # one line of 10-point type


def _lines(text: str, width: float) -> int:
    """Lines a wrapped cell takes: a Chinese character is two units of Excel's column width."""
    units = sum(2 if ord(ch) > 0x2e80 else 1 for ch in text)
    return sum(max(1, -(-sum(2 if ord(ch) > 0x2e80 else 1 for ch in part) // max(1, int(width) - 1)))
               for part in text.split("\n")) if units else 1


def _pct(part: int, whole: int) -> str:
    return f"{part}（{part / whole:.0%}）" if whole else str(part)


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _sheet(ws, title: str, headers: list[str], widths, rows: list[list], warn_rows: set[int],
           formats: dict[int, str] | None = None) -> None:
    ws.append([title])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    ws["A1"].font, ws["A1"].alignment = TITLE, CENTER
    ws.row_dimensions[1].height = 24
    ws.append(headers)
    for cell in ws[2]:
        cell.font, cell.fill, cell.alignment, cell.border = BOLD, HEADER_FILL, CENTER, BORDER
    # Row heights written out: a spreadsheet does not grow a row for wrapped text it did not lay out itself.
    ws.row_dimensions[2].height = LINE_POINTS * max(_lines(h, w) for h, w in zip(headers, widths)) + 4
    styles: dict[tuple, object] = {}
    for i, row in enumerate(rows):
        ws.append(row)
        number = i + 3      # title, header, then the rows (ws[n] and ws.max_row scan the whole sheet)
        for cell in (ws.cell(number, column) for column in range(1, len(row) + 1)):
            number_format = formats.get(cell.column) if formats and isinstance(cell.value, float) else None
            key = (isinstance(cell.value, str), i in warn_rows, number_format)
            if key in styles:   # setting a style attribute by attribute costs a hash each: copy it whole
                cell._style = copy(styles[key])
                continue
            cell.font, cell.border = FONT, BORDER
            cell.alignment = WRAP if key[0] else CENTER
            if number_format:
                cell.number_format = number_format   # 18.0 stays 18.0, as on screen and in print
            if key[1]:
                cell.fill = WARN_FILL
            styles[key] = copy(cell._style)
        ws.row_dimensions[number].height = LINE_POINTS * max(
            _lines(v, w) if isinstance(v, str) else 1 for v, w in zip(row, widths)) + 4
    for n, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(n)].width = width
    ws.freeze_panes = "B3"
    ws.print_title_rows = "2:2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4


def write_assessment_xlsx(result: CountyAssessment, path: str | Path, lang: str = "zh_CN") -> Path:
    key = "en" if lang == "en" else "zh"
    w = WORDS[key]
    wb = Workbook()
    kinds_ws = wb.active
    kinds_ws.title = w["sheet_kinds"]
    kind_rows, kind_warn = [], set()
    for t in result.townships:
        for k in t.kinds:
            if not k.has_line:
                continue
            if k.status == "shortage" or k.over_quota or not k.band.holds(k.approved):
                kind_warn.add(len(kind_rows))
            kind_rows.append([t.name, category_label(t.category, key), kind_label(k.kind, key), k.approved, k.staff,
                              k.vacancy, k.usable_vacancy, k.over_quota, k.pool, fte_shown(k.need_fte),
                              ratio_shown(k.wisn_ratio), pressure_label(k.status, key) if k.status else "—",
                              k.band.text()])
    _sheet(kinds_ws, w["title_kinds"].format(county=result.county, as_of=result.as_of), w["kinds"], KIND_WIDTHS,
           kind_rows, kind_warn, {10: "0.0", 11: "0.00"})
    towns_ws = wb.create_sheet(w["sheet_towns"])
    town_rows, town_warn = [], set()
    for t in result.townships:
        if t.warnings:
            town_warn.add(len(town_rows))
        limits = " / ".join("—" if t.office_limits.get(k) is None else str(t.office_limits[k])
                            for k in ("administrative", "institutional"))
        c = t.comparison
        town_rows.append([t.name, category_label(t.category, key), t.population, t.villages, t.leadership,
                          t.leadership_standard.text(), t.offices.get("administrative", 0),
                          t.offices.get("institutional", 0), limits, t.age.on_file,
                          _pct(t.age.young, t.age.known), _pct(t.age.old, t.age.known), t.age.retiring,
                          _r(c.per_10k), _r(c.median_per_10k), _r(c.per_village), _r(c.median_per_village),
                          "；".join(x.text(key) for x in t.warnings)])
    _sheet(towns_ws, w["title_towns"].format(county=result.county, as_of=result.as_of), w["towns"], TOWN_WIDTHS,
           town_rows, town_warn, {14: "0.0", 15: "0.0", 16: "0.0", 17: "0.0"})
    path = Path(path)
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder) / "assessment.xlsx"
        wb.save(scratch)
        write_bytes_atomically(path, scratch.read_bytes())
    return path
