"""A/B post design: the fewest posts that cover a township's duties of one kind.

Rules (domain.md): every duty that needs backup has an A holder and a
different B holder; a post's load (A hours + backup_load_factor × B hours)
fits in one person's time for duty work; nobody holds more than
max_backup_roles B roles; a duty larger than one person's time is split into
k = ⌈hours ÷ capacity⌉ parts of any sizes (each at most one post), each with
its own A holder and its own B holder.

Method: lower bounds (ab_bounds) → greedy packing into that many posts
(ab_pack) with a few ways to split the large duties, and pouring them
(ab_pour: parts sized to the room of their posts) → a short tabu repair →
filling the posts one by one to within the slack (ab_fill, for loads just
under a whole number of posts), and with split duties the same fill after
their large parts have each filled a post of their own (ab_part_posts), and
with whole duties within minutes of a whole number of posts the posts split
again two or three at a time in exact units (ab_resplit) → the exact model
(ab_exact, which chooses the split) for what is still open, one post count at
a time. Every step is
bounded by work (iterations, sets, moves, solver nodes), never by the clock,
so the same duties always give the same design.
The answer is proven minimal when it meets the bound; otherwise the gap is
reported. The user's time limit (`deadline`) only ever stops the whole solve.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from optimizer import ab_bounds, ab_exact, ab_fill, ab_pack, ab_part_posts, ab_pour, ab_resplit, ab_split
from optimizer.inputs import DesignInput
from optimizer.lp import SolverTimes, time_left
from optimizer.plan import ABDesign, PostPlan

MAX_NODES = 500             # branch-and-bound nodes per exact model: the work limit of a design
REPAIR_ITERATIONS = 40
# The fill's rounds a design tries before its exact model: the plain one and one stirred.
# On the demos of 14 to 2,000 townships (10,110 designs) no later round filled a count
# these two had not; each costs as much again where the count is too few.
FILL_ROUNDS = ab_fill.ROUNDS[:2]
# Ways to split a large duty tried by the greedy packing: equal parts, then k − 1 parts of
# this share of a post and the rest (the exact model may choose any other split).
SPLIT_FILLS = (1.0, 0.9, 0.8)
SPLITS = "free"
RESPLIT_POSTS = 4           # ab_resplit for designs of at least this many posts


@dataclass(frozen=True)
class Share:
    """One A assignment: a whole duty, or one part of a split duty (hours: the equal part)."""

    duty: int
    part: int
    parts: int
    hours: float
    backed_up: bool


def make_shares(design: DesignInput) -> list[Share]:
    capacity = design.capacity_hours
    shares = []
    for index, duty in enumerate(design.duties):
        if duty.hours <= 0:
            continue  # a duty without hours needs nobody
        parts = max(1, math.ceil(duty.hours / capacity - 1e-9))
        for part in range(1, parts + 1):
            shares.append(Share(index, part, parts, duty.hours / parts, duty.needs_backup))
    return shares


def share_label(design: DesignInput, share: Share) -> str:
    name = design.duties[share.duty].name
    return name if share.parts == 1 else f"{name}（{share.part}/{share.parts}）"


def pieces_of(design: DesignInput, shares: list[Share], free: bool = True) -> ab_split.Pieces:
    """The shares as the exact models see them; `free`: split duties' parts may differ."""
    split = {s.duty: design.duties[s.duty].hours for s in shares if s.parts > 1} if free else {}
    return ab_split.Pieces(tuple(s.duty for s in shares), tuple(s.hours for s in shares),
                           tuple(s.backed_up for s in shares), split, design.backup_load_factor,
                           design.capacity_hours, design.max_backup_roles)


