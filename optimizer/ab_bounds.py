"""Lower bounds on the number of posts of an A/B design, each with its reason in words.

The pieces to pack are the A shares (hours h) and the B roles (load f·h) of
the shares that need backup. A post holds at most `capacity` hours and at
most `max_backup_roles` B roles, and never both the A and the B of one share.
Every bound below ignores some of these rules, so none can exceed the true
minimum; the largest one is the design's lower bound.

A duty larger than one post is split into parts whose sizes the design
chooses. The bounds then take each part at the least it can be
(`part_minimums`): packing smaller pieces is never harder, so a bound on the
smaller pieces is a bound on every split; only the load bound uses the real
total, which does not depend on the split.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate

EPS = 1e-9


@dataclass(frozen=True)
class Bound:
    value: int
    rule: str       # load | backup_roles | pair | big_pieces | backup_room | exact
    zh: str
    en: str


def _ceil(x: float) -> int:
    # Loads are sums of floats: 12.000000001 posts is 12 posts.
    return max(0, math.ceil(x - 1e-7))


def part_minimums(hours: float, parts: int, capacity: float) -> list[float]:
    """The least hours of the j-th largest of `parts` parts of a duty, j = 1..parts.

    The j-th largest is at least (hours − (j − 1)·C) ÷ (parts − j + 1): the
    larger ones hold at most C each and the smaller ones at most as much as it.
    """
    return [max(0.0, (hours - (j - 1) * capacity) / (parts - j + 1)) for j in range(1, parts + 1)]


def load_bound(a_sizes: list[float], b_sizes: list[float], capacity: float,
               total: float | None = None) -> Bound:
    if total is None:
        total = math.fsum(a_sizes) + math.fsum(b_sizes)
    value = _ceil(total / capacity)
    return Bound(value, "load",
                 f"A岗工时与B岗备岗负荷合计 {total:,.0f} 小时，每岗可承担 {capacity:,.0f} 小时，至少 {value} 岗",
                 f"A hours and B backup load total {total:,.0f} h; a post takes {capacity:,.0f} h: "
                 f"at least {value} posts")


def backup_roles_bound(n_backup: int, max_roles: int) -> Bound:
    value = -(-n_backup // max_roles) if n_backup else 0
    return Bound(value, "backup_roles",
                 f"需设B岗 {n_backup} 个，每人最多 {max_roles} 个，至少 {value} 岗",
                 f"{n_backup} B roles, at most {max_roles} per person: at least {value} posts")


def pair_bound(n_backup: int, n_shares: int) -> Bound:
    value = 2 if n_backup else (1 if n_shares else 0)
    return Bound(value, "pair", "A岗与B岗须由不同的人担任，至少 2 岗" if n_backup else "至少 1 岗",
                 "A and B of a duty must be different people: at least 2 posts" if n_backup
                 else "at least 1 post")


def martello_toth(sizes: list[float], capacity: float) -> int:
    """Martello and Toth's L2 bound for bin packing, in O(n log n).

    For a threshold a ≤ C/2: pieces above C − a each need their own bin, pieces
    in (C/2, C − a] too, and the pieces in [a, C/2] must fill what those
    middle bins leave free before opening new bins.
    """
    if not sizes:
        return 0
    s = sorted(sizes)
    prefix = [0.0, *accumulate(s)]
    n = len(s)
    half = capacity / 2
    i_half = bisect_right(s, half + EPS)            # s[:i_half] <= C/2
    best = _ceil(prefix[n] / capacity)
    thresholds = [0.0] + sorted(set(s[:i_half]))
    for a in thresholds:
        i_big = bisect_right(s, capacity - a + EPS)  # s[i_big:] > C − a
        j1 = n - i_big
        j2 = i_big - i_half                          # (C/2, C − a]
        sum_j2 = prefix[i_big] - prefix[i_half]
        i_a = bisect_left(s, a - EPS)
        sum_j3 = prefix[i_half] - prefix[i_a]
        spill = sum_j3 - (j2 * capacity - sum_j2)
        value = j1 + j2 + (_ceil(spill / capacity) if spill > 0 else 0)
        best = max(best, value)
    return best


def big_pieces_bound(a_sizes: list[float], b_sizes: list[float], capacity: float) -> Bound:
    value = martello_toth(a_sizes + b_sizes, capacity)
    big = sum(1 for h in a_sizes if h > capacity / 2 + EPS)
    return Bound(value, "big_pieces",
                 f"有 {big} 份职责各超过半个岗位的工时，须各占一岗；连同其余工时按装箱下界至少 {value} 岗",
                 f"{big} duty shares each need more than half a post and take a post each; with the rest, "
                 f"the bin-packing bound gives at least {value} posts")


def backup_room_bound(a_sizes: list[float], b_sizes: list[float], capacity: float,
                      max_roles: int) -> Bound:
    """Posts taken by a large A share have little room left for B roles.

    For each B size t: posts holding an A share h > C/2 can take at most
    min(m, ⌊(C − h) ÷ t⌋) of the B roles of size ≥ t; the rest need other
    posts, at most min(m, ⌊C ÷ t⌋) each.
    """
    big = [h for h in a_sizes if h > capacity / 2 + EPS]
    rooms = sorted(capacity - h for h in big)
    bs = sorted(b_sizes, reverse=True)
    best = 0
    best_t = 0.0
    for count, t in enumerate(bs, start=1):
        if count < len(bs) and bs[count] == t:
            continue  # take all B roles of the same size together
        if t <= EPS:
            break
        absorbed = sum(min(max_roles, int(r / t + EPS)) for r in rooms)
        if absorbed >= count:
            continue
        per_post = max(1, min(max_roles, int(capacity / t + EPS)))
        value = len(big) + -(-(count - absorbed) // per_post)
        if value > best:
            best, best_t = value, t
    return Bound(best, "backup_room",
                 f"{len(big)} 个岗位被大份职责占满，余下时间容不下 {best_t:,.0f} 小时及以上的B岗，"
                 f"这些B岗须另设岗位，至少 {best} 岗",
                 f"{len(big)} posts are nearly filled by large duty shares and cannot take B roles of "
                 f"{best_t:,.0f} h or more; those need other posts: at least {best} posts")


def lower_bound(a_sizes: list[float], b_sizes: list[float], capacity: float,
                max_roles: int, load_total: float | None = None) -> Bound:
    """The strongest of the bounds above (ties: the simplest reason).

    With split duties, `a_sizes` and `b_sizes` hold each part at its least
    (part_minimums) and `load_total` is the true total of A hours and B load.
    """
    n_backup = len(b_sizes)
    candidates = [
        pair_bound(n_backup, len(a_sizes)),
        load_bound(a_sizes, b_sizes, capacity, load_total),
        backup_roles_bound(n_backup, max_roles),
        big_pieces_bound(a_sizes, b_sizes, capacity),
        backup_room_bound(a_sizes, b_sizes, capacity, max_roles),
    ]
    best = candidates[0]
    for c in candidates[1:]:
        if c.value > best.value:
            best = c
    return best
