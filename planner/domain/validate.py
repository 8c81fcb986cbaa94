"""Checks any Proposal against every hard rule of domain.md, from the ledger alone.

It trusts nothing the optimizer says about itself: quota rules are checked
against the ledger's approved, staff, leadership and locks, the moves are
re-added per kind, and the A/B roster is re-derived from the duties' hours.
Every problem is one sentence in Chinese with the English after it; an empty
list means the proposal is valid.

`validate_proposal(county, options, proposal)`; `validate_proposal(county, proposal)`
also works and reads the options the proposal was computed with from
proposal.options. Change and totals are derived from the township lines
(planner.domain.proposal_parts), so they cannot disagree with them; what can
(a fraction, a missing line, a move that does not add up) is checked here.
"""

from __future__ import annotations

import math
from collections import defaultdict

from optimizer.words import RESERVE_ZH, kind_zh
from planner.domain.county import KINDS, CountyData
from planner.domain.lines import duty_labels, township_lines
from planner.domain.options import SolveOptions
from planner.domain.proposal import Proposal, RosterPost, TownshipLine
from planner.domain.workload import duty_hours, post_capacity_hours

LOAD_TOLERANCE = 1e-6   # relative, for sums of floats


def validate_proposal(county: CountyData, options: SolveOptions | Proposal | None = None,
                      proposal: Proposal | None = None) -> list[str]:
    if proposal is None and isinstance(options, Proposal):
        proposal, options = options, None
    if proposal is None:
        return ["没有方案可检查 (no proposal to check)"]
    if options is None:
        options = proposal.options
    problems: list[str] = []
    kind_status = proposal.kind_status
    status = proposal.status
    if status not in ("optimal", "feasible", "infeasible"):
        problems.append(f"方案状态“{status}”无效 (status {status!r} is not optimal/feasible/infeasible)")
    if status == "infeasible" and not proposal.diagnosis:
        problems.append("规则无法同时满足时必须给出诊断 (an infeasible result must carry a diagnosis)")
    live = {k for k in KINDS if kind_status.get(k, "infeasible" if status == "infeasible" else "optimal")
            != "infeasible"}
    problems += _quota_rules(county, options, proposal, live)
    problems += _moves(proposal, live)
    problems += _roster(county, options, proposal)
    return problems


def _quota_rules(county: CountyData, options: SolveOptions, proposal: Proposal, live: set[str]) -> list[str]:
    problems = []
    seen: dict[tuple[str, str], TownshipLine] = {}
    for row in proposal.lines:
        key = (row.township, row.kind)
        if row.kind not in KINDS:
            problems.append(f"{key[0]}：编制类型“{key[1]}”无效，各类编制不得混用 (unknown kind {key[1]!r})")
            continue
        if key in seen:
            problems.append(f"{key[0]}{kind_zh(key[1])}编制在方案中出现两次 (line appears twice)")
        seen[key] = row
    lines = {(t.name, kind): t for t, kind in township_lines(county)}
    for key in lines.keys() - seen.keys():
        problems.append(f"{key[0]}{kind_zh(key[1])}编制不在方案中 ({key[0]} {key[1]}: missing from the proposal)")
    for key in seen.keys() - lines.keys():
        problems.append(f"{key[0]}{kind_zh(key[1])}编制不在台账中 ({key[0]} {key[1]}: not in the ledger)")

    sums_before: dict[str, int] = defaultdict(int)
    sums_after: dict[str, int] = defaultdict(int)
    for key, row in seen.items():
        t = lines.get(key)
        if t is None:
            continue
        name, kind = key
        label = f"{name}{kind_zh(kind)}编制"
        quota = t.quota(kind)
        proposed = row.proposed
        if isinstance(proposed, bool) or not isinstance(proposed, int):
            problems.append(f"{label}：方案 {proposed!r} 不是整数 ({name} {kind}: proposed quota is not a whole number)")
            continue
        if row.approved != quota.approved or row.staff != quota.staff:
            problems.append(f"{label}：方案依据的核定 {row.approved}、实有 {row.staff} 与台账 "
                            f"{quota.approved}、{quota.staff} 不符 ({name} {kind}: numbers differ from the ledger)")
        sums_before[kind] += quota.approved
        sums_after[kind] += proposed
        if kind not in live:
            if proposed != quota.approved:
                problems.append(f"{label}：规则冲突时不得调整 ({name} {kind}: changed although the rules conflict)")
            continue
        if proposed < 0:
            problems.append(f"{label}：方案 {proposed} 为负数 ({name} {kind}: negative quota)")
        if proposed < quota.staff:
            problems.append(f"{label}：方案 {proposed} 名低于实有 {quota.staff} 人（人员不减） "
                            f"({name} {kind}: proposed {proposed} is below staff {quota.staff}; nobody is dismissed)")
        if kind == "administrative" and proposed < quota.leadership:
            problems.append(f"{label}：方案 {proposed} 名低于领导职数 {quota.leadership} 名 "
                            f"({name}: administrative {proposed} is below leadership posts {quota.leadership})")
        if options.is_locked(t) and proposed != quota.approved:
            problems.append(f"{label}：乡镇已锁定，方案 {proposed} 名不等于核定 {quota.approved} 名 "
                            f"({name} {kind}: locked township changed from {quota.approved} to {proposed})")
        lo, hi = options.bands.get(key, (None, None))
        if lo is not None and proposed < lo:
            problems.append(f"{label}：方案 {proposed} 名低于编制下限 {lo} 名 ({name} {kind}: below band minimum {lo})")
        if hi is not None and proposed > hi:
            problems.append(f"{label}：方案 {proposed} 名高于编制上限 {hi} 名 ({name} {kind}: above band maximum {hi})")

    for kind in KINDS:
        before, after = sums_before.get(kind, 0), sums_after.get(kind, 0)
        if kind not in live:
            continue
        if after > before:
            problems.append(f"{kind_zh(kind)}编制：调剂后总量 {after} 名超过调剂前 {before} 名（总量只减不增） "
                            f"({kind}: total grows from {before} to {after})")
        reserve = int(options.reserve.get(kind, 0) or 0)
        if reserve and after > before - reserve:
            problems.append(f"{kind_zh(kind)}编制：调剂后总量 {after} 名未留出县里预留的 {reserve} 名 "
                            f"({kind}: total {after} does not keep back the reserve of {reserve})")
        cap = options.total_cap.get(kind)
        if cap is not None and after > cap:
            problems.append(f"{kind_zh(kind)}编制：调剂后总量 {after} 名超过压减后的上限 {cap} 名 "
                            f"({kind}: total {after} is above the cut total {cap})")
    return problems


