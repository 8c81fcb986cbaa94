"""How fast the window is up and how smoothly the ledger scrolls on a large database; prints JSON.

    python main.py demo --db /tmp/big.sqlite --townships 2000
    python benchmarks/bench_ui.py --db /tmp/big.sqlite [--platform offscreen|xcb]

Without --db a 2,000-township demo database is made in a temporary folder
first (not timed). The measurement runs in a fresh child process so imports
and start-up are counted as a user would feel them: "ready_s" is from the
child's start to the window shown and painted with the ledger filled.
Scrolling pages through the whole ledger, painting each page synchronously;
the per-page paint times say whether scrolling can keep up with the screen.
"""

from __future__ import annotations

import time

T0 = time.perf_counter()
T0_EPOCH = time.time()

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def child(db_path: str) -> dict:
    sys.path.insert(0, str(ROOT))
    marks: dict[str, float] = {}

    def mark(name: str) -> None:
        marks[name] = round(time.perf_counter() - T0, 4)

    from PySide6.QtCore import QModelIndex, QSettings, Qt
    mark("qt_imported")
    settings_dir = tempfile.mkdtemp(prefix="bench-ui-settings-")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    from planner.store.db import open_database
    from ui import fonts, i18n
    from ui.app import make_application
    from ui.main_window import MainWindow
    from ui.settings import Settings

    mark("modules_imported")
    # The features (solve panel, printing, scenarios, Excel, safety) are installed
    # by the window; their share of the start-up is reported apart.
    extension_seconds = []
    install = MainWindow._install_features

    def timed_install(self) -> None:
        start = time.perf_counter()
        install(self)
        extension_seconds.append(time.perf_counter() - start)

    MainWindow._install_features = timed_install
    app = make_application()
    fonts.apply_application_font(app)
    i18n.install_language("zh_CN", app)
    mark("application_ready")
    db = open_database(db_path, create=False)
    mark("database_open")
    window = MainWindow(db, Settings())
    mark("window_built")
    window.resize(1366, 768)  # a common office screen
    window.show()
    app.processEvents()
    window.ledger_panel.view.viewport().repaint()
    mark("window_shown_and_painted")
    ready_epoch = time.time()

    panel = window.ledger_panel
    view = panel.view
    townships = len(panel.model.all_rows())
    first_batch = panel.model.rowCount()

    # Page down to the end, as a user paging or dragging would; each step is
    # the scroll plus the event processing that paints the newly shown rows.
    # The view asks the model for more rows when it nears the end (fetchMore).
    bar = view.verticalScrollBar()
    row_height = view.verticalHeader().defaultSectionSize()

    def step(value: int) -> float:
        start = time.perf_counter()
        bar.setValue(value)
        app.processEvents()
        return (time.perf_counter() - start) * 1000

    page_times = []
    while len(page_times) < 5000:
        page_times.append(step(bar.value() + bar.pageStep()))
        if bar.value() >= bar.maximum() and not panel.model.canFetchMore(QModelIndex()):
            break
    rows_exposed = panel.model.rowCount()
    # Mouse-wheel steps (three rows) back up through the ledger.
    wheel_times = [step(bar.value() - 3 * row_height) for _ in range(300)]
    # Dragging the scroll bar: jumps anywhere once every row is there.
    jumps = [step(value) for value in (bar.maximum(), 0, bar.maximum() // 2, bar.maximum() // 3, 0)]
    repaints = []
    for _ in range(20):
        start = time.perf_counter()
        view.viewport().repaint()
        repaints.append((time.perf_counter() - start) * 1000)

    from ui.ledger_model import column_of

    start = time.perf_counter()
    panel.proxy.sort(column_of("pressure", "institutional"), Qt.SortOrder.AscendingOrder)
    app.processEvents()
    view.viewport().repaint()
    sort_ms = (time.perf_counter() - start) * 1000

    start = time.perf_counter()
    panel.search.setText("镇")
    app.processEvents()
    filter_ms = (time.perf_counter() - start) * 1000
    panel.search.clear()
    app.processEvents()

    start = time.perf_counter()
    panel.select_township(panel.model.summary_at(townships // 2).id)
    app.processEvents()
    select_ms = (time.perf_counter() - start) * 1000

    index = panel.proxy.index(0, column_of("approved", "administrative"))
    old = int(index.data())
    start = time.perf_counter()
    panel.proxy.setData(index, str(old + 1), Qt.ItemDataRole.EditRole)
    app.processEvents()
    edit_ms = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    window.undo_stack.undo()
    app.processEvents()
    undo_ms = (time.perf_counter() - start) * 1000
    window.undo_stack.setClean()

    window.close()
    db.close()
    page_times.sort()
    wheel_times.sort()
    return {
        "benchmark": "ui",
        "database": db_path,
        "townships": townships,
        "platform": app.platformName(),
        "qt": __import__("PySide6").__version__,
        "start_up_s": marks,
        "ready_s": marks["window_shown_and_painted"],
        "extensions_install_s": round(sum(extension_seconds), 4),
        "ready_without_extensions_s": round(marks["window_shown_and_painted"] - sum(extension_seconds), 4),
        "ready_epoch": ready_epoch,
        "start_epoch": T0_EPOCH,
        "first_batch_rows": first_batch,
        "scroll": {
            "pages": len(page_times),
            "rows_exposed_at_end": rows_exposed,
            "page_ms_mean": round(statistics.mean(page_times), 2),
            "page_ms_p95": round(page_times[int(len(page_times) * 0.95) - 1], 2),
            "page_ms_max": round(page_times[-1], 2),
            "wheel_step_ms_mean": round(statistics.mean(wheel_times), 2),
            "wheel_step_ms_p95": round(wheel_times[int(len(wheel_times) * 0.95) - 1], 2),
            "jump_ms_max": round(max(jumps), 2),
            "full_repaint_ms_mean": round(statistics.mean(repaints), 2),
        },
        "sort_all_rows_ms": round(sort_ms, 1),
        "filter_ms": round(filter_ms, 1),
        "select_township_detail_ms": round(select_ms, 1),
        "edit_cell_ms": round(edit_ms, 1),
        "undo_ms": round(undo_ms, 1),
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="ledger database (default: a fresh 2,000-township demo)")
    parser.add_argument("--townships", type=int, default=2000)
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.db)))
        return 0

    tmp = None
    db = args.db
    if db is None:
        tmp = tempfile.TemporaryDirectory()
        db = str(Path(tmp.name) / "bench.sqlite")
        subprocess.run([sys.executable, str(ROOT / "main.py"), "demo", "--db", db,
                        "--townships", str(args.townships)], check=True, stderr=subprocess.DEVNULL)
    env = dict(os.environ, QT_QPA_PLATFORM=args.platform)
    spawned = time.time()
    out = subprocess.run([sys.executable, __file__, "--child", "--db", db], env=env, check=True,
                         capture_output=True, text=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    # From launching the process (interpreter start included) to the painted window.
    result["ready_from_launch_s"] = round(result.pop("ready_epoch") - spawned, 3)
    result.pop("start_epoch")
    print(json.dumps(result, ensure_ascii=False, indent=2))
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
