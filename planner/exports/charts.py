"""Charts of a reallocation proposal, as matplotlib Figures (no Qt, no pyplot).

Pure functions of a Proposal (planner.domain.proposal), so the window embeds
them in a FigureCanvasQTAgg and the printer draws the same figures into a PDF.
Figures are built with ``matplotlib.figure.Figure`` rather than pyplot: no
global figure registry, no GUI backend, safe to build off the GUI thread.
"""

from __future__ import annotations

import math

from matplotlib.figure import Figure

from planner.domain.vocabulary import kind_label
from planner.domain.county import KINDS
from planner.domain.proposal import Proposal, TownshipLine
from planner.exports.fonts import configure_matplotlib_cjk

TEXT = {
    "zh": {
        "quota_title": "{kind}：核定、需求与建议（{county}）",
        "approved": "核定编制", "required": "需求人数（含AB岗）", "proposed": "建议编制", "staff": "实有人数",
        "posts": "人数 / 编制数", "subset": "（显示变动最大的 {shown} 个乡镇，共 {total} 个）",
        "pressure_title": "{kind}：编制/需求 调剂前 → 调剂后",
        "before": "调剂前（核定编制 ÷ 需求人数）", "after": "调剂后（建议编制 ÷ 需求人数）", "balanced": "恰好满足需求",
        "pressure": "编制/需求（需求人数含AB岗；低于 1 为编制不足）", "empty": "本类编制无数据",
    },
    "en": {
        "quota_title": "{kind} quota: approved, required and proposed ({county})",
        "approved": "approved", "required": "required (with A/B backup)", "proposed": "proposed",
        "staff": "staff", "posts": "people / slots",
        "subset": " (the {shown} townships that change most, of {total})",
        "pressure_title": "{kind} quota: quota/need before → after",
        "before": "before (approved quota ÷ required)", "after": "after (proposed quota ÷ required)",
        "balanced": "exactly what the work needs",
        "pressure": "quota/need (required with A/B backup; below 1 the quota is short)",
        "empty": "no data for this kind",
    },
}

# Colours chosen to stay apart for the common red-green colour blindness and in grey print.
COLOURS = {"approved": "#9e9e9e", "required": "#e08214", "proposed": "#2166ac", "staff": "#222222",
           "before": "#b2182b", "after": "#2166ac"}

MAX_TOWNSHIPS = 30  # beyond this the labels overlap; the chart shows the rows that change most


def _lang(lang: str | None) -> str:
    return "en" if lang and not str(lang).lower().startswith("zh") else "zh"


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def _most_changed(rows: list[TownshipLine], limit: int) -> list[TownshipLine]:
    """The rows a reader most needs: largest change, then largest shortage; kept in ledger order."""
    if len(rows) <= limit:
        return rows
    def weight(row: TownshipLine) -> tuple:
        return (abs(row.change), row.uncovered_before)
    keep = {id(r) for r in sorted(rows, key=weight, reverse=True)[:limit]}
    return [r for r in rows if id(r) in keep]


def _empty(fig: Figure, message: str) -> Figure:
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=12)
    return fig


def _figure(fig: Figure | None, figsize: tuple[float, float]) -> Figure:
    """A fresh Figure, or `fig` emptied (a window reuses the figure its canvas owns)."""
    if fig is None:
        return Figure(figsize=figsize, layout="constrained")
    fig.clear()
    fig.set_layout_engine("constrained")
    return fig


