"""Import: every malformed workbook of the corpus is refused with its message, the
database file stays byte for byte the same; accepted variants import."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from cli import main as cli_main
from planner.domain.county import CountyData
from planner.store.db import open_database
from planner.demo.county import generate_demo
from planner.excel import build_preview, read_workbook, write_template, write_workbook
from planner.services.excel import import_workbook, read_for_import
from planner.store.ledger import load_county, replace_county
from planner.store.models import AuditEntry
from tests.make_bad_workbooks import CASES, base_county, file_name, write_corpus

DATA = Path(__file__).with_name("data")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, Path]:
    return write_corpus(tmp_path_factory.mktemp("bad"))


@pytest.fixture
def demo_db(db_path):
    """The 14-township demo ledger, written directly (no example scenarios needed here)."""
    db = open_database(db_path)
    with db.session() as s:
        replace_county(s, generate_demo(14, 1))
    yield db
    db.close()


@pytest.fixture(scope="module")
def ledger_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("db") / "ledger.sqlite"
    db = open_database(path)
    with db.session() as s:
        replace_county(s, generate_demo(14, 1))
    db.close()
    return path


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    for p in sorted(path.parent.glob(path.name + "*")):  # the database and any -wal/-shm beside it
        digest.update(p.name.encode() + p.read_bytes())
    return digest.hexdigest()


def run_import(capsys, path: Path, db: Path, *extra: str) -> tuple[int, list[str]]:
    rc = cli_main([*extra, "import", str(path), "--db", str(db)])
    err = capsys.readouterr().err
    return rc, [line for line in err.splitlines() if line and not line.startswith("[")]


def test_corpus_is_large_enough():
    assert len(CASES) >= 30
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_workbook_is_refused_and_database_untouched(case, corpus, ledger_db, capsys):
    before = file_hash(ledger_db)
    started = time.perf_counter()
    rc, lines = run_import(capsys, corpus[case.name], ledger_db)
    assert time.perf_counter() - started < 10  # generous: the bombs among them must not be opened
    assert rc == 1
    problems = [ln for ln in lines if not ln.startswith("提示：") and not ln.startswith("导入失败")]
    where = case.where.replace("ledger-" + case.name + ".xlsx", file_name(case))
    matching = [ln for ln in problems if ln.startswith(where) and case.fragment in ln]
    assert matching, f"no line starting {where!r} containing {case.fragment!r} in:\n" + "\n".join(lines)
    if case.count is not None:
        assert len(problems) == case.count, "\n".join(problems)
    assert lines[-1].startswith(f"导入失败：发现 {len(problems)} 个问题")
    assert file_hash(ledger_db) == before


def test_problems_in_english(corpus, ledger_db, capsys):
    rc, lines = run_import(capsys, corpus["text_in_number"], ledger_db, "--lang", "en")
    assert rc == 1
    assert '编制, row 2, 核定编制 (column C): expected a whole number ≥ 0, got "十二"' in lines
    rc, lines = run_import(capsys, corpus["missing_sheet"], ledger_db, "--lang", "en")
    assert '乡镇: missing sheet "乡镇" (townships)' in lines


def test_every_problem_is_reported_at_once(tmp_path, corpus):
    target = tmp_path / "many.xlsx"
    wb = openpyxl.load_workbook(corpus["text_in_number"])  # C2 is already 十二
    wb["编制"]["D3"] = -1
    wb["职责事项"]["E4"] = "abc"
    wb["乡镇"]["B3"] = "村"
    del wb["内设机构"]
    wb.save(target)
    result = read_workbook(target)
    assert result.county is None
    where = {(p.sheet, p.row, p.letter) for p in result.problems}
    assert where == {("编制", 2, "C"), ("编制", 3, "D"), ("职责事项", 4, "E"), ("乡镇", 3, "B"),
                     ("内设机构", None, None)}


def test_row_limit_is_checked_while_reading(tmp_path):
    path = write_workbook(tmp_path / "ok.xlsx", base_county())
    result = read_workbook(path, max_rows=50)
    assert result.county is None
    assert any("数据行超过 50 行的上限" in p.message_zh for p in result.problems)


def _write_variant(path: Path) -> None:
    """The base ledger as an office might type it: English sheet and column names, numbers
    as text, full-width digits, yes/no spelled differently, extra columns and sheets,
    optional columns and the people sheet left out."""
    county = base_county()
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    ws = wb.create_sheet("Parameters")
    ws.append(["name", "value"])
    ws.append(["working_days", "２４８"])
    ws.append(["hours_per_day", 8])
    ws = wb.create_sheet("townships")
    ws.append(["Township", "Type", "Category", "Population", "Remarks"])
    for t in county.townships:
        ws.append([f" {t.name} ", {"镇": "zhen", "乡": "xiang", "街道": "jiedao"}[t.type],
                   t.category[0], str(t.population), "备注"])
    ws = wb.create_sheet("quota")
    ws.append(["township", "kind", "approved", "staff", "leadership"])
    for t in county.townships:
        for q in t.quotas.values():
            ws.append([t.name, q.kind, q.approved, q.staff, q.leadership or None])
    ws = wb.create_sheet("offices")
    ws.append(["township", "office", "kind"])
    for t in county.townships:
        for o in t.offices:
            ws.append([t.name, o.name, o.kind.upper()])
    ws = wb.create_sheet("duties")
    ws.append(["township", "office", "duty", "annual volume", "单件工时", "fixed_hours", "needs_backup"])
    for t in county.townships:
        for i, d in enumerate(t.duties):
            ws.append([t.name, d.office, d.name, d.annual_volume or None, d.minutes_per_case,
                       d.fixed_hours, ["Y", "yes", "TRUE", 1][i % 4] if d.needs_backup else "N"])
    wb.create_sheet("草稿").append(["随手记"])
    wb.save(path)


def test_accepts_english_names_text_numbers_and_yes_no_variants(tmp_path):
    path = tmp_path / "variant.xlsx"
    _write_variant(path)
    result = read_workbook(path)
    assert result.problems == []
    expected = base_county()
    for t in expected.townships:
        t.people = []
    got = result.county
    assert [t.name for t in got.townships] == [t.name for t in expected.townships]
    assert got.townships == [
        type(t)(**{**t.__dict__, "area_km2": 0.0, "villages": 0, "locked": False}) for t in expected.townships]
    notices = {(n.sheet, n.column) for n in result.notices}
    assert ("townships", "Remarks") in notices
    assert ("草稿", None) in notices
    assert not result.county_name_given


def test_over_quota_is_flagged_not_refused(tmp_path):
    county = base_county()
    q = county.townships[0].quotas["institutional"]
    q.staff = q.approved + 3
    path = write_workbook(tmp_path / "over.xlsx", county)
    result = read_workbook(path)
    assert result.ok
    preview = build_preview(CountyData(name=""), result.county)
    assert (county.townships[0].name, "institutional", q.approved, q.approved + 3) in preview.over_quota
    assert any("超编3人" in line for line in preview.lines())


def test_valid_import_replaces_ledger_in_one_transaction_and_is_logged(tmp_path, demo_db):
    county = base_county()
    path = write_workbook(tmp_path / "base.xlsx", county)
    outcome = import_workbook(demo_db, path)
    assert outcome.applied and outcome.ok
    assert outcome.backup is not None and outcome.backup.exists()  # the ledger before, kept
    assert len(outcome.before.townships) == 14
    assert sorted(outcome.preview.added) == sorted(t.name for t in county.townships)
    assert len(outcome.preview.removed) == 14
    with demo_db.session() as s:
        assert load_county(s) == county
        entries = s.query(AuditEntry).filter_by(action="import").all()
        assert any("base.xlsx" in f"{e.entity_key} {e.field}" for e in entries)


def test_preview_names_added_changed_removed(tmp_path, demo_db):
    with demo_db.session() as s:
        current = load_county(s)
    edited = CountyData(name=current.name, params=current.params, townships=list(current.townships))
    first, second, third = edited.townships[:3]
    first.quotas["administrative"].approved += 2
    edited.townships.remove(second)
    edited.townships.append(type(third)(name="新设街道", type="街道"))
    path = write_workbook(tmp_path / "edit.xlsx", edited)
    outcome = read_for_import(demo_db, path)
    preview = outcome.preview
    assert preview.added == ["新设街道"]
    assert preview.removed == [second.name]
    assert preview.changed == [(first.name, ["quota"])]
    assert preview.unchanged == 12
    assert preview.totals_after["administrative"].approved == (
        preview.totals_before["administrative"].approved + 2 - second.quota("administrative").approved)
    with demo_db.session() as s:
        assert load_county(s).townships[1].name == second.name  # nothing applied yet


def test_formulas_are_read_as_their_cached_values(tmp_path):
    county = base_county()
    base = write_workbook(tmp_path / "base.xlsx", county)
    target = tmp_path / "formula.xlsx"
    approved = county.townships[0].quotas["administrative"].approved
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet3.xml":  # 编制
                old = f'<c r="C2" t="n"><v>{approved}</v></c>'.encode()
                assert old in data
                data = data.replace(old, f'<c r="C2"><f>20+{approved - 20}</f><v>{approved}</v></c>'.encode())
            dst.writestr(item, data)
    result = read_workbook(target)
    assert result.problems == []
    assert result.county == county


def test_template_itself_is_refused_only_for_having_no_townships(tmp_path):
    path = write_template(tmp_path / "blank.xlsx")
    result = read_workbook(path)
    assert [p.message_zh for p in result.problems] == ["没有乡镇数据：至少要有一个乡镇"]


def _libreoffice_expected():
    from tests.data.make_libreoffice_fixture import fixture_county
    return fixture_county()


def test_workbook_saved_by_libreoffice_imports():
    """A committed file re-saved by LibreOffice Calc (shared strings, its own styles,
    formulas it calculated), so this runs where LibreOffice is not installed."""
    result = read_workbook(DATA / "ledger_libreoffice.xlsx")
    assert result.problems == []
    assert result.county == _libreoffice_expected()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_live_libreoffice_conversion_imports(tmp_path):
    from tests.data.make_libreoffice_fixture import convert_with_libreoffice, write_source

    source = write_source(tmp_path / "source" / "ledger.xlsx")
    try:
        converted = convert_with_libreoffice(source, tmp_path / "out")
    except subprocess.TimeoutExpired:
        pytest.fail("LibreOffice did not finish converting within the time limit")
    result = read_workbook(converted)
    assert result.problems == []
    assert result.county == _libreoffice_expected()


# ---------------------------------------------------------------- the fast sheet reader

def _rows_openpyxl(path: Path, title: str) -> list[tuple]:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(open(path, "rb"), read_only=True, data_only=True)
        rows = [_trim(r) for r in wb[title].iter_rows(values_only=True)]
        wb.close()
    return _trim_rows(rows)


def _trim(row) -> tuple:
    row = list(row)
    while row and row[-1] is None:
        row.pop()
    return tuple(row)


def _trim_rows(rows: list[tuple]) -> list[tuple]:
    while rows and rows[-1] == ():
        rows.pop()
    return rows


def _odd_workbook(path: Path, epoch=None) -> Path:
    from datetime import date, datetime

    wb = openpyxl.Workbook()
    if epoch is not None:
        wb.epoch = epoch
    ws = wb.active
    ws.title = "mixed"
    ws["A1"], ws["B1"], ws["C1"] = "text", 12, -3.25
    ws["A3"] = "  spaces kept  "
    ws["B3"] = "a & b < c > d \"q\" 'a'"
    ws["C3"] = "line\nbreak"
    ws["D3"] = True
    ws["E3"] = False
    ws["A4"] = date(2019, 3, 1)
    ws["B4"] = datetime(2020, 2, 29, 13, 45)
    ws["C4"] = 1.5
    ws["C4"].number_format = "[h]:mm"
    ws["D4"] = 1e300
    ws["E4"] = 0.1 + 0.2
    ws["F6"] = "far"
    ws["G7"] = "=1+1"
    wb.save(path)
    return path


def _rewrite_sheets(src: Path, dst: Path, change) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = change(data)
            zout.writestr(item, data)
    return dst


def _pretty(data: bytes) -> bytes:
    return data.replace(b"<c ", b"\n    <c ").replace(b"<row ", b"\n  <row ")


def _prefixed(data: bytes) -> bytes:
    import re

    data = re.sub(rb"<(/?)(?!\?)([A-Za-z]\w*)(?=[\s>/])", rb"<\1x:\2", data)
    return data.replace(b'<x:worksheet xmlns="', b'<x:worksheet xmlns:x="', 1)


def _quirks(data: bytes) -> bytes:
    """Legal XML no Excel writes: cells without references, a comment holding a cell,
    a value in CDATA, single quotes and spaces around attribute values."""
    import re

    data = re.sub(rb' r="[A-C]1"', b"", data)
    data = re.sub(rb'(<row r="3"[^>]*>)', rb'\1<!-- <c r="Z3"><v>5</v></c> -->', data, count=1)
    data = data.replace(b"<v>12</v>", b"<v><![CDATA[12]]></v>", 1)
    return re.sub(rb'<c r="([A-Z]+4)"', rb"<c r = '\1'", data)


def test_fast_reader_gives_what_openpyxl_gives(tmp_path, corpus):
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    from planner.excel.fastsheet import FastWorkbook

    odd = _odd_workbook(tmp_path / "odd.xlsx")
    files = [
        DATA / "ledger_libreoffice.xlsx",                        # shared strings, cached formulas
        write_workbook(tmp_path / "export.xlsx", generate_demo(14, 1)),  # inline strings, people's dates
        odd, _odd_workbook(tmp_path / "odd1904.xlsx", CALENDAR_MAC_1904),
        _rewrite_sheets(odd, tmp_path / "pretty.xlsx", _pretty),      # whitespace between cells
        _rewrite_sheets(odd, tmp_path / "prefixed.xlsx", _prefixed),  # x:c, x:row, x:v
        _rewrite_sheets(odd, tmp_path / "quirks.xlsx", _quirks),      # what openpyxl was once needed for
        corpus["formula_error_value"], corpus["formula_without_cached_value"], corpus["merged_cells"],
    ]
    compared = 0
    for path in files:
        book = FastWorkbook.open(path)
        assert book is not None, path
        try:
            for title in book.sheetnames:
                fast = _trim_rows([_trim(r) for r in book[title].iter_rows()])
                assert fast == _rows_openpyxl(path, title), (path.name, title)
                compared += len(fast)
        finally:
            book.close()
    assert compared > 1000
