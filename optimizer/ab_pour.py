"""Pouring: a constructive packing for designs whose large duties are split into parts of free sizes.

The greedy packing (ab_pack) sees every piece with a fixed size, so it must
guess the parts' sizes first; near the lower bound the guess is seldom the
one that fits, and the exact model then has to choose them. But a part is
fluid: it can be as large as the room of the post that holds it. Pouring uses
that:

1. the whole duties' A shares go in first, largest first, each into the
   fullest post it fits below a level that keeps some room for B roles (the
   large pieces are rigid, so they take their posts before the fluid ones);
2. each split duty, largest first, is poured into the posts with the most
   room: k parts, each the room of its post (at most one post), the last one
   what remains;
3. every B role, largest first, goes to the post with the most room that is
   not its own A holder's and still has a free B slot;
4. a local repair removes what is left over a post: it shifts hours between
   the parts of one duty (which changes no count, only sizes), and moves or
   swaps a B role or a whole duty's A share.

A few levels and orders are tried, always the same ones in the same order, so
the same duties give the same packing. Every packing returned is checked
(`holds`): one A holder a share, a different B holder for a backed-up share,
no post over, at most max_roles B roles a post, and the parts of each duty
adding up to its hours, each more than nothing and at most one post.
"""

from __future__ import annotations

import math

from optimizer import lp
from optimizer.ab_pack import EPS, Assignment, tabu_repair
from optimizer.ab_split import Pieces

# Room kept free for B roles while the whole duties go in, as a share of what the B roles
# need on average per post: 0 packs the whole duties as tight as they go.
RESERVES = (0.5, 0.0, 0.25, 0.75, 1.0)
# Parts fill the room of their post ("fill"), or share it evenly up to a common level ("level").
POURS = ("fill",)
REPAIR_MOVES = 400          # moves of the local repair per attempt: work, never seconds
TABU_ITERATIONS = 150
BALANCE_ROUNDS = 6          # size models (LPs) per attempt, each followed by a local repair


def holds(pieces: Pieces, assignment: Assignment, sizes: list[float], posts: int) -> bool:
    """The roster rules for parts of free sizes (the same ones the roster check applies)."""
    a_post, b_post = assignment
    cap, f, m = pieces.capacity, pieces.f, pieces.max_roles
    n = len(pieces.hours)
    if len(a_post) != n or len(b_post) != n or len(sizes) != n:
        return False
    load = [0.0] * posts
    roles = [0] * posts
    for i in range(n):
        if not 0 <= a_post[i] < posts:
            return False
        load[a_post[i]] += sizes[i]
        if pieces.backed[i]:
            q = b_post[i]
            if not 0 <= q < posts or q == a_post[i]:
                return False
            load[q] += f * sizes[i]
            roles[q] += 1
        elif b_post[i] != -1:
            return False
        if pieces.duty[i] not in pieces.split and sizes[i] != pieces.hours[i]:
            return False
    if any(x > cap + EPS for x in load) or any(r > m for r in roles):
        return False
    for d, hours in pieces.split.items():
        parts = [sizes[i] for i in range(n) if pieces.duty[i] == d]
        if any(x <= 0 or x > cap + EPS for x in parts) or abs(math.fsum(parts) - hours) > 1e-6:
            return False
        holders = [a_post[i] for i in range(n) if pieces.duty[i] == d]
        if len(set(holders)) != len(holders):
            return False
    return True


