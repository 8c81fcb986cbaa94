"""The wall table (双AB岗公示表): the printed PDF names every duty, the workbook, the roster command."""

from __future__ import annotations

import json
import re
import subprocess
from datetime import date

import openpyxl
import pytest

from cli import main as cli_main
from planner.demo.county import generate_demo
from planner.services.posts import wall_tables


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture
def tables(demo_db):
    return wall_tables(demo_db, "芦汀镇", on=date(2026, 12, 1))


def test_the_printed_wall_table_names_every_duty_and_holder(qapp, tmp_path, tables):
    from ui.report.wall_table import write_wall_table_pdf

    path = write_wall_table_pdf(tables, tmp_path / "wall.pdf")
    text = _flat(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout)
    table = tables[0]
    assert "芦汀镇双AB岗公示表" in text and "2026年12月1日" in text
    assert table.rows and all(_flat(row.duty) in text for row in table.rows)
    holders = {name for row in table.rows for name in row.a + row.b}
    assert holders and all(name in text for name in holders)
    pages = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Page size:\s+595(\.\d+)? x 842", pages), "A4 portrait"


def test_the_wall_table_shows_the_gaps_as_blanks(tables):
    table = tables[0]
    gaps = {g.subject for g in table.gaps if g.code in ("no_a", "no_b")}
    assert gaps, "the demo arrangement has gaps the checks find"
    blank = {r.duty for r in table.rows if not r.a or (r.needs_backup and not r.b)}
    assert blank == gaps


def test_the_workbook_has_one_sheet_per_township_on_a4(tmp_path, demo_db):
    from planner.exports.wall_table_xlsx import write_wall_table_xlsx

    every = wall_tables(demo_db)
    path = write_wall_table_xlsx(every, tmp_path / "wall.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == [t.township for t in every]
    ws = wb[every[0].township]
    assert ws["A1"].value == f"{every[0].township}双AB岗公示表"
    assert [c.value for c in ws[3]] == ["序号", "内设机构", "职责事项", "A岗（主办）", "B岗（备岗）", "备岗机构"]
    assert [ws.cell(4 + i, 3).value for i in range(len(every[0].rows))] == [r.duty for r in every[0].rows]
    assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4) and ws.page_setup.orientation == "portrait"


def test_the_roster_command_writes_json_pdf_and_excel(tmp_path, demo_db, capsys):
    out = tmp_path / "r.json"
    code = cli_main(["roster", "--db", str(demo_db.path), "--township", "芦汀镇", "--json", str(out),
                     "--xlsx", str(tmp_path / "r.xlsx"), "--pdf", str(tmp_path / "r.pdf")])
    assert code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    [town] = data["townships"]
    # One row per duty of the township in the ledger (the demo the fixture wrote).
    duties = len(next(t for t in generate_demo(14, 1).townships if t.name == "芦汀镇").duties)
    assert town["township"] == "芦汀镇" and len(town["rows"]) == duties
    assert {"office", "duty", "a", "b", "office_backup"} <= set(town["rows"][0])
    assert any(g["text"].endswith("没有B岗") for g in town["gaps"])
    assert (tmp_path / "r.xlsx").stat().st_size > 0 and (tmp_path / "r.pdf").read_bytes()[:4] == b"%PDF"
    printed = capsys.readouterr().out
    assert f"芦汀镇\t{duties}" in printed and "没有B岗" in printed


def test_the_roster_command_names_an_unknown_township(demo_db, capsys):
    assert cli_main(["roster", "--db", str(demo_db.path), "--township", "无此镇"]) == 2
    assert "没有名为“无此镇”的乡镇" in capsys.readouterr().err
