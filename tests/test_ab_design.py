"""A/B post design: hand cases, brute-force optima, bounds, the exact model, random designs."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from optimizer import ab_exact
from optimizer.ab_bounds import lower_bound, martello_toth
from optimizer.ab_design import design_posts, make_shares
from optimizer.inputs import DesignInput, DutyLoad
from tests.brute_force import fits

CAP = 1605.6  # 1,784 h × (1 − 0.10)


def design(hours, backed=None, *, f=0.15, m=3, cap=CAP, leadership=0):
    backed = backed if backed is not None else [True] * len(hours)
    duties = tuple(DutyLoad(f"职责{i}", h, b) for i, (h, b) in enumerate(zip(hours, backed)))
    return DesignInput("甲乡", "institutional", duties, cap, f, m, leadership)


def check_roster(d: DesignInput, result) -> None:
    """Every share has one A holder and (if backed up) one different B holder; no post over."""
    shares = make_shares(d)
    labels = {}
    for s in shares:
        name = d.duties[s.duty].name
        labels[name if s.parts == 1 else f"{name}（{s.part}/{s.parts}）"] = s
    a_at, b_at = {}, {}
    for post in result.posts:
        load = 0.0
        for name in post.a:
            assert name not in a_at, f"{name} has two A holders"
            a_at[name] = post.name
            load += labels[name].hours
        for name in post.b:
            assert name not in b_at, f"{name} has two B holders"
            b_at[name] = post.name
            load += d.backup_load_factor * labels[name].hours
        assert load <= d.capacity_hours * (1 + 1e-9) + 1e-6, f"{post.name} is over: {load}"
        assert len(post.b) <= d.max_backup_roles
        assert post.load_hours == pytest.approx(load)
    assert set(a_at) == set(labels)
    for name, s in labels.items():
        if s.backed_up:
            assert name in b_at and b_at[name] != a_at[name], f"{name}: A and B must differ"
        else:
            assert name not in b_at
    assert result.n_posts >= result.lower_bound
    if result.proven_minimal:
        assert result.n_posts == result.lower_bound


def brute_force_posts(d: DesignInput) -> int:
    """The true minimum by exhaustive search (tiny designs only)."""
    shares = make_shares(d)
    if not shares:
        return 0
    a = [s.hours for s in shares]
    b = [d.backup_load_factor * s.hours if s.backed_up else None for s in shares]
    duty = [s.duty for s in shares]
    posts = 1
    while not fits(a, b, duty, posts, d.capacity_hours, d.max_backup_roles):
        posts += 1
    return posts


# ---------------------------------------------------------------- by hand
def test_one_duty_with_backup_needs_two_people():
    d = design([800.0])
    r = design_posts(d)
    check_roster(d, r)
    assert r.n_posts == 2 and r.proven_minimal
    assert r.posts[0].a == ["职责0"] and r.posts[1].b == ["职责0"]
    assert r.posts[1].load_hours == pytest.approx(0.15 * 800)


def test_exempt_duty_needs_one_person():
    d = design([800.0], backed=[False])
    r = design_posts(d)
    check_roster(d, r)
    assert r.n_posts == 1 and r.proven_minimal and r.posts[0].b == []


def test_duty_without_hours_needs_nobody():
    d = design([0.0, 0.0])
    r = design_posts(d)
    assert r.n_posts == 0 and r.proven_minimal and r.required == 0


def test_leadership_posts_are_added_to_the_requirement():
    d = design([800.0], leadership=9)
    assert design_posts(d).required == 11


def test_big_duty_is_split_into_backed_up_shares():
    # 2.5 posts of work: three shares of 0.833 posts; each B (0.125 posts) sits with another holder.
    d = design([2.5 * CAP])
    shares = make_shares(d)
    assert [s.parts for s in shares] == [3, 3, 3]
    assert sum(s.hours for s in shares) == pytest.approx(2.5 * CAP)
    r = design_posts(d, splits="equal")
    check_roster(d, r)
    assert r.n_posts == 3 and r.proven_minimal
    assert sorted(n for p in r.posts for n in p.a) == ["职责0（1/3）", "职责0（2/3）", "职责0（3/3）"]


def test_backup_roles_cap_decides_with_many_small_duties():
    # 10 duties of 20 h: the work fits one person, but B roles are at most 3 each -> 4 posts.
    d = design([20.0] * 10)
    r = design_posts(d)
    check_roster(d, r)
    assert r.lower_bound == 4 and r.n_posts == 4 and r.bound_rule == "backup_roles"


def test_packing_decides_beyond_the_fte_sum():
    # 0.715 + 0.535 + 0.441 posts of work with 15% backup load = 1.945 FTE -> the FTE bound says 2,
    # but the 0.441 duty fits only beside the 0.535 one, and then the 0.715 duty's B has no room.
    d = design([0.715 * CAP, 0.535 * CAP, 0.441 * CAP])
    r = design_posts(d)
    check_roster(d, r)
    assert brute_force_posts(d) == 3
    assert r.n_posts == 3 and r.proven_minimal and r.bound_rule == "exact"


def test_martello_toth_bound_by_hand():
    assert martello_toth([0.6, 0.6, 0.6], 1.0) == 3
    assert martello_toth([0.5, 0.5, 0.5, 0.5], 1.0) == 2
    # three items over a half need three bins even though the sum is 1.9
    assert martello_toth([0.6, 0.65, 0.65], 1.0) == 3


# ---------------------------------------------------------------- brute force
tiny_designs = st.builds(
    lambda hours, backed, f, m: design(hours, backed[:len(hours)], f=f, m=m),
    st.lists(st.floats(0.02, 1.6).map(lambda x: round(x * CAP, 1)), min_size=1, max_size=4),
    st.lists(st.booleans(), min_size=4, max_size=4),
    st.sampled_from([0.0, 0.15, 0.3, 0.6]),
    st.integers(1, 3),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tiny_designs)
def test_optimum_equals_brute_force_on_tiny_designs(d):
    # The model of equal parts against its brute force (free parts have their own, below).
    r = design_posts(d, splits="equal")
    check_roster(d, r)
    best = brute_force_posts(d)
    assert r.lower_bound <= best  # bounds never overstate
    assert r.proven_minimal
    assert r.n_posts == best


@pytest.mark.parametrize("hours", [
    [0.9, 0.9, 0.05, 0.05], [0.55, 0.55, 0.55, 0.3], [1.2, 0.7, 0.2], [0.3] * 7, [0.98, 0.2, 0.2, 0.2],
])
def test_hand_picked_tight_designs_match_brute_force(hours):
    d = design([h * CAP for h in hours])
    r = design_posts(d, splits="equal")
    check_roster(d, r)
    assert r.n_posts == brute_force_posts(d) and r.proven_minimal


# ---------------------------------------------------------------- exact model
def test_exact_model_decides_both_ways_and_cbc_agrees():
    a = [0.715 * CAP, 0.535 * CAP, 0.441 * CAP]
    b = [0.15 * x for x in a]
    duty = [0, 1, 2]
    for prefer in ("auto", "cbc"):
        assert ab_exact.feasible_with(duty, a, b, 2, CAP, 3, max_nodes=10000, prefer=prefer).verdict == "infeasible"
        answer = ab_exact.feasible_with(duty, a, b, 3, CAP, 3, max_nodes=10000, prefer=prefer)
        assert answer.verdict == "feasible"
        a_post, b_post = answer.assignment
        assert all(a_post[i] != b_post[i] for i in range(3))


def test_split_duty_backups_are_matched_to_other_holders():
    # One duty of 3.6 posts -> 4 shares of 0.9: every B must sit with a holder of another share
    # or elsewhere; the exact model counts them per post and the matching names them.
    d = design([3.6 * CAP, 0.3 * CAP, 0.3 * CAP])
    r = design_posts(d, splits="equal")
    check_roster(d, r)
    assert r.proven_minimal


# ---------------------------------------------------------------- random designs
realistic = st.builds(
    lambda hours, backed, f, m: design(hours, backed[:len(hours)], f=f, m=m),
    st.lists(st.floats(0.0, 3.0).map(lambda x: round(x * CAP * x, 1)), min_size=0, max_size=25),
    st.lists(st.booleans(), min_size=25, max_size=25),
    st.sampled_from([0.0, 0.1, 0.15, 0.25]),
    st.integers(1, 5),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(realistic)
def test_roster_always_covers_every_duty(d):
    r = design_posts(d, splits="equal")
    check_roster(d, r)
    assert lower_bound([s.hours for s in make_shares(d)],
                       [d.backup_load_factor * s.hours for s in make_shares(d) if s.backed_up],
                       d.capacity_hours, d.max_backup_roles).value <= r.n_posts


def test_demo_county_designs_are_proven_minimal():
    from planner.demo.county import generate_demo
    from planner.domain.county import KINDS
    from planner.domain.workload import duty_hours, post_capacity_hours

    county = generate_demo(14, 1)
    cap = post_capacity_hours(county.params)
    proven = total = 0
    for t in county.townships:
        for kind in KINDS:
            duties = tuple(DutyLoad(f"{d.office}{d.name}", duty_hours(d), d.needs_backup)
                           for d in t.duties_of_kind(kind))
            d = DesignInput(t.name, kind, duties, cap, 0.15, 3)
            r = design_posts(d)           # parts of free sizes: the default
            check_free_roster(d, r)
            total += 1
            proven += r.proven_minimal
            # The FTE sum is only a lower bound: the packing never needs fewer posts.
            fte = math.fsum(x.hours * (1.15 if x.needs_backup else 1.0) for x in duties) / cap
            assert r.n_posts >= math.ceil(fte - 1e-9)
    assert proven == total


# ---------------------------------------------------------------- parts of free sizes
def brute_force_free_posts(d: DesignInput) -> int:
    """The true minimum when one duty is split into two parts of free sizes (exhaustive; tiny designs).

    Every placement of the pieces is tried; the first part's hours t then only need to lie in
    an interval (each post's load is linear in t), which is checked exactly.
    """
    f, cap, m = d.backup_load_factor, d.capacity_hours, d.max_backup_roles
    split = [i for i, x in enumerate(d.duties) if x.hours > cap]
    assert len(split) == 1 and d.duties[split[0]].hours <= 2 * cap
    h = d.duties[split[0]].hours
    backed_split = d.duties[split[0]].needs_backup
    # A piece: (constant hours, hours per hour of t, share key, is B). Part 1 is t, part 2 is h − t.
    pieces = [(0.0, 1.0, "p1", False), (h, -1.0, "p2", False)]
    if backed_split:
        pieces += [(0.0, f, "p1", True), (f * h, -f, "p2", True)]
    for i, x in enumerate(d.duties):
        if i != split[0] and x.hours > 0:
            pieces.append((x.hours, 0.0, i, False))
            if x.needs_backup:
                pieces.append((f * x.hours, 0.0, i, True))
    lo0, hi0 = max(0.0, h - cap), min(cap, h)

    def interval(const, coef):
        lo, hi = lo0, hi0
        for c0, c1 in zip(const, coef):
            room = cap + 1e-7 - c0
            if abs(c1) < 1e-12:
                if room < 0:
                    return None
            elif c1 > 0:
                hi = min(hi, room / c1)
            else:
                lo = max(lo, room / c1)
        return (lo, hi) if lo <= hi else None

    def fits(posts: int) -> bool:
        const = [0.0] * posts
        coef = [0.0] * posts
        roles = [0] * posts
        a_post: dict = {}

        def place(k: int, used: int) -> bool:
            if k == len(pieces):
                return True
            c0, c1, key, is_b = pieces[k]
            for p in range(min(used + 1, posts)):
                if is_b and (roles[p] >= m or a_post[key] == p):
                    continue
                if not is_b and key in ("p1", "p2") and a_post.get("p2" if key == "p1" else "p1") == p:
                    continue  # each part has its own A holder
                const[p] += c0
                coef[p] += c1
                roles[p] += is_b
                if not is_b:
                    a_post[key] = p
                if interval(const, coef) is not None and place(k + 1, max(used, p + 1)):
                    return True
                const[p] -= c0
                coef[p] -= c1
                roles[p] -= is_b
                if not is_b:
                    a_post.pop(key, None)
            return False

        return place(0, 0)

    posts = 1
    while not fits(posts):
        posts += 1
    return posts


def check_free_roster(d: DesignInput, result) -> None:
    """The roster holds, with the parts' hours as the design chose them."""
    shares = make_shares(d)
    hours = {}
    for s in shares:
        name = d.duties[s.duty].name
        if s.parts == 1:
            hours[name] = s.hours
        else:
            label = f"{name}（{s.part}/{s.parts}）"
            hours[label] = result.part_hours[label]
            assert 0 < hours[label] <= d.capacity_hours + 1e-6
    for duty in d.duties:
        parts = [v for k, v in hours.items() if k.startswith(duty.name + "（")]
        if parts:
            assert math.fsum(parts) == pytest.approx(duty.hours)
    for post in result.posts:
        load = math.fsum(hours[n] for n in post.a) + math.fsum(d.backup_load_factor * hours[n] for n in post.b)
        assert load <= d.capacity_hours + 1e-6
        assert post.load_hours == pytest.approx(load)
        assert len(post.b) <= d.max_backup_roles
        assert not set(post.a) & set(post.b)
    assert sorted(n for p in result.posts for n in p.a) == sorted(hours)
    backed = sorted(k for k in hours if d.duties[[x.name for x in d.duties].index(k.split("（")[0])].needs_backup)
    assert sorted(n for p in result.posts for n in p.b) == backed


free_designs = st.builds(
    lambda big, small, backed, f, m: design([round(big * CAP, 1)] + [round(x * CAP, 1) for x in small],
                                            backed[:1 + len(small)], f=f, m=m),
    st.floats(1.02, 1.95), st.lists(st.floats(0.03, 0.9), min_size=0, max_size=2),
    st.lists(st.booleans(), min_size=3, max_size=3), st.sampled_from([0.0, 0.15, 0.3, 0.6]), st.integers(1, 3))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(free_designs)
def test_parts_of_free_sizes_match_brute_force(d):
    r = design_posts(d, splits="free", max_nodes=100000)
    check_free_roster(d, r)
    best = brute_force_free_posts(d)
    assert r.lower_bound <= best  # the bounds hold for every split
    assert r.proven_minimal and r.n_posts == best
    assert r.n_posts <= design_posts(d, splits="equal").n_posts  # never worse than equal parts


def test_parts_are_free_by_default():
    d = design([1.2 * CAP, 0.45 * CAP], [True, True], f=0.15, m=3)
    assert design_posts(d).part_hours == design_posts(d, splits="free").part_hours
    assert design_posts(d).n_posts == design_posts(d, splits="free").n_posts < design_posts(d, splits="equal").n_posts


def test_unequal_parts_need_fewer_posts_than_equal_ones():
    # 1.2 posts of work and a duty of 0.45: equal parts of 0.6 leave 0.4 beside each,
    # too little for the 0.45 duty; parts of 0.95 and 0.25 let it sit with the small part.
    d = design([1.2 * CAP, 0.45 * CAP], [True, True], f=0.15, m=3)
    free = design_posts(d, splits="free")
    check_free_roster(d, free)
    assert free.proven_minimal and free.n_posts == brute_force_free_posts(d)
    assert free.n_posts < design_posts(d, splits="equal").n_posts
