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
    (ProposalModel, "townships"), (MovesModel, "moves"), (RosterModel, "ab_roster"),
    (ExplanationModel, "townships"), (MarginalModel, "marginal"),
])
def test_every_results_model_passes_the_model_tester(qtmodeltester, model_class, key):
    model = model_class()
    qtmodeltester.check(model)              # empty
    model.set_rows(fabricated_result()[key])
    qtmodeltester.check(model)              # filled
    model.set_rows([])
    qtmodeltester.check(model)


def test_totals_model_and_the_kind_filter_pass_the_model_tester(qtmodeltester):
    totals = TotalsModel()
    totals.set_rows(totals_rows(fabricated_result()))
    qtmodeltester.check(totals)
    source = ProposalModel()
    source.set_rows(fabricated_result()["townships"])
    proxy = KindFilterProxy()
    proxy.setSourceModel(source)
    proxy.set_kind("institutional")
    qtmodeltester.check(proxy)
    proxy.set_township("青山镇")
    qtmodeltester.check(proxy)


def test_proposal_model_shows_quota_beside_the_proposal_and_colours_the_change():
    result = fabricated_result()
    model = ProposalModel()
    model.set_rows(result["townships"])
    assert model.rowCount() == len(result["townships"])
    assert _cells(model, "Approved", SORT_ROLE) == [r["approved"] for r in result["townships"]]
    assert _cells(model, "Proposed", SORT_ROLE) == [r["proposed"] for r in result["townships"]]
    changes = _cells(model, "Change")
    assert changes[0] == "+3" and "-3" in changes and changes[2] == "0"
    c = _column(model, "Change")
    gain = model.data(model.index(0, c), Qt.ItemDataRole.ForegroundRole).color()
    loss = model.data(model.index(changes.index("-3"), c), Qt.ItemDataRole.ForegroundRole).color()
    assert gain != loss
    assert model.data(model.index(2, c), Qt.ItemDataRole.ForegroundRole) is None  # unchanged: plain
    # The locked township says so, and its explanation is the tooltip.
    names = _cells(model, "Township")
    locked = [i for i, r in enumerate(result["townships"]) if r["locked"]]
    assert all("locked" in names[i] for i in locked)
    tip = model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert localized(result["townships"][0], "explanation") in tip


def test_kind_filter_and_sorting_by_raw_numbers():
    source = ProposalModel()
    source.set_rows(fabricated_result()["townships"])
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
    model.set_rows(result["moves"])
    assert _cells(model, "From") == ["白水乡", "白水乡"]
    assert _cells(model, "To") == ["青山镇", "青山镇"]
    assert _cells(model, "Slots", SORT_ROLE) == [4, 3]
    # The English UI (no translator installed in tests) shows the English reason.
    assert _cells(model, "Reason") == [m["reason_en"] for m in result["moves"]]


def test_roster_model_joins_duties_and_computes_the_load_share():
    model = RosterModel()
    model.set_rows(fabricated_result()["ab_roster"])
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
    assert view.proposal_model.rowCount() == len(result["townships"])
    assert view.moves_model.rowCount() == len(result["moves"])
    assert view.roster_model.rowCount() == len(result["ab_roster"])
    assert view.marginal_model.rowCount() == len(result["marginal"])
    assert view.totals_model.rowCount() == 3
    assert result["diagnosis_en"][0] in view.diagnosis_view.toPlainText()
    assert "optimal" in view.summary_label.text()
    assert view.apply_button.isEnabled()

    # The roster can be narrowed to one township.
    index = view.roster_township.findData("白水乡")
    view.roster_township.setCurrentIndex(index)
    assert view.roster_proxy.rowCount() == 1

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