def _moves(proposal: Proposal, live: set[str]) -> list[str]:
    """Moves stay within a kind, are whole and positive, and add up to each township's change."""
    problems = []
    net: dict[tuple[str, str], int] = defaultdict(int)
    for move in proposal.moves:
        kind, count = move.kind, move.count
        if kind not in KINDS:
            problems.append(f"调剂明细的编制类型“{kind}”无效 (a move has unknown kind {kind!r})")
            continue
        if kind not in live:
            problems.append(f"{kind_zh(kind)}编制规则冲突，不应有调剂明细 ({kind}: moves although the rules conflict)")
        if isinstance(count, bool) or not isinstance(count, int) or count <= 0:
            problems.append(f"调剂明细 {move.giver}→{move.receiver} 的数量 {count!r} 不是正整数 "
                            f"(move count is not a positive whole number)")
            continue
        if move.giver == move.receiver:
            problems.append(f"调剂明细 {move.giver}→{move.receiver} 调出与调入相同 (a move to itself)")
        if not move.reason:
            problems.append(f"调剂明细 {move.giver}→{move.receiver} 没有理由 (a move without a reason)")
        net[(move.giver, kind)] -= count
        net[(move.receiver, kind)] += count
    for row in proposal.lines:
        key = (row.township, row.kind)
        if row.kind in live and net.get(key, 0) != row.change:
            problems.append(f"{key[0]}{kind_zh(key[1])}编制：调剂明细合计 {net.get(key, 0):+d} 与增减数 "
                            f"{row.change} 不符 ({key[0]} {key[1]}: moves add up to {net.get(key, 0):+d}, "
                            f"change is {row.change})")
    for (name, kind), value in net.items():
        if name == RESERVE_ZH and value < 0:
            problems.append(f"{kind_zh(kind)}编制：县机动编制不能调出 (the reserve cannot give)")
    return problems


