"""Reasons in plain words: for each township, each move, each conflict and each extra slot.

Every sentence quotes the numbers it rests on (approved, staff, required,
proposed) and names the rule or priority that decided, in Chinese and in
English.
"""

from __future__ import annotations

from optimizer.inputs import KindInput, TownshipQuota
from optimizer.plan import KindPlan, Marginal
from optimizer.words import LEVEL_EN, LEVEL_ZH, kind_en, kind_zh, rule_en, rule_zh


def _spare(t: TownshipQuota, plan: KindPlan) -> int:
    """Slots beyond both the workload's need and the township's lower limit."""
    return t.approved - max(t.required, plan.lower[t.township].value)


def _need_words(t: TownshipQuota, kind: str) -> tuple[str, str]:
    lead = (f"（含领导职数 {t.leadership} 名）" if kind == "administrative" and t.leadership else "")
    lead_en = (f" (of which {t.leadership} leadership posts)"
               if kind == "administrative" and t.leadership else "")
    return (f"按工作量与AB岗需{kind_zh(kind)}编制 {t.required} 名{lead}",
            f"needs {t.required} {kind_en(kind)} posts for its workload with A/B backup{lead_en}")


def _cap_words(t: TownshipQuota, plan: KindPlan) -> tuple[str, str]:
    """How many slots the township can give and which rule caps that: its need, or its floor."""
    a, r = t.approved, t.required
    lo = plan.lower[t.township]
    spare = _spare(t, plan)
    if lo.value is None or lo.value <= r:
        return (f"超出需要 {a - r} 名，可调出 {spare} 名",
                f"{a - r} above its need, so it can give {spare}")
    if lo.rule == "staff":
        floor_zh = f"空编 {a - t.staff} 名"
        floor_en = f"{a - t.staff} vacant"
    else:
        floor_zh = f"不得低于{rule_zh(lo.rule)} {lo.value} 名"
        floor_en = f"it may not go below {rule_en(lo.rule)}, {lo.value}"
    return (f"超出需要 {a - r} 名，但按“{rule_zh(lo.rule, True)}”{floor_zh}，可调出 {spare} 名",
            f"{a - r} above its need, but '{rule_en(lo.rule, True)}' ({floor_en}) lets it give {spare}")


