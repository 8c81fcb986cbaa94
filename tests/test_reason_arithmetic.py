"""Every reason of the demo proposal recomputes from the table's rows: the sentences and the table agree."""

from __future__ import annotations

import re

import pytest

from planner.demo.county import generate_demo
from planner.solving.solve import solve_county

GIVER_ZH = re.compile(r"(?P<name>[^；]+?)核定(?P<k>[^；]*?)编制 (?P<a>\d+) 名、实有人数 (?P<s>\d+) 名、需要 (?P<r>\d+) 名："
                      r"超出需要 (?P<x>\d+) 名(?:，但按“(?P<rule>[^”]+)”(?:空编 (?P<v>\d+) 名|不得低于\D+(?P<floor>\d+) 名))?"
                      r"，可调出 (?P<c>\d+) 名，共调出 (?P<g>\d+) 名至 (?P<q>\d+) 名，此笔 (?P<n>\d+) 名。$")
GIVER_EN = re.compile(r"; (?P<name>[^;]+?) has (?P<a>\d+) approved \w+ slots, (?P<s>\d+) staff and a need of "
                      r"(?P<r>\d+): (?P<x>\d+) above its need, .*?give (?P<c>\d+); it gives (?P<g>\d+) in all, "
                      r"to (?P<q>\d+); this line (?P<n>\d+)\.$")
SHORT_ZH = re.compile(r"^(?P<name>[^；]+?)按工作量与AB岗需\w+编制 (?P<r>\d+) 名(?:（含领导职数 \d+ 名）)?，"
                      r"核定编制 (?P<a>\d+) 名，缺 (?P<d>\d+) 名，共调入 (?P<g>\d+) 名至 (?P<q>\d+) 名；")
FLOOR_ZH = re.compile(r"^(?P<name>[^；]+?)核定\w+编制 (?P<a>\d+) 名，实有人数 (?P<s>\d+) 名，按“人员不减”须补足 "
                      r"(?P<d>\d+) 名，共调入 (?P<g>\d+) 名至 (?P<q>\d+) 名；")
TOWN_ZH = re.compile(r"^(?P<name>.+?)核定\w+编制 (?P<a>\d+) 名、实有人数 (?P<s>\d+) 名，按工作量与AB岗需\w+编制 "
                     r"(?P<r>\d+) 名")
TOWN_GIVE_ZH = re.compile(r"超出需要 (?P<x>\d+) 名(?:，但按“人员不减”空编 (?P<v>\d+) 名)?，可调出 (?P<c>\d+) 名"
                          r"(?:，调出 (?P<g>\d+) 名至 (?P<q>\d+) 名)?")


@pytest.fixture(scope="module")
def proposal():
    return solve_county(generate_demo(14, 1))


def _ints(m: re.Match) -> dict[str, int]:
    return {k: int(v) for k, v in m.groupdict().items() if v is not None and v.isdigit()}


def _check_giver(n: dict[str, int], line, count: int) -> None:
    assert (n["a"], n["s"], n["r"], n["q"]) == (line.approved, line.staff, line.required, line.proposed)
    assert n["x"] == line.approved - line.required
    floor = max(line.staff, line.leadership if line.kind == "administrative" else 0, line.band_min or 0)
    assert n["c"] == line.approved - max(line.required, floor)      # gives at most min(above need, above floor)
    assert n["g"] == line.approved - line.proposed <= n["c"]
    assert n["n"] == count


def test_every_move_reason_recomputes_from_the_table(proposal):
    rows = {(line.township, line.kind): line for line in proposal.lines}
    assert proposal.moves
    for move in proposal.moves:
        giver = rows[(move.giver, move.kind)]
        zh = GIVER_ZH.search(move.reason)
        assert zh and zh["name"].endswith(move.giver), move.reason
        n = _ints(zh)
        _check_giver(n, giver, move.count)
        if zh["v"] is not None:
            assert zh["rule"] == "人员不减" and n["v"] == giver.approved - giver.staff == n["c"]
        else:
            assert n["c"] == n["x"]
        en = GIVER_EN.search(move.reason_en)
        assert en and en["name"] == move.giver, move.reason_en
        _check_giver(_ints(en), giver, move.count)
        receiver = rows.get((move.receiver, move.kind))
        if receiver is None:
            continue
        short, floor = SHORT_ZH.search(move.reason), FLOOR_ZH.search(move.reason)
        assert short or floor, move.reason
        r = _ints(short or floor)
        assert (r["a"], r["q"]) == (receiver.approved, receiver.proposed)
        assert r["g"] == receiver.proposed - receiver.approved
        if short:
            assert r["r"] == receiver.required and r["d"] == receiver.required - receiver.approved
        else:
            assert r["s"] == receiver.staff and r["d"] == receiver.staff - receiver.approved
        assert f"{receiver.approved} approved" in move.reason_en


def test_every_township_reason_quotes_the_table(proposal):
    for line in proposal.lines:
        m = TOWN_ZH.search(line.explanation)
        assert m, line.explanation
        n = _ints(m)
        assert (n["a"], n["s"], n["r"]) == (line.approved, line.staff, line.required)
        assert f"{line.approved} approved" in line.explanation_en and f"{line.staff} staff" in line.explanation_en
        give = TOWN_GIVE_ZH.search(line.explanation)
        if give is None:
            continue
        g = _ints(give)
        assert g["x"] == line.approved - line.required
        if "v" in g:
            assert g["v"] == line.approved - line.staff == g["c"]
        if "g" in g:
            assert g["g"] == line.approved - line.proposed <= g["c"] and g["q"] == line.proposed
