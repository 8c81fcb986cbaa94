"""A named roster: the optimiser's minimal A/B design given to a township's people.

The design (optimizer.ab_design) says how few posts cover the township's
duties of each kind with A/B backup; optimizer.roster_assign gives each post
to a person on file, keeping duties with their A holders of today first (then
their B holders), people in their own kind and office, and then balancing
load against each person's time (leaders have none for duties, per the
parameters). The result says what changes against today's arrangement, which
duties stay uncovered when the township has fewer people than posts, and what
one more person would cover.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from optimizer.inputs import DesignInput, DutyLoad
from optimizer.roster_assign import Candidate, RosterCost, Slot, assign, cost_of, one_more
from planner.domain.county import KINDS, TownshipData
from planner.domain.lines import duty_labels
from planner.domain.posts import DutyRef, PostData, duty_label, holders, person_capacity
from planner.domain.vocabulary import kind_label
from planner.domain.workload import WorkParams, duty_hours, post_capacity_hours

PART = re.compile(r"（\d+/\d+）$")
ROSTER_MAX_NODES = 500      # the design's work limit, as in a solve: the same roster every time


@dataclass(frozen=True)
class NamedPost:
    kind: str
    post: str                       # the design's name (岗位1 …) within the kind
    office: str | None
    holder: str | None
    a: tuple[DutyRef, ...]
    b: tuple[DutyRef, ...]
    load_hours: float


@dataclass(frozen=True)
class Change:
    duty: str
    role: str                       # A | B
    before: tuple[str, ...]
    after: tuple[str, ...]

    def text(self, lang: str = "zh") -> str:
        was = "、".join(self.before) or ("nobody" if lang == "en" else "无人")
        now = "、".join(self.after) or ("nobody" if lang == "en" else "无人")
        return (f"{self.duty} {self.role}: {was} → {now}" if lang == "en"
                else f"{self.duty} {self.role}岗：{was} → {now}")


@dataclass
class NamedRoster:
    township: str
    posts: list[NamedPost] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    uncovered_a: list[str] = field(default_factory=list)     # duties without an A holder
    uncovered_b: list[str] = field(default_factory=list)     # duties needing backup without a B holder
    one_more: dict[str, list[str]] = field(default_factory=dict)   # kind -> duties one more person would hold as A
    costs: dict[str, RosterCost] = field(default_factory=dict)

    def as_posts(self) -> list[PostData]:
        """The roster as the ledger keeps posts (to compare or to adopt)."""
        return [PostData(p.office or "", p.post, p.holder, list(p.a), list(p.b)) for p in self.posts]

    def summary(self, lang: str = "zh") -> list[str]:
        en = lang == "en"
        lines = []
        for kind, cost in self.costs.items():
            word = kind_label(kind, lang="en" if en else "zh")
            lines.append(f"{word}: {cost.a_changes} A and {cost.b_changes} B holders change" if en
                         else f"{word}：A岗变动 {cost.a_changes} 项，B岗变动 {cost.b_changes} 项")
        if self.uncovered_a:
            lines.append(("Without an A holder: " if en else "无人承担A岗：") + "、".join(self.uncovered_a))
        if self.uncovered_b:
            lines.append(("Without a B holder: " if en else "无人承担B岗：") + "、".join(self.uncovered_b))
        for kind, duties in self.one_more.items():
            word = kind_label(kind, lang="en" if en else "zh")
            lines.append(f"One more {word} person would hold as A: " + "、".join(duties) if en
                         else f"再增加1名{word}人员可承担A岗：" + "、".join(duties))
        return lines


def _design_input(township: TownshipData, kind: str, params: WorkParams, exempt) -> tuple[DesignInput, dict]:
    labels = duty_labels(township, kind)
    refs = {label: (d.office, d.name) for label, d in labels}
    duties = tuple(DutyLoad(label, duty_hours(d), bool(d.needs_backup) and not exempt(township.name, d.name))
                   for label, d in labels)
    return DesignInput(township.name, kind, duties, post_capacity_hours(params), params.backup_load_factor,
                       int(params.max_backup_roles)), refs


def _ref(refs: dict[str, DutyRef], label: str) -> DutyRef:
    return refs[label] if label in refs else refs[PART.sub("", label)]


def _unique(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name}（{seen[name]}）")
    return out


def named_roster(township: TownshipData, params: WorkParams, *, exempt=lambda township, duty: False,
                 max_nodes: int = ROSTER_MAX_NODES) -> NamedRoster:
    """The design of every kind with duties, given to the township's people."""
    # Imported here: the LP libraries (pulp, highspy) cost a noticeable part of the window's
    # start-up, and the posts tab needs them only when a roster is worked out.
    from optimizer.ab_design import design_posts

    params = params.validate()
    roster = NamedRoster(township.name)
    names = _unique([p.name for p in township.people])
    a_now, b_now = holders(township)
    held_a = {n: frozenset(f"{r[0]}·{r[1]}" for r, who in a_now.items() if n in who) for n in names}
    held_b = {n: frozenset(f"{r[0]}·{r[1]}" for r, who in b_now.items() if n in who) for n in names}
    people = [Candidate(n, p.kind, p.office, person_capacity(p, params), held_a[n], held_b[n])
              for n, p in zip(names, township.people)]
    after_a: dict[DutyRef, list[str]] = {}
    after_b: dict[DutyRef, list[str]] = {}
    slots_of: dict[str, list[Slot]] = {}
    for kind in KINDS:
        design_input, refs = _design_input(township, kind, params, exempt)
        if not design_input.duties:
            continue
        design = design_posts(design_input, max_nodes=max_nodes)
        hours = {d.name: d.hours for d in design_input.duties}
        slots = []
        for post in design.posts:
            a = tuple(dict.fromkeys(_ref(refs, label) for label in post.a))
            b = tuple(dict.fromkeys(_ref(refs, label) for label in post.b))
            weight: dict[str, float] = {}
            for ref in a:
                weight[ref[0]] = weight.get(ref[0], 0.0) + hours.get(ref[1], 0.0)
            office = max(weight, key=lambda o: (weight[o], -list(weight).index(o))) if weight else None
            slots.append(Slot(f"{kind}/{post.name}", kind, office, tuple(f"{r[0]}·{r[1]}" for r in a),
                              tuple(f"{r[0]}·{r[1]}" for r in b), post.a_hours, post.load_hours))
            roster.posts.append(NamedPost(kind, post.name, office, None, a, b, post.load_hours))
        slots_of[kind] = slots
    every_slot = [s for slots in slots_of.values() for s in slots]
    found = assign(every_slot, people)
    index = {s.key: i for i, s in enumerate(every_slot)}
    for kind, slots in slots_of.items():
        roster.costs[kind] = cost_of(slots, people, {s.key: found.holder[s.key] for s in slots})
    for i, post in enumerate(roster.posts):
        holder = found.holder[every_slot[i].key]
        roster.posts[i] = NamedPost(post.kind, post.post, post.office, holder, post.a, post.b, post.load_hours)
        if holder is None:
            continue
        for ref in post.a:
            after_a.setdefault(ref, []).append(holder)
        for ref in post.b:
            after_b.setdefault(ref, []).append(holder)
    for duty in township.duties:
        ref = (duty.office, duty.name)
        label = duty_label(township, ref)
        if duty_hours(duty) > 0 and not after_a.get(ref):
            roster.uncovered_a.append(label)
        backed = bool(duty.needs_backup) and not exempt(township.name, duty.name)
        if duty_hours(duty) > 0 and backed and not after_b.get(ref):
            roster.uncovered_b.append(label)
        for role, before, after in (("A", a_now, after_a), ("B", b_now, after_b)):
            was, now = tuple(before.get(ref, [])), tuple(after.get(ref, []))
            if set(was) != set(now):
                roster.changes.append(Change(label, role, was, now))
    for kind, slots in slots_of.items():
        if any(found.holder[s.key] is None for s in slots):
            # Those who hold another kind's post stay where they are: the question is this kind's posts.
            elsewhere = {found.holder[s.key] for s in every_slot if s.kind != kind}
            free = [p for p in people if p.name not in elsewhere]
            keys = one_more(slots, free, kind, post_capacity_hours(params), name="+1")
            duties = [duty_label(township, ref) for key in keys for ref in roster.posts[index[key]].a]
            roster.one_more[kind] = list(dict.fromkeys(duties))
    return roster
