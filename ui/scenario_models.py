"""Table models of the scenario and comparison tabs.

They wrap plain rows (planner.scenarios.store.ScenarioRecord, planner.exports.comparison
objects), never a Session, so they can be refilled from a worker's result and
checked with pytest-qt's qtmodeltester.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from planner.exports.comparison import Comparison, ComparedRow
from planner.domain.county import KINDS
from planner.domain.proposal import Proposal
from planner.domain.vocabulary import in_language, status_label
from planner.scenarios.changes import Change
from planner.scenarios.store import ScenarioRecord, describe_change
from ui.i18n import current_language
from ui.labels import kind_label
from ui.table_model import ModelIndex, Role, TableModel

STATE_COLOURS = {"stale": "#b00020", "invalid": "#b00020", "current": "#1f6f3f", "unsolved": "#777777"}
HIGHLIGHT = "#fff2b3"  # the same yellow the comparison chart shades differing townships with


def ui_language() -> str:
    return "zh" if current_language().startswith("zh") else "en"


# lupdate reads translate("Context", "text") calls; the alias keeps lines short.
translate = QCoreApplication.translate


def state_text(state: str) -> str:
    return {"unsolved": translate("ScenarioModels", "Not solved"),
            "current": translate("ScenarioModels", "Up to date"),
            "stale": translate("ScenarioModels", "Stale: inputs changed, recompute"),
            "invalid": translate("ScenarioModels", "Does not fit the ledger"),
            "checking": translate("ScenarioModels", "Checking…"),
            "unknown": translate("ScenarioModels", "Could not be checked")}.get(state, state)


def description_text(record: ScenarioRecord) -> str:
    """A scenario's description in the UI's language when it is written "中文 (English)" (the demo's are)."""
    return in_language(record.description or "", ui_language())


def result_summary(proposal: Proposal | None) -> str:
    if proposal is None:
        return "—"
    return translate("ScenarioModels", "{status}; uncovered {before} → {after}; {moves} moves").format(
        status=status_label(proposal.status, ui_language()) if proposal.status else "?", before=proposal.uncovered_before, after=proposal.uncovered_after,
        moves=len(proposal.moves))


@dataclass
class ScenarioRow:
    record: ScenarioRecord
    state: str                  # unsolved | current | stale | invalid, or checking | unknown meanwhile
    problem: str | None = None  # why an invalid scenario cannot be built

    @property
    def name(self) -> str:
        return self.record.name


class _Table(TableModel):
    HEADERS: tuple[str, ...] = ()

    def column_count(self) -> int:
        return len(self.headers())

    def headers(self) -> list[str]:
        return [translate("ScenarioModels", h) for h in self.HEADERS]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            headers = self.headers()
            return headers[section] if 0 <= section < len(headers) else None
        return section + 1


class ScenarioListModel(_Table):
    """Saved scenarios: name, state (stale marked in red), last result, changes."""

    # The state right after the name: in a narrow list it is what the planner looks for.
    HEADERS = (QT_TRANSLATE_NOOP("ScenarioModels", "Scenario"), QT_TRANSLATE_NOOP("ScenarioModels", "State"),
               QT_TRANSLATE_NOOP("ScenarioModels", "Last result"), QT_TRANSLATE_NOOP("ScenarioModels", "Changes"))
    NAME, STATE, RESULT, CHANGES = range(4)

    def update_states(self, found: dict[str, tuple[str, str | None]], default: str = "unknown") -> None:
        """New states in place (no reset): the selection and the rows stay as they are."""
        for row in self._rows:
            row.state, row.problem = found.get(row.name, (default, None))
        if self._rows:
            self.dataChanged.emit(self.index(0, self.STATE), self.index(len(self._rows) - 1, self.STATE))

    def row_of(self, name: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.name == name), -1)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Role.NAME:
            return row.name
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            lang = ui_language()
            if column == self.NAME:
                return row.name if role == Qt.ItemDataRole.DisplayRole else (description_text(row.record) or row.name)
            if column == self.CHANGES:
                texts = [describe_change(c, lang) for c in row.record.changes]
                if role == Qt.ItemDataRole.ToolTipRole:
                    return "\n".join(texts) or translate("ScenarioModels", "No changes: the ledger as it is")
                return ("；" if lang == "zh" else "; ").join(texts) or translate("ScenarioModels", "(no changes)")
            if column == self.RESULT:
                return result_summary(row.record.last_result)
            if column == self.STATE:
                return state_text(row.state)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATE:
            return QBrush(QColor(STATE_COLOURS.get(row.state, "#333333")))
        if role == Qt.ItemDataRole.FontRole and column == self.STATE and row.state in ("stale", "invalid"):
            font = QFont()
            font.setBold(True)
            return font
        return None


