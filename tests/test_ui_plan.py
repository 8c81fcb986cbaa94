"""The 规划 tab: the multi-year plan of the demo county made through the window's one runner,
shown as a roadmap, charts, moves by year and loans, printed, cancelled, and in Chinese."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from planner.domain.plan import Plan
from planner.services.planning import plan_job
from tests.test_ui_one_language import english_words, widget_strings
from ui import plan_view, tasks
from ui.plan_models import compact


@pytest.fixture
def tab(qtbot, demo_db, tmp_path):
    from PySide6.QtCore import QSettings

    from ui.main_window import MainWindow
    from ui.settings import Settings

    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(demo_db, settings, features=False)
    window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
    qtbot.addWidget(window)
    tab = plan_view.install(window.workspace, window.tabs)
    window.resize(1366, 768)
    window.show()
    window.tabs.setCurrentWidget(tab)
    tab.window_ = window
    yield tab
    window.undo_stack.clear()


@pytest.fixture(scope="module")
def demo_plan(tmp_path_factory) -> Plan:
    """The demo county's plan, made once for the checks that only read it."""
    from planner.demo.county import write_demo
    from planner.store.db import open_database

    db = open_database(tmp_path_factory.mktemp("plan") / "demo.sqlite")
    write_demo(db, 14, 1)
    try:
        return plan_job(db, None, 3)
    finally:
        db.close()


def test_the_tab_fills_after_a_plan_of_the_demo_county(tab, qtbot):
    tab.years_spin.setValue(3)
    with tasks.synchronous(True), qtbot.waitSignal(tab.planFinished, timeout=120000) as finished:
        tab.start()
    plan = finished.args[0]
    assert plan.is_plan and len(plan.years) == 3
    model = tab.roadmap_model
    kind = tab.kind_combo.currentData()
    assert model.rowCount() == len({line.township for line in plan.lines_of(kind)}) > 0
    assert model.columnCount() == 2 + 3
    # Every cell is the plan's own line.
    for r in range(model.rowCount()):
        township = model.index(r, 0).data()
        for c, year in enumerate(plan.years, 2):
            assert model.index(r, c).data() == compact(plan.line(township, kind, year))
    assert tab.moves_model.rowCount() == len(plan.moves)
    assert tab.loans_model.rowCount() == len(plan.loans) >= 2   # the demo's two existing loans at least
    assert tab.preview_button.isEnabled() and tab.pdf_button.isEnabled()
    tab.tabs.setCurrentIndex(1)
    assert tab.chart_township.currentData() in tab.canvas.figure.axes[0].get_title()


def test_the_roadmap_shows_one_figure_at_a_time_and_marks_uncovered_need(tab, demo_plan):
    tab.show_plan(demo_plan)
    kind = tab.kind_combo.currentData()
    tab.measure_combo.setCurrentIndex(tab.measure_combo.findData("uncovered"))
    model = tab.roadmap_model
    for r in range(model.rowCount()):
        township = model.index(r, 0).data()
        for c, year in enumerate(demo_plan.years, 2):
            line = demo_plan.line(township, kind, year)
            assert model.index(r, c).data() == str(line.uncovered)
            assert (model.index(r, c).data(Qt.ItemDataRole.BackgroundRole) is not None) == (line.uncovered > 0)


def test_moves_are_shown_by_year_with_their_reasons(tab, demo_plan):
    tab.show_plan(demo_plan)
    for year in demo_plan.years:
        tab.year_combo.setCurrentIndex(tab.year_combo.findData(year))
        shown = [tab.moves_model.row(r) for r in range(tab.moves_model.rowCount())]
        assert shown == demo_plan.moves_of(year)
        assert all(m.reason for m in shown)


def test_cancel_leaves_no_plan_and_says_so(tab, qtbot, chinese_ui, monkeypatch):
    from planner.errors import Cancelled

    def cancelled(*_args):
        raise Cancelled()

    monkeypatch.setattr(tab.runner, "job", cancelled)
    with tasks.synchronous(True), qtbot.waitSignal(tab.runner.cancelled, timeout=10000):
        tab.start()
    assert tab.plan is None and "取消" in tab.summary.text()
    assert tab.plan_button.isEnabled() and not tab.cancel_button.isEnabled()


def test_the_plan_is_printed(tab, demo_plan, tmp_path, chinese_ui):
    tab.show_plan(demo_plan)
    path = tab.export_pdf(str(tmp_path / "plan.pdf"))
    assert open(path, "rb").read().startswith(b"%PDF")
    document = tab.document()
    document.pdf_bytes()
    assert set("规划路线图逐年调剂周转池归还") <= set(document.used_text())
    assert len(document.pages) >= 2


def test_the_tab_fits_the_screen_and_speaks_chinese(tab, demo_plan, chinese_ui):
    tab.show_plan(demo_plan)
    window = tab.window_
    assert window.width() <= 1366 and window.height() <= 768
    strings = []
    for i in range(tab.tabs.count()):
        tab.tabs.setCurrentIndex(i)
        strings += widget_strings(tab)
    assert english_words(strings) == []
    assert window.tabs.tabText(window.tabs.indexOf(tab)) == "规划"
    assert "最优" in tab.summary.text() or "可行" in tab.summary.text()


