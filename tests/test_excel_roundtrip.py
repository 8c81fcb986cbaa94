"""Round trip: a ledger exported to the template and imported again is the same ledger."""

from __future__ import annotations

import copy
import string
from datetime import date

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.domain.county import (
    CATEGORIES, KINDS, TOWNSHIP_TYPES, CountyData, DutyData, OfficeData, PersonData, QuotaData, TownshipData,
)
from planner.store.db import open_database
from planner.demo.county import generate_demo
from planner.excel import read_workbook, write_workbook
from planner.excel.template import clean_name
from planner.services.excel import export_workbook, import_workbook
from planner.store.ledger import load_county, replace_county
from planner.domain.workload import PARAMETER_RANGES, WorkParams

# Any printable text, including look-alikes of formulas, errors and numbers, and text
# with invisible or full-width characters: a name comes back as clean_name made it
# (see _as_stored), so names that only look alike may not share a list.
_chars = st.characters(blacklist_categories=("Cc", "Cs", "Cn", "Co"))
_name_text = st.one_of(
    st.text(_chars, min_size=1, max_size=10),
    st.tuples(st.sampled_from(["=", "+", "-", "@", "#N/A", "#", "'", "0", "1.50", "是"]),
              st.text(string.ascii_letters + "0123456789()+-*/ 乡镇", max_size=6)).map("".join),
).map(str.strip).filter(lambda text: 0 < len(clean_name(text)) <= 50)


def _unique(strategy, min_size=0, max_size=4):
    return st.lists(strategy, min_size=min_size, max_size=max_size, unique_by=clean_name)


def _as_stored(county: CountyData) -> CountyData:
    """The ledger an import makes of `county`: every name as clean_name makes it."""
    stored = copy.deepcopy(county)
    stored.name = clean_name(stored.name)
    for town in stored.townships:
        town.name = clean_name(town.name)
        for office in town.offices:
            office.name = clean_name(office.name)
        for duty in town.duties:
            duty.office, duty.name = clean_name(duty.office), clean_name(duty.name)
        for person in town.people:
            person.name = clean_name(person.name)
            person.office = clean_name(person.office) if person.office is not None else None
    return stored


_small_float = st.floats(min_value=0, max_value=1e4, allow_nan=False, allow_infinity=False)


@st.composite
def townships(draw, name: str) -> TownshipData:
    offices = [OfficeData(n, draw(st.sampled_from(KINDS))) for n in draw(_unique(_name_text, max_size=3))]
    duties = []
    for o in offices:
        for dn in draw(_unique(_name_text, max_size=3)):
            duties.append(DutyData(
                o.name, dn, annual_volume=draw(st.floats(0, 1e7, allow_nan=False)),
                minutes_per_case=draw(_small_float), fixed_hours=draw(st.floats(0, 1e5, allow_nan=False)),
                needs_backup=draw(st.booleans())))
    quotas = {}
    for kind in draw(st.lists(st.sampled_from(KINDS), unique=True, max_size=3)):
        approved = draw(st.integers(0, 1000))
        leadership = draw(st.integers(0, min(50, approved))) if kind == "administrative" else 0
        quotas[kind] = QuotaData(kind, approved, draw(st.integers(0, 1000)), leadership)
    office_names = [o.name for o in offices]
    people = [PersonData(draw(_name_text), draw(st.sampled_from(KINDS)),
                         draw(st.one_of(st.none(), st.sampled_from(office_names))) if office_names else None,
                         draw(st.one_of(st.none(), st.dates(date(1900, 1, 1), date(2100, 12, 31)))))
              for _ in range(draw(st.integers(0, 3)))]
    return TownshipData(
        name=name, type=draw(st.sampled_from(TOWNSHIP_TYPES)), category=draw(st.sampled_from(CATEGORIES)),
        population=draw(st.integers(0, 2_000_000)), area_km2=draw(_small_float),
        villages=draw(st.integers(0, 500)), locked=draw(st.booleans()),
        quotas=quotas, offices=offices, duties=duties, people=people)


@st.composite
def params(draw) -> WorkParams:
    values = {}
    for name, (low, high, _label) in PARAMETER_RANGES.items():
        if name == "max_backup_roles":
            values[name] = draw(st.integers(int(low), int(high)))
        else:
            values[name] = draw(st.one_of(st.integers(int(low), int(high)),
                                          st.floats(low, high, allow_nan=False)))
    p = WorkParams(**values)
    return p if not p.problems() else WorkParams()


@st.composite
def counties(draw) -> CountyData:
    names = draw(_unique(_name_text, min_size=1, max_size=4))
    return CountyData(name=draw(st.one_of(st.just(""), _name_text)), params=draw(params()),
                      townships=[draw(townships(n)) for n in names])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(county=counties())
def test_written_workbook_reads_back_equal(county, tmp_path):
    path = write_workbook(tmp_path / "ledger.xlsx", county)
    result = read_workbook(path)
    assert result.problems == []
    assert result.county == _as_stored(county)
    assert result.county_name_given == bool(county.name)


@pytest.fixture(scope="module")
def two_databases(tmp_path_factory):
    """A source and a target ledger, reused: every example replaces both whole."""
    folder = tmp_path_factory.mktemp("rt")
    source, target = open_database(folder / "a.sqlite"), open_database(folder / "b.sqlite")
    yield source, target, folder
    source.close()
    target.close()


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(county=counties())
def test_export_then_import_through_databases(county, two_databases):
    source, target, folder = two_databases
    if not county.name:
        county.name = "测试县"
    with source.session() as s:
        replace_county(s, county)
    exported = export_workbook(source, folder / "ledger.xlsx")
    outcome = import_workbook(target, folder / "ledger.xlsx")
    assert outcome.ok, [p.format() for p in outcome.result.problems]
    assert exported == county
    with target.session() as s:
        assert load_county(s) == _as_stored(exported)


