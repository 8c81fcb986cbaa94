"""`scenarios --db PATH` as a user runs it, and `solve --scenario NAME` on the saved scenarios."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from planner.domain.vocabulary import status_label
from planner.demo.scenarios import CUT_NAME, GROWTH_NAME, MERGE_NAME, RESERVE_NAME

ROOT = Path(__file__).resolve().parents[1]


def run(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, cwd=ROOT)


class Outcome:
    def __init__(self, returncode: int, stdout: str, stderr: str) -> None:
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


def run_here(capsys, *args) -> Outcome:
    """The same command line in this process: main.py's work without a new interpreter's start-up."""
    from cli import main

    capsys.readouterr()
    code = main(list(args))
    out = capsys.readouterr()
    return Outcome(code, out.out, out.err)


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
    from planner.store import ledger_edit
    from planner.scenarios.store import LockTownship, create_scenario, get_scenario

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


def test_solve_scenario_works_on_every_saved_scenario_and_stores_the_result(demo_db, tmp_path, capsys):
    from tests.ledger_dump import ledger_dump

    before = ledger_dump(demo_db)
    db = str(demo_db.path)
    for name in (CUT_NAME, GROWTH_NAME, MERGE_NAME, RESERVE_NAME):
        out = run_here(capsys, "solve", "--db", db, "--scenario", name, "--json", str(tmp_path / f"{name}.json"),
                       "--time-limit", "20")
        assert out.returncode == 0, (name, out.stderr)
        written = json.loads((tmp_path / f"{name}.json").read_text(encoding="utf-8"))
        assert written["scenario"] == name
    def listing() -> dict[str, list[str]]:
        lines = run_here(capsys, "scenarios", "--db", db).stdout.splitlines()
        return {line.split("\t")[0]: line.split("\t") for line in lines}

    listed = listing()
    for name in (CUT_NAME, GROWTH_NAME, MERGE_NAME, RESERVE_NAME):
        written = json.loads((tmp_path / f"{name}.json").read_text(encoding="utf-8"))
        before_after = (sum(t["uncovered_before"] for t in written["totals"].values()),
                        sum(t["uncovered_after"] for t in written["totals"].values()))
        assert listed[name][2] == (f"上次结果：{status_label(written['status'])}，未覆盖需求 {before_after[0]}→{before_after[1]}，"
                                    f"调剂 {len(written['moves'])} 笔")
        assert listed[name][3] == "结果最新"
    assert ledger_dump(demo_db) == before

    # A ledger edit makes every stored result stale; solving again makes one current.
    from planner.store import ledger_edit

    with demo_db.session() as session:
        ledger_edit.set_township_field(session, written["townships"][0]["township"], "population", 12345)
    states = {name: fields[3] for name, fields in listing().items()}
    assert set(states.values()) == {"结果已过期（输入已变，需重算）"}
    assert run_here(capsys, "solve", "--db", db, "--scenario", CUT_NAME, "--time-limit", "20").returncode == 0
    states = {name: fields[3] for name, fields in listing().items()}
    assert states[CUT_NAME] == "结果最新" and states[MERGE_NAME] == "结果已过期（输入已变，需重算）"


def test_solve_of_an_unknown_scenario_is_a_usage_error(demo_db, capsys):
    out = run_here(capsys, "solve", "--db", str(demo_db.path), "--scenario", "没有这个情景")
    assert out.returncode == 2 and "no scenario named '没有这个情景'" in out.stderr
