"""The parts of a reallocation proposal: township lines, totals per kind, moves, A/B posts.

Each part reads and writes its piece of the JSON result of interfaces.md
(`to_json` / `from_json`); planner.domain.proposal puts them together. The
figures derived from others (vacancy, over-quota, change, pressure, uncovered
need, the totals) are properties, defined here once for every reader.

`from_json` takes the values as stored, without coercing them: a result
written by an older version (fewer keys) reads with defaults, and a damaged
one reaches the validator as it is, which then names what is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from planner.domain.county import QuotaFigures
from planner.domain.workload import pressure


def rounded(x: float | None, digits: int = 3) -> float | None:
    return None if x is None else round(float(x), digits)


@dataclass(frozen=True)
class TownshipLine(QuotaFigures):
    """One township's quota of one kind: the ledger's numbers, its need and the proposed quota."""

    township: str
    kind: str
    approved: int
    staff: int
    leadership: int
    required_fte: float               # as published: two decimals
    required: int                     # whole posts covering the workload with A/B backup
    proposed: int
    locked: bool = False
    band_min: int | None = None
    band_max: int | None = None
    explanation: str = ""
    explanation_en: str = ""
    # The WISN FTE unrounded (the JSON keeps two decimals); only the WISN ratio reads it. A line
    # read back from JSON keeps the WISN ratio it was written with, so a stored proposal reads the same.
    workload_fte: float | None = field(default=None, compare=False, repr=False)
    written_wisn: float | None = field(default=None, compare=False, repr=False)

    @property
    def change(self) -> int:
        """增减: proposed − approved."""
        return self.proposed - self.approved

    @property
    def uncovered_before(self) -> int:
        """Workload need the approved quota leaves uncovered: required − approved when positive."""
        return max(0, self.required - self.approved)

    @property
    def uncovered_after(self) -> int:
        """Workload need the proposed quota leaves uncovered: required − proposed when positive."""
        return max(0, self.required - self.proposed)

    @property
    def pressure_before(self) -> float | None:
        """编制/需求 调剂前: approved quota ÷ the whole-post A/B need `required` (3 decimals).

        Before and after compare the same thing (quota ÷ need), so a township that
        gives slots shows the ratio falling and one left alone shows it unchanged.
        """
        return rounded(pressure(self.approved, self.required))

    @property
    def pressure_after(self) -> float | None:
        """编制/需求 调剂后: proposed quota ÷ the whole-post A/B need `required` (3 decimals)."""
        return rounded(pressure(self.proposed, self.required))

    @property
    def wisn_ratio(self) -> float | None:
        """WISN ratio 实有人数/需求FTE: staff ÷ WISN FTE (3 decimals); not the 编制/需求 ratio."""
        if self.workload_fte is None and self.written_wisn is not None:
            return self.written_wisn
        fte = self.required_fte if self.workload_fte is None else self.workload_fte
        return rounded(pressure(self.staff, fte))

    def explanation_in(self, english: bool) -> str:
        return (self.explanation_en or self.explanation) if english else self.explanation

    def to_json(self) -> dict:
        return {"township": self.township, "kind": self.kind, "approved": self.approved, "staff": self.staff,
                "leadership": self.leadership, "required_fte": self.required_fte, "required": self.required,
                "proposed": self.proposed, "change": self.change, "vacancy": self.vacancy,
                "over_quota": self.over_quota, "locked": self.locked, "band_min": self.band_min,
                "band_max": self.band_max, "pressure_before": self.pressure_before,
                "pressure_after": self.pressure_after, "wisn_ratio": self.wisn_ratio, "explanation": self.explanation,
                "explanation_en": self.explanation_en}

    @classmethod
    def from_json(cls, row: dict) -> "TownshipLine":
        return cls(township=row.get("township", ""), kind=row.get("kind", ""), approved=row.get("approved", 0),
                   staff=row.get("staff", 0), leadership=row.get("leadership", 0),
                   required_fte=row.get("required_fte", 0.0), required=row.get("required", 0),
                   proposed=row.get("proposed", row.get("approved", 0)), locked=row.get("locked", False),
                   band_min=row.get("band_min"), band_max=row.get("band_max"),
                   explanation=row.get("explanation", ""), explanation_en=row.get("explanation_en", ""),
                   written_wisn=row.get("wisn_ratio"))


@dataclass(frozen=True)
class Level:
    """One level of the lexicographic objective of a kind's reallocation, as the solver left it."""

    name: str
    value: float
    proven_optimal: bool
    bound: float | None = None
    gap: float | None = None

    def to_json(self) -> dict:
        return {"name": self.name, "value": self.value, "proven_optimal": self.proven_optimal,
                "bound": self.bound, "gap": self.gap}

    @classmethod
    def from_json(cls, data: dict) -> "Level":
        return cls(data.get("name", ""), data.get("value", 0.0), data.get("proven_optimal", False),
                   data.get("bound"), data.get("gap"))


