"""The printed proposal: PDF text, fonts, orientation, pagination, printer, preview, headless use.

The PDF is read back with poppler (pdftotext, pdffonts, pdfinfo), as a
reader's search or copy-and-paste would see it.
"""

from __future__ import annotations

import copy
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from planner.domain.proposal import Proposal

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "data" / "sample_result.json"
SHORT = {"administrative": "行政", "institutional": "事业", "support": "工勤"}
KIND_NAMES = {"administrative": "行政编制", "institutional": "事业编制", "support": "工勤编制"}
RADICALS = re.compile("[\u2e80-\u2fdf]")



def load_sample() -> dict:
    """A stored JSON result (as an older version wrote it); the document must print its figures."""
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


def proposal_of(data: dict) -> Proposal:
    return Proposal.from_json(data)


def pdftotext(path: Path, *args: str) -> str:
    return subprocess.run(["pdftotext", *args, str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def page_sizes(path: Path) -> list[tuple[float, float]]:
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "100000", str(path)], check=True, capture_output=True,
                          text=True).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]


@pytest.fixture(scope="module")
def sample() -> dict:
    return load_sample()


@pytest.fixture(scope="module")
def zh_pdf(tmp_path_factory, sample) -> Path:
    from ui.report import write_proposal_pdf

    path = tmp_path_factory.mktemp("pdf") / "proposal.pdf"
    assert write_proposal_pdf(proposal_of(sample), path, lang="zh_CN") == path
    return path


@pytest.fixture(scope="module")
def zh_pages(zh_pdf) -> list[str]:
    return pdftotext(zh_pdf, "-layout").split("\f")[:-1]


def test_pdf_text_names_every_township_total_and_move_in_chinese(zh_pdf, zh_pages, sample):
    text = "\n".join(zh_pages)
    assert "青岚县乡镇机构编制调剂方案" in text and "建议稿" in text
    # Radicals in place of ideographs (⻘ for 青) would break every search below.
    assert not RADICALS.search(text)
    for name in {row["township"] for row in sample["townships"]}:
        assert name in text, name
    for kind, totals in sample["totals"].items():
        figures = [totals[k] for k in ("before", "after", "uncovered_before", "uncovered_after", "moved",
                                       "townships_touched", "reserve")]
        assert re.search(KIND_NAMES[kind] + r"\s+" + r"\s+".join(map(str, figures)) + r"\s*$", text, re.M), kind
    for move in sample["moves"]:
        pattern = rf"{move['from']}\s+{move['to']}\s+{SHORT[move['kind']]}\s+{move['count']}\b"
        assert re.search(pattern, text), move
    # The reasons are in the document too (wrapped inside their cells, so compare without line breaks).
    flat = re.sub(r"\s+", "", text)
    for move in sample["moves"]:
        assert move["reason"][:12] in flat


def test_township_table_rows_match_the_result(zh_pages, sample):
    text = "\n".join(zh_pages)
    flat = re.sub(r"\s+", "", text)
    for row in sample["townships"]:
        assert re.sub(r"\s+", "", row["explanation"]) in flat  # the annex of reasons
        name = row["township"] + ("（锁定）" if row["locked"] else "")
        numbers = [row["approved"], row["staff"], row["vacancy"], row["over_quota"], row["leadership"],
                   f"{row['required_fte']:.1f}", row["required"], row["proposed"],
                   f"+{row['change']}" if row["change"] > 0 else row["change"]]
        pattern = re.escape(name) + r"\s+" + r"\s+".join(re.escape(str(n)) for n in numbers) + r"\b"
        assert re.search(pattern, text), row


