"""The audit log records every kind of ledger change, once, with old → new, and can be read back."""

from __future__ import annotations

import csv
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from safety_helpers import solved_proposal, write_ledger
from planner.store.audit import (
    CSV_HEADER, audit_context, audit_entries, audit_users, export_audit_csv, os_user, record,
)
from planner.store.db import open_database
from planner.demo.county import generate_demo
from planner.store.ledger import replace_county
from planner.store.models import AuditEntry, County, Duty, Office, Quota, Township


@pytest.fixture
def ledger(db_path):
    db = open_database(db_path)
    write_ledger(db, 5, 3)
    yield db
    db.close()


def _entries(db, **filters):
    with db.session() as s:
        return audit_entries(s, **filters)


def _count(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(AuditEntry))


def _first_quota(s) -> tuple[Quota, str]:
    q = s.scalars(select(Quota).where(Quota.kind == "administrative").order_by(Quota.id)).first()
    return q, s.get(Township, q.township_id).name


def test_an_edit_through_the_orm_logs_each_changed_field(ledger):
    start = _count(ledger)
    with ledger.session() as s:
        q, township = _first_quota(s)
        old_approved, old_staff = q.approved, q.staff
        q.approved = old_approved + 2
        q.staff = old_staff - 1
        q.leadership = q.leadership  # unchanged: no entry
    entries = _entries(ledger)[: _count(ledger) - start]
    assert {(e.field, e.old_value, e.new_value) for e in entries} == {
        ("approved", str(old_approved), str(old_approved + 2)), ("staff", str(old_staff), str(old_staff - 1))}
    for e in entries:
        assert e.action == "ledger_edit" and e.entity == "quota"
        assert e.entity_key == f"{township}/administrative"
        assert e.user == os_user()
        assert abs(e.at - datetime.now()) < timedelta(minutes=1)


def test_township_rename_and_county_parameters_are_logged(ledger):
    with ledger.session() as s:
        t = s.scalars(select(Township).order_by(Township.id)).first()
        old_name = t.name
        t.name = "新名镇"
        s.scalars(select(County)).first().backup_load_factor = 0.2
    entries = _entries(ledger, action="ledger_edit")
    rename = [e for e in entries if e.entity == "township"][0]
    assert (rename.entity_key, rename.field, rename.old_value, rename.new_value) == \
        (old_name, "name", old_name, "新名镇")
    param = [e for e in entries if e.entity == "county"][0]
    assert (param.field, param.old_value, param.new_value) == ("backup_load_factor", "0.15", "0.2")


def test_a_rolled_back_change_leaves_no_entry(ledger):
    start = _count(ledger)
    with pytest.raises(RuntimeError):
        with ledger.session() as s:
            q, _ = _first_quota(s)
            q.approved += 5
            s.flush()
            raise RuntimeError("the user cancelled")
    assert _count(ledger) == start


def test_ledger_edit_services_are_logged_once(ledger):
    from planner.store import ledger_edit

    with ledger.session() as s:
        q, township = _first_quota(s)
        old = q.approved
    start = _count(ledger)
    with ledger.session() as s:
        ledger_edit.set_quota_field(s, township, "administrative", "approved", old + 3)
    entries = _entries(ledger)[: _count(ledger) - start]
    assert len(entries) == 1
    assert (entries[0].entity_key, entries[0].old_value, entries[0].new_value) == \
        (f"{township}/administrative", str(old), str(old + 3))

    start = _count(ledger)
    with ledger.session() as s:
        snapshot = ledger_edit.remove_township(s, township)
    removed = _entries(ledger)[: _count(ledger) - start]
    # one entry for the township, not one per quota line, office and duty it held
    assert [(e.action, e.entity, e.entity_key) for e in removed] == [("ledger_remove", "township", township)]
    assert snapshot.data.duties


