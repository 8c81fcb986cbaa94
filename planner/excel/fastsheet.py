"""Reading cell values straight from the sheet XML, several times faster than openpyxl.

openpyxl builds an object per cell (and a rich-text object per inline string);
for a province of 200,000 duty rows that is most of an import's time. Sheet XML
written by Excel, WPS, LibreOffice and openpyxl is regular enough to read with a
few regular expressions: <row> elements holding <c r= s= t=> cells with a <v>
value or an <is> inline string. Shared strings are read with openpyxl's own
reader, date styles are found as openpyxl finds them, and values come out as
openpyxl's read-only values_only mode gives them (tests compare the two).

Every part goes through package.clean_xml first (well-formed, no comments, no
CDATA), and every count is bounded by Excel's own limits: a row number beyond
1,048,576, rows out of order, a column beyond XFD, a shared string that does not
exist or a cell longer than 32,767 characters stops the sheet with a SheetDefect
naming the place. Rows are yielded with their numbers, gaps are never filled
(a row numbered 2,000,000,000 is one row, not two billion), and cells right of
the columns the import uses are not materialised (see FastSheet.width).

openpyxl (shared strings, date formats) is imported inside the methods that use
it: the import costs ~0.19 s and the window should not pay that at start.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Iterator
from xml.etree import ElementTree

from planner.excel.package import check_part_sizes, open_package, read_xml
from planner.excel.problems import SheetDefect
from planner.excel.sniff import sheet_data_span, sheet_parts
from planner.excel.template import (
    MAX_CELL_CHARS, MAX_COLUMNS, MAX_OTHER_PART_BYTES, MAX_ROW_NUMBER, MAX_SHARED_STRINGS,
    MAX_SHARED_STRINGS_BYTES, MAX_SHEET_XML_BYTES, MAX_WORKBOOK_PART_BYTES,
)

# An element name ends at a space, "/" or ">" (not at "\b": <row-x> is another element).
_ROW_START = re.compile(rb"<(\w+:)?row(?=[\s/>])([^>]*)>")
_CELL_START = re.compile(rb"<(\w+:)?c(?=[\s/>])([^>]*)>")
_COMMON_CELL = re.compile(
    rb"<c r=\"([A-Z]{1,3})\d+\"(?: s=\"(\d+)\")?(?: t=\"(\w+)\")?"
    rb"(?:/>|>(?:<v>([^<]*)</v>|<is><t>([^<]*)</t></is>)</c>)")
_ATTR_R = re.compile(rb"""(?<![\w:.\-])r\s*=\s*(["'])(.*?)\1""")
_ATTR = re.compile(rb"""(?<![\w:.\-])([rst])\s*=\s*(["'])(.*?)\2""")
_VALUE = re.compile(rb"<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>")
_PHONETIC = re.compile(rb"<(?:\w+:)?rPh(?=[\s/>]).*?</(?:\w+:)?rPh>", re.S)
_TEXT = re.compile(rb"<(?:\w+:)?t(?=[\s/>])[^>]*?(?:/>|>([^<]*)</(?:\w+:)?t>)")
_REF = re.compile(rb"([A-Za-z]{1,3})(\d+)$")
_COMMON_ATTRS = re.compile(rb"\s+r=\"([A-Z]{1,3})\d+\"(?:\s+s=\"(\d+)\")?(?:\s+t=\"(\w+)\")?\s*$")
_SHARED_ITEM = re.compile(rb"<(?:\w+:)?si[\s>/]")


def _elements(data: bytes, start_tag: re.Pattern, name: bytes, pos: int = 0,
              endpos: int | None = None) -> Iterator[tuple[bytes, bytes]]:
    """(attribute text, content) of each `name` element between pos and endpos: the start
    tag by a regular expression, its end by bytes.find (C speed, no backtracking over the
    content). An element of the same name inside one is refused, not misread."""
    search, find = start_tag.search, data.find
    endpos = len(data) if endpos is None else endpos
    while True:
        m = search(data, pos, endpos)
        if m is None:
            return
        attrs = m.group(2)
        if attrs.endswith(b"/"):
            yield attrs[:-1], b""
            pos = m.end()
            continue
        close = b"</" + (m.group(1) or b"") + name + b">"
        end = find(close, m.end(), endpos)
        if end < 0:
            raise ValueError(f"unclosed <{name.decode()}> element")
        body = data[m.end():end]
        if search(body) is not None:
            raise ValueError(f"<{name.decode()}> inside <{name.decode()}>")
        yield attrs, body
        pos = end + len(close)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _column_index(letters: bytes, cache: dict[bytes, int] = {}) -> int:  # noqa: B006 -- a shared cache
    index = cache.get(letters)
    if index is None:
        index = 0
        for ch in letters:
            index = index * 26 + ch - 64
        cache[letters] = index
    return index


def column_letter(index: int) -> str:
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _text(raw: bytes) -> str:
    text = raw.decode("utf-8")
    return html.unescape(text) if "&" in text else text


def _number(raw: bytes) -> int | float:
    text = raw.decode("ascii").strip()
    if "." in text or "E" in text or "e" in text:
        return float(text)
    return int(text)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _too_long(row: int | None, letter: str | None, length: int) -> SheetDefect:
    return SheetDefect(row, letter, f"单元格文字 {length:,} 个字，超过 Excel 单元格 {MAX_CELL_CHARS:,} 个字的上限",
                       f"the cell holds {length:,} characters, more than Excel's limit of {MAX_CELL_CHARS:,}")


class FastWorkbook:
    def __init__(self, zf: zipfile.ZipFile) -> None:
        # openpyxl stays a deferred import: it costs ~0.19 s and the window should not
        # pay that at start.
        from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900

        self.zf = zf
        self.parts = dict(sheet_parts(zf))
        check_part_sizes(zf, {part: title for title, part in self.parts.items()})
        book = ElementTree.fromstring(read_xml(zf, "xl/workbook.xml", MAX_WORKBOOK_PART_BYTES))
        pr = next((el for el in book.iter() if _local(el.tag) == "workbookPr"), None)
        date1904 = pr is not None and pr.get("date1904", "0").lower() in ("1", "true")
        self.epoch = CALENDAR_MAC_1904 if date1904 else CALENDAR_WINDOWS_1900
        self.shared = self._shared_strings()
        self.date_styles, self.timedelta_styles = self._date_styles()
        self.sheetnames = list(self.parts)

    @classmethod
    def open(cls, path: str | Path) -> "FastWorkbook":
        """Only the workbook, its styles and shared strings are read here; a sheet's XML
        is read when its rows are (an ignored sheet never is). Raises PackageError."""
        zf = open_package(path)
        try:
            return cls(zf)
        except BaseException:
            zf.close()
            raise

    def close(self) -> None:
        self.zf.close()

    def _shared_strings(self) -> list[str]:
        from openpyxl.reader.strings import read_string_table

        name = next((n for n in self.zf.namelist() if n.lower() == "xl/sharedstrings.xml"), None)
        if name is None:
            return []
        what = f"共享字符串表 ({name})"
        data = read_xml(self.zf, name, MAX_SHARED_STRINGS_BYTES)
        count = data.count(b"<si>") + data.count(b"<si ") + data.count(b"<si/")
        if b":si" in data:  # a namespace prefix: rare, and slower to count
            count = len(_SHARED_ITEM.findall(data))
        if count > MAX_SHARED_STRINGS:
            raise SheetDefect(None, None, f"{what}有 {count:,} 项，超过 {MAX_SHARED_STRINGS:,} 项的上限，文件过大，未读取",
                              f"the shared-string table ({name}) holds {count:,} entries, "
                              f"more than the limit of {MAX_SHARED_STRINGS:,}: too large, not read")
        strings = [str(s) for s in read_string_table(io.BytesIO(data))]
        for index, text in enumerate(strings):
            if len(text) > MAX_CELL_CHARS:
                raise SheetDefect(None, None, f"{what}第 {index} 项有 {len(text):,} 个字，超过 Excel 单元格 "
                                  f"{MAX_CELL_CHARS:,} 个字的上限", f"entry {index} of the shared-string table "
                                  f"holds {len(text):,} characters, more than Excel's limit of {MAX_CELL_CHARS:,}")
        return strings

    def _date_styles(self) -> tuple[set[int], set[int]]:
        from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format

        if "xl/styles.xml" not in self.zf.namelist():
            return set(), set()
        root = ElementTree.fromstring(read_xml(self.zf, "xl/styles.xml", MAX_OTHER_PART_BYTES))
        formats = dict(BUILTIN_FORMATS)
        cell_xfs = None
        for el in root:
            if _local(el.tag) == "numFmts":
                for fmt in el:
                    formats[int(fmt.get("numFmtId", "0"))] = fmt.get("formatCode", "")
            elif _local(el.tag) == "cellXfs":
                cell_xfs = el
        dates, durations = set(), set()
        for index, xf in enumerate(cell_xfs if cell_xfs is not None else ()):
            code = formats.get(int(xf.get("numFmtId", "0")), "")
            if code and is_date_format(code):
                dates.add(index)
                if is_timedelta_format(code):
                    durations.add(index)
        return dates, durations

    def __getitem__(self, title: str) -> "FastSheet":
        return FastSheet(self, self.parts[title], title)


class FastSheet:
    """One sheet's rows. `width` (columns) and `quiet` (0-based columns right of it) may
    be set while rows are read: a cell right of `width` in a `quiet` column is dropped,
    any other is kept in one extra slot at index `width` (the first non-blank one), so a
    row never grows past width + 1 values however far right its cells lie."""

    def __init__(self, book: FastWorkbook, part: str, title: str = "") -> None:
        self.book = book
        self.part = part
        self.title = title or part
        self.width = MAX_COLUMNS
        self.quiet: frozenset[int] = frozenset()

    def iter_numbered(self) -> Iterator[tuple[int, tuple]]:
        """(row number, values) of every <row> element, in order; missing rows are skipped."""
        if self.part not in self.book.zf.namelist():
            raise SheetDefect(None, None, f"工作表的内容（{self.part}）不在文件中，文件已损坏",
                              f"the sheet's content ({self.part}) is missing from the file: it is damaged")
        data = read_xml(self.book.zf, self.part, MAX_SHEET_XML_BYTES, self.title)
        start, end = sheet_data_span(data, self.title)
        number = 0
        rows = _elements(data, _ROW_START, b"row", start, end)
        while True:
            try:
                attrs, body = next(rows)
            except StopIteration:
                return
            except ValueError as exc:  # a row not closed, or a row inside a row
                raise SheetDefect(number + 1, None, f"行的结构有误（{exc}），文件已损坏",
                                  f"malformed rows ({exc}): the file is damaged") from None
            number = self._row_number(attrs, number)
            try:
                values = self._cells(body, number)
            except SheetDefect:
                raise
            except (ValueError, KeyError, IndexError, OverflowError) as exc:
                raise SheetDefect(number, None, f"本行的单元格无法读取（{type(exc).__name__}），文件已损坏",
                                  f"the cells of this row cannot be read ({type(exc).__name__}): "
                                  f"the file is damaged") from None
            yield number, values

    def iter_rows(self, values_only: bool = True) -> Iterator[tuple]:
        """Every row from row 1, empty tuples for missing rows, as openpyxl's read-only mode."""
        expected = 1
        for number, values in self.iter_numbered():
            while expected < number:
                yield ()
                expected += 1
            expected = number + 1
            yield values

    @staticmethod
    def _row_number(attrs: bytes, previous: int) -> int:
        found = _ATTR_R.search(attrs)
        if found is None:
            return previous + 1
        text = found.group(2).strip()
        if not text.isdigit() or len(text) > 12:
            shown = text[:20].decode("utf-8", "replace")
            raise SheetDefect(previous + 1, None, f"行号“{shown}”无效，文件已损坏",
                              f"invalid row number \"{shown}\": the file is damaged")
        number = int(text)
        if number > MAX_ROW_NUMBER:
            raise SheetDefect(number, None, f"行号 {number:,} 超出 Excel 的最大行数 {MAX_ROW_NUMBER:,}，"
                              f"文件已损坏或被改动过，未读取", f"row number {number:,} is beyond Excel's last "
                              f"row {MAX_ROW_NUMBER:,}: the file is damaged or was tampered with; not read")
        if number <= previous:
            raise SheetDefect(number, None, f"第{number}行出现在第{previous}行之后：行的顺序错乱或重复，"
                              f"文件已损坏或被改动过，未读取", f"row {number} comes after row {previous}: rows "
                              f"out of order or repeated, the file is damaged or was tampered with; not read")
        return number

    def _cells(self, body: bytes, number: int) -> tuple:
        fast = self._common_cells(body, number)
        return fast if fast is not None else self._any_cells(body, number)

    def _place(self, values: list, column: int, value: object, last: int, number: int) -> None:
        """Put `value` of 1-based `column` into `values` (see the class's note on width)."""
        if column <= last:
            raise SheetDefect(number, column_letter(column),
                              f"单元格 {column_letter(column)}{number} 出现在 {column_letter(last)}{number} 之后："
                              f"单元格顺序错乱或重复，文件已损坏或被改动过", f"cell {column_letter(column)}{number} "
                              f"comes after {column_letter(last)}{number}: cells out of order or repeated, the "
                              f"file is damaged or was tampered with")
        if column > self.width:
            if column > MAX_COLUMNS:
                raise SheetDefect(number, column_letter(column),
                                  f"列 {column_letter(column)} 超出 Excel 的最大列 XFD（{MAX_COLUMNS:,} 列），文件已损坏",
                                  f"column {column_letter(column)} is beyond Excel's last column XFD "
                                  f"({MAX_COLUMNS:,}): the file is damaged")
            if column - 1 in self.quiet or _blank(value):
                return
            column = self.width + 1
            if len(values) >= column and not _blank(values[column - 1]):
                return
        if len(values) < column:
            values.extend([None] * (column - len(values)))
        values[column - 1] = value

    def _common_cells(self, body: bytes, number: int) -> tuple | None:
        """The row's cells when every one is in the common compact form, else None.

        Matches must tile the row exactly, so no cell is ever skipped unseen.
        """
        values: list[object] = []
        pos = 0
        last = 0
        dates, width = self.book.date_styles, self.width
        for m in _COMMON_CELL.finditer(body):
            if m.start() != pos:
                return None
            pos = m.end()
            letters, style, kind, raw, text = m.groups()
            column = _column_index(letters)
            if text is not None:
                if len(text) > MAX_CELL_CHARS:
                    return None  # the careful path measures it in characters
                value = _text(text) if text else None
            elif not raw:
                value = None
            elif kind is None or kind == b"n":
                if style is not None and int(style) in dates:
                    return None  # dates (and durations) take the careful path
                value = _number(raw)
            elif kind == b"s":
                value = self._shared(raw, column, number)
            else:
                return None
            if value is None:
                if column <= last:
                    return None  # the careful path names the cell
            elif last < column <= width:
                if len(values) < column:
                    values.extend([None] * (column - len(values)))
                values[column - 1] = value
            else:
                self._place(values, column, value, last, number)
            last = column
        return tuple(values) if pos == len(body) else None

    def _any_cells(self, body: bytes, number: int) -> tuple:
        values: list[object] = []
        last = 0
        for attr_text, content in _elements(body, _CELL_START, b"c"):
            common = _COMMON_ATTRS.match(attr_text)
            if common is not None:  # r= s= t= in the order every known writer uses
                letters, style, kind = common.groups()
                attrs = {b"t": kind or b"n", b"s": style or b"0"}
                column = _column_index(letters)
            else:
                attrs = {name: value for name, _, value in _ATTR.findall(attr_text)}
                column = self._column_of(attrs.get(b"r"), last, number)
            value = self._value(attrs, content, column, number)
            if value is None:
                if column <= last:
                    self._place(values, column, value, last, number)  # raises: out of order
                last = column
                continue
            self._place(values, column, value, last, number)
            last = column
        return tuple(values)

    @staticmethod
    def _column_of(ref: bytes | None, last: int, number: int) -> int:
        if ref is None:
            return last + 1  # a cell without a reference follows the one before it
        found = _REF.match(ref.strip())
        if found is None:
            shown = ref[:20].decode("utf-8", "replace")
            raise SheetDefect(number, None, f"单元格引用“{shown}”无效，文件已损坏",
                              f"invalid cell reference \"{shown}\": the file is damaged")
        return _column_index(found.group(1).upper())

    def _shared(self, raw: bytes, column: int, number: int) -> str:
        shared = self.book.shared
        text = raw.strip()
        index = int(text) if text.isdigit() and len(text) < 12 else -1
        if not 0 <= index < len(shared):
            shown = text[:20].decode("utf-8", "replace")
            raise SheetDefect(number, column_letter(column),
                              f"单元格 {column_letter(column)}{number} 引用的共享字符串“{shown}”不存在"
                              f"（共 {len(shared):,} 项），文件已损坏或被改动过",
                              f"cell {column_letter(column)}{number} refers to shared string \"{shown}\", which "
                              f"does not exist (the table holds {len(shared):,}): the file is damaged or was "
                              f"tampered with")
        return shared[index]

    def _checked_text(self, text: str, column: int, number: int) -> str:
        if len(text) > MAX_CELL_CHARS:
            raise _too_long(number, column_letter(column), len(text))
        return text

    def _value(self, attrs: dict[bytes, bytes], body: bytes | None, column: int, number: int) -> object:
        if not body:
            return None
        kind = attrs.get(b"t", b"n")
        if kind == b"inlineStr" and body.startswith(b"<is><t>") and body.endswith(b"</t></is>") \
                and body.count(b"<") == 4:
            return self._checked_text(_text(body[7:-9]), column, number)
        if kind == b"inlineStr":
            body = _PHONETIC.sub(b"", body)
            parts = [m.group(1) or b"" for m in _TEXT.finditer(body)]
            return self._checked_text(_text(b"".join(parts)), column, number) if parts else None
        if body.startswith(b"<v>") and body.endswith(b"</v>") and body.count(b"<") == 2:
            raw = body[3:-4]
        else:
            found = _VALUE.search(body)
            raw = found.group(1) if found is not None else b""
        if not raw:
            return None
        if kind == b"n":
            number_value = _number(raw)
            style = int(attrs.get(b"s", b"0"))
            if style in self.book.date_styles:
                from openpyxl.utils.datetime import from_excel

                try:
                    return from_excel(number_value, self.book.epoch,
                                      timedelta=style in self.book.timedelta_styles)
                except (OverflowError, ValueError):
                    return "#VALUE!"
            return number_value
        if kind == b"s":
            return self._shared(raw, column, number)
        if kind == b"b":
            return bool(int(raw))
        if kind == b"d":
            return datetime.fromisoformat(_text(raw).rstrip("Z"))
        # str (a formula's text result) and e (an error such as #DIV/0!)
        return self._checked_text(_text(raw), column, number)

