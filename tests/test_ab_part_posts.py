"""Large parts that fill their posts exactly (optimizer/ab_part_posts.py): tight designs with split
duties packed at their bound, the rules, determinism."""

from __future__ import annotations

import math
import random

import pytest

from optimizer import ab_design, ab_part_posts, ab_pour, ab_split
from optimizer.ab_design import design_posts
from optimizer.inputs import DesignInput
from tests.test_ab_design import CAP, check_free_roster, design
from tests.tight_designs import load_designs

TIGHT = load_designs("ab_tight_parts.json", "紧{}镇")


def _free(d: DesignInput):
    shares = ab_design.make_shares(d)
    return shares, ab_design.pieces_of(d, shares, True)


@pytest.mark.parametrize("index", range(len(TIGHT)))
def test_tight_design_with_split_duties_is_packed_at_its_bound(index):
    d, bound = TIGHT[index]
    shares, pieces = _free(d)
    cap = d.capacity_hours
    load = math.fsum(x.hours * (1 + d.backup_load_factor * x.needs_backup) for x in d.duties)
    assert 0 < bound * cap - load < 0.005 * cap               # a few hours to spare over all posts
    assert ab_design._bound(d, shares, True).value == bound
    # What came before does not pack it at the bound.
    splits = ab_design.candidate_splits(d, shares, True)
    assert ab_design._greedy(pieces, splits, bound, repair=True)[0] is None
    assert ab_pour.pour(pieces, bound) is None
    assert ab_design._fill(pieces, splits, bound)[0] is None
    found = ab_part_posts.fill_parts(pieces, bound)
    assert found is not None
    (a_post, b_post), sizes = found
    assert ab_pour.holds(pieces, (a_post, b_post), sizes, bound)
    # Each split duty's large parts fill a post of their own, exactly.
    load_of = [0.0] * bound
    for i, p in enumerate(a_post):
        load_of[p] += sizes[i]
        if b_post[i] >= 0:
            load_of[b_post[i]] += d.backup_load_factor * sizes[i]
    for duty, hours in pieces.split.items():
        members = [i for i, k in enumerate(pieces.duty) if k == duty]
        assert math.fsum(sizes[i] for i in members) == pytest.approx(hours, abs=1e-6)
        for i in members[:-1]:
            assert [j for j, p in enumerate(a_post) if p == a_post[i]] == [i]
            assert load_of[a_post[i]] == pytest.approx(cap, abs=1e-6)


@pytest.mark.parametrize("index", range(len(TIGHT)))
def test_tight_design_with_split_duties_is_proven_minimal(index):
    d, bound = TIGHT[index]
    r = design_posts(d)
    check_free_roster(d, r)
    assert r.lower_bound == bound and r.n_posts == bound and r.proven_minimal
    assert r.method == "fill" and r.models == 0


@pytest.mark.parametrize("index", range(len(TIGHT)))
def test_nearly_full_design_tries_the_large_parts_before_pouring(index, monkeypatch):
    d, bound = TIGHT[index]
    _shares, pieces = _free(d)
    assert ab_part_posts.nearly_full(pieces, bound)
    assert not ab_part_posts.nearly_full(pieces, bound + 1)
    poured = []
    real_pour = ab_pour.pour
    monkeypatch.setattr(ab_pour, "pour", lambda *args: poured.append(args[1]) or real_pour(*args))
    r = design_posts(d)
    assert (r.n_posts, r.method, poured) == (bound, "fill", [])


def test_nearly_full_design_is_still_poured_when_the_large_parts_fail(monkeypatch):
    # Nothing is lost by the order: without the large parts, pouring comes after them at the bound.
    d, bound = TIGHT[0]
    poured = []
    real_pour = ab_pour.pour
    monkeypatch.setattr(ab_pour, "pour", lambda *args: poured.append(args[1]) or real_pour(*args))
    monkeypatch.setattr(ab_part_posts, "fill_parts", lambda *args: None)
    r = design_posts(d)
    check_free_roster(d, r)
    assert poured[0] == bound


