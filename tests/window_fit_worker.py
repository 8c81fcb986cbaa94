"""Walk the window's main workflows on a screen of a given size and report every window's size.

Run as a process of its own (the screen is chosen when Qt starts), e.g. for a
1366×768 office laptop:

    QT_QPA_PLATFORM=offscreen:configfile=screen.json python tests/window_fit_worker.py out.json [shots/]

where screen.json describes the screen (tests/test_ui_layout.py writes one).
The report lists, after each workflow, each visible top-level window: its
frame size, its minimum size and the screen's available size. With a shots
folder, each main view is grabbed as a PNG there (docs/ holds such pictures).
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
    shots = Path(argv[1]) if len(argv) > 1 else None
    suffix = argv[2] if len(argv) > 2 else ""
    language = argv[3] if len(argv) > 3 else "zh_CN"
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from ui import fonts, i18n

    fonts.apply_application_font(app)
    i18n.install_language(language, app)
    from planner.demo.county import write_demo
    from planner.store.db import open_database
    from ui.main_window import MainWindow
    from ui.settings import Settings

    tmp = Path(tempfile.mkdtemp(prefix="window-fit-"))
    db = open_database(tmp / "ledger.sqlite")
    write_demo(db, 14, 1)
    window = MainWindow(db, Settings(QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)))
    window.confirm_leave = lambda: True
    window.show()
    available = app.primaryScreen().availableGeometry()
    report = {"available": [available.width(), available.height()], "windows": []}

    def pump(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)

    def wait(condition, seconds: float = 120) -> None:
        end = time.monotonic() + seconds
        while not condition() and time.monotonic() < end:
            pump(0.05)

    def check(label: str) -> None:
        pump(0.3)
        for widget in app.topLevelWidgets():
            if widget.isVisible() and widget.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog):
                frame = widget.frameGeometry()
                report["windows"].append({
                    "after": label, "class": type(widget).__name__, "title": widget.windowTitle(),
                    "width": frame.width(), "height": frame.height(),
                    # What the window demands of the screen: it cannot be made smaller than this.
                    "min_width": widget.minimumWidth(), "min_height": widget.minimumHeight(),
                    # What its content would like at least (clipped or scrolled below it).
                    "layout_min_height": widget.minimumSizeHint().height()})
                if widget is window:  # the tab shown: does its content fit the height it is given?
                    page = window.tabs.currentWidget()
                    report["windows"][-1].update(tab=window.tabs.tabText(window.tabs.currentIndex()),
                                                 tab_height=page.height(),
                                                 tab_min_height=page.minimumSizeHint().height())

    def grab(widget, name: str) -> None:
        if shots is not None:
            shots.mkdir(parents=True, exist_ok=True)
            widget.grab().save(str(shots / f"{name}{suffix}.png"))

    check("open")
    grab(window, "ledger")
    report["ledger"] = ledger_in_sight(window.ledger_panel, pump)
    report["ledger"]["density"] = window.density()  # not chosen: what the screen's height calls for
    window.ledger_panel.select_township(window.ledger_panel.model.summary_at(0).id)
    pump(0.3)
    window.solve_panel.start()
    wait(lambda: not window.solve_panel.is_running())
    window.tabs.setCurrentWidget(window.solve_panel.results_view)
    check("proposal")
    grab(window, "proposal")
    view = window.scenario_view
    names = [row.name for row in view.list_model._rows]
    finished: list[str] = []
    view.solve_bar.finished.connect(lambda name, _result: finished.append(name))
    for name in names[:2]:
        view.select(name)
        view.solve(name)
        wait(lambda n=name: n in finished)
    window.tabs.setCurrentWidget(view)
    wait(lambda: view._states_handle is None, 60)  # each scenario's state worked out (a background check)
    check("scenario")
    grab(window, "scenarios")
    compare = window.compare_view
    window.tabs.setCurrentWidget(compare)
    pump(0.5)
    compare.set_checked(names[:2])
    check("compare")
    report["compare"] = comparison_in_sight(compare, pump)
    grab(window, "compare")
    window.show_help()
    check("help")
    grab(window.help_dialog, "help")
    window.help_dialog.close()
    preview = window.print_actions.make_preview_dialog()
    preview.show()
    check("print preview")
    preview.close()
    audit = window.safety.show_audit_log()
    check("audit log")
    grab(audit, "audit")
    audit.close()
    window.show_parameters()
    check("parameters")
    window.parameters_dialog.close()
    window.undo_stack.clear()
    window.close()
    db.close()
    shutil.rmtree(tmp, ignore_errors=True)
    out.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


def ledger_in_sight(panel, pump) -> dict:
    """How many rows show whole, and whether the names stay in sight scrolled fully right."""
    view, proxy = panel.view, panel.proxy
    height = view.viewport().height()
    whole = [r for r in range(proxy.rowCount())
             if 0 <= view.visualRect(proxy.index(r, 1)).top() and view.visualRect(proxy.index(r, 1)).bottom() < height]
    bar = view.horizontalScrollBar()
    bar.setValue(bar.maximum())
    pump(0.2)
    last = proxy.index(0, proxy.columnCount() - 1)
    frozen = view.frozen
    names_shown = [proxy.index(r, 0).data() for r in range(proxy.rowCount())
                   if frozen.isVisible() and frozen.visualRect(proxy.index(r, 0)).width() > 20
                   and 0 <= frozen.visualRect(proxy.index(r, 0)).top()
                   and frozen.visualRect(proxy.index(r, 0)).bottom() < frozen.viewport().height()]
    result = {"rows": proxy.rowCount(), "whole_rows": len(whole), "scrolled": bar.value(),
              "last_column_in_sight": view.visualRect(last).right() <= view.viewport().width(),
              "name_column_scrolled_under": view.visualRect(proxy.index(0, 0)).right() < 0,
              "names_in_sight_scrolled_right": len(names_shown),
              "frozen_left": frozen.mapTo(view, frozen.rect().topLeft()).x(), "frozen_width": frozen.width()}
    bar.setValue(0)
    pump(0.1)
    return result


def whole_rows(view, column: int = 0) -> int:
    """How many of the view's rows show whole inside its viewport."""
    model, height = view.model(), view.viewport().height()
    rects = [view.visualRect(model.index(r, column)) for r in range(model.rowCount())]
    return sum(1 for rect in rects if rect.height() > 0 and rect.top() >= 0 and rect.bottom() < height)


