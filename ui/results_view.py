"""The proposal tab: summary, quota table, moves, A/B roster, explanations and charts.

It shows one Proposal (planner.domain.proposal) and never touches the database; the
"Apply to ledger…" button only asks: ui.apply_action does the confirmed,
undoable writing.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter, QTableView,
    QTabWidget, QTextBrowser, QVBoxLayout, QWidget,
)

from planner.domain.county import KINDS
from planner.domain.proposal import Proposal, RosterPost
from ui.charts_view import ChartsView
from ui.labels import kind_label
from ui.results_models import (
    ExplanationModel, KindFilterProxy, MarginalModel, MovesModel, ProposalModel, RosterModel, TotalsModel,
    localized, totals_rows, ui_is_chinese,
)
from ui.table_model import Role

STATUS_COLORS = {"optimal": "#1f6f3f", "feasible": "#8a6d00", "infeasible": "#b00020"}


def _table(model, *, stretch_last: bool = True, sortable: bool = True) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setSortingEnabled(sortable)
    if sortable:
        view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # ledger order until the user sorts
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(stretch_last)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    # Fitting columns looks at this many rows, not all of them: a province's
    # thousands of rows would otherwise be measured on the GUI thread.
    view.horizontalHeader().setResizeContentsPrecision(60)
    return view


def fit_columns(view: QTableView, model, sample: int = 60) -> None:
    """Columns as wide as their header and the texts of the first rows.

    Measures the strings directly instead of QTableView.resizeColumnsToContents,
    which asks the (Python) model for every role of every sampled cell: ten
    times the work, on the GUI thread, when a proposal arrives.
    """
    bold = view.font()
    bold.setBold(True)
    bold_metrics = QFontMetrics(bold)  # changed quota is shown bold
    header_metrics = view.horizontalHeader().fontMetrics()
    rows = model.rows()[:sample]
    for c, column in enumerate(model.COLUMNS):
        header = model.headerData(c, Qt.Orientation.Horizontal)
        width = max((header_metrics.horizontalAdvance(line) for line in str(header).split("\n")), default=0) + 24
        for row in rows:
            width = max(width, bold_metrics.horizontalAdvance(column.text(row)) + 14)
        if not view.horizontalHeader().stretchLastSection() or c < len(model.COLUMNS) - 1:
            view.setColumnWidth(c, min(width, 480))


def _kind_combo(with_all: bool = True) -> QComboBox:
    combo = QComboBox()
    if with_all:
        combo.addItem("", "")
    for kind in KINDS:
        combo.addItem(kind_label(kind), kind)
    return combo


class ResultsView(QWidget):
    """Shows a proposal; `set_result(result)` fills every part at once."""

    apply_requested = Signal(object)  # the Proposal, when the user pressed "Apply to ledger…"
    result_changed = Signal(object)  # the result shown (None when cleared)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._result: Proposal | None = None
        self._stale = False
        self._generation = 0          # bumps with every set_result
        self._filled_generation = 0   # the generation whose parts are all filled

        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stale_label = QLabel()
        self.stale_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.stale_label.setVisible(False)
        self.apply_button = QPushButton()
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self._on_apply_clicked)
        top = QHBoxLayout()
        top.addWidget(self.summary_label, 1)
        top.addWidget(self.stale_label)
        top.addWidget(self.apply_button)

        self.totals_model = TotalsModel(self)
        self.totals_view = _table(self.totals_model, stretch_last=False, sortable=False)
        self.totals_view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.totals_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)

        # Proposal table, filtered by kind.
        self.proposal_model = ProposalModel(self)
        self.proposal_proxy = KindFilterProxy(self)
        self.proposal_proxy.setSourceModel(self.proposal_model)
        self.proposal_view = _table(self.proposal_proxy, stretch_last=False)
        self.proposal_kind = _kind_combo()
        self.proposal_kind.currentIndexChanged.connect(
            lambda: self.proposal_proxy.set_kind(self.proposal_kind.currentData()))
        self.proposal_kind_label = QLabel()
        proposal_tab = self._with_bar(self.proposal_view, self.proposal_kind_label, self.proposal_kind)

        # Moves.
        self.moves_model = MovesModel(self)
        self.moves_proxy = QSortFilterProxyModel(self)
        self.moves_proxy.setSourceModel(self.moves_model)
        self.moves_proxy.setSortRole(Role.SORT)
        self.moves_view = _table(self.moves_proxy)
        self.moves_view.setWordWrap(True)

        # A/B roster, per township and kind.
        self.roster_model = RosterModel(self)
        self.roster_proxy = KindFilterProxy(self)
        self.roster_proxy.setSourceModel(self.roster_model)
        self.roster_view = _table(self.roster_proxy, stretch_last=False)
        for column in (RosterModel.A_DUTIES, RosterModel.B_DUTIES):  # the duty lists take the room
            self.roster_view.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        # ...and wrap onto as many lines as they need rather than end in "…" (one township's posts: few rows).
        self.roster_view.setWordWrap(True)
        self.roster_view.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.roster_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.roster_township = QComboBox()
        self.roster_township.currentIndexChanged.connect(self._show_roster_township)
        self._roster_by_township: dict[str, list[RosterPost]] = {}
        self.roster_kind = _kind_combo()
        self.roster_kind.currentIndexChanged.connect(
            lambda: self.roster_proxy.set_kind(self.roster_kind.currentData()))
        self.roster_township_label = QLabel()
        self.roster_kind_label = QLabel()
        roster_tab = self._with_bar(self.roster_view, self.roster_township_label, self.roster_township,
                                    self.roster_kind_label, self.roster_kind)

        # Explanations: diagnosis, marginal value of a slot, per-township reasons.
        self.diagnosis_view = QTextBrowser()
        self.diagnosis_view.setOpenLinks(False)
        self.marginal_model = MarginalModel(self)
        self.marginal_view = _table(self.marginal_model, sortable=False)
        self.explanation_model = ExplanationModel(self)
        self.explanation_proxy = KindFilterProxy(self)
        self.explanation_proxy.setSourceModel(self.explanation_model)
        self.explanation_view = _table(self.explanation_proxy)
        self.explanation_view.setWordWrap(True)
        # The full text of the chosen township's explanation: the table cell shows only its start.
        self.explanation_text = QTextBrowser()
        self.explanation_text.setMaximumHeight(90)
        self.explanation_view.selectionModel().currentRowChanged.connect(self._show_explanation)
        self.diagnosis_title = QLabel()
        self.marginal_title = QLabel()
        self.explanation_title = QLabel()
        # Side by side, as a wide and short screen (1366×768) has room: the diagnosis above the value
        # of a slot on the left, the townships' reasons on the right (three panes stacked got 1.5–4 rows each).
        explain = QSplitter(Qt.Orientation.Horizontal)
        left = QSplitter(Qt.Orientation.Vertical)
        for parent, title, *widgets in ((left, self.diagnosis_title, self.diagnosis_view),
                                        (left, self.marginal_title, self.marginal_view),
                                        (explain, self.explanation_title, self.explanation_view,
                                         self.explanation_text)):
            box = QWidget()
            lay = QVBoxLayout(box)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.addWidget(title)
            for widget in widgets:
                lay.addWidget(widget)
            parent.addWidget(box)
            if parent is left and left.count() == 1:
                explain.addWidget(left)
        left.setSizes([160, 160])
        explain.setSizes([520, 760])

        self.charts_view = ChartsView()

        self.tabs = QTabWidget()
        self.tabs.addTab(proposal_tab, "")
        self.tabs.addTab(self.moves_view, "")
        self.tabs.addTab(roster_tab, "")
        self.tabs.addTab(explain, "")
        self.tabs.addTab(self.charts_view, "")

        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.totals_view)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.empty_label, 1)
        self.retranslate()
        self.set_result(None)

    @staticmethod
    def _with_bar(view: QWidget, *bar_widgets: QWidget) -> QWidget:
        page = QWidget()
        bar = QHBoxLayout()
        for w in bar_widgets:
            bar.addWidget(w)
        bar.addStretch(1)
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(bar)
        lay.addWidget(view, 1)
        return page

    # -- public ------------------------------------------------------------
    def result(self) -> Proposal | None:
        return self._result

    def set_result(self, result: Proposal | None, *, staged: bool = False) -> None:
        """Show `result` (None: nothing). `result_changed` follows once every part is filled.

        staged=True fills the parts over several event-loop turns (the visible
        quota table first), so that a province-sized proposal never blocks the
        window for long in one go; a newer result overtakes the older one's
        remaining steps.
        """
        self._result = result
        self._stale = False
        self._applied = False
        self._generation += 1
        has = result is not None
        self.tabs.setVisible(has)
        self.totals_view.setVisible(has)
        self.empty_label.setVisible(not has)
        self.apply_button.setEnabled(False)  # until every part shows this result
        steps = [self._fill_head, self._fill_proposal, self._fill_moves, self._fill_roster,
                 self._fill_explanations, self._fill_done]
        if not staged:
            for step in steps:
                step()
            return
        generation = self._generation

        def run(index: int = 0) -> None:
            if generation != self._generation:
                return  # a newer result took over
            steps[index]()
            if index + 1 < len(steps):
                QTimer.singleShot(0, self, lambda: run(index + 1))

        run()

    def is_filling(self) -> bool:
        """True while a staged set_result still has parts to fill."""
        return self._filled_generation != self._generation

    def _fill_head(self) -> None:
        self.totals_model.set_rows(totals_rows(self._result))
        self._fill_summary()
        fit_columns(self.totals_view, self.totals_model)
        self._fit_height(self.totals_view)

    def _fill_proposal(self) -> None:
        self.proposal_model.set_rows(self._result.lines if self._result else [])
        fit_columns(self.proposal_view, self.proposal_model)

    def _fill_moves(self) -> None:
        self.moves_model.set_rows(self._result.moves if self._result else [])

    def _fill_roster(self) -> None:
        self._fill_roster_townships(self._result.roster if self._result else ())
        fit_columns(self.roster_view, self.roster_model)

    def _fill_explanations(self) -> None:
        result = self._result
        self.explanation_model.set_rows([r for r in result.lines if r.explanation or r.explanation_en]
                                        if result else [])
        self.explanation_text.clear()
        self.marginal_model.set_rows(result.marginal if result else [])
        fit_columns(self.marginal_view, self.marginal_model)
        self._fill_diagnosis()
        self.charts_view.set_result(self._result)

    def _show_explanation(self, current, _previous=None) -> None:
        if not current.isValid():
            self.explanation_text.clear()
            return
        row = self.explanation_model.row(self.explanation_proxy.mapToSource(current).row())
        self.explanation_text.setPlainText(f"{row.township} · {kind_label(row.kind)}\n"
                                           f"{localized(row.explanation, row.explanation_en)}")

    def _fill_done(self) -> None:
        self._filled_generation = self._generation
        self.apply_button.setEnabled(self.can_apply())
        self.result_changed.emit(self._result)

    def set_stale(self, stale: bool) -> None:
        """Mark the shown proposal as computed from a ledger that has changed since."""
        self._stale = bool(stale) and self._result is not None
        self.stale_label.setVisible(self._stale)
        self.apply_button.setEnabled(self.can_apply())

    def is_stale(self) -> bool:
        return self._stale

    def mark_applied(self, result=None) -> None:
        """The shown proposal is on the ledger: it is not offered again until a new one is shown."""
        if result is None or result is self._result:
            self._applied = True
            self.apply_button.setEnabled(self.can_apply())

    def can_apply(self) -> bool:
        return (self._result is not None and self._result.is_proposal
                and not self._stale and not self.is_filling() and not getattr(self, "_applied", False))

    @staticmethod
    def _fit_height(view: QTableView) -> None:
        """A short table exactly as tall as its rows, so the totals never scroll."""
        rows = view.model().rowCount()
        height = view.horizontalHeader().sizeHint().height() + 2 * view.frameWidth()
        height += sum(view.rowHeight(r) for r in range(rows)) if rows else view.verticalHeader().defaultSectionSize()
        if view.horizontalScrollBar().isVisible():
            height += view.horizontalScrollBar().sizeHint().height()
        view.setFixedHeight(height)

    # -- filling -----------------------------------------------------------
    def _fill_roster_townships(self, roster: tuple[RosterPost, ...]) -> None:
        """Township chooser of the roster; the roster table holds one township's posts at a time.

        A county has thousands of posts: grouping them once here is cheaper than a
        proxy filtering every row on the GUI thread at each choice.
        """
        current = self.roster_township.currentText() if self.roster_township.currentIndex() > 0 else ""
        grouped: dict[str, list[RosterPost]] = {}
        for post in roster:
            grouped.setdefault(post.township, []).append(post)
        self._roster_by_township = grouped
        self.roster_township.blockSignals(True)
        self.roster_township.clear()
        self.roster_township.addItem(self.tr("All townships"))
        self.roster_township.addItems(list(grouped))  # township names are unique in a ledger
        index = self.roster_township.findText(current) if current else -1
        if index < 1:
            index = 1 if self.roster_township.count() > 1 else 0
        self.roster_township.setCurrentIndex(index)
        self.roster_township.blockSignals(False)
        self._show_roster_township()

    def _show_roster_township(self, *_args) -> None:
        if self.roster_township.currentIndex() <= 0:
            rows = [r for rows in self._roster_by_township.values() for r in rows]
        else:
            rows = self._roster_by_township.get(self.roster_township.currentText(), [])
        self.roster_model.set_rows(rows)

    def _fill_diagnosis(self) -> None:
        result = self._result
        lines = result.diagnosis_in(not ui_is_chinese()) if result else []
        if not lines:
            self.diagnosis_view.setPlainText(self.tr("No rule is in the way of this proposal."))
            return
        colour = STATUS_COLORS["infeasible"] if result.infeasible else "#333333"
        items = "".join(f"<li>{_escape(str(line))}</li>" for line in lines)
        self.diagnosis_view.setHtml(f"<ul style='color:{colour}'>{items}</ul>")

    def _fill_summary(self) -> None:
        r = self._result
        if r is None:
            self.summary_label.setText(self.tr("No proposal yet."))
            return
        status = r.status
        status_text = r.status_text(english=not ui_is_chinese())
        solver = r.solver
        text = self.tr("Proposal for {county}, scenario “{scenario}”: <b style='color:{colour}'>{status}</b>. "
                       "{moves} moves, {slots} slots. Computed {when} by {solver} in {seconds:.1f} s; "
                       "data fingerprint {fingerprint}.").format(
            county=_escape(r.county), scenario=_escape(r.scenario),
            colour=STATUS_COLORS.get(status, "#333333"), status=status_text, moves=len(r.moves),
            slots=r.slots_moved,
            when=_escape(str(r.generated_at)[:19].replace("T", " ")),
            solver=_escape(f"{solver.name} {solver.version}".strip()),
            seconds=float(solver.seconds or 0.0), fingerprint=str(r.fingerprint)[:12])
        if r.moves:
            text += " " + _escape(r.moves_text(english=not ui_is_chinese())) + ("." if not ui_is_chinese() else "。")
        self.summary_label.setText(text)

    # -- actions -----------------------------------------------------------
    def _on_apply_clicked(self) -> None:
        if self.can_apply():
            self.apply_requested.emit(self._result)

    # -- language ----------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.apply_button.setText(self.tr("Apply to ledger…"))
        self.apply_button.setToolTip(self.tr(
            "Write the proposed quota into the ledger as approved quota, after a confirmation. "
            "Undo (Ctrl+Z) takes it back."))
        self.stale_label.setText(self.tr("The ledger changed since this proposal was computed: solve again."))
        self.empty_label.setText(self.tr("No proposal yet. Press “Solve” to compute a reallocation proposal "
                                         "for the ledger."))
        titles = (self.tr("Proposal"), self.tr("Moves"), self.tr("A/B roster"), self.tr("Explanations"),
                  self.tr("Charts"))
        for i, title in enumerate(titles):
            self.tabs.setTabText(i, title)
        self.proposal_kind_label.setText(self.tr("Quota kind:"))
        self.roster_kind_label.setText(self.tr("Quota kind:"))
        self.roster_township_label.setText(self.tr("Township:"))
        for combo in (self.proposal_kind, self.roster_kind):
            combo.setItemText(0, self.tr("All kinds"))
            for i in range(1, combo.count()):
                combo.setItemText(i, kind_label(combo.itemData(i)))
        if self.roster_township.count():
            self.roster_township.setItemText(0, self.tr("All townships"))
        self.diagnosis_title.setText(self.tr("Diagnosis"))
        self.marginal_title.setText(self.tr("Value of one more slot"))
        self.explanation_title.setText(self.tr("Why each township gets what it gets"))
        for model in (self.totals_model, self.proposal_model, self.moves_model, self.roster_model,
                      self.explanation_model, self.marginal_model):
            model.retranslate()
        if hasattr(self, "_result"):
            self._fill_diagnosis()
            self._fill_summary()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


__all__ = ["ResultsView", "localized"]
