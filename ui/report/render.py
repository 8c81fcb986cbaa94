"""ProposalDocument: one renderer for the PDF file, the printer and the print preview.

PDF (QPdfWriter): every page gets its own orientation (setPageLayout before
newPage), so the wide tables sit on real landscape pages.

Printer and preview (QPrinter): QPrinter refuses a new page layout once
painting has begun ("Cannot be changed while printer is active") and the
preview shows every page at one paper size, so the paper stays portrait and a
landscape page is drawn turned a quarter turn anticlockwise, the way wide
tables are printed in bound official documents; its page number stays at the
foot of the sheet, where GB/T 9704 wants it.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPdfWriter, QPen
from PySide6.QtPrintSupport import QPrinter

from planner.domain.proposal import Proposal
from planner.files import write_bytes_atomically
from ui.report.blocks import LANDSCAPE, FigureBlock
from ui.report.chart_images import chart_blocks
from ui.report.content import ALL, ANNEXES, BODY, build_blocks
from ui.report.fonts import ReportFonts, ensure_gui_application
from ui.report.geometry import (
    PAGE_NUMBER_GAP_MM, PORTRAIT_PAGE, ImageOp, LineOp, Page, PageGeometry, TextOp, Units,
)
from ui.report.layout import paginate
from ui.report.pdf_unicode import repair_to_unicode
from ui.report.strings import TEXT, lang_key

PDF_DPI = 1200
CREATOR = "编制统筹规划 Establishment Planner"
_ALIGN = {"left": Qt.AlignmentFlag.AlignLeft, "center": Qt.AlignmentFlag.AlignHCenter,
          "right": Qt.AlignmentFlag.AlignRight}


class ProposalDocument:
    """The printed proposal, in one language."""

    def __init__(self, proposal: Proposal, lang: str = "zh_CN", *, charts: bool = True, part: str = ALL) -> None:
        ensure_gui_application()
        self.proposal = proposal
        self.lang = lang
        self.part = part
        self.fonts = ReportFonts.select(lang)
        # The charts are an annex: the body alone does not draw them (matplotlib takes seconds).
        self.figures: list[FigureBlock] = chart_blocks(proposal, lang) if charts and part != BODY else []
        self.blocks = build_blocks(proposal, lang, self.figures, part)
        self.pages: list[Page] = []
        self._images: dict[int, QImage] = {}

    def title(self) -> str:
        t = TEXT[lang_key(self.lang)]
        title = t["title"].format(county=self.proposal.county)
        return f"{title} {t['annexes_doc']}" if self.part == ANNEXES else title

    # -- PDF ------------------------------------------------------------------------------
    def pdf_bytes(self) -> bytes:
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(buffer)
        writer.setResolution(PDF_DPI)
        writer.setTitle(self.title())
        writer.setCreator(CREATOR)
        writer.setPageLayout(PORTRAIT_PAGE.page_layout())
        self.pages = paginate(self.blocks, writer, self.fonts, PDF_DPI)
        units = Units(PDF_DPI)
        painter = QPainter(writer)
        try:
            for number, page in enumerate(self.pages, 1):
                if number > 1:
                    writer.setPageLayout(page.geometry.page_layout())
                    writer.newPage()
                width, height = units.page_size(page.geometry)
                # The painter keeps the first page's window after a change of orientation.
                painter.setViewport(0, 0, round(width), round(height))
                painter.setWindow(0, 0, round(width), round(height))
                self.draw_page(painter, page, units)
                self.draw_page_number(painter, page.geometry, number, units)
        finally:
            painter.end()
        buffer.close()
        data = bytes(buffer.data())
        return repair_to_unicode(data, self.used_text(), self.used_fonts())

    def write_pdf(self, path: str | os.PathLike) -> Path:
        path = Path(path)
        data = self.pdf_bytes()
        write_atomically(path, data)
        return path

    # -- printer and preview ----------------------------------------------------------------
    def print_to(self, printer) -> int:
        """Paint on a QPrinter (also the one QPrintPreviewDialog.paintRequested hands over)."""
        printer.setFullPage(True)
        printer.setPageLayout(PORTRAIT_PAGE.page_layout())
        dpi = printer.resolution()
        self.pages = paginate(self.blocks, printer, self.fonts, dpi)
        units = Units(dpi)
        painter = QPainter(printer)
        if not painter.isActive():
            return 0
        try:
            paper_w, paper_h = units.page_size(PORTRAIT_PAGE)
            for number, page in enumerate(self.pages, 1):
                if number > 1:
                    printer.newPage()
                painter.save()
                if page.orientation == LANDSCAPE:
                    # Landscape (x, y) -> portrait (y, paper_h − x): the table's top at the binding.
                    painter.translate(0, paper_h)
                    painter.rotate(-90)
                self.draw_page(painter, page, units)
                painter.restore()
                self.draw_page_number(painter, PORTRAIT_PAGE, number, units)
        finally:
            painter.end()
        self._repair_printed_pdf(printer)
        return len(self.pages)

    def _repair_printed_pdf(self, printer) -> None:
        """"Print to file" writes a PDF through the same engine: give it searchable text too."""
        name = printer.outputFileName()
        if printer.outputFormat() != QPrinter.OutputFormat.PdfFormat or not name or name == os.devnull:
            return
        path = Path(name)
        if path.is_file():
            write_atomically(path, repair_to_unicode(path.read_bytes(), self.used_text(), self.used_fonts()))

    # -- drawing ------------------------------------------------------------------------------
    def draw_page(self, painter: QPainter, page: Page, units: Units) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        for op in page.ops:
            if isinstance(op, TextOp):
                painter.setFont(op.font)
                painter.setPen(QColor("black"))
                painter.drawText(op.rect, int(_ALIGN[op.align] | Qt.AlignmentFlag.AlignVCenter), op.text)
            elif isinstance(op, LineOp):
                pen = QPen(QColor("black"), op.width)
                pen.setCapStyle(Qt.PenCapStyle.SquareCap)
                painter.setPen(pen)
                painter.drawLine(QPointF(op.x1, op.y1), QPointF(op.x2, op.y2))
            elif isinstance(op, ImageOp):
                self.draw_figure(painter, op)

    def draw_figure(self, painter: QPainter, op: ImageOp) -> None:
        image = self._images.get(id(op.figure))
        if image is None:
            image = self._images[id(op.figure)] = QImage.fromData(op.figure.png or b"")
        if not image.isNull():
            painter.drawImage(op.rect, image)

    def draw_page_number(self, painter: QPainter, geometry: PageGeometry, number: int, units: Units) -> None:
        font = self.fonts.page_number_font()
        painter.setFont(font)
        painter.setPen(QColor("black"))
        body = units.body_rect(geometry)
        height = units.pt(font.pointSizeF() * 1.5)
        rect = QRectF(body.left(), body.bottom() + units.mm(PAGE_NUMBER_GAP_MM), body.width(), height)
        text = TEXT[lang_key(self.lang)]["page"].format(n=number)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), text)

    # -- what was written --------------------------------------------------------------------
    def used_text(self) -> str:
        chars = {ch for page in self.pages for op in page.ops if isinstance(op, TextOp) for ch in op.text}
        chars |= set("— 0123456789")
        return "".join(sorted(chars))

    def used_fonts(self):
        fonts = []
        for family in self.fonts.all_families():
            for bold in (False, True):
                font = self.fonts._font(family, 12, bold)
                font.setFamilies([family])
                fonts.append(font)
        return fonts


def write_atomically(path: Path, data: bytes) -> None:
    """Write beside the target and rename, so a failed export never leaves half a file."""
    write_bytes_atomically(path, data)


def write_proposal_pdf(proposal: Proposal, path: str | os.PathLike, lang: str = "zh_CN", part: str = ALL) -> Path:
    """Write the printed proposal as a PDF (works without a display): its body, its annexes or both."""
    return ProposalDocument(proposal, lang, part=part).write_pdf(path)

