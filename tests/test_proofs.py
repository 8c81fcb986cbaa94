"""The A/B designs of the demo counties are proven minimal: every one at 14, 60 and 200 townships
(several seeds) and at 2,000 townships with seeds 2, 3 and 4; with seeds 1 and 5 all but one, one
post above its bound.

Proven means the post count meets a lower bound (a counting rule or the exact
model's proof that one post fewer cannot meet the rules), within work limits
that do not depend on the machine: the same on any computer, busy or idle.
"""

from __future__ import annotations

import pytest

from optimizer.ab_batch import design_all
from planner.demo.county import generate_demo
from planner.domain.options import SolveOptions
from planner.solving.solve import build_problem

COUNTIES = [(14, 1), (14, 2), (14, 3), (60, 1), (60, 2), (60, 3), (200, 1), (200, 2), (200, 3), (2000, 2), (2000, 3),
            (2000, 4)]


def _designs(townships: int, seed: int):
    county = generate_demo(townships, seed, time_ledger=False)   # the demo `main.py demo` writes
    problem, _ = build_problem(county, SolveOptions())
    designs = design_all(list(problem.designs), workers=2 if townships >= 200 else 1)
    assert len(designs) == 3 * townships
    # A proof is a bound met, never a claim: each count is at least its bound and at least the FTE sum.
    for d, given in zip(designs, problem.designs):
        assert d.n_posts >= d.lower_bound
        assert d.proven_minimal == (d.n_posts == d.lower_bound)
        load = sum(x.hours * (1 + given.backup_load_factor * x.needs_backup) for x in given.duties)
        assert d.n_posts >= load / given.capacity_hours - 1e-9
    return designs


@pytest.mark.parametrize("townships,seed", COUNTIES)
def test_every_design_of_the_demo_is_proven_minimal(townships, seed):
    designs = _designs(townships, seed)
    assert [(d.township, d.kind, d.n_posts, d.lower_bound) for d in designs if not d.proven_minimal] == []


# The one design left open at 2,000 townships with these seeds: whole duties, minutes to spare.
OPEN_AT_2000 = {1: "坝上清镇", 5: "太平碧镇"}


@pytest.mark.parametrize("seed", sorted(OPEN_AT_2000))
def test_the_2000_township_demo_leaves_one_design_open_by_one_post(seed):
    """Not yet every one: with seed 1 坝上清镇's institutional design has 15.99997 posts of work
    (2.75 minutes to spare over 16 posts), with seed 5 太平碧镇's 22.9996 (40 minutes over 23);
    no duty larger than a post, and neither packed at its bound nor proven beyond it. Designs
    like them with under an hour to spare are packed by splitting posts again in exact units
    (芦汀竹镇 of seed 4, proven above), and those with split duties by large parts that fill
    their posts. This pins what is left, so that a change which opens more of them, or widens a
    gap, is seen."""
    designs = _designs(2000, seed)
    open_ = {(d.township, d.kind): d.n_posts - d.lower_bound for d in designs if not d.proven_minimal}
    assert set(open_) <= {(OPEN_AT_2000[seed], "institutional")} and set(open_.values()) <= {1}
