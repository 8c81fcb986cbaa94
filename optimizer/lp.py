"""The PuLP idioms of the optimizer, in one place so that a PuLP 4 move is one edit.

- Solver choice: HiGHS in process (highspy) by default, CBC when HiGHS is
  unavailable (or asked for).
- Limits are work, not time: one thread, a fixed random seed and a node
  limit make a model's answer the same on a busy or an idle machine. The
  only clock is the user's outer time limit; a solve it stops says so
  (Outcome.stopped == "time") and solve_by raises OutOfTime instead of
  returning a different answer.
- Both the solve status and the solution status are read: a model stopped by
  its time limit with a solution is "feasible", not "optimal".
- Models are handed to HiGHS in bulk (one addCols / addRows call) instead of
  PuLP's column-by-column loop, and the time spent building, solving and
  reading back is kept apart so that a benchmark can show where it goes.
- Expressions are built in one pass from (variable, coefficient) pairs.
"""

from __future__ import annotations

import os
import re
import threading
import time
from dataclasses import dataclass, field
from typing import Iterable

import importlib.metadata
import warnings

import pulp
from pulp import constants as C

SEED = 0   # the solvers' random seed, fixed: the same model is solved the same way every time

# Status words used across the optimizer and in the result dict.
OPTIMAL, FEASIBLE, INFEASIBLE, UNBOUNDED, NOT_SOLVED = (
    "optimal", "feasible", "infeasible", "unbounded", "not_solved")

try:  # highspy may be missing on an odd install; CBC (bundled with PuLP) then takes over
    import highspy
    import numpy as np
except ImportError:  # pragma: no cover - exercised only without highspy
    highspy = None
    np = None


@dataclass
class SolverTimes:
    """Seconds spent in each part of the LP work, summed over many models."""

    build: float = 0.0     # writing the PuLP model and handing it to the solver
    solve: float = 0.0     # inside the solver itself
    read: float = 0.0      # reading the solution back into PuLP
    models: int = 0

    def add(self, other: "SolverTimes") -> None:
        self.build += other.build
        self.solve += other.solve
        self.read += other.read
        self.models += other.models

    def as_dict(self) -> dict[str, float]:
        return {"build": round(self.build, 4), "solve": round(self.solve, 4),
                "read": round(self.read, 4), "models": self.models}


@dataclass
class Outcome:
    """What one solve gave: the status pair read into one word, and its numbers."""

    status: str                  # OPTIMAL | FEASIBLE | INFEASIBLE | UNBOUNDED | NOT_SOLVED
    proven_optimal: bool
    objective: float | None
    bound: float | None          # best proven bound on the objective (minimisation)
    gap: float | None            # relative gap (0 when proven optimal)
    solver: str
    times: SolverTimes = field(default_factory=SolverTimes)
    stopped: str | None = None   # "time" (the user's limit) | "work" (the node limit) | None

    @property
    def has_solution(self) -> bool:
        return self.status in (OPTIMAL, FEASIBLE)


_banner_lock = threading.Lock()
_banner_done = False


def _silence_highs_banner() -> None:
    """HiGHS prints its banner to the C stdout on the first Highs() of a process.

    Results of `main.py solve` go to files and stdout must stay clean, so the
    first instance is made with file descriptor 1 pointed at /dev/null.
    """
    global _banner_done
    if _banner_done or highspy is None:
        return
    with _banner_lock:
        if _banner_done:
            return
        saved = os.dup(1)
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            try:
                os.dup2(devnull, 1)
                highspy.Highs()
            finally:
                os.dup2(saved, 1)
                os.close(devnull)
        finally:
            os.close(saved)
        _banner_done = True


