"""How long the window's event loop stalls while a solve runs, in a thread or a child process.

    python benchmarks/bench_ui_stalls.py [--townships 14 200] [--modes process thread] [--repeat 1]

Opens the main window (offscreen unless a display is set) on a demo county,
starts a solve from the solve panel with a 10 ms QTimer ticking on the GUI
thread, and prints JSON: per county size and mode, the solve's seconds, the
longest gap between ticks (what the user would feel), the GUI thread's CPU
time in that longest gap, and the gaps over 50 ms with when they happened.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def measure(app, townships: int, in_process: bool, all_extensions: bool = False) -> dict:
    from PySide6.QtCore import QElapsedTimer, QSettings, QTimer

    import ui.main_window as main_window
    import ui.solve_panel as solve_panel
    import ui.solve_runner as solve_runner
    from planner.store.db import open_database
    from planner.demo.county import write_demo
    from ui.settings import Settings

    folder = tempfile.mkdtemp(prefix="stalls-")
    db = open_database(Path(folder) / "ledger.sqlite")
    write_demo(db, townships, 1)
    solve_runner.SOLVE_IN_PROCESS = in_process
    window = main_window.MainWindow(db, Settings(QSettings(str(Path(folder) / "s.ini"),
                                                           QSettings.Format.IniFormat)),
                                    features=all_extensions)
    if not all_extensions:  # the solve panel alone
        window.solve_panel = solve_panel.install(window.workspace, window, tabs=window.tabs,
                                                 toolbar=window.toolbar, menu=window.menu_tools,
                                                 status_bar=window.statusBar())
    window.show()
    for _ in range(20):
        app.processEvents()
        time.sleep(0.005)

    gaps: list[tuple[float, float, float]] = []  # (at s, wall ms, GUI-thread CPU ms)
    clock = QElapsedTimer()
    started = time.perf_counter()
    cpu = [time.thread_time()]

    def tick() -> None:
        now_cpu = time.thread_time()
        gaps.append((time.perf_counter() - started, clock.restart(), (now_cpu - cpu[0]) * 1000))
        cpu[0] = now_cpu

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    done: list = []  # the Proposal, or {"error": text}
    window.solve_panel.solveFinished.connect(done.append)
    window.solve_panel.solveFailed.connect(lambda text: done.append({"error": text}))
    clock.start()
    timer.start()
    window.solve_panel.start()
    while not done:
        app.processEvents()
        time.sleep(0.002)
    seconds = time.perf_counter() - started
    end = time.perf_counter() + 0.1
    while time.perf_counter() < end:  # the turns after delivery, where the remaining tables fill
        app.processEvents()
        time.sleep(0.002)
    timer.stop()
    window.close()
    db.close()
    worst = max(gaps, key=lambda g: g[1])
    return {
        "townships": townships, "mode": "process" if in_process else "thread",
        "extensions": "all" if all_extensions else "solve panel",
        "status": done[0]["error"] if isinstance(done[0], dict) else done[0].status,
        "solve_seconds": round(seconds, 2),
        "ticks": len(gaps), "max_gap_ms": worst[1], "gui_cpu_in_max_gap_ms": round(worst[2], 1),
        "gaps_over_50ms": [[round(at, 2), wall, round(busy, 1)] for at, wall, busy in gaps if wall > 50],
        "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--townships", type=int, nargs="+", default=[14, 200])
    parser.add_argument("--modes", nargs="+", choices=["process", "thread"], default=["process", "thread"])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--all-extensions", action="store_true",
                        help="the window with every extension (other tabs react to a finished solve too)")
    args = parser.parse_args()

    import warnings

    warnings.simplefilter("ignore")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    runs = [measure(app, n, mode == "process", args.all_extensions) for n in args.townships for mode in args.modes
            for _ in range(args.repeat)]
    print(json.dumps({"cores": os.cpu_count(), "runs": runs}, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
