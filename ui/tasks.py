"""Run long work off the GUI thread and get the answer back on it.

After Orange's ``Orange/widgets/utils/concurrent.py`` (TaskState + a helper
that runs ``f(inputs, state)`` and delivers on the GUI thread), with Anki's
success/failure callback style. The whole API::

    from ui.tasks import run_task, TaskCancelled, set_synchronous

    handle = run_task(parent, fn, *args,
                      on_success=lambda result: ...,     # GUI thread
                      on_failure=lambda exc: ...,        # GUI thread; handle.traceback_text has details
                      on_progress=lambda fraction, message: ...,   # GUI thread, 0.0 … 1.0
                      on_cancelled=lambda: ...,          # GUI thread, after handle.cancel()
                      process=False)                     # True: a spawned child process
    handle.cancel()          # cooperative; a child process is terminated after a grace period
    handle.is_running()
    # Qt signals on the handle, for qtbot.waitSignal: progress(float, str),
    # succeeded(object), failed(object), cancelled(), finished()

``fn`` is called as ``fn(*args, state)``; ``state`` is a planner.taskstate
TaskState with ``set_progress(fraction, message)``, ``is_cancelled()`` and
``check_cancelled()`` (raises TaskCancelled). Exactly one of on_success /
on_failure / on_cancelled is called, once; after ``cancel()`` it is always
on_cancelled, even if the work happened to finish (the user said stop).

Threads or a process: a thread is enough when the work releases the GIL or
runs in short Python steps (the GUI gets the GIL back every 5 ms, see
sys.getswitchinterval). Work that holds the GIL in one long C call would
freeze the window; pass ``process=True`` then. In a process, ``fn`` must be a
module-level function and ``args`` and the result picklable; the child is
started with the "spawn" context (no fork of a Qt process) and never loads Qt
as long as ``fn``'s module does not.

Tests call ``set_synchronous(True)``: ``run_task`` then runs ``fn`` in the
calling thread and calls the callbacks before it returns.
"""

from __future__ import annotations

import atexit
import gc
import multiprocessing
import os
import queue
import signal
import threading
import traceback
from contextlib import contextmanager
from typing import Any, Callable, Iterator

from PySide6.QtCore import QObject, QTimer, Signal

from planner.taskstate import TaskCancelled, TaskError, TaskState, run_in_child

__all__ = ["run_task", "TaskHandle", "TaskState", "TaskCancelled", "TaskError",
           "set_synchronous", "synchronous", "is_synchronous"]

POLL_MS = 30            # how often the GUI thread looks for progress and results
CANCEL_GRACE_MS = 2000  # a child that ignores the cancel flag this long is terminated
REAP_POLL_MS = 100      # a child that has delivered is looked at this often until it has exited
REAP_TIMEOUT_MS = 5000  # ... and terminated if it is still there after this long

_synchronous = False
_children: set = set()  # live child processes, terminated at exit
_running: set = set()   # handles of running tasks: kept alive even when the caller drops them


def set_synchronous(on: bool) -> None:
    """Run every task in the calling thread (for tests); callbacks fire before run_task returns."""
    global _synchronous
    _synchronous = bool(on)


def is_synchronous() -> bool:
    return _synchronous


@contextmanager
def synchronous(on: bool = True) -> Iterator[None]:
    previous = _synchronous
    set_synchronous(on)
    try:
        yield
    finally:
        set_synchronous(previous)


def terminate_process(proc) -> None:
    """Stop a task's child and everything it started (its process group, on POSIX)."""
    if os.name == "posix":
        try:
            os.killpg(proc.pid, signal.SIGTERM)  # the child leads its own group (run_in_child)
            return
        except (ProcessLookupError, PermissionError, TypeError):
            pass  # not a group leader yet (or already gone): the child alone
    if proc.is_alive():
        proc.terminate()


@atexit.register
def _terminate_children() -> None:
    for proc in list(_children):
        if proc.is_alive():
            terminate_process(proc)


def stop_children() -> None:
    """Stop every task's child process now (the window has closed: nothing will read their results).

    The atexit hook above runs too late to help: multiprocessing's own exit
    hook, registered after it, runs first and waits for every non-daemon child
    to finish its work (a scenario check on 2,000 townships: many seconds).
    """
    _terminate_children()


Callback = Callable[..., Any] | None


