"""Constructive packing of A shares and B roles into a fixed number of posts.

Each function tries to place every piece into `posts` posts and returns the
post of each A share and of each B role (-1 for shares without backup), or
None when it could not. They are fast and greedy; when none reaches the lower
bound, a tabu search repairs the best attempt, and the exact model
(ab_exact.py) decides what is left.
"""

from __future__ import annotations

import heapq
import random

EPS = 1e-7

Assignment = tuple[list[int], list[int]]   # (post of each A share, post of each B role or -1)


def _place_a(a: list[float], order: list[int], posts: int, capacity: float, rule: str):
    if rule == "worst":
        return _place_a_worst(a, order, posts, capacity)
    load = [0.0] * posts
    a_post = [-1] * len(a)
    limit = capacity + EPS
    for i in order:
        h = a[i]
        best, key = -1, None
        for p in range(posts):
            after = load[p] + h
            if after > limit:
                continue
            if key is None or after > key:   # best fit: the fullest (worst fit: _place_a_worst)
                best, key = p, after
        if best < 0:
            return None
        load[best] += h
        a_post[i] = best
    return load, a_post


def _place_a_worst(a: list[float], order: list[int], posts: int, capacity: float):
    """_place_a's worst fit: each share to the emptiest post (the first of equals); if that
    one has no room, none has. A heap of (load, post) finds it without looking at every post."""
    heap = [(0.0, p) for p in range(posts)]
    a_post = [-1] * len(a)
    limit = capacity + EPS
    for i in order:
        load, p = heap[0]
        after = load + a[i]
        if after > limit:
            return None
        heapq.heapreplace(heap, (after, p))
        a_post[i] = p
    load = [0.0] * posts
    for value, p in heap:
        load[p] = value
    return load, a_post


def _place_b_worst(b: list[float | None], order: list[int], a_post: list[int], load: list[float],
                   capacity: float, max_roles: int) -> list[int] | None:
    """_place_b's worst fit with a heap: each B role to the emptiest post that is not its A's
    and has a role left (the first of equals), if it has room; a full post leaves the heap."""
    count = [0] * len(load)
    b_post = [-1] * len(b)
    heap = [(value, p) for p, value in enumerate(load)] if max_roles > 0 else []
    heapq.heapify(heap)
    limit = capacity + EPS
    for i in order:
        s = b[i]
        own = a_post[i]
        if not heap:
            return None
        held = None
        if heap[0][1] == own:       # the role's own A post: the next emptiest instead
            held = heapq.heappop(heap)
            if not heap:
                return None
        value, p = heap[0]
        after = value + s
        if after > limit:
            return None
        count[p] += 1
        if count[p] >= max_roles:
            heapq.heappop(heap)
        else:
            heapq.heapreplace(heap, (after, p))
        if held is not None:
            heapq.heappush(heap, held)
        load[p] = after
        b_post[i] = p
    return b_post


def _place_b(b: list[float | None], a_post: list[int], load: list[float], capacity: float,
             max_roles: int, rule: str) -> list[int] | None:
    order = sorted((i for i, s in enumerate(b) if s is not None), key=lambda i: -b[i])
    if rule == "worst":
        return _place_b_worst(b, order, a_post, load, capacity, max_roles)
    posts = len(load)
    count = [0] * posts
    b_post = [-1] * len(b)
    limit = capacity + EPS
    for i in order:
        s = b[i]
        own = a_post[i]
        best, key = -1, None
        for p in range(posts):
            if p == own or count[p] >= max_roles:
                continue
            after = load[p] + s
            if after > limit:
                continue
            if rule == "best":   # the fullest (worst fit: _place_b_worst)
                k = after
            else:  # "per_role": most room per B role still open on the post
                k = (limit - after) / (max_roles - count[p])
            if key is None or k > key:
                best, key = p, k
        if best < 0:
            return None
        load[best] += s
        count[best] += 1
        b_post[i] = best
    return b_post


