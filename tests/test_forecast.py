"""The leavers forecast on a small hand-made county, and the `forecast` command's JSON and workbook."""

from __future__ import annotations

import json

import openpyxl
import pytest

from cli import main as cli_main
from planner.domain.county import CountyData, PersonData, QuotaData, TownshipData
from planner.domain.forecast import forecast
from planner.domain.months import Month
from planner.services.forecasting import forecast_json
from planner.store.db import open_database
from planner.store.ledger import replace_county

AS_OF = Month(2026, 11)


def small_county() -> CountyData:
    a = TownshipData(name="甲镇", quotas={"administrative": QuotaData("administrative", 5, 4, 1),
                                          "institutional": QuotaData("institutional", 3, 1)})
    a.people = [
        # 1966-03: 14 months into the men's reform, delay 4: 60y4m, retires 2026-07: overdue at 2026-11
        PersonData("张一", "administrative", sex="男", birth_month=Month(1966, 3), leader=True),
        # 1972-02: 25 months in, delay 7: 55y7m, retires 2027-09
        PersonData("李二", "administrative", sex="女", birth_month=Month(1972, 2)),
        # a transfer in 2028-03 long before retirement
        PersonData("王三", "administrative", sex="男", birth_month=Month(1990, 1), planned_leave=Month(2028, 3)),
        PersonData("赵四", "administrative"),   # no sex or birth month: no retirement month
        # a woman worker of 1978-06: 41 months in, delay 21: 51y9m, retires 2030-03
        PersonData("钱五", "institutional", sex="女", birth_month=Month(1978, 6), status="工人"),
    ]
    b = TownshipData(name="乙乡", quotas={"administrative": QuotaData("administrative", 4, 0)})
    return CountyData(name="测试县", townships=[a, b])


def test_leavers_per_township_kind_and_year():
    result = forecast(small_county(), AS_OF, 5)
    assert result.years == [2027, 2028, 2029, 2030, 2031]
    by_name = {p.person.name: p for p in result.people}
    assert str(by_name["张一"].retirement_month) == "2026-07" and by_name["张一"].overdue
    assert by_name["张一"].retirement_age == "60岁4个月"
    assert str(by_name["李二"].retirement_month) == "2027-09" and by_name["李二"].retirement_age_months == 667
    assert str(by_name["钱五"].retirement_month) == "2030-03" and by_name["钱五"].retirement_age == "51岁9个月"
    assert by_name["王三"].reason == "other" and str(by_name["王三"].leave_month) == "2028-03"
    assert by_name["赵四"].retirement_month is None and by_name["赵四"].leave_month is None
    assert [p.person.name for p in result.overdue()] == ["张一"]
    # the overdue cadre leaves before the first year begins: kept apart, then counted in 2027 in the JSON
    assert result.earlier[("甲镇", "administrative")].retirements == 1
    data = forecast_json(result)
    rows = {(r["township"], r["kind"], r["year"]): (r["retirements"], r["other"]) for r in data["leavers"]}
    assert rows[("甲镇", "administrative", 2027)] == (2, 0)
    assert rows[("甲镇", "administrative", 2028)] == (0, 1)
    assert rows[("甲镇", "institutional", 2030)] == (1, 0)
    assert sum(r + o for r, o in rows.values()) == 4
    assert {k for k in rows if k[0] == "乙乡"} == {("乙乡", "administrative", y) for y in result.years}
    assert result.retirements_by_year() == {2027: 1, 2028: 0, 2029: 0, 2030: 1, 2031: 0}


def test_json_has_exactly_the_contract_keys():
    data = forecast_json(forecast(small_county(), AS_OF, 3))
    assert set(data) == {"as_of", "years", "people", "leavers"}
    assert data["as_of"] == "2026-11" and data["years"] == [2027, 2028, 2029]
    assert set(data["people"][0]) == {"township", "kind", "name", "sex", "birth_month", "status",
                                      "retirement_age_months", "retirement_age", "retirement_month"}
    assert data["people"][1] == {"township": "甲镇", "kind": "administrative", "name": "李二", "sex": "女",
                                 "birth_month": "1972-02", "status": "干部", "retirement_age_months": 667,
                                 "retirement_age": "55岁7个月", "retirement_month": "2027-09"}
    assert set(data["leavers"][0]) == {"township", "kind", "year", "retirements", "other"}
    json.dumps(data)


def test_plan_start_year_and_horizon_come_from_the_parameters():
    county = small_county()
    county.time = type(county.time)(horizon_years=2, plan_start_year=2028)
    result = forecast(county, AS_OF)
    assert result.years == [2028, 2029]
    # 李二 (2027-09) and the overdue 张一 leave before 2028; 王三 leaves in 2028
    assert result.earlier[("甲镇", "administrative")].retirements == 2
    assert result.leavers[("甲镇", "administrative", 2028)].other == 1


@pytest.fixture
def small_db(db_path):
    db = open_database(db_path)
    with db.session() as s:
        replace_county(s, small_county())
    db.close()
    return db_path


def test_forecast_command_writes_json_and_workbook(small_db, tmp_path, capsys):
    out_json, out_xlsx = tmp_path / "f.json", tmp_path / "f.xlsx"
    assert cli_main(["forecast", "--db", str(small_db), "--years", "3", "--json", str(out_json),
                     "--xlsx", str(out_xlsx)]) == 0
    data = json.loads(out_json.read_text(encoding="utf-8"))
    expected = forecast_json(forecast(small_county(), Month.parse(data["as_of"]), 3))
    assert data == expected
    assert len(data["years"]) == 3 and len(data["people"]) == 5
    captured = capsys.readouterr()
    assert captured.out.splitlines()[:2] == ["乡镇\t编制类型\t年度\t退休\t其他离岗",
                                             "township\tkind\tyear\tretirements\tother"]
    assert "张一" in captured.err  # overdue, named
    wb = openpyxl.load_workbook(out_xlsx)
    assert wb.sheetnames == ["人员退休测算", "离岗人数"]
    assert wb["人员退休测算"].max_row == 6
    assert wb["离岗人数"].max_row == 1 + len(data["leavers"])


def test_forecast_command_default_years_and_bad_years(small_db, tmp_path, capsys):
    out_json = tmp_path / "f.json"
    assert cli_main(["forecast", "--db", str(small_db), "--json", str(out_json)]) == 0
    assert len(json.loads(out_json.read_text(encoding="utf-8"))["years"]) == 5
    assert cli_main(["forecast", "--db", str(small_db), "--years", "0"]) == 2
