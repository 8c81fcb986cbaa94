"""How the planner's workbooks print: A4 landscape, readable type, wrapped text, thin borders.

Excel and LibreOffice print a sheet one page wide by shrinking it: a sheet
wider than the paper comes out in unreadable type. So each sheet's columns are
chosen to fit the printable width of A4 landscape at 100 % (`fits_a4`), long
text wraps inside its column instead of widening it, and the sheet is set to
fit the page width only (never its height), which then changes nothing: the
default 11 pt stays 11 pt. The header row repeats on every printed page and
each page is numbered in the footer.
"""

from __future__ import annotations

import math
import unicodedata

from openpyxl.styles import Alignment, Border, Side
from openpyxl.utils import get_column_letter

THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="center")
MIDDLE = Alignment(vertical="center")  # numbers sit level with the wrapped text beside them
WRAP_CENTER = Alignment(wrap_text=True, vertical="center", horizontal="center")

# A4 landscape is 297 mm (842 pt) wide; the side margins below leave 784 pt = 1045 px at 96 dpi.
PAGE_WIDTH_PT = 842.0
SIDE_MARGIN_IN = 0.4
PRINTABLE_PX = (PAGE_WIDTH_PT - 2 * SIDE_MARGIN_IN * 72) / 0.75
# A column `w` characters wide is w × 7 + 5 pixels in the default 11 pt Calibri (Excel's own rule).
CHAR_PX, PAD_PX = 7, 5
MIN_FONT_PT = 9.0
FOOTER = {"zh": "第 &P 页，共 &N 页", "en": "Page &P of &N"}
LINE_PT = 16.0          # one line of 11 pt text, Chinese faces included (their line is taller than Calibri's)
WIDE_CHAR = 2.1         # a Chinese character is about two column units wide (14.7 px at 11 pt)


def width_px(widths) -> float:
    return sum(w * CHAR_PX + PAD_PX for w in widths)


def fits_a4(widths) -> bool:
    """True when columns of these widths print on A4 landscape without shrinking."""
    return width_px(widths) <= PRINTABLE_PX


def print_scale(widths, font_pt: float = 11.0) -> float:
    """The type size the sheet prints at when fitted to the page width (the font when it fits)."""
    return font_pt * min(1.0, PRINTABLE_PX / width_px(widths))


def text_units(text: str) -> float:
    return sum(WIDE_CHAR if unicodedata.east_asian_width(ch) in "WF" else 1.0 for ch in text)


def lines_needed(value, width: float) -> int:
    """The lines a value wraps into in a column `width` units wide (explicit line breaks kept)."""
    if not isinstance(value, str) or not value:
        return 1
    room = max(1.0, width - 1.0)  # the cell's own padding
    return sum(max(1, math.ceil(text_units(part) / room)) for part in value.split("\n"))


def row_height(values, widths) -> float:
    """The height (pt) a row of wrapped text needs. Set on every row of a table: LibreOffice does not
    fit rows to wrapped text when it opens a workbook, which would print it cut off at one line."""
    lines = max((lines_needed(v, w) for v, w in zip(values, widths)), default=1)
    return lines * LINE_PT + 3


def set_up_printing(ws, header_row: int = 1, lang: str = "zh", landscape: bool = True) -> None:
    """A4, one page wide and as many long as it takes, the header row on every page, numbered pages.

    Works on write-only sheets too, as long as it is called before the first row is written.
    """
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = "9"  # A4 in the OOXML paper size list
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = SIDE_MARGIN_IN
    ws.page_margins.top, ws.page_margins.bottom = 0.6, 0.75
    ws.page_margins.header, ws.page_margins.footer = 0.3, 0.3
    ws.print_options.horizontalCentered = True
    ws.oddFooter.center.text = FOOTER.get(lang, FOOTER["zh"])


def column_widths(ws) -> list[float]:
    return [ws.column_dimensions[get_column_letter(i)].width or 8.43 for i in range(1, ws.max_column + 1)]


def frame_cells(ws, first_row: int = 1) -> None:
    """Thin borders round every used cell from `first_row` down, long text wrapped in its column and
    each row as tall as its text (a sheet built in memory; the streamed proposal workbook does the same
    for each row as it writes it)."""
    widths = column_widths(ws)
    for row in ws.iter_rows(min_row=first_row, max_row=ws.max_row, max_col=ws.max_column):
        for cell in row:
            cell.border = BORDER
            if cell.row == first_row:
                cell.alignment = WRAP_CENTER
            else:
                cell.alignment = WRAP if isinstance(cell.value, str) else MIDDLE
        ws.row_dimensions[row[0].row].height = row_height([cell.value for cell in row], widths)
