"""The comparison as a matplotlib Figure: the scenarios' proposals overlaid on one axis.

A pure function of a planner.exports.comparison.Comparison, built with
``matplotlib.figure.Figure`` (no pyplot, no GUI backend), so the window embeds
it and a printed report can draw the same figure.
"""

from __future__ import annotations

import math

from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from planner.domain.vocabulary import kind_label
from planner.exports.comparison import Comparison, ComparedRow
from planner.exports.fonts import configure_matplotlib_cjk

TEXT = {
    "zh": {"title": "{kind}：各情景建议增减对比（相对现核定编制）", "posts": "增减名额", "absent": "该情景无此乡镇",
           "differs": "各情景不同", "uncovered": "未覆盖需求（{kind}）", "before": "调剂前", "after": "调剂后",
           "subset": "（显示差异最大的 {shown} 个乡镇，共 {total} 个）", "empty": "本类编制无数据"},
    "en": {"title": "{kind} quota: change proposed by each scenario (against approved now)",
           "posts": "slots gained or lost", "absent": "township absent in that scenario", "differs": "scenarios differ", "uncovered": "uncovered need ({kind})",
           "before": "before", "after": "after",
           "subset": " (the {shown} townships that differ most, of {total})", "empty": "no data for this kind"},
}
# Distinguishable in colour, by marker shape in grey print, and for red-green colour blindness.
SERIES = [("#2166ac", ""), ("#d6604d", "//"), ("#1b7837", ".."), ("#762a83", "xx"), ("#e08214", "\\\\")]
MAX_TOWNSHIPS = 30


def _lang(lang: str | None) -> str:
    return "en" if lang and not str(lang).lower().startswith("zh") else "zh"


def _spread(row: ComparedRow) -> int:
    values = [v for v in row.proposed.values() if v is not None]
    missing = len(row.proposed) - len(values)
    return (max(values) - min(values) if values else 0) + 100 * missing


def _shown_rows(rows: list[ComparedRow]) -> list[ComparedRow]:
    if len(rows) <= MAX_TOWNSHIPS:
        return rows
    keep = {id(r) for r in sorted(rows, key=_spread, reverse=True)[:MAX_TOWNSHIPS]}
    return [r for r in rows if id(r) in keep]


