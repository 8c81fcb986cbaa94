"""The dialogs of Excel import: what the import will change, and why a file was refused."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QFileDialog, QHeaderView, QLabel, QPlainTextEdit,
    QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from planner.domain.county import KINDS
from planner.files import write_text_atomically
from planner.domain.vocabulary import kind_label
from planner.excel.preview import ImportPreview, KindTotals
from planner.excel.problems import ImportProblem
from ui.i18n import current_language
from ui.recovery import safe_save_path

MAX_SHOWN_PROBLEMS = 5000  # beyond this the list is saved to a file rather than scrolled


translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls


def kind_name(kind: str) -> str:
    """行政编制 / Administrative."""
    return kind_label(kind, current_language(), long=True, cap=True)


class ImportPreviewDialog(QDialog):
    """Shows what an import changes and asks before anything is written."""

    def __init__(self, preview: ImportPreview, file_name: str, notices: list[ImportProblem],
                 lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(translate("ExcelDialogs", "Import ledger from Excel"))
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setText(
            translate("ExcelDialogs", "<b>Replace the ledger with the contents of “{file}”?</b><br>Townships: {added} added, "
                "{changed} changed, {removed} removed, {unchanged} unchanged. "
                "Edit → Undo puts the present ledger back.").format(
                file=file_name, added=len(preview.added), changed=len(preview.changed),
                removed=len(preview.removed), unchanged=preview.unchanged))
        layout.addWidget(self.heading)

        self.totals = QTableWidget(len(KINDS), 5, self)
        self.totals.setHorizontalHeaderLabels([
            translate("ExcelDialogs", "Quota kind"), translate("ExcelDialogs", "Approved before"), translate("ExcelDialogs", "Approved after"), translate("ExcelDialogs", "Staff before"),
            translate("ExcelDialogs", "Staff after")])
        self.totals.verticalHeader().hide()
        self.totals.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.totals.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for row, kind in enumerate(KINDS):
            before = preview.totals_before.get(kind, KindTotals())
            after = preview.totals_after.get(kind, KindTotals())
            values = [kind_name(kind), before.approved, after.approved, before.staff, after.staff]
            for col, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    if col in (2, 4) and value != values[col - 1]:
                        font = item.font()
                        font.setBold(True)
                        item.setFont(font)
                self.totals.setItem(row, col, item)
        self.totals.setFixedHeight(self.totals.horizontalHeader().sizeHint().height()
                                   + sum(self.totals.rowHeight(r) for r in range(len(KINDS))) + 4)
        layout.addWidget(self.totals)

        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        lines = preview.lines(lang)
        if notices:
            lines += ["", translate("ExcelDialogs", "Notices (not errors):")] + [n.format(lang) for n in notices]
        self.details.setPlainText("\n".join(lines))
        layout.addWidget(self.details, 1)

        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(translate("ExcelDialogs", "Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        self.resize(720, 520)


class ProblemsDialog(QDialog):
    """Every problem of a refused file, one line each, to read, copy or save."""

    def __init__(self, problems: list[ImportProblem], file_name: str, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines = [p.format(lang) for p in problems]
        self.setWindowTitle(translate("ExcelDialogs", "The file was not imported"))
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setText(
            translate("ExcelDialogs", "{count} problem(s) found in “{file}”. The ledger was not changed. Correct the workbook "
                "and import it again.").format(count=len(problems), file=file_name))
        layout.addWidget(self.heading)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        shown = self.lines[:MAX_SHOWN_PROBLEMS]
        if len(self.lines) > MAX_SHOWN_PROBLEMS:
            shown.append(translate("ExcelDialogs", "… and {more} more: use “Save list…” for all of them.").format(
                more=len(self.lines) - MAX_SHOWN_PROBLEMS))
        self.text.setPlainText("\n".join(shown))
        layout.addWidget(self.text, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(translate("ExcelDialogs", "Copy"), self)
        self.save_button = QPushButton(translate("ExcelDialogs", "Save list…"), self)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        self.save_button.clicked.connect(lambda: self.save())
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(820, 480)

    def all_text(self) -> str:
        return "\n".join(self.lines) + "\n"

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.all_text())

    def save(self, path: str | None = None) -> str | None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, translate("ExcelDialogs", "Save the list of problems"), "problems.txt",
                                                  translate("ExcelDialogs", "Text files (*.txt)"))
            path = safe_save_path(self, path, None)
        if not path:
            return None
        write_text_atomically(path, self.all_text(), encoding="utf-8-sig")  # the BOM lets Notepad and WPS read Chinese
        return path
