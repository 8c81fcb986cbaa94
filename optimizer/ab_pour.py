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
4. a local repair (the tabu search of ab_pack, started from this packing)
   moves and swaps pieces until no post is over; when it cannot, a small LP
   sizes the parts again for the least excess with every piece where it is
   (hours move between the parts of one duty, changing no count), and the
   repair starts once more from there.

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
TABU_ITERATIONS = 150       # moves of the repair per attempt: work, never seconds
SEEDS = (0, 1, 2, 3)       # tabu searches after the parts are resized


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

    def put_a(self, i: int, p: int) -> None:
        self.a_post[i] = p
        self.load[p] += self.size[i]

    def put_b(self, i: int, q: int) -> None:
        self.b_post[i] = q
        self.load[q] += self.pieces.f * self.size[i]
        self.roles[q] += 1

    def resize(self, i: int, delta: float) -> None:
        self.size[i] += delta
        self.load[self.a_post[i]] += delta
        if self.b_post[i] >= 0:
            self.load[self.b_post[i]] += self.pieces.f * delta

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


def _pour_parts(pk: _Packing, groups: dict[int, list[int]], keep: float) -> bool:
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


def _balance(pk: _Packing, groups: dict[int, list[int]]) -> bool:
    """The part sizes that leave the least over the posts with everything where it is (an LP).

    Where the repair cannot move a piece without going over, a different split often fits:
    hours move from a part on a full post to parts of the same duty on posts with room,
    along chains of posts no swap would find. False when the model has no answer.
    """
    pieces = pk.pieces
    cap, f = pieces.capacity, pieces.f
    problem = lp.new_problem("part_sizes_least_over")
    size = {}
    for d, members in groups.items():
        least = max(0.0, pieces.split[d] - (len(members) - 1) * cap)   # the others one post each
        for i in members:
            size[i] = lp.continuous(problem, f"part_{i}", least, cap)
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


def _tabu(pk: _Packing, seeds: tuple[int, ...] = (0,)) -> tuple[Assignment, list[float]] | None:
    """The tabu search of the greedy packing, from this placement, with these part sizes."""
    (a_post, b_post), sizes = pk.answer()
    if holds(pk.pieces, (a_post, b_post), sizes, pk.posts):
        return (a_post, b_post), sizes
    a, b = pk.pieces.a_b(sizes)
    for seed in seeds:  # fixed seeds: the same duties, the same moves
        found = tabu_repair(a, b, pk.posts, pk.pieces.capacity, pk.pieces.max_roles,
                            iterations=TABU_ITERATIONS, seed=seed, start=(a_post, b_post))
        if found is not None and holds(pk.pieces, found, sizes, pk.posts):
            return found, sizes
    return None


def _settle(pk: _Packing, groups: dict[int, list[int]]) -> tuple[Assignment, list[float]] | None:
    """Repair the poured packing: pieces moved and swapped, then the parts resized and again."""
    found = _tabu(pk)
    if found is None and _balance(pk, groups):
        found = _tabu(pk, SEEDS)
    return found


def pour(pieces: Pieces, posts: int) -> tuple[Assignment, list[float]] | None:
    """(assignment, part sizes) packing every share into `posts` posts, or None.

    Only for designs with split duties (`pieces.split`); the sizes of whole duties
    are their hours, those of parts are chosen here.
    """
    n = len(pieces.hours)
    if posts <= 0 or n == 0:
        return None
    groups = pieces.groups()
    whole = [i for i in range(n) if pieces.duty[i] not in pieces.split]
    backed = [i for i in range(n) if pieces.backed[i]]
    cap = pieces.capacity
    per_post = pieces.f * pieces.backed_hours() / posts
    for reserve in RESERVES:
        keep = reserve * per_post
        for rule in ("room", "per_role"):
            pk = _Packing(pieces, posts)
            _whole_a(pk, whole, cap - keep)
            if not _pour_parts(pk, groups, keep):
                continue
            if not _place_b(pk, backed, rule):
                continue
            found = _settle(pk, groups)
            if found is not None:
                return found
    return None
