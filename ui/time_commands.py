"""Undoable steps of the time ledger: a person added, changed or removed, a hiring plan line
(用编计划) and a pool loan (周转池) added, changed or removed.

Each derives from ui.commands.LedgerCommand (so from ui.undo's one base) and calls
planner.services.time_editing / planner.services.editing inside its own transaction;
it returns the township's id so the ledger rows are re-read, like every ledger step.
A step the service refuses leaves the stack and reports the error, field named.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from planner.domain.county import HiringPlanData, PersonData, PoolLoanData
from planner.services import editing, time_editing
from planner.services.editing import township_ids as _id_of
from ui.commands import EditContext, LedgerCommand

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls

# Fields of a person in the order a change is written (and undone in reverse).
PERSON_ORDER = ("name", "kind", "office", "quota_since", "sex", "birth_month", "status", "leader", "planned_leave")


class AddPersonCommand(LedgerCommand):
    def __init__(self, context: EditContext, township: str, person: PersonData) -> None:
        super().__init__(context, lambda: translate("TimeCommands", "Add {name} to {township}").format(
            name=person.name, township=township))
        self.township, self.person = township, person
        self.ordinal: int | None = None
        self.row_id: int | None = None

    def _do(self, session):
        if self.row_id is None:
            self.ordinal = time_editing.add_person(session, self.township, self.person)
        else:  # redo: the same row id, so later steps addressing the person by place still find them
            time_editing.add_person(session, self.township, self.person, self.row_id)
        return _id_of(session, self.township)

    def _undo(self, session):
        snapshot = time_editing.remove_person(session, self.township, self.ordinal)
        self.row_id = snapshot.row_id
        return _id_of(session, self.township)


class RemovePersonCommand(LedgerCommand):
    def __init__(self, context: EditContext, township: str, ordinal: int, name: str) -> None:
        super().__init__(context, lambda: translate("TimeCommands", "Remove {name} from {township}").format(
            name=name, township=township))
        self.township, self.ordinal = township, ordinal
        self.snapshot: time_editing.PersonSnapshot | None = None

    def _do(self, session):
        self.snapshot = time_editing.remove_person(session, self.township, self.ordinal)
        return _id_of(session, self.township)

    def _undo(self, session):
        time_editing.restore_person(session, self.snapshot)
        return _id_of(session, self.township)


class EditPersonCommand(LedgerCommand):
    """Every changed field of one person in one step (one transaction: all or none)."""

    def __init__(self, context: EditContext, township: str, ordinal: int, before: PersonData,
                 after: PersonData) -> None:
        super().__init__(context, lambda: translate("TimeCommands", "Change {name} of {township}").format(
            name=before.name, township=township))
        self.township, self.ordinal = township, ordinal
        self.changes = [(f, getattr(before, f), getattr(after, f)) for f in PERSON_ORDER
                        if getattr(before, f) != getattr(after, f)]
        self.old: list = []

    def _do(self, session):
        self.old = [editing.set_person_field(session, self.township, self.ordinal, f, new)
                    for f, _, new in self.changes]
        return _id_of(session, self.township)

    def _undo(self, session):
        for (f, _, _), old in reversed(list(zip(self.changes, self.old))):
            editing.set_person_field(session, self.township, self.ordinal, f, old)
        return _id_of(session, self.township)


class SetHiringPlanCommand(LedgerCommand):
    """Add (old None), change, or remove (new None) one hiring plan line of a township."""

    def __init__(self, context: EditContext, township: str, old: HiringPlanData | None,
                 new: HiringPlanData | None) -> None:
        year = (new or old).year

        def text() -> str:
            if old is None:
                return translate("TimeCommands", "Add the {year} hiring plan of {township}")
            if new is None:
                return translate("TimeCommands", "Remove the {year} hiring plan of {township}")
            return translate("TimeCommands", "Change the {year} hiring plan of {township}")

        super().__init__(context, lambda: text().format(year=year, township=township))
        self.township, self.old, self.new = township, old, new
        self.stored: HiringPlanData | None = None

    def _do(self, session):
        self.stored = time_editing.set_hiring_plan(session, self.township, self.old, self.new)
        return _id_of(session, self.township)

    def _undo(self, session):
        time_editing.set_hiring_plan(session, self.township, self.stored, self.old)
        return _id_of(session, self.township)


class AddLoanCommand(LedgerCommand):
    def __init__(self, context: EditContext, township: str, loan: PoolLoanData) -> None:
        super().__init__(context, lambda: translate("TimeCommands", "Lend pool slots to {township}").format(
            township=township))
        self.township, self.loan = township, loan
        self.ordinal: int | None = None
        self.row_id: int | None = None

    def _do(self, session):
        self.ordinal = time_editing.add_loan(session, self.township, self.loan, self.row_id)
        return _id_of(session, self.township)

    def _undo(self, session):
        self.row_id = time_editing.remove_loan(session, self.township, self.ordinal).row_id
        return _id_of(session, self.township)


class EditLoanCommand(LedgerCommand):
    def __init__(self, context: EditContext, township: str, ordinal: int, loan: PoolLoanData) -> None:
        super().__init__(context, lambda: translate("TimeCommands", "Change a pool loan of {township}").format(
            township=township))
        self.township, self.ordinal, self.loan = township, ordinal, loan
        self.old: PoolLoanData | None = None

    def _do(self, session):
        self.old = time_editing.set_loan(session, self.township, self.ordinal, self.loan)
        return _id_of(session, self.township)

    def _undo(self, session):
        time_editing.set_loan(session, self.township, self.ordinal, self.old)
        return _id_of(session, self.township)


class RemoveLoanCommand(LedgerCommand):
    def __init__(self, context: EditContext, township: str, ordinal: int) -> None:
        super().__init__(context, lambda: translate("TimeCommands", "Remove a pool loan of {township}").format(
            township=township))
        self.township, self.ordinal = township, ordinal
        self.snapshot: time_editing.LoanSnapshot | None = None

    def _do(self, session):
        self.snapshot = time_editing.remove_loan(session, self.township, self.ordinal)
        return _id_of(session, self.township)

    def _undo(self, session):
        time_editing.restore_loan(session, self.snapshot)
        return _id_of(session, self.township)