def test_large_parts_are_deterministic():
    d, bound = TIGHT[0]
    _, pieces = _free(d)
    assert ab_part_posts.fill_parts(pieces, bound) == ab_part_posts.fill_parts(pieces, bound)
    one, two = design_posts(d), design_posts(d)
    assert [(p.a, p.b, p.load_hours) for p in one.posts] == [(p.a, p.b, p.load_hours) for p in two.posts]
    assert one.part_hours == two.part_hours


def test_too_few_posts_give_nothing():
    d, bound = TIGHT[1]
    _, pieces = _free(d)
    assert ab_part_posts.fill_parts(pieces, bound - 1) is None    # less room than the load
    assert ab_part_posts.fill_parts(pieces, 0) is None


def test_whatever_it_packs_holds_the_rules():
    """Random tight designs with large duties (a last duty brings the load to just under a whole
    number of posts; some duties without backup, one to three B roles a post): every packing returned
    keeps every rule of free parts, at the bound."""
    rng = random.Random(11)
    packed = tried = 0
    for _ in range(120):
        big = [rng.uniform(1.02, 2.6) for _ in range(rng.randint(1, 3))]
        small = [rng.uniform(0.01, 0.6) for _ in range(rng.randint(3, 9))]
        f = rng.choice([0.0, 0.1, 0.15, 0.3])
        load = sum(big + small) * (1 + f)
        filler = (math.ceil(load + 0.1) - rng.uniform(0.001, 0.15) - load) / (1 + f)
        if not 0.01 < filler < 0.9:
            continue
        hours = [round(x * CAP, 1) for x in big + small + [filler]]
        d = design(hours, [rng.random() < 0.9 for _ in hours], f=f, m=rng.randint(1, 3))
        shares, pieces = _free(d)
        bound = ab_design._bound(d, shares, True).value
        tried += 1
        found = ab_part_posts.fill_parts(pieces, bound)
        if found is not None:
            assert ab_pour.holds(pieces, found[0], found[1], bound)
            packed += 1
    assert tried > 50 and packed > 15, (tried, packed)


def test_each_way_of_sizing_the_large_parts_is_filled_once(monkeypatch):
    # With one split duty both orders of the split duties are the same way: each is filled once.
    f = 0.15
    hours = [1.6 * CAP] + [x * CAP for x in (0.55, 0.5, 0.45, 0.3, 0.25, 0.2, 0.15, 0.1)]
    posts = sum(hours) * (1 + f) / CAP
    hours.append((math.ceil(posts) - 0.05 - posts) * CAP / (1 + f))   # 0.05 post to spare
    d = design(hours, f=f)
    _shares, pieces = _free(d)
    bound = math.ceil(pieces.load() / CAP - 1e-9)
    assert ab_part_posts.MOST_SLACK * CAP >= bound * CAP - pieces.load() > 0
    ways = []
    for glued, order in ab_part_posts.VARIANTS:
        made = ab_part_posts._large_parts(pieces, pieces.groups(), glued, order)
        if made is not None and made not in ways:
            ways.append(made)
    seen = []
    monkeypatch.setattr(ab_part_posts.ab_fill, "fill",
                        lambda a, b, posts, *args, **kwargs: seen.append((tuple(a), tuple(b), kwargs["rounds"])))
    assert ab_part_posts.fill_parts(pieces, bound) is None     # every way fails here: all are tried
    assert len(ways) == 4 < len(ab_part_posts.VARIANTS)     # none to three glued B roles, one order
    assert len(seen) == len(set(seen)) == len(ways) * len(ab_part_posts.ROUNDS)


def test_a_count_proven_too_few_stops_the_fills_after_the_first(monkeypatch):
    # Same design as above: the look is asked once, after the first fill has failed; when it says
    # the count is too few, no other round or way is filled. When it proves nothing, all are tried.
    f = 0.15
    hours = [1.6 * CAP] + [x * CAP for x in (0.55, 0.5, 0.45, 0.3, 0.25, 0.2, 0.15, 0.1)]
    posts = sum(hours) * (1 + f) / CAP
    hours.append((math.ceil(posts) - 0.05 - posts) * CAP / (1 + f))
    _shares, pieces = _free(design(hours, f=f))
    bound = math.ceil(pieces.load() / CAP - 1e-9)
    seen, asked = [], []
    monkeypatch.setattr(ab_part_posts.ab_fill, "fill", lambda a, *args, **kwargs: seen.append(tuple(a)))

    def look(answer):
        asked.append(len(seen))
        return answer

    assert ab_part_posts.fill_parts(pieces, bound, lambda: look(True)) is None
    assert asked == [1] and len(seen) == 1
    seen.clear(), asked.clear()
    assert ab_part_posts.fill_parts(pieces, bound, lambda: look(False)) is None
    assert asked == [1] and len(seen) == 4 * len(ab_part_posts.ROUNDS)


