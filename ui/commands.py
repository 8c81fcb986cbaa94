"""Undoable ledger edits: steps (ui.undo.UndoCommand) whose redo/undo call planner.services.editing.

Each step is its own committed transaction and a refused step leaves the
stack; ui/undo.py says why. LedgerEditor is the one way views change the
ledger: it checks a value, then pushes the step.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoStack

from planner.domain.county import DutyData, TownshipData
from planner.domain import edit_rules
from planner.services import editing
from planner.store.conflicts import ensure_unchanged
from planner.store.db import Database
from planner.services.editing import township_ids as _id_of
from planner.store.reads import township_detail, township_id_named
from ui.labels import field_label, kind_label, parameter_label
from ui.undo import UndoCommand, UndoContext, push

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls

__all__ = ["EditContext", "LedgerCommand", "LedgerEditor", "discard_to_clean", "push"]


@dataclass
class EditContext(UndoContext):
    """The ledger's database and whom to tell.

    changed(ids): the ledger changed; ids are the township ids whose rows must
    be re-read, or None for "re-read everything" (rows added or removed).
    """

    def township_id(self, name: str) -> int | None:
        return township_id_named(self.db, name)


class LedgerCommand(UndoCommand):
    """A ledger step; `seen` guards it against another user's edit saved in between."""

    def __init__(self, context: EditContext, text: Callable[[], str] | str) -> None:
        super().__init__(context, text)
        # The value the user edited from: another value on record means another user saved
        # first (planner.store.conflicts.ConflictError, whose retry runs the edit without this check).
        self.seen: Any = None
        self.retry: Callable[[], bool] | None = None

    def _check_seen(self, session, entity: str, key: str, on_record: Any) -> None:
        if self.seen is not None:
            ensure_unchanged(session, entity, key, self.seen, on_record, retry=self.retry)


class SetTownshipFieldCommand(LedgerCommand):
    def __init__(self, context: EditContext, township: str, field_name: str, value: Any) -> None:
        super().__init__(context, lambda: translate("Commands", "Change {field} of {township}").format(
            field=field_label(field_name), township=township))
        self.township, self.field_name, self.value = township, field_name, value
        self.old: Any = None
        self.new_name = township

    def _do(self, session):
        self.old = editing.set_township_field(session, self.township, self.field_name, self.value)
        self._check_seen(session, "township", self.township, self.old)
        if self.field_name == "name":
            self.new_name = edit_rules.coerce(edit_rules.TOWNSHIP_FIELDS["name"], self.value)
        return _id_of(session, self.new_name)

    def _undo(self, session):
        editing.set_township_field(session, self.new_name, self.field_name, self.old)
        return _id_of(session, self.township)


class SetQuotaFieldCommand(LedgerCommand):
    def __init__(self, context: EditContext, township: str, kind: str, field_name: str, value: Any) -> None:
        super().__init__(context, lambda: translate("Commands", "Change {kind} {field} of {township}").format(
            kind=kind_label(kind), field=field_label(field_name), township=township))
        self.township, self.kind, self.field_name, self.value = township, kind, field_name, value
        self.before: editing.QuotaData | None = None

    def _do(self, session):
        # The whole line is kept, so undo also removes a line the edit created.
        self.before = editing.quota_line(session, self.township, self.kind)
        old = editing.set_quota_field(session, self.township, self.kind, self.field_name, self.value)
        self._check_seen(session, "quota", f"{self.township}/{self.kind}", old)
        return _id_of(session, self.township)

    def _undo(self, session):
        editing.restore_quota_line(session, self.township, self.kind, self.before)
        return _id_of(session, self.township)


class SetOfficeFieldCommand(LedgerCommand):
    def __init__(self, context: EditContext, township: str, office: str, field_name: str, value: Any) -> None:
        super().__init__(context, lambda: translate("Commands", "Change office {office} of {township}").format(
            office=office, township=township))
        self.township, self.office, self.field_name, self.value = township, office, field_name, value
        self.old: Any = None
        self.new_office = office

    def _do(self, session):
        self.old = editing.set_office_field(session, self.township, self.office, self.field_name, self.value)
        self._check_seen(session, "office", f"{self.township}/{self.office}", self.old)
        if self.field_name == "name":
            self.new_office = edit_rules.coerce(edit_rules.OFFICE_FIELDS["name"], self.value)
        return _id_of(session, self.township)

    def _undo(self, session):
        editing.set_office_field(session, self.township, self.new_office, self.field_name, self.old)
        return _id_of(session, self.township)