def test_rows_added_and_removed_through_the_orm(ledger):
    with ledger.session() as s:
        office = s.scalars(select(Office).order_by(Office.id)).first()
        township = s.get(Township, office.township_id).name
        s.add(Duty(office_id=office.id, name="新增事项", annual_volume=12, minutes_per_case=30, fixed_hours=0))
        office_name = office.name
    with ledger.session() as s:
        s.delete(s.scalars(select(Duty).where(Duty.name == "新增事项")).one())
    added = _entries(ledger, action="ledger_add")[0]
    removed = _entries(ledger, action="ledger_remove")[0]
    key = f"{township}/{office_name}/新增事项"
    assert added.entity == removed.entity == "duty"
    assert added.entity_key == removed.entity_key == key
    assert "annual_volume=12" in added.new_value and added.old_value is None
    assert "minutes_per_case=30" in removed.old_value and removed.new_value is None


def test_an_import_is_one_summary_entry_with_counts_before_and_after(ledger):
    start = _count(ledger)
    with ledger.session() as s:
        replace_county(s, generate_demo(3, 7), source="县台账2025.xlsx")
    new = _entries(ledger)[: _count(ledger) - start]
    summary = [e for e in new if e.field == "县台账2025.xlsx"]
    assert len(summary) == 1
    assert summary[0].action == "import" and summary[0].entity == "county"
    assert summary[0].old_value.startswith("乡镇 5，") and summary[0].new_value.startswith("乡镇 3，")
    # everything the import touched row by row (the county's parameters) is filed under it
    assert {e.action for e in new} == {"import"}
    assert len(new) < 20  # not one entry per row of the new ledger


def test_a_proposal_applied_is_logged_per_changed_quota(ledger):
    from planner.services.apply import apply_proposal, proposal_changes

    with ledger.session() as s:
        result = solved_proposal(s)
    changes = proposal_changes(result)
    assert changes  # the demo ledger gives the solver something to move
    start = _count(ledger)
    with ledger.session() as s:
        apply_proposal(s, result, user="王科长")
    new = _entries(ledger)[: _count(ledger) - start]
    assert sorted((e.action, e.entity_key, e.old_value, e.new_value, e.user) for e in new) == sorted(
        ("apply_proposal", f"{c.township}/{c.kind}", str(c.before), str(c.after), "王科长") for c in changes)


def test_audit_context_files_changes_under_an_action_and_user(ledger):
    with ledger.session() as s:
        with audit_context(s, "apply_proposal", user="李四"):
            q, township = _first_quota(s)
            q.approved += 1
            s.flush()
        q.staff += 1  # after the context: back to the defaults
    entries = _entries(ledger)[:2]
    by_field = {e.field: e for e in entries}
    assert (by_field["approved"].action, by_field["approved"].user) == ("apply_proposal", "李四")
    assert (by_field["staff"].action, by_field["staff"].user) == ("ledger_edit", os_user())


def test_filters_and_csv_export(ledger, tmp_path):
    with ledger.session() as s:
        q, township = _first_quota(s)
        q.approved += 1
    with ledger.session() as s:
        record(s, "restore", "database", "ledger.sqlite", "backup", "a.sqlite", "b.sqlite", user="张三")
    assert {e.action for e in _entries(ledger, action="restore")} == {"restore"}
    assert [e.user for e in _entries(ledger, user="张三")] == ["张三"]
    assert set(_entries(ledger, user=os_user())) and "张三" in audit_users(ledger.new_session())
    by_text = _entries(ledger, text=township)
    assert by_text and all(township in (e.entity_key + (e.old_value or "") + (e.new_value or ""))
                           for e in by_text)
    assert _entries(ledger, since=datetime.now() + timedelta(days=1)) == []
    assert len(_entries(ledger, since=datetime.now().date())) == _count(ledger)
    assert _entries(ledger, until=datetime.now() - timedelta(days=1)) == []

    target = tmp_path / "审计日志.csv"
    with ledger.session() as s:
        written = export_audit_csv(target, s, action="ledger_edit")
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the Chinese right
    rows = list(csv.reader(target.open(encoding="utf-8-sig")))
    assert rows[0] == CSV_HEADER
    assert len(rows) - 1 == written == len(_entries(ledger, action="ledger_edit")) >= 1
    assert rows[1][2] == "台账修改" and rows[1][4] == f"{township}/行政编制"  # the kind in the ledger's words