class _Packing:
    """A packing under way: posts may be over until the repair is done."""

    def __init__(self, pieces: Pieces, posts: int):
        self.pieces = pieces
        self.posts = posts
        n = len(pieces.hours)
        self.size = list(pieces.hours)
        self.a_post = [-1] * n
        self.b_post = [-1] * n
        self.load = [0.0] * posts
        self.roles = [0] * posts
        self.a_on: list[list[int]] = [[] for _ in range(posts)]
        self.b_on: list[list[int]] = [[] for _ in range(posts)]

    def put_a(self, i: int, p: int) -> None:
        self.a_post[i] = p
        self.a_on[p].append(i)
        self.load[p] += self.size[i]

    def put_b(self, i: int, q: int) -> None:
        self.b_post[i] = q
        self.b_on[q].append(i)
        self.load[q] += self.pieces.f * self.size[i]
        self.roles[q] += 1

    def move_a(self, i: int, p: int) -> None:
        old = self.a_post[i]
        self.a_on[old].remove(i)
        self.load[old] -= self.size[i]
        self.put_a(i, p)

    def move_b(self, i: int, q: int) -> None:
        old = self.b_post[i]
        self.b_on[old].remove(i)
        self.load[old] -= self.pieces.f * self.size[i]
        self.roles[old] -= 1
        self.put_b(i, q)

    def resize(self, i: int, delta: float) -> None:
        self.size[i] += delta
        self.load[self.a_post[i]] += delta
        if self.b_post[i] >= 0:
            self.load[self.b_post[i]] += self.pieces.f * delta

    def over(self, p: int) -> float:
        return self.load[p] - self.pieces.capacity

    def answer(self) -> tuple[Assignment, list[float]]:
        sizes = list(self.size)
        for d, hours in self.pieces.split.items():
            members = [i for i in range(len(sizes)) if self.pieces.duty[i] == d]
            # The last part takes what the others leave, so that the parts add up exactly.
            last = min(members, key=lambda i: (sizes[i], i))
            sizes[last] = hours - math.fsum(sizes[i] for i in members if i != last)
        return (list(self.a_post), list(self.b_post)), sizes


def _whole_a(pk: _Packing, whole: list[int], level: float) -> None:
    """Whole duties' A shares, largest first, each into the fullest post it fits below `level`."""
    cap = pk.pieces.capacity
    for i in sorted(whole, key=lambda i: (-pk.size[i], i)):
        h = pk.size[i]
        best, key = -1, None
        for limit in (level, cap):
            for p in range(pk.posts):
                after = pk.load[p] + h
                if after > limit + EPS:
                    continue
                if key is None or after > key:
                    best, key = p, after
            if best >= 0:
                break
        if best < 0:  # nothing fits: the emptiest post, for the repair to sort out
            best = min(range(pk.posts), key=lambda p: (pk.load[p], p))
        pk.put_a(i, best)


def _pour_parts(pk: _Packing, groups: dict[int, list[int]], how: str, keep: float) -> bool:
    """Each split duty, largest first, into the k posts with the most room (leaving `keep` free)."""
    cap = pk.pieces.capacity
    for d in sorted(groups, key=lambda d: (-pk.pieces.split[d], d)):
        members = groups[d]
        k = len(members)
        hours = pk.pieces.split[d]
        order = sorted(range(pk.posts), key=lambda p: (pk.load[p], p))[:k]
        if len(order) < k:
            return False
        room = [min(cap, cap - keep - pk.load[p]) for p in order]
        if how == "level":
            # The common A level that the k parts reach: water filling.
            lo, hi = min(pk.load[p] for p in order), cap
            for _ in range(60):
                mid = (lo + hi) / 2
                if math.fsum(min(cap, max(0.0, mid - pk.load[p])) for p in order) < hours:
                    lo = mid
                else:
                    hi = mid
            room = [min(cap, max(0.0, hi - pk.load[p])) for p in order]
        sizes = []
        left = hours
        for j in range(k):
            if j == k - 1:
                x = left
            else:
                # Leave the remaining parts at most one post each.
                x = max(min(room[j], left), left - (k - 1 - j) * cap)
                x = min(x, cap, left)
            sizes.append(x)
            left -= x
        if any(x <= 0 for x in sizes):
            return False
        for i, p, x in zip(members, order, sizes):
            pk.size[i] = x
            pk.put_a(i, p)
    return True


def _place_b(pk: _Packing, backed: list[int], rule: str) -> bool:
    """Every B role, largest first, to the post with the most room (or room per open B slot)."""
    f, cap, m = pk.pieces.f, pk.pieces.capacity, pk.pieces.max_roles
    for i in sorted(backed, key=lambda i: (-pk.size[i], i)):
        s = f * pk.size[i]
        best, key = -1, None
        for q in range(pk.posts):
            if q == pk.a_post[i] or pk.roles[q] >= m:
                continue
            room = cap - pk.load[q] - s
            k = room if rule == "room" else (room / (m - pk.roles[q]) if room >= -EPS else room * m)
            if key is None or k > key:
                best, key = q, k
        if best < 0:
            return False
        pk.put_b(i, best)
    return True


