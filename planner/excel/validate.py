"""From a workbook file to a CountyData, with every problem in it found at once.

A county is returned only when there is no problem at all, so a caller that
writes it to the database can never store half a file.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from planner.domain.county import (
    CountyData, DutyData, OfficeData, PersonData, QuotaData, TimeParams, TownshipData,
)
from planner.domain.vocabulary import kind_label, progress_words
from planner.excel.cells import is_blank, to_number, to_text
from planner.excel.fastsheet import FastWorkbook
from planner.excel.package import PackageError
from planner.excel.problems import CellError, ImportProblem, SheetDefect
from planner.excel.reader import Cancelled, Progress, SheetRows, match_sheets, read_sheet
from planner.excel.sniff import scan_file
from planner.excel.template import (
    MAX_DATA_ROWS, PARAM_ROWS, PARAMS_SHEET, SHEETS, default_text, normalize, param_names, sheet_names,
)
from planner.excel.post_sheets import read_post_sheets
from planner.excel.time_sheets import person_time_fields, read_time_sheets
from planner.domain.workload import WorkParams


@dataclass
class ReadResult:
    county: CountyData | None           # None whenever there is a problem
    problems: list[ImportProblem] = field(default_factory=list)
    notices: list[ImportProblem] = field(default_factory=list)
    county_name_given: bool = False     # 参数 sheet had a 县名称 value

    @property
    def ok(self) -> bool:
        return self.county is not None and not self.problems


def _damaged(path, exc: BaseException) -> ImportProblem:
    """One problem line for a file whose package or sheets cannot be parsed."""
    return ImportProblem(
        Path(path).name, None, None,
        f"文件已损坏，无法读取（{type(exc).__name__}）；请在 Excel/WPS 中打开并另存为 .xlsx",
        f"the file is damaged and cannot be read ({type(exc).__name__}); "
        f"open it in Excel or WPS and save it again as .xlsx")


def _defect(where: str, exc: PackageError | SheetDefect) -> ImportProblem:
    """The problem line of a part or sheet that cannot be read: `where` is the sheet's
    title, or the file's name for the package as a whole."""
    if isinstance(exc, SheetDefect):
        return ImportProblem(where, exc.row, None, exc.zh, exc.en)
    return ImportProblem(exc.where or where, None, None, exc.zh, exc.en)


def read_workbook(path: str | Path, *, max_rows: int = MAX_DATA_ROWS,
                  progress: Progress | None = None,
                  cancelled: Callable[[], bool] | None = None) -> ReadResult:
    """Read and check a ledger workbook. Never touches a database."""
    result = ReadResult(None)

    def step(fraction: float, message: str) -> None:
        if progress is not None:
            progress(fraction, message)
        if cancelled is not None and cancelled():
            raise Cancelled()

    step(0.0, "检查文件 (checking the file)")
    known = set().union(*(sheet_names(s) for s in SHEETS))
    scan = scan_file(path, wanted=lambda title: normalize(title) in known)
    if scan.problems:
        result.problems = scan.problems
        return result
    found, problems, notices = match_sheets(list(scan.sheets))
    result.problems += problems
    result.notices += notices
    unreadable: set[str] = set()
    for key, title in found.items():
        sheet_scan = scan.sheets[title]
        if sheet_scan.too_large or sheet_scan.data_rows > max_rows + 1:
            unreadable.add(key)
            result.problems.append(ImportProblem(
                title, None, None,
                f"数据行超过 {max_rows:,} 行的上限（约 {max(sheet_scan.data_rows - 1, max_rows + 1):,} 行），"
                f"文件过大，未读取", f"more than {max_rows:,} data rows "
                f"(about {max(sheet_scan.data_rows - 1, max_rows + 1):,}): the file is too large and was not read"))
        for ref in sheet_scan.merged:
            first = ref.split(":")[0]
            row = int("".join(ch for ch in first if ch.isdigit()) or 0) or None
            result.problems.append(ImportProblem(
                title, row, None, f"有合并单元格 {ref}：请取消合并，每个单元格填一个值",
                f"merged cells {ref}: unmerge them so that each cell holds one value"))

    sheets: dict[str, SheetRows] = {}
    try:
        wb = FastWorkbook.open(path)
    except (PackageError, SheetDefect) as exc:
        result.problems.append(_defect(Path(path).name, exc))
        return result
    except MemoryError:
        raise
    except Exception as exc:  # a damaged package fails in many ways
        result.problems.append(_damaged(path, exc))
        return result
    try:
        total = sum(scan.sheets[found[k]].data_rows for k in found if k not in unreadable) or 1
        done = 0
        for spec in SHEETS:
            if spec.key not in found or spec.key in unreadable:
                continue
            title = found[spec.key]
            base = done

            def sheet_progress(rows: int, message: str, base=base) -> None:
                step(0.05 + 0.85 * (base + rows) / total, message)

            step(0.05 + 0.85 * done / total, progress_words("read_sheet") + f" {title}")
            try:
                sheets[spec.key] = read_sheet(
                    wb[title], spec, title, scan.sheets[title], result.problems, result.notices,
                    max_rows=max_rows, raw_keys=("value",) if spec is PARAMS_SHEET else (),
                    progress=sheet_progress, cancelled=cancelled)
            except (PackageError, SheetDefect) as exc:  # this sheet cannot be read; the others still are
                result.problems.append(_defect(title, exc))
            done += scan.sheets[title].data_rows
    except (Cancelled, MemoryError):
        raise
    except Exception as exc:  # a damaged sheet surfaces as any parser error (ParseError, KeyError…)
        result.problems.append(_damaged(path, exc))
        return result
    finally:
        wb.close()

    step(0.92, "核对 (cross-checking)")
    county, name_given = build_county(sheets, result.problems, result.notices)
    result.county_name_given = name_given
    if not result.problems:
        result.county = county
    return result


