"""Planning: read the ledger (or a scenario), build the multi-year plan, hand back the Plan.

`plan_job(db, scenario, years, options, state)` is the one multi-year plan of
the planner: `main.py plan` calls it and the window runs it off the GUI thread
like solve_job (progress and Cancel through a planner.taskstate.TaskState; a
Database or a database URL, so that it also runs in a spawned child process).
A scenario's workload growth applies year by year: its duty growth changes
apply once for the first year, as in the one-year solve, and once more for
every year after. No Qt here.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from planner.domain.county import CountyData
from planner.domain.months import Month
from planner.domain.options import SolveOptions
from planner.domain.plan import Plan
from planner.domain.vocabulary import progress_words
from planner.errors import UserError
from planner.scenarios.changes import ChangeProblem, DutyGrowth, ScenarioError
from planner.scenarios.store import BASELINE_NAME as BASELINE
from planner.scenarios.store import build_scenario_inputs, copy_county, get_scenario
from planner.services.solving import EmptyLedger, _sessions
from planner.store.ledger import load_county
from planner.taskstate import TaskState

__all__ = ["EmptyLedger", "plan_job", "plan_counties", "years_error"]

# What `options` may change of a scenario's: how hard and how long to work, never its rules.
SOLVING_FIELDS = ("time_limit", "design_max_nodes", "design_splits", "solver", "workers")


def years_error(years: object) -> UserError:
    """A horizon that is not 1–20 years (the range of 规划年限)."""
    return UserError(f"规划年限 {years!r} 应为 1–20 之间的整数 (years must be a whole number from 1 to 20)")


def plan_counties(county: CountyData, growth: list[DutyGrowth], years: int) -> list[CountyData]:
    """The county in each plan year: the same one throughout without growth, else grown once more a year."""
    if not growth:
        return [county]
    counties = [county]
    for _ in range(1, years):
        grown = copy_county(counties[-1])
        for change in growth:
            try:
                change.apply_county(grown)
            except ChangeProblem as problem:
                raise ScenarioError(f"逐年增长“{change.describe('zh')}”：{problem.zh} "
                                    f"(growing '{change.describe('en')}' year by year: {problem.en})") from None
        counties.append(grown)
    return counties


def plan_job(db: Any, scenario: str | None = None, years: int | None = None,
             options: SolveOptions | None = None, state: TaskState | None = None, *,
             as_of: Month | None = None) -> Plan:
    """The multi-year plan of `scenario` (the ledger itself for 基准 or None) on the database `db`.

    `years`: the horizon (default the ledger's 规划年限); the plan starts in 规划起始年 (default
    the year after `as_of`, this month). `options`: for the baseline, the options of the plan;
    for a scenario, only how it is solved (time limit, solver, workers, A/B work limits) is taken
    from it, the scenario keeps its rules. Raises planner.errors.Cancelled, ScenarioError,
    EmptyLedger, UserError (years out of range), ParameterError, SolverFailed or PlanInvalid.
    """
    from planner.solving.plan import solve_plan

    state = state or TaskState()
    name = scenario or BASELINE
    new_session, engine = _sessions(db)
    try:
        state.set_progress(0.0, progress_words("load"))
        growth: list[DutyGrowth] = []
        with new_session() as session:
            if name == BASELINE:
                county, chosen = load_county(session), options or SolveOptions()
            else:
                county, chosen = build_scenario_inputs(session, name)
                growth = [c for c in get_scenario(session, name).changes if isinstance(c, DutyGrowth)]
                if options is not None:
                    chosen = replace(chosen, **{f: getattr(options, f) for f in SOLVING_FIELDS})
        if not county.townships:
            raise EmptyLedger()
        span = county.time.horizon_years if years is None else years
        if isinstance(span, bool) or not isinstance(span, int) or not 1 <= span <= 20:
            raise years_error(span)
        today = as_of or Month.today()
        first = county.time.plan_start_year or today.year + 1
        state.check_cancelled()
        counties = plan_counties(county, growth, span)
        return solve_plan(counties, chosen, years=list(range(first, first + span)), as_of=today, scenario=name,
                          growth=[c.describe("en") for c in growth], progress=state.set_progress,
                          cancel=state.is_cancelled)
    finally:
        if engine is not None:
            engine.dispose()