def test_demo_county_solved_then_printed(tmp_path, qapp):
    """End to end: the demo county through the real solver into the PDF, read back with pdftotext."""
    from planner.demo.county import generate_demo
    from planner.solving.solve import solve_county
    from ui.report import write_proposal_pdf

    county = generate_demo(14, 1)
    proposal = solve_county(county)
    result = proposal.to_json()
    assert result["moves"], "the demo county is meant to need some moves"
    text = pdftotext(write_proposal_pdf(proposal, tmp_path / "demo.pdf"), "-layout")
    assert not RADICALS.search(text)
    for township in county.townships:
        assert township.name in text, township.name
    for kind, totals in result["totals"].items():
        figures = [totals[k] for k in ("before", "after", "uncovered_before", "uncovered_after", "moved",
                                       "townships_touched", "reserve")]
        assert re.search(KIND_NAMES[kind] + r"\s+" + r"\s+".join(map(str, figures)) + r"\s*$", text, re.M), kind
    for move in result["moves"]:
        pattern = rf"{move['from']}\s+{move['to']}\s+{SHORT[move['kind']]}\s+{move['count']}\b"
        assert re.search(pattern, text), move
    # The moves table's total row holds only "合计" and the slots moved.
    assert re.search(rf"^\s*合计\s+{sum(m['count'] for m in result['moves'])}\s*$", text, re.M)


@pytest.fixture(scope="module")
def demo_proposal(qapp):
    from planner.demo.county import generate_demo
    from planner.solving.solve import solve_county

    return solve_county(generate_demo(14, 1))


def page_fill(page) -> float:
    """How far down its text block a laid-out page is written (text, rules and images alike)."""
    from ui.report.geometry import ImageOp, LineOp, Units

    units = Units(1200)
    body = units.body_rect(page.geometry)
    bottom = max(max(op.y1, op.y2) if isinstance(op, LineOp) else op.rect.bottom() for op in page.ops
                 if isinstance(op, (LineOp, ImageOp)) or op.text.strip())
    return (bottom - body.top()) / body.height()


def test_the_demo_body_is_short_and_no_page_but_the_last_is_under_a_quarter_full(tmp_path, demo_proposal):
    from ui.report import BODY
    from ui.report.render import ProposalDocument

    document = ProposalDocument(demo_proposal, "zh_CN", part=BODY)
    path = document.write_pdf(tmp_path / "body.pdf")
    pages = pdftotext(path, "-layout").split("\f")[:-1]
    assert len(pages) == len(document.pages) <= 12
    fills = [page_fill(page) for page in document.pages]
    assert all(fill >= 0.25 for fill in fills[:-1]), fills
    # The same measured on the PDF itself: every page but the last holds a quarter of the 22 lines.
    assert all(len([line for line in page.splitlines() if line.strip()]) >= 22 / 4 for page in pages[:-1])
    text = "\n".join(pages)
    for name in demo_proposal.township_names():
        assert name in text, name
    assert "三、调剂明细" in text and "四、需要说明的情况" in text
    # The annexes are named at the end of the body, but none of them is in it.
    assert "附件：1．各乡镇编制测算与调剂说明" in re.sub(r"[ \t]+", "", text)
    assert demo_proposal.fingerprint not in re.sub(r"\s+", "", text) and "A岗职责" not in text
    # The signature shares its page with the last lines of the text (GB/T 9704).
    last = [line for line in pages[-1].splitlines() if line.strip()]
    assert "委员会办公室" in pages[-1] and not last[0].strip().startswith("附件")


def test_the_annexes_hold_the_rosters_and_the_technical_note_in_words(tmp_path, demo_proposal):
    from ui.report import ANNEXES, write_proposal_pdf

    path = write_proposal_pdf(demo_proposal, tmp_path / "annexes.pdf", part=ANNEXES)
    pages = pdftotext(path, "-layout").split("\f")[:-1]
    assert pages[0].lstrip().startswith("附件1")
    flat = re.sub(r"\s+", "", "\n".join(pages))
    assert "一、总体情况" not in flat and "青岚县机构编制委员会：" not in flat
    for post in demo_proposal.roster[:3] + demo_proposal.roster[-3:]:
        assert post.post in flat and post.township in flat
    technical = next(page for page in pages if re.search(r"^\s*附件5\s*$", page, re.M))
    words = re.sub(r"\s+", "", technical)
    assert "计算说明" in words and demo_proposal.fingerprint in words and "优化求解器" in words
    assert "SHA-256" not in flat and "FTE" not in flat
    # Each annex starts on a page of its own; inside one, no page but its last is under a quarter full.
    starts = [i for i, page in enumerate(pages) if re.search(r"^\s*附件\d\s*$", page, re.M)]
    assert len(starts) == 5