def candidate_splits(design: DesignInput, shares: list[Share], free: bool = True) -> list[list[float]]:
    """Part sizes for the greedy packing: equal parts first, then large parts and a remainder."""
    equal = [s.hours for s in shares]
    found = [equal]
    if not free:
        return found
    cap = design.capacity_hours
    for fill in SPLIT_FILLS:
        sizes = list(equal)
        for i, s in enumerate(shares):
            if s.parts == 1:
                continue
            hours = design.duties[s.duty].hours
            rest = hours - (s.parts - 1) * fill * cap
            if 0 < rest <= fill * cap:
                sizes[i] = fill * cap if s.part < s.parts else rest
        if sizes not in found:
            found.append(sizes)
    return found


def _bound(design: DesignInput, shares: list[Share], free: bool = True) -> ab_bounds.Bound:
    f, cap = design.backup_load_factor, design.capacity_hours
    a_min, b_min = [], []
    total = 0.0
    done: set[int] = set()
    for s in shares:
        if s.duty in done:
            continue
        done.add(s.duty)
        hours = design.duties[s.duty].hours
        if s.parts == 1:
            sizes = [hours]
        elif free:
            sizes = ab_bounds.part_minimums(hours, s.parts, cap)
        else:
            sizes = [hours / s.parts] * s.parts
        a_min += sizes
        if s.backed_up:
            b_min += [f * x for x in sizes]
        total += hours * (1 + (f if s.backed_up else 0.0))
    return ab_bounds.lower_bound(a_min, b_min, cap, design.max_backup_roles, total)


def _greedy(pieces: ab_split.Pieces, splits: list[list[float]], posts: int, *, repair: bool,
            pour: bool = True):
    """(assignment, sizes) from the first split the greedy packing fits into `posts` posts.

    With parts of free sizes, pouring (which sizes the parts as it packs) follows the
    fixed splits; `pour=False` when it has already failed for this count.
    """
    cap, m = pieces.capacity, pieces.max_roles
    for sizes in splits:
        a, b = pieces.a_b(sizes)
        found = ab_pack.construct(a, b, posts, cap, m)
        if found is not None:
            return found, sizes
    if pour and pieces.split:
        poured = ab_pour.pour(pieces, posts)
        if poured is not None:
            return poured
    if repair:
        for sizes in splits:
            a, b = pieces.a_b(sizes)
            found = ab_pack.tabu_repair(a, b, posts, cap, m, iterations=REPAIR_ITERATIONS)
            if found is not None:
                return found, sizes
    return None, None


def _pack(pieces: ab_split.Pieces, splits: list[list[float]], posts: int, *, tried: bool = False,
          filled: dict | None = None):
    """(assignment, sizes, method) of the first packing into `posts` posts, without the exact model.

    The greedy packing (and pouring), then the tabu repair, then filling post by
    post: a load just under a whole number of posts leaves only a few hours to
    spare in all, and the first two then leave one post over by a few hours; the
    fill does not. With split duties the fill is tried once more with their large
    parts each filling a post (ab_part_posts), which leaves it sizes it can pack.
    With whole duties and minutes to spare in all, which the fill's grid of 0.1 hour
    cannot see, the posts are split again in exact units (ab_resplit).
    `tried`: the greedy packing, pouring and the large parts already failed here (the
    same pieces and count give the same answer: they are not tried again).
    """
    if not tried:
        best, sizes = _greedy(pieces, splits, posts, repair=False)
        if best is not None:
            return best, sizes, "constructive"
    best, sizes = _greedy(pieces, splits, posts, repair=True, pour=False)
    if best is not None:
        return best, sizes, "repair"
    best, sizes = _fill(pieces, splits, posts, filled)
    if best is None and _resplit_fits(pieces, posts):
        # Whole duties minutes from a whole number of posts: the fill's grid cannot see so little.
        a, b = pieces.a_b(pieces.hours)
        best = ab_resplit.resplit(a, b, posts, pieces.capacity, pieces.max_roles)
        if best is not None:
            return best, list(pieces.hours), "resplit"
    if best is None and pieces.split and not tried:
        # Free parts: the large ones each fill a post, and the fill packs the rest.
        best, sizes = ab_part_posts.fill_parts(pieces, posts) or (None, None)
    return best, sizes, "fill"


