"""Every A/B design of the demo counties is proven minimal: 14, 60, 200 and 2,000 townships.

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

COUNTIES = [(14, 1), (14, 2), (14, 3), (60, 1), (60, 2), (60, 3), (200, 1), (200, 2), (2000, 1)]


@pytest.mark.parametrize("townships,seed", COUNTIES)
def test_every_design_of_the_demo_is_proven_minimal(townships, seed):
    county = generate_demo(townships, seed, time_ledger=False)   # the demo `main.py demo` writes
    problem, _ = build_problem(county, SolveOptions())
    designs = design_all(list(problem.designs), workers=2 if townships >= 200 else 1)
    assert len(designs) == 3 * townships
    open_ = [(d.township, d.kind, d.n_posts, d.lower_bound) for d in designs if not d.proven_minimal]
    assert open_ == []
    # A proof is a bound met, never a claim: each count is at least its bound and at least the FTE sum.
    for d, given in zip(designs, problem.designs):
        assert d.n_posts == d.lower_bound
        load = sum(x.hours * (1 + given.backup_load_factor * x.needs_backup) for x in given.duties)
        assert d.n_posts >= load / given.capacity_hours - 1e-9
