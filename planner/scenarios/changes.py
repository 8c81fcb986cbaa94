"""The changes a what-if scenario holds, each a small dataclass stored as JSON.

A scenario is the baseline ledger plus a list of these changes, never a copy
of the ledger. Each change knows how to check itself against a county, apply
itself to a working copy, and describe itself in Chinese or English.

Two groups, applied in two passes (see planner.scenarios.store.apply_changes):
- county changes (merge, split, duty growth / added / removed, parameters,
  locks) rewrite the working copy of the county, in list order, so a change
  may name a township created by an earlier merge or split;
- option changes (total cut, reserve, bands) become SolveOptions, resolved
  against the county as it stands after every county change, so a band set
  "for 一类" also covers a township a merge placed in that class.

JSON: {"type": "<TYPE>", ...fields}. "type" (not "kind") is the tag because
"kind" already means the quota kind (administrative/institutional/support).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields, replace
from fractions import Fraction
from typing import Any, ClassVar

from planner.domain.county import (
    CATEGORIES, KINDS, CountyData, DutyData, OfficeData, TownshipData,
)
from planner.domain.vocabulary import kind_label
from planner.domain.workload import PARAMETER_RANGES, ParameterError
from planner.errors import UserError


class ScenarioError(UserError, ValueError):
    """A scenario that cannot be built or stored; the message names the change, in Chinese and English."""


class ChangeProblem(UserError):
    """Raised by one change; apply_changes adds which change it was."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(zh, en)
        self.zh, self.en = zh, en
        self.message_zh, self.message_en = zh, en


def _kind(kind: str) -> str:
    if kind not in KINDS:
        raise ChangeProblem(f"编制类型“{kind}”无效，应为 行政/事业/工勤",
                            f"unknown quota kind '{kind}' (administrative/institutional/support)")
    return kind


def _kind_label(kind: str, lang: str) -> str:
    return kind_label(kind, lang)


def _township(county: CountyData, name: str) -> TownshipData:
    try:
        return county.township(name)
    except KeyError:
        raise ChangeProblem(f"乡镇“{name}”不存在", f"no township named '{name}'") from None


def _scope(county: CountyData, townships: list[str] | None) -> list[TownshipData]:
    """The townships a change reaches: all when None, else each named one (all must exist)."""
    if townships is None:
        return list(county.townships)
    if not townships:
        raise ChangeProblem("未选择任何乡镇", "no township chosen")
    return [_township(county, name) for name in townships]


def _where(townships: list[str] | None, lang: str) -> str:
    if townships is None:
        return "全部乡镇" if lang == "zh" else "all townships"
    return "、".join(townships) if lang == "zh" else ", ".join(townships)


def _number(value: Any, what_zh: str, what_en: str, *, low: float | None = None,
            high: float | None = None) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
        raise ChangeProblem(f"{what_zh}应为数字，实为 {value!r}", f"{what_en} must be a number, not {value!r}")
    if (low is not None and value < low) or (high is not None and value > high):
        raise ChangeProblem(f"{what_zh} {value:g} 超出范围 {low:g}–{high:g}",
                            f"{what_en} {value:g} is outside {low:g}–{high:g}")
    return float(value)


