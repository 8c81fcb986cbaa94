"""The domain's words in Chinese and English, each defined once.

Every part of the project (the optimizer's explanations, the window, the
printed proposal, the workbooks, the command line) names a quota kind, a solve
status, a reallocation level, a solve stage, a township type or category, and
yes/no with these words. The optimizer is the lowest layer, so the table lives
here; planner.domain.vocabulary re-exports it with the helpers the rest use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Word:
    """One domain word: Chinese first, English second, and the other forms in use.

    `zh_long`/`en_long` are the full terms where the short ones need their noun or
    qualifier (行政 → 行政编制; 可行 → 可行（已达计算时限）); `en_short` is the
    abbreviation of a narrow column (Admin.); `aliases` are the other spellings
    (lower case) an imported cell may hold besides `zh` and `zh_long`.
    """

    zh: str
    en: str
    zh_long: str = ""
    en_short: str = ""
    aliases: tuple[str, ...] = ()
    en_long: str = ""

    def text(self, lang: str | None = "zh", *, long: bool = False, short: bool = False,
             cap: bool = False) -> str:
        """The word in `lang` ("zh…", "" or None is Chinese, anything else English).

        long: the full term; short: the English abbreviation; cap: English
        capitalised for the start of a cell or heading. Chinese has no capitals.
        """
        if is_chinese(lang):
            return (self.zh_long or self.zh) if long else self.zh
        text = (self.en_short or self.en) if short else (self.en_long or self.en) if long else self.en
        return text[:1].upper() + text[1:] if cap else text

    def spellings(self) -> tuple[str, ...]:
        """Every spelling an imported cell may hold for this word."""
        return tuple(dict.fromkeys(s for s in (self.zh, self.zh_long, *self.aliases) if s))


def is_chinese(lang: str | None) -> bool:
    return not lang or str(lang).lower().startswith("zh")


# The three quota kinds (separate pools, never mixed), keyed by the code the database keeps.
KIND_WORDS: dict[str, Word] = {
    "administrative": Word("行政", "administrative", "行政编制", "Admin.", ("administrative",)),
    "institutional": Word("事业", "institutional", "事业编制", "Inst.", ("institutional",)),
    "support": Word("工勤", "support", "工勤编制", "Support", ("support",)),
}

# A person's sex and status on the real-name ledger; keyed by the Chinese word the ledger keeps.
SEX_WORDS: dict[str, Word] = {
    "男": Word("男", "male", aliases=("male", "m")),
    "女": Word("女", "female", aliases=("female", "f")),
}
PERSON_STATUS_WORDS: dict[str, Word] = {
    "干部": Word("干部", "cadre", aliases=("cadre",)),
    "工人": Word("工人", "worker", aliases=("worker",)),
}

# The time ledger's columns: a person's beyond name, kind and office and what follows from them
# (retirement), and a quota line's promised hires, usable vacancy and revolving-pool slots.
TIME_FIELD_WORDS: dict[str, Word] = {
    "sex": Word("性别", "sex"),
    "birth_month": Word("出生年月", "birth month"),
    "status": Word("身份", "status"),
    "leader": Word("领导职务", "leader"),
    "planned_leave": Word("预计离岗年月", "planned leave"),
    "retirement_month": Word("退休年月", "retirement month"),
    "retirement_age": Word("退休年龄", "retirement age"),
    "overdue": Word("已超过法定退休年月仍在册", "past the retirement month and still on file"),
    "pending_hires": Word("计划进人", "planned hires"),
    "usable_vacancy": Word("可用编制", "usable vacancy"),
    "pool": Word("周转池编制", "pool slots"),
}

# What a solve ends in; the long forms are the window's summary line.
STATUS_WORDS: dict[str, Word] = {
    "optimal": Word("最优", "optimal"),
    "feasible": Word("可行", "feasible", zh_long="可行（已达计算时限）", en_long="feasible (time limit reached)"),
    "infeasible": Word("规则无法同时满足", "the rules cannot all be met", zh_long="无解：刚性规则无法同时满足",
                       en_long="infeasible: the rules cannot all be met"),
}

# The reallocation's levels, in order of priority.
LEVEL_WORDS: dict[str, Word] = {
    "uncovered": Word("补足工作量缺口", "cover the workload"),
    "moved": Word("尽量少调动", "move few slots"),
    "touched": Word("尽量少涉及乡镇", "touch few townships"),
    "imbalance": Word("均衡工作压力", "balance pressure"),
}

# The stages of a solve, as timed in the result's stage_seconds.
STAGE_WORDS: dict[str, Word] = {
    "load": Word("读取数据", "loading"),
    "requirement": Word("需求测算", "requirement"),
    "ab_design": Word("AB岗设计", "A/B design"),
    "reallocation": Word("编制调剂", "reallocation"),
    "moves": Word("调剂明细", "moves"),
}

# What a long task says besides its stages: a progress message is written "中文 (English)"
# (`bilingual`) and each reader shows the half of its language (`in_language`).
PROGRESS_WORDS: dict[str, Word] = {
    "workload": Word("测算工作量", "computing workload"),
    "load": Word("读取台账", "reading the ledger"),
    "reasons": Word("调剂明细与说明", "moves and reasons"),
    "done": Word("完成", "done"),
    "write_ledger": Word("备份并写入台账", "backing up and writing the ledger"),
    "charts": Word("绘制图表", "drawing the charts"),
    "pages": Word("排版页面", "laying out the pages"),
    "workbook": Word("写入工作簿", "writing the workbook"),
    "document": Word("写入文档", "writing the document"),
    "read_sheet": Word("读取", "reading"),
}

# Township types and categories are kept as the Chinese words of the official ledgers.
TOWNSHIP_TYPE_WORDS: dict[str, Word] = {
    "乡": Word("乡", "township", aliases=("xiang",)),
    "镇": Word("镇", "town", aliases=("zhen", "town")),
    "街道": Word("街道", "subdistrict", aliases=("jiedao", "subdistrict")),
}
CATEGORY_WORDS: dict[str, Word] = {
    "一类": Word("一类", "Class I", aliases=("1", "一", "i")),
    "二类": Word("二类", "Class II", aliases=("2", "二", "ii")),
    "三类": Word("三类", "Class III", aliases=("3", "三", "iii")),
}

YES_NO_WORDS: dict[bool, Word] = {
    True: Word("是", "yes", aliases=("yes", "true", "1", "y")),
    False: Word("否", "no", aliases=("no", "false", "0", "n")),
}

# A township's workload pressure (staff against required FTE); "" when no workload is on file.
PRESSURE_WORDS: dict[str, Word] = {
    "shortage": Word("紧缺", "shortage"),
    "surplus": Word("富余", "surplus"),
    "balanced": Word("适中", "balanced"),
    "": Word("无工作量数据", "no workload on file"),
}

RESERVE = Word("县机动编制", "county reserve")

# The names the optimizer has always used, read from the tables above.
KIND_ZH = {code: w.zh for code, w in KIND_WORDS.items()}
KIND_EN = {code: w.en for code, w in KIND_WORDS.items()}
LEVEL_ZH = {code: w.zh for code, w in LEVEL_WORDS.items()}
LEVEL_EN = {code: w.en for code, w in LEVEL_WORDS.items()}
RESERVE_ZH = RESERVE.zh
RESERVE_EN = RESERVE.en

# rule -> (the limit, the rule's short name, the sum over townships)
_RULES_ZH = {
    "staff": ("实有人数", "人员不减", "实有人数合计"),
    "leadership": ("领导职数", "领导职数不动", "领导职数合计"),
    "band_min": ("编制下限", "编制下限", "编制下限合计"),
    "band_max": ("编制上限", "编制上限", "编制上限合计"),
    "locked": ("锁定的编制", "锁定乡镇保持不变", "锁定乡镇保持"),
    "total": ("总量上限", "总量控制、只减不增", "总量上限"),
    "reserve": ("县里预留", "保留县机动编制", "县里预留"),
    "total_cap": ("压减后的总量", "总量压减", "压减后的总量"),
    "none": ("", "", ""),
}
_RULES_EN = {
    "staff": ("the staff", "nobody is dismissed", "staff"),
    "leadership": ("the leadership posts", "leadership posts stay", "leadership posts"),
    "band_min": ("the band minimum", "band minimum", "band minimums"),
    "band_max": ("the band maximum", "band maximum", "band maximums"),
    "locked": ("the locked quota", "locked townships keep their quota", "locked townships keep"),
    "total": ("the total limit", "totals never grow", "total limit"),
    "reserve": ("the county reserve", "keep the county reserve", "county reserve"),
    "total_cap": ("the cut total", "total cut", "cut total"),
    "none": ("", "", ""),
}


def bilingual(zh: str, en: str) -> str:
    """A progress message in both languages, "中文 (English)"; `in_language` takes it apart."""
    return f"{zh} ({en})" if zh != en else zh


def progress_words(key: str, zh_tail: str = "", en_tail: str = "") -> str:
    """A PROGRESS_WORDS or STAGE_WORDS entry as a bilingual message, each half with its tail."""
    word = PROGRESS_WORDS.get(key) or STAGE_WORDS[key]
    return bilingual(word.zh + zh_tail, word.en + en_tail)


_BILINGUAL = re.compile(r"^(?P<zh>.*?)\s*\((?P<en>[^()]*)\)(?P<rest>[^()]*)$", re.S)
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def in_language(message: str, lang: str | None = "zh") -> str:
    """The half of a "中文 (English)[ detail]" message in `lang`; a message in one language as it is.

    The detail after the group (a file name, a count) belongs to both halves.
    """
    match = _BILINGUAL.match(str(message))
    if not match or not _CJK.search(match["zh"]) or _CJK.search(match["en"]):
        return str(message)
    return (match["zh"] if is_chinese(lang) else match["en"]) + match["rest"]


def kind_zh(kind: str) -> str:
    return KIND_ZH.get(kind, kind)


def kind_en(kind: str) -> str:
    return KIND_EN.get(kind, kind)


def rule_zh(rule: str, short: bool = False, *, group: bool = False) -> str:
    words = _RULES_ZH.get(rule, (rule, rule, rule))
    return words[2] if group else words[1] if short else words[0]


def rule_en(rule: str, short: bool = False, *, group: bool = False) -> str:
    words = _RULES_EN.get(rule, (rule, rule, rule))
    return words[2] if group else words[1] if short else words[0]
