"""Solving from the window: the task runner, progress, Cancel, readable failures, responsiveness."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QElapsedTimer, QSettings, QTimer

import task_funcs
from ui import tasks
from ui.tasks import run_task


class Outcome:
    """Collects what the callbacks of one task received."""

    def __init__(self) -> None:
        self.result = self.error = None
        self.cancelled = False
        self.progress: list[tuple[float, str]] = []

    def kwargs(self) -> dict:
        return dict(on_success=lambda r: setattr(self, "result", r),
                    on_failure=lambda e: setattr(self, "error", e),
                    on_cancelled=lambda: setattr(self, "cancelled", True),
                    on_progress=lambda f, m: self.progress.append((f, m)))


# ---------------------------------------------------------------- the runner
@pytest.mark.parametrize("process", [False, True], ids=["thread", "process"])
def test_runner_delivers_result_and_progress_on_the_gui_thread(qtbot, process):
    out = Outcome()
    handle = run_task(None, task_funcs.count_to, 5, 0.02, process=process, **out.kwargs())
    with qtbot.waitSignal(handle.finished, timeout=15000):
        pass
    assert out.result == 5 and out.error is None and not out.cancelled
    assert out.progress and out.progress[-1] == (1.0, "step 5")
    fractions = [f for f, _ in out.progress]
    assert fractions == sorted(fractions)
    assert not handle.is_running()


@pytest.mark.parametrize("process", [False, True], ids=["thread", "process"])
def test_runner_delivers_the_exception_of_a_failed_task(qtbot, process):
    out = Outcome()
    handle = run_task(None, task_funcs.fail, "bad volume", process=process, **out.kwargs())
    with qtbot.waitSignal(handle.failed, timeout=15000) as blocker:
        pass
    assert isinstance(out.error, ValueError) and str(out.error) == "bad volume"
    assert blocker.args[0] is out.error
    assert "ValueError" in handle.traceback_text
    assert out.result is None and not out.cancelled


@pytest.mark.parametrize("process", [False, True], ids=["thread", "process"])
def test_cancel_stops_a_cooperative_task(qtbot, process):
    out = Outcome()
    handle = run_task(None, task_funcs.count_to, 500, 0.01, process=process, **out.kwargs())
    qtbot.waitUntil(lambda: bool(out.progress), timeout=15000)
    started = time.monotonic()
    with qtbot.waitSignal(handle.cancelled, timeout=5000):
        handle.cancel()
    assert time.monotonic() - started < 1.5  # stopped at its next check, not after 5 s of work
    assert out.cancelled and out.result is None and out.error is None
    assert out.progress[-1][0] < 1.0


def test_cancel_terminates_a_child_that_ignores_the_flag(qtbot, monkeypatch):
    monkeypatch.setattr(tasks, "CANCEL_GRACE_MS", 200)
    out = Outcome()
    handle = run_task(None, task_funcs.ignore_cancel, 60, process=True, **out.kwargs())
    qtbot.wait(300)
    started = time.monotonic()
    with qtbot.waitSignal(handle.cancelled, timeout=5000):
        handle.cancel()
    assert time.monotonic() - started < 3
    assert out.cancelled and out.result is None
    assert not handle._proc.is_alive()


def test_a_large_result_comes_back_from_a_child(qtbot):
    out = Outcome()
    handle = run_task(None, task_funcs.big_result, 300_000, process=True, **out.kwargs())
    with qtbot.waitSignal(handle.finished, timeout=15000):
        pass
    assert out.result == list(range(300_000))


def test_synchronous_mode_runs_in_the_calling_thread_before_returning():
    out = Outcome()
    with tasks.synchronous():
        handle = run_task(None, task_funcs.count_to, 3, 0.0, **out.kwargs())
        assert out.result == 3 and [f for f, _ in out.progress] == pytest.approx([1 / 3, 2 / 3, 1.0])
        assert not handle.is_running()
        failed = Outcome()
        run_task(None, task_funcs.fail, "x", **failed.kwargs())
        assert isinstance(failed.error, ValueError)
    assert not tasks.is_synchronous()