class ChangesModel(_Table):
    """The changes of one scenario, in the order they are applied."""

    HEADERS = ("#", QT_TRANSLATE_NOOP("ScenarioModels", "Change"))

    def set_changes(self, changes: list[Change]) -> None:
        self.set_rows(changes)

    def changes(self) -> list[Change]:
        return self.rows()

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == 0:
                return index.row() + 1
            return describe_change(self._rows[index.row()], ui_language())
        return None


def _arrow(a: int, b: int) -> str:
    return f"{a} → {b}"


class CompareSummaryModel(_Table):
    """Cover figures side by side: one column per scenario, one row per figure."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._comparison: Comparison | None = None
        self._stale: set[str] = set()
        self._lines: list[tuple[str, list[str]]] = []

    def set_comparison(self, comparison: Comparison | None, stale: set[str] | None = None) -> None:
        self.beginResetModel()
        self._comparison = comparison
        self._stale = set(stale or ())
        self._lines = self._build()
        self.endResetModel()

    def _build(self) -> list[tuple[str, list[str]]]:
        c = self._comparison
        if c is None:
            return []
        figs = [c.figures[n] for n in c.names]
        lines = [(translate("ScenarioModels", "Status"), [status_label(f.status, ui_language()) for f in figs])]
        for kind in KINDS:
            if not any(kind in f.totals for f in figs):
                continue
            label = kind_label(kind)
            lines.append((translate("ScenarioModels", "{kind}: total before → after").format(kind=label),
                          [_arrow(f.totals[kind].before, f.totals[kind].after) if kind in f.totals else "—"
                           for f in figs]))
            lines.append((translate("ScenarioModels", "{kind}: uncovered before → after").format(kind=label),
                          [_arrow(f.totals[kind].uncovered_before, f.totals[kind].uncovered_after)
                           if kind in f.totals else "—" for f in figs]))
        lines += [
            (translate("ScenarioModels", "Uncovered need before (all kinds)"),
             [str(f.uncovered_before) for f in figs]),
            (translate("ScenarioModels", "Uncovered need after (all kinds)"),
             [str(f.uncovered_after) for f in figs]),
            (translate("ScenarioModels", "Moves"), [str(f.moves) for f in figs]),
            (translate("ScenarioModels", "Slots moved"), [str(f.slots_moved) for f in figs]),
            (translate("ScenarioModels", "Townships touched"), [str(f.townships_touched) for f in figs]),
        ]
        return lines

    def retranslate(self) -> None:
        self.set_comparison(self._comparison, self._stale)

    def headers(self) -> list[str]:
        if self._comparison is None:
            return []
        stale = translate("ScenarioModels", " (stale)")
        return [translate("ScenarioModels", "Figure")] + [
            name + (stale if name in self._stale else "") for name in self._comparison.names]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._lines)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        label, values = self._lines[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return label if index.column() == 0 else values[index.column() - 1]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and index.column() > 0 and len(set(values)) > 1:
            return QBrush(QColor(HIGHLIGHT))
        return None


class CompareRowsModel(_Table):
    """Township by township: the approved quota and each scenario's proposal; differing rows highlighted."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._names: list[str] = []

    def set_rows(self, names: list[str], rows: list[ComparedRow]) -> None:
        self.beginResetModel()  # the columns change with the names
        self._names, self._rows = list(names), list(rows)
        self.endResetModel()

    def headers(self) -> list[str]:
        return [translate("ScenarioModels", "Township"), translate("ScenarioModels", "Kind"),
                translate("ScenarioModels", "Approved now")] + [
            translate("ScenarioModels", "{name}: proposed").format(name=n) for n in self._names]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Role.DIFFERS:
            return row.differs
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row.township
            if column == 1:
                return kind_label(row.kind)
            if column == 2:
                approved = next((v for v in row.approved.values() if v is not None), None)
                return "—" if approved is None else approved
            name = self._names[column - 3]
            proposed, change = row.proposed[name], row.change[name]
            if proposed is None:
                return "—"
            return f"{proposed} ({change:+d})" if change else str(proposed)
        if role == Qt.ItemDataRole.ToolTipRole and column >= 3:
            name = self._names[column - 3]
            if row.proposed[name] is None:
                return translate("ScenarioModels", "{name} has no such township (merged or split)").format(name=name)
            return translate("ScenarioModels",
                             "{name}: approved {approved}, required {required}, proposed {proposed}").format(
                name=name, approved=row.approved[name], required=row.required[name], proposed=row.proposed[name])
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and row.differs:
            return QBrush(QColor(HIGHLIGHT))
        if role == Qt.ItemDataRole.FontRole and row.differs and column == 0:
            font = QFont()
            font.setBold(True)
            return font
        return None
