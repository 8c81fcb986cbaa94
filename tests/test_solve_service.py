"""One solve: `main.py solve`, the window's Solve action and the scenarios tab all call
planner.services.solving.solve_job, and it reports progress, stops on Cancel and stores a
scenario's proposal itself."""

from __future__ import annotations

import dataclasses
import json

import pytest
from PySide6.QtCore import QSettings

from cli import main as cli_main
from planner.demo.scenarios import CUT_NAME
from planner.errors import Cancelled
from planner.scenarios import store
from planner.services import solving
from planner.store.db import Database
from planner.taskstate import TaskState
from tests.fabricated_result import fabricated_result
from ui import tasks
from ui.main_window import MainWindow
from ui.settings import Settings


class Recorder:
    """Stands in for solve_job: records how it was called, reports progress, returns a proposal."""

    def __init__(self) -> None:
        self.calls: list[dict] = []

    def __call__(self, source, scenario, time_limit, state, **options):
        self.calls.append({"source": source, "scenario": scenario, "time_limit": time_limit, **options})
        state.set_progress(0.5, "half way")
        return dataclasses.replace(fabricated_result(), scenario=scenario or solving.BASELINE)


@pytest.fixture
def recorder(monkeypatch):
    fake = Recorder()
    monkeypatch.setattr(solving, "solve_job", fake)
    return fake


def test_the_command_line_and_the_window_solve_through_the_same_service(recorder, demo_db, tmp_path, qtbot,
                                                                       capsys):
    out = tmp_path / "r.json"
    code = cli_main(["solve", "--db", str(demo_db.path), "--scenario", CUT_NAME, "--time-limit", "7",
                     "--json", str(out)])
    assert code == 0, capsys.readouterr().err
    assert json.loads(out.read_text(encoding="utf-8"))["scenario"] == CUT_NAME
    assert "half way" in capsys.readouterr().err  # the service's progress, printed by the command line
    cli_call = recorder.calls[-1]
    assert isinstance(cli_call["source"], Database)  # the command line's one open database
    assert (cli_call["scenario"], cli_call["time_limit"], cli_call["solver"]) == (CUT_NAME, 7.0, "auto")

    with tasks.synchronous(True):
        window = MainWindow(demo_db, Settings(QSettings(str(tmp_path / "settings.ini"),
                                                        QSettings.Format.IniFormat)))
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.solve_panel.solveFinished, timeout=10000):
            window.solve_panel.start()
        assert recorder.calls[-1]["scenario"] == solving.BASELINE
        assert window.solve_panel.results_view.result().scenario == solving.BASELINE

        with qtbot.waitSignal(window.scenario_view.solveFinished, timeout=10000) as finished:
            window.scenario_view.solve(CUT_NAME)
        assert finished.args[0] == CUT_NAME and recorder.calls[-1]["scenario"] == CUT_NAME
    assert len(recorder.calls) == 3
    # The Solve action and the scenarios tab share one runner class, not two controllers.
    assert type(window.solve_panel.runner) is type(window.scenario_view.solve_bar.runner)


def test_the_service_stores_a_scenarios_proposal_and_reports_progress(demo_db):
    seen: list[tuple[float, str]] = []
    result = solving.solve_job(demo_db, CUT_NAME, 30.0, TaskState(on_progress=lambda f, m: seen.append((f, m))))
    assert seen[0] == (0.0, "读取台账 (reading the ledger)") and seen[-1][0] == 1.0
    with demo_db.session() as session:
        stored = store.get_scenario(session, CUT_NAME).last_result
    assert stored.fingerprint == result.fingerprint and stored.scenario == CUT_NAME


def test_a_store_that_fails_is_reported_when_the_caller_asks(demo_db, monkeypatch):
    def refuse(*args):
        raise store.ScenarioError("情景“x”不存在 (no scenario named 'x')")

    monkeypatch.setattr(solving, "save_result", refuse)
    heard: list[Exception] = []
    result = solving.solve_job(demo_db, CUT_NAME, 30.0, TaskState(), store_failed=heard.append)
    assert result.scenario == CUT_NAME and isinstance(heard[0], store.ScenarioError)
    with pytest.raises(store.ScenarioError):
        solving.solve_job(demo_db, CUT_NAME, 30.0, TaskState())


def test_cancel_stops_the_service(demo_db):
    state = TaskState()
    state.cancel()
    with pytest.raises(Cancelled):
        solving.solve_job(demo_db, None, 30.0, state)


def test_an_empty_ledger_is_refused_in_words(tmp_path):
    from planner.store.db import open_database

    db = open_database(tmp_path / "empty.sqlite")
    try:
        with pytest.raises(solving.EmptyLedger) as caught:
            solving.solve_job(db, None, 5.0, TaskState())
    finally:
        db.close()
    assert caught.value.message_en == "the ledger holds no township"
