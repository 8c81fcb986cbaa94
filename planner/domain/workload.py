"""Workload to headcount, after the WHO WISN method (see domain.md).

Pure arithmetic on plain numbers so that every figure the planner prints can be
recomputed by hand from the parameters and the duty list.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields

from planner.errors import UserError


class ParameterError(UserError, ValueError):
    """A working-time or A/B parameter outside its sensible range."""


# name -> (lowest, highest, Chinese label). The ranges are wide enough for any
# real county and narrow enough to catch typing slips (e.g. 2480 working days).
PARAMETER_RANGES: dict[str, tuple[float, float, str]] = {
    "working_days": (100, 366, "年工作日"),
    "annual_leave_days": (0, 60, "年休假天数"),
    "other_absence_days": (0, 120, "病假及其他缺勤天数"),
    "training_days": (0, 60, "培训天数"),
    "hours_per_day": (1, 16, "每日工时"),
    "shared_duty_share": (0, 0.9, "公共事务时间占比"),
    "backup_load_factor": (0, 1, "备岗负荷系数"),
    "max_backup_roles": (1, 50, "每人最多B岗数"),
}


@dataclass(frozen=True)
class WorkParams:
    """Working-time and A/B parameters of one county (or one scenario)."""

    working_days: float = 248
    annual_leave_days: float = 10
    other_absence_days: float = 5
    training_days: float = 10
    hours_per_day: float = 8
    shared_duty_share: float = 0.10
    backup_load_factor: float = 0.15
    max_backup_roles: int = 3

    def problems(self, lang: str = "zh") -> list[str]:
        """Every parameter that is out of range, in words (empty when valid); Chinese unless lang is "en"."""
        en = lang == "en"
        found = []
        for f in fields(self):
            value = getattr(self, f.name)
            low, high, label = PARAMETER_RANGES[f.name]
            if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
                found.append(f"{f.name}: should be a number, is {value!r}" if en
                             else f"{label} ({f.name}): 应为数字，实为 {value!r}")
            elif not low <= value <= high:
                found.append(f"{f.name}: {value} is not between {low} and {high}" if en
                             else f"{label} ({f.name}): {value} 不在 {low}–{high} 之间")
        if not found and int(self.max_backup_roles) != self.max_backup_roles:
            found.append(f"max_backup_roles: should be a whole number, is {self.max_backup_roles}" if en
                         else f"每人最多B岗数 (max_backup_roles): 应为整数，实为 {self.max_backup_roles}")
        if not found and self.absent_days >= self.working_days:
            found.append(
                f"leave, sick and training days add up to {self.absent_days:g}, not fewer than the "
                f"{self.working_days:g} working days" if en else
                f"年休假、病假及培训天数合计 {self.absent_days:g} 天，不少于年工作日 {self.working_days:g} 天"
            )
        return found

    def validate(self) -> "WorkParams":
        problems = self.problems()
        if problems:
            raise ParameterError("；".join(problems), message_en="; ".join(self.problems("en")))
        return self

    @property
    def absent_days(self) -> float:
        return self.annual_leave_days + self.other_absence_days + self.training_days

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


def available_hours(params: WorkParams) -> float:
    """AWT: hours one person can work in a year."""
    return (params.working_days - params.absent_days) * params.hours_per_day


def shared_allowance_factor(params: WorkParams) -> float:
    """CAF = 1 / (1 − share of time everyone spends on meetings, studies, reporting)."""
    return 1.0 / (1.0 - params.shared_duty_share)


def post_capacity_hours(params: WorkParams) -> float:
    """Hours a post can give to duties: AWT less the shared-duty share.

    Packing duties into posts of this size gives the same lower bound as
    (Σ hours ÷ AWT) × CAF, so the FTE figure and the A/B design agree.
    """
    return available_hours(params) * (1.0 - params.shared_duty_share)


def case_hours(annual_volume: float, minutes_per_case: float, fixed_hours: float = 0.0) -> float:
    """Annual hours of one duty: cases × standard minutes ÷ 60, plus fixed hours."""
    return annual_volume * minutes_per_case / 60.0 + fixed_hours


def duty_hours(duty) -> float:
    """Annual hours of a duty object with annual_volume, minutes_per_case, fixed_hours."""
    return case_hours(duty.annual_volume, duty.minutes_per_case, duty.fixed_hours)


def required_fte(total_hours: float, params: WorkParams, leadership: int = 0,
                 individual_hours: float = 0.0) -> float:
    """Required FTE = (Σ duty hours ÷ AWT) × CAF + IAF, plus leadership posts.

    Leaders' time is not counted as capacity for case work (interfaces.md), so
    the leadership posts are added whole. IAF = individual hours ÷ AWT.
    """
    awt = available_hours(params)
    return total_hours / awt * shared_allowance_factor(params) + individual_hours / awt + leadership


def pressure(staff: float, required: float) -> float | None:
    """WISN ratio: staff ÷ required; below 1 means shortage. None when nothing is required."""
    if required <= 0:
        return None
    return staff / required
