"""The window's display density: compact or standard rows in its tables, chosen in the View menu.

Compact rows (the text's height and a few pixels) let a county's whole ledger show on a
1366×768 office laptop; standard rows are easier on the eye on a larger screen. Until the
user chooses, a short screen (at most SHORT_SCREEN logical pixels of available height)
gets compact rows and any other standard ones; the choice is kept in the settings
(ui.settings, "view/density") and applied at once to every table on the window's tabs.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QTableView, QWidget

COMPACT, STANDARD = "compact", "standard"
DENSITIES = (COMPACT, STANDARD)
SHORT_SCREEN = 800  # logical pixels: 1366×768, and 1920×1080 at 150% (720), are short
# Pixels a table row has besides its text's height (the padding above and below the text).
ROW_PADDING = {COMPACT: 4, STANDARD: 10}


def default_density(available_height: int) -> str:
    """The density a screen of this available height opens with when the user has not chosen."""
    return COMPACT if available_height <= SHORT_SCREEN else STANDARD


def row_height(widget: QWidget, density: str) -> int:
    return widget.fontMetrics().height() + ROW_PADDING[density]


def apply_density(root: QWidget, density: str) -> None:
    """Every table under `root` with rows of that density.

    Only the rows' default height changes: fixed-height rows keep their mode (the ledger never
    measures its thousands of rows), rows sized to their content keep sizing themselves, and no
    style sheet is laid over the tables' own (the frozen name column has one).
    """
    for view in root.findChildren(QTableView):
        view.verticalHeader().setDefaultSectionSize(row_height(view, density))


def make_actions(window) -> dict:
    """The View menu's checkable density actions (texts set by the window's retranslateUi)."""
    group = QActionGroup(window)
    actions = {}
    for code in DENSITIES:
        action = QAction(window, checkable=True)
        action.triggered.connect(lambda _checked=False, c=code: window.set_density(c))
        group.addAction(action)
        actions[code] = action
    return actions


def apply_to_window(window, density: str) -> None:
    """Rows of `density` in every table of the window's tabs, the footers refitted, the menu ticked."""
    apply_density(window.tabs, density)
    window.ledger_panel.fit_footer()
    if hasattr(window, "compare_view"):  # the features are installed
        window.compare_view.refit()
    window.density_actions[density].setChecked(True)