def test_the_quick_look_proves_a_count_too_few_and_never_a_feasible_one():
    # Three duties of 0.55 post load 1.9 posts, but no two share a post: three, never two.
    _shares, pieces = _free(design([0.55 * CAP] * 3, f=0.15))
    assert ab_split.too_few(pieces, 2)
    assert not ab_split.too_few(pieces, 3)
    for d, bound in TIGHT:      # packed at their bound above: the look must not say otherwise
        assert not ab_split.too_few(_free(d)[1], bound)


def test_one_design_never_fills_the_same_pieces_twice(monkeypatch):
    # The searches of equal and of free parts may ask the same fill; a design asks it once.
    d, bound = TIGHT[0]
    _shares, pieces = _free(d)
    splits = ab_design.candidate_splits(d, ab_design.make_shares(d), True)
    asked = []
    real_fill = ab_design.ab_fill.fill

    def fill(a, b, posts, *args, **kwargs):
        asked.append(posts)
        return real_fill(a, b, posts, *args, **kwargs)

    monkeypatch.setattr(ab_design.ab_fill, "fill", fill)
    filled: dict = {}
    first = ab_design._fill(pieces, splits, bound, filled)
    rounds = len(asked)
    assert rounds == len(ab_design.FILL_ROUNDS)          # both rounds fail here (see above)
    assert ab_design._fill(pieces, splits, bound, filled) == first
    assert len(asked) == rounds                           # answered from what the design already knows
    ab_design._fill(pieces, splits, bound + 1, filled)    # another count is another fill
    assert asked[rounds:] and set(asked[rounds:]) == {bound + 1}
    ab_design._fill(pieces, splits, bound, {})            # another design's memory: filled again
    assert asked[-1] == bound


def test_a_design_with_hours_to_spare_is_packed_at_its_bound_after_a_longer_local_search():
    # 0.8 hours to spare over 20 posts: the fill's local search needs more moves than elsewhere.
    (d, bound), = load_designs("ab_long_parts.json", "开{}镇")
    _shares, pieces = _free(d)
    assert 0 < bound * d.capacity_hours - pieces.load() < 0.001 * d.capacity_hours
    found = ab_part_posts.fill_parts(pieces, bound)
    assert found is not None and ab_pour.holds(pieces, found[0], found[1], bound)
    r = design_posts(d)
    check_free_roster(d, r)
    assert (r.n_posts, r.lower_bound, r.proven_minimal, r.method) == (bound, bound, True, "fill")


def test_free_parts_never_run_the_exact_model_of_equal_parts(monkeypatch):
    # Equal parts only give a count to search below; the exact model of free parts decides.
    (d, bound), = load_designs("ab_long_parts.json", "开{}镇")
    equal_models, free_models = [], []
    real_equal, real_free = ab_design.ab_exact.decide, ab_design.ab_split.decide
    monkeypatch.setattr(ab_design.ab_exact, "decide",
                        lambda *args, **kwargs: equal_models.append(args[3]) or real_equal(*args, **kwargs))
    monkeypatch.setattr(ab_design.ab_split, "decide",
                        lambda *args, **kwargs: free_models.append(args[1]) or real_free(*args, **kwargs))
    monkeypatch.setattr(ab_part_posts, "fill_parts", lambda *args: None)   # (seconds, and fails here)
    r = design_posts(d)
    check_free_roster(d, r)
    assert equal_models == [] and free_models == [bound]
    assert (r.n_posts, r.lower_bound, r.proven_minimal) == (bound + 1, bound, False)
