"""The one base of the window's undoable steps: ledger edits (ui.commands), scenario edits
(ui.scenario_commands) and applying a proposal (ui.apply_action).

Why every step is its own committed transaction (and "Save" only marks a save
point): the ledger is an official record and must never lose an edit. Holding
all edits in one open transaction until "Save" would lose them in a crash or
power cut, and on SQLite it would hold the write lock for the whole editing
session, so a background solve, a scenario save or a backup in another
connection would wait and fail. Here each step is committed at once; the undo
stack's clean index marks the last save; "Discard" undoes back to it (each undo
again committed); closing with steps past the save point asks first. Another
window or process sees the edits as they are made, and the optimistic-locking
version columns stop a stale copy from overwriting them.

A step that fails (bad value, row gone, a conflicting edit) makes itself
obsolete, so the QUndoStack drops it, and reports the error through its
context; nothing changed in the database, because the planner function raised
before its transaction was committed.

A step's text follows the UI language: it is made by a function called again
on a language change (retranslate_stack), so the history shows 中文 or English
as the window does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

from planner.store.db import Database

NO_MERGE = -1  # QUndoCommand.id() of a step never merged with the one before


@dataclass
class UndoContext:
    """What a step needs besides its own data: the database, and whom to tell.

    changed(outcome): the step was done, undone or redone; `outcome` is what
    the step returned (ledger: township ids to re-read or None for all;
    scenarios: the scenario to select or None).
    failed(error): the step was refused; the window shows the message.
    errors: every refusal, so a caller can tell whether its push went through.
    """

    db: Database | None
    changed: Callable[[Any], None] = lambda outcome: None
    failed: Callable[[Exception], None] = lambda error: None
    errors: list[Exception] = field(default_factory=list)

    def database(self) -> Database:
        """The database the next step writes to."""
        return self.db


class UndoCommand(QUndoCommand):
    """Runs `_do` / `_undo` (planner calls on one Session) each in its own transaction.

    A step whose planner functions open their own transactions (with a backup
    first, planner.services.safe_ops) overrides `perform` instead.
    """

    MERGE_ID = NO_MERGE

    def __init__(self, context: UndoContext, text: Callable[[], str] | str) -> None:
        self._text = text if callable(text) else (lambda: text)
        super().__init__(self._text())
        self.context = context

    def retranslate(self) -> None:
        self.setText(self._text())

    def id(self) -> int:
        return self.MERGE_ID

    def redo(self) -> None:
        self._attempt(lambda: self.perform(True))

    def undo(self) -> None:
        self._attempt(lambda: self.perform(False))

    def perform(self, forward: bool) -> Any:
        """Do (forward) or undo the step; what it returns goes to context.changed."""
        # The one place the window opens a Session: the step's unit of work.
        # The planner functions called in _do/_undo do the reading and writing.
        with self.context.database().session() as session:
            return self._do(session) if forward else self._undo(session)

    def _attempt(self, action: Callable[[], Any]) -> None:
        try:
            outcome = action()
        except Exception as error:  # shown to the user; the transaction was rolled back
            self.setObsolete(True)
            self.context.errors.append(error)
            self.context.failed(error)
            return
        self.context.changed(outcome)

    def _do(self, session) -> Any:
        raise NotImplementedError

    def _undo(self, session) -> Any:
        raise NotImplementedError


def push(stack: QUndoStack, context: UndoContext, command: UndoCommand) -> bool:
    """Run a step through the stack; False (and nothing kept) when it was refused."""
    before = len(context.errors)
    stack.push(command)
    return len(context.errors) == before


def retranslate_stack(stack: QUndoStack) -> None:
    """Every step's text in the language now installed (the undo history and the Undo tooltip)."""
    for i in range(stack.count()):
        command = stack.command(i)
        if isinstance(command, UndoCommand):
            command.retranslate()
