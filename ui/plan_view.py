"""The 规划 tab: the multi-year plan (planner.services.planning.plan_job) of the ledger or the
scenario chosen in the toolbar — the roadmap (township × year: quota, pool, staff, need,
uncovered need), a chart per township, the moves of each year with their reasons, and the
pool loans with their return schedule; printed (preview, PDF) and exported to Excel.

The plan is made off the GUI thread by the window's one runner (ui.solve_runner.SolveRunner
handed the plan's job, ui.plan_runner), with progress and Cancel.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt, Signal
from ui.print_preview import show_preview
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QProgressBar, QPushButton,
    QSpinBox, QTableView, QTabWidget, QVBoxLayout, QWidget,
)

from planner.domain.plan import Plan
from planner.services.solving import BASELINE
from ui.i18n import current_language, document_language, progress_text
from ui.chart_canvas import ChartCanvas
from ui.labels import kind_label
from ui.plan_compare import PlanComparePage
from ui.plan_models import MEASURES, PlanLoansModel, PlanMovesModel, RoadmapModel, measure_label
from ui.plan_runner import plan_runner
from ui.report.plan_doc import PlanDocument, write_plan_pdf
from ui.solve_runner import readable_error
from ui.table_model import Role

DEFAULT_YEARS = 5


def table(model, parent: QWidget, sortable: bool = True) -> QTableView:
    view = QTableView(parent)
    if sortable:
        proxy = QSortFilterProxyModel(view)
        proxy.setSortRole(Role.SORT)
        proxy.setSourceModel(model)
        view.setModel(proxy)
        view.setSortingEnabled(True)
        view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    else:
        view.setModel(model)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.setWordWrap(False)
    return view


def labelled(*widgets) -> QHBoxLayout:
    bar = QHBoxLayout()
    for w in widgets:
        bar.addWidget(w)
    bar.addStretch(1)
    return bar


class PlanTab(QWidget):
    planFinished = Signal(object)   # the Plan
    planFailed = Signal(object)     # the error

    def __init__(self, workspace, solve_panel=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.solve_panel = solve_panel
        self.plan: Plan | None = None
        self.outdated = False   # the ledger changed after the plan shown was made
        self.host_tabs: QTabWidget | None = None
        self.runner = plan_runner(self)
        self.runner.progress.connect(self._progress)
        self.runner.succeeded.connect(self._succeeded)
        self.runner.failed.connect(self._failed)
        self.runner.cancelled.connect(self._cancelled)

        # -- the bar: horizon, plan, cancel, progress, print
        self.years_label = QLabel(self)
        self.years_spin = QSpinBox(self)
        self.years_spin.setRange(1, 20)
        self.years_spin.setValue(DEFAULT_YEARS)
        self.plan_button, self.cancel_button = QPushButton(self), QPushButton(self)
        self.plan_button.clicked.connect(lambda: self.start())
        self.cancel_button.clicked.connect(self.runner.cancel)
        self.cancel_button.setEnabled(False)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setMaximumWidth(180)
        self.progress_bar.hide()
        self.preview_button, self.pdf_button, self.xlsx_button = QPushButton(self), QPushButton(self), QPushButton(self)
        self.preview_button.clicked.connect(self.print_preview)
        self.pdf_button.clicked.connect(lambda: self.export_pdf())
        self.xlsx_button.clicked.connect(lambda: self.export_xlsx())
        bar = QHBoxLayout()
        for w in (self.years_label, self.years_spin, self.plan_button, self.cancel_button, self.progress_bar):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.preview_button, self.pdf_button, self.xlsx_button):
            bar.addWidget(w)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # -- roadmap
        self.roadmap_model = RoadmapModel(self)
        self.roadmap_view = table(self.roadmap_model, self)
        self.kind_label, self.kind_combo = QLabel(self), QComboBox(self)
        self.measure_label, self.measure_combo = QLabel(self), QComboBox(self)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._fill_roadmap())
        self.measure_combo.currentIndexChanged.connect(lambda _i: self._fill_roadmap())
        roadmap = QWidget(self)
        layout = QVBoxLayout(roadmap)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(labelled(self.kind_label, self.kind_combo, self.measure_label, self.measure_combo))
        layout.addWidget(self.roadmap_view, 1)

        # -- a chart per township
        self.chart_township_label, self.chart_township = QLabel(self), QComboBox(self)
        self.chart_kind_label, self.chart_kind = QLabel(self), QComboBox(self)
        self.chart_township.setMinimumContentsLength(10)
        self.chart_township.currentIndexChanged.connect(lambda _i: self.draw())
        self.chart_kind.currentIndexChanged.connect(lambda _i: self.draw())
        self.canvas = ChartCanvas()  # matplotlib loads when the chart is first drawn
        self.canvas.setMinimumSize(320, 160)
        self.notes = QLabel(self)
        self.notes.setWordWrap(True)
        charts = QWidget(self)
        layout = QVBoxLayout(charts)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(labelled(self.chart_township_label, self.chart_township, self.chart_kind_label,
                                  self.chart_kind))
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.notes)

        # -- moves by year, loans
        self.moves_model = PlanMovesModel(self)
        self.moves_view = table(self.moves_model, self)
        self.moves_view.horizontalHeader().setStretchLastSection(True)
        self.year_label, self.year_combo = QLabel(self), QComboBox(self)
        self.year_combo.currentIndexChanged.connect(lambda _i: self._fill_moves())
        moves = QWidget(self)
        layout = QVBoxLayout(moves)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(labelled(self.year_label, self.year_combo))
        layout.addWidget(self.moves_view, 1)
        self.loans_model = PlanLoansModel(self)
        self.loans_view = table(self.loans_model, self)
        self.loans_view.horizontalHeader().setStretchLastSection(False)  # figures keep their width

        self.compare_page = PlanComparePage(self, self)   # plans of several scenarios, through self.runner

        self.tabs = QTabWidget(self)
        for page in (roadmap, charts, moves, self.loans_view, self.compare_page):
            self.tabs.addTab(page, "")
        self.tabs.currentChanged.connect(lambda _i: self.draw())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 2)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        workspace.ledgerChanged.connect(self._ledger_changed)
        workspace.databaseChanged.connect(lambda _db: self.show_plan(None))
        workspace.databaseChanged.connect(lambda _db: self.compare_page.refresh())
        self.retranslateUi()
        self._enable()
        self.compare_page.refresh()

    def _ledger_changed(self) -> None:
        if self.plan is not None and not self.outdated:
            self.outdated = True
            self._summarise()

    # ------------------------------------------------------------ planning
    def scenario(self) -> str:
        return self.solve_panel.scenario() if self.solve_panel is not None else BASELINE

    def start(self, scenario: str | None = None):
        db = self.workspace.db
        if db is None or self.runner.is_running():
            return None
        self.progress_bar.setValue(0)
        self.progress_bar.show()
        self.summary.setText(self.tr("Planning…"))
        self._running(True)
        return self.runner.start(db, scenario or self.scenario(), self.workspace.solver_time_limit,
                                 self.years_spin.value())

    def _running(self, running: bool) -> None:
        self.plan_button.setEnabled(not running)
        self.compare_page.compare_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.years_spin.setEnabled(not running)
        if not running:
            self.progress_bar.hide()

    def _succeeded(self, _scenario: str, plan: Plan) -> None:
        # The one runner serves both: a plan of the comparison goes to its page, not on show.
        if self.compare_page.busy:
            self.compare_page.take(plan)
        else:
            self.show_plan(plan)

    def _progress(self, fraction: float, message: str) -> None:
        if self.compare_page.busy:
            self.compare_page.progress(fraction, message)
            return
        self.progress_bar.setValue(int(round(fraction * 100)))
        if message:
            self.summary.setText(progress_text(message))

    def _failed(self, error) -> None:
        if self.compare_page.busy:
            self.compare_page.failed(error)
            return
        self._running(False)
        self.summary.setText(self.tr("No plan: {reason}").format(reason=readable_error(error)))
        self.planFailed.emit(error)

    def _cancelled(self) -> None:
        if self.compare_page.busy:
            self.compare_page.cancelled()
            return
        self._running(False)
        self.summary.setText(self.tr("Planning was cancelled; nothing changed."))

    # ------------------------------------------------------------ showing
    def show_plan(self, plan: Plan | None) -> None:
        self._running(False)
        self.plan = plan
        self.outdated = False
        kinds = plan.kinds_present() if plan else []
        for combo in (self.kind_combo, self.chart_kind):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for kind in kinds:
                combo.addItem(kind_label(kind), kind)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)
        self._fill_combo(self.chart_township, [(n, n) for n in (plan.township_names() if plan else [])])
        self._fill_combo(self.year_combo, [("", self.tr("All years"))] +
                         [(y, str(y)) for y in (plan.years if plan else [])])
        self.loans_model.plan = plan
        self.loans_model.set_rows(plan.loans if plan else [])
        self._fill_roadmap()
        self._fill_moves()
        self._summarise()
        self.loans_view.resizeColumnsToContents()
        self.draw()
        self._enable()
        if plan is not None:
            self.planFinished.emit(plan)

    @staticmethod
    def _fill_combo(combo: QComboBox, items) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for data, text in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def _fill_roadmap(self) -> None:
        measure = self.measure_combo.currentData() or "all"
        self.roadmap_model.show(self.plan, self.kind_combo.currentData() or "administrative", measure)
        self.roadmap_view.resizeColumnsToContents()

    def _fill_moves(self) -> None:
        year = self.year_combo.currentData()
        moves = self.plan.moves_of(year if year else None) if self.plan else []
        self.moves_model.set_rows(moves)
        self.moves_view.resizeColumnsToContents()

    def _summarise(self) -> None:
        plan = self.plan
        if plan is None:
            self.summary.setText(self.tr("Choose the years and press Plan: the quota of every township in each "
                                         "year, timed to the retirements."))
            return
        english = current_language() == "en"
        if not plan.is_plan:
            reasons = ("; " if english else "；").join(plan.diagnosis_in(english))
            self.summary.setText(self.tr("{status}. {reasons}").format(status=plan.status_text(english),
                                                                          reasons=reasons))
            return
        by_year = plan.uncovered_by_year()
        uncovered = (", " if english else "，").join(self.tr("{year}: {n}").format(year=y, n=n)
                                                    for y, n in by_year.items())
        scenario = self.tr("the ledger") if plan.scenario == BASELINE else plan.scenario
        self.summary.setText(self.tr(
            "{status} · {scenario} · {first}–{last}: {moves} moves of {slots} slots, {lent} pool slots lent anew, "
            "{touched} townships touched; uncovered need per year {uncovered}").format(
            status=plan.status_text(english), scenario=scenario, first=plan.years[0], last=plan.years[-1],
            moves=len(plan.moves), slots=plan.slots_moved, lent=plan.slots_lent, touched=plan.townships_touched,
            uncovered=uncovered))
        if self.outdated:
            self.summary.setText(self.tr("The ledger has changed since this plan was made; plan again to "
                                         "see it.") + " " + self.summary.text())

    def draw(self) -> None:
        if self.plan is None or not self.plan.is_plan or self.tabs.currentIndex() != 1 or not self.isVisible():
            return
        township, kind = self.chart_township.currentData(), self.chart_kind.currentData()
        if not township or not kind:
            return
        from planner.exports.time_charts import plan_township_chart

        english = current_language() == "en"
        plan_township_chart(self.plan, township, kind, "en" if english else "zh", fig=self.canvas.figure)
        self.canvas.draw_idle()
        notes = [(n.en if english else n.zh) for n in self.plan.notes_of(township, kind)]
        self.notes.setText("\n".join(notes))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.draw()

    def _enable(self) -> None:
        has = self.plan is not None and self.plan.is_plan
        for button in (self.preview_button, self.pdf_button, self.xlsx_button):
            button.setEnabled(has)

    # ------------------------------------------------------------ printing
    def document(self) -> PlanDocument:
        return PlanDocument(self.plan, document_language())

    def print_preview(self) -> None:
        if self.plan is None:
            return
        show_preview(self, self.document(), self.tr("Print preview — multi-year plan"))

    def ask_path(self, title: str, name: str, pattern: str) -> str:
        """Where to save (tests replace this)."""
        path, _ = QFileDialog.getSaveFileName(self, title, name, pattern)
        return path

    def export_pdf(self, path: str | None = None) -> str | None:
        if self.plan is None:
            return None
        path = path or self.ask_path(self.tr("Export plan as PDF"), self.tr("Multi-year plan") + ".pdf",
                                     "PDF (*.pdf)")
        if not path:
            return None
        written = str(write_plan_pdf(self.plan, path, document_language()))
        self.workspace.status(self.tr("Plan saved to {path}").format(path=written))
        return written

    def export_xlsx(self, path: str | None = None) -> str | None:
        try:
            from planner.exports.plan_xlsx import write_plan_xlsx
        except ImportError:  # a planner without the plan workbook
            return None
        if self.plan is None:
            return None
        path = path or self.ask_path(self.tr("Export plan to Excel"), self.tr("Multi-year plan") + ".xlsx",
                                     "Excel (*.xlsx)")
        if not path:
            return None
        written = str(write_plan_xlsx(self.plan, path))
        self.workspace.status(self.tr("Plan saved to {path}").format(path=written))
        return written

    # ------------------------------------------------------------ language
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.years_label.setText(self.tr("Years:"))
        self.plan_button.setText(self.tr("Plan", "button: make the plan"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.preview_button.setText(self.tr("Print preview…"))
        self.pdf_button.setText(self.tr("Export PDF…"))
        self.xlsx_button.setText(self.tr("Export Excel…"))
        self.kind_label.setText(self.tr("Kind:"))
        self.measure_label.setText(self.tr("Show:"))
        self.chart_township_label.setText(self.tr("Township:"))
        self.chart_kind_label.setText(self.tr("Kind:"))
        self.year_label.setText(self.tr("Year:"))
        current = self.measure_combo.currentData()
        self._fill_combo(self.measure_combo, [(m, measure_label(m)) for m in MEASURES])
        self.measure_combo.setCurrentIndex(max(0, self.measure_combo.findData(current)))
        for i, text in enumerate((self.tr("Roadmap"), self.tr("Township charts"), self.tr("Moves by year"),
                                  self.tr("Pool loans"), self.tr("Compare plans"))):
            self.tabs.setTabText(i, text)
        for combo in (self.kind_combo, self.chart_kind):
            for i in range(combo.count()):
                combo.setItemText(i, kind_label(combo.itemData(i)))
        if self.year_combo.count():
            self.year_combo.setItemText(0, self.tr("All years"))
        for model in (self.roadmap_model, self.moves_model, self.loans_model):
            model.retranslate()
        self._summarise()
        self.draw()
        if self.host_tabs is not None:
            self.host_tabs.setTabText(self.host_tabs.indexOf(self), self.tr("Plan", "tab title"))


def install(workspace, tabs: QTabWidget, solve_panel=None) -> PlanTab:
    """The 规划 tab; the plan is of the scenario chosen in the solve panel's toolbar."""
    tab = PlanTab(workspace, solve_panel, tabs)
    tabs.addTab(tab, "")
    tab.host_tabs = tabs
    tab.retranslateUi()
    return tab
