"""The township assessment from the window: one township or all, in print preview, as PDF or Excel.

The figures are planner.services.assessing's; the pages ui.report.assessment_render's; the
workbook planner.exports.assessment_xlsx's, so the window prints what `assess` writes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from planner.domain.assessment import CountyAssessment
from planner.exports.assessment_xlsx import write_assessment_xlsx
from planner.services.assessing import assessment_job
from planner.services.outputs import OutputRefused, check_output
from ui.file_dialogs import save_file_name
from ui.i18n import current_language, error_text
from ui.report.assessment_render import AssessmentDocument

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
        names = [t.name for t in assessment_job(workspace.db).townships] if workspace.db is not None else []
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

    def township(self) -> str | None:
        return self.township_box.currentData()

    def assessment(self) -> CountyAssessment:
        return assessment_job(self.workspace.db, self.township())

    def _language(self) -> str:
        return "en" if current_language() == "en" else "zh_CN"

    def _name(self, suffix: str) -> str:
        return f"{self.township() or translate('Assessment', 'Township assessment')}{suffix}"

    def preview(self) -> None:
        document = AssessmentDocument(self.assessment(), self._language())
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintPreviewDialog(printer, self)
        dialog.paintRequested.connect(document.print_to)
        dialog.exec()

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
            AssessmentDocument(self.assessment(), self._language()).write_pdf(path)
            self.message.setText(translate("Assessment", "Written: {path}").format(path=path))
        return path

    def save_xlsx(self, path: str | None = None) -> str | None:
        path = self._target(path, translate("Assessment", "Save as Excel…"), ".xlsx", "Excel (*.xlsx)")
        if path:
            write_assessment_xlsx(self.assessment(), path, self._language())
            self.message.setText(translate("Assessment", "Written: {path}").format(path=path))
        return path
