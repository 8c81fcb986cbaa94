"""The printed leavers forecast (减员预测) through the proposal's renderer: PDF, printer, preview.

ForecastDocument reuses ui.report's ProposalDocument (pagination, fonts, landscape pages,
searchable PDF text) and supplies its own blocks: a title, a summary, the table of leavers
per township, kind and year, and the chart. The figures are Forecast.leaver_rows — the
ones the window, the `forecast` command and its workbook show.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from planner.domain.vocabulary import kind_label
from planner.exports.time_charts import forecast_chart
from ui.report.blocks import LANDSCAPE, PORTRAIT, Block, Column, Heading, NewPage, Paragraph, Table, TitleBlock
from ui.report.chart_images import figure_to_block
from ui.report.fonts import ReportFonts, ensure_gui_application
from ui.report.render import ProposalDocument

TEXT = {
    "zh": {"title": "{county}乡镇人员减员预测（{first}—{last}年）", "when": "统计截至：{as_of}　生成日期：{date}",
           "date": "{y}年{m}月{d}日", "h_summary": "一、总体情况", "h_table": "二、分乡镇分类别预计减员",
           "h_chart": "三、逐年减员图", "c_township": "乡镇", "c_kind": "编制类型", "c_total": "合计",
           "summary": "按法定退休年龄（自2025年1月1日起逐步延迟）和已知离岗计划，{first}—{last}年全县预计减员 "
                      "{total} 人，其中退休 {retire} 人、其他离岗 {other} 人；已超过法定退休年月仍在册 {overdue} 人，"
                      "计入首年。",
           "per_year": "各年减员：{years}。", "year_item": "{year}年 {n} 人", "sep": "，",
           "note": "注：单元格为该年预计减员人数（退休＋其他离岗）；截至统计月已到退休年月仍在册者计入首年。",
           "figure": "图1　全县逐年预计减员"},
    "en": {"title": "Expected leavers in the townships of {county} ({first}–{last})",
           "when": "As of {as_of} · printed {date}", "date": "{y}-{m:02d}-{d:02d}", "h_summary": "1. Overview",
           "h_table": "2. Leavers by township, kind and year", "h_chart": "3. Leavers year by year",
           "c_township": "Township", "c_kind": "Kind", "c_total": "Total",
           "summary": "By the statutory retirement age (rising gradually from 1 January 2025) and the known "
                      "leaves, {total} people are expected to leave in {first}–{last}: {retire} retirements and "
                      "{other} other leavers; {overdue} people are past their retirement month and still on "
                      "file, counted in the first year.",
           "per_year": "Per year: {years}.", "year_item": "{year}: {n}", "sep": ", ",
           "note": "Note: each cell is the people expected to leave in the year (retirements and other leaves); "
                   "those past their retirement month at the as-of month count in the first year.",
           "figure": "Figure 1  Leavers in the county, year by year"},
}


def _lang(lang: str) -> str:
    return "en" if lang.startswith("en") else "zh"


def forecast_table(forecast, lk: str) -> tuple[list[str], list[list[str]]]:
    """Header and rows (township, kind, each year, total) with a county total row last."""
    t = TEXT[lk]
    years = list(forecast.years)
    counts: dict[tuple[str, str], list[int]] = {}
    for township, kind, year, retirements, other in forecast.leaver_rows():
        counts.setdefault((township, kind), [0] * len(years))[years.index(year)] += retirements + other
    header = [t["c_township"], t["c_kind"], *[str(y) for y in years], t["c_total"]]
    rows, totals = [], [0] * len(years)
    for (township, kind), values in counts.items():
        rows.append([township, kind_label(kind, lk), *map(str, values), str(sum(values))])
        totals = [a + b for a, b in zip(totals, values)]
    rows.append([t["c_total"], "", *map(str, totals), str(sum(totals))])
    return header, rows


def forecast_blocks(forecast, county: str, lang: str = "zh_CN", today: date | None = None) -> list[Block]:
    lk = _lang(lang)
    t = TEXT[lk]
    today = today or date.today()
    years = list(forecast.years)
    first, last = (years[0], years[-1]) if years else ("", "")
    rows = forecast.leaver_rows()
    retire, other = sum(r[3] for r in rows), sum(r[4] for r in rows)
    per_year = {y: 0 for y in years}
    for _, _, year, r, o in rows:
        per_year[year] += r + o
    header, table_rows = forecast_table(forecast, lk)
    wide = len(years) > 6
    columns = [Column(header[0], 1.6, "left"), Column(header[1], 0.8)] + \
        [Column(h, 0.7, "right") for h in header[2:]]
    blocks: list[Block] = [
        TitleBlock(t["title"].format(county=county, first=first, last=last),
                   [t["when"].format(as_of=forecast.as_of,
                                     date=t["date"].format(y=today.year, m=today.month, d=today.day))]),
        Heading(t["h_summary"]),
        Paragraph(t["summary"].format(first=first, last=last, total=retire + other, retire=retire, other=other,
                                      overdue=len(forecast.overdue()))),
        Paragraph(t["per_year"].format(years=t["sep"].join(t["year_item"].format(year=y, n=n)
                                                            for y, n in per_year.items()))),
    ]
    figure = figure_to_block(forecast_chart(forecast, lk))
    figure.caption = t["figure"]
    blocks += [Heading(t["h_chart"]), figure]
    blocks += [NewPage(LANDSCAPE if wide else PORTRAIT), Heading(t["h_table"]),
               Table(columns, table_rows, bold_rows={len(table_rows) - 1}, dense=len(table_rows) > 25),
               Paragraph(t["note"], indent=False, style="note")]
    return blocks


class ForecastDocument(ProposalDocument):
    """The printed forecast; print_to / write_pdf / pdf_bytes as for a proposal."""

    def __init__(self, forecast, county: str, lang: str = "zh_CN") -> None:
        ensure_gui_application()
        self.forecast, self.county, self.lang = forecast, county, lang
        self.proposal = None
        self.fonts = ReportFonts.select(lang)
        self.blocks = forecast_blocks(forecast, county, lang)
        self.figures = []
        self.pages = []
        self._images = {}

    def title(self) -> str:
        years = list(self.forecast.years) or [""]
        return TEXT[_lang(self.lang)]["title"].format(county=self.county, first=years[0], last=years[-1])


def write_forecast_pdf(forecast, county: str, path: str | os.PathLike, lang: str = "zh_CN") -> Path:
    return ForecastDocument(forecast, county, lang).write_pdf(path)
