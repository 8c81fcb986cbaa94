"""Running many A/B designs: in this process, or in worker processes for a large county.

Designs are independent, so a province-sized county is split into chunks
handed to a pool of spawned processes (spawn, not fork: the caller may be a
GUI with threads). Progress is reported and the cancel flag checked after
every chunk. A process that may not have children (a daemonic worker, as the
window's solve runs in) works through the designs itself. A county too small
for a pool runs its designs in this process, and from SPARE_FROM designs with
one spare process beside them that runs a tight design's next fill ahead
(ab_ahead): the same designs, sooner.

Each design is bounded by work (solver nodes), never by the clock, and the
results are put back in the order of the input: the same county gives the
same designs with one process or several, on a busy machine or an idle one.
The user's time limit (`deadline`) is the only clock: when it passes, the
stage stops with lp.OutOfTime instead of handing back weaker designs.
"""

from __future__ import annotations

import math
import multiprocessing
import os
from collections import Counter
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Callable

from optimizer import ab_ahead
from optimizer.ab_design import MAX_NODES, SPLITS, design_posts
from optimizer.ab_part_posts import NEARLY_FULL
from optimizer.inputs import DesignInput
from optimizer.lp import time_left
from optimizer.plan import ABDesign
from optimizer.words import progress_words

PARALLEL_FROM = 900        # designs; below this the pool's start-up costs more than it saves
# Designs from which, below PARALLEL_FROM, a spare process runs the next fill of a tight design
# ahead (ab_ahead) on the core this process leaves idle. With fewer, the stage takes a fraction
# of a second and the spare's start-up (a fifth of a second) would only compete with it.
SPARE_FROM = 300
CHUNK = 20


class Cancelled(Exception):
    """The caller asked the optimizer to stop."""


def _run_chunk(designs: list[DesignInput], max_nodes: int, splits: str, deadline: float | None,
               prefer: str, cancel: Callable[[], bool] | None = None) -> list[ABDesign]:
    out = []
    for design in designs:
        if cancel is not None and cancel():
            raise Cancelled()
        time_left(deadline)
        out.append(design_posts(design, max_nodes=max_nodes, splits=splits, deadline=deadline, prefer=prefer))
    return out


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def default_workers(n_designs: int) -> int:
    if n_designs < PARALLEL_FROM or multiprocessing.current_process().daemon:
        return 1
    return max(1, min(_cores(), 8))


def wants_spare(n_designs: int, workers: int | None = None) -> bool:
    """Whether the designs run here with a spare process beside them (ab_ahead): the number
    of workers left to the machine, too few designs for a pool, enough for a tight one to
    matter, a second core, and a process that may have children."""
    return (workers is None and SPARE_FROM <= n_designs < PARALLEL_FROM and _cores() > 1
            and not multiprocessing.current_process().daemon)


@dataclass
class Workers:
    """Worker processes started before their designs are ready (start_workers); `spare`: one
    process lent to the designs run here (ab_ahead) rather than a pool they are handed to."""

    pool: ProcessPoolExecutor
    count: int
    spare: bool = False

    def stop(self) -> None:
        """Shut the pool down: at once for a spare (what it runs then is never read), else
        after the work handed out (none is left unless the designs stopped early)."""
        if self.spare:
            _stop_now(self.pool)
        else:
            self.pool.shutdown(wait=True, cancel_futures=True)


def start_workers(n_designs: int, workers: int | None = None) -> Workers | None:
    """The pool design_all will use for `n_designs` designs, its workers started now; None for none.

    Spawning a worker and importing the designer there takes about a fifth of a second: started
    before the designs are built, that passes while the caller builds them. design_all shuts the
    pool down when it is done with it; a caller that never gets there stops it (Workers.stop).
    """
    if multiprocessing.current_process().daemon:
        return None
    spare = wants_spare(n_designs, workers)
    if spare:
        workers = 1
    elif workers is None:
        workers = default_workers(n_designs)
    if workers <= 1 and not spare:
        return None
    pool = _new_pool(workers)
    for _ in range(workers):
        pool.submit(_ready)   # each submission starts a worker (none is idle yet)
    return Workers(pool, workers, spare=spare)


def _ready() -> None:
    """Nothing: a worker that runs it has started and imported the designer."""


def _new_pool(workers: int) -> ProcessPoolExecutor:
    context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_yield_to_the_window)


