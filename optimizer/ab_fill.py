"""Bin completion for tight A/B designs: fill the posts one by one to within the slack.

When the duties' load is just under a whole number of posts (19.998 posts of
work for a bound of 20), the posts together have only a few hours to spare,
and a greedy packing or a short repair leaves one post over by a few hours.
Here each post is filled in turn with a set of the pieces still open whose
load lies within what is left of that slack, found by dynamic programming
over the hours (subset sums on a fine grid, by number of B roles); the set
always holds the largest open piece (every piece needs some post, and that
post may as well be this one) and favours large pieces, so the small ones are
left for the last posts, where they make the exact fit possible. The last two
posts are decided together: one takes a set, the other the rest.

A set is checked with the exact hours (no grid) against every rule before it
is used: the load fits the post, at most max_roles B roles, never a share's
A and B together, never two parts of one duty. A packing found is checked
once more as a whole (`check`). The search backtracks over other sets
(deepest post first) and stops after a number of sets tried (`nodes`): work,
never seconds, so the same duties always give the same answer. It proves
nothing when it fails; the exact model decides then.
"""

from __future__ import annotations

import math
import random

from optimizer.ab_pack import EPS, Assignment

GRID_STEPS = 1 << 14     # a post's hours on this many steps (0.1 h for 1,606 h)
# The searches, one after the other until one fills the posts: (seed, share of the
# choices where a piece is left for a later post first, sets tried). The first takes
# the largest pieces first everywhere; the others stir the early posts a little.
PASSES = ((0, 0.0, 40),) + tuple((seed, 0.3, 40) for seed in range(1, 9))
WIDTH = 4                # other sets tried for one post before going back to the one before
LAST_WIDTH = 64          # sets tried for the last two posts before going back
WIDEN = 4                # grid steps added on each side of a window (rounding of the grid)


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


