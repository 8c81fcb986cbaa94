"""People, hiring plans and pool loans in the window: added, changed and removed through forms
whose fields are checked as typed, undoable, with bad values refused at their field and the
ledger left exactly as it was."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from planner.domain.county import PersonData
from planner.domain.months import Month
from planner.domain.edit_rules import EditError
from planner.services import editing, time_editing
from planner.store.ledger import load_county
from tests.ledger_fixtures import fresh_settings, ledger_db  # noqa: F401  (fixtures)
from tests.test_ui_one_language import english_words, widget_strings
from ui import people_view


def county(db):
    with db.session() as s:
        return load_county(s)


@pytest.fixture
def tab(qtbot, ledger_db, fresh_settings):
    from ui.main_window import MainWindow

    window = MainWindow(ledger_db, fresh_settings, features=False)
    window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
    qtbot.addWidget(window)
    tab = people_view.install(window.workspace, window.tabs)
    tab.confirm = lambda question: True
    window.resize(1366, 768)
    window.show()
    window.tabs.setCurrentWidget(tab)
    tab.window_ = window
    yield tab
    window.undo_stack.clear()


def fill(tab, values: dict[str, str]):
    """Make the next form take `values`, press OK, and hand back the form (still open when refused)."""
    seen = {}

    def run(dialog):
        for name, value in values.items():
            dialog.set_value(name, value)
        seen["dialog"] = dialog
        return dialog.try_accept()

    tab.open_dialog = run
    return seen


def visible_errors(dialog) -> dict[str, str]:
    return {name: label.text() for name, label in dialog.errors.items() if not label.isHidden()}


def select_row(view, model, match) -> None:
    for r in range(view.model().rowCount()):
        if match(model.row(view.model().mapToSource(view.model().index(r, 0)).row())):
            view.setCurrentIndex(view.model().index(r, 0))
            return
    raise AssertionError("no such row")


def test_a_person_is_added_with_checked_fields_and_undo_redo_restores_the_ledger(tab, ledger_db):
    before = county(ledger_db)
    first = before.townships[0]
    stack = tab.window_.undo_stack
    seen = fill(tab, {"township": first.name, "name": "新同志", "kind": "institutional", "sex": "女",
                      "birth_month": "1998-04", "status": "干部", "planned_leave": "2030-02"})
    assert tab.add_person()
    after = county(ledger_db)
    added = after.township(first.name).people[-1]
    assert (added.name, added.kind, added.sex, str(added.birth_month), str(added.planned_leave)) == \
        ("新同志", "institutional", "女", "1998-04", "2030-02")
    assert len(tab.people_model.rows()) == sum(len(t.people) for t in after.townships)
    assert not visible_errors(seen["dialog"])
    stack.undo()
    assert county(ledger_db) == before
    stack.redo()
    assert county(ledger_db) == after


@pytest.mark.parametrize("field, value, words", [
    ("birth_month", "2020-01", "16"),          # too young
    ("birth_month", f"{Month.today().year - 80}-01", "70"),   # too old
    ("birth_month", "2099-01", "晚于今天"),      # in the future
    ("birth_month", "一九七五", "年月"),          # not a month
    ("planned_leave", "2027-13", "年月"),        # no 13th month
    ("name", "", "不能为空"),
])
def test_a_bad_field_is_refused_at_the_field_and_nothing_is_saved(tab, ledger_db, chinese_ui, field, value, words):
    before = county(ledger_db)
    values = {"name": "某人", "kind": "administrative", "sex": "男", "birth_month": "1980-01", field: value}
    seen = fill(tab, values)
    assert not tab.add_person()
    errors = visible_errors(seen["dialog"])
    assert list(errors) == [field] and words in errors[field]
    assert not seen["dialog"].buttons.button(seen["dialog"].buttons.StandardButton.Ok).isEnabled()
    assert county(ledger_db) == before
    assert tab.window_.undo_stack.count() == 0


def test_the_service_refuses_sex_and_status_outside_their_words(ledger_db):
    before = county(ledger_db)
    township = before.townships[0].name
    for field_name, value in (("sex", "未知"), ("status", "临时工")):
        person = PersonData("某人", "administrative", birth_month=Month(1980, 1))
        setattr(person, field_name, value)
        with pytest.raises(EditError) as refused:
            with ledger_db.session() as s:
                time_editing.add_person(s, township, person)
        assert refused.value.field_name == field_name
    assert county(ledger_db) == before


def test_a_person_is_changed_in_one_step_and_removed_and_both_undo_exactly(tab, ledger_db):
    before = county(ledger_db)
    stack = tab.window_.undo_stack
    target = before.townships[1]
    person = target.people[2]
    select_row(tab.people_view, tab.people_model, lambda r: r.township == target.name and r.ordinal == 2)
    fill(tab, {"name": person.name + "（改）", "status": "工人", "planned_leave": "2029-06"})
    assert tab.edit_person()
    changed = county(ledger_db).township(target.name).people[2]
    assert (changed.name, changed.status, str(changed.planned_leave)) == (person.name + "（改）", "工人", "2029-06")
    assert stack.count() == 1
    stack.undo()
    assert county(ledger_db) == before
    select_row(tab.people_view, tab.people_model, lambda r: r.township == target.name and r.ordinal == 2)
    assert tab.remove_person()
    assert len(county(ledger_db).township(target.name).people) == len(target.people) - 1
    stack.undo()
    assert county(ledger_db) == before   # back at its own place in the list
    stack.redo()
    stack.undo()
    assert county(ledger_db) == before


def test_retirement_month_and_age_are_shown_and_overdue_ones_marked(tab, ledger_db, chinese_ui):
    township = county(ledger_db).townships[0].name
    with ledger_db.session() as s:
        time_editing.add_person(s, township, PersonData("老同志", "administrative", sex="男",
                                                        birth_month=Month.today().plus(-12 * 65)))
    tab.window_.reload_ledger()
    tab.refresh()
    row = next(i for i, r in enumerate(tab.people_model.rows()) if r.person.name == "老同志")
    column = tab.people_model.COLUMNS.index("retirement_month")
    index = tab.people_model.index(row, column)
    assert index.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert "已超过法定退休年月" in index.data(Qt.ItemDataRole.ToolTipRole)
    age = tab.people_model.index(row, tab.people_model.COLUMNS.index("retirement_age")).data()
    assert age.startswith("60岁")
    assert "已超过法定退休年月" in tab.roster_warning.text() or "退休" in tab.roster_warning.text()


def test_staff_and_people_on_file_that_differ_are_warned_about(tab, ledger_db, chinese_ui):
    tab.refresh()
    assert "不一致" not in tab.roster_warning.text()
    first = county(ledger_db).townships[0]
    with ledger_db.session() as s:
        editing.set_quota_field(s, first.name, "administrative", "staff",
                                first.quota("administrative").staff + 2)
    tab.window_.reload_ledger()
    assert first.name in tab.roster_warning.text() and "不一致" in tab.roster_warning.text()


def test_hiring_plans_are_checked_against_the_vacancy_and_undo(tab, ledger_db, chinese_ui):
    before = county(ledger_db)
    stack = tab.window_.undo_stack
    t = next(t for t in before.townships if t.usable_vacancy("institutional") >= 1)
    usable = t.usable_vacancy("institutional")
    year = str(Month.today().year + 2)
    seen = fill(tab, {"township": t.name, "kind": "institutional", "year": year, "planned": str(usable + 1),
                      "hired": "0"})
    assert not tab.add_hiring()
    assert "planned" in visible_errors(seen["dialog"]) and "空编" in visible_errors(seen["dialog"])["planned"]
    assert county(ledger_db) == before
    seen = fill(tab, {"township": t.name, "kind": "institutional", "year": year, "planned": "1", "hired": "2"})
    assert not tab.add_hiring() and "hired" in visible_errors(seen["dialog"])
    fill(tab, {"township": t.name, "kind": "institutional", "year": year, "planned": "1", "hired": "0"})
    assert tab.add_hiring()
    after = county(ledger_db)
    assert after.township(t.name).usable_vacancy("institutional") == usable - 1
    row = next(r for r in tab.hiring_model.rows() if r.township.name == t.name and r.plan.year == int(year))
    r = tab.hiring_model.rows().index(row)
    assert tab.hiring_model.index(r, tab.hiring_model.COLUMNS.index("usable_vacancy")).data() == str(usable - 1)
    assert "可用编制" in [tab.hiring_model.headerData(c, Qt.Orientation.Horizontal) for c in range(tab.hiring_model.columnCount())]
    select_row(tab.hiring_view, tab.hiring_model, lambda r: r.township.name == t.name and r.plan.year == int(year))
    assert tab.remove_hiring()
    assert county(ledger_db) == before
    stack.undo()
    assert county(ledger_db) == after
    stack.undo()
    assert county(ledger_db) == before


def test_pool_loans_are_checked_for_term_and_returns_and_undo(tab, ledger_db, chinese_ui):
    before = county(ledger_db)
    stack = tab.window_.undo_stack
    name = before.townships[2].name
    seen = fill(tab, {"township": name, "kind": "institutional", "slots": "2", "start": "2026-01",
                      "due": "2030-01", "returned": "0"})
    assert not tab.add_loan()
    assert "due" in visible_errors(seen["dialog"]) and "周转期限" in visible_errors(seen["dialog"])["due"]
    seen = fill(tab, {"township": name, "kind": "institutional", "slots": "2", "start": "2026-01",
                      "due": "2028-01", "returned": "3"})
    assert not tab.add_loan()
    assert "returned" in visible_errors(seen["dialog"])
    assert county(ledger_db) == before
    fill(tab, {"township": name, "kind": "institutional", "slots": "2", "start": "2026-01", "due": "2028-01",
               "returned": "0"})
    assert tab.add_loan()
    added = county(ledger_db)
    assert added.township(name).pool_slots("institutional") == before.township(name).pool_slots("institutional") + 2
    select_row(tab.loan_view, tab.loan_model, lambda r: r.township == name and r.loan.due == Month(2028, 1))
    fill(tab, {"returned": "1"})
    assert tab.edit_loan()
    assert county(ledger_db).township(name).pool_slots("institutional") == \
        before.township(name).pool_slots("institutional") + 1
    stack.undo()
    assert county(ledger_db) == added
    stack.undo()
    assert county(ledger_db) == before
    stack.redo()
    assert county(ledger_db) == added


def test_the_tab_fits_the_screen_and_speaks_chinese(tab, chinese_ui, qapp):
    tab.refresh()
    window = tab.window_
    assert window.width() <= 1366 and window.height() <= 768
    strings = []
    for i in range(tab.tabs.count()):
        tab.tabs.setCurrentIndex(i)
        strings += widget_strings(tab)
    assert english_words(strings) == []
    assert "人员名册" in " ".join(strings) or "在册人员" in " ".join(strings)
    assert window.tabs.tabText(window.tabs.indexOf(tab)) == "人员与用编"


def test_the_time_ledger_read_holds_what_the_full_ledger_holds_of_time(ledger_db):
    """The views read townships, quota, offices, people, hiring plans, loans and parameters without the
    duties; what they read is what load_county reads, and the forecast of either is the same."""
    from planner.domain.forecast import forecast

    full, light = county(ledger_db), time_editing.time_ledger(ledger_db)
    assert (full.name, full.time) == (light.name, light.time)
    keys = ("name", "quotas", "offices", "people", "hiring", "pool_loans", "locked")
    assert [[getattr(t, k) for k in keys] for t in full.townships] == \
        [[getattr(t, k) for k in keys] for t in light.townships]
    assert any(t.people for t in light.townships) and any(t.pool_loans for t in light.townships)
    as_of = Month(2026, 11)
    assert forecast(full, as_of, 5) == forecast(light, as_of, 5)
