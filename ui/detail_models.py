"""Table models of one township's detail: its facts, quota per kind, offices, duties and people.

Each wraps plain rows from planner.store.ledger_view.TownshipDetail; edits go
through the LedgerEditor (undoable), after which the window re-reads the
township and hands the models fresh rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush

from planner.domain.retirement import age_text
from planner.domain.vocabulary import TIME_FIELD_WORDS, time_field_label, person_status_label, sex_label
from planner.domain.edit_rules import (
    DUTY_FIELDS, OFFICE_FIELDS, PERSON_FIELDS, QUOTA_FIELDS, TOWNSHIP_FIELDS, FieldSpec,
)
from planner.store.ledger_view import TownshipDetail, pressure_status
from ui.delegates import format_number
from ui.i18n import current_language
from ui.labels import category_label, field_label, kind_label, status_label, type_label, yes_no
from ui.ledger_model import OVER_QUOTA_COLOR, pressure_color
from ui.table_model import ModelIndex, Role, TableModel

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls

RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)



@dataclass(frozen=True)
class Col:
    key: str
    spec: FieldSpec | None = None  # set: the column is editable with this spec
    numeric: bool = False
    check: bool = False  # a yes/no field shown as a check box


class RowsModel(TableModel):
    """A table of one township's plain row objects with declared columns."""

    columns: list[Col] = []

    def __init__(self, editor=None, parent=None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.township = ""

    def set_rows(self, township: str, rows: list[Any]) -> None:
        self.township = township
        super().set_rows(rows)

    def column_count(self) -> int:
        return len(self.columns)

    # -- to be specialised
    def value(self, row: Any, key: str) -> Any:
        return getattr(row, key)

    def display(self, row: Any, key: str, value: Any) -> Any:
        if key == "kind":
            return kind_label(value)
        if isinstance(value, float):
            return f"{value:,.1f}" if key in ("hours", "duty_hours", "required_fte") else format_number(value)
        return "" if value is None else str(value)

    def can_edit(self, row: Any, col: Col) -> bool:
        return col.spec is not None or col.check

    def taken(self, row: Any, col: Col) -> set[str] | None:
        return None

    def apply(self, row: Any, key: str, value: Any) -> bool:
        return False

    def extra(self, row: Any, col: Col, role: int) -> Any:
        return None

    # -- QAbstractTableModel
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return field_label(self.columns[section].key) if 0 <= section < len(self.columns) else None
        return str(section + 1) if 0 <= section < len(self._rows) else None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        col = self.columns[index.column()]
        if self.editor is not None and self.can_edit(self._rows[index.row()], col):
            flags |= Qt.ItemFlag.ItemIsUserCheckable if col.check else Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        col = self.columns[index.column()]
        value = self.value(row, col.key)
        if role == Qt.ItemDataRole.DisplayRole:
            return None if col.check else self.display(row, col.key, value)
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role == Role.SORT:
            if value is None:
                return 1e9 if col.numeric else ""
            return value if isinstance(value, (int, float, str)) else str(value)
        if role == Qt.ItemDataRole.CheckStateRole and col.check:
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and col.numeric:
            return RIGHT
        if role == Role.SPEC:
            return col.spec if self.can_edit(row, col) else None
        if role == Role.TAKEN:
            return self.taken(row, col)
        return self.extra(row, col, role)

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if self.editor is None or not index.isValid() or index.row() >= len(self._rows):
            return False
        row = self._rows[index.row()]
        col = self.columns[index.column()]
        if not self.can_edit(row, col):
            return False
        if col.check:
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            value = value if isinstance(value, bool) else Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        return self.apply(row, col.key, value)


def time_header(model: RowsModel, section: int, orientation, role) -> str | None:
    """The header of a time-ledger column (sex, retirement month, usable vacancy …), named by the
    vocabulary; None for the other columns."""
    if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(model.columns) and model.columns[section].key in TIME_FIELD_WORDS):
        return time_field_label(model.columns[section].key, current_language())
    return None


