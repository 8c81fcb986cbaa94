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

When backtracking does not find it, the posts are filled anyway (each as
full as its pieces allow, the last post taking what is left, over by a few
hours) and a local search repairs that packing. It takes the post that is
over and another one with spare time, pools their pieces and splits them
again so that the other post is as full as it can be (the same subset sums,
on the two posts' pieces), which moves the excess into that spare time; when
no post can take more, it gathers the spare time of the others into one post
the same way, and then packs the post that is over again together with the
posts that have spare time and two others at random, by the bin completion
above. Moves, sets and rounds are counted, with fixed seeds.
"""

from __future__ import annotations

import math
import random

from optimizer.ab_fill_rules import _highest, _parts_apart, _reach, check
from optimizer.ab_pack import EPS, Assignment

GRID_STEPS = 1 << 14     # a post's hours on this many steps (0.1 h for 1,606 h)
# The rounds, one after the other until one fills the posts: (seed, share of the
# choices where a piece is left for a later post first, sets tried, whether each post
# may waste only its share of the slack). The first takes the largest pieces first
# everywhere; the others stir the early posts a little; the last lets any post waste
# all of the slack (plain bin completion: what few large pieces need). When a round's
# backtracking fails, its forced packing is repaired by MOVES moves.
ROUNDS = ((0, 0.0, 40, True),) + tuple((seed, 0.3, 40, True) for seed in range(1, 4)) + ((4, 0.0, 80, False),)
WIDTH = 4                # other sets tried for one post before going back to the one before
LAST_WIDTH = 64          # sets tried for the last two posts before going back
RAW = 256                # sets on the grid looked at for one post (most fail the exact hours)
WIDEN = 4                # grid steps added on each side of a window (rounding of the grid)
MOVES = 40               # moves of the local search in one round
SPLITS_SEEN = 12         # splits of a pair looked at before taking the best one
MOST_NEIGHBOURS = 10     # posts with spare time packed again together in one move of the local search
EXTRA_NEIGHBOURS = 2     # and full posts with them, at random
SPARE_STEPS = 4          # a post with this much room (in grid steps) or more always joins
SUB_NODES = 30           # sets tried in one such packing


class _Grid:
    """The pieces' hours on a grid, and the sets of a list of groups with a given grid sum."""

    def __init__(self, size: list[float], n: int, capacity: float, max_roles: int):
        self.size, self.n, self.cap, self.m = size, n, capacity, max_roles
        self.step = capacity / GRID_STEPS
        self.units = [round(s / self.step) for s in size]
        self.mask = (1 << (GRID_STEPS + WIDEN + 1)) - 1

    def grid(self, hours: float) -> int:
        return math.floor(hours / self.step)

    def groups(self, pieces: list[int], must_part: bool) -> tuple[list[list[int]], list[bool]]:
        """The pieces by share (A and B, or one of them), smallest first; with `must_part`, a
        share whose A and B are both here sends one of them to each side."""
        by_share: dict[int, list[int]] = {}
        for k in pieces:
            by_share.setdefault(k % self.n, []).append(k)
        groups = sorted(by_share.values(), key=lambda g: (max(self.size[k] for k in g), g))
        for g in groups:
            g.sort(key=lambda k: (-self.size[k], k))
        return groups, [must_part and len(g) == 2 for g in groups]

    def layers(self, groups, must, c_hi: int):
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

    def sets(self, groups, must, layers, lo: int, hi: int, c_min: int, c_max: int,
             rng: random.Random | None = None, mix: float = 0.0):
        """Every set of one piece or none per group (one piece per `must` group) with grid hours
        in [lo, hi] and c_min..c_max B roles, depth first from the largest group, taking a piece
        before leaving it out (with `rng`, leaving it out first with probability `mix`)."""
        n, units = self.n, self.units
        top = len(groups)
        c_min = max(c_min, 0)
        if not _reach(layers[top], lo, hi, c_min, c_max):
            return
        if top == 0:
            yield []
            return

        choices = [[((k,), units[k], 1 if k >= n else 0) for k in group] + ([] if m else [((), 0, 0)])
                   for group, m in zip(groups, must)]

        def options(g: int, lo: int, hi: int, c_min: int, c_max: int):
            below = layers[g - 1]
            c_top = len(below) - 1
            found = []
            for option, u, r in choices[g - 1]:
                hi2 = hi - u
                c2 = c_max - r
                if hi2 < 0 or c2 < 0:
                    continue
                lo2 = lo - u
                c1 = c_min - r if c_min > r else 0
                shift = lo2 if lo2 > 0 else 0
                window = (1 << (hi2 - shift + 1)) - 1
                for c in range(c1, (c2 if c2 < c_top else c_top) + 1):
                    if (below[c] >> shift) & window:
                        found.append((option, lo2, hi2, c1, c2))
                        break
            if rng is not None and len(found) > 1 and rng.random() < mix:
                found.insert(0, found.pop())  # leave the piece for another post first
            found.reverse()  # popped from the end: the first option first
            return found

        chosen: list[int] = []
        taken: list[int] = []
        stack = [options(top, lo, hi, c_min, c_max)]
        while stack:
            frame = stack[-1]
            if not frame:
                stack.pop()
                if taken:
                    del chosen[len(chosen) - taken.pop():]
                continue
            option, lo2, hi2, c1, c2 = frame.pop()
            chosen.extend(option)
            g = top - len(stack)
            if g == 0:
                yield list(chosen)
                del chosen[len(chosen) - len(option):]
                continue
            taken.append(len(option))
            stack.append(options(g, lo2, hi2, c1, c2))


class _Search:
    """Bin completion: post j takes the largest open piece and a set of the others."""

    def __init__(self, a, b, posts, capacity, max_roles, duty, nodes, seed=0, mix=0.0, spread=True):
        self.rng = random.Random(seed)
        self.mix = mix
        self.spread = spread
        n = len(a)
        self.n, self.posts, self.cap, self.m = n, posts, capacity, max_roles
        self.size = list(a) + [x if x is not None else 0.0 for x in b]
        self.duty = duty
        self.grid = _Grid(self.size, n, capacity, max_roles)
        self.nodes = nodes
        self.where = [-1] * (2 * n)
        pieces = list(range(n)) + [n + i for i in range(n) if b[i] is not None]
        self.pieces = sorted(pieces, key=lambda k: (-self.size[k], k))

    def part(self, pieces: list[int], posts: int, nodes: int, seed: float) -> _Search:
        """The same search for some of the pieces in fewer posts (a piece whose A or B is
        outside them is on another post anyway)."""
        sub = _Search.__new__(_Search)
        sub.__dict__.update(self.__dict__)
        sub.rng, sub.mix, sub.spread = random.Random(seed), 0.3, True
        sub.posts, sub.nodes = posts, nodes
        sub.pieces = sorted(pieces, key=lambda k: (-self.size[k], k))
        sub.where = [-1] * len(self.where)
        return sub

    # -- rules on a set of pieces
    def parts_apart(self, chosen) -> bool:
        """No two parts of one duty on one post (each part has its own A holder)."""
        return _parts_apart(chosen, self.n, self.duty)

    def roles(self, chosen) -> int:
        return sum(1 for k in chosen if k >= self.n)

    def no_pair(self, chosen) -> bool:
        own = set(chosen)
        return not any(k < self.n and k + self.n in own for k in chosen)

    # -- the search
    def run(self, force: bool = False) -> bool:
        """True when every post is filled; with `force`, fill them anyway (the last may be over)."""
        total = math.fsum(self.size[k] for k in self.pieces)
        slack = self.posts * self.cap - total
        if slack < -EPS and not force:
            return False
        return self._post(0, self.pieces, slack, force)

    def _post(self, j: int, open_: list[int], slack: float, force: bool) -> bool:
        left = self.posts - j
        if not open_:
            return True
        if left == 1:
            if (self.roles(open_) <= self.m and self.no_pair(open_) and self.parts_apart(open_)
                    and (force or math.fsum(self.size[k] for k in open_) <= self.cap + EPS)):
                for k in open_:
                    self.where[k] = j
                return True
            return False
        n, m, grid = self.n, self.m, self.grid
        first = open_[0]
        mate = first + n if first < n else first - n
        rest = [k for k in open_ if k != first and k != mate]
        roles_open = sum(1 for k in open_ if k >= n)
        fixed_roles = 1 if first >= n else 0
        c_lo = max(0, roles_open - m * (left - 1)) - fixed_roles
        c_hi = m - fixed_roles
        if c_hi < 0 or c_lo > c_hi:
            return False
        last = left == 2
        total = math.fsum(self.size[k] for k in open_)
        groups, must = grid.groups(rest, last)
        layers = grid.layers(groups, must, c_hi)
        room = self.cap - self.size[first]
        if room < -EPS:
            return False
        grid_hi = math.ceil(room / grid.step) + WIDEN
        fullest = _highest(layers[-1], grid.grid(room), max(0, c_lo), c_hi)
        if fullest is None:
            return False
        if last and not force:
            least = total - self.cap
        else:
            # Each post may waste a share of what is left of the slack, so that the last
            # posts, the hardest to fill exactly, keep most of it; or, when its pieces
            # cannot come that close, what the fullest set of them wastes.
            waste = room - (fullest - WIDEN) * grid.step
            if not force:
                near = fullest >= grid.grid(room) - WIDEN  # the grid cannot tell closer
                share = slack / (left - 1) if self.spread else slack
                waste = min(slack, share if near else max(share, waste))
            least = self.cap - waste
        width = LAST_WIDTH if last else WIDTH
        tried = 0
        while True:
            grid_lo = math.floor((least - self.size[first]) / grid.step) - WIDEN
            raw = 0
            for chosen in grid.sets(groups, must, layers, grid_lo, grid_hi, c_lo, c_hi,
                                    None if last else self.rng, self.mix):
                raw += 1
                if self.nodes <= 0 or tried >= width or raw > RAW:
                    return False
                here = [first] + chosen
                load = math.fsum(self.size[k] for k in here)
                if load > self.cap + EPS or load < least - EPS or not self.parts_apart(here):
                    continue
                self.nodes -= 1
                tried += 1
                taken = set(here)
                for k in here:
                    self.where[k] = j
                if self._post(j + 1, [k for k in open_ if k not in taken], slack - (self.cap - load), force):
                    return True
                for k in here:
                    self.where[k] = -1
                if force:
                    return False
            if not force or tried or least <= self.size[first]:
                return False
            # Forced, and no set of the fullest fits exactly: a wider band below them.
            grid_hi = grid_lo + WIDEN
            least = max(self.size[first], least - 64 * grid.step)


class _Polish:
    """The local search on a full packing whose posts may be over."""

    def __init__(self, search: _Search, seed: int):
        self.s = search
        self.rng = random.Random(seed)
        posts = search.posts
        self.members: list[list[int]] = [[] for _ in range(posts)]
        for k in search.pieces:
            self.members[search.where[k]].append(k)
        self.load = [math.fsum(search.size[k] for k in self.members[p]) for p in range(posts)]

    def over(self) -> list[int]:
        cap = self.s.cap
        return [p for p in range(self.s.posts) if self.load[p] > cap + EPS]

    def run(self, moves: int) -> bool:
        s = self.s
        cap = s.cap
        for _ in range(moves):
            over = self.over()
            if not over:
                return True
            p = max(over, key=lambda x: (self.load[x], -x))
            # Posts with room first: the excess hours can only go there.
            others = sorted((q for q in range(s.posts) if q != p), key=lambda q: (self.load[q], q))
            if any(self._move(p, q) for q in others if self.load[q] < cap - EPS):
                continue
            # No post can take more from p: gather the spare hours of the others into the
            # one with the most, by filling the rest from it, so that p can go there.
            spare = [q for q in others if self.load[q] < cap - EPS]
            if len(spare) > 1:
                moved = [self._move(spare[0], q) for q in spare[1:]]  # every one of them, not the first
                if any(moved):
                    continue
            if not self._refill(p, others):
                self._move(p, self.rng.choice(others), stir=True)
        return not self.over()

    def _refill(self, p: int, others: list[int]) -> bool:
        """Pack p's pieces and those of a few other posts into the same posts again, by bin
        completion: the posts with the most spare time (enough for p's excess), then some
        at random. True when they all fit now."""
        s, cap = self.s, self.s.cap
        chosen = [p]
        spare = cap * 1 - self.load[p]
        for q in others:  # the emptiest first, all those with real room (up to a number)
            room = cap - self.load[q]
            if len(chosen) > MOST_NEIGHBOURS or (spare >= 0 and room < SPARE_STEPS * s.grid.step):
                break
            chosen.append(q)
            spare += room
        if spare < -EPS:
            return False
        rest = [q for q in others if q not in chosen]
        self.rng.shuffle(rest)
        chosen += rest[:EXTRA_NEIGHBOURS]
        pieces = [k for q in chosen for k in self.members[q]]
        sub = s.part(pieces, len(chosen), SUB_NODES, self.rng.random())
        if not sub.run():
            return False
        for q in chosen:
            self.members[q] = []
        for k in pieces:
            q = chosen[sub.where[k]]
            s.where[k] = q
            self.members[q].append(k)
        for q in chosen:
            self.load[q] = math.fsum(s.size[k] for k in self.members[q])
        return True

    def _move(self, p: int, q: int, stir: bool = False) -> bool:
        """Split p's and q's pieces again: q fuller than now and as full as it can be (first
        any split where both fit), or, with `stir`, one of the fullest splits at random.
        True when the pieces moved."""
        s, grid, n, m, cap = self.s, self.s.grid, self.s.n, self.s.m, self.s.cap
        pool = self.members[p] + self.members[q]
        total = self.load[p] + self.load[q]
        roles = sum(1 for k in pool if k >= n)
        c_lo, c_hi = max(0, roles - m), min(m, roles)
        groups, must = grid.groups(pool, True)
        layers = grid.layers(groups, must, c_hi)
        grid_hi = math.ceil(cap / grid.step) + WIDEN
        fullest = _highest(layers[-1], grid.grid(cap), c_lo, c_hi)
        if fullest is None:
            return False
        now = self.load[q]
        lo = fullest - 4 * WIDEN  # the fullest splits (on the grid, give or take its rounding)
        best, best_key = None, None
        seen = raw = 0
        for chosen in grid.sets(groups, must, layers, lo, grid_hi, c_lo, c_hi,
                                self.rng if stir else None, 0.5):
            raw += 1
            if raw > RAW:
                break
            load = math.fsum(s.size[k] for k in chosen)
            if load > cap + EPS or (not stir and load <= now + EPS):
                continue
            rest = [k for k in pool if k not in set(chosen)]
            if not (_parts_apart(chosen, n, s.duty) and _parts_apart(rest, n, s.duty)):
                continue
            seen += 1
            key = (total - load <= cap + EPS, load)
            if best is None or key > best_key:
                best, best_key = chosen, key
            if stir or seen >= SPLITS_SEEN:
                break
        if best is None:
            return False
        chosen = set(best)
        self.members[q] = [k for k in pool if k in chosen]
        self.members[p] = [k for k in pool if k not in chosen]
        self.load[q] = math.fsum(s.size[k] for k in self.members[q])
        self.load[p] = math.fsum(s.size[k] for k in self.members[p])
        for k in self.members[q]:
            s.where[k] = q
        for k in self.members[p]:
            s.where[k] = p
        return True


def fill(a: list[float], b: list[float | None], posts: int, capacity: float, max_roles: int, *,
         duty: list[int] | None = None, rounds=ROUNDS, moves: int = MOVES) -> Assignment | None:
    """Every A share and B role in `posts` posts, each filled to within the slack; None if not found.

    `duty` (the duty of each share) keeps the parts of one duty on different posts.
    A packing returned holds every rule (`check`).
    """
    n = len(a)
    if posts <= 0 or n == 0:
        return None
    if math.fsum(a) + math.fsum(x for x in b if x is not None) > posts * capacity + EPS:
        return None
    done = None
    for seed, mix, nodes, spread in rounds:
        search = _Search(a, b, posts, capacity, max_roles, duty, nodes, seed=seed, mix=mix, spread=spread)
        if search.run():
            done = search
            break
        if moves > 0:
            # Backtracking did not find it: fill every post anyway, then repair.
            search = _Search(a, b, posts, capacity, max_roles, duty, 10 * posts, seed=seed, mix=mix)
            if search.run(force=True) and _Polish(search, seed=seed).run(moves):
                done = search
                break
    if done is None:
        return None
    a_post = done.where[:n]
    b_post = [done.where[n + i] if b[i] is not None else -1 for i in range(n)]
    found = (a_post, b_post)
    if check(a, b, found, posts, capacity, max_roles, duty):
        return None  # never hand back a packing that breaks a rule
    return found
