"""Posts in the ledger: the template round trip, import errors (nothing saved), undoable edits."""

from __future__ import annotations

import sqlite3

import openpyxl
import pytest
from PySide6.QtGui import QUndoStack

from planner.demo.county import generate_demo
from planner.domain.posts import PostData
from planner.excel.validate import read_workbook
from planner.excel.writer import write_workbook
from planner.services import posts as service
from planner.services.excel import import_workbook
from planner.store.db import open_database
from planner.store.ledger import load_county, replace_county
from tests.ledger_dump import ledger_dump
from ui.posts_view import AddPostCommand, EditPostCommand, RemovePostCommand, SetBackupOfficeCommand
from ui.undo import UndoContext, push


@pytest.fixture
def county():
    return generate_demo(3, 2)


@pytest.fixture
def db(tmp_path, county):
    database = open_database(tmp_path / "posts.sqlite")
    with database.session() as session:
        replace_county(session, county, source="test")
    yield database
    database.close()


def _posts_dump(db) -> str:
    conn = sqlite3.connect(f"file:{db.path}?mode=ro", uri=True)
    try:
        rows = [f"{t}|{r!r}" for t in ("post", "post_duty") for r in conn.execute(f"SELECT * FROM {t} ORDER BY id")]
        return ledger_dump(db) + "\n".join(rows)
    finally:
        conn.close()


def test_demo_posts_survive_the_database_and_the_workbook(tmp_path, db, county):
    assert all(t.posts for t in county.townships)
    assert any(o.backup_office for t in county.townships for o in t.offices)
    with db.session() as session:
        stored = load_county(session)
    assert [t.posts for t in stored.townships] == [t.posts for t in county.townships]
    assert [[o.backup_office for o in t.offices] for t in stored.townships] == \
        [[o.backup_office for o in t.offices] for t in county.townships]
    path = write_workbook(tmp_path / "ledger.xlsx", stored)
    result = read_workbook(path)
    assert result.ok, result.problems[:3]
    assert result.county == stored


def test_an_older_workbook_without_posts_imports_unchanged(tmp_path, county):
    path = write_workbook(tmp_path / "ledger.xlsx", county)
    wb = openpyxl.load_workbook(path)
    del wb["岗位"]
    ws = wb["内设机构"]
    ws.delete_cols(4)                     # no 备岗机构 column either
    wb.save(path)
    result = read_workbook(path)
    assert result.ok, result.problems[:3]
    assert all(not t.posts for t in result.county.townships)


def _bad(county, change):
    """A valid export of the county with one post row appended to 岗位 (or the offices sheet changed)."""
    t0, t1 = county.townships[0], county.townships[1]
    duty = t0.duties[0]
    row = [t0.name, duty.office, "新岗位", t0.people[-1].name, duty.name, None]
    return change(row, t0, t1)


CASES = {
    "unknown township": (lambda row, t0, t1: ["岗位", ["无名镇"] + row[1:]], "乡镇名称", "未知乡镇“无名镇”"),
    "unknown office": (lambda row, t0, t1: ["岗位", row[:1] + ["无此办公室"] + row[2:]], "机构名称", "未知机构“无此办公室”"),
    "unknown person": (lambda row, t0, t1: ["岗位", row[:3] + ["查无此人"] + row[4:]], "姓名", "未知人员“查无此人”"),
    "person of another township": (lambda row, t0, t1: ["岗位", row[:3] + [_only_in(t1, t0)] + row[4:]],
                                   "姓名", "一人不能在两个乡镇任岗"),
    "unknown duty": (lambda row, t0, t1: ["岗位", row[:4] + ["不存在的事项、" + row[4]] + row[5:]],
                     "A岗事项", "未知事项“不存在的事项”"),
    "A and B in one post": (lambda row, t0, t1: ["岗位", row[:5] + [row[4]]], "B岗事项", "既是A岗又是B岗"),
    "duplicate post": (lambda row, t0, t1: ["岗位", row[:2] + [t0.posts[0].name] + row[3:]] if
                       t0.posts[0].office == row[1] else ["岗位", [row[0], t0.posts[0].office, t0.posts[0].name]
                                                          + row[3:]], "岗位名称", "重复"),
    "unknown backup office": (lambda row, t0, t1: ["内设机构", "无此机构"], "备岗机构", "未知备岗机构“无此机构”"),
}


