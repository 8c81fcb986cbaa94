"""Solver faults — missing solver, time limit hit without a proposal, solver crash — end in one clear
error, store nothing, and leave the planner able to solve again."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from safety_helpers import file_digest, write_ledger
from planner.store.db import open_database
from planner.demo.county import generate_demo
from planner.domain.options import SolveOptions
from planner.solving.solve import solve_county
from planner.solving.faults import CRASHED, MISSING, TIME_LIMIT, SolverFailed, available_solvers

ROOT = Path(__file__).resolve().parents[1]
COUNTY = generate_demo(3, 1)


def options(**kw) -> SolveOptions:
    return SolveOptions(workers=1, **kw)  # in this process, where the test's stand-ins apply


@pytest.fixture
def no_solver(monkeypatch, tmp_path):
    """Neither HiGHS (highspy) nor the CBC program can be run."""
    import pulp

    import optimizer.lp as lp

    monkeypatch.setattr(lp, "_BulkHiGHS", None)
    monkeypatch.setattr(pulp.PULP_CBC_CMD, "pulp_cbc_path", str(tmp_path / "no-such-cbc"))


def test_missing_solver_is_named(no_solver):
    assert available_solvers() == []
    with pytest.raises(SolverFailed) as caught:
        solve_county(COUNTY, options())
    assert caught.value.kind == MISSING
    assert "找不到可用的求解器" in caught.value.message_zh and "Reinstall" in caught.value.message_en
    assert "no-such-cbc" in caught.value.detail  # the technical cause is kept for support


def test_time_limit_hit_without_a_proposal(monkeypatch):
    import optimizer.lp as lp

    def out_of_time(problem, time_limit, prefer="auto", **kw):
        # what HiGHS reports when its time limit ends the search before any solution
        time.sleep(min(time_limit, 1.5))
        return lp.Outcome(lp.NOT_SOLVED, False, None, None, None, "HiGHS")

    monkeypatch.setattr(lp, "solve", out_of_time)
    started = time.perf_counter()
    with pytest.raises(SolverFailed) as caught:
        solve_county(COUNTY, options(time_limit=1.0))
    assert caught.value.kind == TIME_LIMIT
    assert "时限 1 秒" in caught.value.message_zh and "--time-limit" in caught.value.message_en
    assert time.perf_counter() - started < 10


def test_solver_crash(monkeypatch):
    import optimizer.lp as lp

    def crash(*args, **kwargs):
        raise RuntimeError("HiGHS run returned kError")

    monkeypatch.setattr(lp, "solve", crash)
    with pytest.raises(SolverFailed) as caught:
        solve_county(COUNTY, options())
    assert caught.value.kind == CRASHED and "kError" in caught.value.detail
    assert "未生成方案" in caught.value.message_zh


def test_a_cbc_process_that_dies_is_a_crash(monkeypatch, tmp_path):
    import pulp

    fake = tmp_path / "cbc"
    fake.write_text("#!/bin/sh\nkill -9 $$\n")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setattr(pulp.PULP_CBC_CMD, "pulp_cbc_path", str(fake))
    with pytest.raises(SolverFailed) as caught:
        solve_county(COUNTY, options(solver="cbc"))
    assert caught.value.kind == CRASHED


def test_a_failed_solve_stores_nothing_and_the_next_one_works(db_path, monkeypatch):
    import optimizer.lp as lp
    from planner.scenarios.store import create_scenario, get_scenario
    from planner.services.solving import solve_job
    from planner.taskstate import TaskState

    db = open_database(db_path)
    try:
        write_ledger(db, 3, 1)
        with db.session() as s:
            create_scenario(s, "试算", [])
        with db.session() as s:
            assert get_scenario(s, "试算").last_result is None
        before = file_digest(db_path)

        def crash(*args, **kwargs):
            raise RuntimeError("solver crashed")

        monkeypatch.setattr(lp, "solve", crash)
        with pytest.raises(SolverFailed):
            solve_job(db, "试算", 5.0, TaskState())
        assert file_digest(db_path) == before  # no half-saved proposal, no log entry

        monkeypatch.undo()
        result = solve_job(db, "试算", 30.0, TaskState())
        assert result.status in ("optimal", "feasible")
        with db.session() as s:
            assert get_scenario(s, "试算").last_result.fingerprint == result.fingerprint
        assert file_digest(db_path) != before  # the successful solve stored its result
    finally:
        db.close()


PATCHES = {
    "crash": "import optimizer.lp as lp\n"
             "def crash(*a, **k):\n    raise RuntimeError('solver crashed')\n"
             "lp.solve = crash\n",
    "missing": "import optimizer.lp as lp, pulp\n"
               "lp._BulkHiGHS = None\n"
               "pulp.PULP_CBC_CMD.pulp_cbc_path = '/nonexistent/cbc'\n",
}


@pytest.mark.parametrize("fault, expected", [("crash", "求解器运行出错"), ("missing", "找不到可用的求解器")])
def test_solve_command_reports_the_fault_and_writes_nothing(db_path, tmp_path, fault, expected):
    db = open_database(db_path)
    write_ledger(db, 3, 1)
    db.close()
    before = file_digest(db_path)
    target = tmp_path / "result.json"
    code = (f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n{PATCHES[fault]}"
            f"from cli import main\n"
            f"sys.exit(main(['solve', '--db', {str(db_path)!r}, '--json', {str(target)!r}]))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert out.returncode == 1, out.stderr
    assert expected in out.stderr and "Traceback" not in out.stderr
    assert not target.exists() and not list(tmp_path.glob(".solve-*"))
    assert file_digest(db_path) == before
