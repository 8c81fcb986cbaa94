"""The fewest lines for a moves list: the most zero-sum groups of givers and receivers.

n givers and receivers (a giver's amount positive, a receiver's negative) need
n − g lines, where g is the largest number of groups that can be cut out of
them, each group giving as much as it receives. Finding g is a partition
problem; the amounts are small whole numbers with many repeats, which is what
this module leans on:

1. A giver and a receiver of the same amount form a group of their own. That
   is always part of some best answer: if they sat in two groups G1 and G2 of
   a best partition, {pair} and G1 ∪ G2 − {pair} are as many groups; if in one
   group G, {pair} and G − {pair} are more.
2. What is left is small in practice: searched exactly over its subsets.
3. When it is not, a small integer programme chooses the most groups of at
   most PATTERN_SIZE parties (one variable per pattern of amounts, not per
   party, so the model stays small at 2,000 townships); the rest is one group.
   A second programme, which also lets any larger group count, bounds the
   best possible from above: the list is proven minimal when both agree, and
   the bound is reported otherwise.
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations_with_replacement

import pulp

from optimizer import lp

EXACT_LIMIT = 14        # parties searched exactly over subsets (2^14 states)
PATTERN_SIZE = 5        # the largest group the programme builds from patterns
PATTERN_LIMIT = 60_000  # patterns beyond this: a smaller PATTERN_SIZE is used
MAX_NODES = 5_000       # branch-and-bound work per programme: fixed effort, same answer

Party = tuple[str, int]  # (name, slots: > 0 gives, < 0 receives)


def most_groups(parties: list[Party]) -> tuple[list[list[Party]], int]:
    """Zero-sum groups covering every party, and an upper bound on how many groups are possible."""
    parties = sorted((p for p in parties if p[1] != 0), key=lambda p: (-p[1], p[0]))
    if not parties:
        return [], 0
    groups, rest = _equal_pairs(parties)
    if len(rest) <= EXACT_LIMIT:
        found = exact_groups(rest) if rest else []
        return groups + found, len(groups) + len(found)
    found, bound = _pattern_groups(rest)
    return groups + found, len(groups) + bound


def _equal_pairs(parties: list[Party]) -> tuple[list[list[Party]], list[Party]]:
    """Givers matched with receivers of the same amount, by name order; the rest unmatched."""
    receivers: dict[int, list[Party]] = {}
    for party in sorted((p for p in parties if p[1] < 0), key=lambda p: p[0]):
        receivers.setdefault(-party[1], []).append(party)
    pairs, rest, taken = [], [], set()
    for giver in sorted((p for p in parties if p[1] > 0), key=lambda p: (-p[1], p[0])):
        partners = receivers.get(giver[1])
        if partners:
            receiver = partners.pop(0)
            taken.add(receiver[0])
            pairs.append([giver, receiver])
        else:
            rest.append(giver)
    rest += [p for p in parties if p[1] < 0 and p[0] not in taken]
    return pairs, rest


def exact_groups(parties: list[Party]) -> list[list[Party]]:
    """The most groups with zero sum, by dynamic programming over subsets (small lists only)."""
    n = len(parties)
    values = [v for _, v in parties]
    full = (1 << n) - 1
    total = [0] * (1 << n)
    for mask in range(1, 1 << n):
        low = mask & -mask
        total[mask] = total[mask ^ low] + values[low.bit_length() - 1]
    best = [0] * (1 << n)
    choice = [0] * (1 << n)
    for mask in range(1, 1 << n):
        top, pick = -1, 0
        rest = mask
        while rest:
            low = rest & -rest
            rest ^= low
            score = best[mask ^ low]
            if score > top:
                top, pick = score, low
        best[mask] = top + (1 if total[mask] == 0 else 0)
        choice[mask] = pick
    # Unwind: the order in which parties were removed; a group closes where the sum is zero.
    order = []
    mask = full
    while mask:
        order.append(choice[mask])
        mask ^= choice[mask]
    order.reverse()  # the order in which parties were added
    groups, current, running = [], [], 0
    for bit in order:
        index = bit.bit_length() - 1
        current.append(parties[index])
        running += values[index]
        if running == 0:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def _patterns(counts: Counter, size: int) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Every (gives, receives) pair of amount multisets with equal sums, at most `size` parties."""
    gives = sorted(v for v in counts if v > 0)
    takes = sorted(-v for v in counts if v < 0)

    def multisets(values: list[int], sign: int, k: int):
        for combo in combinations_with_replacement(values, k):
            seen = Counter(combo)
            if all(seen[v] <= counts[sign * v] for v in seen):
                yield combo

    by_sum: dict[int, list[tuple[int, ...]]] = {}
    for k in range(1, size):
        for combo in multisets(takes, -1, k):
            by_sum.setdefault(sum(combo), []).append(combo)
    patterns = []
    for k in range(1, size):
        for combo in multisets(gives, 1, k):
            for other in by_sum.get(sum(combo), ()):
                if k + len(other) <= size:
                    patterns.append((combo, other))
    return patterns


