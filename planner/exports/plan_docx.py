"""The multi-year plan as an editable request (请示) to the establishment committee, a Word document.

    from planner.exports.plan_docx import write_plan_docx
    write_plan_docx(plan, "规划请示.docx", lang="zh_CN")

The same page, type and closing as the proposal's request (request_docx.py,
GB/T 9704-2012 habits): the basis and necessity, the plan year by year (county
totals per kind, the moves with their dates, the pool's new loans, every
township today and in the last year, as real Word tables), the points of
Article 16 with the plan's figures, placeholders for what the planner cannot
know, the closing. Every figure is read from the typed Plan.
"""

from __future__ import annotations

import os
from pathlib import Path

from planner.domain.plan import Plan
from planner.exports import docx_style as style
from planner.exports.request_docx import OfficialRequest, issued_on
from planner.files import write_bytes_atomically

PLAN_WORDS: dict[str, dict] = {
    "zh": {
        "title": "关于{county}乡镇机构编制{first}—{last}年统筹规划的请示",
        "intro": "为使乡镇（街道）编制配置与今后几年的工作量和人员变化相匹配，我办根据全县{n}个乡镇（街道）"
                 "职责事项工作量测算和人员退休测算结果，编制了{first}—{last}年乡镇机构编制统筹规划。"
                 "现将有关事项请示如下：",
        "h_basis": "一、规划的依据和必要性",
        "basis": "规划按照“总量控制、只减不增，分类管理、不得混用，人员不减、领导职数不动”的原则，"
                 "逐年测算各乡镇（街道）的编制需求，并计入人员退休、离岗和用编进人计划。"
                 "规划期内全县预计离岗（退休及其他）人数为：{years}，编制和人员结构将随之变化，需要逐年统筹。",
        "year_figure": "{year}年{n}名",
        "h_plan": "二、规划安排",
        "h_totals": "（一）各年度总体情况",
        "totals_lead": "各年度全县编制、周转池和年初实有人数如下（单位：名）：",
        "h_moves": "（二）分年度调剂",
        "moves_lead": "规划期内共调剂编制{slots}名，分{n}项，逐项列明如下：",
        "no_moves": "规划期内不调剂编制。",
        "h_loans": "（三）周转池编制借用",
        "loans_lead": "规划期内新借周转池编制{n}名，到期归还：",
        "no_loans": "规划期内不新借周转池编制。",
        "h_townships": "（四）各乡镇（街道）编制",
        "townships_lead": "各乡镇（街道）现有编制和规划期末（{last}年）编制如下（单位：名）：",
        "h_points": "三、有关事项说明",
        "h_effect": "（一）规划的效果",
        "effect": "按规划执行，规划期内各年未被覆盖的编制需求合计{uncovered}名·年；共调剂编制{slots}名，"
                  "新借周转池编制{lent}名，涉及{touched}个乡镇（街道）。",
        "alternatives": "规划在全县编制总量内逐年调剂，不新增编制；先用退休、离岗腾出的空编，"
                        "不足部分借用周转池编制，到期归还。",
        "fiscal": "规划期内各年度全县编制总数（含周转池）保持{total}名不变，财政供养编制总量不增加。",
        "fiscal_changes": "规划期内各年度全县编制总数（含周转池）为：{years}。",
        "todo_fiscal": "各年度调入乡镇新增用编的人员经费测算及资金来源",
        "annexes_plan": ["{county}乡镇机构编制统筹规划表"],
        "c_year": "年度", "c_quota": "编制", "c_lent": "周转池\n借出", "c_held": "周转池\n在池",
        "c_staff": "年初\n实有", "c_uncovered": "未覆盖\n需求", "c_moved": "调剂\n名额",
        "c_effective": "生效日期", "c_due": "归还期限", "c_start": "借用起",
        "c_now": "{kind}\n现有", "c_end": "{kind}\n{last}年",
    },
    "en": {
        "title": "Request for the multi-year plan of township establishment quota, {county}, {first}–{last}",
        "intro": "To match the quota of the townships to their workload and to the staff who will leave in the "
                 "coming years, the staffing office has drawn up a plan for {first}–{last} from the measured duties "
                 "of the county's {n} townships and the retirement forecast. It asks the committee to decide.",
        "h_basis": "1. Basis and necessity",
        "basis": "The plan follows the rules that totals never grow, kinds never mix, nobody is dismissed and "
                 "leadership posts stay as they are. It measures each township's need year by year and counts "
                 "retirements, leaves and planned hires. Staff expected to leave (retirements and other leaves), "
                 "year by year: {years}; quota and staff change with them and need planning year by year.",
        "year_figure": "{year}: {n}",
        "h_plan": "2. The plan",
        "h_totals": "(1) Totals year by year",
        "totals_lead": "The county's quota, pool and staff on 1 January, year by year:",
        "h_moves": "(2) Moves year by year",
        "moves_lead": "The plan makes {n} moves; slots moved: {slots}.",
        "no_moves": "The plan moves no quota.",
        "h_loans": "(3) Loans from the revolving pool",
        "loans_lead": "Pool slots lent anew: {n}, returned when due:",
        "no_loans": "The plan lends no pool slots anew.",
        "h_townships": "(4) Quota of each township",
        "townships_lead": "The quota of each township today and in {last}:",
        "h_points": "3. Points to explain",
        "h_effect": "(1) Effect",
        "effect": "Uncovered need over the plan: {uncovered} slot-years; slots moved: {slots}; pool slots lent "
                  "anew: {lent}; townships touched: {touched}.",
        "alternatives": "The plan moves quota within the county's total each year and adds none: slots freed by "
                        "retirements and leaves go first, pool slots on loan cover the rest until they are due.",
        "fiscal": "The county's total quota (pool included) stays {total} in every year of the plan: the funded "
                  "total does not grow.",
        "fiscal_changes": "The county's total quota (pool included), year by year: {years}.",
        "todo_fiscal": "the personnel cost of the receiving townships' new posts year by year, and its source",
        "annexes_plan": ["Multi-year plan tables, {county}"],
        "c_year": "Year", "c_quota": "Quota", "c_lent": "Pool\nlent", "c_held": "Pool\nheld",
        "c_staff": "Staff\n1 Jan", "c_uncovered": "Uncov-\nered", "c_moved": "Moved",
        "c_effective": "From", "c_due": "Due", "c_start": "Since",
        "c_now": "{kind}\ntoday", "c_end": "{kind}\n{last}",
    },
}


