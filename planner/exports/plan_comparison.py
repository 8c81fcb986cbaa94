"""Two or more multi-year plans side by side: the uncovered need of each year, slots moved,
pool slots newly lent, townships touched and the status of every scenario's plan.

As planner.exports.comparison does for proposals, every figure is read from the
separate Plans (Plan.uncovered_by_year, slots_moved, slots_lent, townships_touched),
never recomputed, so the comparison says what each plan says. Plans may cover
different years (a scenario carries its own horizon): a year a plan does not cover
is None in its row. A plan with no plan to act on (the rules cannot all hold)
shows its status and None for every figure. Pure: no Qt, no database.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from planner.domain.plan import Plan
from planner.exports.comparison import ComparisonError

__all__ = ["PlanFigures", "PlanComparison", "compare_plans"]


@dataclass(frozen=True)
class PlanFigures:
    """The figures of one scenario's plan; None where it has no plan (infeasible) or no such year."""

    scenario: str
    status: str
    status_zh: str
    status_en: str
    years: tuple[int, ...]
    uncovered_by_year: dict[int, int]
    uncovered: int | None
    slots_moved: int | None
    slots_lent: int | None
    townships_touched: int | None

    @classmethod
    def of(cls, plan: Plan) -> "PlanFigures":
        has = plan.is_plan
        return cls(scenario=plan.scenario, status=plan.status, status_zh=plan.status_text(),
                   status_en=plan.status_text(english=True), years=tuple(plan.years),
                   uncovered_by_year=dict(plan.uncovered_by_year()) if has else {},
                   uncovered=plan.uncovered if has else None,
                   slots_moved=plan.slots_moved if has else None,
                   slots_lent=plan.slots_lent if has else None,
                   townships_touched=plan.townships_touched if has else None)

    def uncovered_in(self, year: int) -> int | None:
        return self.uncovered_by_year.get(year)


@dataclass(frozen=True)
class PlanComparison:
    """The rows in the order the plans were given (the baseline first when it was given first)."""

    rows: tuple[PlanFigures, ...]
    years: tuple[int, ...]   # every year some plan covers, in order

    def headers(self, lang: str = "zh") -> list[str]:
        if lang == "en":
            return (["Scenario", "Status"] + [f"Uncovered {y}" for y in self.years]
                    + ["Uncovered, all years (slot-years)", "Slots moved", "Pool slots lent anew",
                       "Townships touched"])
        return (["情景", "状态"] + [f"{y}年未覆盖" for y in self.years]
                + ["未覆盖合计（名·年）", "调剂名额", "新借周转池", "涉及乡镇"])

    def table(self, lang: str = "zh") -> list[list[str | int | None]]:
        """One row per scenario, cells under headers(lang); None where a figure does not exist."""
        out: list[list[str | int | None]] = []
        for row in self.rows:
            out.append([row.scenario, row.status_en if lang == "en" else row.status_zh]
                       + [row.uncovered_in(y) for y in self.years]
                       + [row.uncovered, row.slots_moved, row.slots_lent, row.townships_touched])
        return out


def compare_plans(plans: Sequence[Plan]) -> PlanComparison:
    """The plans of two or more scenarios side by side; ComparisonError for fewer than two,
    something that is not a Plan, or the same scenario twice."""
    if len(plans) < 2:
        raise ComparisonError("至少需要两个规划才能比较 (at least two plans are needed to compare)")
    names: set[str] = set()
    for plan in plans:
        if not isinstance(plan, Plan):
            raise ComparisonError(f"不是多年度规划：{type(plan).__name__} (not a multi-year plan)")
        if plan.scenario in names:
            raise ComparisonError(f"情景“{plan.scenario}”出现了两次 (scenario '{plan.scenario}' is given twice)")
        names.add(plan.scenario)
    rows = tuple(PlanFigures.of(plan) for plan in plans)
    years = tuple(sorted({y for plan in plans for y in plan.years}))
    return PlanComparison(rows, years)
