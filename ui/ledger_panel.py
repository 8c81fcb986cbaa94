"""The ledger tab's upper half: filter bar, township table, totals row, colour legend."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFrame, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QTableView, QVBoxLayout,
    QWidget,
)

from planner.domain.county import CATEGORIES, KINDS, TOWNSHIP_TYPES
from planner.store.reads import township_summaries
from ui.delegates import LedgerDelegate
from ui.frozen_view import FrozenColumnTableView
from ui.labels import category_label, kind_label, type_label
from ui.ledger_filter import LedgerFilterProxy, TotalsModel
from ui.ledger_model import COLUMNS, SHORTAGE_COLOR, SURPLUS_COLOR, TownshipSummaryModel, legend_text
from ui.table_model import Role

STATUS_FILTERS = ("", "shortage", "surplus", "over_quota", "vacancy")


class LedgerPanel(QWidget):
    """Townships with approved, staff, vacancy, over-quota, required FTE and pressure per kind."""

    townshipSelected = Signal(object)  # township id, or None when nothing is selected

    def __init__(self, editor=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self._sized = False  # columns fitted to the first rows shown
        self.model = TownshipSummaryModel(editor, self)
        self.proxy = LedgerFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.totals = TotalsModel(self)

        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.kind_box = QComboBox(self)
        self.status_box = QComboBox(self)
        self.kind_label = QLabel(self)
        self.status_label = QLabel(self)
        self.legend_short = _swatch(SHORTAGE_COLOR, self)
        self.legend_surplus = _swatch(SURPLUS_COLOR, self)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.kind_label)
        bar.addWidget(self.kind_box)
        bar.addWidget(self.status_label)
        bar.addWidget(self.status_box)
        bar.addStretch(1)
        bar.addWidget(self.legend_short)
        bar.addWidget(self.legend_surplus)

        # Typing on a row never renames it; the name column stays in sight when scrolled right.
        self.view = FrozenColumnTableView(self)
        self.view.setModel(self.proxy)
        self.view.setItemDelegate(LedgerDelegate(self.view))
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vertical = self.view.verticalHeader()
        vertical.setVisible(False)
        # Fixed row heights: the view never measures rows, so thousands scroll smoothly.
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 4)  # compact: 14 rows at 1366×768
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # ledger order until the user sorts
        header.setSortIndicatorClearable(True)
        self.view.setSortingEnabled(True)

        self.footer = FrozenColumnTableView(self)  # its total stays under the frozen names
        self.footer.setModel(self.totals)
        self.footer.horizontalHeader().setVisible(False)
        self.footer.verticalHeader().setVisible(False)
        self.footer.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.footer.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.footer.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.footer.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.footer.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.footer.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.fit_footer()
        font = self.footer.font()
        font.setBold(True)
        self.footer.setFont(font)
        self.footer.setSpan(0, 1, 1, 3)  # "n townships" across type, category, locked
        palette = self.footer.palette()
        palette.setColor(QPalette.ColorRole.Base, QColor("#eef1f5"))
        self.footer.setPalette(palette)

        self.legend = QLabel(self)
        self.legend.setWordWrap(True)
        self.count_label = QLabel(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.footer)
        bottom = QHBoxLayout()
        bottom.addWidget(self.legend, 1)
        bottom.addWidget(self.count_label)
        layout.addLayout(bottom)

        # The footer follows the table's column widths and horizontal scrolling.
        header.sectionResized.connect(lambda i, _old, new: self.footer.setColumnWidth(i, new))
        self.view.horizontalScrollBar().valueChanged.connect(self.footer.horizontalScrollBar().setValue)
        self.search.textChanged.connect(lambda text: self._filter(text=text))
        self.kind_box.currentIndexChanged.connect(lambda _i: self._filter(kind=self.kind_box.currentData()))
        self.status_box.currentIndexChanged.connect(lambda _i: self._filter(status=self.status_box.currentData()))
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.retranslateUi()

    # -- data
    def load(self, db) -> None:
        """Read every township's summary and show the ledger afresh."""
        selected = self.current_township_id()
        rows = []
        if db is not None:
            rows = township_summaries(db)
        self.model.set_rows(rows)
        header = self.view.horizontalHeader()
        if header.sortIndicatorSection() >= 0:  # keep the order the user chose
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self._update_totals()
        if not self._sized and rows:
            self._size_columns()
            self._sized = True
        if selected is not None:
            self.select_township(selected)

    def refresh(self, db, township_ids: set[int] | None) -> None:
        """Re-read the rows an edit touched (all of them when township_ids is None)."""
        if township_ids is None:
            self.load(db)
            return
        fresh = township_summaries(db, township_ids)
        if len(fresh) != len(township_ids) or not self.model.update_rows(fresh):
            self.load(db)
            return
        self._update_totals()

    def _size_columns(self) -> None:
        """Widths from the header text and the widest figures, not from measuring every row."""
        metrics = self.view.horizontalHeader().fontMetrics()
        names = [r.name for r in self.model.all_rows()[:500]]
        number_width = metrics.horizontalAdvance("0000.00") + 16
        for i, column in enumerate(COLUMNS):
            header = str(self.model.headerData(i, Qt.Orientation.Horizontal) or "")
            width = max(metrics.horizontalAdvance(line) for line in header.split("\n")) + 18
            if column.key == "name":  # room for the warning mark drawn before a name
                icon = self.view.iconSize().width() if self.view.iconSize().width() > 0 else 16
                width = max(width, max((metrics.horizontalAdvance(n) for n in names), default=60) + 24 + icon)
            elif column.key in ("type", "category"):
                labels = [type_label(v) for v in TOWNSHIP_TYPES] + [category_label(v) for v in CATEGORIES]
                width = max(width, max(metrics.horizontalAdvance(text) for text in labels) + 16)
            elif column.kind is not None:
                width = max(width, number_width)
            self.view.setColumnWidth(i, width)
            self.footer.setColumnWidth(i, width)

    def _filter(self, text: str | None = None, kind: str | None = None, status: str | None = None) -> None:
        self.proxy.set_filter(text=text, kind=kind, status=status)
        for i, column in enumerate(COLUMNS):
            hidden = bool(self.proxy.kind) and column.kind is not None and column.kind != self.proxy.kind
            self.view.setColumnHidden(i, hidden)
            self.footer.setColumnHidden(i, hidden)
        self._update_totals()

    def _update_totals(self) -> None:
        rows = self.model.all_rows()
        if self.proxy.filtering():
            rows = [r for r in rows if self.proxy.matches(r)]
        self.totals.set_rows(rows)
        self._update_count()

    def _update_count(self, *args) -> None:
        total = len(self.model.all_rows())
        shown = self.totals.township_count
        self.count_label.setText(self.tr("{shown} of {total} townships").format(shown=shown, total=total)
                                 if self.proxy.filtering() else self.tr("{total} townships").format(total=total))

    # -- selection
    def current_township_id(self) -> int | None:
        index = self.view.currentIndex()
        return None if not index.isValid() else index.siblingAtColumn(0).data(Role.TOWNSHIP_ID)

    def select_township(self, township_id: int) -> bool:
        row = self.model.row_of_id(township_id)
        if row is None:
            return False
        while row >= self.model.rowCount() and self.model.canFetchMore(QModelIndex()):
            self.model.fetchMore(QModelIndex())
        proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not proxy_index.isValid():
            return False
        self.view.selectionModel().setCurrentIndex(
            proxy_index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(proxy_index)
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.townshipSelected.emit(current.siblingAtColumn(0).data(Role.TOWNSHIP_ID) if current.isValid() else None)

    # -- language
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def fit_footer(self) -> None:
        """The totals row exactly as tall as its one row (which follows the display density)."""
        self.footer.setFixedHeight(self.footer.verticalHeader().defaultSectionSize() + 4)

    def retranslateUi(self) -> None:
        self.search.setPlaceholderText(self.tr("Find a township…"))
        self.kind_label.setText(self.tr("Kind:"))
        self.status_label.setText(self.tr("Show:"))
        _fill(self.kind_box, [("", self.tr("All kinds"))] + [(k, kind_label(k)) for k in KINDS])
        _fill(self.status_box, list(zip(STATUS_FILTERS, (
            self.tr("All townships"), self.tr("Shortage (pressure < 0.9)"), self.tr("Surplus (pressure > 1.2)"),
            self.tr("Over quota"), self.tr("With vacancies")))))
        self.legend_short.setText(self.tr("Shortage"))
        self.legend_surplus.setText(self.tr("Surplus"))
        tip = legend_text()
        self.legend_short.setToolTip(tip)
        self.legend_surplus.setToolTip(tip)
        self.legend.setText(tip)
        self.model.retranslate()
        self.totals.retranslate()
        self._update_count()
        if self.model.rowCount():
            self._size_columns()


def _fill(box: QComboBox, items: list[tuple[str, str]]) -> None:
    """Refill a combo box with translated labels, keeping the chosen value."""
    current = box.currentData()
    box.blockSignals(True)
    box.clear()
    for value, label in items:
        box.addItem(label, value)
    box.setCurrentIndex(max(0, box.findData(current)) if current is not None else 0)
    box.blockSignals(False)


def _swatch(color: QColor, parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setFrameShape(QFrame.Shape.Box)
    label.setContentsMargins(6, 1, 6, 1)
    label.setAutoFillBackground(True)
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.Window, color)
    palette.setColor(QPalette.ColorRole.WindowText, QColor("black"))
    label.setPalette(palette)
    return label
