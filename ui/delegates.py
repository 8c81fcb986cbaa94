"""Cell editors that check what is typed: a number field turns red with the
reason at the cell while it holds a minus sign, letters or nothing (the value
is refused with that message when committed, never silently changed), a
choice list for coded fields, and a red mark on a name that is empty or
already taken. CheckedTableView never starts renaming a row because someone
typed on it: a name is changed with F2, a double click or an action.

A model tells the delegate how a cell is edited through Role.SPEC (the
planner.store.ledger_edit.FieldSpec of the cell) and, for names, Role.TAKEN (the
names already used in the same scope). The services validate again when the
edit is applied, so a value that slips past an editor is still refused.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPoint, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QLineEdit, QStyledItemDelegate, QTableView, QToolTip, QWidget,
)

from planner.domain.county import KINDS
from planner.domain.edit_rules import EditError, FieldSpec, coerce
from ui.i18n import error_text
from ui.labels import category_label, kind_label, type_label
from ui.table_model import Role

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls


INVALID_STYLE = "QLineEdit { background: #ffd9d9; }"



def format_number(value) -> str:
    """A number as the user would type it: 12 not 12.0, 1000000 not 1e+06."""
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def choice_label(spec: FieldSpec, value: str) -> str:
    if value == "":
        return "—"
    if spec.choices == KINDS:
        return kind_label(value)
    if spec.name == "type":
        return type_label(value)
    if spec.name == "category":
        return category_label(value)
    return value


class NameEdit(QLineEdit):
    """A name editor that turns red while the name is empty or taken."""

    def __init__(self, taken: set[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.taken = taken
        self.original = ""
        self.textChanged.connect(self._check)

    def problem(self) -> str:
        text = self.text().strip()
        if not text:
            return translate("Delegates", "The name must not be empty")
        if text != self.original and text in self.taken:
            return translate("Delegates", "This name is already used")
        return ""

    def _check(self) -> None:
        problem = self.problem()
        self.setStyleSheet(INVALID_STYLE if problem else "")
        self.setToolTip(problem)


class NumberEdit(QLineEdit):
    """A number editor that says at the cell what is wrong with what was typed.

    Nothing typed is swallowed (a validator would drop a minus sign and show
    "3" for "-3", ignore letters and keep an emptied cell from closing): the
    text stays as typed, red, with the reason beside the cell, and the edit is
    refused with the same reason if it is committed.
    """

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setMaxLength(24)
        self.textEdited.connect(self._check)

    def problem(self) -> str:
        try:
            coerce(self.spec, self.text())
        except EditError as error:
            return error_text(error)
        return ""

    def _check(self) -> None:
        problem = self.problem()
        self.setStyleSheet(INVALID_STYLE if problem else "")
        self.setToolTip(problem or translate("Delegates", "A number, 0 or more"))
        if problem:
            QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), problem, self)
        else:
            QToolTip.hideText()


def is_name_cell(index: QModelIndex) -> bool:
    spec = index.data(Role.SPEC)
    return isinstance(spec, FieldSpec) and spec.type == "text" and spec.name == "name"


class CheckedTableView(QTableView):
    """A table where typing on a row never renames it (荷塘镇 became "2400" that way).

    Typing starts an edit of a number or a choice as before; on a name cell it
    only says how to rename (F2 or a double click).
    """

    def edit(self, *args):
        if len(args) == 3:
            index, trigger, event = args
            if trigger == QAbstractItemView.EditTrigger.AnyKeyPressed and is_name_cell(index):
                self.name_typing_refused(index)
                return False
        return super().edit(*args)

    def name_typing_refused(self, index: QModelIndex) -> None:
        self.last_hint = translate("Delegates", "Press F2 or double-click to rename")
        QToolTip.showText(self.viewport().mapToGlobal(self.visualRect(index).bottomLeft()), self.last_hint, self)


class LedgerDelegate(QStyledItemDelegate):
    """Editors chosen by the cell's FieldSpec."""

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:
        spec: FieldSpec | None = index.data(Role.SPEC)
        if spec is None:
            return super().createEditor(parent, option, index)
        if spec.type == "choice":
            editor = QComboBox(parent)
            for value in spec.choices:
                editor.addItem(choice_label(spec, value), value)
            return editor
        if spec.type == "text":
            editor = NameEdit(set(index.data(Role.TAKEN) or ()), parent)
            editor.setMaxLength(spec.max_length)
            return editor
        if spec.type not in ("date", "month"):
            return NumberEdit(spec, parent)
        editor = QLineEdit(parent)
        if spec.type == "date":
            editor.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,4}(-\d{0,2}(-\d{0,2})?)?"),
                                                            editor))
            editor.setPlaceholderText("2015-09-01")
            return editor
        editor.setPlaceholderText("1972-05")
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            position = editor.findData(value)
            editor.setCurrentIndex(max(0, position))
        elif isinstance(editor, NameEdit):
            editor.original = "" if value is None else str(value)
            editor.setText(editor.original)
        elif isinstance(editor, QLineEdit):
            editor.setText(value.isoformat() if hasattr(value, "isoformat") else format_number(value))
            editor.selectAll()
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QLineEdit):
            # The model applies the edit through the services, which refuse a
            # bad value with a message naming the field.
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)
