"""How long the window takes to open, and the process to end after the window closes; prints JSON.

    python benchmarks/bench_startup.py [--db big.sqlite] [--townships 2000] [--runs 3]

Without --db a demo database of --townships townships is made in a temporary
folder first (not timed). Each run is a fresh process started as the program
starts (application, fonts, language, database, window): "open_s" is from
the process's start to the window shown with the ledger filled and painted;
"close_s" from the window's close() to the process's end, as a user sees it
(the program is gone from the task bar), so whatever keeps the process alive
after the window is gone (worker processes, threads still reading) counts.
"""

from __future__ import annotations

import time

T0 = time.perf_counter()
T0_EPOCH = time.time()

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def child(db_path: str) -> int:
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QSettings, QTimer

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      tempfile.mkdtemp(prefix="bench-startup-settings-"))
    from planner.store.db import open_database
    from ui import fonts, i18n
    from ui.app import make_application
    from ui.main_window import MainWindow
    from ui.settings import Settings

    app = make_application([])
    settings = Settings(QSettings(str(Path(tempfile.mkdtemp()) / "settings.ini"), QSettings.Format.IniFormat))
    fonts.apply_application_font(app)
    i18n.install_language("zh_CN", app)
    db = open_database(db_path, create=False)
    window = MainWindow(db, settings)
    window.confirm_leave = lambda: True
    window.show()

    def ready() -> None:
        if window.ledger_panel.model.rowCount() == 0:
            QTimer.singleShot(10, ready)
            return
        window.repaint()
        print(json.dumps({"open_s": round(time.perf_counter() - T0, 3)}), flush=True)
        QTimer.singleShot(500, close)

    def close() -> None:
        print(json.dumps({"close_epoch": time.time()}), flush=True)
        window.close()

    QTimer.singleShot(0, ready)
    code = app.exec()
    if window.db is not None:
        window.db.close()
    return int(code)


def one_run(db: Path) -> dict:
    process = subprocess.Popen([sys.executable, __file__, "--child", str(db)], stdout=subprocess.PIPE,
                               text=True, env=dict(os.environ, QT_QPA_PLATFORM=os.environ.get(
                                   "QT_QPA_PLATFORM", "offscreen")))
    figures: dict = {}
    for line in process.stdout:
        if line.startswith("{"):
            figures.update(json.loads(line))
    process.wait(timeout=600)
    ended = time.time()
    return {"open_s": figures["open_s"], "close_s": round(ended - figures["close_epoch"], 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db")
    parser.add_argument("--townships", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child")
    args = parser.parse_args()
    if args.child:
        sys.exit(child(args.child))
    with tempfile.TemporaryDirectory() as folder:
        db = Path(args.db) if args.db else Path(folder) / "big.sqlite"
        if not args.db:
            subprocess.run([sys.executable, str(ROOT / "main.py"), "demo", "--db", str(db),
                            "--townships", str(args.townships)], check=True, stdout=subprocess.DEVNULL)
        runs = [one_run(db) for _ in range(args.runs)]
    print(json.dumps({
        "benchmark": "window_startup", "townships": args.townships if not args.db else None,
        "runs": runs,
        "open_s_median": statistics.median(r["open_s"] for r in runs),
        "close_s_median": statistics.median(r["close_s"] for r in runs)}, indent=2))


if __name__ == "__main__":
    main()