class SetDutyFieldCommand(LedgerCommand):
    def __init__(self, context: EditContext, township: str, office: str, duty: str, field_name: str,
                 value: Any) -> None:
        super().__init__(context, lambda: translate("Commands", "Change duty {duty} of {township}").format(duty=duty, township=township))
        self.township, self.office, self.duty = township, office, duty
        self.field_name, self.value = field_name, value
        self.old: Any = None
        self.new_duty = duty

    def _do(self, session):
        self.old = editing.set_duty_field(session, self.township, self.office, self.duty,
                                              self.field_name, self.value)
        self._check_seen(session, "duty", f"{self.township}/{self.office}/{self.duty}", self.old)
        if self.field_name == "name":
            self.new_duty = edit_rules.coerce(edit_rules.DUTY_FIELDS["name"], self.value)
        return _id_of(session, self.township)

    def _undo(self, session):
        editing.set_duty_field(session, self.township, self.office, self.new_duty, self.field_name, self.old)
        return _id_of(session, self.township)


class SetPersonFieldCommand(LedgerCommand):
    def __init__(self, context: EditContext, township: str, ordinal: int, field_name: str, value: Any) -> None:
        super().__init__(context, lambda: translate("Commands", "Change person {number} of {township}").format(
            number=ordinal + 1, township=township))
        self.township, self.ordinal, self.field_name, self.value = township, ordinal, field_name, value
        self.old: Any = None

    def _do(self, session):
        self.old = editing.set_person_field(session, self.township, self.ordinal, self.field_name, self.value)
        return _id_of(session, self.township)

    def _undo(self, session):
        editing.set_person_field(session, self.township, self.ordinal, self.field_name, self.old)
        return _id_of(session, self.township)


class AddTownshipCommand(LedgerCommand):
    def __init__(self, context: EditContext, data: TownshipData) -> None:
        super().__init__(context, lambda: translate("Commands", "Add township {township}").format(township=data.name))
        self.data = data

    def _do(self, session):
        editing.add_township(session, self.data)
        return None

    def _undo(self, session):
        editing.remove_township(session, self.data.name)
        return None


class RemoveTownshipCommand(LedgerCommand):
    def __init__(self, context: EditContext, township: str) -> None:
        super().__init__(context, lambda: translate("Commands", "Remove township {township}").format(township=township))
        self.township = township
        self.snapshot: editing.TownshipSnapshot | None = None

    def _do(self, session):
        self.snapshot = editing.remove_township(session, self.township)
        return None

    def _undo(self, session):
        editing.restore_township(session, self.snapshot)
        return None


class AddDutyCommand(LedgerCommand):
    def __init__(self, context: EditContext, township: str, duty: DutyData) -> None:
        super().__init__(context, lambda: translate("Commands", "Add duty {duty} to {township}").format(duty=duty.name, township=township))
        self.township, self.duty = township, duty

    def _do(self, session):
        editing.add_duty(session, self.township, self.duty)
        return _id_of(session, self.township)

    def _undo(self, session):
        editing.remove_duty(session, self.township, self.duty.office, self.duty.name)
        return _id_of(session, self.township)


class RemoveDutyCommand(LedgerCommand):
    def __init__(self, context: EditContext, township: str, office: str, duty: str) -> None:
        super().__init__(context, lambda: translate("Commands", "Remove duty {duty} from {township}").format(duty=duty, township=township))
        self.township, self.office, self.duty = township, office, duty
        self.snapshot: editing.DutySnapshot | None = None

    def _do(self, session):
        self.snapshot = editing.remove_duty(session, self.township, self.office, self.duty)
        return _id_of(session, self.township)

    def _undo(self, session):
        editing.restore_duty(session, self.snapshot)
        return _id_of(session, self.township)


class SetParameterCommand(LedgerCommand):
    """A county working-time or A/B parameter; every township's required FTE follows."""

    def __init__(self, context: EditContext, name: str, value: Any) -> None:
        super().__init__(context, lambda: translate("Commands", "Change parameter {name}").format(name=parameter_label(name)))
        self.name, self.value = name, value
        self.old: Any = None

    def _do(self, session):
        self.old = editing.set_parameter(session, self.name, self.value)
        return None

    def _undo(self, session):
        editing.set_parameter(session, self.name, self.old)
        return None


def discard_to_clean(stack: QUndoStack) -> bool:
    """Undo (or redo) back to the last save point; False when that point is gone.

    The save point is gone when, after undoing past it, a new edit was made:
    QUndoStack drops the undone steps then. Every step is still in the database
    and in the audit log; nothing is lost, but it cannot be reached by undo.
    """
    clean = stack.cleanIndex()
    if clean < 0:
        return False
    while stack.index() > clean and stack.canUndo():
        before = stack.index()
        stack.undo()
        if stack.index() == before:
            return False  # a step was refused (and stays in place): the saved state is not reached
    while stack.index() < clean and stack.canRedo():
        before = stack.index()
        stack.redo()
        if stack.index() == before:
            return False
    return stack.isClean()


