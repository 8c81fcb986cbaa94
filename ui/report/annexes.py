"""The annexes of the proposal: reasons per township, the A/B roster, the parameters, the charts,
and how it was computed (solver, time, fingerprint) in plain words.

A mixin of ContentBuilder (content.py), which supplies self.t, self.proposal,
self.kinds, self.english and the naming helpers.
"""

from __future__ import annotations

from typing import Callable

from planner.domain.vocabulary import stage_label
from ui.report.blocks import (
    LANDSCAPE, PORTRAIT, AnnexMark, Block, Column, FigureBlock, NewPage, Paragraph, Table, TitleBlock,
)
from ui.report.numbers import fmt_float, fmt_int
from ui.report.strings import PARAMETER_ROWS


class AnnexBuilder:
    def annexes(self, figures: list[FigureBlock]) -> list[tuple[str, Callable[[int], list[Block]]]]:
        """(title, build(number)) of every annex, in order."""
        t = self.t
        return [(t["explanations_title"], self.explanations_annex),
                (t["roster_title"], self.roster_annex),
                (t["params_title"], self.params_annex),
                (t["charts_title"], lambda n: self.charts_annex(n, figures)),
                (t["technical_title"], self.technical_annex)]

    def explanations_annex(self, n: int) -> list[Block]:
        """Why each township gets what it gets, in the optimizer's words, kind by kind."""
        t = self.t
        blocks = self.annex_start(n, "explanations_title", PORTRAIT)
        colon = ": " if self.english else "："
        written = False
        for i, kind in enumerate(self.kinds, 1):
            rows = [r for r in self.proposal.lines_of(kind) if self.explanation(r)]
            if not rows:
                continue
            blocks.append(self.heading2(i, self.kind_name(kind)))
            for r in rows:
                text = self.explanation(r)
                # The optimizer's sentences usually begin with the township's name already.
                if not text.startswith(r.township):
                    text = r.township + colon + text
                blocks.append(Paragraph(text, style="note"))
                written = True
        if not written:
            blocks.append(Paragraph(t["no_explanations"]))
        return blocks

    def annex_start(self, n: int, title_key: str, orientation: str) -> list[Block]:
        return [NewPage(orientation), AnnexMark(self.t["annex"].format(n=n)),
                TitleBlock(self.t[title_key])]

    def roster_annex(self, n: int) -> list[Block]:
        t = self.t
        blocks = self.annex_start(n, "roster_title", LANDSCAPE)
        roster = self.proposal.roster
        if not roster:
            return blocks + [Paragraph(t["no_roster"])]
        blocks.append(Paragraph(t["roster_intro"], style="note"))
        designs = {(d.township, d.kind): d for d in self.proposal.designs}
        columns = [Column(t["c_move_kind"], 0.7), Column(t["c_post"], 1.3, "left"), Column(t["c_a"], 3.6, "left"),
                   Column(t["c_b"], 3.0, "left"), Column(t["c_load"], 1.0), Column(t["c_capacity"], 1.0),
                   Column(t["c_ratio"], 0.8)]
        sep = ", " if self.english else "、"
        with_posts = {r.township for r in roster}
        names = [n for n in self.proposal.township_names() if n in with_posts]
        names += [n for n in dict.fromkeys(r.township for r in roster) if n not in names]
        for i, name in enumerate(names, 1):
            posts = [r for r in roster if r.township == name]
            blocks.append(self.heading2(i, name))
            notes = []
            for kind in self.kinds:
                d = designs.get((name, kind))
                if d:
                    notes.append(t["design_sentence"].format(
                        kind=self.kind_name(kind), posts=d.posts, lower=d.lower_bound or 0,
                        proof=t["proven"] if d.proven_minimal else t["not_proven"]))
            if notes:
                blocks.append(Paragraph(("; " if self.english else "；").join(notes) + ("." if self.english else "。"),
                                        style="note"))
            rows = []
            for r in posts:
                share = r.load_share
                rows.append([self.kind_short(r.kind), str(r.post), sep.join(map(str, r.a)), sep.join(map(str, r.b)),
                             fmt_float(r.load_hours), fmt_float(r.capacity_hours),
                             "" if share is None else f"{share:.0%}"])
            suffix = f" ({t['continued']})" if self.english else f"（{t['continued']}）"
            blocks.append(Table(columns, rows, dense=True, continued_caption=name + suffix))
        return blocks

    def status_text(self) -> str:
        t, solver = self.t, self.proposal.solver
        if self.infeasible:
            return t["st_infeasible"]
        if self.proposal.status == "optimal" and self.proposal.designs_not_proven:
            return self.proposal.status_text(self.english)
        if solver.proven_optimal or (self.proposal.status == "optimal" and not solver.gap):
            return t["st_optimal"]
        gap = solver.gap
        if gap:
            return t["st_gap"].format(gap=f"{float(gap):.2%}")
        return t["st_feasible"]

    def params_annex(self, n: int) -> list[Block]:
        t, params = self.t, self.proposal.parameters
        blocks = self.annex_start(n, "params_title", PORTRAIT)
        rows = []
        for key, zh, en, unit, meaning_zh, meaning_en in PARAMETER_ROWS:
            if key not in params:
                continue
            value = params[key]
            text = f"{value:g}" if isinstance(value, (int, float)) else str(value)
            if key == "shared_duty_share" and isinstance(value, (int, float)):
                text = f"{value:.0%}"
            if unit and t[unit]:
                text += (" " if self.english else "") + t[unit]
            rows.append([en if self.english else zh, text, meaning_en if self.english else meaning_zh])
        blocks.append(Table([Column(t["c_item"], 1.6, "left"), Column(t["c_value"], 1.0),
                             Column(t["c_meaning"], 2.4, "left")], rows, caption=t["params_caption"]))
        marginal = self.proposal.marginal
        if marginal:
            rows = [[self.kind_name(m.kind), fmt_int(m.uncovered_reduction), m.township or "—"] for m in marginal]
            blocks.append(Table([Column(t["c_kind"], 1.0), Column(t["c_reduction"], 1.0),
                                 Column(t["c_best"], 1.5)], rows, caption=t["marginal_caption"]))
        return blocks

    def technical_annex(self, n: int) -> list[Block]:
        """Solver, time and fingerprint in sentences a committee member can read, on one small page."""
        t, solver = self.t, self.proposal.solver
        blocks = self.annex_start(n, "technical_title", PORTRAIT)
        clock = str(self.proposal.generated_at)[11:16]  # HH:MM of the ISO time, when there is one
        blocks.append(Paragraph(t["tech_made"].format(
            scenario=self.proposal.scenario, generated=f"{self.date_text()} {clock}".strip())))
        name = f"{solver.name} {solver.version}".strip() or "—"
        blocks.append(Paragraph(t["tech_solver"].format(
            solver=name, seconds=t["seconds"].format(s=float(solver.seconds or 0)), status=self.status_text())))
        stages = ("; " if self.english else "，").join(
            f"{stage_label(k, self.key)} {t['seconds'].format(s=float(v))}"
            for k, v in solver.stage_seconds.items() if isinstance(v, (int, float)))
        if stages:
            blocks.append(Paragraph(t["tech_stages"].format(stages=stages)))
        blocks.append(Paragraph(t["tech_fingerprint"]))
        blocks.append(Paragraph(str(self.proposal.fingerprint), indent=False, style="note"))
        return blocks

    def charts_annex(self, n: int, figures: list[FigureBlock]) -> list[Block]:
        blocks = self.annex_start(n, "charts_title", LANDSCAPE)
        if not figures:
            return blocks + [Paragraph(self.t["no_charts"])]
        for n, figure in enumerate(figures, 1):
            figure.caption = self.t["figure"].format(n=n, title=figure.caption)
            blocks.append(figure)
        return blocks


