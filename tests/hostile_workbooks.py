"""Hostile workbooks built at the zip and XML level, for the malformed-workbook corpus.

A hand-rolled zip writer lets a test say what no zip library would write: two
members of one name, encrypted-member flags, sizes in the directory that lie,
a part that decompresses to gigabytes from a couple of megabytes on disk. Every
file here is small on disk; none is ever decompressed in full by a test.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

from planner.excel.sniff import sheet_parts

MB = 1024 * 1024


@dataclass(frozen=True)
class Entry:
    name: str
    data: bytes            # as stored (raw deflate for method 8)
    size: int              # uncompressed size written in the headers
    crc: int
    method: int = 8
    flags: int = 0


def entry(name: str, content: bytes, **changes) -> Entry:
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    data = packer.compress(content) + packer.flush()
    return replace(Entry(name, data, len(content), zlib.crc32(content)), **changes)


def huge_entry(name: str, head: bytes, filler: bytes, megabytes: int, tail: bytes) -> Entry:
    """A part of `megabytes` MB of `filler` between head and tail, compressed once per MB:
    after a full flush deflate starts afresh, so one compressed MB repeats. Its CRC is
    left 0: it is refused from the directory and never read."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = (filler * (MB // len(filler) + 1))[:MB]
    start = packer.compress(head) + packer.flush(zlib.Z_FULL_FLUSH)
    middle = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
    end = packer.compress(tail) + packer.flush()
    return Entry(name, start + middle * megabytes + end, len(head) + MB * megabytes + len(tail), 0)


def write_zip(target: Path, entries: list[Entry]) -> None:
    local, central = bytearray(), bytearray()
    for e in entries:
        name = e.name.encode("utf-8")
        offset = len(local)
        fields = (20, e.flags, e.method, 0, 0x21, e.crc, len(e.data), e.size, len(name))
        local += struct.pack("<4s5HIIIHH", b"PK\x03\x04", *fields, 0) + name + e.data
        central += struct.pack("<4s6HIIIHHHHHII", b"PK\x01\x02", 20, *fields, 0, 0, 0, 0, 0, offset) + name
    end = struct.pack("<4s4HIIH", b"PK\x05\x06", 0, 0, len(entries), len(entries),
                      len(central), len(local), 0)
    target.write_bytes(bytes(local + central + end))


def base_entries(base: Path) -> list[Entry]:
    with zipfile.ZipFile(base) as zf:
        return [entry(info.filename, zf.read(info.filename)) for info in zf.infolist()]


def part_of(base: Path, title: str) -> str:
    with zipfile.ZipFile(base) as zf:
        return dict(sheet_parts(zf))[title]


def content(base: Path, part: str) -> bytes:
    with zipfile.ZipFile(base) as zf:
        return zf.read(part)


Build = Callable[[Path, Path], None]


def changed(fn: Callable[[Path, list[Entry]], list[Entry]]) -> Build:
    def build(base: Path, target: Path) -> None:
        write_zip(target, fn(base, base_entries(base)))
    return build


def sheet_edit(title: str, change: Callable[[bytes], bytes]) -> Build:
    """The base workbook with one sheet's XML changed."""
    def fn(base: Path, entries: list[Entry]) -> list[Entry]:
        part = part_of(base, title)
        return [entry(e.name, change(content(base, part))) if e.name == part else e for e in entries]
    return changed(fn)


def cell_xml(ref: str, new: bytes) -> Callable[[bytes], bytes]:
    """Replace the cell `ref` (which must exist) by `new`."""
    def change(data: bytes) -> bytes:
        pattern = rb'<c r="%s"[^>]*?(/>|>.*?</c>)' % ref.encode()
        assert re.search(pattern, data, re.S), ref
        return re.sub(pattern, lambda m: new, data, count=1, flags=re.S)
    return change


def row_number(old: int, new: int) -> Callable[[bytes], bytes]:
    """Renumber row `old` (and its cells) as `new`."""
    def change(data: bytes) -> bytes:
        start = data.index(b'<row r="%d"' % old)
        end = data.index(b"</row>", start)
        row = re.sub(rb'(r="[A-Z]+)%d"' % old, rb'\g<1>%d"' % new, data[start:end])
        row = row.replace(b'<row r="%d"' % old, b'<row r="%d"' % new, 1)
        return data[:start] + row + data[end:]
    return change


def move_row_to_end(number: int, new: int) -> Callable[[bytes], bytes]:
    """Take row `number` out and put it, renumbered `new`, after the last row."""
    def change(data: bytes) -> bytes:
        start = data.index(b'<row r="%d"' % number)
        end = data.index(b"</row>", start) + len(b"</row>")
        row = row_number(number, new)(data[start:end])
        data = data[:start] + data[end:]
        close = data.index(b"</sheetData>")
        return data[:close] + row + data[close:]
    return change