def move_reason(data: KindInput, plan: KindPlan, giver: TownshipQuota,
                receiver: TownshipQuota | None, count: int) -> tuple[str, str]:
    """Why `count` slots go from the giver to the receiver, with the figures of the proposal's table.

    Every number is one of the table's (核定编制 approved, 实有人数 staff, 需要 the A/B need,
    the proposed quota) or follows from them by the arithmetic the sentence states.
    """
    kind = data.kind
    kzh, ken = kind_zh(kind), kind_en(kind)
    this_zh, this_en = f"此笔 {count} 名", f"this line {count}"
    if receiver is None:
        why_zh = (f"全县{kzh}编制调剂后总量须不超过 {plan.total_limit} 名"
                  f"（{'县里预留 ' + str(data.reserve) + ' 名' if data.reserve else '总量压减'}），"
                  f"{this_zh}收归县机动编制")
        why_en = (f"the county's {ken} total after the proposal may be at most {plan.total_limit} "
                  f"({'a county reserve of ' + str(data.reserve) if data.reserve else 'a total cut'}); "
                  f"{this_en} {'goes' if count == 1 else 'go'} to the county reserve")
    else:
        rname, ra, rr = receiver.township, receiver.approved, receiver.required
        rq = plan.quota[rname]
        got_zh, got_en = f"共调入 {rq - ra} 名至 {rq} 名", f"receives {rq - ra} in all, to {rq}"
        lo = plan.lower[rname]
        if rr > ra:
            nz, ne = _need_words(receiver, kind)
            why_zh = f"{rname}{nz}，核定编制 {ra} 名，缺 {rr - ra} 名，{got_zh}"
            why_en = f"{rname} {ne}, has {ra} approved, is {rr - ra} short and {got_en}"
        elif lo.value is not None and lo.value > ra:
            why_zh = (f"{rname}核定{kzh}编制 {ra} 名，{rule_zh(lo.rule)} {lo.value} 名，"
                      f"按“{rule_zh(lo.rule, True)}”须补足 {lo.value - ra} 名，{got_zh}")
            why_en = (f"{rname} has {ra} approved {ken} slots but {rule_en(lo.rule)} is {lo.value}; "
                      f"'{rule_en(lo.rule, True)}' requires {lo.value - ra} more; it {got_en}")
        else:
            why_zh = (f"{rname}核定{kzh}编制 {ra} 名、需要 {rr} 名，"
                      f"编制/需求低于全县平均（均衡工作压力），{got_zh}")
            why_en = (f"{rname} has {ra} approved {ken} slots for a need of {rr}; its quota per need "
                      f"is below the county average (balance); it {got_en}")
    gname, ga, gr = giver.township, giver.approved, giver.required
    gq = plan.quota[gname]
    gave_zh, gave_en = f"共调出 {ga - gq} 名至 {gq} 名，{this_zh}", f"it gives {ga - gq} in all, to {gq}; {this_en}"
    head_zh = f"{gname}核定{kzh}编制 {ga} 名、实有人数 {giver.staff} 名、需要 {gr} 名"
    head_en = f"{gname} has {ga} approved {ken} slots, {giver.staff} staff and a need of {gr}"
    hi = plan.upper[gname]
    if hi.value is not None and ga > hi.value:
        give_zh = f"{head_zh}，超过编制上限 {hi.value} 名，{gave_zh}"
        give_en = f"{head_en}, above its band maximum of {hi.value}; {gave_en}"
    elif _spare(giver, plan) > 0:
        cap_zh, cap_en = _cap_words(giver, plan)
        give_zh = f"{head_zh}：{cap_zh}，{gave_zh}"
        give_en = f"{head_en}: {cap_en}; {gave_en}"
    else:
        keeps = data.reserve and receiver is None
        why = "县里预留" if keeps else "全县总量须压减"
        give_zh = f"{head_zh}，因{why}而调出（总量控制），{gave_zh}"
        give_en = (f"{head_en} and gives some up because the county "
                   f"{'keeps a reserve' if keeps else 'total must shrink'} (totals never grow); {gave_en}")
    return f"{why_zh}；{give_zh}。", f"{why_en}; {give_en}."