def _whole(value: Any, what_zh: str, what_en: str, *, low: int = 0, high: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ChangeProblem(f"{what_zh}应为整数，实为 {value!r}", f"{what_en} must be a whole number, not {value!r}")
    if value < low or (high is not None and value > high):
        bound = f"{low}–{high}" if high is not None else f"≥ {low}"
        raise ChangeProblem(f"{what_zh} {value} 超出范围 {bound}", f"{what_en} {value} is outside {bound}")
    return value


def _pct(value: float) -> str:
    return f"{value:+g}%"


@dataclass
class OptionsDraft:
    """What the option changes build up before it becomes a SolveOptions."""

    reserve: dict[str, int] = field(default_factory=dict)
    total_cap: dict[str, int] = field(default_factory=dict)
    bands: dict[tuple[str, str], tuple[int | None, int | None]] = field(default_factory=dict)


def county_total(county: CountyData, kind: str) -> int:
    """Σ approved quota of a kind: the total that hard rule 2 says may not grow."""
    return sum(t.quota(kind).approved for t in county.townships)


class Change:
    """Base of every change. Subclasses are dataclasses with a TYPE tag."""

    TYPE: ClassVar[str] = ""
    COUNTY_CHANGE: ClassVar[bool] = True

    def apply_county(self, county: CountyData) -> None:
        """Rewrite the working copy (county changes only)."""

    def apply_options(self, county: CountyData, draft: OptionsDraft) -> None:
        """Add to the solve options (option changes only)."""

    def describe(self, lang: str = "zh") -> str:
        raise NotImplementedError

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"type": self.TYPE}
        for f in fields(self):  # type: ignore[arg-type]
            data[f.name] = getattr(self, f.name)
        return data


# ---------------------------------------------------------------- option changes
@dataclass
class TotalCut(Change):
    """压减: the county total of a kind after the proposal is at most the cut total.

    "Institutional −5%" means total_cap = floor(Σ approved × 0.95): a whole
    number of slots never above the cut, as rule 3 (whole numbers) requires.
    """

    TYPE: ClassVar[str] = "total_cut"
    COUNTY_CHANGE: ClassVar[bool] = False
    kind: str = "institutional"
    percent: float | None = None
    slots: int | None = None

    def cap(self, total: int) -> int:
        _kind(self.kind)
        if (self.percent is None) == (self.slots is None):
            raise ChangeProblem("压减须给出百分比或名额数（二者之一）", "give either a percent or a number of slots")
        if self.percent is not None:
            _number(self.percent, "压减百分比", "cut percent", low=0, high=100)
            # Exact arithmetic: 200 × 0.95 must give 190, not 189.999… floored to 189.
            return math.floor(total * (1 - Fraction(str(self.percent)) / 100))
        _whole(self.slots, "压减名额", "slots cut", low=0, high=total)
        return total - int(self.slots)

    def apply_options(self, county: CountyData, draft: OptionsDraft) -> None:
        if self.kind in draft.total_cap:
            raise ChangeProblem(f"{_kind_label(self.kind, 'zh')}编制已有一项总量压减，同一类编制只能设一项",
                                f"there is already a total cut for {self.kind} quota; one per kind")
        draft.total_cap[self.kind] = self.cap(county_total(county, self.kind))

    def describe(self, lang: str = "zh") -> str:
        label = _kind_label(self.kind, lang)
        if lang == "zh":
            amount = f"{self.percent:g}%" if self.percent is not None else f"{self.slots} 名"
            return f"{label}编制总量压减 {amount}"
        amount = f"{self.percent:g}%" if self.percent is not None else f"{self.slots} slots"
        return f"cut {label} total by {amount}"


@dataclass
class Reserve(Change):
    """机动编制: slots of a kind the county keeps back, inside the total (not on top of it)."""

    TYPE: ClassVar[str] = "reserve"
    COUNTY_CHANGE: ClassVar[bool] = False
    kind: str = "administrative"
    slots: int = 0

    def apply_options(self, county: CountyData, draft: OptionsDraft) -> None:
        _kind(self.kind)
        total = draft.total_cap.get(self.kind, county_total(county, self.kind))
        _whole(self.slots, "预留名额", "reserved slots", low=0, high=total)
        if self.kind in draft.reserve:
            raise ChangeProblem(f"{_kind_label(self.kind, 'zh')}编制已有一项预留，同一类编制只能设一项",
                                f"there is already a reserve for {self.kind} quota; one per kind")
        draft.reserve[self.kind] = int(self.slots)

    def describe(self, lang: str = "zh") -> str:
        label = _kind_label(self.kind, lang)
        if lang == "zh":
            return f"县级预留{label}机动编制 {self.slots} 名"
        return f"keep {self.slots} {label} slots in county reserve"


