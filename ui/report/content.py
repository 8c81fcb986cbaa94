"""What the proposal says, in the order the committee reads it (no Qt, no layout).

Body: addressee, summary, the township table per kind, the itemised moves,
the list of annexes and the signature. Annexes: the A/B roster, the
parameters and basis of the computation, the charts. This is the shape of a
report from the staffing office to its committee under GB/T 9704.
"""

from __future__ import annotations

from datetime import date, datetime

from ui.report.blocks import (
    LANDSCAPE, PORTRAIT, AnnexMark, Block, Column, FigureBlock, Heading, KeepTogether, NewPage, Paragraph,
    Table, TitleBlock,
)
from ui.report.strings import KIND_NAMES, KIND_SHORT, PARAMETER_ROWS, TEXT, chinese_ordinal, lang_key

KINDS = ("administrative", "institutional", "support")


def kinds_present(result: dict) -> list[str]:
    present = {row.get("kind") for row in result.get("townships", [])} | set(result.get("totals", {}))
    return [k for k in KINDS if k in present]


def township_order(result: dict) -> list[str]:
    """Townships in the ledger's order (first appearance in the result)."""
    return list(dict.fromkeys(row["township"] for row in result.get("townships", [])))


def fmt_int(value) -> str:
    return "" if value is None else f"{int(value)}"


def fmt_change(value) -> str:
    value = int(value or 0)
    return f"+{value}" if value > 0 else f"{value}"


def fmt_float(value, digits: int = 1) -> str:
    return "" if value is None else f"{float(value):.{digits}f}"


def parse_date(text: str | None) -> date:
    try:
        return datetime.fromisoformat(str(text)).date()
    except (TypeError, ValueError):
        return date.today()


