"""Edits checked as typed: every bad value refused with a message, at the cell and in the window,
the ledger unchanged; a row is never renamed by typing on it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView

from planner.store.ledger import load_county
from tests.ledger_fixtures import fresh_settings, ledger_db  # noqa: F401  (fixtures)
from ui import i18n
from ui.delegates import NumberEdit
from ui.ledger_model import column_of


def county(db):
    with db.session() as s:
        return load_county(s)


@pytest.fixture
def window(ledger_db, fresh_settings, qtbot, qapp):
    from ui.main_window import MainWindow

    i18n.install_language("zh_CN", qapp)
    w = MainWindow(ledger_db, fresh_settings, features=False)
    w.confirm_leave = lambda: True  # closing never asks: every edit is in the database already
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.undo_stack.clear()
    i18n.install_language("en", qapp)


def cell(window, row: int, key: str, kind: str | None = None):
    proxy = window.ledger_panel.proxy
    return proxy.index(row, column_of(key, kind))


def editor_for(window, index):
    """The editor the table opens on the cell (F2), with the cell's value in it."""
    view = window.ledger_panel.view
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.indexWidget(index) or view.focusWidget()
    assert view.state() == QAbstractItemView.State.EditingState
    return view, editor


@pytest.mark.parametrize("typed, reason", [
    ("-3", "不能为负数"), ("abc", "应为数字"), ("", "不能为空"), ("2.5", "整数"),
])
def test_a_bad_number_is_shown_red_with_the_reason_and_refused_when_committed(window, qtbot, typed, reason):
    before = county(window.db)
    index = cell(window, 0, "approved", "administrative")
    view, editor = editor_for(window, index)
    assert isinstance(editor, NumberEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, typed) if typed else editor.clear()
    editor.textEdited.emit(editor.text())
    assert editor.text() == typed  # nothing typed is swallowed ("-3" stays "-3", not 3)
    assert reason in editor.problem() and reason in editor.toolTip()
    assert "background" in editor.styleSheet()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)  # closed: never stuck
    assert reason in window.last_error
    assert county(window.db) == before and window.undo_stack.count() == 0


def test_leadership_above_the_approved_quota_is_refused(window):
    before = county(window.db)
    township = before.townships[0]
    approved = township.quota("administrative").approved
    model = window.ledger_panel.proxy
    assert not model.setData(cell(window, 0, "leadership", "administrative"), str(approved + 6))
    assert "领导职数" in window.last_error and "超过核定行政编制" in window.last_error
    # nor may the approved quota drop below the leadership posts
    leadership = township.quota("administrative").leadership
    assert leadership > 0
    assert not model.setData(cell(window, 0, "approved", "administrative"), str(leadership - 1))
    assert county(window.db) == before
    assert model.setData(cell(window, 0, "leadership", "administrative"), str(approved))  # at the quota: fine


def test_typing_on_a_selected_row_never_renames_it(window, qtbot):
    before = county(window.db)
    name = before.townships[0].name
    view = window.ledger_panel.view
    view.setCurrentIndex(cell(window, 0, "name"))
    view.setFocus()
    qtbot.keyClicks(view, "2400")
    assert view.state() != QAbstractItemView.State.EditingState
    assert county(window.db) == before
    assert "F2" in view.last_hint
    # F2 still renames on purpose
    # (in the frozen name column, which stays in sight when the table is scrolled right)
    view.edit(cell(window, 0, "name"))
    assert view.frozen.state() == QAbstractItemView.State.EditingState
    editor = view.frozen.focusWidget()
    editor.setText(name + "新")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.frozen.state() != QAbstractItemView.State.EditingState)
    assert county(window.db).townships[0].name == name + "新"


def test_typing_a_digit_on_a_number_cell_starts_its_editor(window, qtbot):
    view = window.ledger_panel.view
    index = cell(window, 1, "staff", "administrative")
    view.setCurrentIndex(index)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_7)
    assert view.state() == QAbstractItemView.State.EditingState
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)
    assert county(window.db).townships[1].quota("administrative").staff == 7


def test_staff_that_disagrees_with_the_people_on_file_is_warned(window):
    township = county(window.db).townships[0]
    on_file = sum(1 for p in township.people if p.kind == "administrative")
    assert on_file > 0
    model = window.ledger_panel.proxy
    assert model.setData(cell(window, 0, "staff", "administrative"), str(on_file + 5))  # the edit stands
    message = window.statusBar().currentMessage()
    assert "人员名册" in message and str(on_file) in message and str(on_file + 5) in message
    warnings: list[str] = []
    window.editor.warned.connect(warnings.append)
    assert model.setData(cell(window, 0, "staff", "administrative"), str(on_file))
    assert warnings == []  # staff and people on file agree again
