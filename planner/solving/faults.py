"""When the solver fails: missing, out of time without a proposal, or crashed — said plainly.

A solve either returns a whole proposal or raises; nothing is stored before it
returns (scenarios keep their last result, the ledger is untouched). What the
user needs from a failure is which of three things happened and what to do,
not a solver's internal message, which stays in `detail` for support.
"""

from __future__ import annotations

from planner.errors import UserError

# The optimizer and PuLP are looked at inside the functions below: this module names a
# solver failure for any caller, and a broken solver installation must not stop it importing.

MISSING, TIME_LIMIT, CRASHED = "missing", "time_limit", "crashed"


class SolverFailed(UserError, RuntimeError):
    """The solver produced no proposal; `kind` is MISSING, TIME_LIMIT or CRASHED."""

    def __init__(self, kind: str, message_zh: str, message_en: str, detail: str = "") -> None:
        text = f"{message_zh} ({message_en})"
        if detail:
            text += f" [{detail}]"
        super().__init__(text)
        self.kind = kind
        self.message_zh = message_zh
        self.message_en = message_en
        self.detail = detail


def available_solvers() -> list[str]:
    """The LP solvers this installation can run: HiGHS in process, CBC as a program."""
    found = []
    try:
        from optimizer import lp

        if lp.highs_available():
            found.append("HiGHS")
    except ImportError:
        pass
    try:
        import warnings

        import pulp

        with warnings.catch_warnings():
            # PuLP 3 warns that PuLP 4 will no longer bundle CBC; optimizer.lp makes that move.
            warnings.simplefilter("ignore", DeprecationWarning)
            if pulp.PULP_CBC_CMD(msg=False).available():
                found.append("CBC")
    except Exception:  # a broken PuLP install: no CBC
        pass
    return found


def _missing(detail: str) -> SolverFailed:
    return SolverFailed(
        MISSING,
        "找不到可用的求解器（HiGHS 或 CBC），无法计算方案。请重新安装本软件（pip install highspy pulp）。",
        "No solver (HiGHS or CBC) could be run, so no proposal was computed. "
        "Reinstall the planner (pip install highspy pulp).", detail)


def solver_failed(exc: BaseException, time_limit: float, elapsed: float) -> SolverFailed:
    """The SolverFailed that explains `exc`, raised by the optimizer after `elapsed` seconds."""
    detail = f"{type(exc).__name__}: {exc}"
    text = str(exc).lower()
    if not available_solvers() or "cannot execute" in text or "not available" in text:
        return _missing(detail)
    from optimizer.lp import NoSolution

    if isinstance(exc, NoSolution) or elapsed >= 0.9 * time_limit:
        return SolverFailed(
            TIME_LIMIT,
            f"求解在时限 {time_limit:g} 秒内没有得到可行方案，未生成方案。请在“工具 → 求解时限”中放宽时限后重试。",
            f"The solver found no proposal within the time limit of {time_limit:g} s; nothing was produced. "
            f"Allow more time (Tools → Solver time limit, or --time-limit) and solve again.", detail)
    return SolverFailed(
        CRASHED,
        "求解器运行出错，未生成方案，台账和情景均未改动。可重试；如仍出错，请把本消息发给技术支持。",
        "The solver failed while computing; nothing was produced and neither the ledger nor any "
        "scenario was changed. Try again; if it fails again, send this message to support.", detail)
