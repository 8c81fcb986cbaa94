"""What the proposal says, in the order the committee reads it (no Qt, no layout).

Body: addressee, summary, the township table per kind, the itemised moves,
the points to note, the list of annexes and the signature; the annexes are
built in annexes.py. This is the shape of a report from the staffing office
to its committee under GB/T 9704. The body and the annexes print apart (the
committee reads the body; the rosters are looked up), or together.
"""

from __future__ import annotations

from datetime import date, datetime

from planner.domain.proposal import Move, Proposal, TownshipLine
from planner.domain.rounding import fte_text, ratio_text
from ui.report.blocks import (
    LANDSCAPE, PORTRAIT, Block, Column, FigureBlock, Heading, KeepTogether, NewPage, Paragraph, Table,
    TitleBlock,
)
from ui.report.annexes import AnnexBuilder
from ui.report.numbers import fmt_change, fmt_int
from planner.domain.vocabulary import kind_label
from ui.report.strings import TEXT, chinese_ordinal, lang_key


BODY, ANNEXES, ALL = "body", "annexes", "all"
PARTS = (BODY, ANNEXES, ALL)


def parse_date(text: str | None) -> date:
    try:
        return datetime.fromisoformat(str(text)).date()
    except (TypeError, ValueError):
        return date.today()


