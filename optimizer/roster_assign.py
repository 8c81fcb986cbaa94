"""A named roster: the A/B design's posts given to a township's actual people.

Each post of the design (a slot) goes to at most one person and each person
takes at most one slot, and only if the slot's load fits in the person's time.
The assignment is exact and lexicographic, in this order:

1. uncovered work: the fewest A hours left on slots nobody takes (with fewer
   people than slots, the smallest posts stay open);
2. fewest changes of A holder: a duty's A share given to someone who does not
   hold it as A today counts one;
3. fewest changes of B holder, counted the same way;
4. people in their own kind, then in their own office (the office of most of
   the slot's A hours);
5. balance: the least Σ (load ÷ time)², so heavy posts go to those with more time.

A lexicographic sum of whole numbers is one whole number in mixed radix, so a
plain Hungarian algorithm on Python's unbounded integers finds the exact
optimum: no solver, no tolerance, the same answer every time.
"""

from __future__ import annotations

from dataclasses import dataclass, field

TOLERANCE = 1e-6
HOURS_SCALE = 100            # uncovered hours counted in hundredths
BALANCE_SCALE = 1_000_000    # (load ÷ time)² counted in millionths
LEVELS = 6                   # uncovered, A changes, B changes, kind moves, office moves, balance


@dataclass(frozen=True)
class Slot:
    """One post of the design: its duties (ids) and load."""

    key: str
    kind: str
    office: str | None          # the office of most of its A hours
    a: tuple[str, ...]
    b: tuple[str, ...]
    a_hours: float
    load_hours: float


@dataclass(frozen=True)
class Candidate:
    """A person who may take a slot, with what they hold today."""

    name: str
    kind: str
    office: str | None
    capacity_hours: float
    current_a: frozenset[str] = frozenset()
    current_b: frozenset[str] = frozenset()


@dataclass(frozen=True)
class RosterCost:
    uncovered: int              # hundredths of an hour of A work on open slots
    a_changes: int
    b_changes: int
    kind_moves: int
    office_moves: int
    balance: int                # millionths of Σ (load ÷ time)²

    def as_tuple(self) -> tuple[int, ...]:
        return (self.uncovered, self.a_changes, self.b_changes, self.kind_moves, self.office_moves, self.balance)


@dataclass
class Assignment:
    holder: dict[str, str | None]                 # slot key -> person's name (None: open)
    cost: RosterCost
    open_slots: list[str] = field(default_factory=list)


def fits(slot: Slot, person: Candidate) -> bool:
    return person.capacity_hours > 0 and slot.load_hours <= person.capacity_hours + TOLERANCE


def pair_cost(slot: Slot, person: Candidate | None) -> tuple[int, ...]:
    """The levels one slot adds to the total when `person` (None: nobody) takes it."""
    if person is None:
        return (round(slot.a_hours * HOURS_SCALE), len(slot.a), len(slot.b), 0, 0, 0)
    return (0,
            sum(1 for d in slot.a if d not in person.current_a),
            sum(1 for d in slot.b if d not in person.current_b),
            int(slot.kind != person.kind),
            int(slot.office is not None and person.office != slot.office),
            round((slot.load_hours / person.capacity_hours) ** 2 * BALANCE_SCALE))


def cost_of(slots: list[Slot], people: list[Candidate], holder: dict[str, str | None]) -> RosterCost:
    """The cost of any assignment (the brute-force tests compare with this)."""
    by_name = {p.name: p for p in people}
    total = [0] * LEVELS
    for slot in slots:
        name = holder.get(slot.key)
        for i, v in enumerate(pair_cost(slot, by_name[name] if name is not None else None)):
            total[i] += v
    return RosterCost(*total)


def assign(slots: list[Slot], people: list[Candidate]) -> Assignment:
    """The best assignment of slots to people by the levels above (people: unique names)."""
    n_slots, n_people = len(slots), len(people)
    if not n_slots:
        return Assignment({}, RosterCost(0, 0, 0, 0, 0, 0))
    bounds = [sum(pair_bound(s, level) for s in slots) + 1 for level in range(LEVELS)]
    radix = [1] * LEVELS
    for level in range(LEVELS - 2, -1, -1):
        radix[level] = radix[level + 1] * bounds[level + 1]
    forbidden = radix[0] * bounds[0] * (n_slots + 1)   # worse than leaving every slot open

    def encode(levels: tuple[int, ...]) -> int:
        return sum(v * r for v, r in zip(levels, radix))

    size = n_slots + n_people
    cost = [[0] * size for _ in range(size)]
    for i, slot in enumerate(slots):
        open_cost = encode(pair_cost(slot, None))
        for j, person in enumerate(people):
            cost[i][j] = encode(pair_cost(slot, person)) if fits(slot, person) else forbidden
        for j in range(n_people, size):
            cost[i][j] = open_cost
    column = hungarian(cost)
    holder = {}
    for i, slot in enumerate(slots):
        j = column[i]
        holder[slot.key] = people[j].name if j < n_people and cost[i][j] < forbidden else None
    return Assignment(holder, cost_of(slots, people, holder),
                      [s.key for s in slots if holder[s.key] is None])


def pair_bound(slot: Slot, level: int) -> int:
    """The most one slot can add at a level (the radix of the level above)."""
    return (round(slot.a_hours * HOURS_SCALE), len(slot.a), len(slot.b), 1, 1, BALANCE_SCALE)[level]


def hungarian(cost: list[list[int]]) -> list[int]:
    """Row i -> column of a least-cost perfect matching of a square matrix (O(n³), exact on ints).

    The shortest augmenting path form with potentials (Kuhn–Munkres as in
    Jonker and Volgenant); ties go to the lowest column, so the result is stable.
    """
    n = len(cost)
    inf = None
    u = [0] * (n + 1)
    v = [0] * (n + 1)
    match = [0] * (n + 1)          # column j (1-based) -> row (1-based), 0: free
    way = [0] * (n + 1)
    for i in range(1, n + 1):
        match[0] = i
        j0 = 0
        minv = [inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0 = match[j0]
            delta, j1 = inf, 0
            row = cost[i0 - 1]
            for j in range(1, n + 1):
                if used[j]:
                    continue
                cur = row[j - 1] - u[i0] - v[j]
                if minv[j] is None or cur < minv[j]:
                    minv[j] = cur
                    way[j] = j0
                if delta is None or minv[j] < delta:
                    delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if match[j0] == 0:
                break
        while True:
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
            if j0 == 0:
                break
    column = [0] * n
    for j in range(1, n + 1):
        column[match[j] - 1] = j - 1
    return column


def one_more(slots: list[Slot], people: list[Candidate], kind: str, capacity_hours: float,
             name: str = "+1") -> list[str]:
    """The slots open today that would be covered with one more person of `kind` (full time,
    holding nothing today); the others may move round to make room for them."""
    before = assign(slots, people).open_slots
    after = assign(slots, list(people) + [Candidate(name, kind, None, capacity_hours)])
    return [key for key in before if after.holder[key] is not None]
