"""The proposal as an editable request (请示) to the establishment committee, a Word document.

    from planner.exports.request_docx import write_request_docx
    write_request_docx(proposal, "请示.docx", lang="zh_CN")

The office drafts the request in Word or WPS, edits it and sends it with the
printed proposal and its annexes. It is laid out by GB/T 9704-2012 habits
(docx_style.py) and says, in the order Article 16 of the 2019 Regulation on
Establishment Work asks: the basis and necessity, the reallocation (totals per
kind, the moves, every township before and after, as real Word tables), the
effect, the alternatives, the fiscal effect and the risks, then the closing,
the annex list, signature, date and contact. Every figure is read from the
typed Proposal, the one definition the window, the printed proposal and the
workbooks show; what the planner cannot know is left as a marked placeholder.
No Qt: the command line writes it without a display.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from io import BytesIO
from pathlib import Path

from docx import Document

from planner.domain.proposal import Proposal, TownshipLine
from planner.domain.vocabulary import kind_label
from planner.exports import docx_style as style
from planner.exports.request_docx_words import WORDS
from planner.files import write_bytes_atomically


def _lang_key(lang: str | None) -> str:
    return "zh" if not lang or str(lang).lower().startswith("zh") else "en"


def issued_on(generated_at: str) -> date:
    """The request's date: the day the proposal or plan was computed (today when unknown)."""
    try:
        return datetime.fromisoformat(str(generated_at)).date()
    except (TypeError, ValueError):
        return date.today()


def _signed(value: int) -> str:
    return f"+{value}" if value > 0 else str(value)


def at_staff_floor(line: TownshipLine) -> bool:
    """The township's quota after equals its staff: 'nobody is dismissed' holds it there, no vacancy is left."""
    return line.staff > 0 and line.proposed == line.staff


class OfficialRequest:
    """A request to the committee in one language: the page, the words, and the closing every request has
    (the ask, the annex list, the signature, the date and the contact). The proposal's and the multi-year
    plan's requests (plan_docx.py) build their bodies on it."""

    def __init__(self, county: str, lang: str = "zh_CN", words: dict[str, dict] | None = None) -> None:
        self.key = _lang_key(lang)
        self.w = {**WORDS[self.key], **((words or {}).get(self.key) or {})}
        self.county = county or ""
        self.doc = Document()
        style.set_up_styles(self.doc)
        style.set_up_page(self.doc)

    # -- helpers ------------------------------------------------------------------------
    def kind_name(self, kind: str) -> str:
        return kind_label(kind, self.key, long=True, cap=True)

    def kind_short(self, kind: str) -> str:
        return kind_label(kind, self.key, short=True)

    def heading(self, text: str, level: int):
        return style.heading_paragraph(self.doc, text, level, latin=self.key == "en")

    def para(self, text: str = "", **kwargs):
        return style.body_paragraph(self.doc, text, **kwargs)

    def todo(self, paragraph, what: str) -> None:
        style.add_text(paragraph, self.w["todo"].format(what=what), highlight=True)

    def todo_paragraph(self, what: str, lead: str = "") -> None:
        paragraph = self.para(lead)
        self.todo(paragraph, what)

    def diagnosis_and_risks(self, diagnosis: list[str]) -> None:
        """The risks point: the diagnosis numbered, then the placeholder for what the office knows."""
        if diagnosis:
            self.para(self.w["diagnosis_lead"]).paragraph_format.keep_with_next = True
            for i, line in enumerate(diagnosis, 1):
                self.para(f"{i}. {line}")
        self.todo_paragraph(self.w["todo_risks"])

    def kinds_list(self, figure) -> str:
        return self.w["kind_sep"].join(self.w["basis_kind"].format(kind=self.kind_name(k), n=figure(k))
                                       for k in self.kinds)

    def save(self) -> bytes:
        buffer = BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()

    def closing(self, annexes: list[str], when) -> None:
        """以上请示妥否，请批示; the annexes, the office and the date standing right, the contact to fill in."""
        w = self.w
        self.para(w["closing"])
        self.para()
        # GB/T 9704: 附件 two characters in, the second annex name under the first.
        names = [name.format(county=self.county) for name in annexes]
        # One annex is named without a number (GB/T 9704 7.3.4).
        number = "{name}" if len(names) == 1 else "{n}．{name}" if self.key == "zh" else "{n}. {name}"
        first = self.para(indent=True, align="left")
        style.add_text(first, w["annex_lead"] + number.format(n=1, name=names[0]))
        pad = "　" * 3 if self.key == "zh" else " " * 16
        for n, name in enumerate(names[1:], 2):
            self.para(pad + number.format(n=n, name=name), indent=True, align="left")
        self.para()
        self.para()
        # The issuing office and the date stand right, four characters in from the edge.
        right = "　" * 4 if self.key == "zh" else ""
        self.para(w["signature"].format(county=self.county) + right, indent=False, align="right")
        self.para(w["date"].format(y=when.year, m=when.month, d=when.day) + right, indent=False, align="right")
        self.para()
        contact = self.para(indent=True, align="left")
        head, middle, tail = w["contact"].split("{todo}")
        style.add_text(contact, head)
        style.add_text(contact, w["todo"].format(what=w["todo_contact"]), highlight=True)
        style.add_text(contact, middle)
        style.add_text(contact, w["todo"].format(what=w["todo_phone"]), highlight=True)
        style.add_text(contact, tail)


