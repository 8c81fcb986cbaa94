"""The demo county's posts as its townships keep them today, with a few gaps to find.

Each office's duties go, largest first, to a person of the office's kind with
room left (one of the office's own people first, then the least A hours so
far; leaders hold none: the parameters count no time of theirs for duties);
each duty that needs backup gets as B the person of the same kind with room
for one more B role, of the same office first, other than its A holder. Then, from each township's
own random stream (the demo's quota, staff, duties and people stay exactly as
they were, and the solve never reads posts), a few gaps a real township has:
a B holder who was never named, a post whose holder left. Every demo county
has its public service centre backed by its general office (the seeds' 双AB岗).
"""

from __future__ import annotations

import math
import random

from planner.domain.county import CountyData, TownshipData
from planner.domain.posts import PostData
from planner.domain.workload import duty_hours, post_capacity_hours

SERVICE_CENTRE, GENERAL_OFFICE = "便民服务中心", "党政综合办公室"


def add_office_backups(county: CountyData) -> None:
    """The public service centre backed by the general office (the seeds' 双AB岗) where both exist."""
    for t in county.townships:
        names = {o.name for o in t.offices}
        for office in t.offices:
            if office.name == SERVICE_CENTRE and GENERAL_OFFICE in names:
                office.backup_office = GENERAL_OFFICE


def add_posts(county: CountyData, seed: int) -> None:
    capacity = post_capacity_hours(county.params)
    for t in county.townships:
        _arrange(t, random.Random(f"posts-{seed}-{t.name}"), capacity, int(county.params.max_backup_roles))


def _arrange(t: TownshipData, rng: random.Random, capacity: float, max_roles: int) -> None:
    # Posts name their holder, so two people of one name in a township hold none (the ledger
    # could not tell them apart): a clerk would add a distinguishing mark first.
    counts: dict[str, int] = {}
    for p in t.people:
        counts[p.name] = counts.get(p.name, 0) + 1
    workers = [p for p in t.people if not p.leader and counts[p.name] == 1]
    if not workers:
        return
    # Workers' names are unique here, so a person is looked up by name: comparing whole
    # records (list.index, `in`) made a province-sized demo quadratic in its staff.
    order = {p.name: i for i, p in enumerate(workers)}
    a_hours = {p.name: 0.0 for p in workers}
    b_roles = {p.name: 0 for p in workers}
    posts: dict[str, PostData] = {}
    kinds = t.office_kinds()
    for office in t.offices:
        own = [p for p in workers if p.kind == office.kind] or workers
        own_order = {p.name: i for i, p in enumerate(own)}
        duties = sorted((d for d in t.duties if d.office == office.name), key=lambda d: -duty_hours(d))
        for duty in duties:
            hours = duty_hours(duty)
            parts = max(1, math.ceil(hours / capacity - 1e-9))   # a duty too big for one: several A holders
            chosen, taken = [], set()
            for _ in range(min(parts, len(own))):
                rest = [p for p in own if p.name not in taken]
                holder = min(rest, key=lambda p: (a_hours[p.name] + hours / parts > capacity * 0.85,
                                                  p.office != office.name, a_hours[p.name], own_order[p.name]))
                chosen.append(holder)
                taken.add(holder.name)
                a_hours[holder.name] += hours / parts
                _post(posts, holder, office.name).a_duties.append((duty.office, duty.name))
            if not duty.needs_backup:
                continue
            mates = [p for p in workers if p.kind == kinds[duty.office] and p.name not in taken] or \
                    [p for p in workers if p.name not in taken]
            for _ in range(min(len(chosen), len(mates))):
                backup = min(mates, key=lambda p: (b_roles[p.name] >= max_roles, p.office != duty.office,
                                                   b_roles[p.name], order[p.name]))
                mates.remove(backup)
                b_roles[backup.name] += 1
                _post(posts, backup, duty.office).b_duties.append((duty.office, duty.name))
    t.posts = [posts[p.name] for p in workers if p.name in posts]
    _gaps(t, rng)


def _post(posts: dict[str, PostData], person, office: str) -> PostData:
    return posts.setdefault(person.name, PostData(person.office or office, f"{person.name}岗", person.name))


def _gaps(t: TownshipData, rng: random.Random) -> None:
    backed = [p for p in t.posts if p.b_duties]
    if backed and rng.random() < 0.7:          # a B holder never named
        post = rng.choice(backed)
        post.b_duties.pop(rng.randrange(len(post.b_duties)))
    if len(t.posts) > 3 and rng.random() < 0.4:   # a holder who left; the post waits for someone
        rng.choice(t.posts).holder = None
