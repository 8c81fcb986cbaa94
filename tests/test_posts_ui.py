"""The 岗位 tab in the window: the model passes Qt's checks, it speaks Chinese, edits go through the stack."""

from __future__ import annotations

import re

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QAbstractButton

from planner.store.reads import township_id_named
from ui.commands import LedgerEditor
from ui.cover_dialog import CoverDialog, RosterDialog
from ui.detail_view import TownshipDetailView
from planner.services import posts as service

ENGLISH = re.compile(r"[A-Za-z]{3,}")


def _view(qtbot, demo_db):
    editor = LedgerEditor(demo_db, QUndoStack())
    view = TownshipDetailView(editor)
    qtbot.addWidget(view)
    view.show_township(township_id_named(demo_db, "芦汀镇"))
    return view, editor


def test_the_posts_tab_in_chinese(qtbot, qtmodeltester, chinese_ui, demo_db):
    view, _ = _view(qtbot, demo_db)
    posts = view.posts_view
    qtmodeltester.check(posts.model)
    assert posts.model.rowCount() == len(posts.township.posts) > 0
    assert view.tabs.tabText(view.tabs.indexOf(posts)) == "岗位"
    shown = [b.text() for b in posts.findChildren(QAbstractButton)]
    shown += [posts.model.headerData(c, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal)
              for c in range(posts.model.columnCount())]
    shown += posts.gaps.toPlainText().splitlines()
    assert not [s for s in shown if ENGLISH.search(s or "")], shown
    assert "没有B岗" in posts.gaps.toPlainText()


def test_removing_a_post_in_the_tab_is_undone_by_the_stack(qtbot, chinese_ui, demo_db):
    view, editor = _view(qtbot, demo_db)
    posts = view.posts_view
    editor.changed.connect(lambda _ids: view.refresh())
    before = list(posts.township.posts)
    posts.table.selectRow(0)
    posts.remove_post()
    assert [p.name for p in posts.township.posts] == [p.name for p in before[1:]]
    editor.stack.undo()
    assert posts.township.posts == before


def test_cover_and_roster_dialogs_show_the_planner_answers(qtbot, chinese_ui, demo_db):
    township, county = service.township_with_posts(demo_db, "芦汀镇")
    holder = township.posts[0].holder
    dialog = CoverDialog(township, county.params)
    qtbot.addWidget(dialog)
    dialog.set_away([holder])
    text = dialog.report.toPlainText()
    assert f"{holder} 不在" in text and not ENGLISH.search(text)
    roster = service.roster_for(demo_db, "芦汀镇")
    shown = RosterDialog(township, roster)
    qtbot.addWidget(shown)
    assert "A岗变动" in shown.text.toPlainText()


def test_the_roster_button_runs_the_design_as_a_task_and_shows_it(qtbot, chinese_ui, demo_db, monkeypatch):
    from ui import tasks
    import ui.cover_dialog as dialogs

    shown = []
    monkeypatch.setattr(dialogs.RosterDialog, "exec", lambda self: shown.append(self.text.toPlainText()) or 0)
    view, _ = _view(qtbot, demo_db)
    with tasks.synchronous():
        view.posts_view.roster()
    assert shown and "A岗变动" in shown[0]
    assert view.posts_view.buttons["roster"].isEnabled()
