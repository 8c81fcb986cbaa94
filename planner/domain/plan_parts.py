"""The parts of a multi-year plan (多年度规划): a township's year, a move, a pool loan, a year's totals.

Each is frozen plain data with `to_json()` / `from_json()` in the shape of the
`plan` JSON of interfaces.md. Figures derived from others (uncovered need,
what a loan still owes, the totals of a year) are properties, defined here once.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.domain.months import Month


@dataclass(frozen=True)
class PlanLine:
    """One township, kind and year of the plan (the quota in force on 1 January of the year)."""

    township: str
    kind: str
    year: int
    staff_start: int      # staff on 1 January: today's staff − leavers before it + planned hires of years ≤ it
    leavers: int          # people expected to leave during the year (retirements and known leaves)
    hires: int            # planned hires of the year (用编进人计划) not yet used
    quota: int            # approved quota in force in the year
    pool: int             # revolving-pool slots on loan to the township in the year, apart from its quota
    required: int         # whole-number need with A/B backup (leadership included, administrative)
    leadership: int = 0
    locked: bool = False
    approved: int = 0     # today's approved quota (the ledger), the plan's starting point

    @property
    def uncovered(self) -> int:
        """Need the quota and the pool slots of the year leave uncovered: max(0, required − quota − pool)."""
        return max(0, self.required - self.quota - self.pool)

    @property
    def vacancy(self) -> int:
        """Slots of quota and pool not held by anyone on 1 January."""
        return max(0, self.quota + self.pool - self.staff_start)

    @property
    def change(self) -> int:
        """Quota of the year against today's approved quota."""
        return self.quota - self.approved

    def to_json(self) -> dict:
        return {"township": self.township, "kind": self.kind, "year": self.year,
                "staff_start": self.staff_start, "leavers": self.leavers, "hires": self.hires,
                "quota": self.quota, "pool": self.pool, "required": self.required,
                "uncovered": self.uncovered, "leadership": self.leadership, "locked": self.locked,
                "approved": self.approved}

    @classmethod
    def from_json(cls, data: dict) -> "PlanLine":
        return cls(str(data["township"]), str(data["kind"]), int(data["year"]), int(data.get("staff_start", 0)),
                   int(data.get("leavers", 0)), int(data.get("hires", 0)), int(data.get("quota", 0)),
                   int(data.get("pool", 0)), int(data.get("required", 0)), int(data.get("leadership", 0)),
                   bool(data.get("locked", False)), int(data.get("approved", data.get("quota", 0))))


@dataclass(frozen=True)
class PlanMove:
    """Slots of one kind that change township in one year, effective on a date."""

    year: int
    effective: str        # YYYY-MM-DD
    giver: str
    receiver: str
    kind: str
    count: int
    reason: str
    reason_en: str = ""

    def to_json(self) -> dict:
        return {"year": self.year, "effective": self.effective, "from": self.giver, "to": self.receiver,
                "kind": self.kind, "count": self.count, "reason": self.reason, "reason_en": self.reason_en}

    @classmethod
    def from_json(cls, data: dict) -> "PlanMove":
        return cls(int(data["year"]), str(data["effective"]), str(data["from"]), str(data["to"]),
                   str(data["kind"]), int(data["count"]), str(data.get("reason", "")),
                   str(data.get("reason_en", "")))


@dataclass(frozen=True)
class PoolReturn:
    month: str            # YYYY-MM
    count: int

    def to_json(self) -> dict:
        return {"month": self.month, "count": self.count}

    @classmethod
    def from_json(cls, data: dict) -> "PoolReturn":
        return cls(str(data["month"]), int(data["count"]))


@dataclass(frozen=True)
class PlanLoan:
    """A loan from the county's revolving pool: an existing one (history) or one the plan proposes.

    `returns` are the months slots come back: one per leaver of the borrower
    during the term, all that is still outstanding on the due month.
    """

    township: str
    kind: str
    count: int
    start: str            # YYYY-MM
    due: str              # YYYY-MM
    new: bool
    returns: tuple[PoolReturn, ...] = ()
    returned_before: int = 0   # slots an existing loan had already returned when the plan was made

    @property
    def returned(self) -> int:
        return self.returned_before + sum(r.count for r in self.returns)

    def outstanding_at(self, month: Month | str) -> int:
        """Slots still on loan at the start of `month`.

        A leaver's return counts from the month after it; on the due month all is back.
        """
        when = str(month if isinstance(month, Month) else Month.parse(month))
        if when < self.start or when >= self.due:
            return 0
        back = self.returned_before + sum(r.count for r in self.returns if r.month < when)
        return max(0, self.count - back)

    def to_json(self) -> dict:
        return {"township": self.township, "kind": self.kind, "count": self.count, "start": self.start,
                "due": self.due, "new": self.new, "returns": [r.to_json() for r in self.returns],
                "returned_before": self.returned_before}

    @classmethod
    def from_json(cls, data: dict) -> "PlanLoan":
        return cls(str(data["township"]), str(data["kind"]), int(data["count"]), str(data["start"]),
                   str(data["due"]), bool(data.get("new", False)),
                   tuple(PoolReturn.from_json(r) for r in data.get("returns") or []),
                   int(data.get("returned_before", 0)))


@dataclass(frozen=True)
class YearTotals:
    """One kind's county figures in one year, summed from the plan's lines."""

    kind: str
    year: int
    quota: int
    pool_held: int        # pool slots the county holds, not on loan
    pool_lent: int
    staff_start: int
    uncovered: int

    @property
    def balance(self) -> int:
        """Σ quota + the pool (held and lent): never above the year before, never above today's."""
        return self.quota + self.pool_held + self.pool_lent

    def to_json(self) -> dict:
        return {"year": self.year, "quota": self.quota, "pool_held": self.pool_held,
                "pool_lent": self.pool_lent, "staff_start": self.staff_start, "uncovered": self.uncovered}


@dataclass(frozen=True)
class Baseline:
    """One kind today: Σ approved quota and the county's pool (held and lent)."""

    quota: int
    pool: int

    @property
    def total(self) -> int:
        return self.quota + self.pool

    def to_json(self) -> dict:
        return {"quota": self.quota, "pool": self.pool}

    @classmethod
    def from_json(cls, data: dict) -> "Baseline":
        return cls(int(data.get("quota", 0)), int(data.get("pool", 0)))


@dataclass(frozen=True)
class PlanNote:
    """Why a township's plan looks as it does (e.g. it waits for a retirement), in both languages."""

    township: str
    kind: str
    zh: str
    en: str

    def to_json(self) -> dict:
        return {"township": self.township, "kind": self.kind, "zh": self.zh, "en": self.en}

    @classmethod
    def from_json(cls, data: dict) -> "PlanNote":
        return cls(str(data["township"]), str(data["kind"]), str(data.get("zh", "")), str(data.get("en", "")))
