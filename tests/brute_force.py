"""Exhaustive A/B packing for tiny designs: the truth the designer's tests compare with."""

from __future__ import annotations


def fits(a, b, duty, posts, cap, m) -> bool:
    """Every placement of the pieces into `posts` posts, exhaustively (tiny designs only)."""
    n = len(a)
    pieces = [(a[i], i, False) for i in range(n)] + [(b[i], i, True) for i in range(n) if b[i] is not None]
    pieces.sort(key=lambda p: (-p[0], p[2]))
    load = [0.0] * posts
    roles = [0] * posts
    a_post: dict[int, int] = {}

    def place(k: int, used: int) -> bool:
        if k == len(pieces):
            return True
        size, i, is_b = pieces[k]
        for p in range(min(used + 1, posts)):  # a new post only as the next one (symmetry)
            if load[p] + size > cap + 1e-7:
                continue
            if is_b and (roles[p] >= m or a_post[i] == p):
                continue
            if not is_b and any(duty[j] == duty[i] and q == p for j, q in a_post.items()):
                continue  # two parts of one duty need two A holders
            load[p] += size
            roles[p] += is_b
            if not is_b:
                a_post[i] = p
            if place(k + 1, max(used, p + 1)):
                return True
            load[p] -= size
            roles[p] -= is_b
            if not is_b:
                del a_post[i]
        return False

    return place(0, 0)
