"""The cycle collector held back while a ledger loads or a county is solved (planner/collector.py),
and put back as it was afterwards, whatever happened within."""

from __future__ import annotations

import gc

import pytest

from planner.collector import THRESHOLDS, fewer_collections
from planner.demo.county import generate_demo
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


def test_a_solve_and_a_load_run_with_the_collector_held_back(usual, monkeypatch, tmp_path):
    from planner.solving import solve
    from planner.store.db import open_database
    from planner.store.ledger import load_county, replace_county

    seen = []
    build = solve.build_problem

    def watched(county, options):
        seen.append(gc.get_threshold())
        return build(county, options)

    monkeypatch.setattr(solve, "build_problem", watched)
    county = generate_demo(14, 1)
    solve.solve_county(county, SolveOptions(workers=1))
    assert seen == [THRESHOLDS] and gc.get_threshold() == usual

    from planner.store import ledger

    row = ledger.county_row

    def watched_row(session):
        seen.append(gc.get_threshold())
        return row(session)

    monkeypatch.setattr(ledger, "county_row", watched_row)
    database = open_database(str(tmp_path / "ledger.sqlite"))
    try:
        with database.session() as session:
            replace_county(session, county)
        with database.session() as session:
            loaded = load_county(session)
    finally:
        database.close()
    assert len(loaded.townships) == 14
    assert seen[-1] == THRESHOLDS and gc.get_threshold() == usual
