"""Editing a scenario's list of changes: add, edit, remove and reorder, each an undoable command.

ScenarioChanges is part of the scenarios tab (ui.scenario_view.ScenarioView
derives from it): it uses the tab's current_row(), county(), changes_view,
changes_model and _push(). A change is checked against the ledger before it
is taken (the dialog says why not); the texts keep the tab's "ScenarioView"
translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog

from planner.scenarios import store as store
from planner.scenarios.changes import Change, LibraryBands
from planner.services.rules import load_rules
from ui.scenario_commands import SetChangesCommand
from ui.scenario_dialogs import ChangeDialog
from ui.scenario_models import ui_language
from ui.i18n import error_text

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls


class ScenarioChanges:
    """The Add / Edit / Remove / Up / Down buttons under the chosen scenario's changes."""

    def check_changes(self, changes: list[Change]) -> str | None:
        """None when `changes` apply to the current ledger, else the reason (naming the change)."""
        county = self.county()
        if county is None:
            return translate("ScenarioView", "Open a ledger database first.")
        try:
            store.check_changes(county, changes)
        except store.ScenarioError as error:
            return error_text(error)
        return None

    def _set_changes(self, changes: list[Change], text: str) -> bool:
        row = self.current_row()
        if row is None:
            return False
        return self._push(SetChangesCommand(self.context, row.name, changes, text))

    def change_dialog(self, change_type: str, change: Change | None, index: int | None) -> ChangeDialog | None:
        """The dialog for adding (index None) or editing change `index` (tests drive it without exec)."""
        row, county = self.current_row(), self.county()
        if row is None or county is None:
            return None
        others = list(row.record.changes)
        # The form offers the townships as the earlier changes leave them (e.g. a merged one).
        earlier = others if index is None else others[:index]
        try:
            county, _draft = store.check_changes(county, earlier)
        except store.ScenarioError:
            pass  # the scenario no longer fits the ledger; offer the ledger's townships

        def check(candidate: Change) -> str | None:
            trial = list(others)
            if index is None:
                trial.append(candidate)
            else:
                trial[index] = candidate
            return self.check_changes(trial)

        return ChangeDialog(change_type, county, check, change, self)

    def _exec(self, dialog: QDialog) -> bool:
        """Run a dialog modally (tests replace this)."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def library_bands(self) -> Change | None:
        """The standing checks' category bands as they stand now, checked against the scenario."""
        db = self.workspace.db
        if db is None or self.current_row() is None:
            return None
        change = LibraryBands.of(load_rules(db))
        problem = self.check_changes(self.current_row().record.changes + [change])
        if problem:
            self.workspace.show_error(problem)
            return None
        return change

    def add_change(self, change_type: str) -> bool:
        if change_type == LibraryBands.TYPE:   # no form: the library says what the bands are
            change = self.library_bands()
            if change is None:
                return False
            return self._set_changes(self.current_row().record.changes + [change], translate(
                "ScenarioView", "Add change: {text}").format(text=store.describe_change(change, self._lang())))
        dialog = self.change_dialog(change_type, None, None)
        if dialog is None or not self._exec(dialog) or dialog.result_change is None:
            return False
        changes = self.current_row().record.changes + [dialog.result_change]
        return self._set_changes(changes, translate("ScenarioView", "Add change: {text}").format(
            text=store.describe_change(dialog.result_change, self._lang())))

    def edit_change(self) -> bool:
        index = self.changes_view.currentIndex()
        row = self.current_row()
        if row is None or not index.isValid():
            return False
        old = row.record.changes[index.row()]
        if old.TYPE == LibraryBands.TYPE:   # editing takes the library's bands afresh
            fresh = self.library_bands()
            if fresh is None:
                return False
            changes = list(row.record.changes)
            changes[index.row()] = fresh
            return self._set_changes(changes, translate("ScenarioView", "Edit change: {text}").format(
                text=store.describe_change(fresh, self._lang())))
        dialog = self.change_dialog(old.TYPE, old, index.row())
        if dialog is None or not self._exec(dialog) or dialog.result_change is None:
            return False
        changes = list(row.record.changes)
        changes[index.row()] = dialog.result_change
        return self._set_changes(changes, translate("ScenarioView", "Edit change: {text}").format(
            text=store.describe_change(dialog.result_change, self._lang())))

    def remove_change(self) -> bool:
        index = self.changes_view.currentIndex()
        row = self.current_row()
        if row is None or not index.isValid():
            return False
        changes = list(row.record.changes)
        removed = changes.pop(index.row())
        return self._set_changes(changes, translate("ScenarioView", "Remove change: {text}").format(
            text=store.describe_change(removed, self._lang())))

    def move_change(self, step: int) -> bool:
        index = self.changes_view.currentIndex()
        row = self.current_row()
        if row is None or not index.isValid():
            return False
        i, j = index.row(), index.row() + step
        changes = list(row.record.changes)
        if not 0 <= j < len(changes):
            return False
        changes[i], changes[j] = changes[j], changes[i]
        ok = self._set_changes(changes, translate("ScenarioView", "Reorder changes of {name}").format(name=row.name))
        if ok:
            self.changes_view.setCurrentIndex(self.changes_model.index(j, 1))
        return ok

    @staticmethod
    def _lang() -> str:
        return ui_language()
