"""Table models of a proposal: quota per township, moves, A/B roster, explanations, totals.

Each model wraps the plain rows of one Proposal (township lines, moves, roster
posts, totals), never a Session; a new proposal replaces the rows with a model reset. Texts that the
solver writes in both languages (reasons, explanations, diagnosis) are shown in
the UI language. Numbers sort as numbers through SORT_ROLE.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from planner.domain.county import KINDS
from planner.domain.proposal import KindTotals, Proposal, TownshipLine
from planner.domain.rounding import ratio_text
from ui.labels import kind_label
from ui.table_model import ModelIndex, Role, TableModel

# The roles these models answer, by their names in ui.table_model.Role.
SORT_ROLE, KIND_ROLE, TOWNSHIP_ROLE = Role.SORT, Role.KIND, Role.TOWNSHIP

GAIN_COLOR = QColor("#1f5fa8")       # matches the "proposed" bars of the charts
LOSS_COLOR = QColor("#b3541e")
GAIN_BACKGROUND = QColor("#dbe8f6")
LOSS_BACKGROUND = QColor("#f8e0d0")
SHORT_COLOR = QColor("#b00020")

_DISPLAY = Qt.ItemDataRole.DisplayRole


def _tr(text: str) -> str:
    """A string marked with QT_TRANSLATE_NOOP("Results", …) (see the end of the module), translated now."""
    return QCoreApplication.translate("Results", text)


LOCKED = QT_TRANSLATE_NOOP("Results", "locked")
LOCKED_NOTE = QT_TRANSLATE_NOOP("Results", "Locked: keeps its quota.")


def ui_is_chinese() -> bool:
    try:
        from ui.i18n import current_language
    except ImportError:  # the window's i18n module is optional for these models
        return True
    return current_language().startswith("zh")


def localized(zh: str | None, en: str | None) -> str:
    """The Chinese text, or the English one in an English UI, whichever exists."""
    if not ui_is_chinese() and en:
        return str(en)
    return str(zh or en or "")


def _number(value: Any, digits: int = 0) -> str:
    if value is None:
        return "—"
    if digits:
        return f"{float(value):.{digits}f}"
    return str(value)


@dataclass(frozen=True)
class Column:
    header: str                       # English source text, translated in headerData
    value: Callable[[Any], Any]       # raw value (sorting, tests)
    text: Callable[[Any], str]        # what the cell shows
    tip: str = ""
    numeric: bool = False


class RowsModel(TableModel):
    """A read-only table of plain rows (each with a `kind`) described by a list of Columns."""

    COLUMNS: list[Column] = []

    def column_count(self) -> int:
        return len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return super().headerData(section, orientation, role)
        column = self.COLUMNS[section]
        if role == _DISPLAY:
            return _tr(column.header)
        if role == Qt.ItemDataRole.ToolTipRole and column.tip:
            return _tr(column.tip)
        return None

    # Roles this model answers; a view asks for about a dozen per painted cell, and
    # answering the others with one set lookup keeps repainting a large table cheap.
    BASE_ROLES = frozenset({_DISPLAY, SORT_ROLE, KIND_ROLE, TOWNSHIP_ROLE, Qt.ItemDataRole.TextAlignmentRole})
    EXTRA_ROLES: frozenset = frozenset()

    def data(self, index: ModelIndex, role: int = _DISPLAY) -> Any:
        if role not in self.BASE_ROLES and role not in self.EXTRA_ROLES:
            return None
        if not index.isValid() or not 0 <= index.row() < len(self._rows) \
                or not 0 <= index.column() < len(self.COLUMNS):
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == _DISPLAY:
            return column.text(row)
        if role == SORT_ROLE:
            return column.value(row)
        if role == KIND_ROLE:
            return row.kind
        if role == TOWNSHIP_ROLE:
            return getattr(row, "township", "")  # a move has two
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return self.extra_data(row, index.column(), role)

    def extra_data(self, row: Any, column: int, role: int) -> Any:
        """Roles beyond text and sorting (colours, tooltips) for a subclass; column is its number."""
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _num(name: str, digits: int = 0) -> tuple[Callable[[Any], Any], Callable[[Any], str]]:
    return (lambda r: getattr(r, name)), (lambda r: _number(getattr(r, name), digits))


def _ratio(name: str) -> tuple[Callable[[Any], Any], Callable[[Any], str]]:
    """A ratio column: sorts by the figure, shows it by the one rounding rule of every reader."""
    return (lambda r: getattr(r, name)), (lambda r: ratio_text(getattr(r, name), "—"))


def _kind_order(row: Any) -> int:
    return KINDS.index(row.kind) if row.kind in KINDS else 9


def _change_text(row: TownshipLine) -> str:
    return f"{row.change:+d}" if row.change else "0"


class ProposalModel(RowsModel):
    """One row per township and kind: the ledger's quota beside the proposal."""

    COLUMNS = [
        Column("Township", lambda r: r.township,
               lambda r: r.township + (" · " + _tr(LOCKED) if r.locked else ""),
               tip="A locked township keeps its quota"),
        Column("Kind", _kind_order, lambda r: kind_label(r.kind)),
        Column("Approved", *_num("approved"), tip="Approved quota on the ledger now", numeric=True),
        Column("Staff", *_num("staff"), tip="People on the payroll holding this kind of quota", numeric=True),
        Column("Vacancy", *_num("vacancy"), tip="Approved − staff, when positive", numeric=True),
        Column("Required", *_num("required"),
               tip="Whole-number headcount the workload needs with A/B backup (leadership included)",
               numeric=True),
        Column("Proposed", *_num("proposed"), tip="Quota the proposal gives this township", numeric=True),
        Column("Change", lambda r: r.change, _change_text, tip="Proposed − approved", numeric=True),
        Column("Quota/need before", *_ratio("pressure_before"),
               tip="Approved quota ÷ required (the A/B need); below 1 the quota does not cover the workload",
               numeric=True),
        Column("Quota/need after", *_ratio("pressure_after"),
               tip="Proposed quota ÷ required (the A/B need), the same measure as before the proposal",
               numeric=True),
    ]
    CHANGE = 7
    REQUIRED = 5
    PROPOSED = 6
    EXTRA_ROLES = frozenset({Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole,
                             Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ToolTipRole})

    def extra_data(self, row: TownshipLine, column: int, role: int) -> Any:
        change = row.change
        i = column
        if i in (self.CHANGE, self.PROPOSED) and change:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(GAIN_COLOR if change > 0 else LOSS_COLOR)
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(GAIN_BACKGROUND if change > 0 else LOSS_BACKGROUND)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        if i == self.REQUIRED and role == Qt.ItemDataRole.ForegroundRole \
                and row.uncovered_after > 0:
            return QBrush(SHORT_COLOR)  # still short after the proposal
        if role == Qt.ItemDataRole.ToolTipRole:
            text = localized(row.explanation, row.explanation_en)
            if row.locked:
                text = _tr(LOCKED_NOTE) + ("\n" + text if text else "")
            return text or None
        return None


