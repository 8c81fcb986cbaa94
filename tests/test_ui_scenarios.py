"""The scenarios and comparison tabs: undoable scenario edits, change dialogs, solving, comparing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QTabWidget

from planner.scenarios import store as store
from planner.exports.comparison import compare
from planner.demo.scenarios import CUT_NAME, GROWTH_NAME, MERGE_NAME
from tests.fabricated_result import fabricated_result, shifted
from tests.ledger_dump import ledger_dump
from ui import tasks
from ui.scenario_commands import DeleteScenarioCommand, ScenarioContext
from ui.scenario_models import ChangesModel, CompareRowsModel, CompareSummaryModel, ScenarioListModel, ScenarioRow
from ui.scenario_view import install
from ui.workspace import Workspace


class FakeWindow(QMainWindow):
    """The part of the main window the scenario tabs use."""

    def __init__(self, db) -> None:
        super().__init__()
        self.workspace = Workspace(db, parent=self)
        self.db = db
        self.undo_stack = self.workspace.undo_stack
        self.workspace.statusMessage.connect(self.status)
        self.workspace.errorReported.connect(self.show_error)
        self.tabs = QTabWidget(self)
        self.setCentralWidget(self.tabs)
        self.errors: list[str] = []
        self.messages: list[str] = []

    def status(self, message: str, timeout_ms: int = 0) -> None:
        self.messages.append(message)

    def show_error(self, error) -> None:
        self.errors.append(str(error))


@pytest.fixture
def window(qtbot, demo_db):
    """The tabs in a stand-in window; background work (states, solves) runs at once, in order."""
    with tasks.synchronous(True):
        win = FakeWindow(demo_db)
        qtbot.addWidget(win)
        win.scenario_view = install(win.workspace, tabs=win.tabs)
        win.compare_view = win.scenario_view.compare_view
        win.resize(1300, 800)
        yield win


@pytest.fixture
def synchronous_tasks():
    with tasks.synchronous(True):
        yield


def names(db) -> list[str]:
    with db.session() as session:
        return [s.name for s in store.list_scenarios(session)]


def test_states_are_worked_out_off_the_gui_thread(qtbot, demo_db):
    with demo_db.session() as session:
        store.save_result(session, CUT_NAME, fabricated_result())  # a fingerprint that cannot match: stale
    win = FakeWindow(demo_db)
    qtbot.addWidget(win)
    view = install(win.workspace, tabs=win.tabs)
    assert {r.state for r in view.list_model.rows()} == {"checking"}  # listed at once, states to follow
    with qtbot.waitSignal(view.statesKnown, timeout=20000):
        pass
    states = {r.name: r.state for r in view.list_model.rows()}
    assert states[CUT_NAME] == "stale" and states[GROWTH_NAME] == "unsolved"
    assert view.results_view.is_stale()  # the selected scenario is the stale one


def test_the_demo_scenarios_are_listed(window):
    view = window.scenario_view
    listed = [r.name for r in view.list_model.rows()]
    assert listed[:3] == [CUT_NAME, GROWTH_NAME, MERGE_NAME]
    assert view.current_name() == CUT_NAME
    assert view.changes_model.rowCount() == 1
    assert "5%" in view.changes_model.data(view.changes_model.index(0, 1))


def test_new_duplicate_rename_delete_each_undo_and_redo(window):
    view, stack, db = window.scenario_view, window.undo_stack, window.db
    before = names(db)
    assert view.new_scenario("试算一")
    assert names(db) == before + ["试算一"] and view.current_name() == "试算一"
    view.select(CUT_NAME)
    assert view.duplicate_scenario("压减副本")
    with db.session() as session:
        assert store.get_scenario(session, "压减副本").changes == store.get_scenario(session, CUT_NAME).changes
    view.select("试算一")
    assert view.rename_scenario("试算二")
    assert "试算二" in names(db) and "试算一" not in names(db)
    assert view.delete_scenario(confirmed=True)
    assert "试算二" not in names(db)
    assert stack.count() == 4
    stack.undo()   # delete
    assert "试算二" in names(db) and view.current_name() == "试算二"
    stack.undo()   # rename
    assert "试算一" in names(db) and "试算二" not in names(db)
    stack.undo()   # duplicate
    assert "压减副本" not in names(db)
    stack.undo()   # new
    assert names(db) == before
    for _ in range(4):
        stack.redo()
    assert names(db) == before + ["压减副本"]


def test_a_refused_edit_changes_nothing_and_is_not_kept(window):
    view, stack = window.scenario_view, window.undo_stack
    before = names(window.db)
    assert not view.new_scenario(CUT_NAME)          # the name is taken
    assert not view.new_scenario("基准")             # the baseline's name
    assert names(window.db) == before and stack.count() == 0
    assert "already exists" in window.errors[0] and "ledger itself" in window.errors[1]


def test_delete_then_undo_restores_the_last_result_too(window):
    db = window.db
    with db.session() as session:
        store.save_result(session, CUT_NAME, fabricated_result())
    view = window.scenario_view
    view.refresh(select=CUT_NAME)
    assert view.results_view.result() is not None
    assert view.delete_scenario(confirmed=True)
    window.undo_stack.undo()
    with db.session() as session:
        record = store.get_scenario(session, CUT_NAME)
    assert record.last_result.to_json()["totals"] == fabricated_result().to_json()["totals"]
    assert record.last_result == fabricated_result()
    assert record.last_fingerprint == "0" * 64


def _drive(view, fill, monkeypatch):
    """Replace the modal exec by: fill the form, press OK (try_accept), report whether it closed."""
    seen = {}

    def fake_exec(dialog):
        seen["dialog"] = dialog
        fill(dialog)
        dialog.try_accept()
        return dialog.result() == 1

    monkeypatch.setattr(view, "_exec", fake_exec)
    return seen


def test_add_edit_reorder_remove_changes_through_dialogs_with_undo(window, monkeypatch):
    view, db = window.scenario_view, window.db
    view.new_scenario("编辑测试")

    def reserve(dialog):
        dialog.widgets["kind"].setCurrentIndex(dialog.widgets["kind"].findData("administrative"))
        dialog.widgets["slots"].setValue(6)

    _drive(view, reserve, monkeypatch)
    assert view.add_change("reserve")

    def growth(dialog):
        dialog.widgets["match"].setText("应急管理")
        dialog.widgets["percent"].setValue(30)

    _drive(view, growth, monkeypatch)
    assert view.add_change("duty_growth")
    with db.session() as session:
        changes = store.get_scenario(session, "编辑测试").changes
    assert changes == [store.Reserve("administrative", 6), store.DutyGrowth(match="应急管理", percent=30.0)]

    view.changes_view.setCurrentIndex(view.changes_model.index(1, 1))
    assert view.move_change(-1)
    with db.session() as session:
        assert [c.TYPE for c in store.get_scenario(session, "编辑测试").changes] == ["duty_growth", "reserve"]

    view.changes_view.setCurrentIndex(view.changes_model.index(1, 1))

    def more(dialog):
        assert dialog.widgets["slots"].value() == 6   # the dialog opens on the change being edited
        dialog.widgets["slots"].setValue(8)

    _drive(view, more, monkeypatch)
    assert view.edit_change()
    view.changes_view.setCurrentIndex(view.changes_model.index(0, 1))
    assert view.remove_change()
    with db.session() as session:
        assert store.get_scenario(session, "编辑测试").changes == [store.Reserve("administrative", 8)]
    for _ in range(3):
        window.undo_stack.undo()
    with db.session() as session:
        assert store.get_scenario(session, "编辑测试").changes == [
            store.Reserve("administrative", 6), store.DutyGrowth(match="应急管理", percent=30.0)]


def test_a_change_that_does_not_fit_keeps_the_dialog_open_with_the_reason(window, monkeypatch):
    view = window.scenario_view
    view.new_scenario("坏变动")

    def unknown_duty(dialog):
        dialog.widgets["match"].setText("不存在的事项")

    seen = _drive(view, unknown_duty, monkeypatch)
    assert not view.add_change("duty_growth")
    dialog = seen["dialog"]
    assert not dialog.error_label.isHidden()
    assert "不存在的事项" in dialog.error_label.text() and "no duty or office name contains" in dialog.error_label.text()
    with window.db.session() as session:
        assert store.get_scenario(session, "坏变动").changes == []


def test_merge_and_split_dialogs_offer_the_ledgers_figures(window, monkeypatch):
    view = window.scenario_view
    view.new_scenario("合并测试")
    county = view.county()
    a, b = county.townships[0], county.townships[1]

    def merge(dialog):
        assert dialog.widgets["leadership"].value() == max(a.quota("administrative").leadership,
                                                           b.quota("administrative").leadership)
        dialog.widgets["new_name"].setText("合并新镇")

    _drive(view, merge, monkeypatch)
    assert view.add_change("merge")

    def split(dialog):
        dialog.widgets["township"].setCurrentIndex(dialog.widgets["township"].findData("合并新镇"))
        dialog.widgets["share_a"].setValue(40)

    _drive(view, split, monkeypatch)
    assert view.add_change("split")
    with window.db.session() as session:
        changes = store.get_scenario(session, "合并测试").changes
    assert changes[0] == store.Merge(a=a.name, b=b.name, new_name="合并新镇", leadership=changes[0].leadership)
    assert changes[1].township == "合并新镇" and changes[1].share_a == 0.4


def test_scenario_work_leaves_the_ledger_byte_for_byte_unchanged(window, monkeypatch):
    before = ledger_dump(window.db)
    test_new_duplicate_rename_delete_each_undo_and_redo(window)
    view = window.scenario_view
    view.select(MERGE_NAME)
    view.duplicate_scenario("合并副本")
    assert ledger_dump(window.db) == before


def test_models_pass_the_model_tester(qtmodeltester, demo_db):
    with demo_db.session() as session:
        records = store.list_scenarios(session)
    rows = [ScenarioRow(r, "unsolved") for r in records]
    model = ScenarioListModel()
    qtmodeltester.check(model)
    model.set_rows(rows)
    qtmodeltester.check(model)
    changes = ChangesModel()
    changes.set_changes(records[0].changes)
    qtmodeltester.check(changes)
    line = fabricated_result().lines[4]
    other = shifted(fabricated_result(), {(line.township, line.kind): +1})
    comparison = compare({"甲": fabricated_result(), "乙": other})
    summary = CompareSummaryModel()
    qtmodeltester.check(summary)
    summary.set_comparison(comparison, {"乙"})
    qtmodeltester.check(summary)
    assert summary.headerData(2, Qt.Orientation.Horizontal).startswith("乙")
    rows_model = CompareRowsModel()
    rows_model.set_rows(comparison.names, comparison.rows)
    qtmodeltester.check(rows_model)


def test_compare_view_shows_stored_proposals_side_by_side(window, qtbot):
    other = shifted(fabricated_result(), {("石桥镇", "institutional"): +1})
    with window.db.session() as session:
        store.save_result(session, CUT_NAME, fabricated_result())
        store.save_result(session, GROWTH_NAME, other)
    window.scenario_view.refresh()
    compare_view = window.compare_view
    assert compare_view.pick_list.count() == 2
    compare_view.set_checked([CUT_NAME, GROWTH_NAME])
    c = compare_view.comparison
    assert c is not None and c.names == [CUT_NAME, GROWTH_NAME]
    assert c.differing_townships() == ["石桥镇"]
    compare_view.kind_combo.setCurrentIndex(compare_view.kind_combo.findData("institutional"))
    compare_view.differing_box.setChecked(True)
    assert compare_view.rows_proxy.rowCount() == 1
    assert compare_view.rows_proxy.index(0, 0).data() == "石桥镇"
    assert compare_view.rows_proxy.index(0, 4).data() == "39 (+1)"
    assert len(compare_view.figure().axes) == 2


def test_compare_view_exports_the_comparison_to_excel(window, tmp_path):
    from openpyxl import load_workbook

    with window.db.session() as session:
        store.save_result(session, CUT_NAME, fabricated_result())
        store.save_result(session, MERGE_NAME, fabricated_result())
    window.scenario_view.refresh()
    view = window.compare_view
    assert not view.export_xlsx(str(tmp_path / "none.xlsx"))  # nothing ticked yet
    view.set_checked([CUT_NAME, MERGE_NAME])
    assert view.export_xlsx(str(tmp_path / "对比"))
    wb = load_workbook(tmp_path / "对比.xlsx")
    from ui.scenario_models import ui_language

    # The workbook speaks the UI's language (English unless Chinese was installed).
    first = "指标" if ui_language() == "zh" else "Figure"
    assert [c.value for c in wb.worksheets[0][1]] == [first, CUT_NAME, MERGE_NAME]
    assert window.messages[-1].endswith("对比.xlsx")


def test_solve_from_the_tab_then_a_ledger_edit_marks_it_stale_and_recompute_clears_it(window, qtbot,
                                                                                      synchronous_tasks):
    from planner.store import ledger_edit

    view = window.scenario_view
    view.select(MERGE_NAME)
    assert view.solve_button.text() == "Solve"
    view.solve()
    row = view.current_row()
    assert row.state == "current" and row.record.last_result.scenario == MERGE_NAME
    assert view.results_view.result() == row.record.last_result and not view.results_view.is_stale()
    assert view.solve_button.text() == "Recompute" and view.progress.isHidden()
    with window.db.session() as session:
        township = view.county().townships[-1]
        ledger_edit.set_quota_field(session, township.name, "administrative", "approved",
                                    township.quota("administrative").approved + 1)
    window.workspace.ledgerChanged.emit()
    qtbot.waitUntil(lambda: view.current_row().state == "stale", timeout=5000)
    assert view.results_view.is_stale()
    assert "Stale" in view.list_model.data(view.list_model.index(view.list_model.row_of(MERGE_NAME), 1))
    view.solve()
    assert view.current_row().state == "current" and not view.results_view.is_stale()
    compare = window.compare_view
    assert [compare.pick_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(compare.pick_list.count())] \
        == [MERGE_NAME]


def test_a_failed_solve_is_reported_and_the_tab_is_usable_again(window, synchronous_tasks):
    from planner.store import ledger_edit

    view = window.scenario_view
    view.select(MERGE_NAME)
    with window.db.session() as session:
        merged_away = store.get_scenario(session, MERGE_NAME).changes[0].a
        ledger_edit.remove_township(session, merged_away)
    view.refresh()
    assert view.current_row().state == "invalid"
    assert not view.problem_label.isHidden() and merged_away in view.problem_label.text()
    assert not view.solve_button.isEnabled()
    view.solve()  # refused before starting, and nothing breaks
    assert view.solving is None
    view.select(CUT_NAME)
    assert view.solve_button.isEnabled()


def test_the_tabs_render(window, tmp_path, synchronous_tasks):
    view = window.scenario_view
    for name in (CUT_NAME, MERGE_NAME):
        view.select(name)
        view.solve()
    window.tabs.setCurrentWidget(window.compare_view)
    window.show()
    window.compare_view.set_checked([CUT_NAME, MERGE_NAME])
    for widget, file in ((view, "scenarios.png"), (window.compare_view, "compare.png")):
        image = widget.grab().toImage()
        assert image.width() > 600 and image.height() > 400
        # Not a blank widget: many distinct colours (tables, chart, text).
        colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
        assert len(colours) > 20, file
        assert image.save(str(tmp_path / file))


def test_the_comparison_prints_with_the_same_figures(window, tmp_path, synchronous_tasks):
    import subprocess

    from ui.compare_report import comparison_blocks
    from ui.report.blocks import FigureBlock, Table

    other = shifted(fabricated_result(), {("石桥镇", "institutional"): +1})
    results = {CUT_NAME: fabricated_result(), GROWTH_NAME: other}
    comparison = compare(results)
    blocks = comparison_blocks(comparison, results, "zh_CN")
    tables = [b for b in blocks if isinstance(b, Table)]
    summary = {row[0]: row[1:] for row in tables[0].rows}
    assert summary["调剂名额"] == [str(comparison.figures[n].slots_moved) for n in comparison.names]
    institutional = tables[2]  # summary, administrative, institutional, support
    shiqiao = [i for i, row in enumerate(institutional.rows) if row[1] == "石桥镇"][0]
    assert institutional.rows[shiqiao] == ["＊", "石桥镇", "38", "38", "39（+1）"]
    assert institutional.bold_rows == {shiqiao}
    assert len([b for b in blocks if isinstance(b, FigureBlock) and b.png]) == 3

    with window.db.session() as session:
        store.save_result(session, CUT_NAME, results[CUT_NAME])
        store.save_result(session, GROWTH_NAME, other)
    window.scenario_view.refresh()
    window.compare_view.set_checked([CUT_NAME, GROWTH_NAME])
    assert window.compare_view.export_pdf(str(tmp_path / "对比"), process=False)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "对比.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    from ui.scenario_models import ui_language

    # Printed in the UI's language; the stored (fabricated) proposals do not match the ledger: stale.
    chinese = ui_language() == "zh"
    assert "青岚县" in text
    assert ("39（+1）" if chinese else "39 (+1)") in text
    assert (f"{CUT_NAME}（已过期）" if chinese else f"{CUT_NAME} (stale)") in text


def test_the_main_window_carries_both_tabs_and_shares_scenarios_with_the_solve_chooser(demo_db, tmp_path, qtbot):
    from PySide6.QtCore import QSettings

    from ui import i18n
    from ui.main_window import MainWindow
    from ui.settings import Settings

    w = MainWindow(demo_db, Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)))
    qtbot.addWidget(w)
    titles = [w.tabs.tabText(i) for i in range(w.tabs.count())]
    assert "Scenarios" in titles and "Compare scenarios" in titles
    view = w.scenario_view
    assert view.new_scenario("窗口中新建")
    assert w.scenario_view is view and w.compare_view is view.compare_view
    assert w.solve_panel.scenario_combo.findData("窗口中新建") >= 0  # the toolbar's chooser lists it at once
    w.undo_stack.undo()
    assert "窗口中新建" not in names(demo_db)
    try:
        i18n.install_language("zh_CN")
        # Qt posts the LanguageChange events; each widget re-translates when it gets one.
        qtbot.waitUntil(lambda: "情景对比" in [w.tabs.tabText(i) for i in range(w.tabs.count())], timeout=3000)
        assert "情景" in [w.tabs.tabText(i) for i in range(w.tabs.count())]
        assert view.new_button.text() == "新建…"
        assert view.list_model.headerData(1, Qt.Orientation.Horizontal) == "状态"
    finally:
        i18n.install_language("en")
    qtbot.waitUntil(lambda: view.new_button.text() == "New…", timeout=3000)


def test_split_dialog_starts_hand_figures_from_the_share(window):
    view = window.scenario_view
    view.select(CUT_NAME)
    township = view.county().townships[0]
    dialog = view.change_dialog("split", None, None)
    dialog.widgets["township"].setCurrentIndex(dialog.widgets["township"].findData(township.name))
    dialog.widgets["share_a"].setValue(40)
    approved = township.quota("institutional").approved
    assert dialog.widgets["approved_a"].spins["institutional"].value() == round(approved * 0.4)
    assert dialog.widgets["approved_a"].spins["institutional"].maximum() == approved
    assert dialog.change().approved_a is None  # not "set by hand": the share decides
    dialog.widgets["approved_a"].box.setChecked(True)
    dialog.widgets["approved_a"].spins["institutional"].setValue(5)
    dialog.widgets["share_a"].setValue(60)
    assert dialog.change().approved_a["institutional"] == 5  # the user's own figure is kept
