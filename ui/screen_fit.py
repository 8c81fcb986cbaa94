"""No window or dialog asks for more than the screen it opens on.

Office PCs often have a 1366×768 screen, or 1920×1080 at 150% (1280×720 in
Qt's pixels), less the task bar. A dialog that opens at 1000×800 there has
its buttons below the bottom edge. `fit_to_screen` shrinks a top-level
window into the available geometry of its screen and moves it fully onto
it; `ScreenFit`, installed once on the application, does so for every
top-level window as it is shown, so a dialog written anywhere in the
program (print preview, a message box with long details) fits without its
own code knowing the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

MARGIN = 8  # px left free around a window that had to be shrunk, so its frame shows


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The usable part of the widget's screen (the primary screen's without one)."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


def fitted_size(wanted: QSize, available: QRect) -> QSize:
    """`wanted`, no larger than the available area less a margin."""
    return QSize(min(wanted.width(), available.width() - 2 * MARGIN),
                 min(wanted.height(), available.height() - 2 * MARGIN))


def fit_to_screen(widget: QWidget, available: QRect | None = None) -> bool:
    """Shrink and move a top-level window into the available area; True when it had to change.

    A minimum size larger than the screen is lowered too: a layout that asks
    for more than the screen can never be shown whole, and scroll bars or a
    cramped view are better than an unreachable OK button.
    """
    area = available if available is not None else available_geometry(widget)
    if area.isEmpty():
        return False
    changed = False
    minimum = widget.minimumSize()
    if minimum.width() > area.width() or minimum.height() > area.height():
        widget.setMinimumSize(fitted_size(minimum, area))
        changed = True
    size = widget.size()
    fitted = fitted_size(size, area)
    if fitted != size:
        widget.resize(fitted)
        changed = True
    frame = widget.frameGeometry() if widget.isVisible() else QRect(widget.pos(), widget.size())
    if widget.isWindow() and not area.contains(frame):
        x = min(max(frame.x(), area.x()), area.right() - frame.width() + 1)
        y = min(max(frame.y(), area.y()), area.bottom() - frame.height() + 1)
        widget.move(max(x, area.x()), max(y, area.y()))
        changed = True
    return changed


class ScreenFit(QObject):
    """An application-wide event filter: each top-level window is fitted as it is shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.Show and isinstance(watched, QWidget)
                and watched.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog)):
            fit_to_screen(watched)  # not menus and tool tips: they place themselves
        return False


_installed: ScreenFit | None = None


def install(app: QApplication | None = None) -> ScreenFit:
    """Fit every top-level window of the application to its screen from now on (once per process)."""
    global _installed
    app = app or QApplication.instance()
    if _installed is None:
        _installed = ScreenFit(app)
        app.installEventFilter(_installed)
    return _installed