def two_phase(a: list[float], b: list[float | None], posts: int, capacity: float, max_roles: int,
              a_rule: str, b_rule: str) -> Assignment | None:
    """A shares first (largest first), then B roles (largest first)."""
    order = sorted(range(len(a)), key=lambda i: -a[i])
    placed = _place_a(a, order, posts, capacity, a_rule)
    if placed is None:
        return None
    load, a_post = placed
    b_post = _place_b(b, a_post, load, capacity, max_roles, b_rule)
    if b_post is None:
        return None
    return a_post, b_post


def mixed_best_fit(a: list[float], b: list[float | None], posts: int, capacity: float,
                   max_roles: int) -> Assignment | None:
    """All pieces together, largest first, each into the fullest post it fits.

    A B role is never larger than its own A share, so the A is always placed
    before its B and the "different person" rule can be checked on the spot.
    """
    pieces = [(a[i], i, False) for i in range(len(a))]
    pieces += [(s, i, True) for i, s in enumerate(b) if s is not None]
    pieces.sort(key=lambda p: (-p[0], p[2]))
    load = [0.0] * posts
    count = [0] * posts
    a_post = [-1] * len(a)
    b_post = [-1] * len(a)
    limit = capacity + EPS
    for size, i, is_b in pieces:
        best, key = -1, None
        for p in range(posts):
            after = load[p] + size
            if after > limit:
                continue
            if is_b and (count[p] >= max_roles or a_post[i] == p):
                continue
            if key is None or after > key:
                best, key = p, after
        if best < 0:
            return None
        load[best] += size
        if is_b:
            count[best] += 1
            b_post[i] = best
        else:
            a_post[i] = best
    return a_post, b_post


STRATEGIES = (
    ("two_phase", "worst", "worst"),
    ("two_phase", "worst", "per_role"),
    ("mixed", "", ""),
    ("two_phase", "best", "worst"),
    ("two_phase", "worst", "best"),
)


def construct(a: list[float], b: list[float | None], posts: int, capacity: float,
              max_roles: int) -> Assignment | None:
    """The first strategy that packs everything into `posts` posts, or None."""
    for name, a_rule, b_rule in STRATEGIES:
        if name == "mixed":
            found = mixed_best_fit(a, b, posts, capacity, max_roles)
        else:
            found = two_phase(a, b, posts, capacity, max_roles, a_rule, b_rule)
        if found is not None:
            return found
    return None


def open_ended(a: list[float], b: list[float | None], capacity: float, max_roles: int) -> Assignment:
    """Always succeeds: mixed best fit that opens a new post whenever nothing fits."""
    pieces = [(a[i], i, False) for i in range(len(a))]
    pieces += [(s, i, True) for i, s in enumerate(b) if s is not None]
    pieces.sort(key=lambda p: (-p[0], p[2]))
    load: list[float] = []
    count: list[int] = []
    a_post = [-1] * len(a)
    b_post = [-1] * len(a)
    limit = capacity + EPS
    for size, i, is_b in pieces:
        best, key = -1, None
        for p in range(len(load)):
            after = load[p] + size
            if after > limit or (is_b and (count[p] >= max_roles or a_post[i] == p)):
                continue
            if key is None or after > key:
                best, key = p, after
        if best < 0:
            load.append(0.0)
            count.append(0)
            best = len(load) - 1
        load[best] += size
        if is_b:
            count[best] += 1
            b_post[i] = best
        else:
            a_post[i] = best
    return a_post, b_post