def _lookalike(row, *keys: str) -> tuple[str, str]:
    """A note for a duplicate that only looks different in the file: names are compared
    after clean_name (full-width folded, invisible characters removed)."""
    for key in keys:
        raw = row.raw.get(key)
        if isinstance(raw, str) and raw.strip() != row.values.get(key):
            return ("；本行的名称含有不可见字符或全角字符，去除或换成半角后与之相同",
                    "; the name in this row holds invisible or full-width characters and is the same "
                    "once they are removed or folded")
    return "", ""


def build_county(sheets: dict[str, SheetRows], problems: list[ImportProblem],
                 notices: list[ImportProblem]) -> tuple[CountyData, bool]:
    """Assemble the sheets into a county, checking names across sheets."""
    county = CountyData(name="")
    name_given = False
    if "parameters" in sheets:
        county.params, county.time, county.name, name_given = _params(sheets["parameters"], problems, notices)

    towns: dict[str, TownshipData] = {}
    town_rows: dict[str, int] = {}
    township_sheet = sheets.get("townships")
    if township_sheet is not None and township_sheet.readable:
        for row in township_sheet.rows:
            if not row.ok("township"):
                continue
            name = row.values["township"]
            if name in town_rows:
                problems.append(township_sheet.problem(
                    row.number, "township", f"乡镇“{name}”重复（已在第{town_rows[name]}行）"
                    + _lookalike(row, "township")[0],
                    f"township \"{name}\" is listed twice (first on row {town_rows[name]})"
                    + _lookalike(row, "township")[1]))
                continue
            town_rows[name] = row.number
            towns[name] = TownshipData(name=name, **{k: row.values[k] for k in (
                "type", "category", "population", "area_km2", "villages", "locked") if k in row.values})
        if not township_sheet.rows:
            problems.append(township_sheet.problem(2, None, "没有乡镇数据：至少要有一个乡镇",
                                                   "no townships: at least one is needed"))
    # Without a complete township list every reference to a missing one would be
    # reported as unknown: one bad name cell would bury its own message in hundreds.
    towns_known = (township_sheet is not None and township_sheet.readable
                   and not any("township" in row.bad for row in township_sheet.rows))

    def township_of(sheet: SheetRows, row) -> TownshipData | None:
        if not row.ok("township"):
            return None
        name = row.values["township"]
        town = towns.get(name)
        if town is None and towns_known:
            problems.append(sheet.problem(
                row.number, "township", f"未知乡镇“{name}”：不在“乡镇”表中",
                f"unknown township \"{name}\": not in the townships sheet"))
        return town

    _quotas(sheets.get("quota"), township_of, problems)
    offices, incomplete = _offices(sheets.get("offices"), township_of, problems)
    offices_known = "offices" in sheets and sheets["offices"].readable

    def office_known(sheet: SheetRows, row) -> bool:
        township, office = row.values["township"], row.values["office"]
        if office in offices.get(township, ()):
            return True
        if offices_known and township not in incomplete:
            problems.append(sheet.problem(
                row.number, "office", f"未知机构“{office}”：“内设机构”表中“{township}”没有这个机构",
                f"unknown office \"{office}\": the offices sheet lists no such office for \"{township}\""))
        return False

    _duties(sheets.get("duties"), township_of, office_known, problems)
    _people(sheets.get("people"), township_of, office_known, problems)
    quota_sheet = sheets.get("quota")
    # Hiring plans are checked against vacancy only when every quota line could be read.
    quotas_known = quota_sheet is not None and quota_sheet.readable and not any(
        p.sheet == quota_sheet.title for p in problems)
    read_time_sheets(sheets, county.time, towns, township_of, problems, notices, quotas_known=quotas_known)
    read_post_sheets(sheets, towns, township_of, problems)
    county.townships = list(towns.values())
    return county, name_given


