"""The ledger's filter (name, kind, status) and the totals row under it.

Both work on the plain rows of ui.ledger_model.TownshipSummaryModel; the
totals are worked out from every row that passes the filter, fetched by the
view or not.
"""

from __future__ import annotations

from typing import Any, Iterable

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt

from planner.domain.county import KINDS
from planner.store.ledger_view import KindFigures, TownshipSummary, summary_totals
from ui.ledger_model import COLUMNS, ModelIndex, _header, cell_data, translate
from ui.table_model import Role, TableModel


def row_matches(row: TownshipSummary, text: str = "", kind: str = "", status: str = "") -> bool:
    """The ledger filter: name contains text; status (shortage, surplus, over_quota, vacancy) in kind."""
    if text and text.casefold() not in row.name.casefold():
        return False
    if not status:
        return True
    kinds = [kind] if kind else list(KINDS)
    for k in kinds:
        f = row.kind(k)
        if status in ("shortage", "surplus") and f.status == status:
            return True
        if status == "over_quota" and f.over_quota > 0:
            return True
        if status == "vacancy" and f.vacancy > 0:
            return True
    return False


class LedgerFilterProxy(QSortFilterProxyModel):
    """Sort by any column (numbers as numbers) and filter by name, kind and status."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(Role.SORT)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortLocaleAware(True)
        self.text = ""
        self.kind = ""
        self.status = ""

    def set_filter(self, text: str | None = None, kind: str | None = None, status: str | None = None) -> None:
        new_text = self.text if text is None else text.strip()
        if new_text or (status if status is not None else self.status):
            # A filter over the first batch only would hide matches further down.
            self.sourceModel().fetch_all()
        modern = hasattr(self, "beginFilterChange")  # Qt 6.9+
        if modern:
            self.beginFilterChange()
        self.text = new_text
        if kind is not None:
            self.kind = kind
        if status is not None:
            self.status = status
        if modern:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def filtering(self) -> bool:
        return bool(self.text or self.status)

    def matches(self, row: TownshipSummary) -> bool:
        return row_matches(row, self.text, self.kind, self.status)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        return self.matches(self.sourceModel().summary_at(source_row))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # The ledger model sorts all of its rows itself (the proxy would see only
        # the fetched batch); the proxy keeps the source order and filters.
        self.sourceModel().sort(column, order)


class TotalsModel(TableModel):
    """The totals row under the ledger: county sums per kind over the townships shown."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._total: TownshipSummary | None = None
        self._count = 0

    def set_rows(self, rows: Iterable[TownshipSummary]) -> None:
        rows = list(rows)
        self._count = len(rows)
        self._total = TownshipSummary(0, "", "", "", False, 0, dict(summary_totals(rows)))
        self.dataChanged.emit(self.index(0, 0), self.index(0, len(COLUMNS) - 1))

    @property
    def township_count(self) -> int:
        return self._count

    def total(self, kind: str) -> KindFigures:
        return self._total.kind(kind) if self._total else KindFigures()

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self.dataChanged.emit(self.index(0, 0), self.index(0, len(COLUMNS) - 1))

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 1

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return _header(COLUMNS[section], role)
        if orientation == Qt.Orientation.Vertical and section == 0 and role == Qt.ItemDataRole.DisplayRole:
            return translate("LedgerModel", "Total")
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._total is None or index.row() != 0:
            return None
        column = COLUMNS[index.column()]
        if column.kind is None:
            # "Total" alone under the frozen name column; the count beside it, across type to locked.
            if column.key == "type" and role == Qt.ItemDataRole.DisplayRole:
                return translate("LedgerModel", "{count} townships").format(count=self._count)
            if column.key in ("name", "type"):
                if role == Qt.ItemDataRole.DisplayRole:
                    return translate("LedgerModel", "Total")
                if role == Qt.ItemDataRole.ToolTipRole:
                    return translate("LedgerModel", "Sums over the townships the filter shows; vacancy and over-quota are "
                               "summed township by township")
            return None
        if role == Qt.ItemDataRole.FontRole:
            return None
        return cell_data(self._total, column, role)
