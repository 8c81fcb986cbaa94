"""A hand-made Proposal, as planner.solving.solve would return one.

Chart and view tests use it so they do not depend on the solver's numbers; the
values are chosen so that every visual element (gain, loss, unchanged, locked,
over quota, a move, a diagnosis) is present. Vacancy, change, pressure and the
totals per kind are derived by the Proposal itself, as for a solved one.
"""

from __future__ import annotations

from dataclasses import replace

from planner.domain.options import SolveOptions
from planner.domain.proposal import (DesignSummary, KindTotals, MarginalValue, Move, Proposal, RosterPost,
                                     SolverFigures, TownshipLine)

KINDS = ("administrative", "institutional", "support")

_ROWS = [
    # township, kind, approved, staff, leadership, required_fte, required, proposed, locked
    ("青山镇", "administrative", 30, 27, 10, 33.4, 34, 33, False),
    ("白水乡", "administrative", 28, 20, 9, 21.2, 22, 25, False),
    ("石桥镇", "administrative", 35, 34, 11, 35.0, 35, 35, False),
    ("龙泉街道", "administrative", 25, 25, 8, 24.1, 25, 25, True),
    ("青山镇", "institutional", 40, 42, 0, 47.5, 48, 44, False),
    ("白水乡", "institutional", 45, 36, 0, 37.9, 38, 41, False),
    ("石桥镇", "institutional", 38, 35, 0, 38.2, 39, 38, False),
    ("龙泉街道", "institutional", 30, 28, 0, 29.0, 29, 30, True),
    ("青山镇", "support", 3, 3, 0, 2.5, 3, 3, False),
    ("白水乡", "support", 2, 1, 0, 0.8, 1, 2, False),
]


def fabricated_lines() -> tuple[TownshipLine, ...]:
    return tuple(TownshipLine(township=name, kind=kind, approved=approved, staff=staff, leadership=lead,
                              required_fte=fte, required=req, proposed=proposed, locked=locked,
                              explanation=f"{name}{kind}编制由{approved}调整为{proposed}。",
                              explanation_en=f"{name} {kind}: {approved} -> {proposed}.")
                 for name, kind, approved, staff, lead, fte, req, proposed, locked in _ROWS)


def with_lines(proposal: Proposal, lines: tuple[TownshipLine, ...], **changes) -> Proposal:
    """`proposal` with other township lines (its totals summed from them), and other fields changed."""
    totals = {kind: KindTotals(kind, tuple(line for line in lines if line.kind == kind)) for kind in KINDS}
    return Proposal(**{**{f: getattr(proposal, f) for f in proposal.__dataclass_fields__},
                       "lines": lines, "totals": totals, **changes})


def fabricated_result(status: str = "optimal") -> Proposal:
    base = Proposal(
        status=status, scenario="基准", fingerprint="0" * 64, county="青岚县", generated_at="2025-01-01T09:00:00",
        parameters={"working_days": 248, "annual_leave_days": 10, "other_absence_days": 5,
                    "training_days": 10, "hours_per_day": 8, "shared_duty_share": 0.1,
                    "backup_load_factor": 0.15, "max_backup_roles": 3, "available_hours": 1784.0},
        options=SolveOptions(),
        solver=SolverFigures(name="HiGHS", version="1.16.0", seconds=0.42, gap=0.0, proven_optimal=True,
                             stage_seconds={"load": 0.01, "requirement": 0.02, "ab_design": 0.2,
                                            "reallocation": 0.15, "moves": 0.04}),
        moves=(
            Move("白水乡", "青山镇", "institutional", 4, "白水乡事业编制空编9名，青山镇缺4名",
                 "Baishui has 9 vacant; Qingshan is 4 short"),
            Move("白水乡", "青山镇", "administrative", 3, "白水乡行政编制空编8名，青山镇缺4名",
                 "Baishui has 8 vacant; Qingshan is 4 short"),
        ),
        roster=(
            RosterPost("青山镇", "administrative", "岗位1", ("财务报账", "党建工作"), ("信访接待",),
                       load_hours=1420.5, capacity_hours=1605.6),
            RosterPost("青山镇", "administrative", "岗位2", ("信访接待",), ("党建工作",),
                       load_hours=1380.0, capacity_hours=1605.6),
            RosterPost("白水乡", "institutional", "岗位1", ("农技推广",), ("文化活动",),
                       load_hours=1200.0, capacity_hours=1605.6),
        ),
        designs=(DesignSummary("青山镇", "administrative", 24, lower_bound=23, proven_minimal=False),),
        marginal=(MarginalValue("institutional", 1, "青山镇"), MarginalValue("administrative", 1, "青山镇"),
                  MarginalValue("support", 0, "")),
        diagnosis=("青山镇事业编制超编2名。",),
        diagnosis_en=("Qingshan is 2 over its institutional quota.",),
    )
    return with_lines(base, fabricated_lines())


def shifted(proposal: Proposal, deltas: dict[tuple[str, str], int]) -> Proposal:
    """`proposal` with the proposed quota of some (township, kind) lines moved by a delta."""
    lines = tuple(replace(line, proposed=line.proposed + deltas.get((line.township, line.kind), 0))
                  for line in proposal.lines)
    return with_lines(proposal, lines)
