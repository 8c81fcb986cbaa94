"""Single edits of the ledger, each inside the caller's transaction: the API the window's
undoable edits (ui.commands) call.

The edits live with the store (planner.store.ledger_edit: each value checked by the rules of
planner.domain.edit_rules, logged in the audit log, and written as a compare-and-set on the
row's version); the window reaches them only through this module, so every write a user makes
goes through the service layer (an import contract in pyproject.toml checks it).
"""

from planner.store.ledger_edit import (
    DutySnapshot, QuotaData, TownshipSnapshot, add_duty, add_township, quota_line, remove_duty, remove_township,
    restore_duty, restore_quota_line, restore_township, set_duty_field, set_office_field, set_parameter,
    set_person_field, set_quota_field, set_township_field, township_ids,
)

__all__ = [
    "DutySnapshot", "QuotaData", "TownshipSnapshot", "add_duty", "add_township", "quota_line", "remove_duty",
    "remove_township", "restore_duty", "restore_quota_line", "restore_township", "set_duty_field",
    "set_office_field", "set_parameter", "set_person_field", "set_quota_field", "set_township_field",
    "township_ids",
]