def _only_in(t1, t0) -> str:
    mine = {p.name for p in t0.people}
    return next(p.name for p in t1.people if p.name not in mine)


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_post_rows_are_refused_naming_sheet_row_and_column(tmp_path, db, county, case):
    change, column, words = CASES[case]
    sheet, values = _bad(county, change)
    path = write_workbook(tmp_path / "bad.xlsx", county)
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    if sheet == "内设机构":
        ws.cell(2, 4).value = values
        row_number = 2
    else:
        ws.append(values)
        row_number = ws.max_row
    wb.save(path)
    before = _posts_dump(db)
    outcome = import_workbook(db, path)
    assert not outcome.applied
    problems = [p for p in outcome.result.problems if p.sheet == sheet]
    assert problems, outcome.result.problems[:3]
    assert any(p.row == row_number and p.column == column and words in p.message_zh for p in problems), \
        [(p.row, p.column, p.message_zh) for p in problems]
    assert _posts_dump(db) == before


def test_post_edits_undo_and_redo(qapp, db, county):
    t = county.townships[0]
    stack = QUndoStack()
    context = UndoContext(db)
    start, _ = service.township_with_posts(db, t.name)
    duty, other = t.duties[0], t.duties[1]
    new = PostData(duty.office, "试点岗", t.people[-1].name, [(duty.office, duty.name)], [(other.office, other.name)])
    office = t.offices[0].name
    backup = t.offices[1].name if t.offices[0].backup_office != t.offices[1].name else t.offices[2].name
    steps = [AddPostCommand(context, t.name, new),
             EditPostCommand(context, t.name, new.office, new.name,
                             PostData(new.office, "试点岗二", None, [(other.office, other.name)], [])),
             RemovePostCommand(context, t.name, start.posts[0].office, start.posts[0].name),
             SetBackupOfficeCommand(context, t.name, office, backup)]
    for step in steps:
        assert push(stack, context, step), context.errors
    after, _ = service.township_with_posts(db, t.name)
    names = [p.name for p in after.posts]
    assert "试点岗二" in names and "试点岗" not in names and start.posts[0].name not in names
    assert after.offices[0].backup_office == backup
    for _ in steps:
        stack.undo()
    undone, _ = service.township_with_posts(db, t.name)
    assert undone.posts == start.posts and undone.offices == start.offices
    for _ in steps:
        stack.redo()
    redone, _ = service.township_with_posts(db, t.name)
    assert redone.posts == after.posts and redone.offices == after.offices
    assert not context.errors


def test_an_edit_naming_someone_not_on_file_is_refused_and_changes_nothing(qapp, db, county):
    t = county.townships[0]
    stack, context = QUndoStack(), UndoContext(db)
    before = _posts_dump(db)
    bad = PostData(t.offices[0].name, "新岗", "查无此人", [], [])
    assert not push(stack, context, AddPostCommand(context, t.name, bad))
    assert "查无此人" in context.errors[0].message("zh")
    assert _posts_dump(db) == before and stack.count() == 0


def test_a_removed_township_comes_back_with_its_posts(db, county):
    from planner.services import editing

    name = county.townships[1].name
    before, _ = service.township_with_posts(db, name)
    assert before.posts and any(o.backup_office for o in before.offices)
    with db.session() as session:
        snapshot = editing.remove_township(session, name)
    with db.session() as session:
        editing.restore_township(session, snapshot)
    after, _ = service.township_with_posts(db, name)
    assert after.posts == before.posts and after.offices == before.offices


def test_a_removed_duty_comes_back_on_its_posts(db, county):
    from planner.services import editing

    t = county.townships[0]
    before, _ = service.township_with_posts(db, t.name)
    ref = next(ref for p in before.posts for ref in p.a_duties)
    with db.session() as session:
        snapshot = editing.remove_duty(session, t.name, *ref)
    gone, _ = service.township_with_posts(db, t.name)
    assert not any(ref in p.a_duties + p.b_duties for p in gone.posts)
    with db.session() as session:
        editing.restore_duty(session, snapshot)
    after, _ = service.township_with_posts(db, t.name)
    assert after.posts == before.posts
