"""Posts as a township keeps them (岗位设置): who holds which duties as A and as B.

A post belongs to an office, has one holder (a person on file, or nobody yet)
and lists the duties it holds as A (主办) and stands in for as B (备岗). Duties
are named by (office, duty name), because two offices may each have a duty of
the same name. This module holds the plain data and the figures every view of
the arrangement shares: a duty's hours, each person's load and time.

A person's load follows the A/B design's rule (optimizer.ab_design): the A
hours they carry plus backup_load_factor × the hours they back up. A duty held
as A by several people is shared equally among them, and so is its backup.
Leaders' time is not counted as capacity for case work (interfaces.md), so a
leader's time for duties is nil and any duty on a leader shows as over time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from planner.domain.workload import WorkParams, duty_hours, post_capacity_hours

if TYPE_CHECKING:  # county.py imports this module
    from planner.domain.county import PersonData, TownshipData

DutyRef = tuple[str, str]        # (office, duty name)
LIST_SEPARATORS = ("、", ";", "；")


@dataclass
class PostData:
    """One post of a township's arrangement."""

    office: str
    name: str
    holder: str | None = None                               # a person's name, None: vacant
    a_duties: list[DutyRef] = field(default_factory=list)   # held as A
    b_duties: list[DutyRef] = field(default_factory=list)   # backed up as B


@dataclass
class PersonLoad:
    """What one person carries under the arrangement, against their time for duties."""

    name: str
    capacity_hours: float
    a_hours: float = 0.0
    b_load_hours: float = 0.0
    b_roles: int = 0
    leader: bool = False

    @property
    def load_hours(self) -> float:
        return self.a_hours + self.b_load_hours

    @property
    def share(self) -> float | None:
        """Load ÷ time for duties: 1.3 means 1.3 people's work. None for a leader (no time counted)."""
        if self.capacity_hours <= 0:
            return None
        return self.load_hours / self.capacity_hours


def duty_refs(township: "TownshipData") -> list[DutyRef]:
    return [(d.office, d.name) for d in township.duties]


def duty_label(township: "TownshipData", ref: DutyRef) -> str:
    """The duty's name, with its office when another office has a duty of the same name."""
    same = sum(1 for d in township.duties if d.name == ref[1])
    return ref[1] if same <= 1 else f"{ref[0]}·{ref[1]}"


def duty_hours_of(township: "TownshipData") -> dict[DutyRef, float]:
    return {(d.office, d.name): duty_hours(d) for d in township.duties}


def person_capacity(person: "PersonData | None", params: WorkParams) -> float:
    """Hours a person can give to duties in a year: a post's capacity; a leader's is nil."""
    if person is not None and person.leader:
        return 0.0
    return post_capacity_hours(params)


def holders(township: "TownshipData") -> tuple[dict[DutyRef, list[str]], dict[DutyRef, list[str]]]:
    """(A holders, B holders) of every duty, in post order, each name once; vacant posts hold nothing."""
    a: dict[DutyRef, list[str]] = {ref: [] for ref in duty_refs(township)}
    b: dict[DutyRef, list[str]] = {ref: [] for ref in duty_refs(township)}
    for post in township.posts:
        if not post.holder:
            continue
        for refs, table in ((post.a_duties, a), (post.b_duties, b)):
            for ref in refs:
                names = table.setdefault(ref, [])
                if post.holder not in names:
                    names.append(post.holder)
    return a, b


def person_loads(township: "TownshipData", params: WorkParams,
                 posts: list[PostData] | None = None) -> dict[str, PersonLoad]:
    """Every person's load under the arrangement (people on file first, in file order)."""
    posts = township.posts if posts is None else posts
    people = {p.name: p for p in township.people}
    loads = {name: PersonLoad(name, person_capacity(p, params), leader=bool(p.leader))
             for name, p in people.items()}
    view = _with_posts(township, posts)
    a_of, b_of = holders(view)
    hours = duty_hours_of(township)
    for ref, names in a_of.items():
        for name in names:
            load = loads.setdefault(name, PersonLoad(name, person_capacity(None, params)))
            load.a_hours += hours.get(ref, 0.0) / len(names)
    for ref, names in b_of.items():
        for name in names:
            load = loads.setdefault(name, PersonLoad(name, person_capacity(None, params)))
            load.b_load_hours += params.backup_load_factor * hours.get(ref, 0.0) / len(names)
            load.b_roles += 1
    return loads


def _with_posts(township: "TownshipData", posts: list[PostData]) -> "TownshipData":
    if posts is township.posts:
        return township
    from dataclasses import replace
    return replace(township, posts=posts)


def split_duty_list(text: str | None) -> list[str]:
    """Duty names of one cell: separated by 、 or ; (full- or half-width), blanks dropped."""
    if text is None:
        return []
    parts = [str(text)]
    for sep in LIST_SEPARATORS:
        parts = [piece for part in parts for piece in part.split(sep)]
    return [p.strip() for p in parts if p.strip()]
