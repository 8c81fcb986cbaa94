"""The standing checks (编制标准) the user edits: category bands, leadership standards, office limits.

One table per rule: a blank cell is an open end. "OK" pushes one undoable step
(EditRulesCommand) whose do and undo each replace the whole library in a transaction of their
own (planner.services.rules.replace_rules), logged in the audit log.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QGroupBox, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from planner.domain.county import CATEGORIES, KINDS
from planner.domain.rules import Range, RulesError, RulesLibrary
from planner.services.rules import load_rules, replace_rules
from ui.i18n import current_language
from ui.labels import category_label, kind_label
from ui.undo import UndoCommand, UndoContext

translate = QCoreApplication.translate
BAND_KINDS = ("administrative", "institutional")
OFFICE_KINDS = ("administrative", "institutional", "support")


class EditRulesCommand(UndoCommand):
    """Replaces the standing checks; undo puts back the library it replaced."""

    def __init__(self, context: UndoContext, rules: RulesLibrary) -> None:
        super().__init__(context, lambda: translate("Rules", "Edit the standing checks"))
        self.rules = rules
        self.before: RulesLibrary | None = None

    def _do(self, session):
        self.before = replace_rules(session, self.rules)
        return None

    def _undo(self, session):
        replace_rules(session, self.before)
        return None


def _cell(value: int | None) -> QTableWidgetItem:
    return QTableWidgetItem("" if value is None else str(value))


def _fit(table: QTableWidget) -> None:
    """Columns share the width; the table is exactly as tall as its rows (no scroll bar for three rows)."""
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
    height += sum(table.rowHeight(r) for r in range(table.rowCount()))
    table.setFixedHeight(height)


class RulesDialog(QDialog):
    """Edits a copy of the library; `library()` reads it back (RulesError for a bad cell)."""

    def __init__(self, rules: RulesLibrary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Rules", "Standing checks"))
        lead = translate("Rules", "Blank means no limit. Townships outside a rule are marked in the ledger and "
                                  "named in their assessment; a scenario can take the bands as solve bands.")
        self.note = QLabel(lead, self)
        self.note.setWordWrap(True)
        low, high = translate("Rules", "Low"), translate("Rules", "High")
        # Bands: one row per category, a low and a high column per kind.
        self.bands = QTableWidget(len(CATEGORIES), 2 * len(BAND_KINDS), self)
        self.bands.setHorizontalHeaderLabels([f"{kind_label(k)} {end}" for k in BAND_KINDS for end in (low, high)])
        self.bands.setVerticalHeaderLabels([category_label(c) for c in CATEGORIES])
        for r, category in enumerate(CATEGORIES):
            for i, kind in enumerate(BAND_KINDS):
                band = rules.band(category, kind)
                self.bands.setItem(r, 2 * i, _cell(band.low))
                self.bands.setItem(r, 2 * i + 1, _cell(band.high))
        self.leaders = QTableWidget(len(CATEGORIES), 2, self)
        self.leaders.setHorizontalHeaderLabels([low, high])
        self.leaders.setVerticalHeaderLabels([category_label(c) for c in CATEGORIES])
        for r, category in enumerate(CATEGORIES):
            standard = rules.leadership_standard(category)
            self.leaders.setItem(r, 0, _cell(standard.low))
            self.leaders.setItem(r, 1, _cell(standard.high))
        self.offices = QTableWidget(1, len(OFFICE_KINDS), self)
        self.offices.setHorizontalHeaderLabels([kind_label(k) for k in OFFICE_KINDS])
        self.offices.setVerticalHeaderLabels([translate("Rules", "Most offices")])
        for i, kind in enumerate(OFFICE_KINDS):
            self.offices.setItem(0, i, _cell(rules.office_limit(kind)))
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("Rules", "OK"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("Rules", "Cancel"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        for title, table in ((translate("Rules", "Quota band per category"), self.bands),
                             (translate("Rules", "Leadership posts per category"), self.leaders),
                             (translate("Rules", "Offices per township"), self.offices)):
            box = QGroupBox(title, self)
            inner = QVBoxLayout(box)
            inner.addWidget(table)
            _fit(table)
            layout.addWidget(box)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(620, 520)

    def _number(self, table: QTableWidget, row: int, column: int, where: str) -> int | None:
        item = table.item(row, column)
        text = (item.text() if item else "").strip()
        if not text:
            return None
        try:
            return int(text)
        except ValueError:
            raise RulesError(f"{where}：“{text}”不是整数", message_en=f"{where}: '{text}' is not a whole number")

    def library(self) -> RulesLibrary:
        rules = RulesLibrary()
        for r, category in enumerate(CATEGORIES):
            for i, kind in enumerate(BAND_KINDS):
                where = f"{category_label(category)} {kind_label(kind)}"
                band = Range(self._number(self.bands, r, 2 * i, where), self._number(self.bands, r, 2 * i + 1, where))
                if not band.empty:
                    rules.bands[(category, kind)] = band
            standard = Range(self._number(self.leaders, r, 0, category_label(category)),
                             self._number(self.leaders, r, 1, category_label(category)))
            if not standard.empty:
                rules.leadership[category] = standard
        for i, kind in enumerate(OFFICE_KINDS):
            limit = self._number(self.offices, 0, i, kind_label(kind))
            if limit is not None:
                rules.offices[kind] = limit
        return rules.checked()

    def _accept(self) -> None:
        try:
            self.result_rules = self.library()
        except RulesError as error:
            self.error.setText(error.message(current_language()))
            return
        self.accept()


def edit_rules(workspace, parent: QWidget | None = None) -> bool:
    """Show the dialog on the library on record; True when a changed library was pushed as one step."""
    if workspace.db is None:
        return False
    current = load_rules(workspace.db)
    dialog = RulesDialog(current, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_rules == current:
        return False
    return workspace.editor.push(EditRulesCommand(workspace.editor.context, dialog.result_rules))