def design_all(designs: list[DesignInput], *, max_nodes: int = MAX_NODES, splits: str = SPLITS,
               deadline: float | None = None, prefer: str = "auto", workers: int | None = None,
               progress: Callable[[float, str], None] | None = None,
               cancel: Callable[[], bool] | None = None,
               on_kind_done: Callable[[str, list[ABDesign]], None] | None = None,
               started: Workers | None = None) -> list[ABDesign]:
    """Every design, in the order given.

    `max_nodes` is the work limit of each exact model; `deadline` a time.time()
    instant (the user's limit) after which lp.OutOfTime is raised. `on_kind_done(kind,
    designs)` is called in this process as soon as every design of a kind is done (its
    designs in the order given), while the workers go on with the other kinds. `started`:
    workers started earlier (start_workers), used instead of starting them here and shut
    down here as those would be.
    """
    pool = None
    if started is None and wants_spare(len(designs), workers):
        started = start_workers(len(designs), workers)
    if started is not None and started.spare:
        try:
            with ab_ahead.lent(ab_ahead.Spare(started.pool)):
                return design_all(designs, max_nodes=max_nodes, splits=splits, deadline=deadline,
                                  prefer=prefer, workers=1, progress=progress, cancel=cancel,
                                  on_kind_done=on_kind_done)
        finally:
            started.stop()
    if started is not None:
        pool, workers = started.pool, started.count
    elif workers is None:
        workers = default_workers(len(designs))
    if multiprocessing.current_process().daemon:
        workers = 1
    places = _chunks(designs) if workers > 1 else [list(range(i, min(i + CHUNK, len(designs))))
                                                   for i in range(0, len(designs), CHUNK)]
    chunks = [[designs[i] for i in place] for place in places]
    taken = [False] * len(chunks)
    out: list[ABDesign | None] = [None] * len(designs)
    left = Counter(d.kind for d in designs)
    done = 0

    def report() -> None:
        if progress is not None:
            count = f" {done}/{len(designs)}"
            progress(done / max(1, len(designs)), progress_words("ab_design", count, count))

    def take(index: int, chunk_results: list[ABDesign]) -> None:
        # Each design back to its place in the input, whatever order the chunks ran in.
        nonlocal done
        taken[index] = True
        finished = []
        for i, design in zip(places[index], chunk_results):
            out[i] = design
            left[designs[i].kind] -= 1
            if left[designs[i].kind] == 0:
                finished.append(designs[i].kind)
        done += len(chunk_results)
        report()
        for kind in finished:
            if on_kind_done is not None:
                on_kind_done(kind, [d for d, given in zip(out, designs) if given.kind == kind])  # type: ignore[misc]

    job = (max_nodes, splits, deadline, prefer)
    if workers > 1 and len(chunks) > 1:
        try:
            _in_pool(pool or _new_pool(workers), chunks, taken, job, cancel, take)
        except BrokenProcessPool:
            # A worker could not start (e.g. a script without the `if __name__ == "__main__"`
            # guard that spawn needs): finish what is left in this process.
            pass
    elif pool is not None:
        pool.shutdown(wait=True)
    for index, chunk in enumerate(chunks):
        if taken[index]:
            continue
        if cancel is not None and cancel():
            raise Cancelled()
        take(index, _run_chunk(chunk, *job, cancel))
    return out  # type: ignore[return-value]


def nearly_whole(design: DesignInput) -> bool:
    """Whether the design's load (A hours and B loads) is just under a whole number of posts.

    Within NEARLY_FULL of a post it may need the fill, the large parts, splitting posts again
    and the exact model: seconds where others take a millisecond. _chunks hands such designs
    out first, one a chunk, so that the others fill the workers' time around them instead of
    one of them finishing last.
    """
    f = design.backup_load_factor
    posts = math.fsum(d.hours * (1 + f * d.needs_backup) for d in design.duties) / design.capacity_hours
    return math.ceil(posts) - posts <= NEARLY_FULL   # exactly whole: the tightest of all


def _chunks(designs: list[DesignInput]) -> list[list[int]]:
    """The designs' indices in chunks for the pool: the nearly whole ones first, alone; then the
    others kind by kind, the kind with the fewest duties first, so that whole kinds are done
    (and their reallocation can start) while the workers go on with the rest."""
    slow = [i for i, d in enumerate(designs) if nearly_whole(d)]
    marked = set(slow)
    duties = Counter()
    for d in designs:
        duties[d.kind] += len(d.duties)
    rank = {kind: r for r, kind in enumerate(sorted(duties, key=lambda k: (duties[k], k)))}
    chunks = [[i] for i in slow]
    for kind in sorted(rank, key=rank.get):
        rest = [i for i, d in enumerate(designs) if d.kind == kind and i not in marked]
        chunks += [rest[j:j + CHUNK] for j in range(0, len(rest), CHUNK)]
    return chunks


def _yield_to_the_window() -> None:
    """Workers run at a lower priority, so that the window (or other work) stays responsive."""
    try:
        os.nice(5)
    except (AttributeError, OSError):  # pragma: no cover - not POSIX
        pass


def _in_pool(pool, chunks, taken, job, cancel, take) -> None:
    try:
        # Each chunk's results go back to its own place, whichever worker finishes first.
        pending = {pool.submit(_run_chunk, chunk, *job): index
                   for index, chunk in enumerate(chunks) if not taken[index]}
        while pending:
            finished, _ = wait(pending, timeout=0.1, return_when=FIRST_COMPLETED)
            if cancel is not None and cancel():
                raise Cancelled()
            for future in sorted(finished, key=pending.get):   # in the order handed out
                take(pending.pop(future), future.result())
    except BaseException:
        _stop_now(pool)
        raise
    pool.shutdown(wait=True)


def _stop_now(pool: ProcessPoolExecutor) -> None:
    """Cancel at once: stop the workers in the middle of their chunk, do not wait for them."""
    # ProcessPoolExecutor has no public way to stop running work before Python 3.14.
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        if process.is_alive():
            process.terminate()
    pool.shutdown(wait=False, cancel_futures=True)
