"""Opening an .xlsx package without trusting it.

A workbook is a zip of XML parts, and every number in a zip can lie: the
member count, the sizes in the central directory, the sizes in the local
headers. So nothing is decompressed before the bounds of template.py are
checked against the central directory (the member count even before Python's
zipfile reads that directory), a part is decompressed only when the import
needs it, and while it is read its size is counted again. Encrypted members,
duplicate names, unusual compression, DTDs and other encodings are refused
with a message instead of surfacing as a traceback or, worse, as silently
different data.

clean_xml() turns a part into the plain form the regular-expression readers
(sniff.py, fastsheet.py) can trust: proven well-formed by expat, with comments
and processing instructions removed (a `<c>` inside `<!-- -->` is no cell) and
CDATA sections turned into ordinary escaped text.
"""

from __future__ import annotations

import codecs
import html
import pyexpat
import re
import struct
import zipfile
import zlib
from pathlib import Path

from planner.errors import PlannerError
from planner.excel.template import (
    MAX_DIRECTORY_BYTES, MAX_FILE_BYTES, MAX_MEMBERS, MAX_PART_BYTES, MAX_TOTAL_BYTES,
)

_EOCD = b"PK\x05\x06"
_ZIP64_LOCATOR = b"PK\x06\x07"
_ZIP64_EOCD = b"PK\x06\x06"
_CHUNK = 1024 * 1024
_DECLARATION = re.compile(rb"<\?xml[^>]*?\?>")
_ENCODING = re.compile(rb"""\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_MARKUP = re.compile(rb"<!--.*?-->|<\?.*?\?>|<!\[CDATA\[(.*?)\]\]>", re.S)


def mb(size: int) -> str:
    """A byte count for a message: 400 MB, 1.5 GB, 12 KB."""
    if size >= 1024 ** 3:
        return f"{size / 1024 ** 3:.1f} GB"
    if size >= 1024 ** 2:
        return f"{size / 1024 ** 2:.0f} MB"
    return f"{max(1, size // 1024)} KB"


class PackageError(PlannerError):  # turned into an ImportProblem before anyone sees it
    """Something wrong with the package as a whole or with one of its parts, in both
    languages; `where` is the sheet or part it concerns (None: the file)."""

    def __init__(self, zh: str, en: str, where: str | None = None) -> None:
        super().__init__(en, message_zh=zh, message_en=en)
        self.zh = zh
        self.en = en
        self.where = where


def _directory_bounds(path: Path, size: int) -> None:
    """Member count and central-directory size from the end record, before zipfile
    builds an object for every entry (a small file can list millions)."""
    with open(path, "rb") as fh:
        tail_len = min(size, 22 + 65535)
        fh.seek(size - tail_len)
        tail = fh.read(tail_len)
        pos = tail.rfind(_EOCD)
        if pos < 0 or len(tail) < pos + 22:
            return  # zipfile reports the damage
        entries, directory = struct.unpack("<HI", tail[pos + 10:pos + 16])
        if entries == 0xFFFF or directory == 0xFFFFFFFF:
            locator = tail[pos - 20:pos] if pos >= 20 else b""
            if locator[:4] == _ZIP64_LOCATOR:
                fh.seek(struct.unpack("<Q", locator[8:16])[0])
                record = fh.read(56)
                if record[:4] == _ZIP64_EOCD and len(record) == 56:
                    entries, directory = struct.unpack("<QQ", record[32:48])
    if entries > MAX_MEMBERS:
        raise PackageError(
            f"压缩包中有 {entries:,} 个部件，超过 {MAX_MEMBERS:,} 个的上限：这不是正常的 Excel 工作簿，未读取",
            f"the zip holds {entries:,} parts, more than the limit of {MAX_MEMBERS:,}: "
            f"not an ordinary Excel workbook, not read")
    if directory > MAX_DIRECTORY_BYTES:
        raise PackageError(
            f"压缩包目录 {mb(directory)}，超过 {mb(MAX_DIRECTORY_BYTES)} 的上限：这不是正常的 Excel 工作簿，未读取",
            f"the zip's directory is {mb(directory)}, more than the limit of {mb(MAX_DIRECTORY_BYTES)}: "
            f"not an ordinary Excel workbook, not read")


def open_package(path: str | Path) -> zipfile.ZipFile:
    """The workbook's zip, once its directory is within every bound. Raises PackageError
    (or zipfile.BadZipFile for a file that is no zip at all)."""
    path = Path(path)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise PackageError(
            f"文件 {mb(size)}，超过 {mb(MAX_FILE_BYTES)} 的上限，未读取",
            f"the file is {mb(size)}, more than the limit of {mb(MAX_FILE_BYTES)}; not read")
    _directory_bounds(path, size)
    zf = zipfile.ZipFile(path)
    try:
        check_directory(zf.infolist())
    except BaseException:
        zf.close()
        raise
    return zf


def check_directory(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_MEMBERS:
        raise PackageError(
            f"压缩包中有 {len(infos):,} 个部件，超过 {MAX_MEMBERS:,} 个的上限：这不是正常的 Excel 工作簿，未读取",
            f"the zip holds {len(infos):,} parts, more than the limit of {MAX_MEMBERS:,}: "
            f"not an ordinary Excel workbook, not read")
    seen: set[str] = set()
    for info in infos:
        if info.flag_bits & 0x41:  # 0x01 encrypted, 0x40 strong encryption
            raise PackageError(
                "工作簿的压缩包设有密码（部件已加密），无法读取；请在 Excel/WPS 中打开，取消密码后另存为 .xlsx",
                "the workbook's zip is password-protected (its parts are encrypted) and cannot be read; "
                "open it in Excel or WPS, remove the password and save it as .xlsx")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise PackageError(
                f"部件 {info.filename} 使用了 Excel 不用的压缩方式（{info.compress_type}），未读取；"
                f"请在 Excel/WPS 中打开并另存为 .xlsx",
                f"the part {info.filename} uses a compression method Excel never writes "
                f"({info.compress_type}); not read: open it in Excel or WPS and save it as .xlsx")
        key = info.filename.replace("\\", "/").lstrip("/").casefold()
        if key in seen:
            raise PackageError(
                f"压缩包中有两个同名部件“{info.filename}”：无法确定该用哪一个，文件可能被改动过，未读取",
                f"the zip holds two parts named \"{info.filename}\": which one counts cannot be told, "
                f"the file may have been tampered with; not read")
        seen.add(key)


def check_part_sizes(zf: zipfile.ZipFile, titles: dict[str, str]) -> None:
    """Every part's size and their total as the directory gives them, a sheet's part named
    by its title (`titles`: part -> sheet title): a sheet that is never read is bounded too.
    Only the workbook and its relationships (each bounded on its own) are read before."""
    for info in zf.infolist():
        if info.file_size > MAX_PART_BYTES:
            title = titles.get(info.filename)
            what, what_en = _named(info.filename, title)
            raise PackageError(
                f"{what}解压后 {mb(info.file_size)}，超过单个部件 {mb(MAX_PART_BYTES)} 的上限，文件过大，未读取",
                f"{what_en} is {mb(info.file_size)} uncompressed, more than the limit of "
                f"{mb(MAX_PART_BYTES)} for one part: too large, not read", title)
    total = sum(info.file_size for info in zf.infolist())
    if total > MAX_TOTAL_BYTES:
        raise PackageError(
            f"工作簿解压后共 {mb(total)}，超过 {mb(MAX_TOTAL_BYTES)} 的上限，文件过大，未读取",
            f"the workbook is {mb(total)} uncompressed, more than the limit of {mb(MAX_TOTAL_BYTES)}: "
            f"too large, not read")


def _named(name: str, sheet: str | None) -> tuple[str, str]:
    """How a message names a part: by its sheet's title when it is one, else by its path."""
    if sheet is not None:
        return f"工作表“{sheet}”", f"the sheet \"{sheet}\""
    return f"部件 {name} ", f"the part {name}"


def read_part(zf: zipfile.ZipFile, name: str, limit: int, sheet: str | None = None) -> bytes:
    """The bytes of one part, refusing more than `limit` whatever the headers say.

    `sheet` is the title of the sheet the part holds, for messages (and their place).
    """
    zh, en = _named(name, sheet)
    try:
        info = zf.getinfo(name)
    except KeyError:
        raise PackageError(f"文件已损坏，无法读取：缺少{zh}；请在 Excel/WPS 中打开并另存为 .xlsx",
                           f"the file is damaged and cannot be read: {en} is missing; open it in Excel "
                           f"or WPS and save it again as .xlsx") from None
    if info.file_size > limit:
        raise _too_large(name, sheet, info.file_size, limit)
    chunks = []
    total = 0
    try:
        with zf.open(info) as fh:
            while True:
                chunk = fh.read(_CHUNK)
                if not chunk:
                    break
                total += len(chunk)
                if total > limit:
                    raise _too_large(name, sheet, total, limit, at_least=True)
                chunks.append(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        # A wrong checksum, a size in the directory that does not match the data, or
        # compressed bytes that do not decompress.
        raise PackageError(
            f"文件已损坏，无法读取：{zh}的压缩数据已损坏或与记录的大小、校验和不符（{exc}）；"
            f"请在 Excel/WPS 中打开并另存为 .xlsx",
            f"the file is damaged and cannot be read: the compressed data of {en} is broken or does not "
            f"match its recorded size and checksum ({exc}); open it in Excel or WPS and save it again "
            f"as .xlsx") from None
    return b"".join(chunks)


def _too_large(name: str, sheet: str | None, size: int, limit: int, at_least: bool = False) -> PackageError:
    zh, en = _named(name, sheet)
    more, more_en = ("超过 ", "more than ") if at_least else (" ", "")
    return PackageError(f"{zh}解压后{more}{mb(size)}，超过 {mb(limit)} 的上限，文件过大，未读取",
                        f"{en} is {more_en}{mb(size)} uncompressed, over the limit of {mb(limit)}: "
                        f"too large, not read", sheet)


def clean_xml(data: bytes, name: str, sheet: str | None = None) -> bytes:
    """`data` (part `name`) proven well-formed UTF-8 XML without a DTD, its comments and
    processing instructions removed and CDATA made ordinary text (see the module's note)."""
    zh, en = _named(name, sheet)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) or data[:1] == b"\0" or data[1:2] == b"\0":
        raise _encoding_error(zh, en, sheet, "UTF-16/UTF-32")
    declaration = _DECLARATION.match(data)
    if declaration is not None:
        encoding = _ENCODING.search(declaration.group(0))
        if encoding is not None and encoding.group(1).lower() not in (b"utf-8", b"utf8"):
            raise _encoding_error(zh, en, sheet, encoding.group(1).decode("ascii"))
    if b"<!DOCTYPE" in data or b"<!doctype" in data:
        raise PackageError(f"{zh}含有 DTD（<!DOCTYPE>），Excel 工作簿不会有；文件可能被改动过，未读取",
                           f"{en} holds a DTD (<!DOCTYPE>), which no Excel workbook has; "
                           f"the file may have been tampered with; not read", sheet)
    try:
        pyexpat.ParserCreate().Parse(data, True)
    except pyexpat.ExpatError as exc:
        raise PackageError(
            f"文件已损坏，无法读取：{zh}的 XML 第{exc.lineno}行第{exc.offset + 1}列有误"
            f"（{pyexpat.ErrorString(exc.code)}）；请在 Excel/WPS 中打开并另存为 .xlsx",
            f"the file is damaged and cannot be read: the XML of {en} is broken at line {exc.lineno}, "
            f"column {exc.offset + 1} ({pyexpat.ErrorString(exc.code)}); open the file in Excel or WPS "
            f"and save it again as .xlsx") from None
    body = declaration.end() if declaration is not None else 0
    if data.find(b"<!", body) >= 0 or data.find(b"<?", body) >= 0:
        data = data[:body] + _MARKUP.sub(_plain, data[body:])
    return data


def _plain(match: re.Match) -> bytes:
    text = match.group(1)
    if text is None:
        return b""  # a comment or processing instruction
    return html.escape(text.decode("utf-8"), quote=False).encode("utf-8")


def _encoding_error(zh: str, en: str, sheet: str | None, encoding: str) -> PackageError:
    return PackageError(f"{zh}的编码为 {encoding}，Excel 工作簿只用 UTF-8；请在 Excel/WPS 中打开并另存为 .xlsx",
                        f"{en} is encoded as {encoding} where Excel workbooks use UTF-8; "
                        f"open the file in Excel or WPS and save it again as .xlsx", sheet)


def read_xml(zf: zipfile.ZipFile, name: str, limit: int, sheet: str | None = None) -> bytes:
    """read_part then clean_xml."""
    return clean_xml(read_part(zf, name, limit, sheet), name, sheet)
