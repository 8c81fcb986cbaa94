"""Odd and hostile workbooks that must be read correctly, or refused within bounds of
time and memory; the refused ones with their messages are in make_bad_workbooks.py."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import openpyxl
import pytest

from planner.excel import read_workbook, write_workbook
from planner.excel.fastsheet import FastWorkbook
from planner.excel.template import clean_name
from tests import hostile_workbooks as hw
from tests.make_bad_workbooks import CASES, base_county, write_base

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    return write_base(tmp_path_factory.mktemp("hostile") / "base.xlsx")


def _build(build, base: Path, target: Path) -> Path:
    build(base, target)
    return target


def _county_names(county) -> list[str]:
    return [t.name for t in county.townships]


def test_every_format_character_is_invisible_to_names():
    import sys as _sys

    format_chars = [chr(c) for c in range(_sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"]
    assert format_chars
    assert all(clean_name(f"柳湾{ch}镇") == "柳湾镇" for ch in format_chars)
    assert clean_name("\ufeff柳湾镇\u200b") == clean_name("柳湾\u200f镇") == "柳湾镇"
    assert clean_name("ＡＢ镇　") == "AB镇"


def test_look_alike_names_are_stored_clean(tmp_path):
    county = base_county()
    path = write_workbook(tmp_path / "base.xlsx", county)
    wb = openpyxl.load_workbook(path)
    wb["乡镇"]["A2"] = "\ufeff柳湾镇"          # township name with a byte-order mark
    wb["编制"]["A2"] = "柳湾镇\u200b"          # a reference with a zero-width space
    wb["内设机构"]["B2"] = "党政综合办公室\u2060"  # an office with a word joiner …
    wb["职责事项"]["B2"] = "党政综合办公室"      # … referred to without it
    wb["人员"]["C2"] = "张\u200d三"
    wb.save(path)
    result = read_workbook(path)
    assert result.problems == []
    assert _county_names(result.county) == _county_names(county)
    first = result.county.townships[0]
    assert first.offices[0].name == "党政综合办公室"
    assert first.people[0].name == "张三"
    assert result.county.townships[0].quotas == county.townships[0].quotas


@pytest.mark.parametrize("text, expected", [("1,900", 1900), ("12,345", 12345), ("１，９００", 1900),
                                            ("2,000,000", 2000000)])
def test_thousands_separators_are_read(tmp_path, text, expected):
    path = write_workbook(tmp_path / "base.xlsx", base_county())
    wb = openpyxl.load_workbook(path)
    wb["职责事项"]["D2"] = text
    wb.save(path)
    result = read_workbook(path)
    assert result.problems == []
    assert result.county.townships[0].duties[0].annual_volume == expected


def _sheet_with(base: Path, target: Path, title: str, change) -> Path:
    return _build(hw.sheet_edit(title, change), base, target)


def test_cdata_single_quotes_and_cells_without_references_are_read(base, tmp_path):
    def change(data: bytes) -> bytes:
        data = hw.cell_xml("A2", '<c r="A2" t="inlineStr"><is><t><![CDATA[柳湾镇]]></t></is></c>'.encode())(data)
        data = hw.cell_xml("D2", b"<c r='D2' t='n'><v>28000</v></c>")(data)
        # row 3 without any cell references: each cell follows the one before
        start = data.index(b'<row r="3"')
        end = data.index(b"</row>", start)
        row = data[start:end].replace(b' r="A3"', b"").replace(b' r="B3"', b"").replace(b' r="C3"', b"")
        return data[:start] + row + data[end:]
    path = _sheet_with(base, tmp_path / "odd.xlsx", "乡镇", change)
    result = read_workbook(path)
    assert result.problems == []
    assert result.county == read_workbook(base).county


def test_comments_are_not_cells_in_the_fast_reader(base, tmp_path):
    path = _sheet_with(base, tmp_path / "c.xlsx", "编制",
                       hw.cell_xml("E2", b'<c r="E2" t="n"><v>9</v></c><!-- <c r="F2"><v>999</v></c> -->'))
    book = FastWorkbook.open(path)
    try:
        rows = dict(book["编制"].iter_numbered())
    finally:
        book.close()
    assert rows[2][-1] == 9 and 999 not in rows[2]


def test_rows_outside_the_data_section_or_of_another_name_are_no_rows(base, tmp_path):
    stray = b'<c r="C2"><v>999</v></c>'

    def change(data: bytes) -> bytes:
        data = data.replace(b'<row r="3">', b'<row-x r="2">' + stray + b'</row-x><row r="3">', 1)
        return data.replace(b"</sheetData>", b'</sheetData><extLst><ext uri="x"><row r="11">'
                            + stray.replace(b"C2", b"C11") + b"</row></ext></extLst>", 1)
    path = _sheet_with(base, tmp_path / "stray.xlsx", "编制", change)
    result = read_workbook(path)
    assert result.problems == []
    assert result.county == read_workbook(base).county


def test_far_rows_are_skipped_not_iterated(base, tmp_path):
    # The last quota row moved to Excel's last row: read as that row, and quickly.
    path = _sheet_with(base, tmp_path / "far.xlsx", "编制", hw.move_row_to_end(10, 1_048_576))
    started = time.perf_counter()
    result = read_workbook(path)
    assert time.perf_counter() - started < 10
    assert result.problems == []
    assert result.county == read_workbook(base).county


def test_cells_in_column_xfd_are_not_materialised(base, tmp_path):
    path = _sheet_with(base, tmp_path / "wide.xlsx", "职责事项", hw.wide_rows("职责事项"))
    started = time.perf_counter()
    result = read_workbook(path)
    assert time.perf_counter() - started < 10
    assert result.problems == []
    assert result.county == read_workbook(base).county
    assert any(n.sheet == "职责事项" and "表头以外的列中有数据" in n.message_zh for n in result.notices)


_MEASURE = """
import json, resource, sys, time
from planner.excel import read_workbook
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
result = read_workbook(sys.argv[1])
print(json.dumps({"seconds": time.perf_counter() - started, "ok": result.ok,
                  "grew_mb": (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024,
                  "problems": [p.format() for p in result.problems]}))
"""


def _measure(path: Path) -> dict:
    run = subprocess.run([sys.executable, "-c", _MEASURE, str(path)], cwd=ROOT, capture_output=True,
                         text=True, timeout=120, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


@pytest.mark.skipif(sys.platform == "win32", reason="resource is POSIX")
def test_an_ignored_sheet_is_never_decompressed(base, tmp_path):
    # 250 MB of honest XML in a sheet the import ignores, 250 KB on disk.
    path = _build(hw.ignored_sheet("草稿", 250), base, tmp_path / "ignored.xlsx")
    assert path.stat().st_size < 2 * 1024 * 1024
    measured = _measure(path)
    assert measured["ok"], measured["problems"]
    assert measured["seconds"] < 10
    assert measured["grew_mb"] < 150


@pytest.mark.skipif(sys.platform == "win32", reason="resource is POSIX")
@pytest.mark.parametrize("name", ["ignored_sheet_of_1_5_gb", "known_sheet_of_1_gb", "too_many_shared_strings",
                                  "row_number_2_000_000_000", "too_many_members"])
def test_bombs_are_refused_without_memory(base, tmp_path, name):
    case = next(c for c in CASES if c.name == name)
    path = _build(case.build, base, tmp_path / f"{name}.xlsx")
    assert path.stat().st_size < 4 * 1024 * 1024
    measured = _measure(path)
    assert not measured["ok"]
    assert any(case.fragment in line for line in measured["problems"]), measured["problems"]
    assert measured["seconds"] < 10
    assert measured["grew_mb"] < 150


def test_file_and_directory_bounds_come_before_the_zip_is_parsed(base, monkeypatch):
    from planner.excel import package

    monkeypatch.setattr(package, "MAX_FILE_BYTES", 1000)
    assert "超过 1 KB 的上限" in read_workbook(base).problems[0].message_zh
    monkeypatch.undo()
    monkeypatch.setattr(package, "MAX_DIRECTORY_BYTES", 100)
    problem = read_workbook(base).problems[0]
    assert problem.sheet == base.name and "压缩包目录" in problem.message_zh


def test_a_part_is_counted_while_it_is_read_whatever_its_header_says():
    """zipfile already stops at the size in the directory; the count while reading does
    not rely on that."""
    import io
    import zipfile

    from planner.excel.package import PackageError, read_part

    class LyingZip:
        def getinfo(self, name):
            info = zipfile.ZipInfo(name)
            info.file_size = 10
            return info

        def open(self, info):
            return io.BytesIO(b"x" * (3 * 1024 * 1024))

    with pytest.raises(PackageError) as caught:
        read_part(LyingZip(), "xl/worksheets/sheet1.xml", 2 * 1024 * 1024, "编制")
    assert "工作表“编制”解压后超过 3 MB，超过 2 MB 的上限" in caught.value.zh
    assert caught.value.where == "编制"
