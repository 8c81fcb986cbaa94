"""The main window: menus, toolbar, status bar, and the ledger tab (table above, detail below).

The window makes one ui.workspace.Workspace (database, undo stack, ledger
editor, settings, the proposal shown, and the signals the features share) and
installs each feature by calling its installer with that workspace and the
menus, toolbar or tabs it adds to, in the order of `_install_features`. A
feature that needs another one is handed it there; none looks another up.

What the window itself offers:
    window.workspace     ui.workspace.Workspace
    window.db, undo_stack, editor, settings      the workspace's, for short
    window.menu_file, menu_edit, menu_view, menu_tools, menu_help   QMenu
    window.toolbar       QToolBar
    window.tabs          QTabWidget; the ledger is tab 0, the features add theirs after it
    window.ledger_panel, window.detail_view
    window.solve_panel, print_actions, scenario_view, compare_view, excel_actions, safety, assessment   the features
    window.set_database(db), reload_ledger(clear_undo=False), status(message), show_error(error)
    window.density(), set_density("compact" | "standard")   the tables' row height (View → Display density)
    window.ledgerChanged, window.databaseChanged   the workspace's signals
"""

from __future__ import annotations

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication, QDockWidget, QInputDialog, QLabel, QMainWindow, QMessageBox, QSplitter, QTabWidget, QToolBar, QUndoView,
    QVBoxLayout, QWidget,
)

from planner import __version__
from planner.domain.county import TownshipData
from planner.store.db import Database
from planner.store.reads import township_id_named
from ui import (
    assessment_actions, density, excel_actions, file_menu, forecast_view, i18n, people_view, plan_view,
    print_actions, safety_actions, scenario_view, screen_fit, solve_panel, tasks,
)
from ui.commands import discard_to_clean
from ui.detail_view import TownshipDetailView
from ui.help_dialog import HelpDialog
from ui.ledger_panel import LedgerPanel
from ui.parameters_dialog import ParametersDialog
from ui.settings import Settings
from ui.undo import retranslate_stack
from ui.workspace import Workspace
from ui.i18n import error_text

LANGUAGE_NAMES = {"zh_CN": "中文", "en": "English"}  # each in its own language, never translated


