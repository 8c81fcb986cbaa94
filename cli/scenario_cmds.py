"""`scenarios`: list the saved what-if scenarios.

One line per scenario: the name, a tab, then its changes, its last result and
whether that result is stale, each in its own tab-separated field so scripts
can `cut` them.
"""

from __future__ import annotations

import argparse
import sys

from cli.common import add_db_argument, open_db_or_exit
from planner.domain.proposal import Proposal
from planner.domain.vocabulary import status_label
from planner.scenarios.store import describe_change, list_scenarios, scenario_states

STATE_TEXT = {
    "zh": {"unsolved": "未计算", "current": "结果最新", "stale": "结果已过期（输入已变，需重算）",
           "invalid": "无法构建（与当前台账不符）"},
    "en": {"unsolved": "not solved", "current": "up to date", "stale": "stale (inputs changed; recompute)",
           "invalid": "cannot be built on the current ledger"},
}


def register(subparsers) -> None:
    parser = subparsers.add_parser("scenarios", help="列出已保存的情景 (list the saved scenarios)")
    add_db_argument(parser)
    parser.set_defaults(func=run_scenarios)


def result_text(proposal: Proposal | None, lang: str) -> str:
    """Status, uncovered need before → after and the number of moves of a stored proposal."""
    if proposal is None:
        return "无结果" if lang == "zh" else "no result"
    before, after = proposal.uncovered_before, proposal.uncovered_after
    moves = len(proposal.moves)
    status = status_label(proposal.status, lang) if proposal.status else "?"
    if lang == "zh":
        return f"上次结果：{status}，未覆盖需求 {before}→{after}，调剂 {moves} 笔"
    return f"last result: {status}, uncovered need {before}→{after}, {moves} moves"


def scenario_lines(session, lang: str = "zh") -> list[str]:
    lines = []
    records = list_scenarios(session)
    states = scenario_states(session, records)
    for record in records:
        changes = ("；" if lang == "zh" else "; ").join(describe_change(c, lang) for c in record.changes)
        changes = changes or ("（无变动）" if lang == "zh" else "(no changes)")
        state = states[record.name]
        lines.append("\t".join([record.name, changes, result_text(record.last_result, lang),
                                STATE_TEXT[lang][state]]))
    return lines


def run_scenarios(args: argparse.Namespace) -> int:
    lang = "en" if getattr(args, "lang", None) == "en" else "zh"
    db = open_db_or_exit(args)
    try:
        with db.session() as session:
            lines = scenario_lines(session, lang)
    finally:
        db.close()
    if not lines:
        print("没有已保存的情景 (no saved scenarios)", file=sys.stderr)
    for line in lines:
        sys.stdout.write(line + "\n")
    return 0
