"""Side-by-side comparison: every figure equals the one in the separate proposal."""

from __future__ import annotations

from dataclasses import replace

import pytest

from planner.exports.comparison import ComparisonError, compare
from planner.exports.comparison_chart import overlay_chart
from planner.domain.proposal import Move, Proposal
from tests.fabricated_result import fabricated_result, with_lines


def _variant() -> Proposal:
    """A second proposal: 石桥镇 gets one institutional slot more, 白水乡 one less; 龙泉街道 is merged away."""
    result = fabricated_result()
    step = {("石桥镇", "institutional"): 1, ("白水乡", "institutional"): -1}
    rows = tuple(replace(r, proposed=r.proposed + step.get((r.township, r.kind), 0))
                 for r in result.lines if r.township != "龙泉街道")
    return with_lines(result, rows, scenario="另一方案",
                      moves=result.moves[:1] + (Move("白水乡", "石桥镇", "institutional", 1, "…"),))


def test_figures_equal_those_of_the_separate_proposals():
    first, second = fabricated_result(), _variant()
    comparison = compare({"基准": first, "另一方案": second})
    assert comparison.names == ["基准", "另一方案"]
    for name, result in (("基准", first), ("另一方案", second)):
        figures = comparison.figures[name]
        for kind, totals in result.totals.items():
            got = figures.totals[kind]
            assert (got.before, got.after, got.uncovered_before, got.uncovered_after, got.moved, got.reserve) == (
                totals.before, totals.after, totals.uncovered_before, totals.uncovered_after,
                totals.moved, totals.reserve)
        assert figures.uncovered_before == sum(t.uncovered_before for t in result.totals.values())
        assert figures.uncovered_after == sum(t.uncovered_after for t in result.totals.values())
        assert figures.moves == len(result.moves)
        assert figures.slots_moved == sum(m.count for m in result.moves)
        assert figures.townships_touched == len({r.township for r in result.lines if r.change})
        for row in comparison.rows:
            match = [r for r in result.lines if (r.township, r.kind) == (row.township, row.kind)]
            expected = match[0].proposed if match else None
            assert row.proposed[name] == expected
    # Hand count on the fabricated data: 青山镇 (adm +3, inst +4), 白水乡 (adm −3, inst −4) → 2 townships.
    assert comparison.figures["基准"].townships_touched == 2
    assert comparison.figures["另一方案"].slots_moved == 5


def test_the_townships_that_differ_are_found():
    comparison = compare({"基准": fabricated_result(), "另一方案": _variant()})
    assert comparison.differing_townships() == ["龙泉街道", "白水乡", "石桥镇"]
    differing = {(r.township, r.kind) for r in comparison.rows if r.differs}
    assert differing == {("龙泉街道", "administrative"), ("龙泉街道", "institutional"),
                         ("白水乡", "institutional"), ("石桥镇", "institutional")}
    merged_away = [r for r in comparison.rows if r.township == "龙泉街道"][0]
    assert merged_away.proposed == {"基准": 25, "另一方案": None}
    # Rows are grouped by kind in the canonical order, ledger order inside each kind.
    assert [r.kind for r in comparison.rows] == sorted(
        (r.kind for r in comparison.rows), key=["administrative", "institutional", "support"].index)
    assert [r.township for r in comparison.rows_of("administrative")] == ["青山镇", "白水乡", "石桥镇", "龙泉街道"]


def test_identical_proposals_differ_nowhere_and_three_can_be_compared():
    comparison = compare({"a": fabricated_result(), "b": fabricated_result(), "c": _variant()})
    assert len(comparison.names) == 3
    assert not compare({"a": fabricated_result(), "b": fabricated_result()}).differing_townships()


def test_fewer_than_two_or_not_a_proposal_is_refused():
    with pytest.raises(ComparisonError, match="at least two"):
        compare({"a": fabricated_result()})
    with pytest.raises(ComparisonError, match="'b' holds no proposal"):
        compare({"a": fabricated_result(), "b": Proposal(status="error", scenario="b", fingerprint="")})


def test_overlay_chart_draws_one_series_per_scenario_with_their_numbers():
    comparison = compare({"基准": fabricated_result(), "另一方案": _variant()})
    fig = overlay_chart(comparison, "institutional", "zh")
    ax, side = fig.axes
    series = [c for c in ax.containers if c.get_label() in comparison.names]
    assert [c.get_label() for c in series] == ["基准", "另一方案"]
    # Bars carry each proposal's change against the approved quota (fabricated: 44−40, 41−45, 38−38, 30−30).
    assert [p.get_height() for p in series[0]] == [4, -4, 0, 0]
    second = [p.get_height() for p in series[1]]
    assert second[:3] == [4, -5, 1] and second[3] != second[3]  # NaN: merged away
    uncovered_after = [p.get_height() for p in side.patches][2:]
    # Institutional need left uncovered: 4 + 0 + 1 + 0 in the first, 4 + 0 + 0 in the second (merged away).
    assert uncovered_after == [fabricated_result().totals["institutional"].uncovered_after,
                               _variant().totals["institutional"].uncovered_after] == [5, 4]
    # Chinese labels render without a missing-glyph warning (warnings are errors here).
    import io
    import warnings

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        FigureCanvasAgg(fig).print_png(io.BytesIO())


