"""The greedy packing's worst fit (optimizer/ab_pack.py) against a plain scan of every post."""

from __future__ import annotations

import random

from optimizer import ab_pack
from optimizer.ab_pack import EPS


def _scan_a(a, order, posts, capacity):
    """Each share to the emptiest post it fits, the first of equals, looking at every post."""
    load = [0.0] * posts
    a_post = [-1] * len(a)
    for i in order:
        fits = [p for p in range(posts) if load[p] + a[i] <= capacity + EPS]
        if not fits:
            return None
        p = min(fits, key=lambda q: (load[q] + a[i], q))
        load[p] += a[i]
        a_post[i] = p
    return load, a_post


def _scan_b(b, a_post, load, capacity, max_roles):
    count = [0] * len(load)
    b_post = [-1] * len(b)
    for i in sorted((i for i, s in enumerate(b) if s is not None), key=lambda i: -b[i]):
        fits = [p for p in range(len(load)) if p != a_post[i] and count[p] < max_roles
                and load[p] + b[i] <= capacity + EPS]
        if not fits:
            return None
        p = min(fits, key=lambda q: (load[q] + b[i], q))
        load[p] += b[i]
        count[p] += 1
        b_post[i] = p
    return b_post


def test_worst_fit_places_as_a_scan_of_every_post_does():
    rng = random.Random(7)
    placed = refused = 0
    for _ in range(3000):
        n, posts, m = rng.randint(1, 14), rng.randint(1, 7), rng.randint(0, 3)
        capacity = 10.0
        # Whole numbers make equal loads (ties) common: the first of equals must be taken.
        a = [float(rng.randint(1, 6)) for _ in range(n)]
        b = [0.15 * x if rng.random() < 0.7 else None for x in a]
        order = sorted(range(n), key=lambda i: -a[i])
        want = _scan_a(a, order, posts, capacity)
        got = ab_pack._place_a(a, order, posts, capacity, "worst")
        assert got == want
        if want is None:
            refused += 1
            continue
        load, a_post = want
        want_load, got_load = list(load), list(load)
        want_b = _scan_b(b, a_post, want_load, capacity, m)
        got_b = ab_pack._place_b(b, a_post, got_load, capacity, m, "worst")
        assert got_b == want_b
        assert got_load == want_load or want_b is None   # the loads the caller goes on with
        if want_b is not None:
            placed += 1
            assert all(got_b[i] != a_post[i] for i in range(n) if b[i] is not None)
            assert all(got_b.count(p) <= m for p in range(posts))
            assert all(x <= capacity + EPS for x in got_load)
    assert placed > 500 and refused > 100, (placed, refused)