@dataclass
class Band(Change):
    """A township's (or a whole category's) min/max quota of a kind, e.g. the category standard.

    Later bands override earlier ones for the same township and kind, so a
    category band can be followed by an exception for one township.
    """

    TYPE: ClassVar[str] = "band"
    COUNTY_CHANGE: ClassVar[bool] = False
    kind: str = "administrative"
    township: str | None = None
    category: str | None = None
    min: int | None = None
    max: int | None = None

    def apply_options(self, county: CountyData, draft: OptionsDraft) -> None:
        _kind(self.kind)
        if (self.township is None) == (self.category is None):
            raise ChangeProblem("区间须指定一个乡镇或一个类别（二者之一）", "give either a township or a category")
        if self.min is None and self.max is None:
            raise ChangeProblem("区间须给出下限或上限", "give a minimum or a maximum")
        low = None if self.min is None else _whole(self.min, "下限", "minimum")
        high = None if self.max is None else _whole(self.max, "上限", "maximum")
        if low is not None and high is not None and low > high:
            raise ChangeProblem(f"下限 {low} 大于上限 {high}", f"minimum {low} is above maximum {high}")
        if self.township is not None:
            targets = [_township(county, self.township)]
        else:
            if self.category not in CATEGORIES:
                raise ChangeProblem(f"类别“{self.category}”无效，应为 一类/二类/三类",
                                    f"unknown category '{self.category}' (一类/二类/三类)")
            targets = [t for t in county.townships if t.category == self.category]
            if not targets:
                raise ChangeProblem(f"没有{self.category}乡镇", f"no township is in category {self.category}")
        for t in targets:
            draft.bands[(t.name, self.kind)] = (low, high)

    def describe(self, lang: str = "zh") -> str:
        label = _kind_label(self.kind, lang)
        who = self.township if self.township is not None else (
            f"{self.category}乡镇" if lang == "zh" else f"category {self.category}")
        low = "" if self.min is None else str(self.min)
        high = "" if self.max is None else str(self.max)
        if lang == "zh":
            return f"{who}{label}编制区间 [{low or '—'}, {high or '—'}]"
        return f"{label} band for {who}: [{low or '-'}, {high or '-'}]"


@dataclass
class LibraryBands(Change):
    """The standing checks' category bands (planner.domain.rules) as solve bands, as they stood
    when the change was made: the scenario keeps its own copy, so a later edit of the library
    does not change a scenario's result behind its back."""

    TYPE: ClassVar[str] = "library_bands"
    COUNTY_CHANGE: ClassVar[bool] = False
    bands: list = field(default_factory=list)    # [category, kind, low, high], as in the library

    @classmethod
    def of(cls, rules) -> "LibraryBands":
        return cls([[c, k, r.low, r.high] for (c, k), r in sorted(rules.bands.items()) if not r.empty])

    def apply_options(self, county: CountyData, draft: OptionsDraft) -> None:
        for category, kind, low, high in self.bands:
            if category not in CATEGORIES:
                raise ChangeProblem(f"类别“{category}”无效", f"unknown category '{category}'")
            _kind(kind)
            low = None if low is None else _whole(low, "下限", "minimum")
            high = None if high is None else _whole(high, "上限", "maximum")
            for t in county.townships:
                if t.category == category:
                    draft.bands[(t.name, kind)] = (low, high)

    def describe(self, lang: str = "zh") -> str:
        if lang == "zh":
            return f"按编制标准设定类别区间（{len(self.bands)} 项）"
        return f"category bands from the standing checks ({len(self.bands)})"


