"""Solving from the window as a task: read the ledger, solve, hand back the Proposal.

`solve_job(source, scenario, time_limit, state)` is the function ui.tasks runs
off the GUI thread (or in a spawned child process). It opens its own Session
(sessions are never shared across threads) and, in a child process, its own
engine from the database URL: only the URL, the scenario name and the Proposal
(plain data) cross the boundary. No Qt here.
"""

from __future__ import annotations

from typing import Any

from planner.domain.proposal import Proposal
from planner.scenarios.store import BASELINE_NAME as BASELINE  # the ledger itself


def _sessions(source: Any):
    """A Database (thread) or a database URL (child process) -> (session factory, engine to dispose)."""
    if isinstance(source, str):
        from sqlalchemy.orm import sessionmaker

        from planner.store.db import make_engine

        engine = make_engine(source)
        return sessionmaker(engine, expire_on_commit=False), engine
    return source.new_session, None


def solve_job(source: Any, scenario: str, time_limit: float | None, state) -> Proposal:
    """The proposal for `scenario` (the ledger itself for 基准) on the database `source`."""
    from planner.store.ledger import load_county
    from planner.domain.options import SolveOptions
    from planner.solving.solve import SolveCancelled, solve_county
    from planner.taskstate import TaskCancelled

    new_session, engine = _sessions(source)
    try:
        state.set_progress(0.0, "读取台账 (reading the ledger)")
        with new_session() as session:
            if scenario and scenario != BASELINE:
                from planner.scenarios.store import build_scenario_inputs

                county, options = build_scenario_inputs(session, scenario)
            else:
                county, options = load_county(session), SolveOptions()
        if time_limit is not None:
            options.time_limit = float(time_limit)
        state.check_cancelled()
        try:
            result = solve_county(county, options, scenario=scenario or BASELINE,
                                  progress=state.set_progress, cancel=state.is_cancelled)
        except SolveCancelled:
            raise TaskCancelled() from None
        state.check_cancelled()
        if scenario and scenario != BASELINE:
            # A scenario keeps its last proposal with the fingerprint it was computed from.
            from planner.scenarios.store import save_result

            with new_session() as session, session.begin():
                save_result(session, scenario, result)
        return result
    finally:
        if engine is not None:
            engine.dispose()


def fingerprint_job(source: Any, result: Proposal, state) -> str | None:
    """Fingerprint of the inputs `result` would be computed from now (None: cannot be built).

    Differs from result.fingerprint when the ledger (or the scenario) changed
    since: the window then marks the proposal stale.
    """
    from planner.services.apply import current_fingerprint

    new_session, engine = _sessions(source)
    try:
        with new_session() as session:
            return current_fingerprint(session, result)
    finally:
        if engine is not None:
            engine.dispose()
