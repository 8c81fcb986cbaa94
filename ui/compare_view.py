"""The comparison tab: two or three solved scenarios side by side for the committee.

Tick the scenarios to compare (those with a stored proposal); the cover
figures, the township table with the townships that differ highlighted, and
the overlay chart all come from planner.exports.comparison, which reads them from the
separate proposals. A stale proposal is still shown, marked "(stale)".
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt
from ui.print_preview import show_preview
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel, QListWidget,
    QFrame, QListWidgetItem, QPushButton, QScrollArea, QSplitter, QTableView, QTabWidget, QVBoxLayout, QWidget,
)

# The chart (matplotlib), the workbook (openpyxl) and the printed comparison are imported where
# they are used: none of them is needed to open the window, and together they cost a good part
# of its start-up.
from planner.exports.comparison import Comparison, ComparisonError, compare
from planner.scenarios.reads import scenarios_with_states
from planner.domain.county import KINDS
from planner.domain.proposal import Proposal
from ui.labels import kind_label
from ui.chart_canvas import ChartCanvas
from ui.recovery import safe_save_path
from ui.scenario_models import CompareRowsModel, CompareSummaryModel, ScenarioRow, ui_language
from ui.table_model import Role
from ui.tasks import run_task
from ui.i18n import error_text
from ui.file_dialogs import save_file_name

MAX_COMPARED = 3
CHART_MIN_HEIGHT = 200  # the overlay chart's bars, township names and legend still readable
PICKER_WIDTH = 230


class DiffersFilter(QSortFilterProxyModel):
    """Rows of one kind and, when asked, only those where the scenarios differ."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.only_differing = False

    def set_only_differing(self, on: bool) -> None:
        self.only_differing = bool(on)
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        if not self.only_differing:
            return True
        return bool(self.sourceModel().data(self.sourceModel().index(source_row, 0, source_parent), Role.DIFFERS))


