"""The committee's decision on record: kept with the applied proposal, in the audit log, through undo and redo."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtGui import QUndoStack
from sqlalchemy import select

from planner.services.apply import ApplyError, Decision, proposal_changes
from planner.services.applying import applied_records, decisions_by_township
from planner.store.models import AppliedProposal, AuditEntry
from planner.store.reads import audit_rows
from tests.ledger_fixtures import fresh_settings, ledger_db  # noqa: F401  (fixtures)
from tests.test_apply import approved, solved

DECISION = Decision("青编〔2026〕7号", date(2026, 5, 12))


def decision_entries(db) -> list[tuple[str, str, str | None, str | None]]:
    with db.session() as s:
        return [(e.action, e.field, e.old_value, e.new_value) for e in
                s.scalars(select(AuditEntry).where(AuditEntry.entity == "decision").order_by(AuditEntry.id))]


def test_a_decision_needs_a_number_and_a_date_not_in_the_future():
    with pytest.raises(ApplyError):
        Decision("  ", date(2026, 1, 1))
    with pytest.raises(ApplyError):
        Decision("青编〔2026〕7号", date.today() + timedelta(days=1))
    assert Decision(" 青编〔2026〕7号 ", date(2026, 1, 1)).number == "青编〔2026〕7号"
    assert DECISION.text("zh") == "依据 青编〔2026〕7号（2026-05-12）"


def test_the_decision_survives_undo_and_redo_and_is_in_the_audit_log(ledger_db, qapp):
    from ui.apply_action import ApplyProposalCommand
    from ui.commands import EditContext

    result = solved(ledger_db)
    changes = proposal_changes(result)
    before = approved(ledger_db)
    stack = QUndoStack()
    context = EditContext(ledger_db)
    stack.push(ApplyProposalCommand(context, result, user="王科长", decision=DECISION))
    assert context.errors == []
    after = approved(ledger_db)
    assert after != before
    (record,) = applied_records(ledger_db)
    assert (record.decision_no, record.decision_date, record.reverted) == ("青编〔2026〕7号", "2026-05-12", False)
    assert record.townships == list(dict.fromkeys(c.township for c in changes))
    assert record.slots_moved == sum(-c.change for c in changes if c.change < 0) == result.slots_moved
    on_record = decisions_by_township(ledger_db)
    assert set(on_record) == {c.township for c in changes}
    assert decision_entries(ledger_db) == [("apply_proposal", "decision_no", None, "青编〔2026〕7号"),
                                           ("apply_proposal", "decision_date", None, "2026-05-12")]

    stack.undo()
    assert approved(ledger_db) == before
    assert decisions_by_township(ledger_db) == {}          # nothing in force after the undo
    assert [r.reverted for r in applied_records(ledger_db)] == [True]
    assert decision_entries(ledger_db)[2:] == [("revert_proposal", "decision_no", "青编〔2026〕7号", None),
                                               ("revert_proposal", "decision_date", "2026-05-12", None)]

    stack.redo()
    assert approved(ledger_db) == after
    records = applied_records(ledger_db)                  # newest first: the redo is its own record
    assert [(r.decision_no, r.decision_date, r.reverted) for r in records] == [
        ("青编〔2026〕7号", "2026-05-12", False), ("青编〔2026〕7号", "2026-05-12", True)]
    assert {t: r.id for t, r in decisions_by_township(ledger_db).items()} == {c.township: records[0].id
                                                                              for c in changes}
    # The log as the window shows it, in Chinese.
    rows = audit_rows(ledger_db, "zh_CN")
    assert any(r[2] == "执行调剂方案" and r[3] == "编委决定" and r[5] == "编委文件号" and r[7] == "青编〔2026〕7号"
               for r in rows)
    with ledger_db.session() as s:
        assert s.scalar(select(AppliedProposal.decision_no).order_by(AppliedProposal.id.desc())) == "青编〔2026〕7号"


def test_the_window_asks_for_the_decision_and_says_what_was_written(ledger_db, qtbot, monkeypatch, fresh_settings):
    import ui.apply_action
    from ui.main_window import MainWindow

    window = MainWindow(ledger_db, fresh_settings)
    qtbot.addWidget(window)
    result = solved(ledger_db)
    window.solve_panel.results_view.set_result(result)
    assert window.solve_panel.results_view.apply_button.isEnabled()
    monkeypatch.setattr(ui.apply_action, "ask_confirmation", lambda parent, q, d: DECISION)
    assert window.solve_panel.applier.request(result)
    changes = proposal_changes(result)
    message = window.solve_panel.applier.last_message
    for township in {c.township for c in changes}:
        assert township in message
    assert str(result.slots_moved) in message and "青编〔2026〕7号" in message
    # Once written, the proposal is not offered again.
    assert not window.solve_panel.results_view.apply_button.isEnabled()
    # The ledger names the decision on the townships it changed, and only on those.
    model = window.ledger_panel.model
    tips = {model.summary_at(r).name: model.note_of(model.summary_at(r).name)[1] for r in range(model.rowCount())}
    for name, tip in tips.items():
        assert ("青编〔2026〕7号" in tip) == (name in {c.township for c in changes})
    window.undo_stack.undo()
    tips = {model.summary_at(r).name: model.note_of(model.summary_at(r).name)[1] for r in range(model.rowCount())}
    assert not any("青编" in tip for tip in tips.values())


def test_the_decisions_list_prints(ledger_db, qtbot, tmp_path):
    import subprocess

    from ui.commands import EditContext
    from ui.apply_action import ApplyProposalCommand
    from ui.decisions_view import DecisionsDialog

    result = solved(ledger_db)
    stack = QUndoStack()
    stack.push(ApplyProposalCommand(EditContext(ledger_db), result, decision=DECISION))
    dialog = DecisionsDialog(ledger_db)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    path = dialog.save_pdf(str(tmp_path / "decisions.pdf"))
    text = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True, check=True).stdout
    assert "青编〔2026〕7号" in text and "2026-05-12" in text
