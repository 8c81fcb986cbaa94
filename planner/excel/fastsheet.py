"""Reading cell values straight from the sheet XML, several times faster than openpyxl.

openpyxl builds an object per cell (and a rich-text object per inline string);
for a province of 200,000 duty rows that is most of an import's time. Sheet XML
written by Excel, WPS, LibreOffice and openpyxl is regular enough to read with a
few regular expressions: <row> elements holding <c r= s= t=> cells with a <v>
value or an <is> inline string. Shared strings are read with openpyxl's own
reader, date styles are found as openpyxl finds them, and values come out as
openpyxl's read-only values_only mode gives them (tests compare the two).

A workbook using anything this reader does not handle (CDATA, cells without a
reference) is read with openpyxl instead: `FastWorkbook.open` returns None.
"""

from __future__ import annotations

import html
import pyexpat
import re
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Iterator
from xml.etree import ElementTree

from planner.excel.sniff import sheet_parts

_ROW_START = re.compile(rb"<(\w+:)?row\b([^>]*)>")
_CELL_START = re.compile(rb"<(\w+:)?c\b([^>]*)>")
_COMMON_CELL = re.compile(
    rb"<c r=\"([A-Z]{1,3})\d+\"(?: s=\"(\d+)\")?(?: t=\"(\w+)\")?"
    rb"(?:/>|>(?:<v>([^<]*)</v>|<is><t>([^<]*)</t></is>)</c>)")
_ATTR_R = re.compile(rb"\br=\"(\d+)\"")
_ATTR = re.compile(rb"\b([rst])=\"([^\"]*)\"")
_VALUE = re.compile(rb"<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>")
_PHONETIC = re.compile(rb"<(?:\w+:)?rPh\b.*?</(?:\w+:)?rPh>", re.S)
_TEXT = re.compile(rb"<(?:\w+:)?t\b[^>]*?(?:/>|>([^<]*)</(?:\w+:)?t>)")
_REF = re.compile(rb"([A-Z]{1,3})(\d+)$")
_COMMON_ATTRS = re.compile(rb"\s+r=\"([A-Z]{1,3})\d+\"(?:\s+s=\"(\d+)\")?(?:\s+t=\"(\w+)\")?\s*$")
_CELL_WITHOUT_REF = re.compile(rb"<(?:\w+:)?c(?:\s(?![^>]*\br=)[^>]*)?/?>")


def _elements(data: bytes, start_tag: re.Pattern, name: bytes, pos: int = 0) -> Iterator[tuple[bytes, bytes]]:
    """(attribute text, content) of each `name` element: the start tag by a regular
    expression, its end by bytes.find (C speed, no backtracking over the content)."""
    search, find = start_tag.search, data.find
    while True:
        m = search(data, pos)
        if m is None:
            return
        attrs = m.group(2)
        if attrs.endswith(b"/"):
            yield attrs[:-1], b""
            pos = m.end()
            continue
        close = b"</" + (m.group(1) or b"") + name + b">"
        end = find(close, m.end())
        if end < 0:
            raise ValueError(f"unclosed <{name.decode()}> element")
        yield attrs, data[m.end():end]
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


def _text(raw: bytes) -> str:
    text = raw.decode("utf-8")
    return html.unescape(text) if "&" in text else text


def _number(raw: bytes) -> int | float:
    text = raw.decode("ascii").strip()
    if "." in text or "E" in text or "e" in text:
        return float(text)
    return int(text)


class FastWorkbook:
    def __init__(self, zf: zipfile.ZipFile) -> None:
        from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900

        self.zf = zf
        self.parts = dict(sheet_parts(zf))
        book = ElementTree.fromstring(zf.read("xl/workbook.xml"))
        pr = next((el for el in book.iter() if _local(el.tag) == "workbookPr"), None)
        date1904 = pr is not None and pr.get("date1904", "0").lower() in ("1", "true")
        self.epoch = CALENDAR_MAC_1904 if date1904 else CALENDAR_WINDOWS_1900
        self.shared = self._shared_strings()
        self.date_styles, self.timedelta_styles = self._date_styles()
        self.sheetnames = list(self.parts)

    @classmethod
    def open(cls, path: str | Path) -> "FastWorkbook | None":
        zf = zipfile.ZipFile(path)
        try:
            book = cls(zf)
            for part in book.parts.values():
                data = zf.read(part)
                if b"<![CDATA[" in data or _CELL_WITHOUT_REF.search(data):
                    zf.close()
                    return None
            return book
        except Exception:
            zf.close()
            raise

    def close(self) -> None:
        self.zf.close()

    def _shared_strings(self) -> list[str]:
        from openpyxl.reader.strings import read_string_table

        name = next((n for n in self.zf.namelist() if n.lower() == "xl/sharedstrings.xml"), None)
        if name is None:
            return []
        with self.zf.open(name) as fh:
            return [str(s) for s in read_string_table(fh)]

    def _date_styles(self) -> tuple[set[int], set[int]]:
        from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format

        if "xl/styles.xml" not in self.zf.namelist():
            return set(), set()
        root = ElementTree.fromstring(self.zf.read("xl/styles.xml"))
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
        return FastSheet(self, self.parts[title])


