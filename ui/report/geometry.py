"""Page geometry of the proposal and the drawing operations a laid-out page holds.

A4 with the margins of GB/T 9704 (top 37 mm, bottom 35 mm, left 28 mm,
right 26 mm: a 156 × 225 mm text block). A landscape page keeps the same text
block turned a quarter turn anticlockwise, so that on paper the block sits
where every portrait page has it and the table's top edge is at the binding.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QMarginsF, QRectF
from PySide6.QtGui import QFont, QPageLayout, QPageSize

from ui.report.blocks import LANDSCAPE, PORTRAIT, FigureBlock

MM_PER_INCH = 25.4
PAGE_NUMBER_GAP_MM = 7.0  # GB/T 9704: the page number sits 7 mm below the text block


@dataclass(frozen=True)
class PageGeometry:
    orientation: str
    width_mm: float
    height_mm: float
    left_mm: float
    top_mm: float
    right_mm: float
    bottom_mm: float

    @property
    def body_width_mm(self) -> float:
        return self.width_mm - self.left_mm - self.right_mm

    @property
    def body_height_mm(self) -> float:
        return self.height_mm - self.top_mm - self.bottom_mm

    def page_layout(self) -> QPageLayout:
        """A4 in this orientation with zero device margins: the renderer places everything itself."""
        orientation = (QPageLayout.Orientation.Landscape if self.orientation == LANDSCAPE
                       else QPageLayout.Orientation.Portrait)
        return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation, QMarginsF(0, 0, 0, 0),
                           QPageLayout.Unit.Millimeter)


PORTRAIT_PAGE = PageGeometry(PORTRAIT, 210, 297, left_mm=28, top_mm=37, right_mm=26, bottom_mm=35)
# The portrait margins turned anticlockwise: portrait bottom -> landscape left, left -> top, and so on.
LANDSCAPE_PAGE = PageGeometry(LANDSCAPE, 297, 210, left_mm=35, top_mm=28, right_mm=37, bottom_mm=26)
GEOMETRY = {PORTRAIT: PORTRAIT_PAGE, LANDSCAPE: LANDSCAPE_PAGE}


class Units:
    """Millimetres and points to device pixels of one paint device."""

    def __init__(self, dpi: float) -> None:
        self.dpi = float(dpi)

    def mm(self, value: float) -> float:
        return value * self.dpi / MM_PER_INCH

    def pt(self, value: float) -> float:
        return value * self.dpi / 72.0

    def body_rect(self, geometry: PageGeometry) -> QRectF:
        return QRectF(self.mm(geometry.left_mm), self.mm(geometry.top_mm),
                      self.mm(geometry.body_width_mm), self.mm(geometry.body_height_mm))

    def page_size(self, geometry: PageGeometry) -> tuple[float, float]:
        return self.mm(geometry.width_mm), self.mm(geometry.height_mm)


@dataclass
class TextOp:
    rect: QRectF
    font: QFont
    text: str
    align: str = "left"          # left | center | right


@dataclass
class LineOp:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float                 # device pixels


@dataclass
class ImageOp:
    rect: QRectF
    figure: FigureBlock


Op = TextOp | LineOp | ImageOp


@dataclass
class Page:
    geometry: PageGeometry
    ops: list[Op]

    @property
    def orientation(self) -> str:
        return self.geometry.orientation
