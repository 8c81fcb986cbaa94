"""Adding and removing a township from the window (Edit menu and toolbar).

Functions of the main window: their words are the window's own (window.tr), so
they keep the translations they had as its methods.
"""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox

from planner.domain.county import TownshipData
from planner.store.reads import township_id_named


def add_township(window) -> None:
    """Ask for a name; the new township is one undoable step, selected in the ledger."""
    if window.db is None:
        return
    name, ok = QInputDialog.getText(window, window.tr("Add township"), window.tr("Name of the new township:"))
    if ok and name.strip() and window.editor.add_township(TownshipData(name=name.strip())):
        new_id = township_id_named(window.db, name.strip())
        if new_id is not None:
            window.ledger_panel.select_township(new_id)


def remove_township(window) -> None:
    """The selected township, after asking; Edit → Undo brings it back."""
    township_id = window.ledger_panel.current_township_id()
    if township_id is None or window.detail_view.detail is None:
        window.status(window.tr("Select a township first."))
        return
    name = window.detail_view.detail.name
    answer = QMessageBox.question(
        window, window.tr("Remove township"),
        window.tr("Remove {name} with its quota, offices, duties and people? (Edit → Undo brings it back.)")
        .format(name=name))
    if answer == QMessageBox.StandardButton.Yes:
        window.editor.remove_township(name)