class QuotaModel(RowsModel):
    columns = [Col("kind"), Col("approved", QUOTA_FIELDS["approved"], True),
               Col("staff", QUOTA_FIELDS["staff"], True), Col("leadership", QUOTA_FIELDS["leadership"], True),
               Col("vacancy", numeric=True), Col("over_quota", numeric=True), Col("duty_hours", numeric=True),
               Col("required_fte", numeric=True), Col("pressure", numeric=True),
               Col("pending_hires", numeric=True), Col("usable_vacancy", numeric=True), Col("pool", numeric=True)]

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        return time_header(self, section, orientation, role) or super().headerData(section, orientation, role)

    def can_edit(self, row, col) -> bool:
        # Leadership posts are counted inside the administrative quota only.
        return col.spec is not None and (col.key != "leadership" or row.kind == "administrative")

    def display(self, row, key, value):
        if key == "pressure":
            return "—" if value is None else f"{value:.2f}"
        if key == "leadership" and row.kind != "administrative":
            return ""  # leadership posts exist in the administrative quota only
        return super().display(row, key, value)

    def extra(self, row, col, role):
        if col.key == "pressure":
            status = pressure_status(row.pressure)
            if role == Role.STATUS:
                return status
            if role == Qt.ItemDataRole.BackgroundRole:
                color = pressure_color(status)
                return QBrush(color) if color is not None else None
            if role == Qt.ItemDataRole.ToolTipRole:
                return status_label(status)
        if col.key == "over_quota" and role == Qt.ItemDataRole.ForegroundRole and row.over_quota:
            return QBrush(OVER_QUOTA_COLOR)
        return None

    def apply(self, row, key, value) -> bool:
        return self.editor.set_quota_field(self.township, row.kind, key, value, current=getattr(row, key))


class OfficeModel(RowsModel):
    columns = [Col("name", OFFICE_FIELDS["name"]), Col("kind", OFFICE_FIELDS["kind"]),
               Col("duties", numeric=True), Col("hours", numeric=True)]

    def taken(self, row, col):
        return {r.name for r in self._rows} if col.key == "name" else None

    def apply(self, row, key, value) -> bool:
        return self.editor.set_office_field(self.township, row.name, key, value, current=getattr(row, key))


class DutyModel(RowsModel):
    columns = [Col("office"), Col("name", DUTY_FIELDS["name"]),
               Col("annual_volume", DUTY_FIELDS["annual_volume"], True),
               Col("minutes_per_case", DUTY_FIELDS["minutes_per_case"], True),
               Col("fixed_hours", DUTY_FIELDS["fixed_hours"], True), Col("hours", numeric=True),
               Col("needs_backup", DUTY_FIELDS["needs_backup"], check=True)]

    def taken(self, row, col):
        if col.key != "name":
            return None
        return {r.name for r in self._rows if r.office == row.office}

    def extra(self, row, col, role):
        if role == Qt.ItemDataRole.ToolTipRole and col.key == "hours":
            return translate("DetailModels", "{volume} cases × {minutes} min ÷ 60 + {fixed} fixed hours").format(
                volume=format_number(row.annual_volume), minutes=format_number(row.minutes_per_case),
                fixed=format_number(row.fixed_hours))
        if role == Qt.ItemDataRole.ToolTipRole and col.key == "office":
            return kind_label(row.kind)
        return None

    def apply(self, row, key, value) -> bool:
        return self.editor.set_duty_field(self.township, row.office, row.name, key, value,
                                          current=getattr(row, key))


