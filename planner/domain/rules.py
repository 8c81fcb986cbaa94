"""Standing checks (编制标准): the rules a county's staffing office measures each township against.

Three kinds of rule, each a range with an optional low and high end:
- the category band of a kind of quota (domain.md soft preference 5; e.g. Jiangsu's 2007
  standard puts administrative quota at about 30/35/40 and institutional at 35/40/45 for
  townships of categories 三类/二类/一类);
- the leadership-post standard of a category (e.g. 5–7 posts, as Sichuan's 2006 rule has it);
- the most offices (内设机构) a township may have of a kind.

They are advice, never a hard rule: a township outside them gets a warning in the ledger and in
its assessment, and a scenario may take the bands as solve bands (planner.scenarios.changes.LibraryBands).
Plain data, no database: planner.services.rules loads and saves the library.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from planner.domain.county import CATEGORIES, KINDS, TownshipData
from planner.domain.vocabulary import category_label, is_chinese, kind_label
from planner.errors import UserError

BAND, LEADERSHIP, OFFICES = "band", "leadership", "offices"
RULE_TYPES = (BAND, LEADERSHIP, OFFICES)
MOST = 10_000   # no standard names a quota or a count this high: a typing slip


class RulesError(UserError, ValueError):
    """A rule the library cannot hold (low above high, a negative or absurd number)."""


@dataclass(frozen=True)
class Range:
    """low … high, either end open (None)."""

    low: int | None = None
    high: int | None = None

    @property
    def empty(self) -> bool:
        return self.low is None and self.high is None

    def below(self, value: int) -> bool:
        return self.low is not None and value < self.low

    def above(self, value: int) -> bool:
        return self.high is not None and value > self.high

    def holds(self, value: int) -> bool:
        return not self.below(value) and not self.above(value)

    def text(self) -> str:
        """5–7, ≥ 5, ≤ 7 (the same in both languages)."""
        if self.low is not None and self.high is not None:
            return str(self.low) if self.low == self.high else f"{self.low}–{self.high}"
        if self.low is not None:
            return f"≥ {self.low}"
        if self.high is not None:
            return f"≤ {self.high}"
        return "—"


@dataclass(frozen=True)
class RuleWarning:
    """One township outside one rule, in words for the ledger's tooltip and the assessment."""

    township: str
    rule: str                   # BAND | LEADERSHIP | OFFICES
    kind: str | None
    value: int
    standard: Range
    zh: str
    en: str

    def text(self, lang: str | None = "zh") -> str:
        return self.zh if is_chinese(lang) else self.en


@dataclass
class RulesLibrary:
    """The county's standing checks; an empty library checks nothing."""

    bands: dict[tuple[str, str], Range] = field(default_factory=dict)     # (category, kind) -> quota band
    leadership: dict[str, Range] = field(default_factory=dict)            # category -> leadership posts
    offices: dict[str, int] = field(default_factory=dict)                 # kind -> most offices per township

    def band(self, category: str, kind: str) -> Range:
        return self.bands.get((category, kind)) or Range()

    def leadership_standard(self, category: str) -> Range:
        return self.leadership.get(category) or Range()

    def office_limit(self, kind: str) -> int | None:
        return self.offices.get(kind)

    def checked(self) -> "RulesLibrary":
        """The library itself when every rule makes sense; RulesError naming the first that does not."""
        for (category, kind), r in self.bands.items():
            _check_range(r, f"{category}{kind_label(kind, 'zh', long=True)}区间",
                         f"{kind_label(kind, 'en')} band of {category_label(category, 'en')}")
            if category not in CATEGORIES or kind not in KINDS:
                raise RulesError(f"未知的类别或编制类型：{category}/{kind}",
                                 message_en=f"unknown category or kind: {category}/{kind}")
        for category, r in self.leadership.items():
            _check_range(r, f"{category}领导职数标准", f"leadership standard of {category_label(category, 'en')}")
            if category not in CATEGORIES:
                raise RulesError(f"未知的类别：{category}", message_en=f"unknown category: {category}")
        for kind, limit in self.offices.items():
            if kind not in KINDS:
                raise RulesError(f"未知的编制类型：{kind}", message_en=f"unknown kind: {kind}")
            _check_number(limit, f"{kind_label(kind, 'zh')}内设机构上限",
                          f"most {kind_label(kind, 'en')} offices")
        return self

    def rows(self) -> list[tuple[str, str, str, int | None, int | None]]:
        """(rule, category, kind, low, high) rows as stored, in a fixed order ("" for none)."""
        out = [(BAND, c, k, r.low, r.high) for (c, k), r in sorted(self.bands.items()) if not r.empty]
        out += [(LEADERSHIP, c, "", r.low, r.high) for c, r in sorted(self.leadership.items()) if not r.empty]
        out += [(OFFICES, "", k, None, n) for k, n in sorted(self.offices.items()) if n is not None]
        return out

    @classmethod
    def from_rows(cls, rows) -> "RulesLibrary":
        library = cls()
        for rule, category, kind, low, high in rows:
            if rule == BAND:
                library.bands[(category, kind)] = Range(low, high)
            elif rule == LEADERSHIP:
                library.leadership[category] = Range(low, high)
            elif rule == OFFICES and high is not None:
                library.offices[kind] = int(high)
        return library


