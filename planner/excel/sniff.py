"""Looking inside an .xlsx file before parsing it.

The zip and the sheet XML are scanned directly (a few regular expressions
over each sheet's XML) rather than through openpyxl's normal load, because:
read-only mode (needed for large files) does not report merged cells; a full
load of a 200,000-row sheet costs gigabytes; and a file that is not an xlsx
at all, or is a zip bomb, must be refused before any parser sees it.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
from posixpath import join, normpath
from xml.etree import ElementTree

from planner.excel.package import PackageError, check_part_sizes, open_package, read_part, read_xml
from planner.excel.problems import ImportProblem
from planner.excel.template import MAX_SHEET_XML_BYTES, MAX_SHEETS, MAX_WORKBOOK_PART_BYTES

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NS_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"

# An element name ends at a space, "/" or ">" (not at "\b": <row-x> is another element).
_ROW = re.compile(rb"<(?:\w+:)?row(?=[\s/>])[^>]*?(?:/>|>(.*?)</(?:\w+:)?row>)", re.S)
_VALUE = re.compile(rb"<(?:\w+:)?(?:v|is)>")
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell(?=[\s/>])[^>]*?\bref=\"([^\"]+)\"")
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
_CELL = re.compile(rb"<(?:\w+:)?c(?=[\s/>])([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.S)
_CELL_REF = re.compile(rb"\br=\"([A-Z]+\d+)\"")
_CACHED = re.compile(rb"<(?:\w+:)?v>[^<]")
_SHEET = re.compile(rb"<(?:\w+:)?sheet[\s/>]")
_SHEET_DATA = re.compile(rb"<(\w+:)?sheetData(?=[\s/>])[^>]*?(/?)>")


@dataclass
class SheetScan:
    name: str
    part: str
    xml_bytes: int = 0
    data_rows: int = 0                      # rows holding at least one value, header included
    merged: list[str] = field(default_factory=list)
    formula_without_value: set[str] = field(default_factory=set)
    too_large: bool = False


@dataclass
class FileScan:
    problems: list[ImportProblem] = field(default_factory=list)
    sheets: dict[str, SheetScan] = field(default_factory=dict)  # in workbook order

    @property
    def ok(self) -> bool:
        return not self.problems


def _file_problem(path: Path, zh: str, en: str) -> ImportProblem:
    return ImportProblem(path.name, None, None, zh, en)


def scan_file(path: str | Path, wanted: Callable[[str], bool] | None = None) -> FileScan:
    """File-level checks, and for each sheet whose name is `wanted` (all when None) its
    merged cells, formulas without a cached value and number of rows holding values."""
    path = Path(path)
    scan = FileScan()

    def fail(zh: str, en: str) -> FileScan:
        scan.problems.append(_file_problem(path, zh, en))
        return scan

    if not path.exists():
        return fail("文件不存在", "no such file")
    if path.is_dir():
        return fail("这是一个文件夹，不是 Excel 文件", "this is a folder, not an Excel file")
    size = path.stat().st_size
    if size == 0:
        return fail("文件为空（0 字节）", "the file is empty (0 bytes)")
    with open(path, "rb") as fh:
        head = fh.read(8)
    if head == OLE_MAGIC:
        return fail("这是旧版 Excel 97-2003 (.xls) 文件或设有打开密码的工作簿；请在 Excel/WPS 中"
                    "另存为“Excel 工作簿 (*.xlsx)”并取消密码后再导入",
                    "this is an old Excel 97-2003 (.xls) file or a password-protected workbook; "
                    "save it as an Excel Workbook (*.xlsx) without a password and import that")
    if not zipfile.is_zipfile(path):
        return fail("不是 xlsx 文件：内容不是 Excel 工作簿（可能是 CSV、文本、网页或损坏的文件）；"
                    "请在 Excel/WPS 中另存为 .xlsx",
                    "not an xlsx file: the content is not an Excel workbook (perhaps CSV, text, "
                    "a web page or a damaged file); save it as .xlsx in Excel or WPS")
    try:
        with open_package(path) as zf:
            _scan_zip(zf, path, scan, wanted)
    except PackageError as exc:
        scan.problems.append(ImportProblem(exc.where or path.name, None, None, exc.zh, exc.en))
    except MemoryError:
        raise
    except Exception as exc:  # a damaged package fails in many ways (BadZipFile, KeyError, zlib.error…)
        scan.problems.append(_file_problem(
            path, f"文件已损坏，无法读取（{type(exc).__name__}）；请在 Excel/WPS 中打开并另存为 .xlsx",
            f"the file is damaged and cannot be read ({type(exc).__name__}); "
            f"open it in Excel or WPS and save it again as .xlsx"))
    return scan


def _scan_zip(zf: zipfile.ZipFile, path: Path, scan: FileScan,
              wanted: Callable[[str], bool] | None) -> None:
    names = set(zf.namelist())
    if "xl/workbook.xml" not in names:
        if "mimetype" in names and b"opendocument.spreadsheet" in read_part(zf, "mimetype", 1024):
            zh = "这是 OpenDocument 表格 (.ods)，请另存为 Excel 工作簿 (.xlsx) 后再导入"
            en = "this is an OpenDocument spreadsheet (.ods); save it as an Excel workbook (.xlsx)"
        else:
            zh = "是 zip 压缩包但不是 Excel 工作簿（缺少 xl/workbook.xml）"
            en = "a zip archive but not an Excel workbook (no xl/workbook.xml)"
        scan.problems.append(_file_problem(path, zh, en))
        return
    if b"purl.oclc.org/ooxml/spreadsheetml" in read_part(zf, "xl/workbook.xml", MAX_WORKBOOK_PART_BYTES):
        scan.problems.append(_file_problem(
            path, "这是“Strict Open XML 电子表格”格式，请在 Excel 中另存为“Excel 工作簿 (*.xlsx)”后再导入",
            "this is a Strict Open XML spreadsheet; save it as an Excel Workbook (*.xlsx) and import that"))
        return
    # Parts are checked against their CRC as they are read; one that is never read (an
    # ignored sheet, a picture) is never decompressed, so it costs neither time nor memory.
    parts = sheet_parts(zf)
    check_part_sizes(zf, {part: name for name, part in parts})
    seen: set[str] = set()
    for name, part in parts:
        if name.casefold() in seen:
            # Excel never writes two sheets of one name; which one counts cannot be told.
            scan.problems.append(ImportProblem(
                name, None, None, f"工作簿中有两张名为“{name}”的工作表：无法确定该用哪一张，文件可能被改动过，未读取",
                f"the workbook holds two sheets named \"{name}\": which one counts cannot be told, "
                f"the file may have been tampered with; not read"))
            return
        seen.add(name.casefold())
        sheet = SheetScan(name, part)
        scan.sheets[name] = sheet
        if part not in names:
            continue
        sheet.xml_bytes = zf.getinfo(part).file_size
        if sheet.xml_bytes > MAX_SHEET_XML_BYTES:
            sheet.too_large = True
            continue
        if wanted is not None and not wanted(name):
            continue
        try:
            _scan_sheet(read_xml(zf, part, MAX_SHEET_XML_BYTES, name), sheet)
        except PackageError as exc:
            scan.problems.append(ImportProblem(exc.where or path.name, None, None, exc.zh, exc.en))


def sheet_parts(zf: zipfile.ZipFile) -> list[tuple[str, str]]:
    """(sheet name, zip part) in workbook order, resolved through the relationships."""
    book_xml = read_xml(zf, "xl/workbook.xml", MAX_WORKBOOK_PART_BYTES)
    count = len(_SHEET.findall(book_xml))
    if count > MAX_SHEETS:
        raise PackageError(f"工作簿列出 {count:,} 张工作表，超过 {MAX_SHEETS:,} 张的上限，未读取",
                           f"the workbook lists {count:,} sheets, more than the limit of {MAX_SHEETS:,}; not read")
    book = ElementTree.fromstring(book_xml)
    rels_xml = read_xml(zf, "xl/_rels/workbook.xml.rels", MAX_WORKBOOK_PART_BYTES)
    targets = {}
    for rel in ElementTree.fromstring(rels_xml).iter(f"{{{_NS_PKG}}}Relationship"):
        target = rel.get("Target", "")
        target = target.lstrip("/") if target.startswith("/") else normpath(join("xl", target))
        targets[rel.get("Id")] = target
    parts = []
    for sheet in book.iter(f"{{{_NS_MAIN}}}sheet"):
        rid = sheet.get(f"{{{_NS_REL}}}id")
        parts.append((sheet.get("name", ""), targets.get(rid, "")))
    return parts


def sheet_data_span(xml: bytes, title: str | None = None) -> tuple[int, int]:
    """Where the rows of sheet `title` lie: the content of its one <sheetData> element
    (rows anywhere else are no cells of the sheet). Raises PackageError for two."""
    found = _SHEET_DATA.search(xml)
    if found is None or found.group(2) == b"/":
        return 0, 0
    end = xml.find(b"</" + (found.group(1) or b"") + b"sheetData>", found.end())
    if end < 0 or _SHEET_DATA.search(xml, end) is not None:
        raise PackageError("工作表含有两个数据区（<sheetData>），Excel 不会这样写；文件可能被改动过，未读取",
                           "the sheet holds two data sections (<sheetData>), which Excel never writes; "
                           "the file may have been tampered with; not read", title)
    return found.end(), end


def _scan_sheet(xml: bytes, sheet: SheetScan) -> None:
    start, end = sheet_data_span(xml, sheet.name)
    sheet.data_rows = sum(1 for m in _ROW.finditer(xml, start, end) if m.group(1) and _VALUE.search(m.group(1)))
    sheet.merged = [m.group(1).decode("ascii", "replace") for m in _MERGE.finditer(xml)]
    if _FORMULA.search(xml, start, end):
        for m in _CELL.finditer(xml, start, end):
            body = m.group(2)
            if body and _FORMULA.search(body) and not _CACHED.search(body):
                ref = _CELL_REF.search(m.group(1))
                if ref:
                    sheet.formula_without_value.add(ref.group(1).decode("ascii"))
