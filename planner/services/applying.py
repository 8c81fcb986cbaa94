"""Applying a proposal to the ledger and taking it back, each with a backup first and in one transaction.

The checks and the writes themselves are planner.services.apply (inside a
caller's session); these are the use cases the window's Apply (and its undo)
call, and the record of what was applied on which committee decision.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from planner.domain.proposal import Proposal
from planner.services.apply import Decision, QuotaChange, apply_proposal, check_proposal, proposal_changes, \
    revert_proposal
from planner.services.backups import Outcome, back_up_before
from planner.store.conflicts import save
from planner.store.models import AppliedProposal

__all__ = ["AppliedRecord", "Decision", "applied_records", "apply_proposal_safely", "decisions_by_township",
           "proposal_check", "revert_proposal_safely"]


def proposal_check(db, result: Proposal) -> list[QuotaChange]:
    """The quota lines applying `result` would change; ApplyError with every reason it cannot apply.
    Writes nothing."""
    with db.session() as session:
        return check_proposal(session, result)


def apply_proposal_safely(db, result: Proposal, user: str | None = None,
                          decision: Decision | None = None) -> Outcome:
    """Check the proposal, back up the ledger, then apply it in one transaction.

    Outcome.value is the AppliedProposal id. A refused proposal (ApplyError)
    makes no backup and changes nothing; a concurrent edit of a quota line it
    writes raises ConflictError. `decision` (the committee's document number and
    date) is kept with the applied proposal and in the audit log.
    """
    proposal_check(db, result)  # refuse early: no backup for a proposal that cannot apply
    backup = back_up_before(db, "apply")
    applied_id = save(db, lambda session: apply_proposal(session, result, user=user, decision=decision))
    return Outcome(applied_id, backup)


def revert_proposal_safely(db, applied_id: int, user: str | None = None) -> Outcome:
    """Put back the quota an applied proposal replaced (the undo of an apply); Outcome.value
    lists the lines changed back."""
    backup = back_up_before(db, "revert")
    changes = save(db, lambda session: revert_proposal(session, applied_id, user=user))
    return Outcome(changes, backup)


# ------------------------------------------------------------ the record of applied proposals
@dataclass(frozen=True)
class AppliedRecord:
    """One applied proposal as the list of decisions shows and prints it."""

    id: int
    applied_at: str                  # YYYY-MM-DD HH:MM:SS
    applied_by: str
    scenario: str
    decision_no: str
    decision_date: str | None        # YYYY-MM-DD
    reverted: bool
    changes: tuple[QuotaChange, ...]

    @property
    def townships(self) -> list[str]:
        """Townships whose quota it changed, in the proposal's order."""
        return list(dict.fromkeys(c.township for c in self.changes))

    @property
    def slots_moved(self) -> int:
        """Slots given up by the townships that lose quota (= slots received, totals never grow)."""
        return sum(-c.change for c in self.changes if c.change < 0)

    @property
    def decision(self) -> Decision | None:
        if not self.decision_no or not self.decision_date:
            return None
        return Decision(self.decision_no, date.fromisoformat(self.decision_date))


# An applied proposal's result never changes once written: its quota changes are worked out once
# per result text (its SHA-256 is far quicker than reading a province's proposal again), not at
# every refresh of the ledger's markers.
_CHANGES: dict[bytes, tuple[QuotaChange, ...]] = {}


def _changes(row: AppliedProposal) -> tuple[QuotaChange, ...]:
    key = hashlib.sha256((row.result_json or "").encode("utf-8")).digest()
    if key not in _CHANGES:
        if len(_CHANGES) > 256:
            _CHANGES.clear()
        _CHANGES[key] = tuple(proposal_changes(Proposal.from_json(json.loads(row.result_json or "{}"))))
    return _CHANGES[key]


def _record(row: AppliedProposal) -> AppliedRecord:
    changes = _changes(row)
    at = row.applied_at.isoformat(sep=" ", timespec="seconds") if row.applied_at else ""
    return AppliedRecord(row.id, at, row.applied_by or "", row.scenario or "", row.decision_no or "",
                         row.decision_date, bool(row.reverted), changes)


def applied_records(db, include_reverted: bool = True) -> list[AppliedRecord]:
    """Every applied proposal, newest first (those taken back by undo too, marked reverted)."""
    with db.session() as session:
        query = select(AppliedProposal).order_by(AppliedProposal.id.desc())
        if not include_reverted:
            query = query.where(AppliedProposal.reverted.is_(False))
        return [_record(row) for row in session.scalars(query)]


def decisions_by_township(db) -> dict[str, AppliedRecord]:
    """township -> the latest applied proposal in force that changed its quota (its decision on record)."""
    found: dict[str, AppliedRecord] = {}
    for record in applied_records(db, include_reverted=False):   # newest first: the first one wins
        for township in record.townships:
            found.setdefault(township, record)
    return found