def tabu_repair(a: list[float], b: list[float | None], posts: int, capacity: float, max_roles: int,
                *, iterations: int = 150, seed: int = 0,
                start: Assignment | None = None) -> Assignment | None:
    """Pack into `posts` posts allowing overload, then move and swap pieces to remove it.

    Pieces are A shares (index i) and B roles (index n + i). The "different
    person" and B-role limits always hold; only capacity may be broken along
    the way, and the search stops as soon as no post is over, or after
    `iterations` moves (a count, never seconds: the answer does not depend on
    the machine's speed).
    """
    n = len(a)
    size = list(a) + [s if s is not None else 0.0 for s in b]
    is_b = [False] * n + [True] * n
    pieces = [k for k in range(n)] + [n + i for i, s in enumerate(b) if s is not None]
    pieces.sort(key=lambda k: (-size[k], is_b[k]))
    where = [-1] * (2 * n)
    load = [0.0] * posts
    count = [0] * posts
    members: list[list[int]] = [[] for _ in range(posts)]

    partner = [k + n for k in range(n)] + [k for k in range(n)]

    def partner_on(k: int, p: int) -> bool:
        return where[partner[k]] == p

    fixed = {}
    if start is not None:  # keep what an earlier (partial) packing placed
        fixed = {i: p for i, p in enumerate(start[0]) if p >= 0}
        fixed.update({n + i: p for i, p in enumerate(start[1]) if p >= 0})
    for k in sorted(pieces, key=lambda k: k not in fixed):
        best, key = fixed.get(k, -1), None
        for p in range(posts if best < 0 else 0):
            if partner_on(k, p) or (is_b[k] and count[p] >= max_roles):
                continue
            over = max(0.0, load[p] + size[k] - capacity)
            kk = (over, -(load[p] + size[k]) if over == 0 else 0.0)
            if key is None or kk < key:
                best, key = p, kk
        if best < 0:
            return None
        where[k] = best
        load[best] += size[k]
        count[best] += is_b[k]
        members[best].append(k)

    rng = random.Random(seed)
    tabu: dict[tuple[int, int], int] = {}
    for it in range(iterations):
        bad = [p for p in range(posts) if load[p] > capacity + EPS]
        if not bad:
            a_post = where[:n]
            b_post = [where[n + i] if b[i] is not None else -1 for i in range(n)]
            return a_post, b_post
        p = rng.choice(bad)
        lp_ = load[p]
        base_p = lp_ - capacity
        limit = capacity + EPS
        best_delta, best_move = None, None
        # Only posts with room can take load off p without going over themselves.
        open_posts = [q for q in range(posts) if q != p and load[q] < limit]
        for k in members[p]:
            sk = size[k]
            mate = partner[k]
            k_is_b = is_b[k]
            for q in open_posts:
                lq = load[q]
                base = base_p + (lq - capacity if lq > limit else 0.0)
                mate_on_q = where[mate] == q
                # move k from p to q
                if not mate_on_q and not (k_is_b and count[q] >= max_roles):
                    after_p = lp_ - sk
                    after_q = lq + sk
                    delta = ((after_p - capacity if after_p > limit else 0.0)
                             + (after_q - capacity if after_q > limit else 0.0) - base)
                    if (best_delta is None or delta < best_delta - 1e-12) and \
                            (tabu.get((k, q), -1) < it or delta < -base_p + EPS):
                        best_delta, best_move = delta, (k, q, -1)
                # swap k with a smaller piece of q
                for k2 in members[q]:
                    s2 = size[k2]
                    if s2 >= sk - 1e-12:
                        continue
                    if (mate_on_q and mate != k2) or (where[partner[k2]] == p and partner[k2] != k):
                        continue
                    if k_is_b != is_b[k2] and (
                            (k_is_b and count[q] >= max_roles) or (is_b[k2] and count[p] >= max_roles)):
                        continue
                    after_p = lp_ - sk + s2
                    after_q = lq - s2 + sk
                    delta = ((after_p - capacity if after_p > limit else 0.0)
                             + (after_q - capacity if after_q > limit else 0.0) - base)
                    if (best_delta is None or delta < best_delta - 1e-12) and \
                            (tabu.get((k, q), -1) < it or delta < -base_p + EPS):
                        best_delta, best_move = delta, (k, q, k2)
        if best_move is None:
            continue
        k, q, k2 = best_move
        for piece, src, dst in ((k, p, q),) + (((k2, q, p),) if k2 >= 0 else ()):
            members[src].remove(piece)
            members[dst].append(piece)
            load[src] -= size[piece]
            load[dst] += size[piece]
            count[src] -= is_b[piece]
            count[dst] += is_b[piece]
            where[piece] = dst
            tabu[(piece, src)] = it + 5 + rng.randrange(4)
    return None
