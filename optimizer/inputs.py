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
    required_fte: float          # the WISN figure; pressure after = quota ÷ required_fte
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
    """How hard and with what to solve."""

    time_limit: float = 60.0          # the whole solve; stages take shares of it
    design_time_limit: float = 0.4    # exact A/B work per design, first pass
    design_retry_time_limit: float = 2.0  # per design still unproven after the first pass
    # seconds for that second look: this much per design of the county, at most 15% of time_limit
    design_retry_per_design: float = 0.005
    solver: str = "auto"              # "auto" (HiGHS, else CBC), "highs" or "cbc"
    workers: int | None = None        # processes for A/B designs (None: by size and cores)
    extra: dict = field(default_factory=dict)
