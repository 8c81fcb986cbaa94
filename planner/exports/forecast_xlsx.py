"""The forecast as a two-sheet workbook: every person with a retirement month, and leavers per year.

Written to a temporary name beside the target and moved into place, so a
failed export never leaves half a file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from planner.domain.forecast import Forecast
from planner.domain.vocabulary import kind_label, yes_no
from planner.exports.xlsx_print import frame_cells, set_up_printing

BOLD = Font(bold=True)
HEADER = PatternFill("solid", fgColor="DDEBF7")
OVERDUE = PatternFill("solid", fgColor="FCE4D6")

PEOPLE_COLUMNS = ("乡镇 (township)", "编制类型 (kind)", "姓名 (name)", "性别 (sex)", "出生年月 (birth month)",
                  "身份 (status)", "领导职务 (leader)", "法定退休年龄 (retirement age)",
                  "退休年月 (retirement month)", "预计离岗年月 (planned leave)", "已超期 (overdue)")
LEAVER_COLUMNS = ("乡镇 (township)", "编制类型 (kind)", "年度 (year)", "退休 (retirements)",
                  "其他离岗 (other)", "合计 (total)")


def _header(ws, columns) -> None:
    ws.append(list(columns))
    for cell in ws[1]:
        cell.font, cell.fill = BOLD, HEADER
    ws.freeze_panes = "A2"
    for letter, width in zip("ABCDEFGHIJK", (14, 8, 10, 6, 12, 6, 8, 16, 14, 14, 8)):
        ws.column_dimensions[letter].width = width
    set_up_printing(ws, 1, "zh")


def write_forecast_xlsx(result: Forecast, path: str | Path) -> Path:
    path = Path(path)
    wb = Workbook()
    people = wb.active
    people.title = "人员退休测算"
    _header(people, PEOPLE_COLUMNS)
    for p in result.people:
        person = p.person
        people.append([p.township, kind_label(p.kind), person.name, person.sex,
                       None if person.birth_month is None else str(person.birth_month), person.status,
                       yes_no(person.leader), p.retirement_age,
                       None if p.retirement_month is None else str(p.retirement_month),
                       None if person.planned_leave is None else str(person.planned_leave),
                       yes_no(p.overdue)])
        if p.overdue:
            for cell in people[people.max_row]:
                cell.fill = OVERDUE
    leavers = wb.create_sheet("离岗人数")
    _header(leavers, LEAVER_COLUMNS)
    for township, kind, year, retirements, other in result.leaver_rows():
        leavers.append([township, kind_label(kind), year, retirements, other, retirements + other])
    # Borders, wrapped headers and row heights once the rows are in.
    frame_cells(people)
    frame_cells(leavers)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".~", suffix=".xlsx", dir=path.parent)
    os.close(fd)
    try:
        wb.save(tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
