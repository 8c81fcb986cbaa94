"""Applying a proposal to the ledger and reverting it: checks first, exact restore, audit trail."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from sqlalchemy import select

from planner.services.apply import ApplyError, apply_proposal, check_proposal, proposal_changes, revert_proposal
from planner.domain.county import KINDS, TownshipData
from planner.domain.proposal import Proposal
from planner.store.ledger import load_county
from planner.store.models import AppliedProposal, AuditEntry, Duty, Quota
from tests.ledger_fixtures import ledger_db  # noqa: F401  (fixture)


def county(db):
    with db.session() as s:
        return load_county(s)


def solved(db) -> Proposal:
    """The real proposal for the ledger as it is now."""
    from planner.solving.solve import solve_county

    result = solve_county(county(db), scenario="基准")
    assert result.status in ("optimal", "feasible") and result.moves
    return result


def tampered(result: Proposal, deltas: dict[tuple[str, str], int]) -> Proposal:
    """A copy of the result with some proposed quota changed behind the optimizer's back."""
    out = result.to_json()
    for row in out["townships"]:
        row["proposed"] += deltas.get((row["township"], row["kind"]), 0)
    return Proposal.from_json(out)


def expected_changes(result: Proposal) -> dict[tuple[str, str], int]:
    return {(r.township, r.kind): r.proposed - r.approved for r in result.lines if r.proposed != r.approved}


def approved(db) -> dict[tuple[str, str], int]:
    with db.session() as s:
        from planner.store.models import Township

        rows = s.execute(select(Township.name, Quota.kind, Quota.approved).join(Quota)).all()
    return {(t, k): a for t, k, a in rows}


def test_apply_writes_the_proposed_quota_and_records_what_was_there(ledger_db):
    result = solved(ledger_db)
    deltas = expected_changes(result)
    before = approved(ledger_db)
    with ledger_db.session() as s:
        applied_id = apply_proposal(s, result, user="王科长")
    after = approved(ledger_db)
    assert {k: after[k] - before[k] for k in after if after[k] != before[k]} == deltas
    with ledger_db.session() as s:
        record = s.get(AppliedProposal, applied_id)
        assert record.applied_by == "王科长" and not record.reverted
        assert record.fingerprint == result.fingerprint and record.scenario == "基准"
        stored_before = {(r["township"], r["kind"]): r["approved"] for r in json.loads(record.before_json)["quota"]}
        assert stored_before == before
        assert json.loads(record.result_json)["townships"] == result.to_json()["townships"]
        audit = s.execute(select(AuditEntry.entity_key, AuditEntry.old_value, AuditEntry.new_value)
                          .where(AuditEntry.action == "apply_proposal")).all()
    assert sorted(audit) == sorted((f"{t}/{k}", str(before[(t, k)]), str(before[(t, k)] + d))
                                   for (t, k), d in deltas.items())


def test_revert_restores_the_exact_ledger_and_only_once(ledger_db):
    original = county(ledger_db)
    result = solved(ledger_db)
    with ledger_db.session() as s:
        applied_id = apply_proposal(s, result)
    assert county(ledger_db) != original
    with ledger_db.session() as s:
        changes = revert_proposal(s, applied_id)
    assert {(c.township, c.kind): c.before - c.after for c in changes} == expected_changes(result)
    assert county(ledger_db) == original
    with ledger_db.session() as s:
        assert s.get(AppliedProposal, applied_id).reverted
    with pytest.raises(ApplyError, match="已撤销"), ledger_db.session() as s:
        revert_proposal(s, applied_id)
    assert county(ledger_db) == original


def test_a_result_that_is_not_a_proposal_is_refused(ledger_db):
    original = county(ledger_db)
    result = replace(solved(ledger_db), status="infeasible")
    with pytest.raises(ApplyError, match="infeasible"), ledger_db.session() as s:
        apply_proposal(s, result)
    assert county(ledger_db) == original
    with ledger_db.session() as s:
        assert s.scalars(select(AppliedProposal)).first() is None


