"""The page and type of an official document (GB/T 9704-2012) in a python-docx Document.

A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm, which leave the
156 × 225 mm type area; the body in 仿宋_GB2312 三号 (16 pt) on a grid of 22
lines of 28 characters (line pitch 225 mm ÷ 22, character pitch 156 mm ÷ 28);
the title in 小标宋 二号; first-level headings 一、 in 黑体, second-level （一）
in 楷体, third-level 1. in 仿宋 bold; the page number "— N —" in 宋体 四号 under
the type area, right on odd pages and left on even ones.

Word picks a run's Chinese face from `w:rFonts w:eastAsia`, which python-docx
leaves unset (it writes only `w:ascii`/`w:hAnsi`): every run here gets all
four. The GB faces (仿宋_GB2312, 楷体_GB2312, 方正小标宋简体) are missing on many
office PCs, so the document's font table names the face each falls back to
(`w:altName`: 仿宋 = FangSong, 楷体 = KaiTi, 宋体 = SimSun, 黑体 = SimHei), which Word
and WPS use when the first is not installed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from lxml import etree

PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210, 297
MARGIN_TOP_MM, MARGIN_BOTTOM_MM, MARGIN_LEFT_MM, MARGIN_RIGHT_MM = 37, 35, 28, 26
TYPE_AREA_MM = (PAGE_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM, PAGE_HEIGHT_MM - MARGIN_TOP_MM - MARGIN_BOTTOM_MM)
LINES_PER_PAGE, CHARS_PER_LINE = 22, 28
PT_PER_MM = 72 / 25.4
LINE_PITCH_PT = TYPE_AREA_MM[1] * PT_PER_MM / LINES_PER_PAGE     # 28.95 pt
CHAR_PITCH_PT = TYPE_AREA_MM[0] * PT_PER_MM / CHARS_PER_LINE     # 15.79 pt
# GB/T 9704: the page number's line sits 7 mm below the type area.
FOOTER_DISTANCE_MM = MARGIN_BOTTOM_MM - 7 - 5

# 号 sizes in points.
SIZE_2, SIZE_3, SIZE_4, SIZE_X4, SIZE_5 = 22.0, 16.0, 14.0, 12.0, 10.5
# Character spacing of 三号 text in twentieths of a point, rounded down so that 28 full-width
# characters (16 pt each, 15.79 pt apart) fit the 156 mm line and a 29th does not: −5, −0.25 pt.
BODY_SPACING = math.floor((CHAR_PITCH_PT - SIZE_3) * 20)
LATIN_FACE = "Times New Roman"


@dataclass(frozen=True)
class Face:
    """A Chinese face and the one office PCs have in its place (the font table's altName)."""

    name: str
    fallback: str


TITLE = Face("方正小标宋简体", "宋体")
BODY = Face("仿宋_GB2312", "仿宋")
HEADING = Face("黑体", "SimHei")
KAI = Face("楷体_GB2312", "楷体")
PAGE_NUMBER = Face("宋体", "SimSun")
# Each face of the document and what it falls back to, down to the English names of Windows' own faces.
FALLBACKS = {TITLE.name: TITLE.fallback, BODY.name: BODY.fallback, KAI.name: KAI.fallback,
             "仿宋": "FangSong", "楷体": "KaiTi", "宋体": "SimSun", HEADING.name: HEADING.fallback}
FACES = (TITLE, BODY, HEADING, KAI, PAGE_NUMBER)


def set_run_font(run, face: Face, size: float, bold: bool = False) -> None:
    """The run's Chinese face (w:eastAsia), its Latin face for digits and letters, size and weight."""
    run.font.size = Pt(size)
    run.font.bold = bold
    rpr = run._element.get_or_add_rPr()
    set_fonts_of(rpr, face)
    if size == SIZE_3:
        set_spacing(rpr, BODY_SPACING)


def set_spacing(rpr, twentieths: int) -> None:
    child_in_order(rpr, "w:spacing", RPR_ORDER).set(qn("w:val"), str(twentieths))


# The order Word requires of a paragraph's and a run's properties (ECMA-376 CT_PPr, CT_RPr): Word
# reports a document with them out of order as damaged, where LibreOffice says nothing.
PPR_ORDER = ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl",
             "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens",
             "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
             "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
             "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
             "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
RPR_ORDER = ("w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike",
             "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid",
             "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz", "w:szCs",
             "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs",
             "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath")


def child_in_order(parent, tagname: str, order: tuple[str, ...]):
    """The parent's `tagname` child, added where the schema's order puts it when missing."""
    child = parent.find(qn(tagname))
    if child is None:
        child = OxmlElement(tagname)
        parent.insert_element_before(child, *order[order.index(tagname) + 1:])
    return child


def set_fonts_of(rpr, face: Face) -> None:
    fonts = child_in_order(rpr, "w:rFonts", RPR_ORDER)
    fonts.set(qn("w:ascii"), LATIN_FACE)
    fonts.set(qn("w:hAnsi"), LATIN_FACE)
    fonts.set(qn("w:cs"), LATIN_FACE)
    fonts.set(qn("w:eastAsia"), face.name)
    fonts.set(qn("w:hint"), "eastAsia")


def east_asian_font(run) -> str | None:
    """The w:eastAsia face a run is set in (None when unset): what tests and checks read."""
    rpr = run._element.rPr
    fonts = None if rpr is None else rpr.find(qn("w:rFonts"))
    return None if fonts is None else fonts.get(qn("w:eastAsia"))


def set_up_page(document) -> None:
    """A4 portrait, the GB/T 9704 margins and the 22 × 28 grid, on every section."""
    for section in document.sections:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM)
        section.top_margin, section.bottom_margin = Mm(MARGIN_TOP_MM), Mm(MARGIN_BOTTOM_MM)
        section.left_margin, section.right_margin = Mm(MARGIN_LEFT_MM), Mm(MARGIN_RIGHT_MM)
        section.header_distance = Mm(15)
        section.footer_distance = Mm(FOOTER_DISTANCE_MM)
        grid = section._sectPr.find(qn("w:docGrid"))
        if grid is None:
            grid = OxmlElement("w:docGrid")
            section._sectPr.append(grid)
        # 22 lines: a line grid of the GB pitch (twentieths of a point). The 28 characters come from the
        # runs' character spacing (BODY_SPACING): LibreOffice lays a character grid ("linesAndChars")
        # out at about half the characters Word does, and table cells would inherit it.
        grid.set(qn("w:type"), "lines")
        grid.set(qn("w:linePitch"), str(round(LINE_PITCH_PT * 20)))
        add_page_numbers(document, section)