def comparison_in_sight(compare, pump) -> dict:
    """The comparison tab: its cover figures' rows, its township rows and its chart's legends."""
    pump(0.3)
    summary, pane = compare.summary_view, compare.side_pane
    # The cover figures' table inside the pane that holds it (a scrolled-away bottom would not show).
    bottom = summary.mapTo(pane.viewport(), summary.rect().bottomLeft()).y()
    figure = compare.figure()
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    legends = [legend.get_window_extent(renderer) for legend in
               list(figure.legends) + [axes.get_legend() for axes in figure.axes if axes.get_legend() is not None]]
    bars = [bar.get_window_extent(renderer) for axes in figure.axes for container in axes.containers
            for bar in container]
    return {
        "summary_rows": compare.summary_model.rowCount(), "summary_whole_rows": whole_rows(summary),
        "summary_in_pane": summary.isVisible() and bottom <= pane.viewport().height(),
        "township_rows": compare.rows_proxy.rowCount(), "township_whole_rows": whole_rows(compare.rows_view),
        "legends": len(legends), "bars": len(bars),
        "legend_over_bar": sum(1 for box in legends for bar in bars if box.overlaps(bar)),
        "legend_in_figure": all(figure.bbox.x0 - 1 <= box.x0 and box.x1 <= figure.bbox.x1 + 1
                                and figure.bbox.y0 - 1 <= box.y0 and box.y1 <= figure.bbox.y1 + 1 for box in legends),
    }


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
