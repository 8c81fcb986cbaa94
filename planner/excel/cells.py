"""Turning one cell's value into a ledger value, or a CellError saying why not.

Offices type numbers as text, paste full-width digits, leave formulas whose
result is an error: each gets a message that names the cell's content.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime, timedelta

from planner.domain.vocabulary import CATEGORY_WORDS, KIND_WORDS, TOWNSHIP_TYPE_WORDS, YES_NO_WORDS, parse_table, yes_no
from planner.excel.problems import CellError, show
from planner.excel.template import Column, clean_name, normalize

EXCEL_ERRORS = {"#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!",
                "#GETTING_DATA", "#SPILL!", "#CALC!"}

# spelling → value for each coded column, from the vocabulary's words and their aliases
KIND_VALUES = parse_table(KIND_WORDS)
TOWNSHIP_TYPE_VALUES = parse_table(TOWNSHIP_TYPE_WORDS)
CATEGORY_VALUES = parse_table(CATEGORY_WORDS)
BOOL_VALUES = parse_table(YES_NO_WORDS)

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_THOUSANDS = re.compile(r"[+-]?[1-9]\d{0,2}(,\d{3})+(\.\d+)?")
_DATE_TEXT = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


def num(value: float) -> str:
    """A number as people write it: 3000000, 12.5 (never 3e+06)."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.10g}" if abs(value) < 1e15 else f"{value:g}"


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


def _excel_error(value: object) -> None:
    if isinstance(value, str) and value.strip() in EXCEL_ERRORS:
        raise CellError(f"公式结果为错误值 {value.strip()}，请先在表格中改正公式",
                        f"the formula's result is the error {value.strip()}; fix the formula first")


def to_text(value: object, col: Column) -> str:
    if isinstance(value, bool):
        value = yes_no(value)
    elif isinstance(value, float) and value.is_integer():
        value = int(value)
    elif isinstance(value, datetime):
        value = value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    elif isinstance(value, date):
        value = value.isoformat()
    text = str(value).strip()
    if _CONTROL.search(text):
        raise CellError("名称中含有换行符或控制字符，请改为一行文字",
                        "the name contains a line break or control character; make it one line")
    text = clean_name(text)  # the form names are compared and stored in
    if len(text) > col.max_len:
        raise CellError(f"文字过长：{len(text)} 个字，最多 {col.max_len} 个字",
                        f"text too long: {len(text)} characters, at most {col.max_len}")
    return text


def _number(value: object) -> float | int:
    """A cell's number, accepting numbers typed as text (green-triangle cells).

    A comma is read only as a thousands separator, and only where it cannot be
    anything else: groups of exactly three digits after a first group that does not
    start with 0 (1,900 and 12,345,678.5). “1,9”, “1,90” or “0,100” may be a decimal
    comma or a slip and is refused rather than guessed.
    """
    if isinstance(value, bool):
        raise ValueError
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, str):
        text = clean_name(value)
        if "," in text:
            if not _THOUSANDS.fullmatch(text):
                raise CellError(
                    f"数字“{text[:40]}”含义不明确：逗号只能用作千位分隔符（如 1,900），小数请用小数点（如 1.9）",
                    f"the number \"{text[:40]}\" is ambiguous: a comma is accepted only as a thousands "
                    f"separator (as in 1,900); write decimals with a point (1.9)")
            text = text.replace(",", "")
        if re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?", text):
            number = float(text)
            return int(number) if re.fullmatch(r"[+-]?\d+", text) else number
    raise ValueError


def to_number(value: object, col: Column, integer: bool) -> int | float:
    _excel_error(value)
    zh_v, en_v = show(value)
    want_zh = "非负整数" if integer else "非负数"
    want_en = "a whole number ≥ 0" if integer else "a number ≥ 0"
    try:
        number = _number(value)
    except CellError:
        raise
    except ValueError:
        if isinstance(value, (datetime, date)):
            zh_v, en_v = show(value.isoformat())
        raise CellError(f"应为{want_zh}，实为{zh_v}", f"expected {want_en}, got {en_v}") from None
    if isinstance(number, float) and not math.isfinite(number):
        raise CellError(f"应为{want_zh}，实为{zh_v}", f"expected {want_en}, got {en_v}")
    if number < 0:
        raise CellError(f"不能为负数，实为 {num(number)}", f"must not be negative, got {num(number)}")
    if integer:
        if isinstance(number, float):
            if not number.is_integer():
                raise CellError(f"应为整数，实为 {num(number)}", f"expected a whole number, got {num(number)}")
            number = int(number)
    else:
        number = float(number)
    if col.high is not None and number > col.high:
        raise CellError(f"数值 {num(number)} 过大（上限 {num(col.high)}），请检查是否输入错误",
                        f"{num(number)} is implausibly large (limit {num(col.high)}); check for a typing slip")
    return number


def _choice(value: object, table: dict[str, object], zh_allowed: str, en_allowed: str) -> object:
    _excel_error(value)
    key = normalize(int(value) if isinstance(value, float) and value.is_integer() else value)
    if key in table:
        return table[key]
    zh_v, en_v = show(value)
    raise CellError(f"无法识别的值{zh_v}，应为 {zh_allowed}", f"unknown value {en_v}; expected {en_allowed}")


def to_kind(value: object) -> str:
    return _choice(value, KIND_VALUES, "行政 / 事业 / 工勤",
                   "行政 / 事业 / 工勤 or administrative / institutional / support")


def to_township_type(value: object) -> str:
    return _choice(value, TOWNSHIP_TYPE_VALUES, "乡 / 镇 / 街道", "乡 / 镇 / 街道 (xiang / zhen / jiedao)")


def to_category(value: object) -> str:
    return _choice(value, CATEGORY_VALUES, "一类 / 二类 / 三类", "一类 / 二类 / 三类 (or 1 / 2 / 3)")


def to_bool(value: object) -> bool:
    if isinstance(value, bool):
        return value
    return _choice(value, BOOL_VALUES, "是 / 否", "是 / 否 (yes / no, true / false, 1 / 0, Y / N)")


def to_date(value: object) -> date:
    _excel_error(value)
    if isinstance(value, datetime):
        result = value.date()
    elif isinstance(value, date):
        result = value
    elif isinstance(value, (int, float)) and not isinstance(value, bool) and 1 <= value < 2958466:
        # A date cell that lost its date format shows as Excel's serial day number.
        result = (datetime(1899, 12, 30) + timedelta(days=int(value))).date()
    else:
        match = _DATE_TEXT.match(unicodedata.normalize("NFKC", str(value)).strip())
        try:
            if not match:
                raise ValueError
            result = date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            zh_v, en_v = show(value)
            raise CellError(f"应为日期（如 2019-03-01），实为{zh_v}",
                            f"expected a date such as 2019-03-01, got {en_v}") from None
    if not 1900 <= result.year <= 2100:
        raise CellError(f"日期 {result.isoformat()} 不合理", f"implausible date {result.isoformat()}")
    return result


def convert(value: object, col: Column) -> object:
    """The ledger value of a non-blank cell in column `col`."""
    kind = col.type
    if kind == "text":
        return to_text(value, col)
    if kind == "int":
        return to_number(value, col, integer=True)
    if kind == "float":
        return to_number(value, col, integer=False)
    if kind == "bool":
        return to_bool(value)
    if kind == "kind":
        return to_kind(value)
    if kind == "township_type":
        return to_township_type(value)
    if kind == "category":
        return to_category(value)
    if kind == "date":
        return to_date(value)
    raise AssertionError(kind)
