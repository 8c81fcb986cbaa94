"""The wall table (双AB岗公示表) as a workbook: one sheet per township, ready to print on A4.

The rows and words are planner.domain.posts_wall's, the same as the printed
table. Written beside the target and moved into place, so a failed export
never leaves half a file.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.worksheet.page import PageMargins

from planner.domain.posts_wall import WALL_COLUMNS, WALL_WORDS, WallTable, wall_cells, wall_lang, wall_subline, wall_title

WIDTHS = (6, 18, 30, 16, 16, 16)
THIN = Side(style="thin", color="000000")
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
SONG = "宋体"


def _sheet_title(name: str, used: set[str]) -> str:
    title = re.sub(r"[\[\]:*?/\\]", "_", name)[:31] or "Sheet"
    base, n = title, 2
    while title in used:
        suffix = f"({n})"
        title, n = base[:31 - len(suffix)] + suffix, n + 1
    used.add(title)
    return title


def write_wall_table_xlsx(tables: list[WallTable], path: str | Path, lang: str = "zh") -> Path:
    path = Path(path)
    wb = Workbook()
    wb.remove(wb.active)
    used: set[str] = set()
    key = wall_lang(lang)
    for table in tables:
        ws = wb.create_sheet(_sheet_title(table.township, used))
        ws.append([wall_title(table, lang)])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(WIDTHS))
        ws["A1"].font = Font(name="方正小标宋简体" if key == "zh" else None, size=18, bold=True)
        ws["A1"].alignment = Alignment(horizontal="center", vertical="center")
        ws.row_dimensions[1].height = 36
        ws.append([wall_subline(table, lang)])
        ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(WIDTHS))
        ws["A2"].alignment = Alignment(horizontal="center")
        ws.append(list(WALL_COLUMNS[key]))
        for cell in ws[3]:
            cell.font = Font(name=SONG, bold=True)
            cell.border = GRID
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        for number, row in enumerate(table.rows, 1):
            ws.append(wall_cells(number, row, lang))
            for i, cell in enumerate(ws[ws.max_row]):
                cell.border = GRID
                cell.font = Font(name=SONG)
                cell.alignment = Alignment(horizontal="center" if i in (0, 3, 4) else "left",
                                           vertical="center", wrap_text=True)
        ws.append([])
        ws.append([WALL_WORDS[key]["note"]])
        ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=len(WIDTHS))
        ws.cell(ws.max_row, 1).alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[ws.max_row].height = 32
        for letter, width in zip("ABCDEF", WIDTHS):
            ws.column_dimensions[letter].width = width
        # A4 portrait, one page wide, the header row again on every page.
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.orientation = "portrait"
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_margins = PageMargins(left=0.6, right=0.6, top=0.8, bottom=0.8)
        ws.print_title_rows = "3:3"
        ws.print_options.horizontalCentered = True
        ws.freeze_panes = "A4"
    if not tables:
        wb.create_sheet("—")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".~", suffix=".xlsx", dir=path.parent)
    os.close(fd)
    try:
        wb.save(tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
