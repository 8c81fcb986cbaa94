"""The township ledger as Qt models: the summary table, its sort/filter proxy and the totals row.

The summary model wraps plain TownshipSummary rows (planner.store.ledger_view), all
read in one go (a few set-based queries, well under a second for thousands of
townships), but hands them to the view in batches through canFetchMore /
fetchMore so the first screen appears at once. The model sorts its whole
list itself, so sorting stays lazy. The filter proxy and the totals row are
in ui.ledger_filter. The totals are computed from
all rows that pass the filter, fetched or not, and shown in a separate
one-row model under the table so they are always in sight.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from PySide6.QtCore import QCollator, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from planner.domain.county import CATEGORIES, KINDS, TOWNSHIP_TYPES
from planner.domain.edit_rules import QUOTA_FIELDS, TOWNSHIP_FIELDS
from planner.domain.rounding import fte_text, ratio_text
from planner.store.ledger_view import SHORTAGE_BELOW, SURPLUS_ABOVE, KindFigures, TownshipSummary
from ui.labels import category_label, field_label, field_short, kind_label, kind_short, status_label, type_label
from ui.table_model import ModelIndex, Role, TableModel

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls


FETCH_BATCH = 200
# Warm for shortage, cool for surplus; light enough for black text to stay readable.
SHORTAGE_COLOR = QColor("#f6b38d")
SURPLUS_COLOR = QColor("#a9cdee")
OVER_QUOTA_COLOR = QColor("#b00020")
MISSING_COLOR = QColor("#9a9a9a")



@dataclass(frozen=True)
class LedgerColumn:
    key: str
    kind: str | None = None  # the quota kind of the column; None for township fields
    editable: bool = False


def _columns() -> list[LedgerColumn]:
    columns = [LedgerColumn("name", None, True), LedgerColumn("type", None, True),
               LedgerColumn("category", None, True), LedgerColumn("locked", None, True)]
    for kind in KINDS:
        columns += [LedgerColumn("approved", kind, True), LedgerColumn("staff", kind, True)]
        if kind == "administrative":
            columns.append(LedgerColumn("leadership", kind, True))
        columns += [LedgerColumn(k, kind) for k in ("vacancy", "over_quota", "required_fte", "pressure")]
    return columns


COLUMNS: list[LedgerColumn] = _columns()
# Plain ints: the roles arrive from C++ as ints, and int comparisons are the cheapest.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_NOT_USED = frozenset(int(r) for r in (Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.FontRole,
                                       Qt.ItemDataRole.SizeHintRole, Qt.ItemDataRole.WhatsThisRole))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ALIGN = [None if c.kind is None else _RIGHT for c in COLUMNS]
CHOICES: dict[str, tuple[str, ...]] = {"type": TOWNSHIP_TYPES, "category": CATEGORIES}


def column_of(key: str, kind: str | None = None) -> int:
    """The column number of a field (and kind): e.g. column_of("pressure", "institutional")."""
    for i, c in enumerate(COLUMNS):
        if c.key == key and c.kind == kind:
            return i
    raise KeyError((key, kind))



def pressure_color(status: str) -> QColor | None:
    return {"shortage": SHORTAGE_COLOR, "surplus": SURPLUS_COLOR}.get(status)


def legend_text() -> str:
    return translate("LedgerModel", "Pressure = staff ÷ required FTE. Below {low} (warm colour): shortage; "
               "above {high} (cool colour): surplus.").format(low=SHORTAGE_BELOW, high=SURPLUS_ABOVE)


def _figure_value(figures: KindFigures, key: str) -> Any:
    return getattr(figures, key)


def _display_number(key: str, value: Any) -> str:
    if value is None:
        return "—"
    if key == "required_fte":
        return fte_text(value)
    if key == "pressure":
        return ratio_text(value)
    return str(value)


def _header(column: LedgerColumn, role: int) -> Any:
    if role == Qt.ItemDataRole.DisplayRole:
        if column.kind is None:
            return field_label(column.key)
        return f"{kind_short(column.kind)}\n{field_short(column.key)}"
    if role == Qt.ItemDataRole.ToolTipRole:
        tips = {
            "approved": translate("LedgerModel", "Approved quota (核定编制) on the ledger"),
            "staff": translate("LedgerModel", "Staff: people on the payroll holding this kind of quota"),
            "leadership": translate("LedgerModel", "Leadership posts, counted inside the administrative quota"),
            "vacancy": translate("LedgerModel", "Vacancy: approved − staff, when positive"),
            "over_quota": translate("LedgerModel", "Over quota: staff − approved, when positive"),
            "required_fte": translate("LedgerModel", "Required FTE from the workload: duty hours ÷ available hours, with the "
                                "shared-duty allowance, plus leadership posts"),
            "pressure": legend_text(),
            "locked": translate("LedgerModel", "A locked township keeps its quota in every proposal"),
        }
        text = tips.get(column.key, field_label(column.key))
        return f"{kind_label(column.kind)}: {text}" if column.kind else text
    return None


class TownshipSummaryModel(TableModel):
    """One row per township: quota, staff, vacancy, over-quota, required FTE and pressure per kind.

    The rows are all in memory; the view is handed them in batches (rowCount is the batches fetched).
    """

    def __init__(self, editor=None, parent=None) -> None:
        super().__init__(parent)
        self.editor = editor  # ui.commands.LedgerEditor, or None for a read-only ledger
        self._exposed = 0
        # Painting asks each cell for half a dozen roles; what a row shows is
        # worked out once and kept until the row changes, so scrolling through
        # thousands of rows stays smooth.
        self._painted: dict[int, tuple[list, list, list]] = {}
        self._flags: list[Qt.ItemFlag] = []
        self._update_flags()
        # township name -> (marked, tooltip): the standing checks it breaks and the decision on record
        # (set by ui.assessment_actions); shown on the name cell only.
        self._notes: dict[str, tuple[bool, str]] = {}
        self._marker = None

    def _update_flags(self) -> None:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        self._flags = []
        for column in COLUMNS:
            flags = base
            if self.editor is not None and column.editable:
                flags |= Qt.ItemFlag.ItemIsUserCheckable if column.key == "locked" else Qt.ItemFlag.ItemIsEditable
            self._flags.append(flags)

    def _paint_data(self, row: int) -> tuple[list, list, list]:
        cached = self._painted.get(row)
        if cached is None:
            summary = self._rows[row]
            cached = ([cell_data(summary, c, _DISPLAY) for c in COLUMNS],
                      [cell_data(summary, c, _BACKGROUND) for c in COLUMNS],
                      [cell_data(summary, c, _FOREGROUND) for c in COLUMNS])
            self._painted[row] = cached
        return cached

    # -- rows
    def set_rows(self, rows: Iterable[TownshipSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._painted.clear()
        self._exposed = min(FETCH_BATCH, len(self._rows))
        self.endResetModel()

    def set_notes(self, notes: dict[str, tuple[bool, str]], marker=None) -> None:
        """Per township: whether to mark its name (a rule it breaks) and the tooltip of its name cell."""
        self._notes, self._marker = dict(notes), marker
        if self._exposed:
            self.dataChanged.emit(self.index(0, 0), self.index(self._exposed - 1, 0))

    def note_of(self, name: str) -> tuple[bool, str]:
        return self._notes.get(name, (False, ""))

    def all_rows(self) -> list[TownshipSummary]:
        return self._rows

    def summary_at(self, row: int) -> TownshipSummary:
        return self._rows[row]

    def row_of_id(self, township_id: int) -> int | None:
        for i, r in enumerate(self._rows):
            if r.id == township_id:
                return i
        return None

    def update_rows(self, fresh: Iterable[TownshipSummary]) -> bool:
        """Replace rows re-read after an edit; False when a row is unknown (reload all instead)."""
        by_id = {r.id: i for i, r in enumerate(self._rows)}
        for summary in fresh:
            i = by_id.get(summary.id)
            if i is None:
                return False
            self._rows[i] = summary
            self._painted.pop(i, None)
            if i < self._exposed:
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(COLUMNS) - 1))
        return True

    def fetch_all(self) -> None:
        while self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort every row, fetched or not (column -1: back to ledger order).

        The rows are plain objects in one list, so Python sorts them directly;
        the view still receives them in batches afterwards. Rows the view holds
        on to (selection, current cell) keep pointing at the same townships.
        """
        if column < 0 or column >= len(COLUMNS):
            def key(i: int):
                return (self._rows[i].position, self._rows[i].id)
        else:
            spec = COLUMNS[column]
            collator = QCollator()  # names in the language's own order (pinyin for Chinese)
            collator.setNumericMode(True)
            values = [cell_data(r, spec, Role.SORT) for r in self._rows]
            if values and isinstance(values[0], str):
                values = [collator.sortKey(v) for v in values]

            def key(i: int):
                return values[i]
        order_of = sorted(range(len(self._rows)), key=key,
                          reverse=column >= 0 and order == Qt.SortOrder.DescendingOrder)
        new_row = {old: new for new, old in enumerate(order_of)}
        held = [i.row() for i in self.persistentIndexList() if i.isValid()]
        needed = max((new_row[r] for r in held), default=-1) + 1
        while needed > self._exposed and self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())  # a held row moving far down stays reachable
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        self._rows = [self._rows[i] for i in order_of]
        self._painted.clear()
        self.changePersistentIndexList(
            persistent, [self.index(new_row[i.row()], i.column()) if i.isValid() else QModelIndex()
                         for i in persistent])
        self.layoutChanged.emit()

    def retranslate(self) -> None:
        self._painted.clear()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._exposed:
            self.dataChanged.emit(self.index(0, 0), self.index(self._exposed - 1, len(COLUMNS) - 1))

    # -- lazy fetch
    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and self._exposed < len(self._rows)

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:
        if parent.isValid():
            return
        count = min(FETCH_BATCH, len(self._rows) - self._exposed)
        if count <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._exposed, self._exposed + count - 1)
        self._exposed += count
        self.endInsertRows()

    # -- QAbstractTableModel
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._exposed

    def column_count(self) -> int:
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(COLUMNS):
                return _header(COLUMNS[section], role)
            return None
        if role == Qt.ItemDataRole.DisplayRole and 0 <= section < self._exposed:
            return str(section + 1)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return self._flags[index.column()]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if row < 0 or row >= self._exposed:  # an invalid index has row -1
            return None
        # The roles a painted cell asks for, answered from the row's cache.
        if role == _DISPLAY:
            return self._paint_data(row)[0][index.column()]
        if role == _ALIGNMENT:
            return _ALIGN[index.column()]
        if role == _BACKGROUND:
            return self._paint_data(row)[1][index.column()]
        if role == _FOREGROUND:
            return self._paint_data(row)[2][index.column()]
        if index.column() == 0 and self._notes and role in (_DECORATION, _TOOLTIP):
            marked, tip = self.note_of(self._rows[row].name)
            if role == _DECORATION:
                return self._marker if marked else None
            return tip or None
        if role in _NOT_USED:
            return None
        column = COLUMNS[index.column()]
        if role == Role.SPEC:
            if not column.editable or column.key == "locked":
                return None
            return TOWNSHIP_FIELDS[column.key] if column.kind is None else QUOTA_FIELDS[column.key]
        if role == Role.TAKEN:
            return {r.name for r in self._rows} if column.key == "name" else None
        return cell_data(self._rows[index.row()], column, role)

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if self.editor is None or not index.isValid() or index.row() >= self._exposed:
            return False
        column = COLUMNS[index.column()]
        if not column.editable:
            return False
        row = self._rows[index.row()]
        if column.key == "locked":
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            value = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
            return self.editor.set_township_field(row.name, "locked", value, current=row.locked)
        if role != Qt.ItemDataRole.EditRole:
            return False
        if column.kind is None:
            return self.editor.set_township_field(row.name, column.key, value, current=getattr(row, column.key))
        return self.editor.set_quota_field(row.name, column.kind, column.key, value,
                                           current=getattr(row.kind(column.kind), column.key))