def test_cjk_fonts_are_embedded(zh_pdf):
    out = subprocess.run(["pdffonts", str(zh_pdf)], check=True, capture_output=True, text=True).stdout
    rows = [line.split() for line in out.splitlines()[2:] if line.strip()]
    assert rows, out
    for row in rows:
        assert row[-5] == "yes", f"font not embedded: {row}"  # the "emb" column
    assert any("CJK" in row[0] or "Song" in row[0] or "Fang" in row[0] or "Hei" in row[0] for row in rows), out


def test_wide_tables_are_landscape_and_every_page_is_numbered(zh_pdf, zh_pages):
    sizes = page_sizes(zh_pdf)
    assert len(sizes) == len(zh_pages) > 10
    portrait, landscape = (595.0, 842.0), (842.0, 595.0)

    def size_of_page_with(pattern: str) -> tuple[float, float]:
        index = next(i for i, page in enumerate(zh_pages) if re.search(pattern, page, re.M))
        return tuple(round(v) for v in sizes[index])

    assert size_of_page_with("青岚县机构编制委员会") == portrait
    assert size_of_page_with("表2-1") == landscape
    assert size_of_page_with("三、调剂明细") == portrait
    assert size_of_page_with(r"^\s*附件1\s*$") == portrait    # reasons per township
    assert size_of_page_with(r"^\s*附件2\s*$") == landscape   # the A/B roster
    assert size_of_page_with(r"^\s*附件3\s*$") == portrait    # parameters
    assert size_of_page_with(r"^\s*附件4\s*$") == landscape   # charts
    for number, page in enumerate(zh_pages, start=1):
        assert re.search(rf"—\s*{number}\s*—", page), f"page {number} has no page number"


def test_parameters_fingerprint_and_solver_are_printed(zh_pdf, sample):
    # -raw keeps the drawing order, so a value wrapped inside its cell reads on without the next column.
    flat = re.sub(r"\s+", "", pdftotext(zh_pdf, "-raw"))
    assert sample["fingerprint"] in flat
    # optimal for the A/B requirements it was given, and it says how many designs are not proven minimal
    not_proven = sum(1 for d in sample["ab_designs"] if not d.get("proven_minimal"))
    assert not_proven and "HiGHS1.8.0" in flat and f"最优（基于AB岗需求；{not_proven}个岗位设计未证明最少）" in flat
    assert "1784小时" in flat  # available working time
    for post in sample["ab_roster"][:5] + sample["ab_roster"][-5:]:
        assert post["post"] in flat


def test_long_table_repeats_its_header_and_never_splits_a_row(qapp):
    from PySide6.QtCore import QBuffer
    from PySide6.QtGui import QPdfWriter

    from ui.report.blocks import Column, Heading, Table, TitleBlock
    from ui.report.fonts import ReportFonts
    from ui.report.geometry import TextOp, Units
    from ui.report.layout import paginate

    writer = QPdfWriter(QBuffer())
    writer.setResolution(600)
    rows = [[f"R{i:03d}", "甲乙丙丁" * (1 + i % 7), f"{i}"] for i in range(150)]
    table = Table([Column("编号", 1), Column("很长的职责名称列", 3, "left"), Column("数值", 1)], rows,
                  caption="表9　测试")
    pages = paginate([TitleBlock("标题"), Heading("一、测试"), table], writer, ReportFonts.select(), 600)
    assert len(pages) > 3
    where: dict[str, set[int]] = {}
    for n, page in enumerate(pages):
        texts = [op.text for op in page.ops if isinstance(op, TextOp)]
        assert "很长的职责名称列" in texts, f"page {n + 1} lacks the header"
        if n:
            assert "表9　测试（续）" in texts
        body = Units(600).body_rect(page.geometry)
        for op in page.ops:
            if isinstance(op, TextOp):
                assert op.rect.bottom() <= body.bottom() + 1, f"text below the text block on page {n + 1}"
        row_of_cell = None
        for op in page.ops:
            if isinstance(op, TextOp) and re.fullmatch(r"R\d{3}", op.text):
                row_of_cell = op.text
                where.setdefault(row_of_cell, set()).add(n)
            elif isinstance(op, TextOp) and row_of_cell and op.text.startswith("甲"):
                where[row_of_cell].add(n)
    assert sorted(where) == [r[0] for r in rows]
    assert all(len(pages_of_row) == 1 for pages_of_row in where.values()), "a row was split over pages"


