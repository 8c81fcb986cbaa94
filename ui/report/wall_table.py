"""The wall table (双AB岗公示表) printed: one township per page run, A4 portrait.

Drawn by the proposal's renderer (ui.report.render: the same fonts, table
layout and "— N —" page numbers), so print preview, printer and PDF agree.
The rows and words are planner.domain.posts_wall's, as in the workbook.

    from ui.report.wall_table import write_wall_table_pdf
    write_wall_table_pdf(tables, "wall.pdf")           # headless is fine
"""

from __future__ import annotations

import os
from pathlib import Path

from planner.domain.posts_wall import WALL_COLUMNS, WALL_WORDS, WallTable, wall_cells, wall_lang, wall_subline, wall_title
from ui.report.blocks import Column, NewPage, Paragraph, Table, TitleBlock
from ui.report.fonts import ReportFonts, ensure_gui_application
from ui.report.render import ProposalDocument

WEIGHTS = (0.06, 0.17, 0.25, 0.17, 0.17, 0.18)   # 备岗机构 holds a seven-character office name
ALIGN = ("center", "left", "left", "center", "center", "center")


def wall_blocks(tables: list[WallTable], lang: str = "zh_CN") -> list:
    key = wall_lang(lang)
    blocks: list = []
    for i, table in enumerate(tables):
        if i:
            blocks.append(NewPage())
        blocks.append(TitleBlock(wall_title(table, lang), [wall_subline(table, lang)]))
        columns = [Column(title, weight, align) for title, weight, align in zip(WALL_COLUMNS[key], WEIGHTS, ALIGN)]
        rows = [wall_cells(n, row, lang) for n, row in enumerate(table.rows, 1)]
        blocks.append(Table(columns, rows, dense=len(rows) > 40, continued_caption=wall_title(table, lang)))
        blocks.append(Paragraph(WALL_WORDS[key]["note"], indent=False, style="note"))
    return blocks


class WallTableDocument(ProposalDocument):
    """The printed wall table of one township or several; print_to / write_pdf / pdf_bytes as for a proposal."""

    def __init__(self, tables: list[WallTable], lang: str = "zh_CN") -> None:
        ensure_gui_application()
        self.tables = tables
        self.proposal = None
        self.lang = lang
        self.fonts = ReportFonts.select(lang)
        self.blocks = wall_blocks(tables, lang)
        self.figures = []
        self.pages = []
        self._images = {}

    def title(self) -> str:
        if len(self.tables) == 1:
            return wall_title(self.tables[0], self.lang)
        return "双AB岗公示表" if wall_lang(self.lang) == "zh" else "Double A/B rosters"


def write_wall_table_pdf(tables: list[WallTable], path: str | os.PathLike, lang: str = "zh_CN") -> Path:
    return WallTableDocument(tables, lang).write_pdf(path)


def wall_table_pdf_job(tables: list[WallTable], path: str, lang: str, state) -> str:
    """A task for ui.tasks.run_task (the layout of a whole county holds the GIL for a moment)."""
    state.set_progress(0.1, "")
    state.check_cancelled()
    written = write_wall_table_pdf(tables, path, lang)
    state.set_progress(1.0, "")
    return str(written)