def test_the_plan_is_exported_to_excel_from_the_tab(tab, demo_plan, tmp_path):
    from openpyxl import load_workbook

    tab.show_plan(demo_plan)
    path = tab.export_xlsx(str(tmp_path / "plan.xlsx"))
    assert path is not None and len(load_workbook(path).sheetnames) >= 3


def test_the_plan_command_writes_the_printed_plan(demo_db, tmp_path, capsys):
    from cli import main as cli_main

    target = tmp_path / "plan.pdf"
    code = cli_main(["plan", "--db", str(demo_db.path), "--years", "2", "--pdf", str(target)])
    assert code == 0
    assert target.read_bytes().startswith(b"%PDF")
    assert "PDF -> " in capsys.readouterr().err


def test_cancel_reaches_the_planner_through_the_runners_job(demo_db):
    """The job the runner starts (in its child process) stops at the planner's first check once cancelled."""
    from planner.errors import Cancelled
    from planner.taskstate import TaskState
    from ui.plan_runner import plan_task

    state = TaskState()
    state.cancel()
    with pytest.raises(Cancelled):
        plan_task(demo_db.url, None, 60.0, 2, state)


def test_a_plan_shown_is_marked_outdated_when_the_ledger_changes(tab, demo_plan, demo_db, chinese_ui):
    from planner.services import editing

    tab.show_plan(demo_plan)
    assert "已修改" not in tab.summary.text()
    first = demo_plan.township_names()[0]
    with demo_db.session() as s:
        editing.set_township_field(s, first, "population", 12345)
    tab.window_.reload_ledger()
    assert "台账已修改" in tab.summary.text() and tab.roadmap_model.rowCount() > 0


def test_compare_plans_fills_for_the_baseline_and_a_demo_scenario(tab, qtbot, chinese_ui):
    from planner.demo.scenarios import GROWTH_NAME
    from planner.exports.plan_comparison import compare_plans

    page = tab.compare_page
    tab.tabs.setCurrentWidget(page)
    page.refresh()
    names = [page.scenarios.item(i).data(Qt.ItemDataRole.UserRole) for i in range(page.scenarios.count())]
    assert names[0] == "基准" and GROWTH_NAME in names
    assert page.scenarios.item(0).text() == "基准（台账）"
    page.set_chosen(["基准"])
    assert not page.start() and "至少" in page.note.text()     # one scenario is not a comparison
    page.set_chosen(["基准", GROWTH_NAME])
    shown_before = tab.plan
    with tasks.synchronous(True), qtbot.waitSignal(page.comparisonFinished, timeout=240000) as finished:
        assert page.start()
    comparison = finished.args[0]
    assert [row.scenario for row in comparison.rows] == ["基准", GROWTH_NAME]
    assert tab.plan is shown_before                             # the plans compared are not put on show
    assert page.model.rowCount() == 2
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())]
    assert headers[:2] == ["情景", "状态"] and headers[-1] == "涉及乡镇"
    assert page.model.columnCount() == 2 + len(comparison.years) + 4
    expected = compare_plans(page.plans)
    assert comparison == expected
    for r, plan in enumerate(page.plans):
        cell = lambda c: page.model.index(r, c).data()            # noqa: E731
        assert cell(0) == plan.scenario and cell(1) == plan.status_text()
        assert cell(2 + len(comparison.years)) == str(plan.uncovered)
        assert cell(headers.index("调剂名额")) == str(plan.slots_moved)
        assert cell(headers.index("新借周转池")) == str(plan.slots_lent)
        assert cell(headers.index("涉及乡镇")) == str(plan.townships_touched)
        for y, year in enumerate(comparison.years):
            assert cell(2 + y) == str(plan.uncovered_by_year()[year])
    assert tab.plan_button.isEnabled() and page.compare_button.isEnabled()
    assert not english_words(widget_strings(page))


def test_cancelling_a_comparison_stops_it_with_no_table(tab, qtbot, chinese_ui, monkeypatch, demo_plan):
    """The second plan is cancelled: the page says so, shows no table, and the tab can plan again."""
    from planner.demo.scenarios import GROWTH_NAME
    from planner.errors import Cancelled

    calls = []

    def first_then_cancelled(_source, scenario, _limit, years, state):
        calls.append((scenario, years))
        state.set_progress(0.5, "")
        if len(calls) == 2:
            raise Cancelled()
        return demo_plan

    monkeypatch.setattr(tab.runner, "job", first_then_cancelled)
    page = tab.compare_page
    page.refresh()
    page.set_chosen(["基准", GROWTH_NAME])
    with tasks.synchronous(True), qtbot.waitSignal(tab.runner.cancelled, timeout=10000):
        page.start()
    assert calls == [("基准", None), (GROWTH_NAME, None)]    # each planned for its own horizon
    assert not page.busy and page.comparison is None and page.model.rowCount() == 0
    assert "取消" in page.note.text()
    assert tab.plan is None                                   # the first plan was not put on show
    assert tab.plan_button.isEnabled() and page.compare_button.isEnabled() and not tab.cancel_button.isEnabled()
