"""Reading the sheets of a ledger workbook into typed rows, collecting every problem.

Cross-sheet checks (unknown townships, duplicates) live in validate.py; this
module only knows one sheet at a time: its header row and its cells.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Callable

from planner.excel.cells import convert, is_blank
from planner.excel.problems import CellError, ImportProblem
from planner.excel.sniff import SheetScan
from planner.excel.template import (
    MAX_DATA_ROWS, REQUIRED, SHEETS, Column, HeaderMap, Sheet, column_names, normalize, sheet_names,
)
from planner.errors import Cancelled

Progress = Callable[[float, str], None]


def get_column_letter(number: int) -> str:
    """Excel's letters for the 1-based column `number` (1 -> A, 27 -> AA), as openpyxl.utils has it.

    Written out rather than imported: importing openpyxl costs ~0.2 s, which the window would
    pay at start-up only to name columns in problems found while reading a workbook.
    """
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass
class Row:
    number: int                      # as Excel shows it
    values: dict[str, object]
    raw: dict[str, object]
    bad: set[str] = field(default_factory=set)  # keys of cells that had a problem

    def ok(self, *keys: str) -> bool:
        return not (self.bad & set(keys)) and all(k in self.values for k in keys)


@dataclass
class SheetRows:
    spec: Sheet
    title: str                       # the sheet's name in the file
    header: HeaderMap
    rows: list[Row] = field(default_factory=list)
    readable: bool = True            # header complete and size within limits

    def problem(self, row: int | None, key: str | None, zh: str, en: str) -> ImportProblem:
        if key is None:
            return ImportProblem(self.title, row, None, zh, en)
        col = self.spec.column(key)
        if key in self.header.positions:
            return ImportProblem(self.title, row, self.header.headers[key], zh, en,
                                 get_column_letter(self.header.positions[key] + 1))
        return ImportProblem(self.title, row, col.zh, zh, en)


def match_sheets(titles: list[str]) -> tuple[dict[str, str], list[ImportProblem], list[ImportProblem]]:
    """Sheet key -> title in the file; problems (duplicates); notices (ignored sheets)."""
    found: dict[str, str] = {}
    problems, notices = [], []
    for title in titles:
        key = next((s.key for s in SHEETS if normalize(title) in sheet_names(s)), None)
        if key is None:
            notices.append(ImportProblem(title, None, None, "未知工作表，已忽略",
                                         "unknown sheet, ignored"))
        elif key in found:
            problems.append(ImportProblem(
                title, None, None,
                f"与工作表“{found[key]}”重复：同一张表只能有一个",
                f"duplicates the sheet \"{found[key]}\": only one such sheet is allowed"))
        else:
            found[key] = title
    for spec in SHEETS:
        if spec.key not in found and spec.required:
            problems.append(ImportProblem(
                spec.zh, None, None, f"缺少工作表“{spec.zh}”（英文名 {spec.en}）",
                f"missing sheet \"{spec.zh}\" ({spec.en})"))
    return found, problems, notices


def _map_header(spec: Sheet, title: str, header: tuple, problems: list[ImportProblem],
                notices: list[ImportProblem]) -> HeaderMap:
    hm = HeaderMap()
    lookup = {name: col for col in spec.columns for name in column_names(col)}
    for i, cell in enumerate(header):
        if is_blank(cell):
            continue
        text = str(cell).strip()
        letter = get_column_letter(i + 1)
        col = lookup.get(normalize(text))
        if col is None:
            notices.append(ImportProblem(title, 1, text, "未知列，已忽略", "unknown column, ignored", letter))
        elif col.key in hm.positions:
            first = get_column_letter(hm.positions[col.key] + 1)
            problems.append(ImportProblem(
                title, 1, text, f"与{first}列重复：同一列只能出现一次",
                f"duplicates column {first}: each column may appear only once", letter))
        else:
            hm.positions[col.key] = i
            hm.headers[col.key] = text
    return hm


def read_sheet(ws, spec: Sheet, title: str, scan: SheetScan | None, problems: list[ImportProblem],
               notices: list[ImportProblem], *, max_rows: int = MAX_DATA_ROWS,
               raw_keys: tuple[str, ...] = (), progress: Progress | None = None,
               cancelled: Callable[[], bool] | None = None) -> SheetRows:
    """The typed rows of one sheet; every cell problem goes to `problems`."""
    formula_cells = scan.formula_without_value if scan else set()
    rows_iter = ws.iter_numbered()
    first = next(rows_iter, None)
    header: tuple = ()
    if first is not None and first[0] == 1:
        header = first[1]
    elif first is not None:
        rows_iter = itertools.chain([first], rows_iter)
    header_notices: list[ImportProblem] = []
    hm = _map_header(spec, title, header, problems, header_notices)
    sheet = SheetRows(spec, title, hm)
    missing = [c for c in spec.columns if c.required and c.key not in hm.positions]
    if missing:
        found_at = _header_below(spec, rows_iter)
        if found_at is not None:
            # A title row above the header: one clear line instead of every column "missing".
            problems.append(ImportProblem(
                title, 1, None, f"表头应在第1行，实际在第{found_at}行：请删除表头上方的 {found_at - 1} 行（如标题行）",
                f"the header must be on row 1 but is on row {found_at}: delete the {found_at - 1} row(s) "
                f"above it (such as a title)"))
            sheet.readable = False
            return sheet
    notices += header_notices
    for col in missing:
        problems.append(ImportProblem(title, 1, col.zh, f"缺少列“{col.zh}”（英文名 {col.en}）；表头须在第1行",
                                      f"missing column \"{col.zh}\" ({col.en}); the header must be on row 1"))
    if missing:
        sheet.readable = False
        return sheet

    columns = [(col, hm.positions[col.key]) for col in spec.columns if col.key in hm.positions]
    width = max(hm.positions.values()) + 1
    # Cells right of the last column the import uses are not materialised: those under a
    # header of their own are dropped, any other is kept in one slot at index `width`,
    # which is all the notice below needs (a row never grows to column XFD).
    ws.width = width
    ws.quiet = frozenset(i for i in range(width, len(header)) if not is_blank(header[i]))
    unnamed_data_noted = False
    count = 0
    for number, values in rows_iter:
        if all(is_blank(v) for v in values):
            continue
        count += 1
        if count > max_rows:
            problems.append(ImportProblem(
                title, number, None, f"数据行超过 {max_rows:,} 行的上限，文件过大，未继续读取",
                f"more than {max_rows:,} data rows: the file is too large and was not read further"))
            sheet.readable = False
            break
        if count % 10000 == 0:
            if cancelled is not None and cancelled():
                raise Cancelled()
            if progress is not None:
                progress(count, f"{title}: {count:,}")
        if not unnamed_data_noted and len(values) > width and not is_blank(values[width]):
            unnamed_data_noted = True
            notices.append(ImportProblem(title, number, None, "表头以外的列中有数据，已忽略",
                                         "data in columns without a header, ignored"))
        sheet.rows.append(_read_row(sheet, number, values, columns, formula_cells, raw_keys, problems))
    return sheet


def _header_below(spec: Sheet, rows_iter, look: int = 5) -> int | None:
    """The row number (2…) among the next few rows that holds every required header."""
    required = [column_names(c) for c in spec.columns if c.required]
    for number, values in rows_iter:
        if number > 1 + look:
            return None
        present = {normalize(v) for v in values if not is_blank(v)}
        if all(names & present for names in required):
            return number
    return None


def _read_row(sheet: SheetRows, number: int, values: tuple, columns: list[tuple[Column, int]],
              formula_cells: set[str], raw_keys: tuple[str, ...], problems: list[ImportProblem]) -> Row:
    row = Row(number, {}, {})
    for col, index in columns:
        value = values[index] if index < len(values) else None
        row.raw[col.key] = value
        if col.key in raw_keys:
            continue
        if is_blank(value):
            if col.blank is REQUIRED:
                row.bad.add(col.key)
                if f"{get_column_letter(index + 1)}{number}" in formula_cells:
                    problems.append(sheet.problem(
                        number, col.key, "公式没有已计算的结果；请在 Excel/WPS 中打开并保存后再导入",
                        "the formula has no calculated result; open and save the file in Excel or WPS"))
                else:
                    problems.append(sheet.problem(number, col.key, "不能为空", "must not be empty"))
            else:
                row.values[col.key] = col.blank
            continue
        try:
            row.values[col.key] = convert(value, col)
        except CellError as err:
            row.bad.add(col.key)
            problems.append(sheet.problem(number, col.key, err.zh, err.en))
    for col in sheet.spec.columns:
        # An optional column left out of the file takes its documented default.
        if col.key not in sheet.header.positions and col.blank is not REQUIRED:
            row.values[col.key] = col.blank
    return row
