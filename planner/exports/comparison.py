"""Two or more proposals side by side, for the committee.

Every figure is read from the separate Proposals, never recomputed, so the
comparison always says what each proposal says. Townships are matched by name; a township one scenario merged
away or created by a split is simply absent (None) in the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from planner.domain.county import KINDS
from planner.domain.proposal import KindTotals, Proposal
from planner.errors import UserError


class ComparisonError(UserError, ValueError):
    """Results that cannot be compared (fewer than two, or not proposals)."""


@dataclass
class ScenarioFigures:
    """The cover figures of one proposal."""

    name: str
    status: str
    fingerprint: str
    totals: dict[str, KindTotals]
    moves: int              # lines in the list of moves
    slots_moved: int        # Σ count over the moves
    townships_touched: int  # townships whose quota of some kind changes
    uncovered_before: int   # Σ over the kinds, as the Proposal defines it
    uncovered_after: int


@dataclass
class ComparedRow:
    """One township and kind across the scenarios; None where a scenario has no such row."""

    township: str
    kind: str
    approved: dict[str, int | None] = field(default_factory=dict)
    required: dict[str, int | None] = field(default_factory=dict)
    proposed: dict[str, int | None] = field(default_factory=dict)
    change: dict[str, int | None] = field(default_factory=dict)

    @property
    def differs(self) -> bool:
        """The scenarios propose different numbers here (or not all of them have the township)."""
        return len(set(self.proposed.values())) > 1


@dataclass
class Comparison:
    names: list[str]
    figures: dict[str, ScenarioFigures]
    rows: list[ComparedRow]

    @property
    def kinds(self) -> list[str]:
        present = {r.kind for r in self.rows} | {k for f in self.figures.values() for k in f.totals}
        return [k for k in KINDS if k in present]

    def rows_of(self, kind: str, *, differing_only: bool = False) -> list[ComparedRow]:
        return [r for r in self.rows if r.kind == kind and (r.differs or not differing_only)]

    def differing_townships(self) -> list[str]:
        """Townships whose proposed numbers differ between the scenarios, in ledger order."""
        seen: list[str] = []
        for r in self.rows:
            if r.differs and r.township not in seen:
                seen.append(r.township)
        return seen


def figures_of(name: str, proposal: Proposal) -> ScenarioFigures:
    if not isinstance(proposal, Proposal) or not proposal.totals:
        raise ComparisonError(f"“{name}”没有可比较的调剂方案 ('{name}' holds no proposal to compare)")
    return ScenarioFigures(
        name=name, status=proposal.status, fingerprint=proposal.fingerprint,
        totals={k: proposal.totals[k] for k in KINDS if k in proposal.totals}, moves=len(proposal.moves),
        slots_moved=proposal.slots_moved, townships_touched=proposal.townships_touched,
        uncovered_before=proposal.uncovered_before, uncovered_after=proposal.uncovered_after)


def compare(proposals: dict[str, Proposal]) -> Comparison:
    """Side by side: `proposals` maps a scenario name to its Proposal (insertion order kept)."""
    if len(proposals) < 2:
        raise ComparisonError("至少选择两个情景进行比较 (choose at least two scenarios to compare)")
    names = list(proposals)
    figures = {name: figures_of(name, proposal) for name, proposal in proposals.items()}
    rows: dict[tuple[str, str], ComparedRow] = {}
    for name, proposal in proposals.items():
        for line in proposal.lines:
            key = (line.township, line.kind)
            if key not in rows:
                rows[key] = ComparedRow(line.township, line.kind)
            row = rows[key]
            row.approved[name] = line.approved
            row.required[name] = line.required
            row.proposed[name] = line.proposed
            row.change[name] = line.change
    for row in rows.values():
        # Every scenario present, in the order of `names`, so a table reads left to right as chosen.
        for attr in ("approved", "required", "proposed", "change"):
            column = getattr(row, attr)
            setattr(row, attr, {n: column.get(n) for n in names})
    kind_order = {k: i for i, k in enumerate(KINDS)}
    ordered = sorted(rows.values(), key=lambda r: kind_order.get(r.kind, 9))  # stable: ledger order kept
    return Comparison(names=names, figures=figures, rows=ordered)