class CompareView(QWidget):
    def __init__(self, workspace, tabs: QTabWidget | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace  # ui.workspace.Workspace
        self.tabs = tabs            # where this tab sits, for its title
        self.comparison: Comparison | None = None
        self._results: dict[str, Proposal] = {}
        self._stale: set[str] = set()

        self.pick_label = QLabel()
        self.pick_list = QListWidget()
        self.pick_list.setFixedWidth(PICKER_WIDTH)
        self.pick_list.itemChanged.connect(self._picked)
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.hint_label.setMaximumWidth(PICKER_WIDTH)
        self.summary_model = CompareSummaryModel(self)
        self.summary_view = QTableView()
        self.summary_view.setModel(self.summary_model)
        self.summary_view.verticalHeader().setVisible(False)
        self.summary_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.summary_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.summary_view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.summary_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.kind_label = QLabel()
        self.kind_combo = QComboBox()
        for kind in KINDS:
            self.kind_combo.addItem(kind_label(kind), kind)
        self.kind_combo.setCurrentIndex(1)  # institutional: the pool most scenarios are about
        self.kind_combo.currentIndexChanged.connect(lambda *_: self._fill_kind())
        self.differing_box = QCheckBox()
        self.differing_box.toggled.connect(lambda on: self.rows_proxy.set_only_differing(on))
        self.differing_count = QLabel()
        self.export_button = QPushButton()
        self.export_button.clicked.connect(lambda: self.export_xlsx())
        self.pdf_button = QPushButton()
        self.pdf_button.clicked.connect(lambda: self.export_pdf())
        self.print_button = QPushButton()
        self.print_button.clicked.connect(self.print_preview)
        self.handle = None
        bar = QHBoxLayout()
        bar.addWidget(self.kind_label)
        bar.addWidget(self.kind_combo)
        bar.addWidget(self.differing_box)
        bar.addWidget(self.differing_count)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.pdf_button)
        bar.addWidget(self.export_button)

        self.rows_model = CompareRowsModel(self)
        self.rows_proxy = DiffersFilter(self)
        self.rows_proxy.setSourceModel(self.rows_model)
        self.rows_view = QTableView()
        self.rows_view.setModel(self.rows_proxy)
        self.rows_view.verticalHeader().setVisible(False)
        self.rows_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rows_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rows_view.horizontalHeader().setStretchLastSection(False)

        self.canvas = ChartCanvas()  # matplotlib loads when the first comparison is drawn
        self.canvas.setMinimumHeight(CHART_MIN_HEIGHT)
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        for view in (self.summary_view, self.rows_view):
            view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)

        # Left, one narrow column: what to compare above the cover figures, every one of their rows
        # in sight. Right, the rest of the width and the whole height: the townships above the chart
        # (a splitter the window remembers). Stacked one above the other, as before, the cover figures
        # left five township rows and a squeezed chart on a 1366×768 screen.
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.pick_label)
        side_layout.addWidget(self.pick_list)
        side_layout.addWidget(self.hint_label)
        side_layout.addWidget(self.summary_view)
        side_layout.addStretch(1)
        # Scrolls only where nothing else would do (very large fonts); no scroll bar across it.
        self.side_pane = QScrollArea()
        self.side_pane.setWidgetResizable(True)
        self.side_pane.setFrameShape(QFrame.Shape.NoFrame)
        self.side_pane.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.side_pane.setWidget(side)
        self.side_pane.setMinimumHeight(120)

        rows_page = QWidget()
        rows_layout = QVBoxLayout(rows_page)
        rows_layout.setContentsMargins(0, 0, 0, 0)
        rows_layout.addLayout(bar)
        rows_layout.addWidget(self.rows_view, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(rows_page)
        self.splitter.addWidget(self.canvas)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        # The townships get what the chart can spare: it keeps about two fifths, never less than its
        # minimum (the window restores the user's own sizes over these).
        self.splitter.setSizes([330, 220])
        right = QVBoxLayout()
        right.addWidget(self.empty_label, 1)
        right.addWidget(self.splitter, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 2)
        layout.addWidget(self.side_pane)
        layout.addLayout(right, 1)
        self._show(None)

    # ------------------------------------------------------------ choosing
    def refresh(self, rows=None) -> None:
        """Re-read which scenarios have proposals; keep the ticks where the names still exist.

        `rows` (ui.scenario_models.ScenarioRow, as the scenarios tab has just read them) saves
        reading the scenarios and working out their states a second time.
        """
        ticked = set(self.checked_names())
        self._results, self._stale = {}, set()
        db = self.workspace.db
        if rows is None and db is not None:
            rows = [ScenarioRow(record, state) for record, state in scenarios_with_states(db)]
        # The ledger as it stands (the baseline, solved on the proposal tab) is compared too: a user
        # had to make and solve an empty scenario to see a cut against doing nothing.
        shown = getattr(self.workspace, "proposal", None)
        names = {row.name for row in rows or []}
        if (isinstance(shown, Proposal) and shown.totals and shown.is_proposal
                and shown.scenario and shown.scenario not in names):
            self._results[shown.scenario] = shown
        for row in rows or []:
            result = row.record.last_result
            if result is not None and result.totals:
                self._results[row.name] = result
                if row.state in ("stale", "invalid"):
                    self._stale.add(row.name)
        self.pick_list.blockSignals(True)
        self.pick_list.clear()
        for name in self._results:
            item = QListWidgetItem(name + (self.tr(" (stale)") if name in self._stale else ""))
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in ticked else Qt.CheckState.Unchecked)
            self.pick_list.addItem(item)
        self.pick_list.blockSignals(False)
        self._fit_picker()
        self._update()

    def checked_names(self) -> list[str]:
        return [self.pick_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.pick_list.count())
                if self.pick_list.item(i).checkState() == Qt.CheckState.Checked]

    def set_checked(self, names: list[str]) -> None:
        self.pick_list.blockSignals(True)
        for i in range(self.pick_list.count()):
            item = self.pick_list.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in names
                               else Qt.CheckState.Unchecked)
        self.pick_list.blockSignals(False)
        self._update()

    def _picked(self, item: QListWidgetItem) -> None:
        if len(self.checked_names()) > MAX_COMPARED and item.checkState() == Qt.CheckState.Checked:
            # Side by side stays readable with three; a fourth tick is taken back.
            self.pick_list.blockSignals(True)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.pick_list.blockSignals(False)
            self.workspace.status(self.tr("Compare at most {n} scenarios at a time.").format(n=MAX_COMPARED))
        self._update()

    # ------------------------------------------------------------ showing
    def _update(self) -> None:
        names = self.checked_names()
        comparison = None
        if len(names) >= 2:
            try:
                comparison = compare({n: self._results[n] for n in names})
            except ComparisonError as error:
                self.workspace.status(error_text(error))
        self._show(comparison)

    def _show(self, comparison: Comparison | None) -> None:
        self.comparison = comparison
        self.splitter.setVisible(comparison is not None)
        self.summary_view.setVisible(comparison is not None)
        self.hint_label.setVisible(comparison is None)  # the ticks made: room for the cover figures
        for button in (self.export_button, self.pdf_button, self.print_button):
            button.setEnabled(comparison is not None)
        self.empty_label.setVisible(comparison is None)
        self.summary_model.set_comparison(comparison, self._stale)
        self._fit_summary()
        self._fill_kind()

    def _fit_picker(self) -> None:
        """The list of scenarios as tall as its entries (two to six rows), the rest left to the figures."""
        view = self.pick_list
        row = view.sizeHintForRow(0) if view.count() else view.fontMetrics().height() + 4
        view.setFixedHeight(min(max(view.count(), 2), 6) * row + 2 * view.frameWidth() + 2)

    def _fit_summary(self) -> None:
        """The cover figures exactly as tall and wide as their rows: the point of the tab, never scrolled."""
        view = self.summary_view
        view.resizeColumnsToContents()
        rows = self.summary_model.rowCount()
        height = view.horizontalHeader().sizeHint().height() + 2 * view.frameWidth()
        height += sum(view.rowHeight(r) for r in range(rows)) if rows else 0
        view.setFixedHeight(max(height, 40))
        width = sum(view.columnWidth(c) for c in range(self.summary_model.columnCount())) + 2 * view.frameWidth()
        view.setFixedWidth(max(width, 120))
        shown = view.width() if self.comparison is not None else 0
        bar = self.side_pane.verticalScrollBar().sizeHint().width()  # room for it, should fonts be large
        self.side_pane.setFixedWidth(max(shown, PICKER_WIDTH) + bar)

    def refit(self) -> None:
        """The cover figures refitted to their rows, once these changed height (the display density)."""
        self._fit_summary()

    def current_kind(self) -> str:
        return self.kind_combo.currentData()

    def _fill_kind(self) -> None:
        c = self.comparison
        kind = self.current_kind()
        if c is None:
            self.rows_model.set_rows([], [])
            self.canvas.clear()
            self.differing_count.setText("")
            return
        rows = c.rows_of(kind)
        self.rows_model.set_rows(c.names, rows)
        self.rows_view.resizeColumnsToContents()
        differing = sum(r.differs for r in rows)
        self.differing_count.setText(self.tr("{n} of {total} townships differ").format(n=differing, total=len(rows)))
        from planner.exports.comparison_chart import overlay_chart

        overlay_chart(c, kind, ui_language(), fig=self.canvas.figure)
        self.canvas.draw_idle()

    def figure(self):
        """The overlay chart's matplotlib Figure."""
        return self.canvas.figure

    # ------------------------------------------------------------ export
    def _ask_path(self) -> str | None:
        """Where to save the workbook (tests replace this)."""
        path = save_file_name(self, self.workspace.settings, self.tr("Export comparison"),
                              self.tr("Scenario comparison") + ".xlsx", "Excel (*.xlsx)")
        return safe_save_path(self, path, self.workspace.db)

    def _compared_results(self) -> dict[str, Proposal]:
        return {n: self._results[n] for n in self.comparison.names} if self.comparison else {}

    def export_pdf(self, path: str | None = None, *, process: bool = True) -> bool:
        """The printed comparison as a PDF, written off the GUI thread (a child process by default)."""
        if self.comparison is None or (self.handle is not None and self.handle.is_running()):
            return False
        if path is None:
            path = save_file_name(self, self.workspace.settings, self.tr("Export comparison as PDF"),
                                  self.tr("Scenario comparison") + ".pdf", "PDF (*.pdf)")
            path = safe_save_path(self, path, self.workspace.db)
        if not path:
            return False
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        self.pdf_button.setEnabled(False)
        self.workspace.status(self.tr("Writing {path}…").format(path=path))

        def done(written: str) -> None:
            self.pdf_button.setEnabled(True)
            self.workspace.status(self.tr("Comparison saved to {path}").format(path=written))

        def failed(error) -> None:
            self.pdf_button.setEnabled(True)
            self.workspace.show_error(self.tr("The comparison could not be saved: {reason}").format(reason=error))

        from ui.compare_report import comparison_pdf_job

        self.handle = run_task(self, comparison_pdf_job, self._compared_results(), path, self._print_language(),
                               sorted(self._stale), on_success=done, on_failure=failed,
                               on_cancelled=lambda: self.pdf_button.setEnabled(True), process=process)
        return True

    @staticmethod
    def _print_language() -> str:
        return "zh_CN" if ui_language() == "zh" else "en"

    def document(self):
        """The printed comparison (ui.compare_report.ComparisonDocument) of what is shown."""
        from ui.compare_report import ComparisonDocument

        return ComparisonDocument(self.comparison, self._compared_results(), self._print_language(), self._stale)

    def print_preview(self) -> None:
        if self.comparison is None:
            return
        show_preview(self, self.document(), self.tr("Print preview — scenario comparison"))

    def export_xlsx(self, path: str | None = None) -> bool:
        """The comparison as an Excel workbook (summary, townships, moves)."""
        if self.comparison is None:
            return False
        path = path or self._ask_path()
        if not path:
            return False
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        from planner.exports.comparison_xlsx import write_comparison_xlsx

        try:
            write_comparison_xlsx(self.comparison, self._compared_results(), path, ui_language())
        except OSError as error:
            self.workspace.show_error(self.tr("The comparison could not be saved: {reason}").format(reason=error))
            return False
        self.workspace.status(self.tr("Comparison saved to {path}").format(path=path))
        return True

    # ------------------------------------------------------------ language
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.pick_label.setText(self.tr("Scenarios to compare (2–3):"))
        self.hint_label.setText(self.tr("Only solved scenarios are listed; solve one on the Scenarios tab."))
        self.kind_label.setText(self.tr("Quota kind:"))
        for i in range(self.kind_combo.count()):
            self.kind_combo.setItemText(i, kind_label(self.kind_combo.itemData(i)))
        self.differing_box.setText(self.tr("Only townships that differ"))
        self.export_button.setText(self.tr("Export to Excel…"))
        self.pdf_button.setText(self.tr("Export PDF…"))
        self.print_button.setText(self.tr("Print…"))
        self.empty_label.setText(self.tr("Tick two or three solved scenarios to see them side by side."))
        self.summary_model.retranslate()
        self.rows_model.retranslate()
        if self.comparison is not None:
            self._fill_kind()
        if self.tabs is not None and self.tabs.indexOf(self) >= 0:
            self.tabs.setTabText(self.tabs.indexOf(self), self.tr("Compare scenarios"))
