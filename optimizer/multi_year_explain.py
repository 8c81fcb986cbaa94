"""The multi-year plan in words: the moves of each year and why a township waits for a retirement.

Every sentence quotes the plan's own table (staff on 1 January, leavers, quota,
pool slots, need) for the year it speaks of, in Chinese and in English.
"""

from __future__ import annotations

from dataclasses import dataclass

from optimizer.moves import pair_lines
from optimizer.multi_year import KindYears, TownshipYears, YearsPlan, lower_bound
from optimizer.words import RESERVE_EN, RESERVE_ZH, kind_en, kind_zh


@dataclass
class YearMove:
    year: int              # plan year index
    giver: str
    receiver: str
    count: int
    zh: str
    en: str


def spare(t: TownshipYears, plan: YearsPlan, y: int, kind: str) -> int:
    """Slots a township could give in year y: above its staff and its need, and above its floors."""
    q, p = plan.quota[t.township][y], plan.pool[t.township][y]
    if t.locked:
        return 0
    return max(0, min(q + p - max(t.staff[y], t.required[y]), q - lower_bound(t, kind)))


def _short(t: TownshipYears, plan: YearsPlan, y: int) -> int:
    return max(0, t.required[y] - plan.quota[t.township][y] - plan.pool[t.township][y])


def year_moves(data: KindYears, plan: YearsPlan, calendar: list[int]) -> list[YearMove]:
    """The moves of every year (the quota's change from the year before), with their reasons."""
    if plan.status == "infeasible":
        return []
    by_name = {t.township: t for t in data.townships}
    moves = []
    for y in range(data.years):
        parties = []
        for t in data.townships:
            before = t.approved if y == 0 else plan.quota[t.township][y - 1]
            change = plan.quota[t.township][y] - before
            if change:
                parties.append((t.township, -change))
        kept = -sum(v for _, v in parties)
        if kept < 0:
            parties.append((RESERVE_ZH, kept))
        for giver, receiver, count in pair_lines(parties):
            zh, en = move_reason(data, plan, calendar, y, by_name[giver], by_name.get(receiver), count)
            moves.append(YearMove(y, giver, receiver, count, zh, en))
    return moves


def move_reason(data: KindYears, plan: YearsPlan, calendar: list[int], y: int, giver: TownshipYears,
                receiver: TownshipYears | None, count: int) -> tuple[str, str]:
    kind = data.kind
    kzh, ken = kind_zh(kind), kind_en(kind)
    year = calendar[y]
    g = giver.township
    g_before = giver.approved if y == 0 else plan.quota[g][y - 1]
    g_after, g_pool = plan.quota[g][y], plan.pool[g][y]
    gone = giver.leavers[y - 1] if y > 0 and giver.leavers else 0
    left = f"（{calendar[y - 1]}年离岗 {gone} 人）" if gone else ""
    left_en = f" ({gone} left in {calendar[y - 1]})" if gone else ""
    pool_zh = f"，另借周转池 {g_pool} 名过渡、随其人员离岗归还" if g_pool else ""
    pool_en = f", with {g_pool} pool slots to bridge, returned as its people leave" if g_pool else ""
    give_zh = (f"{g}{year}年初{kzh}实有 {giver.staff[y]} 人{left}、编制 {g_before} 名、需要 {giver.required[y]} 名，"
               f"调出 {g_before - g_after} 名后编制 {g_after} 名{pool_zh}")
    give_en = (f"{g} has {giver.staff[y]} {ken} staff on 1 January {year}{left_en}, {g_before} slots and a need of "
               f"{giver.required[y]}; it gives {g_before - g_after}, to {g_after}{pool_en}")
    if receiver is None:
        return (f"{give_zh}；全县{kzh}编制总量须不超过上限，此笔 {count} 名核减收回",
                f"{give_en}; the county's {ken} total must stay within its limit, so this line of {count} "
                f"goes to the {RESERVE_EN}")
    r = receiver.township
    r_before = receiver.approved if y == 0 else plan.quota[r][y - 1]
    r_after, r_pool = plan.quota[r][y], plan.pool[r][y]
    gap = receiver.required[y] - r_before - r_pool
    get_zh = (f"{r}{year}年需要 {receiver.required[y]} 名，编制 {r_before} 名"
              f"{'、周转池 ' + str(r_pool) + ' 名' if r_pool else ''}，"
              f"{'缺 ' + str(gap) + ' 名' if gap > 0 else '编制/需求低于全县平均（均衡工作压力）'}，"
              f"共调入 {r_after - r_before} 名至 {r_after} 名，此笔 {count} 名")
    get_en = (f"{r} needs {receiver.required[y]} in {year} and has {r_before} slots"
              f"{' and ' + str(r_pool) + ' pool slots' if r_pool else ''}"
              f"{', ' + str(gap) + ' short' if gap > 0 else ' (quota per need below the county average: balance)'}; "
              f"it receives {r_after - r_before} in all, to {r_after}; this line {count}")
    zh, en = f"{give_zh}；{get_zh}", f"{give_en}; {get_en}"
    if y > 0 and _short(receiver, plan, y - 1) > 0:
        others = sum(spare(t, plan, y - 1, kind) for t in data.townships if t.township != r)
        zh += (f"。{r}在{calendar[y - 1]}年已缺 {_short(receiver, plan, y - 1)} 名，但当年其他乡镇可调出的空编仅 "
               f"{others} 名（编制均不高于其实有人数或需要），故待{g}人员离岗、{year}年1月1日腾出空编后再调入")
        en += (f". {r} was already {_short(receiver, plan, y - 1)} short in {calendar[y - 1]}, but the other "
               f"townships could then give only {others} (their quota was no higher than their staff or need), "
               f"so it waits for {g}'s people to leave and receives on 1 January {year}")
    return zh, en


