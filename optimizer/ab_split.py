"""The exact model of an A/B design: can the duties be covered with P posts?

A duty larger than one post is split into k = ⌈hours ÷ capacity⌉ parts of
free sizes (each at most one post, each with its own A holder and its own B
holder, who is not that part's A holder); the model decides the sizes. Made
small by what is known before solving:
- A whole duty larger than half a post takes a post of its own; so do the
  k − 1 largest parts of a split duty (k parts add up to more than (k − 1)
  posts, so at most one part can be half a post or less). Those pieces are
  pinned to posts 0..K−1, which also breaks most of the symmetry between
  posts; the parts of a split duty are numbered largest first.
- The smallest part of a split duty (its "free" part) and the small whole
  duties go anywhere; the j-th of them may only open one of the first j + 1
  empty posts.
- A B role of a part carries f × the part's hours, a variable: it is one
  binary (who) and one share variable (how much) per post, linked by the
  part's largest size.
- A piece gets a variable only on posts with room for it.

Work, not time, bounds the search: each model gets a node limit, and the
user's outer time limit (a deadline) stops the whole solve with OutOfTime.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from optimizer import lp
from optimizer.ab_bounds import part_minimums
from optimizer.ab_pack import EPS, Assignment, tabu_repair


@dataclass(frozen=True)
class Pieces:
    """The A shares of one design: whole duties, and the parts of split duties."""

    duty: tuple[int, ...]          # the duty of each share
    hours: tuple[float, ...]       # a whole duty's hours; for a part, the equal share (a start)
    backed: tuple[bool, ...]       # the share needs a B holder
    split: dict[int, float]        # duty -> its hours, for duties split into parts of free sizes
    f: float                       # backup load factor
    capacity: float
    max_roles: int

    def a_b(self, sizes: list[float] | tuple[float, ...]) -> tuple[list[float], list[float | None]]:
        """(A hours, B load or None) of each share for the given part sizes."""
        return list(sizes), [self.f * h if bk else None for h, bk in zip(sizes, self.backed)]

    def groups(self) -> dict[int, list[int]]:
        """Each split duty's shares (its parts), in share order."""
        found: dict[int, list[int]] = {}
        for i, d in enumerate(self.duty):
            if d in self.split:
                found.setdefault(d, []).append(i)
        return found

    def backed_hours(self) -> float:
        """The hours of the duties that need backup (whatever the parts' sizes)."""
        groups = self.groups()
        return (math.fsum(h for i, h in enumerate(self.hours) if self.backed[i] and self.duty[i] not in self.split)
                + math.fsum(h for d, h in self.split.items() if self.backed[groups[d][0]]))

    def load(self) -> float:
        """A hours and B load together (whatever the parts' sizes)."""
        whole = math.fsum(h for i, h in enumerate(self.hours) if self.duty[i] not in self.split)
        return whole + math.fsum(self.split.values()) + self.f * self.backed_hours()


@dataclass
class ExactAnswer:
    verdict: str                 # "feasible" | "infeasible" | "unknown" (the work limit)
    assignment: Assignment | None
    sizes: list[float] | None    # hours of each share (parts: as decided)
    times: lp.SolverTimes


CARDINALITY_CUTS = True


def _cardinality_cuts(problem, p: int, terms: list, room: float) -> None:
    """At most ⌊room ÷ t⌋ pieces of size ≥ t fit on a post: a cut for each size class.

    Valid for every whole solution; it tells the LP relaxation what the
    capacity row alone does not (two B roles of 0.14 post do not fit in a
    room of 0.27 post). Only fixed-size pieces take part; `room` is the most
    a post can have free for them.
    """
    if len(terms) < 2:
        return
    pieces = sorted(((size, var) for var, size in terms), key=lambda t: -t[0])
    last_cap = None
    for k, (size, _var) in enumerate(pieces):
        if k + 1 < len(pieces) and pieces[k + 1][0] >= size - 1e-9:
            continue  # close the size class first
        if size <= EPS:
            break
        cap = int(room / size + 1e-9)
        if cap >= k + 1 or cap == last_cap:
            continue
        last_cap = cap
        lp.add(problem, lp.total(v for _, v in pieces[:k + 1]) <= cap,
               f"post_{p}_at_most_{cap}_pieces_of_{int(size)}h_or_more")