def _shift(pk: _Packing, p: int, groups: dict[int, list[int]]) -> bool:
    """Take load off post p by moving hours from a part on it to another part of the same duty."""
    f, cap = pk.pieces.f, pk.pieces.capacity
    excess = pk.over(p)
    best = None
    for d, members in groups.items():
        for i in members:
            on_a, on_b = pk.a_post[i] == p, pk.b_post[i] == p
            if not (on_a or on_b):
                continue
            for j in members:
                if j == i:
                    continue
                # Moving δ hours from part i to part j changes each post's load by rate × δ.
                rate: dict[int, float] = {}
                for post, r in ((pk.a_post[i], -1.0), (pk.b_post[i], -f), (pk.a_post[j], 1.0), (pk.b_post[j], f)):
                    if post >= 0:
                        rate[post] = rate.get(post, 0.0) + r
                if rate.get(p, 0.0) >= -1e-12:
                    continue
                delta = min(pk.size[i] * (1 - 1e-9), cap - pk.size[j], excess / -rate[p])
                for post, r in rate.items():
                    if r > 1e-12:
                        delta = min(delta, max(0.0, cap - pk.load[post]) / r)
                gain = -rate[p] * delta
                if gain > 1e-9 and (best is None or gain > best[0] + 1e-12):
                    best = (gain, i, j, delta)
    if best is None:
        return False
    _, i, j, delta = best
    pk.resize(i, -delta)
    pk.resize(j, delta)
    return True


def _relocate(pk: _Packing, p: int, whole: set[int]) -> bool:
    """Move a B role or a whole duty's A share off post p to a post with room; else swap one."""
    f, cap, m = pk.pieces.f, pk.pieces.capacity, pk.pieces.max_roles
    excess = pk.over(p)
    best = None
    pieces = [(f * pk.size[i], i, True) for i in pk.b_on[p]]
    pieces += [(pk.size[i], i, False) for i in pk.a_on[p] if i in whole]
    for s, i, is_b in pieces:
        mate = pk.a_post[i] if is_b else pk.b_post[i]
        for q in range(pk.posts):
            if q == p or q == mate or (is_b and pk.roles[q] >= m):
                continue
            room = cap - pk.load[q]
            if room <= EPS:
                continue
            # Move: all of s if it fits, the rest of p's excess stays.
            if s <= room + EPS:
                gain = min(s, excess)
                key = (gain, room - s)
                if best is None or key > best[0]:
                    best = (key, "move", i, is_b, q, -1, False)
            # Swap with a smaller piece of q (B for B, or whole A for whole A).
            others = [(f * pk.size[j], j, True) for j in pk.b_on[q]] + \
                [(pk.size[j], j, False) for j in pk.a_on[q] if j in whole]
            for s2, j, j_b in others:
                if s2 >= s - 1e-9:
                    continue
                mate2 = pk.a_post[j] if j_b else pk.b_post[j]
                if mate2 == p or (i == j):
                    continue
                if is_b != j_b and ((is_b and pk.roles[q] >= m) or (j_b and pk.roles[p] >= m)):
                    continue
                if s - s2 > room + EPS:
                    continue
                gain = min(s - s2, excess)
                key = (gain, room - (s - s2))
                if best is None or key > best[0]:
                    best = (key, "swap", i, is_b, q, j, j_b)
    if best is None or best[0][0] <= 1e-9:
        return False
    _, how, i, is_b, q, j, j_b = best
    (pk.move_b if is_b else pk.move_a)(i, q)
    if how == "swap":
        (pk.move_b if j_b else pk.move_a)(j, p)
    return True