class _Search:
    def __init__(self, a, b, posts, capacity, max_roles, duty, nodes, seed=0, mix=0.0):
        self.rng = random.Random(seed)
        self.mix = mix
        n = len(a)
        self.n, self.posts, self.cap, self.m = n, posts, capacity, max_roles
        self.size = list(a) + [x if x is not None else 0.0 for x in b]
        self.is_b = [False] * n + [True] * n
        self.duty = duty
        self.step = capacity / GRID_STEPS
        self.units = [int(round(s / self.step)) for s in self.size]
        self.top = GRID_STEPS + WIDEN
        self.mask = (1 << (self.top + 1)) - 1
        self.nodes = nodes
        self.where = [-1] * (2 * n)
        pieces = list(range(n)) + [n + i for i in range(n) if b[i] is not None]
        self.pieces = sorted(pieces, key=lambda k: (-self.size[k], k))

    # -- rules on a set of pieces
    def _parts_apart(self, chosen) -> bool:
        """No two parts of one duty on one post (each part has its own A holder)."""
        if self.duty is None:
            return True
        seen = set()
        for k in chosen:
            if k < self.n:
                d = self.duty[k]
                if d in seen:
                    return False
                seen.add(d)
        return True

    def _roles(self, chosen) -> int:
        return sum(1 for k in chosen if k >= self.n)

    def _no_pair(self, chosen) -> bool:
        own = set(chosen)
        return not any(k < self.n and k + self.n in own for k in chosen)

    # -- the search
    def run(self) -> bool:
        total = math.fsum(self.size[k] for k in self.pieces)
        slack = self.posts * self.cap - total
        if slack < -EPS:
            return False
        return self._post(0, self.pieces, slack)

    def _post(self, j: int, open_: list[int], slack: float) -> bool:
        left = self.posts - j
        if not open_:
            return True
        if left == 1:
            if (self._roles(open_) <= self.m and self._no_pair(open_) and self._parts_apart(open_)
                    and math.fsum(self.size[k] for k in open_) <= self.cap + EPS):
                for k in open_:
                    self.where[k] = j
                return True
            return False
        n, m = self.n, self.m
        first = open_[0]
        mate = first + n if first < n else first - n
        rest = [k for k in open_[1:] if k != mate]
        roles_open = sum(1 for k in open_ if k >= n)
        fixed_roles = 1 if first >= n else 0
        c_lo = max(0, roles_open - m * (left - 1)) - fixed_roles
        c_hi = m - fixed_roles
        if c_hi < 0 or c_lo > c_hi:
            return False
        last = left == 2
        total = math.fsum(self.size[k] for k in open_)
        # Groups: the pieces of one share still open (A and B, or one of them), smallest first.
        by_share: dict[int, list[int]] = {}
        for k in rest:
            by_share.setdefault(k % n, []).append(k)
        groups = sorted(by_share.values(), key=lambda g: (max(self.size[k] for k in g), g))
        for g in groups:
            g.sort(key=lambda k: (-self.size[k], k))
        # In the last two posts a share's A and B, both open, go one to each post.
        must = [last and len(g) == 2 for g in groups]
        layers = self._layers(groups, must, c_hi)
        room = self.cap - self.size[first]
        if room < -EPS:
            return False
        grid_hi = math.ceil(room / self.step) + WIDEN
        if last:
            least = total - self.cap
        else:
            # Each post may waste a share of what is left of the slack, so that the last
            # posts, the hardest to fill exactly, keep most of it; or, when its pieces
            # cannot come that close, what the fullest set of them wastes.
            fullest = _highest(layers[-1], grid_hi, max(0, c_lo), c_hi)
            if fullest is None:
                return False
            waste = max(slack / (left - 1), room - (fullest - 2 * WIDEN) * self.step)
            least = self.cap - min(slack, waste)
        grid_lo = math.floor((least - self.size[first]) / self.step) - WIDEN
        width = LAST_WIDTH if last else WIDTH
        chosen: list[int] = []
        state = {"tried": 0}

        def visit() -> bool:
            """A set on the grid: check it exactly, then fill the next post with what is left."""
            here = [first] + chosen
            load = math.fsum(self.size[k] for k in here)
            if load > self.cap + EPS or load < least - EPS:
                return False
            if not self._parts_apart(here):
                return False
            self.nodes -= 1
            state["tried"] += 1
            taken = set(here)
            remain = [k for k in open_ if k not in taken]
            for k in here:
                self.where[k] = j
            if self._post(j + 1, remain, slack - (self.cap - load)):
                return True
            for k in here:
                self.where[k] = -1
            return False

        def options_of(g: int, lo: int, hi: int, c_min: int, c_max: int):
            """The choices for groups[g - 1] that leave a reachable rest: (pieces, lo, hi, c_min, c_max)."""
            group = groups[g - 1]
            below = layers[g - 1]
            found = []
            # A and B of one share never on one post: one of them, or neither (unless both must part).
            for option in [(k,) for k in group] + ([] if must[g - 1] else [()]):
                u = sum(self.units[k] for k in option)
                r = sum(1 for k in option if k >= n)
                lo2, hi2 = lo - u, hi - u
                c1, c2 = max(0, c_min - r), c_max - r
                if hi2 < 0 or c2 < 0 or not _reach(below, lo2, hi2, c1, c2):
                    continue
                found.append((option, lo2, hi2, c1, c2))
            if not last and len(found) > 1 and self.mix and self.rng.random() < self.mix:
                found.insert(0, found.pop())  # now and then, leave the piece for a later post
            found.reverse()  # popped from the end: the first option first
            return found

        # Depth-first over the groups, largest first, taking a piece before leaving it out.
        top = len(groups)
        if not _reach(layers[top], grid_lo, grid_hi, max(0, c_lo), c_hi):
            return False
        stack = [options_of(top, grid_lo, grid_hi, max(0, c_lo), c_hi)] if top else []
        if not top:
            return visit() if grid_lo <= 0 <= grid_hi and c_lo <= 0 else False
        sizes = []
        while stack:
            if self.nodes <= 0 or state["tried"] >= width:
                return False
            frame = stack[-1]
            if not frame:
                stack.pop()
                if sizes:
                    del chosen[len(chosen) - sizes.pop():]
                continue
            option, lo2, hi2, c1, c2 = frame.pop()
            chosen.extend(option)
            g = top - len(stack)
            if g == 0:
                if lo2 <= 0 <= hi2 and c1 <= 0 and visit():
                    return True
                del chosen[len(chosen) - len(option):]
                continue
            sizes.append(len(option))
            stack.append(options_of(g, lo2, hi2, c1, c2))
        return False


    def _layers(self, groups, must, c_hi):
        """layers[g][c]: bitset of grid hours reachable with groups[:g] and exactly c B roles."""
        n, mask = self.n, self.mask
        cur = [1] + [0] * c_hi
        layers = [cur]
        for g, group in zip(must, groups):
            new = [0] * (c_hi + 1) if g else list(cur)
            for k in group:
                u = self.units[k]
                r = 1 if k >= n else 0
                for c in range(c_hi, r - 1, -1):
                    if cur[c - r]:
                        new[c] |= (cur[c - r] << u) & mask
            cur = new
            layers.append(cur)
        return layers


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


def fill(a: list[float], b: list[float | None], posts: int, capacity: float, max_roles: int, *,
         duty: list[int] | None = None, passes=PASSES) -> Assignment | None:
    """Every A share and B role in `posts` posts, each filled to within the slack; None if not found.

    `duty` (the duty of each share) keeps the parts of one duty on different posts.
    A packing returned holds every rule (`check`).
    """
    n = len(a)
    if posts <= 0 or n == 0:
        return None
    for seed, mix, nodes in passes:
        search = _Search(a, b, posts, capacity, max_roles, duty, nodes, seed=seed, mix=mix)
        if not search.run():
            continue
        a_post = search.where[:n]
        b_post = [search.where[n + i] if b[i] is not None else -1 for i in range(n)]
        found = (a_post, b_post)
        if not check(a, b, found, posts, capacity, max_roles, duty):
            return found  # never hand back a packing that breaks a rule
    return None
