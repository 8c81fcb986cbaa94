"""The state a long task reports to and listens to: progress and a cancel flag.

A long job (solve, import, export, print) is a plain function
``f(*inputs, state) -> result`` that calls ``state.set_progress(fraction,
message)`` now and then and ``state.check_cancelled()`` (or tests
``state.is_cancelled()``) between steps. ui/tasks.py runs such a function off
the GUI thread -- in a thread or in a child process -- and delivers the result
on the GUI thread. No Qt here, so the same function also runs from the command
line and inside a spawned child process that never loads Qt.
"""

from __future__ import annotations

import os
import pickle
import threading
import time
import traceback
from typing import Any, Callable

from planner.errors import Cancelled, UserError


# Raised inside a task when the user asked it to stop: the planner's one Cancelled.
TaskCancelled = Cancelled


class TaskError(UserError, RuntimeError):
    """A task failed in a way that cannot be passed back as its own exception."""


class TaskState:
    """Progress and cancellation shared between the GUI and a worker thread.

    Writes come from the worker, reads from the GUI thread's poll; a lock keeps
    the (fraction, message) pair consistent. `on_progress(fraction, message)`,
    when given, hears every report in the worker's thread (the command line
    prints them).
    """

    def __init__(self, on_progress: Callable[[float, str], None] | None = None) -> None:
        self._lock = threading.Lock()
        self._progress: tuple[float, str] = (0.0, "")
        self._seq = 0
        self._cancel = threading.Event()
        self._on_progress = on_progress

    def set_progress(self, fraction: float, message: str = "") -> None:
        fraction = min(1.0, max(0.0, float(fraction)))
        with self._lock:
            self._progress = (fraction, str(message))
            self._seq += 1
        if self._on_progress is not None:
            self._on_progress(fraction, str(message))

    def progress(self) -> tuple[float, str]:
        with self._lock:
            return self._progress

    def progress_seq(self) -> int:
        """Increases with every report; lets the poller skip unchanged progress."""
        with self._lock:
            return self._seq

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def check_cancelled(self) -> None:
        if self._cancel.is_set():
            raise TaskCancelled()


class ChildTaskState:
    """The TaskState a task sees inside a child process.

    Progress goes through a queue, throttled so that a chatty task cannot flood
    the pipe; cancellation is a multiprocessing Event set by the parent.
    """

    MIN_INTERVAL = 0.05  # seconds between progress messages

    def __init__(self, progress_queue, cancel_event) -> None:
        self._queue = progress_queue
        self._cancel = cancel_event
        self._last_sent = 0.0

    def set_progress(self, fraction: float, message: str = "") -> None:
        now = time.monotonic()
        fraction = min(1.0, max(0.0, float(fraction)))
        if fraction < 1.0 and now - self._last_sent < self.MIN_INTERVAL:
            return
        self._last_sent = now
        try:
            self._queue.put_nowait((fraction, str(message)))
        except Exception:  # progress is advisory; a full queue must not fail the task
            pass

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def check_cancelled(self) -> None:
        if self._cancel.is_set():
            raise TaskCancelled()


def run_in_child(fn: Callable[..., Any], args: tuple, progress_queue, result_queue, cancel_event) -> None:
    """Entry point of a spawned child: run fn and put ("ok", result) or ("error", exc, text)."""
    if hasattr(os, "setpgrp"):
        # Its own process group, so that stopping the task also stops the process
        # pool the optimizer may have started inside it (ui.tasks kills the group).
        os.setpgrp()
    state = ChildTaskState(progress_queue, cancel_event)
    try:
        result = fn(*args, state)
    except TaskCancelled:
        result_queue.put(("cancelled", None, ""))
        return
    except BaseException as exc:  # noqa: BLE001 -- everything must reach the parent as a message
        text = traceback.format_exc()
        try:
            pickle.loads(pickle.dumps(exc))  # some exception classes pickle but do not unpickle
            result_queue.put(("error", exc, text))
        except Exception:
            result_queue.put(("error", TaskError(f"{type(exc).__name__}: {exc}"), text))
        return
    result_queue.put(("ok", result, ""))
