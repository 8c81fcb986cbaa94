"""Writing the template and the ledger in the template's format.

The blank template and an export are the same workbook, one empty and one
filled, so that whatever an office exports it can edit and import again.
Rows are streamed (openpyxl write-only mode): a 2,000-township ledger is
written without holding a second copy of it in cells.
"""

from __future__ import annotations

import itertools
import os
import tempfile
from datetime import date, datetime
from pathlib import Path
from typing import Callable, Iterable, Iterator

from planner.domain.county import CountyData, TimeParams
from planner.domain.workload import WorkParams
from planner.domain.vocabulary import kind_label, yes_no
from planner.excel.post_sheets import post_rows
from planner.excel.rawrows import PendingRows, append_rows
from planner.excel.reader import Cancelled, Progress
from planner.excel.template import (
    PARAM_ROWS, PARAMS_SHEET, SHEETS, Sheet, param_note,
)

HEADER_FILL = "DDEBF7"


# openpyxl is imported inside the functions that write: it costs about 0.19 s (measured,
# python -c "import openpyxl"), which the window would pay at start-up, since its Excel
# menu imports planner.excel.


def _text_cell(ws, value: str):
    """A text cell that stays text: openpyxl would otherwise store "=..." as a formula
    and "#N/A" as an error, and a spreadsheet would run what a name says."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws, value)
    cell.data_type = "s"
    return cell


def _clean(value: str) -> str:
    """Drop the characters XML 1.0 cannot hold (control characters, U+FFFE, U+FFFF)."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", value).replace("\ufffe", "").replace("\uffff", "")


def _cells(ws, values: Iterable[object]) -> list[object]:
    row = []
    for v in values:
        if isinstance(v, str):
            v = _clean(v)
            # Only strings that openpyxl would not keep as plain text need a cell object;
            # the rest stay plain values, which stream several times faster.
            row.append(_text_cell(ws, v) if v[:1] in "=#+-@" else v)
        elif isinstance(v, float) and float("%.16g" % v) != v:
            row.append(_exact_number_cell(ws, v))
        else:
            row.append(v)
    return row


def _exact_number_cell(ws, value: float):
    """openpyxl writes numbers with 16 significant digits; the few floats that need 17
    are written with repr so that export → import gives back the very same number."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws, repr(value))
    cell.data_type = "n"
    return cell


def _yes_no(flag: bool) -> str:
    return yes_no(flag)


def _header(ws, sheet: Sheet) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    for i, col in enumerate(sheet.columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = col.width
        if col.choices:
            dv = DataValidation(type="list", formula1='"' + ",".join(col.choices) + '"', allow_blank=True,
                                showErrorMessage=True, errorStyle="warning",
                                errorTitle="请从列表中选择", error="可选：" + " / ".join(col.choices))
            dv.add(f"{get_column_letter(i)}2:{get_column_letter(i)}1048576")
            ws.data_validations.append(dv)
    ws.freeze_panes = "A2"
    # Printed as officials print ledgers: A4 landscape, all columns on one page width,
    # the header row repeated on every page.
    ws.page_setup.paperSize = 9  # A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    cells = []
    for col in sheet.columns:
        cell = WriteOnlyCell(ws, col.zh)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(horizontal="center", vertical="center")
        note = col.note if sheet is not PARAMS_SHEET or col.key != "name" else (
            col.note + "\n" + "\n".join(f"{p.zh}（{p.key}）" for p in PARAM_ROWS))
        comment = Comment(note, "编制统筹规划")
        comment.width = 320
        comment.height = 140 if sheet is not PARAMS_SHEET or col.key != "name" else 260
        cell.comment = comment
        cells.append(cell)
    ws.append(cells)


def _param_rows(county: CountyData | None) -> Iterator[list[object]]:
    params = county.params if county is not None else WorkParams()
    time = county.time if county is not None else TimeParams()
    for row in PARAM_ROWS:
        if row.key == "county_name":
            value = county.name if county is not None and county.name else None
        else:
            value = getattr(time if row.time else params, row.key)
            if value is not None:
                value = int(value) if float(value).is_integer() else float(value)
        yield [row.zh, value, param_note(row)]


def _data_rows(county: CountyData, sheet: Sheet) -> Iterator[list[object]]:
    for t in county.townships:
        if sheet.key == "townships":
            yield [t.name, t.type, t.category, t.population, t.area_km2, t.villages, _yes_no(t.locked)]
        elif sheet.key == "quota":
            for kind in ("administrative", "institutional", "support"):
                q = t.quotas.get(kind)
                if q is not None:
                    yield [t.name, kind_label(kind), q.approved, q.staff,
                           q.leadership if kind == "administrative" else None]
        elif sheet.key == "offices":
            for o in t.offices:
                yield [t.name, o.name, kind_label(o.kind), o.backup_office]
        elif sheet.key == "duties":
            for d in t.duties:
                yield [t.name, d.office, d.name, d.annual_volume, d.minutes_per_case, d.fixed_hours,
                       _yes_no(d.needs_backup)]
        elif sheet.key == "people":
            for p in t.people:
                yield [t.name, p.office, p.name, kind_label(p.kind), p.quota_since, p.sex, _month(p.birth_month),
                       p.status, _yes_no(p.leader), _month(p.planned_leave)]
        elif sheet.key == "hiring":
            for h in t.hiring:
                yield [t.name, kind_label(h.kind), h.year, h.planned, h.hired]
        elif sheet.key == "posts":
            yield from post_rows(t)
        elif sheet.key == "pool_loans":
            for loan in t.pool_loans:
                yield [t.name, kind_label(loan.kind), loan.slots, str(loan.start), str(loan.due), loan.returned]


def _month(value) -> str | None:
    return None if value is None else str(value)


def _number(value: object) -> object:
    """Whole floats as ints, so that 120 shows as 120 and not 120.0 in every viewer."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2 ** 53:
        return int(value)
    return value


