"""What the user asked of one solve beyond the ledger: reserve, caps, bands, locks, exemptions."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from optimizer.inputs import SolverSettings
from planner.domain.county import TownshipData


# Results written before a large duty's parts could differ in size were all of equal parts;
# a result or options without the key were computed so.
SPLITS_BEFORE_FREE_PARTS = "equal"


@dataclass
class SolveOptions:
    """What the user asked of one solve, beyond the ledger itself."""

    reserve: dict[str, int] = field(default_factory=dict)          # kind -> slots kept back
    total_cap: dict[str, int] = field(default_factory=dict)        # kind -> most allowed in total after
    bands: dict[tuple[str, str], tuple[int | None, int | None]] = field(default_factory=dict)
    locked: set[str] | None = None                                 # None: the ledger's locks
    # Duties exempt from mutual backup beyond those the ledger marks: a duty name
    # (every township) or a (township, duty name) pair.
    exempt_duties: set = field(default_factory=set)
    # The user's outer limit, seconds: it only ever stops a solve (with an error), never changes
    # the proposal. An hour by default, so that a province-sized ledger is not cut short.
    time_limit: float = 3600.0
    # Work, not time, bounds each A/B design (solver nodes per exact model): the proposal is the
    # same on a busy or an idle machine.
    design_max_nodes: int = SolverSettings.design_max_nodes
    design_splits: str = SolverSettings.design_splits             # equal | free
    solver: str = "auto"                                           # auto | highs | cbc
    workers: int | None = None                                     # processes for A/B designs

    def is_locked(self, township: TownshipData) -> bool:
        return township.name in self.locked if self.locked is not None else bool(township.locked)

    def is_exempt(self, township: str, duty: str) -> bool:
        return duty in self.exempt_duties or (township, duty) in self.exempt_duties

    def as_dict(self) -> dict:
        """The options that shape the proposal (not how long it may take), JSON-ready.

        The A/B work limit and the split rule shape the designs, so they are part of
        it when they differ from what older results were computed with (which keeps
        those results' fingerprints as they were, and marks them out of date now that
        a large duty's parts are free by default).
        """
        shaped = {}
        if self.design_max_nodes != SolverSettings.design_max_nodes:
            shaped["design_max_nodes"] = int(self.design_max_nodes)
        if self.design_splits != SPLITS_BEFORE_FREE_PARTS:
            shaped["design_splits"] = self.design_splits
        return shaped | {
            "reserve": {k: int(v) for k, v in sorted(self.reserve.items()) if v},
            "total_cap": {k: int(v) for k, v in sorted(self.total_cap.items())},
            "bands": [[t, k, lo, hi] for (t, k), (lo, hi) in sorted(self.bands.items())],
            "locked": None if self.locked is None else sorted(self.locked),
            "exempt_duties": sorted(json.dumps(e, ensure_ascii=False) if not isinstance(e, str) else e
                                    for e in self.exempt_duties),
        }

    @classmethod
    def from_dict(cls, data: dict | None) -> "SolveOptions":
        data = data or {}
        exempt: set = set()
        for e in data.get("exempt_duties", []):
            if isinstance(e, str) and e.startswith("["):
                pair = json.loads(e)
                exempt.add((pair[0], pair[1]))
            elif isinstance(e, (list, tuple)):
                exempt.add((e[0], e[1]))
            else:
                exempt.add(e)
        locked = data.get("locked")
        return cls(reserve=dict(data.get("reserve", {})), total_cap=dict(data.get("total_cap", {})),
                   bands={(t, k): (lo, hi) for t, k, lo, hi in data.get("bands", [])},
                   locked=None if locked is None else set(locked), exempt_duties=exempt,
                   design_max_nodes=int(data.get("design_max_nodes", SolverSettings.design_max_nodes)),
                   design_splits=data.get("design_splits", SPLITS_BEFORE_FREE_PARTS))
