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

A step that fails the first time it is done (bad value, row gone, a
conflicting edit) makes itself obsolete, so the QUndoStack drops it, and
reports the error through its context; nothing changed in the database,
because the planner function raised before its transaction was committed.

A step refused later, on an undo or a redo (the database locked by another
program, a disk full while backing up), is still in effect (or still undone):
dropping it would leave the history describing a ledger that is not the one
on record, and the save-point marker with it. UndoStack puts such a step back
in its place without writing, so the history, the ledger and the unsaved
marker agree, and the user may try again.

A step's text follows the UI language: it is made by a function called again
on a language change (retranslate_stack), so the history shows 中文 or English
as the window does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from PySide6.QtCore import QObject
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
        self.undone_once = False   # a redo before any undo is the first doing of the step
        self.refused = False       # the last undo or redo (not the first doing) was refused
        self._stand_still = False  # the next redo/undo only puts the step back in its place

    def _standing_still(self) -> bool:
        if self._stand_still:
            self._stand_still = False
            return True
        return False

    def retranslate(self) -> None:
        self.setText(self._text())

    def id(self) -> int:
        return self.MERGE_ID

    def redo(self) -> None:
        if not self._standing_still():
            self._attempt(lambda: self.perform(True), first=not self.undone_once)

    def undo(self) -> None:
        if not self._standing_still():
            self.undone_once = True
            self._attempt(lambda: self.perform(False), first=False)

    def perform(self, forward: bool) -> Any:
        """Do (forward) or undo the step; what it returns goes to context.changed."""
        # The one place the window opens a Session: the step's unit of work.
        # The planner functions called in _do/_undo do the reading and writing.
        with self.context.database().session() as session:
            return self._do(session) if forward else self._undo(session)

    def _attempt(self, action: Callable[[], Any], first: bool) -> None:
        self.refused = False
        try:
            outcome = action()
        except Exception as error:  # shown to the user; the transaction was rolled back
            if first:
                self.setObsolete(True)  # never done: nothing to keep
            else:
                self.refused = True     # UndoStack puts the step back where it was
            self.context.errors.append(error)
            self.context.failed(error)
            return
        self.context.changed(outcome)

    def _do(self, session) -> Any:
        raise NotImplementedError

    def _undo(self, session) -> Any:
        raise NotImplementedError


class UndoStack(QUndoStack):
    """The window's undo stack: an undo or redo that was refused leaves the history as it was.

    QUndoStack moves its index past a step whatever the step did; when the
    step was refused (UndoCommand.refused) the index is moved back with the
    step told to stand still, so nothing is written twice and the clean
    (saved) marker stays true to the ledger on record.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def push(self, command: QUndoCommand) -> None:
        """Do the step, then keep it; a refused step leaves the history untouched.

        QUndoStack.push drops the steps that could be redone before it asks the
        step whether it was refused; a refused edit must not cost the redo steps.
        """
        if isinstance(command, UndoCommand) and not command.isObsolete():
            command.redo()
            if command.isObsolete():
                return
            command._stand_still = True  # done already: the push only records it
        super().push(command)

    def undo(self) -> None:
        command = self.command(self.index() - 1) if self.index() > 0 else None
        super().undo()
        if isinstance(command, UndoCommand) and command.refused:
            command.refused = False
            command._stand_still = True
            super().redo()  # the step is still in effect

    def redo(self) -> None:
        command = self.command(self.index()) if self.index() < self.count() else None
        super().redo()
        if isinstance(command, UndoCommand) and command.refused:
            command.refused = False
            command._stand_still = True
            super().undo()  # the step is still undone


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