# ---------------------------------------------------------------- county changes
@dataclass
class DutyGrowth(Change):
    """Workload of matching duties grows (or falls) by a percent: volume and fixed hours alike.

    Matching is by substring of the duty's name or its office's name, so
    "应急管理" reaches every duty of 应急管理办公室. Both case volume and fixed
    hours scale, so the duty's annual hours scale by exactly (1 + percent/100).
    """

    TYPE: ClassVar[str] = "duty_growth"
    match: str = ""
    percent: float = 0.0
    townships: list[str] | None = None

    def matches(self, duty: DutyData) -> bool:
        return self.match in duty.name or self.match in duty.office

    def apply_county(self, county: CountyData) -> None:
        # No name: every duty of the townships chosen ("+20% workload in one township").
        self.match = str(self.match).strip()
        _number(self.percent, "增长百分比", "growth percent", low=-100, high=1000)
        factor = 1 + float(self.percent) / 100
        hit = 0
        for t in _scope(county, self.townships):
            for d in t.duties:
                if self.matches(d):
                    d.annual_volume *= factor
                    d.fixed_hours *= factor
                    hit += 1
        if hit == 0:
            raise ChangeProblem(f"没有名称含“{self.match}”的事项或机构",
                                f"no duty or office name contains '{self.match}'")

    def describe(self, lang: str = "zh") -> str:
        if not str(self.match).strip():
            if lang == "zh":
                return f"{_where(self.townships, lang)}：全部事项工作量 {_pct(self.percent)}"
            return f"{_where(self.townships, lang)}: workload of every duty {_pct(self.percent)}"
        if lang == "zh":
            return f"{_where(self.townships, lang)}：含“{self.match}”的事项工作量 {_pct(self.percent)}"
        return f"{_where(self.townships, lang)}: workload of duties matching '{self.match}' {_pct(self.percent)}"


@dataclass
class DutyAdded(Change):
    """A new duty in the named townships (all when None); the office is created where missing."""

    TYPE: ClassVar[str] = "duty_added"
    office: str = ""
    office_kind: str = "administrative"
    name: str = ""
    annual_volume: float = 0.0
    minutes_per_case: float = 0.0
    fixed_hours: float = 0.0
    needs_backup: bool = True
    townships: list[str] | None = None

    def apply_county(self, county: CountyData) -> None:
        _kind(self.office_kind)
        if not str(self.name).strip() or not str(self.office).strip():
            raise ChangeProblem("新增事项须有事项名称和机构名称", "a new duty needs a name and an office")
        _number(self.annual_volume, "年办件量", "annual volume", low=0, high=1e7)
        _number(self.minutes_per_case, "单件工时", "minutes per case", low=0, high=1e5)
        _number(self.fixed_hours, "固定年工时", "fixed hours", low=0, high=1e6)
        for t in _scope(county, self.townships):
            kinds = t.office_kinds()
            if self.office in kinds and kinds[self.office] != self.office_kind:
                raise ChangeProblem(
                    f"{t.name}的“{self.office}”属{_kind_label(kinds[self.office], 'zh')}编制，"
                    f"不是{_kind_label(self.office_kind, 'zh')}编制",
                    f"office '{self.office}' of {t.name} is {kinds[self.office]}, not {self.office_kind}")
            if any(d.office == self.office and d.name == self.name for d in t.duties):
                raise ChangeProblem(f"{t.name}的“{self.office}”已有事项“{self.name}”",
                                    f"{t.name} already has duty '{self.name}' in '{self.office}'")
            if self.office not in kinds:
                t.offices.append(OfficeData(self.office, self.office_kind))
            t.duties.append(DutyData(self.office, self.name, float(self.annual_volume),
                                     float(self.minutes_per_case), float(self.fixed_hours),
                                     bool(self.needs_backup)))

    def describe(self, lang: str = "zh") -> str:
        if lang == "zh":
            return (f"{_where(self.townships, lang)}：新增事项“{self.name}”（{self.office}，"
                    f"年办件量 {self.annual_volume:g}×{self.minutes_per_case:g} 分钟 + {self.fixed_hours:g} 小时）")
        return (f"{_where(self.townships, lang)}: new duty '{self.name}' ({self.office}, "
                f"{self.annual_volume:g} cases × {self.minutes_per_case:g} min + {self.fixed_hours:g} h)")


