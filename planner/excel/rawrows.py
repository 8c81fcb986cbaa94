"""Data rows written straight into the sheet XML of a saved workbook.

openpyxl builds and serialises an element per cell, which makes a 200,000-row
duty sheet take most of an export. openpyxl still writes everything that
needs its care (styles, notes, drop-down lists, page set-up, the header row
and the rows up to the first date, which fixes the date style); the remaining
rows are appended to that file's sheet XML as the same markup openpyxl would
write for them: inline strings, numbers (floats with repr, so nothing is
rounded) and dates as serial numbers in the learnt date style.
"""

from __future__ import annotations

import math
import re
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Callable, Iterable, Iterator

from planner.excel.sniff import sheet_parts

CHUNK_ROWS = 2000


class PendingRows:
    """The rows of one sheet still to be written, from row `first` on."""

    def __init__(self, rows: Iterator[list], first: int, letters: list[str], date_columns: list[int]) -> None:
        self.rows = rows
        self.first = first
        self.letters = letters
        self.date_columns = date_columns


def _text_cell(ref: str, text: str) -> str:
    if not text:
        return ""
    if "&" in text or "<" in text or ">" in text:
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")  # a bare CR would come back as LF
    space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
    return f'<c r="{ref}" t="inlineStr"><is><t{space}>{text}</t></is></c>'


def row_xml(number: int, values: list, letters: list[str], date_styles: dict[int, str]) -> str:
    from openpyxl.utils.datetime import to_excel  # deferred: openpyxl costs 0.19 s at window start

    parts = [f'<row r="{number}">']
    for i, value in enumerate(values):
        if value is None:
            continue
        ref = f"{letters[i]}{number}"
        if isinstance(value, str):
            parts.append(_text_cell(ref, value))
        elif isinstance(value, bool):
            parts.append(f'<c r="{ref}" t="b"><v>{int(value)}</v></c>')
        elif isinstance(value, int):
            parts.append(f'<c r="{ref}" t="n"><v>{value}</v></c>')
        elif isinstance(value, float):
            if math.isfinite(value):
                parts.append(f'<c r="{ref}" t="n"><v>{value!r}</v></c>')
        elif isinstance(value, (date, datetime)):
            style = date_styles.get(i)
            if style is None:
                raise ValueError(f"no date style learnt for column {letters[i]}")
            parts.append(f'<c r="{ref}" s="{style}" t="n"><v>{to_excel(value)!r}</v></c>')
        else:
            raise TypeError(f"cannot write {type(value).__name__} in {ref}")
    parts.append("</row>")
    return "".join(parts)


def _date_styles(sheet_xml: bytes, pending: PendingRows) -> dict[int, str]:
    """The style of each date column's cells in the data rows openpyxl wrote (never the
    header's, which is bold and filled)."""
    styles = {}
    for i in pending.date_columns:
        for found in re.finditer(rb'<c r="%s(\d+)" s="(\d+)"' % pending.letters[i].encode(), sheet_xml):
            if int(found.group(1)) >= 2:
                styles[i] = found.group(2).decode()
                break
    return styles


def append_rows(xlsx: str | Path, target: str | Path, pending: dict[str, PendingRows],
                tick: Callable[[int], None] | None = None) -> None:
    """Copy workbook `xlsx` to `target`, appending the pending rows to their sheets.

    `tick(rows)` is called every few thousand rows (progress, and a cancel check
    that may raise).
    """
    with zipfile.ZipFile(xlsx) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        part_of = {part: title for title, part in sheet_parts(src) if title in pending}
        for item in src.infolist():
            data = src.read(item.filename)
            title = part_of.get(item.filename)
            if title is None:
                dst.writestr(item, data)
                continue
            rows = pending[title]
            end = data.rindex(b"</sheetData>")
            info = zipfile.ZipInfo(item.filename, item.date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            with dst.open(info, "w") as out:
                out.write(data[:end])
                for chunk in _chunks(rows, _date_styles(data, rows), tick):
                    out.write(chunk)
                out.write(data[end:])


def _chunks(pending: PendingRows, date_styles: dict[int, str],
            tick: Callable[[int], None] | None) -> Iterable[bytes]:
    batch: list[str] = []
    number = pending.first
    for values in pending.rows:
        batch.append(row_xml(number, values, pending.letters, date_styles))
        number += 1
        if len(batch) == CHUNK_ROWS:
            yield "".join(batch).encode("utf-8")
            batch.clear()
            if tick is not None:
                tick(CHUNK_ROWS)
    if batch:
        yield "".join(batch).encode("utf-8")
        if tick is not None:
            tick(len(batch))
