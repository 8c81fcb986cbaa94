"""File → Print preview…, Print…, Export proposal as PDF…, Export proposal to Excel…, Export request as Word…

All work on the proposal the window shows (the Proposal tab of
ui.solve_panel). Preview and print paint the same ProposalDocument as the PDF
(ui.report) onto the QPrinter; the PDF export runs in a child process and the
Excel and Word exports in a thread (ui.tasks), so a province-sized proposal
does not freeze the window.

The printed proposal has a body (what the committee reads) and annexes (the
rosters and reasons, looked up): the Proposal parts submenu and the preview's
own chooser pick the body, the annexes or both, for the preview, the printer
and the PDF alike.

install(workspace, parent, menu=…, before=…) adds them to `menu`; they work
on the workspace's proposal (Workspace.proposal) and follow its
proposalChanged signal.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QComboBox, QMenu, QProgressDialog, QToolBar, QWidget

from planner.domain.proposal import Proposal
from ui import tasks
from ui.i18n import current_language, error_text
from ui.recovery import safe_save_path
from ui.report.jobs import export_docx_job, export_pdf_job, export_xlsx_job
from ui.workspace import Workspace
from ui.file_dialogs import save_file_name

translate = QCoreApplication.translate  # lupdate finds translate("PrintActions", "text") calls

PDF_FILTER = "PDF (*.pdf)"
EXCEL_FILTER = "Excel (*.xlsx)"
WORD_FILTER = "Word (*.docx)"
# The parts of the printed proposal (ui.report.content: body | annexes | all), in the order offered.
PARTS = ("body", "annexes", "all")
PART_FILE_LEAD = {"body": "调剂方案", "annexes": "调剂方案附件", "all": "调剂方案及附件"}


def ui_language() -> str:
    return current_language()


def current_result(workspace: Workspace) -> Proposal | None:
    """The proposal the window shows, or None."""
    value = workspace.proposal
    return value if isinstance(value, Proposal) else None


def suggested_name(proposal: Proposal | None, suffix: str, lead: str = "调剂方案") -> str:
    """调剂方案-青岚县-基准-20250318.pdf: the county, scenario and date, safe as a file name."""
    parts = [lead]
    if proposal is not None:
        parts += [proposal.county, proposal.scenario, str(proposal.generated_at)[:10].replace("-", "")]
    name = "-".join(p for p in (re.sub(r'[\\/:*?"<>|\s]+', "_", str(p)) for p in parts) if p)
    return f"{name}{suffix}"


class PrintActions(QObject):
    def __init__(self, workspace: Workspace, window: QWidget) -> None:
        super().__init__(window)
        self.window = window  # parent of the dialogs
        self.workspace = workspace
        self.handle = None
        self.progress: QProgressDialog | None = None
        self.preview_printer: QPrinter | None = None
        self.last_document = None  # the ProposalDocument last painted on a printer or preview
        self.action_preview = QAction(window, triggered=self.preview)
        self.action_print = QAction(window, shortcut=QKeySequence.StandardKey.Print, triggered=self.print_)
        self.action_pdf = QAction(window, triggered=lambda: self.export_pdf())
        self.action_xlsx = QAction(window, triggered=lambda: self.export_xlsx())
        self.action_docx = QAction(window, triggered=lambda: self.export_docx())
        self.part = "body"  # what the committee reads; the annexes on request
        self.parts_menu = QMenu(window)
        group = QActionGroup(self.parts_menu)
        self.part_actions: dict[str, QAction] = {}
        for part in PARTS:
            action = QAction(self.parts_menu, checkable=True, checked=part == self.part)
            action.triggered.connect(lambda _checked=False, p=part: self.set_part(p))
            group.addAction(action)
            self.parts_menu.addAction(action)
            self.part_actions[part] = action
        self.action_parts = self.parts_menu.menuAction()
        self.actions = [self.action_preview, self.action_print, self.action_parts, self.action_pdf, self.action_xlsx,
                        self.action_docx]
        self.retranslate()
        window.installEventFilter(self)

    # -- state ----------------------------------------------------------------------------
    def result(self) -> Proposal | None:
        return current_result(self.workspace)

    def update_enabled(self, *_args) -> None:
        has = self.result() is not None
        for action in self.actions:
            action.setEnabled(has)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def retranslate(self) -> None:
        for action, text in ((self.action_preview, translate("PrintActions", "Print pre&view…")),
                             (self.action_print, translate("PrintActions", "&Print proposal…")),
                             (self.action_pdf, translate("PrintActions", "Export proposal as P&DF…")),
                             (self.action_xlsx, translate("PrintActions", "Export proposal to E&xcel…")),
                             (self.action_docx, translate("PrintActions", "Export request as &Word…"))):
            action.setText(text)
        self.action_preview.setStatusTip(translate("PrintActions", "See the printed proposal page by page"))
        self.action_docx.setStatusTip(translate(
            "PrintActions", "The request to the committee as an editable Word document (GB/T 9704 layout)"))
        self.parts_menu.setTitle(translate("PrintActions", "Proposa&l parts to print"))
        for part, action in self.part_actions.items():
            action.setText(self.part_label(part))

    @staticmethod
    def part_label(part: str) -> str:
        return {"body": translate("PrintActions", "Body"), "annexes": translate("PrintActions", "Annexes"),
                "all": translate("PrintActions", "Body and annexes")}[part]

    def set_part(self, part: str) -> None:
        """Print, preview and export the body, the annexes or both from now on."""
        self.part = part
        self.part_actions[part].setChecked(True)

    # -- messages -------------------------------------------------------------------------
    def status(self, message: str) -> None:
        self.workspace.status(message)

    def error(self, message: str) -> None:
        self.workspace.show_error(message)

    def no_result(self) -> bool:
        if self.result() is None:
            self.status(translate("PrintActions", "Compute a proposal first (Tools → Solve)."))
            return True
        return False

    # -- printing -------------------------------------------------------------------------
    def make_printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(suggested_name(self.result(), ""))
        return printer

    def paint(self, printer: QPrinter) -> None:
        # The report loads matplotlib for its charts (2 s measured): on the first print, not at start-up.
        from ui.report.render import ProposalDocument

        proposal = self.result()
        if proposal is None:
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.last_document = ProposalDocument(proposal, ui_language(), part=self.part)
            self.last_document.print_to(printer)
        finally:
            QApplication.restoreOverrideCursor()

    def make_preview_dialog(self) -> QPrintPreviewDialog:
        # The dialog does not own its printer: keep it alive as long as we are (else a crash on paint).
        self.preview_printer = self.make_printer()
        dialog = QPrintPreviewDialog(self.preview_printer, self.window)
        dialog.setWindowTitle(translate("PrintActions", "Print preview — proposal"))
        dialog.paintRequested.connect(self.paint)
        self.add_part_chooser(dialog)
        dialog.resize(1000, 800)
        return dialog

    def add_part_chooser(self, dialog: QPrintPreviewDialog) -> None:
        """Body / annexes / both on the preview's own toolbar; a change repaints the preview."""
        toolbar = dialog.findChild(QToolBar)
        preview = dialog.findChild(QPrintPreviewWidget)
        if toolbar is None or preview is None:
            return
        chooser = QComboBox(toolbar)
        chooser.setObjectName("partChooser")
        for part in PARTS:
            chooser.addItem(self.part_label(part), part)
        chooser.setCurrentIndex(PARTS.index(self.part))
        chooser.setToolTip(translate("PrintActions", "Which part of the proposal to show and print"))

        def chosen(index: int) -> None:
            self.set_part(chooser.itemData(index))
            preview.updatePreview()

        chooser.currentIndexChanged.connect(chosen)
        toolbar.addSeparator()
        toolbar.addWidget(chooser)

    def preview(self) -> None:
        if self.no_result():
            return
        dialog = self.make_preview_dialog()
        dialog.exec()
        dialog.deleteLater()

    def print_(self) -> None:
        if self.no_result():
            return
        printer = self.make_printer()
        dialog = QPrintDialog(printer, self.window)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.paint(printer)
            self.status(translate("PrintActions", "The proposal was sent to the printer."))

    # -- exports --------------------------------------------------------------------------
    def ask_path(self, title: str, suffix: str, file_filter: str, lead: str = "调剂方案") -> str:
        path = save_file_name(self.window, self.workspace.settings, title,
                              suggested_name(self.result(), suffix, lead), file_filter)
        if path and not path.lower().endswith(suffix):
            path += suffix
        return safe_save_path(self.window, path, self.workspace.db) or ""

    def export_pdf(self, path: str | None = None, part: str | None = None) -> None:
        """The chosen part of the proposal (Proposal parts to print) as a PDF, unless `part` says which."""
        if self.no_result():
            return
        part = part or self.part
        path = path or self.ask_path(translate("PrintActions", "Export proposal as PDF") + " — " +
                                     self.part_label(part), ".pdf", PDF_FILTER, PART_FILE_LEAD[part])
        if path:
            self._run(translate("PrintActions", "Writing {file}…").format(file=Path(path).name),
                      export_pdf_job, path, process=True, extra=(part,))

    def export_docx(self, path: str | None = None) -> None:
        if self.no_result():
            return
        path = path or self.ask_path(translate("PrintActions", "Export request as Word"), ".docx", WORD_FILTER,
                                     "请示")
        if path:
            self._run(translate("PrintActions", "Writing {file}…").format(file=Path(path).name),
                      export_docx_job, path, process=False)

    def export_xlsx(self, path: str | None = None, part: str | None = None) -> None:
        """The workbook of the chosen part (the body's sheets, the annexes' or all), like the PDF."""
        if self.no_result():
            return
        part = part or self.part
        path = path or self.ask_path(translate("PrintActions", "Export proposal to Excel") + " — " +
                                     self.part_label(part), ".xlsx", EXCEL_FILTER, PART_FILE_LEAD[part])
        if path:
            self._run(translate("PrintActions", "Writing {file}…").format(file=Path(path).name),
                      export_xlsx_job, path, process=False, extra=(part,))

    def _run(self, label: str, fn, path: str, process: bool, extra: tuple = ()) -> None:
        self.progress = QProgressDialog(label, translate("PrintActions", "Cancel"), 0, 100, self.window)
        self.progress.setWindowTitle(translate("PrintActions", "Writing the proposal"))
        self.progress.setMinimumDuration(400)
        progress = self.progress

        def report(fraction: float, _message: str) -> None:
            progress.setValue(int(fraction * 100))

        def done(message: str) -> None:
            progress.reset()
            progress.deleteLater()
            self.status(message)

        def failed(error) -> None:
            done(translate("PrintActions", "Could not write {file}.").format(file=Path(path).name))
            self.error(translate("PrintActions", "Could not write {file}: {reason}").format(
                file=path, reason=error_text(error)))

        self.handle = tasks.run_task(
            self.window, fn, self.result(), path, ui_language(), *extra,
            on_success=lambda written: done(translate("PrintActions", "Proposal written to {file}.").format(
                file=written)),
            on_failure=failed,
            on_cancelled=lambda: done(translate("PrintActions", "Export cancelled.")),
            on_progress=report, process=process)
        if self.handle.is_running():
            progress.canceled.connect(self.handle.cancel)


def install(workspace: Workspace, window: QWidget, *, menu: QMenu, before: QAction | None = None) -> PrintActions:
    """The actions in `menu`, above `before` (Quit) when it is there."""
    actions = PrintActions(workspace, window)
    before = before if before in menu.actions() else None
    if before is not None:
        menu.insertActions(before, actions.actions)
        menu.insertSeparator(before)
    else:
        menu.addSeparator()
        menu.addActions(actions.actions)
    menu.aboutToShow.connect(actions.update_enabled)
    workspace.proposalChanged.connect(actions.update_enabled)
    actions.update_enabled()
    return actions
