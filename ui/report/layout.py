"""Breaking the block flow into pages.

Our own pagination rather than QTextDocument's: a table row must never be
split, the header must come back on every page a table continues onto, a
heading must not be left alone at the foot of a page, and the wide tables go
on landscape pages while the rest stays portrait.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPaintDevice

from ui.report.blocks import (
    AnnexMark, Block, FigureBlock, Heading, KeepTogether, NewPage, Paragraph, Table, TitleBlock, PORTRAIT,
)
from ui.report.fonts import SIZE_3, SIZE_4, ReportFonts
from ui.report.geometry import GEOMETRY, ImageOp, Page, TextOp, Units
from ui.report.tables import TableLayout, line_height, wrap_lines

BODY_LINE_PT = 28.95        # GB/T 9704: 22 lines of 三号 text in the 225 mm block
NOTE_LINE_FACTOR = 1.5
TITLE_LINE_FACTOR = 1.45
CAPTION_SIZE = 11.0
GAP_AFTER_TABLE_MM = 4.0
SMALL_TABLE_SHARE = 0.4     # tables up to this share of a page are kept on one page


class Paginator:
    def __init__(self, device: QPaintDevice, fonts: ReportFonts, dpi: float) -> None:
        self.device = device
        self.fonts = fonts
        self.units = Units(dpi)
        self.pages: list[Page] = []
        self.page: Page | None = None
        self.y = 0.0
        self.body = QRectF()
        self.orientation = PORTRAIT
        self._pending_space = 0.0

    # -- pages -------------------------------------------------------------------------
    def new_page(self, orientation: str | None = None) -> None:
        if orientation:
            self.orientation = orientation
        geometry = GEOMETRY[self.orientation]
        self.page = Page(geometry, [])
        self.pages.append(self.page)
        self.body = self.units.body_rect(geometry)
        self.y = self.body.top()

    @property
    def room(self) -> float:
        return self.body.bottom() - self.y

    def at_top(self) -> bool:
        return self.page is not None and not self.page.ops

    def ensure(self, height: float) -> None:
        """Start a new page unless `height` still fits (an empty page always takes what it gets)."""
        if self.page is None or (height > self.room + 0.5 and not self.at_top()):
            self.new_page()

    def text(self, rect: QRectF, font, text: str, align: str = "left") -> None:
        self.page.ops.append(TextOp(rect, font, text, align))

    # -- the flow ----------------------------------------------------------------------
    def run(self, blocks: list[Block]) -> list[Page]:
        for i, block in enumerate(blocks):
            following = blocks[i + 1] if i + 1 < len(blocks) else None
            if isinstance(block, NewPage):
                self.new_page(block.orientation)
            elif isinstance(block, TitleBlock):
                self.place_title(block)
            elif isinstance(block, AnnexMark):
                self.place_annex_mark(block)
            elif isinstance(block, Heading):
                self.place_heading(block, following)
            elif isinstance(block, Paragraph):
                self.place_paragraph(block)
            elif isinstance(block, KeepTogether):
                self.ensure(sum(self.heading_height(p) if isinstance(p, Heading) else self.paragraph_height(p)
                                for p in block.paragraphs))
                for paragraph in block.paragraphs:
                    if isinstance(paragraph, Heading):
                        self.place_heading(paragraph, None)
                    else:
                        self.place_paragraph(paragraph)
            elif isinstance(block, Table):
                self.place_table(block)
            elif isinstance(block, FigureBlock):
                self.place_figure(block)
        if not self.pages:
            self.new_page()
        return self.pages

    def min_height(self, block: Block | None) -> float:
        """The least of a block that must follow a heading on the same page."""
        if isinstance(block, Paragraph):
            return 2 * self.units.pt(BODY_LINE_PT)
        if isinstance(block, Table):
            layout = TableLayout(block, self.fonts, self.device, self.units, self.body.width())
            first = layout.rows[0].height if layout.rows else 0.0
            return self.caption_height(block.caption) + layout.header_height + first
        if isinstance(block, FigureBlock):
            return self.figure_size(block)[1]
        return 0.0

    def place_title(self, block: TitleBlock) -> None:
        self.ensure(self.units.pt(BODY_LINE_PT) * 3)
        font = self.fonts.title_font()
        lh = self.units.pt(font.pointSizeF() * TITLE_LINE_FACTOR)
        if not self.at_top():
            self.y += lh / 2
        for line in wrap_lines(block.title, font, self.device, self.body.width() * 0.9):
            self.text(QRectF(self.body.left(), self.y, self.body.width(), lh), font, line, "center")
            self.y += lh
        sub_font = self.fonts.kai_font(heading=False)
        sub_lh = self.units.pt(BODY_LINE_PT)
        for line in block.sublines:
            for part in wrap_lines(line, sub_font, self.device, self.body.width()):
                self.text(QRectF(self.body.left(), self.y, self.body.width(), sub_lh), sub_font, part, "center")
                self.y += sub_lh
        # GB/T 9704: one empty line between the title and what follows.
        self.y += self.units.pt(BODY_LINE_PT) * 0.6

    def place_annex_mark(self, block: AnnexMark) -> None:
        self.ensure(self.units.pt(BODY_LINE_PT) * 4)
        font = self.fonts.heading_font()
        lh = self.units.pt(BODY_LINE_PT)
        self.text(QRectF(self.body.left(), self.y, self.body.width(), lh), font, block.text, "left")
        self.y += lh

    def heading_lines(self, block: Heading) -> tuple:
        font = self.fonts.heading_font() if block.level == 1 else self.fonts.kai_font()
        return font, wrap_lines(block.text, font, self.device, self.body.width(), self.units.pt(SIZE_3 * 2))

    def heading_height(self, block: Heading) -> float:
        return len(self.heading_lines(block)[1]) * self.units.pt(BODY_LINE_PT)

    def place_heading(self, block: Heading, following: Block | None) -> None:
        font, lines = self.heading_lines(block)
        lh = self.units.pt(BODY_LINE_PT)
        # Keep the heading with the start of what it introduces.
        self.ensure(len(lines) * lh + self.min_height(following))
        for n, line in enumerate(lines):
            indent = self.units.pt(SIZE_3 * 2) if n == 0 else 0.0
            self.text(QRectF(self.body.left() + indent, self.y, self.body.width() - indent, lh), font, line)
            self.y += lh

    def paragraph_style(self, block: Paragraph):
        note = block.style == "note"
        font = self.fonts.body_font(SIZE_4 if note else SIZE_3)
        lh = line_height(font, self.device, NOTE_LINE_FACTOR) if note else self.units.pt(BODY_LINE_PT)
        indent = self.units.pt(font.pointSizeF() * 2) if block.indent else 0.0
        return font, lh, indent

    def paragraph_height(self, block: Paragraph) -> float:
        font, lh, indent = self.paragraph_style(block)
        lines = wrap_lines(block.text, font, self.device, self.body.width(), indent)
        return len(lines) * lh + self.units.mm(block.space_before_mm)

    def place_paragraph(self, block: Paragraph) -> None:
        font, lh, indent = self.paragraph_style(block)
        if self.page is None:
            self.new_page()
        if not self.at_top():
            self.y += self.units.mm(block.space_before_mm)
        lines = wrap_lines(block.text, font, self.device, self.body.width(), indent)
        for n, line in enumerate(lines):
            # A paragraph may run on over pages, a line at a time; never leave one line alone (widow).
            need = lh * (2 if n == 0 and len(lines) > 1 else 1)
            self.ensure(need)
            x = self.body.left() + (indent if n == 0 else 0.0)
            self.text(QRectF(x, self.y, self.body.right() - x, lh), font, line, block.align)
            self.y += lh

    def caption_height(self, caption: str) -> float:
        if not caption:
            return 0.0
        return line_height(self.fonts.heading_font(CAPTION_SIZE), self.device, 1.6)

    def place_caption(self, caption: str, align: str = "center") -> None:
        if caption:
            font = (self.fonts.heading_font(CAPTION_SIZE) if align == "center"
                    else self.fonts.kai_font(CAPTION_SIZE, heading=False))
            h = self.caption_height(caption)
            self.text(QRectF(self.body.left(), self.y, self.body.width(), h), font, caption, align)
            self.y += h

    def place_table(self, block: Table) -> None:
        if self.page is None:
            self.new_page()
        layout = TableLayout(block, self.fonts, self.device, self.units, self.body.width())
        first = layout.rows[0].height if layout.rows else 0.0
        whole = self.caption_height(block.caption) + layout.header_height + sum(r.height for r in layout.rows)
        if whole <= self.body.height() * SMALL_TABLE_SHARE:
            self.ensure(whole)  # a small table is not worth splitting: it moves to the next page whole
        else:
            self.ensure(self.caption_height(block.caption) + layout.header_height + first)
        self.place_caption(block.caption)
        x = self.body.left()
        index = 0
        while True:
            boundaries = [self.y]
            self.page.ops.extend(layout.header_ops(x, self.y))
            self.y += layout.header_height
            boundaries.append(self.y)
            while index < len(layout.rows):
                height = layout.rows[index].height
                # The first row of a page goes in even when too tall: nothing better is possible.
                if height > self.room + 0.5 and len(boundaries) > 2:
                    break
                self.page.ops.extend(layout.row_ops(index, x, self.y))
                self.y += height
                boundaries.append(self.y)
                index += 1
            self.page.ops.extend(layout.grid_ops(x, boundaries))
            if index >= len(layout.rows):
                break
            self.new_page()
            self.place_caption(block.continued_caption or self.continued(block.caption), "left")
        self.y += self.units.mm(GAP_AFTER_TABLE_MM)

    def continued(self, caption: str) -> str:
        if not caption:
            return ""
        return f"{caption} (continued)" if self.fonts.english else f"{caption}（续）"

    def figure_size(self, block: FigureBlock) -> tuple[float, float]:
        caption = self.caption_height(block.caption)
        width = self.body.width()
        height = width * block.aspect
        if height + caption > self.body.height():
            height = self.body.height() - caption
            width = height / block.aspect
        return width, height + caption

    def place_figure(self, block: FigureBlock) -> None:
        if self.page is None:
            self.new_page()
        width, total = self.figure_size(block)
        self.ensure(total)
        image_height = total - self.caption_height(block.caption)
        x = self.body.left() + (self.body.width() - width) / 2
        self.page.ops.append(ImageOp(QRectF(x, self.y, width, image_height), block))
        self.y += image_height
        self.place_caption(block.caption)
        self.y += self.units.mm(GAP_AFTER_TABLE_MM)


def paginate(blocks: list[Block], device: QPaintDevice, fonts: ReportFonts, dpi: float) -> list[Page]:
    return Paginator(device, fonts, dpi).run(blocks)
