"""Measuring and drawing text lines and tables on a paint device.

Text is broken into lines with the font metrics of the very device the document is
painted on, so that what is measured is what is printed. Each line becomes
one TextOp; a table row is never split, and the paginator repeats the header
on every page a table continues onto.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QTextBoundaryFinder
from PySide6.QtGui import QFont, QFontMetricsF, QPaintDevice

from ui.report.blocks import Table
from ui.report.fonts import SIZE_5, SIZE_X5, ReportFonts
from ui.report.geometry import LineOp, Op, TextOp, Units

CELL_PAD_X_MM = 1.2
CELL_PAD_Y_MM = 1.0
TABLE_LINE_HEIGHT = 1.4    # × the point size
INNER_RULE_PT = 0.5
OUTER_RULE_PT = 1.0        # official tables draw the outer frame heavier than the inner rules


def _break_positions(text: str) -> list[int]:
    """Where a line may end (Unicode line-breaking rules: no line starts with ，。、）and the like)."""
    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Line, text)
    positions = []
    while (pos := finder.toNextBoundary()) != -1:
        positions.append(pos)
    if any(ord(ch) > 0xFFFF for ch in text):
        # The finder counts UTF-16 units; a character beyond the BMP takes two of them.
        units_to_index, units = {}, 0
        for index, ch in enumerate(text):
            units_to_index[units] = index
            units += 2 if ord(ch) > 0xFFFF else 1
        units_to_index[units] = len(text)
        positions = [units_to_index[p] for p in positions if p in units_to_index]
    return [p for p in positions if p > 0] or [len(text)]


def _greedy_lines(text: str, metrics: QFontMetricsF, width: float, first_indent: float) -> list[str]:
    lines: list[str] = []
    start = 0
    positions = _break_positions(text)
    i = 0
    while start < len(text):
        available = max(1.0, width - (first_indent if not lines else 0.0))
        fit = None
        while i < len(positions) and metrics.horizontalAdvance(text[start:positions[i]].rstrip()) <= available:
            fit = positions[i]
            i += 1
        if fit is None:
            # One unbreakable run wider than the line (a long number or hash): cut it where it overflows.
            low, high = start + 1, (positions[i] if i < len(positions) else len(text))
            while low < high:
                mid = (low + high + 1) // 2
                if metrics.horizontalAdvance(text[start:mid]) <= available:
                    low = mid
                else:
                    high = mid - 1
            fit = low
        lines.append(text[start:fit].rstrip())
        start = fit
        while i < len(positions) and positions[i] <= start:
            i += 1
    return lines


def wrap_lines(text: str, font: QFont, device: QPaintDevice, width: float, first_indent: float = 0.0) -> list[str]:
    """The lines `text` breaks into at `width` device pixels (explicit newlines kept).

    Greedy breaking at the Unicode line-break opportunities, measured with the
    device's font metrics; each line comes back as a string because each line
    is drawn (and later searched in the PDF) as one piece of text.
    """
    metrics = QFontMetricsF(font, device)
    lines: list[str] = []
    for part_no, part in enumerate(str(text).split("\n")):
        if not part.strip():
            lines.append("")
            continue
        lines += _greedy_lines(part, metrics, width, first_indent if part_no == 0 else 0.0)
    return lines or [""]


def _words(text: str) -> list[str]:
    """The unbreakable pieces of `text` (a CJK character is a piece of its own)."""
    pieces = []
    for part in str(text).split("\n"):
        start = 0
        for end in _break_positions(part) if part else []:
            pieces.append(part[start:end].rstrip())
            start = end
    return pieces


def fit_widths(weights: list[float], minimum: list[float], width: float) -> list[float]:
    """Column widths in proportion to `weights`, but none narrower than its widest word.

    What a too-narrow column needs is taken from the others in proportion to
    their slack; when even the minimums do not fit, they are scaled down (and
    the words are cut).
    """
    total_weight = sum(weights) or 1.0
    widths = [width * w / total_weight for w in weights]
    if sum(minimum) >= width:
        scale = width / sum(minimum)
        return [m * scale for m in minimum]
    for _ in range(len(widths)):
        short = [i for i, (w, m) in enumerate(zip(widths, minimum)) if w < m - 0.01]
        if not short:
            break
        needed = sum(minimum[i] - widths[i] for i in short)
        for i in short:
            widths[i] = minimum[i]
        slack = {i: widths[i] - minimum[i] for i in range(len(widths)) if i not in short and widths[i] > minimum[i]}
        total_slack = sum(slack.values())
        for i, room in slack.items():
            widths[i] -= needed * room / total_slack
    return widths


def line_height(font: QFont, device: QPaintDevice, factor: float = TABLE_LINE_HEIGHT) -> float:
    """Line pitch: `factor` × the point size, or the font's own height if that is more.

    Going by the point size keeps rows equally tall whichever face is installed
    (宋体's natural height is about 1.0 em, Noto CJK's 1.45 em).
    """
    pitch = font.pointSizeF() * factor * QFontMetricsF(font, device).fontDpi() / 72.0
    return max(pitch, QFontMetricsF(font, device).height())


@dataclass
class MeasuredRow:
    cells: list[list[str]]
    height: float
    bold: bool


class TableLayout:
    """A table measured for one width on one device; hands out ops row by row."""

    def __init__(self, table: Table, fonts: ReportFonts, device: QPaintDevice, units: Units,
                 width: float) -> None:
        self.table = table
        self.units = units
        size = SIZE_X5 if table.dense else SIZE_5
        self.font = fonts.table_font(size)
        self.bold_font = fonts.table_font(size, bold=True)
        # English headings are long words that cannot break; a point less keeps the columns narrow.
        self.header_font = fonts.table_header_font(size - 1.0 if fonts.english else size)
        self.pad_x = units.mm(CELL_PAD_X_MM)
        self.pad_y = units.mm(CELL_PAD_Y_MM)
        self.width = width
        self.widths = fit_widths([c.weight for c in table.columns],
                                 self._min_widths(table, device), width)
        self.line_h = line_height(self.font, device)
        self.header_line_h = line_height(self.header_font, device)
        inner = [w - 2 * self.pad_x for w in self.widths]
        self.header_cells = [wrap_lines(c.title, self.header_font, device, w) for c, w in zip(table.columns, inner)]
        self.header_height = max(len(c) for c in self.header_cells) * self.header_line_h + 2 * self.pad_y
        self.rows: list[MeasuredRow] = []
        for i, row in enumerate(table.rows):
            bold = i in table.bold_rows
            font = self.bold_font if bold else self.font
            cells = [wrap_lines(str(value), font, device, w) for value, w in zip(row, inner)]
            height = max(len(c) for c in cells) * self.line_h + 2 * self.pad_y
            self.rows.append(MeasuredRow(cells, height, bold))

    def _min_widths(self, table: Table, device: QPaintDevice) -> list[float]:
        """Per column, the widest word that cannot be broken (English headers, long numbers)."""
        header = QFontMetricsF(self.header_font, device)
        plain = QFontMetricsF(self.font, device)
        bold = QFontMetricsF(self.bold_font, device)
        widths = []
        for col, column in enumerate(table.columns):
            # A Chinese heading is broken by hand ("核定\n编制"); each of its lines must stay whole.
            pieces = column.title.split("\n") if " " not in column.title else _words(column.title)
            widest = max((header.horizontalAdvance(w) for w in pieces), default=0.0)
            for n, row in enumerate(table.rows):
                if col < len(row):
                    metrics = bold if n in table.bold_rows else plain
                    widest = max(widest, max((metrics.horizontalAdvance(w) for w in _words(str(row[col]))),
                                             default=0.0))
            widths.append(widest + 2 * self.pad_x + 1.0)
        return widths

    def _cell_ops(self, x: float, y: float, cells: list[list[str]], height: float, font: QFont,
                  line_h: float, header: bool) -> list[Op]:
        ops: list[Op] = []
        for col, (lines, w) in enumerate(zip(cells, self.widths)):
            align = "center" if header else self.table.columns[col].align
            # Short cells are centred vertically, as official tables are.
            top = y + (height - len(lines) * line_h) / 2
            for n, text in enumerate(lines):
                if text:
                    ops.append(TextOp(QRectF(x + self.pad_x, top + n * line_h, w - 2 * self.pad_x, line_h),
                                      font, text, align))
            x += w
        return ops

    def header_ops(self, x: float, y: float) -> list[Op]:
        return self._cell_ops(x, y, self.header_cells, self.header_height, self.header_font,
                              self.header_line_h, header=True)

    def row_ops(self, index: int, x: float, y: float) -> list[Op]:
        row = self.rows[index]
        return self._cell_ops(x, y, row.cells, row.height, self.bold_font if row.bold else self.font,
                              self.line_h, header=False)

    def grid_ops(self, x: float, boundaries: list[float]) -> list[Op]:
        """Rules of one page's slice of the table; boundaries are the y of every horizontal rule."""
        inner = self.units.pt(INNER_RULE_PT)
        outer = self.units.pt(OUTER_RULE_PT)
        top, bottom = boundaries[0], boundaries[-1]
        ops: list[Op] = []
        for i, y in enumerate(boundaries):
            ops.append(LineOp(x, y, x + self.width, y, outer if i in (0, len(boundaries) - 1) else inner))
        edge = x
        for i, w in enumerate(self.widths):
            if i:
                ops.append(LineOp(edge, top, edge, bottom, inner))
            edge += w
        ops.append(LineOp(x, top, x, bottom, outer))
        ops.append(LineOp(x + self.width, top, x + self.width, bottom, outer))
        return ops