@dataclass(frozen=True)
class KindTotals:
    """The county totals of one kind before and after, summed from its township lines."""

    kind: str
    lines: tuple[TownshipLine, ...] = ()
    reserve_asked: int = 0            # what the user asked the county to keep back
    total_limit: int | None = None    # the most the total may be after (reserve and caps applied)
    status: str | None = None         # the kind's own solve status (None in results of older versions)
    levels: tuple[Level, ...] = ()
    balance_ratio: float | None = None
    fewest_lines: int | None = None   # the fewest move lines proven possible (None in older results)

    @property
    def before(self) -> int:
        return sum(line.approved for line in self.lines)

    @property
    def after(self) -> int:
        return sum(line.proposed for line in self.lines)

    @property
    def uncovered_before(self) -> int:
        """Σ max(0, required − approved) over the townships."""
        return sum(line.uncovered_before for line in self.lines)

    @property
    def uncovered_after(self) -> int:
        """Σ max(0, required − proposed) over the townships."""
        return sum(line.uncovered_after for line in self.lines)

    @property
    def moved(self) -> int:
        """Slots given up by townships."""
        return sum(max(0, line.approved - line.proposed) for line in self.lines)

    @property
    def townships_touched(self) -> int:
        return sum(1 for line in self.lines if line.proposed != line.approved)

    @property
    def reserve(self) -> int:
        """Slots the county keeps back: before − after."""
        return self.before - self.after

    def to_json(self) -> dict:
        return {"before": self.before, "after": self.after, "uncovered_before": self.uncovered_before,
                "uncovered_after": self.uncovered_after, "moved": self.moved,
                "townships_touched": self.townships_touched, "reserve": self.reserve,
                "reserve_asked": self.reserve_asked, "total_limit": self.total_limit, "status": self.status,
                "levels": [lv.to_json() for lv in self.levels], "balance_ratio": self.balance_ratio,
                "fewest_lines": self.fewest_lines}

    @classmethod
    def from_json(cls, kind: str, data: dict, lines: tuple[TownshipLine, ...],
                  status: str | None = None) -> "KindTotals":
        return cls(kind, lines, reserve_asked=data.get("reserve_asked", 0), total_limit=data.get("total_limit"),
                   status=data.get("status", status),
                   levels=tuple(Level.from_json(lv) for lv in data.get("levels") or []),
                   balance_ratio=data.get("balance_ratio"), fewest_lines=data.get("fewest_lines"))


@dataclass(frozen=True)
class Move:
    """调剂: `count` slots of one kind from the giving township to the receiving one."""

    giver: str
    receiver: str
    kind: str
    count: int
    reason: str = ""
    reason_en: str = ""

    def reason_in(self, english: bool) -> str:
        return (self.reason_en or self.reason) if english else self.reason

    def to_json(self) -> dict:
        return {"from": self.giver, "to": self.receiver, "kind": self.kind, "count": self.count,
                "reason": self.reason, "reason_en": self.reason_en}

    @classmethod
    def from_json(cls, data: dict) -> "Move":
        return cls(data.get("from", ""), data.get("to", ""), data.get("kind", ""), data.get("count", 0),
                   data.get("reason", ""), data.get("reason_en", ""))


