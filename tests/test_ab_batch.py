"""Many A/B designs at once (optimizer/ab_batch.py): the order of work changes, the answers do not."""

from __future__ import annotations

import pytest

from optimizer import ab_batch
from optimizer.ab_batch import design_all
from optimizer.inputs import DesignInput, DutyLoad
from planner.demo.county import generate_demo
from planner.domain.options import SolveOptions
from planner.solving.solve import build_problem
from tests.tight_designs import load_designs


def _mixed():
    """The 14-township demo's designs with the tight designs kept as data among them."""
    designs = list(build_problem(generate_demo(14, 1), SolveOptions())[0].designs)
    tight = [d for d, _bound in load_designs("ab_tight_designs.json", "紧{}镇")]
    return designs[:10] + tight[:1] + designs[10:30] + tight[1:] + designs[30:]


def test_nearly_whole_designs_are_handed_out_first_and_alone():
    designs = _mixed()
    slow = [i for i, d in enumerate(designs) if ab_batch.nearly_whole(d)]
    assert len(slow) >= 2 and slow[0] > 0       # not already first in the input
    chunks = ab_batch._chunks(designs)
    assert chunks[:len(slow)] == [[i] for i in slow]
    assert sorted(i for chunk in chunks for i in chunk) == list(range(len(designs)))
    assert all(len(chunk) <= ab_batch.CHUNK for chunk in chunks)


def test_two_workers_give_every_design_back_in_its_place():
    designs = _mixed()
    one = design_all(designs, workers=1)
    two = design_all(designs, workers=2)
    assert [(d.township, d.kind) for d in two] == [(d.township, d.kind) for d in designs]
    assert [(d.township, d.kind, d.n_posts, [p.a for p in d.posts], [p.b for p in d.posts]) for d in two] == \
        [(d.township, d.kind, d.n_posts, [p.a for p in d.posts], [p.b for p in d.posts]) for d in one]


def _load_of(posts: float) -> DesignInput:
    # One duty without backup and one with (f = 0.25): A hours h1 + h2 and B load 0.25 × h2.
    cap = 1600.0
    h2 = 400.0
    h1 = posts * cap - h2 * 1.25
    return DesignInput("试镇", "institutional", (DutyLoad("甲", h1, False), DutyLoad("乙", h2, True)),
                       cap, 0.25, 3)


def test_nearly_whole_is_just_under_a_whole_number_of_posts():
    assert ab_batch.nearly_whole(_load_of(2.995))
    assert ab_batch.nearly_whole(_load_of(2.9905))
    assert not ab_batch.nearly_whole(_load_of(2.985))   # 1.5 % of a post to spare
    assert ab_batch.nearly_whole(_load_of(3.0))         # exactly full: nothing at all to spare
    assert not ab_batch.nearly_whole(_load_of(3.004))   # just over: a fourth post with almost all free


def test_each_kind_is_handed_over_once_as_soon_as_its_designs_are_done():
    designs = _mixed()
    seen = []

    def on_kind_done(kind, of_kind):
        # Every design of the kind is there, in the order given; the call comes before the end.
        seen.append((kind, [(d.township, d.kind) for d in of_kind]))

    out = design_all(designs, workers=2, on_kind_done=on_kind_done)
    kinds = {d.kind for d in designs}
    assert sorted(kind for kind, _ in seen) == sorted(kinds)
    for kind, of_kind in seen:
        assert of_kind == [(d.township, d.kind) for d in designs if d.kind == kind]
    assert [(d.township, d.kind) for d in out] == [(d.township, d.kind) for d in designs]
    # After the nearly whole ones, the chunks go out kind by kind, the fewest duties first.
    duties = {k: sum(len(d.duties) for d in designs if d.kind == k) for k in kinds}
    chunks = ab_batch._chunks(designs)
    order = [designs[chunk[0]].kind for chunk in chunks if not ab_batch.nearly_whole(designs[chunk[0]])]
    assert all(len({designs[i].kind for i in chunk}) == 1 for chunk in chunks)
    assert [k for i, k in enumerate(order) if i == 0 or order[i - 1] != k] == \
        sorted(kinds, key=lambda k: (duties[k], k))


def test_a_failing_handover_stops_the_workers_and_says_why():
    designs = _mixed()

    def on_kind_done(kind, of_kind):
        raise RuntimeError(f"no reallocation for {kind}")

    with pytest.raises(RuntimeError, match="no reallocation"):
        design_all(designs, workers=2, on_kind_done=on_kind_done)


def test_workers_started_early_give_the_same_designs_and_are_shut_down():
    designs = _mixed()
    assert ab_batch.start_workers(len(designs), workers=1) is None
    assert ab_batch.start_workers(ab_batch.SPARE_FROM - 1) is None          # too few to pay for a pool
    started = ab_batch.start_workers(len(designs), workers=2)
    assert started is not None and started.count == 2
    early = design_all(designs, started=started)
    with pytest.raises(RuntimeError):           # design_all shut the pool down
        started.pool.submit(ab_batch._ready)
    plain = design_all(designs, workers=1)
    assert [(d.township, d.kind, d.n_posts, [p.a for p in d.posts], [p.b for p in d.posts]) for d in early] == \
        [(d.township, d.kind, d.n_posts, [p.a for p in d.posts], [p.b for p in d.posts]) for d in plain]
    # One chunk only: the pool is not used, and still shut down.
    started = ab_batch.start_workers(len(designs), workers=2)
    assert len(design_all(designs[:3], started=started)) == 3
    with pytest.raises(RuntimeError):
        started.pool.submit(ab_batch._ready)


def test_a_solve_that_fails_before_its_designs_shuts_its_workers_down(monkeypatch):
    from planner.domain.workload import ParameterError
    from planner.solving import solve

    pools = []

    def start(n, workers=None):
        pools.append(ab_batch.start_workers(50, workers=2))
        return pools[-1]

    def broken(county, options):
        raise ParameterError("bad parameter")

    monkeypatch.setattr(solve, "start_workers", start)
    monkeypatch.setattr(solve, "build_problem", broken)
    with pytest.raises(ParameterError):
        solve.solve_county(generate_demo(14, 1), SolveOptions())
    assert len(pools) == 1
    with pytest.raises(RuntimeError):
        pools[0].pool.submit(ab_batch._ready)
