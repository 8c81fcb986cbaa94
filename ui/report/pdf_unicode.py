"""Making the PDF's Chinese text searchable and copyable as the characters that were written.

CJK fonts such as Noto CJK map a Kangxi radical and the ordinary character to
one glyph (⼀ U+2F00 and 一 U+4E00, ⻘ U+2ED8 and 青 U+9752). Qt builds the
PDF's ToUnicode table by looking each glyph up from the lowest code point
upwards, so the radical wins and `pdftotext` (or a reader's search, or
copy-and-paste) yields ⻘⼭镇 for 青山镇: the same fault wkhtmltopdf#4414 and
PDFBox describe. We know every character we drew, so we repair the table:
each code point we never wrote is replaced by the written character that
shares its glyph. The repaired tables are appended as a PDF incremental
update (new objects, a new cross-reference section with /Prev), which every
reader supports and which leaves Qt's bytes untouched.
"""

from __future__ import annotations

import re
import unicodedata
import zlib

from PySide6.QtGui import QFont, QFontDatabase, QRawFont

_HEX = re.compile(rb"<([0-9A-Fa-f]+)>")


def _hex_to_text(hex_digits: bytes) -> str:
    return bytes.fromhex(hex_digits.decode("ascii")).decode("utf-16-be", errors="replace")


def _text_to_hex(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def parse_cmap(cmap: bytes) -> dict[int, str]:
    """CID -> Unicode text of a ToUnicode CMap (bfchar and both bfrange forms)."""
    mapping: dict[int, str] = {}
    for body in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
        codes = _HEX.findall(body)
        for src, dst in zip(codes[0::2], codes[1::2]):
            mapping[int(src, 16)] = _hex_to_text(dst)
    for body in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
        for line in re.finditer(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)", body):
            start, end, dst = int(line.group(1), 16), int(line.group(2), 16), line.group(3)
            if dst.startswith(b"["):
                for offset, code in enumerate(_HEX.findall(dst)):
                    mapping[start + offset] = _hex_to_text(code)
            else:
                first = _hex_to_text(_HEX.findall(dst)[0])
                for offset in range(end - start + 1):
                    mapping[start + offset] = first[:-1] + chr(ord(first[-1]) + offset)
    return mapping


def write_cmap(mapping: dict[int, str]) -> bytes:
    lines = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
             "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
             "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
             "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange"]
    items = sorted(mapping.items())
    for i in range(0, len(items), 100):  # a CMap block holds at most 100 entries
        chunk = items[i:i + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        lines += [f"<{cid:04X}> <{_text_to_hex(text)}>" for cid, text in chunk]
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return ("\n".join(lines) + "\n").encode("ascii")


class GlyphAliases:
    """Which written character a stray code point stands for, by shared glyph in our fonts."""

    def __init__(self, used_text: str, fonts: list[QFont]) -> None:
        self.used = {ch for ch in used_text if ord(ch) < 0x10000}
        self.fonts = []
        for font in fonts:
            raw = QRawFont.fromFont(font, QFontDatabase.WritingSystem.SimplifiedChinese)
            if raw.isValid():
                chars = sorted(self.used)
                glyphs = raw.glyphIndexesForString("".join(chars))
                by_glyph: dict[int, str] = {}
                for ch, glyph in zip(chars, glyphs):
                    if glyph:
                        # Prefer the ordinary ideograph when two written characters share a glyph.
                        if glyph not in by_glyph or 0x4E00 <= ord(ch) <= 0x9FFF:
                            by_glyph[glyph] = ch
                self.fonts.append((raw, by_glyph))

    def resolve(self, text: str) -> str:
        if len(text) != 1 or text in self.used:
            return text
        for raw, by_glyph in self.fonts:
            glyphs = raw.glyphIndexesForString(text)
            if glyphs and glyphs[0] and glyphs[0] in by_glyph:
                return by_glyph[glyphs[0]]
        normal = unicodedata.normalize("NFKC", text)  # Kangxi radicals decompose to the ideograph
        return normal if normal in self.used else text


def _xref_offsets(pdf: bytes) -> tuple[dict[int, int], int]:
    start = int(re.findall(rb"startxref\s+(\d+)", pdf)[-1])
    offsets: dict[int, int] = {}
    pos = pdf.index(b"xref", start) + 4
    section = re.compile(rb"\s*(\d+)\s+(\d+)\s*\n")
    while True:
        head = section.match(pdf, pos)
        if not head:
            break
        first, count = int(head.group(1)), int(head.group(2))
        pos = head.end()
        for n in range(count):
            entry = pdf[pos:pos + 20]
            if entry[17:18] == b"n":
                offsets.setdefault(first + n, int(entry[:10]))
            pos += 20
    return offsets, start


def _read_stream(pdf: bytes, offsets: dict[int, int], number: int) -> bytes | None:
    match = re.compile(rb"\d+\s+\d+\s+obj\s*<<(.*?)>>\s*stream\r?\n", re.S).match(pdf, offsets[number])
    if not match:
        return None
    header = match.group(1)
    length = re.search(rb"/Length\s+(\d+)(\s+(\d+)\s+R)?", header)
    if not length:
        return None
    size = int(length.group(1))
    if length.group(2):  # an indirect length: "n 0 obj 1234 endobj"
        size = int(re.compile(rb"\d+\s+\d+\s+obj\s*(\d+)").match(pdf, offsets[size]).group(1))
    data = pdf[match.end():match.end() + size]
    return zlib.decompress(data) if b"FlateDecode" in header else data


def repair_to_unicode(pdf: bytes, used_text: str, fonts: list[QFont]) -> bytes:
    """The PDF with every ToUnicode entry pointing at the characters actually written."""
    numbers = sorted({int(n) for n in re.findall(rb"/ToUnicode\s+(\d+)\s+0\s+R", pdf)})
    if not numbers:
        return pdf
    offsets, previous_xref = _xref_offsets(pdf)
    aliases = GlyphAliases(used_text, fonts)
    replaced: dict[int, bytes] = {}
    for number in numbers:
        cmap = _read_stream(pdf, offsets, number) if number in offsets else None
        if cmap is None:
            continue
        mapping = parse_cmap(cmap)
        fixed = {cid: aliases.resolve(text) for cid, text in mapping.items()}
        if fixed != mapping:
            replaced[number] = write_cmap(fixed)
    if not replaced:
        return pdf
    trailer = re.findall(rb"trailer\s*<<(.*?)>>\s*startxref", pdf, re.S)[-1]
    keep = [m.group(0) for m in re.finditer(rb"/(Size|Root|Info)\s+[^/]+|/ID\s*\[[^\]]*\]", trailer)]
    out = bytearray(pdf if pdf.endswith(b"\n") else pdf + b"\n")
    positions = {}
    for number, data in replaced.items():
        positions[number] = len(out)
        out += b"%d 0 obj\n<< /Length %d >>\nstream\n" % (number, len(data)) + data + b"\nendstream\nendobj\n"
    xref_at = len(out)
    out += b"xref\n"
    for number in sorted(positions):
        out += b"%d 1\n%010d 00000 n \n" % (number, positions[number])
    out += b"trailer\n<<\n" + b"\n".join(k.strip() for k in keep) + b"\n/Prev %d\n>>\n" % previous_xref
    out += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(out)
