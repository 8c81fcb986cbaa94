"""The words the optimizer explains itself with, in Chinese and English."""

from __future__ import annotations

KIND_ZH = {"administrative": "行政", "institutional": "事业", "support": "工勤"}
KIND_EN = {"administrative": "administrative", "institutional": "institutional", "support": "support"}

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

LEVEL_ZH = {"uncovered": "补足工作量缺口", "moved": "尽量少调动", "imbalance": "均衡工作压力"}
LEVEL_EN = {"uncovered": "cover the workload", "moved": "move few slots", "imbalance": "balance pressure"}

RESERVE_ZH = "县机动编制"
RESERVE_EN = "county reserve"


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
