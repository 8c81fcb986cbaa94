"""People's dates, hiring plans and pool loans: database, migration, workbook, single edits."""

from __future__ import annotations

import sqlite3

import openpyxl
import pytest
from sqlalchemy import text

from cli import main as cli_main
from planner.demo.county import generate_demo
from planner.domain.county import HiringPlanData, PersonData, PoolLoanData, QuotaData, TimeParams, TownshipData
from planner.domain.months import Month
from planner.domain.time_rules import loan_findings, person_findings, roster_gaps
from planner.excel import read_workbook, write_workbook
from planner.store import ledger_edit
from planner.store.db import open_database
from planner.store.ledger import load_county, replace_county


def test_usable_vacancy_is_vacancy_less_pending_hires():
    t = TownshipData("甲镇", quotas={"institutional": QuotaData("institutional", 10, 6)})
    t.hiring = [HiringPlanData("institutional", 2027, 3, 1), HiringPlanData("institutional", 2026, 1, 1)]
    assert t.quota("institutional").vacancy == 4
    assert t.pending_hires("institutional") == 2
    assert t.usable_vacancy("institutional") == 2
    assert t.usable_vacancy("administrative") == 0


def test_the_time_ledger_survives_the_database(db_path):
    county = generate_demo(14, 1)
    county.time = TimeParams(pool_administrative=4, pool_institutional=6, pool_term_years=2, horizon_years=4,
                             plan_start_year=2028)
    db = open_database(db_path)
    try:
        with db.session() as s:
            replace_county(s, county)
        with db.session() as s:
            assert load_county(s) == county
    finally:
        db.close()


def test_an_older_database_upgrades_with_defaults(db_path):
    old = open_database(db_path, revision="0002")
    with old.engine.begin() as conn:
        conn.execute(text("INSERT INTO county (id, name, working_days, annual_leave_days, other_absence_days, "
                          "training_days, hours_per_day, shared_duty_share, backup_load_factor, max_backup_roles, "
                          "version) VALUES (1, '旧县', 248, 10, 5, 10, 8, 0.1, 0.15, 3, 1)"))
        conn.execute(text("INSERT INTO township (id, name, type, category, population, area_km2, villages, locked, "
                          "position, version) VALUES (1, '老镇', '镇', '二类', 1000, 1.0, 1, 0, 0, 1)"))
        conn.execute(text("INSERT INTO person (township_id, office_name, name, kind, quota_since, version) "
                          "VALUES (1, NULL, '老张', 'administrative', NULL, 1)"))
    old.close()
    db = open_database(db_path)
    try:
        with db.session() as s:
            county = load_county(s)
    finally:
        db.close()
    assert county.time == TimeParams()
    assert county.townships[0].people == [PersonData("老张", "administrative")]
    # the ledger as it was before the upgrade is kept beside it
    backups = list((db_path.parent / "backups").glob("*"))
    assert backups, "no backup before the upgrade"
    with sqlite3.connect(sorted(backups)[-1]) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0002",)
        assert conn.execute("SELECT name FROM person").fetchall() == [("老张",)]
    assert county.townships[0].hiring == [] and county.townships[0].pool_loans == []


def test_demo_workbook_round_trip_keeps_the_time_ledger(tmp_path):
    county = generate_demo(14, 1)
    result = read_workbook(write_workbook(tmp_path / "demo.xlsx", county))
    assert result.problems == []
    assert result.county == county
    wb = openpyxl.load_workbook(tmp_path / "demo.xlsx")
    assert [c.value for c in wb["人员"][1]][5:] == ["性别", "出生年月", "身份", "领导职务", "预计离岗年月"]
    assert [c.value for c in wb["用编计划"][1]] == ["乡镇名称", "编制类型", "年度", "计划进人数", "已进人数"]
    assert [c.value for c in wb["周转池"][1]] == ["乡镇名称", "编制类型", "借用数", "起始年月", "到期年月", "已归还"]
    params = {r[0].value: r[1].value for r in wb["参数"].iter_rows(min_row=2)}
    assert params["周转池行政"] == 4 and params["周转池事业"] == 6 and params["周转期限(年)"] == 3


def _pool_row(wb, township: str) -> int:
    return next(r for r in range(2, wb["周转池"].max_row + 1) if wb["周转池"].cell(r, 1).value == township)


def _bad_workbook(tmp_path, edit) -> list[str]:
    county = generate_demo(5, 3)
    path = write_workbook(tmp_path / "t.xlsx", county)
    wb = openpyxl.load_workbook(path)
    edit(wb, county)
    wb.save(path)
    result = read_workbook(path)
    assert result.county is None
    return [p.format() for p in result.problems]


