"""Plain inputs of the optimizer: numbers and names only, no database rows.

planner/solve.py turns a county's ledger into these; tests build them by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class DutyLoad:
    """One duty of a township and kind, as the A/B design sees it."""

    name: str            # unique within its design (planner qualifies clashes with the office)
    hours: float         # annual hours: volume × minutes ÷ 60 + fixed hours
    needs_backup: bool = True


@dataclass(frozen=True)
class DesignInput:
    """Everything the A/B post design of one township and kind needs."""

    township: str
    kind: str
    duties: tuple[DutyLoad, ...]
    capacity_hours: float        # one post's hours for duty work: AWT × (1 − shared share)
    backup_load_factor: float    # a B holder keeps this share of the A hours free
    max_backup_roles: int        # at most this many B roles per post
    leadership: int = 0          # leadership posts added on top (administrative kind)


@dataclass(frozen=True)
class TownshipQuota:
    """One township's line of one quota kind, for the county reallocation."""

    township: str
    approved: int
    staff: int
    required: int                # whole-number need: A/B posts (+ leadership posts)
    required_fte: float          # the WISN figure (shown beside the need, not optimised on)
    leadership: int = 0
    locked: bool = False
    band_min: int | None = None
    band_max: int | None = None


@dataclass(frozen=True)
class KindInput:
    """The reallocation of one quota kind across the county."""

    kind: str
    townships: tuple[TownshipQuota, ...]
    reserve: int = 0                 # slots the county keeps back out of the total
    total_cap: int | None = None     # the total after may not exceed this (a cut)

    @property
    def total_before(self) -> int:
        return sum(t.approved for t in self.townships)

    @property
    def total_limit(self) -> int:
        """The most the townships may hold together after the proposal (rule 2)."""
        limit = self.total_before - self.reserve
        if self.total_cap is not None:
            limit = min(limit, self.total_cap)
        return limit


@dataclass
class SolverSettings:
    """How hard and with what to solve.

    The answers depend on work limits only (solver nodes, iterations), never on
    the clock: the same county gives the same proposal on a busy or an idle
    machine, with one worker process or several. `time_limit` is the user's
    outer limit: when it passes, the solve stops with an error instead of
    handing back a weaker proposal.
    """

    time_limit: float | None = 60.0   # seconds for the whole solve (None: no limit)
    design_max_nodes: int = 500       # branch-and-bound nodes per exact A/B model
    design_splits: str = "free"       # a large duty's parts: "free" (the design sizes them) or "equal"
    reallocation_max_nodes: int = 20000   # per level of the county reallocation
    solver: str = "auto"              # "auto" (HiGHS, else CBC), "highs" or "cbc"
    workers: int | None = None        # processes for A/B designs (None: by size and cores)
    extra: dict = field(default_factory=dict)