def test_a_proposal_computed_before_a_workload_edit_is_stale(ledger_db):
    result = solved(ledger_db)
    with ledger_db.session() as s:
        duty = s.scalars(select(Duty).order_by(Duty.id)).first()
        duty.annual_volume += 100  # approved quota untouched: only the fingerprint can tell
    original = county(ledger_db)
    with pytest.raises(ApplyError) as caught, ledger_db.session() as s:
        apply_proposal(s, result)
    assert "fingerprint" in str(caught.value)
    assert county(ledger_db) == original


def test_a_changed_quota_line_is_named(ledger_db):
    result = solved(ledger_db)
    name = result.lines[0].township
    with ledger_db.session() as s:
        from planner.store.models import Township

        quota = s.execute(select(Quota).join(Township).where(Township.name == name,
                                                             Quota.kind == result.lines[0].kind)).scalar_one()
        quota.approved += 1
    with pytest.raises(ApplyError) as caught, ledger_db.session() as s:
        check_proposal(s, result)
    assert any(name in p for p in caught.value.problems)


def test_a_township_added_after_the_solve_changes_the_shape(ledger_db):
    from planner.store.ledger_edit import add_township
    from planner.domain.county import QuotaData

    result = solved(ledger_db)
    with ledger_db.session() as s:
        add_township(s, TownshipData(name="新设镇", quotas={"administrative": QuotaData("administrative", 20, 18, 8)}))
    original = county(ledger_db)
    with pytest.raises(ApplyError) as caught, ledger_db.session() as s:
        apply_proposal(s, result)
    assert any("新设镇" in p for p in caught.value.problems)
    assert county(ledger_db) == original


def test_a_proposal_that_breaks_a_hard_rule_is_refused(ledger_db):
    result = solved(ledger_db)
    t = next(r for r in result.lines if r.kind == "administrative" and not r.locked)
    result = tampered(result, {(t.township, "administrative"): +3})  # the county total grows
    original = county(ledger_db)
    with pytest.raises(ApplyError) as caught, ledger_db.session() as s:
        apply_proposal(s, result)
    assert caught.value.problems
    assert county(ledger_db) == original


def test_revert_refuses_when_a_written_line_was_edited_since(ledger_db):
    result = solved(ledger_db)
    with ledger_db.session() as s:
        applied_id = apply_proposal(s, result)
    (township, kind) = next(iter(expected_changes(result)))
    with ledger_db.session() as s:
        from planner.store.ledger_edit import set_quota_field

        set_quota_field(s, township, kind, "approved", approved(ledger_db)[(township, kind)] + 1)
    edited = county(ledger_db)
    with pytest.raises(ApplyError) as caught, ledger_db.session() as s:
        revert_proposal(s, applied_id)
    assert any(township in p for p in caught.value.problems)
    assert county(ledger_db) == edited


def test_proposal_changes_lists_only_lines_that_move(ledger_db):
    result = solved(ledger_db)
    changes = proposal_changes(result)
    assert {(c.township, c.kind): c.change for c in changes} == expected_changes(result)
    assert len(changes) < len(result.lines)


def test_a_locked_township_changed_behind_the_optimizer_is_refused(ledger_db):
    result = solved(ledger_db)
    locked = next(r for r in result.lines if r.locked)
    free = next(r for r in result.lines if not r.locked and r.kind == locked.kind
                and r.proposed - 1 >= max(r.staff, r.leadership))
    result = tampered(result, {(locked.township, locked.kind): +1, (free.township, free.kind): -1})
    with pytest.raises(ApplyError) as caught, ledger_db.session() as s:
        apply_proposal(s, result)
    assert any(locked.township in p for p in caught.value.problems)


def test_every_proposed_quota_reaches_the_ledger_and_comes_back(ledger_db):
    original = county(ledger_db)
    result = solved(ledger_db)
    with ledger_db.session() as s:
        applied_id = apply_proposal(s, result)
    now = approved(ledger_db)
    for row in result.lines:
        assert now.get((row.township, row.kind), 0) == row.proposed
    with ledger_db.session() as s:
        revert_proposal(s, applied_id)
    assert county(ledger_db) == original
