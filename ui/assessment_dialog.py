"""The township assessment from the window: one township or all, in print preview, as PDF or Excel.

The figures are planner.services.assessing's; the pages ui.report.assessment_render's; the
workbook planner.exports.assessment_xlsx's, so the window prints what `assess` writes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from ui.print_preview import show_preview
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from planner.domain.assessment import CountyAssessment
from planner.services.assessing import assessment_job as compute_assessment
from planner.services.outputs import OutputRefused, check_output
from planner.store.reads import township_summaries
from ui.file_dialogs import save_file_name
from ui.i18n import document_language, error_text
from ui import tasks
from ui.report.assessment_render import (AssessmentDocument, assessment_job, assessment_pdf_job,
                                         assessment_xlsx_job)

translate = QCoreApplication.translate
ALL = None


class AssessmentDialog(QDialog):
    """Choose the township (or all), then preview, print to PDF or write the workbook."""

    def __init__(self, workspace, township: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(translate("Assessment", "Township assessment"))
        self.township_box = QComboBox(self)
        self.township_box.addItem(translate("Assessment", "All townships"), ALL)
        names = [row.name for row in township_summaries(workspace.db)] if workspace.db is not None else []
        for name in names:
            self.township_box.addItem(name, name)
        if township in names:
            self.township_box.setCurrentIndex(names.index(township) + 1)
        self.label = QLabel(translate("Assessment", "Township:"), self)
        self.note = QLabel(translate("Assessment", "One page per township: workload against quota and staff, "
                                                   "vacancy, the standing checks, age structure and the county "
                                                   "median."), self)
        self.note.setWordWrap(True)
        self.preview_button = QPushButton(translate("Assessment", "Print preview…"), self)
        self.pdf_button = QPushButton(translate("Assessment", "Save as PDF…"), self)
        self.xlsx_button = QPushButton(translate("Assessment", "Save as Excel…"), self)
        self.close_button = QPushButton(translate("Assessment", "Close"), self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.preview_button.clicked.connect(self.preview)
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        self.xlsx_button.clicked.connect(lambda: self.save_xlsx())
        self.close_button.clicked.connect(self.accept)
        top = QHBoxLayout()
        top.addWidget(self.label)
        top.addWidget(self.township_box, 1)
        buttons = QHBoxLayout()
        for button in (self.preview_button, self.pdf_button, self.xlsx_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(560, 180)
        self.handle = None

    def township(self) -> str | None:
        return self.township_box.currentData()

    def assessment(self) -> CountyAssessment:
        return compute_assessment(self.workspace.db, self.township())

    def _language(self) -> str:
        return document_language()

    def _name(self, suffix: str) -> str:
        return f"{self.township() or translate('Assessment', 'Township assessment')}{suffix}"

    def preview(self) -> None:
        show_preview(self, AssessmentDocument(self.assessment(), self._language()))

    def _target(self, path: str | None, title: str, suffix: str, file_filter: str) -> str | None:
        path = path or save_file_name(self, getattr(self.workspace, "settings", None), title, self._name(suffix),
                                      file_filter)
        if not path:
            return None
        try:
            check_output(path, self.workspace.db)
        except OutputRefused as refused:
            self.message.setText(error_text(refused))
            return None
        return path

    def save_pdf(self, path: str | None = None) -> str | None:
        path = self._target(path, translate("Assessment", "Save as PDF…"), ".pdf", "PDF (*.pdf)")
        if path:
            self._write(assessment_pdf_job, path, process=True)
        return path

    def save_xlsx(self, path: str | None = None) -> str | None:
        path = self._target(path, translate("Assessment", "Save as Excel…"), ".xlsx", "Excel (*.xlsx)")
        if path:
            self._write(assessment_xlsx_job, path, process=False)
        return path

    def _write(self, job, path: str, process: bool) -> None:
        """Work out the assessment in a thread, then write the file (the pages in a child process):
        a province's assessment is thousands of pages, and the window stays responsive meanwhile."""
        self._set_busy(True)
        self.message.setText(translate("Assessment", "Writing {path}…").format(path=path))

        def failed(error) -> None:
            self._set_busy(False)
            self.message.setText(translate("Assessment", "Could not write {path}: {reason}").format(
                path=path, reason=error_text(error)))

        def written(_path) -> None:
            self._set_busy(False)
            self.message.setText(translate("Assessment", "Written: {path}").format(path=path))

        def computed(result) -> None:
            self.handle = tasks.run_task(self, job, result, path, self._language(), on_success=written,
                                         on_failure=failed, on_cancelled=lambda: self._set_busy(False),
                                         process=process)

        self.handle = tasks.run_task(self, assessment_job, self.workspace.db, self.township(), on_success=computed,
                                     on_failure=failed, on_cancelled=lambda: self._set_busy(False))

    def _set_busy(self, busy: bool) -> None:
        for button in (self.preview_button, self.pdf_button, self.xlsx_button, self.township_box):
            button.setEnabled(not busy)