def test_english_document_has_english_headings_and_reasons(tmp_path, sample, qapp):
    from ui.report.render import ProposalDocument

    path = ProposalDocument(proposal_of(sample), "en", charts=False).write_pdf(tmp_path / "en.pdf")
    text = pdftotext(path, "-layout")
    flat = re.sub(r"\s+", " ", text)
    for heading in ("Reallocation of Township Establishment Quota", "(Draft for decision)", "1. Summary",
                    "Itemised moves", "Annex 1", "Reasons by township",
                    "A/B roster of each township", "Parameters", "How the proposal was computed"):
        assert heading in flat, heading
    assert "调剂明细" not in text and "建议稿" not in text
    short = {"administrative": "Admin.", "institutional": "Inst.", "support": "Support"}
    for move in sample["moves"]:
        assert re.search(rf"{move['from']}\s+{move['to']}\s+{re.escape(short[move['kind']])}\s+{move['count']}\b",
                         text), move
        assert move["reason_en"].split(";")[0][:20] in flat


def test_infeasible_result_prints_the_diagnosis(tmp_path, sample, qapp):
    from ui.report.render import ProposalDocument

    result = copy.deepcopy(sample)
    result.update(status="infeasible", moves=[], ab_roster=[], ab_designs=[],
                  diagnosis=["碧波乡行政编制实有人数超过核定编制，锁定后无法满足人员不减的要求。"])
    path = ProposalDocument(proposal_of(result), "zh_CN", charts=False).write_pdf(tmp_path / "infeasible.pdf")
    flat = re.sub(r"\s+", "", pdftotext(path))
    assert "无法形成同时满足全部硬性要求的调剂方案" in flat
    assert "锁定后无法满足人员不减的要求" in flat
    assert "本方案不调剂编制" in flat and "规则无法同时满足" in flat


def test_print_on_a_printer_turns_landscape_pages_on_portrait_paper(tmp_path, sample, qapp):
    from PySide6.QtPrintSupport import QPrinter

    from ui.report.render import ProposalDocument

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    document = ProposalDocument(proposal_of(sample), "zh_CN", charts=False)
    pages = document.print_to(printer)
    assert pages == len(document.pages) and any(p.orientation == "landscape" for p in document.pages)
    sizes = page_sizes(tmp_path / "printed.pdf")
    assert len(sizes) == pages and {tuple(map(round, s)) for s in sizes} == {(595, 842)}
    text = pdftotext(tmp_path / "printed.pdf")
    assert "青岚县乡镇机构编制调剂方案" in text
    for name in {row["township"] for row in sample["townships"]}:
        assert name in text, name


def test_repaired_to_unicode_gives_the_written_characters(tmp_path, qapp):
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
    from PySide6.QtGui import QPainter, QPdfWriter

    from ui.report.fonts import ReportFonts
    from ui.report.pdf_unicode import repair_to_unicode

    written = "一青山镇长乡工人立方高"  # each shares a glyph with a Kangxi or supplement radical in Noto CJK
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    fonts = ReportFonts.select()
    painter = QPainter(writer)
    painter.setFont(fonts.body_font())
    painter.drawText(QRectF(0, 0, 8000, 600), 0, written)
    painter.end()
    buffer.close()
    path = tmp_path / "repaired.pdf"
    path.write_bytes(repair_to_unicode(bytes(data), written, [fonts.body_font()]))
    assert pdftotext(path).strip() == written
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True)
    assert info.returncode == 0 and "Error" not in info.stderr


