"""A hand-made proposal in the shape of planner.solving.solve's result dict.

Chart and view tests use it so they do not depend on the solver's numbers; the
values are chosen so that every visual element (gain, loss, unchanged, locked,
over quota, a move, a diagnosis) is present.
"""

from __future__ import annotations

import copy

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


def fabricated_result(status: str = "optimal") -> dict:
    townships = []
    for name, kind, approved, staff, lead, fte, req, proposed, locked in _ROWS:
        townships.append({
            "township": name, "kind": kind, "approved": approved, "staff": staff,
            "leadership": lead, "required_fte": fte, "required": req, "proposed": proposed,
            "change": proposed - approved, "vacancy": max(0, approved - staff),
            "over_quota": max(0, staff - approved), "locked": locked,
            # As planner.solving.result: staff ÷ required FTE before, proposed ÷ required FTE after.
            "pressure_before": round(staff / fte, 3) if fte else None,
            "pressure_after": round(proposed / fte, 3) if fte else None,
            "explanation": f"{name}{kind}编制由{approved}调整为{proposed}。",
            "explanation_en": f"{name} {kind}: {approved} -> {proposed}.",
        })
    totals = {}
    for kind in KINDS:
        rows = [t for t in townships if t["kind"] == kind]
        before = sum(t["approved"] for t in rows)
        after = sum(t["proposed"] for t in rows)
        totals[kind] = {
            "before": before, "after": after,
            "uncovered_before": sum(max(0, t["required"] - t["approved"]) for t in rows),
            "uncovered_after": sum(max(0, t["required"] - t["proposed"]) for t in rows),
            "moved": sum(max(0, t["change"]) for t in rows),
            "townships_touched": sum(1 for t in rows if t["change"]),
            "reserve": before - after,
        }
    return {
        "status": status, "scenario": "基准", "fingerprint": "0" * 64,
        "county": "青岚县", "generated_at": "2025-01-01T09:00:00",
        "parameters": {"working_days": 248, "annual_leave_days": 10, "other_absence_days": 5,
                       "training_days": 10, "hours_per_day": 8, "shared_duty_share": 0.1,
                       "backup_load_factor": 0.15, "max_backup_roles": 3, "available_hours": 1784.0},
        "solver": {"name": "HiGHS", "version": "1.16.0", "seconds": 0.42, "gap": 0.0,
                   "proven_optimal": True,
                   "stage_seconds": {"load": 0.01, "requirement": 0.02, "ab_design": 0.2,
                                     "reallocation": 0.15, "moves": 0.04}},
        "totals": totals,
        "townships": townships,
        "moves": [
            {"from": "白水乡", "to": "青山镇", "kind": "institutional", "count": 4,
             "reason": "白水乡事业编制空编9名，青山镇缺4名", "reason_en": "Baishui has 9 vacant; Qingshan is 4 short"},
            {"from": "白水乡", "to": "青山镇", "kind": "administrative", "count": 3,
             "reason": "白水乡行政编制空编8名，青山镇缺4名", "reason_en": "Baishui has 8 vacant; Qingshan is 4 short"},
        ],
        "ab_roster": [
            {"township": "青山镇", "kind": "administrative", "post": "岗位1", "a": ["财务报账", "党建工作"],
             "b": ["信访接待"], "load_hours": 1420.5, "capacity_hours": 1605.6},
            {"township": "青山镇", "kind": "administrative", "post": "岗位2", "a": ["信访接待"],
             "b": ["党建工作"], "load_hours": 1380.0, "capacity_hours": 1605.6},
            {"township": "白水乡", "kind": "institutional", "post": "岗位1", "a": ["农技推广"],
             "b": ["文化活动"], "load_hours": 1200.0, "capacity_hours": 1605.6},
        ],
        "ab_designs": [{"township": "青山镇", "kind": "administrative", "posts": 24, "lower_bound": 23,
                        "proven_minimal": False}],
        "marginal": [{"kind": "institutional", "uncovered_reduction": 1, "township": "青山镇"},
                     {"kind": "administrative", "uncovered_reduction": 1, "township": "青山镇"},
                     {"kind": "support", "uncovered_reduction": 0, "township": ""}],
        "diagnosis": ["青山镇事业编制超编2名。"],
        "diagnosis_en": ["Qingshan is 2 over its institutional quota."],
    }


def result_copy(result: dict) -> dict:
    return copy.deepcopy(result)
