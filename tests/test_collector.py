"""The cycle collector held back while a ledger loads or a county is solved (planner/collector.py),
and put back as it was afterwards, whatever happened within."""

from __future__ import annotations

import gc

import pytest

from planner.collector import THRESHOLDS, fewer_collections
from planner.domain.options import SolveOptions


@pytest.fixture
def usual():
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield (700, 10, 10)
    gc.set_threshold(*before)


def test_thresholds_are_raised_within_and_put_back_after(usual):
    with fewer_collections():
        assert gc.get_threshold() == THRESHOLDS
        with fewer_collections():           # nested: the same, and the outer one still holds after
            assert gc.get_threshold() == THRESHOLDS
        assert gc.get_threshold() == THRESHOLDS
    assert gc.get_threshold() == usual


def test_thresholds_are_put_back_after_an_error(usual):
    with pytest.raises(ZeroDivisionError):
        with fewer_collections():
            1 / 0
    assert gc.get_threshold() == usual


def test_higher_thresholds_set_by_the_caller_are_never_lowered():
    before = gc.get_threshold()
    try:
        gc.set_threshold(500_000, 5, 1_000)
        with fewer_collections():
            assert gc.get_threshold() == (500_000, THRESHOLDS[1], 1_000)
        assert gc.get_threshold() == (500_000, 5, 1_000)
    finally:
        gc.set_threshold(*before)


def test_a_solve_and_a_load_run_with_the_collector_held_back(usual, monkeypatch, demo_db):
    from planner.solving import solve
    from planner.store import ledger

    seen = []
    build, row = solve.build_problem, ledger.county_row

    def watched_build(county, options):
        seen.append(gc.get_threshold())
        return build(county, options)

    def watched_row(session):
        seen.append(gc.get_threshold())
        return row(session)

    monkeypatch.setattr(solve, "build_problem", watched_build)
    monkeypatch.setattr(ledger, "county_row", watched_row)
    with demo_db.session() as session:
        county = ledger.load_county(session)
    assert seen == [THRESHOLDS] and gc.get_threshold() == usual
    solve.solve_county(county, SolveOptions(workers=1))
    assert seen == [THRESHOLDS, THRESHOLDS] and gc.get_threshold() == usual
