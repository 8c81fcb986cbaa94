"""Two or more proposals side by side, for the committee.

Every figure is read from the separate result dicts (CONVENTIONS.md's
contract), never recomputed, so the comparison always says what each
proposal says. Townships are matched by name; a township one scenario merged
away or created by a split is simply absent (None) in the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from planner.domain.county import KINDS
from planner.errors import UserError


class ComparisonError(UserError, ValueError):
    """Results that cannot be compared (fewer than two, or not proposals)."""


@dataclass
class KindTotals:
    before: int
    after: int
    uncovered_before: int
    uncovered_after: int
    moved: int
    reserve: int


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

    @property
    def uncovered_before(self) -> int:
        return sum(t.uncovered_before for t in self.totals.values())

    @property
    def uncovered_after(self) -> int:
        return sum(t.uncovered_after for t in self.totals.values())


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


def _int(value) -> int:
    return int(value or 0)


def figures_of(name: str, result: dict) -> ScenarioFigures:
    if not isinstance(result, dict) or "totals" not in result or "townships" not in result:
        raise ComparisonError(f"“{name}”没有可比较的调剂方案 ('{name}' holds no proposal to compare)")
    totals = {
        kind: KindTotals(_int(t.get("before")), _int(t.get("after")), _int(t.get("uncovered_before")),
                         _int(t.get("uncovered_after")), _int(t.get("moved")), _int(t.get("reserve")))
        for kind, t in result["totals"].items()
    }
    moves = result.get("moves") or []
    touched = {row["township"] for row in result["townships"] if row.get("change")}
    return ScenarioFigures(
        name=name, status=str(result.get("status", "")), fingerprint=str(result.get("fingerprint", "")),
        totals={k: totals[k] for k in KINDS if k in totals}, moves=len(moves),
        slots_moved=sum(_int(m.get("count")) for m in moves), townships_touched=len(touched))


def compare(results: dict[str, dict]) -> Comparison:
    """Side by side: `results` maps a scenario name to its result dict (insertion order kept)."""
    if len(results) < 2:
        raise ComparisonError("至少选择两个情景进行比较 (choose at least two scenarios to compare)")
    names = list(results)
    figures = {name: figures_of(name, result) for name, result in results.items()}
    rows: dict[tuple[str, str], ComparedRow] = {}
    for name, result in results.items():
        for r in result["townships"]:
            key = (r["township"], r["kind"])
            if key not in rows:
                rows[key] = ComparedRow(r["township"], r["kind"])
            row = rows[key]
            row.approved[name] = r.get("approved")
            row.required[name] = r.get("required")
            row.proposed[name] = r.get("proposed")
            row.change[name] = r.get("change")
    for row in rows.values():
        # Every scenario present, in the order of `names`, so a table reads left to right as chosen.
        for attr in ("approved", "required", "proposed", "change"):
            column = getattr(row, attr)
            setattr(row, attr, {n: column.get(n) for n in names})
    kind_order = {k: i for i, k in enumerate(KINDS)}
    ordered = sorted(rows.values(), key=lambda r: kind_order.get(r.kind, 9))  # stable: ledger order kept
    return Comparison(names=names, figures=figures, rows=ordered)
