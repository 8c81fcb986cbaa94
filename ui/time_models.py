"""Table models of the time ledger across the county: people with their retirement month and
age, hiring plan lines with vacancy and usable vacancy (可用编制), pool loans.

Rows are plain data read from planner.services.time_editing.time_ledger; every figure comes
from planner.domain (retirement: planner.domain.forecast.outlook; 可用编制:
TownshipData.usable_vacancy), so the window shows what the forecast, the plan and the
workbook count. Edits go through the forms of ui.time_editors, not the cells.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from planner.domain.county import CountyData, HiringPlanData, PersonData, PoolLoanData, TownshipData
from planner.domain.forecast import PersonOutlook, outlook
from planner.domain.months import Month
from planner.domain.retirement import age_text
from planner.domain.vocabulary import person_status_label, sex_label, time_field_label
from ui.i18n import current_language
from ui.labels import kind_label, yes_no
from ui.table_model import ModelIndex, Role, TableModel

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls

OVERDUE_COLOR = QColor("#b00020")
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class PersonRow:
    township: str
    ordinal: int          # the person's place in the township's list (how the services address them)
    seen: PersonOutlook

    @property
    def person(self) -> PersonData:
        return self.seen.person


@dataclass(frozen=True)
class HiringRow:
    township: TownshipData
    plan: HiringPlanData


@dataclass(frozen=True)
class LoanRow:
    township: str
    ordinal: int
    loan: PoolLoanData
    overdue: bool         # past its due month with slots still out


class RecordsModel(TableModel):
    """A table of rows with a fixed list of column keys; `cell` says what each shows."""

    COLUMNS: tuple[str, ...] = ()
    NUMERIC: frozenset[str] = frozenset()

    def column_count(self) -> int:
        return len(self.COLUMNS)

    def header(self, key: str) -> str:
        raise NotImplementedError

    def cell(self, row: Any, key: str) -> Any:
        raise NotImplementedError

    def decorate(self, row: Any, key: str, role: int) -> Any:
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.COLUMNS):
            return self.header(self.COLUMNS[section])
        return super().headerData(section, orientation, role)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, key = self._rows[index.row()], self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = self.cell(row, key)
            return "" if value is None else str(value)
        if role == Role.SORT:
            value = self.cell(row, key)
            return value if isinstance(value, (int, float)) else ("" if value is None else str(value))
        if role == Qt.ItemDataRole.TextAlignmentRole and key in self.NUMERIC:
            return RIGHT
        if role == Role.TOWNSHIP:
            return row.township if isinstance(row.township, str) else row.township.name
        return self.decorate(row, key, role)


def _month(value: Month | None) -> str:
    return "" if value is None else str(value)


class PeopleModel(RecordsModel):
    COLUMNS = ("township", "name", "kind", "office", "sex", "birth_month", "status", "leader",
               "retirement_month", "retirement_age", "planned_leave")

    def header(self, key: str) -> str:
        if key == "township":
            return translate("TimeModels", "Township")
        if key == "name":
            return translate("TimeModels", "Name")
        if key == "kind":
            return translate("TimeModels", "Kind")
        if key == "office":
            return translate("TimeModels", "Office")
        return time_field_label(key, current_language())

    def cell(self, row: PersonRow, key: str) -> Any:
        p, lang = row.person, current_language()
        if key == "township":
            return row.township
        if key == "kind":
            return kind_label(p.kind)
        if key == "sex":
            return "" if p.sex is None else sex_label(p.sex, lang)
        if key == "status":
            return person_status_label(p.status, lang)
        if key == "leader":
            return yes_no(True) if p.leader else ""
        if key == "retirement_month":
            return _month(row.seen.retirement_month)
        if key == "retirement_age":
            months = row.seen.retirement_age_months
            return None if months is None else age_text(months, lang)
        if key in ("birth_month", "planned_leave"):
            return _month(getattr(p, key))
        return getattr(p, key)

    def decorate(self, row: PersonRow, key: str, role: int) -> Any:
        if key == "retirement_month" and row.seen.overdue:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(OVERDUE_COLOR)
            if role == Qt.ItemDataRole.ToolTipRole:
                return time_field_label("overdue", current_language())
        return None


class HiringModel(RecordsModel):
    COLUMNS = ("township", "kind", "year", "planned", "hired", "pending", "vacancy", "usable_vacancy")
    NUMERIC = frozenset({"year", "planned", "hired", "pending", "vacancy", "usable_vacancy"})

    def header(self, key: str) -> str:
        return {
            "township": translate("TimeModels", "Township"), "kind": translate("TimeModels", "Kind"),
            "year": translate("TimeModels", "Year"), "planned": translate("TimeModels", "Planned hires"),
            "hired": translate("TimeModels", "Hired"), "pending": translate("TimeModels", "Not yet used"),
            "vacancy": translate("TimeModels", "Vacancy"),
            "usable_vacancy": time_field_label("usable_vacancy", current_language()),
        }[key]

    def cell(self, row: HiringRow, key: str) -> Any:
        t, plan = row.township, row.plan
        if key == "township":
            return t.name
        if key == "kind":
            return kind_label(plan.kind)
        if key == "vacancy":
            return t.quota(plan.kind).vacancy
        if key == "usable_vacancy":
            return t.usable_vacancy(plan.kind)
        return getattr(plan, key)


class LoanModel(RecordsModel):
    COLUMNS = ("township", "kind", "slots", "start", "due", "returned", "outstanding")
    NUMERIC = frozenset({"slots", "returned", "outstanding"})

    def header(self, key: str) -> str:
        return {
            "township": translate("TimeModels", "Township"), "kind": translate("TimeModels", "Kind"),
            "slots": translate("TimeModels", "Slots lent"), "start": translate("TimeModels", "Start"),
            "due": translate("TimeModels", "Due"), "returned": translate("TimeModels", "Returned"),
            "outstanding": translate("TimeModels", "Still out"),
        }[key]

    def cell(self, row: LoanRow, key: str) -> Any:
        if key == "township":
            return row.township
        if key == "kind":
            return kind_label(row.loan.kind)
        if key in ("start", "due"):
            return _month(getattr(row.loan, key))
        return getattr(row.loan, key)

    def decorate(self, row: LoanRow, key: str, role: int) -> Any:
        if key == "due" and row.overdue:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(OVERDUE_COLOR)
            if role == Qt.ItemDataRole.ToolTipRole:
                return translate("TimeModels", "Past its due month with slots still out")
        return None


# ---------------------------------------------------------------- rows of a county

def people_rows(county: CountyData, as_of: Month) -> list[PersonRow]:
    return [PersonRow(t.name, i, outlook(t.name, p, as_of)) for t in county.townships
            for i, p in enumerate(t.people)]


def hiring_rows(county: CountyData) -> list[HiringRow]:
    return [HiringRow(t, h) for t in county.townships for h in sorted(t.hiring, key=lambda h: (h.year, h.kind))]


def loan_rows(county: CountyData, as_of: Month) -> list[LoanRow]:
    return [LoanRow(t.name, i, loan, loan.outstanding > 0 and loan.due < as_of)
            for t in county.townships for i, loan in enumerate(t.pool_loans)]
