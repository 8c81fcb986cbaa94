"""The one base of the window's table models, and the one list of the data roles they answer.

Every table model (ledger, township detail, proposal, scenarios and
comparison, totals, audit log, parameters) wraps a list of plain row objects
(dataclasses, dicts, strings; never ORM rows or a Session) and derives from
TableModel. The roles beyond Qt's own are the members of Role: one number
each, so a proxy or a delegate asking one model's role never gets another
model's answer by accident.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

ModelIndex = QModelIndex | QPersistentModelIndex
_USER = int(Qt.ItemDataRole.UserRole)


class Role(IntEnum):
    """The data roles of the window's models (ints, as Qt hands roles to data())."""

    SORT = _USER + 1         # raw value for sorting: numbers as numbers, None after every number
    STATUS = _USER + 2       # "shortage" / "surplus" / "balanced" / "" on a pressure cell
    TOWNSHIP_ID = _USER + 3  # the ledger id of the row's township
    SPEC = _USER + 4         # planner.store.ledger_edit.FieldSpec of an editable cell (ui.delegates)
    TAKEN = _USER + 5        # names already used beside this one (a rename must not repeat them)
    KIND = _USER + 6         # the row's quota kind code, for filtering
    TOWNSHIP = _USER + 7     # the row's township name
    NAME = _USER + 8         # the scenario a row stands for
    DIFFERS = _USER + 9      # True when the compared scenarios disagree on the row


class TableModel(QAbstractTableModel):
    """A table of plain row objects; a subclass says how many columns and what each cell shows."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows) -> None:
        """Show other rows (a model reset: views drop selection and scroll position)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row(self, r: int) -> Any:
        return self._rows[r]

    def column_count(self) -> int:
        """The number of columns (a subclass with a fixed list of columns answers its length)."""
        return 0

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.column_count()

    def retranslate(self) -> None:
        """Header texts and shown cells follow a language change (no reset: the selection stays)."""
        columns, rows = self.columnCount(), self.rowCount()
        if columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)
        if rows and columns:
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, columns - 1))
