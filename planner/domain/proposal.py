"""The reallocation proposal (调剂方案) as one typed value.

planner.solving.result builds it from the optimizer's plan; the validator,
scenario storage, the ledger's apply action, the exports, the printed report
and the window read it. `to_json()` writes the JSON result of interfaces.md
(with the extra keys the planner has always written, in the same order) and
`from_json()` reads it back, including results stored by older versions.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from planner.domain.county import KINDS
from planner.domain.options import SolveOptions
from planner.domain.proposal_parts import (DesignSummary, KindTotals, Level, MarginalValue, Move, RosterPost,
                                           TownshipLine)
from planner.domain.vocabulary import status_label

__all__ = ["DesignSummary", "KindTotals", "Level", "MarginalValue", "Move", "PROPOSAL_STATUSES", "Proposal",
           "RosterPost", "SolverFigures", "TownshipLine"]

# A result with one of these statuses is a proposal someone can act on.
PROPOSAL_STATUSES = ("optimal", "feasible")


@dataclass(frozen=True)
class SolverFigures:
    """Which solver worked on the proposal, for how long, and how close to proven optimal."""

    name: str = ""
    version: str = ""
    seconds: float = 0.0
    gap: float | None = 0.0
    proven_optimal: bool | None = None
    stage_seconds: dict[str, float] = field(default_factory=dict)
    model_seconds: dict[str, dict] = field(default_factory=dict)
    ab_design_seconds_summed: float | None = None
    ab_designs_proven_minimal: float | None = None

    def to_json(self) -> dict:
        return {"name": self.name, "version": self.version, "seconds": self.seconds, "gap": self.gap,
                "proven_optimal": self.proven_optimal, "stage_seconds": dict(self.stage_seconds),
                "model_seconds": {k: dict(v) for k, v in self.model_seconds.items()},
                "ab_design_seconds_summed": self.ab_design_seconds_summed,
                "ab_designs_proven_minimal": self.ab_designs_proven_minimal}

    @classmethod
    def from_json(cls, data: dict | None) -> "SolverFigures":
        data = data or {}
        return cls(data.get("name", ""), data.get("version", ""), data.get("seconds", 0.0), data.get("gap", 0.0),
                   data.get("proven_optimal"), dict(data.get("stage_seconds") or {}),
                   {k: dict(v) for k, v in (data.get("model_seconds") or {}).items()},
                   data.get("ab_design_seconds_summed"), data.get("ab_designs_proven_minimal"))


@dataclass(frozen=True)
class Proposal:
    """One reallocation proposal of a county (or the diagnosis of why the rules cannot all hold)."""

    status: str                       # optimal | feasible | infeasible
    scenario: str
    fingerprint: str                  # sha256 of the inputs (planner.domain.fingerprint)
    county: str = ""
    generated_at: str = ""            # ISO date and time, to the second
    parameters: dict[str, float] = field(default_factory=dict)   # WorkParams, available and post hours
    options: SolveOptions = field(default_factory=SolveOptions)
    solver: SolverFigures = field(default_factory=SolverFigures)
    totals: dict[str, KindTotals] = field(default_factory=dict)  # kind -> totals, in KINDS order
    lines: tuple[TownshipLine, ...] = ()
    moves: tuple[Move, ...] = ()
    roster: tuple[RosterPost, ...] = ()
    designs: tuple[DesignSummary, ...] = ()
    marginal: tuple[MarginalValue, ...] = ()
    diagnosis: tuple[str, ...] = ()
    diagnosis_en: tuple[str, ...] = ()

    # ------------------------------------------------------------ figures
    @property
    def is_proposal(self) -> bool:
        """True when there is a proposal to act on (not only a diagnosis)."""
        return self.status in PROPOSAL_STATUSES

    @property
    def infeasible(self) -> bool:
        return self.status == "infeasible"

    @property
    def kind_status(self) -> dict[str, str]:
        """kind -> the status of that kind's reallocation (the kinds whose status is known)."""
        return {kind: t.status for kind, t in self.totals.items() if t.status is not None}

    @property
    def designs_not_proven(self) -> int:
        """A/B post designs feeding the reallocation whose headcount is not proven the least."""
        return sum(1 for d in self.designs if not d.proven_minimal)

    def status_text(self, english: bool = False) -> str:
        """The status in words, saying when "optimal" rests on A/B needs not all proven minimal.

        The reallocation is optimal for the A/B requirements it was given; when some of
        those requirements come from designs not proven the least, the words say so.
        """
        n = self.designs_not_proven
        if self.status == "optimal" and n:
            return (f"optimal given the A/B requirements, {n} design{'s' if n != 1 else ''} not proven minimal"
                    if english else f"最优（基于AB岗需求；{n} 个岗位设计未证明最少）")
        return status_label(self.status, "en" if english else "zh", long=True)

    @property
    def uncovered_before(self) -> int:
        return sum(t.uncovered_before for t in self.totals.values())

    @property
    def uncovered_after(self) -> int:
        return sum(t.uncovered_after for t in self.totals.values())

    @property
    def townships_touched(self) -> int:
        """Distinct townships whose quota of any kind changes (a township changing two kinds counts once)."""
        return len({line.township for line in self.lines if line.proposed != line.approved})

    @property
    def slots_moved(self) -> int:
        """Slots that change township, summed over the moves."""
        return sum(int(m.count) for m in self.moves)

    @property
    def fewest_move_lines(self) -> int | None:
        """The fewest move lines proven possible, summed over the kinds (None in older results)."""
        bounds = [t.fewest_lines for t in self.totals.values()]
        if not bounds or any(b is None for b in bounds):
            return None
        return sum(bounds)

    def moves_text(self, english: bool = False) -> str:
        """How many move lines, and whether fewer are possible: proven minimal, or the proven bound."""
        n, fewest = len(self.moves), self.fewest_move_lines
        if fewest is None:
            return f"{n} move lines" if english else f"调剂明细 {n} 行"
        if fewest >= n:
            return (f"{n} move lines, proven the fewest possible" if english
                    else f"调剂明细 {n} 行（已证明为最少行数）")
        return (f"{n} move lines; at least {fewest} are proven necessary" if english
                else f"调剂明细 {n} 行（可证明至少需要 {fewest} 行）")

    def totals_of(self, kind: str) -> KindTotals:
        """The totals of a kind (summed from its lines when the result did not carry them)."""
        return self.totals.get(kind) or KindTotals(kind, tuple(self.lines_of(kind)))

    def lines_of(self, kind: str) -> list[TownshipLine]:
        return [line for line in self.lines if line.kind == kind]

    def township_names(self) -> list[str]:
        """Townships in the ledger's order (first appearance among the lines)."""
        return list(dict.fromkeys(line.township for line in self.lines))

    def kinds_present(self) -> list[str]:
        """The kinds the proposal has lines or totals for, in the canonical order."""
        present = {line.kind for line in self.lines} | set(self.totals)
        return [k for k in KINDS if k in present]

    def diagnosis_in(self, english: bool) -> list[str]:
        return list((self.diagnosis_en or self.diagnosis) if english else self.diagnosis)

    def renamed(self, scenario: str) -> "Proposal":
        """The same proposal under another scenario name (a renamed scenario keeps its result)."""
        return replace(self, scenario=scenario)

    # ------------------------------------------------------------ JSON
    def to_json(self) -> dict:
        """The JSON result of interfaces.md, with the planner's extra keys, in the order written."""
        return {
            "status": self.status,
            "scenario": self.scenario,
            "fingerprint": self.fingerprint,
            "county": self.county,
            "generated_at": self.generated_at,
            "parameters": dict(self.parameters),
            "options": self.options.as_dict(),
            "solver": self.solver.to_json(),
            "kind_status": self.kind_status,
            "designs_not_proven": self.designs_not_proven,
            "status_text": self.status_text(),
            "status_text_en": self.status_text(english=True),
            "totals": {kind: t.to_json() for kind, t in self.totals.items()},
            "townships": [line.to_json() for line in self.lines],
            "moves": [m.to_json() for m in self.moves],
            "ab_roster": [p.to_json() for p in self.roster],
            "ab_designs": [d.to_json() for d in self.designs],
            "marginal": [m.to_json() for m in self.marginal],
            "diagnosis": list(self.diagnosis),
            "diagnosis_en": list(self.diagnosis_en),
        }

    @classmethod
    def from_json(cls, data: dict) -> "Proposal":
        """Read a JSON result back, as written now or by an older version (missing keys take defaults).

        Figures derived from others (change, vacancy, over-quota, the totals per
        kind, kind_status) are not read: the properties give them from the lines.
        """
        if not isinstance(data, dict):
            raise ValueError("方案不是 JSON 对象 (a proposal must be a JSON object)")
        lines = tuple(TownshipLine.from_json(row) for row in data.get("townships") or [])
        kind_status = data.get("kind_status") or {}
        stored = data.get("totals") or {}
        kinds = [k for k in KINDS if k in stored] + [k for k in stored if k not in KINDS]
        totals = {kind: KindTotals.from_json(kind, stored[kind] or {},
                                             tuple(line for line in lines if line.kind == kind),
                                             kind_status.get(kind))
                  for kind in kinds}
        return cls(
            status=data.get("status", ""),
            scenario=data.get("scenario", ""),
            fingerprint=data.get("fingerprint", ""),
            county=data.get("county", ""),
            generated_at=data.get("generated_at", ""),
            parameters=dict(data.get("parameters") or {}),
            options=SolveOptions.from_dict(data.get("options")),
            solver=SolverFigures.from_json(data.get("solver")),
            totals=totals,
            lines=lines,
            moves=tuple(Move.from_json(m) for m in data.get("moves") or []),
            roster=tuple(RosterPost.from_json(p) for p in data.get("ab_roster") or []),
            designs=tuple(DesignSummary.from_json(d) for d in data.get("ab_designs") or []),
            marginal=tuple(MarginalValue.from_json(m) for m in data.get("marginal") or []),
            diagnosis=tuple(data.get("diagnosis") or ()),
            diagnosis_en=tuple(data.get("diagnosis_en") or ()),
        )
