"""Table models of a multi-year plan: the roadmap (township × year), the moves by year, the loans.

Each reads a planner.domain.plan.Plan and nothing else: every figure (quota, pool, staff on
1 January, need, uncovered need, what a loan returns when) is the Plan's own, as the printed
plan and the workbook show it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from planner.domain.plan import Plan, PlanLine, PlanLoan, PlanMove
from ui.i18n import current_language
from ui.labels import kind_label
from ui.table_model import ModelIndex, Role, TableModel

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls

RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
UNCOVERED_COLOR = QColor("#f4cccc")
# What a roadmap cell shows: one figure, or all of them in a few characters.
MEASURES = ("all", "quota", "pool", "staff_start", "required", "uncovered")


def english() -> bool:
    return current_language() == "en"


def measure_label(measure: str) -> str:
    return {"all": translate("PlanModels", "All figures"), "quota": translate("PlanModels", "Quota"),
            "pool": translate("PlanModels", "Pool slots"), "staff_start": translate("PlanModels", "Staff on 1 January"),
            "required": translate("PlanModels", "Need"), "uncovered": translate("PlanModels", "Uncovered need")}[measure]


def compact(line: PlanLine) -> str:
    """Quota (+pool) / staff / need, and the uncovered need when there is some: "12+1 / 11 / 13 缺1"."""
    held = f"{line.quota}+{line.pool}" if line.pool else str(line.quota)
    text = f"{held} / {line.staff_start} / {line.required}"
    if line.uncovered:
        text += translate("PlanModels", " short {n}").format(n=line.uncovered)
    return text


class RoadmapModel(TableModel):
    """Rows: the plan's townships for one kind; columns: the township, today's quota, each year."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.plan: Plan | None = None
        self.kind = "administrative"
        self.measure = "all"

    def show(self, plan: Plan | None, kind: str, measure: str = "all") -> None:
        self.plan, self.kind, self.measure = plan, kind, measure
        rows = []
        if plan is not None:
            for name in plan.township_names():
                lines = [plan.line(name, kind, year) for year in plan.years]
                if any(line is not None for line in lines):
                    rows.append((name, lines))
        self.set_rows(rows)

    def column_count(self) -> int:
        return 2 + (len(self.plan.years) if self.plan else 0)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role not in (Qt.ItemDataRole.DisplayRole,
                                                                     Qt.ItemDataRole.ToolTipRole):
            return super().headerData(section, orientation, role)
        if section == 0:
            return translate("PlanModels", "Township")
        if section == 1:
            return translate("PlanModels", "Approved today")
        year = self.plan.years[section - 2]
        if role == Qt.ItemDataRole.ToolTipRole and self.measure == "all":
            return translate("PlanModels", "quota (+pool) / staff on 1 January / need")
        return str(year)

    def _line(self, row, column: int) -> PlanLine | None:
        return row[1][column - 2] if column >= 2 else None

    def _value(self, row, column: int) -> Any:
        if column == 0:
            return row[0]
        if column == 1:
            first = next((line for line in row[1] if line is not None), None)
            return None if first is None else first.approved
        line = self._line(row, column)
        if line is None:
            return None
        return compact(line) if self.measure == "all" else getattr(line, self.measure)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        line = self._line(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            value = self._value(row, column)
            return "" if value is None else str(value)
        if role == Role.SORT:
            value = self._value(row, column)
            return line.quota if self.measure == "all" and line is not None else value
        if role == Role.TOWNSHIP:
            return row[0]
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 1:
            return RIGHT
        if line is None:
            return None
        if role == Qt.ItemDataRole.BackgroundRole and line.uncovered:
            return QBrush(UNCOVERED_COLOR)
        if role == Qt.ItemDataRole.FontRole and line.quota != line.approved:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return translate("PlanModels", "{year}: quota {quota} ({change:+d}), pool {pool}, staff on 1 January "
                                           "{staff}, leavers {leavers}, planned hires {hires}, need {need}, "
                                           "uncovered {uncovered}").format(
                year=line.year, quota=line.quota, change=line.change, pool=line.pool, staff=line.staff_start,
                leavers=line.leavers, hires=line.hires, need=line.required, uncovered=line.uncovered)
        return None


class PlanMovesModel(TableModel):
    COLUMNS = ("year", "effective", "giver", "receiver", "kind", "count", "reason")

    def column_count(self) -> int:
        return len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return super().headerData(section, orientation, role)
        return {"year": translate("PlanModels", "Year"), "effective": translate("PlanModels", "Effective"),
                "giver": translate("PlanModels", "From"), "receiver": translate("PlanModels", "To"),
                "kind": translate("PlanModels", "Kind"), "count": translate("PlanModels", "Slots"),
                "reason": translate("PlanModels", "Reason")}[self.COLUMNS[section]]

    def _value(self, move: PlanMove, key: str) -> Any:
        if key == "kind":
            return kind_label(move.kind)
        if key == "reason":
            return (move.reason_en or move.reason) if english() else move.reason
        return getattr(move, key)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        move, key = self._rows[index.row()], self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) or role == Role.SORT:
            value = self._value(move, key)
            return value if role == Role.SORT else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("year", "count"):
            return RIGHT
        return None


def returns_text(loan: PlanLoan) -> str:
    """"2027-03 1；2028-06 2": the months slots come back and how many."""
    separator = "; " if english() else "；"
    return separator.join(f"{r.month} {r.count}" for r in loan.returns)


class PlanLoansModel(TableModel):
    COLUMNS = ("township", "kind", "count", "start", "due", "new", "returns", "outstanding")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.plan: Plan | None = None

    def column_count(self) -> int:
        return len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return super().headerData(section, orientation, role)
        return {"township": translate("PlanModels", "Township"), "kind": translate("PlanModels", "Kind"),
                "count": translate("PlanModels", "Slots lent"), "start": translate("PlanModels", "Start"),
                "due": translate("PlanModels", "Due"), "new": translate("PlanModels", "Loan"),
                "returns": translate("PlanModels", "Returns (month, slots)"),
                "outstanding": translate("PlanModels", "Out at the end of the plan")}[self.COLUMNS[section]]

    def _value(self, loan: PlanLoan, key: str) -> Any:
        if key == "kind":
            return kind_label(loan.kind)
        if key == "new":
            return translate("PlanModels", "new") if loan.new else translate("PlanModels", "existing")
        if key == "returns":
            return returns_text(loan)
        if key == "outstanding":
            if self.plan is None or not self.plan.years:
                return ""
            return loan.outstanding_at(f"{self.plan.years[-1] + 1}-01")
        return getattr(loan, key)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        loan, key = self._rows[index.row()], self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Role.SORT):
            value = self._value(loan, key)
            return value if role == Role.SORT else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("count", "outstanding"):
            return RIGHT
        if role == Qt.ItemDataRole.FontRole and loan.new:
            font = QFont()
            font.setBold(True)
            return font
        return None
