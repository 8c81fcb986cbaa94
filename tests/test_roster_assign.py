"""The named roster's assignment against brute force on small townships."""

from __future__ import annotations

import itertools
import random

import pytest

from optimizer.roster_assign import Candidate, Slot, assign, cost_of, one_more

DUTIES = [f"d{i}" for i in range(12)]


def _township(seed: int) -> tuple[list[Slot], list[Candidate]]:
    rng = random.Random(seed)
    n_slots, n_people = rng.randint(1, 4), rng.randint(1, 5)
    duties = DUTIES[:]
    rng.shuffle(duties)
    slots = []
    for i in range(n_slots):
        a = tuple(duties[2 * i:2 * i + rng.randint(1, 2)])
        b = tuple(rng.sample([d for d in DUTIES if d not in a], rng.randint(0, 2)))
        a_hours = round(rng.uniform(200, 1200), 1)
        slots.append(Slot(f"p{i}", rng.choice("AB"), rng.choice(["o1", "o2", None]), a, b, a_hours,
                          a_hours + round(rng.uniform(0, 150), 1)))
    people = []
    for j in range(n_people):
        held = set(rng.sample(DUTIES, rng.randint(0, 4)))
        people.append(Candidate(f"q{j}", rng.choice("AB"), rng.choice(["o1", "o2", None]),
                                rng.choice([1300.0, 1300.0, 900.0, 0.0]),
                                frozenset(list(held)[:2]), frozenset(list(held)[2:])))
    return slots, people


def _brute_force(slots, people):
    best = None
    choices = [None] + [p.name for p in people]
    by_name = {p.name: p for p in people}
    for combo in itertools.product(choices, repeat=len(slots)):
        names = [c for c in combo if c is not None]
        if len(names) != len(set(names)):
            continue
        if any(c is not None and not (by_name[c].capacity_hours > 0 and s.load_hours <= by_name[c].capacity_hours + 1e-6)
               for s, c in zip(slots, combo)):
            continue
        cost = cost_of(slots, people, {s.key: c for s, c in zip(slots, combo)}).as_tuple()
        if best is None or cost < best:
            best = cost
    return best


@pytest.mark.parametrize("seed", range(120))
def test_assignment_matches_brute_force(seed):
    slots, people = _township(seed)
    found = assign(slots, people)
    assert found.cost.as_tuple() == _brute_force(slots, people)
    names = [n for n in found.holder.values() if n is not None]
    assert len(names) == len(set(names))
    by_name = {p.name: p for p in people}
    for slot in slots:
        who = found.holder[slot.key]
        assert who is None or slot.load_hours <= by_name[who].capacity_hours + 1e-6


def test_keeps_current_holders_first_then_balances():
    slots = [Slot("big", "A", "o1", ("x",), ("y",), 1100, 1150), Slot("small", "A", "o1", ("y",), ("x",), 300, 350)]
    people = [Candidate("张三", "A", "o1", 1300, frozenset({"y"}), frozenset({"x"})),
              Candidate("李四", "A", "o1", 1300, frozenset({"x"}), frozenset({"y"})),
              Candidate("王五", "A", "o1", 2000)]
    found = assign(slots, people)
    assert found.holder == {"big": "李四", "small": "张三"}
    assert (found.cost.a_changes, found.cost.b_changes) == (0, 0)
    # Nobody holds anything today: the heavy post goes to the one with the most time.
    fresh = [Candidate(p.name, p.kind, p.office, p.capacity_hours) for p in people]
    assert assign(slots, fresh).holder["big"] == "王五"


def test_fewer_people_leave_the_smallest_post_open_and_one_more_covers_it():
    slots = [Slot("p1", "A", None, ("a",), ("b",), 1000, 1050), Slot("p2", "A", None, ("b",), ("a",), 400, 550)]
    people = [Candidate("张三", "A", None, 1300)]
    found = assign(slots, people)
    assert found.open_slots == ["p2"] and found.holder["p1"] == "张三"
    assert one_more(slots, people, "A", 1300) == ["p2"]


def test_same_input_same_roster():
    slots, people = _township(7)
    assert assign(slots, people).holder == assign(list(slots), list(people)).holder
