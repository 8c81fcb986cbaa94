"""Pure optimisation: A/B post design, county reallocation, moves and explanations.

Plain dataclasses in (optimizer.inputs), plain dataclasses out (optimizer.plan);
no Qt, no database. The public API:

- design_posts(DesignInput) -> ABDesign: fewest A/B posts of one township and kind, with its proof
- reallocate(KindInput) -> KindPlan: the county reallocation of one kind, level by level
- itemise(KindInput, KindPlan) -> list[Move]: the moves list with reasons
- township_reason / marginal_value: explanations; find_conflicts: rules that cannot all hold
- optimise(CountyProblem) -> CountyPlan: all stages for a county, with progress and cancel
"""

from __future__ import annotations

import importlib

# name -> the module that defines it. Loaded on first use, so that importing
# optimizer.words (the domain's words, used by every layer) does not load the
# solver and its LP library.
_HOME = {
    "Cancelled": "ab_batch", "design_all": "ab_batch",
    "lower_bound": "ab_bounds",
    "design_posts": "ab_design", "make_shares": "ab_design",
    "marginal_value": "explain", "move_reason": "explain", "township_reason": "explain",
    "DesignInput": "inputs", "DutyLoad": "inputs", "KindInput": "inputs", "SolverSettings": "inputs",
    "TownshipQuota": "inputs",
    "itemise": "moves", "pair_lines": "moves",
    "CountyPlan": "pipeline", "CountyProblem": "pipeline", "QuotaLine": "pipeline", "optimise": "pipeline",
    "ABDesign": "plan", "Conflict": "plan", "KindPlan": "plan", "Level": "plan", "Limit": "plan",
    "Marginal": "plan", "Move": "plan", "PostPlan": "plan",
    "find_conflicts": "reallocation", "imbalance": "reallocation", "moved": "reallocation",
    "reallocate": "reallocation", "uncovered": "reallocation",
}


def __getattr__(name: str):
    if name not in _HOME:
        raise AttributeError(f"module 'optimizer' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"optimizer.{_HOME[name]}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "ABDesign", "Cancelled", "Conflict", "CountyPlan", "CountyProblem", "DesignInput", "DutyLoad",
    "KindInput", "KindPlan", "Level", "Limit", "Marginal", "Move", "PostPlan", "QuotaLine",
    "SolverSettings", "TownshipQuota", "design_all", "design_posts", "find_conflicts", "imbalance",
    "itemise", "lower_bound", "make_shares", "marginal_value", "move_reason", "moved", "optimise",
    "pair_lines", "reallocate", "township_reason", "uncovered",
]
