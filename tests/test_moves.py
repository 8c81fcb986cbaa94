"""The moves list: every slot moved once, fewest lines (checked against an exact model), reasons with numbers."""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

import pytest
from hypothesis import given, settings, strategies as st

from optimizer import lp
from optimizer.inputs import KindInput, TownshipQuota
from optimizer.moves import lines_and_bound, pair_lines, itemise
from planner.demo.county import generate_demo
from planner.domain.options import SolveOptions
from planner.solving.solve import solve_county
from optimizer.reallocation import reallocate
from optimizer.words import RESERVE_ZH


def net_of(lines):
    net = defaultdict(int)
    for giver, receiver, count in lines:
        assert count > 0
        net[giver] -= count
        net[receiver] += count
    return net


def fewest_lines(values: list[int]) -> int:
    """n − (most zero-sum groups), by trying every way to peel off a zero-sum subset."""
    items = tuple(sorted(values))

    def most_groups(rest: tuple[int, ...]) -> int:
        if not rest:
            return 0
        first, others = rest[0], rest[1:]
        best = 0
        for size in range(0, len(others) + 1):
            for combo in combinations(range(len(others)), size):
                if first + sum(others[i] for i in combo) == 0:
                    remaining = tuple(v for i, v in enumerate(others) if i not in combo)
                    best = max(best, 1 + most_groups(remaining))
        return best

    return len(items) - most_groups(items)


balanced = st.lists(st.integers(1, 6), min_size=1, max_size=4).flatmap(
    lambda gives: st.lists(st.integers(1, 6), min_size=1, max_size=4).map(
        lambda takes: (gives, takes)))


@settings(max_examples=80, deadline=None)
@given(balanced)
def test_lines_move_every_slot_with_the_fewest_lines(gt):
    gives, takes = gt
    total_g, total_t = sum(gives), sum(takes)
    # Balance the two sides: the smaller side gets one more party holding the difference.
    if total_g > total_t:
        takes = takes + [total_g - total_t]
    elif total_t > total_g:
        gives = gives + [total_t - total_g]
    parties = [(f"g{i}", v) for i, v in enumerate(gives)] + [(f"r{i}", -v) for i, v in enumerate(takes)]
    lines = pair_lines(parties)
    net = net_of(lines)
    for name, v in parties:
        assert net[name] == -v
    assert all(g.startswith("g") and r.startswith("r") for g, r, _ in lines)
    assert len(lines) == fewest_lines([v for _, v in parties])


def test_equal_amounts_pair_up_in_large_lists():
    parties = [(f"g{i}", 2) for i in range(10)] + [(f"r{i}", -2) for i in range(10)]
    parties += [("g_big", 7), ("r_a", -3), ("r_b", -4)]
    lines = pair_lines(parties)
    assert len(lines) == 12  # ten exact pairs, and 7 → 3 + 4
    net = net_of(lines)
    assert all(net[name] == -v for name, v in parties)


def test_moves_carry_reasons_with_real_numbers():
    data = KindInput("institutional", (
        TownshipQuota("甲乡", 25, 22, 22, 21.5), TownshipQuota("乙镇", 19, 19, 23, 22.6),
        TownshipQuota("丙镇", 30, 26, 30, 29.4)))
    plan = reallocate(data)
    moves = itemise(data, plan)
    assert [(m.giver, m.receiver, m.count) for m in moves] == [("甲乡", "乙镇", 3)]
    (m,) = moves
    assert "乙镇" in m.reason and "23" in m.reason and "19" in m.reason
    assert "甲乡核定事业编制 25 名" in m.reason and "超出需要 3 名，可调出 3 名" in m.reason
    assert "乙镇 needs 23 institutional posts" in m.reason_en and "has 19 approved" in m.reason_en
    assert "甲乡 has 25 approved institutional slots, 22 staff and a need of 22: 3 above its need" in m.reason_en