class ContentBuilder:
    """Builds the block flow of one result in one language."""

    def __init__(self, result: dict, lang: str = "zh_CN") -> None:
        self.result = result
        self.key = lang_key(lang)
        self.t = TEXT[self.key]
        self.english = self.key == "en"
        self.kinds = kinds_present(result)
        self.county = result.get("county") or ""
        self.infeasible = result.get("status") == "infeasible"
        self._heading_no = 0

    # -- helpers ---------------------------------------------------------------
    def kind_name(self, kind: str) -> str:
        return KIND_NAMES[self.key].get(kind, kind)

    def kind_short(self, kind: str) -> str:
        return KIND_SHORT[self.key].get(kind, kind)

    def date_text(self) -> str:
        d = parse_date(self.result.get("generated_at"))
        return self.t["date"].format(y=d.year, m=d.month, d=d.day)

    def heading1(self, key: str) -> Heading:
        self._heading_no += 1
        n = self._heading_no
        prefix = f"{n}. " if self.english else f"{chinese_ordinal(n)}、"
        return Heading(prefix + self.t[key], 1)

    def heading2(self, n: int, text: str) -> Heading:
        prefix = f"({n}) " if self.english else f"（{chinese_ordinal(n)}）"
        return Heading(prefix + text, 2)

    def reason(self, move: dict) -> str:
        return (move.get("reason_en") or move.get("reason") or "") if self.english else move.get("reason", "")

    def explanation(self, row: dict) -> str:
        if self.english:
            return row.get("explanation_en") or row.get("explanation") or ""
        return row.get("explanation") or ""

    def diagnosis(self) -> list[str]:
        if self.english:
            return list(self.result.get("diagnosis_en") or self.result.get("diagnosis") or [])
        return list(self.result.get("diagnosis") or [])

    # -- the document ------------------------------------------------------------
    def build(self, figures: list[FigureBlock] | None = None) -> list[Block]:
        blocks: list[Block] = []
        blocks += self.title_block()
        blocks += self.summary_section()
        blocks += self.township_section()
        blocks += self.moves_section()
        blocks += self.closing()
        blocks += self.roster_annex()
        blocks += self.basis_annex()
        blocks += self.charts_annex(figures or [])
        return blocks

    def title_block(self) -> list[Block]:
        t = self.t
        n = len(township_order(self.result))
        return [
            TitleBlock(t["title"].format(county=self.county),
                       [t["draft"], t["info"].format(scenario=self.result.get("scenario", ""),
                                                     date=self.date_text())]),
            Paragraph(t["addressee"].format(county=self.county), indent=False, space_before_mm=4),
            Paragraph((t["intro_infeasible"] if self.infeasible else t["intro"]).format(n=n)),
        ]

    def summary_section(self) -> list[Block]:
        t, totals = self.t, self.result.get("totals", {})
        blocks: list[Block] = [self.heading1("h_summary")]
        for kind in self.kinds:
            k = totals.get(kind, {})
            sentence = t["kind_sentence"].format(
                kind=self.kind_name(kind), before=k.get("before", 0), after=k.get("after", 0),
                ub=k.get("uncovered_before", 0), ua=k.get("uncovered_after", 0),
                moved=k.get("moved", 0), touched=k.get("townships_touched", 0))
            if k.get("reserve"):
                sentence += t["reserve_sentence"].format(reserve=k["reserve"])
            blocks.append(Paragraph(sentence))
        moves = self.result.get("moves", [])
        blocks.append(Paragraph(t["moves_sentence"].format(n=len(moves)) if moves else t["no_moves_sentence"]))
        keys = ("before", "after", "uncovered_before", "uncovered_after", "moved", "townships_touched", "reserve")
        # English kind names are long single words: the short forms keep the eight columns on a portrait page.
        label = self.kind_short if self.english else self.kind_name
        rows = [[label(kind)] + [fmt_int(totals.get(kind, {}).get(key, 0)) for key in keys]
                for kind in self.kinds]
        rows.append([t["total"]] + [fmt_int(sum(totals.get(kind, {}).get(key, 0) or 0 for kind in self.kinds))
                                    for key in keys])
        columns = [Column(t["c_kind"], 1.3)] + [Column(t[c], 1.0) for c in (
            "c_before", "c_after", "c_unc_before", "c_unc_after", "c_moved", "c_touched", "c_reserve")]
        blocks.append(Table(columns, rows, caption=t["summary_caption"], bold_rows={len(rows) - 1}))
        diagnosis = self.diagnosis()
        if diagnosis:
            blocks.append(Paragraph(t["diagnosis_lead"], space_before_mm=3))
            blocks += [Paragraph(f"{i}. {line}") for i, line in enumerate(diagnosis, 1)]
        return blocks

    def township_section(self) -> list[Block]:
        t = self.t
        blocks: list[Block] = [NewPage(LANDSCAPE), self.heading1("h_townships")]
        columns = [Column(t["c_no"], 0.6), Column(t["c_township"], 1.9, "left"),
                   Column(t["c_approved"], 0.75), Column(t["c_staff"], 0.75), Column(t["c_vacancy"], 0.65),
                   Column(t["c_over"], 0.65), Column(t["c_leadership"], 0.75), Column(t["c_fte"], 1.15),
                   Column(t["c_required"], 1.25), Column(t["c_proposed"], 0.75), Column(t["c_change"], 0.65),
                   Column(t["c_note"], 4.6, "left")]
        for i, kind in enumerate(self.kinds, 1):
            rows_of_kind = [r for r in self.result.get("townships", []) if r.get("kind") == kind]
            rows = []
            for no, r in enumerate(rows_of_kind, 1):
                name = r["township"] + (t["locked"] if r.get("locked") else "")
                rows.append([str(no), name, fmt_int(r.get("approved")), fmt_int(r.get("staff")),
                             fmt_int(r.get("vacancy", max(0, r.get("approved", 0) - r.get("staff", 0)))),
                             fmt_int(r.get("over_quota", max(0, r.get("staff", 0) - r.get("approved", 0)))),
                             fmt_int(r.get("leadership", 0)), fmt_float(r.get("required_fte")),
                             fmt_int(r.get("required")), fmt_int(r.get("proposed")),
                             fmt_change(r.get("change")), self.explanation(r)])
            sums = [sum(int(r.get(k, 0) or 0) for r in rows_of_kind) for k in
                    ("approved", "staff", "vacancy", "over_quota", "leadership")]
            rows.append(["", t["total"], *map(str, sums),
                         fmt_float(sum(float(r.get("required_fte") or 0) for r in rows_of_kind)),
                         str(sum(int(r.get("required") or 0) for r in rows_of_kind)),
                         str(sum(int(r.get("proposed") or 0) for r in rows_of_kind)),
                         fmt_change(sum(int(r.get("change") or 0) for r in rows_of_kind)), ""])
            # The caption names the kind; a （一） heading above it would only repeat it.
            caption = t["township_caption"].format(i=i, kind=self.kind_name(kind))
            blocks.append(Table(columns, rows, caption=caption, bold_rows={len(rows) - 1}))
        return blocks

    def moves_section(self) -> list[Block]:
        t = self.t
        blocks: list[Block] = [NewPage(PORTRAIT), self.heading1("h_moves")]
        moves = self.result.get("moves", [])
        if not moves:
            return blocks + [Paragraph(t["no_moves_sentence"])]
        columns = [Column(t["c_no"], 0.55), Column(t["c_from"], 1.35), Column(t["c_to"], 1.35),
                   Column(t["c_move_kind"], 0.7), Column(t["c_count"], 0.6), Column(t["c_reason"], 4.6, "left")]
        rows = [[str(i), m.get("from", ""), m.get("to", ""), self.kind_short(m.get("kind", "")),
                 fmt_int(m.get("count")), self.reason(m)] for i, m in enumerate(moves, 1)]
        rows.append(["", t["total"], "", "", str(sum(int(m.get("count") or 0) for m in moves)), ""])
        return blocks + [Table(columns, rows, caption=t["moves_caption"], bold_rows={len(rows) - 1})]

    def closing(self) -> list[Block]:
        t = self.t
        first, *rest = t["annex_list"].split("\n")
        # The numbered annex names line up under the first one, after "附件：".
        pad = "　" * 3 if not self.english else "            "
        group = [Paragraph(first, space_before_mm=8)]
        group += [Paragraph(pad + line) for line in rest]
        # GB/T 9704: the issuing office and the date stand right, four characters in from the edge.
        right_pad = "" if self.english else "　　　　"
        group.append(Paragraph(t["signature"].format(county=self.county) + right_pad, indent=False,
                               align="right", space_before_mm=14))
        group.append(Paragraph(self.date_text() + right_pad, indent=False, align="right"))
        return [KeepTogether(group)]

    def annex_start(self, n: int, title_key: str, orientation: str) -> list[Block]:
        return [NewPage(orientation), AnnexMark(self.t["annex"].format(n=n)),
                TitleBlock(self.t[title_key])]

    def roster_annex(self) -> list[Block]:
        t = self.t
        blocks = self.annex_start(1, "roster_title", LANDSCAPE)
        roster = self.result.get("ab_roster") or []
        if not roster:
            return blocks + [Paragraph(t["no_roster"])]
        blocks.append(Paragraph(t["roster_intro"], style="note"))
        designs = {(d.get("township"), d.get("kind")): d for d in self.result.get("ab_designs") or []}
        columns = [Column(t["c_move_kind"], 0.7), Column(t["c_post"], 1.3, "left"), Column(t["c_a"], 3.6, "left"),
                   Column(t["c_b"], 3.0, "left"), Column(t["c_load"], 1.0), Column(t["c_capacity"], 1.0),
                   Column(t["c_ratio"], 0.8)]
        sep = ", " if self.english else "、"
        names = [n for n in township_order(self.result) if any(r.get("township") == n for r in roster)]
        names += [n for n in dict.fromkeys(r.get("township") for r in roster) if n not in names]
        for i, name in enumerate(names, 1):
            posts = [r for r in roster if r.get("township") == name]
            blocks.append(self.heading2(i, name))
            notes = []
            for kind in self.kinds:
                d = designs.get((name, kind))
                if d:
                    notes.append(t["design_sentence"].format(
                        kind=self.kind_name(kind), posts=d.get("posts", 0), lower=d.get("lower_bound", 0),
                        proof=t["proven"] if d.get("proven_minimal") else t["not_proven"]))
            if notes:
                blocks.append(Paragraph(("; " if self.english else "；").join(notes) + ("." if self.english else "。"),
                                        style="note"))
            rows = []
            for r in posts:
                capacity = r.get("capacity_hours")
                load = r.get("load_hours")
                ratio = f"{load / capacity:.0%}" if load is not None and capacity else ""
                rows.append([self.kind_short(r.get("kind", "")), str(r.get("post", "")),
                             sep.join(map(str, r.get("a") or [])), sep.join(map(str, r.get("b") or [])),
                             fmt_float(load), fmt_float(capacity), ratio])
            suffix = f" ({t['continued']})" if self.english else f"（{t['continued']}）"
            blocks.append(Table(columns, rows, dense=True, continued_caption=name + suffix))
        return blocks

    def status_text(self) -> str:
        t, solver = self.t, self.result.get("solver", {})
        if self.infeasible:
            return t["st_infeasible"]
        if solver.get("proven_optimal") or (self.result.get("status") == "optimal" and not solver.get("gap")):
            return t["st_optimal"]
        gap = solver.get("gap")
        if gap:
            return t["st_gap"].format(gap=f"{float(gap):.2%}")
        return t["st_feasible"]

    def basis_annex(self) -> list[Block]:
        t, params = self.t, self.result.get("parameters", {})
        blocks = self.annex_start(2, "params_title", PORTRAIT)
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
        solver = self.result.get("solver", {})
        stages = solver.get("stage_seconds") or {}
        stage_text = ("; " if self.english else "；").join(
            f"{t.get('stage_' + k, k)} {t['seconds'].format(s=float(v))}" for k, v in stages.items()
            if isinstance(v, (int, float)))
        basis = [
            (t["b_scenario"], str(self.result.get("scenario", ""))),
            (t["b_generated"], str(self.result.get("generated_at", "")).replace("T", " ")),
            (t["b_fingerprint"], str(self.result.get("fingerprint", ""))),
            (t["b_solver"], " ".join(str(solver.get(k, "")) for k in ("name", "version")).strip()),
            (t["b_seconds"], t["seconds"].format(s=float(solver.get("seconds") or 0))),
            (t["b_status"], self.status_text()),
        ]
        if stage_text:
            basis.append((t["b_stages"], stage_text))
        blocks.append(Table([Column(t["c_item"], 1.3, "left"), Column(t["c_value"], 3.7, "left")],
                            [list(r) for r in basis], caption=t["basis_caption"]))
        marginal = self.result.get("marginal") or []
        if marginal:
            rows = [[self.kind_name(m.get("kind", "")), fmt_int(m.get("uncovered_reduction")),
                     m.get("township") or "—"] for m in marginal]
            blocks.append(Table([Column(t["c_kind"], 1.0), Column(t["c_reduction"], 1.0),
                                 Column(t["c_best"], 1.5)], rows, caption=t["marginal_caption"]))
        return blocks

    def charts_annex(self, figures: list[FigureBlock]) -> list[Block]:
        blocks = self.annex_start(3, "charts_title", LANDSCAPE)
        if not figures:
            return blocks + [Paragraph(self.t["no_charts"])]
        for n, figure in enumerate(figures, 1):
            figure.caption = self.t["figure"].format(n=n, title=figure.caption)
            blocks.append(figure)
        return blocks


def build_blocks(result: dict, lang: str = "zh_CN", figures: list[FigureBlock] | None = None) -> list[Block]:
    return ContentBuilder(result, lang).build(figures)