def waiting_notes(data: KindYears, plan: YearsPlan, calendar: list[int]) -> list[tuple[str, str, str]]:
    """(township, zh, en): why a township still short in some year is not covered then."""
    if plan.status == "infeasible":
        return []
    kind = data.kind
    kzh, ken = kind_zh(kind), kind_en(kind)
    notes = []
    for t in data.townships:
        short = [(calendar[y], _short(t, plan, y)) for y in range(data.years) if _short(t, plan, y) > 0]
        if not short:
            continue
        years_zh = "、".join(f"{year}年缺 {n} 名" for year, n in short)
        years_en = ", ".join(f"{n} short in {year}" for year, n in short)
        first = calendar.index(short[0][0])
        others = sum(spare(o, plan, first, kind) for o in data.townships if o.township != t.township)
        lent = sum(p[first] for p in plan.pool.values())
        if _short(t, plan, data.years - 1) > 0:
            wait_zh = "规划期内其他乡镇人员离岗腾出的空编也不足以补足"
            wait_en = "within the plan, slots freed by people leaving elsewhere do not cover it either"
        else:
            covered = next(calendar[y] for y in range(first, data.years) if _short(t, plan, y) == 0)
            wait_zh = f"待其他乡镇人员离岗腾出空编，{covered}年起补足"
            wait_en = f"it waits for people to leave elsewhere and is covered from {covered}"
        why_zh = (f"{short[0][0]}年其他乡镇可调出的空编 {others} 名，周转池已借出 {lent} 名（共 {data.pool} 名）"
                  f"{'，本乡镇已锁定' if t.locked else ''}；{wait_zh}")
        why_en = (f"in {short[0][0]} the other townships could give {others} and {lent} of the pool's {data.pool} "
                  f"slots were on loan{'; the township is locked' if t.locked else ''}; {wait_en}")
        notes.append((t.township, f"{t.township}{kzh}编制{years_zh}：{why_zh}",
                      f"{t.township}, {ken}: {years_en}: {why_en}"))
    for loan in plan.loans:
        t = next(x for x in data.townships if x.township == loan.township)
        leavers = sum(t.free_leavers[loan.year:loan.year + data.term])
        notes.append((t.township,
                      f"{t.township}自{calendar[loan.year]}年1月起借用{kzh}周转池 {loan.slots} 名，期限 {data.term} 年内"
                      f"预计离岗 {leavers} 人，每离岗 1 人归还 1 名，到期未还部分一并归还",
                      f"{t.township} borrows {loan.slots} {ken} pool slots from January {calendar[loan.year]}; "
                      f"{leavers} of its people are expected to leave in the {data.term}-year term, each returning "
                      f"one slot, and what is left is due at the end of the term"))
    return notes
