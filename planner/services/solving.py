"""Solving: read the ledger (or a scenario), solve, store a scenario's proposal, hand back the Proposal.

`solve_job(source, scenario, time_limit, state)` is the one solve of the
planner: `main.py solve` calls it, and the window runs it through ui.tasks
off the GUI thread (or in a spawned child process). It reports progress and
listens for Cancel through a planner.taskstate.TaskState, opens its own
sessions (sessions are never shared across threads) and, given a database
URL instead of a Database (a child process), its own engine: only the URL,
the scenario name and the Proposal (plain data) cross the boundary. No Qt here.
"""

from __future__ import annotations

import time
from dataclasses import replace
from typing import Any, Callable

from sqlalchemy.orm import sessionmaker

from planner.domain.options import SolveOptions
from planner.domain.proposal import Proposal
from planner.domain.vocabulary import progress_words
from planner.errors import UserError
from planner.scenarios.store import BASELINE_NAME as BASELINE  # the ledger itself
from planner.scenarios.store import build_scenario_inputs, save_result
from planner.services.apply import current_fingerprint
from planner.store.db import make_engine
from planner.store.ledger import load_county

# planner.solving.solve is imported inside the functions that solve: it loads the
# optimizer, about 0.15 s (python -X importtime), which the window would otherwise pay
# at start-up for a module it only names here; the solve itself runs in a child process.


class EmptyLedger(UserError):
    """A ledger without townships: there is nothing to reallocate."""

    def __init__(self) -> None:
        super().__init__("台账中没有乡镇 (the ledger holds no township)")


HIGHS_FALLBACK = "未安装 HiGHS，已改用 CBC 求解 (HiGHS is not installed; CBC solved instead)"


def _sessions(source: Any):
    """A Database (thread, command line) or a database URL (child process) -> (session factory,
    engine to dispose)."""
    if isinstance(source, str):
        engine = make_engine(source)
        return sessionmaker(engine, expire_on_commit=False), engine
    return source.new_session, None


def solve_job(source: Any, scenario: str | None, time_limit: float | None, state, *,
              solver: str | None = None, store_failed: Callable[[Exception], None] | None = None,
              on_warning: Callable[[str], None] | None = None) -> Proposal:
    """The proposal for `scenario` (the ledger itself for 基准 or None) on the database `source`.

    `time_limit` (seconds) and `solver` ("auto", "highs", "cbc") override the
    scenario's options when given. A scenario keeps its proposal with the
    fingerprint it was computed from; when storing it fails, `store_failed`
    (if given) hears why and the result is still returned, else the error is
    raised. Raises planner.errors.Cancelled when the state is cancelled,
    ScenarioError for a scenario that cannot be built, EmptyLedger,
    ParameterError, SolverFailed or ProposalInvalid.

    HiGHS asked for by name but not installed: CBC solves instead, `on_warning`
    hears so and the result's solver name says so.
    """
    from planner.solving.solve import solve_county

    name = scenario or BASELINE
    new_session, engine = _sessions(source)
    try:
        state.set_progress(0.0, progress_words("load"))
        started = time.perf_counter()
        with new_session() as session:
            if name == BASELINE:
                county, options = load_county(session, time_ledger=False), SolveOptions()
            else:
                county, options = build_scenario_inputs(session, name, time_ledger=False)
        load_seconds = time.perf_counter() - started
        if time_limit is not None:
            options.time_limit = float(time_limit)
        if solver is not None:
            options.solver = solver

        if not county.townships:
            raise EmptyLedger()
        state.check_cancelled()
        result = solve_county(county, options, scenario=name, progress=state.set_progress,
                              cancel=state.is_cancelled, load_seconds=load_seconds)
        state.check_cancelled()
        if options.solver == "highs" and not result.solver.name.lower().startswith("highs"):
            result = replace(result, solver=replace(result.solver, name=f"{result.solver.name} ({HIGHS_FALLBACK})"))
            if on_warning is not None:
                on_warning(HIGHS_FALLBACK)
        if name != BASELINE:
            _store(new_session, name, result, store_failed)
        return result
    finally:
        if engine is not None:
            engine.dispose()


def _store(new_session, name: str, result: Proposal, store_failed: Callable[[Exception], None] | None) -> None:
    """A scenario keeps its last proposal (the window and `scenarios` show it, stale or not)."""
    try:
        with new_session() as session, session.begin():
            save_result(session, name, result)
    except Exception as error:  # e.g. deleted meanwhile: the caller decides whether that fails the solve
        if store_failed is None:
            raise
        store_failed(error)


def fingerprint_job(source: Any, result: Proposal, state) -> str | None:
    """Fingerprint of the inputs `result` would be computed from now (None: cannot be built).

    Differs from result.fingerprint when the ledger (or the scenario)
    changed since: the window then marks the proposal stale.
    """
    new_session, engine = _sessions(source)
    try:
        with new_session() as session:
            return current_fingerprint(session, result)
    finally:
        if engine is not None:
            engine.dispose()