def quota_chart(proposal: Proposal, kind: str, lang: str = "zh", *, figsize=(11.0, 5.0),
                fig: Figure | None = None) -> Figure:
    """Per township: approved vs required vs proposed quota of one kind (staff as a tick)."""
    configure_matplotlib_cjk()
    t = TEXT[_lang(lang)]
    fig = _figure(fig, figsize)
    all_rows = proposal.lines_of(kind)
    if not all_rows:
        return _empty(fig, t["empty"])
    rows = _most_changed(all_rows, MAX_TOWNSHIPS)
    ax = fig.add_subplot()
    xs = list(range(len(rows)))
    width = 0.27
    for offset, key in ((-width, "approved"), (0.0, "required"), (width, "proposed")):
        ax.bar([x + offset for x in xs], [getattr(r, key) for r in rows], width,
               label=t[key], color=COLOURS[key], zorder=2)
    # Staff drawn across the approved bar: the gap to its top is the vacancy.
    ax.scatter([x - width for x in xs], [r.staff for r in rows], marker="_", s=260, linewidths=2,
               color=COLOURS["staff"], label=t["staff"], zorder=3)
    for x, r in zip(xs, rows):
        if r.change:
            ax.annotate(f"{r.change:+d}", (x + width, r.proposed), xytext=(0, 2),
                        textcoords="offset points", ha="center", va="bottom", fontsize=8,
                        color=COLOURS["proposed"])
    ax.set_xticks(xs, [r.township for r in rows], rotation=45 if len(rows) > 8 else 0,
                  ha="right" if len(rows) > 8 else "center", rotation_mode="anchor",
                  fontsize=9 if len(rows) <= 16 else 7.5)
    ax.set_ylabel(t["posts"])
    title = _capitalize(t["quota_title"].format(kind=kind_label(kind, _lang(lang), long=True), county=proposal.county))
    if len(rows) < len(all_rows):
        title += "\n" + t["subset"].format(shown=len(rows), total=len(all_rows)).strip()
    ax.set_title(title, fontsize=11)
    ax.grid(axis="y", color="#dddddd", zorder=0)
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    return fig


def pressure_chart(proposal: Proposal, kind: str, lang: str = "zh", *, figsize=(9.0, 6.0),
                   fig: Figure | None = None) -> Figure:
    """Per township: pressure before and after, as a dumbbell.

    The proposal's WISN ratios: before = staff ÷ required FTE, after = proposed
    quota ÷ required FTE; below 1 the township is short of people.
    """
    configure_matplotlib_cjk()
    t = TEXT[_lang(lang)]
    fig = _figure(fig, figsize)
    all_rows = [r for r in proposal.lines_of(kind)
                if r.pressure_before is not None and r.pressure_after is not None]
    if not all_rows:
        return _empty(fig, t["empty"])
    rows = _most_changed(all_rows, MAX_TOWNSHIPS)
    # Most pressed (lowest ratio) at the top: the reader's eye starts where the need is.
    rows = sorted(rows, key=lambda r: r.pressure_before, reverse=True)
    ax = fig.add_subplot()
    ys = list(range(len(rows)))
    for y, r in zip(ys, rows):
        ax.plot([r.pressure_before, r.pressure_after], [y, y], color="#bbbbbb", zorder=1)
    ax.scatter([r.pressure_before for r in rows], ys, color=COLOURS["before"], label=t["before"],
               zorder=2, facecolors="none", linewidths=1.5)
    ax.scatter([r.pressure_after for r in rows], ys, color=COLOURS["after"], label=t["after"], zorder=3)
    ax.axvline(1.0, color="#555555", linestyle="--", linewidth=1, label=t["balanced"], zorder=0)
    # Township names as large as the rows allow; when even small type would overlap, every n-th name.
    # The rows get what the title (two lines), the axis label and ticks and the legend below (three
    # lines) leave: about 110 points, which in a short window pane is most of the figure.
    height = fig.get_figheight() * 72
    points_per_row = max(height - 110, height * 0.25) / len(rows)
    size = max(5.5, min(9.0, points_per_row * 0.85))
    step = max(1, math.ceil(size * 1.15 / points_per_row))
    ax.set_yticks(ys[::step], [r.township for r in rows][::step], fontsize=size)
    ax.set_xlabel(t["pressure"])
    title = _capitalize(t["pressure_title"].format(kind=kind_label(kind, _lang(lang), long=True)))
    if len(rows) < len(all_rows):
        title += "\n" + t["subset"].format(shown=len(rows), total=len(all_rows)).strip()
    ax.set_title(title, fontsize=11)
    ax.grid(axis="x", color="#dddddd", zorder=0)
    # Below the plot, never over a township's points.
    fig.legend(*ax.get_legend_handles_labels(), loc="outside lower center", ncol=1, frameon=False, fontsize=8)
    return fig


def kinds_in(proposal: Proposal) -> list[str]:
    """The kinds the proposal has lines for, in the canonical order."""
    present = {line.kind for line in proposal.lines}
    return [k for k in KINDS if k in present]
