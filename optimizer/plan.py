"""Plain outputs of the optimizer: the A/B designs, the reallocation, moves and reasons."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class PostPlan:
    """One post of an A/B design."""

    name: str                   # 岗位1, 岗位2, … within the township and kind
    a: list[str]                # duties (or shares of a split duty) held as A
    b: list[str]                # duties backed up as B
    a_hours: float
    b_load_hours: float         # backup_load_factor × hours of the shares backed up
    capacity_hours: float

    @property
    def load_hours(self) -> float:
        return self.a_hours + self.b_load_hours


@dataclass
class ABDesign:
    """The fewest posts that cover a township's duties of one kind with A/B backup."""

    township: str
    kind: str
    posts: list[PostPlan]
    lower_bound: int
    proven_minimal: bool
    bound_rule: str             # which bound the answer was proven against (or the gap's)
    bound_zh: str
    bound_en: str
    method: str                 # "none" | "constructive" | "repair" | "fill" | "resplit" | "exact"
    leadership: int = 0
    seconds: float = 0.0
    duty_hours: float = 0.0
    build_seconds: float = 0.0  # of exact models, if any (building and reading back)
    solver_seconds: float = 0.0
    models: int = 0             # exact models solved
    # Hours of each part of a split duty, by its label (e.g. "职责（1/2）"): the design chooses them.
    part_hours: dict[str, float] = field(default_factory=dict)

    @property
    def n_posts(self) -> int:
        return len(self.posts)

    @property
    def required(self) -> int:
        """Whole-number headcount need: duty posts plus leadership posts."""
        return self.n_posts + self.leadership

    @property
    def gap(self) -> int:
        return self.n_posts - self.lower_bound


@dataclass
class Level:
    """One priority level of the reallocation and how well it was solved."""

    name: str                   # uncovered | moved | imbalance
    value: float
    proven_optimal: bool
    bound: float | None = None
    gap: float | None = None


@dataclass
class Limit:
    """A township's lowest (or highest) allowed quota and the rule that sets it."""

    value: int | None
    rule: str                   # staff | leadership | band_min | band_max | locked | none


@dataclass
class Conflict:
    """Hard rules that cannot all hold, with the numbers, in words."""

    kind: str
    rules: list[str]
    zh: str
    en: str


@dataclass
class KindPlan:
    """The reallocation of one quota kind."""

    kind: str
    status: str                          # optimal | feasible | infeasible
    quota: dict[str, int]                # township -> proposed quota
    levels: list[Level] = field(default_factory=list)
    total_before: int = 0
    total_limit: int = 0
    reserve: int = 0
    lower: dict[str, Limit] = field(default_factory=dict)
    upper: dict[str, Limit] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    target_ratio: float | None = None    # county quota ÷ county A/B need: the even pressure balanced to
    fewest_lines: int | None = None      # the fewest move lines proven possible (None: not itemised)
    build_seconds: float = 0.0
    solver_seconds: float = 0.0
    read_seconds: float = 0.0
    models: int = 0
    solver: str = ""

    @property
    def total_after(self) -> int:
        return sum(self.quota.values())

    def level(self, name: str) -> Level | None:
        for lv in self.levels:
            if lv.name == name:
                return lv
        return None


@dataclass
class Move:
    kind: str
    giver: str          # township (or the county reserve)
    receiver: str
    count: int
    reason: str
    reason_en: str


@dataclass
class Marginal:
    kind: str
    uncovered_reduction: int
    township: str
    zh: str
    en: str
