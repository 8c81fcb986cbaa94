"""The standing checks of a database: read, replaced (logged, undoable), and checked against the ledger.

The library is plain data (planner.domain.rules); here it meets the `standing_rule` table. The
window's rules dialog pushes an undoable step whose do and undo both call `replace_rules` inside
their own transaction; the ledger's warning markers and the assessment call `ledger_warnings`.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from planner.domain.county import OfficeData, QuotaData, TownshipData
from planner.domain.rules import RuleWarning, RulesLibrary, township_warnings
from planner.store.audit import record
from planner.store.models import Office, Quota, StandingRule, Township


def rules_in(session: Session) -> RulesLibrary:
    rows = session.execute(select(StandingRule.rule, StandingRule.category, StandingRule.kind, StandingRule.low,
                                  StandingRule.high).order_by(StandingRule.id))
    return RulesLibrary.from_rows(tuple(r) for r in rows)


def load_rules(db) -> RulesLibrary:
    """The library on record (an empty one checks nothing)."""
    with db.session() as session:
        return rules_in(session)


def _key(row) -> str:
    rule, category, kind = row[:3]
    return "/".join(part for part in (rule, category, kind) if part)


def _range_text(row) -> str:
    return f"{'' if row[3] is None else row[3]}–{'' if row[4] is None else row[4]}"


def replace_rules(session: Session, rules: RulesLibrary, user: str | None = None) -> RulesLibrary:
    """Put `rules` on record in the caller's transaction; returns the library it replaced.

    Each rule added, changed or removed gets one audit entry (action edit_rules), so the log says
    who moved which standard from what to what. RulesError, with nothing written, for a rule
    that makes no sense.
    """
    rules.checked()
    before = rules_in(session)
    old = {_key(r): r for r in before.rows()}
    new = {_key(r): r for r in rules.rows()}
    for key in sorted(old.keys() | new.keys()):
        was, now = old.get(key), new.get(key)
        if was is not None and now is not None and was[3:] == now[3:]:
            continue
        record(session, "edit_rules", "rules", key, "range",
               None if was is None else _range_text(was), None if now is None else _range_text(now), user=user)
    session.execute(delete(StandingRule))
    session.add_all(StandingRule(rule=r[0], category=r[1], kind=r[2], low=r[3], high=r[4]) for r in rules.rows())
    session.flush()
    return before


def save_rules(db, rules: RulesLibrary, user: str | None = None) -> RulesLibrary:
    """replace_rules in a transaction of its own; returns the library replaced."""
    with db.session() as session:
        return replace_rules(session, rules, user)


def warnings_in(session: Session, rules: RulesLibrary | None = None) -> dict[str, list[RuleWarning]]:
    """township name -> the rules it is outside of (townships within every rule are left out).

    Reads only what the checks need (category, quota lines, office counts), so the ledger's
    markers stay quick on a province-sized ledger.
    """
    rules = rules if rules is not None else rules_in(session)
    if not rules.rows():
        return {}
    townships = {tid: TownshipData(name, category=category) for tid, name, category in
                 session.execute(select(Township.id, Township.name, Township.category))}
    for q in session.execute(select(Quota.township_id, Quota.kind, Quota.approved, Quota.staff, Quota.leadership)):
        townships[q.township_id].quotas[q.kind] = QuotaData(q.kind, q.approved, q.staff, q.leadership)
    counts: dict[int, list[OfficeData]] = defaultdict(list)
    for tid, kind, n in session.execute(select(Office.township_id, Office.kind, func.count())
                                        .group_by(Office.township_id, Office.kind)):
        counts[tid] += [OfficeData(f"{kind}{i}", kind) for i in range(n)]
    found = {}
    for tid, township in townships.items():
        township.offices = counts.get(tid, [])
        warnings = township_warnings(township, rules)
        if warnings:
            found[township.name] = warnings
    return found


def ledger_warnings(db) -> dict[str, list[RuleWarning]]:
    with db.session() as session:
        return warnings_in(session)
