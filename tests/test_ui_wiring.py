"""How the window is put together: features handed the workspace, one set of roles, one undo base."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from planner.domain.county import TownshipData
from planner.scenarios import store
from planner.store.ledger import load_county
from planner.scenarios.reads import scenario_names
from planner.store.reads import township_id_named
from tests.ledger_fixtures import fresh_settings, ledger_db  # noqa: F401  (fixtures)
from ui import i18n
from ui.commands import AddTownshipCommand, EditContext, LedgerCommand, SetQuotaFieldCommand
from ui.scenario_commands import CreateScenarioCommand, ScenarioCommand, ScenarioContext, SetDescriptionCommand
from ui.table_model import Role, TableModel
from ui.undo import UndoCommand, push, retranslate_stack

UI = Path(__file__).resolve().parents[1] / "ui"


def ui_sources() -> dict[str, str]:
    return {p.relative_to(UI.parent).as_posix(): p.read_text(encoding="utf-8") for p in sorted(UI.rglob("*.py"))}


def test_roles_are_one_enum_with_a_number_each():
    numbers = [int(role) for role in Role]
    assert len(set(numbers)) == len(numbers)
    assert min(numbers) > int(Qt.ItemDataRole.UserRole)
    # No model numbers a role of its own beside the enum.
    for path, text in ui_sources().items():
        if path != "ui/table_model.py":
            assert "UserRole +" not in text and "UserRole+" not in text, path


def test_every_table_model_derives_from_the_one_base():
    from ui import audit_view, detail_models, ledger_filter, ledger_model, parameters_dialog, results_models
    from ui import scenario_models

    models = [ledger_model.TownshipSummaryModel, ledger_filter.TotalsModel, detail_models.QuotaModel,
              detail_models.InfoModel, results_models.ProposalModel, results_models.MovesModel,
              scenario_models.ScenarioListModel, scenario_models.ChangesModel, scenario_models.CompareRowsModel,
              scenario_models.CompareSummaryModel, audit_view.AuditTableModel, parameters_dialog.ParametersModel]
    assert all(issubclass(model, TableModel) for model in models)
    for path, text in ui_sources().items():
        if path != "ui/table_model.py":
            assert "(QAbstractTableModel)" not in text, path


def test_the_window_neither_queries_nor_looks_features_up():
    for path, text in ui_sources().items():
        tree = ast.parse(text)
        imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
        imported |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        assert "importlib" not in imported, path
        assert not any(name.startswith("sqlalchemy") for name in imported), path
        assert "select(Township" not in text and "session.scalars" not in text, path


def test_both_command_families_share_the_undo_base():
    assert issubclass(LedgerCommand, UndoCommand) and issubclass(ScenarioCommand, UndoCommand)
    for family in (LedgerCommand, ScenarioCommand):
        assert "redo" not in vars(family) and "undo" not in vars(family) and "_run" not in vars(family)


@pytest.fixture
def stack(qapp):
    stack = QUndoStack()
    yield stack
    stack.clear()


def test_a_ledger_step_round_trips_on_a_bare_stack(ledger_db, stack):
    changed, failed = [], []
    context = EditContext(ledger_db, changed=changed.append, failed=failed.append)
    with ledger_db.session() as session:
        name = load_county(session).townships[0].name
    assert push(stack, context, AddTownshipCommand(context, TownshipData(name="新设乡")))
    assert township_id_named(ledger_db, "新设乡") is not None and changed == [None]
    stack.undo()
    assert township_id_named(ledger_db, "新设乡") is None
    stack.redo()
    assert township_id_named(ledger_db, "新设乡") is not None
    # A refused step reports, leaves the stack and changes nothing.
    assert not push(stack, context, SetQuotaFieldCommand(context, name, "administrative", "approved", -5))
    assert len(failed) == 1 and stack.count() == 1


def test_a_scenario_step_round_trips_on_a_bare_stack(ledger_db, stack):
    selected, failed = [], []
    context = ScenarioContext(db=lambda: ledger_db, changed=selected.append, failed=failed.append)
    assert push(stack, context, CreateScenarioCommand(context, "试点"))
    assert push(stack, context, SetDescriptionCommand(context, "试点", "for the committee"))
    assert scenario_names(ledger_db) == ["试点"] and selected == ["试点", "试点"]
    stack.undo()
    with ledger_db.session() as session:
        assert store.get_scenario(session, "试点").description == ""
    stack.undo()
    assert scenario_names(ledger_db) == []
    stack.redo()
    stack.redo()
    with ledger_db.session() as session:
        assert store.get_scenario(session, "试点").description == "for the committee"
    assert not push(stack, context, CreateScenarioCommand(context, "试点"))  # the name is taken
    assert len(failed) == 1 and stack.count() == 2


def test_step_texts_follow_the_language(ledger_db, stack):
    ledger = EditContext(ledger_db)
    scenarios = ScenarioContext(db=lambda: ledger_db)
    push(stack, ledger, AddTownshipCommand(ledger, TownshipData(name="新设乡")))
    push(stack, scenarios, CreateScenarioCommand(scenarios, "试点"))
    assert [stack.text(i) for i in range(2)] == ["Add township 新设乡", "New scenario 试点"]
    try:
        i18n.install_language("zh_CN")
        retranslate_stack(stack)
        assert [stack.text(i) for i in range(2)] == ["新增乡镇“新设乡”", "新建情景 试点"]
    finally:
        i18n.install_language("en")
        retranslate_stack(stack)
    assert stack.text(0) == "Add township 新设乡"


def test_every_undoable_step_derives_from_the_one_base():
    # One undo framework: no module but ui/undo.py subclasses QUndoCommand directly.
    ui_dir = Path(__file__).resolve().parents[1] / "ui"
    direct = [p.name for p in ui_dir.rglob("*.py")
              if "(QUndoCommand)" in p.read_text(encoding="utf-8") and p.name != "undo.py"]
    assert direct == []
