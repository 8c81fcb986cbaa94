"""The committee's decision on record: asked for when a proposal is applied, listed and printed after.

DecisionDialog is the confirmation of an apply: the summary of what changes, and the
committee's document number and date (编委文件号, 日期) the ledger is changed on; without a
number the ledger is not written. DecisionsDialog lists every applied proposal (those taken
back by undo marked so) and prints the list, as a table in the printed proposal's layout, through the
print preview or to PDF.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate
from ui.print_preview import show_preview
from PySide6.QtWidgets import (
    QAbstractItemView, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from planner.services.apply import ApplyError, Decision
from planner.services.applying import AppliedRecord, applied_records
from ui.file_dialogs import save_file_name
from ui.i18n import current_language, document_language
from ui.report.blocks import Column, Table, TitleBlock
from ui.report.fonts import ReportFonts, ensure_gui_application
from ui.report.render import ProposalDocument

translate = QCoreApplication.translate


def decision_text(record: AppliedRecord | Decision | None) -> str:
    """依据 X编〔2026〕3号（2026-05-12） in the window's language; "" without a decision."""
    decision = record.decision if isinstance(record, AppliedRecord) else record
    return "" if decision is None else decision.text(current_language())


def applied_message(changes, decision: Decision | None) -> str:
    """What the window says once a proposal is written: the townships and slots that changed."""
    townships = list(dict.fromkeys(c.township for c in changes))
    given = sum(-c.change for c in changes if c.change < 0)
    text = translate("Decisions", "Written to the ledger: {n} townships changed ({names}); {slots} slots moved.")
    lines = [text.format(n=len(townships), names="、".join(townships), slots=given)]
    if decision is not None:
        lines.append(decision_text(decision))
    return "\n".join(lines)


class DecisionDialog(QDialog):
    """The apply confirmation: what changes, and the decision it is written on."""

    def __init__(self, question: str, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Decisions", "Apply proposal to ledger"))
        self.question = QLabel(question, self)
        self.question.setWordWrap(True)
        self.number = QLineEdit(self)
        self.number.setPlaceholderText(translate("Decisions", "e.g. X编〔2026〕3号"))
        self.day = QDateEdit(self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setMaximumDate(QDate.currentDate())
        self.day.setDate(QDate.currentDate())
        form = QFormLayout()
        self.number_label = QLabel(translate("Decisions", "Committee document number:"), self)
        self.day_label = QLabel(translate("Decisions", "Date of the document:"), self)
        form.addRow(self.number_label, self.number)
        form.addRow(self.day_label, self.day)
        self.details = QPlainTextEdit(details, self)
        self.details.setReadOnly(True)
        self.details.setMaximumHeight(140)
        # Shown only when the question could not list every line itself.
        self.details.setVisible(any(line not in question for line in details.splitlines()))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(translate("Decisions", "Apply"))
        self.ok.setEnabled(False)   # no number, no write: the ledger changes on a decision
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("Decisions", "Cancel"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.number.textChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addLayout(form)
        layout.addWidget(self.details)
        layout.addWidget(self.buttons)
        self.resize(max(560, self.sizeHint().width()), self.sizeHint().height())

    def decision(self) -> Decision | None:
        """The decision typed in; None when it is not a valid one."""
        d = self.day.date()
        try:
            return Decision(self.number.text(), date(d.year(), d.month(), d.day()))
        except ApplyError:
            return None


def ask_decision(parent: QWidget | None, question: str, details: str) -> Decision | None:
    dialog = DecisionDialog(question, details, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.decision()


# ---------------------------------------------------------------- the list of applied proposals
def _headers() -> list[str]:
    return [translate("Decisions", "Applied at"), translate("Decisions", "By"), translate("Decisions", "Scenario"),
            translate("Decisions", "Committee document"), translate("Decisions", "Document date"),
            translate("Decisions", "Townships changed"), translate("Decisions", "Slots moved"),
            translate("Decisions", "State")]


def record_cells(record: AppliedRecord) -> list[str]:
    state = translate("Decisions", "Undone") if record.reverted else translate("Decisions", "In force")
    return [record.applied_at, record.applied_by, record.scenario, record.decision_no or "—",
            record.decision_date or "—", "、".join(record.townships), str(record.slots_moved), state]


class DecisionsDocument(ProposalDocument):
    """The list of applied proposals as a printed table (the proposal's renderer: fonts, page numbers,
    searchable PDF text)."""

    def __init__(self, records: list[AppliedRecord], lang: str = "zh_CN") -> None:  # noqa: no Proposal here
        ensure_gui_application()
        self.lang = lang
        self.fonts = ReportFonts.select(lang)
        self.figures = []
        self.pages = []
        self._images = {}
        weights = (1.2, 0.7, 0.7, 2.1, 1.1, 2.4, 0.6, 0.6)
        columns = [Column(title, w, "left" if i == 5 else "center")
                   for i, (title, w) in enumerate(zip(_headers(), weights))]
        self.blocks = [TitleBlock(self.title()),
                       Table(columns, [record_cells(r) for r in records], dense=True)]

    def title(self) -> str:
        return translate("Decisions", "Applied proposals and committee decisions")


class DecisionsDialog(QDialog):
    """Every applied proposal with its decision; print preview and PDF of the list."""

    def __init__(self, db, parent: QWidget | None = None, settings=None) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = settings
        self.setWindowTitle(translate("Decisions", "Applied proposals and committee decisions"))
        self.table = QTableWidget(self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.print_button = QPushButton(translate("Decisions", "Print preview…"), self)
        self.pdf_button = QPushButton(translate("Decisions", "Save as PDF…"), self)
        self.close_button = QPushButton(translate("Decisions", "Close"), self)
        self.print_button.clicked.connect(self.preview)
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(1000, 420)
        self.refresh()

    def refresh(self) -> None:
        self.records = applied_records(self.db) if self.db is not None else []
        headers = _headers()
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(self.records))
        for row, record in enumerate(self.records):
            for column, text in enumerate(record_cells(record)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def document(self) -> DecisionsDocument:
        return DecisionsDocument(self.records, document_language())

    def preview(self) -> None:
        show_preview(self, self.document())

    def save_pdf(self, path: str | None = None) -> str | None:
        path = path or save_file_name(self, self.settings, translate("Decisions", "Save as PDF…"),
                                      "applied_proposals.pdf", "PDF (*.pdf)")
        if not path:
            return None
        self.document().write_pdf(path)   # whole or not at all, readable by its owner only
        return path
