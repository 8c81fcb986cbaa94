"""The bridge between the ledger and the optimizer: county in, validated result dict out.

solve_county turns a CountyData into the optimizer's plain inputs (duty hours,
required FTE, quota lines with their locks and bands), runs optimizer.pipeline,
turns the plan into the result dict of interfaces.md (plus the keys listed in
the team conventions) and checks it against every hard rule with
planner.domain.validate before anyone sees it.
"""

from __future__ import annotations

import hashlib
import json
import math
import time
from dataclasses import dataclass, field
from datetime import datetime
from typing import Callable

from optimizer.ab_batch import Cancelled
from optimizer.inputs import DesignInput, DutyLoad, SolverSettings
from optimizer.pipeline import CountyProblem, QuotaLine, optimise
from planner.domain.county import KINDS, CountyData, TownshipData
from planner.domain.workload import duty_hours, post_capacity_hours, required_fte

BASELINE = "基准"


class SolveCancelled(Exception):
    """The caller cancelled the solve; nothing was produced."""


class ProposalInvalid(RuntimeError):
    """The optimizer produced a proposal that breaks a hard rule (a bug, never shown as a proposal)."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("方案违反刚性规则 (the proposal breaks a hard rule): " + "；".join(problems[:5]))
        self.problems = problems


@dataclass
class SolveOptions:
    """What the user asked of one solve, beyond the ledger itself."""

    reserve: dict[str, int] = field(default_factory=dict)          # kind -> slots kept back
    total_cap: dict[str, int] = field(default_factory=dict)        # kind -> most allowed in total after
    bands: dict[tuple[str, str], tuple[int | None, int | None]] = field(default_factory=dict)
    locked: set[str] | None = None                                 # None: the ledger's locks
    # Duties exempt from mutual backup beyond those the ledger marks: a duty name
    # (every township) or a (township, duty name) pair.
    exempt_duties: set = field(default_factory=set)
    time_limit: float = 60.0                                       # the user's outer limit, seconds
    # Work, not time, bounds each A/B design (solver nodes per exact model): the proposal is the
    # same on a busy or an idle machine; the time limit only ever stops a solve with an error.
    design_max_nodes: int = SolverSettings.design_max_nodes
    design_splits: str = SolverSettings.design_splits             # equal | free
    solver: str = "auto"                                           # auto | highs | cbc
    workers: int | None = None                                     # processes for A/B designs

    def is_locked(self, township: TownshipData) -> bool:
        return township.name in self.locked if self.locked is not None else bool(township.locked)

    def is_exempt(self, township: str, duty: str) -> bool:
        return duty in self.exempt_duties or (township, duty) in self.exempt_duties

    def as_dict(self) -> dict:
        """The options that shape the proposal (not how long it may take), JSON-ready.

        The A/B work limit and the split rule shape the designs, so they are part of
        it when they differ from the defaults (which keeps older fingerprints as they were).
        """
        shaped = {}
        if self.design_max_nodes != SolverSettings.design_max_nodes:
            shaped["design_max_nodes"] = int(self.design_max_nodes)
        if self.design_splits != SolverSettings.design_splits:
            shaped["design_splits"] = self.design_splits
        return shaped | {
            "reserve": {k: int(v) for k, v in sorted(self.reserve.items()) if v},
            "total_cap": {k: int(v) for k, v in sorted(self.total_cap.items())},
            "bands": [[t, k, lo, hi] for (t, k), (lo, hi) in sorted(self.bands.items())],
            "locked": None if self.locked is None else sorted(self.locked),
            "exempt_duties": sorted(json.dumps(e, ensure_ascii=False) if not isinstance(e, str) else e
                                    for e in self.exempt_duties),
        }

    @classmethod
    def from_dict(cls, data: dict | None) -> "SolveOptions":
        data = data or {}
        exempt: set = set()
        for e in data.get("exempt_duties", []):
            if isinstance(e, str) and e.startswith("["):
                pair = json.loads(e)
                exempt.add((pair[0], pair[1]))
            elif isinstance(e, (list, tuple)):
                exempt.add((e[0], e[1]))
            else:
                exempt.add(e)
        locked = data.get("locked")
        return cls(reserve=dict(data.get("reserve", {})), total_cap=dict(data.get("total_cap", {})),
                   bands={(t, k): (lo, hi) for t, k, lo, hi in data.get("bands", [])},
                   locked=None if locked is None else set(locked), exempt_duties=exempt,
                   design_max_nodes=int(data.get("design_max_nodes", SolverSettings.design_max_nodes)),
                   design_splits=data.get("design_splits", SolverSettings.design_splits))


# ---------------------------------------------------------------- inputs
def duty_labels(township: TownshipData, kind: str) -> list[tuple[str, object]]:
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
        kinds_with_duties = set(t.office_kinds()[d.office] for d in t.duties if d.office in t.office_kinds())
        for kind in KINDS:
            if kind in t.quotas or kind in kinds_with_duties:
                lines.append((t, kind))
    return lines


def build_problem(county: CountyData, options: SolveOptions) -> tuple[CountyProblem, dict]:
    params = county.params.validate()
    capacity = post_capacity_hours(params)
    designs, lines, hours_of = [], [], {}
    for t, kind in township_lines(county):
        quota = t.quota(kind)
        leadership = quota.leadership if kind == "administrative" else 0
        duties = []
        for label, d in duty_labels(t, kind):
            duties.append(DutyLoad(label, duty_hours(d),
                                   bool(d.needs_backup) and not options.is_exempt(t.name, d.name)))
        total = math.fsum(d.hours for d in duties if d.hours > 0)
        hours_of[(t.name, kind)] = total
        designs.append(DesignInput(t.name, kind, tuple(duties), capacity, params.backup_load_factor,
                                   int(params.max_backup_roles), leadership))
        band = options.bands.get((t.name, kind), (None, None))
        lines.append(QuotaLine(
            township=t.name, kind=kind, approved=int(quota.approved), staff=int(quota.staff),
            leadership=leadership, required_fte=required_fte(total, params, leadership),
            locked=options.is_locked(t), band_min=band[0], band_max=band[1]))
    problem = CountyProblem(tuple(designs), tuple(lines), dict(options.reserve), dict(options.total_cap))
    return problem, hours_of


# ---------------------------------------------------------------- fingerprint
def county_fingerprint(county: CountyData, options: SolveOptions | None = None) -> str:
    """sha256 of a canonical JSON of everything the proposal depends on.

    Names of people and how hard the solver worked (time limit, processes) do
    not change the proposal's inputs and are left out. The JSON is hashed one
    township at a time (one line each), so a province-sized ledger never
    holds the interpreter for long in one call (the window stays responsive).
    """
    options = options or SolveOptions()
    digest = hashlib.sha256()

    def feed(value) -> None:
        digest.update(json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode())
        digest.update(b"\n")

    # Numbers are fed as floats so that 248 typed in memory and 248.0 read back
    # from the database give the same fingerprint.
    params = {k: float(v) for k, v in county.params.as_dict().items()}
    feed({"county": county.name, "params": params, "options": options.as_dict(),
          "townships": len(county.townships)})
    for t in county.townships:
        feed([t.name, t.type, t.category, int(t.population), float(t.area_km2), int(t.villages), bool(t.locked),
              sorted([q.kind, q.approved, q.staff, q.leadership] for q in t.quotas.values()),
              [[o.name, o.kind] for o in t.offices],
              [[d.office, d.name, float(d.annual_volume), float(d.minutes_per_case), float(d.fixed_hours),
                bool(d.needs_backup)]
               for d in t.duties]])
    return digest.hexdigest()


# ---------------------------------------------------------------- solving
def solve_county(county: CountyData, options: SolveOptions | None = None, *, scenario: str = BASELINE,
                 progress: Callable[[float, str], None] | None = None,
                 cancel: Callable[[], bool] | None = None, load_seconds: float = 0.0) -> dict:
    """The reallocation proposal of a county as the result dict, checked against every hard rule.

    Raises SolveCancelled when `cancel()` turns true, ProposalInvalid if the
    optimizer ever broke a rule, planner.domain.workload.ParameterError on bad parameters.
    """
    options = options or SolveOptions()
    started = time.perf_counter()
    if cancel is not None and cancel():
        raise SolveCancelled()
    if progress is not None:
        progress(0.0, "测算工作量 (computing workload)")
    t0 = time.perf_counter()
    problem, hours_of = build_problem(county, options)
    fingerprint = county_fingerprint(county, options)
    requirement_seconds = time.perf_counter() - t0
    settings = SolverSettings(time_limit=float(options.time_limit), design_max_nodes=options.design_max_nodes,
                              design_splits=options.design_splits, solver=options.solver,
                              workers=options.workers)
    try:
        plan = optimise(problem, settings, progress=progress, cancel=cancel)
    except Cancelled:
        raise SolveCancelled() from None
    except Exception as exc:  # missing, out of time or crashed solver: one clear error, nothing produced
        from planner.solving.faults import solver_failed

        raise solver_failed(exc, settings.time_limit, time.perf_counter() - started) from exc

    from planner.solving.result import build_result

    stage_seconds = {"load": load_seconds, "requirement": requirement_seconds, **plan.stage_seconds}
    result = build_result(county, options, plan, scenario=scenario, fingerprint=fingerprint,
                          stage_seconds=stage_seconds, seconds=time.perf_counter() - started + load_seconds)
    from planner.domain.validate import validate_proposal

    problems = validate_proposal(county, options, result)
    if problems:
        raise ProposalInvalid(problems)
    return result


def generated_at() -> str:
    return datetime.now().replace(microsecond=0).isoformat()
