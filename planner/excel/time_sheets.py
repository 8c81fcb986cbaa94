"""The time ledger in a workbook: people's dates, 用编计划 (hiring plan) and 周转池 (pool loans).

The columns are declared in planner.excel.template like every other; this
module turns their cells into months, sexes and statuses and checks them with
the rules of planner.domain.time_rules, each problem tied to its sheet, row
and column. Month cells are read as text so that `1972-05`, `1972年5月`, a
date cell and a date that lost its format (a serial number) all work.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from planner.domain.county import (
    CountyData, HiringPlanData, PersonData, PoolLoanData, TimeParams, TownshipData,
)
from planner.domain.months import Month
from planner.domain.time_rules import (
    hiring_findings, hiring_line_findings, loan_findings, loan_to_usable_vacancy, person_findings,
    pool_overdrawn,
)
from planner.domain.vocabulary import kind_label, parse_person_status, parse_sex
from planner.excel.problems import CellError, ImportProblem, show
from planner.excel.reader import SheetRows

FIRST_PLAN_YEAR = 2000


def to_month(text: object) -> Month:
    """A month cell (already read as text) as a Month, or CellError saying why not."""
    value = str(text).strip()
    try:
        if re.fullmatch(r"\d{1,5}", value):
            # A date cell that lost its format shows as Excel's serial day number.
            return Month.of(datetime(1899, 12, 30) + timedelta(days=int(value)))
        return Month.parse(value.split("T")[0])
    except (ValueError, OverflowError):
        zh_v, en_v = show(value)
        raise CellError(f"应为年月（如 1972-05），实为{zh_v}", f"expected a month such as 1972-05, got {en_v}") from None


def _ambiguous_month(raw: object) -> None:
    """1972.1 typed into a number cell: January, or October that lost its trailing zero?"""
    if isinstance(raw, float) and not raw.is_integer() and re.fullmatch(r"\d{4}\.1", repr(raw)):
        raise CellError(f"“{raw!r}”不能确定是1月还是10月：请填写为 {int(raw)}-01 或 {int(raw)}-10",
                        f"\"{raw!r}\" may be January or October: enter {int(raw)}-01 or {int(raw)}-10")


def _cell(sheet: SheetRows, row, key: str, parse, problems: list[ImportProblem]):
    """The parsed value of an optional text cell; None when blank or bad (a bad one is reported)."""
    if not row.ok(key) or row.values.get(key) is None:
        return None
    try:
        if parse is to_month:
            _ambiguous_month(row.raw.get(key))
        return parse(row.values[key])
    except CellError as err:
        row.bad.add(key)
        problems.append(sheet.problem(row.number, key, err.zh, err.en))
        return None


def _word(parse, zh_allowed: str, en_allowed: str):
    def convert(text: object) -> str:
        code = parse(str(text))
        if code is None:
            zh_v, en_v = show(text)
            raise CellError(f"无法识别的值{zh_v}，应为 {zh_allowed}", f"unknown value {en_v}; expected {en_allowed}")
        return code
    return convert


_to_sex = _word(parse_sex, "男 / 女", "男 / 女 (male / female)")
_to_status = _word(parse_person_status, "干部 / 工人", "干部 / 工人 (cadre / worker)")


def person_time_fields(sheet: SheetRows, row, problems: list[ImportProblem],
                       today: Month | None = None) -> dict[str, object]:
    """Sex, birth month, status, leader and planned leave of one `人员` row, checked."""
    fields = dict(
        sex=_cell(sheet, row, "sex", _to_sex, problems),
        birth_month=_cell(sheet, row, "birth_month", to_month, problems),
        status=_cell(sheet, row, "status", _to_status, problems) or "干部",
        leader=bool(row.values.get("leader") or False),
        planned_leave=_cell(sheet, row, "planned_leave", to_month, problems),
    )
    probe = PersonData(name="", kind="", **fields)
    for key, zh, en in person_findings(probe, today or Month.today()):
        row.bad.add(key)
        problems.append(sheet.problem(row.number, key, zh, en))
    return fields


def read_time_sheets(sheets: dict[str, SheetRows], time: TimeParams, towns: dict[str, TownshipData],
                     township_of, problems: list[ImportProblem], notices: list[ImportProblem], *,
                     quotas_known: bool = True) -> None:
    """Hiring plans and pool loans into their townships, after quota (vacancy) is known.

    With `quotas_known` false (a quota line could not be read) nothing is compared with
    vacancy: the comparison would only repeat the quota sheet's own problem.
    """
    _hiring(sheets.get("hiring"), towns, township_of, problems, quotas_known)
    _pool(sheets.get("pool_loans"), time, towns, township_of, problems, notices, quotas_known)


def _hiring(sheet: SheetRows | None, towns: dict[str, TownshipData], township_of,
            problems: list[ImportProblem], quotas_known: bool) -> None:
    if sheet is None or not sheet.readable:
        return
    seen: dict[tuple[str, str, int], int] = {}
    last_row: dict[tuple[str, str], int] = {}
    for row in sheet.rows:
        town = township_of(sheet, row)
        if not row.ok("township", "kind", "year", "planned", "hired"):
            continue
        year = row.values["year"]
        if year < FIRST_PLAN_YEAR:
            problems.append(sheet.problem(row.number, "year", f"年度 {year} 不合理，应为如 2027 的年份",
                                          f"year {year} is implausible; expected a year such as 2027"))
            continue
        key = (row.values["township"], row.values["kind"], year)
        if key in seen:
            problems.append(sheet.problem(
                row.number, "year", f"“{key[0]}”{kind_label(key[1], long=True)}{year}年的计划重复（已在第{seen[key]}行）",
                f"the {key[1]} plan of \"{key[0]}\" for {year} is listed twice (first on row {seen[key]})"))
            continue
        seen[key] = row.number
        plan = HiringPlanData(row.values["kind"], year, row.values["planned"], row.values["hired"])
        findings = hiring_line_findings(plan)
        for field, zh, en in findings:
            problems.append(sheet.problem(row.number, field, zh, en))
        if town is not None and not findings:
            town.hiring.append(plan)
            last_row[(town.name, plan.kind)] = row.number
    for (name, kind), number in last_row.items() if quotas_known else ():
        for field, zh, en in hiring_findings(towns[name], kind):
            problems.append(sheet.problem(number, field, zh, en))


def _pool(sheet: SheetRows | None, time: TimeParams, towns: dict[str, TownshipData], township_of,
          problems: list[ImportProblem], notices: list[ImportProblem], quotas_known: bool) -> None:
    if sheet is None or not sheet.readable:
        return
    for row in sheet.rows:
        town = township_of(sheet, row)
        start = _cell(sheet, row, "start", to_month, problems)
        due = _cell(sheet, row, "due", to_month, problems)
        if start is None or due is None or not row.ok("township", "kind", "slots", "returned"):
            continue
        loan = PoolLoanData(row.values["kind"], row.values["slots"], start, due, row.values["returned"])
        findings = loan_findings(loan, time)
        for field, zh, en in findings:
            problems.append(sheet.problem(row.number, field, zh, en))
        if town is None or findings:
            continue
        town.pool_loans.append(loan)
        warning = loan_to_usable_vacancy(town, loan) if quotas_known else None
        if warning is not None:
            notices.append(sheet.problem(row.number, *warning))
    # Loans on file are history: more lent than the pool now holds is pointed out, not refused.
    county = CountyData(time=time, townships=list(towns.values()))
    for kind, zh, en in pool_overdrawn(county):
        notices.append(sheet.problem(None, "slots", zh, en))
