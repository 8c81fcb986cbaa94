"""Applying a proposal to the ledger: checked, confirmed, undoable.

The proposal reaches the ledger only when the user says so after reading a
summary of every line that will change (domain rule 7). The write is a
QUndoCommand on the window's undo stack: redo calls planner.services.applying.apply_proposal_safely,
undo revert_proposal_safely, each a backup then one committed transaction (as every
ledger edit, see ui/commands.py), so Ctrl+Z puts back the exact previous quota.

The confirmation asks for the committee's decision (编委文件号 and date, ui.decisions_view);
every redo writes it again with the re-applied proposal, every undo logs it withdrawn. Once
written, the window says what changed, and the proposal cannot be applied a second time.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from planner.domain.county import KINDS
from planner.domain.proposal import Proposal
from planner.services.apply import ApplyError, Decision, QuotaChange
from planner.services.applying import apply_proposal_safely, proposal_check, revert_proposal_safely
from ui.commands import EditContext, LedgerCommand
from ui.decisions_view import applied_message, ask_decision
from ui.labels import kind_label
from ui.results_models import ui_is_chinese

SUMMARY_LINES = 15  # lines listed in the question itself; the rest go to "Show Details…"


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def error_text(error: Exception) -> str:
    """A refusal in the UI language, with its itemised problems."""
    if isinstance(error, ApplyError):
        head = error.message_zh if ui_is_chinese() else error.message_en
        return "\n".join([head, *error.problems[:20]] + (["…"] if len(error.problems) > 20 else []))
    return str(error)


class ApplyProposalCommand(LedgerCommand):
    """Writes a proposal into the ledger; undo restores the quota it replaced.

    Both directions go through planner.services.applying, so each is preceded by a backup
    of the ledger and refused whole (nothing written) on a conflicting edit.
    """

    def __init__(self, context: EditContext, result: Proposal, user: str | None = None,
                 decision: Decision | None = None) -> None:
        text = translate("ApplyProposal", "Apply proposal “{scenario}”")
        super().__init__(context, text.format(scenario=result.scenario))
        self.result = result
        self.user = user
        self.decision = decision
        self.applied_id: int | None = None
        self.applied_ids: list[int] = []  # one per redo: each application is its own record
        self.backups: list = []           # backup files made before each step (None: server database)

    def perform(self, forward: bool) -> None:
        """Each direction is its own backed-up transaction (safe_ops); None: re-read every township."""
        self._apply() if forward else self._revert()
        return None

    def _apply(self) -> None:
        outcome = apply_proposal_safely(self.context.db, self.result, user=self.user, decision=self.decision)
        self.applied_id = int(outcome.value)
        self.applied_ids.append(self.applied_id)
        self.backups.append(outcome.backup)

    def _revert(self) -> None:
        outcome = revert_proposal_safely(self.context.db, self.applied_id, user=self.user)
        self.backups.append(outcome.backup)


def summary_text(result: Proposal, changes: list[QuotaChange]) -> tuple[str, str]:
    """(question, details) for the confirmation: totals per kind and every changed line."""
    townships = {c.township for c in changes}
    lines = [translate("ApplyProposal", "Apply the proposal of scenario “{scenario}” to the ledger?").format(
        scenario=result.scenario), "",
        translate("ApplyProposal", "{lines} quota lines change in {townships} townships:").format(
            lines=len(changes), townships=len(townships))]
    for kind in KINDS:
        if result.lines_of(kind):
            totals = result.totals_of(kind)
            lines.append(translate("ApplyProposal", "  {kind}: county total {before} → {after}").format(
                kind=kind_label(kind), before=totals.before, after=totals.after))
    lines.append("")
    detail = [translate("ApplyProposal", "{township} {kind}: {before} → {after} ({change:+d})").format(
        township=c.township, kind=kind_label(c.kind), before=c.before, after=c.after, change=c.change)
        for c in changes]
    lines += detail[:SUMMARY_LINES]
    if len(detail) > SUMMARY_LINES:
        more = translate("ApplyProposal", "… and {n} more (see details)")
        lines.append(more.format(n=len(detail) - SUMMARY_LINES))
    lines += ["", translate("ApplyProposal", "The approved quota on the ledger will be replaced by the "
                                              "proposed quota. Edit ▸ Undo takes it back.")]
    return "\n".join(lines), "\n".join(detail)


def ask_confirmation(parent: QWidget | None, question: str, details: str) -> Decision | bool:
    """The confirmation, asking for the committee's decision; tests replace this function.

    Returns the Decision typed in, or False when the user cancelled. (A stand-in may answer
    True: applied without a decision on record.)
    """
    return ask_decision(parent, question, details) or False


def show_applied(parent: QWidget | None, message: str) -> QMessageBox:
    """Says what was written; not modal, so the work goes on while it is read."""
    box = QMessageBox(QMessageBox.Icon.Information, translate("ApplyProposal", "Proposal applied"), message,
                      QMessageBox.StandardButton.Ok, parent)
    box.setModal(False)
    box.show()
    return box


def show_refusal(parent: QWidget | None, message: str) -> None:
    """Tells why a proposal cannot be applied; tests replace this function."""
    QMessageBox.warning(parent, translate("ApplyProposal", "Proposal not applied"), message)


class ProposalApplier(QObject):
    """Checks, confirms and pushes the apply command through the window's LedgerEditor.

    The editor's context follows the window's database, and its changed/failed
    signals already refresh the ledger view and show refusals. `applied(proposal)`
    follows a written proposal (the proposal tab then stops offering to apply it).
    """

    applied = Signal(object)

    def __init__(self, parent: QWidget, editor, user: Callable[[], str | None] = lambda: None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.user = user
        self.last_command: ApplyProposalCommand | None = None
        self.last_message = ""
        self._message_box: QMessageBox | None = None

    @property
    def context(self) -> EditContext:
        return self.editor.context

    def request(self, result: Proposal) -> bool:
        """Apply `result` if it still fits the ledger and the user confirms; True when applied."""
        parent = self.parent()
        try:
            changes = proposal_check(self.context.db, result)
        except ApplyError as error:
            show_refusal(parent, error_text(error))
            return False
        if not changes:
            show_refusal(parent, translate("ApplyProposal",
                                           "The proposal changes no quota: the ledger already holds it."))
            return False
        question, details = summary_text(result, changes)
        answer = ask_confirmation(parent, question, details)
        if not answer:
            return False
        decision = answer if isinstance(answer, Decision) else None
        command = ApplyProposalCommand(self.context, result, user=self.user(), decision=decision)
        if not self.editor.push(command):  # refused inside redo: the stack dropped it
            return False
        self.last_command = command
        self.last_message = applied_message(changes, decision)
        if self._message_box is not None:
            self._message_box.close()
        self._message_box = show_applied(parent, self.last_message)
        self.applied.emit(result)
        return True