def _resplit_fits(pieces: ab_split.Pieces, posts: int) -> bool:
    """Whether ab_resplit is for this count: whole duties (one share each), nearly full posts,
    and enough of them (with fewer the exact model decides at once)."""
    return (not pieces.split and len(set(pieces.duty)) == len(pieces.duty) and posts >= RESPLIT_POSTS
            and ab_part_posts.nearly_full(pieces, posts))


def _fill(pieces: ab_split.Pieces, splits: list[list[float]], posts: int, filled: dict | None = None):
    """(assignment, sizes) of the first round of bin completion (ab_fill) that fills `posts` posts.

    The splits take turns round by round, so that the work of a fill that fails (the
    count may be too few) does not grow with the number of splits. `filled` keeps the
    answers of one design's fills: its searches of equal and of free parts may ask the
    same (equal parts are the first free split), and the same fill gives the same answer.
    """
    for turn, round_ in enumerate(FILL_ROUNDS):
        sizes = splits[turn % len(splits)]
        a, b = pieces.a_b(sizes)
        key = (tuple(a), tuple(b), tuple(pieces.duty), posts, round_)
        if filled is not None and key in filled:
            found = filled[key]
        else:
            found = ab_fill.fill(a, b, posts, pieces.capacity, pieces.max_roles, duty=list(pieces.duty),
                                 rounds=(round_,))
            if filled is not None:
                filled[key] = found
        if found is not None:
            return found, sizes
    return None, None


def _posts(design: DesignInput, shares: list[Share], sizes: list[float],
           assignment: ab_pack.Assignment) -> list[PostPlan]:
    a_post, b_post = assignment
    f = design.backup_load_factor
    used = sorted(set(a_post) | {p for p in b_post if p >= 0})
    a_of: dict[int, list[int]] = {p: [] for p in used}
    b_of: dict[int, list[int]] = {p: [] for p in used}
    for i, p in enumerate(a_post):
        a_of[p].append(i)
    for i, p in enumerate(b_post):
        if p >= 0:
            b_of[p].append(i)
    posts = []
    for p in used:
        a_hours = math.fsum(sizes[i] for i in a_of[p])
        b_load = math.fsum(f * sizes[i] for i in b_of[p])
        posts.append((a_hours, b_load, p))
    # The busiest A post first: it reads like a staffing table.
    posts.sort(key=lambda t: (-t[0], -t[1], t[2]))
    plans = []
    for number, (a_hours, b_load, p) in enumerate(posts, start=1):
        plans.append(PostPlan(
            name=f"岗位{number}",
            a=[share_label(design, shares[i]) for i in sorted(a_of[p], key=lambda i: (-sizes[i], i))],
            b=[share_label(design, shares[i]) for i in sorted(b_of[p], key=lambda i: (-sizes[i], i))],
            a_hours=a_hours, b_load_hours=b_load, capacity_hours=design.capacity_hours))
    return plans


def _decide(pieces: ab_split.Pieces, posts: int, max_nodes: int, deadline: float | None,
            prefer: str) -> ab_split.ExactAnswer:
    """The exact model's verdict on `posts` posts (its cascade of models: ab_exact.decide).

    Where ab_resplit has just failed at this count (whole duties, posts full to within
    minutes), the cascade's models of the larger pieces still run (they may prove the
    count too few, or start a packing) but not the model of every piece: with so little
    to spare its relaxation is feasible and a proof needs far more nodes than the limit,
    while its root alone costs seconds (1.4 s on 59 duties and 23 posts). On the demos
    of 14 to 2,000 townships (34,110 designs) it never decided such a count.
    """
    if pieces.split:
        return ab_split.decide(pieces, posts, max_nodes=max_nodes, deadline=deadline, prefer=prefer)
    a, b = pieces.a_b(pieces.hours)
    answer = ab_exact.decide(list(pieces.duty), a, b, posts, pieces.capacity, pieces.max_roles,
                             max_nodes=max_nodes, deadline=deadline, prefer=prefer,
                             every_piece=not _resplit_fits(pieces, posts))
    return ab_split.ExactAnswer(answer.verdict, answer.assignment, list(pieces.hours), answer.times)


