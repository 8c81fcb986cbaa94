"""The multi-year plan (多年度规划) as one typed value.

planner.solving.plan builds it from the optimizer's multi-year model; the plan
validator, the `plan` command, the Excel export and the window read it.
`to_json()` writes the `plan` JSON of interfaces.md (with a few added keys)
and `from_json()` reads it back. Figures derived from others (uncovered need,
the totals of each kind and year, slots moved, townships touched) are
properties defined once, here and in planner.domain.plan_parts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from planner.domain.county import KINDS
from planner.domain.plan_parts import Baseline, PlanLine, PlanLoan, PlanMove, PlanNote, PoolReturn, YearTotals
from planner.domain.vocabulary import status_label

__all__ = ["Baseline", "PLAN_STATUSES", "Plan", "PlanLine", "PlanLoan", "PlanMove", "PlanNote", "PoolReturn",
           "YearTotals"]

# A plan with one of these statuses is a plan someone can act on.
PLAN_STATUSES = ("optimal", "feasible")


@dataclass(frozen=True)
class Plan:
    """The plan of a county over its horizon (or the diagnosis of why the rules cannot all hold)."""

    status: str                            # optimal | feasible | infeasible
    scenario: str
    fingerprint: str                       # sha256 of the inputs (ledger, time ledger, options, years)
    years: tuple[int, ...]
    county: str = ""
    generated_at: str = ""                 # ISO date and time, to the second
    as_of: str = ""                        # YYYY-MM: the month the forecast counted from
    pool_term_years: int = 3
    lines: tuple[PlanLine, ...] = ()       # every township, kind and year
    moves: tuple[PlanMove, ...] = ()
    loans: tuple[PlanLoan, ...] = ()       # existing loans (new=False) and the plan's (new=True)
    baseline: dict[str, Baseline] = field(default_factory=dict)   # kind -> today's quota and pool
    notes: tuple[PlanNote, ...] = ()
    diagnosis: tuple[str, ...] = ()
    diagnosis_en: tuple[str, ...] = ()
    solver: str = ""
    seconds: float = 0.0
    levels: dict[str, float] = field(default_factory=dict)         # uncovered | moved | imbalance

    # ------------------------------------------------------------ figures
    @property
    def is_plan(self) -> bool:
        """True when there is a plan to act on (not only a diagnosis)."""
        return self.status in PLAN_STATUSES

    @property
    def infeasible(self) -> bool:
        return self.status == "infeasible"

    def status_text(self, english: bool = False) -> str:
        return status_label(self.status, "en" if english else "zh", long=True)

    def kinds_present(self) -> list[str]:
        present = {line.kind for line in self.lines} | set(self.baseline)
        return [k for k in KINDS if k in present]

    def township_names(self) -> list[str]:
        """Townships in the ledger's order (first appearance among the lines)."""
        return list(dict.fromkeys(line.township for line in self.lines))

    def lines_of(self, kind: str | None = None, year: int | None = None) -> list[PlanLine]:
        return [line for line in self.lines
                if (kind is None or line.kind == kind) and (year is None or line.year == year)]

    def line(self, township: str, kind: str, year: int) -> PlanLine | None:
        for row in self.lines:
            if row.township == township and row.kind == kind and row.year == year:
                return row
        return None

    def moves_of(self, year: int | None = None, kind: str | None = None) -> list[PlanMove]:
        return [m for m in self.moves if (year is None or m.year == year) and (kind is None or m.kind == kind)]

    @property
    def new_loans(self) -> list[PlanLoan]:
        return [loan for loan in self.loans if loan.new]

    @property
    def uncovered(self) -> int:
        """Σ over the years, townships and kinds of uncovered need: what the plan minimises first."""
        return sum(line.uncovered for line in self.lines)

    def uncovered_by_year(self) -> dict[int, int]:
        totals = {year: 0 for year in self.years}
        for line in self.lines:
            totals[line.year] = totals.get(line.year, 0) + line.uncovered
        return totals

    @property
    def slots_moved(self) -> int:
        """Slots that change township over the plan, summed over its moves."""
        return sum(m.count for m in self.moves)

    @property
    def slots_lent(self) -> int:
        """Pool slots the plan lends anew."""
        return sum(loan.count for loan in self.new_loans)

    @property
    def townships_touched(self) -> int:
        """Distinct townships whose quota changes in some year or that borrow anew."""
        changed = {line.township for line in self.lines if line.quota != line.approved}
        return len(changed | {loan.township for loan in self.new_loans})

    def totals(self) -> dict[str, list[YearTotals]]:
        """kind -> its county totals per year: quota, pool held and lent, staff, uncovered need."""
        result: dict[str, list[YearTotals]] = {}
        for kind in self.kinds_present():
            pool = self.baseline.get(kind, Baseline(0, 0)).pool
            rows = []
            for year in self.years:
                lines = self.lines_of(kind, year)
                lent = sum(line.pool for line in lines)
                rows.append(YearTotals(kind, year, sum(line.quota for line in lines), pool - lent, lent,
                                       sum(line.staff_start for line in lines),
                                       sum(line.uncovered for line in lines)))
            result[kind] = rows
        return result

    def diagnosis_in(self, english: bool) -> list[str]:
        return list((self.diagnosis_en or self.diagnosis) if english else self.diagnosis)

    def notes_of(self, township: str, kind: str | None = None) -> list[PlanNote]:
        return [n for n in self.notes if n.township == township and (kind is None or n.kind == kind)]

    # ------------------------------------------------------------ JSON
    def to_json(self) -> dict:
        """The `plan` JSON of interfaces.md, with the planner's added keys after the contract's."""
        return {
            "status": self.status,
            "scenario": self.scenario,
            "fingerprint": self.fingerprint,
            "years": list(self.years),
            "townships": [line.to_json() for line in self.lines],
            "moves": [m.to_json() for m in self.moves],
            "pool_loans": [loan.to_json() for loan in self.loans],
            "totals": {kind: [t.to_json() for t in rows] for kind, rows in self.totals().items()},
            "baseline": {kind: b.to_json() for kind, b in self.baseline.items()},
            "diagnosis": list(self.diagnosis),
            "diagnosis_en": list(self.diagnosis_en),
            "status_text": self.status_text(),
            "status_text_en": self.status_text(english=True),
            "county": self.county,
            "generated_at": self.generated_at,
            "as_of": self.as_of,
            "pool_term_years": self.pool_term_years,
            "uncovered": self.uncovered,
            "slots_moved": self.slots_moved,
            "slots_lent": self.slots_lent,
            "townships_touched": self.townships_touched,
            "notes": [n.to_json() for n in self.notes],
            "solver": {"name": self.solver, "seconds": self.seconds, "levels": dict(self.levels)},
        }

    @classmethod
    def from_json(cls, data: dict) -> "Plan":
        """Read a plan back; derived figures (uncovered, totals, counts) come from the lines, not the file."""
        if not isinstance(data, dict):
            raise ValueError("规划不是 JSON 对象 (a plan must be a JSON object)")
        solver = data.get("solver") or {}
        return cls(
            status=str(data.get("status", "")),
            scenario=str(data.get("scenario", "")),
            fingerprint=str(data.get("fingerprint", "")),
            years=tuple(int(y) for y in data.get("years") or ()),
            county=str(data.get("county", "")),
            generated_at=str(data.get("generated_at", "")),
            as_of=str(data.get("as_of", "")),
            pool_term_years=int(data.get("pool_term_years", 3)),
            lines=tuple(PlanLine.from_json(row) for row in data.get("townships") or ()),
            moves=tuple(PlanMove.from_json(m) for m in data.get("moves") or ()),
            loans=tuple(PlanLoan.from_json(loan) for loan in data.get("pool_loans") or ()),
            baseline={kind: Baseline.from_json(b) for kind, b in (data.get("baseline") or {}).items()},
            notes=tuple(PlanNote.from_json(n) for n in data.get("notes") or ()),
            diagnosis=tuple(data.get("diagnosis") or ()),
            diagnosis_en=tuple(data.get("diagnosis_en") or ()),
            solver=str(solver.get("name", "")),
            seconds=float(solver.get("seconds", 0.0)),
            levels={k: float(v) for k, v in (solver.get("levels") or {}).items()},
        )
