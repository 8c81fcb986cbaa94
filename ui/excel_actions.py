"""File → Import from Excel, Export to Excel, Save import template.

An import is read and checked off the GUI thread; a refused file shows every
problem and changes nothing; a valid one shows what it will change and is
applied only when the user confirms. The write is a QUndoCommand on the
window's undo stack: redo replaces the ledger with the file's county, undo
puts back the county it replaced, each through planner.services.excel (a backup
first, one logged transaction).

install(workspace, window, menu=…, before=…) adds the actions to `menu`; they
work on the workspace's database and undo stack and report through it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QProgressDialog, QWidget

from planner.domain.county import CountyData
from planner.excel import write_template
from planner.services import excel as excel_service
from planner.services.excel import Applied, ImportOutcome
from planner.services.excel_jobs import apply_job, export_job, read_job
from planner.store.instance_lock import is_read_only
from ui import tasks
from ui.excel_dialogs import ImportPreviewDialog, ProblemsDialog
from ui.i18n import current_language
from ui.recovery import safe_save_path
from ui.undo import UndoCommand, UndoContext
from ui.workspace import Workspace
from ui.file_dialogs import open_file_name, save_file_name

EXCEL_FILTER = "Excel (*.xlsx *.xlsm);;*"


translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls


def ui_language() -> str:
    return current_language()


class ImportLedgerCommand(UndoCommand):
    """The ledger replaced by an imported county; undo puts back the county it replaced.

    The first redo happens before the push (on a worker thread, with progress),
    so the push itself does not write again. Each direction is its own backed-up
    transaction (planner.services.excel), so the step overrides `perform`.
    """

    def __init__(self, workspace: Workspace, before: CountyData, after: CountyData, source: str,
                 already_applied: bool = True) -> None:
        context = UndoContext(db=workspace.db, changed=lambda _outcome: workspace.reload_ledger(),
                              failed=lambda error: _show_error(workspace, error))
        super().__init__(context, lambda: translate("ExcelActions", "Import {file}").format(file=source))
        self.workspace = workspace
        self.before, self.after, self.source = before, after, source
        self._skip_redo = already_applied
        self.backups: list[Path | None] = []

    @property
    def error(self) -> Exception | None:
        """Why the last step was refused (nothing was written then), or None."""
        return self.context.errors[-1] if self.context.errors else None

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        super().redo()

    def perform(self, forward: bool) -> None:
        county, source = (self.after, self.source) if forward else (self.before, f"undo {self.source}")
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            outcome = excel_service.replace_ledger_safely(self.workspace.db, county, source=source[:300])
        finally:
            QApplication.restoreOverrideCursor()
        self.backups.append(outcome.backup)


def _read_only(db) -> bool:
    return is_read_only(db)


def _show_error(workspace: Workspace, error) -> None:
    workspace.show_error(error)


def _status(workspace: Workspace, message: str) -> None:
    workspace.status(message)


class ExcelActions(QObject):
    """The three File-menu actions and the flows behind them.

    ask_open_path, ask_save_path, confirm_import and show_problems are the points
    where a person answers; tests replace them.
    """

    def __init__(self, workspace: Workspace, window: QWidget) -> None:
        super().__init__(window)
        self.window = window  # parent of the dialogs
        self.workspace = workspace
        self.action_import = QAction(window, triggered=lambda: self.import_file())
        self.action_export = QAction(window, triggered=lambda: self.export_file())
        self.action_template = QAction(window, triggered=lambda: self.save_template())
        self.progress: QProgressDialog | None = None
        self.handle = None
        self.last_outcome: ImportOutcome | None = None
        self.problems_dialog: ProblemsDialog | None = None
        window.installEventFilter(self)
        self.retranslate()

    # ------------------------------------------------------------ people's answers
    def ask_open_path(self) -> str:
        return open_file_name(self.window, self.workspace.settings, translate("ExcelActions", "Import ledger from Excel"),
                              EXCEL_FILTER)

    def ask_save_path(self, title: str, suggested: str) -> str:
        path = save_file_name(self.window, self.workspace.settings, title, suggested, EXCEL_FILTER)
        if path and not Path(path).suffix:
            path += ".xlsx"
        return safe_save_path(self.window, path, self.workspace.db) or ""

    def confirm_import(self, outcome: ImportOutcome, file_name: str) -> bool:
        dialog = ImportPreviewDialog(outcome.preview, file_name, outcome.result.notices, ui_language(),
                                     self.window)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()

    def show_problems(self, outcome: ImportOutcome, file_name: str) -> None:
        self.problems_dialog = ProblemsDialog(outcome.result.problems, file_name, ui_language(), self.window)
        self.problems_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.problems_dialog.open()

    # ------------------------------------------------------------ flows
    def import_file(self, path: str | None = None) -> None:
        if self._refuse_when_busy():
            return
        db = self.workspace.db
        if db is None:
            _status(self.workspace, translate("ExcelActions", "Open a ledger database first."))
            return
        if _read_only(db):
            _show_error(self.workspace, translate(
                "ExcelActions", "This ledger is open read-only because another window holds it; "
                "close that window to import."))
            return
        path = path if path is not None else self.ask_open_path()
        if not path:
            return
        file_name = Path(path).name
        self._run(translate("ExcelActions", "Reading {file}…").format(file=file_name), read_job, db, path,
                  on_success=lambda outcome: self._read_done(outcome, path))

    def _read_done(self, outcome: ImportOutcome, path: str) -> None:
        self.last_outcome = outcome
        file_name = Path(path).name
        if not outcome.ok:
            _status(self.workspace, translate("ExcelActions", "{file} was not imported: {count} problem(s).").format(
                file=file_name, count=len(outcome.result.problems)))
            self.show_problems(outcome, file_name)
            return
        if not outcome.preview.has_changes:
            _status(self.workspace, translate("ExcelActions", "{file} holds the same ledger as the database; nothing to import.")
                    .format(file=file_name))
            return
        if not self.confirm_import(outcome, file_name):
            _status(self.workspace, translate("ExcelActions", "Import cancelled; the ledger was not changed."))
            return
        county = outcome.result.county
        self._run(translate("ExcelActions", "Importing {file}…").format(file=file_name), apply_job, self.workspace.db, county, file_name,
                  on_success=lambda applied: self._applied(applied, county, file_name))

    def _applied(self, applied: Applied, county: CountyData, file_name: str) -> None:
        self.workspace.undo_stack.push(ImportLedgerCommand(self.workspace, applied.before, county, file_name))
        self.workspace.reload_ledger()
        _status(self.workspace, translate("ExcelActions", "Imported {count} townships from {file}.").format(
            count=len(county.townships), file=file_name))

    def export_file(self, path: str | None = None) -> None:
        if self._refuse_when_busy():
            return
        db = self.workspace.db
        if db is None:
            _status(self.workspace, translate("ExcelActions", "Open a ledger database first."))
            return
        if path is None:
            path = self.ask_save_path(translate("ExcelActions", "Export ledger to Excel"),
                                      translate("ExcelActions", "ledger-{day}.xlsx").format(day=date.today().isoformat()))
        if not path:
            return
        self._run(translate("ExcelActions", "Exporting to {file}…").format(file=Path(path).name), export_job, db, path,
                  on_success=lambda county: _status(self.workspace, translate("ExcelActions", "Exported {count} townships to {file}.").format(
                      count=len(county.townships), file=path)))

    def _refuse_when_busy(self) -> bool:
        """One import or export at a time: two imports racing would both apply."""
        if self.busy():
            _status(self.workspace, translate("ExcelActions", "An import or export is still running."))
            return True
        return False

    def save_template(self, path: str | None = None) -> None:
        if path is None:
            path = self.ask_save_path(translate("ExcelActions", "Save import template"), translate("ExcelActions", "ledger-template.xlsx"))
        if not path:
            return
        try:
            write_template(path)
        except OSError as error:
            _show_error(self.workspace, translate("ExcelActions", "Could not write {file}: {reason}").format(
                file=path, reason=error.strerror or error))
            return
        _status(self.workspace, translate("ExcelActions", "Import template saved to {file}.").format(file=path))

    def busy(self) -> bool:
        return self.handle is not None and self.handle.is_running()

    def _run(self, label: str, fn: Callable, *args, on_success: Callable) -> None:
        self.progress = QProgressDialog(label, translate("ExcelActions", "Cancel"), 0, 100, self.window)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(400)  # quick files finish before it would show
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        progress = self.progress

        def done() -> None:
            progress.reset()
            progress.hide()
            progress.deleteLater()

        def succeeded(result) -> None:
            done()
            on_success(result)

        def failed(error) -> None:
            done()
            _show_error(self.workspace, error)

        def cancelled() -> None:
            done()
            _status(self.workspace, translate("ExcelActions", "Cancelled; the ledger was not changed."))

        def report(fraction: float, message: str) -> None:
            progress.setValue(int(fraction * 100))

        holder: list = []
        # Connected before the task starts: a synchronous run (tests) finishes inside run_task.
        progress.canceled.connect(lambda: holder and holder[0].cancel())
        self.handle = tasks.run_task(self.window, fn, *args, on_success=succeeded, on_failure=failed,
                                     on_progress=report, on_cancelled=cancelled)
        holder.append(self.handle)

    # ------------------------------------------------------------ language
    def eventFilter(self, watched, event) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def retranslate(self) -> None:
        self.action_import.setText(translate("ExcelActions", "&Import from Excel…"))
        self.action_import.setToolTip(translate("ExcelActions", "Replace the ledger with a workbook in the import template's format"))
        self.action_export.setText(translate("ExcelActions", "&Export to Excel…"))
        self.action_export.setToolTip(translate("ExcelActions", "Write the ledger in the import template's format"))
        self.action_template.setText(translate("ExcelActions", "Save import &template…"))
        self.action_template.setToolTip(translate("ExcelActions", "Write the blank workbook to fill in and import"))


def install(workspace: Workspace, window: QWidget, *, menu: QMenu, before: QAction | None = None) -> ExcelActions:
    """Add Import / Export / Save template to `menu` (above `before`, Quit, when it is there)."""
    actions = ExcelActions(workspace, window)
    if before is not None and before in menu.actions():
        separator = menu.insertSeparator(before)
        menu.insertActions(separator, [actions.action_import, actions.action_export, actions.action_template])
    else:
        menu.addSeparator()
        menu.addActions([actions.action_import, actions.action_export, actions.action_template])
    return actions
