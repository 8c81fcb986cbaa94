"""Merging two townships into one and splitting one into two, as scenario changes.

Restructuring keeps the county whole: quota, staff, duties and offices are
combined or divided, never created, so totals per kind are unchanged and the
optimizer's rule "totals never grow" still holds against the baseline.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from planner.domain.county import CATEGORIES, KINDS, CountyData, DutyData, OfficeData, QuotaData, TownshipData
from planner.scenarios.changes import Change, ChangeProblem, _kind, _kind_label, _number, _township, _whole

# Bigger category first: a merged township takes the bigger of the two classes.
CATEGORY_RANK = {category: rank for rank, category in enumerate(CATEGORIES)}


def _not_locked(t: TownshipData) -> None:
    if t.locked:
        raise ChangeProblem(f"{t.name}已锁定（保持编制不变），不能合并或拆分；请先解锁",
                            f"{t.name} is locked (keeps its quota) and cannot be merged or split; unlock it first")


def _free_name(county: CountyData, name: str, allowed: set[str]) -> str:
    name = str(name).strip()
    if not name:
        raise ChangeProblem("新乡镇名称为空", "the new township has no name")
    if name not in allowed and any(t.name == name for t in county.townships):
        raise ChangeProblem(f"乡镇“{name}”已存在", f"a township named '{name}' already exists")
    return name


def _merged_duties(a: TownshipData, b: TownshipData) -> list[DutyData]:
    """Duties of both; a duty both carry becomes one with the summed volume and hours."""
    merged: dict[tuple[str, str], DutyData] = {}
    for d in [*a.duties, *b.duties]:
        key = (d.office, d.name)
        if key not in merged:
            merged[key] = DutyData(d.office, d.name, d.annual_volume, d.minutes_per_case, d.fixed_hours,
                                   d.needs_backup)
            continue
        m = merged[key]
        volume = m.annual_volume + d.annual_volume
        # The volume-weighted standard time keeps Σ case hours exactly.
        if volume > 0:
            m.minutes_per_case = (m.annual_volume * m.minutes_per_case + d.annual_volume * d.minutes_per_case) / volume
        else:
            m.minutes_per_case = max(m.minutes_per_case, d.minutes_per_case)
        m.annual_volume = volume
        m.fixed_hours += d.fixed_hours
        m.needs_backup = m.needs_backup or d.needs_backup
    return list(merged.values())


@dataclass
class Merge(Change):
    """Two townships become one: quota, staff, offices and duties combined.

    The merged township keeps the place of the first in the ledger order. Its
    leadership posts are the user's choice (a merged government has one team,
    not two); type comes from the first, category is the bigger of the two.
    """

    TYPE: ClassVar[str] = "merge"
    a: str = ""
    b: str = ""
    new_name: str = ""
    leadership: int = 0

    def apply_county(self, county: CountyData) -> None:
        if self.a == self.b:
            raise ChangeProblem("不能将乡镇与自身合并", "a township cannot be merged with itself")
        ta, tb = _township(county, self.a), _township(county, self.b)
        _not_locked(ta)
        _not_locked(tb)
        name = _free_name(county, self.new_name, {self.a, self.b})
        quotas: dict[str, QuotaData] = {}
        for kind in KINDS:
            qa, qb = ta.quotas.get(kind), tb.quotas.get(kind)
            if qa is None and qb is None:
                continue
            qa, qb = ta.quota(kind), tb.quota(kind)
            quotas[kind] = QuotaData(kind, qa.approved + qb.approved, qa.staff + qb.staff, 0)
        admin = quotas.get("administrative", QuotaData("administrative", 0, 0, 0))
        _whole(self.leadership, "合并后领导职数", "leadership posts of the merged township",
               low=0, high=admin.approved)
        if "administrative" in quotas:
            admin.leadership = int(self.leadership)
        offices = {o.name: o for o in ta.offices}
        for o in tb.offices:
            if o.name in offices and offices[o.name].kind != o.kind:
                raise ChangeProblem(f"两乡镇的“{o.name}”编制类型不同，不能合并",
                                    f"office '{o.name}' has different kinds in the two townships")
            offices.setdefault(o.name, OfficeData(o.name, o.kind))
        merged = TownshipData(
            name=name, type=ta.type,
            category=min(ta.category, tb.category, key=lambda c: CATEGORY_RANK.get(c, 9)),
            population=ta.population + tb.population, area_km2=round(ta.area_km2 + tb.area_km2, 1),
            villages=ta.villages + tb.villages, locked=False, quotas=quotas,
            offices=list(offices.values()), duties=_merged_duties(ta, tb), people=[*ta.people, *tb.people],
            hiring=[*ta.hiring, *tb.hiring], pool_loans=[*ta.pool_loans, *tb.pool_loans])
        index = county.townships.index(ta)
        county.townships[index] = merged
        county.townships.remove(tb)

    def describe(self, lang: str = "zh") -> str:
        if lang == "zh":
            return f"{self.a}与{self.b}合并为{self.new_name}（领导职数 {self.leadership}）"
        return f"merge {self.a} and {self.b} into {self.new_name} ({self.leadership} leadership posts)"


@dataclass
class Split(Change):
    """One township becomes two. share_a of every duty's volume and fixed hours goes to new_a.

    Staff and approved quota per kind go to new_a as given (default: share_a of
    each, rounded), the rest to new_b; both keep every office. Leadership posts
    of each new township are the user's choice (default: the old number each).
    Hiring plans and pool loans stay with new_a.
    """

    TYPE: ClassVar[str] = "split"
    township: str = ""
    new_a: str = ""
    new_b: str = ""
    share_a: float = 0.5
    approved_a: dict[str, int] | None = None
    staff_a: dict[str, int] | None = None
    leadership_a: int | None = None
    leadership_b: int | None = None

    def apply_county(self, county: CountyData) -> None:
        t = _township(county, self.township)
        _not_locked(t)
        share = _number(self.share_a, "拆分比例", "share of the first township", low=0, high=1)
        if not 0 < share < 1:
            raise ChangeProblem("拆分比例须在 0 与 1 之间（不含端点）", "the share must be strictly between 0 and 1")
        name_a = _free_name(county, self.new_a, {self.township})
        name_b = _free_name(county, self.new_b, {self.township})
        if name_a == name_b:
            raise ChangeProblem("拆分后的两个乡镇不能同名", "the two new townships need different names")
        for given in (self.approved_a or {}, self.staff_a or {}):
            for kind in given:
                _kind(kind)
        quotas_a: dict[str, QuotaData] = {}
        quotas_b: dict[str, QuotaData] = {}
        for kind, q in t.quotas.items():
            approved_a = (self.approved_a or {}).get(kind, round(q.approved * share))
            staff_a = (self.staff_a or {}).get(kind, round(q.staff * share))
            label = _kind_label(kind, "zh")
            _whole(approved_a, f"{name_a}{label}核定编制", f"{kind} approved quota of {name_a}", high=q.approved)
            _whole(staff_a, f"{name_a}{label}实有人数", f"{kind} staff of {name_a}", high=q.staff)
            quotas_a[kind] = QuotaData(kind, approved_a, staff_a, 0)
            quotas_b[kind] = QuotaData(kind, q.approved - approved_a, q.staff - staff_a, 0)
        old_lead = t.quota("administrative").leadership
        for quotas, lead, who in ((quotas_a, self.leadership_a, name_a), (quotas_b, self.leadership_b, name_b)):
            lead = old_lead if lead is None else lead
            if "administrative" in quotas:
                admin = quotas["administrative"]
                _whole(lead, f"{who}领导职数", f"leadership posts of {who}", high=admin.approved)
                admin.leadership = int(lead)

        def part(d: DutyData, f: float) -> DutyData:
            return DutyData(d.office, d.name, d.annual_volume * f, d.minutes_per_case, d.fixed_hours * f,
                            d.needs_backup)

        people_a, people_b = [], []
        taken = {kind: 0 for kind in KINDS}
        for p in t.people:
            if taken.get(p.kind, 0) < quotas_a.get(p.kind, QuotaData(p.kind, 0, 0)).staff:
                taken[p.kind] = taken.get(p.kind, 0) + 1
                people_a.append(p)
            else:
                people_b.append(p)

        def township(name: str, f: float, quotas: dict[str, QuotaData], people: list) -> TownshipData:
            return TownshipData(
                name=name, type=t.type, category=t.category, population=round(t.population * f),
                area_km2=round(t.area_km2 * f, 1), villages=round(t.villages * f), locked=False,
                quotas=quotas, offices=[OfficeData(o.name, o.kind) for o in t.offices],
                duties=[part(d, f) for d in t.duties], people=people)

        first = township(name_a, share, quotas_a, people_a)
        second = township(name_b, 1 - share, quotas_b, people_b)
        second.population = t.population - first.population
        second.villages = t.villages - first.villages
        # Hiring plans and pool loans are commitments of the old government: the first part,
        # which keeps its place in the ledger, carries them until the user divides them.
        first.hiring, first.pool_loans = list(t.hiring), list(t.pool_loans)
        index = county.townships.index(t)
        county.townships[index:index + 1] = [first, second]

    def describe(self, lang: str = "zh") -> str:
        share = round(self.share_a * 100)
        if lang == "zh":
            return f"{self.township}拆分为{self.new_a}（{share}%）与{self.new_b}（{100 - share}%）"
        return f"split {self.township} into {self.new_a} ({share}%) and {self.new_b} ({100 - share}%)"
