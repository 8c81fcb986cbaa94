"""The multi-year plan off the GUI thread: ui.solve_runner.SolveRunner running plan_task.

The plan runs as the one-year solve does (a spawned child process reading the database from
its URL, progress through a queue, Cancel), so the window has one way to run long optimising
work: SolveRunner, here handed the plan's job.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from planner.domain.options import SolveOptions
from planner.services.solving import BASELINE
from ui.solve_runner import SolveRunner


def plan_task(source, scenario: str | None, time_limit: float | None, years: int | None, state):
    """planning.plan_job as a SolveRunner job: the ledger's plan takes the window's time limit;
    a scenario keeps its own options (its rules and its limits)."""
    from planner.services import planning  # in the child process that makes the plan

    options = None
    if time_limit is not None and scenario in (None, BASELINE):
        options = SolveOptions(time_limit=float(time_limit))
    return planning.plan_job(source, scenario, years, options, state)


def plan_runner(parent: QObject | None = None) -> SolveRunner:
    """A runner whose start(db, scenario, time_limit, years) makes the plan; succeeded(scenario, Plan)."""
    return SolveRunner(parent, job=plan_task)
