"""The window's one way to solve: planner.services.solving.solve_job off the GUI thread.

Both the Solve action (ui.solve_panel: the ledger or the chosen scenario) and
the scenarios tab's Solve / Recompute (ui.scenario_view) start their solve
through a SolveRunner: one solve at a time per runner, progress as it comes,
Cancel, and exactly one of succeeded / failed / cancelled at the end. What
the user reads of a failure is `readable_error`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal

from planner.errors import UserError
from planner.services import solving
from ui.tasks import TaskHandle, run_task
from ui.i18n import error_text

# Thread or process: measured, not assumed (benchmarks/bench_ui_stalls.py; a
# 10 ms QTimer on the GUI thread, longest gap between its ticks). HiGHS itself
# releases the GIL (Highs.run), but a solve is more than HiGHS: reading the
# ledger through SQLAlchemy/sqlite3, json-encoding the county for its
# fingerprint, the optimizer's own process pool for A/B designs (pickling on a
# thread of this process) -- C calls that hold the GIL for 50-300 ms at a time.
# In a thread, a 200-township solve stalled the window up to 113-296 ms (2-core
# machine, load 3.5-6), the GUI thread itself idle meanwhile: waiting for the
# GIL. In a spawned child process the same solve's longest gaps were 44-94 ms,
# at delivery only (about 20 ms of it GUI work: filling the first table). So
# the solve runs in a child: the county is read
# there from the database URL, progress comes through a queue polled by a
# QTimer, Cancel sets a cooperative flag and after a grace period terminates
# the child with the processes it started. The price is the child's start-up
# (about a second to import the optimizer), which a 14-township solve notices.
SOLVE_IN_PROCESS = True


def readable_error(error: BaseException) -> str:
    """A failure as a sentence for the user; the traceback goes to the log only."""
    text = str(error).strip()
    if isinstance(error, UserError):  # written for the user, in Chinese and English: the UI's half
        return error_text(error).strip() or type(error).__name__
    if isinstance(error, MemoryError):
        return QCoreApplication.translate("SolvePanel", "there is not enough memory for this county")
    # Anything else is a fault of the planner; its name helps whoever reads the log.
    return f"{text} ({type(error).__name__})" if text else type(error).__name__


class SolveRunner(QObject):
    """Runs one solve at a time for its owner and reports on the GUI thread."""

    progress = Signal(float, str)
    succeeded = Signal(str, object)   # the scenario solved (基准: the ledger), its result
    failed = Signal(object)           # the exception
    cancelled = Signal()

    def __init__(self, parent: QObject | None = None, job=None) -> None:
        """job: the long task, called job(database or its URL, scenario, time_limit, *more, state);
        the one-year solve (planner.services.solving.solve_job) unless another is given (the plan)."""
        super().__init__(parent)
        self.job = job or solving.solve_job
        self.handle: TaskHandle | None = None
        self.scenario: str | None = None  # the one being solved

    def is_running(self) -> bool:
        return self.handle is not None and self.handle.is_running()

    def start(self, db, scenario: str | None, time_limit: float | None, *more) -> TaskHandle | None:
        """Solve `scenario` (None or 基准: the ledger) on `db`; None when a solve is already running.

        A scenario's proposal is stored with it by the solve itself; `more` goes to the job
        after the time limit.
        """
        if self.is_running():
            return None
        self.scenario = scenario or solving.BASELINE
        source = db.url if SOLVE_IN_PROCESS else db
        handle = run_task(self, self.job, source, self.scenario, time_limit, *more,
                          on_success=self._succeeded, on_failure=self._failed,
                          on_progress=self.progress.emit, on_cancelled=self._cancelled,
                          process=SOLVE_IN_PROCESS)
        # In synchronous mode (tests) the task is already over when run_task returns.
        self.handle = handle if handle.is_running() else None
        return handle

    def cancel(self) -> None:
        if self.is_running():
            self.handle.cancel()

    def _done(self) -> str:
        self.handle = None
        scenario, self.scenario = self.scenario or solving.BASELINE, None
        return scenario

    def _succeeded(self, result) -> None:
        self.succeeded.emit(self._done(), result)

    def _failed(self, error: BaseException) -> None:
        self._done()
        self.failed.emit(error)

    def _cancelled(self) -> None:
        self._done()
        self.cancelled.emit()