def _part_bounds(hours: float, k: int, capacity: float) -> list[tuple[float, float]]:
    """(least, most) hours of the j-th largest of k parts of `hours`, for j = 1..k.

    The j-th largest is at least (hours − (j − 1)·C) ÷ (k − j + 1) (the larger
    ones hold at most C each, the rest at most as much as it); the k − 1
    largest are more than half a post; the smallest is at most the mean.
    """
    bounds = []
    for j, low in enumerate(part_minimums(hours, k, capacity), start=1):
        if j < k:
            low = max(low, capacity / 2)
        high = capacity if j < k else min(capacity, hours / k)
        bounds.append((min(low, high), high))
    return bounds


def feasible_with(pieces: Pieces, keep_b: list[bool], posts: int, *, max_nodes: int,
                  deadline: float | None = None, prefer: str = "auto",
                  least_backup: bool = False) -> ExactAnswer:
    """Decide whether `posts` posts can hold every A share and the B roles marked in `keep_b`.

    With `least_backup` the B role of a part carries f × the least the part can be,
    a fixed size: a relaxation (its "infeasible" is a proof, its packing may not hold).
    """
    started = time.perf_counter()
    times = lp.SolverTimes()
    no = ExactAnswer("infeasible", None, None, times)  # a proof before any model
    cap, f, m = pieces.capacity, pieces.f, pieces.max_roles
    a = pieces.hours
    n = len(a)
    half = cap / 2
    groups: dict[int, list[int]] = {}
    for i in range(n):
        if pieces.duty[i] in pieces.split:
            groups.setdefault(pieces.duty[i], []).append(i)
    whole = [i for i in range(n) if pieces.duty[i] not in pieces.split]
    pinned_whole = sorted((i for i in whole if a[i] > half + EPS), key=lambda i: (-a[i], pieces.duty[i], i))
    part_range: dict[int, tuple[float, float]] = {}
    pinned_parts: list[int] = []
    free_parts: list[int] = []
    for d in sorted(groups, key=lambda d: (-pieces.split[d], d)):
        members = groups[d]
        for i, rng in zip(members, _part_bounds(pieces.split[d], len(members), cap)):
            part_range[i] = rng
        pinned_parts += members[:-1]
        free_parts.append(members[-1])
    pinned = pinned_whole + pinned_parts
    if len(pinned) > posts:
        return no
    post_of = {i: p for p, i in enumerate(pinned)}
    room = [cap - a[i] for i in pinned_whole] + [cap - part_range[i][0] for i in pinned_parts]
    room += [cap] * (posts - len(pinned))
    first_free = len(pinned)
    movable = sorted(free_parts, key=lambda i: (-a[i], i)) + \
        sorted((i for i in whole if i not in post_of), key=lambda i: (-a[i], i))

    problem = lp.new_problem("ab_posts")
    hours_on: list[list[tuple[object, float]]] = [[] for _ in range(posts)]
    fixed_on: list[list[tuple[object, float]]] = [[] for _ in range(posts)]   # fixed-size pieces, for cuts
    roles_on: list[list[object]] = [[] for _ in range(posts)]
    a_vars: dict[int, dict[int, object]] = {}
    amount: dict[int, dict[int, object]] = {}
    size_var: dict[int, object] = {}
    b_vars: dict[int, dict[int, object]] = {}
    for j, i in enumerate(movable):
        low = part_range[i][0] if i in part_range else a[i]
        a_vars[i] = {}
        for p in range(posts):
            if p >= first_free and p > first_free + j:
                break
            if p in (post_of.get(s) for s in groups.get(pieces.duty[i], ())):
                continue  # each part of a split duty has its own A holder
            if low <= room[p] + EPS:
                a_vars[i][p] = lp.binary(problem, f"a_{i}_{p}")
        if not a_vars[i]:
            return no
        lp.add(problem, lp.total(a_vars[i].values()) == 1, f"share_{i}_has_one_A_holder")
        if i in part_range:
            low, high = part_range[i]
            amount[i] = {}
            for p, x in a_vars[i].items():
                u = lp.continuous(problem, f"part_{i}_on_{p}", 0, high)
                lp.add(problem, u - high * x <= 0, f"part_{i}_only_with_its_holder_{p}")
                lp.add(problem, u - low * x >= 0, f"part_{i}_at_least_its_least_{p}")
                amount[i][p] = u
                hours_on[p].append((u, 1.0))
            size_var[i] = lp.total(amount[i].values())
        else:
            for p, x in a_vars[i].items():
                hours_on[p].append((x, a[i]))
                fixed_on[p].append((x, a[i]))
    for i in pinned_parts:
        low, high = part_range[i]
        s = lp.continuous(problem, f"part_{i}_hours", low, high)
        size_var[i] = s
        hours_on[post_of[i]].append((s, 1.0))
    for d, members in groups.items():
        # The parts add up to the duty, largest first.
        lp.add(problem, lp.expr([(size_var[i], 1.0) for i in members[:-1]]) + size_var[members[-1]]
               == pieces.split[d], f"duty_{d}_parts_add_up")
        for i, nxt in zip(members, members[1:]):
            lp.add(problem, size_var[i] - size_var[nxt] >= 0, f"duty_{d}_part_{i}_not_smaller_than_next")

    for i in range(n):
        if not (pieces.backed[i] and keep_b[i]):
            continue
        own = post_of.get(i)
        part = i in part_range and not least_backup
        most = part_range[i][1] if part else a[i]
        least_b = f * (part_range[i][0] if i in part_range else a[i])
        ys = {}
        for q in range(posts):
            if q == own or least_b > room[q] + EPS:
                continue
            y = lp.binary(problem, f"b_{i}_{q}")
            ys[q] = y
            b_vars.setdefault(i, {})[q] = y
            roles_on[q].append(y)
            if i in a_vars and q in a_vars[i]:
                lp.add(problem, a_vars[i][q] + y <= 1, f"share_{i}_A_and_B_differ_on_post_{q}")
            if part:
                w = lp.continuous(problem, f"backup_{i}_on_{q}", 0, most)
                lp.add(problem, w - most * y <= 0, f"backup_{i}_only_with_its_holder_{q}")
                hours_on[q].append((w, f))
                ys[q] = (y, w)
            else:
                hours_on[q].append((y, least_b))
                fixed_on[q].append((y, least_b))
        if not ys:
            return no
        if part:
            lp.add(problem, lp.total(y for y, _ in ys.values()) == 1, f"share_{i}_has_one_B_holder")
            lp.add(problem, lp.total(w for _, w in ys.values()) - size_var[i] == 0,
                   f"share_{i}_B_carries_the_part")
        else:
            lp.add(problem, lp.total(ys.values()) == 1, f"share_{i}_has_one_B_holder")
    for p in range(posts):
        fixed_a = a[pinned_whole[p]] if p < len(pinned_whole) else 0.0
        if hours_on[p]:
            lp.add(problem, lp.expr(hours_on[p]) <= cap - fixed_a, f"post_{p}_hours_within_capacity")
        if CARDINALITY_CUTS:
            _cardinality_cuts(problem, p, fixed_on[p], room[p])
        if len(roles_on[p]) > m:
            lp.add(problem, lp.total(roles_on[p]) <= m, f"post_{p}_at_most_m_B_roles")
    lp.set_objective(problem, lp.expr([]))

    times.build += time.perf_counter() - started  # writing the model in PuLP
    outcome = lp.solve_by(problem, deadline, prefer, max_nodes=max_nodes, sub_mips=False)
    times.add(outcome.times)
    read_from = time.perf_counter()
    if outcome.status == lp.INFEASIBLE:
        return ExactAnswer("infeasible", None, None, times)
    if not outcome.has_solution:
        return ExactAnswer("unknown", None, None, times)

    a_post = [-1] * n
    b_post = [-1] * n
    sizes = list(a)
    for i, p in post_of.items():
        a_post[i] = p
    for i, xs in a_vars.items():
        for p, x in xs.items():
            if lp.value(x) > 0.5:
                a_post[i] = p
    for i in part_range:
        sizes[i] = lp.value(size_var[i])
    for d, members in groups.items():
        # Whole minutes would be nicer to read, but the sizes must add up exactly.
        rest = pieces.split[d] - sum(sizes[i] for i in members[:-1])
        sizes[members[-1]] = rest
    for i, ys in b_vars.items():
        for q, y in ys.items():
            if lp.value(y) > 0.5:
                b_post[i] = q
    times.read += time.perf_counter() - read_from
    return ExactAnswer("feasible", (a_post, b_post), sizes, times)


