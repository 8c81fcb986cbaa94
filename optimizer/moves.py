"""The itemised moves list: which township gives (调出) how many slots to which (调入).

Per kind this is a transportation problem whose every solution moves the
same slots; what differs is the number of lines. A list of n givers and
receivers needs n − g lines, where g is the largest number of groups that
can be cut out of them with equal sums given and received. For up to
EXACT_LIMIT parties the groups are found exactly (dynamic programming over
subsets); beyond that, equal amounts are paired first and the rest is filled
largest to largest (north-west corner), which is within n − 1 lines.
Slots the county keeps back appear as a line to the county reserve.
"""

from __future__ import annotations

from optimizer.explain import move_reason
from optimizer.inputs import KindInput
from optimizer.plan import KindPlan, Move
from optimizer.words import RESERVE_ZH

EXACT_LIMIT = 14

Party = tuple[str, int]  # (name, slots: > 0 gives, < 0 receives)


def _northwest(group: list[Party]) -> list[tuple[str, str, int]]:
    """Lines for one balanced group: largest giver to largest receiver, repeatedly."""
    givers = sorted(([n, v] for n, v in group if v > 0), key=lambda p: (-p[1], p[0]))
    receivers = sorted(([n, -v] for n, v in group if v < 0), key=lambda p: (-p[1], p[0]))
    lines = []
    gi = ri = 0
    while gi < len(givers) and ri < len(receivers):
        count = min(givers[gi][1], receivers[ri][1])
        lines.append((givers[gi][0], receivers[ri][0], count))
        givers[gi][1] -= count
        receivers[ri][1] -= count
        if givers[gi][1] == 0:
            gi += 1
        if receivers[ri][1] == 0:
            ri += 1
    return lines


def _exact_groups(parties: list[Party]) -> list[list[Party]]:
    """The most groups with zero sum (each group then needs |group| − 1 lines)."""
    n = len(parties)
    values = [v for _, v in parties]
    full = (1 << n) - 1
    total = [0] * (1 << n)
    for mask in range(1, 1 << n):
        low = mask & -mask
        total[mask] = total[mask ^ low] + values[low.bit_length() - 1]
    best = [0] * (1 << n)
    choice = [0] * (1 << n)
    for mask in range(1, 1 << n):
        top, pick = -1, 0
        rest = mask
        while rest:
            low = rest & -rest
            rest ^= low
            score = best[mask ^ low]
            if score > top:
                top, pick = score, low
        best[mask] = top + (1 if total[mask] == 0 else 0)
        choice[mask] = pick
    # Unwind: the order in which parties were removed; a group closes where the sum is zero.
    order = []
    mask = full
    while mask:
        order.append(choice[mask])
        mask ^= choice[mask]
    order.reverse()  # the order in which parties were added
    groups, current, running = [], [], 0
    for bit in order:
        index = bit.bit_length() - 1
        current.append(parties[index])
        running += values[index]
        if running == 0:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def pair_lines(parties: list[Party]) -> list[tuple[str, str, int]]:
    """(giver, receiver, count) lines moving every slot, fewest lines (exact when small)."""
    parties = [p for p in parties if p[1] != 0]
    if not parties:
        return []
    if len(parties) <= EXACT_LIMIT:
        lines = []
        for group in _exact_groups(parties):
            lines += _northwest(group)
        return lines
    # Large lists: equal amounts first, then largest to largest.
    lines = []
    receivers: dict[int, list[str]] = {}
    for name, v in parties:
        if v < 0:
            receivers.setdefault(-v, []).append(name)
    rest: list[Party] = []
    matched: set[str] = set()
    for name, v in sorted((p for p in parties if p[1] > 0), key=lambda p: (-p[1], p[0])):
        partners = receivers.get(v)
        if partners:
            other = partners.pop(0)
            matched.add(other)
            lines.append((name, other, v))
        else:
            rest.append((name, v))
    rest += [p for p in parties if p[1] < 0 and p[0] not in matched]
    return lines + _northwest(rest)


def itemise(data: KindInput, plan: KindPlan) -> list[Move]:
    """The moves list of one kind, each line with its reason in Chinese and English."""
    if plan.status == "infeasible":
        return []
    parties: list[Party] = []
    for t in data.townships:
        change = plan.quota[t.township] - t.approved
        if change:
            parties.append((t.township, -change))
    kept_back = sum(t.approved for t in data.townships) - sum(plan.quota.values())
    if kept_back > 0:
        parties.append((RESERVE_ZH, -kept_back))
    by_name = {t.township: t for t in data.townships}
    moves = []
    for giver, receiver, count in pair_lines(parties):
        zh, en = move_reason(data, plan, by_name[giver], by_name.get(receiver), count)
        moves.append(Move(data.kind, giver, receiver, count, zh, en))
    return moves
