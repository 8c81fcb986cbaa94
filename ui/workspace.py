"""What the window's features share: the database, the undo stack, the settings, the proposal shown.

The main window makes one Workspace and hands it to each feature it installs
(see ui/main_window.py); a feature never looks another one up on the window.
What the features need to hear from each other travels as the signals below.

    db                  planner.store.db.Database, or None (replaced by set_database)
    undo_stack          ui.undo.UndoStack shared by ledger, scenario and import steps
    editor              ui.commands.LedgerEditor: validated, undoable ledger edits
    settings            ui.settings.Settings, or None (stand-in windows in tests)
    proposal            the proposal the Proposal tab shows (result dict), or None

    ledgerChanged()             the ledger changed (edit, undo, import, reload)
    databaseChanged(db)         another database is open; the old one is closed after this
    proposalChanged(proposal)   the proposal shown changed (None: cleared)
    reloadRequested(clear_undo) someone changed the ledger outside the editor: re-read it
    statusMessage(text, ms)     a line for the status bar
    errorReported(error)        a refused edit or failed action, for the user to read
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from planner.store.db import Database
from ui.commands import LedgerEditor
from ui.settings import Settings
from ui.undo import UndoStack


class Workspace(QObject):
    ledgerChanged = Signal()
    databaseChanged = Signal(object)
    proposalChanged = Signal(object)
    reloadRequested = Signal(bool)
    statusMessage = Signal(str, int)
    errorReported = Signal(object)

    def __init__(self, db: Database | None = None, settings: Settings | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = settings
        self.undo_stack = UndoStack(self)  # a refused undo or redo keeps its place
        self.editor = LedgerEditor(db, self.undo_stack, self)
        self.proposal: Any = None

    # ------------------------------------------------------------ database
    def set_database(self, db: Database) -> None:
        """Work on another database: the undo history of the previous one is closed, then the database."""
        old = self.db
        self.db = db
        self.editor.context.db = db
        self.undo_stack.clear()
        self.databaseChanged.emit(db)
        if old is not None and old is not db:
            old.close()

    def reload_ledger(self, clear_undo: bool = False) -> None:
        """Ask the ledger views to re-read (after an import, an applied proposal, a restore)."""
        self.reloadRequested.emit(clear_undo)

    # ------------------------------------------------------------ proposal
    def set_proposal(self, proposal: Any) -> None:
        if proposal is not self.proposal:
            self.proposal = proposal
            self.proposalChanged.emit(proposal)

    # ------------------------------------------------------------ messages
    def status(self, message: str, timeout_ms: int = 6000) -> None:
        self.statusMessage.emit(message, timeout_ms)

    def show_error(self, error: Any) -> None:
        self.errorReported.emit(error)

    @property
    def solver_time_limit(self) -> int | None:
        return None if self.settings is None else self.settings.solver_time_limit
