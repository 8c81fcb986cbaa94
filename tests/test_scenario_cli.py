"""`scenarios --db PATH` as a user runs it, and `solve --scenario NAME` on the saved scenarios."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from planner.scenario_examples import CUT_NAME, GROWTH_NAME, MERGE_NAME, RESERVE_NAME

ROOT = Path(__file__).resolve().parents[1]


def run(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, cwd=ROOT)


def test_scenarios_lists_name_tab_changes_result_and_state(demo_db):
    out = run("scenarios", "--db", str(demo_db.path))
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    fields = [line.split("\t") for line in lines]
    assert [f[0] for f in fields] == [CUT_NAME, GROWTH_NAME, MERGE_NAME, RESERVE_NAME]
    assert all(len(f) == 4 for f in fields)
    assert fields[0][1] == "事业编制总量压减 5%"
    assert fields[0][2] == "无结果" and fields[0][3] == "未计算"
    english = run("--lang", "en", "scenarios", "--db", str(demo_db.path))
    assert english.stdout.splitlines()[0].split("\t")[1:] == ["cut institutional total by 5%", "no result",
                                                               "not solved"]


def test_a_scenario_that_no_longer_fits_the_ledger_is_listed_as_such(demo_db):
    from planner import ledger_edit
    from planner.scenarios import LockTownship, create_scenario, get_scenario

    with demo_db.session() as session:
        merged_away = get_scenario(session, MERGE_NAME).changes[0].a
        create_scenario(session, "锁定测试", [LockTownship(merged_away)])
    with demo_db.session() as session:
        ledger_edit.remove_township(session, merged_away)
    out = run("scenarios", "--db", str(demo_db.path))
    lines = {line.split("\t")[0]: line.split("\t") for line in out.stdout.splitlines()}
    assert lines["锁定测试"][3] == "无法构建（与当前台账不符）"
    assert lines[MERGE_NAME][3] == "无法构建（与当前台账不符）"   # it merged that township away
    assert lines[CUT_NAME][3] == "未计算"


def test_no_database_is_an_error(tmp_path):
    out = run("scenarios", "--db", str(tmp_path / "missing.sqlite"))
    assert out.returncode == 2 and "no such database file" in out.stderr