def _params(sheet: SheetRows, problems: list[ImportProblem],
            notices: list[ImportProblem]) -> tuple[WorkParams, TimeParams, str, bool]:
    lookup = {n: p for p in PARAM_ROWS for n in param_names(p)}
    values: dict[str, object] = {}
    rows_of: dict[str, int] = {}
    county_name = ""
    name_given = False
    any_bad = False
    for row in sheet.rows:
        if not row.ok("name"):
            continue
        spec = lookup.get(normalize(row.values["name"]))
        if spec is None:
            problems.append(sheet.problem(
                row.number, "name", f"未知参数“{row.values['name']}”",
                f"unknown parameter \"{row.values['name']}\""))
            continue
        if spec.key in rows_of:
            problems.append(sheet.problem(
                row.number, "name", f"参数“{spec.zh}”重复（已在第{rows_of[spec.key]}行）",
                f"parameter \"{spec.zh}\" is listed twice (first on row {rows_of[spec.key]})"))
            continue
        rows_of[spec.key] = row.number
        raw = row.raw.get("value")
        if is_blank(raw):
            if spec.default is not None:  # a blank 县名称 or 规划起始年 is their normal meaning
                notices.append(sheet.problem(row.number, "value", f"未填写，使用默认值 {default_text(spec)}",
                                             f"blank: the default {default_text(spec)} is used"))
            continue
        try:
            if spec.key == "county_name":
                county_name = to_text(raw, PARAMS_SHEET.column("name"))
                name_given = True
                continue
            number = to_number(raw, PARAMS_SHEET.column("value"), integer=spec.integer)
        except CellError as err:
            problems.append(sheet.problem(row.number, "value", f"{spec.zh}：{err.zh}", f"{spec.key}: {err.en}"))
            any_bad = True
            continue
        if not spec.low <= number <= spec.high:
            any_bad = True
            problems.append(sheet.problem(
                row.number, "value", f"{spec.zh} {number:g} 不在 {spec.low:g}–{spec.high:g} 之间",
                f"{spec.key} {number:g} is outside {spec.low:g}–{spec.high:g}"))
            continue
        values[spec.key] = number
    for spec in PARAM_ROWS:
        if spec.key not in rows_of and spec.key != "county_name" and not spec.time:
            notices.append(sheet.problem(None, None, f"未列出参数“{spec.zh}”，使用默认值 {spec.default:g}",
                                         f"parameter {spec.key} not listed: the default {spec.default:g} is used"))
    time_keys = {spec.key for spec in PARAM_ROWS if spec.time}
    params = dataclasses.replace(WorkParams(), **{k: v for k, v in values.items() if k not in time_keys})
    time = dataclasses.replace(TimeParams(), **{k: v for k, v in values.items() if k in time_keys})
    if not any_bad and params.absent_days >= params.working_days:
        problems.append(sheet.problem(
            rows_of.get("working_days"), "value",
            f"年休假、病假及培训天数合计 {params.absent_days:g} 天，不少于年工作日 {params.working_days:g} 天",
            f"leave, absence and training add up to {params.absent_days:g} days, "
            f"not fewer than the {params.working_days:g} working days"))
    return params, time, county_name, name_given


