"""The 情景 (scenarios) tab: saved what-if scenarios, their changes, solving them, and comparing them.

Left, the list of scenarios (new, duplicate, rename, delete); right, the
chosen scenario's changes with add/edit/remove/reorder, the solve strip
(ui.scenario_solve: state, Solve / Recompute, progress and Cancel) and its
last proposal (ui.results_view). Every edit is a QUndoCommand on the window's
undo stack (ui.scenario_commands). The ledger is never written here; the
solve runs through the window's one solve runner (ui.solve_runner), which
stores the proposal with the scenario.

`install(workspace, tabs=…, solve_panel=…)` adds this tab and the
comparison tab (ui.compare_view) to `tabs`.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QLineEdit, QMenu, QMessageBox,
    QFrame, QPushButton, QScrollArea, QSplitter, QTableView, QTabWidget, QVBoxLayout, QWidget,
)

from planner.scenarios import store as store
from planner.domain.county import CountyData
from planner.scenarios import reads as scenario_reads
from planner.store import reads
from ui.compare_view import CompareView
from ui.results_view import ResultsView
from ui.scenario_changes import ScenarioChanges
from ui.scenario_commands import (
    CreateScenarioCommand, DeleteScenarioCommand, DuplicateScenarioCommand, RenameScenarioCommand, ScenarioContext,
    SetDescriptionCommand, push,
)
from ui.scenario_dialogs import TITLES
from ui.scenario_models import ChangesModel, ScenarioListModel, ScenarioRow, description_text
from ui.scenario_solve import ScenarioSolveBar
from ui.solve_panel import SolvePanel
from ui.table_model import Role
from ui.tasks import TaskHandle, run_task
from ui.workspace import Workspace
from ui.i18n import error_text

log = logging.getLogger(__name__)


def _table(model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view


class ScenarioView(ScenarioChanges, QWidget):
    """The scenarios tab: database, undo stack, settings and messages come from the workspace."""

    scenariosChanged = Signal()       # the list (names, changes, results or states) changed
    statesKnown = Signal()            # the states of the listed scenarios have been worked out
    solveFinished = Signal(str, object)  # scenario name, Proposal

    def __init__(self, workspace: Workspace, tabs: QTabWidget | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.tabs = tabs  # where this tab sits, for its title
        self.compare_view: CompareView | None = None  # the comparison tab, set by install()
        self.context = ScenarioContext(db=lambda: self.workspace.db, changed=self._after_command,
                                       failed=self._command_failed)
        self._county: CountyData | None = None
        self._generation = 0
        self._states_handle: TaskHandle | None = None
        self.last_error = ""

        # -- the list
        self.list_model = ScenarioListModel(self)
        self.list_view = _table(self.list_model)
        self.list_view.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.new_button, self.duplicate_button = QPushButton(), QPushButton()
        self.rename_button, self.delete_button = QPushButton(), QPushButton()
        self.new_button.clicked.connect(self.new_scenario)
        self.duplicate_button.clicked.connect(self.duplicate_scenario)
        self.rename_button.clicked.connect(self.rename_scenario)
        self.delete_button.clicked.connect(self.delete_scenario)
        list_buttons = QHBoxLayout()
        for b in (self.new_button, self.duplicate_button, self.rename_button, self.delete_button):
            list_buttons.addWidget(b)
        list_buttons.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(list_buttons)
        left_layout.addWidget(self.list_view, 1)

        # -- the chosen scenario's changes
        self.title_label = QLabel()
        self.title_label.setStyleSheet("font-weight: bold; font-size: 14px;")
        self.description_edit = QLineEdit()
        self.description_edit.editingFinished.connect(self._description_edited)
        self.changes_model = ChangesModel(self)
        self.changes_view = _table(self.changes_model)
        self.changes_view.doubleClicked.connect(lambda *_: self.edit_change())
        # A push button with a menu: its arrow sits beside the text (a tool button's overlapped it).
        self.add_button = QPushButton()
        self.add_menu = QMenu(self)
        self.add_actions: dict[str, QAction] = {}
        for change_type in TITLES:
            action = self.add_menu.addAction("")
            action.triggered.connect(lambda _=False, t=change_type: self.add_change(t))
            self.add_actions[change_type] = action
        self.add_button.setMenu(self.add_menu)
        self.edit_button, self.remove_button = QPushButton(), QPushButton()
        self.up_button, self.down_button = QPushButton(), QPushButton()
        self.edit_button.clicked.connect(self.edit_change)
        self.remove_button.clicked.connect(self.remove_change)
        self.up_button.clicked.connect(lambda: self.move_change(-1))
        self.down_button.clicked.connect(lambda: self.move_change(1))
        change_buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.remove_button, self.up_button, self.down_button):
            change_buttons.addWidget(b)
        change_buttons.addStretch(1)
        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #b00020;")
        self.problem_label.setVisible(False)

        # -- solving
        self.solve_bar = ScenarioSolveBar(workspace, self)
        self.solve_bar.solved.connect(lambda name, _result: self.refresh(select=name))
        self.solve_bar.finished.connect(self.solveFinished)
        self.solve_bar.failed.connect(self._solve_failed)
        self.solve_button, self.progress = self.solve_bar.solve_button, self.solve_bar.progress

        self.results_view = ResultsView(self)
        # A scenario's proposal is for comparing; the ledger takes proposals from the Proposal tab.
        self.results_view.apply_button.setVisible(False)

        editor = QWidget()
        editor_layout = QVBoxLayout(editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addWidget(self.title_label)
        editor_layout.addWidget(self.description_edit)
        editor_layout.addLayout(change_buttons)
        editor_layout.addWidget(self.changes_view, 1)
        editor_layout.addWidget(self.problem_label)
        editor_layout.addWidget(self.solve_bar)
        self.detail_splitter = right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(editor)
        # The proposal scrolls inside its pane rather than making the window taller than the screen
        # (its tables and charts asked for 886 px in all once a scenario had a result).
        results_pane = QScrollArea()
        results_pane.setWidgetResizable(True)
        results_pane.setFrameShape(QFrame.Shape.NoFrame)
        results_pane.setWidget(self.results_view)
        right.addWidget(results_pane)
        right.setStretchFactor(0, 2)
        right.setStretchFactor(1, 3)
        right.setSizes([240, 520])  # a scenario has few changes: its proposal gets the room
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([560, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 2)
        layout.addWidget(self.splitter)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(300)
        self._refresh_timer.timeout.connect(lambda: self.refresh())
        self.retranslate()

    # ------------------------------------------------------------ reading
    def county(self) -> CountyData | None:
        """The ledger as plain data, read once per refresh (dialogs and checks use it)."""
        if self._county is None and self.workspace.db is not None:
            self._county = reads.county(self.workspace.db)
        return self._county

    def refresh(self, select: str | None = None) -> None:
        """Re-read the scenarios; their states (stale or not) follow from a worker a moment later."""
        select = select or self.current_name()
        self._county = None
        records: list[store.ScenarioRecord] = []
        if self.workspace.db is not None:
            records = scenario_reads.scenario_records(self.workspace.db)
        self._set_rows([ScenarioRow(r, "checking") for r in records], select)
        self._start_states(records)

    def _set_rows(self, rows: list[ScenarioRow], select: str | None) -> None:
        self.list_model.set_rows(rows)
        for column in (ScenarioListModel.NAME, ScenarioListModel.STATE, ScenarioListModel.RESULT):
            self.list_view.resizeColumnToContents(column)
        row = self.list_model.row_of(select) if select else -1
        if row < 0 and rows:
            row = 0
        if row >= 0:
            self.list_view.selectionModel().setCurrentIndex(
                self.list_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self._show_current()
        self.scenariosChanged.emit()

    def _start_states(self, records: list) -> None:
        """Work out every scenario's state off the GUI thread: on a large ledger it takes seconds."""
        self._generation += 1
        generation = self._generation
        if self._states_handle is not None and self._states_handle.is_running():
            self._states_handle.cancel()
        if self.workspace.db is None or not records:
            return

        def failed(error: BaseException) -> None:
            log.warning("cannot work out scenario states: %r", error)
            self._states_known(generation, {r.name: ("unknown", None) for r in records})

        handle = run_task(self, store.states_job_at, self.workspace.db.url, records,
                          on_success=lambda found: self._states_known(generation, found), on_failure=failed,
                          process=True)
        self._states_handle = handle if handle.is_running() else None

    def _states_known(self, generation: int, found: dict) -> None:
        if generation != self._generation:
            return  # a newer refresh is on its way
        self._states_handle = None
        self.list_model.update_states(found)
        for column in (ScenarioListModel.STATE, ScenarioListModel.RESULT):
            self.list_view.resizeColumnToContents(column)
        self.statesKnown.emit()
        self._show_state()
        self.scenariosChanged.emit()

    def current_name(self) -> str | None:
        index = self.list_view.currentIndex()
        return self.list_model.data(index, Role.NAME) if index.isValid() else None

    def current_row(self) -> ScenarioRow | None:
        name = self.current_name()
        row = self.list_model.row_of(name) if name else -1
        return self.list_model.rows()[row] if row >= 0 else None

    def select(self, name: str) -> None:
        self.refresh(select=name)

    def _show_current(self) -> None:
        row = self.current_row()
        has = row is not None
        for w in (self.duplicate_button, self.rename_button, self.delete_button, self.add_button,
                  self.description_edit, self.changes_view):
            w.setEnabled(has)
        self.changes_model.set_changes(row.record.changes if has else [])
        self.changes_view.resizeColumnToContents(0)
        self.title_label.setText(row.name if has else self.tr("No scenario chosen"))
        self.description_edit.setText(description_text(row.record) if has else "")
        self.results_view.set_result(row.record.last_result if has else None)
        self._show_state()
        self._update_change_buttons()

    def _show_state(self) -> None:
        """The parts that depend on the scenario's state: marker, problem, stale proposal, Solve."""
        row = self.current_row()
        has = row is not None
        self.solve_bar.show_row(row)
        self.problem_label.setText((row.problem or "") if has else "")
        self.problem_label.setVisible(has and row.state == "invalid" and bool(row.problem))
        self.results_view.set_stale(has and row.state in ("stale", "invalid"))

    def _update_change_buttons(self) -> None:
        has = self.current_row() is not None
        row = self.changes_view.currentIndex().row() if self.changes_view.currentIndex().isValid() else -1
        n = self.changes_model.rowCount()
        self.edit_button.setEnabled(has and row >= 0)
        self.remove_button.setEnabled(has and row >= 0)
        self.up_button.setEnabled(has and row > 0)
        self.down_button.setEnabled(has and 0 <= row < n - 1)

    # ------------------------------------------------------------ commands
    def _push(self, command) -> bool:
        return push(self.workspace.undo_stack, self.context, command)

    def _after_command(self, name: str | None) -> None:
        self.refresh(select=name)

    def _command_failed(self, error: Exception) -> None:
        self.last_error = error_text(error)
        self.workspace.show_error(error)

    def _ask_name(self, title: str, label: str, text: str) -> str | None:
        """A name from the user (tests replace this)."""
        name, ok = QInputDialog.getText(self, title, label, text=text)
        return name.strip() if ok and name.strip() else None

    def _confirm(self, title: str, text: str) -> bool:
        """Yes/No from the user (tests replace this)."""
        return QMessageBox.question(self, title, text) == QMessageBox.StandardButton.Yes

    def new_scenario(self, name: str | None = None) -> bool:
        if self.workspace.db is None:
            return False
        suggestion = scenario_reads.unique_scenario_name(self.workspace.db, self.tr("New scenario"))
        name = name or self._ask_name(self.tr("New scenario"), self.tr("Name of the scenario:"), suggestion)
        return bool(name) and self._push(CreateScenarioCommand(self.context, name))

    def duplicate_scenario(self, new_name: str | None = None) -> bool:
        current = self.current_name()
        if current is None:
            return False
        suggestion = scenario_reads.unique_scenario_name(self.workspace.db,
                                                         self.tr("{name} copy").format(name=current))
        new_name = new_name or self._ask_name(self.tr("Duplicate scenario"), self.tr("Name of the copy:"), suggestion)
        return bool(new_name) and self._push(DuplicateScenarioCommand(self.context, current, new_name))

    def rename_scenario(self, new_name: str | None = None) -> bool:
        current = self.current_name()
        if current is None:
            return False
        new_name = new_name or self._ask_name(self.tr("Rename scenario"), self.tr("New name:"), current)
        if not new_name or new_name == current:
            return False
        return self._push(RenameScenarioCommand(self.context, current, new_name))

    def delete_scenario(self, confirmed: bool = False) -> bool:
        current = self.current_name()
        if current is None:
            return False
        if not confirmed and not self._confirm(
                self.tr("Delete scenario"),
                self.tr("Delete the scenario “{name}” and its last proposal? (Edit → Undo brings it back.)")
                .format(name=current)):
            return False
        return self._push(DeleteScenarioCommand(self.context, current))

    def _description_edited(self) -> None:
        row = self.current_row()
        text = self.description_edit.text().strip()
        if row is not None and text != description_text(row.record):
            self._push(SetDescriptionCommand(self.context, row.name, text))

    # ------------------------------------------------------------ solving (ui.scenario_solve)
    @property
    def solving(self) -> str | None:
        return self.solve_bar.solving

    def solve(self, name: str | None = None) -> TaskHandle | None:
        """Solve (or recompute) a scenario off the GUI thread; its proposal is stored with it."""
        return self.solve_bar.solve(name or self.current_name())

    def cancel(self) -> None:
        self.solve_bar.cancel()

    def _solve_failed(self, text: str) -> None:
        self.last_error = text

    # ------------------------------------------------------------ outside events
    def ledger_changed(self) -> None:
        """The ledger changed: states (stale or not) are worked out again a moment later."""
        self._refresh_timer.start()

    def database_changed(self, _db) -> None:
        self.solve_bar.cancel()
        self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._update_change_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        for button, text in ((self.new_button, self.tr("New…")), (self.duplicate_button, self.tr("Duplicate…")),
                             (self.rename_button, self.tr("Rename…")), (self.delete_button, self.tr("Delete")),
                             (self.edit_button, self.tr("Edit…")), (self.remove_button, self.tr("Remove")),
                             (self.up_button, self.tr("Up")), (self.down_button, self.tr("Down"))):
            button.setText(text)
        self.add_button.setText(self.tr("Add change"))
        for change_type, action in self.add_actions.items():
            action.setText(QCoreApplication.translate("ScenarioDialogs", TITLES[change_type]) + "…")
        self.description_edit.setPlaceholderText(self.tr("What this scenario is about (for the committee)"))
        self.list_model.retranslate()
        self.changes_model.retranslate()
        self.solve_bar.retranslate()
        if self.current_row() is None:
            self.title_label.setText(self.tr("No scenario chosen"))
        if self.tabs is not None and self.tabs.indexOf(self) >= 0:
            self.tabs.setTabText(self.tabs.indexOf(self), self.tr("Scenarios"))


def install(workspace: Workspace, *, tabs: QTabWidget, solve_panel: SolvePanel | None = None) -> ScenarioView:
    """The scenarios tab and the comparison tab (view.compare_view) in `tabs`.

    With `solve_panel`, its scenario chooser follows the list here and a solve
    started there refreshes it.
    """
    view = ScenarioView(workspace, tabs)
    tabs.addTab(view, "")
    compare = CompareView(workspace, tabs)
    view.compare_view = compare
    tabs.addTab(compare, "")
    view.changes_view.selectionModel().currentRowChanged.connect(lambda *_: view._update_change_buttons())
    view.scenariosChanged.connect(lambda: compare.refresh(view.list_model.rows()))
    workspace.proposalChanged.connect(lambda _proposal: compare.refresh(view.list_model.rows()))
    if solve_panel is not None:
        view.scenariosChanged.connect(solve_panel.refresh_scenarios)
        solve_panel.solveFinished.connect(lambda *_: view.refresh())
    workspace.ledgerChanged.connect(view.ledger_changed)
    workspace.databaseChanged.connect(view.database_changed)
    view.refresh()
    view.retranslate()
    compare.retranslate()
    return view
