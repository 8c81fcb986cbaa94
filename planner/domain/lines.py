"""Which (township, kind) lines a proposal covers, and the names its A/B roster gives duties.

Both the solve and the validator read them, so they are defined here once.
"""

from __future__ import annotations

from planner.domain.county import KINDS, CountyData, DutyData, TownshipData


def duty_labels(township: TownshipData, kind: str) -> list[tuple[str, DutyData]]:
    """(label, duty) for the township's duties of a kind; clashing names get their office."""
    duties = township.duties_of_kind(kind)
    counts: dict[str, int] = {}
    for d in duties:
        counts[d.name] = counts.get(d.name, 0) + 1
    labels = []
    seen: dict[str, int] = {}
    for d in duties:
        label = d.name if counts[d.name] == 1 else f"{d.office}·{d.name}"
        if label in seen:  # the same name twice in one office: number them
            seen[label] += 1
            label = f"{label}#{seen[label]}"
        else:
            seen[label] = 1
        labels.append((label, d))
    return labels


def township_lines(county: CountyData) -> list[tuple[TownshipData, str]]:
    """The (township, kind) lines a proposal covers: every quota line, and kinds with duties."""
    lines = []
    for t in county.townships:
        kinds = t.office_kinds()   # once a township: it is a new dict each call
        kinds_with_duties = {kinds[d.office] for d in t.duties if d.office in kinds}
        for kind in KINDS:
            if kind in t.quotas or kind in kinds_with_duties:
                lines.append((t, kind))
    return lines
