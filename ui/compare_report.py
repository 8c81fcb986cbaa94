"""The printed comparison of scenarios: PDF, printer and preview through the proposal's renderer.

ComparisonDocument reuses ui.report's ProposalDocument (pagination, fonts,
landscape pages, searchable PDF text) and only supplies other blocks: a title,
the cover figures side by side, per kind a table of every township with each
scenario's proposal (rows where they differ in bold and marked, since paper
has no yellow) and the overlay chart.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from planner.domain.proposal import Proposal
from planner.exports.comparison import Comparison, compare
from planner.exports.comparison_chart import overlay_chart
from planner.exports.comparison_xlsx import summary_lines
from planner.domain.vocabulary import kind_label
from ui.report.blocks import (
    LANDSCAPE, PORTRAIT, Block, Column, FigureBlock, Heading, NewPage, Paragraph, Table, TitleBlock,
)
from ui.report.chart_images import figure_to_block
from ui.report.fonts import ReportFonts, ensure_gui_application
from ui.report.render import ProposalDocument

TEXT = {
    "zh": {"title": "{county}编制调剂情景对比", "info": "比较情景：{names}", "when": "生成日期：{date}",
           "date": "{y}年{m}月{d}日", "h_summary": "一、主要指标对比", "h_kind": "{n}、{kind}编制各乡镇建议对比",
           "figure": "图{n}　{title}", "figure_item": "{kind}编制各情景建议增减对比",
           "c_figure": "指标", "c_township": "乡镇", "c_approved": "现核定", "c_differs": "差异",
           "differs_mark": "＊", "note": "注：带＊且加粗的乡镇，各情景建议编制不同；“—”表示该情景中无此乡镇（已合并或拆分）。",
           "stale": "（已过期）"},
    "en": {"title": "Scenarios compared: township establishment quota, {county}",
           "info": "Scenarios: {names}", "when": "Date: {date}", "date": "{y}-{m:02d}-{d:02d}",
           "h_summary": "1. Key figures", "h_kind": "{n}. {kind} quota, township by township",
           "figure": "Figure {n}  {title}", "figure_item": "{kind} quota: change proposed by each scenario",
           "c_figure": "Figure", "c_township": "Township", "c_approved": "Approved", "c_differs": "Differs",
           "differs_mark": "*", "note": "Note: townships marked * (bold) get different numbers in the scenarios; "
                                        "“—”: the scenario has no such township (merged or split).",
           "stale": " (stale)"},
}
NUMERALS = "一二三四五六七八九十"


def _lang(lang: str) -> str:
    return "en" if lang.startswith("en") else "zh"


def _cell(value) -> str:
    return "—" if value is None else str(value)


def comparison_blocks(comparison: Comparison, proposals: dict[str, Proposal], lang: str = "zh_CN",
                      stale: set[str] | None = None, today: date | None = None) -> list[Block]:
    lk = _lang(lang)
    t = TEXT[lk]
    stale = stale or set()
    today = today or date.today()
    county = next((p.county for p in proposals.values() if p.county), "")
    names = [n + (t["stale"] if n in stale else "") for n in comparison.names]
    blocks: list[Block] = [
        TitleBlock(t["title"].format(county=county),
                   [t["info"].format(names=("、" if lk == "zh" else ", ").join(names)),
                    t["when"].format(date=t["date"].format(y=today.year, m=today.month, d=today.day))]),
        Heading(t["h_summary"]),
    ]
    lines = summary_lines(comparison, lk)
    columns = [Column(t["c_figure"], 2.4, "left")] + [Column(n, 1.2, "right") for n in names]
    blocks.append(Table(columns, [[label, *[str(v) for v in values]] for label, values in lines]))
    figure_no = 0
    for i, kind in enumerate(comparison.kinds, 2):
        rows = comparison.rows_of(kind)
        if not rows:
            continue
        kind_name = kind_label(kind, lk)
        number = NUMERALS[i - 1] if lk == "zh" else str(i)
        wide = len(comparison.names) > 2
        blocks += [NewPage(LANDSCAPE if wide else PORTRAIT), Heading(t["h_kind"].format(n=number, kind=kind_name))]
        columns = [Column(t["c_differs"], 0.5), Column(t["c_township"], 1.6, "left"), Column(t["c_approved"], 0.8)]
        columns += [Column(n, 1.1, "right") for n in names]
        table_rows, bold = [], set()
        for r in rows:
            approved = next((v for v in r.approved.values() if v is not None), None)
            cells = [t["differs_mark"] if r.differs else "", r.township, _cell(approved)]
            for n in comparison.names:
                proposed, change = r.proposed[n], r.change[n]
                cells.append(_cell(proposed) if proposed is None or not change else f"{proposed}（{change:+d}）"
                             if lk == "zh" else f"{proposed} ({change:+d})")
            if r.differs:
                bold.add(len(table_rows))
            table_rows.append(cells)
        blocks.append(Table(columns, table_rows, bold_rows=bold, dense=len(table_rows) > 25))
        blocks.append(Paragraph(t["note"], indent=False, style="note"))
        figure = figure_to_block(overlay_chart(comparison, kind, lk))
        figure_no += 1
        figure.caption = t["figure"].format(n=figure_no, title=t["figure_item"].format(kind=kind_name))
        blocks.append(figure)
    return blocks


class ComparisonDocument(ProposalDocument):
    """The printed comparison; print_to / write_pdf / pdf_bytes as for a proposal."""

    def __init__(self, comparison: Comparison, proposals: dict[str, Proposal], lang: str = "zh_CN",
                 stale: set[str] | None = None) -> None:
        ensure_gui_application()
        self.comparison = comparison
        self.proposal = next(iter(proposals.values()), None)
        self.lang = lang
        self.fonts = ReportFonts.select(lang)
        self.blocks = comparison_blocks(comparison, proposals, lang, stale)
        self.figures = [b for b in self.blocks if isinstance(b, FigureBlock)]
        self.pages = []
        self._images = {}

    def title(self) -> str:
        return TEXT[_lang(self.lang)]["title"].format(county=self.proposal.county if self.proposal else "")


def write_comparison_pdf(comparison: Comparison, proposals: dict[str, Proposal], path: str | os.PathLike,
                         lang: str = "zh_CN", stale: set[str] | None = None) -> Path:
    return ComparisonDocument(comparison, proposals, lang, stale).write_pdf(path)


def comparison_pdf_job(proposals: dict[str, Proposal], path: str, lang: str, stale: list[str], state) -> str:
    """A task for ui.tasks (run in a child process: the layout holds the GIL for seconds)."""
    state.set_progress(0.1, "")
    state.check_cancelled()
    written = write_comparison_pdf(compare(proposals), proposals, path, lang, set(stale))
    state.set_progress(1.0, "")
    return str(written)