def cell_data(row: TownshipSummary, column: LedgerColumn, role: int) -> Any:
    """What one cell of a township row shows for a role (shared by the ledger and its totals)."""
    key = column.key
    if column.kind is None:
        value = getattr(row, key)
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "type":
                return type_label(value)
            if key == "category":
                return category_label(value)
            if key == "locked":
                return None
            return value
        if role in (Qt.ItemDataRole.EditRole, Role.SORT):
            return int(value) if key == "locked" else value
        if role == Qt.ItemDataRole.CheckStateRole and key == "locked":
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if role == Role.TOWNSHIP_ID:
            return row.id
        return None
    figures = row.kind(column.kind)
    value = _figure_value(figures, key)
    if role == Qt.ItemDataRole.DisplayRole:
        return _display_number(key, value)
    if role == Qt.ItemDataRole.EditRole:
        return value
    if role == Role.SORT:
        # Townships without any workload sort after every real pressure figure.
        return 1e9 if value is None else float(value)
    if role == Qt.ItemDataRole.TextAlignmentRole:
        return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if role == Role.TOWNSHIP_ID:
        return row.id
    if key == "pressure":
        status = figures.status
        if role == Role.STATUS:
            return status
        if role == Qt.ItemDataRole.BackgroundRole:
            color = pressure_color(status)
            return QBrush(color) if color is not None else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if value is None:
                return status_label("")
            return translate("LedgerModel", "{status}: staff {staff} ÷ required {required} FTE = {pressure} "
                             "(WISN ratio, not the proposal's quota/need)").format(
                status=status_label(status), staff=figures.staff, required=fte_text(figures.required_fte),
                pressure=ratio_text(value))
    if role == Qt.ItemDataRole.ForegroundRole:
        if key == "over_quota" and value:
            return QBrush(OVER_QUOTA_COLOR)
        if not figures.has_line:
            return QBrush(MISSING_COLOR)
    return None