class RequestWriter(OfficialRequest):
    """The request for one reallocation proposal."""

    def __init__(self, proposal: Proposal, lang: str = "zh_CN") -> None:
        super().__init__(proposal.county, lang)
        self.proposal = proposal
        self.kinds = proposal.kinds_present()
        self.totals = {kind: proposal.totals_of(kind) for kind in self.kinds}

    # -- the document -------------------------------------------------------------------
    def build(self):
        w, p = self.w, self.proposal
        style.title_paragraph(self.doc, w["title"].format(county=self.county))
        self.para(w["addressee"].format(county=self.county), indent=False, align="left")
        self.para(w["intro"].format(n=len(p.township_names())))
        self.basis()
        self.plan()
        self.points()
        self.closing(w["annexes"], issued_on(p.generated_at))
        return self.doc

    def basis(self) -> None:
        w = self.w
        self.heading(w["h_basis"], 1)
        self.para(w["basis"].format(ub=self.proposal.uncovered_before,
                                    kinds=self.kinds_list(lambda k: self.totals[k].uncovered_before)))
        self.todo_paragraph(w["todo_basis"], w["basis_todo"])

    def plan(self) -> None:
        w, p = self.w, self.proposal
        self.heading(w["h_plan"], 1)
        self.heading(w["h_totals"], 2)
        self.para(w["totals_lead"])
        for kind in self.kinds:
            t = self.totals[kind]
            sentence = w["totals_sentence"].format(kind=self.kind_name(kind), before=t.before, after=t.after,
                                                   ub=t.uncovered_before, ua=t.uncovered_after, moved=t.moved,
                                                   touched=t.townships_touched)
            self.para(sentence + (w["reserve_sentence"].format(reserve=t.reserve) if t.reserve else ""))
        keys = ("before", "after", "uncovered_before", "uncovered_after", "moved", "townships_touched", "reserve")
        # English kind names are long single words: the short forms keep them whole in the first column.
        label = self.kind_short if self.key == "en" else self.kind_name
        rows = [[label(k)] + [str(getattr(self.totals[k], key)) for key in keys] for k in self.kinds]
        # Townships are counted once however many kinds they change in.
        rows.append([w["total"]] + [str(p.townships_touched if key == "townships_touched"
                                        else sum(getattr(self.totals[k], key) for k in self.kinds)) for key in keys])
        style.add_table(self.doc, [w[c] for c in ("c_kind", "c_before", "c_after", "c_ub", "c_ua", "c_moved",
                                                  "c_touched", "c_reserve")],
                        rows, [23] + [19] * 7, bold_last=True)
        self.moves()
        self.townships()

    def moves(self) -> None:
        w, p = self.w, self.proposal
        self.heading(w["h_moves"], 2)
        if not p.moves:
            self.para(w["no_moves"])
            return
        self.para(w["moves_lead"].format(n=len(p.moves), slots=p.slots_moved, touched=p.townships_touched))
        rows = [[str(i), m.giver, m.receiver, self.kind_short(m.kind), str(m.count), m.reason_in(self.key == "en")]
                for i, m in enumerate(p.moves, 1)]
        rows.append(["", w["total"], "", "", str(p.slots_moved), ""])
        style.add_table(self.doc, [w[c] for c in ("c_no", "c_from", "c_to", "c_move_kind", "c_count", "c_reason")],
                        rows, [12, 21, 21, 12, 12, 78], left_columns={5}, bold_last=True)

    def townships(self) -> None:
        w, p = self.w, self.proposal
        self.heading(w["h_townships"], 2)
        self.para(w["townships_lead"])
        lines = {(line.township, line.kind): line for line in p.lines}
        header = [w["c_township"]]
        for kind in self.kinds:
            header += [w["c_kind_before"].format(kind=self.kind_short(kind)),
                       w["c_kind_after"].format(kind=self.kind_short(kind))]
        header.append(w["c_change"])
        rows = []
        for name in p.township_names():
            row, change = [name], 0
            for kind in self.kinds:
                line = lines.get((name, kind))
                row += [str(line.approved), str(line.proposed)] if line else ["—", "—"]
                change += line.change if line else 0
            rows.append(row + [_signed(change)])
        total = [w["total"]]
        for kind in self.kinds:
            total += [str(self.totals[kind].before), str(self.totals[kind].after)]
        rows.append(total + [_signed(sum(t.after - t.before for t in self.totals.values()))])
        number_width = (style.TYPE_AREA_MM[0] - 34 - 16) / (2 * len(self.kinds))
        style.add_table(self.doc, header, rows, [34] + [number_width] * (2 * len(self.kinds)) + [16],
                        left_columns={0}, bold_last=True)

    def points(self) -> None:
        w, p = self.w, self.proposal
        self.heading(w["h_points"], 1)
        self.para(w["points_lead"])
        self.heading(w["h_effect"], 2)
        effect = w["effect"].format(ub=p.uncovered_before, ua=p.uncovered_after, slots=p.slots_moved,
                                    touched=p.townships_touched)
        self.para(effect + (w["effect_left"].format(ua=p.uncovered_after) if p.uncovered_after else ""))

        self.heading(w["h_alternatives"], 2)
        vacancy = {k: sum(line.vacancy for line in p.lines_of(k)) for k in self.kinds}
        over = sum(line.over_quota for line in p.lines)
        self.para(w["alternatives"].format(vacancy=sum(vacancy.values()), kinds=self.kinds_list(vacancy.get),
                                           over=over))
        self.todo_paragraph(w["todo_alternatives"])

        self.heading(w["h_fiscal"], 2)
        self.para(w["fiscal"].format(total=sum(t.before for t in self.totals.values()),
                                     reserve=sum(t.reserve for t in self.totals.values())))
        self.todo_paragraph(w["todo_fiscal"])

        self.heading(w["h_risks"], 2)
        self.risks()

    def risks(self) -> None:
        w, p = self.w, self.proposal
        sep = w["list_sep"]
        named = "{0.township}{1}" if self.key == "zh" else "{0.township} ({1})"
        at_floor = [named.format(line, self.kind_short(line.kind)) for line in p.lines if at_staff_floor(line)]
        below = [named.format(line, self.kind_short(line.kind)) for line in p.lines if line.proposed < line.staff]
        self.para(w["floors"].format(n=len(at_floor), names=sep.join(at_floor)) if at_floor else w["floors_none"])
        if below:
            self.para(w["floors_below"].format(names=sep.join(below)))
        over = [named.format(line, self.kind_short(line.kind)) for line in p.lines if line.over_quota]
        if over:
            self.para(w["over_quota"].format(names=sep.join(over)))
        self.diagnosis_and_risks(p.diagnosis_in(self.key == "en"))

def request_docx_bytes(proposal: Proposal, lang: str = "zh_CN") -> bytes:
    writer = RequestWriter(proposal, lang)
    writer.build()
    return writer.save()


def write_request_docx(proposal: Proposal, path: str | os.PathLike, lang: str = "zh_CN") -> Path:
    """Write the request as .docx, whole or not at all (a temporary file beside the target, then a rename)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_bytes_atomically(path, request_docx_bytes(proposal, lang))
    return path
