"""The words of the request (请示) to the establishment committee, in Chinese and in English.

Placeholders (`{todo}` and the TODO_* texts) mark what the planner cannot know
— the fiscal effect in money, the consultation, the policy documents — for
the clerk to write before the request goes out; the document shows them in
【】 on a yellow mark.
"""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "zh": {
        "title": "关于{county}乡镇机构编制调剂的请示",
        "addressee": "{county}机构编制委员会：",
        "intro": "为使乡镇（街道）编制配置与实际工作量相匹配，根据全县{n}个乡镇（街道）职责事项工作量测算结果，"
                 "我办在县域内统筹提出了乡镇机构编制调剂方案。现将有关事项请示如下：",
        "h_basis": "一、调剂的依据和必要性",
        "basis": "本方案按照“总量控制、只减不增，分类管理、不得混用，人员不减、领导职数不动”的原则，"
                 "以各乡镇（街道）职责事项的年办件量、单件工时和AB岗互为备岗的要求测算编制需求。"
                 "测算表明，现有编制分布与工作量不相匹配：按工作量测算，全县尚有{ub}名编制需求未被覆盖（{kinds}）。",
        "basis_kind": "{kind}{n}名",
        "basis_todo": "政策依据：",
        "todo_basis": "上级有关文件名称和文号",
        "h_plan": "二、调剂方案",
        "h_totals": "（一）总体情况",
        "totals_lead": "调剂在各编制类型内分别进行，调剂前后全县编制总数不变，具体如下：",
        "totals_sentence": "{kind}：调剂前核定{before}名，调剂后{after}名；按工作量测算的缺口由{ub}名降至{ua}名；"
                           "调剂{moved}名，涉及{touched}个乡镇。",
        "reserve_sentence": "县级预留{reserve}名。",
        "h_moves": "（二）调剂明细",
        "moves_lead": "本方案共提出调剂事项{n}项，调剂编制{slots}名，涉及{touched}个乡镇（街道），逐项列明如下：",
        "no_moves": "本方案不调剂编制。",
        "h_townships": "（三）各乡镇（街道）调剂前后编制",
        "townships_lead": "各乡镇（街道）调剂前后的编制数如下（单位：名）：",
        "h_points": "三、有关事项说明",
        "points_lead": "按照《中国共产党机构编制工作条例》第十六条关于提出机构编制事项应当说明有关情况的要求，"
                       "逐项说明如下：",
        "h_effect": "（一）调剂的效果",
        "effect": "调剂后，全县按工作量测算未被覆盖的编制需求由{ub}名降至{ua}名，共调剂编制{slots}名，"
                  "涉及{touched}个乡镇（街道）。",
        "effect_left": "调剂后仍有{ua}名需求未被覆盖，原因见本节第四项。",
        "h_alternatives": "（二）是否考虑了调整编制以外的办法",
        "alternatives": "本方案在全县编制总量内调剂，不新增编制。调剂前全县空编{vacancy}名（{kinds}），"
                        "超编{over}名；方案只调出超出工作量需要的编制，调出后各乡镇编制不低于实有人数。",
        "todo_alternatives": "内部挖潜、职责调整、政府购买服务等其他办法的考虑情况",
        "h_fiscal": "（三）对财政的影响",
        "fiscal": "调剂前后全县编制总数均为{total}名，县级预留{reserve}名，财政供养编制总量不增加。",
        "todo_fiscal": "调入乡镇新增用编的人员经费测算及资金来源",
        "h_risks": "（四）风险及应对",
        "floors": "按照人员不减的原则，调出编制的乡镇调剂后编制不低于实有人数；{n}项编制调剂后与实有人数相等"
                  "（{names}），今后无空编可用，补充人员须另行统筹。",
        "floors_none": "按照人员不减的原则，调出编制的乡镇调剂后编制不低于实有人数。",
        "floors_below": "{names}调剂后编制仍低于实有人数（已超编且未调入或已锁定），超编部分在自然减员中逐步消化。",
        "over_quota": "调剂前{names}超编，按人员不减调剂后编制不低于实有人数，超编部分在自然减员中逐步消化。",
        "diagnosis_lead": "需要说明的情况：",
        "todo_risks": "征求乡镇（街道）意见情况、干部思想稳定等风险评估及应对措施",
        "todo": "【待填写：{what}】",
        "closing": "以上请示妥否，请批示。",
        "annex_lead": "附件：",
        "annexes": ["{county}乡镇机构编制调剂方案", "{county}乡镇机构编制调剂方案附件"],
        "signature": "{county}机构编制委员会办公室",
        "date": "{y}年{m}月{d}日",
        "contact": "（联系人：{todo}；联系电话：{todo}）",
        "todo_contact": "姓名",
        "todo_phone": "电话",
        "c_kind": "编制类型", "c_before": "调剂前\n核定", "c_after": "调剂后\n编制", "c_ub": "调剂前\n缺口",
        "c_ua": "调剂后\n缺口", "c_moved": "调剂\n名额", "c_touched": "涉及\n乡镇", "c_reserve": "县级\n预留",
        "total": "合计",
        "c_no": "序号", "c_from": "调出单位", "c_to": "调入单位", "c_move_kind": "类型", "c_count": "名额",
        "c_reason": "调剂理由",
        "c_township": "乡镇（街道）", "c_kind_before": "{kind}\n调剂前", "c_kind_after": "{kind}\n调剂后",
        "c_change": "增减",
        "list_sep": "、", "kind_sep": "，",
    },
    "en": {
        "title": "Request for the reallocation of township establishment quota, {county}",
        "addressee": "To the {county} Establishment Committee:",
        "intro": "To match the quota of the townships and subdistricts to their workload, the staffing office has "
                 "measured the duties of the county's {n} townships and drawn up a reallocation within the county. "
                 "It asks the committee to decide on the following.",
        "h_basis": "1. Basis and necessity",
        "basis": "The proposal follows the rules that totals never grow, kinds never mix, nobody is dismissed and "
                 "leadership posts stay as they are. The need of each township is measured from the annual volume "
                 "and time of its duties and the requirement that every duty has an A and a B holder. The quota "
                 "does not match the workload: {ub} slots of need are not covered ({kinds}).",
        "basis_kind": "{kind} {n}",
        "basis_todo": "Policy basis: ",
        "todo_basis": "the documents of the higher authorities and their numbers",
        "h_plan": "2. The reallocation",
        "h_totals": "(1) Totals",
        "totals_lead": "Each kind of quota is reallocated on its own; the county's totals do not change:",
        "totals_sentence": "{kind} quota: {before} approved before and {after} after; uncovered need falls from {ub} "
                           "to {ua}; slots moved: {moved}; townships touched: {touched}.",
        "reserve_sentence": " The county keeps {reserve} in reserve.",
        "h_moves": "(2) Moves",
        "moves_lead": "The proposal makes {n} moves; slots moved: {slots}; townships touched: {touched}.",
        "no_moves": "The proposal moves no quota.",
        "h_townships": "(3) Quota of each township before and after",
        "townships_lead": "The quota of each township before and after:",
        "h_points": "3. Points to explain",
        "points_lead": "As Article 16 of the 2019 Regulation on Establishment Work asks of a proposal, point by point:",
        "h_effect": "(1) Effect",
        "effect": "Uncovered need falls from {ub} to {ua}; {slots} slots move, touching {touched} townships.",
        "effect_left": "{ua} slots of need remain uncovered; see point 4 for why.",
        "h_alternatives": "(2) Alternatives to a change of quota",
        "alternatives": "The proposal moves quota within the county's total and adds none. Before it the county has "
                        "{vacancy} vacant slots ({kinds}) and {over} over quota; only quota above a township's need "
                        "moves, and no township ends with less quota than staff.",
        "todo_alternatives": "other ways considered: internal redeployment, changes of duties, purchased services",
        "h_fiscal": "(3) Fiscal effect",
        "fiscal": "The county's total quota is {total} before and after, {reserve} kept in reserve: the funded total "
                  "does not grow.",
        "todo_fiscal": "the personnel cost of the receiving townships' new posts and where it comes from",
        "h_risks": "(4) Risks",
        "floors": "Nobody is dismissed: a township that gives quota keeps at least its staff; {n} quotas end equal "
                  "to staff ({names}) and have no vacancy left.",
        "floors_none": "Nobody is dismissed: a township that gives quota keeps at least its staff.",
        "floors_below": "Still below their staff after the reallocation (over quota and not receiving, or locked): "
                        "{names}; the excess goes as people leave.",
        "over_quota": "Over quota before: {names}; their quota after is not below their staff, and the excess goes "
                      "as people leave.",
        "diagnosis_lead": "Points to note:",
        "todo_risks": "consultation of the townships and the risks to morale, with the measures planned",
        "todo": "[to fill in: {what}]",
        "closing": "The office asks the committee to decide.",
        "annex_lead": "Annexes: ",
        "annexes": ["Reallocation of township establishment quota, {county}",
                    "Annexes to the reallocation, {county}"],
        "signature": "{county} Establishment Committee Office",
        "date": "{y}-{m:02d}-{d:02d}",
        "contact": "(Contact: {todo}; telephone: {todo})",
        "todo_contact": "name",
        "todo_phone": "number",
        "c_kind": "Kind", "c_before": "Before", "c_after": "After", "c_ub": "Uncovered\nbefore",
        "c_ua": "Uncovered\nafter", "c_moved": "Moved", "c_touched": "Town-\nships", "c_reserve": "Kept\nback",
        "total": "Total",
        "c_no": "No.", "c_from": "From", "c_to": "To", "c_move_kind": "Kind", "c_count": "Slots",
        "c_reason": "Reason",
        "c_township": "Township", "c_kind_before": "{kind}\nbefore", "c_kind_after": "{kind}\nafter",
        "c_change": "Change",
        "list_sep": ", ", "kind_sep": ", ",
    },
}
