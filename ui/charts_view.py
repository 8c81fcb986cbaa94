"""The proposal's charts in the window: planner.exports.charts figures in FigureCanvasQTAgg.

Figures are (re)built only when the view is visible and something changed (a
new result, another kind, another language), one event-loop turn later:
building and drawing a chart takes a noticeable fraction of a second, which
must not land in the same turn as the solve's delivery or happen for a hidden
tab.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QSizePolicy, QSplitter, QVBoxLayout, QWidget,
)

from planner.domain.proposal import Proposal
from ui.chart_canvas import ChartCanvas
from ui.labels import kind_label


def chart_language() -> str:
    try:
        from ui.i18n import current_language
    except ImportError:
        return "zh"
    return "zh" if current_language().startswith("zh") else "en"


def _kinds_in(result: Proposal) -> list[str]:
    from planner.exports.charts import kinds_in  # with matplotlib, once there is a proposal to chart

    return kinds_in(result)


class ChartsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._result: Proposal | None = None
        self._drawn_key: tuple | None = None

        self.kind_label = QLabel()
        self.kind_combo = QComboBox()
        self.kind_combo.currentIndexChanged.connect(self._schedule)
        bar = QHBoxLayout()
        bar.addWidget(self.kind_label)
        bar.addWidget(self.kind_combo)
        bar.addStretch(1)

        # Made with their figures when first drawn: matplotlib is not loaded before a chart is shown.
        self.quota_canvas = ChartCanvas()
        self.pressure_canvas = ChartCanvas()
        for canvas in (self.quota_canvas, self.pressure_canvas):
            canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            # Small enough that the proposal tab fits a 1366×768 screen (or 1920×1080 at 150%).
            canvas.setMinimumSize(240, 160)
        # Side by side: the quota bars want width, the per-township pressure rows want height.
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.quota_canvas)
        self.splitter.addWidget(self.pressure_canvas)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.redraw_if_needed)
        self.retranslate()

    # -- public
    def set_result(self, result: Proposal | None) -> None:
        self._result = result
        current = self.current_kind()
        self.kind_combo.blockSignals(True)
        self.kind_combo.clear()
        for kind in (_kinds_in(result) if result is not None else []):
            self.kind_combo.addItem(kind_label(kind), kind)
        index = self.kind_combo.findData(current)
        self.kind_combo.setCurrentIndex(index if index >= 0 else (0 if self.kind_combo.count() else -1))
        self.kind_combo.blockSignals(False)
        self._drawn_key = None
        self._schedule()

    def current_kind(self) -> str | None:
        return self.kind_combo.currentData()

    def set_kind(self, kind: str) -> None:
        index = self.kind_combo.findData(kind)
        if index >= 0:
            self.kind_combo.setCurrentIndex(index)

    def figures(self) -> tuple:
        return self.quota_canvas.figure, self.pressure_canvas.figure

    def redraw_if_needed(self) -> bool:
        """Build and draw the figures if the inputs changed; True when it drew."""
        # The height too: the pressure chart fits its township names to it (at 2,000 townships
        # names drawn for a taller pane would overlap in a shorter one).
        key = (id(self._result), self.current_kind(), chart_language(),
               self.pressure_canvas.height() // 10)
        if key == self._drawn_key:
            return False
        self._drawn_key = key
        kind = self.current_kind()
        # Drawn into the canvases' own figures, which follow the widgets' size and pixel ratio.
        if self._result is None or kind is None:
            self.quota_canvas.clear()
            self.pressure_canvas.clear()
        else:
            from planner.exports.charts import pressure_chart, quota_chart

            lang = chart_language()
            quota_chart(self._result, kind, lang, fig=self.quota_canvas.figure)
            pressure_chart(self._result, kind, lang, fig=self.pressure_canvas.figure)
        self.quota_canvas.draw_idle()
        self.pressure_canvas.draw_idle()
        return True

    # -- Qt
    def _schedule(self, *_args) -> None:
        if self.isVisible():
            self._timer.start()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._schedule()  # after the canvases have taken their new size (a zero-time timer)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._timer.start()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.kind_label.setText(self.tr("Quota kind:"))
        for i in range(self.kind_combo.count()):
            self.kind_combo.setItemText(i, kind_label(self.kind_combo.itemData(i)))
        self._drawn_key = None
        self._schedule()
