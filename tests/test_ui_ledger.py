"""The ledger window: table models, lazy fetch, sort/filter/totals, colours, editing, settings, start-up."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QStyleOptionViewItem

from planner.domain.county import KINDS
from tests.fabricated_result import fabricated_result
from planner.store.ledger import load_county
from planner.store.ledger_view import KindFigures, TownshipSummary
from tests.ledger_fixtures import fresh_settings, ledger_db  # noqa: F401  (fixtures)
from ui.ledger_filter import LedgerFilterProxy, TotalsModel
from ui.ledger_model import FETCH_BATCH, SHORTAGE_COLOR, SURPLUS_COLOR, TownshipSummaryModel, column_of
from ui.table_model import Role


def summary(i: int, staff: int, required: float, approved: int = 20) -> TownshipSummary:
    kinds = {k: KindFigures(approved, staff, 0, required, True) for k in KINDS}
    return TownshipSummary(i, f"乡镇{i:04d}", "镇", "二类", False, i, kinds)


@pytest.fixture
def window(qtbot, ledger_db, fresh_settings):
    from ui.main_window import MainWindow

    w = MainWindow(ledger_db, fresh_settings)
    w.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


# ---------------------------------------------------------------- models

def test_every_ledger_model_passes_the_model_tester(qtmodeltester, window):
    panel, detail = window.ledger_panel, window.detail_view
    panel.select_township(panel.model.summary_at(1).id)
    assert detail.detail is not None and detail.people_model.rowCount() > 0
    for model in (panel.model, panel.proxy, panel.totals, detail.info_model, detail.quota_model,
                  detail.office_model, detail.duty_model, detail.people_model, detail.duty_view.model()):
        qtmodeltester.check(model, force_py=True)


def test_lazy_model_passes_the_model_tester_and_fetches_in_batches(qtmodeltester):
    model = TownshipSummaryModel()
    model.set_rows([summary(i, 10 + i % 7, 12.0) for i in range(FETCH_BATCH * 2 + 50)])
    assert model.rowCount() == FETCH_BATCH
    assert model.canFetchMore(QModelIndex())
    qtmodeltester.check(model, force_py=True)
    model.fetch_all()
    assert model.rowCount() == FETCH_BATCH * 2 + 50 and not model.canFetchMore(QModelIndex())
    empty = TotalsModel()
    empty.set_rows([])
    qtmodeltester.check(empty, force_py=True)


def test_sorting_sees_every_row_and_stays_lazy(qtmodeltester):
    model = TownshipSummaryModel()
    rows = [summary(i, 10, 10.0 + (i * 7919) % 600) for i in range(FETCH_BATCH * 3)]
    model.set_rows(rows)
    proxy = LedgerFilterProxy()
    proxy.setSourceModel(model)
    pressure = column_of("pressure", "administrative")
    proxy.sort(pressure, Qt.SortOrder.AscendingOrder)
    assert proxy.rowCount() == FETCH_BATCH  # still handed over in batches
    lowest = min(rows, key=lambda r: r.kind("administrative").pressure)
    assert proxy.index(0, 0).data() == lowest.name  # the lowest of all rows, not of the first batch
    model.fetch_all()
    values = [proxy.index(r, pressure).data(Role.SORT) for r in range(proxy.rowCount())]
    assert values == sorted(values) and len(values) == len(rows)
    proxy.sort(column_of("name"), Qt.SortOrder.DescendingOrder)
    assert [proxy.index(r, 0).data() for r in range(3)] == sorted((r.name for r in rows), reverse=True)[:3]
    proxy.sort(-1)
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == [r.name for r in rows]
    qtmodeltester.check(proxy, force_py=True)


def test_the_selected_township_stays_selected_when_sorting(window):
    panel = window.ledger_panel
    chosen = panel.model.summary_at(2)
    panel.select_township(chosen.id)
    for column in (column_of("pressure", "institutional"), column_of("name"), column_of("staff", "support")):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            panel.view.sortByColumn(column, order)
            assert panel.current_township_id() == chosen.id
            assert window.detail_view.township_id == chosen.id


def test_filter_and_totals_follow_each_other(window):
    panel = window.ledger_panel
    county = load_county(window.db.new_session())
    rows = panel.model.all_rows()
    approved = column_of("approved", "administrative")
    assert panel.totals.index(0, approved).data() == str(sum(t.quota("administrative").approved
                                                            for t in county.townships))
    panel.status_box.setCurrentIndex(panel.status_box.findData("shortage"))
    shown = [panel.proxy.index(r, 0).data() for r in range(panel.proxy.rowCount())]
    expected = [r.name for r in rows if any(r.kind(k).status == "shortage" for k in KINDS)]
    assert shown == expected and 0 < len(shown) < len(rows)
    assert panel.totals.township_count == len(expected)
    assert panel.totals.index(0, approved).data() == str(sum(r.kind("administrative").approved
                                                            for r in rows if r.name in expected))
    panel.kind_box.setCurrentIndex(panel.kind_box.findData("institutional"))
    assert panel.view.isColumnHidden(approved)
    assert not panel.view.isColumnHidden(column_of("approved", "institutional"))
    assert all(r.kind("institutional").status == "shortage"
               for r in rows if r.name in [panel.proxy.index(i, 0).data() for i in range(panel.proxy.rowCount())])
    panel.search.setText(rows[3].name[:2])
    assert all(rows[3].name[:2] in panel.proxy.index(i, 0).data() for i in range(panel.proxy.rowCount()))
    panel.search.clear()
    panel.status_box.setCurrentIndex(0)
    assert panel.proxy.rowCount() == len(rows) and panel.totals.township_count == len(rows)


def test_pressure_cells_are_coloured_and_explained():
    model = TownshipSummaryModel()
    model.set_rows([summary(1, 8, 10.0), summary(2, 10, 10.0), summary(3, 13, 10.0), summary(4, 5, 0.0)])
    column = column_of("pressure", "administrative")
    cells = [model.index(r, column) for r in range(4)]
    assert [c.data(Role.STATUS) for c in cells] == ["shortage", "balanced", "surplus", ""]
    assert cells[0].data(Qt.ItemDataRole.BackgroundRole).color() == SHORTAGE_COLOR
    assert cells[1].data(Qt.ItemDataRole.BackgroundRole) is None
    assert cells[2].data(Qt.ItemDataRole.BackgroundRole).color() == SURPLUS_COLOR
    assert [c.data() for c in cells] == ["0.80", "1.00", "1.30", "—"]
    assert "0.9" in model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "8" in cells[0].data(Qt.ItemDataRole.ToolTipRole)


def test_detail_shows_offices_duties_quota_and_people(window):
    panel, detail = window.ledger_panel, window.detail_view
    county = load_county(window.db.new_session())
    panel.select_township(panel.model.summary_at(4).id)
    township = county.townships[4]
    assert detail.detail.name == township.name
    assert [r.name for r in detail.office_model.rows()] == [o.name for o in township.offices]
    assert [(r.office, r.name, r.annual_volume, r.minutes_per_case) for r in detail.duty_model.rows()] == [
        (d.office, d.name, d.annual_volume, d.minutes_per_case) for d in township.duties]
    assert [(q.kind, q.approved, q.staff) for q in detail.quota_model.rows()] == [
        (k, township.quota(k).approved, township.quota(k).staff) for k in KINDS]
    assert sorted(p.name for p in detail.people_model.rows()) == sorted(p.name for p in township.people)
    hours = detail.duty_model.rows()[0]
    assert hours.hours == pytest.approx(hours.annual_volume * hours.minutes_per_case / 60 + hours.fixed_hours)
    assert township.name in detail.title.text()


# ---------------------------------------------------------------- editing

def test_editing_in_place_updates_row_totals_and_database(window):
    panel = window.ledger_panel
    name = panel.proxy.index(2, 0).data()
    staff = panel.proxy.index(2, column_of("staff", "administrative"))
    total_before = int(panel.totals.index(0, column_of("staff", "administrative")).data())
    old = int(staff.data())
    changed = []
    window.ledgerChanged.connect(lambda: changed.append(1))
    assert panel.proxy.setData(staff, str(old + 5), Qt.ItemDataRole.EditRole)
    assert staff.data() == str(old + 5)
    assert int(panel.totals.index(0, column_of("staff", "administrative")).data()) == total_before + 5
    assert load_county(window.db.new_session()).township(name).quota("administrative").staff == old + 5
    assert changed


@pytest.mark.parametrize("column, text, words", [
    (("staff", "administrative"), "-3", "实有人数"),
    (("approved", "institutional"), "abc", "核定编制"),
    (("name", None), "", "乡镇名称"),
])
def test_bad_values_typed_into_the_ledger_are_refused(window, chinese_ui, column, text, words):
    panel = window.ledger_panel
    before = load_county(window.db.new_session())
    index = panel.proxy.index(0, column_of(*column))
    assert not panel.proxy.setData(index, text, Qt.ItemDataRole.EditRole)
    assert words in window.last_error
    assert window.undo_stack.count() == 0 and not window.isWindowModified()
    assert load_county(window.db.new_session()) == before


def test_duplicate_township_name_is_refused(window, chinese_ui):
    panel = window.ledger_panel
    second = panel.proxy.index(1, 0).data()
    assert not panel.proxy.setData(panel.proxy.index(0, 0), second, Qt.ItemDataRole.EditRole)
    assert "已存在" in window.last_error


def test_editors_check_what_is_typed(window):
    view = window.ledger_panel.view
    delegate = view.itemDelegate()
    number = delegate.createEditor(view.viewport(), QStyleOptionViewItem(),
                                   window.ledger_panel.proxy.index(0, column_of("approved", "administrative")))
    # Bad text is kept as typed and explained (a validator swallowed it silently: "-3" became 3).
    for bad in ("-1", "abc", ""):
        number.setText(bad)
        assert number.problem(), bad
    number.setText("25")
    assert number.problem() == ""
    name_index = window.ledger_panel.proxy.index(0, column_of("name"))
    name_editor = delegate.createEditor(view.viewport(), QStyleOptionViewItem(), name_index)
    delegate.setEditorData(name_editor, name_index)
    assert name_editor.problem() == ""
    name_editor.setText(window.ledger_panel.proxy.index(1, 0).data())
    assert name_editor.problem() and name_editor.styleSheet()
    type_editor = delegate.createEditor(view.viewport(), QStyleOptionViewItem(),
                                        window.ledger_panel.proxy.index(0, column_of("type")))
    assert [type_editor.itemData(i) for i in range(type_editor.count())] == ["乡", "镇", "街道"]
    for editor in (number, name_editor, type_editor):
        editor.deleteLater()


def test_lock_check_box_and_add_remove_township(window, monkeypatch):
    panel = window.ledger_panel
    locked = panel.proxy.index(0, column_of("locked"))
    assert panel.proxy.setData(locked, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert locked.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    count = panel.model.rowCount()
    monkeypatch.setattr("ui.main_window.QInputDialog.getText", lambda *a, **k: ("新建乡", True))
    window.add_township()
    assert panel.model.rowCount() == count + 1 and window.detail_view.detail.name == "新建乡"
    monkeypatch.setattr("ui.main_window.QMessageBox.question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.remove_township()
    assert panel.model.rowCount() == count
    window.undo_stack.undo()
    assert "新建乡" in [r.name for r in panel.model.all_rows()]


# ---------------------------------------------------------------- window, extensions, settings, start-up

def test_window_offers_the_extension_points(window):
    for name in ("menu_file", "menu_edit", "menu_view", "menu_tools", "menu_help"):
        assert getattr(window, name).title()
    assert window.tabs.widget(0) is window.ledger_tab
    assert window.undo_stack is window.editor.stack
    window.status("你好")
    assert window.statusBar().currentMessage() == "你好"
    seen = []
    window.ledgerChanged.connect(lambda: seen.append(1))
    window.reload_ledger()
    assert seen == [1]
    assert "0.1.0" in window.about_text()


def test_every_feature_is_installed_with_the_workspace_handed_to_it(qtbot, ledger_db, fresh_settings):
    from ui import main_window

    source = Path(main_window.__file__).read_text(encoding="utf-8")
    assert "importlib" not in source and "getattr(" not in source and "singleShot" not in source
    w = main_window.MainWindow(ledger_db, fresh_settings)
    qtbot.addWidget(w)
    ws = w.workspace
    features = [w.solve_panel, w.print_actions, w.scenario_view, w.compare_view, w.excel_actions, w.safety,
                w.people_view, w.forecast_view, w.plan_view]
    assert all(feature.workspace is ws for feature in features)
    assert ws.db is ledger_db and ws.undo_stack is w.undo_stack and ws.editor is w.editor
    assert [w.tabs.tabText(i) for i in range(w.tabs.count())] == [
        "Ledger", "Proposal", "Scenarios", "Compare scenarios", "People and hiring", "Leavers forecast", "Plan"]
    # The proposal tab tells the workspace, and the print actions follow it.
    result = fabricated_result()
    w.solve_panel.results_view.result_changed.emit(result)
    assert ws.proposal is result and w.print_actions.result() is result
    # A database switch reaches every feature through the workspace.
    heard = []
    ws.databaseChanged.connect(heard.append)
    w.set_database(ledger_db)
    assert heard == [ledger_db] and w.db is ledger_db
    bare = main_window.MainWindow(ledger_db, fresh_settings, features=False)
    qtbot.addWidget(bare)
    assert bare.tabs.count() == 1 and not hasattr(bare, "solve_panel")


def test_settings_are_typed_with_defaults_and_a_version(fresh_settings):
    from ui.settings import SETTINGS_VERSION, Settings

    s = fresh_settings
    assert s.language == "zh_CN" and s.solver_time_limit == 3600 and s.recent_files == [] and s.last_database == ""
    assert s.version == SETTINGS_VERSION
    s.language = "en"
    s.solver_time_limit = 300
    for i in range(12):
        s.add_recent_file(f"/data/ledger{i}.sqlite")
    s.add_recent_file("/data/ledger3.sqlite")
    s.sync()
    again = Settings(QSettings(s.qsettings.fileName(), QSettings.Format.IniFormat))
    assert again.language == "en" and again.solver_time_limit == 300
    assert again.recent_files[0] == "/data/ledger3.sqlite" and len(again.recent_files) == 8
    assert len(set(again.recent_files)) == 8
    with pytest.raises(ValueError):
        s.language = "fr"
    with pytest.raises(ValueError):
        s.solver_time_limit = 0
    s.qsettings.setValue("solver/time_limit", "not a number")
    s.qsettings.setValue("ui/language", "klingon")
    assert s.solver_time_limit == 3600 and s.language == "zh_CN"  # damaged values fall back to defaults


def test_default_settings_live_in_the_test_folder_not_the_users(tmp_path_factory):
    from ui.settings import Settings

    location = Path(Settings().qsettings.fileName()).resolve()
    assert str(location).startswith(str(Path(tmp_path_factory.getbasetemp()).resolve()))


def test_window_remembers_geometry_and_database(qtbot, ledger_db, fresh_settings):
    from ui.main_window import MainWindow

    w = MainWindow(ledger_db, fresh_settings)
    qtbot.addWidget(w)
    w.resize(700, 500)
    w.show()
    qtbot.waitExposed(w)
    assert w.close()
    assert fresh_settings.last_database == str(ledger_db.path)
    assert fresh_settings.recent_files[0] == str(ledger_db.path)
    w2 = MainWindow(ledger_db, fresh_settings)
    qtbot.addWidget(w2)
    assert (w2.width(), w2.height()) == (700, 500)


def test_start_up_fills_a_new_database_with_the_demo_county(tmp_path, monkeypatch, qapp):
    from ui import app as app_module

    shown = []
    monkeypatch.setattr(QApplication, "exec", lambda *a: shown.extend(
        w for w in QApplication.topLevelWidgets() if type(w).__name__ == "MainWindow" and w.isVisible()) or 0)
    args = types.SimpleNamespace(db=str(tmp_path / "new.sqlite"), lang="en")
    assert app_module.run_gui(args) == 0
    assert len(shown) == 1
    window = shown[0]
    assert window.ledger_panel.model.rowCount() == 14  # the demo county
    window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
    window.close()
    window.deleteLater()


def test_start_up_shows_a_database_error_instead_of_a_traceback(tmp_path, monkeypatch, qapp):
    import sqlite3

    from ui import app as app_module

    path = tmp_path / "newer.sqlite"
    con = sqlite3.connect(path)
    con.execute("create table alembic_version (version_num varchar(32) primary key)")
    con.execute("insert into alembic_version values ('9999_from_the_future')")
    con.commit()
    con.close()
    messages = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a: messages.append(text))
    assert app_module.run_gui(types.SimpleNamespace(db=str(path), lang="en")) == 2
    assert len(messages) == 1 and "9999_from_the_future" in messages[0] and "newer version" in messages[0]
    con = sqlite3.connect(path)
    tables = [r[0] for r in con.execute("select name from sqlite_master where type = 'table'")]
    assert tables == ["alembic_version"]  # nothing created or upgraded
    assert con.execute("select version_num from alembic_version").fetchall() == [("9999_from_the_future",)]
    con.close()


def test_chinese_renders_with_a_cjk_font(qapp):
    from PySide6.QtGui import QFont, QFontMetrics

    from ui import fonts

    families = fonts.cjk_font_families()
    assert families, "no font able to show Chinese"
    if sys.platform.startswith("linux"):
        assert "Noto Sans CJK SC" in families  # Debian's fonts-noto-cjk, installed by the set-up
    metrics = QFontMetrics(QFont(families[0]))
    text = "编制统筹规划核定实有空编超编压力比乡镇街道合计撤销重做"
    assert all(metrics.inFontUcs4(ord(ch)) for ch in text)


def test_file_menu_opens_creates_and_remembers_databases(window, tmp_path, monkeypatch):
    from planner.store.db import open_database
    from ui import file_menu

    other = tmp_path / "other.sqlite"
    open_database(other).close()
    seen = []
    window.databaseChanged.connect(seen.append)
    monkeypatch.setattr(file_menu.QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    assert file_menu.open_database_file(window)
    assert window.db.path == other and seen == [window.db]
    assert window.ledger_panel.model.rowCount() == 0  # an empty ledger, shown as such
    assert window.settings.recent_files[0] == str(other) and window.settings.last_database == str(other)
    assert "other.sqlite" in window.windowTitle()

    warnings = []
    monkeypatch.setattr(file_menu.QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    monkeypatch.setattr(file_menu.QFileDialog, "getSaveFileName", lambda *a, **k: (str(other), ""))
    assert not file_menu.new_database(window)  # never over an existing ledger
    assert warnings and "other.sqlite" in warnings[0]
    fresh = tmp_path / "fresh.sqlite"
    monkeypatch.setattr(file_menu.QFileDialog, "getSaveFileName", lambda *a, **k: (str(fresh), ""))
    assert file_menu.new_database(window)
    assert window.db.path == fresh and fresh.exists()

    errors = []
    monkeypatch.setattr(file_menu.QMessageBox, "critical", lambda *a: errors.append(a[2]))
    monkeypatch.setattr(file_menu.QInputDialog, "getText",
                        lambda *a, **k: ("postgresql+psycopg://planner:secret@127.0.0.1:1/none", True))
    assert not file_menu.open_database_url(window)
    assert errors and window.db.path == fresh  # the open ledger stays


def test_server_urls_are_remembered_without_their_password():
    from types import SimpleNamespace

    from ui import file_menu

    db = SimpleNamespace(path=None, url="postgresql+psycopg://planner:secret@db.example/ledger")
    assert "secret" not in file_menu.remembered_location(db)
    assert file_menu.remembered_location(db) == "postgresql+psycopg://planner@db.example/ledger"
    assert "secret" not in file_menu.display_name(db)