def _receive(result_queue, timeout: float = 0.1):
    """One message from a child, unpickled without a cyclic-GC pass in the middle.

    A proposal is a few hundred thousand small objects. Unpickling them makes
    the collector run, and a full collection walks every object of the
    process while holding the GIL: measured at 0.75 s with the window open, a
    frozen window. So the collector is held off while the message is
    unpickled, and afterwards everything then alive is moved to the permanent
    generation (gc.freeze), which full collections skip. The result dicts are
    plain trees, freed by reference counting when dropped, so nothing leaks.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        message = result_queue.get(timeout=timeout)
    finally:
        if enabled:
            gc.enable()
    gc.freeze()
    return message


def _reap_later(proc, waited_ms: int = 0) -> None:
    """Collect a finished child without blocking; terminate one that does not exit in time."""
    if not proc.is_alive():
        proc.join(timeout=0)
        _children.discard(proc)
        return
    if waited_ms >= REAP_TIMEOUT_MS:
        terminate_process(proc)
    QTimer.singleShot(REAP_POLL_MS, lambda: _reap_later(proc, waited_ms + REAP_POLL_MS))


class TaskHandle(QObject):
    """One running task. Lives on the GUI thread; a timer polls the worker."""

    progress = Signal(float, str)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()

    def __init__(self, parent: QObject | None, on_success: Callback, on_failure: Callback,
                 on_progress: Callback, on_cancelled: Callback) -> None:
        super().__init__(parent)
        self._callbacks = (on_success, on_failure, on_progress, on_cancelled)
        self._running = True
        self._cancel_requested = False
        self.traceback_text = ""
        self.last_progress: tuple[float, str] = (0.0, "")
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)

    # -- public ---------------------------------------------------------------
    def is_running(self) -> bool:
        return self._running

    def cancel(self) -> None:
        """Ask the task to stop; on_cancelled follows on the GUI thread."""
        if not self._running or self._cancel_requested:
            return
        self._cancel_requested = True
        self._request_cancel()

    # -- for subclasses -------------------------------------------------------
    def _request_cancel(self) -> None:
        raise NotImplementedError

    def _poll(self) -> None:
        raise NotImplementedError

    def _report_progress(self, fraction: float, message: str) -> None:
        if not self._running:
            return
        self.last_progress = (fraction, message)
        on_progress = self._callbacks[2]
        if on_progress is not None:
            on_progress(fraction, message)
        self.progress.emit(fraction, message)

    def _finish(self, outcome: str, value: Any = None) -> None:
        if not self._running:
            return
        self._running = False
        self._timer.stop()
        _running.discard(self)
        on_success, on_failure, _, on_cancelled = self._callbacks
        if self._cancel_requested or outcome == "cancelled":
            if on_cancelled is not None:
                on_cancelled()
            self.cancelled.emit()
        elif outcome == "ok":
            if on_success is not None:
                on_success(value)
            self.succeeded.emit(value)
        else:
            if on_failure is not None:
                on_failure(value)
            self.failed.emit(value)
        self.finished.emit()
        # The Python side (is_running, traceback_text) stays readable; the Qt side
        # (timer, signals) is released with the event loop's next turn.
        self.deleteLater()


class _ThreadHandle(TaskHandle):
    def start(self, fn: Callable, args: tuple) -> None:
        self.state = TaskState()
        self._outcome: tuple[str, Any] | None = None
        self._seen_seq = 0

        def work() -> None:
            try:
                outcome = ("ok", fn(*args, self.state))
            except TaskCancelled:
                outcome = ("cancelled", None)
            except BaseException as exc:  # noqa: BLE001 -- reported to the GUI, never lost
                self.traceback_text = traceback.format_exc()
                outcome = ("error", exc)
            self._outcome = outcome  # one reference assignment: atomic under the GIL

        # Daemon: a solve still running when the window closes must not keep the process alive.
        self._thread = threading.Thread(target=work, name="planner-task", daemon=True)
        self._thread.start()
        self._timer.start()

    def _request_cancel(self) -> None:
        self.state.cancel()

    def _poll(self) -> None:
        seq = self.state.progress_seq()
        if seq != self._seen_seq:
            self._seen_seq = seq
            self._report_progress(*self.state.progress())
        if self._outcome is not None:
            self._finish(*self._outcome)


class _ProcessHandle(TaskHandle):
    def start(self, fn: Callable, args: tuple) -> None:
        ctx = multiprocessing.get_context("spawn")
        self._progress_q = ctx.Queue()
        self._result_q = ctx.Queue()
        self._cancel_event = ctx.Event()
        # Not a daemon on POSIX: a daemonic process may not start processes of its own,
        # and the optimizer runs its A/B designs in a process pool. Stopping the task
        # kills the child's process group, pool included; the atexit hook does the same
        # when the application quits. Windows has no process groups: there the child
        # is a daemon, so the optimizer stays in one process and nothing is orphaned.
        self._proc = ctx.Process(target=run_in_child, name="planner-task", daemon=os.name != "posix",
                                 args=(fn, args, self._progress_q, self._result_q, self._cancel_event))
        self._proc.start()
        _children.add(self._proc)
        self._message: tuple | None = None  # (kind, value, traceback text) once the reader has it
        self._reader = threading.Thread(target=self._read_result, name="planner-task-reader", daemon=True)
        self._reader.start()
        self._timer.start()

    def _read_result(self) -> None:
        """Wait for the child's answer on a thread of its own.

        A result of a few megabytes arrives only as fast as the child writes it,
        and on a busy machine the child may not run for a while: the GUI thread
        must never wait inside that read. Unpickling happens here too.
        """
        while True:
            try:
                self._message = _receive(self._result_q)
                return
            except queue.Empty:
                if self._proc.is_alive():
                    continue
                try:  # an exited child's last message is already in the pipe
                    self._message = self._result_q.get_nowait()
                except Exception:
                    self._message = ("exited", None, "")
                return
            except (EOFError, OSError):  # the pipe broke: the child was killed mid-write
                self._message = ("exited", None, "")
                return
            except Exception as exc:  # a message that cannot be unpickled here
                self._message = ("error", TaskError(f"{type(exc).__name__}: {exc}"), traceback.format_exc())
                return

    def _request_cancel(self) -> None:
        self._cancel_event.set()
        QTimer.singleShot(CANCEL_GRACE_MS, self, self._terminate_if_alive)

    def _terminate_if_alive(self) -> None:
        if self._running and self._proc.is_alive():
            terminate_process(self._proc)

    def _poll(self) -> None:
        latest = None
        while True:
            try:
                latest = self._progress_q.get_nowait()
            except queue.Empty:
                break
            except Exception:  # a queue broken by terminate() has nothing more to say
                break
        if latest is not None:
            self._report_progress(*latest)
        message = self._message
        if message is None:
            return
        kind, value, text = message
        if kind == "exited":
            self._proc.join(timeout=0)
            code = self._proc.exitcode
            kind, value = ("cancelled", None) if self._cancel_requested else (
                "error", TaskError(f"计算进程意外退出（退出码 {code}）。 "
                                   f"(The worker process stopped unexpectedly, exit code {code}.)"))
        self.traceback_text = text
        self._cleanup()
        self._finish(kind, value)

    def _cleanup(self) -> None:
        # Never join here: a child tearing down its interpreter (and its own pool)
        # can take most of a second, and this runs on the GUI thread. The result is
        # delivered now; the process is reaped a little later.
        for q in (self._progress_q, self._result_q):
            q.close()
            q.cancel_join_thread()
        _reap_later(self._proc)


class _SyncHandle(TaskHandle):
    def start(self, fn: Callable, args: tuple) -> None:
        self.state = TaskState()
        handle = self

        class _State(TaskState):
            # Progress reaches the callback at once: there is no poll in this mode.
            def set_progress(self, fraction: float, message: str = "") -> None:
                super().set_progress(fraction, message)
                handle._report_progress(*self.progress())

        self.state = _State()
        try:
            outcome = ("ok", fn(*args, self.state))
        except TaskCancelled:
            outcome = ("cancelled", None)
        except Exception as exc:  # noqa: BLE001
            self.traceback_text = traceback.format_exc()
            outcome = ("error", exc)
        self._finish(*outcome)

    def _request_cancel(self) -> None:
        self.state.cancel()


def run_task(parent: QObject | None, fn: Callable, *args: Any, on_success: Callback = None,
             on_failure: Callback = None, on_progress: Callback = None, on_cancelled: Callback = None,
             process: bool = False) -> TaskHandle:
    """Run ``fn(*args, state)`` off the GUI thread; see the module docstring."""
    cls = _SyncHandle if _synchronous else (_ProcessHandle if process else _ThreadHandle)
    handle = cls(parent, on_success, on_failure, on_progress, on_cancelled)
    _running.add(handle)
    handle.start(fn, args)
    return handle
