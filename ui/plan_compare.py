"""Plans compared, a page of the 规划 tab: the plans of the scenarios the user ticks (the
baseline included), each made through the tab's one runner in turn, side by side — uncovered
need per year, slots moved, pool slots lent anew, townships touched, status
(planner.exports.plan_comparison, which reads every figure from each Plan).

Each scenario is planned for its own horizon (its 规划年限 change, else the ledger's), so a
scenario that looks further ahead shows more years. Progress and Cancel are the tab's own.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget,
)

from planner.domain.plan import Plan
from planner.exports.plan_comparison import PlanComparison, compare_plans
from planner.scenarios.reads import scenario_names
from planner.services.solving import BASELINE
from ui.i18n import current_language, progress_text
from ui.solve_runner import readable_error
from ui.table_model import ModelIndex, Role, TableModel


def _lang() -> str:
    return "en" if current_language() == "en" else "zh"


class PlanCompareModel(TableModel):
    """One row per scenario, the columns of PlanComparison.headers; "—" where a figure does not exist."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.comparison: PlanComparison | None = None

    def show(self, comparison: PlanComparison | None) -> None:
        self.beginResetModel()
        self.comparison = comparison
        self._rows = list(comparison.table(_lang())) if comparison else []
        self.endResetModel()

    def retranslate(self) -> None:
        self.show(self.comparison)

    def column_count(self) -> int:
        return len(self.comparison.headers()) if self.comparison else 0

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and self.comparison:
            return self.comparison.headers(_lang())[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return "—" if value is None else str(value)
        if role == Role.SORT:
            return -1 if value is None else value
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class PlanComparePage(QWidget):
    """Tick scenarios, press Compare plans; the tab's runner plans them one after another."""

    comparisonFinished = Signal(object)   # the PlanComparison

    def __init__(self, tab, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tab = tab
        self.queue: list[str] = []
        self.names: list[str] = []   # the scenarios of the comparison under way, in order
        self.plans: list[Plan] = []
        self.count = 0
        self.busy = False
        self.comparison: PlanComparison | None = None
        self.choose_label = QLabel(self)
        self.scenarios = QListWidget(self)
        self.scenarios.setMaximumHeight(96)
        self.compare_button = QPushButton(self)
        self.compare_button.clicked.connect(lambda: self.start())
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.refresh)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.model = PlanCompareModel(self)
        from ui.plan_view import table  # the tab's table look; imported here, plan_view imports this page
        self.view = table(self.model, self)
        buttons = QVBoxLayout()
        buttons.addWidget(self.compare_button)
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.choose_label)
        top.addWidget(self.scenarios, 1)
        top.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(self.view, 1)
        self.retranslateUi()

    # ------------------------------------------------------------ choosing
    def refresh(self) -> None:
        """The baseline and every saved scenario; ticks kept by name, the baseline ticked at first."""
        ticked = set(self.chosen()) if self.scenarios.count() else {BASELINE}
        self.scenarios.clear()
        db = self.tab.workspace.db
        names = [BASELINE] + (scenario_names(db) if db is not None else [])
        for name in names:
            item = QListWidgetItem(self._shown(name), self.scenarios)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in ticked else Qt.CheckState.Unchecked)

    def _shown(self, name: str) -> str:
        return self.tr("{name} (the ledger)").format(name=name) if name == BASELINE else name

    def chosen(self) -> list[str]:
        return [self.scenarios.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.scenarios.count())
                if self.scenarios.item(i).checkState() == Qt.CheckState.Checked]

    def set_chosen(self, names: list[str]) -> None:
        for i in range(self.scenarios.count()):
            item = self.scenarios.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in names
                               else Qt.CheckState.Unchecked)

    # ------------------------------------------------------------ planning each in turn
    def start(self) -> bool:
        names = self.chosen()
        if len(names) < 2:
            self.note.setText(self.tr("Tick at least two scenarios to compare their plans."))
            return False
        if self.tab.workspace.db is None or self.tab.runner.is_running():
            return False
        self.names, self.queue, self.plans, self.count, self.busy = names, list(names), [], len(names), True
        self.tab.progress_bar.setValue(0)
        self.tab.progress_bar.show()
        self.tab._running(True)
        self._next()
        return True

    def _next(self) -> None:
        if not self.queue:
            self._finish()
            return
        name = self.queue.pop(0)
        self.note.setText(self.tr("Planning {name} ({n} of {count})…").format(
            name=self._shown(name), n=len(self.plans) + 1, count=self.count))
        # years None: each scenario's own horizon.
        self.tab.runner.start(self.tab.workspace.db, name, self.tab.workspace.solver_time_limit, None)

    def progress(self, fraction: float, message: str) -> None:
        self.tab.progress_bar.setValue(int(round((len(self.plans) + fraction) / max(1, self.count) * 100)))
        if message:
            current = self.count - len(self.queue)
            self.note.setText(self.tr("Planning {n} of {count}: {step}").format(
                n=current, count=self.count, step=progress_text(message)))

    def take(self, plan: Plan) -> None:
        self.plans.append(plan)
        self._next()

    def failed(self, error) -> None:
        name = self.names[len(self.plans)] if len(self.plans) < len(self.names) else ""
        self._stop(self.tr("No comparison: the plan of {name} failed: {reason}").format(
            name=self._shown(name), reason=readable_error(error)))

    def cancelled(self) -> None:
        self._stop(self.tr("The comparison was cancelled; nothing changed."))

    def _stop(self, text: str) -> None:
        self.busy, self.queue = False, []
        self.tab._running(False)
        self.note.setText(text)

    def _finish(self) -> None:
        self.busy = False
        self.tab._running(False)
        self.comparison = compare_plans(self.plans)
        self.model.show(self.comparison)
        self.view.resizeColumnsToContents()
        self._explain()
        self.comparisonFinished.emit(self.comparison)

    def _explain(self) -> None:
        if self.comparison is None:
            self.note.setText(self.tr("Each ticked scenario is planned for its own horizon, one after another; "
                                      "the table then shows their plans side by side."))
            return
        first, last = self.comparison.years[0], self.comparison.years[-1]
        self.note.setText(self.tr("{count} plans, {first}–{last}. Uncovered need is in slots per year; "
                                  "a year a plan does not cover shows —.").format(
            count=len(self.comparison.rows), first=first, last=last))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self.busy:   # scenarios saved since the list was made
            self.refresh()

    # ------------------------------------------------------------ language
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.choose_label.setText(self.tr("Scenarios:"))
        self.compare_button.setText(self.tr("Compare plans"))
        self.refresh_button.setText(self.tr("Refresh list"))
        for i in range(self.scenarios.count()):
            item = self.scenarios.item(i)
            item.setText(self._shown(item.data(Qt.ItemDataRole.UserRole)))
        self.model.retranslate()
        if not self.busy:
            self._explain()
