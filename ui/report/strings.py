"""Words of the printed proposal in Chinese and English.

The document's language is chosen per document (`lang`), independently of the
window's language: an English-speaking planner may still print the Chinese
document for the committee. So these are plain tables, not tr() strings.
"""

from __future__ import annotations

# 一、二、三 … for first-level headings, （一）（二） … for second-level ones.
CHINESE_NUMERALS = "一二三四五六七八九十"

TEXT: dict[str, dict[str, str]] = {
    "zh": {
        "title": "{county}乡镇机构编制调剂方案",
        "draft": "（建议稿）",
        "info": "测算方案：{scenario}　　生成日期：{date}",
        "addressee": "{county}机构编制委员会：",
        "intro": "根据全县{n}个乡镇（街道）职责事项工作量测算结果，按照“总量控制、只减不增，分类管理、"
                 "不得混用，人员不减、领导职数不动”的原则，在县域内统筹调剂乡镇机构编制，"
                 "提出调剂方案建议如下，请审议。",
        "intro_infeasible": "根据全县{n}个乡镇（街道）职责事项工作量测算结果，在现行规则下无法形成同时满足"
                            "全部硬性要求的调剂方案，有关情况报告如下，请审议。",
        "h_summary": "总体情况",
        "kind_sentence": "{kind}：调剂前核定{before}名，调剂后{after}名；按工作量测算的缺口由{ub}名降至{ua}名；"
                         "调剂{moved}名，涉及{touched}个乡镇。",
        "reserve_sentence": "县级预留{reserve}名。",
        "moves_sentence": "本方案共提出调剂事项{n}项。",
        "no_moves_sentence": "本方案不调剂编制。",
        "summary_caption": "表1　调剂前后编制总体情况",
        "c_kind": "编制类型", "c_before": "调剂前\n编制", "c_after": "调剂后\n编制",
        "c_unc_before": "调剂前\n缺口", "c_unc_after": "调剂后\n缺口",
        "c_moved": "调剂\n名额", "c_touched": "涉及乡镇\n（个）", "c_reserve": "县级\n预留",
        "total": "合计",
        "h_notes": "需要说明的情况",
        "h_townships": "各乡镇编制调剂情况",
        "township_caption": "表2-{i}　{kind}调剂情况",
        "c_no": "序号", "c_township": "乡镇（街道）", "c_approved": "核定\n编制", "c_staff": "实有\n人数",
        "c_vacancy": "空编", "c_over": "超编", "c_leadership": "领导\n职数", "c_fte": "测算需求\n（WISN）",
        "c_required": "需求人数\n（含AB岗）", "c_proposed": "建议\n编制", "c_change": "增减",
        "c_ratio_pair": "编制/需求\n调剂前→后", "ratio_pair": "{before}→{after}",
        "c_note": "备注", "locked": "（锁定）",
        "h_moves": "调剂明细",
        "moves_caption": "表3　编制调剂明细",
        "c_from": "调出单位", "c_to": "调入单位", "c_move_kind": "类型", "c_count": "名额", "c_reason": "调剂理由",
        "annex_lead": "附件：", "annex_item": "{n}．{title}",
        "explanations_title": "各乡镇编制测算与调剂说明",
        "no_explanations": "本方案未附各乡镇说明。",
        "note_in": "调入{n}名", "note_out": "调出{n}名", "note_short": "仍缺{n}名", "note_over": "超编{n}名",
        "note_locked": "锁定", "note_join": "，",
        "signature": "{county}机构编制委员会办公室",
        "annex": "附件{n}",
        "annexes_doc": "（附件）",
        "roster_title": "各乡镇AB岗设置表",
        "roster_intro": "每项职责由A岗主办，另由一名不同人员担任B岗，A岗不在岗时由B岗独立办理。"
                        "负荷率为年工作负荷（含备岗负荷）除以岗位年可用工时。",
        "design_sentence": "{kind}设岗{posts}个（理论下界{lower}个{proof}）",
        "proven": "，已证明最少", "not_proven": "",
        "c_post": "岗位", "c_a": "A岗职责（主办）", "c_b": "B岗职责（备岗）",
        "c_load": "年工作负荷\n（小时）", "c_capacity": "年可用工时\n（小时）", "c_ratio": "负荷率",
        "no_roster": "本方案未包含AB岗设置。",
        "params_title": "测算参数",
        "params_caption": "表4　工作量测算参数",
        "technical_title": "计算说明",
        "tech_made": "本方案依据“{scenario}”测算方案，于{generated}由计算机按上述规则和参数计算得出。",
        "tech_solver": "计算使用{solver}优化求解器，共用时{seconds}；计算结果：{status}。",
        "tech_stages": "其中{stages}。",
        "tech_fingerprint": "数据指纹是由台账数据和计算条件算出的一串校验码，台账或条件有任何改动，指纹都会改变。"
                            "核对时，系统中显示的指纹与下列指纹一致，即说明本方案依据的是同一份台账：",
        "c_item": "项目", "c_value": "取值", "c_meaning": "说明",
        "marginal_caption": "表5　每类增加1名编制可减少的缺口",
        "c_reduction": "可减少缺口（名）", "c_best": "宜增加的乡镇",
        "seconds": "{s:.2f}秒",
        "st_optimal": "最优方案（已证明最优）",
        "st_gap": "可行方案，与最优值的差距不超过{gap}",
        "st_feasible": "可行方案（未证明最优）",
        "st_infeasible": "规则无法同时满足，未形成方案",
        "charts_title": "调剂前后对比图",
        "figure": "图{n}　{title}",
        "no_charts": "本方案无可绘制的图表。",
        "page": "— {n} —",
        "continued": "续",
        "unit_days": "天", "unit_hours": "小时", "unit_people": "名",
        "date": "{y}年{m}月{d}日",
    },
    "en": {
        "title": "Reallocation of Township Establishment Quota, {county}",
        "draft": "(Draft for decision)",
        "info": "Scenario: {scenario}    Date: {date}",
        "addressee": "To the {county} Establishment Committee:",
        "intro": "Based on the measured workload of the county's {n} townships and subdistricts, and within the "
                 "rules that totals never grow, kinds never mix, nobody is dismissed and leadership posts stay "
                 "as they are, the staffing office proposes the following reallocation for decision.",
        "intro_infeasible": "Based on the measured workload of the county's {n} townships and subdistricts, no "
                            "reallocation can meet every hard rule at once; the reasons are reported below.",
        "h_summary": "Summary",
        "kind_sentence": "{kind} quota: {before} approved before and {after} after; uncovered need falls from "
                         "{ub} to {ua}; {moved} slots moved, {touched} townships touched.",
        "reserve_sentence": "The county keeps {reserve} in reserve.",
        "moves_sentence": "The proposal contains {n} moves.",
        "no_moves_sentence": "The proposal moves no quota.",
        "summary_caption": "Table 1  Quota before and after",
        "c_kind": "Kind", "c_before": "Approved before", "c_after": "After",
        "c_unc_before": "Uncovered need before", "c_unc_after": "Uncovered need after",
        "c_moved": "Slots moved", "c_touched": "Townships touched", "c_reserve": "County reserve",
        "total": "Total",
        "h_notes": "Points to note",
        "h_townships": "Township by township",
        "township_caption": "Table 2-{i}  {kind} quota",
        "c_no": "No.", "c_township": "Township", "c_approved": "Approved", "c_staff": "Staff",
        "c_vacancy": "Vacancy", "c_over": "Over quota", "c_leadership": "Leaders", "c_fte": "WISN FTE",
        "c_required": "Required (with A/B)", "c_proposed": "Proposed", "c_change": "Change",
        "c_ratio_pair": "Quota/need\nbefore→after", "ratio_pair": "{before}→{after}",
        "c_note": "Note", "locked": " (locked)",
        "h_moves": "Itemised moves",
        "moves_caption": "Table 3  Moves of quota",
        "c_from": "From", "c_to": "To", "c_move_kind": "Kind", "c_count": "Slots", "c_reason": "Reason",
        "annex_lead": "Annexes: ", "annex_item": "{n}. {title}",
        "explanations_title": "Reasons by township",
        "no_explanations": "The proposal holds no explanations per township.",
        "note_in": "receives {n}", "note_out": "gives {n}", "note_short": "{n} short", "note_over": "{n} over quota",
        "note_locked": "locked", "note_join": "; ",
        "signature": "{county} Establishment Committee Office",
        "annex": "Annex {n}",
        "annexes_doc": "(annexes)",
        "roster_title": "A/B roster of each township",
        "roster_intro": "Every duty has an A holder and a different B holder who can act alone when A is away. "
                        "Load ratio is the annual load (backup load included) over the post's available hours.",
        "design_sentence": "{kind}: {posts} posts (lower bound {lower}{proof})",
        "proven": ", proven minimal", "not_proven": "",
        "c_post": "Post", "c_a": "A duties (primary)", "c_b": "B duties (backup)",
        "c_load": "Annual load (h)", "c_capacity": "Available (h)", "c_ratio": "Load ratio",
        "no_roster": "The proposal holds no A/B roster.",
        "params_title": "Parameters",
        "technical_title": "How the proposal was computed",
        "tech_made": "The proposal was computed from the scenario \u201c{scenario}\u201d on {generated}, by the "
                     "rules and parameters above.",
        "tech_solver": "The {solver} optimisation solver worked {seconds} in all; result: {status}.",
        "tech_stages": "Of that time: {stages}.",
        "tech_fingerprint": "The fingerprint is a check code computed from the ledger and the conditions of the "
                            "computation; any change to either changes it. When the fingerprint the planner shows "
                            "matches this one, the proposal rests on the same ledger:",
        "params_caption": "Table 4  Workload parameters",
        "c_item": "Item", "c_value": "Value", "c_meaning": "Meaning",
        "marginal_caption": "Table 5  Value of one more slot per kind",
        "c_reduction": "Uncovered need reduced by", "c_best": "Township to receive it",
        "seconds": "{s:.2f} s",
        "st_optimal": "optimal (proven)",
        "st_gap": "feasible, within {gap} of the optimum",
        "st_feasible": "feasible (optimality not proven)",
        "st_infeasible": "the rules cannot all be met; no proposal",
        "charts_title": "Charts",
        "figure": "Figure {n}  {title}",
        "no_charts": "No chart can be drawn for this proposal.",
        "page": "— {n} —",
        "continued": "continued",
        "unit_days": "days", "unit_hours": "hours", "unit_people": "",
        "date": "{y}-{m:02d}-{d:02d}",
    },
}

