"""The proposal workbook: one sheet per section, numbers equal to the result, text never a formula."""

from __future__ import annotations

import copy
import json
import re
import shutil
import statistics
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest

from planner.domain.proposal import Proposal
from planner.exports.proposal_xlsx import write_proposal_xlsx

SAMPLE = Path(__file__).resolve().parent / "data" / "sample_result.json"
KIND_ZH = {"行政": "administrative", "事业": "institutional", "工勤": "support"}
KIND_EN = {"Administrative": "administrative", "Institutional": "institutional", "Support": "support"}


@pytest.fixture(scope="module")
def sample() -> dict:
    """A stored JSON result (as an older version wrote it); the workbook must show its numbers."""
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


def write(result: dict, path, **kwargs):
    return write_proposal_xlsx(Proposal.from_json(result), path, **kwargs)


def rows_of(ws, first: int = 2) -> list[list]:
    return [list(r) for r in ws.iter_rows(min_row=first, values_only=True)]


def check_numbers_equal_result(workbook, result: dict, kinds: dict[str, str]) -> None:
    summary, townships, moves, roster, params = (workbook[n] for n in workbook.sheetnames)
    keys = ("before", "after", "uncovered_before", "uncovered_after", "moved", "townships_touched", "reserve")
    summary_rows = rows_of(summary, 5)
    for row in summary_rows[:-1]:
        kind = kinds[row[0]]
        assert row[1:] == [result["totals"][kind][k] for k in keys]
    # the total counts distinct townships (one changing two kinds counts once); the rest are sums
    touched = len({r["township"] for r in result["townships"] if r["proposed"] != r["approved"]})
    assert summary_rows[-1][1:] == [touched if k == "townships_touched" else
                                    sum(t[k] for t in result["totals"].values()) for k in keys]

    sheet = rows_of(townships)
    assert len(sheet) == len(result["townships"])
    lines = Proposal.from_json(result).lines   # 编制/需求 as the Proposal defines it (older results recompute)
    for got, want, line in zip(sheet, result["townships"], lines):
        assert got[0] == want["township"] and kinds[got[1]] == want["kind"]
        assert got[3:12] == [want["approved"], want["staff"], want["vacancy"], want["over_quota"],
                             want["leadership"], want["required_fte"], want["required"], want["proposed"],
                             want["change"]]
        for value, figure in ((got[12], line.pressure_before), (got[13], line.pressure_after)):
            assert value == (None if figure is None else pytest.approx(figure))
        assert all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in got[3:14] if v is not None)

    sheet = rows_of(moves)
    assert [(r[1], r[2], kinds[r[3]], r[4]) for r in sheet] == [
        (m["from"], m["to"], m["kind"], m["count"]) for m in result["moves"]]
    assert sum(r[4] for r in sheet) == sum(t["moved"] for t in result["totals"].values())

    sheet = rows_of(roster)
    assert len(sheet) == len(result["ab_roster"])
    for got, want in zip(sheet, result["ab_roster"]):
        assert (got[0], kinds[got[1]], got[2]) == (want["township"], want["kind"], want["post"])
        assert got[5] == pytest.approx(want["load_hours"]) and got[6] == pytest.approx(want["capacity_hours"])
        assert got[7] == pytest.approx(want["load_hours"] / want["capacity_hours"])

    values = {r[0]: r[1] for r in rows_of(params)}
    assert result["fingerprint"] in values.values()
    assert result["parameters"]["available_hours"] in values.values()
    assert result["solver"]["seconds"] in values.values()


def test_workbook_reopens_with_numbers_equal_to_the_result(tmp_path, sample):
    path = write(sample, tmp_path / "proposal.xlsx")
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["汇总", "乡镇编制", "调剂明细", "AB岗", "参数"]
    assert "建议稿" in workbook["汇总"]["A1"].value and sample["county"] in workbook["汇总"]["A1"].value
    check_numbers_equal_result(workbook, sample, KIND_ZH)
    reasons = [r[5] for r in rows_of(workbook["调剂明细"])]
    assert reasons == [m["reason"] for m in sample["moves"]]


def test_english_workbook(tmp_path, sample):
    workbook = openpyxl.load_workbook(write(sample, tmp_path / "en.xlsx", lang="en"))
    assert workbook.sheetnames == ["Summary", "Townships", "Moves", "AB roster", "Parameters"]
    assert workbook["Townships"]["A1"].value == "Township"
    check_numbers_equal_result(workbook, sample, KIND_EN)
    assert [r[5] for r in rows_of(workbook["Moves"])] == [m["reason_en"] for m in sample["moves"]]


def test_header_rows_are_frozen_and_columns_sized(tmp_path, sample):
    workbook = openpyxl.load_workbook(write(sample, tmp_path / "p.xlsx"))
    assert workbook["汇总"].freeze_panes == "A5"
    assert workbook["汇总"]["A4"].value == "编制类型" and workbook["汇总"]["A4"].font.b
    for name in ("乡镇编制", "调剂明细", "AB岗", "参数"):
        ws = workbook[name]
        assert ws.freeze_panes == "A2", name
        assert ws["A1"].font.b, name
        # Sized to fit A4 landscape at full size (test_sheets_print_on_a4_at_full_size): the kind column
        # is narrow now, the text wraps, so "sized" means "as set", no longer "wider than 8".
        assert ws.column_dimensions["B"].width >= 6, name
    assert workbook["调剂明细"].column_dimensions["F"].width >= 40  # the reasons


