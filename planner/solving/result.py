"""The optimizer's plan written as a Proposal (planner.domain.proposal), with its diagnosis."""

from __future__ import annotations

from datetime import datetime

from optimizer.pipeline import CountyPlan
from optimizer.words import LEVEL_EN, LEVEL_ZH, kind_en, kind_zh
from planner.domain.county import KINDS, CountyData
from planner.domain.options import SolveOptions
from planner.domain.proposal import (DesignSummary, KindTotals, Level, MarginalValue, Move, Proposal, RosterPost,
                                     SolverFigures, TownshipLine)
from planner.domain.proposal_parts import rounded
from planner.domain.workload import available_hours, post_capacity_hours


def generated_at() -> str:
    """When a proposal is made: local time to the second, ISO format."""
    return datetime.now().replace(microsecond=0).isoformat()


def build_proposal(county: CountyData, options: SolveOptions, plan: CountyPlan, *, scenario: str,
                   fingerprint: str, stage_seconds: dict[str, float], seconds: float) -> Proposal:
    params = county.params
    inputs = plan.inputs

    lines: list[TownshipLine] = []
    totals: dict[str, KindTotals] = {}
    for kind in KINDS:
        data = inputs[kind]
        kplan = plan.kinds[kind]
        of_kind = []
        for t in data.townships:
            zh, en = plan.reasons[(t.township, kind)]
            of_kind.append(TownshipLine(
                township=t.township, kind=kind, approved=t.approved, staff=t.staff, leadership=t.leadership,
                required_fte=round(t.required_fte, 2), required=t.required, proposed=kplan.quota[t.township],
                locked=t.locked, band_min=t.band_min, band_max=t.band_max, explanation=zh, explanation_en=en,
                workload_fte=t.required_fte))
        lines += of_kind
        totals[kind] = KindTotals(
            kind, tuple(of_kind), reserve_asked=data.reserve, total_limit=kplan.total_limit, status=kplan.status,
            levels=tuple(Level(lv.name, round(lv.value, 4), lv.proven_optimal, rounded(lv.bound, 4),
                               rounded(lv.gap, 6)) for lv in kplan.levels),
            balance_ratio=rounded(kplan.target_ratio, 4), fewest_lines=kplan.fewest_lines)

    roster = []
    designs = []
    for d in plan.designs:
        for post in d.posts:
            roster.append(RosterPost(d.township, d.kind, post.name, tuple(post.a), tuple(post.b),
                                     load_hours=round(post.load_hours, 1), a_hours=round(post.a_hours, 1),
                                     b_load_hours=round(post.b_load_hours, 1),
                                     capacity_hours=round(post.capacity_hours, 1)))
        designs.append(DesignSummary(d.township, d.kind, d.n_posts, lower_bound=d.lower_bound,
                                     proven_minimal=d.proven_minimal, leadership=d.leadership,
                                     required=d.required, duty_hours=round(d.duty_hours, 1), method=d.method,
                                     bound_rule=d.bound_rule, bound_reason=d.bound_zh, bound_reason_en=d.bound_en,
                                     part_hours={k: round(v, 4) for k, v in d.part_hours.items()}))

    moves = tuple(Move(m.giver, m.receiver, m.kind, m.count, m.reason, m.reason_en) for m in plan.moves)
    marginal = tuple(MarginalValue(m.kind, m.uncovered_reduction, m.township, m.zh, m.en) for m in plan.marginal)
    diagnosis, diagnosis_en = _diagnosis(plan, totals)

    gaps = [lv.gap for k in plan.kinds.values() for lv in k.levels if lv.gap is not None]
    stage = {key: round(stage_seconds.get(key, 0.0), 4)
             for key in ("load", "requirement", "ab_design", "reallocation", "moves")}
    n_designs = len(plan.designs)
    solver = SolverFigures(
        name=plan.solver[0], version=plan.solver[1], seconds=round(seconds, 3),
        gap=round(max(gaps), 6) if gaps else 0.0, proven_optimal=plan.proven_optimal, stage_seconds=stage,
        model_seconds={name: t.as_dict() for name, t in plan.lp_times.items()},
        ab_design_seconds_summed=round(sum(d.seconds for d in plan.designs), 4),
        ab_designs_proven_minimal=(sum(d.proven_minimal for d in plan.designs) / n_designs
                                   if n_designs else 1.0))
    return Proposal(
        status=plan.status, scenario=scenario, fingerprint=fingerprint, county=county.name,
        generated_at=generated_at(),
        parameters={**params.as_dict(), "available_hours": round(available_hours(params), 2),
                    "capacity_hours": round(post_capacity_hours(params), 2)},
        # Only what shapes the proposal (not how hard it was solved): what its JSON keeps.
        options=SolveOptions.from_dict(options.as_dict()), solver=solver, totals=totals, lines=tuple(lines),
        moves=moves, roster=tuple(roster), designs=tuple(designs), marginal=marginal, diagnosis=tuple(diagnosis),
        diagnosis_en=tuple(diagnosis_en))


