"""Office-level backup (岗位AB岗): the office that stands in when another one is away.

The seeds' township made its public service centre post A and its general
office post B, so the counter is never unmanned. Here each office may name a
backup office (备岗机构); the check is that the backup office has room for the
backed-up office's counter work at the backup load factor:

    need  = backup_load_factor × counter hours of the backed-up office
    spare = time for duties of the backup office's people (leaders excepted)
            − what they carry under the township's posts (before any post is on
              file: the hours of the backup office's own duties)

Counter work is the case work (annual volume × minutes per case) of the duties
that need backup: what residents bring to a counter. Fixed annual hours (Party
building, stability, emergency duty) wait for the office's own people.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.domain.county import TownshipData
from planner.domain.posts import person_capacity, person_loads
from planner.domain.workload import WorkParams, case_hours, duty_hours

TOLERANCE = 1e-6


@dataclass(frozen=True)
class OfficeBackup:
    office: str
    backup: str | None          # the backup office named (or proposed)
    need_hours: float           # what the backup office must absorb
    spare_hours: float          # what it has room for (0 when no backup is named)
    proposed: bool = False      # the planner's suggestion, not the ledger's

    @property
    def ok(self) -> bool:
        return self.backup is not None and self.spare_hours + TOLERANCE >= self.need_hours

    def text(self, lang: str = "zh") -> str:
        if self.backup is None and self.proposed:
            return (f"{self.office} has no backup office and none can absorb its counter work "
                    f"({self.need_hours:.0f} h)" if lang == "en" else
                    f"{self.office} 没有备岗机构，也没有机构能承接其窗口工作（{self.need_hours:.0f} 小时）")
        if self.backup is None:
            return (f"{self.office} has no backup office for its counter work ({self.need_hours:.0f} h)"
                    if lang == "en" else f"{self.office} 没有备岗机构（窗口工作 {self.need_hours:.0f} 小时）")
        if lang == "en":
            verb = "suggested backup" if self.proposed else "backup"
            state = "can absorb" if self.ok else "cannot absorb"
            return (f"{self.office}: {verb} {self.backup} {state} its counter work "
                    f"({self.need_hours:.0f} h needed, {self.spare_hours:.0f} h spare)")
        verb = "建议由" if self.proposed else "由"
        state = "可以承接" if self.ok else "无法承接"
        return (f"{self.office}：{verb} {self.backup} 备岗，{state}其窗口工作"
                f"（需 {self.need_hours:.0f} 小时，余 {self.spare_hours:.0f} 小时）")


def counter_hours(township: TownshipData, office: str) -> float:
    return sum(case_hours(d.annual_volume, d.minutes_per_case) for d in township.duties
               if d.office == office and d.needs_backup)


def spare_hours(township: TownshipData, office: str, params: WorkParams) -> float:
    """Room left in an office's people: their time less what they carry under the township's posts,
    or, before any post is on file, less the hours of the office's own duties."""
    people = [p for p in township.people if p.office == office]
    if township.posts:
        loads = person_loads(township, params)
        return sum(person_capacity(p, params) - loads[p.name].load_hours for p in people)
    time = sum(person_capacity(p, params) for p in people)
    return time - sum(duty_hours(d) for d in township.duties if d.office == office)


def office_backups(township: TownshipData, params: WorkParams) -> list[OfficeBackup]:
    """Every office with counter work or a backup named: whether its backup office can absorb it."""
    lines = []
    for office in township.offices:
        need = params.backup_load_factor * counter_hours(township, office.name)
        if office.backup_office is None and need <= TOLERANCE:
            continue
        spare = spare_hours(township, office.backup_office, params) if office.backup_office else 0.0
        lines.append(OfficeBackup(office.name, office.backup_office, need, spare))
    return lines


def propose_pairing(township: TownshipData, params: WorkParams) -> list[OfficeBackup]:
    """A backup office for each office with counter work and none named.

    Largest need first, each takes the office with the most room left (of its own
    kind first), and that room shrinks by what it took: one backup office may stand
    in for two offices only if it can absorb both. Ties go to the ledger's order.
    """
    room = {o.name: spare_hours(township, o.name, params) for o in township.offices}
    for line in office_backups(township, params):   # what named pairings already take
        if line.backup is not None and line.backup in room:
            room[line.backup] -= line.need_hours
    kinds = township.office_kinds()
    order = {o.name: i for i, o in enumerate(township.offices)}
    wanting = [(params.backup_load_factor * counter_hours(township, o.name), o.name) for o in township.offices
               if o.backup_office is None]
    wanting = sorted((w for w in wanting if w[0] > TOLERANCE), key=lambda w: (-w[0], order[w[1]]))
    proposals = []
    for need, office in wanting:
        candidates = [name for name in room if name != office and room[name] + TOLERANCE >= need]
        if not candidates:
            proposals.append(OfficeBackup(office, None, need, 0.0, proposed=True))
            continue
        best = min(candidates, key=lambda n: (kinds[n] != kinds[office], -room[n], order[n]))
        proposals.append(OfficeBackup(office, best, need, room[best], proposed=True))
        room[best] -= need
    return proposals