def set_up_styles(document) -> None:
    """Normal is the body (仿宋 三号, exact line pitch): text a clerk adds later gets it too."""
    normal = document.styles["Normal"]
    normal.font.size = Pt(SIZE_3)
    set_fonts_of(normal.element.get_or_add_rPr(), BODY)
    set_spacing(normal.element.get_or_add_rPr(), BODY_SPACING)
    fmt = normal.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(LINE_PITCH_PT)
    add_fallback_faces(document)


def add_fallback_faces(document) -> None:
    """Name in the font table the face each official face falls back to (w:altName)."""
    part = next(rel.target_part for rel in document.part.rels.values() if rel.reltype == RT.FONT_TABLE)
    root = etree.fromstring(part.blob)
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    present = {f.get(w + "name") for f in root.findall(w + "font")}
    for name, alt in FALLBACKS.items():
        if name in present:
            continue
        font = etree.SubElement(root, w + "font", {w + "name": name})
        etree.SubElement(font, w + "altName", {w + "val": alt})
        etree.SubElement(font, w + "charset", {w + "val": "86"})      # GB2312
        etree.SubElement(font, w + "family", {w + "val": "modern" if "仿宋" in name or "楷" in name else "auto"})
        etree.SubElement(font, w + "pitch", {w + "val": "variable"})
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def add_page_numbers(document, section) -> None:
    """"— N —" 7 mm under the type area, N a PAGE field: odd pages right, even pages left, one character
    in from the edge of the type area (GB/T 9704 7.5), so the number is outside when the pages are bound."""
    document.settings.odd_and_even_pages_header_footer = True
    _page_number(section.footer, WD_ALIGN_PARAGRAPH.RIGHT)
    _page_number(section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)


def _page_number(footer, alignment) -> None:
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    for run in list(paragraph.runs):
        run._element.getparent().remove(run._element)
    fmt = paragraph.paragraph_format
    fmt.alignment = alignment
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    fmt.first_line_indent = Pt(0)
    fmt.left_indent = fmt.right_indent = Pt(SIZE_4)  # 空一字
    set_snap_to_grid(paragraph, False)
    set_run_font(paragraph.add_run("— "), PAGE_NUMBER, SIZE_4)
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        run = paragraph.add_run()
        set_run_font(run, PAGE_NUMBER, SIZE_4)
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._element.append(char)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._element.append(instr)
        else:
            run.text = text
    set_run_font(paragraph.add_run(" —"), PAGE_NUMBER, SIZE_4)


def set_snap_to_grid(paragraph, snap: bool) -> None:
    """Table cells and the title keep their own line height instead of the body's grid."""
    ppr = paragraph._element.get_or_add_pPr()
    child_in_order(ppr, "w:snapToGrid", PPR_ORDER).set(qn("w:val"), "1" if snap else "0")


