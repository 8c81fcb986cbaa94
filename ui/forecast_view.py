"""The 减员预测 tab: who leaves when — leavers per township, kind and year for the next N years
(5 by default) as a table and a chart, printable (preview, PDF) and exported to Excel.

The figures are planner.services.forecasting.forecast_job's (the `forecast` command's);
the chart is planner.exports.time_charts.forecast_chart, the same one the printed forecast
draws. The forecast is re-counted when the ledger changes, only while the tab is shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt
from PySide6.QtGui import QFont
from ui.print_preview import show_preview
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSpinBox, QSplitter,
    QTableView, QTabWidget, QVBoxLayout, QWidget,
)

from planner.domain.forecast import Forecast
from planner.services.time_editing import county_forecast
from ui.i18n import current_language, document_language
from ui.labels import kind_label
from ui.chart_canvas import ChartCanvas
from ui.table_model import ModelIndex, Role, TableModel

if TYPE_CHECKING:
    from ui.report.time_docs import ForecastDocument

RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
DEFAULT_YEARS = 5


class LeaversModel(TableModel):
    """Rows (township, kind, [(retirements, other) per year]) and a county total row last."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.years: list[int] = []

    def set_forecast(self, forecast: Forecast | None) -> None:
        self.years = list(forecast.years) if forecast else []
        rows: dict[tuple[str, str], list[list[int]]] = {}
        if forecast is not None:
            for township, kind, year, retirements, other in forecast.leaver_rows():
                cells = rows.setdefault((township, kind), [[0, 0] for _ in self.years])
                cells[self.years.index(year)] = [retirements, other]
        body = [(t, k, cells) for (t, k), cells in rows.items()]
        total = [[sum(r[2][i][0] for r in body), sum(r[2][i][1] for r in body)] for i in range(len(self.years))]
        self.set_rows(body + ([(None, None, total)] if body else []))

    def column_count(self) -> int:
        return 3 + len(self.years)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return super().headerData(section, orientation, role)
        if section == 0:
            return self.tr("Township")
        if section == 1:
            return self.tr("Kind")
        if section - 2 < len(self.years):
            return str(self.years[section - 2])
        return self.tr("Total")

    def _value(self, row, column: int) -> Any:
        township, kind, cells = row
        if column == 0:
            return self.tr("County total") if township is None else township
        if column == 1:
            return "" if kind is None else kind_label(kind)
        if column - 2 < len(cells):
            return sum(cells[column - 2])
        return sum(sum(c) for c in cells)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Role.SORT):
            value = self._value(row, column)
            return str(value) if role == Qt.ItemDataRole.DisplayRole else value
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and 2 <= column < 2 + len(self.years):
            retirements, other = row[2][column - 2]
            return self.tr("{retire} retirements, {other} other leavers").format(retire=retirements, other=other)
        if role == Qt.ItemDataRole.FontRole and row[0] is None:
            font = QFont()
            font.setBold(True)
            return font
        if role == Role.TOWNSHIP:
            return row[0] or ""
        return None


