"""The domain's words for planner, the window, print, Excel and the command line.

The words themselves are defined once in optimizer.words (the optimizer, the
lowest layer, explains itself with them and may not import planner); this
module re-exports them with the look-ups the rest of the project uses, and
parses an imported cell's word back into its code.

`lang` is "zh"/"zh_CN" (or empty) for Chinese, anything else for English.
"""

from __future__ import annotations

from optimizer.words import (
    CATEGORY_WORDS, KIND_EN, KIND_WORDS, KIND_ZH, LEVEL_WORDS, PERSON_STATUS_WORDS, PRESSURE_WORDS, PROGRESS_WORDS,
    RESERVE, SEX_WORDS, STAGE_WORDS, STATUS_WORDS, TIME_FIELD_WORDS, TOWNSHIP_TYPE_WORDS, YES_NO_WORDS, Word,
    bilingual, in_language, is_chinese, kind_en, kind_zh, progress_words,
)

__all__ = [
    "PROGRESS_WORDS", "bilingual", "in_language", "progress_words",
    "CATEGORY_WORDS", "KIND_EN", "KIND_WORDS", "KIND_ZH", "LEVEL_WORDS", "PERSON_STATUS_WORDS", "PRESSURE_WORDS",
    "RESERVE", "SEX_WORDS", "STAGE_WORDS", "STATUS_WORDS", "TIME_FIELD_WORDS", "TOWNSHIP_TYPE_WORDS",
    "YES_NO_WORDS", "Word", "category_label", "is_chinese", "kind_en", "kind_label", "kind_zh", "lang_key",
    "level_label", "parse_category", "parse_kind", "parse_person_status", "parse_sex", "parse_table",
    "parse_township_type", "parse_yes_no", "person_status_label", "pressure_label", "sex_label", "stage_label",
    "status_label", "time_field_label", "township_type_label", "yes_no",
]


def lang_key(lang: str | None) -> str:
    """"zh" or "en": the key of a per-language text table."""
    return "zh" if is_chinese(lang) else "en"


def _label(table: dict, code, lang: str | None, **form: bool) -> str:
    word = table.get(code)
    return word.text(lang, **form) if word is not None else code


def kind_label(kind: str, lang: str | None = "zh", long: bool = False, *, short: bool = False,
               cap: bool = False) -> str:
    """行政 / administrative; long: 行政编制; short: Admin.; cap: Administrative. Unknown codes as given."""
    return _label(KIND_WORDS, kind, lang, long=long, short=short, cap=cap)


def status_label(status: str, lang: str | None = "zh", long: bool = False, *, cap: bool = False) -> str:
    """最优 / optimal, 可行 / feasible, 规则无法同时满足 / the rules cannot all be met;
    long: 可行（已达计算时限） / feasible (time limit reached) …"""
    return _label(STATUS_WORDS, status, lang, long=long, cap=cap)


def level_label(level: str, lang: str | None = "zh") -> str:
    """A reallocation level: 补足工作量缺口 / cover the workload …"""
    return _label(LEVEL_WORDS, level, lang)


def stage_label(stage: str, lang: str | None = "zh") -> str:
    """A solve stage as timed in stage_seconds: AB岗设计 / A/B design …"""
    return _label(STAGE_WORDS, stage, lang)


def township_type_label(value: str, lang: str | None = "zh", *, cap: bool = False) -> str:
    """乡 / township, 镇 / town, 街道 / subdistrict."""
    return _label(TOWNSHIP_TYPE_WORDS, value, lang, cap=cap)


def category_label(value: str, lang: str | None = "zh") -> str:
    """一类 / Class I …"""
    return _label(CATEGORY_WORDS, value, lang)


def pressure_label(status: str, lang: str | None = "zh", *, cap: bool = False) -> str:
    """A township's workload pressure: 紧缺 / shortage, 富余 / surplus, 适中 / balanced."""
    return _label(PRESSURE_WORDS, status, lang, cap=cap)


def sex_label(value: str, lang: str | None = "zh") -> str:
    """男 / male, 女 / female."""
    return _label(SEX_WORDS, value, lang)


def time_field_label(key: str, lang: str | None = "zh") -> str:
    """性别 / Sex, 出生年月 / Birth month, 可用编制 / Usable vacancy … (a column of the time ledger)."""
    return _label(TIME_FIELD_WORDS, key, lang, cap=True)


def person_status_label(value: str, lang: str | None = "zh") -> str:
    """干部 / cadre, 工人 / worker."""
    return _label(PERSON_STATUS_WORDS, value, lang)


def yes_no(value: bool, lang: str | None = "zh", *, cap: bool = False) -> str:
    """是 / yes, 否 / no."""
    return YES_NO_WORDS[bool(value)].text(lang, cap=cap)


def parse_table(table: dict) -> dict[str, object]:
    """spelling → code for every spelling an imported cell may hold (Chinese, full term, aliases)."""
    return {spelling: code for code, word in table.items() for spelling in word.spellings()}


_KIND_SPELLINGS = parse_table(KIND_WORDS)
_TYPE_SPELLINGS = parse_table(TOWNSHIP_TYPE_WORDS)
_CATEGORY_SPELLINGS = parse_table(CATEGORY_WORDS)
_YES_NO_SPELLINGS = parse_table(YES_NO_WORDS)
_SEX_SPELLINGS = parse_table(SEX_WORDS)
_PERSON_STATUS_SPELLINGS = parse_table(PERSON_STATUS_WORDS)


def _key(text: object) -> str:
    return str(text).strip().lower()


def parse_kind(text: str) -> str | None:
    """行政 / 行政编制 / administrative → "administrative"; None when it names no kind."""
    return _KIND_SPELLINGS.get(_key(text))


def parse_township_type(text: str) -> str | None:
    """乡 / xiang, 镇 / zhen / town, 街道 / jiedao / subdistrict → the type; None otherwise."""
    return _TYPE_SPELLINGS.get(_key(text))


def parse_category(text: str) -> str | None:
    """一类 / 1 / 一 / I … → the category; None otherwise."""
    return _CATEGORY_SPELLINGS.get(_key(text))


def parse_yes_no(text: str) -> bool | None:
    """是 / yes / true / 1 / y → True, 否 / no / false / 0 / n → False; None otherwise."""
    return _YES_NO_SPELLINGS.get(_key(text))


def parse_sex(text: str) -> str | None:
    """男 / male / m → "男", 女 / female / f → "女"; None otherwise."""
    return _SEX_SPELLINGS.get(_key(text))


def parse_person_status(text: str) -> str | None:
    """干部 / cadre → "干部", 工人 / worker → "工人"; None otherwise."""
    return _PERSON_STATUS_SPELLINGS.get(_key(text))