if highspy is not None:
    class _BulkHiGHS(pulp.HiGHS):
        """PuLP's in-process HiGHS, loading the model in one call and timing each part."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.times = SolverTimes(models=1)
            self.model_status = None

        def findSolutionValues(self, lp):
            # PuLP's table has no entry for a node limit and reads a stop without a
            # solution as a solution: limits are read here, the rest by PuLP.
            model = lp.solverModel
            status = model.getModelStatus()
            self.model_status = status
            if status not in _LIMIT_STATUSES:
                return super().findSolutionValues(lp)
            if model.getInfo().primal_solution_status != 2:  # 2: a feasible solution is at hand
                return C.LpStatusNotSolved, C.LpSolutionNoSolutionFound
            values = list(model.getSolution().col_value)
            for var in lp.variables():
                var.varValue = values[var.index]
            return C.LpStatusOptimal, C.LpSolutionIntegerFeasible

        def buildSolverModel(self, lp):
            inf = highspy.kHighsInf
            variables = lp.variables()
            sign = -1.0 if lp.sense == C.LpMaximize else 1.0
            n = len(variables)
            costs = np.zeros(n)
            lower = np.empty(n)
            upper = np.empty(n)
            integers = []
            for i, var in enumerate(variables):
                var.index = i
                lower[i] = -inf if var.lowBound is None else var.lowBound
                upper[i] = inf if var.upBound is None else var.upBound
                if var.cat == C.LpInteger and self.mip:
                    integers.append(i)
            for var, coef in lp.objective.items():
                costs[var.index] = sign * coef
            model = lp.solverModel
            model.addCols(n, costs, lower, upper, 0, np.zeros(0, dtype=np.int32),
                          np.zeros(0, dtype=np.int32), np.zeros(0))
            if integers:
                model.changeColsIntegrality(
                    len(integers), np.array(integers, dtype=np.int32),
                    np.full(len(integers), highspy.HighsVarType.kInteger))
            constraints = list(lp._constraints.values())
            m = len(constraints)
            if m:
                row_lo = np.empty(m)
                row_hi = np.empty(m)
                starts = np.empty(m, dtype=np.int32)
                index: list[int] = []
                value: list[float] = []
                for r, con in enumerate(constraints):
                    con.index = r
                    starts[r] = len(index)
                    for var, coef in con.items():
                        if coef:
                            index.append(var.index)
                            value.append(coef)
                    lo, hi = con.getLb(), con.getUb()
                    row_lo[r] = -inf if lo is None else lo
                    row_hi[r] = inf if hi is None else hi
                model.addRows(m, row_lo, row_hi, len(index), starts,
                              np.array(index, dtype=np.int32), np.array(value, dtype=float))

        def actualSolve(self, lp):
            t0 = time.perf_counter()
            _silence_highs_banner()
            # PuLP's variables() walks every constraint and sorts the lot on each call; building
            # and reading call it three times. The model does not change while it is solved.
            variables = lp.variables()
            lp.variables = lambda: variables
            try:
                self.createAndConfigureSolver(lp)
                self.buildSolverModel(lp)
                t1 = time.perf_counter()
                self.callSolver(lp)
                t2 = time.perf_counter()
                status, sol_status = self.findSolutionValues(lp)
            finally:
                del lp.variables
            for var in variables:
                var.modified = False
            for con in lp._constraints.values():
                con.modifier = False
            lp.assignStatus(status, sol_status)
            t3 = time.perf_counter()
            self.times.build += t1 - t0
            self.times.solve += t2 - t1
            self.times.read += t3 - t2
            return status
    _LIMIT_STATUSES = {highspy.HighsModelStatus.kTimeLimit, highspy.HighsModelStatus.kIterationLimit,
                       highspy.HighsModelStatus.kSolutionLimit, highspy.HighsModelStatus.kInterrupt}
else:  # pragma: no cover
    _BulkHiGHS = None


def highs_available() -> bool:
    return _BulkHiGHS is not None


def solver_identity(prefer: str = "auto") -> tuple[str, str]:
    """(name, version) of the solver `prefer` resolves to."""
    if prefer != "cbc" and highs_available():
        try:
            return "HiGHS", importlib.metadata.version("highspy")
        except importlib.metadata.PackageNotFoundError:  # pragma: no cover
            return "HiGHS", ""
    return "CBC", "bundled with PuLP " + pulp.__version__


# HiGHS's presolve_rule_off bits 15 and 16: probing and enumeration.
PROBING_AND_ENUMERATION = 2 ** 15 + 2 ** 16


def make_solver(time_limit: float | None, prefer: str = "auto", *, gap_rel: float | None = None,
                threads: int | None = 1, mip: bool = True, max_nodes: int | None = None,
                presolve: str = "on", sub_mips: bool = True):
    """HiGHS in process unless `prefer` is "cbc" or highspy is missing; CBC otherwise.

    `time_limit` is the user's outer limit (None: none); `max_nodes` the work limit.
    `sub_mips=False` leaves out HiGHS's RENS and RINS (small MIPs solved to find a first
    solution): on the feasibility models of A/B designs they are most of the work and
    seldom the answer.
    """
    if time_limit is not None:
        time_limit = max(0.01, float(time_limit))
    if prefer != "cbc" and highs_available():
        # One thread per model and a fixed seed: the same model gives the same answer every
        # time, and the 2-core machine runs A/B designs in parallel processes instead.
        options = {"random_seed": SEED}
        if gap_rel is not None:
            options["gapRel"] = gap_rel
        if max_nodes is not None:
            options["mip_max_nodes"] = int(max_nodes)
        if not sub_mips:
            options["mip_heuristic_run_rens"] = False
            options["mip_heuristic_run_rins"] = False
        if presolve == "off":
            options["presolve"] = "off"
        elif presolve == "no probing":
            options["presolve_rule_off"] = PROBING_AND_ENUMERATION
        return _BulkHiGHS(mip=mip, msg=False, timeLimit=time_limit, threads=threads, **options)
    with warnings.catch_warnings():
        # PuLP 3 bundles CBC as PULP_CBC_CMD and warns that PuLP 4 will not: the move is this line.
        warnings.simplefilter("ignore", DeprecationWarning)
        return pulp.PULP_CBC_CMD(mip=mip, msg=False, timeLimit=time_limit, gapRel=gap_rel, threads=1,
                                 maxNodes=max_nodes)


def solve(problem: pulp.LpProblem, time_limit: float | None, prefer: str = "auto", *,
          gap_rel: float | None = None, max_nodes: int | None = None, presolve: str = "on",
          sub_mips: bool = True) -> Outcome:
    """Solve `problem` and read both PuLP statuses into one Outcome.

    `time_limit` is what is left of the user's limit (None: no limit); `max_nodes`
    bounds the branch-and-bound work, so that where the search stops does not
    depend on the machine's speed or load. `presolve` is "on", "off" (for models whose
    root LP is already tight) or "no probing" (presolve without probing the binaries
    and enumerating their rows); CBC presolves as it always does.
    """
    solver = make_solver(time_limit, prefer, gap_rel=gap_rel, max_nodes=max_nodes, presolve=presolve,
                         sub_mips=sub_mips)
    t0 = time.perf_counter()
    problem.solve(solver)
    elapsed = time.perf_counter() - t0
    times = getattr(solver, "times", None)
    if times is None:  # CBC: the whole call counts as solving, model writing as building
        times = SolverTimes(build=0.0, solve=elapsed, read=0.0, models=1)
    name = "HiGHS" if isinstance(solver, pulp.HiGHS) else "CBC"
    word, proven = read_status(problem.status, problem.sol_status)
    objective = None
    if word in (OPTIMAL, FEASIBLE) and problem.objective is not None:
        objective = pulp.value(problem.objective)
    bound, gap = _bound_and_gap(problem, word, objective)
    stopped = None
    status = getattr(solver, "model_status", None)
    if status is not None:
        if status == highspy.HighsModelStatus.kTimeLimit:
            stopped = "time"
        elif status in _LIMIT_STATUSES:
            stopped = "work"
    elif not proven and time_limit is not None and elapsed >= 0.95 * time_limit:
        stopped = "time"  # CBC does not say which limit stopped it: the clock tells
    elif not proven:
        stopped = "work"
    return Outcome(word, proven, objective, bound, gap, name, times, stopped)


def solve_by(problem: pulp.LpProblem, deadline: float | None, prefer: str = "auto", *,
             max_nodes: int | None = None, what: str = "", sub_mips: bool = True) -> Outcome:
    """Solve within the work budget and the user's `deadline` (a time.time() instant or None).

    Raises OutOfTime when the deadline, not the work budget, ended the solve: the caller
    never sees an answer the clock cut short. `what` names the model in that message.
    """
    outcome = solve(problem, time_left(deadline), prefer, max_nodes=max_nodes, sub_mips=sub_mips)
    if outcome.stopped == "time":
        raise OutOfTime(f"{what}: the user's time limit ended the solve") if what else OutOfTime()
    return outcome


def time_left(deadline: float | None) -> float | None:
    """Seconds until the user's `deadline` (a time.time() instant), None when there is none.

    Raises OutOfTime once it has passed.
    """
    if deadline is None:
        return None
    left = deadline - time.time()
    if left <= 0:
        raise OutOfTime()
    return left


class NoSolution(RuntimeError):
    """A model the rules say is solvable ended without a solution: the solver ran out of time."""


class OutOfTime(NoSolution):
    """The user's time limit ended the solve before its answer was complete.

    Raised instead of returning a partial answer, so that a time limit never
    changes a proposal: it either comes out whole or not at all.
    """

    def __init__(self, message: str = "the user's time limit ended the solve") -> None:
        super().__init__(message)


def read_status(status: int, sol_status: int) -> tuple[str, bool]:
    """(word, proven) from PuLP's solve status and solution status, read together.

    PuLP reports a run stopped by its time limit with a solution as status
    "Optimal" and solution status "integer feasible": only both at optimal
    make a proven optimum.
    """
    if sol_status == C.LpSolutionOptimal and status == C.LpStatusOptimal:
        return OPTIMAL, True
    if sol_status == C.LpSolutionIntegerFeasible:
        return FEASIBLE, False
    if status == C.LpStatusInfeasible or sol_status == C.LpSolutionInfeasible:
        return INFEASIBLE, True
    if status == C.LpStatusUnbounded or sol_status == C.LpSolutionUnbounded:
        return UNBOUNDED, True
    return NOT_SOLVED, False


def _bound_and_gap(problem: pulp.LpProblem, word: str, objective: float | None):
    if word == OPTIMAL:
        return objective, 0.0
    model = getattr(problem, "solverModel", None)
    if word == FEASIBLE and model is not None and hasattr(model, "getInfo"):
        info = model.getInfo()
        bound = info.mip_dual_bound
        if problem.sense == C.LpMaximize:
            bound = -bound
        return bound, abs(info.mip_gap)
    return None, None


# ---------------------------------------------------------------- model-building helpers
def new_problem(name: str) -> pulp.LpProblem:
    return pulp.LpProblem(name, pulp.LpMinimize)


def binary(problem: pulp.LpProblem, name: str) -> pulp.LpVariable:
    return problem.add_variable(name, 0, 1, cat=C.LpBinary)


def integer(problem: pulp.LpProblem, name: str, low: float | None = None,
            high: float | None = None) -> pulp.LpVariable:
    return problem.add_variable(name, low, high, cat=C.LpInteger)


def continuous(problem: pulp.LpProblem, name: str, low: float | None = 0.0,
               high: float | None = None) -> pulp.LpVariable:
    return problem.add_variable(name, low, high, cat=C.LpContinuous)


def expr(pairs: Iterable[tuple[pulp.LpVariable, float]], constant: float = 0.0) -> pulp.LpAffineExpression:
    """A linear expression from (variable, coefficient) pairs, built in one pass.

    Repeated coefficients of one variable are summed (LpAffineExpression would
    keep only the last one).
    """
    coefs: dict[pulp.LpVariable, float] = {}
    for var, coef in pairs:
        coefs[var] = coefs.get(var, 0.0) + coef
    return pulp.LpAffineExpression(coefs, constant=constant)


def total(variables: Iterable[pulp.LpVariable]) -> pulp.LpAffineExpression:
    return pulp.lpSum(variables)


def add(problem: pulp.LpProblem, constraint: pulp.LpConstraint, name: str) -> None:
    """Add a constraint under a name that says what it means."""
    problem.addConstraint(constraint, name=_safe(name))


def set_objective(problem: pulp.LpProblem, expression: pulp.LpAffineExpression) -> None:
    problem.setObjective(expression)


def value(var_or_expr) -> float:
    v = pulp.value(var_or_expr)
    return 0.0 if v is None else float(v)


_UNSAFE = re.compile(r"[^A-Za-z0-9_]")


def _safe(name: str) -> str:
    # PuLP writes names into LP/MPS files for CBC: keep them to ASCII letters, digits and "_".
    return _UNSAFE.sub("_", name)
