"""Module-level task functions for the runner tests (a spawned child must import them)."""

from __future__ import annotations

import time


def count_to(n: int, delay: float, state) -> int:
    """Reports progress n times; stops when cancelled."""
    for i in range(n):
        state.check_cancelled()
        time.sleep(delay)
        state.set_progress((i + 1) / n, f"step {i + 1}")
    return n


def fail(message: str, state) -> None:
    raise ValueError(message)


def ignore_cancel(seconds: float, state) -> str:
    """A task that never looks at the cancel flag: only terminate() stops it in a process."""
    time.sleep(seconds)
    return "done"


def big_result(n: int, state) -> list[int]:
    return list(range(n))


def pool_and_sleep(seconds: float, state) -> str:
    """Starts a process pool of its own and waits on it, deaf to the cancel flag (as a long A/B stage)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        state.set_progress(0.5, "pool started")
        return pool.submit(time.sleep, seconds).result() or "done"