@pytest.mark.parametrize("cell,value,expected", [
    ("F2", "X", "人员, 第2行, 性别(F列): 无法识别的值“X”，应为 男 / 女"),
    ("H2", "临时工", "人员, 第2行, 身份(H列): 无法识别的值“临时工”，应为 干部 / 工人"),
    ("G2", "2099-01", "人员, 第2行, 出生年月(G列): 出生年月 2099-01 晚于今天"),
    ("G2", "五月", "人员, 第2行, 出生年月(G列): 应为年月（如 1972-05），实为“五月”"),
    ("J2", "明年", "人员, 第2行, 预计离岗年月(J列): 应为年月（如 1972-05），实为“明年”"),
])
def test_bad_person_cells_name_sheet_row_and_column(tmp_path, cell, value, expected):
    def edit(wb, county):
        wb["人员"][cell] = value
    assert _bad_workbook(tmp_path, edit) == [expected]


def test_ages_under_16_and_over_70_are_refused(tmp_path):
    today = Month.today()

    def edit(wb, county):
        wb["人员"]["G2"] = str(today.plus(-15 * 12))
        wb["人员"]["G3"] = str(today.plus(-72 * 12))
    lines = _bad_workbook(tmp_path, edit)
    assert len(lines) == 2
    assert lines[0].startswith("人员, 第2行, 出生年月(G列): ") and "年龄 15 岁，不在 16–70 岁之间" in lines[0]
    assert lines[1].startswith("人员, 第3行, 出生年月(G列): ") and "年龄 72 岁" in lines[1]


def test_loan_longer_than_the_term_and_returns_beyond_the_loan_are_refused(tmp_path):
    def edit(wb, county):
        borrower = next(t.name for t in county.townships if t.pool_loans)
        row = _pool_row(wb, borrower)
        wb["周转池"].cell(row, 4).value = "2024-01"   # start
        wb["周转池"].cell(row, 5).value = "2027-02"   # due: 37 months
        wb["周转池"].cell(row, 6).value = 5           # returned more than lent
    lines = _bad_workbook(tmp_path, edit)
    assert [ln.split(": ")[0] for ln in lines] == ["周转池, 第2行, 到期年月(E列)", "周转池, 第2行, 已归还(F列)"]
    assert "借用期 37 个月，超过周转期限 3 年" in lines[0]
    assert "已归还 5 超过借用数" in lines[1]


def test_hiring_plan_above_the_vacancy_is_refused(tmp_path):
    def edit(wb, county):
        ws = wb["用编计划"]
        t = next(t for t in county.townships if t.hiring)
        plan = t.hiring[0]
        ws.cell(2, 4).value = t.quota(plan.kind).vacancy + 1
    lines = _bad_workbook(tmp_path, edit)
    assert len(lines) == 1
    assert lines[0].startswith("用编计划, 第2行, 计划进人数(D列): ") and "超过空编" in lines[0]


def test_bad_time_parameter_is_refused(tmp_path):
    def edit(wb, county):
        ws = wb["参数"]
        row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "周转期限(年)")
        ws.cell(row, 2).value = 0
    lines = _bad_workbook(tmp_path, edit)
    assert len(lines) == 1 and "周转期限(年) 0 不在 1–10 之间" in lines[0]


def test_bad_import_leaves_the_database_untouched(tmp_path, capsys):
    db_file = tmp_path / "ledger.sqlite"
    db = open_database(db_file)
    with db.session() as s:
        replace_county(s, generate_demo(5, 3))
        before = load_county(s)
    db.close()
    path = write_workbook(tmp_path / "bad.xlsx", generate_demo(5, 3))
    wb = openpyxl.load_workbook(path)
    wb["人员"]["F3"] = "未知"
    wb.save(path)
    assert cli_main(["import", str(path), "--db", str(db_file)]) == 1
    assert "人员, 第3行, 性别(F列)" in capsys.readouterr().err
    db = open_database(db_file)
    with db.session() as s:
        assert load_county(s) == before
    db.close()


def test_existing_loan_to_a_township_with_usable_vacancy_is_a_notice(tmp_path):
    county = generate_demo(5, 3)
    loan = next(loan for t in county.townships for loan in t.pool_loans)
    roomy = next(t for t in county.townships if t.usable_vacancy(loan.kind) > 0)
    roomy.pool_loans.append(type(loan)(loan.kind, 1, Month(2025, 1), Month(2027, 1)))
    result = read_workbook(write_workbook(tmp_path / "t.xlsx", county))
    assert result.problems == []
    assert any(n.sheet == "周转池" and "不应借用周转池" in n.message_zh for n in result.notices)