class TotalLastProxy(QSortFilterProxyModel):
    """Sorts the townships, keeps the county total at the bottom, and shows one township or all."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(Role.SORT)
        self.township = ""

    def lessThan(self, left, right) -> bool:
        source = self.sourceModel()
        last = source.rowCount() - 1
        if left.row() == last or right.row() == last:
            ascending = self.sortOrder() == Qt.SortOrder.AscendingOrder
            return (right.row() == last) == ascending
        return super().lessThan(left, right)

    def set_township(self, name: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+
            self.beginFilterChange()
            self.township = name
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.township = name
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, row: int, parent) -> bool:
        if not self.township:
            return True
        return self.sourceModel().index(row, 0, parent).data(Role.TOWNSHIP) == self.township


class ForecastTab(QWidget):
    def __init__(self, workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.forecast: Forecast | None = None
        self.county = ""
        self.host_tabs: QTabWidget | None = None
        self._stale = True

        self.years_label = QLabel(self)
        self.years_spin = QSpinBox(self)
        self.years_spin.setRange(1, 20)
        self.years_spin.setValue(DEFAULT_YEARS)
        self.years_spin.valueChanged.connect(lambda _v: self.refresh())
        self.township_label = QLabel(self)
        self.township_combo = QComboBox(self)
        self.township_combo.setMinimumContentsLength(10)
        self.township_combo.currentIndexChanged.connect(self._show_township)
        self.preview_button, self.pdf_button, self.xlsx_button = QPushButton(self), QPushButton(self), QPushButton(self)
        self.preview_button.clicked.connect(self.print_preview)
        self.pdf_button.clicked.connect(lambda: self.export_pdf())
        self.xlsx_button.clicked.connect(lambda: self.export_xlsx())
        bar = QHBoxLayout()
        for w in (self.years_label, self.years_spin, self.township_label, self.township_combo):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.preview_button, self.pdf_button, self.xlsx_button):
            bar.addWidget(w)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)

        self.model = LeaversModel(self)
        self.proxy = TotalLastProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.canvas = ChartCanvas()  # matplotlib loads when the tab first draws
        self.canvas.setMinimumSize(320, 160)
        self.splitter = splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.canvas)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([620, 700])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 2)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)

        workspace.ledgerChanged.connect(self.mark_stale)
        workspace.databaseChanged.connect(lambda _db: self.mark_stale())
        self.retranslateUi()

    # ------------------------------------------------------------ counting
    def mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        db = self.workspace.db
        self._stale = False
        self.county, self.forecast = ("", None) if db is None else county_forecast(db, self.years_spin.value())
        self.model.set_forecast(self.forecast)
        names = list(dict.fromkeys(row[0] for row in self.forecast.leaver_rows())) if self.forecast else []
        current = self.township_combo.currentData() or ""
        self.township_combo.blockSignals(True)
        self.township_combo.clear()
        self.township_combo.addItem(self.tr("Whole county"), "")
        for name in names:
            self.township_combo.addItem(name, name)
        self.township_combo.setCurrentIndex(max(0, self.township_combo.findData(current)))
        self.township_combo.blockSignals(False)
        self._show_township()
        self.table.resizeColumnsToContents()
        for button in (self.preview_button, self.pdf_button, self.xlsx_button):
            button.setEnabled(self.forecast is not None)

    def _show_township(self) -> None:
        township = self.township_combo.currentData() or ""
        self.proxy.set_township(township)
        self._summarise()
        self.draw()

    def _summarise(self) -> None:
        f = self.forecast
        if f is None:
            self.summary.setText("")
            return
        rows = f.leaver_rows()
        retire, other = sum(r[3] for r in rows), sum(r[4] for r in rows)
        self.summary.setText(self.tr(
            "From {as_of}: {total} people expected to leave in {first}–{last} ({retire} retirements, {other} "
            "other leavers); {overdue} past their retirement month and still on file, counted in the first year."
        ).format(as_of=f.as_of, total=retire + other, first=f.years[0], last=f.years[-1], retire=retire,
                 other=other, overdue=len(f.overdue())))

    def draw(self) -> None:
        if self.forecast is None or not self.isVisible():
            return
        from planner.exports.time_charts import forecast_chart

        lang = "en" if current_language() == "en" else "zh"
        forecast_chart(self.forecast, lang, self.township_combo.currentData() or None, fig=self.canvas.figure)
        self.canvas.draw_idle()

    # ------------------------------------------------------------ printing
    def document(self) -> ForecastDocument:
        from ui.report.time_docs import ForecastDocument

        return ForecastDocument(self.forecast, self.county, document_language())

    def print_preview(self) -> None:
        if self.forecast is None:
            return
        show_preview(self, self.document(), self.tr("Print preview — leavers forecast"))

    def ask_path(self, title: str, name: str, pattern: str) -> str:
        """Where to save (tests replace this)."""
        path, _ = QFileDialog.getSaveFileName(self, title, name, pattern)
        return path

    def export_pdf(self, path: str | None = None) -> str | None:
        if self.forecast is None:
            return None
        path = path or self.ask_path(self.tr("Export forecast as PDF"), self.tr("Leavers forecast") + ".pdf",
                                     "PDF (*.pdf)")
        if not path:
            return None
        from ui.report.time_docs import write_forecast_pdf

        written = str(write_forecast_pdf(self.forecast, self.county, path, document_language()))
        self.workspace.status(self.tr("Forecast saved to {path}").format(path=written))
        return written

    def export_xlsx(self, path: str | None = None) -> str | None:
        if self.forecast is None:
            return None
        path = path or self.ask_path(self.tr("Export forecast to Excel"), self.tr("Leavers forecast") + ".xlsx",
                                     "Excel (*.xlsx)")
        if not path:
            return None
        from planner.exports.forecast_xlsx import write_forecast_xlsx

        written = str(write_forecast_xlsx(self.forecast, path))
        self.workspace.status(self.tr("Forecast saved to {path}").format(path=written))
        return written

    # ------------------------------------------------------------ language
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.years_label.setText(self.tr("Years ahead:"))
        self.township_label.setText(self.tr("Township:"))
        self.preview_button.setText(self.tr("Print preview…"))
        self.pdf_button.setText(self.tr("Export PDF…"))
        self.xlsx_button.setText(self.tr("Export Excel…"))
        if self.township_combo.count():
            self.township_combo.setItemText(0, self.tr("Whole county"))
        self.model.retranslate()
        self._summarise()
        self.draw()
        if self.host_tabs is not None:
            self.host_tabs.setTabText(self.host_tabs.indexOf(self), self.tr("Leavers forecast"))


def install(workspace, tabs: QTabWidget) -> ForecastTab:
    """The 减员预测 tab."""
    tab = ForecastTab(workspace, tabs)
    tabs.addTab(tab, "")
    tab.host_tabs = tabs
    tab.retranslateUi()
    return tab