def test_cmap_parser_reads_both_bfrange_forms_and_bfchar():
    from ui.report.pdf_unicode import parse_cmap, write_cmap

    cmap = (b"2 beginbfrange\n<0001> <0003> <4E00>\n<0004> <0005> [<9752> <5C71>]\nendbfrange\n"
            b"1 beginbfchar\n<0006> <D835DC00>\nendbfchar\n")
    mapping = parse_cmap(cmap)
    assert mapping == {1: "一", 2: "丁", 3: "丂", 4: "青", 5: "山", 6: "\U0001d400"}
    assert parse_cmap(write_cmap(mapping)) == mapping


def test_official_faces_are_preferred_when_installed(qapp):
    from ui.report.fonts import ReportFonts

    office_pc = {"方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312", "宋体", "Times New Roman",
                 "Noto Serif CJK SC", "Noto Sans CJK SC"}
    chosen = ReportFonts.select("zh_CN", installed=office_pc)
    assert (chosen.title, chosen.body, chosen.heading, chosen.kai, chosen.table) == (
        "方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312", "宋体")
    # 小标宋 and 黑体 are heavy faces already: no synthetic bold on top.
    assert chosen.title_font().bold() is False and chosen.heading_font().bold() is False
    windows_english_names = {"SimSun", "FangSong", "SimHei", "KaiTi"}
    chosen = ReportFonts.select("zh_CN", installed=windows_english_names)
    assert (chosen.title, chosen.body, chosen.heading, chosen.kai) == ("SimSun", "FangSong", "SimHei", "KaiTi")
    linux = ReportFonts.select("zh_CN", installed={"Noto Serif CJK SC", "Noto Sans CJK SC", "DejaVu Serif"})
    assert (linux.title, linux.body, linux.heading, linux.kai) == (
        "Noto Serif CJK SC", "Noto Serif CJK SC", "Noto Sans CJK SC", "Noto Serif CJK SC")
    assert linux.title_font().bold() is True
    english = ReportFonts.select("en", installed={"Noto Serif CJK SC", "Times New Roman"})
    assert english.body_font().families() == ["Times New Roman", "Noto Serif CJK SC"]


def test_headless_write_without_display_or_application(tmp_path, sample):
    small = {k: v for k, v in sample.items() if k not in ("ab_roster", "ab_designs")}
    (tmp_path / "small.json").write_text(json.dumps(small, ensure_ascii=False), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    code = ("import json,sys; from ui.report import write_proposal_pdf; "
            "from planner.domain.proposal import Proposal; "
            "write_proposal_pdf(Proposal.from_json(json.load(open(sys.argv[1], encoding='utf-8'))), sys.argv[2])")
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path / "small.json"), str(tmp_path / "h.pdf")],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    text = pdftotext(tmp_path / "h.pdf")
    assert "青岚县乡镇机构编制调剂方案" in text and "图1" in text  # charts come along headless too


# -- the window's File menu ----------------------------------------------------------------------

@pytest.fixture
def window(qtbot, monkeypatch):
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMainWindow

    import ui.print_actions

    # The documents follow the window's language; the window would be Chinese by default.
    monkeypatch.setattr(ui.print_actions, "ui_language", lambda: "zh_CN")

    from ui.workspace import Workspace

    win = QMainWindow()
    win.menu_file = win.menuBar().addMenu("File")
    win.action_quit = QAction("Quit", win)
    win.menu_file.addAction(win.action_quit)
    win.workspace = Workspace(parent=win)
    win.messages = []
    win.workspace.statusMessage.connect(lambda message, _ms: win.messages.append(message))
    qtbot.addWidget(win)
    return win


def test_file_menu_actions_follow_the_current_result(window, sample):
    from ui.print_actions import install

    actions = install(window.workspace, window, menu=window.menu_file, before=window.action_quit)
    menu = window.menu_file.actions()
    assert menu.index(actions.action_preview) < menu.index(window.action_quit)
    assert not any(a.isEnabled() for a in actions.actions)
    actions.preview()  # nothing to print: a message, no dialog
    assert window.messages
    window.workspace.set_proposal(proposal_of(sample))
    actions.update_enabled()
    assert all(a.isEnabled() for a in actions.actions)


