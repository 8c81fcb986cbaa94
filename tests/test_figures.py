"""Each figure of the proposal has one definition, read the same by screen, print and workbook.

On the 14-township demo: 编制/需求 before and after compare the same thing (quota ÷ the
A/B need), a township that gives slots shows the ratio falling and one left alone shows
it unchanged; township counts are of distinct townships; one rounding rule everywhere;
the status says when the A/B requirements are not all proven minimal.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

import openpyxl
import pytest

from planner.demo.county import generate_demo
from planner.domain.county import KINDS
from planner.domain.proposal import Proposal
from planner.domain.vocabulary import kind_label
from planner.domain.rounding import fte_text, ratio_text
from planner.exports.proposal_xlsx import write_proposal_xlsx
from planner.solving.solve import solve_county
from ui.report.blocks import Table
from ui.report.content import build_blocks


@pytest.fixture(scope="module")
def proposal() -> Proposal:
    return solve_county(generate_demo(14, 1))


def test_quota_per_need_compares_the_same_thing_before_and_after(proposal):
    for line in proposal.lines:
        if line.required == 0:
            assert line.pressure_before is None and line.pressure_after is None
            continue
        assert line.pressure_before == round(line.approved / line.required, 3)
        assert line.pressure_after == round(line.proposed / line.required, 3)
        if line.change < 0:
            assert line.pressure_after < line.pressure_before, line.township      # gives: the ratio falls
        elif line.change == 0:
            assert line.pressure_after == line.pressure_before, line.township     # unchanged: the same
        else:
            assert line.pressure_after > line.pressure_before, line.township
    givers = [line for line in proposal.lines if line.change < 0]
    unchanged = [line for line in proposal.lines if line.change == 0 and line.required]
    assert givers and unchanged
    # The WISN ratio stays a figure of its own (staff ÷ WISN FTE), never called the need.
    for line in proposal.lines:
        if line.workload_fte:
            assert line.wisn_ratio == round(line.staff / line.workload_fte, 3)
    # A township whose staff look enough by the WISN ratio is still short by the A/B need, so it
    # receives: the two figures are not the same thing, and the proposal goes by the need.
    assert any(line.wisn_ratio > 1 and line.pressure_before < 1 and line.change > 0
               and line.staff <= line.approved for line in proposal.lines)


def test_township_counts_are_distinct_townships(proposal):
    touched = {line.township for line in proposal.lines if line.change}
    assert proposal.townships_touched == len(touched) <= len(proposal.township_names()) == 14
    assert sum(t.townships_touched for t in proposal.totals.values()) > proposal.townships_touched
    summary = next(b for b in build_blocks(proposal, "zh_CN") if isinstance(b, Table))
    assert summary.rows[-1][0] == "合计" and summary.rows[-1][6] == str(len(touched))


def _excel_shows(value: float, number_format: str) -> str:
    digits = len(number_format.split(".")[1]) if "." in number_format else 0
    return str(Decimal(repr(value)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP))


def test_one_rounding_on_screen_in_print_and_in_the_workbook(proposal, tmp_path, qapp):
    from planner.store.ledger_view import KindFigures, TownshipSummary
    from ui.ledger_model import TownshipSummaryModel, column_of
    from ui.results_models import ProposalModel

    # A need published to two decimals ending in 5 (as 25.15): the case that split the readers,
    # one rounding half down on screen and half up in print.
    line = next(r for r in proposal.lines if round(r.required_fte * 100) % 10 == 5)
    name, kind = line.township, line.kind
    shown = str(Decimal(str(line.required_fte)).quantize(Decimal("0.1"), ROUND_HALF_UP))
    # Screen: the ledger shows the unrounded WISN FTE of the workload; the results the ratios.
    figures = {k: KindFigures(r.approved, r.staff, r.leadership, r.workload_fte, True)
               for r in proposal.lines if r.township == name for k in [r.kind]}
    ledger = TownshipSummaryModel()
    ledger.set_rows([TownshipSummary(1, name, "乡", "二类", False, 1, figures)])
    screen_fte = ledger.index(0, column_of("required_fte", kind)).data()
    results = ProposalModel()
    results.set_rows([line])
    screen_ratios = [results.index(0, c).data() for c in (8, 9)]
    # Print: the kind's table of townships (table 2 of its section).
    tables = [b for b in build_blocks(proposal, "zh_CN") if isinstance(b, Table)]
    row = next(r for r in tables[1 + KINDS.index(kind)].rows if r[1] == name)
    print_fte, print_ratios = row[7], row[11].split("→")
    # Workbook: the cell keeps the published figure; its number format shows it.
    path = tmp_path / "p.xlsx"
    write_proposal_xlsx(proposal, path)
    sheet = openpyxl.load_workbook(path)["乡镇编制"]
    cells = next(r for r in sheet.iter_rows(min_row=2) if (r[0].value, r[1].value) == (name, kind_label(kind, short=True)))
    excel_fte = _excel_shows(cells[8].value, cells[8].number_format)
    excel_ratios = [_excel_shows(c.value, c.number_format) for c in (cells[12], cells[13])]
    assert screen_fte == print_fte == excel_fte == fte_text(line.required_fte) == shown
    assert screen_ratios == print_ratios == excel_ratios == [ratio_text(line.pressure_before),
                                                             ratio_text(line.pressure_after)]


def test_status_says_when_designs_are_not_proven(proposal):
    assert proposal.status == "optimal" and proposal.designs_not_proven == 0
    assert proposal.status_text() == "最优" and proposal.to_json()["designs_not_proven"] == 0
    designs = tuple(replace(d, proven_minimal=False) if i < 3 else d for i, d in enumerate(proposal.designs))
    unproven = replace(proposal, designs=designs)
    data = unproven.to_json()
    assert data["status"] == "optimal" and data["designs_not_proven"] == 3
    assert data["status_text"] == "最优（基于AB岗需求；3 个岗位设计未证明最少）"
    assert data["status_text_en"] == "optimal given the A/B requirements, 3 designs not proven minimal"