# Parameter rows of the basis annex: key, Chinese label, English label, unit key, meaning zh, meaning en.
PARAMETER_ROWS = (
    ("working_days", "年工作日", "Working days a year", "unit_days",
     "全年日历天数扣除周末和法定节假日", "calendar days less weekends and public holidays"),
    ("annual_leave_days", "年休假天数", "Annual leave", "unit_days", "按工龄5/10/15天", "5/10/15 days by seniority"),
    ("other_absence_days", "病假及其他缺勤天数", "Sick leave and other absence", "unit_days", "", ""),
    ("training_days", "培训天数", "Training", "unit_days", "", ""),
    ("hours_per_day", "每日工时", "Hours a day", "unit_hours", "", ""),
    ("shared_duty_share", "公共事务时间占比", "Share of shared duties", "",
     "会议、学习、报表等人人承担的时间", "meetings, studies and reporting everyone does"),
    ("backup_load_factor", "备岗负荷系数", "Backup load factor", "",
     "B岗须能承接的A岗工作量比例", "share of the A load a B holder must be able to absorb"),
    ("max_backup_roles", "每人最多B岗数", "Most B roles per person", "", "", ""),
    ("available_hours", "年有效工作时间", "Available working time", "unit_hours",
     "（年工作日－各类缺勤）×每日工时", "(working days − absence) × hours a day"),
)


def lang_key(lang: str | None) -> str:
    """"zh" for any Chinese locale name, "en" otherwise."""
    return "zh" if not lang or str(lang).lower().startswith("zh") else "en"


def chinese_ordinal(n: int) -> str:
    """1 -> 一, 12 -> 十二, 21 -> 二十一 (enough for headings and township lists)."""
    if n >= 100:
        return str(n)  # a province-sized list: Arabic numerals read better than 一百二十三
    if n <= 10:
        return CHINESE_NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    head = "十" if tens == 1 else CHINESE_NUMERALS[tens - 1] + "十"
    return head + (CHINESE_NUMERALS[ones - 1] if ones else "")
