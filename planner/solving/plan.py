"""The bridge between the ledger and the multi-year model: counties per year in, validated Plan out.

solve_plan takes the county as it stands in each plan year (the same county
every year, or one per year when a scenario's workload grows year by year),
counts staff, leavers, hires and existing loans per year (plan_inputs), designs
the A/B posts of each distinct workload once (optimizer.ab_batch, as the
one-year solve does), runs optimizer.multi_year per kind, puts the result in
words and checks every year against the hard rules (planner.domain.plan_validate)
before anyone sees it.
"""

from __future__ import annotations

import time
from datetime import datetime
from typing import Callable

from optimizer import lp
from optimizer.ab_batch import Cancelled as OptimizerCancelled
from optimizer.ab_batch import design_all
from optimizer.multi_year import KindYears, TownshipYears, diagnose, plan_years
from optimizer.multi_year_explain import waiting_notes, year_moves
from optimizer.words import bilingual
from planner.collector import fewer_collections
from planner.domain.county import KINDS, CountyData
from planner.domain.forecast import forecast
from planner.domain.months import Month
from planner.domain.options import SolveOptions
from planner.domain.plan import Baseline, Plan, PlanLine, PlanMove, PlanNote
from planner.domain.plan_validate import validate_plan
from planner.errors import Cancelled, PlannerError
from planner.solving.faults import solver_failed
from planner.domain.plan_time import line_times, new_loan, plan_fingerprint
from planner.solving.solve import BASELINE, build_problem


class PlanInvalid(PlannerError, RuntimeError):
    """The model produced a plan that breaks a hard rule (a bug, never shown as a plan)."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("规划违反刚性规则 (the plan breaks a hard rule): " + "；".join(problems[:5]))
        self.problems = problems


def effective_date(year: int, first: int, as_of: Month) -> str:
    """A year's changes take effect on 1 January; the first year's not before the plan's month."""
    if year == first and Month(year, 1) < as_of:
        return f"{as_of.year:04d}-{as_of.month:02d}-01"
    return f"{year:04d}-01-01"


def _requirements(counties: list[CountyData], options: SolveOptions, deadline: float | None, prefer: str,
                  progress, cancel) -> tuple[list, dict]:
    """The one-year problem's lines of each year's county and (township, kind, year index) -> need."""
    problems = [build_problem(c, options)[0] for c in counties]
    unique = list(dict.fromkeys(d for p in problems for d in p.designs))
    designs = design_all(unique, max_nodes=options.design_max_nodes, splits=options.design_splits,
                         deadline=deadline, prefer=prefer, workers=options.workers,
                         progress=progress, cancel=cancel)
    need_of = {d_in: d.required for d_in, d in zip(unique, designs)}
    required = {}
    for index, p in enumerate(problems):
        by_line = {(d.township, d.kind): d for d in p.designs}
        for line in p.lines:
            design = by_line.get((line.township, line.kind))
            required[(line.township, line.kind, index)] = need_of[design] if design else line.leadership
    return problems, required


@fewer_collections()
def solve_plan(counties: list[CountyData], options: SolveOptions | None = None, *, years: list[int],
               as_of: Month, scenario: str = BASELINE, growth: list[str] | None = None,
               progress: Callable[[float, str], None] | None = None,
               cancel: Callable[[], bool] | None = None) -> Plan:
    """The plan of `years` for the county (counties[i]: the county in year i; one for all years).

    Raises Cancelled, PlanInvalid, SolverFailed or ParameterError.
    """
    options = options or SolveOptions()
    started = time.time()
    deadline = started + float(options.time_limit) if options.time_limit else None
    prefer = "cbc" if options.solver == "cbc" else "auto"
    county = counties[0]
    n, term = len(years), county.time.pool_term_years

    def say(fraction: float, message: str) -> None:
        if progress is not None:
            progress(min(1.0, max(0.0, fraction)), message)

    def check() -> None:
        if cancel is not None and cancel():
            raise Cancelled()

    check()
    say(0.0, bilingual("人员离岗与进人测算", "leavers and hires"))
    fc = forecast(county, as_of, n, first_year=years[0])
    times = line_times(county, fc, years, term)
    try:
        problems, required = _requirements(counties, options, deadline, prefer,
                                           lambda f, m: say(0.05 + 0.6 * f, m), cancel)
        check()
        first = problems[0]
        fte = [{(line.township, line.kind): line.required_fte for line in p.lines} for p in problems]
        kinds_data, results = {}, {}
        for index, kind in enumerate(KINDS):
            say(0.7 + 0.08 * index, bilingual(f"多年度规划：{kind_word(kind)}", f"multi-year plan: {kind}"))
            rows = []
            for line in first.lines:
                if line.kind != kind:
                    continue
                lt = times[(line.township, kind)]
                rows.append(TownshipYears(
                    township=line.township, approved=line.approved, staff=tuple(lt.staff_start),
                    required=tuple(required[(line.township, kind, min(y, len(problems) - 1))] for y in range(n)),
                    required_fte=tuple(fte[min(y, len(problems) - 1)][(line.township, kind)] for y in range(n)),
                    existing_pool=tuple(lt.existing_pool(years)), free_leavers=tuple(lt.free_leavers),
                    later_hires=tuple(lt.later_hires), leavers=tuple(lt.leavers), leadership=line.leadership,
                    locked=line.locked, band_min=line.band_min, band_max=line.band_max))
            before = sum(r.approved for r in rows)
            limit = before - int(options.reserve.get(kind, 0) or 0)
            if options.total_cap.get(kind) is not None:
                limit = min(limit, int(options.total_cap[kind]))
            data = KindYears(kind, n, tuple(rows), limit, county.time.pool(kind), term)
            kinds_data[kind] = data
            results[kind] = plan_years(data, deadline=deadline, prefer=prefer)
            check()
    except OptimizerCancelled:
        raise Cancelled() from None
    except Cancelled:
        raise
    except PlannerError:
        raise
    except Exception as exc:  # missing, out of time or crashed solver: one clear error, nothing produced
        raise solver_failed(exc, options.time_limit, time.time() - started) from exc

    say(0.95, bilingual("调剂明细与说明", "moves and reasons"))
    plan = _build(county, options, years, as_of, scenario, times, kinds_data, results, growth, started)
    problems_found = validate_plan(county, options, plan, times)
    if problems_found:
        raise PlanInvalid(problems_found)
    say(1.0, bilingual("完成", "done"))
    return plan


