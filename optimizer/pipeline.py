"""The whole optimisation of a county, stage by stage: A/B designs → reallocation → moves.

Pure: a CountyProblem (plain numbers) in, a CountyPlan out. Between stages the
cancel flag is checked and progress reported; each stage's time is kept.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable

from optimizer import lp
from optimizer.ab_batch import Cancelled, Workers, design_all
from optimizer.explain import marginal_value, township_reason
from optimizer.inputs import DesignInput, KindInput, SolverSettings, TownshipQuota
from optimizer.moves import itemise_with_bound
from optimizer.plan import ABDesign, KindPlan, Marginal, Move
from optimizer.reallocation import reallocate
from optimizer.words import kind_en, kind_zh, progress_words

KINDS = ("administrative", "institutional", "support")


@dataclass(frozen=True)
class QuotaLine:
    """A township's quota line of one kind before the need is known."""

    township: str
    kind: str
    approved: int
    staff: int
    leadership: int = 0
    required_fte: float = 0.0
    locked: bool = False
    band_min: int | None = None
    band_max: int | None = None


@dataclass(frozen=True)
class CountyProblem:
    designs: tuple[DesignInput, ...]          # one per (township, kind) line
    lines: tuple[QuotaLine, ...]
    reserve: dict[str, int] = field(default_factory=dict)
    total_cap: dict[str, int] = field(default_factory=dict)


@dataclass
class CountyPlan:
    designs: list[ABDesign]
    kinds: dict[str, KindPlan]
    inputs: dict[str, KindInput]
    moves: list[Move]
    reasons: dict[tuple[str, str], tuple[str, str]]   # (township, kind) -> (zh, en)
    marginal: list[Marginal]
    stage_seconds: dict[str, float]
    lp_times: dict[str, lp.SolverTimes]     # "ab_design" (summed over worker processes), "reallocation"
    solver: tuple[str, str]

    @property
    def status(self) -> str:
        statuses = [k.status for k in self.kinds.values()]
        if lp.INFEASIBLE in statuses:
            return lp.INFEASIBLE
        if lp.FEASIBLE in statuses:
            return lp.FEASIBLE
        return lp.OPTIMAL

    @property
    def proven_optimal(self) -> bool:
        return all(k.status == lp.OPTIMAL for k in self.kinds.values())


def _kind_input(problem: CountyProblem, kind: str, designs: list[ABDesign]) -> KindInput:
    """The reallocation's input of one kind: its quota lines with the need its designs give."""
    by_line = {d.township: d for d in designs}
    rows = []
    for line in problem.lines:
        if line.kind != kind:
            continue
        design = by_line.get(line.township)
        required = design.required if design is not None else line.leadership
        rows.append(TownshipQuota(
            township=line.township, approved=line.approved, staff=line.staff, required=required,
            required_fte=line.required_fte, leadership=line.leadership, locked=line.locked,
            band_min=line.band_min, band_max=line.band_max))
    return KindInput(kind, tuple(rows), reserve=int(problem.reserve.get(kind, 0)),
                     total_cap=problem.total_cap.get(kind))


def optimise(problem: CountyProblem, settings: SolverSettings | None = None, *,
             progress: Callable[[float, str], None] | None = None,
             cancel: Callable[[], bool] | None = None, workers: Workers | None = None) -> CountyPlan:
    """The plan of a county. `workers`: the designers' worker processes, started while the
    problem was built (ab_batch.start_workers); the designs shut them down when done."""
    settings = settings or SolverSettings()
    prefer = "cbc" if settings.solver == "cbc" else "auto"
    started = time.time()
    stages: dict[str, float] = {}

    def say(fraction: float, message: str) -> None:
        if progress is not None:
            progress(min(1.0, max(0.0, fraction)), message)

    def check() -> None:
        if cancel is not None and cancel():
            raise Cancelled()

    check()
    # Work limits decide the answers; the user's time limit only stops the solve (lp.OutOfTime).
    deadline = None if settings.time_limit is None else started + settings.time_limit
    t0 = time.perf_counter()
    say(0.0, progress_words("ab_design"))
    inputs_done: dict[str, KindInput] = {}
    done: dict[str, KindPlan] = {}
    realloc_seconds = 0.0   # some of them while the workers still design

    def reallocate_kind(kind: str, designs_of_kind: list[ABDesign]) -> None:
        # A kind's reallocation needs only its own designs: it runs as soon as they are done,
        # in this process, while the workers go on with the other kinds. Its answer does not
        # depend on when it runs.
        nonlocal realloc_seconds
        started_kind = time.perf_counter()
        check()
        inputs_done[kind] = _kind_input(problem, kind, designs_of_kind)
        done[kind] = reallocate(inputs_done[kind], max_nodes=settings.reallocation_max_nodes,
                                deadline=deadline, prefer=prefer)
        realloc_seconds += time.perf_counter() - started_kind

    designs = design_all(
        list(problem.designs), max_nodes=settings.design_max_nodes, splits=settings.design_splits,
        deadline=deadline, prefer=prefer, workers=settings.workers,
        progress=lambda f, m: say(0.05 + 0.75 * f, m), cancel=cancel, on_kind_done=reallocate_kind,
        started=workers)
    stages["ab_design"] = time.perf_counter() - t0 - realloc_seconds
    check()

    ab_times = lp.SolverTimes()
    for d in designs:
        ab_times.build += d.build_seconds
        ab_times.solve += d.solver_seconds
        ab_times.models += d.models
    for index, kind in enumerate(KINDS):
        if kind not in done:   # a kind without designs (no duties): its lines still count
            say(0.8 + 0.05 * index, progress_words("reallocation", "：" + kind_zh(kind), ": " + kind_en(kind)))
            reallocate_kind(kind, [])
    kinds = {kind: done[kind] for kind in KINDS}
    inputs = {kind: inputs_done[kind] for kind in KINDS}
    lp_times = lp.SolverTimes()
    for plan in kinds.values():
        lp_times.build += plan.build_seconds
        lp_times.solve += plan.solver_seconds
        lp_times.read += plan.read_seconds
        lp_times.models += plan.models
    stages["reallocation"] = realloc_seconds
    check()

    t0 = time.perf_counter()
    say(0.95, progress_words("reasons"))
    moves: list[Move] = []
    reasons: dict[tuple[str, str], tuple[str, str]] = {}
    marginal: list[Marginal] = []
    for kind in KINDS:
        kind_moves, kinds[kind].fewest_lines = itemise_with_bound(inputs[kind], kinds[kind])
        moves += kind_moves
        for t in inputs[kind].townships:
            reasons[(t.township, kind)] = township_reason(inputs[kind], kinds[kind], t)
        marginal.append(marginal_value(inputs[kind], kinds[kind]))
    stages["moves"] = time.perf_counter() - t0
    say(1.0, progress_words("done"))
    return CountyPlan(designs, kinds, inputs, moves, reasons, marginal, stages,
                      {"ab_design": ab_times, "reallocation": lp_times}, lp.solver_identity(prefer))


__all__ = ["Cancelled", "CountyPlan", "CountyProblem", "QuotaLine", "optimise"]
