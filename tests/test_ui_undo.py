"""Undo and redo of ledger edits: the commands against a bare QUndoStack, then in the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from planner.domain.county import DutyData, TownshipData
from planner.store.ledger import load_county
from planner.store.models import Township
from ui import i18n
from tests.ledger_fixtures import fresh_settings, ledger_db  # noqa: F401  (fixtures)
from ui.commands import (
    AddDutyCommand, AddTownshipCommand, EditContext, RemoveDutyCommand, RemoveTownshipCommand,
    SetDutyFieldCommand, SetOfficeFieldCommand, SetQuotaFieldCommand, SetTownshipFieldCommand, discard_to_clean,
    push,
)


def county(db):
    with db.session() as s:
        return load_county(s)


@pytest.fixture
def bare(ledger_db, qapp):
    """A QUndoStack and an EditContext recording what the commands report; no widgets."""
    changed: list = []
    failed: list = []
    context = EditContext(ledger_db, changed=changed.append, failed=failed.append)
    stack = QUndoStack()
    yield stack, context, changed, failed
    stack.clear()


def test_quota_edit_undo_redo_round_trip(bare):
    stack, context, changed, _ = bare
    before = county(context.db)
    name = before.townships[0].name
    assert push(stack, context, SetQuotaFieldCommand(context, name, "administrative", "approved", 44))
    after = county(context.db)
    assert after.township(name).quota("administrative").approved == 44
    township_id = context.township_id(name)
    assert changed == [{township_id}]
    stack.undo()
    assert county(context.db) == before
    stack.redo()
    assert county(context.db) == after
    assert changed == [{township_id}] * 3


def test_every_kind_of_edit_undoes_to_the_exact_ledger(bare):
    stack, context, _, failed = bare
    before = county(context.db)
    t0, t1, t2 = (t.name for t in before.townships[:3])
    office = before.township(t1).offices[0].name
    duty = before.township(t1).duties[2]
    commands = [
        SetTownshipFieldCommand(context, t0, "name", "改名镇"),
        SetTownshipFieldCommand(context, "改名镇", "population", "55555"),
        SetTownshipFieldCommand(context, t1, "locked", True),
        SetQuotaFieldCommand(context, t1, "support", "approved", 9),
        # One fewer leadership post than the demo gives (a value it already has would change nothing).
        SetQuotaFieldCommand(context, t1, "administrative", "leadership",
                             before.township(t1).quota("administrative").leadership - 1),
        SetOfficeFieldCommand(context, t1, office, "name", "新办公室"),
        SetDutyFieldCommand(context, t1, duty.office if duty.office != office else "新办公室", duty.name,
                            "annual_volume", 777),
        AddDutyCommand(context, t1, DutyData("新办公室", "新事项", 10, 30, 0, True)),
        RemoveDutyCommand(context, t1, before.township(t1).duties[-1].office, before.township(t1).duties[-1].name),
        RemoveTownshipCommand(context, t2),
        AddTownshipCommand(context, TownshipData(name="新设街道", type="街道")),
    ]
    states = [before]
    for command in commands:
        assert push(stack, context, command), failed
        states.append(county(context.db))
    assert len({repr(s) for s in states}) == len(states)  # every step changed something
    for expected in reversed(states[:-1]):
        stack.undo()
        assert county(context.db) == expected
    for expected in states[1:]:
        stack.redo()
        assert county(context.db) == expected


def test_a_refused_edit_is_not_pushed_and_changes_nothing(bare):
    stack, context, changed, failed = bare
    before = county(context.db)
    name = before.townships[0].name
    other = before.townships[1].name
    for command in (SetQuotaFieldCommand(context, name, "institutional", "staff", -2),
                    SetQuotaFieldCommand(context, name, "institutional", "staff", "十二"),
                    SetTownshipFieldCommand(context, name, "name", other),
                    SetTownshipFieldCommand(context, "无此镇", "villages", 3)):
        assert not push(stack, context, command)
    assert stack.count() == 0 and changed == []
    assert [type(e).__name__ for e in failed] == ["EditError"] * 4
    assert "实有人数" in str(failed[0]) and "staff" in str(failed[0])
    assert county(context.db) == before


def test_discard_goes_back_to_the_save_point(bare):
    stack, context, _, _ = bare
    name = county(context.db).townships[0].name
    for value in (1, 2):
        push(stack, context, SetQuotaFieldCommand(context, name, "support", "staff", value))
    stack.setClean()
    saved = county(context.db)
    for value in (3, 4, 5):
        push(stack, context, SetQuotaFieldCommand(context, name, "support", "staff", value))
    assert not stack.isClean()
    assert discard_to_clean(stack)
    assert stack.isClean() and county(context.db) == saved
    # Undo past the save point, then a new edit: the save point can no longer be reached.
    stack.undo()
    push(stack, context, SetQuotaFieldCommand(context, name, "support", "staff", 9))
    assert stack.cleanIndex() == -1
    assert not discard_to_clean(stack)


# ---------------------------------------------------------------- in the window

@pytest.fixture
def window(qtbot, ledger_db, fresh_settings):
    from ui.main_window import MainWindow

    w = MainWindow(ledger_db, fresh_settings)
    # Closing at teardown must not wait for an answer in a modal box.
    w.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def approved_cell(window, row: int = 0):
    from ui.ledger_model import column_of

    return window.ledger_panel.proxy.index(row, column_of("approved", "institutional"))


def test_ctrl_z_and_ctrl_y_in_the_window(qtbot, window):
    before = county(window.db)
    index = approved_cell(window)
    name = index.siblingAtColumn(0).data()
    assert window.ledger_panel.proxy.setData(index, "77", Qt.ItemDataRole.EditRole)
    edited = county(window.db)
    assert edited.township(name).quota("institutional").approved == 77
    assert approved_cell(window).data() == "77"  # the row was re-read
    assert window.isWindowModified() and window.action_save.isEnabled()

    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert county(window.db) == before
    assert approved_cell(window).data() == str(before.township(name).quota("institutional").approved)
    assert not window.isWindowModified()
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert county(window.db) == edited
    assert window.isWindowModified()


def test_save_marks_clean_and_title_marker_follows(window):
    assert "[*]" in window.windowTitle()
    window.ledger_panel.proxy.setData(approved_cell(window), "70", Qt.ItemDataRole.EditRole)
    assert window.isWindowModified()
    window.save()
    assert not window.isWindowModified() and not window.action_save.isEnabled()
    assert window.undo_stack.canUndo()  # saving keeps the history


def test_closing_with_unsaved_edits_asks_first(qtbot, window, monkeypatch):
    before = county(window.db)
    window.ledger_panel.proxy.setData(approved_cell(window), "66", Qt.ItemDataRole.EditRole)
    asked = []
    answer = QMessageBox.StandardButton.Cancel
    monkeypatch.setattr(window, "ask_unsaved", lambda: asked.append(1) or answer)
    assert not window.close()
    assert window.isVisible() and asked == [1]
    answer = QMessageBox.StandardButton.Discard
    assert window.close()
    assert county(window.db) == before and asked == [1, 1]


def test_closing_after_save_does_not_ask(window, monkeypatch):
    window.ledger_panel.proxy.setData(approved_cell(window), "66", Qt.ItemDataRole.EditRole)
    window.save()
    monkeypatch.setattr(window, "ask_unsaved", lambda: pytest.fail("asked although saved"))
    assert window.close()


def test_detail_edits_are_undoable_and_rename_follows(qtbot, window):
    panel, detail = window.ledger_panel, window.detail_view
    first_id = panel.model.summary_at(0).id
    assert panel.select_township(first_id)
    assert detail.township_id == first_id
    before = county(window.db)
    old_name = detail.detail.name
    from ui.detail_models import INFO_FIELDS

    name_index = detail.info_model.index(INFO_FIELDS.index("name"), 1)
    assert detail.info_model.setData(name_index, "新名镇", Qt.ItemDataRole.EditRole)
    assert detail.detail.name == "新名镇"
    assert panel.model.summary_at(0).name == "新名镇"
    duty_index = detail.duty_model.index(0, [c.key for c in detail.duty_model.columns].index("fixed_hours"))
    assert detail.duty_model.setData(duty_index, "123.5", Qt.ItemDataRole.EditRole)
    assert detail.duty_model.rows()[0].fixed_hours == 123.5
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert detail.detail.name == old_name
    assert county(window.db) == before
    with window.db.session() as s:
        assert s.scalars(select(Township.id).where(Township.name == old_name)).first() == first_id


def test_parameter_edits_are_undoable_and_change_required_fte(qtbot, qtmodeltester, window, chinese_ui):
    from planner.store.ledger import PARAM_NAMES, load_params
    from ui.ledger_model import column_of

    window.show_parameters()
    dialog = window.parameters_dialog
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model, force_py=True)
    with window.db.session() as s:
        before = load_params(s)
    required = column_of("required_fte", "institutional")
    fte_before = float(window.ledger_panel.proxy.index(0, required).data())
    leave = dialog.model.index(PARAM_NAMES.index("annual_leave_days"), 1)
    assert dialog.model.setData(leave, "20", Qt.ItemDataRole.EditRole)
    with window.db.session() as s:
        assert load_params(s).annual_leave_days == 20
    assert leave.data() == "20"
    # Less available time per person: every township needs more people.
    assert float(window.ledger_panel.proxy.index(0, required).data()) > fte_before
    assert not dialog.model.setData(dialog.model.index(PARAM_NAMES.index("working_days"), 1), "2480",
                                    Qt.ItemDataRole.EditRole)
    assert "年工作日" in window.last_error
    window.undo_stack.undo()
    with window.db.session() as s:
        assert load_params(s) == before
    assert float(window.ledger_panel.proxy.index(0, required).data()) == fte_before
    assert leave.data() == "10"


def test_people_are_edited_in_place_and_undone(qtbot, window, chinese_ui):
    from datetime import date

    from PySide6.QtWidgets import QStyleOptionViewItem

    panel, detail = window.ledger_panel, window.detail_view
    panel.select_township(panel.model.summary_at(3).id)
    before = county(window.db)
    model = detail.people_model
    keys = [c.key for c in model.columns]
    township = before.township(detail.detail.name)
    office_index = model.index(4, keys.index("office"))
    editor = detail.people_view.itemDelegate().createEditor(
        detail.people_view.viewport(), QStyleOptionViewItem(), detail.people_view.model().mapFromSource(office_index))
    offices = [editor.itemData(i) for i in range(editor.count())]
    assert offices == [""] + [o.name for o in township.offices]  # only this township's offices, or none
    editor.deleteLater()
    assert model.setData(model.index(4, keys.index("name")), "李新", Qt.ItemDataRole.EditRole)
    assert model.setData(model.index(4, keys.index("quota_since")), "2021-07-15", Qt.ItemDataRole.EditRole)
    assert model.setData(office_index, "", Qt.ItemDataRole.EditRole)
    assert not model.setData(model.index(4, keys.index("quota_since")), "2021-13-45", Qt.ItemDataRole.EditRole)
    assert "入编日期" in window.last_error
    person = county(window.db).township(township.name).people[4]
    assert (person.name, person.quota_since, person.office) == ("李新", date(2021, 7, 15), None)
    assert model.rows()[4].name == "李新"
    for _ in range(3):
        window.undo_stack.undo()
    assert county(window.db) == before


def test_people_dates_sex_status_and_leader_are_edited_and_undone(qtbot, window):
    from PySide6.QtWidgets import QStyleOptionViewItem

    from planner.domain.months import Month
    from planner.domain.vocabulary import time_field_label

    panel, detail = window.ledger_panel, window.detail_view
    panel.select_township(panel.model.summary_at(2).id)
    before = county(window.db)
    model = detail.people_model
    keys = [c.key for c in model.columns]
    assert [model.headerData(keys.index(k), Qt.Orientation.Horizontal) for k in ("sex", "retirement_age")] == [
        time_field_label("sex", "en"), time_field_label("retirement_age", "en")]
    sex_index = model.index(1, keys.index("sex"))
    editor = detail.people_view.itemDelegate().createEditor(
        detail.people_view.viewport(), QStyleOptionViewItem(), detail.people_view.model().mapFromSource(sex_index))
    assert [editor.itemData(i) for i in range(editor.count())] == ["", "男", "女"]
    editor.deleteLater()
    assert model.setData(sex_index, "男", Qt.ItemDataRole.EditRole)
    assert model.setData(model.index(1, keys.index("status")), "干部", Qt.ItemDataRole.EditRole)
    assert model.setData(model.index(1, keys.index("birth_month")), "1965-01", Qt.ItemDataRole.EditRole)
    assert model.setData(model.index(1, keys.index("leader")), Qt.CheckState.Checked.value,
                         Qt.ItemDataRole.CheckStateRole)
    assert not model.setData(model.index(1, keys.index("birth_month")), "2099-01", Qt.ItemDataRole.EditRole)
    assert "birth month" in window.last_error  # the error's half in the window's language
    i18n.install_language("zh_CN")
    try:
        assert not model.setData(model.index(1, keys.index("birth_month")), "2099-01", Qt.ItemDataRole.EditRole)
        assert "出生年月" in window.last_error
    finally:
        i18n.install_language("en")
    person = county(window.db).township(detail.detail.name).people[1]
    assert (person.sex, person.birth_month, person.leader) == ("男", Month(1965, 1), True)
    # a man born January 1965 retires in February 2025 at 60 years and 1 month, and is overdue now
    assert model.index(1, keys.index("retirement_month")).data() == "2025-02"
    assert model.index(1, keys.index("retirement_age")).data() == "60 years 1 month"
    assert model.index(1, keys.index("retirement_month")).data(Qt.ItemDataRole.ToolTipRole)
    quota = detail.quota_model
    quota_keys = [c.key for c in quota.columns]
    assert quota.headerData(quota_keys.index("usable_vacancy"), Qt.Orientation.Horizontal) == "Usable vacancy"
    township = before.township(detail.detail.name)
    assert [int(quota.index(r, quota_keys.index("usable_vacancy")).data()) for r in range(quota.rowCount())] == [
        township.usable_vacancy(row.kind) for row in quota.rows()]
    while window.undo_stack.canUndo():
        window.undo_stack.undo()
    assert county(window.db) == before