def kind_word(kind: str) -> str:
    from optimizer.words import kind_zh

    return kind_zh(kind)


def _build(county, options, years, as_of, scenario, times, kinds_data, results, growth, started) -> Plan:
    n = len(years)
    lines, moves, loans, notes, diagnosis, diagnosis_en = [], [], [], [], [], []
    statuses, levels = [], {}
    for kind, data in kinds_data.items():
        result = results[kind]
        statuses.append(result.status)
        for name, value in result.levels.items():
            levels[name] = levels.get(name, 0.0) + value
        for t in data.townships:
            for y in range(n):
                lines.append(PlanLine(t.township, kind, years[y], t.staff[y], t.leavers[y],
                                      times[(t.township, kind)].hires[y], result.quota[t.township][y],
                                      result.pool[t.township][y], t.required[y], t.leadership, t.locked,
                                      t.approved))
            loans.extend(times[(t.township, kind)].existing)
        for loan in result.loans:
            lt = times[(loan.township, kind)]
            loans.append(new_loan(loan.township, kind, loan.slots, Month(years[loan.year], 1), data.term,
                                  lt.free_months))
        for m in year_moves(data, result, years):
            moves.append(PlanMove(years[m.year], effective_date(years[m.year], years[0], as_of), m.giver,
                                  m.receiver, kind, m.count, m.zh, m.en))
        for township, zh, en in waiting_notes(data, result, years):
            notes.append(PlanNote(township, kind, zh, en))
        if result.status == lp.INFEASIBLE:
            for zh, en in diagnose(data, years):
                diagnosis.append(zh)
                diagnosis_en.append(en)
    order = {t.name: i for i, t in enumerate(county.townships)}
    lines.sort(key=lambda ln: (KINDS.index(ln.kind), order.get(ln.township, 0), ln.year))
    moves.sort(key=lambda m: (m.year, KINDS.index(m.kind)))
    loans.sort(key=lambda ln: (ln.new, ln.start, order.get(ln.township, 0), KINDS.index(ln.kind)))
    status = (lp.INFEASIBLE if lp.INFEASIBLE in statuses else lp.FEASIBLE if lp.FEASIBLE in statuses
              else lp.OPTIMAL)
    baseline = {kind: Baseline(sum(t.approved for t in data.townships), county.time.pool(kind))
                for kind, data in kinds_data.items() if data.townships or county.time.pool(kind)}
    solver = next((r.solver for r in results.values() if r.solver), lp.solver_identity()[0])
    return Plan(status=status, scenario=scenario,
                fingerprint=plan_fingerprint(county, options, list(years), as_of, growth),
                years=tuple(years), county=county.name, generated_at=datetime.now().isoformat(timespec="seconds"),
                as_of=str(as_of), pool_term_years=county.time.pool_term_years, lines=tuple(lines),
                moves=tuple(moves), loans=tuple(loans), baseline=baseline, notes=tuple(notes),
                diagnosis=tuple(diagnosis), diagnosis_en=tuple(diagnosis_en), solver=solver,
                seconds=round(time.time() - started, 3), levels=levels)
