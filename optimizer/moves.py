"""The itemised moves list: which township gives (调出) how many slots to which (调入).

Per kind this is a transportation problem whose every solution moves the
same slots; what differs is the number of lines. A list of n givers and
receivers needs n − g lines, where g is the largest number of groups that
can be cut out of them with equal sums given and received: found by
optimizer.move_groups, which also proves the fewest lines possible. Each
group is then filled largest to largest (north-west corner).
Slots the county keeps back appear as a line to the county reserve.
"""

from __future__ import annotations

from optimizer.explain import move_reason
from optimizer.inputs import KindInput
from optimizer.move_groups import most_groups
from optimizer.plan import KindPlan, Move
from optimizer.words import RESERVE_ZH

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


def pair_lines(parties: list[Party]) -> list[tuple[str, str, int]]:
    """(giver, receiver, count) lines moving every slot, fewest lines (see optimizer.move_groups)."""
    return lines_and_bound(parties)[0]


def lines_and_bound(parties: list[Party]) -> tuple[list[tuple[str, str, int]], int]:
    """The lines, and the fewest lines proven possible (equal to their number when proven minimal)."""
    parties = [p for p in parties if p[1] != 0]
    groups, most = most_groups(parties)
    lines = []
    for group in groups:
        lines += _northwest(group)
    return lines, len(parties) - most


def itemise(data: KindInput, plan: KindPlan) -> list[Move]:
    """The moves list of one kind, each line with its reason in Chinese and English."""
    return itemise_with_bound(data, plan)[0]


def itemise_with_bound(data: KindInput, plan: KindPlan) -> tuple[list[Move], int]:
    """The moves list of one kind and the fewest lines proven possible for it."""
    if plan.status == "infeasible":
        return [], 0
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
    lines, fewest = lines_and_bound(parties)
    for giver, receiver, count in lines:
        zh, en = move_reason(data, plan, by_name[giver], by_name.get(receiver), count)
        moves.append(Move(data.kind, giver, receiver, count, zh, en))
    return moves, fewest