def with_shared_strings(title: str, ref: str, index: bytes, strings: bytes) -> Build:
    """Cell `ref` of `title` made a shared-string cell of `index`, with a shared-string table."""
    table = (b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' + strings + b"</sst>")

    def fn(base: Path, entries: list[Entry]) -> list[Entry]:
        part = part_of(base, title)
        sheet = cell_xml(ref, b'<c r="%s" t="s"><v>%s</v></c>' % (ref.encode(), index))(content(base, part))
        return [entry(e.name, sheet) if e.name == part else e for e in entries] + [
            entry("xl/sharedStrings.xml", table)]
    return changed(fn)


def duplicate_member(title: str, change: Callable[[bytes], bytes]) -> Build:
    """A second member of the same name after the first, holding changed XML."""
    def fn(base: Path, entries: list[Entry]) -> list[Entry]:
        part = part_of(base, title)
        return entries + [entry(part, change(content(base, part)))]
    return changed(fn)


def member_flags(title: str, flags: int = 0, method: int | None = None) -> Build:
    def fn(base: Path, entries: list[Entry]) -> list[Entry]:
        part = part_of(base, title)
        return [replace(e, flags=e.flags | flags, method=e.method if method is None else method)
                if e.name == part else e for e in entries]
    return changed(fn)


def declared_size(name_of: Callable[[Path], str], size: int) -> Build:
    """A member whose headers state `size` as its uncompressed size (they lie)."""
    def fn(base: Path, entries: list[Entry]) -> list[Entry]:
        name = name_of(base)
        return [replace(e, size=size) if e.name == name else e for e in entries]
    return changed(fn)


def sheet_named(title: str) -> Callable[[Path], str]:
    return lambda base: part_of(base, title)


def extra_members(count: int) -> Build:
    def fn(base: Path, entries: list[Entry]) -> list[Entry]:
        return entries + [entry(f"customXml/item{i}.xml", b"<a/>") for i in range(count)]
    return changed(fn)


def huge_sheet(title: str, megabytes: int, *, new_sheet: bool) -> Build:
    """Sheet `title` (an added, ignored sheet, or a known one replaced) made `megabytes` MB
    of XML: a valid sheet whose sheetData is padded with spaces."""
    head = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    tail = b"</sheetData></worksheet>"

    def fn(base: Path, entries: list[Entry]) -> list[Entry]:
        if not new_sheet:
            part = part_of(base, title)
            return [huge_entry(part, head, b" ", megabytes, tail) if e.name == part else e for e in entries]
        return add_sheet(base, entries, title, huge_entry("xl/worksheets/sheet99.xml", head, b" ", megabytes, tail))
    return changed(fn)


def add_sheet(base: Path, entries: list[Entry], title: str, sheet: Entry) -> list[Entry]:
    """`entries` with `sheet` added to the workbook as the last sheet, named `title`."""
    out = []
    for e in entries:
        if e.name == "xl/workbook.xml":
            data = content(base, e.name).replace(
                b"</sheets>", f'<sheet name="{title}" sheetId="99" r:id="rIdExtra"/></sheets>'.encode(), 1)
            if b'xmlns:r="' not in data[:data.index(b"<sheets")]:
                data = data.replace(b"<workbook ", b'<workbook xmlns:r="http://schemas.openxmlformats.org/'
                                    b'officeDocument/2006/relationships" ', 1)
            e = entry(e.name, data)
        elif e.name == "xl/_rels/workbook.xml.rels":
            e = entry(e.name, content(base, e.name).replace(
                b"</Relationships>", b'<Relationship Id="rIdExtra" Target="worksheets/sheet99.xml" Type="http://'
                b'schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/></Relationships>', 1))
        out.append(e)
    return out + [sheet]


def ignored_sheet(title: str, megabytes: int) -> Build:
    """An added sheet the import ignores, `megabytes` MB of honest (CRC-correct) XML."""
    head = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    tail = b"</sheetData></worksheet>"

    def fn(base: Path, entries: list[Entry]) -> list[Entry]:
        big = huge_entry("xl/worksheets/sheet99.xml", head, b" ", megabytes, tail)
        crc = zlib.crc32(head)
        block = b" " * MB
        for _ in range(megabytes):
            crc = zlib.crc32(block, crc)
        return add_sheet(base, entries, title, replace(big, crc=zlib.crc32(tail, crc)))
    return changed(fn)


def wide_rows(title: str) -> Callable[[bytes], bytes]:
    """Every data row of `title` gets a cell in column XFD (Excel's last)."""
    def change(data: bytes) -> bytes:
        return re.sub(rb'(<row r="(\d+)"[^>]*>)(.*?)</row>',
                      lambda m: m.group(1) + m.group(3) + (
                          b'<c r="XFD%s" t="inlineStr"><is><t>x</t></is></c>' % m.group(2)
                          if m.group(2) != b"1" else b"") + b"</row>", data, flags=re.S)
    return change
