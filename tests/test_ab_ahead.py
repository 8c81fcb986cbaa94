"""The spare process that runs the next fill ahead (optimizer/ab_ahead.py): the same designs with it
or without it, a spare that fails never changes an answer, and it is started and stopped where the
designs run in one process."""

from __future__ import annotations

from concurrent.futures.process import BrokenProcessPool

import pytest

from optimizer import ab_ahead, ab_batch, ab_design, ab_part_posts
from optimizer.ab_design import design_posts
from planner.demo.county import generate_demo
from planner.domain.options import SolveOptions
from planner.solving.solve import build_problem


def _posts(d):
    return d.n_posts, d.lower_bound, d.method, [(p.a, p.b, p.a_hours, p.b_load_hours) for p in d.posts]


class _Counting(ab_ahead.Spare):
    """A spare that counts the fills it answered."""

    def __init__(self, pool):
        super().__init__(pool)
        self.answered = 0

    def result(self, future, fn, *args, **kwargs):
        self.answered += 1
        return super().result(future, fn, *args, **kwargs)


@pytest.fixture(scope="module")
def tight():
    """望岳荷乡's institutional design (200 townships, seed 3): 35 posts for 34.9986 posts of work,
    nine duties larger than a post; the first round of its large parts' fill fails, the second
    packs it."""
    county = generate_demo(200, 3)
    county.townships = [t for t in county.townships if t.name == "望岳荷乡"]
    problem, _ = build_problem(county, SolveOptions())
    return next(d for d in problem.designs if d.kind == "institutional")


def test_a_tight_design_is_the_same_with_a_spare_as_without(tight):
    alone = design_posts(tight)
    assert alone.proven_minimal and alone.n_posts == 35 and alone.method == "fill"
    spare = _Counting(ab_batch._new_pool(1))
    try:
        with ab_ahead.lent(spare):
            assert ab_ahead.spare() is spare
            beside = design_posts(tight)
    finally:
        ab_batch._stop_now(spare.pool)
    assert ab_ahead.spare() is None            # lent for the designs within, then given back
    assert spare.answered >= 1                 # the fill that packed it ran in the spare process
    assert _posts(beside) == _posts(alone)


def test_a_spare_that_cannot_run_never_changes_the_answer(tight):
    alone = design_posts(tight)
    pool = ab_batch._new_pool(1)
    pool.shutdown(wait=True)
    spare = ab_ahead.Spare(pool)
    with ab_ahead.lent(spare):
        assert _posts(design_posts(tight)) == _posts(alone)
    assert spare.broken and spare.ahead(print, "never") is None


def test_a_fill_whose_spare_process_died_is_computed_here():
    class Died:
        def result(self):
            raise BrokenProcessPool("the spare process died")

    spare = ab_ahead.Spare(pool=None)
    assert spare.result(Died(), sum, [1, 2, 3]) == 6
    assert spare.broken


def test_a_busy_spare_takes_nothing_more():
    pool = ab_batch._new_pool(1)
    try:
        spare = ab_ahead.Spare(pool)
        first = spare.ahead(pow, 2, 10)
        assert first is not None
        if not first.done():
            assert spare.ahead(pow, 3, 3) is None
        assert first.result() == 1024
        assert spare.ahead(pow, 3, 3).result() == 27   # free again once its fill is done
    finally:
        ab_batch._stop_now(pool)


def test_fills_run_in_the_same_order_with_a_spare(tight):
    # The fills a design asks for, in order, are the same with a spare: the spare only runs the
    # next one sooner (the fills it runs happen in its own process, so the order is read here).
    shares = ab_design.make_shares(tight)
    pieces = ab_design.pieces_of(tight, shares, True)
    bound = ab_design._bound(tight, shares, True).value
    fills = list(ab_part_posts._fills(pieces, bound, pieces.groups()))
    assert [f[-1] for f in fills[:3]] == list(ab_part_posts.ROUNDS)
    alone = ab_part_posts.fill_parts(pieces, bound)
    spare = _Counting(ab_batch._new_pool(1))
    try:
        with ab_ahead.lent(spare):
            beside = ab_part_posts.fill_parts(pieces, bound)
    finally:
        ab_batch._stop_now(spare.pool)
    assert alone is not None and beside == alone and spare.answered == 1


def test_the_spare_is_started_only_where_the_designs_run_here(monkeypatch):
    monkeypatch.setattr(ab_batch, "_cores", lambda: 2)
    assert not ab_batch.wants_spare(ab_batch.SPARE_FROM - 1)            # over in a fraction of a second
    assert ab_batch.wants_spare(ab_batch.SPARE_FROM)
    assert not ab_batch.wants_spare(ab_batch.PARALLEL_FROM)             # a pool of workers instead
    assert not ab_batch.wants_spare(ab_batch.SPARE_FROM, workers=1)     # the caller asked for one process
    monkeypatch.setattr(ab_batch, "_cores", lambda: 1)
    assert not ab_batch.wants_spare(ab_batch.SPARE_FROM)                # no idle core to lend
    assert ab_batch.start_workers(ab_batch.SPARE_FROM) is None


def test_designs_with_a_spare_are_the_same_and_the_spare_is_stopped(monkeypatch):
    monkeypatch.setattr(ab_batch, "_cores", lambda: 2)
    problem, _ = build_problem(generate_demo(14, 2), SolveOptions())
    designs = list(problem.designs)
    started = ab_batch.start_workers(ab_batch.SPARE_FROM)
    assert started is not None and started.spare and started.count == 1
    beside = ab_batch.design_all(designs, started=started)
    with pytest.raises(RuntimeError):        # design_all stopped the spare
        started.pool.submit(ab_batch._ready)
    alone = ab_batch.design_all(designs, workers=1)
    assert [_posts(d) for d in beside] == [_posts(d) for d in alone]


def test_a_spare_is_lent_to_one_thread_only():
    import threading

    spare = ab_ahead.Spare(pool=None)
    seen = []
    with ab_ahead.lent(spare):
        other = threading.Thread(target=lambda: seen.append(ab_ahead.spare()))
        other.start()
        other.join()
        assert ab_ahead.spare() is spare
    assert seen == [None]
