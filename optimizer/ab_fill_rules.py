"""The rules a packing of the fill keeps, checked with the exact hours, and its grid arithmetic.

`check` is the certificate of optimizer.ab_fill: every packing it returns has
passed it (each share's A on one post, a B holder other than the A holder,
posts within their hours and B roles, the parts of one duty on different posts).
The helpers below read the subset-sum layers the fill keeps as integers, one
bit per grid step of a post's hours, one layer per number of B roles.
"""

from __future__ import annotations

import math

from optimizer.ab_pack import EPS, Assignment


def check(a: list[float], b: list[float | None], assignment: Assignment, posts: int, capacity: float,
          max_roles: int, duty: list[int] | None = None) -> list[str]:
    """What a packing breaks (empty when it holds): every rule, with the exact hours."""
    a_post, b_post = assignment
    n = len(a)
    problems = []
    if len(a_post) != n or len(b_post) != n:
        return ["the packing does not place every share"]
    load: list[list[float]] = [[] for _ in range(posts)]
    roles = [0] * posts
    for i in range(n):
        p = a_post[i]
        if not 0 <= p < posts:
            problems.append(f"share {i} has no A holder")
            continue
        load[p].append(a[i])
        if b[i] is None:
            if b_post[i] != -1:
                problems.append(f"share {i} needs no backup but has a B holder")
            continue
        q = b_post[i]
        if not 0 <= q < posts:
            problems.append(f"share {i} has no B holder")
            continue
        if q == p:
            problems.append(f"share {i} has the same A and B holder")
        load[q].append(b[i])
        roles[q] += 1
    for p in range(posts):
        if math.fsum(load[p]) > capacity + EPS:
            problems.append(f"post {p} is over: {math.fsum(load[p])} > {capacity}")
        if roles[p] > max_roles:
            problems.append(f"post {p} holds {roles[p]} B roles")
    if duty is not None:
        seen: set[tuple[int, int]] = set()
        for i, p in enumerate(a_post):
            if (duty[i], p) in seen:
                problems.append(f"post {p} holds two parts of duty {duty[i]}")
            seen.add((duty[i], p))
    return problems


def _parts_apart(chosen, n: int, duty: list[int] | None) -> bool:
    if duty is None:
        return True
    seen = set()
    for k in chosen:
        if k < n:
            if duty[k] in seen:
                return False
            seen.add(duty[k])
    return True


def _highest(layer: list[int], hi: int, c_min: int, c_max: int) -> int | None:
    """The highest grid hours at most `hi` reachable with c_min..c_max B roles, or None."""
    best = None
    window = (1 << (hi + 1)) - 1
    for c in range(max(c_min, 0), min(c_max, len(layer) - 1) + 1):
        bits = layer[c] & window
        if bits:
            top = bits.bit_length() - 1
            best = top if best is None else max(best, top)
    return best


def _reach(layer: list[int], lo: int, hi: int, c_min: int, c_max: int) -> bool:
    lo = max(lo, 0)
    if hi < lo:
        return False
    window = (1 << (hi - lo + 1)) - 1
    for c in range(max(c_min, 0), min(c_max, len(layer) - 1) + 1):
        if (layer[c] >> lo) & window:
            return True
    return False