def body_paragraph(document, text: str = "", *, indent: bool = True, align: str = "justify",
                   face: Face = BODY, size: float = SIZE_3, bold: bool = False):
    """A paragraph of the body: 仿宋 三号, two characters' first-line indent, exact line pitch."""
    paragraph = document.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.alignment = {"justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "left": WD_ALIGN_PARAGRAPH.LEFT,
                     "right": WD_ALIGN_PARAGRAPH.RIGHT, "center": WD_ALIGN_PARAGRAPH.CENTER}[align]
    fmt.first_line_indent = Pt(size * 2) if indent else Pt(0)
    if text:
        set_run_font(paragraph.add_run(text), face, size, bold)
    return paragraph


def add_text(paragraph, text: str, face: Face = BODY, size: float = SIZE_3, bold: bool = False,
             highlight: bool = False):
    run = paragraph.add_run(text)
    set_run_font(run, face, size, bold)
    if highlight:
        # A yellow mark the clerk sees and removes once the text is written.
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    return run


def title_paragraph(document, text: str):
    """The title: 小标宋 二号, centred, a blank line after it."""
    paragraph = body_paragraph(document, indent=False, align="center")
    fmt = paragraph.paragraph_format
    fmt.line_spacing = Pt(LINE_PITCH_PT * 1.25)
    fmt.space_after = Pt(LINE_PITCH_PT)
    set_snap_to_grid(paragraph, False)
    set_run_font(paragraph.add_run(text), TITLE, SIZE_2)
    return paragraph


def heading_paragraph(document, text: str, level: int, latin: bool = False):
    """一、 in 黑体, （一） in 楷体, 1. in 仿宋 bold: 三号, indented two characters like the body.
    An English heading is set in the Latin face, which has no 黑体: bold says it is a heading."""
    face, bold = {1: (HEADING, False), 2: (KAI, False)}.get(level, (BODY, True))
    bold = bold or latin
    paragraph = body_paragraph(document, indent=True, align="left")
    paragraph.paragraph_format.keep_with_next = True
    set_run_font(paragraph.add_run(text), face, SIZE_3, bold)
    paragraph.runs[0].font.italic = latin and level == 2
    return paragraph


def add_table(document, header: list[str], rows: list[list[str]], widths_mm: list[float], *,
              size: float = SIZE_5, left_columns: set[int] = frozenset(), bold_last: bool = False):
    """A real Word table, thin borders, the header row repeated on each page, rows never split."""
    if document.paragraphs:  # the sentence that introduces the table stays on its page
        document.paragraphs[-1].paragraph_format.keep_with_next = True
    table = document.add_table(rows=1, cols=len(header))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _mark_header_row(table.rows[0])
    for cell, text in zip(table.rows[0].cells, header):
        _fill(cell, text, size, bold=True, face=HEADING, align="center")
    for n, values in enumerate(rows):
        cells = table.add_row().cells
        last = bold_last and n == len(rows) - 1
        for i, (cell, text) in enumerate(zip(cells, values)):
            _fill(cell, text, size, bold=last, align="left" if i in left_columns else "center")
    _fix_widths(table, widths_mm)
    for row in table.rows:
        _cant_split(row)
        for cell, width in zip(row.cells, widths_mm):
            cell.width = Mm(width)
    # A little air between the table and the heading that follows it.
    gap = document.add_paragraph()
    gap.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    gap.paragraph_format.line_spacing = Pt(LINE_PITCH_PT / 2)
    set_snap_to_grid(gap, False)
    return table


def _fix_widths(table, widths_mm: list[float]) -> None:
    """Fixed column widths in the grid (what LibreOffice and WPS read) and a fixed layout."""
    tbl = table._tbl
    for col, width in zip(tbl.tblGrid.findall(qn("w:gridCol")), widths_mm):
        col.set(qn("w:w"), str(round(width * PT_PER_MM * 20)))
    tblpr = tbl.tblPr
    tblw = tblpr.find(qn("w:tblW"))  # python-docx writes one (auto) into every new table
    tblw.set(qn("w:type"), "dxa")
    tblw.set(qn("w:w"), str(round(sum(widths_mm) * PT_PER_MM * 20)))
    tblpr.get_or_add_tblLayout().set(qn("w:type"), "fixed")


def _fill(cell, text: str, size: float, bold: bool = False, face: Face = BODY, align: str = "center") -> None:
    paragraph = cell.paragraphs[0]
    fmt = paragraph.paragraph_format
    fmt.first_line_indent = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    fmt.alignment = WD_ALIGN_PARAGRAPH.LEFT if align == "left" else WD_ALIGN_PARAGRAPH.CENTER
    set_snap_to_grid(paragraph, False)
    lines = str(text).split("\n")
    for i, line in enumerate(lines):
        run = paragraph.add_run(line)
        set_run_font(run, face, size, bold)
        if i < len(lines) - 1:
            run.add_break()


def _mark_header_row(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    trpr.append(header)


def _cant_split(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    if trpr.find(qn("w:cantSplit")) is None:
        trpr.append(OxmlElement("w:cantSplit"))
