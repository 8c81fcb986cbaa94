"""The main window with the solve panel, for the solve and proposal tests."""

from __future__ import annotations

import pytest

from planner.domain.proposal import Proposal


@pytest.fixture
def window(ledger_db, fresh_settings, qtbot):
    """The main window with the solve panel as its only feature.

    Other features react to a finished solve in their own ways (and at their
    own cost); these tests measure and check the solve panel alone.
    """
    from ui import solve_panel
    from ui.main_window import MainWindow

    w = MainWindow(ledger_db, fresh_settings, features=False)
    w.solve_panel = solve_panel.install(w.workspace, w, tabs=w.tabs, toolbar=w.toolbar, menu=w.menu_tools,
                                        status_bar=w.statusBar())
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    if w.solve_panel.is_running():
        with qtbot.waitSignal(w.solve_panel.solveCancelled, timeout=10000):
            w.solve_panel.cancel()
    w.undo_stack.clear()


def solve(window, qtbot) -> Proposal:
    """Solve the ledger from the window; the result once the proposal tab is filled."""
    with qtbot.waitSignal(window.solve_panel.solveFinished, timeout=60000) as blocker:
        window.solve_panel.start()
    return blocker.args[0]
