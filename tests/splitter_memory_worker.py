"""Open the window twice with one settings file and report its main splitters' sizes.

The first run lays out every tab as a user visiting it would, drags each splitter
(to a third or two thirds, whichever its panes' minimum sizes allow) and closes;
the second run only opens. Run on a simulated screen (tests/test_ui_layout.py):

    QT_QPA_PLATFORM=offscreen:configfile=screen.json python tests/splitter_memory_worker.py out.json
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    out = Path(argv[0])
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from planner.demo.county import write_demo
    from planner.store.db import open_database
    from ui.main_window import MainWindow
    from ui.settings import Settings

    tmp = Path(tempfile.mkdtemp(prefix="splitter-memory-"))
    # A database for each run: the first window's hold on its own would open it read-only again.
    databases = [open_database(tmp / f"ledger{run}.sqlite") for run in (1, 2)]
    for db in databases:
        write_demo(db, 14, 1)

    def pump(seconds: float = 0.2) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)

    def opened(db) -> MainWindow:
        window = MainWindow(db, Settings(QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)))
        window.confirm_leave = lambda: True
        window.show()
        for i in range(window.tabs.count()):  # each tab laid out once
            window.tabs.setCurrentIndex(i)
            pump(0.05)
        results = window.solve_panel.results_view  # its charts, as once a proposal is worked out
        window.tabs.setCurrentWidget(results)
        results.tabs.setVisible(True)
        results.tabs.setCurrentWidget(results.charts_view)
        pump(0.1)
        window.tabs.setCurrentIndex(0)
        window.ledger_panel.select_township(window.ledger_panel.model.summary_at(0).id)  # the detail shown
        window.detail_view.tabs.setCurrentWidget(window.detail_view.posts_view)
        window.compare_view.splitter.setVisible(True)  # shown once two scenarios are compared
        pump()
        return window

    report: dict = {"first": {}}
    first = opened(databases[0])
    for name, splitter in first.remembered_splitters().items():
        chosen = splitter.sizes()
        for part in (sum(chosen) // 3, sum(chosen) * 2 // 3):
            splitter.setSizes([part, sum(chosen) - part])
            if splitter.sizes() != chosen:
                break
        report["first"][name] = {"chosen": chosen, "moved": splitter.sizes()}
    first.undo_stack.clear()
    first.close()
    pump()
    second = opened(databases[1])
    report["second"] = {name: s.sizes() for name, s in second.remembered_splitters().items()}
    second.undo_stack.clear()
    second.close()
    for db in databases:
        db.close()
    shutil.rmtree(tmp, ignore_errors=True)
    out.write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
