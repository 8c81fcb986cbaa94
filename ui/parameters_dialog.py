"""The county's working-time and A/B parameters, edited in place and undoable.

They set the available working time (AWT) every township's required FTE is
measured against, so a change re-reads the whole ledger.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from planner.store.ledger import PARAM_NAMES
from planner.store.reads import county_params
from planner.domain.edit_rules import FieldSpec
from planner.domain.workload import PARAMETER_RANGES, WorkParams, available_hours
from ui.delegates import format_number
from ui.table_model import ModelIndex, Role, TableModel
from ui.detail_view import make_table
from ui.labels import parameter_label

RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def parameter_spec(name: str) -> FieldSpec:
    low, high, label_zh = PARAMETER_RANGES[name]
    return FieldSpec(name, label_zh, name, "int" if name == "max_backup_roles" else "float", maximum=high)


class ParametersModel(TableModel):
    """One row per parameter: its name, value (editable) and allowed range."""

    def __init__(self, editor=None, parent=None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.params = WorkParams()

    def set_params(self, params: WorkParams) -> None:
        self.beginResetModel()
        self.params = params
        self.endResetModel()

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)
        self.dataChanged.emit(self.index(0, 0), self.index(len(PARAM_NAMES) - 1, 2))

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(PARAM_NAMES)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return (self.tr("Parameter"), self.tr("Value"), self.tr("Allowed"))[section] if 0 <= section < 3 else None
        return str(section + 1) if 0 <= section < len(PARAM_NAMES) else None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 1 and self.editor is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(PARAM_NAMES):
            return None
        name = PARAM_NAMES[index.row()]
        value = getattr(self.params, name)
        low, high, _ = PARAMETER_RANGES[name]
        if role == Qt.ItemDataRole.DisplayRole:
            return (parameter_label(name), format_number(value), f"{low:g} – {high:g}")[index.column()]
        if role == Qt.ItemDataRole.EditRole and index.column() == 1:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return RIGHT
        if role == Role.SPEC and index.column() == 1:
            return parameter_spec(name)
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if self.editor is None or not index.isValid() or index.column() != 1 or role != Qt.ItemDataRole.EditRole:
            return False
        name = PARAM_NAMES[index.row()]
        return self.editor.set_parameter(name, value, current=getattr(self.params, name))


class ParametersDialog(QDialog):
    """Non-modal: the ledger stays usable while the parameters are open."""

    def __init__(self, editor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.model = ParametersModel(editor, self)
        self.view = make_table(self.model, self)
        self.awt = QLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(self.awt)
        layout.addWidget(buttons)
        editor.changed.connect(self._ledger_changed)
        self.retranslateUi()
        self.refresh()
        self.resize(620, 360)

    def _ledger_changed(self, _township_ids) -> None:
        self.refresh()

    def refresh(self) -> None:
        if self.editor.db is None:
            return
        params = county_params(self.editor.db)
        self.model.set_params(params)
        self.view.resizeColumnsToContents()
        self.awt.setText(self.tr("Available working time: {hours:,.0f} hours per person and year").format(
            hours=available_hours(params)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Working-time parameters"))
        self.model.retranslate()
        if self.editor.db is not None:
            self.refresh()
