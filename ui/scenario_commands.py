"""Undoable scenario edits: steps (ui.undo.UndoCommand) whose redo/undo call planner.scenarios.store.

As with the ledger edits (ui/commands.py), each step is its own committed
transaction, so nothing is lost in a crash and a background solve can read
the scenario at once; a refused step leaves the stack (ui/undo.py).

Scenarios are keyed by name, not id: a deleted-then-restored scenario gets a
new row id, and a rename followed by undo must find the row by its new name.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from planner.scenarios import store as store
from planner.scenarios.changes import Change
from planner.store.db import Database
from ui.undo import UndoCommand, UndoContext, push

__all__ = ["ScenarioContext", "ScenarioCommand", "push"]

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls


@dataclass
class ScenarioContext(UndoContext):
    """The database as a callable (the window may switch databases), and whom to tell.

    changed(name): the scenario list changed; `name` is the scenario to select (None: keep).
    """

    def database(self) -> Database:
        return self.db()


class ScenarioCommand(UndoCommand):
    """A scenario step; `_do` / `_undo` return the scenario to select afterwards."""


class CreateScenarioCommand(ScenarioCommand):
    def __init__(self, context: ScenarioContext, name: str, changes: list[Change] | None = None,
                 description: str = "") -> None:
        super().__init__(context, lambda: translate("ScenarioCommands", "New scenario {name}")
                         .format(name=name))
        self.name, self.changes, self.description = name, list(changes or []), description

    def _do(self, session):
        return store.create_scenario(session, self.name, self.changes, self.description).name

    def _undo(self, session):
        store.delete_scenario(session, self.name)
        return None


class DuplicateScenarioCommand(ScenarioCommand):
    def __init__(self, context: ScenarioContext, name: str, new_name: str) -> None:
        super().__init__(context, lambda: translate("ScenarioCommands", "Duplicate scenario {name}")
                         .format(name=name))
        self.name, self.new_name = name, new_name

    def _do(self, session):
        return store.duplicate_scenario(session, self.name, self.new_name).name

    def _undo(self, session):
        store.delete_scenario(session, self.new_name)
        return self.name


class RenameScenarioCommand(ScenarioCommand):
    def __init__(self, context: ScenarioContext, name: str, new_name: str) -> None:
        super().__init__(context, lambda: translate(
            "ScenarioCommands", "Rename scenario {name} to {new_name}").format(name=name, new_name=new_name))
        self.name, self.new_name = name, new_name.strip()

    def _do(self, session):
        return store.rename_scenario(session, self.name, self.new_name)

    def _undo(self, session):
        return store.rename_scenario(session, self.new_name, self.name)


class DeleteScenarioCommand(ScenarioCommand):
    def __init__(self, context: ScenarioContext, name: str) -> None:
        super().__init__(context, lambda: translate("ScenarioCommands", "Delete scenario {name}")
                         .format(name=name))
        self.name = name
        self.snapshot: store.ScenarioSnapshot | None = None

    def _do(self, session):
        self.snapshot = store.delete_scenario(session, self.name)
        return None

    def _undo(self, session):
        return store.restore_scenario(session, self.snapshot).name


class SetChangesCommand(ScenarioCommand):
    """Replace a scenario's list of changes (add, edit, remove or reorder one)."""

    def __init__(self, context: ScenarioContext, name: str, changes: list[Change], text: str) -> None:
        super().__init__(context, text)
        self.name, self.changes = name, list(changes)
        self.old: list[Change] | None = None

    def _do(self, session):
        self.old = store.set_changes(session, self.name, self.changes)
        return self.name

    def _undo(self, session):
        # The old list was valid when it was replaced; the ledger may have moved on since,
        # and undo must still put it back exactly.
        store.set_changes(session, self.name, self.old, validate=False)
        return self.name


class SetDescriptionCommand(ScenarioCommand):
    def __init__(self, context: ScenarioContext, name: str, description: str) -> None:
        super().__init__(context, lambda: translate("ScenarioCommands", "Describe scenario {name}")
                         .format(name=name))
        self.name, self.description = name, description
        self.old = ""

    def _do(self, session):
        self.old = store.set_description(session, self.name, self.description)
        return self.name

    def _undo(self, session):
        store.set_description(session, self.name, self.old)
        return self.name
