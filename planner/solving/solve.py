"""The bridge between the ledger and the optimizer: county in, validated Proposal out.

solve_county turns a CountyData into the optimizer's plain inputs (duty hours,
required FTE, quota lines with their locks and bands), runs optimizer.pipeline,
turns the plan into a Proposal (planner.solving.result) and checks it against
every hard rule with planner.domain.validate before anyone sees it.
"""

from __future__ import annotations

import math
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Callable

from optimizer.ab_batch import Cancelled as OptimizerCancelled
from optimizer.ab_batch import start_workers
from optimizer.inputs import DesignInput, DutyLoad, SolverSettings
from optimizer.pipeline import CountyProblem, QuotaLine, optimise
from planner.collector import fewer_collections
from planner.domain.county import CountyData
from planner.domain.fingerprint import county_fingerprint
from planner.domain.lines import duty_labels, township_lines
from planner.domain.options import SolveOptions
from planner.domain.proposal import Proposal
from planner.domain.validate import validate_proposal
from planner.domain.vocabulary import progress_words
from planner.domain.workload import duty_hours, post_capacity_hours, required_fte
from planner.errors import Cancelled, PlannerError
from planner.solving.faults import solver_failed
from planner.solving.result import build_proposal

BASELINE = "基准"


# The caller cancelled the solve; nothing was produced. The optimizer cannot import the planner,
# so its own Cancelled is translated to this one where solve_county calls it.
SolveCancelled = Cancelled


class ProposalInvalid(PlannerError, RuntimeError):
    """The optimizer produced a proposal that breaks a hard rule (a bug, never shown as a proposal)."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("方案违反刚性规则 (the proposal breaks a hard rule): " + "；".join(problems[:5]))
        self.problems = problems


# ---------------------------------------------------------------- inputs
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


# ---------------------------------------------------------------- solving
@fewer_collections()
def solve_county(county: CountyData, options: SolveOptions | None = None, *, scenario: str = BASELINE,
                 progress: Callable[[float, str], None] | None = None,
                 cancel: Callable[[], bool] | None = None, load_seconds: float = 0.0) -> Proposal:
    """The reallocation proposal of a county, checked against every hard rule.

    Raises SolveCancelled when `cancel()` turns true, ProposalInvalid if the
    optimizer ever broke a rule, planner.domain.workload.ParameterError on bad parameters.
    """
    options = options or SolveOptions()
    started = time.perf_counter()
    if cancel is not None and cancel():
        raise SolveCancelled()
    if progress is not None:
        progress(0.0, progress_words("workload"))
    t0 = time.perf_counter()
    # The designers' worker processes start (a quarter of a second) while the problem is built.
    workers = start_workers(len(township_lines(county)), options.workers)
    side = ThreadPoolExecutor(max_workers=1)
    try:
        problem, hours_of = build_problem(county, options)
        requirement_seconds = time.perf_counter() - t0
        # The fingerprint (0.2 s at 2,000 townships) is hashed beside the designs, while this
        # process mostly waits for the workers; nothing reads it before the proposal is built.
        fingerprint_job = side.submit(county_fingerprint, county, options)
        settings = SolverSettings(time_limit=float(options.time_limit), design_max_nodes=options.design_max_nodes,
                                  design_splits=options.design_splits, solver=options.solver,
                                  workers=options.workers)
        try:
            plan = optimise(problem, settings, progress=progress, cancel=cancel, workers=workers)
        except OptimizerCancelled:
            raise SolveCancelled() from None
        except Exception as exc:  # missing, out of time or crashed solver: one clear error, nothing produced
            raise solver_failed(exc, settings.time_limit, time.perf_counter() - started) from exc
        fingerprint = fingerprint_job.result()
    finally:
        side.shutdown(wait=True, cancel_futures=True)
        if workers is not None:
            workers.stop()   # done already, unless stopped early

    stage_seconds = {"load": load_seconds, "requirement": requirement_seconds, **plan.stage_seconds}
    proposal = build_proposal(county, options, plan, scenario=scenario, fingerprint=fingerprint,
                              stage_seconds=stage_seconds, seconds=time.perf_counter() - started + load_seconds)
    problems = validate_proposal(county, options, proposal)
    if problems:
        raise ProposalInvalid(problems)
    return proposal

