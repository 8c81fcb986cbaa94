"""Charts of a proposal: Chinese labels render with a CJK font, and the data drawn is the result's."""

from __future__ import annotations

import warnings
from dataclasses import replace

import matplotlib
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.ft2font import FT2Font

from fabricated_result import fabricated_result, with_lines
from planner.exports.charts import MAX_TOWNSHIPS, kinds_in, pressure_chart, quota_chart
from planner.exports.fonts import cjk_font_path, configure_matplotlib_cjk


def _render(fig) -> list[str]:
    """Draw the figure with Agg; returns the texts of the warnings raised while drawing."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        FigureCanvasAgg(fig).draw()
    return [str(w.message) for w in caught]


def _all_text(fig) -> str:
    return "".join(t.get_text() for t in fig.findobj(matplotlib.text.Text))


def test_a_cjk_font_is_chosen_and_has_every_glyph_the_charts_use():
    family = configure_matplotlib_cjk(required=True)
    assert family
    assert matplotlib.rcParams["font.sans-serif"][0] == family
    assert matplotlib.rcParams["axes.unicode_minus"] is False
    font = FT2Font(cjk_font_path())
    result = fabricated_result()
    texts = _all_text(quota_chart(result, "institutional", "zh")) + _all_text(
        pressure_chart(result, "institutional", "zh"))
    missing = sorted({ch for ch in texts if ord(ch) > 127 and font.get_char_index(ord(ch)) == 0})
    assert missing == []


@pytest.mark.parametrize("chart", [quota_chart, pressure_chart])
@pytest.mark.parametrize("kind", ["administrative", "institutional", "support"])
def test_chinese_charts_draw_without_missing_glyphs(chart, kind):
    fig = chart(fabricated_result(), kind, "zh")
    messages = _render(fig)
    assert not [m for m in messages if "missing from" in m.lower()], messages
    assert any("\u4e00" <= ch <= "\u9fff" for ch in _all_text(fig))


def test_the_glyph_check_catches_a_latin_only_font():
    # The same check must fail when the charts are drawn with DejaVu Sans alone.
    with matplotlib.rc_context({"font.family": "sans-serif", "font.sans-serif": ["DejaVu Sans"]}):
        from matplotlib.figure import Figure

        fig = Figure()
        fig.add_subplot().set_title("青山镇事业编制")
        messages = _render(fig)
    assert any("missing from" in m.lower() for m in messages)


def test_quota_chart_bars_are_the_results_numbers():
    result = fabricated_result()
    fig = quota_chart(result, "administrative", "zh")
    ax = fig.axes[0]
    rows = result.lines_of("administrative")
    assert [t.get_text() for t in ax.get_xticklabels()] == [r.township for r in rows]
    heights = [[p.get_height() for p in container] for container in ax.containers]
    assert heights == [[r.approved for r in rows], [r.required for r in rows], [r.proposed for r in rows]]
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["实有人数", "核定编制", "需求人数（含AB岗）", "建议编制"]
    assert "行政编制" in ax.get_title() and result.county in ax.get_title()
    # The change is written above each bar that moves.
    notes = sorted(t.get_text() for t in ax.texts)
    assert notes == sorted(f"{r.change:+d}" for r in rows if r.change)


def test_pressure_chart_marks_before_and_after_per_township():
    result = fabricated_result()
    fig = pressure_chart(result, "institutional", "en")
    ax = fig.axes[0]
    before, after = ax.collections[0], ax.collections[1]
    names = [t.get_text() for t in ax.get_yticklabels()]
    rows = {r.township: r for r in result.lines_of("institutional")}
    assert sorted(names) == sorted(rows)
    for name, (x_before, _), (x_after, _) in zip(names, before.get_offsets(), after.get_offsets()):
        assert x_before == pytest.approx(rows[name].pressure_before)
        assert x_after == pytest.approx(rows[name].pressure_after)
        # the same measure before and after: approved ÷ required, then proposed ÷ required
        assert x_before == pytest.approx(rows[name].approved / rows[name].required, abs=5e-4)
        assert x_after == pytest.approx(rows[name].proposed / rows[name].required, abs=5e-4)
    assert ax.get_title().startswith("Institutional quota") and "quota/need" in ax.get_title()
    # the legend sits below the plot (the figure's), never over a township's points
    assert ax.get_legend() is None
    assert fig.legends[0].get_texts()[0].get_text().startswith("before (approved quota")


def test_many_townships_show_the_ones_that_change_most():
    result = fabricated_result()
    base = result.lines[0]
    rows = []
    for i in range(MAX_TOWNSHIPS + 12):
        change = 5 if i % 7 == 0 else 0
        rows.append(replace(base, township=f"乡镇{i}", proposed=base.approved + change))
    result = with_lines(result, tuple(rows))
    ax = quota_chart(result, "administrative", "zh").axes[0]
    shown = [t.get_text() for t in ax.get_xticklabels()]
    assert len(shown) == MAX_TOWNSHIPS
    assert {f"乡镇{i}" for i in range(0, MAX_TOWNSHIPS + 12, 7)} <= set(shown)
    assert f"共 {MAX_TOWNSHIPS + 12} 个" in ax.get_title()


def test_a_kind_without_rows_says_so_and_kinds_in_lists_present_kinds():
    result = fabricated_result()
    result = with_lines(result, tuple(r for r in result.lines if r.kind != "support"))
    assert kinds_in(result) == ["administrative", "institutional"]
    fig = quota_chart(result, "support", "zh")
    assert "无数据" in _all_text(fig)
    assert not _render(fig)


def test_chart_drawn_into_a_given_figure_replaces_its_content():
    from matplotlib.figure import Figure

    fig = Figure()
    fig.add_subplot().set_title("old")
    same = quota_chart(fabricated_result(), "administrative", "zh", fig=fig)
    assert same is fig
    assert len(fig.axes) == 1 and fig.axes[0].get_title() != "old"


def _thousands_of_townships():
    result = fabricated_result()
    base = result.lines[0]
    rows = tuple(replace(base, township=f"乡镇{i:04d}", approved=15 + i % 9, required=14 + i % 11,
                         proposed=15 + i % 9 + ((i % 5) - 2 if i % 3 == 0 else 0)) for i in range(2000))
    return with_lines(result, rows)


@pytest.mark.parametrize("figsize", [(5.1, 2.6), (5.1, 3.4), (9.0, 6.0)])  # window panes at 1366×768; print
def test_the_2000_township_pressure_chart_keeps_its_title_and_names_apart(figsize):
    fig = pressure_chart(_thousands_of_townships(), "administrative", "zh", figsize=figsize)
    fig.set_dpi(100)
    FigureCanvasAgg(fig).draw()
    renderer = fig.canvas.get_renderer()
    whole = fig.bbox
    ax = fig.axes[0]
    title = ax.title.get_window_extent(renderer)
    assert whole.x0 <= title.x0 and title.x1 <= whole.x1 and whole.y0 <= title.y0 and title.y1 <= whole.y1
    labels = [t for t in ax.get_yticklabels() if t.get_text()]
    assert len(labels) >= 3
    boxes = sorted((t.get_window_extent(renderer) for t in labels), key=lambda b: b.y0)
    assert all(low.y1 <= high.y0 for low, high in zip(boxes, boxes[1:]))  # no name over another
    assert all(whole.y0 <= b.y0 and b.y1 <= whole.y1 for b in boxes)