@dataclass
class _Found:
    assignment: ab_pack.Assignment | None
    sizes: list[float] | None
    bound: ab_bounds.Bound
    method: str
    times: SolverTimes


def _search(pieces: ab_split.Pieces, splits: list[list[float]], bound: ab_bounds.Bound, below: int | None,
            max_nodes: int, deadline: float | None, prefer: str, *, tried: bool = False,
            filled: dict | None = None, exact: bool = True) -> _Found:
    """The fewest posts from the bound up (and below `below`, if given); the bound rises with each proof.

    `tried`: the greedy packing, pouring and the large parts already failed at the bound.
    `filled`: the fills of this design so far (see _fill). `exact=False`: packings only,
    no exact model (the search of equal parts when free parts follow: see design_posts).
    """
    lb = bound.value
    times = SolverTimes()
    if below is not None and lb >= below:
        return _Found(None, None, bound, "constructive", times)
    best, sizes, method = _pack(pieces, splits, lb, tried=tried, filled=filled)
    # The exact model decides the bound's post count; when it proves that count too few,
    # the bound rises by one and the packings above usually fill the new count at once.
    while best is None and exact and (below is None or lb < below):
        answer = _decide(pieces, lb, max_nodes, deadline, prefer)
        times.add(answer.times)
        if answer.verdict == "feasible":
            best, sizes, method = answer.assignment, answer.sizes, "exact"
        elif answer.verdict == "infeasible":
            lb += 1
            bound = ab_bounds.Bound(
                lb, "exact",
                f"精确模型证明 {lb - 1} 个岗位无法同时满足AB岗与工时要求，至少 {lb} 岗",
                f"the exact model proves {lb - 1} posts cannot meet the A/B and time rules: "
                f"at least {lb} posts")
            method = "exact"  # the proof is the exact model's, whichever packing then fills lb
            if below is None or lb < below:
                best, sizes, _ = _pack(pieces, splits, lb, filled=filled)
        else:
            break  # the work limit without an answer: the gap stays
    if best is None and below is not None:
        # Not proven, but perhaps still fewer posts than `below`: the greedy packing says.
        for posts in range(lb + 1, below):
            best, sizes = _greedy(pieces, splits, posts, repair=True)
            if best is not None:
                method = "repair"
                break
    return _Found(best, sizes, bound, method, times)