class LedgerEditor(QObject):
    """The one way views change the ledger: checks a value, then pushes a command.

    changed(ids) fires after every step done, undone or redone (ids: township ids
    to re-read, or None for all); failed(error) when an edit was refused.
    """

    changed = Signal(object)
    failed = Signal(object)
    warned = Signal(str)  # an edit that was made but disagrees with another figure on record

    def __init__(self, db: Database, stack: QUndoStack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stack = stack
        self.context = EditContext(db, changed=self.changed.emit, failed=self.failed.emit)

    @property
    def db(self) -> Database:
        return self.context.db

    def push(self, command: LedgerCommand) -> bool:
        return push(self.stack, self.context, command)

    def _push_seen(self, command: LedgerCommand, current: Any, again: Callable[[], LedgerCommand]) -> bool:
        """Push an edit made from the value `current` on screen; `again` builds it for "overwrite"."""
        command.seen = current
        command.retry = lambda: self.push(again())
        return self.push(command)

    def _checked(self, spec: edit_rules.FieldSpec, value: Any) -> tuple[bool, Any]:
        try:
            return True, edit_rules.coerce(spec, value)
        except edit_rules.EditError as error:
            self.context.errors.append(error)
            self.failed.emit(error)
            return False, None

    def set_township_field(self, township: str, field_name: str, value: Any, current: Any = None) -> bool:
        ok, value = self._checked(edit_rules.TOWNSHIP_FIELDS[field_name], value)
        if not ok:
            return False
        if current is not None and value == current:
            return True  # nothing to do: no empty step on the undo stack
        return self._push_seen(SetTownshipFieldCommand(self.context, township, field_name, value), current,
                               lambda: SetTownshipFieldCommand(self.context, township, field_name, value))

    def set_quota_field(self, township: str, kind: str, field_name: str, value: Any, current: Any = None) -> bool:
        ok, value = self._checked(edit_rules.QUOTA_FIELDS[field_name], value)
        if not ok:
            return False
        if current is not None and value == current:
            return True
        done = self._push_seen(SetQuotaFieldCommand(self.context, township, kind, field_name, value), current,
                               lambda: SetQuotaFieldCommand(self.context, township, kind, field_name, value))
        if done and field_name == "staff":
            self._check_people_on_file(township, kind, value)
        return done

    def _check_people_on_file(self, township: str, kind: str, staff: int) -> None:
        """Staff is a count of the people on file: say so when the two differ (the edit stands)."""
        township_id = township_id_named(self.db, township)
        detail = township_detail(self.db, township_id)[0] if township_id is not None else None
        if detail is None or not detail.people:
            return  # no people on file for this township: nothing to compare with
        on_file = sum(1 for person in detail.people if person.kind == kind)
        if on_file != staff:
            self.warned.emit(translate("Commands", "{township} {kind}: staff {staff}, but {people} people of "
                                       "this kind are on file").format(
                township=township, kind=kind_label(kind), staff=staff, people=on_file))

    def set_office_field(self, township: str, office: str, field_name: str, value: Any,
                         current: Any = None) -> bool:
        ok, value = self._checked(edit_rules.OFFICE_FIELDS[field_name], value)
        if not ok:
            return False
        if current is not None and value == current:
            return True
        return self._push_seen(SetOfficeFieldCommand(self.context, township, office, field_name, value), current,
                               lambda: SetOfficeFieldCommand(self.context, township, office, field_name, value))

    def set_duty_field(self, township: str, office: str, duty: str, field_name: str, value: Any,
                       current: Any = None) -> bool:
        ok, value = self._checked(edit_rules.DUTY_FIELDS[field_name], value)
        if not ok:
            return False
        if current is not None and value == current:
            return True
        return self._push_seen(
            SetDutyFieldCommand(self.context, township, office, duty, field_name, value), current,
            lambda: SetDutyFieldCommand(self.context, township, office, duty, field_name, value))

    def set_person_field(self, township: str, ordinal: int, field_name: str, value: Any,
                         current: Any = None) -> bool:
        if field_name in edit_rules.PERSON_OPTIONAL and not str(value or "").strip():
            value = None  # left empty: not known
        elif field_name != "office":  # an office is checked against the township's offices by the service
            ok, value = self._checked(edit_rules.PERSON_FIELDS[field_name], value)
            if not ok:
                return False
        if value == current:
            return True
        return self.push(SetPersonFieldCommand(self.context, township, ordinal, field_name, value))

    def set_parameter(self, name: str, value: Any, current: Any = None) -> bool:
        if current is not None:
            try:
                if float(str(value).strip()) == float(current):
                    return True
            except ValueError:
                pass  # not a number: the command reports it
        return self.push(SetParameterCommand(self.context, name, value))

    def add_township(self, data: TownshipData) -> bool:
        return self.push(AddTownshipCommand(self.context, data))

    def remove_township(self, township: str) -> bool:
        return self.push(RemoveTownshipCommand(self.context, township))

    def add_duty(self, township: str, duty: DutyData) -> bool:
        return self.push(AddDutyCommand(self.context, township, duty))

    def remove_duty(self, township: str, office: str, duty: str) -> bool:
        return self.push(RemoveDutyCommand(self.context, township, office, duty))