def township_reason(data: KindInput, plan: KindPlan, t: TownshipQuota) -> tuple[str, str]:
    """Why this township's quota of the kind changed or did not."""
    kind = data.kind
    kzh, ken = kind_zh(kind), kind_en(kind)
    name = t.township
    a, r = t.approved, t.required
    if plan.status == "infeasible":
        return (f"{name}{kzh}编制规则冲突，未作调整（见诊断）。",
                f"{name}: the {ken} rules conflict; nothing was changed (see the diagnosis).")
    q = plan.quota[name]
    lo, hi = plan.lower[name], plan.upper[name]
    need_zh, need_en = _need_words(t, kind)
    head_zh = f"{name}核定{kzh}编制 {a} 名、实有人数 {t.staff} 名，{need_zh}。"
    head_en = f"{name}: {a} approved {ken} slots, {t.staff} staff; it {need_en}."
    if t.locked:
        tail_zh = f"该乡镇已锁定，编制保持 {a} 名（锁定乡镇不变）。"
        tail_en = f"The township is locked and keeps {a} (locked townships keep their quota)."
        if r > a:
            tail_zh += f"缺口 {r - a} 名因锁定未补。"
            tail_en += f" Its shortfall of {r - a} stays because of the lock."
        return head_zh + tail_zh, head_en + " " + tail_en
    short_after = max(0, r - q)
    if q > a:
        if lo.value is not None and lo.value > a and q == lo.value and r <= lo.value:
            tail_zh = (f"调入 {q - a} 名至 {q} 名：{rule_zh(lo.rule)} {lo.value} 名，"
                       f"按“{rule_zh(lo.rule, True)}”须补足。")
            tail_en = (f"It receives {q - a} to reach {q}: {rule_en(lo.rule)} is {lo.value} and "
                       f"'{rule_en(lo.rule, True)}' requires it.")
        elif r > a:
            tail_zh = f"缺 {r - a} 名，调入 {q - a} 名至 {q} 名（补足工作量缺口）。"
            tail_en = f"It is {r - a} short and receives {q - a}, to {q} (cover the workload)."
            if short_after:
                tail_zh += _still_short_zh(plan, t, q)
                tail_en += " " + _still_short_en(plan, t, q)
        else:
            tail_zh = (f"调入 {q - a} 名至 {q} 名：全县有可调剂的编制，按均衡工作压力分配"
                       f"（均衡工作压力）。")
            tail_en = (f"It receives {q - a}, to {q}: the county has slots to spare and they go "
                       f"where pressure is highest (balance).")
        return head_zh + tail_zh, head_en + " " + tail_en
    if q < a:
        if hi.value is not None and a > hi.value and q == hi.value:
            tail_zh = f"调出 {a - q} 名至编制上限 {q} 名（编制上限）。"
            tail_en = f"It gives {a - q} to come down to its band maximum of {q}."
        elif q >= r:
            cap_zh, cap_en = _cap_words(t, plan)
            tail_zh = f"{cap_zh}，调出 {a - q} 名至 {q} 名，补给缺编乡镇（补足工作量缺口）"
            tail_en = f"It is {cap_en}; it gives {a - q}, to {q}, to townships that are short (cover the workload)"
            if a - q < _spare(t, plan):
                tail_zh += f"；其余 {_spare(t, plan) - (a - q)} 名不调出（尽量少调动）"
                tail_en += f"; the other {_spare(t, plan) - (a - q)} stay (move few slots)"
            tail_zh += "。"
            tail_en += "."
        else:
            tail_zh = (f"全县总量须不超过 {plan.total_limit} 名（总量控制），调出 {a - q} 名至 {q} 名，"
                       f"缺口 {short_after} 名。")
            tail_en = (f"The county total may be at most {plan.total_limit} (totals never grow): it gives "
                       f"{a - q}, to {q}, and is {short_after} short.")
        return head_zh + tail_zh, head_en + " " + tail_en
    # Unchanged.
    if r > a:
        if hi.value is not None and a >= hi.value:
            tail_zh = f"已达编制上限 {hi.value} 名，缺口 {r - a} 名无法补足（编制上限）。"
            tail_en = f"It is at its band maximum of {hi.value}; its shortfall of {r - a} cannot be met."
        else:
            tail_zh = f"未调入。" + _still_short_zh(plan, t, q)
            tail_en = "It receives nothing. " + _still_short_en(plan, t, q)
    elif r == a:
        tail_zh = "编制与需要相符，不作调整（尽量少调动）。"
        tail_en = "Its quota matches its need; it stays (move few slots)."
    else:
        spare = _spare(t, plan)
        if spare <= 0:
            tail_zh = (f"超出需要的 {a - r} 名已被{rule_zh(lo.rule)}占用，按“{rule_zh(lo.rule, True)}”不能调出。")
            tail_en = (f"Its {a - r} slots above need are taken by {rule_en(lo.rule)}; "
                       f"'{rule_en(lo.rule, True)}' keeps them.")
        elif _moved_any(plan) and _covered(plan):
            # Others give what the short townships need: taking it from fewer townships is level 3.
            cap_zh, cap_en = _cap_words(t, plan)
            tail_zh = (f"{cap_zh}，但缺编乡镇所需已由其他乡镇调出的编制补足，"
                       f"为尽量少涉及乡镇，保持不变（尽量少调动、少涉及乡镇）。")
            tail_en = (f"It is {cap_en}, but other townships already give what the short ones need; it stays "
                       f"so that fewer townships change (move few slots, touch few townships).")
        else:
            cap_zh, cap_en = _cap_words(t, plan)
            tail_zh = f"{cap_zh}，但没有乡镇需要调入，保持不变（尽量少调动）。"
            tail_en = f"It is {cap_en}, but no township needs them; it stays (move few slots)."
    return head_zh + tail_zh, head_en + " " + tail_en


def _covered(plan: KindPlan) -> bool:
    return any(lv.name == "uncovered" and lv.value == 0 for lv in plan.levels)


def _moved_any(plan: KindPlan) -> bool:
    return any(lv.name == "moved" and lv.value > 0 for lv in plan.levels)