@dataclass(frozen=True)
class RosterPost:
    """岗位 of an A/B roster: the duties it holds as A and stands in for as B, with its hours."""

    township: str
    kind: str
    post: str
    a: tuple[str, ...] = ()
    b: tuple[str, ...] = ()
    load_hours: float = 0.0
    a_hours: float | None = None
    b_load_hours: float | None = None
    capacity_hours: float | None = None

    @property
    def load_share(self) -> float | None:
        """Load ÷ capacity (None when the capacity is unknown)."""
        if not self.capacity_hours:
            return None
        return float(self.load_hours) / float(self.capacity_hours)

    def to_json(self) -> dict:
        return {"township": self.township, "kind": self.kind, "post": self.post, "a": list(self.a),
                "b": list(self.b), "load_hours": self.load_hours, "a_hours": self.a_hours,
                "b_load_hours": self.b_load_hours, "capacity_hours": self.capacity_hours}

    @classmethod
    def from_json(cls, data: dict) -> "RosterPost":
        return cls(data.get("township", ""), data.get("kind", ""), data.get("post", ""),
                   tuple(data.get("a") or ()), tuple(data.get("b") or ()), data.get("load_hours", 0.0),
                   data.get("a_hours"), data.get("b_load_hours"), data.get("capacity_hours"))


@dataclass(frozen=True)
class DesignSummary:
    """How one township's A/B posts of a kind were designed and how close to minimal they are."""

    township: str
    kind: str
    posts: int
    lower_bound: int | None = None
    proven_minimal: bool = False
    leadership: int | None = None
    required: int | None = None
    duty_hours: float | None = None
    method: str | None = None
    bound_rule: str | None = None
    bound_reason: str | None = None
    bound_reason_en: str | None = None
    # Hours of each part of a duty split among several A holders (share label -> hours); empty
    # when no duty is split. Part sizes may differ, so the validator checks against these.
    part_hours: dict[str, float] = field(default_factory=dict)

    def to_json(self) -> dict:
        data = {"township": self.township, "kind": self.kind, "posts": self.posts,
                "lower_bound": self.lower_bound, "proven_minimal": self.proven_minimal,
                "leadership": self.leadership, "required": self.required, "duty_hours": self.duty_hours,
                "method": self.method, "bound_rule": self.bound_rule, "bound_reason": self.bound_reason,
                "bound_reason_en": self.bound_reason_en}
        if self.part_hours:
            data["part_hours"] = dict(self.part_hours)
        return data

    @classmethod
    def from_json(cls, data: dict) -> "DesignSummary":
        return cls(data.get("township", ""), data.get("kind", ""), data.get("posts", 0), data.get("lower_bound"),
                   data.get("proven_minimal", False), data.get("leadership"), data.get("required"),
                   data.get("duty_hours"), data.get("method"), data.get("bound_rule"), data.get("bound_reason"),
                   data.get("bound_reason_en"), dict(data.get("part_hours") or {}))


@dataclass(frozen=True)
class MarginalValue:
    """What one more slot of a kind would buy: uncovered need it removes, and where."""

    kind: str
    uncovered_reduction: int
    township: str = ""
    explanation: str = ""
    explanation_en: str = ""

    def to_json(self) -> dict:
        return {"kind": self.kind, "uncovered_reduction": self.uncovered_reduction, "township": self.township,
                "explanation": self.explanation, "explanation_en": self.explanation_en}

    @classmethod
    def from_json(cls, data: dict) -> "MarginalValue":
        return cls(data.get("kind", ""), data.get("uncovered_reduction", 0), data.get("township", ""),
                   data.get("explanation", ""), data.get("explanation_en", ""))
