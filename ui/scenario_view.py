"""The 情景 (scenarios) tab: saved what-if scenarios, their changes, solving them, and comparing them.

Left, the list of scenarios (new, duplicate, rename, delete); right, the
chosen scenario's changes with add/edit/remove/reorder, a Solve / Recompute
button with progress and Cancel, and its last proposal (ui.results_view).
Every edit is a QUndoCommand on the window's undo stack (ui.scenario_commands).
The ledger is never written here; the solve runs planner.services.solving.solve_job
off the GUI thread through ui.tasks and stores the proposal with the scenario.

`install(window)` adds this tab and the comparison tab (ui.compare_view).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QLineEdit, QMenu, QMessageBox,
    QProgressBar, QPushButton, QSplitter, QTableView, QToolButton, QVBoxLayout, QWidget,
)

from planner.scenarios import store as store
from planner.domain.county import CountyData
from planner.domain.proposal import Proposal
from planner.store.ledger import load_county
from planner.scenarios.changes import Change
from ui.scenario_commands import (
    CreateScenarioCommand, DeleteScenarioCommand, DuplicateScenarioCommand, RenameScenarioCommand, ScenarioContext,
    SetChangesCommand, SetDescriptionCommand, push,
)
from ui.scenario_dialogs import TITLES, ChangeDialog
from ui.scenario_models import NAME_ROLE, ChangesModel, ScenarioListModel, ScenarioRow, state_text
from ui.tasks import TaskHandle, run_task

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


class ScenarioView(QWidget):
    """The scenarios tab. `window` gives db, undo_stack, settings, status() and show_error()."""

    scenariosChanged = Signal()       # the list (names, changes, results or states) changed
    statesKnown = Signal()            # the states of the listed scenarios have been worked out
    solveFinished = Signal(str, object)  # scenario name, Proposal

    def __init__(self, window, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.context = ScenarioContext(db=lambda: self.window.db, changed=self._after_command,
                                       failed=self._command_failed)
        self.handle: TaskHandle | None = None
        self.solving: str | None = None
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
        self.add_button = QToolButton()
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
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
        solve_bar = QHBoxLayout()
        solve_bar.addWidget(self.state_label, 1)
        solve_bar.addWidget(self.progress_label)
        solve_bar.addWidget(self.progress)
        solve_bar.addWidget(self.cancel_button)
        solve_bar.addWidget(self.solve_button)
        self._set_running(False)

        from ui.results_view import ResultsView

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
        editor_layout.addLayout(solve_bar)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(editor)
        right.addWidget(self.results_view)
        right.setStretchFactor(0, 2)
        right.setStretchFactor(1, 3)
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
        if self._county is None and self.window.db is not None:
            with self.window.db.session() as session:
                self._county = load_county(session)
        return self._county

    def refresh(self, select: str | None = None) -> None:
        """Re-read the scenarios; their states (stale or not) follow from a worker a moment later."""
        select = select or self.current_name()
        self._county = None
        records: list[store.ScenarioRecord] = []
        if self.window.db is not None:
            with self.window.db.session() as session:
                records = store.list_scenarios(session)
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
        if self.window.db is None or not records:
            return

        def failed(error: BaseException) -> None:
            log.warning("cannot work out scenario states: %r", error)
            self._states_known(generation, {r.name: ("unknown", None) for r in records})

        handle = run_task(self, store.states_job_at, self.window.db.url, records,
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
        return self.list_model.data(index, NAME_ROLE) if index.isValid() else None

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
        self.description_edit.setText(row.record.description if has else "")
        self.results_view.set_result(row.record.last_result if has else None)
        self._show_state()
        self._update_change_buttons()

    def _show_state(self) -> None:
        """The parts that depend on the scenario's state: marker, problem, stale proposal, Solve."""
        row = self.current_row()
        has = row is not None
        self.solve_button.setEnabled(has and self.solving is None and row.state != "invalid")
        self.problem_label.setText((row.problem or "") if has else "")
        self.problem_label.setVisible(has and row.state == "invalid" and bool(row.problem))
        self._update_state_label()
        self.results_view.set_stale(has and row.state in ("stale", "invalid"))

    def _update_state_label(self) -> None:
        row = self.current_row()
        if row is None:
            self.state_label.setText("")
            return
        colour = {"stale": "#b00020", "invalid": "#b00020", "current": "#1f6f3f"}.get(row.state, "#555555")
        when = row.record.last_solved_at.strftime("%Y-%m-%d %H:%M") if row.record.last_solved_at else ""
        text = state_text(row.state) + (self.tr(" (solved {when})").format(when=when) if when else "")
        self.state_label.setText(f"<span style='color:{colour}'>{text}</span>")
        self.solve_button.setText(self.tr("Recompute") if row.record.last_result else self.tr("Solve"))

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
        return push(self.window.undo_stack, self.context, command)

    def _after_command(self, name: str | None) -> None:
        self.refresh(select=name)

    def _command_failed(self, error: Exception) -> None:
        self.last_error = str(error)
        self.window.show_error(error)

    def _ask_name(self, title: str, label: str, text: str) -> str | None:
        """A name from the user (tests replace this)."""
        name, ok = QInputDialog.getText(self, title, label, text=text)
        return name.strip() if ok and name.strip() else None

    def _confirm(self, title: str, text: str) -> bool:
        """Yes/No from the user (tests replace this)."""
        return QMessageBox.question(self, title, text) == QMessageBox.StandardButton.Yes

    def new_scenario(self, name: str | None = None) -> bool:
        if self.window.db is None:
            return False
        with self.window.db.session() as session:
            suggestion = store.unique_name(session, self.tr("New scenario"))
        name = name or self._ask_name(self.tr("New scenario"), self.tr("Name of the scenario:"), suggestion)
        return bool(name) and self._push(CreateScenarioCommand(self.context, name))

    def duplicate_scenario(self, new_name: str | None = None) -> bool:
        current = self.current_name()
        if current is None:
            return False
        with self.window.db.session() as session:
            suggestion = store.unique_name(session, self.tr("{name} copy").format(name=current))
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
        if row is not None and text != row.record.description:
            self._push(SetDescriptionCommand(self.context, row.name, text))

    # ------------------------------------------------------------ changes
    def check_changes(self, changes: list[Change]) -> str | None:
        """None when `changes` apply to the current ledger, else the reason (naming the change)."""
        county = self.county()
        if county is None:
            return self.tr("Open a ledger database first.")
        try:
            store.check_changes(county, changes)
        except store.ScenarioError as error:
            return str(error)
        return None

    def _set_changes(self, changes: list[Change], text: str) -> bool:
        row = self.current_row()
        if row is None:
            return False
        return self._push(SetChangesCommand(self.context, row.name, changes, text))

    def change_dialog(self, change_type: str, change: Change | None, index: int | None) -> ChangeDialog | None:
        """The dialog for adding (index None) or editing change `index` (tests drive it without exec)."""
        row, county = self.current_row(), self.county()
        if row is None or county is None:
            return None
        others = list(row.record.changes)
        # The form offers the townships as the earlier changes leave them (e.g. a merged one).
        earlier = others if index is None else others[:index]
        try:
            county, _draft = store.check_changes(county, earlier)
        except store.ScenarioError:
            pass  # the scenario no longer fits the ledger; offer the ledger's townships

        def check(candidate: Change) -> str | None:
            trial = list(others)
            if index is None:
                trial.append(candidate)
            else:
                trial[index] = candidate
            return self.check_changes(trial)

        return ChangeDialog(change_type, county, check, change, self)

    def _exec(self, dialog: QDialog) -> bool:
        """Run a dialog modally (tests replace this)."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def add_change(self, change_type: str) -> bool:
        dialog = self.change_dialog(change_type, None, None)
        if dialog is None or not self._exec(dialog) or dialog.result_change is None:
            return False
        changes = self.current_row().record.changes + [dialog.result_change]
        return self._set_changes(changes, self.tr("Add change: {text}").format(
            text=store.describe_change(dialog.result_change, self._lang())))

    def edit_change(self) -> bool:
        index = self.changes_view.currentIndex()
        row = self.current_row()
        if row is None or not index.isValid():
            return False
        old = row.record.changes[index.row()]
        dialog = self.change_dialog(old.TYPE, old, index.row())
        if dialog is None or not self._exec(dialog) or dialog.result_change is None:
            return False
        changes = list(row.record.changes)
        changes[index.row()] = dialog.result_change
        return self._set_changes(changes, self.tr("Edit change: {text}").format(
            text=store.describe_change(dialog.result_change, self._lang())))

    def remove_change(self) -> bool:
        index = self.changes_view.currentIndex()
        row = self.current_row()
        if row is None or not index.isValid():
            return False
        changes = list(row.record.changes)
        removed = changes.pop(index.row())
        return self._set_changes(changes, self.tr("Remove change: {text}").format(
            text=store.describe_change(removed, self._lang())))

    def move_change(self, step: int) -> bool:
        index = self.changes_view.currentIndex()
        row = self.current_row()
        if row is None or not index.isValid():
            return False
        i, j = index.row(), index.row() + step
        changes = list(row.record.changes)
        if not 0 <= j < len(changes):
            return False
        changes[i], changes[j] = changes[j], changes[i]
        ok = self._set_changes(changes, self.tr("Reorder changes of {name}").format(name=row.name))
        if ok:
            self.changes_view.setCurrentIndex(self.changes_model.index(j, 1))
        return ok

    @staticmethod
    def _lang() -> str:
        from ui.scenario_models import ui_language

        return ui_language()

    # ------------------------------------------------------------ solving
    def solve(self, name: str | None = None) -> TaskHandle | None:
        """Solve (or recompute) a scenario off the GUI thread; its proposal is stored with it."""
        from planner.services.solving import solve_job

        name = name or self.current_name()
        if name is None or self.window.db is None or self.solving is not None:
            return None
        self.solving = name
        self._set_running(True)
        self._progress(0.0, self.tr("Solving {name}…").format(name=name))
        time_limit = getattr(getattr(self.window, "settings", None), "solver_time_limit", None)
        handle = run_task(self, solve_job, self.window.db, name, time_limit,
                          on_success=self._solved, on_failure=self._solve_failed,
                          on_progress=self._progress, on_cancelled=self._solve_cancelled)
        self.handle = handle if handle.is_running() else None
        return handle

    def cancel(self) -> None:
        if self.handle is not None and self.handle.is_running():
            self.cancel_button.setEnabled(False)
            self.handle.cancel()

    def _set_running(self, running: bool) -> None:
        for w in (self.progress, self.progress_label, self.cancel_button):
            w.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.solve_button.setEnabled(not running and self.current_row() is not None)

    def _progress(self, fraction: float, message: str) -> None:
        self.progress.setValue(int(round(fraction * 1000)))
        if message:
            self.progress_label.setText(message)

    def _finish_solve(self) -> str | None:
        name, self.solving, self.handle = self.solving, None, None
        self._set_running(False)
        return name

    def _solved(self, result: Proposal) -> None:
        name = self._finish_solve()
        self.refresh(select=name)
        self.window.status(self.tr("Scenario {name} solved: {status}, {moves} moves.").format(
            name=name, status=result.status, moves=len(result.moves)))
        self.solveFinished.emit(name, result)

    def _solve_failed(self, error: BaseException) -> None:
        self._finish_solve()
        try:
            from ui.solve_panel import readable_error
            reason = readable_error(error)
        except ImportError:
            reason = str(error)
        self.last_error = self.tr("The solve failed: {reason}").format(reason=reason)
        self.window.show_error(self.last_error)

    def _solve_cancelled(self) -> None:
        self._finish_solve()
        self.window.status(self.tr("Solve cancelled."))

    # ------------------------------------------------------------ outside events
    def ledger_changed(self) -> None:
        """The ledger changed: states (stale or not) are worked out again a moment later."""
        self._refresh_timer.start()

    def database_changed(self, _db) -> None:
        if self.handle is not None and self.handle.is_running():
            self.handle.cancel()
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
                             (self.up_button, self.tr("Up")), (self.down_button, self.tr("Down")),
                             (self.cancel_button, self.tr("Cancel"))):
            button.setText(text)
        self.add_button.setText(self.tr("Add change"))
        for change_type, action in self.add_actions.items():
            from PySide6.QtCore import QCoreApplication

            action.setText(QCoreApplication.translate("ScenarioDialogs", TITLES[change_type]) + "…")
        self.description_edit.setPlaceholderText(self.tr("What this scenario is about (for the committee)"))
        self.list_model.retranslate()
        self.changes_model.retranslate()
        self._update_state_label()
        if self.current_row() is None:
            self.title_label.setText(self.tr("No scenario chosen"))
            self.solve_button.setText(self.tr("Solve"))
        tabs = getattr(self.window, "tabs", None)
        if tabs is not None and tabs.indexOf(self) >= 0:
            tabs.setTabText(tabs.indexOf(self), self.tr("Scenarios"))


def install(window) -> ScenarioView:
    from ui.compare_view import CompareView

    view = ScenarioView(window)
    window.scenario_view = view
    window.tabs.addTab(view, "")
    compare = CompareView(window)
    window.compare_view = compare
    window.tabs.addTab(compare, "")
    view.changes_view.selectionModel().currentRowChanged.connect(lambda *_: view._update_change_buttons())
    view.scenariosChanged.connect(lambda: compare.refresh(view.list_model.rows()))

    def join_solve_panel() -> None:
        # The toolbar's scenario chooser lists the same scenarios; a solve there refreshes ours.
        panel = getattr(window, "solve_panel", None)
        if panel is not None and not getattr(view, "_joined_solve_panel", False):
            view._joined_solve_panel = True
            view.scenariosChanged.connect(panel.refresh_scenarios)
            panel.solveFinished.connect(lambda *_: view.refresh())

    join_solve_panel()
    QTimer.singleShot(0, window, join_solve_panel)  # when the solve panel is installed after this tab
    window.ledgerChanged.connect(view.ledger_changed)
    window.databaseChanged.connect(view.database_changed)
    view.refresh()
    view.retranslate()
    compare.retranslate()
    return view