def _legend_columns(fig: Figure, labels: list[str]) -> int:
    """As many legend entries side by side as the figure's width holds (one row if it can)."""
    def width_pt(label: str) -> float:  # 8-point text: a Chinese character ~8 pt, a Latin one ~4.5
        return sum(8.0 if ord(ch) > 0x2E80 else 4.5 for ch in label) + 28  # plus the swatch and gap
    widest = max((width_pt(label) for label in labels), default=1.0)
    return max(1, min(len(labels), int(fig.get_figwidth() * 72 // widest)))


def overlay_chart(comparison: Comparison, kind: str, lang: str = "zh", *, figsize=(11.0, 5.5),
                  fig: Figure | None = None) -> Figure:
    """Per township: the change each scenario proposes (one bar series each, on one axis), the
    townships where they differ shaded; beside it the uncovered need before and after per scenario.

    Changes rather than absolute quota: a difference of one slot in forty would be invisible
    on bars drawn from zero, and the difference is what the committee compares.

    With `fig` the chart is drawn into that figure (cleared first), e.g. a canvas's own
    figure, which follows the widget's size and pixel ratio."""
    configure_matplotlib_cjk()
    lang = _lang(lang)
    t = TEXT[lang]
    kind_name = kind_label(kind, lang, long=True)
    if fig is None:
        fig = Figure(figsize=figsize, layout="constrained")
    else:
        fig.clear()
        fig.set_layout_engine("constrained")
    all_rows = comparison.rows_of(kind)
    if not all_rows:
        ax = fig.add_subplot()
        ax.set_axis_off()
        ax.text(0.5, 0.5, t["empty"], ha="center", va="center", fontsize=12)
        return fig
    rows = _shown_rows(all_rows)
    ax, side = fig.subplots(1, 2, width_ratios=[4, 1])
    xs = list(range(len(rows)))
    for x, row in zip(xs, rows):
        if row.differs:
            ax.axvspan(x - 0.5, x + 0.5, color="#fff2b3", zorder=0, lw=0)
    n = len(comparison.names)
    width = min(0.8 / n, 0.3)
    for i, name in enumerate(comparison.names):
        colour, hatch = SERIES[i % len(SERIES)]
        offset = (i - (n - 1) / 2) * width
        changes = [math.nan if r.change[name] is None else r.change[name] for r in rows]
        bars = ax.bar([x + offset for x in xs], changes, width, color=colour, hatch=hatch, edgecolor="white",
                      linewidth=0.5, label=name, zorder=3)
        ax.bar_label(bars, labels=[f"{c:+d}" if c == c and c else "" for c in changes], fontsize=7, padding=1)
        for x, r in zip(xs, rows):
            if r.proposed[name] is None:  # merged away or not yet created in this scenario
                ax.plot([x + offset], [0], marker="x", linestyle="", color=colour, zorder=4)
    ax.axhline(0, color="#555555", linewidth=0.8, zorder=2)
    # Slots are whole numbers (rule 3); as many ticks as the height holds apart (a short window
    # pane drew -10 … 6 in steps of 2, one over the next).
    nbins = max(2, int((fig.get_figheight() * 72 - 130) / 16))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=nbins))
    low, high = ax.get_ylim()
    ax.set_ylim(min(low, -1), max(high, 1))  # no change anywhere still reads as a zero line, not noise
    ax.set_xticks(xs, [r.township for r in rows], rotation=45 if len(rows) > 8 else 0,
                  ha="right" if len(rows) > 8 else "center")
    for label, row in zip(ax.get_xticklabels(), rows):
        if row.differs:
            label.set_fontweight("bold")
    ax.set_ylabel(t["posts"])
    title = t["title"].format(kind=kind_name)
    if len(rows) < len(all_rows):
        title += t["subset"].format(shown=len(rows), total=len(all_rows))
    ax.set_title(title)
    ax.grid(axis="y", color="#eeeeee", zorder=0)
    handles, labels = ax.get_legend_handles_labels()

    handles.append(Patch(color="#fff2b3"))
    labels.append(t["differs"])
    if any(v is None for r in rows for v in r.proposed.values()):
        handles.append(Line2D([], [], marker="x", linestyle="", color="#555555"))
        labels.append(t["absent"])
    ax.margins(y=0.12)
    # Below the plots, never over them: "best" still put the key on the last townships' bars
    # in a short window pane (the layout engine makes room for it under the township names).
    fig.legend(handles, labels, loc="outside lower center", ncols=_legend_columns(fig, labels),
               fontsize=8, frameon=False)

    # Uncovered need before and after, one pair of bars per scenario.
    before = [comparison.figures[name].totals.get(kind) for name in comparison.names]
    sx = list(range(n))
    for offset, key, colour in ((-0.2, "uncovered_before", "#bdbdbd"), (0.2, "uncovered_after", "#2166ac")):
        values = [getattr(b, key) if b is not None else 0 for b in before]
        bars = side.bar([x + offset for x in sx], values, 0.4, color=colour,
                        label=t["before"] if key == "uncovered_before" else t["after"])
        side.bar_label(bars, fontsize=8)
    side.set_xticks(sx, comparison.names, rotation=30, ha="right", fontsize=8)
    # A label, not a title: printing moves the figure's titles into its caption.
    # On two lines: in one it was longer than a short pane is tall, and cut.
    side.set_ylabel(t["uncovered"].format(kind=kind_name).replace("（", "\n（").replace(" (", "\n("), fontsize=9)
    # Right of the small panel, outside it: inside, it covered a bar of the last scenario.
    side.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False, borderaxespad=0.2)
    side.margins(y=0.15)
    side.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=nbins))
    return fig