@dataclass
class DutyRemoved(Change):
    """A duty dropped (by exact name; in one office when given) from the named townships or all."""

    TYPE: ClassVar[str] = "duty_removed"
    name: str = ""
    townships: list[str] | None = None
    office: str | None = None

    def _is_it(self, d: DutyData) -> bool:
        return d.name == self.name and (self.office is None or d.office == self.office)

    def apply_county(self, county: CountyData) -> None:
        removed = 0
        for t in _scope(county, self.townships):
            before = len(t.duties)
            t.duties = [d for d in t.duties if not self._is_it(d)]
            if self.townships is not None and len(t.duties) == before:
                raise ChangeProblem(f"{t.name}没有事项“{self.name}”", f"{t.name} has no duty '{self.name}'")
            removed += before - len(t.duties)
        if removed == 0:
            raise ChangeProblem(f"没有任何乡镇有事项“{self.name}”", f"no township has a duty '{self.name}'")

    def describe(self, lang: str = "zh") -> str:
        if lang == "zh":
            return f"{_where(self.townships, lang)}：取消事项“{self.name}”"
        return f"{_where(self.townships, lang)}: remove duty '{self.name}'"


@dataclass
class ParamChange(Change):
    """A working-time or A/B parameter set to another value for this scenario."""

    TYPE: ClassVar[str] = "param"
    field: str = "backup_load_factor"
    value: float = 0.15

    def apply_county(self, county: CountyData) -> None:
        if self.field not in PARAMETER_RANGES:
            raise ChangeProblem(f"参数“{self.field}”不存在", f"no parameter named '{self.field}'")
        value = self.value
        if self.field == "max_backup_roles" and isinstance(value, float) and value.is_integer():
            value = int(value)
        try:
            county.params = replace(county.params, **{self.field: value}).validate()
        except (ParameterError, TypeError) as exc:
            raise ChangeProblem(f"参数值无效：{exc}", f"invalid parameter value: {exc}") from None

    def describe(self, lang: str = "zh") -> str:
        label = PARAMETER_RANGES.get(self.field, (0, 0, self.field))[2]
        if lang == "zh":
            return f"参数 {label} = {self.value:g}"
        return f"parameter {self.field.replace('_', ' ')} = {self.value:g}"


@dataclass
class LockTownship(Change):
    """A township locked (keeps its quota, rule 6) or unlocked for this scenario."""

    TYPE: ClassVar[str] = "lock"
    township: str = ""
    locked: bool = True

    def apply_county(self, county: CountyData) -> None:
        _township(county, self.township).locked = bool(self.locked)

    def describe(self, lang: str = "zh") -> str:
        if lang == "zh":
            return f"{'锁定' if self.locked else '解锁'} {self.township}"
        return f"{'lock' if self.locked else 'unlock'} {self.township}"


@dataclass
class Horizon(Change):
    """The plan horizon (规划年限) of this scenario: how many years its multi-year plan covers.

    A county change like a parameter: it sets the working copy's 规划年限, which
    planning.plan_job reads when no horizon is asked for explicitly.
    """

    TYPE: ClassVar[str] = "horizon"
    years: int = 5

    def apply_county(self, county: CountyData) -> None:
        years = self.years
        if isinstance(years, float) and years.is_integer():
            years = int(years)
        county.time = replace(county.time, horizon_years=_whole(years, "规划年限", "plan horizon", low=1, high=20))

    def describe(self, lang: str = "zh") -> str:
        if lang == "zh":
            return f"规划年限 {self.years:g} 年"
        return f"plan horizon {self.years:g} years"
