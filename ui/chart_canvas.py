"""A place in a view for a matplotlib figure, whose canvas is made when the figure is first needed.

Importing matplotlib and its Qt backend takes a good part of the window's start-up, yet
the charts sit on tabs a user opens later, if at all (the proposal's charts, the
comparison, the forecast, the plan). ChartCanvas is an ordinary widget in the layout
from the start; its FigureCanvasQTAgg, and with it matplotlib, comes into being at the
first use of `figure` (a view drawing its chart). Until then nothing is drawn in it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget


class ChartCanvas(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._canvas = None

    @property
    def made(self) -> bool:
        """Whether the canvas exists (a chart has been drawn or asked for)."""
        return self._canvas is not None

    @property
    def canvas(self):
        """The FigureCanvasQTAgg, made on first use."""
        if self._canvas is None:
            from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
            from matplotlib.figure import Figure

            self._canvas = FigureCanvasQTAgg(Figure())
            self._canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            self._canvas.setMinimumSize(1, 1)  # this widget's own minimum is the one that counts
            # The figure the size of this place at once: charts fit their ticks and labels to the
            # figure's height when they are built, before the canvas hears of its first resize.
            # (The figure's dpi already carries the canvas's pixel ratio, as on its own resizes.)
            per_inch = self._canvas.figure.dpi / self._canvas.device_pixel_ratio
            if self.width() > 1 and self.height() > 1:
                self._canvas.figure.set_size_inches(self.width() / per_inch, self.height() / per_inch,
                                                    forward=False)
            self._layout.addWidget(self._canvas)
        return self._canvas

    @property
    def figure(self):
        return self.canvas.figure

    def draw_idle(self) -> None:
        if self._canvas is not None:
            self._canvas.draw_idle()

    def clear(self) -> None:
        """No chart: the figure emptied if there is one (never makes the canvas for nothing)."""
        if self._canvas is not None:
            self._canvas.figure.clear()
            self._canvas.draw_idle()
