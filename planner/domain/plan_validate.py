"""Checks a multi-year Plan against every hard rule in every year, from the ledger alone.

Each year is checked as a one-year proposal by planner.domain.validate: the
quota in force the year before is its "approved", the staff on 1 January not
held on pool slots is its "staff", the year's quota is its "proposed" and the
year's moves its moves (whole, within a kind, adding up to each change, locks,
leadership, bands, totals never growing from the year before; the first year
also within today's total less the reserve and any cut). On top of that, what
only a plan has: its staff, leavers, hires and pool figures are recounted from
the ledger (planner.domain.plan_time), and every loan keeps the pool's rules.
An empty list means the plan is valid.
"""

from __future__ import annotations

from dataclasses import replace

from optimizer.words import kind_zh
from planner.domain.county import CountyData, QuotaData, TownshipData
from planner.domain.months import Month
from planner.domain.options import SolveOptions
from planner.domain.plan import Plan
from planner.domain.plan_time import LineTime, schedule
from planner.domain.proposal import Move, Proposal, TownshipLine
from planner.domain.validate import _moves, _quota_rules


def validate_plan(county: CountyData, options: SolveOptions, plan: Plan,
                  times: dict[tuple[str, str], LineTime]) -> list[str]:
    problems: list[str] = []
    if plan.status not in ("optimal", "feasible", "infeasible"):
        problems.append(f"规划状态“{plan.status}”无效 (status {plan.status!r} is not optimal/feasible/infeasible)")
    if plan.status == "infeasible" and not plan.diagnosis:
        problems.append("规则无法同时满足时必须给出诊断 (an infeasible plan must carry a diagnosis)")
    years = list(plan.years)
    if years != list(range(years[0], years[0] + len(years))) if years else True:
        problems.append(f"规划年度 {years} 不连续 (the plan's years are not consecutive)")
        return problems
    live = {kind for kind in plan.kinds_present()
            if plan.status != "infeasible" or not _unchanged(plan, kind)}
    problems += _recount(plan, times)
    problems += _loans(county, plan, times, live)
    for index, year in enumerate(years):
        problems += [f"{year}年：{p}" for p in _year(county, options, plan, index, live)]
    return problems


def _unchanged(plan: Plan, kind: str) -> bool:
    return all(line.quota == line.approved for line in plan.lines_of(kind)) and not any(
        loan.new for loan in plan.loans if loan.kind == kind)


def _year(county: CountyData, options: SolveOptions, plan: Plan, index: int, live: set[str]) -> list[str]:
    """Year `index` as a one-year proposal against the quota of the year before."""
    year = plan.years[index]
    rows = {(ln.township, ln.kind): ln for ln in plan.lines_of(year=year)}
    before = {(ln.township, ln.kind): ln.quota for ln in plan.lines_of(year=year - 1)} if index else {}
    by_township: dict[str, list] = {}
    for (name, kind), row in rows.items():
        by_township.setdefault(name, []).append((kind, row))
    townships, lines = [], []
    for t in county.townships:
        quotas = {}
        for kind, row in by_township.get(t.name, []):
            prev = before.get((t.name, kind), t.quota(kind).approved)
            held_by_people = max(0, row.staff_start - row.pool)
            quotas[kind] = QuotaData(kind, prev, held_by_people, t.quota(kind).leadership)
            lines.append(TownshipLine(t.name, kind, prev, held_by_people, row.leadership, 0.0,
                                      row.required, row.quota, row.locked))
        townships.append(TownshipData(t.name, t.type, t.category, locked=t.locked, quotas=quotas,
                                      offices=t.offices, duties=t.duties))
    year_county = CountyData(county.name, county.params, county.time, townships)
    # Only the first year keeps the reserve back from today's total; later years may not exceed
    # the year before (which already kept it), and a cut is a ceiling in every year.
    year_options = options if index == 0 else replace(options, reserve={})
    moves = tuple(Move(m.giver, m.receiver, m.kind, m.count, m.reason, m.reason_en) for m in plan.moves_of(year))
    proposal = Proposal(plan.status, plan.scenario, plan.fingerprint, lines=tuple(lines), moves=moves,
                        diagnosis=plan.diagnosis)
    return _quota_rules(year_county, year_options, proposal, live) + _moves(proposal, live)


