"""Filling A/B posts to within the slack (optimizer.ab_fill): tight designs, the rules, determinism,
brute force on tiny designs."""

from __future__ import annotations

import math
import random

import pytest

from optimizer import ab_fill, ab_pack
from optimizer.ab_design import REPAIR_ITERATIONS, design_posts, make_shares, pieces_of
from optimizer.inputs import DesignInput
from tests.brute_force import fits
from tests.test_ab_design import check_free_roster
from tests.tight_designs import load_designs

TIGHT = load_designs("ab_tight_designs.json", "紧{}乡")


def _pieces(d: DesignInput):
    """A hours, B load (None: no backup) and duty of each share, large duties in equal parts."""
    p = pieces_of(d, make_shares(d), False)
    a, b = p.a_b(p.hours)
    return a, b, list(p.duty)


# ---------------------------------------------------------------- tight designs
@pytest.mark.parametrize("index", range(len(TIGHT)))
def test_tight_design_is_filled_at_its_bound_where_greedy_and_repair_are_not(index):
    d, bound = TIGHT[index]
    a, b, duty = _pieces(d)
    cap, m = d.capacity_hours, d.max_backup_roles
    slack = bound * cap - math.fsum(a) - math.fsum(x for x in b if x is not None)
    assert 0 <= slack < 0.003 * cap  # a few hours to spare over all posts
    assert ab_pack.construct(a, b, bound, cap, m) is None
    assert ab_pack.tabu_repair(a, b, bound, cap, m, iterations=REPAIR_ITERATIONS) is None
    found = ab_fill.fill(a, b, bound, cap, m, duty=duty)
    assert found is not None
    assert ab_fill.check(a, b, found, bound, cap, m, duty) == []


@pytest.mark.parametrize("index", range(len(TIGHT)))
def test_tight_design_is_proven_minimal(index):
    d, bound = TIGHT[index]
    r = design_posts(d)
    check_free_roster(d, r)   # large duties may be split in parts of free sizes
    assert r.lower_bound == bound and r.n_posts == bound and r.proven_minimal
    assert r.method == "fill"


def test_fill_is_deterministic():
    d, bound = TIGHT[-1]  # the one that needs the repair after the backtracking
    a, b, duty = _pieces(d)
    first = ab_fill.fill(a, b, bound, d.capacity_hours, d.max_backup_roles, duty=duty)
    assert first is not None
    assert ab_fill.fill(a, b, bound, d.capacity_hours, d.max_backup_roles, duty=duty) == first
    one, two = design_posts(d), design_posts(d)
    assert [(p.a, p.b) for p in one.posts] == [(p.a, p.b) for p in two.posts]


# ---------------------------------------------------------------- the check
def test_check_names_every_broken_rule():
    a = [60.0, 50.0, 40.0, 10.0, 10.0, 10.0, 10.0]
    b = [9.0, 7.5, None, 1.5, 1.5, 1.5, 1.5]
    good = ([0, 1, 2, 0, 1, 2, 2], [1, 0, -1, 2, 2, 0, 1])
    assert ab_fill.check(a, b, good, 3, 100.0, 3) == []
    same = ([0, 1, 2, 0, 1, 2, 2], [0, 0, -1, 2, 2, 0, 1])
    assert any("same A and B" in p for p in ab_fill.check(a, b, same, 3, 100.0, 3))
    over = ([0, 0, 2, 0, 1, 2, 2], [1, 2, -1, 2, 2, 0, 1])
    assert any("is over" in p for p in ab_fill.check(a, b, over, 3, 100.0, 3))
    roles = ([0, 1, 2, 0, 1, 0, 0], [1, 0, -1, 2, 2, 2, 2])
    assert any("B roles" in p for p in ab_fill.check(a, b, roles, 3, 100.0, 3))
    exempt = ([0, 1, 2, 0, 1, 2, 2], [1, 0, 1, 2, 2, 0, 1])
    assert any("needs no backup" in p for p in ab_fill.check(a, b, exempt, 3, 100.0, 3))
    unplaced = ([0, 1, 2, 0, -1, 2, 2], [1, 0, -1, 2, 2, 0, 1])
    assert any("no A holder" in p for p in ab_fill.check(a, b, unplaced, 3, 100.0, 3))
    parts = ab_fill.check(a, b, good, 3, 100.0, 3, duty=[0, 1, 2, 3, 3, 4, 4])
    assert any("two parts" in p for p in parts)


# ---------------------------------------------------------------- brute force
def _tiny(rng: random.Random):
    n = rng.randint(2, 6)
    f = rng.choice([0.0, 0.15, 0.3])
    a = [round(rng.uniform(1.0, 95.0), 1) for _ in range(n)]
    b = [f * x if rng.random() < 0.7 else None for x in a]
    duty = list(range(n))
    if n >= 3 and rng.random() < 0.3:
        duty[1] = duty[0]  # two parts of one duty
    total = math.fsum(a) + math.fsum(x for x in b if x is not None)
    return a, b, duty, max(1, math.ceil(total / 100.0 - 1e-9)), rng.randint(1, 3)


def test_fill_agrees_with_brute_force_on_tiny_designs():
    """At the load bound of each tiny design, the fill finds a packing exactly when one exists."""
    rng = random.Random(7)
    found_some = refused_some = 0
    for _ in range(150):
        a, b, duty, posts, m = _tiny(rng)
        found = ab_fill.fill(a, b, posts, 100.0, m, duty=duty)
        exists = fits(a, b, duty, posts, 100.0, m)
        assert (found is not None) == exists, (a, b, duty, posts, m)
        if found is not None:
            assert ab_fill.check(a, b, found, posts, 100.0, m, duty) == []
            found_some += 1
        else:
            refused_some += 1
    assert found_some and refused_some  # both answers occur among the designs


def test_fill_refuses_more_load_than_the_posts_hold():
    assert ab_fill.fill([60.0, 50.0], [None, None], 1, 100.0, 3) is None
    assert ab_fill.fill([60.0, 40.0], [None, None], 1, 100.0, 3) is not None