def _check_number(value, what_zh: str, what_en: str) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MOST:
        raise RulesError(f"{what_zh}应为 0 至 {MOST} 之间的整数，实为 {value!r}",
                         message_en=f"{what_en} should be a whole number from 0 to {MOST}, is {value!r}")


def _check_range(r: Range, what_zh: str, what_en: str) -> None:
    _check_number(r.low, what_zh + "下限", what_en + " (low)")
    _check_number(r.high, what_zh + "上限", what_en + " (high)")
    if r.low is not None and r.high is not None and r.low > r.high:
        raise RulesError(f"{what_zh}：下限 {r.low} 大于上限 {r.high}",
                         message_en=f"{what_en}: low {r.low} is above high {r.high}")


def example_library() -> RulesLibrary:
    """The examples a new ledger starts with; every county replaces them with its own standard.

    Bands after Jiangsu's 2007 standard (townships under 50k / 50–70k / over 70k people:
    administrative about 30/35/40, institutional about 35/40/45), read as the most a township of
    category 三类/二类/一类 should hold; leadership posts 5–7 (Sichuan 2006); at most 7
    administrative offices and 6 institutional units (a county's 5–6 and 3–6 in domain.md).
    """
    bands = {}
    for category, admin, inst in (("一类", 40, 45), ("二类", 35, 40), ("三类", 30, 35)):
        bands[(category, "administrative")] = Range(None, admin)
        bands[(category, "institutional")] = Range(None, inst)
    return RulesLibrary(bands=bands, leadership={c: Range(5, 7) for c in CATEGORIES},
                        offices=dict(administrative=7, institutional=6))


def township_warnings(township: TownshipData, rules: RulesLibrary) -> list[RuleWarning]:
    """Every rule of the library the township is outside of, in kind order."""
    found: list[RuleWarning] = []
    name, category = township.name, township.category
    for kind in KINDS:
        band = rules.band(category, kind)
        approved = township.quota(kind).approved
        if (kind in township.quotas or approved) and not band.empty and not band.holds(approved):
            zh_dir, en_dir = ("低于", "below") if band.below(approved) else ("高于", "above")
            found.append(RuleWarning(
                name, BAND, kind, approved, band,
                f"{kind_label(kind, 'zh', long=True)}核定 {approved} 名，{zh_dir}{category}标准 {band.text()}",
                f"{kind_label(kind, 'en', cap=True)} quota {approved} is {en_dir} the "
                f"{category_label(category, 'en')} band {band.text()}"))
    standard = rules.leadership_standard(category)
    posts = township.quota("administrative").leadership
    if not standard.empty and not standard.holds(posts):
        zh_dir, en_dir = ("少于", "fewer than") if standard.below(posts) else ("超出", "more than")
        found.append(RuleWarning(name, LEADERSHIP, "administrative", posts, standard,
                                 f"领导职数 {posts} 名，{zh_dir}标准 {standard.text()}",
                                 f"{posts} leadership posts, {en_dir} the standard {standard.text()}"))
    for kind in KINDS:
        limit = rules.office_limit(kind)
        count = sum(1 for o in township.offices if o.kind == kind)
        if limit is not None and count > limit:
            found.append(RuleWarning(name, OFFICES, kind, count, Range(None, limit),
                                     f"{kind_label(kind, 'zh')}内设机构 {count} 个，超过上限 {limit} 个",
                                     f"{count} {kind_label(kind, 'en')} offices, more than the limit of {limit}"))
    return found