def resize(pieces: Pieces, keep_b: list[bool], assignment: Assignment, posts: int, *,
           deadline: float | None = None, prefer: str = "auto") -> tuple[list[float] | None, lp.SolverTimes]:
    """Part sizes that make a given placement fit, if any (an LP: the placement is fixed).

    The sizes leave the most room on the fullest post, so that sums of floats stay within capacity.
    """
    a_post, b_post = assignment
    cap, f = pieces.capacity, pieces.f
    problem = lp.new_problem("part_sizes")
    size = {i: lp.continuous(problem, f"part_{i}", 0.0, cap)
            for i in range(len(pieces.hours)) if pieces.duty[i] in pieces.split}
    room = lp.continuous(problem, "least_room", -cap, cap)
    fixed = [0.0] * posts
    terms: list[list[tuple[object, float]]] = [[] for _ in range(posts)]
    for i, h in enumerate(pieces.hours):
        backed = pieces.backed[i] and keep_b[i] and b_post[i] >= 0
        if i in size:
            terms[a_post[i]].append((size[i], 1.0))
            if backed:
                terms[b_post[i]].append((size[i], f))
        else:
            fixed[a_post[i]] += h
            if backed:
                fixed[b_post[i]] += f * h
    for d, hours in pieces.split.items():
        lp.add(problem, lp.total(v for i, v in size.items() if pieces.duty[i] == d) == hours,
               f"duty_{d}_parts_add_up")
    for p in range(posts):
        lp.add(problem, lp.expr(terms[p] + [(room, 1.0)]) <= cap - fixed[p], f"post_{p}_within_capacity")
    lp.set_objective(problem, lp.expr([(room, -1.0)]))
    outcome = lp.solve_by(problem, deadline, prefer)
    if outcome.status != lp.OPTIMAL or lp.value(room) < 0:
        return None, outcome.times
    sizes = list(pieces.hours)
    for i, v in size.items():
        sizes[i] = lp.value(v)
    return sizes, outcome.times