def test_slots_kept_back_go_to_the_county_reserve():
    data = KindInput("support", (TownshipQuota("甲乡", 5, 2, 2, 1.8), TownshipQuota("乙镇", 3, 3, 4, 3.5)),
                     reserve=2)
    plan = reallocate(data)
    moves = itemise(data, plan)
    net = net_of([(m.giver, m.receiver, m.count) for m in moves])
    assert net[RESERVE_ZH] == 2 and net["乙镇"] == 1 and net["甲乡"] == -3
    to_reserve = [m for m in moves if m.receiver == RESERVE_ZH]
    assert to_reserve and "预留" in to_reserve[0].reason and "reserve" in to_reserve[0].reason_en


def exact_fewest_lines(parties) -> int:
    """The fewest lines by an independent model: fixed-charge transportation, solved to the end.

    A giver and a receiver of the same amount are one line in some best answer (swap argument:
    two groups holding them can be regrouped as the pair and the rest), so they are counted
    first and the model gets what remains.
    """
    givers = sorted(v for _, v in parties if v > 0)
    takers = sorted(-v for _, v in parties if v < 0)
    pairs = 0
    for v in list(givers):
        if v in takers:
            takers.remove(v)
            givers.remove(v)
            pairs += 1
    return pairs + _fixed_charge_lines(list(enumerate(givers)), list(enumerate(takers)))


def _fixed_charge_lines(givers, takers) -> int:
    if not givers:
        return 0
    problem = lp.new_problem("lines")
    x, y = {}, {}
    for i, (_, s) in enumerate(givers):
        for j, (_, d) in enumerate(takers):
            x[i, j] = lp.integer(problem, f"x_{i}_{j}", 0, min(s, d))
            y[i, j] = lp.binary(problem, f"y_{i}_{j}")
            lp.add(problem, x[i, j] <= min(s, d) * y[i, j], f"link_{i}_{j}")
    lp.set_objective(problem, lp.total(y.values()))
    for i, (_, s) in enumerate(givers):
        lp.add(problem, lp.total(x[i, j] for j in range(len(takers))) == s, f"give_{i}")
    for j, (_, d) in enumerate(takers):
        lp.add(problem, lp.total(x[i, j] for i in range(len(givers))) == d, f"take_{j}")
    outcome = lp.solve(problem, None)
    assert outcome.proven_optimal
    return round(outcome.objective)


def _balanced_parties(gives, takes):
    total_g, total_t = sum(gives), sum(takes)
    if total_g > total_t:
        takes = takes + [total_g - total_t]
    elif total_t > total_g:
        gives = gives + [total_t - total_g]
    return [(f"g{i:02d}", v) for i, v in enumerate(gives)] + [(f"r{i:02d}", -v) for i, v in enumerate(takes)]


big_lists = st.tuples(st.lists(st.integers(1, 9), min_size=9, max_size=14),
                      st.lists(st.integers(1, 9), min_size=9, max_size=14))


@settings(max_examples=20, deadline=None)
@given(big_lists)
def test_long_lists_are_minimal_or_carry_a_true_bound(gt):
    parties = _balanced_parties(*gt)
    lines, fewest = lines_and_bound(parties)
    net = net_of(lines)
    assert all(net[name] == -v for name, v in parties)
    exact = exact_fewest_lines(parties)
    # The bound is a true bound, and the list is never longer than the bound says unless proven so.
    assert fewest <= exact <= len(lines)
    assert len(lines) == exact or fewest < len(lines)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_moves_of_the_60_township_demo_are_the_fewest_lines(seed):
    proposal = solve_county(generate_demo(60, seed), SolveOptions())
    for kind in proposal.kinds_present():
        parties = [(line.township, -line.change) for line in proposal.lines_of(kind) if line.change]
        kept = sum(v for _, v in parties)
        if kept:
            parties.append((RESERVE_ZH, -kept))
        moves = [m for m in proposal.moves if m.kind == kind]
        if not parties:
            assert not moves
            continue
        assert len(moves) == exact_fewest_lines(parties), (seed, kind)
        assert proposal.totals_of(kind).fewest_lines == len(moves)
    assert "已证明为最少行数" in proposal.moves_text()