class MainWindow(QMainWindow):
    def __init__(self, db: Database | None = None, settings: Settings | None = None,
                 parent: QWidget | None = None, *, features: bool = True) -> None:
        """features=False: the ledger tab alone (tests install the features they look at themselves)."""
        super().__init__(parent)
        self.workspace = Workspace(None, settings or Settings(), self)
        self.settings = self.workspace.settings
        self.undo_stack = self.workspace.undo_stack
        self.editor = self.workspace.editor
        self.last_error = ""
        self._error_box: QMessageBox | None = None

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.ledger_panel = LedgerPanel(self.editor, self)
        self.detail_view = TownshipDetailView(self.editor, self)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.ledger_panel)
        self.splitter.addWidget(self.detail_view)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        self.ledger_tab = QWidget(self)
        layout = QVBoxLayout(self.ledger_tab)
        layout.setContentsMargins(6, 6, 6, 2)
        layout.addWidget(self.splitter)
        self.tabs.addTab(self.ledger_tab, "")
        self.setCentralWidget(self.tabs)

        self.db_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.db_label)
        self._create_actions()
        self._create_menus()
        self._create_undo_dock()

        self.ledger_panel.townshipSelected.connect(self.detail_view.show_township)
        self.editor.changed.connect(self._on_edited)
        self.editor.failed.connect(self.show_error)
        self.editor.warned.connect(lambda text: self.status(text, 10000))
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        # Connected before any feature's: the window has re-read the ledger when a feature hears of it.
        self.workspace.databaseChanged.connect(self._database_changed)
        # Looked up at each call, so a reload_ledger replaced on the instance (tests) is the one run.
        self.workspace.reloadRequested.connect(lambda clear_undo: self.reload_ledger(clear_undo))
        self.workspace.statusMessage.connect(self.status)
        self.workspace.errorReported.connect(self.show_error)

        screen_fit.install()  # no dialog of the program opens larger than the screen
        self._restore_layout()
        self.retranslateUi()
        if db is not None:
            self.set_database(db)
        if features:
            self._install_features()
        self.apply_density()

    # The workspace's, under the names the window has always had.
    @property
    def db(self) -> Database | None:
        return self.workspace.db

    @property
    def ledgerChanged(self):
        return self.workspace.ledgerChanged

    @property
    def databaseChanged(self):
        return self.workspace.databaseChanged

    # ------------------------------------------------------------ set-up
    def _create_actions(self) -> None:
        self.action_new = QAction(self, shortcut=QKeySequence.StandardKey.New, triggered=lambda: file_menu.new_database(self))
        self.action_open = QAction(self, shortcut=QKeySequence.StandardKey.Open,
                                   triggered=lambda: file_menu.open_database_file(self))
        self.action_open_url = QAction(self, triggered=lambda: file_menu.open_database_url(self))
        self.action_save = QAction(self, shortcut=QKeySequence.StandardKey.Save, triggered=self.save)
        self.action_discard = QAction(self, triggered=self.discard)
        self.action_quit = QAction(self, shortcut=QKeySequence.StandardKey.Quit, triggered=self.close)
        self.action_quit.setMenuRole(QAction.MenuRole.QuitRole)
        # Own undo/redo actions (not QUndoStack.createUndoAction) so their text follows a language switch.
        self.action_undo = QAction(self, shortcut=QKeySequence.StandardKey.Undo, triggered=self.undo_stack.undo)
        self.action_redo = QAction(self, triggered=self.undo_stack.redo)
        # Ctrl+Y as office users expect, and the platform's own redo key besides.
        self.action_redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.action_undo.setEnabled(False)
        self.action_redo.setEnabled(False)
        self.undo_stack.canUndoChanged.connect(self.action_undo.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.action_redo.setEnabled)
        self.undo_stack.undoTextChanged.connect(lambda text: self.action_undo.setToolTip(text))
        self.undo_stack.redoTextChanged.connect(lambda text: self.action_redo.setToolTip(text))
        self.action_add_township = QAction(self, triggered=self.add_township)
        self.action_remove_township = QAction(self, triggered=self.remove_township)
        self.action_parameters = QAction(self, triggered=self.show_parameters)
        self.parameters_dialog = None
        self.action_reload = QAction(self, shortcut=QKeySequence.StandardKey.Refresh,
                                     triggered=lambda: self.reload_ledger())
        self.action_time_limit = QAction(self, triggered=self.ask_time_limit)
        self.action_find = QAction(self, shortcut=QKeySequence.StandardKey.Find, triggered=self.find_township)
        self.action_help = QAction(self, shortcut=QKeySequence.StandardKey.HelpContents, triggered=self.show_help)
        self.help_dialog: HelpDialog | None = None
        self.action_about = QAction(self, triggered=self.about)
        self.action_about.setMenuRole(QAction.MenuRole.AboutRole)
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGE_NAMES.items():
            action = QAction(name, self, checkable=True)
            action.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
            self.language_group.addAction(action)
            self.language_actions[code] = action
        self.density_group = QActionGroup(self)
        self.density_actions: dict[str, QAction] = {}
        for code in density.DENSITIES:
            action = QAction(self, checkable=True)
            action.triggered.connect(lambda _checked=False, c=code: self.set_density(c))
            self.density_group.addAction(action)
            self.density_actions[code] = action
        self.action_save.setEnabled(False)
        self.action_discard.setEnabled(False)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.menu_file = bar.addMenu("")
        self.menu_file.addActions([self.action_new, self.action_open, self.action_open_url])
        self.menu_recent = self.menu_file.addMenu("")
        self.menu_recent.aboutToShow.connect(lambda: file_menu.fill_recent_menu(self))
        self.menu_file.addSeparator()
        self.menu_file.addActions([self.action_save, self.action_discard])
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.action_quit)

        self.menu_edit = bar.addMenu("")
        self.menu_edit.addActions([self.action_undo, self.action_redo])
        self.menu_edit.addSeparator()
        self.menu_edit.addAction(self.action_find)
        self.menu_edit.addSeparator()
        self.menu_edit.addActions([self.action_add_township, self.action_remove_township])
        self.menu_edit.addSeparator()
        self.menu_edit.addAction(self.action_parameters)

        self.menu_view = bar.addMenu("")
        self.menu_language = self.menu_view.addMenu("")
        self.menu_language.addActions(list(self.language_actions.values()))
        self.menu_density = self.menu_view.addMenu("")
        self.menu_density.addActions(list(self.density_actions.values()))
        self.menu_view.addAction(self.action_reload)

        self.menu_tools = bar.addMenu("")
        self.menu_tools.addAction(self.action_time_limit)
        self.menu_help = bar.addMenu("")
        self.menu_help.addActions([self.action_help, self.action_about])

        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addActions([self.action_open, self.action_save, self.action_undo, self.action_redo])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.action_add_township, self.action_remove_township])
        self.toolbar.addSeparator()
        self.addToolBar(self.toolbar)

    def _create_undo_dock(self) -> None:
        self.undo_dock = QDockWidget(self)
        self.undo_dock.setObjectName("undo_history")
        history = QUndoView(self.undo_stack, self.undo_dock)
        # A view of the history, not a control: a click would jump many steps at once, past a
        # refused one without stopping (Undo and Redo go one step and keep a refused step in place).
        history.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        history.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.undo_dock.setWidget(history)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.undo_dock)
        self.undo_dock.hide()
        self.action_history = self.undo_dock.toggleViewAction()
        self.menu_view.insertAction(self.action_reload, self.action_history)

    def _install_features(self) -> None:
        """Each feature, with what it needs, in an order where every one finds what it is handed."""
        ws = self.workspace
        self.solve_panel = solve_panel.install(ws, self, tabs=self.tabs, toolbar=self.toolbar,
                                               menu=self.menu_tools, status_bar=self.statusBar())
        self.print_actions = print_actions.install(ws, self, menu=self.menu_file, before=self.action_quit)
        self.scenario_view = scenario_view.install(ws, tabs=self.tabs, solve_panel=self.solve_panel)
        self.compare_view = self.scenario_view.compare_view
        self.excel_actions = excel_actions.install(ws, self, menu=self.menu_file, before=self.action_quit)
        self.safety = safety_actions.install(ws, self)
        self.assessment = assessment_actions.install(ws, self, menu=self.menu_tools, ledger_panel=self.ledger_panel)
        self.people_view = people_view.install(ws, tabs=self.tabs)
        self.forecast_view = forecast_view.install(ws, tabs=self.tabs)
        self.plan_view = plan_view.install(ws, tabs=self.tabs, solve_panel=self.solve_panel)
        # Conflicts and read-only refusals get their own explanation from the safety part.
        self.editor.failed.disconnect(self.show_error)
        self.editor.failed.connect(self.safety.on_edit_failed)
        for name, splitter in self.remembered_splitters().items():
            if name != "ledger":  # never saved: each keeps the sizes its view chose
                splitter.restoreState(self.settings.splitter_state(name))

    def _restore_layout(self) -> None:
        geometry = self.settings.geometry
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            # First start: large, but inside the screen (office PCs often have 1366×768).
            screen = self.screen().availableGeometry()
            self.resize(min(1360, int(screen.width() * 0.95)), min(820, int(screen.height() * 0.92)))
        state = self.settings.value("window/state")
        if not state.isEmpty():
            self.restoreState(state)
        # An explicit minimum: the window never grows itself past the screen when a tab's content
        # asks for more (Qt raises a window's minimum to its layout's unless one is set).
        self.setMinimumSize(screen_fit.fitted_size(QSize(640, 480), screen_fit.available_geometry(self)))
        screen_fit.fit_to_screen(self)  # a size saved on a larger screen
        if not self.splitter.restoreState(self.settings.splitter_state("ledger")):
            # The ledger first: on a 1366×768 screen all 14 rows of a county show above the detail.
            self.splitter.setSizes([640, 160])

    def remembered_splitters(self) -> dict:
        """The main splitters by their name in ui.settings.SPLITTERS: sizes kept from run to run."""
        splitters = {"ledger": self.splitter, "posts": self.detail_view.posts_view.splitter}
        if hasattr(self, "scenario_view"):  # the features are installed
            splitters.update({
                "scenarios": self.scenario_view.splitter, "scenario_detail": self.scenario_view.detail_splitter,
                "compare": self.compare_view.splitter, "charts": self.solve_panel.results_view.charts_view.splitter,
                "forecast": self.forecast_view.splitter})
        return splitters

    # ------------------------------------------------------------ database
    def set_database(self, db: Database) -> None:
        """Show another database: the undo history of the previous one is closed."""
        self.workspace.set_database(db)

    def _database_changed(self, db: Database) -> None:
        self.detail_view.db = db
        self.reload_ledger()
        self._update_title()
        self.settings.last_database = file_menu.remembered_location(db)
        self.settings.add_recent_file(file_menu.remembered_location(db))
        self.retranslateUi()

    def reload_ledger(self, clear_undo: bool = False) -> None:
        """Re-read the ledger (after an import, an applied proposal or another outside change)."""
        if clear_undo:
            self.undo_stack.clear()
        self.ledger_panel.load(self.db)
        self.detail_view.refresh()
        self.ledgerChanged.emit()

    def _on_edited(self, township_ids) -> None:
        if self.db is None:
            return
        self.ledger_panel.refresh(self.db, township_ids)
        if township_ids is None or self.detail_view.township_id in township_ids:
            self.detail_view.refresh()
        self.ledgerChanged.emit()

    # ------------------------------------------------------------ saving
    def has_unsaved_changes(self) -> bool:
        return not self.undo_stack.isClean()

    def save(self) -> None:
        """Every edit is already committed (see ui/commands.py); saving marks the save point."""
        self.undo_stack.setClean()
        self.status(self.tr("Saved."))

    def discard(self) -> bool:
        """Undo the edits made since the last save; False when the save point can no longer be reached."""
        if discard_to_clean(self.undo_stack):
            self.status(self.tr("Changes since the last save were undone."))
            return True
        self.show_error(self.tr("The saved state can no longer be reached by undo, because new edits were "
                                "made after undoing past it. Every edit is kept in the database and the "
                                "audit log; undo the steps you do not want one by one."))
        return False

    def ask_unsaved(self) -> QMessageBox.StandardButton:
        """Save, Discard or Cancel for edits made since the last save (tests replace this)."""
        return QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("The ledger has changes that were not saved. Keep them?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)

    def confirm_leave(self) -> bool:
        """True when the window may close or switch database (asks about unsaved edits first)."""
        if not self.has_unsaved_changes():
            return True
        answer = self.ask_unsaved()
        if answer == QMessageBox.StandardButton.Save:
            self.save()
            return True
        if answer == QMessageBox.StandardButton.Discard:
            return self.discard()
        return False

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_leave():
            event.ignore()
            return
        self.settings.geometry = self.saveGeometry()
        self.settings.set_value("window/state", self.saveState())
        for name, splitter in self.remembered_splitters().items():
            self.settings.set_splitter_state(name, splitter.saveState())
        self.settings.sync()
        event.accept()
        others = [w for w in QApplication.topLevelWidgets()
                  if isinstance(w, MainWindow) and w is not self and w.isVisible()]
        if not others:  # the process ends when its last window closes, not when a background check does
            tasks.stop_children()

    def _clean_changed(self, clean: bool) -> None:
        self.setWindowModified(not clean)
        self.action_save.setEnabled(not clean)
        self.action_discard.setEnabled(not clean)

    # ------------------------------------------------------------ township rows
    def add_township(self) -> None:
        if self.db is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Add township"), self.tr("Name of the new township:"))
        if ok and name.strip():
            if self.editor.add_township(TownshipData(name=name.strip())):
                new_id = township_id_named(self.db, name.strip())
                if new_id is not None:
                    self.ledger_panel.select_township(new_id)

    def remove_township(self) -> None:
        township_id = self.ledger_panel.current_township_id()
        if township_id is None or self.detail_view.detail is None:
            self.status(self.tr("Select a township first."))
            return
        name = self.detail_view.detail.name
        answer = QMessageBox.question(
            self, self.tr("Remove township"),
            self.tr("Remove {name} with its quota, offices, duties and people? (Edit → Undo brings it back.)")
            .format(name=name))
        if answer == QMessageBox.StandardButton.Yes:
            self.editor.remove_township(name)

    def show_parameters(self) -> None:
        """The county's working-time parameters, in a window beside the ledger."""
        if self.db is None:
            return
        if self.parameters_dialog is None:
            self.parameters_dialog = ParametersDialog(self.editor, self)
        self.parameters_dialog.refresh()
        self.parameters_dialog.show()
        self.parameters_dialog.raise_()

    # ------------------------------------------------------------ messages
    def status(self, message: str, timeout_ms: int = 6000) -> None:
        self.statusBar().showMessage(message, timeout_ms)

    def show_error(self, error) -> None:
        """A refused edit or failed action: in the status bar and a message box that does not block."""
        text = error_text(error) if isinstance(error, BaseException) else str(error)
        self.last_error = text
        self.status(text, 10000)
        if self._error_box is None:
            self._error_box = QMessageBox(QMessageBox.Icon.Warning, "", "", QMessageBox.StandardButton.Ok, self)
        self._error_box.setWindowTitle(self.tr("Establishment Planner"))
        self._error_box.setText(text)
        self._error_box.open()

    def find_township(self) -> None:
        """Ctrl+F: the ledger's search box, ready for a name."""
        self.tabs.setCurrentIndex(0)
        self.ledger_panel.search.setFocus()
        self.ledger_panel.search.selectAll()

    def show_help(self) -> None:
        """F1: the user guide in the window's language, beside the window."""
        if self.help_dialog is None:
            self.help_dialog = HelpDialog(self)
        self.help_dialog.retranslate()
        self.help_dialog.show()
        self.help_dialog.raise_()

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About Establishment Planner"), self.about_text(pyside_version))

    def about_text(self, pyside_version: str = "") -> str:
        where = file_menu.display_name(self.db, full=True)
        return self.tr("<h3>Establishment Planner {version}</h3><p>Township establishment (编制) ledger and "
                       "reallocation planning for the county staffing office.</p><p>Database: {db}</p>"
                       "<p>Qt for Python {qt}</p>").format(version=__version__, db=where, qt=pyside_version)

    def ask_time_limit(self) -> None:
        seconds, ok = QInputDialog.getInt(self, self.tr("Solver time limit"),
                                          self.tr("Seconds the solver may run:"),
                                          self.settings.solver_time_limit, 1, 24 * 3600)
        if ok:
            self.settings.solver_time_limit = seconds

    # ------------------------------------------------------------ display density
    def density(self) -> str:
        """Compact or standard table rows: the user's choice, else what suits the screen's height."""
        chosen = self.settings.density
        if chosen:
            return chosen
        return density.default_density(screen_fit.available_geometry(self).height())

    def set_density(self, value: str) -> None:
        """Rows of that density in every table now, and in the next run."""
        self.settings.density = value
        self.apply_density()

    def apply_density(self) -> None:
        value = self.density()
        density.apply_density(self.tabs, value)
        self.ledger_panel.fit_footer()
        if hasattr(self, "compare_view"):  # the features are installed
            self.compare_view.refit()
        self.density_actions[value].setChecked(True)

    # ------------------------------------------------------------ language
    def set_language(self, language: str) -> None:
        """Switch the UI language now and remember it."""
        self.settings.language = language
        i18n.install_language(language)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def _update_title(self) -> None:
        where = file_menu.display_name(self.db)
        title = self.tr("Establishment Planner")
        self.setWindowTitle(f"{where}[*] — {title}" if where else f"{title}[*]")

    def retranslateUi(self) -> None:
        self._update_title()
        self.tabs.setTabText(0, self.tr("Ledger"))
        self.menu_file.setTitle(self.tr("&File"))
        self.menu_edit.setTitle(self.tr("&Edit"))
        self.menu_view.setTitle(self.tr("&View"))
        self.menu_tools.setTitle(self.tr("&Tools"))
        self.menu_help.setTitle(self.tr("&Help"))
        self.menu_recent.setTitle(self.tr("Open &recent"))
        self.menu_language.setTitle(self.tr("&Language"))
        self.menu_density.setTitle(self.tr("Display &density"))
        self.density_actions[density.COMPACT].setText(self.tr("&Compact"))
        self.density_actions[density.STANDARD].setText(self.tr("&Standard"))
        self.toolbar.setWindowTitle(self.tr("Main toolbar"))
        self.undo_dock.setWindowTitle(self.tr("Undo history"))
        self.undo_dock.widget().setEmptyLabel(self.tr("(opened)"))
        for action, text in ((self.action_new, self.tr("&New database…")),
                             (self.action_open, self.tr("&Open database…")),
                             (self.action_open_url, self.tr("Open database &URL…")),
                             (self.action_save, self.tr("&Save")),
                             (self.action_discard, self.tr("Dis&card changes")),
                             (self.action_quit, self.tr("&Quit")),
                             (self.action_add_township, self.tr("Add township…")),
                             (self.action_remove_township, self.tr("Remove township")),
                             (self.action_parameters, self.tr("Working-time &parameters…")),
                             (self.action_reload, self.tr("&Reload ledger")),
                             (self.action_time_limit, self.tr("Solver &time limit…")),
                             (self.action_find, self.tr("&Find township…")),
                             (self.action_help, self.tr("&User guide")),
                             (self.action_about, self.tr("&About"))):
            action.setText(text)
        self.action_undo.setText(self.tr("&Undo"))
        self.action_redo.setText(self.tr("&Redo"))
        retranslate_stack(self.undo_stack)  # the history's steps in the new language too
        self.action_undo.setToolTip(self.undo_stack.undoText())
        self.action_redo.setToolTip(self.undo_stack.redoText())
        # Toolbar labels without the menu's keyboard mnemonics ("保存(&S)" would show as "保存(S)").
        for action, text in ((self.action_open, self.tr("Open")), (self.action_save, self.tr("Save")),
                             (self.action_undo, self.tr("Undo")), (self.action_redo, self.tr("Redo")),
                             (self.action_add_township, self.tr("Add township")),
                             (self.action_remove_township, self.tr("Remove township"))):
            action.setIconText(text)
        self.action_open.setToolTip(self.tr("Open a ledger database (SQLite file)"))
        self.action_save.setToolTip(self.tr("Mark the current ledger as saved (edits are stored as you make them)"))
        self.db_label.setText(self.tr("Database: {name}").format(name=file_menu.display_name(self.db) or "—"))
        current = i18n.current_language()
        if current in self.language_actions:
            self.language_actions[current].setChecked(True)
