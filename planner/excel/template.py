"""The Excel template, declared once: sheets, columns, notes, limits.

interfaces.md is the contract: sheet and column names are Chinese, the
English names in brackets are accepted too, row 1 is the header and data
starts on row 2. Names here change only by adding, never by renaming, because
offices keep years of workbooks in this format.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field

from planner.domain.county import TimeParams
from planner.domain.time_rules import TIME_PARAMETER_RANGES
from planner.domain.vocabulary import (
    CATEGORY_WORDS, KIND_WORDS, PERSON_STATUS_WORDS, SEX_WORDS, TOWNSHIP_TYPE_WORDS, YES_NO_WORDS,
)
from planner.domain.workload import PARAMETER_RANGES, WorkParams

# A data row limit per sheet keeps memory and time bounded on a runaway file
# (a sheet formatted down to row 1,048,576, or a wrong file). 300,000 rows
# holds a province of 2,000 townships at 150 duty items each; the 2,000-township
# demo has 192,000 duty rows.
MAX_DATA_ROWS = 300_000
# Uncompressed size of one sheet's XML above which the file is refused before
# parsing: a guard against zip bombs, well above what MAX_DATA_ROWS needs (the
# 2,000-township demo's 192,000 duty rows are 68 MB). Reading a sheet holds about
# twice its size in memory for a moment.
MAX_SHEET_XML_BYTES = 256 * 1024 * 1024

# Bounds on the package itself, checked from the zip's central directory before
# anything is decompressed, and again while a part is read (headers can lie).
MAX_FILE_BYTES = 512 * 1024 * 1024          # the .xlsx on disk
MAX_MEMBERS = 5_000                         # parts in the zip (Excel writes a few dozen)
MAX_DIRECTORY_BYTES = 4 * 1024 * 1024       # the zip's central directory
MAX_PART_BYTES = MAX_SHEET_XML_BYTES        # any one part, uncompressed
MAX_TOTAL_BYTES = 1024 * 1024 * 1024        # all parts together, uncompressed
MAX_WORKBOOK_PART_BYTES = 8 * 1024 * 1024   # xl/workbook.xml and its relationships
MAX_OTHER_PART_BYTES = 32 * 1024 * 1024     # styles, and any other part read whole
MAX_SHEETS = 1_000                          # sheets listed in xl/workbook.xml
MAX_SHARED_STRINGS_BYTES = 128 * 1024 * 1024  # xl/sharedStrings.xml
MAX_SHARED_STRINGS = 2_000_000              # entries in the shared-string table
# Excel's own limits: a workbook beyond them was not written by a spreadsheet program.
MAX_ROW_NUMBER = 1_048_576
MAX_COLUMNS = 16_384                        # column XFD
MAX_CELL_CHARS = 32_767

NAME_MAX = 100   # database String(100) for township, office, person names
DUTY_NAME_MAX = 200

REQUIRED = object()  # marks a cell that may not be left blank


@dataclass(frozen=True)
class Column:
    key: str
    zh: str
    en: str
    type: str                    # text | int | float | bool | kind | township_type | category | date
    note: str                    # cell comment on the header (Chinese, with the English name)
    required: bool = True        # must the column be present in the header row?
    blank: object = REQUIRED     # value of a blank cell, or REQUIRED
    high: float | None = None    # above this a number is taken for a typing slip
    max_len: int = NAME_MAX
    width: float = 14
    choices: tuple[str, ...] = ()  # drop-down list in the template
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sheet:
    key: str
    zh: str
    en: str
    columns: tuple[Column, ...]
    required: bool = True
    note: str = ""

    def column(self, key: str) -> Column:
        for c in self.columns:
            if c.key == key:
                return c
        raise KeyError(key)


# What a drop-down offers: the Chinese word of each code
YES_NO = tuple(YES_NO_WORDS[v].zh for v in (True, False))
KIND_CHOICES = tuple(w.zh for w in KIND_WORDS.values())
TOWNSHIP_TYPE_CHOICES = tuple(w.zh for w in TOWNSHIP_TYPE_WORDS.values())
CATEGORY_CHOICES = tuple(w.zh for w in CATEGORY_WORDS.values())
SEX_CHOICES = tuple(w.zh for w in SEX_WORDS.values())
STATUS_CHOICES = tuple(w.zh for w in PERSON_STATUS_WORDS.values())

_TOWNSHIP = Column("township", "乡镇名称", "township",
                   "text", "乡镇名称 (township)：须与“乡镇”表中的名称完全一致。", width=16)


def _township_ref(note_extra: str = "") -> Column:
    return Column(_TOWNSHIP.key, _TOWNSHIP.zh, _TOWNSHIP.en, "text",
                  _TOWNSHIP.note + note_extra, width=16)


PARAMS_SHEET = Sheet("parameters", "参数", "parameters", (
    Column("name", "参数", "name", "text",
           "参数 (name)：参数名称，中文或英文名均可，如 年工作日 / working_days。", width=22),
    Column("value", "值", "value", "float",
           "值 (value)：参数的数值。留空则使用默认值。", blank=None, width=12),
    Column("note", "说明", "note", "text",
           "说明 (note)：参数的含义和允许范围，导入时不读取。", required=False, blank=None,
           max_len=10_000, width=60),
), note="工作时间与AB岗参数 (working-time and A/B parameters)")

TOWNSHIPS_SHEET = Sheet("townships", "乡镇", "townships", (
    Column("township", "乡镇名称", "township", "text",
           "乡镇名称 (township)：每个乡镇一行，名称不得重复。", width=16),
    Column("type", "类型", "type", "township_type",
           "类型 (type)：乡 / 镇 / 街道（也可填 xiang / zhen / jiedao）。",
           choices=TOWNSHIP_TYPE_CHOICES, width=8),
    Column("category", "类别", "category", "category",
           "类别 (category)：一类 / 二类 / 三类，按人口、面积、经济规模确定。",
           choices=CATEGORY_CHOICES, width=8),
    Column("population", "人口", "population", "int",
           "人口 (population)：常住人口，整数，单位：人。", high=2_000_000, width=10),
    Column("area_km2", "面积", "area_km2", "float",
           "面积 (area_km2)：平方公里。可留空（按0计）。", required=False, blank=0.0,
           high=10_000, width=10),
    Column("villages", "行政村数", "villages", "int",
           "行政村数 (villages)：下辖行政村（社区）个数。可留空（按0计）。", required=False,
           blank=0, high=500, width=10),
    Column("locked", "锁定", "locked", "bool",
           "锁定 (locked)：是 / 否。锁定的乡镇在调剂方案中保持原编制。留空为“否”。",
           required=False, blank=False, choices=YES_NO, width=8),
))

QUOTA_SHEET = Sheet("quota", "编制", "quota", (
    _township_ref("每个乡镇每种编制类型一行。"),
    Column("kind", "编制类型", "kind", "kind",
           "编制类型 (kind)：行政 / 事业 / 工勤（也可填 administrative / institutional / support）。",
           choices=KIND_CHOICES, width=10),
    Column("approved", "核定编制", "approved", "int",
           "核定编制 (approved)：台账上的核定编制数，非负整数。", high=1000, width=10),
    Column("staff", "实有人数", "staff", "int",
           "实有人数 (staff)：占用该类编制的在编人数。超过核定编制视为超编，不是错误。",
           high=1000, width=10),
    Column("leadership", "领导职数", "leadership", "int",
           "领导职数 (leadership)：仅行政编制行填写，计入行政编制之内；其他行留空。",
           required=False, blank=0, high=50, width=10),
))

OFFICES_SHEET = Sheet("offices", "内设机构", "offices", (
    _township_ref(),
    Column("office", "机构名称", "office", "text",
           "机构名称 (office)：内设机构或站所名称，同一乡镇内不得重复。", width=24),
    Column("kind", "编制类型", "kind", "kind",
           "编制类型 (kind)：该机构的职责事项使用哪一类编制：行政 / 事业 / 工勤。",
           choices=KIND_CHOICES, width=10),
    # Read and checked by planner.excel.post_sheets.
    Column("backup_office", "备岗机构", "backup_office", "text",
           "备岗机构 (backup_office)：本机构人员不在时代为办理的另一内设机构（岗位AB岗），可留空。",
           required=False, blank=None, width=24),
))

DUTIES_SHEET = Sheet("duties", "职责事项", "duties", (
    _township_ref(),
    Column("office", "机构名称", "office", "text",
           "机构名称 (office)：承担该事项的内设机构，须在“内设机构”表中列出。", width=24),
    Column("duty", "事项名称", "duty", "text",
           "事项名称 (duty)：职责事项或政务服务事项，同一机构内不得重复。",
           max_len=DUTY_NAME_MAX, width=28),
    Column("annual_volume", "年办件量", "annual_volume", "float",
           "年办件量 (annual_volume)：一年办理的件数。非按件计的事项可留空（按0计）。",
           blank=0.0, high=10_000_000, width=10),
    Column("minutes_per_case", "单件工时(分钟)", "minutes_per_case", "float",
           "单件工时(分钟) (minutes_per_case)：办一件平均需要的工作分钟数（不是法定办结时限）。"
           "可留空（按0计）。", blank=0.0, high=10_000, width=14, aliases=("单件工时",)),
    Column("fixed_hours", "固定年工时(小时)", "fixed_hours", "float",
           "固定年工时(小时) (fixed_hours)：不按件计的事项（党建、维稳、应急值守）每年的小时数。"
           "可留空（按0计）。", required=False, blank=0.0, high=100_000, width=16,
           aliases=("固定年工时",)),
    Column("needs_backup", "需AB岗", "needs_backup", "bool",
           "需AB岗 (needs_backup)：是 / 否。是：该事项须有A岗和另一名B岗。留空为“是”。",
           required=False, blank=True, choices=YES_NO, width=8),
))

PEOPLE_SHEET = Sheet("people", "人员", "people", (
    _township_ref(),
    Column("office", "机构名称", "office", "text",
           "机构名称 (office)：所在内设机构，可留空；填写时须在“内设机构”表中列出。",
           required=False, blank=None, width=24),
    Column("name", "姓名", "name", "text", "姓名 (name)：在编人员姓名。", width=10),
    Column("kind", "编制类型", "kind", "kind",
           "编制类型 (kind)：占用的编制类型：行政 / 事业 / 工勤。", choices=KIND_CHOICES, width=10),
    Column("quota_since", "入编日期", "quota_since", "date",
           "入编日期 (quota_since)：日期，如 2019-03-01。可留空。", required=False, blank=None,
           width=12),
    # The columns below are read and checked by planner.excel.time_sheets.
    Column("sex", "性别", "sex", "text", "性别 (sex)：男 / 女。用于测算法定退休年月，可留空。",
           required=False, blank=None, choices=SEX_CHOICES, width=6),
    Column("birth_month", "出生年月", "birth_month", "text",
           "出生年月 (birth_month)：如 1972-05，也可填日期。可留空（不测算退休）。",
           required=False, blank=None, width=10),
    Column("status", "身份", "status", "text",
           "身份 (status)：干部 / 工人。女职工按身份确定原退休年龄（55 / 50 岁）。留空为“干部”。",
           required=False, blank=None, choices=STATUS_CHOICES, width=6),
    Column("leader", "领导职务", "leader", "bool", "领导职务 (leader)：是 / 否。留空为“否”。",
           required=False, blank=False, choices=YES_NO, width=8),
    Column("planned_leave", "预计离岗年月", "planned_leave", "text",
           "预计离岗年月 (planned_leave)：已知的调出、辞职等离岗年月，如 2027-03。可留空。",
           required=False, blank=None, width=12),
), required=False, note="可选 (optional)")

HIRING_SHEET = Sheet("hiring", "用编计划", "hiring_plan", (
    _township_ref("每个乡镇每种编制类型每年一行。"),
    Column("kind", "编制类型", "kind", "kind",
           "编制类型 (kind)：行政 / 事业 / 工勤。", choices=KIND_CHOICES, width=10),
    Column("year", "年度", "year", "int", "年度 (year)：计划年度，如 2027。", high=2100, width=8),
    Column("planned", "计划进人数", "planned_hires", "int",
           "计划进人数 (planned_hires)：经批准的用编进人计划数，占用空编，不得超过空编。",
           high=1000, width=10),
    Column("hired", "已进人数", "hired", "int",
           "已进人数 (hired)：计划中已经进人的数量（已计入实有人数）。留空为0。",
           required=False, blank=0, high=1000, width=10),
), required=False, note="可选：用编进人计划 (optional: hiring plan)")

POOL_SHEET = Sheet("pool_loans", "周转池", "pool_loans", (
    _township_ref("每笔借用一行。"),
    Column("kind", "编制类型", "kind", "kind",
           "编制类型 (kind)：行政 / 事业 / 工勤。", choices=KIND_CHOICES, width=10),
    Column("slots", "借用数", "slots", "int",
           "借用数 (slots)：从县级周转池借用的编制数，单列于核定编制之外。", high=1000, width=8),
    Column("start", "起始年月", "start", "text", "起始年月 (start)：如 2025-01。", width=10),
    Column("due", "到期年月", "due", "text",
           "到期年月 (due)：如 2028-01；借用期不得超过“参数”表的周转期限。", width=10),
    Column("returned", "已归还", "returned", "int",
           "已归还 (returned)：已归还周转池的编制数，不得超过借用数。留空为0。",
           required=False, blank=0, high=1000, width=8),
), required=False, note="可选：编制周转池借用 (optional: revolving pool loans)")

POSTS_SHEET = Sheet("posts", "岗位", "posts", (
    _township_ref("每个岗位一行。"),
    Column("office", "机构名称", "office", "text",
           "机构名称 (office)：岗位所在的内设机构，须在“内设机构”表中列出。", width=24),
    Column("post", "岗位名称", "post", "text", "岗位名称 (post)：同一机构内不得重复。", width=16),
    Column("holder", "姓名", "holder", "text",
           "姓名 (holder)：在岗人员，须是“人员”表中本乡镇的人员。空缺的岗位留空。",
           required=False, blank=None, width=10),
    Column("a_duties", "A岗事项", "a_duties", "text",
           "A岗事项 (a_duties)：本岗位主办的职责事项，用“、”或“;”分隔；两个机构有同名事项时写“机构名称·事项名称”。",
           required=False, blank=None, max_len=10_000, width=40),
    Column("b_duties", "B岗事项", "b_duties", "text",
           "B岗事项 (b_duties)：本岗位作为B岗备岗的职责事项，写法同上。",
           required=False, blank=None, max_len=10_000, width=40),
), required=False, note="可选：岗位设置与AB岗 (optional: posts and their A/B duties)")

SHEETS: tuple[Sheet, ...] = (
    PARAMS_SHEET, TOWNSHIPS_SHEET, QUOTA_SHEET, OFFICES_SHEET, DUTIES_SHEET, PEOPLE_SHEET,
    HIRING_SHEET, POOL_SHEET, POSTS_SHEET)


@dataclass(frozen=True)
class ParamRow:
    key: str        # WorkParams field, or "county_name"
    zh: str
    explanation: str
    low: float | None = None
    high: float | None = None
    integer: bool = False
    default: object = None
    time: bool = False   # a TimeParams field: optional, older workbooks leave it out


_PARAM_EXPLANATIONS = {
    "working_days": "全年法定工作日（2025年起为248天）",
    "annual_leave_days": "人均年休假天数（按工龄5/10/15天）",
    "other_absence_days": "人均病假、事假等其他缺勤天数",
    "training_days": "人均脱产培训、学习天数",
    "hours_per_day": "每个工作日的工作小时数",
    "shared_duty_share": "人人都要承担的会议、学习、报表等公共事务占工作时间的比例，如 0.10",
    "backup_load_factor": "B岗须能承接的A岗工作量比例，如 0.15",
    "max_backup_roles": "一人最多兼任的B岗数（整数）",
}

_TIME_EXPLANATIONS = {
    "pool_administrative": "县级编制周转池中的行政编制数（在全县编制总量之内）",
    "pool_institutional": "县级编制周转池中的事业编制数",
    "pool_support": "县级编制周转池中的工勤编制数",
    "pool_term_years": "周转池编制借用的最长期限（年）",
    "horizon_years": "多年度规划的年数",
    "plan_start_year": "多年度规划的起始年度；留空为下一个日历年",
}

_DEFAULTS = WorkParams()
_TIME_DEFAULTS = TimeParams()
PARAM_ROWS: tuple[ParamRow, ...] = tuple(
    ParamRow(name, label, _PARAM_EXPLANATIONS[name], low, high,
             integer=(name == "max_backup_roles"), default=getattr(_DEFAULTS, name))
    for name, (low, high, label) in PARAMETER_RANGES.items()
) + (ParamRow("county_name", "县名称",
              "本台账所属县（市、区）名称；留空则保留数据库中原有名称"),) + tuple(
    ParamRow(name, label, _TIME_EXPLANATIONS[name], low, high, integer=True,
             default=getattr(_TIME_DEFAULTS, name), time=True)
    for name, (low, high, label) in TIME_PARAMETER_RANGES.items())


def default_text(row: ParamRow) -> str:
    """The default of a parameter as the notes show it (规划起始年: next calendar year)."""
    return "下一年 (next year)" if row.default is None else f"{row.default:g}"


def param_note(row: ParamRow) -> str:
    text = f"{row.explanation}。英文名 {row.key}"
    if row.low is not None:
        text += f"；范围 {row.low:g}–{row.high:g}，默认 {default_text(row)}"
    return text


def clean_name(text: str) -> str:
    """A name as it is compared and stored: NFKC (full-width letters and digits folded),
    invisible characters removed (zero-width spaces and joiners, byte-order and direction
    marks, soft hyphens, variation selectors: Unicode's format characters and default
    ignorables), runs of spaces made one, ends trimmed. Without this “柳湾镇” and
    “柳湾镇\u200b” would be two townships that look the same."""
    # A province repeats the same few thousand names; only names are worth remembering
    # (a cell may hold 32,767 characters, and 65,536 of those would be gigabytes).
    return _clean_short(text) if len(text) <= 256 else _clean(text)


def _clean(text: str) -> str:
    if not text.isascii():
        text = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text))
    return _SPACES.sub(" ", text).strip()


_clean_short = functools.lru_cache(maxsize=65536)(_clean)


# Unicode's format characters (category Cf) and Default_Ignorable_Code_Point
# (DerivedCoreProperties.txt): all drawn as nothing. A test checks the Cf list against
# unicodedata.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u115f\u1160\u17b4\u17b5"
    "\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0"
    "\ufff0-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0000-\U000e0fff]")
_SPACES = re.compile(r" {2,}")


def normalize(text: object) -> str:
    """Header and choice matching key: full-width folded, invisible characters dropped,
    case and spacing ignored."""
    folded = clean_name(str(text)).casefold()
    return re.sub(r"[\s_\-]+", "_", folded)


def column_names(col: Column) -> set[str]:
    return {normalize(n) for n in (col.zh, col.en, *col.aliases)}


def sheet_names(sheet: Sheet) -> set[str]:
    return {normalize(sheet.zh), normalize(sheet.en)}


def param_names(row: ParamRow) -> set[str]:
    return {normalize(row.zh), normalize(row.key)}


@dataclass
class HeaderMap:
    """Where each known column sits in a sheet's header row (0-based)."""

    positions: dict[str, int] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)  # key -> header text as in the file