class PlanRequestWriter(OfficialRequest):
    """The request for one multi-year plan."""

    def __init__(self, plan: Plan, lang: str = "zh_CN") -> None:
        super().__init__(plan.county, lang, PLAN_WORDS)
        self.plan = plan
        self.kinds = plan.kinds_present()
        self.totals = plan.totals()
        self.first, self.last = (plan.years[0], plan.years[-1]) if plan.years else ("", "")

    def build(self):
        w, p = self.w, self.plan
        style.title_paragraph(self.doc, w["title"].format(county=self.county, first=self.first, last=self.last))
        self.para(w["addressee"].format(county=self.county), indent=False, align="left")
        self.para(w["intro"].format(n=len(p.township_names()), first=self.first, last=self.last))
        self.heading(w["h_basis"], 1)
        leavers = {year: sum(line.leavers for line in p.lines_of(year=year)) for year in p.years}
        years = w["kind_sep"].join(w["year_figure"].format(year=y, n=n) for y, n in leavers.items())
        self.para(w["basis"].format(years=years))
        self.todo_paragraph(w["todo_basis"], w["basis_todo"])
        self.heading(w["h_plan"], 1)
        self.year_totals()
        self.moves()
        self.loans()
        self.townships()
        self.points()
        self.closing(w["annexes_plan"], issued_on(p.generated_at))
        return self.doc

    def year_totals(self) -> None:
        w = self.w
        self.heading(w["h_totals"], 2)
        self.para(w["totals_lead"])
        header = [w["c_kind"], w["c_year"], w["c_quota"], w["c_lent"], w["c_held"], w["c_staff"], w["c_uncovered"],
                  w["c_moved"]]
        rows = []
        for kind, per_year in self.totals.items():
            for row in per_year:
                moved = sum(m.count for m in self.plan.moves_of(row.year, kind))
                rows.append([self.kind_short(kind), str(row.year), str(row.quota), str(row.pool_lent),
                             str(row.pool_held), str(row.staff_start), str(row.uncovered), str(moved)])
        style.add_table(self.doc, header, rows, [23, 19, 19, 19, 19, 19, 19, 19])

    def moves(self) -> None:
        w, p = self.w, self.plan
        self.heading(w["h_moves"], 2)
        if not p.moves:
            self.para(w["no_moves"])
            return
        self.para(w["moves_lead"].format(n=len(p.moves), slots=p.slots_moved))
        rows = [[str(m.year), m.giver, m.receiver, self.kind_short(m.kind), str(m.count),
                 (m.reason_en or m.reason) if self.key == "en" else m.reason] for m in p.moves]
        rows.append(["", w["total"], "", "", str(p.slots_moved), ""])
        style.add_table(self.doc, [w[c] for c in ("c_year", "c_from", "c_to", "c_move_kind", "c_count", "c_reason")],
                        rows, [13, 21, 21, 12, 12, 77], left_columns={5}, bold_last=True)

    def loans(self) -> None:
        w, p = self.w, self.plan
        self.heading(w["h_loans"], 2)
        loans = p.new_loans
        if not loans:
            self.para(w["no_loans"])
            return
        self.para(w["loans_lead"].format(n=p.slots_lent))
        rows = [[loan.township, self.kind_short(loan.kind), str(loan.count), loan.start, loan.due] for loan in loans]
        style.add_table(self.doc, [w[c] for c in ("c_township", "c_move_kind", "c_count", "c_start", "c_due")],
                        rows, [40, 24, 24, 34, 34], left_columns={0})

    def townships(self) -> None:
        w, p = self.w, self.plan
        self.heading(w["h_townships"], 2)
        self.para(w["townships_lead"].format(last=self.last))
        header = [w["c_township"]]
        for kind in self.kinds:
            header += [w["c_now"].format(kind=self.kind_short(kind)),
                       w["c_end"].format(kind=self.kind_short(kind), last=self.last)]
        rows = []
        for name in p.township_names():
            row = [name]
            for kind in self.kinds:
                line = p.line(name, kind, self.last)
                row += [str(line.approved), str(line.quota)] if line else ["—", "—"]
            rows.append(row)
        width = (style.TYPE_AREA_MM[0] - 34) / (2 * len(self.kinds))
        style.add_table(self.doc, header, rows, [34] + [width] * (2 * len(self.kinds)), left_columns={0})

    def points(self) -> None:
        w, p = self.w, self.plan
        self.heading(w["h_points"], 1)
        self.para(w["points_lead"])
        self.heading(w["h_effect"], 2)
        self.para(w["effect"].format(uncovered=p.uncovered, slots=p.slots_moved, lent=p.slots_lent,
                                     touched=p.townships_touched))
        self.heading(w["h_alternatives"], 2)
        self.para(w["alternatives"])
        self.todo_paragraph(w["todo_alternatives"])
        self.heading(w["h_fiscal"], 2)
        # Quota, pool held and pool lent of every kind, year by year: the funded total the plan keeps.
        by_year = {year: 0 for year in p.years}
        for rows in self.totals.values():
            for row in rows:
                by_year[row.year] += row.quota + row.pool_held + row.pool_lent
        if len(set(by_year.values())) == 1:
            self.para(w["fiscal"].format(total=next(iter(by_year.values()))))
        else:
            self.para(w["fiscal_changes"].format(years=w["kind_sep"].join(
                w["year_figure"].format(year=y, n=n) for y, n in by_year.items())))
        self.todo_paragraph(w["todo_fiscal"])
        self.heading(w["h_risks"], 2)
        self.diagnosis_and_risks(p.diagnosis_in(self.key == "en"))


def plan_docx_bytes(plan: Plan, lang: str = "zh_CN") -> bytes:
    writer = PlanRequestWriter(plan, lang)
    writer.build()
    return writer.save()


def write_plan_docx(plan: Plan, path: str | os.PathLike, lang: str = "zh_CN") -> Path:
    """Write the plan's request as .docx, whole or not at all."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_bytes_atomically(path, plan_docx_bytes(plan, lang))
    return path
