"""Posts split again two or three at a time, in exact units: whole duties minutes from a whole number of posts.

A design of whole duties whose load is within minutes of its bound (15.99997
posts of work for 16 posts) leaves each post a few minutes to spare at most:
every post must be filled almost to the minute. The fill (ab_fill) sums hours
on a grid of 0.1 hour and cannot see such differences. Here the hours are
whole numbers of a unit in which every duty's hours and backup load are exact
(a quarter of a minute on the demos), and the search is a local search over
complete packings:

- Start: the posts filled one by one, each as full as its open pieces allow
  (subset sums over the exact units, the largest open A share always in it),
  the last few posts taking what is left, the least loaded first. Some posts
  are then over.
- Move: the post most over and one other give up all their pieces, which are
  split again between them: the post over as full as it can be without passing
  its capacity (subset sums again), the rest to the other. Every rule holds in
  each split: a duty's A and B on different posts, at most max_roles B roles a
  post. When no pair lowers the excess, the post over is split again with two
  others (first the posts with the most spare time, enough between them to take
  the excess): it takes one of its fullest loads, and the other two share the
  rest as a pair does. And two posts with spare time may gather it into one.
- A move is taken when it lowers the hours over capacity, or keeps them and
  gathers the spare time into fewer posts (the sum of the squares of the spare
  time grows or stays): spare time in one place is what takes the excess next.
  Among the moves looked at the best is taken.

Work, never the clock, bounds it: subset-sum tables built (WORK) over a fixed
list of seeds, so the same duties always give the same packing. It proves
nothing when it fails. A packing found is checked with the float hours as
every packing is (ab_fill_rules.check).
"""

from __future__ import annotations

import math
import random
from fractions import Fraction

from optimizer.ab_fill_rules import check
from optimizer.ab_pack import Assignment

MOST_UNITS = 1 << 22     # a post's capacity in units at most (bit sets this long per subset-sum layer)
SEEDS = (0, 1, 2)        # restarts, each with WORK // len(SEEDS) tables
# Subset-sum tables built in all (about two seconds when nothing is found). On the demos the one
# design of whole duties this packs at its bound (芦汀竹镇, 2,000 townships, seed 4) takes 600 to
# 2,300 tables from a seed (seven seeds of eight find it): with 1,000 a seed its second seed does.
WORK = 3_000
TAIL = 3                 # posts left to the least-loaded placement at the start
TRIPLES = 8              # splits of the post over with two others looked at, when pairs do not help
GATHER = 6               # posts with spare time that may give it to the one with the most, per move
CLOSE = 5                # the posts with the most spare time paired for a split of three
TOPS = 4                 # the fullest loads of the post over tried in a split of three


def _units(values: list[float], capacity: float) -> tuple[list[int], int]:
    """The values and the capacity as whole units: exact when a common unit exists, else rounded safely.

    Exact: each value a fraction with a small denominator (hours from minutes and
    counts), the unit their least common denominator. Otherwise the values are
    rounded up and the capacity down, so a packing in units always holds in hours.
    """
    den = 1
    for x in values + [capacity]:
        q = Fraction(x).limit_denominator(1 << 16)
        if abs(float(q) - x) > 1e-9 * max(1.0, abs(x)):
            den = 0
            break
        den = den * q.denominator // math.gcd(den, q.denominator)
        if capacity * den > MOST_UNITS:
            den = 0
            break
    if den:
        return [round(x * den) for x in values], math.floor(capacity * den + 1e-6)
    scale = MOST_UNITS / capacity
    return [math.ceil(x * scale - 1e-9) for x in values], math.floor(capacity * scale)


