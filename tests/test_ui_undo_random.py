"""Undo and redo that never break: an import into a fresh database, then seeded random sequences
of edits, imports, applied proposals, scenario steps, saves, undos and redos.

After every step the ledger and the scenario list must equal what they were
when the steps now below the stack's index were done (the history replayed),
the title's unsaved marker must say whether the stack is at its save point,
and after an import the proposal shown must be marked out of date.
"""

from __future__ import annotations

import random

import pytest
from PySide6.QtGui import QKeySequence

from planner.demo.county import generate_demo
from planner.excel import write_workbook
from planner.scenarios import store as scenario_store
from planner.store.db import open_database
from planner.store.ledger import load_county, replace_county
from ui import tasks
from tests.ledger_fixtures import fresh_settings  # noqa: F401  (fixture)

KINDS = ("administrative", "institutional", "support")


def state(db):
    """What the undo history is about: the ledger and the scenarios' names and descriptions."""
    with db.session() as s:
        county = load_county(s)
        scenarios = sorted((r.name, r.description) for r in scenario_store.list_scenarios(s))
    return county, scenarios


@pytest.fixture
def synchronous_tasks():
    with tasks.synchronous(True):
        yield


def make_window(db, settings, qtbot, monkeypatch):
    import ui.apply_action
    from ui.main_window import MainWindow

    window = MainWindow(db, settings)
    qtbot.addWidget(window)
    window.excel_actions.confirm_import = lambda outcome, file_name: True
    window.confirm_leave = lambda: True  # closing never asks: the steps are in the database already
    monkeypatch.setattr(ui.apply_action, "ask_confirmation", lambda parent, question, details: True)
    monkeypatch.setattr(ui.apply_action, "show_refusal", lambda parent, text: None)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_import_into_a_fresh_database_undoes_and_redoes_by_the_keys(tmp_path, fresh_settings, qtbot,
                                                                      monkeypatch, synchronous_tasks):
    """Import a valid workbook into a new ledger, Ctrl+Z, Ctrl+Y, again, then back up: all succeed."""
    from planner.services.backups import back_up

    workbook = tmp_path / "county.xlsx"
    write_workbook(workbook, generate_demo(14, 1))
    db = open_database(tmp_path / "fresh.sqlite")
    window = make_window(db, fresh_settings, qtbot, monkeypatch)
    errors: list = []
    window.workspace.errorReported.connect(errors.append)
    empty = state(db)
    window.excel_actions.import_file(str(workbook))
    imported = state(db)
    assert len(imported[0].townships) == 14 and window.isWindowModified()
    # The keys are the actions' (an offscreen window is never active, so the actions are triggered).
    assert QKeySequence("Ctrl+Z") in window.action_undo.shortcuts()
    assert QKeySequence("Ctrl+Y") in window.action_redo.shortcuts()
    for _ in range(2):
        window.action_undo.trigger()
        assert state(db) == empty and not window.isWindowModified(), errors
        assert window.ledger_panel.model.rowCount() == 0
        window.action_redo.trigger()
        assert state(db) == imported and window.isWindowModified(), errors
        assert window.ledger_panel.model.rowCount() == 14
    assert errors == []
    assert back_up(db).exists()  # 立即备份 after it all
    window.undo_stack.clear()
    window.close()


