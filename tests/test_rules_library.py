"""The standing checks: what they flag, how they are stored, edited (undoably) and used as scenario bands."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack
from sqlalchemy import select

from planner.domain.county import CountyData, OfficeData, QuotaData, TownshipData
from planner.domain.rules import Range, RulesError, RulesLibrary, example_library, township_warnings
from planner.services.rules import ledger_warnings, load_rules, save_rules
from planner.store.ledger import load_county
from planner.store.models import AuditEntry
from tests.ledger_fixtures import fresh_settings, ledger_db  # noqa: F401  (fixtures)


def town(name="甲镇", category="二类", admin=(36, 30, 8), inst=(40, 38), offices=(("administrative", 8),)):
    t = TownshipData(name, category=category)
    t.quotas["administrative"] = QuotaData("administrative", admin[0], admin[1], admin[2])
    t.quotas["institutional"] = QuotaData("institutional", inst[0], inst[1])
    t.offices = [OfficeData(f"{kind}{i}", kind) for kind, n in offices for i in range(n)]
    return t


def test_each_rule_flags_only_what_is_outside_it():
    rules = RulesLibrary(bands={("二类", "administrative"): Range(None, 35), ("二类", "institutional"): Range(42, 50)},
                         leadership={"二类": Range(5, 7)}, offices={"administrative": 7})
    found = {(w.rule, w.kind): w for w in township_warnings(town(), rules)}
    assert set(found) == {("band", "administrative"), ("band", "institutional"), ("leadership", "administrative"),
                          ("offices", "administrative")}
    assert found[("band", "administrative")].zh == "行政编制核定 36 名，高于二类标准 ≤ 35"
    assert found[("band", "institutional")].zh == "事业编制核定 40 名，低于二类标准 42–50"
    assert found[("leadership", "administrative")].zh == "领导职数 8 名，超出标准 5–7"
    assert found[("offices", "administrative")].value == 8
    # Inside every rule: nothing; another category's rules do not apply.
    assert township_warnings(town(admin=(35, 30, 7), inst=(42, 40), offices=(("administrative", 7),)), rules) == []
    assert township_warnings(town(category="一类"), rules) == [w for w in township_warnings(town(category="一类"), rules)
                                                               if w.rule == "offices"]


def test_a_rule_that_makes_no_sense_is_refused_with_its_place():
    with pytest.raises(RulesError, match="下限 9 大于上限 7"):
        RulesLibrary(leadership={"一类": Range(9, 7)}).checked()
    with pytest.raises(RulesError):
        RulesLibrary(offices={"administrative": -1}).checked()


def test_the_library_is_stored_logged_and_warned_on(ledger_db):
    assert load_rules(ledger_db) == example_library()       # a new ledger starts from the examples
    county = load_county_of(ledger_db)
    expected = {t.name: [w.zh for w in township_warnings(t, example_library())] for t in county.townships}
    assert {n: [w.zh for w in ws] for n, ws in ledger_warnings(ledger_db).items()} == \
        {n: ws for n, ws in expected.items() if ws}
    mine = RulesLibrary(bands={("一类", "administrative"): Range(20, 30)}, leadership={"一类": Range(8, 13)})
    before = save_rules(ledger_db, mine, user="李股长")
    assert before == example_library() and load_rules(ledger_db) == mine
    with ledger_db.session() as s:
        entries = {(e.entity_key, e.old_value, e.new_value) for e in
                   s.scalars(select(AuditEntry).where(AuditEntry.action == "edit_rules"))}
    assert ("band/一类/administrative", "–40", "20–30") in entries
    assert ("offices/administrative", "–7", None) in entries
    assert ("leadership/一类", "5–7", "8–13") in entries


def load_county_of(db) -> CountyData:
    with db.session() as s:
        return load_county(s)


def test_editing_the_rules_undoes_and_redoes(ledger_db, qapp):
    from ui.rules_dialog import EditRulesCommand
    from ui.undo import UndoContext

    stack = QUndoStack()
    mine = RulesLibrary(offices={"institutional": 3})
    stack.push(EditRulesCommand(UndoContext(ledger_db), mine))
    assert load_rules(ledger_db) == mine
    stack.undo()
    assert load_rules(ledger_db) == example_library()
    stack.redo()
    assert load_rules(ledger_db) == mine
    flagged = ledger_warnings(ledger_db)
    county = load_county_of(ledger_db)
    assert set(flagged) == {t.name for t in county.townships
                            if sum(1 for o in t.offices if o.kind == "institutional") > 3}


def test_the_dialog_reads_back_what_it_shows_and_refuses_a_bad_cell(qtbot):
    from ui.rules_dialog import RulesDialog

    dialog = RulesDialog(example_library())
    qtbot.addWidget(dialog)
    assert dialog.library() == example_library()
    dialog.leaders.item(0, 0).setText("9")        # 一类 low 9 above high 7
    with pytest.raises(RulesError):
        dialog.library()
    dialog.leaders.item(0, 0).setText("x")
    with pytest.raises(RulesError, match="不是整数"):
        dialog.library()


def test_the_ledger_marks_a_township_outside_a_rule(ledger_db, qtbot, fresh_settings):
    from ui.i18n import current_language
    from ui.main_window import MainWindow

    window = MainWindow(ledger_db, fresh_settings)
    qtbot.addWidget(window)
    model = window.ledger_panel.model
    flagged = ledger_warnings(ledger_db)
    for row in range(model.rowCount()):
        name = model.summary_at(row).name
        index = model.index(row, 0)
        assert (index.data(1) is not None) == (name in flagged)           # DecorationRole: the marker
        if name in flagged:
            assert index.data(3).splitlines() == [w.text(current_language()) for w in flagged[name]]  # ToolTip


def test_a_scenario_takes_the_library_bands(ledger_db):
    from planner.scenarios.changes import LibraryBands, OptionsDraft

    county = load_county_of(ledger_db)
    change = LibraryBands.of(example_library())
    draft = OptionsDraft()
    change.apply_options(county, draft)
    for t in county.townships:
        for kind in ("administrative", "institutional"):
            band = example_library().band(t.category, kind)
            assert draft.bands[(t.name, kind)] == (band.low, band.high)
    assert "编制标准" in change.describe("zh")


def test_the_scenarios_tab_adds_the_library_bands_and_solves_within_them(qtbot, demo_db):
    from planner.scenarios import store
    from planner.solving.solve import solve_county
    from tests.test_ui_scenarios import FakeWindow
    from ui import tasks
    from ui.scenario_view import install

    mine = RulesLibrary(bands={(c, "institutional"): Range(20, 60) for c in ("一类", "二类", "三类")})
    save_rules(demo_db, mine)
    with tasks.synchronous(True):
        window = FakeWindow(demo_db)
        qtbot.addWidget(window)
        view = install(window.workspace, tabs=window.tabs)
        assert view.new_scenario("按标准")
        assert view.add_change("library_bands")
        with demo_db.session() as s:
            (change,) = store.get_scenario(s, "按标准").changes
            county, options = store.build_scenario_inputs(s, "按标准")
        assert change.bands == [[c, "institutional", 20, 60] for c in ("一类", "三类", "二类")]
        window.undo_stack.undo()
        with demo_db.session() as s:
            assert store.get_scenario(s, "按标准").changes == []
    result = solve_county(county, options, scenario="按标准")
    for line in result.lines_of("institutional"):
        assert (line.band_min, line.band_max) == (20, 60)
        assert 20 <= line.proposed <= 60