def _recount(plan: Plan, times: dict[tuple[str, str], LineTime]) -> list[str]:
    """Staff, leavers, hires and pool slots of every line are those the ledger gives."""
    problems = []
    years = list(plan.years)
    loans_of: dict[tuple[str, str], list] = {}
    for loan in plan.loans:
        loans_of.setdefault((loan.township, loan.kind), []).append(loan)
    seen = set()
    for line in plan.lines:
        key = (line.township, line.kind)
        lt = times.get(key)
        where = f"{line.year}年{line.township}{kind_zh(line.kind)}编制"
        if lt is None:
            problems.append(f"{where}不在台账中 ({line.township} {line.kind}: not in the ledger)")
            continue
        i = line.year - years[0]
        seen.add((key, line.year))
        if (line.staff_start, line.leavers, line.hires) != (lt.staff_start[i], lt.leavers[i], lt.hires[i]):
            problems.append(f"{where}：年初实有、离岗、进人 {line.staff_start}/{line.leavers}/{line.hires} 与台账测算 "
                            f"{lt.staff_start[i]}/{lt.leavers[i]}/{lt.hires[i]} 不符 (staff figures differ)")
        held = sum(loan.outstanding_at(Month(line.year, 1)) for loan in loans_of.get(key, []))
        if line.pool != held:
            problems.append(f"{where}：周转池 {line.pool} 名与借用余额 {held} 名不符 "
                            f"(pool slots {line.pool} differ from the loans' balance {held})")
        if line.quota < 0 or line.pool < 0:
            problems.append(f"{where}：编制或周转池为负数 (negative quota or pool)")
    for key in times:
        for year in years:
            if (key, year) not in seen:
                problems.append(f"{year}年{key[0]}{kind_zh(key[1])}编制不在规划中 (missing from the plan)")
    return problems


def _loans(county: CountyData, plan: Plan, times: dict[tuple[str, str], LineTime], live: set[str]) -> list[str]:
    """Term, size, returns and borrower of every new loan; the pool never lends more than it holds."""
    problems = []
    term = county.time.pool_term_years
    new_per_line: dict[tuple[str, str], int] = {}
    for loan in plan.loans:
        key = (loan.township, loan.kind)
        where = f"{loan.township}{kind_zh(loan.kind)}周转池借用（{loan.start}）"
        returned = sum(r.count for r in loan.returns) + loan.returned_before
        if returned != loan.count:
            problems.append(f"{where}：归还合计 {returned} 名不等于借用 {loan.count} 名 "
                            f"(returns add up to {returned}, not the {loan.count} lent)")
        if any(r.month > loan.due for r in loan.returns):
            problems.append(f"{where}：归还晚于到期 {loan.due} (a return after the due month)")
        if not loan.new:
            continue
        if loan.kind not in live:
            problems.append(f"{where}：规则冲突时不应新借 (a new loan although the rules conflict)")
        new_per_line[key] = new_per_line.get(key, 0) + 1
        start, due = Month.parse(loan.start), Month.parse(loan.due)
        if not 0 < due.minus(start) <= 12 * term:
            problems.append(f"{where}：期限 {due.minus(start)} 个月，超过周转期限 {term} 年 "
                            f"(a term of {due.minus(start)} months exceeds {term} years)")
        lt = times.get(key)
        if lt is None:
            problems.append(f"{where}：借用乡镇不在台账中 (the borrower is not in the ledger)")
            continue
        leavers = sum(1 for m in lt.free_months if start <= m < due)
        if loan.count > leavers or loan.count < 1:
            problems.append(f"{where}：借用 {loan.count} 名超过期内预计离岗 {leavers} 人 "
                            f"(lends {loan.count}, more than the {leavers} expected to leave in the term)")
        expected, _ = schedule(loan.count, 0, start, due, lt.free_months)
        if tuple(expected) != loan.returns:
            problems.append(f"{where}：归还安排与人员离岗不符 (the returns do not follow the borrower's leavers)")
        line = plan.line(loan.township, loan.kind, start.year)
        if line is None:
            problems.append(f"{where}：起始年不在规划年度内 (starts outside the plan's years)")
        else:
            i = start.year - plan.years[0]
            room = line.staff_start + lt.later_hires[i]
            if line.quota > room:
                problems.append(f"{where}：当年编制 {line.quota} 名高于实有 {line.staff_start} 人与已计划进人，"
                                f"尚有可用编制，不得借用 (the borrower has usable vacancy)")
    for key, count in new_per_line.items():
        if count > 1:
            problems.append(f"{key[0]}{kind_zh(key[1])}：规划新借周转池 {count} 次，每个乡镇至多 1 次 "
                            f"(more than one new loan)")
    for kind, rows in plan.totals().items():
        pool = county.time.pool(kind)
        for row in rows:
            if row.pool_lent > pool and any(ln.new for ln in plan.loans if ln.kind == kind):
                problems.append(f"{row.year}年{kind_zh(kind)}周转池借出 {row.pool_lent} 名，超过县级周转池 {pool} 名 "
                                f"(lent {row.pool_lent}, more than the pool of {pool})")
    return problems
