"""Checks of a township's posts: the gaps of its A/B arrangement, in words.

The rules are the A/B design's (domain.md): every duty that needs backup has an
A holder and a different B holder; nobody carries more than their time for
duties (A hours + backup_load_factor × B hours, see planner.domain.posts); at
most max_backup_roles B roles each. A duty without backup need only needs its
A holder. The findings name the duty or the person, in Chinese and English.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.domain.county import TownshipData
from planner.domain.posts import duty_label, holders, person_loads
from planner.domain.workload import WorkParams

# Finding codes, most serious first (the order the window lists them in).
NO_A, NO_B, SAME_HOLDER, OVER_TIME, LEADER_TIME, TOO_MANY_B, VACANT_POST = (
    "no_a", "no_b", "same_holder", "over_time", "leader_time", "too_many_b", "vacant_post")
ORDER = (NO_A, NO_B, SAME_HOLDER, OVER_TIME, LEADER_TIME, TOO_MANY_B, VACANT_POST)
TOLERANCE = 1e-6


@dataclass(frozen=True)
class Finding:
    code: str
    subject: str        # the duty's label, the person's or the post's name
    zh: str
    en: str
    value: float | None = None

    def text(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh


def share_words(share: float) -> str:
    """1.3 for 1.25–1.35: a share of one person's time, as a clerk says it (1.04 stays 1.04, not 1.0)."""
    return f"{share:.1f}" if round(share, 1) > 1.0 else f"{share:.2f}"


def check_posts(township: TownshipData, params: WorkParams) -> list[Finding]:
    """Every gap of the township's arrangement, most serious first, duties in ledger order."""
    found: list[Finding] = []
    a_of, b_of = holders(township)
    for duty in township.duties:
        ref = (duty.office, duty.name)
        label = duty_label(township, ref)
        a, b = a_of.get(ref, []), b_of.get(ref, [])
        if not a:
            found.append(Finding(NO_A, label, f"{label} 没有A岗", f"{label} has no A holder"))
        if duty.needs_backup and not [name for name in b if name not in a]:
            if b and a:
                same = "、".join(b)
                found.append(Finding(SAME_HOLDER, label, f"{label} 的A岗和B岗是同一人（{same}）",
                                     f"{label}: the A and B holder are the same person ({same})"))
            else:
                found.append(Finding(NO_B, label, f"{label} 没有B岗", f"{label} has no B holder"))
    for load in person_loads(township, params).values():
        if load.leader and load.load_hours > TOLERANCE:
            found.append(Finding(
                LEADER_TIME, load.name,
                f"{load.name} 担任领导职务，按参数其时间不计入事务工作，却承担 {load.load_hours:.0f} 小时",
                f"{load.name} holds a leadership post, whose time the parameters do not count for duties, "
                f"yet carries {load.load_hours:.0f} hours", load.load_hours))
        elif load.share is not None and load.share > 1 + TOLERANCE:
            words = share_words(load.share)
            found.append(Finding(OVER_TIME, load.name, f"{load.name} 承担 {words} 人的工作量",
                                 f"{load.name} carries {words} people's work", load.share))
        if load.b_roles > params.max_backup_roles:
            found.append(Finding(
                TOO_MANY_B, load.name,
                f"{load.name} 担任 {load.b_roles} 个B岗，超过每人最多 {int(params.max_backup_roles)} 个",
                f"{load.name} backs up {load.b_roles} duties, more than the {int(params.max_backup_roles)} allowed",
                load.b_roles))
    for post in township.posts:
        if not post.holder and (post.a_duties or post.b_duties):
            found.append(Finding(VACANT_POST, post.name, f"{post.office}“{post.name}”无人在岗",
                                 f"post \"{post.name}\" of {post.office} has nobody in it"))
    rank = {code: i for i, code in enumerate(ORDER)}
    return sorted(found, key=lambda f: rank[f.code])  # stable: ledger order within a code
