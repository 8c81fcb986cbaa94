"""The exact model of an A/B design: can the duties be covered with P posts?

An assignment model, made small by what is known before solving:
- A share larger than half a post takes a post of its own, so those shares
  are pinned to posts 0..K−1 in decreasing order (this also breaks most of the
  symmetry between posts).
- The shares of a split duty are identical, so their B roles are counted per
  post (an integer) instead of one binary per share: a post holding one of
  the duty's A shares may take at most k − 1 of its k B roles, and by Hall's
  theorem that is exactly what lets each B role be matched to a share held by
  someone else.
- A piece gets a variable only on posts with room for it; the j-th smaller
  share may only open one of the first j + 1 empty posts.

This is the model of equal parts; ab_split.py has the one where a split
duty's parts may differ. Work, not time, bounds the search: each model gets a
node limit, and the user's outer time limit (a deadline) stops the whole
solve with lp.OutOfTime instead of changing the answer.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from optimizer import lp
from optimizer.ab_pack import EPS, Assignment, tabu_repair


@dataclass
class ExactAnswer:
    verdict: str                 # "feasible" | "infeasible" | "unknown"
    assignment: Assignment | None
    times: lp.SolverTimes


def _match_backups(share_ids: list[int], a_post: list[int], b_posts: list[int]) -> dict[int, int]:
    """Give each B role (a post) to a share of the duty whose A is on another post (Kuhn)."""
    owner: dict[int, int] = {}          # share -> index into b_posts

    def augment(slot: int, seen: set[int]) -> bool:
        for s in share_ids:
            if s in seen or a_post[s] == b_posts[slot]:
                continue
            seen.add(s)
            if s not in owner or augment(owner[s], seen):
                owner[s] = slot
                return True
        return False

    for slot in range(len(b_posts)):
        if not augment(slot, set()):
            raise AssertionError("backup roles cannot be matched; the model is wrong")
    return {s: b_posts[slot] for s, slot in owner.items()}


CARDINALITY_CUTS = True


def _cardinality_cuts(problem, p: int, terms: list, room: float, max_roles: int) -> None:
    """At most ⌊room ÷ t⌋ pieces of size ≥ t fit on a post: a cut for each size class.

    Valid for every whole solution; it tells the LP relaxation what the
    capacity row alone does not (two B roles of 0.14 post do not fit in a
    room of 0.27 post). Only the cuts that can bind are added.
    """
    if len(terms) < 2:
        return
    # (size, var, units it can hold): an integer count variable stands for several pieces.
    pieces = sorted(((size, var, var.upBound or 1) for var, size in terms), key=lambda t: -t[0])
    units_at_least = 0
    last_cap = None
    for k, (size, _var, units) in enumerate(pieces):
        units_at_least += units
        if k + 1 < len(pieces) and pieces[k + 1][0] >= size - 1e-9:
            continue  # close the size class first
        if size <= EPS:
            break
        cap = int(room / size + 1e-9)
        if cap >= units_at_least or cap == last_cap:
            continue
        last_cap = cap
        lp.add(problem, lp.total(v for _, v, _ in pieces[:k + 1]) <= cap,
               f"post_{p}_at_most_{cap}_pieces_of_{int(size)}h_or_more")


def feasible_with(shares_duty: list[int], a: list[float], b: list[float | None], posts: int,
                  capacity: float, max_roles: int, *, max_nodes: int, deadline: float | None = None,
                  prefer: str = "auto") -> ExactAnswer:
    """Decide whether `posts` posts can hold every A share and B role."""
    started = time.perf_counter()
    n = len(a)
    times = lp.SolverTimes()
    half = capacity / 2
    big = sorted((i for i in range(n) if a[i] > half + EPS), key=lambda i: (-a[i], shares_duty[i], i))
    if len(big) > posts:
        return ExactAnswer("infeasible", None, times)
    pinned = {i: p for p, i in enumerate(big)}
    room = [capacity - a[i] for i in big] + [capacity] * (posts - len(big))
    k_first_free = len(big)

    # Split duties: their (identical, big) shares, grouped.
    groups: dict[int, list[int]] = {}
    for i in big:
        groups.setdefault(shares_duty[i], []).append(i)
    small = sorted((i for i in range(n) if i not in pinned), key=lambda i: (-a[i], i))

    problem = lp.new_problem("ab_posts")
    x: dict[tuple[int, int], object] = {}
    y: dict[tuple[int, int], object] = {}
    z: dict[tuple[int, int], object] = {}
    for j, i in enumerate(small):
        for p in range(posts):
            if p >= k_first_free and p > k_first_free + j:
                break
            if a[i] <= room[p] + EPS:
                x[i, p] = lp.binary(problem, f"a_{i}_{p}")
        if not any((i, p) in x for p in range(posts)):
            return ExactAnswer("infeasible", None, times)
    for i in small:
        if b[i] is None:
            continue
        for p in range(posts):
            if b[i] <= room[p] + EPS:
                y[i, p] = lp.binary(problem, f"b_{i}_{p}")
    for d, members in groups.items():
        if b[members[0]] is None:
            continue
        k = len(members)
        on = {pinned[i] for i in members}
        for p in range(posts):
            top = min(max_roles, k - (1 if p in on else 0))
            if top > 0 and b[members[0]] <= room[p] + EPS:
                z[d, p] = lp.integer(problem, f"g_{d}_{p}", 0, top)

    by_post_hours: list[list[tuple[object, float]]] = [[] for _ in range(posts)]
    by_post_roles: list[list[object]] = [[] for _ in range(posts)]
    a_terms: dict[int, list[object]] = {}
    b_terms: dict[int, list[object]] = {}
    g_terms: dict[int, list[object]] = {}
    for (i, p), v in x.items():
        by_post_hours[p].append((v, a[i]))
        a_terms.setdefault(i, []).append(v)
    for (i, p), v in y.items():
        by_post_hours[p].append((v, b[i]))
        by_post_roles[p].append(v)
        b_terms.setdefault(i, []).append(v)
    for (d, p), v in z.items():
        by_post_hours[p].append((v, b[groups[d][0]]))
        by_post_roles[p].append(v)
        g_terms.setdefault(d, []).append(v)

    for i in small:
        lp.add(problem, lp.total(a_terms[i]) == 1, f"share_{i}_has_one_A_holder")
        if b[i] is not None:
            if i not in b_terms:
                return ExactAnswer("infeasible", None, times)
            lp.add(problem, lp.total(b_terms[i]) == 1, f"share_{i}_has_one_B_holder")
            for p in range(posts):
                if (i, p) in x and (i, p) in y:
                    lp.add(problem, x[i, p] + y[i, p] <= 1, f"share_{i}_A_and_B_differ_on_post_{p}")
    for d, members in groups.items():
        if b[members[0]] is None:
            continue
        if d not in g_terms:
            return ExactAnswer("infeasible", None, times)
        lp.add(problem, lp.total(g_terms[d]) == len(members), f"duty_{d}_every_share_backed_up")
    for p in range(posts):
        if by_post_hours[p]:
            lp.add(problem, lp.expr(by_post_hours[p]) <= room[p], f"post_{p}_hours_within_capacity")
        if CARDINALITY_CUTS:
            _cardinality_cuts(problem, p, by_post_hours[p], room[p], max_roles)
        if len(by_post_roles[p]) > 1:
            lp.add(problem, lp.total(by_post_roles[p]) <= max_roles, f"post_{p}_at_most_m_B_roles")
    lp.set_objective(problem, lp.expr([]))

    times.build += time.perf_counter() - started  # writing the model in PuLP
    outcome = lp.solve_by(problem, deadline, prefer, max_nodes=max_nodes, sub_mips=False)
    times.add(outcome.times)
    read_from = time.perf_counter()
    if outcome.status == lp.INFEASIBLE:
        return ExactAnswer("infeasible", None, times)
    if not outcome.has_solution:
        return ExactAnswer("unknown", None, times)

    a_post = [-1] * n
    b_post = [-1] * n
    for i, p in pinned.items():
        a_post[i] = p
    for (i, p), v in x.items():
        if lp.value(v) > 0.5:
            a_post[i] = p
    for (i, p), v in y.items():
        if lp.value(v) > 0.5:
            b_post[i] = p
    for d, members in groups.items():
        if b[members[0]] is None:
            continue
        slots = []
        for p in range(posts):
            if (d, p) in z:
                slots += [p] * int(round(lp.value(z[d, p])))
        for s, p in _match_backups(members, a_post, slots).items():
            b_post[s] = p
    times.read += time.perf_counter() - read_from
    return ExactAnswer("feasible", (a_post, b_post), times)


# Pieces below these shares of a post are left out of the first, smaller models.
CASCADE = (0.10, 0.05, 0.02)


def decide(shares_duty: list[int], a: list[float], b: list[float | None], posts: int, capacity: float,
           max_roles: int, *, max_nodes: int, deadline: float | None = None,
           prefer: str = "auto", every_piece: bool = True) -> ExactAnswer:
    """feasible_with, made fast by solving without the small pieces first.

    Leaving pieces out relaxes the problem: if the rest cannot be packed into
    `posts` posts, neither can everything (a proof). If it can, the small
    pieces are added to that packing greedily (with a short repair); when that
    fails, the next model keeps more pieces, and the last one keeps them all.
    `every_piece=False`: the last model is left out ("unknown" where it would run).
    """
    times = lp.SolverTimes()
    whole = len(a) + sum(x is not None for x in b)
    tried = -1
    for share in CASCADE + (0.0,):
        tau = share * capacity
        keep = [i for i in range(len(a)) if a[i] >= tau]
        kept_b = [b[i] if b[i] is not None and b[i] >= tau else None for i in keep]
        size = len(keep) + sum(x is not None for x in kept_b)
        if size == tried:
            continue  # the same model as the step before
        tried = size
        if size == whole and not every_piece:
            break
        answer = feasible_with([shares_duty[i] for i in keep], [a[i] for i in keep], kept_b, posts,
                               capacity, max_roles, max_nodes=max_nodes, deadline=deadline, prefer=prefer)
        times.add(answer.times)
        if answer.verdict == "infeasible":
            return ExactAnswer("infeasible", None, times)
        if answer.verdict != "feasible":
            return ExactAnswer("unknown", None, times)
        if size == whole:
            return ExactAnswer("feasible", answer.assignment, times)
        a_start = [-1] * len(a)
        b_start = [-1] * len(a)
        for j, i in enumerate(keep):
            a_start[i] = answer.assignment[0][j]
            if kept_b[j] is not None:
                b_start[i] = answer.assignment[1][j]
        filled = tabu_repair(a, b, posts, capacity, max_roles, iterations=80,
                             start=(a_start, b_start))
        if filled is not None:
            return ExactAnswer("feasible", filled, times)
    return ExactAnswer("unknown", None, times)
