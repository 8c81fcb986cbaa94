"""Pouring: parts of free sizes packed into the room of their posts (optimizer/ab_pour.py)."""

from __future__ import annotations

from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from optimizer import ab_design, ab_pour
from optimizer.ab_design import design_posts
from tests.test_ab_design import CAP, check_free_roster, design

# Designs (hours in posts of CAP) whose large duties the greedy packing cannot place at the
# bound with any of its fixed splits, not even after its tabu repair; pouring can.
HARD = [
    [1.428, 2.205, 0.77, 0.722, 0.434, 0.572, 0.69, 0.118],
    [2.602, 2.66, 0.09, 0.249, 0.117, 0.252],
    [2.25, 1.352, 1.17, 0.414, 0.583, 0.663, 0.087, 0.768, 0.526],
    [2.728, 2.269, 0.259, 0.144, 0.696, 0.124, 0.227, 0.172, 0.749, 0.117, 0.295],
]


def free_pieces(d):
    shares = ab_design.make_shares(d)
    return shares, ab_design.pieces_of(d, shares, True), ab_design._bound(d, shares, True).value


@pytest.mark.parametrize("posts_of_work", HARD)
def test_pouring_reaches_the_bound_where_fixed_splits_do_not(posts_of_work):
    d = design([round(x * CAP, 1) for x in posts_of_work])
    shares, pieces, bound = free_pieces(d)
    splits = ab_design.candidate_splits(d, shares, True)
    old, _ = ab_design._greedy(pieces, splits, bound, repair=True, pour=False)
    assert old is None
    poured = ab_pour.pour(pieces, bound)
    assert poured is not None
    assignment, sizes = poured
    assert ab_pour.holds(pieces, assignment, sizes, bound)
    r = design_posts(d)
    check_free_roster(d, r)
    assert r.proven_minimal and r.n_posts == bound and r.models == 0   # no exact model needed


def test_the_parts_add_up_to_their_duty():
    d = design([round(x * CAP, 1) for x in HARD[0]])
    _, pieces, bound = free_pieces(d)
    _, sizes = ab_pour.pour(pieces, bound)
    for duty, hours in pieces.split.items():
        parts = [x for x, k in zip(sizes, pieces.duty) if k == duty]
        assert len(parts) == -(-hours // CAP)
        assert sum(parts) == pytest.approx(hours, abs=1e-6)
        assert all(0 < x <= CAP + 1e-6 for x in parts)


def test_holds_rejects_a_broken_packing():
    d = design([round(x * CAP, 1) for x in HARD[1]])
    _, pieces, bound = free_pieces(d)
    (a_post, b_post), sizes = ab_pour.pour(pieces, bound)
    assert ab_pour.holds(pieces, (a_post, b_post), sizes, bound)
    own = list(b_post)
    own[0] = a_post[0]                        # a share backed up by its own A holder
    assert not ab_pour.holds(pieces, (a_post, own), sizes, bound)
    short = list(sizes)
    short[0] -= 1.0                           # a part of duty 0: the parts no longer add up
    assert not ab_pour.holds(pieces, (a_post, b_post), short, bound)
    crowded = [a_post[0]] * len(a_post)       # every A share on one post
    assert not ab_pour.holds(pieces, (crowded, b_post), sizes, bound)
    assert not ab_pour.holds(pieces, (a_post, b_post), sizes, bound - 1)


def test_pouring_is_deterministic():
    d = design([round(x * CAP, 1) for x in HARD[3]])
    _, pieces, bound = free_pieces(d)
    assert ab_pour.pour(pieces, bound) == ab_pour.pour(pieces, bound)
    first, again = design_posts(d), design_posts(d)
    assert [(p.a, p.b, p.load_hours) for p in first.posts] == [(p.a, p.b, p.load_hours) for p in again.posts]
    assert first.part_hours == again.part_hours


# Designs with large duties, some without backup, around a tight bound.
large_designs = st.builds(
    lambda big, small, backed, f, m: design([round(x * CAP, 1) for x in big + small],
                                            backed[:len(big) + len(small)], f=f, m=m),
    st.lists(st.floats(1.02, 2.95), min_size=1, max_size=3),
    st.lists(st.floats(0.02, 0.9), min_size=0, max_size=5),
    st.lists(st.booleans(), min_size=8, max_size=8).map(lambda b: [True, True] + b[2:]),
    st.sampled_from([0.0, 0.1, 0.15, 0.3]),
    st.integers(1, 3),
)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(large_designs)
def test_never_more_posts_than_without_pouring(d):
    r = design_posts(d)
    check_free_roster(d, r)
    with mock.patch.object(ab_pour, "pour", return_value=None):
        before = design_posts(d)
    assert r.n_posts <= before.n_posts
    assert r.lower_bound >= before.lower_bound or r.proven_minimal
    if before.proven_minimal:
        assert r.proven_minimal and r.n_posts == before.n_posts


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(large_designs, st.integers(0, 2))
def test_every_poured_packing_holds(d, extra):
    _, pieces, bound = free_pieces(d)
    posts = bound + extra
    poured = ab_pour.pour(pieces, posts)
    if poured is None:
        return  # nothing to check: the design's search goes on without it
    (a_post, b_post), sizes = poured
    assert ab_pour.holds(pieces, (a_post, b_post), sizes, posts)
    # The same rules, counted here on their own.
    load = [0.0] * posts
    roles = [0] * posts
    for i, backed in enumerate(pieces.backed):
        load[a_post[i]] += sizes[i]
        if backed:
            assert 0 <= b_post[i] < posts and b_post[i] != a_post[i]
            load[b_post[i]] += d.backup_load_factor * sizes[i]
            roles[b_post[i]] += 1
        else:
            assert b_post[i] == -1
    assert max(load) <= CAP + 1e-6 and max(roles) <= d.max_backup_roles
    for duty, hours in pieces.split.items():
        assert sum(x for x, k in zip(sizes, pieces.duty) if k == duty) == pytest.approx(hours)
