"""The printed multi-year plan (多年度编制统筹规划): a short document through the proposal's renderer.

Summary; the roadmap of each kind (township × year: quota, pool, staff on 1 January, need,
uncovered need); the moves year by year with their reasons; the pool loans with their
return schedules. Every figure is the Plan's own (planner.domain.plan), as the window and
the plan workbook show it. PlanDocument reuses ui.report's ProposalDocument (pagination,
fonts, landscape pages, searchable PDF text); the `plan --pdf` command writes it too.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

from planner.domain.plan import Plan, PlanLine
from planner.domain.vocabulary import kind_label
from ui.report.blocks import LANDSCAPE, PORTRAIT, Block, Column, Heading, NewPage, Paragraph, Table, TitleBlock
from ui.report.fonts import ReportFonts, ensure_gui_application
from ui.report.render import ProposalDocument

NUMERALS = "一二三四五六七八九十"
TEXT = {
    "zh": {"title": "{county}乡镇编制多年度统筹规划（{first}—{last}年）", "scenario": "情景：{name}",
           "baseline": "现行台账", "when": "生成日期：{date}", "date": "{y}年{m}月{d}日",
           "h_summary": "一、规划概要", "h_roadmap": "{n}、{kind}编制逐年路线图", "h_moves": "{n}、逐年调剂明细",
           "h_loans": "{n}、编制周转池借用及归还计划",
           "summary": "本规划覆盖 {first}—{last} 年，统筹考虑法定退休（自2025年1月1日起逐步延迟）、已知离岗、"
                      "用编进人计划和编制周转池。规划期内共调剂编制 {slots} 个（{moves} 笔），新借周转池编制 {lent} 个，"
                      "涉及 {touched} 个乡镇；各年未覆盖需求合计 {uncovered} 人（{by_year}）。计算结果：{status}。",
           "year_item": "{year}年 {n}", "sep": "，",
           "c_township": "乡镇", "c_approved": "现核定", "cell_note": "注：单元格为“核定编制（+周转池）/年初实有/测算需求”，"
           "“缺n”为当年未覆盖需求；加粗为较现核定有变化的年份。",
           "c_year": "年度", "c_effective": "生效日期", "c_from": "调出乡镇", "c_to": "调入乡镇", "c_kind": "类别",
           "c_count": "编制数", "c_reason": "理由", "no_moves": "规划期内无需调剂。",
           "c_loan": "借用", "c_start": "起始", "c_due": "到期", "c_returns": "归还计划（年月 个数）", "new": "新借",
           "existing": "存量", "no_loans": "规划期内无周转池借用。", "short": " 缺{n}",
           "no_plan": "{status}，未形成规划：", "sep2": "；",
           "totals": "全县逐年合计", "c_quota": "核定编制", "c_pool_lent": "周转池借出", "c_pool_held": "周转池结存",
           "c_staff": "年初实有", "c_uncovered": "未覆盖需求"},
    "en": {"title": "Multi-year establishment plan for the townships of {county} ({first}–{last})",
           "scenario": "Scenario: {name}", "baseline": "the ledger as it stands", "when": "Date: {date}",
           "date": "{y}-{m:02d}-{d:02d}", "h_summary": "1. Summary", "h_roadmap": "{n}. {kind} quota year by year",
           "h_moves": "{n}. Moves year by year", "h_loans": "{n}. Pool loans and their returns",
           "summary": "The plan covers {first}–{last}, timed to statutory retirements (the age rising gradually "
                      "from 1 January 2025), known leaves, the hiring plans and the county's revolving pool. It "
                      "moves {slots} slots in {moves} moves, lends {lent} pool slots anew and touches {touched} "
                      "townships; uncovered need summed over the years is {uncovered} ({by_year}). "
                      "Result: {status}.",
           "year_item": "{year}: {n}", "sep": ", ",
           "c_township": "Township", "c_approved": "Today", "cell_note": "Note: each cell is quota (+pool) / staff "
           "on 1 January / need; \"short n\" is the year's uncovered need; bold: a year whose quota differs from "
           "today's.",
           "c_year": "Year", "c_effective": "Effective", "c_from": "From", "c_to": "To", "c_kind": "Kind",
           "c_count": "Slots", "c_reason": "Reason", "no_moves": "The plan needs no moves.",
           "c_loan": "Loan", "c_start": "Start", "c_due": "Due", "c_returns": "Returns (month, slots)",
           "new": "new", "existing": "existing", "no_loans": "No pool loans in the plan's years.",
           "short": " short {n}", "no_plan": "{status}; there is no plan: ", "sep2": "; ",
           "totals": "County totals year by year", "c_quota": "Quota", "c_pool_lent": "Pool lent",
           "c_pool_held": "Pool held", "c_staff": "Staff 1 Jan", "c_uncovered": "Uncovered"},
}


def _lang(lang: str) -> str:
    return "en" if lang.startswith("en") else "zh"


def _date(text: str) -> date:
    try:
        return datetime.fromisoformat(text).date()
    except (TypeError, ValueError):
        return date.today()


def cell(line: PlanLine | None, t: dict) -> str:
    if line is None:
        return "—"
    held = f"{line.quota}+{line.pool}" if line.pool else str(line.quota)
    text = f"{held}/{line.staff_start}/{line.required}"
    return text + (t["short"].format(n=line.uncovered) if line.uncovered else "")


def plan_blocks(plan: Plan, lang: str = "zh_CN") -> list[Block]:
    lk = _lang(lang)
    t = TEXT[lk]
    en = lk == "en"
    years = list(plan.years) or [0]
    first, last = years[0], years[-1]
    d = _date(plan.generated_at)
    name = t["baseline"] if plan.scenario in ("", "基准") else plan.scenario
    blocks: list[Block] = [
        TitleBlock(t["title"].format(county=plan.county, first=first, last=last),
                   [t["scenario"].format(name=name), t["when"].format(date=t["date"].format(y=d.year, m=d.month,
                                                                                             d=d.day))]),
        Heading(t["h_summary"]),
    ]
    if not plan.is_plan:
        blocks.append(Paragraph(t["no_plan"].format(status=plan.status_text(en)) + t["sep2"].join(plan.diagnosis_in(en))))
        return blocks
    by_year = t["sep"].join(t["year_item"].format(year=y, n=n) for y, n in plan.uncovered_by_year().items())
    blocks.append(Paragraph(t["summary"].format(first=first, last=last, slots=plan.slots_moved,
                                                moves=len(plan.moves), lent=plan.slots_lent,
                                                touched=plan.townships_touched, uncovered=plan.uncovered,
                                                by_year=by_year, status=plan.status_text(en))))
    columns = [Column(t["c_kind"], 0.8), Column(t["c_year"], 0.7)] + \
        [Column(t[k], 1.0, "right") for k in ("c_quota", "c_pool_lent", "c_pool_held", "c_staff", "c_uncovered")]
    rows = [[kind_label(kind, lk), str(y.year), str(y.quota), str(y.pool_lent), str(y.pool_held), str(y.staff_start),
             str(y.uncovered)] for kind, totals in plan.totals().items() for y in totals]
    blocks += [Paragraph(t["totals"], indent=False, align="center", space_before_mm=2),
               Table(columns, rows, dense=True)]
    number = 1

    def numbered() -> str:
        return str(number) if en else NUMERALS[number - 1]

    wide = len(years) > 4
    for kind in plan.kinds_present():
        number += 1
        columns = [Column(t["c_township"], 1.5, "left"), Column(t["c_approved"], 0.7, "right")]
        columns += [Column(str(y), 1.3, "right") for y in years]
        rows, bold = [], set()
        for township in plan.township_names():
            lines = [plan.line(township, kind, y) for y in years]
            if all(line is None for line in lines):
                continue
            approved = next(line.approved for line in lines if line is not None)
            if any(line is not None and line.quota != line.approved for line in lines):
                bold.add(len(rows))
            rows.append([township, str(approved), *(cell(line, t) for line in lines)])
        blocks += [*([NewPage(LANDSCAPE if wide else PORTRAIT)] if number == 2 else []),
                   Heading(t["h_roadmap"].format(n=numbered(), kind=kind_label(kind, lk, long=True, cap=True))),
                   Table(columns, rows, bold_rows=bold, dense=True),
                   Paragraph(t["cell_note"], indent=False, style="note")]
    number += 1
    blocks.append(Heading(t["h_moves"].format(n=numbered())))
    if plan.moves:
        columns = [Column(t["c_year"], 0.6), Column(t["c_effective"], 1.0), Column(t["c_from"], 1.2, "left"),
                   Column(t["c_to"], 1.2, "left"), Column(t["c_kind"], 0.6), Column(t["c_count"], 0.6, "right"),
                   Column(t["c_reason"], 4.0, "left")]
        rows = [[str(m.year), m.effective, m.giver, m.receiver, kind_label(m.kind, lk), str(m.count),
                 (m.reason_en or m.reason) if en else m.reason] for m in plan.moves]
        blocks.append(Table(columns, rows, dense=True))
    else:
        blocks.append(Paragraph(t["no_moves"]))
    number += 1
    blocks.append(Heading(t["h_loans"].format(n=numbered())))
    if plan.loans:
        columns = [Column(t["c_township"], 1.2, "left"), Column(t["c_kind"], 0.6), Column(t["c_loan"], 0.6),
                   Column(t["c_count"], 0.6, "right"), Column(t["c_start"], 0.8), Column(t["c_due"], 0.8),
                   Column(t["c_returns"], 3.0, "left")]
        sep = t["sep2"]
        rows = [[loan.township, kind_label(loan.kind, lk), t["new"] if loan.new else t["existing"], str(loan.count),
                 loan.start, loan.due, sep.join(f"{r.month} {r.count}" for r in loan.returns)]
                for loan in plan.loans]
        blocks.append(Table(columns, rows, bold_rows={i for i, loan in enumerate(plan.loans) if loan.new},
                            dense=True))
    else:
        blocks.append(Paragraph(t["no_loans"]))
    return blocks


class PlanDocument(ProposalDocument):
    """The printed plan; print_to / write_pdf / pdf_bytes as for a proposal."""

    def __init__(self, plan: Plan, lang: str = "zh_CN") -> None:
        ensure_gui_application()
        self.plan, self.lang = plan, lang
        self.proposal = None
        self.fonts = ReportFonts.select(lang)
        self.blocks = plan_blocks(plan, lang)
        self.figures = []
        self.pages = []
        self._images = {}

    def title(self) -> str:
        years = list(self.plan.years) or [""]
        return TEXT[_lang(self.lang)]["title"].format(county=self.plan.county, first=years[0], last=years[-1])


def write_plan_pdf(plan: Plan, path: str | os.PathLike, lang: str = "zh_CN") -> Path:
    """Write the printed plan as a PDF (works without a display)."""
    return PlanDocument(plan, lang).write_pdf(path)