def _still_short_zh(plan: KindPlan, t: TownshipQuota, q: int) -> str:
    hi = plan.upper[t.township]
    if hi.value is not None and q >= hi.value:
        return f"仍缺 {t.required - q} 名，受编制上限 {hi.value} 名限制。"
    if not _moved_any(plan):
        return (f"仍缺 {t.required - q} 名：全县没有可调出的富余编制，各乡镇的编制都不超过其需要，"
                f"或超出部分已被实有人员占用（总量控制、人员不减）。")
    return (f"仍缺 {t.required - q} 名：全县可调剂的富余编制已全部调给缺编乡镇（总量控制、人员不减），"
            f"并按均衡工作压力优先给了离均衡水平更远的乡镇。")


def _still_short_en(plan: KindPlan, t: TownshipQuota, q: int) -> str:
    hi = plan.upper[t.township]
    if hi.value is not None and q >= hi.value:
        return f"It is still {t.required - q} short, held by its band maximum of {hi.value}."
    if not _moved_any(plan):
        return (f"It is still {t.required - q} short: no township has slots to spare; each holds no more "
                f"than it needs, or its extra slots are filled by staff (totals never grow, nobody is "
                f"dismissed).")
    return (f"It is still {t.required - q} short: every slot the county could spare went to townships "
            f"that are short (totals never grow, nobody is dismissed), first to those furthest below "
            f"an even spread of pressure.")


def marginal_value(data: KindInput, plan: KindPlan) -> Marginal:
    """What one more slot of the kind would do: uncovered need removed, and where.

    At the level-1 optimum one more slot in the total removes exactly one
    slot of uncovered need when the total is binding and some township is
    still short below its upper limit (give it there), and none otherwise.
    """
    kind = data.kind
    kzh, ken = kind_zh(kind), kind_en(kind)
    if plan.status == "infeasible":
        return Marginal(kind, 0, "", f"{kzh}编制规则冲突，增加编制前须先解决冲突。",
                        f"The {ken} rules conflict; resolve that first.")
    candidates = []
    for t in data.townships:
        q = plan.quota[t.township]
        hi = plan.upper[t.township].value
        reach = t.required if hi is None else min(t.required, hi)
        if q < reach:
            pressure = q / t.required if t.required > 0 else 0.0  # quota ÷ need, as the tables show
            candidates.append((-(t.required - q), pressure, t.township, reach - q))
    binding = sum(plan.quota.values()) >= plan.total_limit
    if candidates and binding:
        candidates.sort()
        gap, _, name, coverable = candidates[0]
        total_coverable = sum(c[3] for c in candidates)
        return Marginal(kind, 1, name,
                        f"再增加 1 名{kzh}编制可减少未覆盖需要 1 名，应给{name}（缺 {-gap} 名，全县缺口最大）；"
                        f"全县尚有 {total_coverable} 名可补的缺口。",
                        f"One more {ken} slot removes 1 of uncovered need, at {name} ({-gap} short, the "
                        f"largest shortfall); {total_coverable} coverable shortfall remains in the county.")
    blocked = sum(max(0, t.required - plan.quota[t.township]) for t in data.townships)
    if blocked:
        return Marginal(kind, 0, "",
                        f"再增加{kzh}编制不能减少未覆盖需要：剩余缺口 {blocked} 名都受锁定或编制上限限制。",
                        f"More {ken} slots would not reduce uncovered need: the remaining {blocked} short "
                        f"are held by locks or band maximums.")
    return Marginal(kind, 0, "", f"{kzh}编制已覆盖全部工作量需要，增加编制不能减少未覆盖需要。",
                    f"The {ken} quota already covers all workload need; more slots would not help.")


def level_summary(plan: KindPlan) -> tuple[str, str]:
    """One line on how well each priority level was solved."""
    zh, en = [], []
    for lv in plan.levels:
        state_zh = "已证明最优" if lv.proven_optimal else f"未证明最优（差距 {lv.gap or 0:.1%}）"
        state_en = "proven optimal" if lv.proven_optimal else f"not proven optimal (gap {lv.gap or 0:.1%})"
        value = f"{lv.value:g}" if lv.name != "imbalance" else f"{lv.value:.1f}"
        zh.append(f"{LEVEL_ZH[lv.name]} {value}（{state_zh}）")
        en.append(f"{LEVEL_EN[lv.name]} {value} ({state_en})")
    return "；".join(zh), "; ".join(en)