def _pattern_groups(rest: list[Party]) -> tuple[list[list[Party]], int]:
    counts = Counter(v for _, v in rest)
    size = PATTERN_SIZE
    patterns = _patterns(counts, size)
    while len(patterns) > PATTERN_LIMIT and size > 3:
        size -= 1
        patterns = _patterns(counts, size)
    chosen = _choose(patterns, counts, len(rest), size, bound_only=False)
    bound = _choose(patterns, counts, len(rest), size, bound_only=True)
    # Hand out the named parties to the chosen patterns, largest amounts by name order.
    pool: dict[int, list[Party]] = {}
    for party in sorted(rest, key=lambda p: p[0]):
        pool.setdefault(party[1], []).append(party)
    groups = []
    for (gives, takes), times in chosen:
        for _ in range(times):
            groups.append([pool[v].pop(0) for v in gives] + [pool[-v].pop(0) for v in takes])
    left = [p for v in sorted(pool, reverse=True) for p in pool[v]]
    if left:
        groups += exact_groups(left) if len(left) <= EXACT_LIMIT else [left]
    return groups, max(bound, len(groups))


def _choose(patterns, counts: Counter, parties: int, size: int, *, bound_only: bool):
    """The most patterns the amounts allow; with `bound_only`, an upper bound on groups of any size.

    The bound's programme lets a group larger than `size` count too, costing at least size + 1
    parties: every partition of the list is one of its solutions, so its optimum (or its proven
    bound, when the work limit stops it) is at least the true best.
    """
    problem = lp.new_problem("move_groups")
    problem.sense = pulp.LpMaximize
    used = [lp.integer(problem, f"p{i}", 0) for i in range(len(patterns))]
    objective = lp.total(used)
    if bound_only:
        larger = lp.integer(problem, "larger", 0)
        objective = objective + larger
        sizes = [(var, len(g) + len(t)) for var, (g, t) in zip(used, patterns)]
        lp.add(problem, lp.expr(sizes) + (size + 1) * larger <= parties, "parties")
    lp.set_objective(problem, objective)
    for amount in sorted(counts):
        terms = []
        for var, (gives, takes) in zip(used, patterns):
            k = gives.count(amount) if amount > 0 else takes.count(-amount)
            if k:
                terms.append((var, k))
        if terms:
            lp.add(problem, lp.expr(terms) <= counts[amount], f"amount_{amount}")
    outcome = lp.solve(problem, None, max_nodes=MAX_NODES)
    if bound_only:
        if outcome.bound is None:  # no answer at all: the trivial bound
            return parties // 2
        return int(outcome.bound + 1e-6)
    if not outcome.has_solution:
        return []
    return [(p, round(lp.value(v))) for p, v in zip(patterns, used) if round(lp.value(v)) > 0]