class MovesModel(RowsModel):
    """The itemised moves: from → to, kind, number of slots, reason."""

    COLUMNS = [
        Column("From", lambda r: r.giver, lambda r: r.giver, tip="Township giving quota (调出)"),
        Column("To", lambda r: r.receiver, lambda r: r.receiver, tip="Township receiving quota (调入)"),
        Column("Kind", _kind_order, lambda r: kind_label(r.kind)),
        Column("Slots", *_num("count"), numeric=True),
        Column("Reason", lambda r: localized(r.reason, r.reason_en), lambda r: localized(r.reason, r.reason_en)),
    ]

    REASON = 4
    EXTRA_ROLES = frozenset({Qt.ItemDataRole.ToolTipRole})

    def extra_data(self, row: Any, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == self.REASON:
            return localized(row.reason, row.reason_en)
        return None


class RosterModel(RowsModel):
    """The A/B roster: each post with the duties it holds as A and as B, and its load."""

    COLUMNS = [
        Column("Township", lambda r: r.township, lambda r: r.township),
        Column("Kind", _kind_order, lambda r: kind_label(r.kind)),
        Column("Post", lambda r: r.post, lambda r: str(r.post)),
        Column("A duties", lambda r: len(r.a), lambda r: "、".join(r.a),
               tip="Duties this post holds as the primary holder (A岗)"),
        Column("B duties", lambda r: len(r.b), lambda r: "、".join(r.b),
               tip="Duties this post backs up (B岗): it can act alone when the A holder is away"),
        Column("Load (h)", *_num("load_hours", 1), tip="Annual hours of the A duties plus the backup load",
               numeric=True),
        Column("Capacity (h)", *_num("capacity_hours", 1), tip="Hours the post can give to duties in a year",
               numeric=True),
        Column("Load %", lambda r: r.load_share,
               lambda r: "—" if r.load_share is None else f"{r.load_share:.0%}", numeric=True),
    ]

    A_DUTIES, B_DUTIES, LOAD_SHARE = 3, 4, 7
    EXTRA_ROLES = frozenset({Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole})

    def extra_data(self, row: Any, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.A_DUTIES, self.B_DUTIES):
            return "\n".join(row.a if column == self.A_DUTIES else row.b) or None
        if role == Qt.ItemDataRole.ForegroundRole and column == self.LOAD_SHARE:
            share = row.load_share
            if share is not None and share > 1.0:
                return QBrush(SHORT_COLOR)
        return None


class ExplanationModel(RowsModel):
    """Why each township gets what it gets, in the UI language."""

    COLUMNS = [
        Column("Township", lambda r: r.township, lambda r: r.township),
        Column("Kind", _kind_order, lambda r: kind_label(r.kind)),
        Column("Change", lambda r: r.change, _change_text, numeric=True),
        Column("Explanation", lambda r: localized(r.explanation, r.explanation_en),
               lambda r: localized(r.explanation, r.explanation_en)),
    ]

    EXPLANATION = 3
    EXTRA_ROLES = frozenset({Qt.ItemDataRole.ToolTipRole})

    def extra_data(self, row: TownshipLine, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == self.EXPLANATION:
            return localized(row.explanation, row.explanation_en) or None
        return None


class MarginalModel(RowsModel):
    """What one more slot of each kind would buy: the reduction of uncovered need, and where."""

    COLUMNS = [
        Column("Kind", _kind_order, lambda r: kind_label(r.kind)),
        Column("Uncovered need removed by one more slot", *_num("uncovered_reduction"),
               tip="How much the county's uncovered need would fall with one more slot of this kind",
               numeric=True),
        Column("Best township for it", lambda r: r.township or "", lambda r: r.township or "—"),
    ]


class TotalsModel(RowsModel):
    """Per kind: county totals before and after, uncovered need, slots moved, reserve."""

    COLUMNS = [
        Column("Kind", _kind_order, lambda r: kind_label(r.kind)),
        Column("Total before", *_num("before"), numeric=True),
        Column("Total after", *_num("after"), numeric=True),
        Column("Uncovered before", *_num("uncovered_before"),
               tip="Σ max(0, required − quota) over townships, with the approved quota", numeric=True),
        Column("Uncovered after", *_num("uncovered_after"),
               tip="Σ max(0, required − quota) over townships, with the proposed quota", numeric=True),
        Column("Slots moved", *_num("moved"), numeric=True),
        Column("Townships touched", *_num("townships_touched"), numeric=True),
        Column("Reserve", *_num("reserve"), tip="Quota kept back at county level", numeric=True),
    ]


def totals_rows(proposal: Proposal | None) -> list[KindTotals]:
    if proposal is None:
        return []
    return [proposal.totals[k] for k in KINDS if k in proposal.totals]


class KindFilterProxy(QSortFilterProxyModel):
    """Rows of one kind (or all) and, optionally, one township; sorts by raw values."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._kind = ""
        self._township = ""
        self.setSortRole(SORT_ROLE)

    def set_kind(self, kind: str) -> None:
        self._refilter(lambda: setattr(self, "_kind", kind or ""))

    def set_township(self, township: str) -> None:
        self._refilter(lambda: setattr(self, "_township", township or ""))

    def _refilter(self, change: Callable[[], None]) -> None:
        # invalidateFilter() is deprecated from Qt 6.9 on; begin/endFilterChange replace it.
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        if not self._kind and not self._township:
            return True
        model = self.sourceModel()
        if isinstance(model, RowsModel):
            # Straight to the row: a province's roster has tens of thousands of rows,
            # and a QModelIndex plus two data() calls per row is what made filtering slow.
            row = model.row(source_row)
            kind, township = row.kind, getattr(row, "township", "")
        else:
            index = model.index(source_row, 0, source_parent)
            kind, township = model.data(index, KIND_ROLE), model.data(index, TOWNSHIP_ROLE)
        return (not self._kind or kind == self._kind) and (not self._township or township == self._township)


# lupdate reads only literal strings: the column headers and tips above, marked for it here.
_COLUMN_TEXTS = (
    QT_TRANSLATE_NOOP("Results", "Township"),
    QT_TRANSLATE_NOOP("Results", "A locked township keeps its quota"),
    QT_TRANSLATE_NOOP("Results", "Kind"),
    QT_TRANSLATE_NOOP("Results", "Approved"),
    QT_TRANSLATE_NOOP("Results", "Approved quota on the ledger now"),
    QT_TRANSLATE_NOOP("Results", "Staff"),
    QT_TRANSLATE_NOOP("Results", "People on the payroll holding this kind of quota"),
    QT_TRANSLATE_NOOP("Results", "Vacancy"),
    QT_TRANSLATE_NOOP("Results", "Approved − staff, when positive"),
    QT_TRANSLATE_NOOP("Results", "Required"),
    QT_TRANSLATE_NOOP("Results", "Whole-number headcount the workload needs with A/B backup (leadership included)"),
    QT_TRANSLATE_NOOP("Results", "Proposed"),
    QT_TRANSLATE_NOOP("Results", "Quota the proposal gives this township"),
    QT_TRANSLATE_NOOP("Results", "Change"),
    QT_TRANSLATE_NOOP("Results", "Proposed − approved"),
    QT_TRANSLATE_NOOP("Results", "Quota/need before"),
    QT_TRANSLATE_NOOP("Results", "Approved quota ÷ required (the A/B need); below 1 the quota does not cover the workload"),
    QT_TRANSLATE_NOOP("Results", "Quota/need after"),
    QT_TRANSLATE_NOOP("Results", "Proposed quota ÷ required (the A/B need), the same measure as before the proposal"),
    QT_TRANSLATE_NOOP("Results", "From"),
    QT_TRANSLATE_NOOP("Results", "Township giving quota (调出)"),
    QT_TRANSLATE_NOOP("Results", "To"),
    QT_TRANSLATE_NOOP("Results", "Township receiving quota (调入)"),
    QT_TRANSLATE_NOOP("Results", "Slots"),
    QT_TRANSLATE_NOOP("Results", "Reason"),
    QT_TRANSLATE_NOOP("Results", "Post"),
    QT_TRANSLATE_NOOP("Results", "A duties"),
    QT_TRANSLATE_NOOP("Results", "Duties this post holds as the primary holder (A岗)"),
    QT_TRANSLATE_NOOP("Results", "B duties"),
    QT_TRANSLATE_NOOP("Results", "Duties this post backs up (B岗): it can act alone when the A holder is away"),
    QT_TRANSLATE_NOOP("Results", "Load (h)"),
    QT_TRANSLATE_NOOP("Results", "Annual hours of the A duties plus the backup load"),
    QT_TRANSLATE_NOOP("Results", "Capacity (h)"),
    QT_TRANSLATE_NOOP("Results", "Hours the post can give to duties in a year"),
    QT_TRANSLATE_NOOP("Results", "Load %"),
    QT_TRANSLATE_NOOP("Results", "Explanation"),
    QT_TRANSLATE_NOOP("Results", "Uncovered need removed by one more slot"),
    QT_TRANSLATE_NOOP("Results",
                      "How much the county's uncovered need would fall with one more slot of this kind"),
    QT_TRANSLATE_NOOP("Results", "Best township for it"),
    QT_TRANSLATE_NOOP("Results", "Total before"),
    QT_TRANSLATE_NOOP("Results", "Total after"),
    QT_TRANSLATE_NOOP("Results", "Uncovered before"),
    QT_TRANSLATE_NOOP("Results", "Σ max(0, required − quota) over townships, with the approved quota"),
    QT_TRANSLATE_NOOP("Results", "Uncovered after"),
    QT_TRANSLATE_NOOP("Results", "Σ max(0, required − quota) over townships, with the proposed quota"),
    QT_TRANSLATE_NOOP("Results", "Slots moved"),
    QT_TRANSLATE_NOOP("Results", "Townships touched"),
    QT_TRANSLATE_NOOP("Results", "Reserve"),
    QT_TRANSLATE_NOOP("Results", "Quota kept back at county level"),
)