def _sub_answer(sub: Pieces, keep_b: list[bool], posts: int, max_nodes: int, deadline: float | None,
                prefer: str, budget: list[int]) -> ExactAnswer:
    """The relaxation with each backup at its least first: a proof when it cannot be packed,
    and usually a placement whose part sizes an LP can then fix; the whole model otherwise.
    `budget` counts the branch-and-bound models this decision may still run."""
    times = lp.SolverTimes()
    if budget[0] <= 0:
        return ExactAnswer("unknown", None, None, times)
    budget[0] -= 1
    loose = feasible_with(sub, keep_b, posts, max_nodes=max_nodes, deadline=deadline, prefer=prefer,
                          least_backup=True)
    times.add(loose.times)
    if loose.verdict == "infeasible":
        return loose
    if loose.verdict == "feasible":
        sizes, more = resize(sub, keep_b, loose.assignment, posts, deadline=deadline, prefer=prefer)
        times.add(more)
        if sizes is not None:
            return ExactAnswer("feasible", loose.assignment, sizes, times)
    if budget[0] <= 0:
        return ExactAnswer("unknown", None, None, times)
    budget[0] -= 1
    answer = feasible_with(sub, keep_b, posts, max_nodes=max_nodes, deadline=deadline, prefer=prefer)
    times.add(answer.times)
    answer.times = times
    return answer