def _kept_back(kind: str, t: KindTotals) -> tuple[str, str]:
    """Why the county total of a kind is smaller after: the reserve asked and the cut, in slots."""
    if t.reserve <= 0:
        return "", ""
    parts_zh, parts_en = [], []
    if t.reserve_asked:
        parts_zh.append(f"情景要求县里预留 {t.reserve_asked} 名")
        parts_en.append(f"the scenario keeps {t.reserve_asked} back for the county")
    cut = t.before - t.reserve_asked - t.total_limit if t.total_limit is not None else 0
    if cut > 0:
        parts_zh.append(f"总量压减 {cut} 名")
        parts_en.append(f"the total is cut by {cut}")
    why_zh = f"（{'、'.join(parts_zh)}）" if parts_zh else ""
    why_en = f" ({'; '.join(parts_en)})" if parts_en else ""
    return (f"{kind_zh(kind)}编制调剂前 {t.before} 名、调剂后 {t.after} 名，县里收回 {t.reserve} 名，"
            f"列入“县级预留”{why_zh}。",
            f"{kind_en(kind)} quota: {t.before} before and {t.after} after; the county takes back {t.reserve}, "
            f"shown as the county reserve{why_en}.")


def _diagnosis(plan: CountyPlan, totals: dict[str, KindTotals]) -> tuple[list[str], list[str]]:
    zh: list[str] = []
    en: list[str] = []
    for kind in KINDS:
        kplan = plan.kinds[kind]
        for c in kplan.conflicts:
            zh.append(c.zh)
            en.append(c.en)
    for kind in KINDS:
        kplan = plan.kinds[kind]
        if kplan.status == "infeasible":
            continue
        for t in totals[kind].lines:
            if t.over_quota and not t.locked:
                zh.append(f"{t.township}{kind_zh(kind)}编制超编 {t.over_quota} 名（实有人数 {t.staff} 名、"
                          f"核定编制 {t.approved} 名），按“人员不减”调剂后为 {t.proposed} 名。")
                en.append(f"{t.township} is {t.over_quota} over its {kind_en(kind)} quota "
                          f"({t.staff} staff, {t.approved} approved); nobody is dismissed, so it gets "
                          f"{t.proposed}.")
        zh_kept, en_kept = _kept_back(kind, totals[kind])
        if zh_kept:
            zh.append(zh_kept)
            en.append(en_kept)
        left = totals[kind].uncovered_after
        if left:
            m = next(m for m in plan.marginal if m.kind == kind)
            zh.append(f"{kind_zh(kind)}编制调剂后仍有 {left} 名工作量需要未覆盖。{m.zh}")
            en.append(f"{left} {kind_en(kind)} posts of workload need remain uncovered after the "
                      f"proposal. {m.en}")
        for lv in kplan.levels:
            if not lv.proven_optimal:
                zh.append(f"{kind_zh(kind)}编制调剂第“{LEVEL_ZH[lv.name]}”级未在时限内证明最优（差距 {lv.gap or 0:.2%}）。")
                en.append(f"{kind_en(kind)} reallocation: level '{LEVEL_EN[lv.name]}' was not proven optimal within "
                          f"the time limit (gap {lv.gap or 0:.2%}).")
    for d in plan.designs:
        if not d.proven_minimal:
            zh.append(f"{d.township}{kind_zh(d.kind)}AB岗设计为 {d.n_posts} 岗，未在时限内证明最少"
                      f"（下界 {d.lower_bound} 岗）。")
            en.append(f"{d.township} {kind_en(d.kind)} A/B design uses {d.n_posts} posts, not proven "
                      f"minimal within the time limit (lower bound {d.lower_bound}).")
    return zh, en
