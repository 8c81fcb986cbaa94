"""The request (请示) in Word: GB/T 9704 page and type, every township and move, the figures of
the Proposal, placeholders, and a document LibreOffice opens and converts to a PDF naming every township."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from planner.domain.vocabulary import kind_label
from planner.exports import docx_style as style
from planner.exports.request_docx import at_staff_floor, write_request_docx

OFFICIAL_FACES = {f.name for f in style.FACES}


@pytest.fixture(scope="module")
def proposal():
    from planner.demo.county import generate_demo
    from planner.solving.solve import solve_county

    result = solve_county(generate_demo(14, 1))
    assert result.moves, "the demo county is meant to need some moves"
    return result


@pytest.fixture(scope="module")
def request_path(tmp_path_factory, proposal) -> Path:
    return write_request_docx(proposal, tmp_path_factory.mktemp("docx") / "请示.docx")


@pytest.fixture(scope="module")
def document(request_path):
    return docx.Document(str(request_path))


def all_paragraphs(document):
    yield from document.paragraphs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def table_rows(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_page_is_a4_with_the_gb_margins_and_22_lines(document):
    section = document.sections[0]

    def mm(*lengths) -> tuple:  # Word stores twentieths of a point: equal to 0.1 mm
        return tuple(round(length.mm, 1) for length in lengths)

    assert mm(section.page_width, section.page_height) == (210, 297)
    assert mm(section.top_margin, section.bottom_margin, section.left_margin, section.right_margin) == (37, 35, 28, 26)
    width = section.page_width - section.left_margin - section.right_margin
    height = section.page_height - section.top_margin - section.bottom_margin
    assert mm(docx.shared.Length(width), docx.shared.Length(height)) == (156, 225)
    grid = section._sectPr.find(qn("w:docGrid"))
    pitch_pt = int(grid.get(qn("w:linePitch"))) / 20
    assert round(225 * 72 / 25.4 / pitch_pt) == 22
    # 28 characters of 三号 at the body's spacing fit the line, a 29th does not.
    advance = 16 + style.BODY_SPACING / 20
    line_pt = 156 * 72 / 25.4
    assert 28 * advance <= line_pt < 29 * advance


def test_every_run_has_its_east_asian_face_and_the_body_is_fangsong_sanhao(document):
    body_runs = 0
    for paragraph in all_paragraphs(document):
        for run in paragraph.runs:
            if not run.text.strip():
                continue
            assert style.east_asian_font(run) in OFFICIAL_FACES, (run.text, style.east_asian_font(run))
            if run.font.size == docx.shared.Pt(16) and style.east_asian_font(run) == "仿宋_GB2312":
                body_runs += 1
    assert body_runs > 20
    title = document.paragraphs[0].runs[0]
    assert style.east_asian_font(title) == "方正小标宋简体" and title.font.size == docx.shared.Pt(22)
    headings = {p.text: style.east_asian_font(p.runs[0]) for p in document.paragraphs if p.runs}
    assert headings["一、调剂的依据和必要性"] == "黑体"
    assert headings["（一）总体情况"] == "楷体_GB2312"


def test_font_table_names_what_office_pcs_have_in_place_of_each_gb_face(request_path):
    import zipfile

    xml = zipfile.ZipFile(request_path).read("word/fontTable.xml").decode("utf-8")
    for face, alt in (("仿宋_GB2312", "仿宋"), ("楷体_GB2312", "楷体"), ("方正小标宋简体", "宋体"),
                      ("仿宋", "FangSong"), ("楷体", "KaiTi"), ("宋体", "SimSun"), ("黑体", "SimHei")):
        assert re.search(rf'w:name="{face}">\s*<w:altName w:val="{alt}"/>', xml), face


def test_page_number_is_a_page_field_between_dashes_right_on_odd_pages_left_on_even(document):
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    section = document.sections[0]
    assert document.settings.odd_and_even_pages_header_footer
    for footer, alignment in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
                              (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
        paragraph = footer.paragraphs[0]
        assert "PAGE" in "".join(t.text for t in paragraph._p.iter(qn("w:instrText")))
        assert paragraph._p.xml.count('w:fldCharType="begin"') == 1
        assert paragraph.text.startswith("— ") and paragraph.text.endswith(" —")
        assert paragraph.alignment == alignment


def test_every_township_move_and_total_comes_from_the_proposal(document, proposal):
    totals, moves, townships = document.tables
    rows = table_rows(totals)
    for row, kind in zip(rows[1:], proposal.kinds_present()):
        t = proposal.totals_of(kind)
        assert row == [kind_label(kind, "zh", long=True), *map(str, (t.before, t.after, t.uncovered_before,
                                                                      t.uncovered_after, t.moved,
                                                                      t.townships_touched, t.reserve))]
    assert rows[-1][0] == "合计" and rows[-1][6] == str(proposal.townships_touched)

    rows = table_rows(moves)[1:-1]
    assert len(rows) == len(proposal.moves)
    for row, move in zip(rows, proposal.moves):
        assert row[1:5] == [move.giver, move.receiver, kind_label(move.kind, "zh", short=True), str(move.count)]
        assert row[5] == move.reason
    assert table_rows(moves)[-1][4] == str(proposal.slots_moved)

    rows = table_rows(townships)
    assert [r[0] for r in rows[1:-1]] == proposal.township_names()
    first = proposal.township_names()[0]
    for kind_no, kind in enumerate(proposal.kinds_present()):
        line = next(line for line in proposal.lines_of(kind) if line.township == first)
        assert rows[1][1 + 2 * kind_no: 3 + 2 * kind_no] == [str(line.approved), str(line.proposed)]


def test_article_16_points_carry_the_planners_figures_and_mark_what_it_cannot_know(document, proposal):
    text = "\n".join(p.text for p in document.paragraphs)
    for heading in ("一、调剂的依据和必要性", "二、调剂方案", "三、有关事项说明", "（一）调剂的效果",
                    "（二）是否考虑了调整编制以外的办法", "（三）对财政的影响", "（四）风险及应对"):
        assert heading in text, heading
    assert f"由{proposal.uncovered_before}名降至{proposal.uncovered_after}名" in text
    assert f"共调剂编制{proposal.slots_moved}名，涉及{proposal.townships_touched}个乡镇" in text
    vacancy = sum(line.vacancy for line in proposal.lines)
    assert f"调剂前全县空编{vacancy}名" in text
    floors = sum(1 for line in proposal.lines if at_staff_floor(line))
    assert f"{floors}项编制调剂后与实有人数相等" in text
    placeholders = [run for p in document.paragraphs for run in p.runs if run.text.startswith("【待填写")]
    assert len(placeholders) >= 5 and any("经费" in run.text for run in placeholders)
    assert all(run.font.highlight_color is not None for run in placeholders)
    assert "以上请示妥否，请批示。" in text and "青岚县机构编制委员会办公室" in text


def test_english_request_speaks_english(tmp_path, proposal):
    document = docx.Document(str(write_request_docx(proposal, tmp_path / "request.docx", lang="en")))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Request for the reallocation" in text and "(3) Fiscal effect" in text
    names = set(proposal.township_names()) | {proposal.county}
    for name in names:
        text = text.replace(name, "")
    assert not re.search(r"[\u4e00-\u9fff]", text)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_converts_it_to_a_pdf_naming_every_township(tmp_path, request_path, proposal):
    out = subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
                          "pdf", "--outdir", str(tmp_path), str(request_path)], capture_output=True, text=True,
                         timeout=180, check=False)  # its output explains a missing PDF below
    pdf = tmp_path / (request_path.stem + ".pdf")
    assert pdf.is_file(), out.stdout + out.stderr
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    for name in proposal.township_names():
        assert name in text, name
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert "(A4)" in info
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert 2 <= pages <= 12
    # Every page is numbered "— N —" by the PAGE field.
    for number, page in enumerate(text.split("\f")[:-1], 1):
        assert re.search(rf"—\s*{number}\s*—", page), number


def test_solve_writes_the_request_the_body_and_the_annexes_apart(demo_db, tmp_path, capsys):
    from cli import main

    files = {flag: tmp_path / name for flag, name in (("--docx", "请示.docx"), ("--pdf", "正文.pdf"),
                                                      ("--annex-pdf", "附件.pdf"))}
    code = main(["solve", "--db", str(demo_db.path), *[str(a) for pair in files.items() for a in pair]])
    err = capsys.readouterr().err
    assert code == 0, err
    assert all(path.is_file() for path in files.values()), err
    names = [p.text for p in docx.Document(str(files["--docx"])).tables[2].column_cells(0)][1:-1]
    assert len(names) == 14
    body = subprocess.run(["pdftotext", str(files["--pdf"]), "-"], check=True, capture_output=True, text=True).stdout
    annex = subprocess.run(["pdftotext", str(files["--annex-pdf"]), "-"], check=True, capture_output=True,
                           text=True).stdout
    assert "三、调剂明细" in body and "A岗职责" not in body
    assert annex.lstrip().startswith("附件1") and "A岗职责" in annex and "三、调剂明细" not in annex


def test_properties_are_in_the_order_word_requires(request_path):
    """Word calls a document damaged when a paragraph's or a run's properties are out of schema
    order (LibreOffice does not mind, so converting it proves nothing about Word)."""
    import zipfile

    from lxml import etree

    archive = zipfile.ZipFile(request_path)
    parts = [n for n in archive.namelist() if re.match(r"word/(document|styles|footer\d*)\.xml$", n)]
    checked = 0
    for name in parts:
        root = etree.fromstring(archive.read(name))
        for tag, order in (("w:pPr", style.PPR_ORDER), ("w:rPr", style.RPR_ORDER)):
            rank = {qn(t): i for i, t in enumerate(order)}
            for props in root.iter(qn(tag)):
                ranks = [rank[child.tag] for child in props if child.tag in rank]
                assert ranks == sorted(ranks), (name, etree.tostring(props)[:300])
                unknown = [child.tag for child in props if child.tag not in rank]
                assert not unknown, (name, unknown)
                checked += 1
    assert checked > 100


def test_plan_writes_its_request_in_word(demo_db, tmp_path, capsys):
    import json

    from cli import main
    from planner.domain.plan import Plan

    code = main(["plan", "--db", str(demo_db.path), "--years", "3", "--docx", str(tmp_path / "规划请示.docx"),
                 "--json", str(tmp_path / "plan.json")])
    assert code == 0, capsys.readouterr().err
    plan = Plan.from_json(json.loads((tmp_path / "plan.json").read_text(encoding="utf-8")))
    document = docx.Document(str(tmp_path / "规划请示.docx"))
    first, last = plan.years[0], plan.years[-1]
    assert document.paragraphs[0].text == f"关于{plan.county}乡镇机构编制{first}—{last}年统筹规划的请示"
    totals = document.tables[0]
    rows = table_rows(totals)[1:]
    expected = [[kind_label(kind, "zh", short=True), str(r.year), str(r.quota), str(r.pool_lent), str(r.pool_held),
                 str(r.staff_start), str(r.uncovered), str(sum(m.count for m in plan.moves_of(r.year, kind)))]
                for kind, per_year in plan.totals().items() for r in per_year]
    assert rows == expected
    townships = table_rows(document.tables[-1])
    assert [r[0] for r in townships[1:]] == plan.township_names()
    assert plan.moves, "the demo county's plan is meant to move some quota"
    moves = table_rows(document.tables[1])[1:-1]
    assert [(r[0], r[1], r[2], r[4]) for r in moves] == [(str(m.year), m.giver, m.receiver, str(m.count))
                                                         for m in plan.moves]
    text = "\n".join(p.text for p in document.paragraphs)
    assert f"共调剂编制{plan.slots_moved}名" in text and "以上请示妥否，请批示。" in text
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            if run.text.strip():
                assert style.east_asian_font(run) in OFFICIAL_FACES