def test_excel_export_holds_the_same_figures_and_marks_the_differing_townships(tmp_path):
    from openpyxl import load_workbook

    from planner.exports.comparison_xlsx import write_comparison_xlsx

    results = {"基准": fabricated_result(), "另一方案": _variant()}
    comparison = compare(results)
    path = write_comparison_xlsx(comparison, results, tmp_path / "对比.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames == ["对比汇总", "乡镇对比", "调剂明细"]
    summary = {row[0]: row[1:] for row in wb["对比汇总"].iter_rows(min_row=2, values_only=True)}
    assert summary["调剂笔数"] == (2, 2)
    assert summary["调剂后未覆盖需求（合计）"] == (comparison.figures["基准"].uncovered_after,
                                           comparison.figures["另一方案"].uncovered_after)
    sheet = wb["乡镇对比"]
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["乡镇", "编制类型", "现核定编制", "基准：建议编制"]
    by_key = {(r[0].value, r[1].value): r for r in sheet.iter_rows(min_row=2)}
    shiqiao = by_key[("石桥镇", "事业")]
    assert [c.value for c in shiqiao[3:9]] == [38, 0, 39, 39, 1, 39] and shiqiao[-1].value == "是"
    assert shiqiao[0].fill.fgColor.rgb.endswith("FFF2B3")
    assert by_key[("青山镇", "行政")][-1].value == "否"
    assert by_key[("青山镇", "行政")][0].fill.fgColor.rgb in (None, "00000000")
    assert sheet.max_row - 1 == len(comparison.rows)
    assert wb["调剂明细"].max_row - 1 == 4
    assert [p.name for p in tmp_path.iterdir()] == ["对比.xlsx"]  # no temporary file left behind


@pytest.mark.parametrize("figsize", [(12.8, 2.0), (12.8, 2.6), (11.0, 5.0)])  # window panes at 1366×768; print
def test_the_overlay_chart_keeps_its_tick_figures_apart_and_its_labels_whole(figsize):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    comparison = compare({"基准": fabricated_result(), "另一方案": _variant()})
    fig = overlay_chart(comparison, "institutional", "zh", figsize=figsize)
    fig.set_dpi(100)
    FigureCanvasAgg(fig).draw()
    renderer = fig.canvas.get_renderer()
    whole = fig.bbox
    for axes in fig.axes:
        low, high = axes.get_ylim()
        boxes = sorted((t.get_window_extent(renderer) for t in axes.get_yticklabels()
                        if t.get_text() and low <= t.get_position()[1] <= high), key=lambda b: b.y0)
        assert len(boxes) >= 2
        assert all(a.y1 <= b.y0 for a, b in zip(boxes, boxes[1:]))  # no figure over the next
        label = axes.yaxis.label.get_window_extent(renderer)
        assert whole.y0 <= label.y0 and label.y1 <= whole.y1  # the axis label is not cut


@pytest.mark.parametrize("figsize", [(8.0, 2.2), (12.8, 2.0), (6.0, 2.0), (11.0, 5.0)])  # panes beside the cover figures; print
@pytest.mark.parametrize("scenarios", [2, 3])
def test_the_overlay_chart_keeps_its_legends_off_the_bars(figsize, scenarios):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    names = ["事业编制压减5%", "应急管理事项增加20%", "第三个情景"][:scenarios]
    comparison = compare({n: fabricated_result() if i % 2 == 0 else _variant() for i, n in enumerate(names)})
    fig = overlay_chart(comparison, "institutional", "zh", figsize=figsize)
    fig.set_dpi(100)
    FigureCanvasAgg(fig).draw()
    renderer = fig.canvas.get_renderer()
    legends = list(fig.legends) + [axes.get_legend() for axes in fig.axes if axes.get_legend() is not None]
    assert len(legends) == 2  # the scenarios' key and the small panel's before/after
    assert {t.get_text() for t in legends[0].get_texts()} >= set(names)
    bars = [bar.get_window_extent(renderer) for axes in fig.axes for container in axes.containers for bar in container]
    assert len(bars) == 4 * scenarios + 2 * scenarios
    for legend in legends:
        box = legend.get_window_extent(renderer)
        assert not any(box.overlaps(bar) for bar in bars)
        assert fig.bbox.x0 - 1 <= box.x0 and box.x1 <= fig.bbox.x1 + 1 and fig.bbox.y0 - 1 <= box.y0
