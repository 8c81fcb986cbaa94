"""One language at a time: the Chinese window and commands show no English domain words,
the English window no Chinese (beyond the names of places, people and scenarios).

The walk opens the main views as an official would (the ledger, the proposal after a
solve of the demo, the scenarios, the comparison, the audit log, the parameters), collects
every string they show (window titles, labels, buttons, tab texts, group titles, combo
items, menus, the status bar, and every model's header and DisplayRole data) and the
output of `summary`, `solve` and `scenarios`.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QComboBox, QGroupBox, QLabel, QMenu,
                               QMessageBox, QTabWidget, QWidget)

from cli import main as cli_main
from planner.demo.scenarios import CUT_NAME, GROWTH_NAME, MERGE_NAME, RESERVE_NAME
from planner.services.solving import BASELINE
from planner.scenarios import store
from planner.services import editing
from planner.store.ledger import load_county
from planner.store.reads import audit_rows
from tests.fabricated_result import shifted
from ui import i18n, tasks
from ui.settings import Settings

ENGLISH_WORDS = re.compile(r"(?<![A-Za-z])(optimal|feasible|administrative|institutional|support|FTE|staff|reading|done)(?![A-Za-z])",
                           re.IGNORECASE)
CJK = re.compile(r"[\u3400-\u9fff\uff08\uff09\uff0c\uff1a\u3001\u3002]")
MAX_ROWS = 60  # rows read of each model: enough to meet every kind of cell, and quick


def _columns(model) -> int:
    """A list model's column count is private in Qt: it has one."""
    try:
        return model.columnCount(QModelIndex())
    except TypeError:
        return 1


def _model_strings(model) -> list[str]:
    out: list[str] = []
    if model is None:
        return out
    for column in range(_columns(model)):
        out.append(str(model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or ""))
    for row in range(min(model.rowCount(QModelIndex()), MAX_ROWS)):
        out.append(str(model.headerData(row, Qt.Orientation.Vertical, Qt.ItemDataRole.DisplayRole) or ""))
        for column in range(_columns(model)):
            value = model.index(row, column).data(Qt.ItemDataRole.DisplayRole)
            if value is not None:
                out.append(str(value))
    return out


def _menu_strings(menu: QMenu) -> list[str]:
    out = [menu.title()]
    for action in menu.actions():
        out.append(action.text())
        if action.menu() is not None:
            out += _menu_strings(action.menu())
    return out