def design_posts(design: DesignInput, *, max_nodes: int = MAX_NODES, deadline: float | None = None,
                 prefer: str = "auto", splits: str = SPLITS) -> ABDesign:
    """The A/B design of one township and kind, with its proof (or its gap).

    `max_nodes` bounds each exact model's search; `deadline` (a time.time()
    instant, the user's limit) raises lp.OutOfTime when passed. `splits` is
    "equal" (a large duty's parts are equal) or "free" (the design sizes them).
    With free parts the greedy packing and pouring try the free bound first, and
    on a tight design the large parts filling posts of their own (a packing
    there is proven minimal); otherwise the design of equal parts comes
    first, and the free model only looks for fewer posts than it and proves its
    bound: never worse.
    """
    started = time.perf_counter()
    time_left(deadline)
    shares = make_shares(design)
    total_hours = math.fsum(s.hours for s in shares)
    if not shares:
        return ABDesign(design.township, design.kind, [], 0, True, "none", "没有需要工时的职责",
                        "no duty with hours", "none", design.leadership, 0.0, 0.0)
    free = splits == "free" and any(s.parts > 1 for s in shares)
    if free:
        # Free parts at their bound at once: proven minimal, and never more posts than equal
        # parts (equal parts are one of the free splits), so the design of equal parts is not needed.
        loose = pieces_of(design, shares, True)
        loose_splits = candidate_splits(design, shares, True)
        loose_bound = _bound(design, shares, True)
        # Pouring moves whole pieces to repair its packing: with almost nothing to spare it
        # seldom closes the last few hours, where large parts filling posts of their own do.
        nearly_full = ab_part_posts.nearly_full(loose, loose_bound.value)
        early, early_sizes = _greedy(loose, loose_splits, loose_bound.value, repair=False,
                                     pour=not nearly_full)
        if early is not None:
            return _result(design, shares, total_hours, early, early_sizes, loose_bound, "constructive",
                           SolverTimes(), started)
        # A tight design: its large parts filling posts of their own often pack it at the bound,
        # before any search of equal parts (which is then not needed either).
        parts = ab_part_posts.fill_parts(
            loose, loose_bound.value,
            lambda: ab_split.too_few(loose, loose_bound.value, deadline=deadline, prefer=prefer))
        if parts is not None:
            return _result(design, shares, total_hours, parts[0], parts[1], loose_bound, "fill",
                           SolverTimes(), started)
        if nearly_full:
            early, early_sizes = _greedy(loose, [], loose_bound.value, repair=False)
            if early is not None:
                return _result(design, shares, total_hours, early, early_sizes, loose_bound,
                               "constructive", SolverTimes(), started)
    equal = pieces_of(design, shares, False)
    filled: dict = {}
    # With free parts to follow, equal parts only give a count to search below: the exact model of
    # free parts at a count answers all that the one of equal parts would (equal parts are one
    # of its splits), so the latter is not run.
    found = _search(equal, candidate_splits(design, shares, False), _bound(design, shares, False), None,
                    max_nodes, deadline, prefer, filled=filled, exact=not free)
    best, sizes, method, times = found.assignment, found.sizes, found.method, found.times
    if best is None:
        # Not proven: the best packing the greedy finds with a few more posts.
        lb = found.bound.value
        for extra in (1, 2):
            best, sizes = _greedy(equal, [list(equal.hours)], lb + extra, repair=False)
            if best is not None:
                break
        if best is None:
            sizes = list(equal.hours)
            best = ab_pack.open_ended(*equal.a_b(sizes), design.capacity_hours, design.max_backup_roles)
        method = "constructive"
    n_equal = len({p for p in best[0]} | {p for p in best[1] if p >= 0})
    bound = found.bound
    if free:
        better = _search(loose, loose_splits, loose_bound, n_equal, max_nodes, deadline, prefer, tried=True,
                         filled=filled)
        times.add(better.times)
        bound = better.bound
        if better.assignment is not None:
            best, sizes, method = better.assignment, better.sizes, better.method
    return _result(design, shares, total_hours, best, sizes, bound, method, times, started)


def _result(design: DesignInput, shares: list[Share], total_hours: float, best: ab_pack.Assignment,
            sizes: list[float], bound: ab_bounds.Bound, method: str, times: SolverTimes,
            started: float) -> ABDesign:
    posts = _posts(design, shares, sizes, best)
    lb = bound.value
    proven = len(posts) <= lb
    parts = {share_label(design, s): sizes[i] for i, s in enumerate(shares) if s.parts > 1}
    return ABDesign(
        township=design.township, kind=design.kind, posts=posts, lower_bound=lb,
        proven_minimal=proven, bound_rule=bound.rule, bound_zh=bound.zh, bound_en=bound.en,
        method=method, leadership=design.leadership, seconds=time.perf_counter() - started,
        duty_hours=total_hours, build_seconds=times.build + times.read, solver_seconds=times.solve,
        models=times.models, part_hours=parts)
