"""Python's cycle collector held back while a ledger loads or a county is solved.

A county of 2,000 townships is a few million small objects that live for the
whole solve (townships, duties, design inputs and results, the models' rows).
Python's cycle collector walks every one of them each time enough new objects
have outlived its first two generations: at its usual thresholds, nine full
walks in one solve and 1.2 s of the solving process's time at 2,000 townships,
on top of 0.2 s in the load. Loading and solving make few reference cycles (the
peak memory is the same with the collector held back), and what dies young is
freed at once by reference counting anyway, so within them the collector waits
for many more new objects before it looks. The same work is done either way;
the answers do not depend on it. The thresholds are put back afterwards.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# (new objects before a first-generation walk, first-generation walks before a second, second
# before a full one): 0.24 s of collecting in a 2,000-township solve instead of 1.4 s.
THRESHOLDS = (100_000, 50, 100)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Within: the collector's THRESHOLDS (never lower than the ones in force); after: the ones before."""
    before = gc.get_threshold()
    gc.set_threshold(*(max(now, held) for now, held in zip(before, THRESHOLDS)))
    try:
        yield
    finally:
        gc.set_threshold(*before)