def widget_strings(top: QWidget, *, cells: bool = True) -> list[str]:
    """Every string `top` and its children show; cells: the models' DisplayRole data too."""
    out = [top.windowTitle()]
    widgets = [top, *top.findChildren(QWidget)]
    for w in widgets:
        if isinstance(w, QLabel):
            out.append(w.text())
        elif isinstance(w, QAbstractButton):
            out.append(w.text())
        elif isinstance(w, QGroupBox):
            out.append(w.title())
        elif isinstance(w, QComboBox):
            out += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QTabWidget):
            out += [w.tabText(i) for i in range(w.count())]
        elif isinstance(w, QMenu):
            out += _menu_strings(w)
        if isinstance(w, QAbstractItemView):
            model = w.model()
            if cells:
                out += _model_strings(model)
            elif model is not None:
                out += [str(model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
                        for c in range(_columns(model))]
        if w.isWindow() and w is not top:
            out.append(w.windowTitle())
    return [s for s in out if s]


def english_words(strings: list[str]) -> list[str]:
    return sorted({s for s in strings if ENGLISH_WORDS.search(s)})


@pytest.fixture
def walked(qtbot, qapp, demo_db, tmp_path):
    """A function that opens the main views of a window in `language` and returns their strings."""
    with demo_db.session() as s:  # a few edits for the audit log: a quota, a name, a parameter
        county = load_county(s)
        first = county.townships[0]
        editing.set_quota_field(s, first.name, "administrative", "approved",
                                first.quota("administrative").approved + 1)
        editing.set_township_field(s, first.name, "population", first.population + 100)
        editing.set_parameter(s, "working_days", 249)
    # Names of places, people and scenarios, and 中文 (a language picker names each language in its own script).
    names = {county.name, *(t.name for t in county.townships), CUT_NAME, GROWTH_NAME, MERGE_NAME, RESERVE_NAME,
             BASELINE, "中文"}
    names |= {p.name for t in county.townships for p in t.people}
    windows = []

    def walk(language: str, cells: bool = True) -> dict[str, list[str]]:
        from ui.main_window import MainWindow

        i18n.install_language(language, qapp)
        settings = Settings(QSettings(str(tmp_path / f"{language}.ini"), QSettings.Format.IniFormat))
        settings.language = language
        window = MainWindow(demo_db, settings)
        window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
        qtbot.addWidget(window)
        windows.append(window)
        window.resize(1400, 900)
        window.show()
        seen: dict[str, list[str]] = {"ledger": widget_strings(window, cells=cells)}
        with qtbot.waitSignal(window.solve_panel.solveFinished, timeout=60000) as finished:
            window.solve_panel.start()
        result = finished.args[0]
        window.tabs.setCurrentWidget(window.solve_panel.results_view)
        seen["proposal"] = widget_strings(window, cells=cells)
        seen["status bar"] = [window.statusBar().currentMessage(), window.solve_panel.message.text()]
        with demo_db.session() as s:
            store.save_result(s, CUT_NAME, result)
            store.save_result(s, GROWTH_NAME, shifted(result, {(result.lines[0].township,
                                                                 result.lines[0].kind): +1}))
        window.scenario_view.refresh()
        qtbot.waitUntil(lambda: window.compare_view.pick_list.count() >= 2, timeout=20000)
        window.tabs.setCurrentIndex(window.tabs.count() - 1)
        seen["scenarios"] = widget_strings(window, cells=cells)
        window.compare_view.set_checked([CUT_NAME, GROWTH_NAME])
        seen["comparison"] = widget_strings(window.compare_view, cells=cells)
        seen["audit log"] = widget_strings(window.safety.show_audit_log(), cells=cells)
        window.show_parameters()
        seen["parameters"] = widget_strings(window.parameters_dialog, cells=cells)
        seen["menus"] = [s for m in window.menuBar().findChildren(QMenu) for s in _menu_strings(m)]
        return seen

    with tasks.synchronous(True):
        yield walk, names
    for window in windows:
        window.undo_stack.clear()
        window.close()
    i18n.install_language("en", qapp)


def _cli(capsys, *argv: str) -> list[str]:
    capsys.readouterr()
    cli_main(list(argv))
    captured = capsys.readouterr()
    return (captured.out + captured.err).splitlines()


def test_the_chinese_window_and_commands_show_no_english_words(walked, demo_db, capsys, tmp_path):
    walk, _names = walked
    seen = walk("zh_CN")
    db = str(demo_db.path)
    summary = _cli(capsys, "summary", "--db", db)
    seen["summary command"] = summary[:1] + summary[2:]  # the second line is the columns' keys, for scripts
    seen["solve command"] = _cli(capsys, "solve", "--db", db, "--json", str(tmp_path / "r.json"))
    seen["scenarios command"] = _cli(capsys, "scenarios", "--db", db)
    seen["audit rows"] = [cell for row in audit_rows(demo_db, "zh_CN") for cell in row]
    found = {view: english_words(strings) for view, strings in seen.items()}
    assert {view: words for view, words in found.items() if words} == {}
    assert all(seen[view] for view in seen if view != "status bar")
    # The walk saw what it looks for: the status word, a quota kind, a progress line and a logged parameter.
    assert any("最优" in s for s in seen["proposal"]) and any("最优" in s for s in seen["scenarios command"])
    assert any("行政编制" in s for s in seen["audit log"]) and any("年工作日" in s for s in seen["audit log"])
    assert any(line.endswith("完成") for line in seen["solve command"])


def test_the_english_window_shows_no_chinese_in_its_headings_and_buttons(walked, qapp):
    walk, names = walked
    seen = walk("en", cells=False)
    pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))
    chinese = {}
    for view, strings in seen.items():
        if view == "status bar":
            continue
        left = sorted({s for s in strings if CJK.search(pattern.sub("", s))})
        if left:
            chinese[view] = left
    assert chinese == {}
    assert any("optimal" in s for s in seen["proposal"])  # the walk saw the status word

