"""The comparison tab: two or three solved scenarios side by side for the committee.

Tick the scenarios to compare (those with a stored proposal); the cover
figures, the township table with the townships that differ highlighted, and
the overlay chart all come from planner.exports.comparison, which reads them from the
separate proposals. A stale proposal is still shown, marked "(stale)".
"""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt
from ui.print_preview import show_preview
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel, QListWidget,
    QFrame, QListWidgetItem, QPushButton, QScrollArea, QSizePolicy, QSplitter, QTableView, QTabWidget, QVBoxLayout, QWidget,
)

from planner.exports.comparison import Comparison, ComparisonError, compare
from planner.exports.comparison_chart import overlay_chart
from planner.exports.comparison_xlsx import write_comparison_xlsx
from planner.scenarios.reads import scenarios_with_states
from planner.domain.county import KINDS
from planner.domain.proposal import Proposal
from ui.labels import kind_label
from ui.compare_report import ComparisonDocument, comparison_pdf_job
from ui.recovery import safe_save_path
from ui.scenario_models import CompareRowsModel, CompareSummaryModel, ScenarioRow, ui_language
from ui.table_model import Role
from ui.tasks import run_task
from ui.i18n import error_text
from ui.file_dialogs import save_file_name

MAX_COMPARED = 3


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
        self.pick_list.setFixedWidth(230)
        self.pick_list.setMaximumHeight(160)
        self.pick_list.itemChanged.connect(self._picked)
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.hint_label.setMaximumWidth(230)
        self.summary_model = CompareSummaryModel(self)
        self.summary_view = QTableView()
        self.summary_view.setModel(self.summary_model)
        self.summary_view.verticalHeader().setVisible(False)
        self.summary_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.summary_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.summary_view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

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

        self.canvas = FigureCanvasQTAgg(Figure())
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.setMinimumHeight(140)  # the tab fits a 1366×768 screen with the cover figures above
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)

        # Top: what to compare beside the cover figures; below: townships above the chart.
        for view in (self.summary_view, self.rows_view):
            view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
        picker = QVBoxLayout()
        picker.addWidget(self.pick_label)
        picker.addWidget(self.pick_list, 1)
        picker.addWidget(self.hint_label)
        top = QHBoxLayout()
        top.addLayout(picker)
        top.addWidget(self.summary_view, 0, Qt.AlignmentFlag.AlignTop)
        top.addStretch(1)
        rows_page = QWidget()
        rows_layout = QVBoxLayout(rows_page)
        rows_layout.setContentsMargins(0, 0, 0, 0)
        rows_layout.addLayout(bar)
        rows_layout.addWidget(self.rows_view, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(rows_page)
        self.splitter.addWidget(self.canvas)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([360, 360])
        # The choice and the cover figures scroll in their own pane on a short screen (1366×768,
        # or 1920×1080 at 150%) instead of pushing the window past the screen or over the table.
        top_page = QWidget()
        top_page.setLayout(top)
        top.setContentsMargins(0, 0, 0, 0)
        self.top_pane = QScrollArea()
        self.top_pane.setWidgetResizable(True)
        self.top_pane.setFrameShape(QFrame.Shape.NoFrame)
        self.top_pane.setWidget(top_page)
        self.top_pane.setMinimumHeight(120)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 2)
        layout.addWidget(self.top_pane)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.splitter, 1)
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
        for button in (self.export_button, self.pdf_button, self.print_button):
            button.setEnabled(comparison is not None)
        self.empty_label.setVisible(comparison is None)
        self.summary_model.set_comparison(comparison, self._stale)
        self._fit_summary()
        self._fill_kind()

    def _fit_summary(self) -> None:
        """The cover figures exactly as tall as their rows: they are the point of the tab, never scrolled."""
        view = self.summary_view
        view.resizeColumnsToContents()
        rows = self.summary_model.rowCount()
        height = view.horizontalHeader().sizeHint().height() + 2 * view.frameWidth()
        height += sum(view.rowHeight(r) for r in range(rows)) if rows else 0
        view.setFixedHeight(max(height, 40))
        width = sum(view.columnWidth(c) for c in range(self.summary_model.columnCount())) + 2 * view.frameWidth()
        view.setFixedWidth(max(width, 120))

    def current_kind(self) -> str:
        return self.kind_combo.currentData()

    def _fill_kind(self) -> None:
        c = self.comparison
        kind = self.current_kind()
        if c is None:
            self.rows_model.set_rows([], [])
            self.canvas.figure.clear()
            self.canvas.draw_idle()
            self.differing_count.setText("")
            return
        rows = c.rows_of(kind)
        self.rows_model.set_rows(c.names, rows)
        self.rows_view.resizeColumnsToContents()
        differing = sum(r.differs for r in rows)
        self.differing_count.setText(self.tr("{n} of {total} townships differ").format(n=differing, total=len(rows)))
        overlay_chart(c, kind, ui_language(), fig=self.canvas.figure)
        self.canvas.draw_idle()

    def figure(self) -> Figure:
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

        self.handle = run_task(self, comparison_pdf_job, self._compared_results(), path, self._print_language(),
                               sorted(self._stale), on_success=done, on_failure=failed,
                               on_cancelled=lambda: self.pdf_button.setEnabled(True), process=process)
        return True

    @staticmethod
    def _print_language() -> str:
        return "zh_CN" if ui_language() == "zh" else "en"

    def document(self):
        """The printed comparison (ui.compare_report.ComparisonDocument) of what is shown."""
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
