"""Charts of time: the leavers forecast, and one township's quota, pool, staff and need over the
years of a multi-year plan — matplotlib Figures (no Qt, no pyplot), drawn the same in the
window and in print.

Every figure read here is defined elsewhere once: leavers by planner.domain.forecast
(Forecast.leaver_rows), the plan's lines by planner.domain.plan_parts.PlanLine.
"""

from __future__ import annotations

from typing import Any

from matplotlib.figure import Figure

from planner.domain.county import KINDS
from planner.domain.vocabulary import kind_label
from planner.exports.fonts import configure_matplotlib_cjk

TEXT = {
    "zh": {"forecast_title": "{scope}预计减员（{first}—{last}年）", "county": "全县", "people": "人数",
           "retirements": "退休", "other": "其他离岗", "year": "年度",
           "plan_title": "{township}·{kind}编制逐年规划", "quota": "核定编制", "pool": "周转池编制",
           "held": "编制＋周转池", "staff": "年初实有人数", "need": "测算需求", "slots": "编制数 / 人数"},
    "en": {"forecast_title": "Expected leavers in {scope} ({first}–{last})", "county": "the county",
           "people": "people", "retirements": "retirements", "other": "other leavers", "year": "year",
           "plan_title": "{township}, {kind} quota year by year", "quota": "approved quota",
           "pool": "pool slots", "held": "quota + pool", "staff": "staff on 1 January", "need": "assessed need",
           "slots": "slots / people"},
}
# Kinds told apart in colour and in grey print; other leavers hatched.
KIND_COLOURS = {"administrative": "#2166ac", "institutional": "#e08214", "support": "#7f7f7f"}
LINE_COLOURS = {"quota": "#2166ac", "pool": "#92c5de", "staff": "#222222", "need": "#e08214"}


def _lang(lang: str | None) -> str:
    return "en" if lang and not str(lang).lower().startswith("zh") else "zh"


def _figure(fig: Figure | None, height: float) -> Figure:
    """Draw into `fig` (a window's canvas keeps its figure and its size) or a new figure for print."""
    if fig is None:
        return Figure(figsize=(6.4, height), dpi=100)
    fig.clear()
    return fig


def forecast_chart(forecast: Any, lang: str = "zh", township: str | None = None, fig: Figure | None = None) -> Figure:
    """Leavers per year, stacked by kind; retirements solid, other leavers hatched above them."""
    configure_matplotlib_cjk()
    key = _lang(lang)
    t = TEXT[key]
    years = list(forecast.years)
    retire = {k: [0] * len(years) for k in KINDS}
    other = {k: [0] * len(years) for k in KINDS}
    for name, kind, year, retirements, others in forecast.leaver_rows():
        if township and name != township:
            continue
        i = years.index(year)
        retire[kind][i] += retirements
        other[kind][i] += others
    figure = _figure(fig, 3.6)
    axes = figure.add_subplot(1, 1, 1)
    bottom = [0] * len(years)
    labels = [str(y) for y in years]
    for kind in KINDS:
        for counts, hatch, word in ((retire[kind], None, t["retirements"]), (other[kind], "//", t["other"])):
            if not any(counts):
                continue
            axes.bar(labels, counts, bottom=bottom, color=KIND_COLOURS[kind], hatch=hatch,
                     edgecolor="white" if hatch is None else "black", linewidth=0.5,
                     label=f"{kind_label(kind, key)} · {word}")
            bottom = [b + c for b, c in zip(bottom, counts)]
    for x, total in enumerate(bottom):
        if total:
            axes.annotate(str(total), (x, total), ha="center", va="bottom", fontsize=8)
    scope = township or t["county"]
    first, last = (years[0], years[-1]) if years else ("", "")
    axes.set_title(t["forecast_title"].format(scope=scope, first=first, last=last), fontsize=10)
    axes.set_ylabel(t["people"])
    axes.set_xlabel(t["year"])
    axes.spines[["top", "right"]].set_visible(False)
    axes.set_ylim(0, max(bottom + [1]) * 1.45)  # room for the legend above the bars
    if any(bottom):
        axes.legend(fontsize=7, frameon=False, ncols=2)
    figure.tight_layout()
    return figure


def plan_township_chart(plan: Any, township: str, kind: str, lang: str = "zh", fig: Figure | None = None) -> Figure:
    """Quota, quota + pool, staff on 1 January and the need of one township and kind, per year."""
    configure_matplotlib_cjk()
    key = _lang(lang)
    t = TEXT[key]
    lines = [plan.line(township, kind, year) for year in plan.years]
    pairs = [(y, line) for y, line in zip(plan.years, lines) if line is not None]
    figure = _figure(fig, 3.4)
    axes = figure.add_subplot(1, 1, 1)
    labels = [str(y) for y, _ in pairs]
    quota = [line.quota for _, line in pairs]
    held = [line.quota + line.pool for _, line in pairs]
    axes.bar(labels, quota, color=LINE_COLOURS["quota"], label=t["quota"], width=0.6)
    pool = [line.pool for _, line in pairs]
    if any(pool):
        axes.bar(labels, pool, bottom=quota, color=LINE_COLOURS["pool"], label=t["pool"], width=0.6,
                 hatch="..", edgecolor="white")
    axes.plot(labels, [line.staff_start for _, line in pairs], color=LINE_COLOURS["staff"], marker="o",
              label=t["staff"])
    axes.plot(labels, [line.required for _, line in pairs], color=LINE_COLOURS["need"], marker="s",
              linestyle="--", label=t["need"])
    top = max([*held, *(line.required for _, line in pairs), *(line.staff_start for _, line in pairs), 1])
    axes.set_ylim(0, top * 1.2)
    axes.set_title(t["plan_title"].format(township=township, kind=kind_label(kind, key)), fontsize=10)
    axes.set_ylabel(t["slots"])
    axes.spines[["top", "right"]].set_visible(False)
    axes.legend(fontsize=7, frameon=False, ncols=4, loc="upper center")
    figure.tight_layout()
    return figure
