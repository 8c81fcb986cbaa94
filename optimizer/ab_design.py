"""A/B post design: the fewest posts that cover a township's duties of one kind.

Rules (domain.md): every duty that needs backup has an A holder and a
different B holder; a post's load (A hours + backup_load_factor × B hours)
fits in one person's time for duty work; nobody holds more than
max_backup_roles B roles; a duty larger than one person's time is split into
ceil(hours ÷ capacity) equal shares, each with its own A and B holder.

Method: lower bounds (ab_bounds) → greedy packing into that many posts
(ab_pack) → a short tabu repair → the exact model (ab_exact) for what is
still open, one post count at a time, within a time limit. The answer is
proven minimal when it meets the bound; otherwise the gap is reported.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from optimizer import ab_bounds, ab_exact, ab_pack
from optimizer.inputs import DesignInput
from optimizer.lp import SolverTimes
from optimizer.plan import ABDesign, PostPlan


@dataclass(frozen=True)
class Share:
    """One A assignment: a whole duty, or one of the equal parts of a split duty."""

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


def _posts(design: DesignInput, shares: list[Share], assignment: ab_pack.Assignment) -> list[PostPlan]:
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
        a_hours = math.fsum(shares[i].hours for i in a_of[p])
        b_load = math.fsum(f * shares[i].hours for i in b_of[p])
        posts.append((a_hours, b_load, p))
    # The busiest A post first: it reads like a staffing table.
    posts.sort(key=lambda t: (-t[0], -t[1], t[2]))
    plans = []
    for number, (a_hours, b_load, p) in enumerate(posts, start=1):
        plans.append(PostPlan(
            name=f"岗位{number}",
            a=[share_label(design, shares[i]) for i in sorted(a_of[p], key=lambda i: -shares[i].hours)],
            b=[share_label(design, shares[i]) for i in sorted(b_of[p], key=lambda i: -shares[i].hours)],
            a_hours=a_hours, b_load_hours=b_load, capacity_hours=design.capacity_hours))
    return plans


def design_posts(design: DesignInput, *, time_limit: float = 2.0, prefer: str = "auto") -> ABDesign:
    """The A/B design of one township and kind, with its proof (or its gap)."""
    started = time.perf_counter()
    shares = make_shares(design)
    total_hours = math.fsum(s.hours for s in shares)
    if not shares:
        return ABDesign(design.township, design.kind, [], 0, True, "none", "没有需要工时的职责",
                        "no duty with hours", "none", design.leadership, 0.0, 0.0)
    capacity = design.capacity_hours
    m = design.max_backup_roles
    f = design.backup_load_factor
    a = [s.hours for s in shares]
    b = [f * s.hours if s.backed_up else None for s in shares]
    b_sizes = [x for x in b if x is not None]
    bound = ab_bounds.lower_bound(a, b_sizes, capacity, m)
    lb = bound.value

    method = "constructive"
    best = ab_pack.construct(a, b, lb, capacity, m)
    if best is None:
        best = ab_pack.tabu_repair(a, b, lb, capacity, m, iterations=40, seconds=0.015)
        method = "repair"
    times = SolverTimes()
    deadline = started + max(0.05, time_limit)
    # The exact model decides the bound's post count; when it proves that count too few,
    # the bound rises by one and the greedy packing usually fills the new count at once.
    while best is None:
        remaining = deadline - time.perf_counter()
        if remaining <= 0.02:
            break
        answer = ab_exact.decide([s.duty for s in shares], a, b, lb, capacity, m, remaining, prefer)
        times.add(answer.times)
        if answer.verdict == "feasible":
            best, method = answer.assignment, "exact"
        elif answer.verdict == "infeasible":
            lb += 1
            method = "exact"
            bound = ab_bounds.Bound(
                lb, "exact",
                f"精确模型证明 {lb - 1} 个岗位无法同时满足AB岗与工时要求，至少 {lb} 岗",
                f"the exact model proves {lb - 1} posts cannot meet the A/B and time rules: "
                f"at least {lb} posts")
            best = ab_pack.construct(a, b, lb, capacity, m)
        else:
            break  # time limit without an answer: the gap stays
    if best is None:
        # Not proven: the best packing the greedy finds with a few more posts.
        for extra in (1, 2):
            best = ab_pack.construct(a, b, lb + extra, capacity, m)
            if best is not None:
                break
        if best is None:
            best = ab_pack.open_ended(a, b, capacity, m)
        method = "constructive"

    posts = _posts(design, shares, best)
    proven = len(posts) <= lb
    return ABDesign(
        township=design.township, kind=design.kind, posts=posts, lower_bound=lb,
        proven_minimal=proven, bound_rule=bound.rule, bound_zh=bound.zh, bound_en=bound.en,
        method=method, leadership=design.leadership, seconds=time.perf_counter() - started,
        duty_hours=total_hours, build_seconds=times.build + times.read, solver_seconds=times.solve,
        models=times.models)
