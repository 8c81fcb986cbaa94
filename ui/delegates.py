"""Cell editors that check what is typed: no minus sign or letters in number
fields, a choice list for coded fields, and a red mark on a name that is
empty or already taken.

A model tells the delegate how a cell is edited through Role.SPEC (the
planner.store.ledger_edit.FieldSpec of the cell) and, for names, Role.TAKEN (the
names already used in the same scope). The services validate again when the
edit is applied, so a value that slips past an editor is still refused.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, QRegularExpression, Qt
from PySide6.QtGui import QDoubleValidator, QIntValidator, QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QLineEdit, QStyledItemDelegate, QWidget

from planner.domain.county import KINDS
from planner.domain.edit_rules import FieldSpec
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
        editor = QLineEdit(parent)
        if spec.type == "date":
            editor.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,4}(-\d{0,2}(-\d{0,2})?)?"),
                                                            editor))
            editor.setPlaceholderText("2015-09-01")
            return editor
        if spec.type == "month":
            editor.setPlaceholderText("1972-05")
            return editor
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if spec.type == "int":
            validator = QIntValidator(0, int(spec.maximum), editor)
        else:
            validator = QDoubleValidator(0.0, spec.maximum, 4, editor)
            validator.setNotation(QDoubleValidator.Notation.StandardNotation)
        # The C locale: a decimal point, no group separators, whatever the desktop language.
        locale = QLocale.c()
        locale.setNumberOptions(QLocale.NumberOption.RejectGroupSeparator)
        validator.setLocale(locale)
        editor.setValidator(validator)
        editor.setToolTip(translate("Delegates", "A number, 0 or more"))
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
