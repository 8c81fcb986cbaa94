"""A spare process that runs the next fill ahead, while this process runs the one before.

In a county too small for worker processes (ab_batch.PARALLEL_FROM) the designs
run in this process and the second core is idle; yet one tight design can take
most of the stage, trying the fills of its large parts one after the other
(ab_part_posts: way by way, round by round, until one packs it). The spare
process then runs fill i + 1 while this process runs fill i. The fills and their
order are the same, and a fill's answer depends only on its input, so a design
is the same with the spare or without it; only sooner. When fill i packs the
design, the spare's answer is not used, and the spare, busy with it, lends
nothing until it is done (the next design runs its fills one after the other).

The spare is lent for the designs of one stage (`lent`) and stopped after them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager


class Spare:
    """One spare worker process, running at most one fill at a time."""

    def __init__(self, pool: ProcessPoolExecutor):
        self.pool = pool
        self.running: Future | None = None
        self.broken = False

    def ahead(self, fn: Callable, *args, **kwargs) -> Future | None:
        """fn(*args, **kwargs) started in the spare process, or None when it is busy or broken."""
        if self.broken or (self.running is not None and not self.running.done()):
            return None
        try:
            self.running = self.pool.submit(fn, *args, **kwargs)
        except (BrokenProcessPool, RuntimeError):   # the worker could not start, or shut down
            self.broken = True
            return None
        return self.running

    def result(self, future: Future, fn: Callable, *args, **kwargs):
        """The answer of a fill started ahead; computed here if the spare process failed."""
        try:
            return future.result()
        except BrokenProcessPool:
            self.broken = True
            return fn(*args, **kwargs)


# Per thread: designs run in two threads at once never share (or stop) each other's spare.
_lent = threading.local()


def spare() -> Spare | None:
    """The spare lent to this thread's designs, if any."""
    return getattr(_lent, "spare", None)


@contextmanager
def lent(spare_: Spare) -> Iterator[Spare]:
    """The spare lent to the designs run within, in this thread."""
    before = spare()
    _lent.spare = spare_
    try:
        yield spare_
    finally:
        _lent.spare = before
