"""Large parts that fill their posts exactly: tight designs with split duties as a packing of fixed sizes.

A duty of H hours larger than one post is split into k parts of free sizes.
Near the lower bound the posts together have only a few hours to spare, and
where the parts go and how large they are must be decided together; the
greedy packing, pouring and the exact model often fail there. A simple choice
often succeeds instead (it is not the only one, so failing here proves
nothing): let each of the k − 1 large parts have a post of its own and fill
that post exactly. Its post also takes g B roles of small
whole duties (g = 0, 1, 2, 3 are tried); the part is then the post's hours less
those roles' load, and the last part takes the rest of the duty (H minus the
large parts). A large part's hours shifted into the last part land on another
post, so nothing is lost: the posts of the large parts are full, and what is
left is a packing of fixed sizes into the other posts, with the whole of the
slack, which the fill (ab_fill: bin completion to within the slack) solves.

The large parts' own B roles are packed with the rest; each stands beside a
piece of no hours that keeps it off its own part's post within the fill (the
part itself sits on its post outside). Every packing returned is checked
against the rules of free parts (ab_pour.holds) over all posts.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from optimizer import ab_ahead, ab_fill
from optimizer.ab_pack import EPS, Assignment
from optimizer.ab_pour import holds
from optimizer.ab_split import Pieces

# The ways tried, in turn: (B roles of small whole duties each large part's post takes, none
# (the part alone fills its post) to three, the order in which the split duties take them: the
# smallest duty first, or the ledger's order). Which one leaves sizes the fill can pack is a
# matter of the numbers; each is cheap, and the list is fixed.
VARIANTS = tuple((glued, order) for glued in (0, 1, 2, 3) for order in ("smallest", "ledger"))
# Of the fill's rounds, per way (work, never seconds): a stirred one, the one where any post may
# waste all of the slack, then the plain one. The sizes left here are tight, and where the plain
# round fails it does so after all its backtracking (0.4 to 3 s), where the stirred one that packs
# them takes 0.1 to 0.7 s. The second, where each post is not held to its share of the slack, packs
# what the others do not (望岳荷乡, 200 townships, seed 3: 35 posts for 34.9986 of work, nine duties
# larger than a post, packed in 1.7 s where every way of the other two failed after 8.5 s). On the 63 designs of the 2,000-township
# demos (seeds 1–5) packed here, this order takes 7.9 s of fill, plain then stirred took 10.0 s;
# no design of the demos of 14 to 2,000 townships (seeds 1–5) changes but 望岳荷乡.
ROUNDS = (ab_fill.ROUNDS[1], ab_fill.ROUNDS[-1], ab_fill.ROUNDS[0])
# Moves of the fill's local search per round. The packing of fixed sizes left here has only the
# few hours to spare over all posts, and its local search needs more moves than elsewhere to
# close them: on the 2,000-township demos (seeds 2 and 3) three designs were packed at their
# bound after 76, 96 and 132 moves, where 40 left each one post above it.
MOVES = 150
# Only for tight designs: at most this share of one post to spare over all posts. With more room
# a packing that the greedy packing, pouring and the fill miss is a matter of structure, which
# the exact model decides, and trying the ways here would only cost time.
MOST_SLACK = 0.2
# Nearly full: at most this share of one post to spare over all posts (1 %: some 16 hours a
# year). Pouring rarely packs such a design and fails only after all its attempts, so the
# large parts are tried before it there.
NEARLY_FULL = 0.01


def nearly_full(pieces: Pieces, posts: int) -> bool:
    """Whether `posts` posts leave at most NEARLY_FULL of one post to spare."""
    return posts * pieces.capacity - pieces.load() <= NEARLY_FULL * pieces.capacity


def _large_parts(pieces: Pieces, groups: dict[int, list[int]], glued: int, order: str):
    """{part: (its size, the shares whose B roles its post takes)}, the last parts' sizes, or None.

    The smallest whole duties' B roles go to the large parts' posts, `glued` a post, the
    split duties in `order` ("smallest" duty first, or the "ledger"'s order).
    """
    f, cap = pieces.f, pieces.capacity
    small_b = sorted((i for i, d in enumerate(pieces.duty) if d not in pieces.split and pieces.backed[i]),
                     key=lambda i: (pieces.hours[i], i))
    large: dict[int, tuple[float, list[int]]] = {}
    last: dict[int, float] = {}
    taken = 0
    duties = sorted(groups, key=lambda d: (pieces.split[d], d)) if order == "smallest" else sorted(groups)
    for d in duties:
        members = groups[d]
        for i in members[:-1]:
            roles = small_b[taken:taken + glued]
            if len(roles) < glued:
                return None
            taken += glued
            size = cap - math.fsum(f * pieces.hours[j] for j in roles)
            if size <= 0:
                return None
            large[i] = (size, roles)
        rest = pieces.split[d] - math.fsum(large[i][0] for i in members[:-1])
        if not 0 < rest <= cap + EPS:
            return None
        last[members[-1]] = rest
    return large, last


def _fills(pieces: Pieces, posts: int, groups: dict[int, list[int]]):
    """Every fill to try, in turn (way by way, round by round): (large parts, sizes, posts
    left to the fill, the fill's A shares and B roles, its round). Stops before a way that
    leaves no post to the fill."""
    n = len(pieces.hours)
    f, m = pieces.f, pieces.max_roles
    seen = []
    for glued, order in VARIANTS:
        if glued > m:
            return
        made = _large_parts(pieces, groups, glued, order)
        if made is None or made in seen:
            continue  # none, or the same as a way before (one split duty has one order)
        seen.append(made)
        large, last = made
        rest_posts = posts - len(large)
        if rest_posts <= 0:
            return
        on_large = {j for _, roles in large.values() for j in roles}
        sizes = [large[i][0] if i in large else last.get(i, pieces.hours[i]) for i in range(n)]
        # The fill's shares: a large part has no hours there (its post is outside), only its B role.
        a = [0.0 if i in large else sizes[i] for i in range(n)]
        b = [f * sizes[i] if pieces.backed[i] and i not in on_large else None for i in range(n)]
        for round_ in ROUNDS:
            yield large, sizes, rest_posts, a, b, round_


def fill_parts(pieces: Pieces, posts: int, too_few: Callable[[], bool] | None = None
               ) -> tuple[Assignment, list[float]] | None:
    """(assignment, sizes) with every large part filling a post of its own, or None.

    `too_few`, asked once when the first fill has failed: True stops the search (the count
    is proven too few, and each further round and way would only fail after all its moves).
    With a spare process lent (ab_ahead), the next fill runs there while this one runs here:
    the same fills in the same order, so the same answer.
    """
    groups = pieces.groups()
    if not groups or posts <= 0:
        return None
    if posts * pieces.capacity - pieces.load() > MOST_SLACK * pieces.capacity:
        return None
    fills = list(_fills(pieces, posts, groups))

    def call(index: int) -> tuple[tuple, dict]:
        """ab_fill.fill's arguments for fill `index`."""
        _, _, rest_posts, a, b, round_ = fills[index]
        return ((a, b, rest_posts, pieces.capacity, pieces.max_roles),
                dict(duty=list(pieces.duty), rounds=(round_,), moves=MOVES))

    spare = ab_ahead.spare()
    ahead = {}
    for index, (large, sizes, rest_posts, _, _, _) in enumerate(fills):
        args, kwargs = call(index)
        if spare is not None and index + 1 < len(fills):
            next_args, next_kwargs = call(index + 1)
            started = spare.ahead(ab_fill.fill, *next_args, **next_kwargs)
            if started is not None:
                ahead[index + 1] = started
        if index in ahead:
            found = spare.result(ahead.pop(index), ab_fill.fill, *args, **kwargs)
        else:
            found = ab_fill.fill(*args, **kwargs)
        if found is None:
            if too_few is not None:
                if too_few():
                    return None
                too_few = None   # asked once: "not too few" stays so
            continue
        a_post, b_post = list(found[0]), list(found[1])
        for p, (i, (_, roles)) in enumerate(large.items(), start=rest_posts):
            a_post[i] = p
            for j in roles:
                b_post[j] = p
        if holds(pieces, (a_post, b_post), sizes, posts):
            return (a_post, b_post), sizes
    return None