def write_workbook(path: str | Path, county: CountyData | None = None, *,
                   progress: Progress | None = None,
                   cancelled: Callable[[], bool] | None = None) -> Path:
    """Write the template (county None) or the ledger of `county`, atomically:
    the target is replaced only once the whole file is written."""
    import openpyxl

    path = Path(path)
    # The temporary files go beside the target, so that an unwritable folder fails
    # before any work and os.replace never crosses file systems.
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".~", suffix=".xlsx", dir=path.parent)
    os.close(fd)
    done_file = tmp
    wb = openpyxl.Workbook(write_only=True)
    counter = _Counter(county, progress, cancelled)
    try:
        pending = _fill(wb, county, counter)
        wb.save(tmp)
        if pending:
            fd, done_file = tempfile.mkstemp(prefix=".~", suffix=".xlsx", dir=path.parent)
            os.close(fd)
            append_rows(tmp, done_file, pending, counter.add)
            Path(tmp).unlink()
        # mkstemp makes the file private; keep the mode of the file being replaced.
        os.chmod(done_file, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        os.replace(done_file, path)
    except BaseException:
        _discard(wb)
        Path(tmp).unlink(missing_ok=True)
        Path(done_file).unlink(missing_ok=True)
        raise
    if progress is not None:
        progress(1.0, str(path))
    return path


class _Counter:
    """Rows written so far: progress now and then, and the cancel check."""

    def __init__(self, county: CountyData | None, progress: Progress | None,
                 cancelled: Callable[[], bool] | None) -> None:
        self.total = max(1, sum(len(t.duties) + len(t.offices) + len(t.people) + 4 for t in county.townships)
                         if county is not None else 1)
        self.done = 0
        self.progress, self.cancelled = progress, cancelled

    def add(self, rows: int = 1) -> None:
        before, self.done = self.done, self.done + rows
        if before // 10000 != self.done // 10000:
            if self.cancelled is not None and self.cancelled():
                raise Cancelled()
            if self.progress is not None:
                self.progress(min(0.95, self.done / self.total), f"{self.done:,}")


def _fill(wb, county: CountyData | None, counter: _Counter) -> dict[str, PendingRows]:
    """Write every sheet's header and first rows with openpyxl; returns the rows left
    for append_rows (all rows once no date style is still to be learnt)."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import numbers
    from openpyxl.utils import get_column_letter

    pending: dict[str, PendingRows] = {}
    for sheet in SHEETS:
        ws = wb.create_sheet(sheet.zh)
        rows = 1 + _row_count(county, sheet)
        last = get_column_letter(len(sheet.columns))
        # Streamed sheets carry no <dimension> unless told; without one openpyxl's
        # read-only mode parses a whole sheet just to find its size.
        ws.calculate_dimension = lambda rows=rows, last=last: f"A1:{last}{rows}"
        _header(ws, sheet)
        letters = [get_column_letter(i + 1) for i in range(len(sheet.columns))]
        date_columns = [i for i, c in enumerate(sheet.columns) if c.type == "date"]
        style_learnt = not date_columns
        rows = _param_rows(county) if sheet is PARAMS_SHEET else (
            _data_rows(county, sheet) if county is not None else iter(()))
        number = 2
        for values in rows:
            values = [_number(v) if not isinstance(v, str) else _clean(v) for v in values]
            if style_learnt and sheet is not PARAMS_SHEET:
                pending[sheet.zh] = PendingRows(
                    itertools.chain([values], ([_number(v) if not isinstance(v, str) else _clean(v)
                                                for v in more] for more in rows)),
                    number, letters, date_columns)
                break
            row = _cells(ws, values)
            for i, v in enumerate(values):
                if isinstance(v, (date, datetime)):
                    cell = WriteOnlyCell(ws, v)
                    cell.number_format = numbers.FORMAT_DATE_YYYYMMDD2
                    row[i] = cell
                    style_learnt = True
            ws.append(row)
            number += 1
            counter.add()
    return pending


def _row_count(county: CountyData | None, sheet: Sheet) -> int:
    if sheet is PARAMS_SHEET:
        return len(PARAM_ROWS)
    if county is None:
        return 0
    if sheet.key == "townships":
        return len(county.townships)
    if sheet.key == "quota":
        return sum(len(t.quotas) for t in county.townships)
    return sum(len(getattr(t, sheet.key)) for t in county.townships)


def _discard(wb) -> None:
    """Close and delete the streamed sheets of a workbook that will not be saved."""
    for ws in wb.worksheets:
        try:
            if not ws.closed:
                ws.close()
            if ws._writer is not None:
                ws._writer.cleanup()
        except Exception:  # already half-closed by a failed save: nothing more to free
            pass


def write_template(path: str | Path) -> Path:
    """The blank import template: every sheet, header notes, drop-down lists, defaults."""
    return write_workbook(path, None)