class PeopleModel(RowsModel):
    columns = [Col("name", PERSON_FIELDS["name"]), Col("kind", PERSON_FIELDS["kind"]),
               Col("office", PERSON_FIELDS["office"]), Col("quota_since", PERSON_FIELDS["quota_since"]),
               Col("sex", PERSON_FIELDS["sex"]), Col("birth_month", PERSON_FIELDS["birth_month"]),
               Col("status", PERSON_FIELDS["status"]), Col("leader", PERSON_FIELDS["leader"], check=True),
               Col("retirement_month"), Col("retirement_age", numeric=True),
               Col("planned_leave", PERSON_FIELDS["planned_leave"])]
    # Choices of the optional coded fields: empty (unknown) first.
    OPTIONAL_CHOICES = {"sex": ("", *PERSON_FIELDS["sex"].choices)}

    def __init__(self, editor=None, parent=None) -> None:
        super().__init__(editor, parent)
        self.offices: list[str] = []

    def set_offices(self, offices: list[str]) -> None:
        self.offices = list(offices)

    def value(self, row, key):
        if key == "retirement_age":
            return row.retirement_age_months
        return getattr(row, key)

    def display(self, row, key, value):
        if key == "quota_since":
            return value.isoformat() if value else ""
        if key == "retirement_age":
            return "" if value is None else age_text(value, current_language())
        if key == "sex":
            return "" if value is None else sex_label(value, current_language())
        if key == "status":
            return person_status_label(value, current_language())
        return super().display(row, key, value)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        return time_header(self, section, orientation, role) or super().headerData(section, orientation, role)

    def extra(self, row, col, role):
        if col.key == "retirement_month" and row.overdue():
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(OVER_QUOTA_COLOR)
            if role == Qt.ItemDataRole.ToolTipRole:
                return time_field_label("overdue", current_language())
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        key = self.columns[index.column()].key if index.isValid() else ""
        if role == Role.SPEC and key == "office":
            # The office is chosen from the township's own offices (or none).
            return FieldSpec("office", "机构名称", "office", "choice", choices=("", *self.offices))
        if role == Role.SPEC and key in self.OPTIONAL_CHOICES:
            spec = PERSON_FIELDS[key]
            return FieldSpec(spec.name, spec.label_zh, spec.label_en, "choice", choices=self.OPTIONAL_CHOICES[key])
        if role == Qt.ItemDataRole.EditRole and key == "office":
            return self._rows[index.row()].office or ""
        if role == Qt.ItemDataRole.EditRole and key in ("birth_month", "planned_leave", "sex"):
            value = getattr(self._rows[index.row()], key)
            return "" if value is None else str(value)
        return super().data(index, role)

    def apply(self, row, key, value) -> bool:
        # People have no unique key: they are addressed by their place in the list.
        ordinal = next(i for i, r in enumerate(self._rows) if r is row)  # identity: two people may look alike
        return self.editor.set_person_field(self.township, ordinal, key, value, current=getattr(row, key))


# The township's own facts, one per line: name, type, category, population, area, villages, locked.
INFO_FIELDS = ("name", "type", "category", "population", "area_km2", "villages", "locked")


class InfoModel(TableModel):
    """The township's facts as a two-column list: what, and its value (editable)."""

    def __init__(self, editor=None, parent=None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.detail: TownshipDetail | None = None
        self.other_names: set[str] = set()

    def set_detail(self, detail: TownshipDetail | None, other_names: set[str] | None = None) -> None:
        self.beginResetModel()
        self.detail = detail
        self.other_names = set(other_names or ())
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.detail is None else len(INFO_FIELDS)

    def column_count(self) -> int:
        return 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return (translate("DetailModels", "Item"), translate("DetailModels", "Value"))[section] if section in (0, 1) else None
        return str(section + 1) if 0 <= section < self.rowCount() else None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 1 and self.editor is not None:
            key = INFO_FIELDS[index.row()]
            flags |= Qt.ItemFlag.ItemIsUserCheckable if key == "locked" else Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.detail is None or index.row() >= len(INFO_FIELDS):
            return None
        key = INFO_FIELDS[index.row()]
        if index.column() == 0:
            return field_label(key) if role == Qt.ItemDataRole.DisplayRole else None
        value = getattr(self.detail, key)
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "locked":
                return yes_no(value)
            if key == "type":
                return type_label(value)
            if key == "category":
                return category_label(value)
            return format_number(value) if isinstance(value, (int, float)) else value
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role == Qt.ItemDataRole.CheckStateRole and key == "locked":
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if role == Role.SPEC and key != "locked":
            return TOWNSHIP_FIELDS[key]
        if role == Role.TAKEN and key == "name":
            return self.other_names
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if self.editor is None or self.detail is None or not index.isValid() or index.column() != 1:
            return False
        key = INFO_FIELDS[index.row()]
        if key == "locked":
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            value = value if isinstance(value, bool) else Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        return self.editor.set_township_field(self.detail.name, key, value, current=getattr(self.detail, key))
