"""Applying a proposal to the ledger and taking it back, each with a backup first and in one transaction.

The checks and the writes themselves are planner.services.apply (inside a
caller's session); these are the use cases the window's Apply (and its undo)
call.
"""

from __future__ import annotations

from planner.domain.proposal import Proposal
from planner.services.apply import QuotaChange, apply_proposal, check_proposal, revert_proposal
from planner.services.backups import Outcome, back_up_before
from planner.store.conflicts import save


def proposal_check(db, result: Proposal) -> list[QuotaChange]:
    """The quota lines applying `result` would change; ApplyError with every reason it cannot apply.
    Writes nothing."""
    with db.session() as session:
        return check_proposal(session, result)


def apply_proposal_safely(db, result: Proposal, user: str | None = None) -> Outcome:
    """Check the proposal, back up the ledger, then apply it in one transaction.

    Outcome.value is the AppliedProposal id. A refused proposal (ApplyError)
    makes no backup and changes nothing; a concurrent edit of a quota line it
    writes raises ConflictError.
    """
    proposal_check(db, result)  # refuse early: no backup for a proposal that cannot apply
    backup = back_up_before(db, "apply")
    applied_id = save(db, lambda session: apply_proposal(session, result, user=user))
    return Outcome(applied_id, backup)


def revert_proposal_safely(db, applied_id: int, user: str | None = None) -> Outcome:
    """Put back the quota an applied proposal replaced (the undo of an apply); Outcome.value
    lists the lines changed back."""
    backup = back_up_before(db, "revert")
    changes = save(db, lambda session: revert_proposal(session, applied_id, user=user))
    return Outcome(changes, backup)