class FastSheet:
    def __init__(self, book: FastWorkbook, part: str) -> None:
        self.book = book
        self.part = part

    def iter_rows(self, values_only: bool = True) -> Iterator[tuple]:
        """Every row from row 1, empty tuples for missing rows, as openpyxl's read-only mode."""
        data = self.book.zf.read(self.part)
        # Regular expressions would read the rows before a break-off and say nothing:
        # expat (C speed, no callbacks) first proves the sheet is well-formed XML.
        pyexpat.ParserCreate().Parse(data, True)
        expected = 1
        number = 0
        for attrs, body in _elements(data, _ROW_START, b"row", max(0, data.find(b"sheetData"))):
            found = _ATTR_R.search(attrs)
            number = int(found.group(1)) if found else number + 1
            while expected < number:
                yield ()
                expected += 1
            expected = number + 1
            yield self._cells(body)

    def _cells(self, body: bytes) -> tuple:
        fast = self._common_cells(body)
        return fast if fast is not None else self._any_cells(body)

    def _common_cells(self, body: bytes) -> tuple | None:
        """The row's cells when every one is in the common compact form, else None.

        Matches must tile the row exactly, so no cell is ever skipped unseen.
        """
        values: list[object] = []
        pos = 0
        shared, dates = self.book.shared, self.book.date_styles
        for m in _COMMON_CELL.finditer(body):
            if m.start() != pos:
                return None
            pos = m.end()
            letters, style, kind, raw, text = m.groups()
            if text is not None:
                value = _text(text) if text else None
            elif not raw:
                value = None
            elif kind is None or kind == b"n":
                if style is not None and int(style) in dates:
                    return None  # dates (and durations) take the careful path
                value = _number(raw)
            elif kind == b"s":
                value = shared[int(raw)]
            else:
                return None
            if value is None:
                continue
            column = _column_index(letters)
            if len(values) < column:
                values.extend([None] * (column - len(values)))
            values[column - 1] = value
        return tuple(values) if pos == len(body) else None

    def _any_cells(self, body: bytes) -> tuple:
        values: list[object] = []
        for attr_text, content in _elements(body, _CELL_START, b"c"):
            common = _COMMON_ATTRS.match(attr_text)
            if common is not None:  # r= s= t= in the order every known writer uses
                letters, style, kind = common.groups()
                attrs = {b"t": kind or b"n", b"s": style or b"0"}
            else:
                attrs = dict(_ATTR.findall(attr_text))
                letters = _REF.match(attrs[b"r"]).group(1)
            column = _column_index(letters)
            value = self._value(attrs, content)
            if value is None:
                continue
            if len(values) < column:
                values.extend([None] * (column - len(values)))
            values[column - 1] = value
        return tuple(values)

    def _value(self, attrs: dict[bytes, bytes], body: bytes | None) -> object:
        if not body:
            return None
        kind = attrs.get(b"t", b"n")
        if kind == b"inlineStr" and body.startswith(b"<is><t>") and body.endswith(b"</t></is>") \
                and body.count(b"<") == 4:
            return _text(body[7:-9])
        if kind == b"inlineStr":
            body = _PHONETIC.sub(b"", body)
            parts = [m.group(1) or b"" for m in _TEXT.finditer(body)]
            return _text(b"".join(parts)) if parts else None
        if body.startswith(b"<v>") and body.endswith(b"</v>") and body.count(b"<") == 2:
            raw = body[3:-4]
        else:
            found = _VALUE.search(body)
            raw = found.group(1) if found is not None else b""
        if not raw:
            return None
        if kind == b"n":
            number = _number(raw)
            style = int(attrs.get(b"s", b"0"))
            if style in self.book.date_styles:
                from openpyxl.utils.datetime import from_excel

                try:
                    return from_excel(number, self.book.epoch,
                                      timedelta=style in self.book.timedelta_styles)
                except (OverflowError, ValueError):
                    return "#VALUE!"
            return number
        if kind == b"s":
            return self.book.shared[int(raw)]
        if kind == b"b":
            return bool(int(raw))
        if kind == b"d":
            return datetime.fromisoformat(_text(raw).rstrip("Z"))
        return _text(raw)  # str (a formula's text result) and e (an error such as #DIV/0!)
