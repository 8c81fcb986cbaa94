"""The window's charts (planner.exports.charts) as images for the printed proposal.

Figures are rendered to PNG with matplotlib's Agg at print resolution (QtSvg
cannot draw matplotlib's SVG: it rejects the glyph references and some path
data, so labels went missing). The chart's
own title moves into the document's figure caption ("图1 …"), as official
documents caption figures below the image.
"""

from __future__ import annotations

import io
import logging

from planner.domain.proposal import Proposal
from ui.report.blocks import FigureBlock

log = logging.getLogger(__name__)

PRINT_DPI = 200  # a 24 cm wide chart at 200 dpi is sharp on a laser printer and keeps the PDF small


def _charts_module():
    try:
        from planner.exports import charts
    except ImportError:  # charts are optional: the document is complete without them
        log.warning("planner.exports.charts is not available; the proposal is printed without charts")
        return None
    return charts


def figure_to_block(figure) -> FigureBlock:
    title = ""
    for ax in figure.axes:
        if ax.get_title():
            title = title or ax.get_title()
            ax.set_title("")
    width, height = figure.get_size_inches()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=PRINT_DPI, facecolor="white")
    return FigureBlock(caption=title, aspect=float(height) / float(width), png=buffer.getvalue())


def chart_blocks(proposal: Proposal, lang: str = "zh_CN") -> list[FigureBlock]:
    """Quota and pressure chart of every kind in the proposal, in that order."""
    charts = _charts_module()
    if charts is None or not proposal.lines:
        return []
    blocks = []
    for kind in charts.kinds_in(proposal):
        for make in (charts.quota_chart, charts.pressure_chart):
            blocks.append(figure_to_block(make(proposal, kind, lang)))
    return blocks
