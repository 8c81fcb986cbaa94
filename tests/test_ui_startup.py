"""Opening the window loads no library that only a chart, a workbook, a solve or a migration needs.

matplotlib (with numpy), openpyxl, the LP solver's pulp and highspy, and alembic (with mako
and pygments) took about two fifths of the time to the window shown on a 2,000-township
ledger (benchmarks/bench_startup.py); they load when a chart is first drawn, a workbook read
or written, a roster or a proposal worked out, a ledger's schema checked or upgraded. Checked
in a fresh process, since this one has long imported them all.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("matplotlib", "numpy", "openpyxl", "pulp", "highspy", "alembic", "mako", "pygments")

OPEN_THE_WINDOW = """
import json, sys, tempfile, time
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
from planner.store.db import open_database
from ui.app import make_application  # what the program imports to start
from ui.main_window import MainWindow
from ui.settings import Settings
folder = Path(tempfile.mkdtemp())
db = open_database(sys.argv[1], create=False)  # a ledger at the newest schema, as most are
window = MainWindow(db, Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)))
window.show()
end = time.monotonic() + 0.5
while time.monotonic() < end:
    app.processEvents()
loaded_at_start = sorted(m for m in {heavy} if m in sys.modules)
window.tabs.setCurrentWidget(window.forecast_view)  # a tab with a chart, shown
end = time.monotonic() + 2
while time.monotonic() < end:
    app.processEvents()
print(json.dumps({{"rows": window.ledger_panel.model.rowCount(), "at_start": loaded_at_start,
                  "after_chart": "matplotlib" in sys.modules}}))
window.undo_stack.clear()
window.close()
db.close()
"""


def test_the_window_opens_without_the_chart_workbook_solver_and_migration_libraries(tmp_path):
    from planner.demo.county import write_demo
    from planner.store.db import open_database

    db = open_database(tmp_path / "ledger.sqlite")
    write_demo(db, 14, 1)
    db.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    done = subprocess.run([sys.executable, "-c", OPEN_THE_WINDOW.format(heavy=HEAVY), str(tmp_path / "ledger.sqlite")],
                          env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=300, check=True)
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["rows"] == 14
    assert report["at_start"] == []
    # Deferred, not dropped: the forecast's chart, once shown, brought matplotlib in.
    assert report["after_chart"] is True