def test_demo_county_round_trip_through_cli(tmp_path):
    from cli import main as cli_main

    a, b, xlsx = tmp_path / "a.sqlite", tmp_path / "b.sqlite", tmp_path / "demo.xlsx"
    source = open_database(a)
    with source.session() as s:
        replace_county(s, generate_demo(14, 1))
    source.close()
    assert cli_main(["export", str(xlsx), "--db", str(a)]) == 0
    assert cli_main(["import", str(xlsx), "--db", str(b)]) == 0
    da, db_ = open_database(a), open_database(b)
    try:
        with da.session() as s1, db_.session() as s2:
            assert load_county(s1) == load_county(s2) == generate_demo(14, 1)
    finally:
        da.close()
        db_.close()


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    county = generate_demo(1, 3)
    odd = ["=SUM(A1:A9)", "+86 123", "-1", "@home", "#N/A", "=1/0"]
    renamed = {}
    for duty, text in zip(county.townships[0].duties, odd):
        renamed[(duty.office, duty.name)] = (duty.office, text)
        duty.name = text
    for post in county.townships[0].posts:   # the posts name the duties by their new names too
        post.a_duties = [renamed.get(ref, ref) for ref in post.a_duties]
        post.b_duties = [renamed.get(ref, ref) for ref in post.b_duties]
    path = write_workbook(tmp_path / "odd.xlsx", county)
    ws = openpyxl.load_workbook(path)["职责事项"]  # formulas as written, not cached values
    cells = {ws.cell(row, 3).value: ws.cell(row, 3).data_type for row in range(2, 2 + len(odd))}
    assert cells == {text: "s" for text in odd}
    assert read_workbook(path).county == county


def test_numbers_are_written_as_numbers(tmp_path):
    county = generate_demo(2, 4)
    path = write_workbook(tmp_path / "n.xlsx", county)
    wb = openpyxl.load_workbook(path)
    quota = wb["编制"]
    assert quota["C2"].data_type == "n" and quota["C2"].value == county.townships[0].quotas["administrative"].approved
    assert wb["乡镇"]["D2"].data_type == "n"
    assert wb["职责事项"]["D2"].data_type == "n"
    assert wb["参数"]["B2"].value == 248


def test_header_notes_and_layout_are_the_template(tmp_path):
    from planner.excel import write_template
    from planner.excel.template import SHEETS

    path = write_template(tmp_path / "t.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == [s.zh for s in SHEETS] == ["参数", "乡镇", "编制", "内设机构", "职责事项", "人员", "用编计划", "周转池", "岗位"]
    for spec in SHEETS:
        ws = wb[spec.zh]
        assert [c.value for c in ws[1]] == [c.zh for c in spec.columns]
        for cell, col in zip(ws[1], spec.columns):
            assert cell.comment is not None and col.zh in cell.comment.text and col.en in cell.comment.text
        assert ws.freeze_panes == "A2"
        assert ws.print_title_rows == "$1:$1" and ws.page_setup.orientation == "landscape"
    assert [c.value for c in wb["乡镇"][1]] == ["乡镇名称", "类型", "类别", "人口", "面积", "行政村数", "锁定"]
    assert [c.value for c in wb["职责事项"][1]] == [
        "乡镇名称", "机构名称", "事项名称", "年办件量", "单件工时(分钟)", "固定年工时(小时)", "需AB岗"]
    params = {r[0].value: r[1].value for r in wb["参数"].iter_rows(min_row=2)}
    assert params == {"年工作日": 248, "年休假天数": 10, "病假及其他缺勤天数": 5, "培训天数": 10,
                      "每日工时": 8, "公共事务时间占比": 0.1, "备岗负荷系数": 0.15, "每人最多B岗数": 3,
                      "县名称": None, "周转池行政": 0, "周转池事业": 0, "周转池工勤": 0, "周转期限(年)": 3,
                      "规划年限": 5, "规划起始年": None}
    lists = {str(dv.sqref): dv.formula1 for dv in wb["编制"].data_validations.dataValidation}
    assert lists == {"B2:B1048576": '"行政,事业,工勤"'}
    assert {dv.formula1 for dv in wb["乡镇"].data_validations.dataValidation} == {
        '"乡,镇,街道"', '"一类,二类,三类"', '"是,否"'}


def test_cancelled_export_leaves_no_file_behind(tmp_path):
    from planner.excel import Cancelled

    county = generate_demo(120, 1)  # more than 10,000 rows: the cancel flag is polled
    target = tmp_path / "out.xlsx"
    try:
        write_workbook(target, county, cancelled=lambda: True)
    except Cancelled:
        pass
    else:
        raise AssertionError("the export was not cancelled")
    assert list(tmp_path.iterdir()) == []


def test_dates_are_date_cells_on_every_row(tmp_path):
    """Each 入编日期 shows as a date in a spreadsheet, not as a serial number."""
    county = generate_demo(14, 1)
    path = write_workbook(tmp_path / "people.xlsx", county)
    ws = openpyxl.load_workbook(path)["人员"]
    header_style = ws["E1"].style_id
    dated = [ws.cell(row, 5) for row in range(2, ws.max_row + 1) if ws.cell(row, 5).value is not None]
    assert len(dated) == sum(1 for t in county.townships for p in t.people if p.quota_since)
    assert all(c.is_date and c.number_format == "yyyy-mm-dd" and c.style_id != header_style for c in dated)