def _roster(county: CountyData, options: SolveOptions, proposal: Proposal) -> list[str]:
    """Every duty share has one A holder and, if it needs backup, one different B holder; no post over."""
    params = county.params
    capacity = post_capacity_hours(params)
    f = params.backup_load_factor
    m = int(params.max_backup_roles)
    posts_of: dict[tuple[str, str], list[RosterPost]] = defaultdict(list)
    for post in proposal.roster:
        posts_of[(post.township, post.kind)].append(post)
    designs = {(d.township, d.kind): d for d in proposal.designs}
    rows = {(r.township, r.kind): r for r in proposal.lines}
    problems = []
    for t, kind in township_lines(county):
        key = (t.name, kind)
        where = f"{t.name}{kind_zh(kind)}AB岗"
        shares: dict[str, tuple[float, bool]] = {}
        given = designs[key].part_hours if key in designs else {}
        for label, duty in duty_labels(t, kind):
            hours = duty_hours(duty)
            if hours <= 0:
                continue
            parts = max(1, math.ceil(hours / capacity - 1e-9))
            backed = bool(duty.needs_backup) and not options.is_exempt(t.name, duty.name)
            if parts == 1:   # most duties: one share of all its hours
                shares[label] = (float(hours), backed)
                continue
            chosen = [given.get(f"{label}（{part}/{parts}）") for part in range(1, parts + 1)]
            if all(x is not None for x in chosen):
                # A design may size the parts of a split duty: each at most one post, adding up.
                if abs(sum(chosen) - hours) > 0.01 * parts or any(x <= 0 or x > capacity + 0.01 for x in chosen):
                    problems.append(f"{where}：职责“{label}”的分份工时 {chosen} 与其工时 {hours:,.1f} 不符 "
                                    f"({t.name} {kind}: the parts of {label!r} do not add up to its hours)")
            else:
                chosen = [hours / parts] * parts
            for part in range(1, parts + 1):
                shares[f"{label}（{part}/{parts}）"] = (float(chosen[part - 1]), backed)
        a_at: dict[str, list[str]] = defaultdict(list)
        b_at: dict[str, list[str]] = defaultdict(list)
        for post in posts_of.get(key, []):
            a_hours = 0.0
            b_load = 0.0
            for name in post.a:
                if name not in shares:
                    problems.append(f"{where}：{post.post} 的A岗“{name}”不是该乡镇的职责 (unknown duty)")
                    continue
                a_at[name].append(post.post)
                a_hours += shares[name][0]
            for name in post.b:
                if name not in shares:
                    problems.append(f"{where}：{post.post} 的B岗“{name}”不是该乡镇的职责 (unknown duty)")
                    continue
                b_at[name].append(post.post)
                b_load += f * shares[name][0]
            load = a_hours + b_load
            if load > capacity * (1 + LOAD_TOLERANCE) + 1e-6:
                problems.append(f"{where}：{post.post} 负荷 {load:,.1f} 小时超过每岗 {capacity:,.1f} 小时 "
                                f"({t.name} {kind} {post.post}: load {load:,.1f} h over {capacity:,.1f} h)")
            if abs(load - float(post.load_hours)) > 0.06:
                problems.append(f"{where}：{post.post} 标注负荷 {post.load_hours} 与实际 {load:,.1f} 不符 "
                                f"(reported load differs)")
            if len(post.b) > m:
                problems.append(f"{where}：{post.post} 担任 {len(post.b)} 个B岗，超过每人最多 {m} 个 "
                                f"(more than {m} B roles)")
        for name, (hours, backed) in shares.items():
            holders = a_at.get(name, [])
            if len(holders) != 1:
                problems.append(f"{where}：职责“{name}”有 {len(holders)} 个A岗，应为 1 个 "
                                f"({t.name} {kind}: duty {name!r} has {len(holders)} A holders)")
            backups = b_at.get(name, [])
            if backed:
                if len(backups) != 1:
                    problems.append(f"{where}：职责“{name}”有 {len(backups)} 个B岗，应为 1 个 "
                                    f"({t.name} {kind}: duty {name!r} has {len(backups)} B holders)")
                for post_name in backups:
                    if post_name in holders:
                        problems.append(f"{where}：职责“{name}”的A岗与B岗是同一岗位 {post_name} "
                                        f"({t.name} {kind}: duty {name!r} has the same A and B holder)")
            elif backups:
                problems.append(f"{where}：职责“{name}”免于互为备岗，却有B岗 (exempt duty has a B holder)")
        n_posts = len(posts_of.get(key, []))
        design = designs.get(key)
        lead = t.quota(kind).leadership if kind == "administrative" else 0
        if design is None:
            problems.append(f"{where}：方案缺少该乡镇的AB岗设计 ({t.name} {kind}: no A/B design)")
            continue
        if design.posts != n_posts or (design.lower_bound or 0) > n_posts:
            problems.append(f"{where}：岗位数 {design.posts} 与花名册 {n_posts} 岗或下界 "
                            f"{design.lower_bound} 不符 (post count inconsistent)")
        row = rows.get(key)
        if row is not None and row.required != n_posts + lead:
            problems.append(f"{where}：需要数 {row.required} 不等于岗位 {n_posts} + 领导职数 {lead} "
                            f"({t.name} {kind}: required is not posts + leadership)")
    return problems
