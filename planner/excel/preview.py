"""What an import will change: townships added, changed, removed; totals before and after.

Shown in the window's confirmation dialog and on the command line's stderr
before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from planner.domain.county import KINDS, CountyData, TownshipData
from planner.domain.vocabulary import kind_label
from planner.excel.problems import is_english
from planner.domain.workload import PARAMETER_RANGES

PART_LABELS = {
    "basic": ("基本信息", "details"), "quota": ("编制", "quota"), "offices": ("内设机构", "offices"),
    "duties": ("职责事项", "duties"), "people": ("人员", "people"),
}
_BASIC = ("type", "category", "population", "area_km2", "villages", "locked")


@dataclass(frozen=True)
class KindTotals:
    approved: int = 0
    staff: int = 0
    leadership: int = 0

    @property
    def vacancy(self) -> int:
        return max(0, self.approved - self.staff)


@dataclass
class ImportPreview:
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[tuple[str, list[str]]] = field(default_factory=list)  # (township, parts changed)
    unchanged: int = 0
    totals_before: dict[str, KindTotals] = field(default_factory=dict)
    totals_after: dict[str, KindTotals] = field(default_factory=dict)
    params_changed: list[tuple[str, float, float]] = field(default_factory=list)
    county_before: str = ""
    county_after: str = ""
    over_quota: list[tuple[str, str, int, int]] = field(default_factory=list)  # township, kind, approved, staff
    duties_before: int = 0
    duties_after: int = 0

    @property
    def has_changes(self) -> bool:
        return bool(self.added or self.removed or self.changed or self.params_changed
                    or self.county_before != self.county_after)

    def lines(self, lang: str = "zh_CN", limit: int = 30) -> list[str]:
        """A short account for people: counts, the first names, totals per kind."""
        en = is_english(lang)
        out = []

        def names(items: list[str]) -> str:
            shown = "、".join(items[:limit]) if not en else ", ".join(items[:limit])
            more = len(items) - limit
            if more > 0:
                shown += f" … (+{more})" if en else f" 等（另 {more} 个）"
            return shown

        if self.county_before != self.county_after:
            out.append(f"County: {self.county_before or '—'} → {self.county_after}" if en
                       else f"县名称：{self.county_before or '—'} → {self.county_after}")
        if en:
            out.append(f"Townships added {len(self.added)}, changed {len(self.changed)}, "
                       f"removed {len(self.removed)}, unchanged {self.unchanged}")
        else:
            out.append(f"乡镇：新增 {len(self.added)} 个，变更 {len(self.changed)} 个，"
                       f"删除 {len(self.removed)} 个，不变 {self.unchanged} 个")
        if self.added:
            out.append(("  added: " if en else "  新增：") + names(self.added))
        if self.changed:
            parts = [f"{name} ({', '.join(PART_LABELS[p][1] for p in what)})" if en
                     else f"{name}（{'、'.join(PART_LABELS[p][0] for p in what)}）"
                     for name, what in self.changed]
            out.append(("  changed: " if en else "  变更：") + names(parts))
        if self.removed:
            out.append(("  removed: " if en else "  删除：") + names(self.removed))
        for kind in KINDS:
            b = self.totals_before.get(kind, KindTotals())
            a = self.totals_after.get(kind, KindTotals())
            label = kind if en else kind_label(kind, long=True)
            if en:
                out.append(f"{label}: approved {b.approved} → {a.approved}, staff {b.staff} → {a.staff}")
            else:
                out.append(f"{label}：核定 {b.approved} → {a.approved}，实有 {b.staff} → {a.staff}")
        out.append(f"Duties {self.duties_before} → {self.duties_after}" if en
                   else f"职责事项：{self.duties_before} → {self.duties_after} 项")
        for name, before, after in self.params_changed:
            out.append(f"Parameter {name}: {before:g} → {after:g}" if en
                       else f"参数 {PARAMETER_RANGES[name][2]}：{before:g} → {after:g}")
        if self.over_quota:
            items = [f"{t} {k} +{s - a}" if en else f"{t}{kind_label(k)}超编{s - a}人"
                     for t, k, a, s in self.over_quota]
            out.append(("Over quota (not an error): " if en else "超编（提示，不是错误）：") + names(items))
        return out


def kind_totals(county: CountyData) -> dict[str, KindTotals]:
    sums = {k: [0, 0, 0] for k in KINDS}
    for t in county.townships:
        for q in t.quotas.values():
            s = sums[q.kind]
            s[0] += q.approved
            s[1] += q.staff
            s[2] += q.leadership
    return {k: KindTotals(*v) for k, v in sums.items()}


def _changed_parts(a: TownshipData, b: TownshipData) -> list[str]:
    parts = []
    if any(getattr(a, f) != getattr(b, f) for f in _BASIC):
        parts.append("basic")
    if a.quotas != b.quotas:
        parts.append("quota")
    for part in ("offices", "duties", "people"):
        if getattr(a, part) != getattr(b, part):
            parts.append(part)
    return parts


def build_preview(before: CountyData, after: CountyData) -> ImportPreview:
    old = {t.name: t for t in before.townships}
    new = {t.name: t for t in after.townships}
    preview = ImportPreview(
        added=[n for n in new if n not in old], removed=[n for n in old if n not in new],
        totals_before=kind_totals(before), totals_after=kind_totals(after),
        county_before=before.name, county_after=after.name,
        duties_before=sum(len(t.duties) for t in before.townships),
        duties_after=sum(len(t.duties) for t in after.townships))
    for name, t in new.items():
        if name in old:
            parts = _changed_parts(old[name], t)
            if parts:
                preview.changed.append((name, parts))
            else:
                preview.unchanged += 1
        for q in t.quotas.values():
            if q.staff > q.approved:
                preview.over_quota.append((name, q.kind, q.approved, q.staff))
    for f in fields(before.params):
        b, a = getattr(before.params, f.name), getattr(after.params, f.name)
        if b != a:
            preview.params_changed.append((f.name, b, a))
    return preview