# Pieces below these shares of a post are left out of the first, smaller models.
CASCADE = (0.10, 0.05, 0.02)
# Branch-and-bound nodes of a quick look (too_few): where a count is too few the first model
# of the cascade proves it at once (five of six such counts on the demos, within 30 nodes),
# and where it is not the look must cost little.
LOOK_NODES = 30
REPAIR_ITERATIONS = 80
# Branch-and-bound models one decision may run (each within its node limit): a work limit, so a
# design whose load is within minutes of a whole number of posts, where every model of the cascade
# runs to its node limit, stops there instead of running eight (on the demos every proof and every
# packing the cascade finds takes at most three).
MAX_MODELS = 4


def _large_only(pieces: Pieces, share: float) -> tuple[list[int], list[bool], Pieces]:
    """The pieces of at least `share` of a post (and every part of a split duty): their indices,
    whether each keeps its B role (its backup load that large), and them as Pieces."""
    tau = share * pieces.capacity
    a = pieces.hours
    keep = [i for i in range(len(a)) if pieces.duty[i] in pieces.split or a[i] >= tau]
    keep_b = [pieces.duty[i] in pieces.split or pieces.f * a[i] >= tau for i in keep]
    sub = Pieces(tuple(pieces.duty[i] for i in keep), tuple(a[i] for i in keep),
                 tuple(pieces.backed[i] for i in keep), pieces.split, pieces.f, pieces.capacity,
                 pieces.max_roles)
    return keep, keep_b, sub


def too_few(pieces: Pieces, posts: int, *, deadline: float | None = None, prefer: str = "auto") -> bool:
    """A quick look: whether the first model of the cascade (the large pieces, each backup at its
    least) proves `posts` posts too few, within LOOK_NODES nodes. False proves nothing."""
    _keep, keep_b, sub = _large_only(pieces, CASCADE[0])
    answer = feasible_with(sub, keep_b, posts, max_nodes=LOOK_NODES, deadline=deadline, prefer=prefer,
                           least_backup=True)
    return answer.verdict == "infeasible"


def decide(pieces: Pieces, posts: int, *, max_nodes: int, deadline: float | None = None,
           prefer: str = "auto") -> ExactAnswer:
    """feasible_with, made fast by solving without the small pieces first.

    Leaving pieces out relaxes the problem: if the rest cannot be packed into
    `posts` posts, neither can everything (a proof). If it can, the small
    pieces are added to that packing greedily (with a short repair); when that
    fails, the next model keeps more pieces, and the last one keeps them all.
    The parts of split duties are always kept.
    """
    times = lp.SolverTimes()
    n = len(pieces.hours)
    a = pieces.hours
    whole = n + sum(pieces.backed)
    tried = -1
    budget = [MAX_MODELS]
    for share in CASCADE + (0.0,):
        keep, keep_b, sub = _large_only(pieces, share)
        size = len(keep) + sum(pieces.backed[i] and kb for i, kb in zip(keep, keep_b))
        if size == tried:
            continue  # the same model as the step before
        tried = size
        answer = _sub_answer(sub, keep_b, posts, max_nodes, deadline, prefer, budget)
        times.add(answer.times)
        if answer.verdict != "feasible":
            return ExactAnswer(answer.verdict, None, None, times)
        sizes = list(a)
        a_start = [-1] * n
        b_start = [-1] * n
        for j, i in enumerate(keep):
            sizes[i] = answer.sizes[j]
            a_start[i] = answer.assignment[0][j]
            if keep_b[j]:
                b_start[i] = answer.assignment[1][j]
        if size == whole:
            return ExactAnswer("feasible", (a_start, b_start), sizes, times)
        full_a, full_b = pieces.a_b(sizes)
        filled = tabu_repair(full_a, full_b, posts, pieces.capacity, pieces.max_roles,
                             iterations=REPAIR_ITERATIONS, start=(a_start, b_start))
        if filled is not None:
            return ExactAnswer("feasible", filled, sizes, times)
    return ExactAnswer("unknown", None, None, times)