def _balance(pk: _Packing, groups: dict[int, list[int]]) -> bool:
    """The part sizes that leave the least over the posts with everything where it is (an LP).

    The local shifts move hours between two parts at a time and stop where only a chain of
    shifts would help; the LP finds the chain. False when the model has no answer.
    """
    pieces = pk.pieces
    cap, f = pieces.capacity, pieces.f
    problem = lp.new_problem("part_sizes_least_over")
    size = {}
    for d, members in groups.items():
        least = pieces.split[d] - (len(members) - 1) * cap   # the others at most one post each
        for i in members:
            size[i] = lp.continuous(problem, f"part_{i}", max(least, 0.0) / 2 + 1e-6 * cap, cap)
        lp.add(problem, lp.total(size[i] for i in members) == pieces.split[d], f"duty_{d}_parts_add_up")
    fixed = [0.0] * pk.posts
    terms: list[list[tuple[object, float]]] = [[] for _ in range(pk.posts)]
    for i in range(len(pk.size)):
        backed = pieces.backed[i] and pk.b_post[i] >= 0
        if i in size:
            terms[pk.a_post[i]].append((size[i], 1.0))
            if backed:
                terms[pk.b_post[i]].append((size[i], f))
        else:
            fixed[pk.a_post[i]] += pk.size[i]
            if backed:
                fixed[pk.b_post[i]] += f * pk.size[i]
    over = []
    for p in range(pk.posts):
        o = lp.continuous(problem, f"over_{p}", 0.0, None)
        over.append(o)
        # A hair below capacity: sums of floats read back must stay within it.
        lp.add(problem, lp.expr(terms[p] + [(o, -1.0)]) <= cap - 1e-6 - fixed[p], f"post_{p}_within_capacity")
    lp.set_objective(problem, lp.total(over))
    outcome = lp.solve_by(problem, None)
    if not outcome.has_solution:
        return False
    for i, v in size.items():
        pk.resize(i, lp.value(v) - pk.size[i])
    return True


def _repair(pk: _Packing, groups: dict[int, list[int]], whole: set[int], moves: int) -> bool:
    """Remove what is over a post, the worst post first; False when stuck or out of moves."""
    cap = pk.pieces.capacity
    for _ in range(moves):
        over = [p for p in range(pk.posts) if pk.load[p] > cap + EPS]
        if not over:
            return True
        over.sort(key=lambda p: (-pk.over(p), p))
        for p in over:
            if _shift(pk, p, groups) or _relocate(pk, p, whole):
                break
        else:
            return False
    return all(x <= cap + EPS for x in pk.load)


def _settle(pk: _Packing, groups: dict[int, list[int]], whole: set[int], moves: int):
    """Local repair and size models in turn while the excess falls; then a tabu search on the sizes."""
    cap = pk.pieces.capacity
    excess = None
    for _ in range(BALANCE_ROUNDS):
        if _repair(pk, groups, whole, moves):
            assignment, sizes = pk.answer()
            if holds(pk.pieces, assignment, sizes, pk.posts):
                return assignment, sizes
        now = math.fsum(max(0.0, x - cap) for x in pk.load)
        if excess is not None and now >= excess - 1e-9:
            break
        excess = now
        if not _balance(pk, groups):
            return None
        if all(x <= cap + EPS for x in pk.load):
            assignment, sizes = pk.answer()
            if holds(pk.pieces, assignment, sizes, pk.posts):
                return assignment, sizes
    (a_post, b_post), sizes = pk.answer()
    a, b = pk.pieces.a_b(sizes)
    found = tabu_repair(a, b, pk.posts, cap, pk.pieces.max_roles, iterations=TABU_ITERATIONS,
                        start=(a_post, b_post))
    if found is not None and holds(pk.pieces, found, sizes, pk.posts):
        return found, sizes
    return None


def pour(pieces: Pieces, posts: int, *, moves: int = REPAIR_MOVES) -> tuple[Assignment, list[float]] | None:
    """(assignment, part sizes) packing every share into `posts` posts, or None.

    Only for designs with split duties (`pieces.split`); the sizes of whole duties
    are their hours, those of parts are chosen here.
    """
    n = len(pieces.hours)
    if posts <= 0 or n == 0:
        return None
    groups: dict[int, list[int]] = {}
    for i in range(n):
        if pieces.duty[i] in pieces.split:
            groups.setdefault(pieces.duty[i], []).append(i)
    whole = [i for i in range(n) if pieces.duty[i] not in pieces.split]
    backed = [i for i in range(n) if pieces.backed[i]]
    cap, f = pieces.capacity, pieces.f
    total_b = f * (math.fsum(pieces.hours[i] for i in backed if i in set(whole))
                   + math.fsum(h for d, h in pieces.split.items() if pieces.backed[groups[d][0]]))
    per_post = total_b / posts
    for reserve in RESERVES:
        keep = reserve * per_post
        for how in POURS:
            for rule in ("room", "per_role"):
                pk = _Packing(pieces, posts)
                _whole_a(pk, whole, cap - keep)
                if not _pour_parts(pk, groups, how, keep if how == "fill" else 0.0):
                    continue
                if not _place_b(pk, backed, rule):
                    continue
                found = _settle(pk, groups, set(whole), moves)
                if found is not None:
                    return found
    return None
