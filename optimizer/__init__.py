"""Pure optimisation: A/B post design, county reallocation, moves and explanations.

Plain dataclasses in (optimizer.inputs), plain dataclasses out (optimizer.plan);
no Qt, no database. The public API:

- design_posts(DesignInput) -> ABDesign: fewest A/B posts of one township and kind, with its proof
- reallocate(KindInput) -> KindPlan: the county reallocation of one kind, level by level
- itemise(KindInput, KindPlan) -> list[Move]: the moves list with reasons
- township_reason / marginal_value: explanations; find_conflicts: rules that cannot all hold
- optimise(CountyProblem) -> CountyPlan: all stages for a county, with progress and cancel
"""

from optimizer.ab_batch import Cancelled, design_all
from optimizer.ab_bounds import lower_bound
from optimizer.ab_design import design_posts, make_shares
from optimizer.explain import marginal_value, move_reason, township_reason
from optimizer.inputs import DesignInput, DutyLoad, KindInput, SolverSettings, TownshipQuota
from optimizer.moves import itemise, pair_lines
from optimizer.pipeline import CountyPlan, CountyProblem, QuotaLine, optimise
from optimizer.plan import ABDesign, Conflict, KindPlan, Level, Limit, Marginal, Move, PostPlan
from optimizer.reallocation import find_conflicts, imbalance, moved, reallocate, uncovered

__all__ = [
    "ABDesign", "Cancelled", "Conflict", "CountyPlan", "CountyProblem", "DesignInput", "DutyLoad",
    "KindInput", "KindPlan", "Level", "Limit", "Marginal", "Move", "PostPlan", "QuotaLine",
    "SolverSettings", "TownshipQuota", "design_all", "design_posts", "find_conflicts", "imbalance",
    "itemise", "lower_bound", "make_shares", "marginal_value", "move_reason", "moved", "optimise",
    "pair_lines", "reallocate", "township_reason", "uncovered",
]