def test_preview_dialog_paints_the_proposal(window, sample, qtbot):
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    from ui.print_actions import install

    window.workspace.set_proposal(proposal_of(dict(sample, ab_roster=sample["ab_roster"][:30])))
    actions = install(window.workspace, window, menu=window.menu_file, before=window.action_quit)
    dialog = actions.make_preview_dialog()
    qtbot.addWidget(dialog)
    preview = dialog.findChild(QPrintPreviewWidget)
    preview.updatePreview()
    document = actions.last_document
    assert document is not None and document.proposal is window.workspace.proposal
    assert preview.pageCount() == len(document.pages) > 5
    assert any(page.orientation == "landscape" for page in document.pages)


def test_exports_from_the_window_write_pdf_and_workbook(window, sample, tmp_path):
    import openpyxl

    from ui import tasks
    from ui.print_actions import install, suggested_name

    window.workspace.set_proposal(proposal_of(sample))
    actions = install(window.workspace, window, menu=window.menu_file, before=window.action_quit)
    assert suggested_name(window.workspace.proposal, ".pdf") == "调剂方案-青岚县-基准-20250318.pdf"
    with tasks.synchronous():
        actions.export_pdf(str(tmp_path / "a.pdf"))
        actions.export_xlsx(str(tmp_path / "a.xlsx"))
    assert "青岚县乡镇机构编制调剂方案" in pdftotext(tmp_path / "a.pdf", "-l", "1")
    workbook = openpyxl.load_workbook(tmp_path / "a.xlsx")
    assert workbook.sheetnames[0] == "汇总"
    assert any("a.xlsx" in m for m in window.messages)


def test_window_offers_body_annexes_or_both_and_the_word_request(window, sample, tmp_path, qtbot):
    import docx
    import openpyxl
    from PySide6.QtPrintSupport import QPrintPreviewWidget
    from PySide6.QtWidgets import QComboBox

    from ui import tasks
    from ui.print_actions import install

    window.workspace.set_proposal(proposal_of(sample))
    actions = install(window.workspace, window, menu=window.menu_file, before=window.action_quit)
    assert actions.action_docx in window.menu_file.actions() and actions.action_docx.isEnabled()
    assert actions.part == "body"
    with tasks.synchronous():
        actions.export_pdf(str(tmp_path / "body.pdf"))
        actions.export_pdf(str(tmp_path / "annexes.pdf"), part="annexes")
        actions.export_docx(str(tmp_path / "请示.docx"))
        actions.set_part("annexes")
        actions.export_xlsx(str(tmp_path / "附件.xlsx"))
        actions.set_part("body")
    assert openpyxl.load_workbook(tmp_path / "附件.xlsx").sheetnames == ["AB岗", "参数"]
    body, annexes = pdftotext(tmp_path / "body.pdf"), pdftotext(tmp_path / "annexes.pdf")
    assert "青岚县乡镇机构编制调剂方案" in body and "A岗职责" not in body
    assert annexes.lstrip().startswith("附件1") and "A岗职责" in annexes
    request = docx.Document(str(tmp_path / "请示.docx"))
    assert request.paragraphs[0].text == "关于青岚县乡镇机构编制调剂的请示"

    dialog = actions.make_preview_dialog()
    qtbot.addWidget(dialog)
    preview = dialog.findChild(QPrintPreviewWidget)
    chooser = dialog.findChild(QComboBox, "partChooser")
    assert chooser is not None and chooser.count() == 3
    preview.updatePreview()
    body_pages = preview.pageCount()
    assert actions.last_document.part == "body" and body_pages == len(actions.last_document.pages)
    chooser.setCurrentIndex(2)  # body and annexes
    assert actions.part == "all" and actions.last_document.part == "all"
    assert preview.pageCount() == len(actions.last_document.pages) > body_pages