class ContentBuilder(AnnexBuilder):
    """Builds the block flow of one proposal in one language."""

    def __init__(self, proposal: Proposal, lang: str = "zh_CN") -> None:
        self.proposal = proposal
        self.key = lang_key(lang)
        self.t = TEXT[self.key]
        self.english = self.key == "en"
        self.kinds = proposal.kinds_present()
        self.county = proposal.county or ""
        self.infeasible = proposal.infeasible
        self._heading_no = 0

    # -- helpers ---------------------------------------------------------------
    def kind_name(self, kind: str) -> str:
        """行政编制 / Administrative."""
        return kind_label(kind, self.key, long=True, cap=True)

    def kind_short(self, kind: str) -> str:
        """行政 / Admin."""
        return kind_label(kind, self.key, short=True)

    def date_text(self) -> str:
        d = parse_date(self.proposal.generated_at)
        return self.t["date"].format(y=d.year, m=d.month, d=d.day)

    def heading1(self, key: str) -> Heading:
        self._heading_no += 1
        n = self._heading_no
        prefix = f"{n}. " if self.english else f"{chinese_ordinal(n)}、"
        return Heading(prefix + self.t[key], 1)

    def heading2(self, n: int, text: str) -> Heading:
        prefix = f"({n}) " if self.english else f"（{chinese_ordinal(n)}）"
        return Heading(prefix + text, 2)

    def reason(self, move: Move) -> str:
        return move.reason_in(self.english) or ""

    def explanation(self, row: TownshipLine) -> str:
        return row.explanation_in(self.english) or ""

    def diagnosis(self) -> list[str]:
        return self.proposal.diagnosis_in(self.english)

    def ratio_pair(self, before: float | None, after: float | None) -> str:
        """编制/需求 before → after, by the one rounding rule of every reader ("—" without a need)."""
        if before is None or after is None:
            return "—"
        return self.t["ratio_pair"].format(before=ratio_text(before), after=ratio_text(after))

    def short_note(self, row: TownshipLine) -> str:
        """调入2名，仍缺3名: the table's remark; the full explanation is in the annex."""
        t = self.t
        parts = []
        change = row.change
        if row.locked:
            parts.append(t["note_locked"])
        if change > 0:
            parts.append(t["note_in"].format(n=change))
        elif change < 0:
            parts.append(t["note_out"].format(n=-change))
        short = row.uncovered_after
        if short > 0:
            parts.append(t["note_short"].format(n=short))
        over = row.over_quota
        if over > 0:
            parts.append(t["note_over"].format(n=over))
        return t["note_join"].join(parts) or "—"

    # -- the document ------------------------------------------------------------
    def build(self, figures: list[FigureBlock] | None = None, part: str = ALL) -> list[Block]:
        """The blocks of the body, the annexes or both (`part`: body | annexes | all)."""
        if part not in PARTS:
            raise ValueError(f"unknown part of the proposal: {part!r}")
        annexes = self.annexes(figures or [])
        blocks: list[Block] = []
        if part in (BODY, ALL):
            blocks += self.title_block()
            blocks += self.summary_section()
            if self.infeasible:  # without a proposal, why not is the news: it comes first
                blocks += self.notes_section()
            blocks += self.township_section()
            blocks += self.moves_section()
            # (built here, after the moves, so that its heading takes the next number)
            notes = [] if self.infeasible else self.notes_section()
            # The last lines of the text go with the signature (and a lone heading with them).
            keep = 2 if len(notes) == 2 else 1
            blocks += notes[:-keep] if notes else []
            blocks += self.closing([title for title, _ in annexes], notes[-keep:] if notes else [])
        if part in (ANNEXES, ALL):
            for n, (_title, make) in enumerate(annexes, 1):
                blocks += make(n)
        return blocks

    def title_block(self) -> list[Block]:
        t = self.t
        n = len(self.proposal.township_names())
        return [
            TitleBlock(t["title"].format(county=self.county),
                       [t["draft"], t["info"].format(scenario=self.proposal.scenario,
                                                     date=self.date_text())]),
            Paragraph(t["addressee"].format(county=self.county), indent=False, space_before_mm=4),
            Paragraph((t["intro_infeasible"] if self.infeasible else t["intro"]).format(n=n)),
        ]

    def summary_section(self) -> list[Block]:
        t = self.t
        totals = {kind: self.proposal.totals_of(kind) for kind in self.kinds}
        blocks: list[Block] = [self.heading1("h_summary")]
        for kind in self.kinds:
            k = totals[kind]
            sentence = t["kind_sentence"].format(
                kind=self.kind_name(kind), before=k.before, after=k.after, ub=k.uncovered_before,
                ua=k.uncovered_after, moved=k.moved, touched=k.townships_touched)
            if k.reserve:
                sentence += t["reserve_sentence"].format(reserve=k.reserve)
            blocks.append(Paragraph(sentence))
        moves = self.proposal.moves
        blocks.append(Paragraph(t["moves_sentence"].format(n=len(moves)) if moves else t["no_moves_sentence"]))
        keys = ("before", "after", "uncovered_before", "uncovered_after", "moved", "townships_touched", "reserve")
        # English kind names are long single words: the short forms keep the eight columns on a portrait page.
        label = self.kind_short if self.english else self.kind_name
        rows = [[label(kind)] + [fmt_int(getattr(totals[kind], key)) for key in keys] for kind in self.kinds]
        # Townships are counted once however many kinds they change in (a county of 14 never touches 18).
        rows.append([t["total"]] + [fmt_int(self.proposal.townships_touched if key == "townships_touched" else
                                            sum(getattr(totals[kind], key) for kind in self.kinds))
                                    for key in keys])
        columns = [Column(t["c_kind"], 1.3)] + [Column(t[c], 1.0) for c in (
            "c_before", "c_after", "c_unc_before", "c_unc_after", "c_moved", "c_touched", "c_reserve")]
        blocks.append(Table(columns, rows, caption=t["summary_caption"], bold_rows={len(rows) - 1}))
        return blocks

    def notes_section(self) -> list[Block]:
        """The points to note, after the moves: they fill the moves' last page instead of a page of their own."""
        diagnosis = self.diagnosis()
        if not diagnosis:
            return []
        return [self.heading1("h_notes")] + [Paragraph(f"{i}. {line}") for i, line in enumerate(diagnosis, 1)]

    def township_section(self) -> list[Block]:
        t = self.t
        blocks: list[Block] = [NewPage(LANDSCAPE), self.heading1("h_townships")]
        columns = [Column(t["c_no"], 0.6), Column(t["c_township"], 1.9, "left"),
                   Column(t["c_approved"], 0.75), Column(t["c_staff"], 0.75), Column(t["c_vacancy"], 0.65),
                   Column(t["c_over"], 0.65), Column(t["c_leadership"], 0.75), Column(t["c_fte"], 1.15),
                   Column(t["c_required"], 1.25), Column(t["c_proposed"], 0.75), Column(t["c_change"], 0.65),
                   Column(t["c_ratio_pair"], 1.2), Column(t["c_note"], 1.7, "left")]
        for i, kind in enumerate(self.kinds, 1):
            rows_of_kind = self.proposal.lines_of(kind)
            rows = []
            for no, r in enumerate(rows_of_kind, 1):
                name = r.township + (t["locked"] if r.locked else "")
                rows.append([str(no), name, fmt_int(r.approved), fmt_int(r.staff), fmt_int(r.vacancy),
                             fmt_int(r.over_quota), fmt_int(r.leadership), fte_text(r.required_fte),
                             fmt_int(r.required), fmt_int(r.proposed), fmt_change(r.change),
                             self.ratio_pair(r.pressure_before, r.pressure_after), self.short_note(r)])
            sums = [sum(int(getattr(r, k)) for r in rows_of_kind) for k in
                    ("approved", "staff", "vacancy", "over_quota", "leadership")]
            rows.append(["", t["total"], *map(str, sums),
                         fte_text(sum(float(r.required_fte or 0) for r in rows_of_kind)),
                         str(sum(int(r.required) for r in rows_of_kind)),
                         str(sum(int(r.proposed) for r in rows_of_kind)),
                         fmt_change(sum(r.change for r in rows_of_kind)), "", ""])
            # The caption names the kind; a （一） heading above it would only repeat it.
            caption = t["township_caption"].format(i=i, kind=self.kind_name(kind))
            blocks.append(Table(columns, rows, caption=caption, bold_rows={len(rows) - 1}))
        return blocks

    def moves_section(self) -> list[Block]:
        t = self.t
        blocks: list[Block] = [NewPage(PORTRAIT), self.heading1("h_moves")]
        moves = self.proposal.moves
        if not moves:
            return blocks + [Paragraph(t["no_moves_sentence"])]
        columns = [Column(t["c_no"], 0.55), Column(t["c_from"], 1.35), Column(t["c_to"], 1.35),
                   Column(t["c_move_kind"], 0.7), Column(t["c_count"], 0.6), Column(t["c_reason"], 4.6, "left")]
        rows = [[str(i), m.giver, m.receiver, self.kind_short(m.kind), fmt_int(m.count), self.reason(m)]
                for i, m in enumerate(moves, 1)]
        rows.append(["", t["total"], "", "", str(self.proposal.slots_moved), ""])
        return blocks + [Table(columns, rows, caption=t["moves_caption"], bold_rows={len(rows) - 1})]

    def closing(self, annex_titles: list[str], text_tail: list[Paragraph | Heading] = ()) -> list[Block]:
        t = self.t
        # The numbered annex names line up under the first one, after "附件：".
        items = [t["annex_item"].format(n=n, title=title) for n, title in enumerate(annex_titles, 1)]
        pad = "　" * 3 if not self.english else " " * 17
        group = list(text_tail)
        group += [Paragraph(t["annex_lead"] + items[0], space_before_mm=8)] if items else []
        group += [Paragraph(pad + item) for item in items[1:]]
        # GB/T 9704: the issuing office and the date stand right, four characters in from the edge.
        right_pad = "" if self.english else "　　　　"
        group.append(Paragraph(t["signature"].format(county=self.county) + right_pad, indent=False,
                               align="right", space_before_mm=14))
        group.append(Paragraph(self.date_text() + right_pad, indent=False, align="right"))
        return [KeepTogether(group)]


def build_blocks(proposal: Proposal, lang: str = "zh_CN", figures: list[FigureBlock] | None = None,
                 part: str = ALL) -> list[Block]:
    return ContentBuilder(proposal, lang).build(figures, part)
