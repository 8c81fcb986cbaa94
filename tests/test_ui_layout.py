"""The window on an ordinary office screen: 1366×768, and 1920×1080 at 150% (1280×720 in Qt's pixels).

Each main workflow (open, solve, scenarios, comparison, user guide, print
preview, audit log, parameters) runs in a process of its own on a simulated
screen of that size (Qt's offscreen platform with a screen description); no
window or dialog may be, or demand to be, larger than the screen's available
area. Also here: the menus' keyboard mnemonics are unique in both languages,
F1 opens the user guide in the window's language and Ctrl+F finds a township.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ledger_fixtures import fresh_settings, ledger_db  # noqa: F401  (fixtures)
from ui import i18n

ROOT = Path(__file__).resolve().parents[1]
_reports: dict[tuple, dict] = {}  # one walk through the window per screen serves every test reading it


def run_worker(tmp_path, width: int, height: int, scale: float, script: str = "window_fit_worker.py") -> dict:
    key = (width, height, scale, script)
    if script == "window_fit_worker.py" and key in _reports:
        return _reports[key]
    screen = tmp_path / "screen.json"
    screen.write_text(json.dumps({"synchronousWindowSystemEvents": True, "windowFrameMargins": False, "screens": [
        {"name": "office", "x": 0, "y": 0, "width": width, "height": height,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={screen}", QT_SCALE_FACTOR=str(scale),
               PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    out = tmp_path / "report.json"
    subprocess.run([sys.executable, str(ROOT / "tests" / script), str(out)], env=env,
                   cwd=ROOT, check=True, timeout=600, capture_output=True)
    report = json.loads(out.read_text(encoding="utf-8"))
    if script == "window_fit_worker.py":
        _reports[key] = report
    return report


@pytest.mark.parametrize("width, height, scale", [(1366, 768, 1.0), (1920, 1080, 1.5)])
def test_no_window_or_dialog_is_larger_than_the_screen(tmp_path, width, height, scale):
    report = run_worker(tmp_path, width, height, scale)
    available_w, available_h = report["available"]
    assert (available_w, available_h) == (round(width / scale), round(height / scale))
    seen = {w["after"] for w in report["windows"]}
    assert seen >= {"open", "proposal", "scenario", "compare", "help", "print preview", "audit log", "parameters"}
    assert {w["class"] for w in report["windows"]} >= {"MainWindow", "HelpDialog", "QPrintPreviewDialog",
                                                       "AuditLogDialog", "ParametersDialog"}
    too_big = [w for w in report["windows"]
               if w["width"] > available_w or w["height"] > available_h
               or w["min_width"] > available_w or w["min_height"] > available_h]
    assert too_big == []
    # Nor does any main tab's content ask for more height than the window gives it (a cut bottom).
    tabs = {w["tab"]: w for w in report["windows"] if "tab" in w}
    assert set(tabs) >= {"编制台账", "调剂方案", "情景", "情景对比"}
    overflowing = {name: (w["tab_min_height"], w["tab_height"]) for name, w in tabs.items()
                   if w["tab_min_height"] > w["tab_height"]}
    assert overflowing == {}


def test_the_ledger_shows_every_demo_row_and_keeps_the_names_in_sight_at_1366x768(tmp_path):
    ledger = run_worker(tmp_path, 1366, 768, 1.0)["ledger"]
    assert ledger["density"] == "compact"  # a 768-pixel screen opens with compact rows
    assert ledger["rows"] == 14
    assert ledger["whole_rows"] == 14
    # Scrolled fully right (to the 工勤 columns) the names' own column has gone left out of
    # the table, and the frozen copy over the left edge still shows every name.
    assert ledger["scrolled"] > 0 and ledger["last_column_in_sight"]
    assert ledger["name_column_scrolled_under"]
    assert ledger["names_in_sight_scrolled_right"] == 14
    assert ledger["frozen_left"] <= 2 and ledger["frozen_width"] > 40


@pytest.mark.parametrize("width, height, scale", [(1366, 768, 1.0), (1920, 1080, 1.5)])
def test_the_comparison_shows_every_cover_figure_many_townships_and_a_legend_off_the_bars(tmp_path, width,
                                                                                          height, scale):
    compare = run_worker(tmp_path, width, height, scale)["compare"]
    # Every row of the cover figures whole, without scrolling, neither in its table nor in its pane.
    assert compare["summary_rows"] >= 9
    assert compare["summary_whole_rows"] == compare["summary_rows"]
    assert compare["summary_in_pane"]
    # The townships get the height the cover figures used to take (four or five rows showed before;
    # twelve or thirteen of the fourteen now, in the compact rows a short screen opens with).
    assert compare["township_rows"] == 14
    assert compare["township_whole_rows"] >= 11
    # Both keys (the scenarios', the small panel's) are outside every bar and inside the figure.
    assert compare["legends"] == 2 and compare["bars"] >= 14 * 2
    assert compare["legend_over_bar"] == 0
    assert compare["legend_in_figure"]


def test_the_display_density_changes_the_ledger_rows_at_once_and_is_remembered(full_window, fresh_settings, qtbot):
    from ui.main_window import MainWindow

    window = full_window
    window.show()
    qtbot.waitExposed(window)
    view = window.ledger_panel.view
    assert fresh_settings.density == ""  # nobody chose yet
    first = window.density()
    other = "standard" if first == "compact" else "compact"
    before = view.rowHeight(0)
    summary_before = window.compare_view.summary_view.verticalHeader().defaultSectionSize()
    titles = {a.text().replace("&", "") for a in window.menu_density.actions()}
    assert titles in ({"紧凑(C)", "标准(S)"}, {"Compact", "Standard"})
    window.density_actions[other].trigger()  # the View menu's entry
    after = view.rowHeight(0)
    assert window.density() == other and window.density_actions[other].isChecked()
    assert (after < before) if other == "compact" else (after > before)
    # Every main table follows, the frozen names and the footer with the ledger.
    assert view.frozen.rowHeight(0) == after
    assert window.ledger_panel.footer.height() == window.ledger_panel.footer.rowHeight(0) + 4
    assert window.compare_view.summary_view.verticalHeader().defaultSectionSize() != summary_before
    # Remembered: a new window opens with the choice, whatever the screen.
    second = MainWindow(None, fresh_settings)
    qtbot.addWidget(second)
    assert fresh_settings.density == other
    assert second.density() == other and second.density_actions[other].isChecked()
    assert second.ledger_panel.view.verticalHeader().defaultSectionSize() == after


@pytest.mark.parametrize("available_height, expected", [(768, "compact"), (720, "compact"), (800, "compact"),
                                                        (801, "standard"), (1040, "standard")])
def test_until_chosen_the_density_follows_the_screen_height(ledger_db, fresh_settings, qtbot, monkeypatch,
                                                            available_height, expected):
    from PySide6.QtCore import QRect

    from ui import screen_fit
    from ui.main_window import MainWindow

    monkeypatch.setattr(screen_fit, "available_geometry", lambda widget=None: QRect(0, 0, 1366, available_height))
    window = MainWindow(ledger_db, fresh_settings, features=False)
    qtbot.addWidget(window)
    assert window.density() == expected
    assert window.density_actions[expected].isChecked()


def mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).upper() if found else None


@pytest.fixture
def full_window(ledger_db, fresh_settings, qtbot):
    from ui.main_window import MainWindow

    w = MainWindow(ledger_db, fresh_settings)
    w.confirm_leave = lambda: True
    qtbot.addWidget(w)
    yield w
    w.undo_stack.clear()


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_menu_has_unique_mnemonics(full_window, qapp, language):
    i18n.install_language(language, qapp)
    try:
        qapp.processEvents()
        duplicates = []

        def walk(widget, path):
            keys: dict[str, list[str]] = {}
            for action in widget.actions():
                if action.isSeparator() or not action.isVisible():
                    continue
                key = mnemonic(action.text())
                if key:
                    keys.setdefault(key, []).append(action.text())
                if action.menu() is not None:
                    walk(action.menu(), path + [action.text()])
            duplicates.extend((path, texts) for texts in keys.values() if len(texts) > 1)

        walk(full_window.menuBar(), [])
        assert len(full_window.menuBar().actions()) >= 5
        assert duplicates == []
    finally:
        i18n.install_language("en", qapp)


@pytest.mark.parametrize("language, words", [("zh_CN", ["使用指南", "台账", "情景", "计算", "比较", "打印"]),
                                             ("en", ["user guide", "Ledger", "Scenario", "Solve", "Compare", "Print"])])
def test_f1_opens_the_user_guide_in_the_window_language(full_window, qapp, qtbot, language, words):
    from PySide6.QtGui import QKeySequence

    i18n.install_language(language, qapp)
    try:
        assert full_window.action_help.shortcut() == QKeySequence("F1")
        full_window.action_help.trigger()
        dialog = full_window.help_dialog
        assert dialog.isVisible()
        text = dialog.browser.toPlainText()
        for word in words:
            assert word in text
        assert dialog.width() <= dialog.screen().availableGeometry().width()
        dialog.close()
    finally:
        i18n.install_language("en", qapp)


def test_ctrl_f_puts_the_cursor_in_the_ledger_search(full_window, qtbot):
    from PySide6.QtGui import QKeySequence

    full_window.show()
    qtbot.waitExposed(full_window)
    full_window.tabs.setCurrentIndex(full_window.tabs.count() - 1)
    assert full_window.action_find.shortcut() == QKeySequence("Ctrl+F")
    full_window.action_find.trigger()
    assert full_window.tabs.currentIndex() == 0
    search = full_window.ledger_panel.search
    assert full_window.focusWidget() is search
    search.insert("镇")  # typed (QTest cannot type Chinese)
    assert 0 < full_window.ledger_panel.proxy.rowCount() <= full_window.ledger_panel.model.rowCount()



def test_the_main_splitters_keep_their_sizes_from_one_run_to_the_next(tmp_path):
    from ui.settings import SPLITTERS

    report = run_worker(tmp_path, 1366, 768, 1.0, "splitter_memory_worker.py")
    assert set(report["first"]) == set(SPLITTERS)
    for name, first in report["first"].items():
        assert sum(first["chosen"]) > 60, name  # laid out, as a user sees it
        assert first["moved"] != first["chosen"], name  # the drag took
    # The next run opens each one as the user left it.
    assert report["second"] == {name: first["moved"] for name, first in report["first"].items()}