def test_sheets_print_on_a4_at_full_size_with_borders_wrapping_and_the_header_repeated(tmp_path, sample):
    from openpyxl.utils import get_column_letter

    from planner.exports.xlsx_print import MIN_FONT_PT, fits_a4, print_scale

    workbook = openpyxl.load_workbook(write(sample, tmp_path / "p.xlsx"))
    assert workbook.sheetnames == ["汇总", "乡镇编制", "调剂明细", "AB岗", "参数"]
    for ws in workbook:
        setup = ws.page_setup
        assert (setup.orientation, str(setup.paperSize)) == ("landscape", "9"), ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage and (setup.fitToWidth, setup.fitToHeight) == (1, 0)
        header = 4 if ws.title == "汇总" else 1
        assert ws.print_title_rows == f"${header}:${header}", ws.title
        assert "&P" in ws.oddFooter.center.text
        widths = [ws.column_dimensions[get_column_letter(i)].width for i in range(1, ws.max_column + 1)]
        assert fits_a4(widths) and print_scale(widths) >= MIN_FONT_PT, (ws.title, widths)
        for row in ws.iter_rows(min_row=header, max_row=min(ws.max_row, 40)):
            for cell in row:
                assert cell.border.left.style == "thin" and cell.border.bottom.style == "thin", cell.coordinate
                if isinstance(cell.value, str):
                    assert cell.alignment.wrap_text, cell.coordinate
    # A long reason wraps into a row tall enough to show every line of it.
    moves = workbook["调剂明细"]
    assert moves.row_dimensions[2].height >= 2 * 15


def test_text_that_looks_like_a_formula_stays_text(tmp_path, sample):
    result = copy.deepcopy(sample)
    result["townships"][0]["township"] = "=HYPERLINK(\"http://example.invalid\",\"点击\")"
    result["moves"][0]["reason"] = "+1+2 调剂"
    result["moves"][1]["from"] = "-SUM(A1:A3)"
    result["ab_roster"][0]["post"] = "@岗位"
    result["ab_roster"][0]["a"] = ["=1+1", "接访"]
    path = write(result, tmp_path / "inject.xlsx")
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name), f"a formula was written in {name}"
    workbook = openpyxl.load_workbook(path)
    cells = [workbook["乡镇编制"]["A2"], workbook["调剂明细"]["F2"], workbook["调剂明细"]["B3"],
             workbook["AB岗"]["C2"], workbook["AB岗"]["D2"]]
    assert [c.value for c in cells] == [result["townships"][0]["township"], "+1+2 调剂", "-SUM(A1:A3)", "@岗位",
                                        "=1+1、接访"]
    for cell in cells:
        assert cell.data_type == "s" and cell.quotePrefix, cell.coordinate
    # Ordinary text gets no quote prefix; numbers stay numbers.
    assert not workbook["乡镇编制"]["A3"].quotePrefix and workbook["乡镇编制"]["D2"].data_type == "n"


def test_a_failed_write_leaves_no_file(tmp_path, sample):
    # The target is a folder holding a file: the final rename fails after the workbook was written.
    target = tmp_path / "proposal.xlsx"
    target.mkdir()
    (target / "keep.txt").write_text("x")
    with pytest.raises(OSError):
        write(sample, target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["proposal.xlsx"]
    assert [p.name for p in target.iterdir()] == ["keep.txt"]


def test_demo_county_solved_then_written(tmp_path):
    """End to end: the demo county through the real solver into the workbook."""
    from planner.demo.county import generate_demo
    from planner.solving.solve import solve_county

    proposal = solve_county(generate_demo(14, 1))
    assert proposal.status in ("optimal", "feasible") and proposal.moves
    workbook = openpyxl.load_workbook(write_proposal_xlsx(proposal, tmp_path / "demo.xlsx"))
    check_numbers_equal_result(workbook, proposal.to_json(), KIND_ZH)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_prints_the_township_sheet_at_full_size(tmp_path, sample):
    """Printed through LibreOffice, the text is as tall as the 11 pt it is set in (the workbook
    before it fitted A4 came out at under 5 pt), and the wrapped reasons are there in full."""
    path = write(sample, tmp_path / "方案.xlsx")
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(path)], capture_output=True, timeout=180, check=True)
    pdf = path.with_suffix(".pdf")
    assert pdf.is_file()
    for page in (1, 2, 3):
        boxes = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-bbox", str(pdf), "-"],
                               check=True, capture_output=True, text=True).stdout
        heights = [float(y1) - float(y0) for y0, y1 in
                   re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', boxes)]
        assert heights and statistics.median(heights) >= 9.0, (page, statistics.median(heights))
    text = re.sub(r"\s+", "", subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True,
                                             text=True).stdout)
    for move in sample["moves"]:
        assert re.sub(r"\s+", "", move["reason"]) in text


def test_the_body_and_the_annexes_as_separate_workbooks(tmp_path, sample):
    body = openpyxl.load_workbook(write(sample, tmp_path / "body.xlsx", part="body"))
    annexes = openpyxl.load_workbook(write(sample, tmp_path / "annexes.xlsx", part="annexes"))
    assert body.sheetnames == ["汇总", "乡镇编制", "调剂明细"]
    assert annexes.sheetnames == ["AB岗", "参数"]
    assert len(rows_of(annexes["AB岗"])) == len(sample["ab_roster"])
    assert [r[1] for r in rows_of(annexes["参数"])][5] == sample["fingerprint"]
    with pytest.raises(ValueError):
        write(sample, tmp_path / "x.xlsx", part="cover")
