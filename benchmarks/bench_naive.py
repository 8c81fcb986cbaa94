"""The A/B designer against the naive per-township MILP; prints JSON.

The naive model is what one would write first: for one township and kind, a
binary per (share, post) for the A holder and another for the B holder, a
binary per post for "this post is used", load and B-role limits per post, A
and B of a share on different posts, and the number of posts used minimised,
with as many candidate posts as the shares (an upper bound). It is solved by
HiGHS with default settings, one thread and the benchmark's time limit per
model (a limit the user of the benchmark sets, stated in the output).

Both solve the model of equal parts (a large duty split into k equal shares),
so the two answers are comparable: the benchmark checks that the designer's
post count is never above the naive optimum where the naive model proved one.
Reported: seconds of each on the same designs, their ratio, and the designs
where the naive model ran out of time (its time then counts as the limit, so
the ratio is a lower bound of the true one).

    .venv/bin/python benchmarks/bench_naive.py [--townships 14] [--seed 1] [--limit 60]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def naive_posts(design, limit: float) -> tuple[int | None, bool, float]:
    """(posts, proven optimal, seconds) of the naive MILP of one design (equal parts)."""
    import pulp
    from optimizer.ab_design import make_shares

    shares = make_shares(design)
    if not shares:
        return 0, True, 0.0
    cap, f, m = design.capacity_hours, design.backup_load_factor, design.max_backup_roles
    n = len(shares)
    posts = range(2 * n if any(s.backed_up for s in shares) else n)
    prob = pulp.LpProblem("naive", pulp.LpMinimize)
    used = {p: pulp.LpVariable(f"u{p}", cat="Binary") for p in posts}
    a = {(i, p): pulp.LpVariable(f"a{i}_{p}", cat="Binary") for i in range(n) for p in posts}
    b = {(i, p): pulp.LpVariable(f"b{i}_{p}", cat="Binary")
         for i, s in enumerate(shares) if s.backed_up for p in posts}
    prob += pulp.lpSum(used.values())
    for i, s in enumerate(shares):
        prob += pulp.lpSum(a[i, p] for p in posts) == 1
        if s.backed_up:
            prob += pulp.lpSum(b[i, p] for p in posts) == 1
            for p in posts:
                prob += a[i, p] + b[i, p] <= 1
    for p in posts:
        prob += (pulp.lpSum(s.hours * a[i, p] for i, s in enumerate(shares))
                 + pulp.lpSum(f * s.hours * b[i, p] for i, s in enumerate(shares) if s.backed_up)
                 <= cap * used[p])
        prob += pulp.lpSum(b[i, p] for i, s in enumerate(shares) if s.backed_up) <= m
    started = time.perf_counter()
    prob.solve(pulp.HiGHS(msg=False, timeLimit=limit, threads=1))
    seconds = time.perf_counter() - started
    if prob.sol_status not in (pulp.LpSolutionOptimal, pulp.LpSolutionIntegerFeasible):
        return None, False, seconds
    return round(pulp.value(prob.objective)), prob.status == pulp.LpStatusOptimal and \
        prob.sol_status == pulp.LpSolutionOptimal, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--townships", type=int, default=14)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--limit", type=float, default=60.0, help="seconds per naive model (the user's limit)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from optimizer.ab_design import design_posts
    from planner.demo.county import generate_demo
    from planner.domain.options import SolveOptions
    from planner.solving.solve import build_problem

    county = generate_demo(args.townships, args.seed, with_people=False, time_ledger=False)
    problem, _ = build_problem(county, SolveOptions())
    rows = []
    for design in problem.designs:
        started = time.perf_counter()
        ours = design_posts(design, splits="equal")
        ours_seconds = time.perf_counter() - started
        posts, proven, seconds = naive_posts(design, args.limit)
        rows.append({"township": design.township, "kind": design.kind, "designer_posts": ours.n_posts,
                     "designer_proven": ours.proven_minimal, "designer_seconds": round(ours_seconds, 4),
                     "naive_posts": posts, "naive_proven": proven, "naive_seconds": round(seconds, 3),
                     "naive_out_of_time": not proven})
        print(f"{design.township} {design.kind}: designer {ours.n_posts} in {ours_seconds:.3f} s, "
              f"naive {posts} in {seconds:.1f} s", file=sys.stderr, flush=True)
    ours_total = sum(r["designer_seconds"] for r in rows)
    naive_total = sum(r["naive_seconds"] for r in rows)
    worse = [r for r in rows if r["naive_proven"] and r["designer_posts"] > r["naive_posts"]]
    print(json.dumps({
        "benchmark": "naive_milp", "townships": args.townships, "seed": args.seed,
        "naive_time_limit_per_model_seconds": args.limit, "designs": len(rows),
        "designer_seconds": round(ours_total, 3), "naive_seconds": round(naive_total, 1),
        "speed_ratio": round(naive_total / ours_total, 1) if ours_total else None,
        "naive_out_of_time": sum(r["naive_out_of_time"] for r in rows),
        "designer_above_a_proven_naive_optimum": len(worse),
        "designer_fewer_posts_than_naive_found": sum(1 for r in rows if r["naive_posts"] is not None
                                                     and r["designer_posts"] < r["naive_posts"]),
        "load_average_1_5_15": os.getloadavg(), "rows": rows}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
