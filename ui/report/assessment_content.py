"""What a township's assessment page says (no Qt, no layout): one page per township.

The page a leader reads: the quota and workload per kind, where the township stands against
the standing checks, the age structure of its people, and how it compares with the county
median; then the points to note in plain sentences. The figures are the CountyAssessment's
(planner.domain.assessment), shown by the one rounding rule (planner.domain.rounding).
"""

from __future__ import annotations

from planner.domain.assessment import CountyAssessment, TownshipAssessment
from planner.domain.rounding import fte_text, ratio_text
from planner.domain.rules import Range
from planner.domain.vocabulary import category_label, kind_label, pressure_label, township_type_label
from ui.report.blocks import Block, Column, Heading, NewPage, Paragraph, Table, TitleBlock
from ui.report.strings import chinese_ordinal

TEXT = {
    "zh": {
        "title": "{name}机构编制评估",
        "sub": "{county} · {category}{type} · 人口{population}人 · 行政村{villages}个 · {as_of}",
        "as_of": "{y}年{m}月",
        "h_quota": "编制、工作量与人员", "h_rules": "对照编制标准与全县中位数",
        "h_points": "评估提示",
        "c_kind": "编制类型", "c_approved": "核定\n编制", "c_staff": "实有\n人数", "c_vacancy": "空编",
        "c_usable": "可用\n编制", "c_over": "超编", "c_need": "测算\n需求", "c_ratio": "实有/\n需求", "c_load": "工作量", "c_band": "类别\n标准",
        "quota_note": "注：测算需求按职责事项工作量测算；实有/需求低于0.9为紧缺、高于1.2为富余；"
                      "可用编制＝空编－用编计划未进人数。",
        "c_item": "项目", "c_now": "本乡镇", "c_standard": "标准或\n全县中位数", "c_verdict": "结论或\n相差",
"leaders": "领导职数", "offices": "{kind}内设机构（个）",
        "within": "符合", "above": "高于标准", "below": "低于标准", "no_rule": "未设标准",
        "age": "在册{on_file}人（出生年月已知{known}人）：30岁以下{young}人（{young_p}），"
               "55岁及以上{old}人（{old_p}），5年内退休{retiring}人。",
        "no_people": "台账中尚未录入本乡镇人员信息，年龄结构无法评估。",
        "median": "中位数 {v}",
        "per_10k": "每万人口编制数", "per_village": "每个行政村编制数",
        "p_load": "工作量（实有/需求）：{items}。", "p_load_item": "{kind}{status}（{ratio}）",
        "p_usable": "可用编制：{items}，可补紧缺或参与县域调剂。", "p_item": "{kind}{n}名",
        "p_over": "超编：{items}，超编期间不得进人。",
        "p_retiring": "5年内{n}人到龄退休，宜提前安排补充。",
        "p_old": "55岁及以上人员占{p}，年龄结构偏大。",
        "p_none": "未发现需要特别提示的情况。",
        "p_join": "、",
    },
    "en": {
        "title": "Assessment of {name}",
        "sub": "{county} · {category} · pop. {population} · {villages} villages · {as_of}",
        "as_of": "{y}-{m:02d}",
        "h_quota": "Quota, workload and staff", "h_rules": "Standards and the county median", "h_points": "Points to note",
        "c_kind": "Kind", "c_approved": "Approved", "c_staff": "Staff", "c_vacancy": "Vacancy",
        "c_usable": "Usable", "c_over": "Over", "c_need": "Required\nFTE", "c_ratio": "WISN\nratio",
        "c_load": "Workload", "c_band": "Category\nband",
        "quota_note": "WISN ratio = staff ÷ required FTE (< 0.9 shortage, > 1.2 surplus); "
                      "usable = vacancy − pending hires.",
        "c_item": "Item", "c_now": "Township", "c_standard": "Standard or\ncounty median",
        "c_verdict": "Verdict or\ndifference",
"leaders": "Leadership posts", "offices": "{kind} offices",
        "within": "within", "above": "above", "below": "below", "no_rule": "no standard",
        "age": "{on_file} on file ({known} with birth month): {young} under 30 ({young_p}), "
               "{old} aged 55+ ({old_p}), {retiring} retiring in 5 years.",
        "no_people": "No people of this township are on file: the age structure cannot be assessed.",
        "median": "median {v}",
        "per_10k": "Slots per 10,000 residents", "per_village": "Slots per village",
        "p_load": "Workload: {items}.", "p_load_item": "{kind} {status} ({ratio})",
        "p_usable": "Usable vacant slots: {items}.", "p_item": "{kind} {n}",
        "p_over": "Over quota: {items}; no hiring while over.",
        "p_retiring": "{n} retire within 5 years: plan replacements.",
        "p_old": "{p} of the staff are 55 or over.",
        "p_none": "Nothing calls for attention.",
        "p_join": ", ",
    },
}
OLD_SHARE_NOTABLE = 0.25   # a quarter of the staff 55 or over is worth a sentence


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def _num(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


class AssessmentContent:
    def __init__(self, result: CountyAssessment, lang: str = "zh_CN") -> None:
        self.result = result
        self.key = "en" if lang == "en" else "zh"
        self.t = TEXT[self.key]

    def heading(self, n: int, key: str) -> Heading:
        prefix = f"{n}. " if self.key == "en" else f"{chinese_ordinal(n)}、"
        return Heading(prefix + self.t[key], 1)

    def kind_name(self, kind: str) -> str:
        return kind_label(kind, self.key, long=True, cap=True)

    def verdict(self, standard: Range, value: int) -> str:
        if standard.empty:
            return self.t["no_rule"]
        if standard.above(value):
            return self.t["above"]
        return self.t["below"] if standard.below(value) else self.t["within"]

    # -- one page ------------------------------------------------------------------------
    def township_blocks(self, t: TownshipAssessment) -> list[Block]:
        w, result = self.t, self.result
        blocks: list[Block] = [TitleBlock(w["title"].format(name=t.name), [
            w["sub"].format(county=result.county, category=category_label(t.category, self.key),
                            type=township_type_label(t.type, self.key), population=f"{t.population:,}",
                            villages=t.villages, as_of=w["as_of"].format(y=result.as_of.year, m=result.as_of.month))])]
        # The conclusions first: a leader reads the points, then the tables they rest on.
        blocks += [self.heading(1, "h_points")] + [Paragraph(p, style="note") for p in self.points(t)]
        blocks += [self.heading(2, "h_quota"), self.quota_table(t), self.age_block(t),
                   Paragraph(w["quota_note"], style="note")]
        blocks += [self.heading(3, "h_rules"), self.rules_table(t)]
        return blocks

    def quota_table(self, t: TownshipAssessment) -> Table:
        w = self.t
        columns = [Column(w["c_kind"], 1.5, "left")] + [Column(w[c], 1.0) for c in (
            "c_approved", "c_staff", "c_vacancy", "c_usable", "c_over", "c_need", "c_ratio", "c_load", "c_band")]
        rows = [[self.kind_name(k.kind), str(k.approved), str(k.staff), str(k.vacancy), str(k.usable_vacancy),
                 str(k.over_quota), fte_text(k.need_fte), ratio_text(k.wisn_ratio, "—"),
                 pressure_label(k.status, self.key) if k.status else "—", k.band.text()]
                for k in t.kinds if k.has_line]
        return Table(columns, rows, dense=True)

    def rules_table(self, t: TownshipAssessment) -> Table:
        w = self.t
        # The category bands stand beside the quota in the first table; their breaches are in the points.
        rows = []
        rows.append([w["leaders"], str(t.leadership), t.leadership_standard.text(),
                     self.verdict(t.leadership_standard, t.leadership)])
        for kind, count in t.offices.items():
            limit = t.office_limits.get(kind)
            if limit is not None:   # a kind without a limit has nothing to be measured against
                standard = Range(None, limit)
                rows.append([w["offices"].format(kind=kind_label(kind, self.key, cap=True)), str(count),
                             standard.text(), self.verdict(standard, count)])
        rows += self.compare_rows(t)
        columns = [Column(w["c_item"], 2.4, "left"), Column(w["c_now"], 1.0), Column(w["c_standard"], 1.2),
                   Column(w["c_verdict"], 1.2)]
        return Table(columns, rows, dense=True)

    def age_block(self, t: TownshipAssessment) -> Block:
        w, age = self.t, t.age
        if not age.on_file:
            return Paragraph(w["no_people"], style="note")
        return Paragraph(w["age"].format(on_file=age.on_file, known=age.known, young=age.young,
                                         young_p=_pct(age.young_share), old=age.old, old_p=_pct(age.old_share),
                                         retiring=age.retiring), style="note")

    def compare_rows(self, t: TownshipAssessment) -> list[list[str]]:
        w, c = self.t, t.comparison

        def diff(here, median):
            return "—" if here is None or median is None else f"{here - median:+.1f}"
        return [[w["per_10k"], _num(c.per_10k), w["median"].format(v=_num(c.median_per_10k)),
                 diff(c.per_10k, c.median_per_10k)],
                [w["per_village"], _num(c.per_village), w["median"].format(v=_num(c.median_per_village)),
                 diff(c.per_village, c.median_per_village)]]

    def points(self, t: TownshipAssessment) -> list[str]:
        """The standing checks broken, then one line each for workload, usable vacancy, over-quota and
        retirements: a page's points stay few whatever the township (the page must stay one page)."""
        w = self.t
        join = w["p_join"]
        out = [x.text(self.key) + ("." if self.key == "en" else "。") for x in t.warnings]
        kinds = [k for k in t.kinds if k.has_line]

        def name(kind: str) -> str:   # 行政 / Admin.: the points name a kind briefly, one line each
            return kind_label(kind, self.key, short=self.key == "en", cap=True)
        loads = [w["p_load_item"].format(kind=name(k.kind),
                                         status=pressure_label(k.status, self.key), ratio=ratio_text(k.wisn_ratio))
                 for k in kinds if k.status in ("shortage", "surplus")]
        if loads:
            out.append(w["p_load"].format(items=join.join(loads)))
        usable = [w["p_item"].format(kind=name(k.kind), n=k.usable_vacancy)
                  for k in kinds if k.usable_vacancy and not k.over_quota]
        if usable:
            out.append(w["p_usable"].format(items=join.join(usable)))
        over = [w["p_item"].format(kind=name(k.kind), n=k.over_quota)
                for k in kinds if k.over_quota]
        if over:
            out.append(w["p_over"].format(items=join.join(over)))
        if t.age.retiring:
            out.append(w["p_retiring"].format(n=t.age.retiring))
        if t.age.old_share is not None and t.age.old_share >= OLD_SHARE_NOTABLE:
            out.append(w["p_old"].format(p=_pct(t.age.old_share)))
        return out or [w["p_none"]]

    def build(self) -> list[Block]:
        blocks: list[Block] = []
        for i, t in enumerate(self.result.townships):
            if i:
                blocks.append(NewPage())
            blocks += self.township_blocks(t)
        return blocks