def _workbook(tmp_path, seed: int):
    path = tmp_path / f"county-{seed}.xlsx"
    if not path.exists():
        county = generate_demo(14, 1)
        rng = random.Random(seed)
        for township in county.townships:  # the same townships with other figures
            quota = township.quota("administrative")
            quota.approved = max(quota.approved + rng.randint(-3, 3), quota.leadership, 1)
        write_workbook(path, county)
    return path


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_undo_redo_sequences_keep_the_ledger_equal_to_its_history(seed, tmp_path, fresh_settings, qtbot,
                                                                          monkeypatch, synchronous_tasks):
    db = open_database(tmp_path / "ledger.sqlite")
    with db.session() as s:
        replace_county(s, generate_demo(14, 1))
    window = make_window(db, fresh_settings, qtbot, monkeypatch)
    stack = window.undo_stack
    rng = random.Random(seed)
    # states[i]: the ledger when the first i steps of the stack were done.
    states = [state(db)]
    proposal = None
    done: list[str] = []

    def solve():
        with qtbot.waitSignal(window.solve_panel.solveFinished, timeout=60000) as blocker:
            window.solve_panel.start()
        return blocker.args[0]

    def pushed(before_index: int, before_count: int) -> None:
        """A step went onto the stack, or was refused: then nothing changed, the redo steps kept."""
        if stack.index() == before_index + 1 and stack.count() == before_index + 1:
            del states[stack.index():]
            states.append(state(db))
        else:
            assert (stack.index(), stack.count()) == (before_index, before_count)
            assert state(db) == states[stack.index()]

    for step in range(24):
        names = [t.name for t in states[stack.index()][0].townships]
        action = rng.choice(["edit", "edit", "edit", "import", "apply", "scenario", "save",
                             "undo", "undo", "undo", "redo", "redo"])
        done.append(action)
        index = stack.index()
        if action == "edit" and names:
            township, kind = rng.choice(names), rng.choice(KINDS)
            field = rng.choice(["approved", "staff", "leadership"])
            value = rng.randint(0, 30)
            before_count = stack.index(), stack.count()
            window.editor.set_quota_field(township, kind, field, value)
            pushed(*before_count)
        elif action == "import":
            before_count = stack.index(), stack.count()
            window.excel_actions.import_file(str(_workbook(tmp_path, rng.randint(1, 3))))
            pushed(*before_count)
            if stack.index() == before_count[0] + 1 and proposal is not None:
                results = window.solve_panel.results_view
                qtbot.waitUntil(results.is_stale, timeout=30000)  # the proposal is out of date
        elif action == "apply":
            proposal = solve()
            before_count = stack.index(), stack.count()
            window.solve_panel.applier.request(proposal)
            pushed(*before_count)
        elif action == "scenario":
            before_count = stack.index(), stack.count()
            window.scenario_view.new_scenario(f"情景{seed}-{step}")
            pushed(*before_count)
        elif action == "save":
            window.save()
        elif action == "undo":
            window.action_undo.trigger()
            assert stack.index() == max(index - 1, 0)
        elif action == "redo":
            window.action_redo.trigger()
            assert stack.index() == min(index + 1, stack.count())
        assert state(db) == states[stack.index()], done
        assert window.isWindowModified() == (stack.index() != stack.cleanIndex()), done
    # Every step undone: the ledger the window opened with.
    while stack.canUndo():
        window.action_undo.trigger()
    assert state(db) == states[0], done
    stack.clear()
    window.close()
    db.close()


def test_a_refused_undo_keeps_its_step_and_the_unsaved_marker(tmp_path, fresh_settings, qtbot, monkeypatch):
    """The database refuses an undo: the edit stays in effect, in the history and marked unsaved."""
    import planner.services.editing as editing

    db = open_database(tmp_path / "ledger.sqlite")
    with db.session() as s:
        replace_county(s, generate_demo(14, 1))
    window = make_window(db, fresh_settings, qtbot, monkeypatch)
    name = state(db)[0].townships[0].name
    assert window.editor.set_quota_field(name, "administrative", "approved", 29)
    edited = state(db)
    real = editing.restore_quota_line

    def locked(*args, **kwargs):
        raise RuntimeError("database is locked")
    monkeypatch.setattr(editing, "restore_quota_line", locked)
    window.action_undo.trigger()
    assert state(db) == edited and window.undo_stack.index() == 1 and window.isWindowModified()
    assert "database is locked" in window.last_error
    monkeypatch.setattr(editing, "restore_quota_line", real)
    window.action_undo.trigger()
    assert window.undo_stack.index() == 0 and not window.isWindowModified()
    assert state(db)[0].township(name).quota("administrative").approved != 29
    window.action_redo.trigger()
    assert state(db) == edited
    window.undo_stack.clear()
    window.close()
    db.close()
