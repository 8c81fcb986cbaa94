"""Solving from the window: the Solve action, progress with Cancel, and the proposal tab.

`install(workspace, window, …)` adds a "Solve" toolbar button and menu entry, a
scenario chooser, a progress bar with a Cancel button in the status bar, the
proposal tab (ui.results_view) and the apply action (ui.apply_action). The
proposal the tab shows is the workspace's (Workspace.proposal).

The solve runs as planner.services.solving.solve_job through ui.solve_runner
(the runner the scenarios tab uses too), off the GUI thread, with its own
Session. Thread or process: see ui.solve_runner.SOLVE_IN_PROCESS.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QMenu, QMessageBox, QProgressBar, QPushButton, QStatusBar, QTabWidget, QToolBar,
    QWidget,
)

from planner.domain.proposal import Proposal
from planner.scenarios.reads import scenario_names
from planner.services.solving import BASELINE, fingerprint_job
from planner.errors import UserError
from ui.apply_action import ProposalApplier
from ui.results_models import ui_is_chinese
from ui.results_view import ResultsView
from ui import solve_runner
from ui.recovery import log_hint
from ui.solve_runner import SolveRunner, readable_error
from ui.tasks import TaskHandle, run_task
from ui.workspace import Workspace
from ui.i18n import progress_text

log = logging.getLogger(__name__)

class SolvePanel(QWidget):
    """The progress strip in the status bar; owns the solve action and the proposal tab."""

    solveFinished = Signal(object)   # the Proposal
    solveFailed = Signal(str)        # the message shown
    solveCancelled = Signal()

    def __init__(self, workspace: Workspace, tabs: QTabWidget, window: QWidget) -> None:
        super().__init__(window)
        self.window = window  # parent of the messages and actions
        self.workspace = workspace
        self.tabs = tabs
        self.runner = SolveRunner(self)
        self.runner.progress.connect(self._progress)
        self.runner.succeeded.connect(self._succeeded)
        self.runner.failed.connect(self._failed)
        self.runner.cancelled.connect(self._cancelled)
        self.last_error = ""
        self._result_box: QMessageBox | None = None

        self.message = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 1000)
        self.bar.setMaximumWidth(220)
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton(self)
        self.cancel_button.clicked.connect(self.cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.setVisible(False)

        self.results_view = ResultsView(window)
        self._delivering: Proposal | None = None
        self.results_view.result_changed.connect(self._delivered)
        self.results_view.result_changed.connect(workspace.set_proposal)
        self.applier = ProposalApplier(window, workspace.editor)
        self.results_view.apply_requested.connect(self.applier.request)
        self.applier.applied.connect(self.results_view.mark_applied)

        self.action_solve = QAction(window)
        self.action_solve.setShortcut(QKeySequence("F9"))
        self.action_solve.triggered.connect(lambda: self.start())
        self.scenario_combo = QComboBox(window)
        self.scenario_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.scenario_label = QLabel(window)

        # Staleness is worked out off the GUI thread, a moment after the ledger settles.
        self._stale_timer = QTimer(self)
        self._stale_timer.setSingleShot(True)
        self._stale_timer.setInterval(400)
        self._stale_timer.timeout.connect(self._check_stale)

        self.retranslate()

    # ------------------------------------------------------------ solving
    def is_running(self) -> bool:
        return self.runner.is_running()

    def scenario(self) -> str:
        return self.scenario_combo.currentData() or BASELINE

    def start(self, scenario: str | None = None) -> TaskHandle | None:
        """Start solving `scenario` (default: the one chosen); None when it cannot start now."""
        if self.is_running():
            return None
        db = self.workspace.db
        if db is None:
            self.workspace.status(self.tr("Open a ledger database first."))
            return None
        scenario = scenario or self.scenario()
        time_limit = self.workspace.solver_time_limit
        self._set_running(True)
        self._progress(0.0, self.tr("Starting…"))
        return self.runner.start(db, scenario, time_limit)

    def cancel(self) -> None:
        if self.is_running():
            self.cancel_button.setEnabled(False)
            self.message.setText(self.tr("Cancelling…"))
            self.runner.cancel()

    def _set_running(self, running: bool) -> None:
        self.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.action_solve.setEnabled(not running)
        self.scenario_combo.setEnabled(not running)

    def _progress(self, fraction: float, message: str) -> None:
        self.bar.setValue(int(round(fraction * 1000)))
        if message:
            self.message.setText(progress_text(message))

    def _succeeded(self, _scenario: str, result: Proposal) -> None:
        self._set_running(False)
        self._delivering = result
        # Staged: the quota table now, the other parts over the next event-loop turns;
        # _delivered follows when the whole proposal is in the tab.
        self.results_view.set_result(result, staged=True)
        self.tabs.setCurrentWidget(self.results_view)

    def _delivered(self, result) -> None:
        if result is None or result is not self._delivering:
            return  # not a solve of ours (the view was cleared or shows another proposal)
        self._delivering = None
        status = result.status
        if status == "infeasible":
            self.results_view.tabs.setCurrentIndex(3)  # the explanations, where the diagnosis is
            lines = result.diagnosis_in(not self._chinese())
            self._inform(self.tr("The rules cannot all be met, so there is no proposal."),
                         "\n".join(str(line) for line in lines))
        else:
            status_text = result.status_text(english=not self._chinese())
            self.workspace.status(self.tr("Proposal ready: {moves} moves, {slots} slots ({status}).").format(
                moves=len(result.moves), slots=result.slots_moved, status=status_text))
        self.solveFinished.emit(result)

    def _failed(self, error: BaseException) -> None:
        self._set_running(False)
        log.warning("solve failed", exc_info=error)
        text = self.tr("The solve failed: {reason}").format(reason=readable_error(error))
        if not isinstance(error, UserError):  # a fault of the planner: its traceback is in the log
            text = f"{text}\n{log_hint()}"
        self.last_error = text
        self.workspace.show_error(text)
        self.solveFailed.emit(text)

    def _cancelled(self) -> None:
        self._set_running(False)
        self.workspace.status(self.tr("Solve cancelled; the ledger is unchanged."))
        self.solveCancelled.emit()

    def _inform(self, text: str, details: str) -> None:
        if self._result_box is None:
            self._result_box = QMessageBox(QMessageBox.Icon.Information, "", "", QMessageBox.StandardButton.Ok,
                                           self.window)
        self._result_box.setWindowTitle(self.tr("Reallocation proposal"))
        self._result_box.setText(text)
        self._result_box.setInformativeText(details)
        self._result_box.open()  # not exec(): the window's event loop keeps running

    @staticmethod
    def _chinese() -> bool:
        return ui_is_chinese()

    # ------------------------------------------------------------ scenarios and staleness
    def refresh_scenarios(self) -> None:
        current = self.scenario()
        names: list[str] = []
        db = self.workspace.db
        if db is not None:
            try:
                names = scenario_names(db)
            except Exception as error:  # a scenario table problem must not block solving the ledger
                log.warning("cannot list scenarios: %r", error)
        self.scenario_combo.blockSignals(True)
        self.scenario_combo.clear()
        self.scenario_combo.addItem(self.tr("Ledger (baseline)"), BASELINE)
        for name in names:
            self.scenario_combo.addItem(name, name)
        index = self.scenario_combo.findData(current)
        self.scenario_combo.setCurrentIndex(max(0, index))
        self.scenario_combo.blockSignals(False)

    def ledger_changed(self) -> None:
        if self.results_view.result() is not None:
            self._stale_timer.start()

    def _check_stale(self) -> None:
        result = self.results_view.result()
        db = self.workspace.db
        if result is None or db is None:
            return
        # In a child process like the solve itself: reading a large ledger holds the GIL.
        run_task(self, fingerprint_job, db.url if solve_runner.SOLVE_IN_PROCESS else db, result,
                 on_success=lambda fp, r=result: self._stale_known(r, fp),
                 on_failure=lambda error: log.warning("fingerprint failed: %r", error),
                 process=solve_runner.SOLVE_IN_PROCESS)

    def _stale_known(self, result: Proposal, fingerprint: str | None) -> None:
        if self.results_view.result() is result:
            self.results_view.set_stale(fingerprint != result.fingerprint)

    def database_changed(self, _db) -> None:
        self.runner.cancel()
        self.results_view.set_result(None)
        self.refresh_scenarios()

    # ------------------------------------------------------------ language
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.action_solve.setText(self.tr("&Solve"))
        self.action_solve.setToolTip(self.tr("Compute a reallocation proposal for the chosen scenario (F9)"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.scenario_label.setText(self.tr("Scenario:"))
        if self.scenario_combo.count():
            self.scenario_combo.setItemText(0, self.tr("Ledger (baseline)"))
        index = self.tabs.indexOf(self.results_view)
        if index >= 0:
            self.tabs.setTabText(index, self.tr("Proposal"))


def install(workspace: Workspace, window: QWidget, *, tabs: QTabWidget, toolbar: QToolBar, menu: QMenu,
            status_bar: QStatusBar) -> SolvePanel:
    """The panel in `status_bar`, its tab in `tabs`, chooser and Solve on `toolbar`, Solve first in `menu`."""
    panel = SolvePanel(workspace, tabs, window)
    status_bar.addPermanentWidget(panel)
    tabs.addTab(panel.results_view, "")
    toolbar.addWidget(panel.scenario_label)
    toolbar.addWidget(panel.scenario_combo)
    toolbar.addAction(panel.action_solve)
    first = menu.actions()[0] if menu.actions() else None
    menu.insertAction(first, panel.action_solve)
    if first is not None:
        menu.insertSeparator(first)
    workspace.ledgerChanged.connect(panel.ledger_changed)
    workspace.databaseChanged.connect(panel.database_changed)
    panel.refresh_scenarios()
    panel.retranslate()
    return panel
