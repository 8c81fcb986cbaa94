"""Who covers whom: the stand-ins when people are away (leave, a training course).

For every duty one of whose A holders is away, the stand-in is, in order:
a B holder of the duty who is present; another A holder of it who is present;
a present person of the office's backup office (the one with the least load);
else nobody, and the duty is left without anyone. A stand-in takes over the
away holder's share of the duty's hours for the time of the absence; their
load meanwhile is their own A hours plus what they took over (the spare time a
B holder keeps is what this uses), compared with their time for duties.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from planner.domain.county import TownshipData
from planner.domain.posts import duty_hours_of, duty_label, holders, person_loads
from planner.domain.posts_check import TOLERANCE, share_words
from planner.domain.workload import WorkParams

BY_B, BY_A, BY_OFFICE = "B", "A", "office"


@dataclass(frozen=True)
class CoverLine:
    duty: str                   # the duty's label
    away: str                   # the A holder who is away
    stand_in: str | None        # who stands in (None: nobody)
    via: str | None             # B | A | office
    hours: float                # the away holder's share of the duty's annual hours

    def text(self, lang: str = "zh") -> str:
        if self.stand_in is None:
            return (f"{self.duty}: nobody stands in for {self.away}" if lang == "en"
                    else f"{self.duty}：{self.away} 不在，无人顶岗")
        how = {BY_B: ("B岗", "B holder"), BY_A: ("另一A岗", "other A holder"),
               BY_OFFICE: ("备岗机构", "backup office")}[self.via]
        return (f"{self.duty}: {self.stand_in} ({how[1]}) stands in for {self.away}" if lang == "en"
                else f"{self.duty}：{self.away} 不在，由 {self.stand_in}（{how[0]}）顶岗")


@dataclass
class CoverReport:
    away: list[str]
    lines: list[CoverLine] = field(default_factory=list)
    over: list[tuple[str, float]] = field(default_factory=list)   # (person, load share while covering)

    @property
    def uncovered(self) -> list[str]:
        """Duties left without anyone: every A holder away and nobody to stand in."""
        out = []
        for line in self.lines:
            if line.stand_in is None and line.duty not in out:
                out.append(line.duty)
        return out

    def summary(self, lang: str = "zh") -> list[str]:
        out = [line.text(lang) for line in self.lines]
        for name, share in self.over:
            out.append(f"{name} would carry {share_words(share)} people's work meanwhile" if lang == "en"
                       else f"{name} 在此期间承担 {share_words(share)} 人的工作量")
        return out


def who_covers(township: TownshipData, params: WorkParams, away: list[str] | set[str]) -> CoverReport:
    """The stand-ins of everyone in `away`, and who is then over their time."""
    away_set = set(away)
    report = CoverReport(sorted(away_set, key=_order(township)))
    a_of, b_of = holders(township)
    hours = duty_hours_of(township)
    loads = person_loads(township, params)
    extra: dict[str, float] = {}
    backup_of = {o.name: o.backup_office for o in township.offices}
    for duty in township.duties:
        ref = (duty.office, duty.name)
        a = a_of.get(ref, [])
        gone = [name for name in a if name in away_set]
        if not gone:
            continue
        share = hours.get(ref, 0.0) / len(a)
        for name in gone:
            stand_in, via = _stand_in(township, ref, a, b_of.get(ref, []), away_set, backup_of, loads, extra)
            if stand_in is not None:
                extra[stand_in] = extra.get(stand_in, 0.0) + share
            report.lines.append(CoverLine(duty_label(township, ref), name, stand_in, via, share))
    for name, added in extra.items():
        load = loads[name]
        if load.capacity_hours <= 0:
            report.over.append((name, float("inf")))
            continue
        meanwhile = (load.a_hours + added) / load.capacity_hours
        if meanwhile > 1 + TOLERANCE:
            report.over.append((name, meanwhile))
    report.over.sort(key=lambda item: _order(township)(item[0]))
    return report


def _stand_in(township, ref, a, b, away, backup_of, loads, extra) -> tuple[str | None, str | None]:
    for name in b:
        if name not in away and name not in a:
            return name, BY_B
    for name in a:
        if name not in away:
            return name, BY_A
    backup = backup_of.get(ref[0])
    if backup:
        present = [p.name for p in township.people if p.office == backup and p.name not in away
                   and not p.leader]
        if present:
            return min(present, key=lambda n: (loads[n].a_hours + extra.get(n, 0.0), present.index(n))), BY_OFFICE
    return None, None


def _order(township: TownshipData):
    index = {p.name: i for i, p in enumerate(township.people)}
    return lambda name: (index.get(name, len(index)), name)