def test_person_edits_are_checked_like_the_import(demo_db):
    with demo_db.session() as s:
        name = load_county(s).townships[0].name
        assert ledger_edit.set_person_field(s, name, 0, "birth_month", "1972年5月") is not None
        assert ledger_edit.set_person_field(s, name, 0, "sex", "female") in ("男", "女")
        assert ledger_edit.set_person_field(s, name, 0, "status", "工人") == "干部"
        assert ledger_edit.set_person_field(s, name, 0, "leader", "是") in (True, False)
        ledger_edit.set_person_field(s, name, 0, "planned_leave", "2028-06")
        person = load_county(s).townships[0].people[0]
        assert (person.birth_month, person.sex, person.status, person.leader, person.planned_leave) == (
            Month(1972, 5), "女", "工人", True, Month(2028, 6))
        ledger_edit.set_person_field(s, name, 0, "planned_leave", "")
        assert load_county(s).townships[0].people[0].planned_leave is None
        for field, value, fragment in (("sex", "X", "性别应为"), ("status", "临时", "身份应为"),
                                       ("birth_month", "2099-01", "晚于今天"),
                                       ("birth_month", str(Month.today().plus(-12 * 10)), "不在 16–70 岁之间"),
                                       ("birth_month", "明年", "应为年月")):
            with pytest.raises(ledger_edit.EditError) as err:
                ledger_edit.set_person_field(s, name, 0, field, value)
            assert fragment in err.value.message_zh and err.value.field_name == field


def test_removed_township_comes_back_with_its_time_ledger(demo_db):
    with demo_db.session() as s:
        county = load_county(s)
        t = next(t for t in county.townships if t.pool_loans)
        snapshot = ledger_edit.remove_township(s, t.name)
        ledger_edit.restore_township(s, snapshot)
        assert load_county(s) == county


def test_rules_in_plain_words():
    assert person_findings(PersonData("甲", "administrative", sex="男", birth_month=Month(1990, 1)),
                           Month(2026, 11)) == []
    assert loan_findings(PoolLoanData("institutional", 2, Month(2025, 1), Month(2028, 1)), TimeParams()) == []
    assert [f for f, _, _ in loan_findings(PoolLoanData("institutional", 2, Month(2025, 1), Month(2025, 1), 3),
                                            TimeParams())] == ["due", "returned"]


def test_summary_warns_when_people_on_file_differ_from_staff(db_path, capsys):
    county = generate_demo(5, 3)
    county.townships[0].people.pop()
    db = open_database(db_path)
    with db.session() as s:
        replace_county(s, county)
    db.close()
    gaps = roster_gaps(county)
    assert len(gaps) == 1
    assert cli_main(["summary", "--db", str(db_path)]) == 0
    err = capsys.readouterr().err
    assert f"警告：{county.townships[0].name}" in err and "人员名册" in err and "on file" in err


def test_time_parameters_out_of_range_are_refused_before_anything_is_written(db_path):
    from planner.domain.time_rules import time_param_problems
    from planner.domain.workload import ParameterError

    assert time_param_problems(TimeParams()) == []
    bad = TimeParams(pool_term_years=0, horizon_years=30)
    assert len(time_param_problems(bad)) == 2 and "周转期限(年)" in time_param_problems(bad)[0]
    county = generate_demo(3, 1)
    county.time = bad
    db = open_database(db_path)
    try:
        with pytest.raises(ParameterError):
            with db.session() as s:
                replace_county(s, county)
        with db.session() as s:
            assert load_county(s).townships == []
    finally:
        db.close()


def test_month_cells_as_offices_type_them(tmp_path):
    from datetime import datetime

    county = generate_demo(5, 3)
    path = write_workbook(tmp_path / "t.xlsx", county)
    wb = openpyxl.load_workbook(path)
    ws = wb["人员"]
    ws["G2"] = datetime(1972, 5, 1)     # Excel turns a typed 1972-05 into a date
    ws["G3"] = 1972.05                  # a number with two decimals
    ws["G4"] = "1972年10月"
    ws["G5"] = 26420                    # a date that lost its format: 1972-05-01
    wb.save(path)
    result = read_workbook(path)
    assert result.problems == []
    people = result.county.townships[0].people
    assert [str(p.birth_month) for p in people[:4]] == ["1972-05", "1972-05", "1972-10", "1972-05"]
    ws["G6"] = 1972.1                   # January or October?
    wb.save(path)
    lines = [p.format() for p in read_workbook(path).problems]
    assert lines == ["人员, 第6行, 出生年月(G列): “1972.1”不能确定是1月还是10月：请填写为 1972-01 或 1972-10"]


def test_township_detail_rows_carry_pending_hires_usable_vacancy_and_pool(demo_db):
    from planner.store.ledger_view import load_detail
    from planner.store.models import Township
    from sqlalchemy import select

    with demo_db.session() as s:
        county = load_county(s)
        ids = dict(s.execute(select(Township.name, Township.id)).all())
        for t in county.townships:
            detail = load_detail(s, ids[t.name])
            for row in detail.quotas:
                assert (row.pending_hires, row.usable_vacancy, row.pool) == (
                    t.pending_hires(row.kind), t.usable_vacancy(row.kind), t.pool_slots(row.kind))
        # The demo's two loans from the pool, of 2 and 1 slots.
        assert sum(t.pool_slots(kind) for t in county.townships for kind in ("administrative", "institutional")) == 3