class _Search:
    """One restart: a complete packing in units and the moves that repair it."""

    def __init__(self, a: list[int], b: list[int | None], posts: int, cap: int, m: int, seed: int):
        self.a, self.b, self.posts, self.cap, self.m = a, b, posts, cap, m
        self.n = len(a)
        self.rng = random.Random(seed)
        self.mask = (1 << (cap + 1)) - 1
        self.tables = 0
        self.a_post = [-1] * self.n
        self.b_post = [-1] * self.n

    # -- subset sums ---------------------------------------------------------------------------
    def _layers(self, groups, start: int = 0):
        """Subset sums of one side: layer k, count c → bit set of loads with c B roles."""
        self.tables += 1
        a, b, m, mask = self.a, self.b, self.m, self.mask
        layers = [[1 << start] + [0] * m]
        for i, options in groups:
            prev = layers[-1]
            cur = [0] * (m + 1)
            for on_a, on_b in options:
                add = (a[i] if on_a else 0) + (b[i] if on_b else 0)
                step = 1 if on_b else 0
                for c in range(m + 1 - step):
                    if prev[c]:
                        cur[c + step] |= (prev[c] << add) & mask
            layers.append(cur)
        return layers

    def _fullest(self, layers, c_min: int, c_max: int, k: int = 1) -> list[tuple[int, int]]:
        """The k largest loads (load, B roles) of the last layer within the counts."""
        found = []
        for c in range(max(0, c_min), min(self.m, c_max) + 1):
            bits = layers[-1][c]
            for _ in range(k):
                if not bits:
                    break
                t = bits.bit_length() - 1
                found.append((t, c))
                bits ^= 1 << t
        found.sort(reverse=True)
        return found[:k]

    def _choose(self, groups, layers, load: int, count: int, start: int = 0, largest: bool = False):
        """One choice per group reaching (load, count), walking the layers back."""
        a, b = self.a, self.b
        s, c = load - start, count
        chosen = {}
        for k in range(len(groups) - 1, -1, -1):
            i, options = groups[k]
            options = list(options)
            if largest:
                options.sort(key=lambda o: -((a[i] if o[0] else 0) + (b[i] if o[1] else 0)))
            else:
                self.rng.shuffle(options)
            prev = layers[k]
            for on_a, on_b in options:
                add = (a[i] if on_a else 0) + (b[i] if on_b else 0)
                step = 1 if on_b else 0
                if s >= add and c >= step and (prev[c - step] >> (s - add + start)) & 1:
                    chosen[i] = (on_a, on_b)
                    s, c = s - add, c - step
                    break
            else:
                raise AssertionError("subset-sum layers and choice disagree")
        return chosen

    # -- the start -----------------------------------------------------------------------------
    def start(self) -> bool:
        a, b, m, posts = self.a, self.b, self.m, self.posts
        for p in range(max(0, posts - TAIL)):
            open_a = [i for i in range(self.n) if self.a_post[i] < 0]
            if not open_a:
                break
            open_b = sum(1 for i in range(self.n) if b[i] is not None and self.b_post[i] < 0)
            anchor = max(open_a, key=lambda i: (a[i], -i))
            self.a_post[anchor] = p
            groups = []
            for i in range(self.n):
                options = [(False, False)]
                if self.a_post[i] < 0:
                    options.append((True, False))
                if b[i] is not None and self.b_post[i] < 0 and i != anchor:
                    options.append((False, True))
                if len(options) > 1:
                    groups.append((i, options))
            self.rng.shuffle(groups)
            layers = self._layers(groups, a[anchor])
            # Leave no more B roles than the other posts can hold.
            best = self._fullest(layers, open_b - m * (posts - p - 1), m)
            if not best:
                return False
            load, count = best[0]
            for i, (on_a, on_b) in self._choose(groups, layers, load, count, a[anchor], True).items():
                if on_a:
                    self.a_post[i] = p
                if on_b:
                    self.b_post[i] = p
        load, roles = self.loads()
        for i in sorted(range(self.n), key=lambda i: (-a[i], i)):
            if self.a_post[i] < 0:
                p = min(range(posts), key=lambda p: (load[p], p))
                self.a_post[i] = p
                load[p] += a[i]
        for i in sorted((i for i in range(self.n) if b[i] is not None), key=lambda i: (-b[i], i)):
            if self.b_post[i] < 0:
                free = [p for p in range(posts) if p != self.a_post[i] and roles[p] < m]
                if not free:
                    return False
                p = min(free, key=lambda p: (load[p], p))
                self.b_post[i] = p
                load[p] += b[i]
                roles[p] += 1
        return True

    def loads(self) -> tuple[list[int], list[int]]:
        load, roles = [0] * self.posts, [0] * self.posts
        for i in range(self.n):
            load[self.a_post[i]] += self.a[i]
            if self.b[i] is not None and self.b_post[i] >= 0:
                load[self.b_post[i]] += self.b[i]
                roles[self.b_post[i]] += 1
        return load, roles

    # -- the moves -----------------------------------------------------------------------------
    def _roles_on(self, posts: tuple[int, ...]) -> dict[int, tuple[bool, bool]]:
        on = {}
        for i in range(self.n):
            has_a = self.a_post[i] in posts
            has_b = self.b[i] is not None and self.b_post[i] in posts
            if has_a or has_b:
                on[i] = (has_a, has_b)
        return on

    def _groups(self, roles: dict[int, tuple[bool, bool]], both_to_rest: bool):
        """(the choices of each share whose roles are here, in a shuffled order; its B roles here).

        A choice is (A on the first post?, B on it?), None where that role is elsewhere. A duty
        with both roles here never has both on the first post; `both_to_rest`: both may go to
        the others (a split of three, where the others are two posts).
        """
        groups = []
        for i, (has_a, has_b) in roles.items():
            if has_a and has_b:
                options = [(True, False), (False, True)] + ([(False, False)] if both_to_rest else [])
            elif has_a:
                options = [(True, None), (False, None)]
            else:
                options = [(None, True), (None, False)]
            groups.append((i, options))
        self.rng.shuffle(groups)
        return groups, sum(has_b for _, has_b in roles.values())

    def _split_two(self, first: int, second: int, roles: dict[int, tuple[bool, bool]]):
        """{share: (A post, B post)} with `first` as full as it can be, or None."""
        groups, total_b = self._groups(roles, both_to_rest=False)
        layers = self._layers(groups)
        best = self._fullest(layers, total_b - self.m, self.m)
        if not best:
            return None
        plan = {}
        for i, (on_a, on_b) in self._choose(groups, layers, *best[0]).items():
            plan[i] = (None if on_a is None else (first if on_a else second),
                       None if on_b is None else (first if on_b else second))
        return plan

    def _splits_three(self, first: int, second: int, third: int):
        """Splits of three posts: `first` at one of its fullest loads, the rest split as above."""
        groups, total_b = self._groups(self._roles_on((first, second, third)), both_to_rest=True)
        layers = self._layers(groups)
        for load, count in self._fullest(layers, total_b - 2 * self.m, self.m, TOPS):
            chosen = self._choose(groups, layers, load, count)
            rest = {i: (on_a is False, on_b is False) for i, (on_a, on_b) in chosen.items()
                    if on_a is False or on_b is False}
            plan = self._split_two(second, third, rest)
            if plan is None:
                continue
            for i, (on_a, on_b) in chosen.items():
                pa, pb = plan.get(i, (None, None))
                plan[i] = (first if on_a else pa, first if on_b else pb)
            yield plan, (first, second, third)

    def _score(self, plan, posts: tuple[int, ...], load: list[int]) -> tuple[int, int]:
        """(change of the excess, − change of the squared spare time) of a split."""
        new = {p: 0 for p in posts}
        for i in range(self.n):
            pa, pb = plan.get(i, (None, None))
            pa = self.a_post[i] if pa is None else pa
            pb = self.b_post[i] if pb is None else pb
            if pa in new:
                new[pa] += self.a[i]
            if self.b[i] is not None and pb in new:
                new[pb] += self.b[i]
        cap = self.cap
        excess = sum(max(0, new[p] - cap) - max(0, load[p] - cap) for p in posts)
        spare = sum(max(0, cap - new[p]) ** 2 - max(0, cap - load[p]) ** 2 for p in posts)
        return excess, -spare

    def run(self, work: int) -> bool:
        if not self.start():
            return False
        last = -1
        while self.tables < work:
            load, _ = self.loads()
            over = [p for p in range(self.posts) if load[p] > self.cap]
            if not over:
                return True
            worst = max(over, key=lambda p: (load[p], -p))
            others = [p for p in range(self.posts) if p not in (worst, last)]
            self.rng.shuffle(others)
            best = None
            moves = []
            for other in others:
                plan = self._split_two(worst, other, self._roles_on((worst, other)))
                if plan is not None:
                    moves.append((plan, (worst, other)))
            scored = [(self._score(plan, posts, load), k) for k, (plan, posts) in enumerate(moves)]
            if len(others) >= 2 and not any(s[0] < 0 for s, _ in scored):
                excess = load[worst] - self.cap
                roomy = sorted(others, key=lambda p: (load[p], p))
                # Pairs of posts with spare time enough to take the excess first, then at random.
                closing = [(x, y) for k, x in enumerate(roomy[:CLOSE]) for y in roomy[k + 1:CLOSE]
                           if 2 * self.cap - load[x] - load[y] >= excess]
                for j in range(TRIPLES):
                    if j < len(closing):
                        second, third = closing[j]
                    else:
                        second, third = self.rng.sample(others, 2)
                    for plan, posts in self._splits_three(worst, second, third):
                        moves.append((plan, posts))
                        scored.append((self._score(plan, posts, load), len(moves) - 1))
            if not any(s[0] < 0 for s, _ in scored):
                # Gather spare time: a post with some is filled from the one with the most.
                spare = sorted((p for p in others if load[p] < self.cap), key=lambda p: (load[p], p))
                if len(spare) >= 2:
                    most = spare[0]
                    for other in spare[1:1 + GATHER]:
                        plan = self._split_two(other, most, self._roles_on((other, most)))
                        if plan is not None:
                            moves.append((plan, (other, most)))
                            scored.append((self._score(plan, (other, most), load), len(moves) - 1))
            for score, k in scored:
                # Less excess, or as much with the spare time no more spread out.
                if (score[0] < 0 or (score[0] == 0 and score[1] <= 0)) and (best is None or score < best[0]):
                    best = (score, k)
            if best is None:
                return False
            for i, (pa, pb) in moves[best[1]][0].items():
                if pa is not None:
                    self.a_post[i] = pa
                if pb is not None:
                    self.b_post[i] = pb
            last = worst
        return not any(x > self.cap for x in self.loads()[0])


def resplit(a: list[float], b: list[float | None], posts: int, capacity: float, max_roles: int, *,
            work: int = WORK, seeds: tuple[int, ...] = SEEDS) -> Assignment | None:
    """Every whole duty's A and B in `posts` posts, or None: the local search above, each seed in turn."""
    n = len(a)
    if n == 0 or posts < 2:
        return None
    backed = [i for i in range(n) if b[i] is not None]
    units, cap = _units(list(a) + [b[i] for i in backed], capacity)
    a_units = units[:n]
    b_units: list[int | None] = [None] * n
    for k, i in enumerate(backed):
        b_units[i] = units[n + k]
    if sum(units) > posts * cap or max(a_units) > cap:
        return None
    for seed in seeds:
        search = _Search(a_units, b_units, posts, cap, max_roles, seed)
        if search.run(work // len(seeds)):
            found = (search.a_post, search.b_post)
            if not check(list(a), list(b), found, posts, capacity, max_roles):
                return found
    return None
