"""planner.store.ledger_edit: validated single edits, exact restore of removed rows, audit entries."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from planner.store import ledger_edit
from planner.domain.county import DutyData, QuotaData, TownshipData
from planner.store.ledger import load_county
from planner.store.ledger_edit import EditError
from planner.store.ledger_view import load_detail, load_summaries, pressure_status, summary_totals
from planner.store.models import AuditEntry, Person, Quota, Township
from tests.ledger_fixtures import ledger_db  # noqa: F401  (fixture)


def first_township(db) -> str:
    with db.session() as s:
        return s.scalars(select(Township.name).order_by(Township.position)).first()


def test_set_township_field_returns_old_value_and_changes_only_that_field(ledger_db):
    name = first_township(ledger_db)
    before = load_county(ledger_db.new_session())
    with ledger_db.session() as s:
        old = ledger_edit.set_township_field(s, name, "population", "41,250")
    after = load_county(ledger_db.new_session())
    t_before, t_after = before.township(name), after.township(name)
    assert old == t_before.population
    assert t_after.population == 41250
    t_after.population = t_before.population
    assert after == before


@pytest.mark.parametrize("field, value, words", [
    ("population", -5, "不能为负数"),
    ("population", "abc", "应为数字"),
    ("population", "12.5", "应为整数"),
    ("population", True, "应为数字"),
    ("villages", "", "不能为空"),
    ("area_km2", "nan", "有限"),
    ("area_km2", -0.1, "不能为负数"),
    ("type", "村", "类型"),
    ("category", "四类", "类别"),
    ("locked", "maybe", "是 或 否"),
    ("name", "   ", "不能为空"),
])
def test_bad_township_values_are_refused_naming_the_field(ledger_db, field, value, words):
    name = first_township(ledger_db)
    before = load_county(ledger_db.new_session())
    with pytest.raises(EditError) as caught:
        with ledger_db.session() as s:
            ledger_edit.set_township_field(s, name, field, value)
    assert words in str(caught.value)
    assert caught.value.field_name == field
    spec = ledger_edit.TOWNSHIP_FIELDS[field]
    assert spec.label_zh in caught.value.message_zh and spec.label_en in caught.value.message_en
    assert load_county(ledger_db.new_session()) == before


def test_township_names_stay_unique(ledger_db):
    with ledger_db.session() as s:
        first, second = s.scalars(select(Township.name).order_by(Township.position).limit(2)).all()
    with pytest.raises(EditError, match="已存在"):
        with ledger_db.session() as s:
            ledger_edit.set_township_field(s, first, "name", second)
    with ledger_db.session() as s:
        ledger_edit.set_township_field(s, first, "name", f"  {first}新  ")  # surrounding spaces trimmed
    with ledger_db.session() as s:
        assert s.scalars(select(Township.id).where(Township.name == f"{first}新")).first() is not None


def test_unknown_field_and_unknown_township_are_errors(ledger_db):
    name = first_township(ledger_db)
    with pytest.raises(EditError, match="id"):
        with ledger_db.session() as s:
            ledger_edit.set_township_field(s, name, "id", 5)
    with pytest.raises(EditError, match="没有名为"):
        with ledger_db.session() as s:
            ledger_edit.set_township_field(s, "不存在镇", "population", 5)


def test_quota_edit_and_line_restore(ledger_db):
    name = first_township(ledger_db)
    with ledger_db.session() as s:
        line = ledger_edit.quota_line(s, name, "institutional")
        old = ledger_edit.set_quota_field(s, name, "事业", "approved", "61")  # Chinese kind label accepted
    assert old == line.approved
    with ledger_db.session() as s:
        assert ledger_edit.quota_line(s, name, "institutional").approved == 61
        ledger_edit.restore_quota_line(s, name, "institutional", line)
    with ledger_db.session() as s:
        assert ledger_edit.quota_line(s, name, "institutional") == line


def test_quota_line_created_by_an_edit_is_removed_by_restore(db_path):
    from planner.store.db import open_database

    db = open_database(db_path)
    with db.session() as s:
        ledger_edit.add_township(s, TownshipData(name="新建镇", quotas={
            "administrative": QuotaData("administrative", 20, 18, 9)}))
    with db.session() as s:
        assert ledger_edit.quota_line(s, "新建镇", "support") is None
        assert ledger_edit.set_quota_field(s, "新建镇", "support", "approved", 3) == 0
    with db.session() as s:
        assert ledger_edit.quota_line(s, "新建镇", "support") == QuotaData("support", 3, 0, 0)
        ledger_edit.restore_quota_line(s, "新建镇", "support", None)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Quota)) == 1
    db.close()


def test_quota_values_are_checked(ledger_db):
    name = first_township(ledger_db)
    for field, value, words in (("staff", -1, "不能为负数"), ("approved", "二十", "应为数字"),
                                ("approved", 10_001, "上限"), ("leadership", 2.5, "整数")):
        with pytest.raises(EditError, match=words):
            with ledger_db.session() as s:
                ledger_edit.set_quota_field(s, name, "administrative", field, value)
    with pytest.raises(EditError, match="领导职数只计入行政编制"):
        with ledger_db.session() as s:
            ledger_edit.set_quota_field(s, name, "institutional", "leadership", 2)
    with pytest.raises(EditError, match="编制类型"):
        with ledger_db.session() as s:
            ledger_edit.set_quota_field(s, name, "military", "approved", 2)


def test_office_rename_carries_people_and_refuses_duplicates(ledger_db):
    with ledger_db.session() as s:
        person = s.scalars(select(Person).where(Person.office_name.is_not(None))).first()
        township = s.get(Township, person.township_id).name
        office = person.office_name
        others = [o for o in ledger_edit.township_snapshot(s, township).data.offices if o.name != office]
    with pytest.raises(EditError, match="已有内设机构"):
        with ledger_db.session() as s:
            ledger_edit.set_office_field(s, township, office, "name", others[0].name)
    with ledger_db.session() as s:
        in_township = select(func.count()).select_from(Person).where(Person.township_id == person.township_id)
        count = s.scalar(in_township.where(Person.office_name == office))
        ledger_edit.set_office_field(s, township, office, "name", "综合服务办公室")
    with ledger_db.session() as s:
        assert s.scalar(in_township.where(Person.office_name == "综合服务办公室")) == count > 0
        assert s.scalar(in_township.where(Person.office_name == office)) == 0
        detail = load_detail(s, person.township_id)
        assert "综合服务办公室" in [o.name for o in detail.offices]
        assert all(d.office != office for d in detail.duties)


def test_duty_edits(ledger_db):
    name = first_township(ledger_db)
    with ledger_db.session() as s:
        duty = next(d for d in ledger_edit.township_snapshot(s, name).data.duties if d.needs_backup)
        old = ledger_edit.set_duty_field(s, name, duty.office, duty.name, "minutes_per_case", "12.5")
        assert old == duty.minutes_per_case
        assert ledger_edit.set_duty_field(s, name, duty.office, duty.name, "needs_backup", "否") is True
    with ledger_db.session() as s:
        d = next(d for d in ledger_edit.township_snapshot(s, name).data.duties if d.name == duty.name)
        assert d.minutes_per_case == 12.5 and d.needs_backup is False
    with pytest.raises(EditError, match="单件工时"):
        with ledger_db.session() as s:
            ledger_edit.set_duty_field(s, name, duty.office, duty.name, "minutes_per_case", "-3")


def test_remove_and_restore_township_gives_back_the_same_ledger(ledger_db):
    before = load_county(ledger_db.new_session())
    middle = before.townships[5].name
    with ledger_db.session() as s:
        snapshot = ledger_edit.remove_township(s, middle)
    removed = load_county(ledger_db.new_session())
    assert middle not in [t.name for t in removed.townships]
    assert len(removed.townships) == len(before.townships) - 1
    with ledger_db.session() as s:
        ledger_edit.restore_township(s, snapshot)
    assert load_county(ledger_db.new_session()) == before  # same place, offices, duties, people


def test_add_township_validates_everything_first(ledger_db):
    before = load_county(ledger_db.new_session())
    bad = TownshipData(name="新镇", offices=[], duties=[DutyData("无此机构", "事项")])
    with pytest.raises(EditError, match="不存在"):
        with ledger_db.session() as s:
            ledger_edit.add_township(s, bad)
    with pytest.raises(EditError, match="已存在"):
        with ledger_db.session() as s:
            ledger_edit.add_township(s, TownshipData(name=before.townships[0].name))
    assert load_county(ledger_db.new_session()) == before
    with ledger_db.session() as s:
        ledger_edit.add_township(s, TownshipData(name="新镇"))
    after = load_county(ledger_db.new_session())
    assert after.townships[-1].name == "新镇"  # appended at the end of the ledger


def test_add_remove_restore_duty(ledger_db):
    name = first_township(ledger_db)
    with ledger_db.session() as s:
        office = ledger_edit.township_snapshot(s, name).data.offices[0].name
    before = load_county(ledger_db.new_session())
    with ledger_db.session() as s:
        ledger_edit.add_duty(s, name, DutyData(office, "新增事项", 100, 15, 0, True))
    with pytest.raises(EditError, match="已有职责事项"):
        with ledger_db.session() as s:
            ledger_edit.add_duty(s, name, DutyData(office, "新增事项"))
    with ledger_db.session() as s:
        ledger_edit.remove_duty(s, name, office, "新增事项")
    assert load_county(ledger_db.new_session()) == before
    duty = before.township(name).duties[3]
    with ledger_db.session() as s:
        snapshot = ledger_edit.remove_duty(s, name, duty.office, duty.name)
    with ledger_db.session() as s:
        ledger_edit.restore_duty(s, snapshot)
    assert load_county(ledger_db.new_session()) == before


def test_every_edit_is_in_the_audit_log(ledger_db):
    name = first_township(ledger_db)
    with ledger_db.session() as s:
        start = s.scalar(select(func.max(AuditEntry.id))) or 0
        ledger_edit.set_quota_field(s, name, "administrative", "staff", 3)
    with ledger_db.session() as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.id > start,
                                                     AuditEntry.action == "ledger_edit")).all()
    assert [(e.entity, e.entity_key, e.field, e.new_value) for e in entries] == [
        ("quota", f"{name}/administrative", "staff", "3")]


def test_summaries_and_totals(ledger_db):
    with ledger_db.session() as s:
        rows = load_summaries(s)
        county = load_county(s)
    assert [r.name for r in rows] == [t.name for t in county.townships]
    totals = summary_totals(rows)
    for kind in ("administrative", "institutional", "support"):
        assert totals[kind].approved == sum(t.quota(kind).approved for t in county.townships)
        assert totals[kind].vacancy == sum(t.quota(kind).vacancy for t in county.townships)
        assert totals[kind].over_quota == sum(t.quota(kind).over_quota for t in county.townships)
    assert pressure_status(0.5) == "shortage" and pressure_status(1.5) == "surplus"
    assert pressure_status(1.0) == "balanced" and pressure_status(None) == ""


def test_parameters_are_checked_as_a_whole(ledger_db):
    from planner.store.ledger import load_params

    with ledger_db.session() as s:
        assert ledger_edit.set_parameter(s, "annual_leave_days", "15") == 10
        assert ledger_edit.set_parameter(s, "max_backup_roles", 4) == 3
    with ledger_db.session() as s:
        params = load_params(s)
    assert params.annual_leave_days == 15 and params.max_backup_roles == 4
    for name, value, words in (("working_days", 2480, "上限"), ("working_days", 50, "下限"),
                               ("max_backup_roles", 2.5, "整数"), ("hours_per_day", "八", "应为数字"),
                               ("nonsense", 1, "没有名为")):
        with pytest.raises(EditError, match=words):
            with ledger_db.session() as s:
                ledger_edit.set_parameter(s, name, value)
    with ledger_db.session() as s:
        ledger_edit.set_parameter(s, "annual_leave_days", 60)
        ledger_edit.set_parameter(s, "training_days", 60)
        ledger_edit.set_parameter(s, "working_days", 230)
    with pytest.raises(EditError, match="不少于年工作日"):  # 60 + 120 + 60 ≥ 230
        with ledger_db.session() as s:
            ledger_edit.set_parameter(s, "other_absence_days", 120)
    with ledger_db.session() as s:
        assert load_params(s) == params.__class__(**{**params.as_dict(), "annual_leave_days": 60,
                                                     "training_days": 60, "working_days": 230})


def test_person_fields(ledger_db):
    from datetime import date

    with ledger_db.session() as s:
        township = s.get(Township, s.scalars(select(Person.township_id)).first())
        snapshot = ledger_edit.township_snapshot(s, township.name)
    name = township.name
    people = snapshot.data.people
    other_office = next(o.name for o in snapshot.data.offices if o.name != people[1].office)
    with ledger_db.session() as s:
        assert ledger_edit.set_person_field(s, name, 1, "name", " 王小明 ") == people[1].name
        ledger_edit.set_person_field(s, name, 1, "office", other_office)
        ledger_edit.set_person_field(s, name, 1, "quota_since", "2019-03-01")
        ledger_edit.set_person_field(s, name, 2, "office", "")
    with ledger_db.session() as s:
        after = ledger_edit.township_snapshot(s, name).data.people
    assert (after[1].name, after[1].office, after[1].quota_since) == ("王小明", other_office, date(2019, 3, 1))
    assert after[2].office is None and after[0] == people[0]
    for field, value, words in (("office", "无此办公室", "没有内设机构"), ("quota_since", "2019/3/1", "日期"),
                                ("kind", "临时", "编制类型"), ("name", "", "不能为空")):
        with pytest.raises(EditError, match=words):
            with ledger_db.session() as s:
                ledger_edit.set_person_field(s, name, 0, field, value)
    with pytest.raises(EditError, match="没有第 1000 名人员"):
        with ledger_db.session() as s:
            ledger_edit.set_person_field(s, name, 999, "name", "某人")


def test_each_edit_is_logged_exactly_once(ledger_db):
    """The audit listener must recognise the services' own entries (same entity and key)."""
    with ledger_db.session() as s:
        township = s.get(Township, s.scalars(select(Person.township_id)).first()).name
        snapshot = ledger_edit.township_snapshot(s, township)
    office, duty = snapshot.data.offices[0].name, snapshot.data.duties[0]
    edits = [
        lambda s: ledger_edit.set_township_field(s, township, "villages", 29),
        lambda s: ledger_edit.set_quota_field(s, township, "institutional", "staff", 2),
        lambda s: ledger_edit.set_office_field(s, township, office, "name", "新名称办公室"),
        lambda s: ledger_edit.set_duty_field(s, township, duty.office if duty.office != office else "新名称办公室",
                                             duty.name, "name", "新事项名"),
        lambda s: ledger_edit.set_person_field(s, township, 0, "name", "赵一"),
        lambda s: ledger_edit.set_person_field(s, township, 0, "kind", "support"),
        lambda s: ledger_edit.set_parameter(s, "training_days", 12),
    ]
    for edit in edits:
        with ledger_db.session() as s:
            start = s.scalar(select(func.max(AuditEntry.id))) or 0
            edit(s)
        with ledger_db.session() as s:
            added = s.scalars(select(AuditEntry).where(AuditEntry.id > start)).all()
        assert len(added) == 1, [(e.entity, e.entity_key, e.field) for e in added]
