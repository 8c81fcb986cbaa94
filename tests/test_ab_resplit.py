"""Posts split again two or three at a time in exact units (optimizer/ab_resplit.py): whole duties minutes
from a whole number of posts packed at their bound, the units, the rules, determinism."""

from __future__ import annotations

import itertools
import math
import random

from optimizer import ab_design, ab_resplit
from optimizer.ab_design import design_posts
from optimizer.ab_fill_rules import check
from tests.tight_designs import load_designs

(TIGHT, TIGHT_BOUND), = load_designs("ab_whole_tight.json", "整{}镇")


def _a_b(d):
    a = [x.hours for x in d.duties]
    b = [d.backup_load_factor * x.hours if x.needs_backup else None for x in d.duties]
    return a, b


def test_units_are_exact_for_hours_from_minutes_and_safe_otherwise():
    # Hours from counts and minutes: one unit makes every value whole, nothing rounded.
    values = [53 + 1 / 3, 24.75, 0.15 * 81 + 0.15 / 3, 1310.0]
    units, cap = ab_resplit._units(values, 1605.6)
    unit = 1605.6 / cap
    assert all(abs(u * unit - v) < 1e-9 for u, v in zip(units, values))
    # Hours with no small common unit: rounded up, the capacity down, within a part in a million.
    rng = random.Random(3)
    values = [rng.uniform(1, 500) for _ in range(30)]
    units, cap = ab_resplit._units(values, 1605.6)
    assert cap <= ab_resplit.MOST_UNITS
    assert all(u / cap >= v / 1605.6 for u, v in zip(units, values))
    assert all(u / cap - v / 1605.6 < 1e-6 for u, v in zip(units, values))


def test_tight_whole_duties_are_packed_at_their_bound_where_the_fill_is_not():
    d = TIGHT
    a, b = _a_b(d)
    cap = d.capacity_hours
    load = math.fsum(a) + math.fsum(x for x in b if x is not None)
    assert 0 < TIGHT_BOUND * cap - load < 0.001 * cap          # under an hour to spare in all
    assert max(a) <= cap                                         # whole duties only
    shares = ab_design.make_shares(d)
    pieces = ab_design.pieces_of(d, shares, True)
    assert ab_design._resplit_fits(pieces, TIGHT_BOUND)
    assert ab_design._fill(pieces, [list(pieces.hours)], TIGHT_BOUND)[0] is None
    found = ab_resplit.resplit(a, b, TIGHT_BOUND, cap, d.max_backup_roles)
    assert found is not None
    assert check(a, b, found, TIGHT_BOUND, cap, d.max_backup_roles) == []
    a_post, b_post = found
    for i in range(len(a)):
        assert (b_post[i] == -1) == (b[i] is None)
        assert b_post[i] != a_post[i]
    # The same duties give the same packing.
    assert ab_resplit.resplit(a, b, TIGHT_BOUND, cap, d.max_backup_roles) == found


def test_the_design_is_proven_minimal_by_its_bound():
    r = design_posts(TIGHT)
    assert r.n_posts == r.lower_bound == TIGHT_BOUND
    assert r.proven_minimal and r.method == "resplit"
    cap = TIGHT.capacity_hours
    for post in r.posts:
        assert post.a_hours + post.b_load_hours <= cap + 1e-6
        assert len(post.b) <= TIGHT.max_backup_roles
        assert not set(post.a) & set(post.b)
    held_a = sorted(name for post in r.posts for name in post.a)
    held_b = sorted(name for post in r.posts for name in post.b)
    assert held_a == sorted(x.name for x in TIGHT.duties)
    assert held_b == sorted(x.name for x in TIGHT.duties if x.needs_backup)


def test_where_the_search_fails_the_exact_model_of_every_piece_is_not_run(monkeypatch):
    # After the search has failed at a count, the cascade's models of the larger pieces still run
    # (they may prove the count too few), the model of every piece does not; where the search is
    # not for the count (fewer posts than RESPLIT_POSTS), it does. Root nodes only, to be quick.
    whole = len(TIGHT.duties)
    asked = []
    real = ab_design.ab_exact.feasible_with

    def feasible_with(duty, a, b, posts, *args, **kwargs):
        asked.append((posts, len(a)))
        return real(duty, a, b, posts, *args, **kwargs)

    monkeypatch.setattr(ab_design.ab_exact, "feasible_with", feasible_with)
    monkeypatch.setattr(ab_design.ab_resplit, "resplit", lambda *args, **kwargs: None)
    r = design_posts(TIGHT, max_nodes=1)
    at_bound = [n for posts, n in asked if posts == TIGHT_BOUND]
    assert at_bound and max(at_bound) < whole
    assert not r.proven_minimal and r.n_posts > r.lower_bound == TIGHT_BOUND
    asked.clear()
    monkeypatch.setattr(ab_design, "RESPLIT_POSTS", TIGHT_BOUND + 1)
    design_posts(TIGHT, max_nodes=1)
    assert (TIGHT_BOUND, whole) in asked


def test_too_few_posts_or_nothing_to_pack_give_none():
    a, b = _a_b(TIGHT)
    cap, m = TIGHT.capacity_hours, TIGHT.max_backup_roles
    assert ab_resplit.resplit(a, b, TIGHT_BOUND - 1, cap, m) is None   # more load than the posts hold
    assert ab_resplit.resplit([], [], 3, cap, m) is None
    assert ab_resplit.resplit([2 * cap], [None], 3, cap, m) is None    # a duty larger than a post


def test_a_split_of_two_posts_keeps_every_rule():
    # Every duty backed up: the split must keep each duty's A and B apart and at most m B roles a post.
    rng = random.Random(7)
    hours = [rng.randint(40, 300) * 12 for _ in range(12)]
    b = [h * 3 // 20 for h in hours]
    search = ab_resplit._Search(hours, b, 4, 6000, 3, seed=1)     # a pair holds more than a post
    search.a_post = [i % 4 for i in range(12)]
    search.b_post = [(i + 1) % 4 for i in range(12)]
    for first, second in ((0, 1), (2, 3), (1, 3)):
        roles = search._roles_on((first, second))
        plan = search._split_two(first, second, roles)
        assert plan is not None
        on = {first: [0, 0], second: [0, 0]}              # load, B roles
        for i, (has_a, has_b) in roles.items():
            pa, pb = plan[i]
            assert (pa is not None) == has_a and (pb is not None) == has_b
            if has_a and has_b:
                assert pa != pb
            if has_a:
                on[pa][0] += hours[i]
            if has_b:
                on[pb][0] += b[i]
                on[pb][1] += 1
        assert all(roles_ <= 3 for _, roles_ in on.values())
        # `first` is as full as any split allows (every split tried by brute force).
        assert on[first][0] == _fullest_by_brute_force(roles, hours, b, search.cap, 3)


def _fullest_by_brute_force(roles, a, b, cap, m):
    best = -1
    items = list(roles.items())
    for mask in itertools.product((0, 1), repeat=len(items)):
        load = first_b = other_b = 0
        for (i, (has_a, has_b)), on_first in zip(items, mask):
            if has_a and has_b:        # A on one post, B on the other
                load += a[i] if on_first else b[i]
                first_b += not on_first
                other_b += on_first
            elif has_a:
                load += a[i] * on_first
            else:
                load += b[i] * on_first
                first_b += on_first
                other_b += not on_first
        if load <= cap and first_b <= m and other_b <= m:
            best = max(best, load)
    return best
