"""The strip under a scenario's changes: its state, Solve / Recompute, progress and Cancel.

The solve runs through ui.solve_runner, the same runner as the Solve action
(planner.services.solving.solve_job off the GUI thread), which stores the
proposal with the scenario. The texts keep the "ScenarioView" translation
context they have always had.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from planner.domain.proposal import Proposal
from ui.scenario_models import ScenarioRow, state_text
from ui.solve_runner import SolveRunner, readable_error
from ui.tasks import TaskHandle
from ui.workspace import Workspace
from planner.domain.vocabulary import status_label
from ui.i18n import current_language, progress_text

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls

STATE_COLOURS = {"stale": "#b00020", "invalid": "#b00020", "current": "#1f6f3f"}


class ScenarioSolveBar(QWidget):
    """Solves the scenario it is shown; database, settings and messages come from the workspace."""

    solved = Signal(str, object)    # scenario name, result: stored with the scenario, shown next
    finished = Signal(str, object)  # the same, once the workspace has said so
    failed = Signal(str)            # the message shown

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.row: ScenarioRow | None = None
        self.last_error = ""
        self.runner = SolveRunner(self)
        self.runner.progress.connect(self._progress)
        self.runner.succeeded.connect(self._solved)
        self.runner.failed.connect(self._failed)
        self.runner.cancelled.connect(self._cancelled)

        self.state_label = QLabel()
        self.solve_button = QPushButton()
        self.solve_button.clicked.connect(lambda: self.solve())
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setMaximumWidth(200)
        self.progress_label = QLabel()
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state_label, 1)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.cancel_button)
        layout.addWidget(self.solve_button)
        self._set_running(False)

    @property
    def solving(self) -> str | None:
        """The scenario being solved (None: none is)."""
        return self.runner.scenario

    def show_row(self, row: ScenarioRow | None) -> None:
        """The chosen scenario's state, and whether it can be solved now."""
        self.row = row
        self.solve_button.setEnabled(row is not None and self.solving is None and row.state != "invalid")
        self.update_state_label()

    def update_state_label(self) -> None:
        row = self.row
        if row is None:
            self.state_label.setText("")
            self.solve_button.setText(translate("ScenarioView", "Solve"))
            return
        colour = STATE_COLOURS.get(row.state, "#555555")
        when = row.record.last_solved_at.strftime("%Y-%m-%d %H:%M") if row.record.last_solved_at else ""
        text = state_text(row.state) + (
            translate("ScenarioView", " (solved {when})").format(when=when) if when else "")
        self.state_label.setText(f"<span style='color:{colour}'>{text}</span>")
        self.solve_button.setText(translate("ScenarioView", "Recompute") if row.record.last_result
                                  else translate("ScenarioView", "Solve"))

    # ------------------------------------------------------------ solving
    def solve(self, name: str | None = None) -> TaskHandle | None:
        """Solve (or recompute) a scenario (default: the one shown); None when it cannot start now."""
        name = name or (self.row.name if self.row is not None else None)
        if name is None or self.workspace.db is None or self.solving is not None:
            return None
        self._set_running(True)
        self._progress(0.0, translate("ScenarioView", "Solving {name}…").format(name=name))
        return self.runner.start(self.workspace.db, name, self.workspace.solver_time_limit)

    def cancel(self) -> None:
        if self.runner.is_running():
            self.cancel_button.setEnabled(False)
            self.runner.cancel()

    def _set_running(self, running: bool) -> None:
        for w in (self.progress, self.progress_label, self.cancel_button):
            w.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.solve_button.setEnabled(not running and self.row is not None)

    def _progress(self, fraction: float, message: str) -> None:
        self.progress.setValue(int(round(fraction * 1000)))
        if message:
            self.progress_label.setText(progress_text(message))

    def _solved(self, name: str, result: Proposal) -> None:
        self._set_running(False)
        self.solved.emit(name, result)
        self.workspace.status(translate("ScenarioView", "Scenario {name} solved: {status}, {moves} moves.").format(
            name=name, status=status_label(result.status, current_language()), moves=len(result.moves)))
        self.finished.emit(name, result)

    def _failed(self, error: BaseException) -> None:
        self._set_running(False)
        self.last_error = translate("ScenarioView", "The solve failed: {reason}").format(
            reason=readable_error(error))
        self.workspace.show_error(self.last_error)
        self.failed.emit(self.last_error)

    def _cancelled(self) -> None:
        self._set_running(False)
        self.workspace.status(translate("ScenarioView", "Solve cancelled."))

    def retranslate(self) -> None:
        self.cancel_button.setText(translate("ScenarioView", "Cancel"))
        self.update_state_label()