def _quotas(sheet: SheetRows | None, township_of, problems: list[ImportProblem]) -> None:
    if sheet is None or not sheet.readable:
        return
    seen: dict[tuple[str, str], int] = {}
    for row in sheet.rows:
        town = township_of(sheet, row)
        if not row.ok("kind"):
            continue
        kind = row.values["kind"]
        leadership = row.values.get("leadership", 0)
        if row.ok("leadership") and leadership and kind != "administrative":
            problems.append(sheet.problem(
                row.number, "leadership", f"领导职数只能填在行政编制行，本行是{kind_label(kind, long=True)}",
                f"leadership posts belong on administrative rows only; this row is {kind}"))
            row.bad.add("leadership")
        elif row.ok("leadership", "approved") and leadership > row.values["approved"]:
            problems.append(sheet.problem(
                row.number, "leadership",
                f"领导职数 {leadership} 超过核定行政编制 {row.values['approved']}（领导职数计入行政编制之内）",
                f"{leadership} leadership posts exceed the approved administrative quota "
                f"{row.values['approved']} (leadership counts inside it)"))
            row.bad.add("leadership")
        if not row.ok("township"):
            continue
        key = (row.values["township"], kind)
        if key in seen:
            problems.append(sheet.problem(
                row.number, "kind", f"“{key[0]}”的{kind_label(kind, long=True)}重复（已在第{seen[key]}行）",
                f"the {kind} quota of \"{key[0]}\" is listed twice (first on row {seen[key]})"))
            continue
        seen[key] = row.number
        if town is not None and row.ok("approved", "staff", "leadership"):
            town.quotas[kind] = QuotaData(kind, row.values["approved"], row.values["staff"], leadership)


def _offices(sheet: SheetRows | None, township_of,
             problems: list[ImportProblem]) -> tuple[dict[str, set[str]], set[str]]:
    """Office names per township, for the duty and people sheets to check against, and
    the townships one of whose office names could not be read (their list is incomplete)."""
    names: dict[str, set[str]] = {}
    incomplete: set[str] = set()
    if sheet is None or not sheet.readable:
        return names, incomplete
    seen: dict[tuple[str, str], int] = {}
    for row in sheet.rows:
        town = township_of(sheet, row)
        if row.ok("township") and "office" in row.bad:
            incomplete.add(row.values["township"])
        if not row.ok("township", "office"):
            continue
        key = (row.values["township"], row.values["office"])
        if key in seen:
            problems.append(sheet.problem(
                row.number, "office", f"“{key[0]}”的机构“{key[1]}”重复（已在第{seen[key]}行）"
                + _lookalike(row, "township", "office")[0],
                f"office \"{key[1]}\" of \"{key[0]}\" is listed twice (first on row {seen[key]})"
                + _lookalike(row, "township", "office")[1]))
            continue
        seen[key] = row.number
        names.setdefault(key[0], set()).add(key[1])
        if town is not None and row.ok("kind"):
            town.offices.append(OfficeData(key[1], row.values["kind"]))
    return names, incomplete


def _duties(sheet: SheetRows | None, township_of, office_known, problems: list[ImportProblem]) -> None:
    if sheet is None or not sheet.readable:
        return
    seen: dict[tuple[str, str, str], int] = {}
    for row in sheet.rows:
        town = township_of(sheet, row)
        if not row.ok("township", "office"):
            continue
        office_ok = office_known(sheet, row)
        if not row.ok("duty"):
            continue
        key = (row.values["township"], row.values["office"], row.values["duty"])
        if key in seen:
            problems.append(sheet.problem(
                row.number, "duty", f"“{key[0]}”“{key[1]}”的事项“{key[2]}”重复（已在第{seen[key]}行）"
                + _lookalike(row, "township", "office", "duty")[0],
                f"duty \"{key[2]}\" of \"{key[0]}\" / \"{key[1]}\" is listed twice (first on row {seen[key]})"
                + _lookalike(row, "township", "office", "duty")[1]))
            continue
        seen[key] = row.number
        if town is not None and office_ok and not row.bad:
            town.duties.append(DutyData(
                office=key[1], name=key[2], annual_volume=row.values["annual_volume"],
                minutes_per_case=row.values["minutes_per_case"], fixed_hours=row.values["fixed_hours"],
                needs_backup=row.values["needs_backup"]))


def _people(sheet: SheetRows | None, township_of, office_known, problems: list[ImportProblem]) -> None:
    if sheet is None or not sheet.readable:
        return
    for row in sheet.rows:
        town = township_of(sheet, row)
        if not row.ok("township"):
            continue
        office = row.values.get("office")
        office_ok = office is None or not row.ok("office") or office_known(sheet, row)
        time_fields = person_time_fields(sheet, row, problems)
        if town is not None and office_ok and not row.bad:
            town.people.append(PersonData(name=row.values["name"], kind=row.values["kind"],
                                          office=office, quota_since=row.values.get("quota_since"),
                                          **time_fields))
