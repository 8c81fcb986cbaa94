"""The proposal tab: table models pass the model tester and show the result's rows; charts embed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from fabricated_result import fabricated_result
from ui.results_models import (
    SORT_ROLE, ExplanationModel, KindFilterProxy, MarginalModel, MovesModel, ProposalModel, RosterModel,
    TotalsModel, localized, totals_rows,
)

DISPLAY = Qt.ItemDataRole.DisplayRole


def _column(model, header: str) -> int:
    for c in range(model.columnCount()):
        if model.headerData(c, Qt.Orientation.Horizontal, DISPLAY) == header:
            return c
    raise KeyError(header)


def _cells(model, header: str, role=DISPLAY) -> list:
    c = _column(model, header)
    return [model.data(model.index(r, c), role) for r in range(model.rowCount())]


@pytest.mark.parametrize("model_class, key", [
    (ProposalModel, "lines"), (MovesModel, "moves"), (RosterModel, "roster"),
    (ExplanationModel, "lines"), (MarginalModel, "marginal"),
])
def test_every_results_model_passes_the_model_tester(qtmodeltester, model_class, key):
    model = model_class()
    qtmodeltester.check(model)              # empty
    model.set_rows(getattr(fabricated_result(), key))
    qtmodeltester.check(model)              # filled
    model.set_rows([])
    qtmodeltester.check(model)


def test_totals_model_and_the_kind_filter_pass_the_model_tester(qtmodeltester):
    totals = TotalsModel()
    totals.set_rows(totals_rows(fabricated_result()))
    qtmodeltester.check(totals)
    source = ProposalModel()
    source.set_rows(fabricated_result().lines)
    proxy = KindFilterProxy()
    proxy.setSourceModel(source)
    proxy.set_kind("institutional")
    qtmodeltester.check(proxy)
    proxy.set_township("青山镇")
    qtmodeltester.check(proxy)


def test_proposal_model_shows_quota_beside_the_proposal_and_colours_the_change():
    result = fabricated_result()
    model = ProposalModel()
    model.set_rows(result.lines)
    assert model.rowCount() == len(result.lines)
    assert _cells(model, "Approved", SORT_ROLE) == [r.approved for r in result.lines]
    assert _cells(model, "Proposed", SORT_ROLE) == [r.proposed for r in result.lines]
    assert _cells(model, "Vacancy", SORT_ROLE) == [max(0, r.approved - r.staff) for r in result.lines]
    changes = _cells(model, "Change")
    assert changes[0] == "+3" and "-3" in changes and changes[2] == "0"
    c = _column(model, "Change")
    gain = model.data(model.index(0, c), Qt.ItemDataRole.ForegroundRole).color()
    loss = model.data(model.index(changes.index("-3"), c), Qt.ItemDataRole.ForegroundRole).color()
    assert gain != loss
    assert model.data(model.index(2, c), Qt.ItemDataRole.ForegroundRole) is None  # unchanged: plain
    # The locked township says so, and its explanation is the tooltip.
    names = _cells(model, "Township")
    locked = [i for i, r in enumerate(result.lines) if r.locked]
    assert all("locked" in names[i] for i in locked)
    tip = model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert localized(result.lines[0].explanation, result.lines[0].explanation_en) in tip


def test_kind_filter_and_sorting_by_raw_numbers():
    source = ProposalModel()
    source.set_rows(fabricated_result().lines)
    proxy = KindFilterProxy()
    proxy.setSourceModel(source)
    proxy.set_kind("administrative")
    assert proxy.rowCount() == 4
    proxy.sort(_column(source, "Change"), Qt.SortOrder.AscendingOrder)
    values = [proxy.data(proxy.index(r, _column(source, "Change")), SORT_ROLE) for r in range(proxy.rowCount())]
    assert values == sorted(values) and values[0] == -3
    proxy.set_kind("")
    assert proxy.rowCount() == source.rowCount()


def test_moves_model_lists_from_to_kind_count_and_the_reason():
    result = fabricated_result()
    model = MovesModel()
    model.set_rows(result.moves)
    assert _cells(model, "From") == ["白水乡", "白水乡"]
    assert _cells(model, "To") == ["青山镇", "青山镇"]
    assert _cells(model, "Slots", SORT_ROLE) == [4, 3]
    # The English UI (no translator installed in tests) shows the English reason.
    assert _cells(model, "Reason") == [m.reason_en for m in result.moves]


def test_roster_model_joins_duties_and_computes_the_load_share():
    model = RosterModel()
    model.set_rows(fabricated_result().roster)
    assert _cells(model, "A duties")[0] == "财务报账、党建工作"
    assert _cells(model, "B duties")[0] == "信访接待"
    assert _cells(model, "Load %", SORT_ROLE)[0] == pytest.approx(1420.5 / 1605.6)
    assert _cells(model, "Load %")[0] == "88%"


def test_results_view_fills_every_part(qtbot):
    from ui.results_view import ResultsView

    view = ResultsView()
    qtbot.addWidget(view)
    assert not view.apply_button.isEnabled()
    result = fabricated_result()
    with qtbot.waitSignal(view.result_changed):
        view.set_result(result)
    assert view.proposal_model.rowCount() == len(result.lines)
    assert view.moves_model.rowCount() == len(result.moves)
    # The roster shows one township at a time, the first one to begin with.
    first = result.roster[0].township
    assert view.roster_township.currentText() == first
    assert view.roster_model.rowCount() == sum(r.township == first for r in result.roster)
    assert view.marginal_model.rowCount() == len(result.marginal)
    assert view.totals_model.rowCount() == 3
    assert result.diagnosis_en[0] in view.diagnosis_view.toPlainText()
    assert "optimal" in view.summary_label.text()
    assert view.apply_button.isEnabled()

    # Another township, or all of them, and one kind within.
    view.roster_township.setCurrentIndex(view.roster_township.findText("白水乡"))
    assert [view.roster_model.row(i).township for i in range(view.roster_model.rowCount())] == ["白水乡"]
    view.roster_township.setCurrentIndex(0)
    assert view.roster_model.rowCount() == len(result.roster)
    view.roster_kind.setCurrentIndex(view.roster_kind.findData("administrative"))
    assert view.roster_proxy.rowCount() == 2

    # A stale or infeasible proposal cannot be applied.
    view.set_stale(True)
    assert not view.apply_button.isEnabled() and view.stale_label.isVisibleTo(view)
    view.set_result(fabricated_result("infeasible"))
    assert not view.apply_button.isEnabled()
    assert "infeasible" in view.summary_label.text()


def test_apply_button_asks_with_the_shown_result(qtbot):
    from ui.results_view import ResultsView

    view = ResultsView()
    qtbot.addWidget(view)
    result = fabricated_result()
    view.set_result(result)
    with qtbot.waitSignal(view.apply_requested) as blocker:
        qtbot.mouseClick(view.apply_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] is result


def test_charts_view_draws_the_selected_kind_when_shown(qtbot):
    from ui.charts_view import ChartsView

    view = ChartsView()
    qtbot.addWidget(view)
    view.set_result(fabricated_result())
    assert view.kind_combo.count() == 3
    view.resize(900, 700)
    view.show()
    qtbot.waitUntil(lambda: bool(view.quota_canvas.figure.axes))
    assert "Administrative" in view.quota_canvas.figure.axes[0].get_title()
    view.set_kind("institutional")
    qtbot.waitUntil(lambda: "Institutional" in view.quota_canvas.figure.axes[0].get_title())
    assert view.pressure_canvas.figure.axes
    assert view.redraw_if_needed() is False  # nothing changed: no second drawing


# ---------------------------------------------------------------- applying from the window
from planner.store.ledger import load_county  # noqa: E402
from tests.ledger_fixtures import fresh_settings, ledger_db  # noqa: E402,F401  (fixtures)
from tests.solve_window import solve, window  # noqa: E402,F401  (fixture)


def county(db):
    with db.session() as s:
        return load_county(s)


class Dialogs:
    """Stands in for the confirmation and refusal boxes; records what they were shown."""

    def __init__(self, monkeypatch, answer: bool) -> None:
        import ui.apply_action

        self.questions: list[tuple[str, str]] = []
        self.refusals: list[str] = []
        self.answer = answer
        monkeypatch.setattr(ui.apply_action, "ask_confirmation", self._ask)
        monkeypatch.setattr(ui.apply_action, "show_refusal", lambda parent, text: self.refusals.append(text))

    def _ask(self, parent, question: str, details: str) -> bool:
        self.questions.append((question, details))
        return self.answer


def test_apply_asks_first_then_undo_restores_the_exact_ledger(window, qtbot, monkeypatch):
    from planner.services.apply import proposal_changes
    from planner.store.models import AppliedProposal
    from ui.labels import kind_label

    original = county(window.db)
    result = solve(window, qtbot)
    changes = proposal_changes(result)
    assert changes
    dialogs = Dialogs(monkeypatch, answer=True)
    view = window.solve_panel.results_view
    qtbot.mouseClick(view.apply_button, Qt.MouseButton.LeftButton)

    # The question summarises what will change before anything does.
    (question, details), = dialogs.questions
    townships = {c.township for c in changes}
    assert f"{len(changes)} quota lines change in {len(townships)} townships" in question
    for c in changes:
        assert f"{c.township} {kind_label(c.kind)}: {c.before} → {c.after} ({c.change:+d})" in details
    after = county(window.db)
    for row in result.lines:
        if row.township in {t.name for t in after.townships}:
            assert after.township(row.township).quota(row.kind).approved == row.proposed
    assert window.undo_stack.count() == 1 and "Apply proposal" in window.undo_stack.undoText()

    window.undo_stack.undo()
    assert county(window.db) == original  # every number back, nothing else touched
    window.undo_stack.redo()
    assert county(window.db) == after
    window.undo_stack.undo()
    assert county(window.db) == original
    with window.db.session() as s:
        records = s.query(AppliedProposal).order_by(AppliedProposal.id).all()
        assert len(records) == 2 and all(r.reverted for r in records)
    assert dialogs.refusals == []


def test_declining_the_confirmation_changes_nothing(window, qtbot, monkeypatch):
    original = county(window.db)
    result = solve(window, qtbot)
    dialogs = Dialogs(monkeypatch, answer=False)
    assert window.solve_panel.applier.request(result) is False
    assert len(dialogs.questions) == 1
    assert county(window.db) == original
    assert window.undo_stack.count() == 0


def test_a_proposal_the_ledger_has_moved_past_is_refused(window, qtbot, monkeypatch):
    result = solve(window, qtbot)
    view = window.solve_panel.results_view
    assert view.apply_button.isEnabled()
    row = next(r for r in result.lines if r.kind == "administrative")
    assert window.editor.set_quota_field(row.township, "administrative", "staff", row.staff - 1)
    # The tab learns it is stale (fingerprint worked out off the GUI thread) ...
    qtbot.waitUntil(view.is_stale, timeout=30000)
    assert not view.apply_button.isEnabled() and view.stale_label.isVisibleTo(view)
    # ... and asking anyway is refused with the reason, the ledger as it was.
    edited = county(window.db)
    dialogs = Dialogs(monkeypatch, answer=True)
    assert window.solve_panel.applier.request(result) is False
    assert dialogs.questions == [] and len(dialogs.refusals) == 1
    assert "fingerprint" in dialogs.refusals[0] or "指纹" in dialogs.refusals[0]
    assert county(window.db) == edited
    # Undoing the edit makes the proposal current again.
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: not view.is_stale(), timeout=30000)
    assert view.apply_button.isEnabled()


def test_every_header_and_tip_has_a_chinese_translation(qapp):
    from ui import i18n

    models = [cls() for cls in (ProposalModel, MovesModel, RosterModel, ExplanationModel, MarginalModel,
                                TotalsModel)]
    i18n.install_language("zh_CN")
    try:
        for model in models:
            for c in range(model.columnCount()):
                header = model.headerData(c, Qt.Orientation.Horizontal, DISPLAY)
                assert any("\u4e00" <= ch <= "\u9fff" for ch in header), header
                tip = model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
                assert tip is None or tip != model.COLUMNS[c].tip, tip
    finally:
        i18n.install_language("en")
    assert ProposalModel().headerData(0, Qt.Orientation.Horizontal, DISPLAY) == "Township"
