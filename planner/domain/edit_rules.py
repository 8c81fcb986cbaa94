"""What a ledger field may hold: the editable fields of each row, and checking a typed value.

planner.store.ledger_edit applies edits; this module only says whether a value is
acceptable and turns it into what the database stores (e.g. "1,250" → 1250),
or raises EditError naming the field in Chinese and English.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Any

from planner.domain.county import CATEGORIES, KINDS, TOWNSHIP_TYPES
from planner.domain.months import Month
from planner.domain.retirement import SEXES, STATUSES
from planner.domain.vocabulary import YES_NO_WORDS, kind_label, parse_kind, parse_person_status, parse_sex
from planner.errors import UserError


class EditError(UserError, ValueError):
    """An edit refused before it changed anything; the message names the field."""

    def __init__(self, message_zh: str, message_en: str, field_name: str = "") -> None:
        super().__init__(f"{message_zh} ({message_en})")
        self.message_zh = message_zh
        self.message_en = message_en
        self.field_name = field_name


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label_zh: str
    label_en: str
    type: str  # "int", "float", "text", "choice", "bool", "date", "month"
    maximum: float = 0.0  # upper bound for numbers: catches typing slips (extra zeros)
    choices: tuple[str, ...] = ()
    max_length: int = 100

    def label(self) -> str:
        return f"{self.label_zh} ({self.label_en})"


TOWNSHIP_FIELDS: dict[str, FieldSpec] = {f.name: f for f in (
    FieldSpec("name", "乡镇名称", "township", "text", max_length=100),
    FieldSpec("type", "类型", "type", "choice", choices=TOWNSHIP_TYPES),
    FieldSpec("category", "类别", "category", "choice", choices=CATEGORIES),
    FieldSpec("population", "人口", "population", "int", maximum=10_000_000),
    FieldSpec("area_km2", "面积", "area_km2", "float", maximum=100_000),
    FieldSpec("villages", "行政村数", "villages", "int", maximum=1_000),
    FieldSpec("locked", "锁定", "locked", "bool"),
)}
QUOTA_FIELDS: dict[str, FieldSpec] = {f.name: f for f in (
    FieldSpec("approved", "核定编制", "approved", "int", maximum=10_000),
    FieldSpec("staff", "实有人数", "staff", "int", maximum=10_000),
    FieldSpec("leadership", "领导职数", "leadership", "int", maximum=1_000),
)}
OFFICE_FIELDS: dict[str, FieldSpec] = {f.name: f for f in (
    FieldSpec("name", "机构名称", "office", "text", max_length=100),
    FieldSpec("kind", "编制类型", "kind", "choice", choices=KINDS),
)}
DUTY_FIELDS: dict[str, FieldSpec] = {f.name: f for f in (
    FieldSpec("name", "事项名称", "duty", "text", max_length=200),
    FieldSpec("annual_volume", "年办件量", "annual_volume", "float", maximum=10_000_000),
    FieldSpec("minutes_per_case", "单件工时(分钟)", "minutes_per_case", "float", maximum=100_000),
    FieldSpec("fixed_hours", "固定年工时(小时)", "fixed_hours", "float", maximum=1_000_000),
    FieldSpec("needs_backup", "需AB岗", "needs_backup", "bool"),
)}
PERSON_FIELDS: dict[str, FieldSpec] = {f.name: f for f in (
    FieldSpec("name", "姓名", "name", "text", max_length=100),
    FieldSpec("kind", "编制类型", "kind", "choice", choices=KINDS),
    FieldSpec("office", "机构名称", "office", "text", max_length=100),  # one of the township's offices, or empty
    FieldSpec("quota_since", "入编日期", "quota_since", "date"),
    FieldSpec("sex", "性别", "sex", "choice", choices=SEXES),               # or empty: unknown
    FieldSpec("birth_month", "出生年月", "birth_month", "month"),
    FieldSpec("status", "身份", "status", "choice", choices=STATUSES),
    FieldSpec("leader", "领导职务", "leader", "bool"),
    FieldSpec("planned_leave", "预计离岗年月", "planned_leave", "month"),
)}
# Person fields that may be left empty (unknown).
PERSON_OPTIONAL = ("office", "quota_since", "sex", "birth_month", "planned_leave")

# A cell edited in the window may also hold a tick or a cross, or nothing (no).
_TRUE = {*YES_NO_WORDS[True].spellings(), "√", "✓"}
_FALSE = {*YES_NO_WORDS[False].spellings(), "", "×"}


def _spec(fields: dict[str, FieldSpec], name: str, entity_zh: str, entity_en: str) -> FieldSpec:
    try:
        return fields[name]
    except KeyError:
        raise EditError(f"{entity_zh}没有可编辑的字段“{name}”", f"{entity_en} has no editable field '{name}'",
                        name) from None


def coerce(spec: FieldSpec, value: Any) -> Any:
    """The value as the field stores it, or EditError saying what is wrong with it."""
    if spec.type in ("int", "float"):
        if isinstance(value, bool):
            raise EditError(f"{spec.label_zh}应为数字", f"{spec.label_en} must be a number", spec.name)
        if isinstance(value, str):
            text = value.strip().replace(",", "").replace("，", "")
            if not text:
                raise EditError(f"{spec.label_zh}不能为空", f"{spec.label_en} must not be empty", spec.name)
            try:
                number = float(text)
            except ValueError:
                raise EditError(f"{spec.label_zh}应为数字，而不是“{value}”",
                                f"{spec.label_en} must be a number, not '{value}'", spec.name) from None
        elif isinstance(value, (int, float)):
            number = float(value)
        else:
            raise EditError(f"{spec.label_zh}应为数字", f"{spec.label_en} must be a number", spec.name)
        if math.isnan(number) or math.isinf(number):
            raise EditError(f"{spec.label_zh}应为有限的数字", f"{spec.label_en} must be a finite number", spec.name)
        if number < 0:
            raise EditError(f"{spec.label_zh}不能为负数（{value}）", f"{spec.label_en} must not be negative ({value})",
                            spec.name)
        if number > spec.maximum:
            raise EditError(f"{spec.label_zh} {value} 超过上限 {spec.maximum:g}",
                            f"{spec.label_en} {value} is above the limit {spec.maximum:g}", spec.name)
        if spec.type == "int":
            if number != int(number):
                raise EditError(f"{spec.label_zh}应为整数，而不是 {value}",
                                f"{spec.label_en} must be a whole number, not {value}", spec.name)
            return int(number)
        return number
    if spec.type == "text":
        if not isinstance(value, str) or not value.strip():
            raise EditError(f"{spec.label_zh}不能为空", f"{spec.label_en} must not be empty", spec.name)
        text = value.strip()
        if len(text) > spec.max_length:
            raise EditError(f"{spec.label_zh}超过 {spec.max_length} 个字",
                            f"{spec.label_en} is longer than {spec.max_length} characters", spec.name)
        return text
    if spec.type == "choice":
        text = str(value).strip()
        if spec.choices == KINDS:
            text = parse_kind(text) or text
        elif spec.choices == SEXES:
            text = parse_sex(text) or text
        elif spec.choices == STATUSES:
            text = parse_person_status(text) or text
        if text not in spec.choices:
            allowed = "、".join(kind_label(c) for c in spec.choices)
            raise EditError(f"{spec.label_zh}应为 {allowed} 之一，而不是“{value}”",
                            f"{spec.label_en} must be one of {', '.join(spec.choices)}, not '{value}'", spec.name)
        return text
    if spec.type == "date":
        if value is None or isinstance(value, date):
            return value
        text = str(value).strip()
        if not text:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise EditError(f"{spec.label_zh}应为日期（如 2015-09-01），而不是“{value}”",
                            f"{spec.label_en} must be a date such as 2015-09-01, not '{value}'", spec.name) from None
    if spec.type == "month":
        if value is None or isinstance(value, Month):
            return value
        if not str(value).strip():
            return None
        try:
            return Month.parse(value)
        except ValueError:
            raise EditError(f"{spec.label_zh}应为年月（如 1972-05），而不是“{value}”",
                            f"{spec.label_en} must be a month such as 1972-05, not '{value}'", spec.name) from None
    if spec.type == "bool":
        if isinstance(value, bool):
            return value
        if isinstance(value, int) and value in (0, 1):
            return bool(value)
        text = str(value).strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise EditError(f"{spec.label_zh}应为 是 或 否，而不是“{value}”",
                        f"{spec.label_en} must be yes or no, not '{value}'", spec.name)
    raise AssertionError(spec.type)
