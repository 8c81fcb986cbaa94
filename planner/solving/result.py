"""The optimizer's plan written as the result dict of interfaces.md (and the team's extra keys)."""

from __future__ import annotations

from optimizer.pipeline import CountyPlan
from optimizer.words import LEVEL_EN, LEVEL_ZH, kind_en, kind_zh
from planner.domain.county import KINDS, CountyData
from planner.domain.workload import available_hours, post_capacity_hours, pressure


def _round(x: float | None, digits: int = 3) -> float | None:
    return None if x is None else round(float(x), digits)


def build_result(county: CountyData, options, plan: CountyPlan, *, scenario: str, fingerprint: str,
                 stage_seconds: dict[str, float], seconds: float) -> dict:
    from planner.solving.solve import generated_at

    params = county.params
    inputs = plan.inputs
    designs = {(d.township, d.kind): d for d in plan.designs}

    townships = []
    totals = {}
    for kind in KINDS:
        data = inputs[kind]
        kplan = plan.kinds[kind]
        for t in data.townships:
            proposed = kplan.quota[t.township]
            zh, en = plan.reasons[(t.township, kind)]
            townships.append({
                "township": t.township, "kind": kind, "approved": t.approved, "staff": t.staff,
                "leadership": t.leadership, "required_fte": round(t.required_fte, 2),
                "required": t.required, "proposed": proposed, "change": proposed - t.approved,
                "vacancy": max(0, t.approved - t.staff), "over_quota": max(0, t.staff - t.approved),
                "locked": t.locked, "band_min": t.band_min, "band_max": t.band_max,
                "pressure_before": _round(pressure(t.staff, t.required_fte)),
                "pressure_after": _round(pressure(proposed, t.required_fte)),
                "explanation": zh, "explanation_en": en,
            })
        before = data.total_before
        after = sum(kplan.quota.values())
        totals[kind] = {
            "before": before, "after": after,
            "uncovered_before": sum(max(0, t.required - t.approved) for t in data.townships),
            "uncovered_after": sum(max(0, t.required - kplan.quota[t.township]) for t in data.townships),
            "moved": sum(max(0, t.approved - kplan.quota[t.township]) for t in data.townships),
            "townships_touched": sum(1 for t in data.townships if kplan.quota[t.township] != t.approved),
            "reserve": before - after,
            "reserve_asked": data.reserve, "total_limit": kplan.total_limit,
            "status": kplan.status,
            "levels": [{"name": lv.name, "value": round(lv.value, 4), "proven_optimal": lv.proven_optimal,
                        "bound": _round(lv.bound, 4), "gap": _round(lv.gap, 6)} for lv in kplan.levels],
            "balance_ratio": _round(kplan.target_ratio, 4),
        }

    roster = []
    ab_designs = []
    for d in plan.designs:
        for post in d.posts:
            roster.append({"township": d.township, "kind": d.kind, "post": post.name, "a": post.a,
                           "b": post.b, "load_hours": round(post.load_hours, 1),
                           "a_hours": round(post.a_hours, 1), "b_load_hours": round(post.b_load_hours, 1),
                           "capacity_hours": round(post.capacity_hours, 1)})
        ab_designs.append({"township": d.township, "kind": d.kind, "posts": d.n_posts,
                           "lower_bound": d.lower_bound, "proven_minimal": d.proven_minimal,
                           "leadership": d.leadership, "required": d.required,
                           "duty_hours": round(d.duty_hours, 1), "method": d.method,
                           "bound_rule": d.bound_rule, "bound_reason": d.bound_zh,
                           "bound_reason_en": d.bound_en,
                           "part_hours": {k: round(v, 4) for k, v in d.part_hours.items()}})

    moves = [{"from": m.giver, "to": m.receiver, "kind": m.kind, "count": m.count, "reason": m.reason,
              "reason_en": m.reason_en} for m in plan.moves]
    marginal = [{"kind": m.kind, "uncovered_reduction": m.uncovered_reduction, "township": m.township,
                 "explanation": m.zh, "explanation_en": m.en} for m in plan.marginal]
    diagnosis, diagnosis_en = _diagnosis(plan, designs)

    gaps = [lv.gap for k in plan.kinds.values() for lv in k.levels if lv.gap is not None]
    stage = {key: round(stage_seconds.get(key, 0.0), 4)
             for key in ("load", "requirement", "ab_design", "reallocation", "moves")}
    n_designs = len(plan.designs)
    return {
        "status": plan.status,
        "scenario": scenario,
        "fingerprint": fingerprint,
        "county": county.name,
        "generated_at": generated_at(),
        "parameters": {**{k: v for k, v in params.as_dict().items()},
                       "available_hours": round(available_hours(params), 2),
                       "capacity_hours": round(post_capacity_hours(params), 2)},
        "options": options.as_dict(),
        "solver": {"name": plan.solver[0], "version": plan.solver[1], "seconds": round(seconds, 3),
                   "gap": round(max(gaps), 6) if gaps else 0.0, "proven_optimal": plan.proven_optimal,
                   "stage_seconds": stage,
                   "model_seconds": {name: t.as_dict() for name, t in plan.lp_times.items()},
                   "ab_design_seconds_summed": round(sum(d.seconds for d in plan.designs), 4),
                   "ab_designs_proven_minimal": (sum(d.proven_minimal for d in plan.designs) / n_designs
                                                 if n_designs else 1.0)},
        "kind_status": {kind: plan.kinds[kind].status for kind in KINDS},
        "totals": totals,
        "townships": townships,
        "moves": moves,
        "ab_roster": roster,
        "ab_designs": ab_designs,
        "marginal": marginal,
        "diagnosis": diagnosis,
        "diagnosis_en": diagnosis_en,
    }


def _diagnosis(plan: CountyPlan, designs: dict) -> tuple[list[str], list[str]]:
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
        data = plan.inputs[kind]
        for t in data.townships:
            if t.staff > t.approved and not t.locked:
                zh.append(f"{t.township}{kind_zh(kind)}编制超编 {t.staff - t.approved} 名（实有 {t.staff} 人、"
                          f"核定 {t.approved} 名），按“人员不减”调剂后为 {kplan.quota[t.township]} 名。")
                en.append(f"{t.township} is {t.staff - t.approved} over its {kind_en(kind)} quota "
                          f"({t.staff} staff, {t.approved} approved); nobody is dismissed, so it gets "
                          f"{kplan.quota[t.township]}.")
        left = sum(max(0, t.required - kplan.quota[t.township]) for t in data.townships)
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
