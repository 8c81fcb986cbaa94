<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ApplyProposal</name>
    <message>
        <source>Apply proposal “{scenario}”</source>
        <translation>执行调剂方案“{scenario}”</translation>
    </message>
    <message>
        <source>Apply the proposal of scenario “{scenario}” to the ledger?</source>
        <translation>是否将情景“{scenario}”的调剂方案写入台账？</translation>
    </message>
    <message>
        <source>{lines} quota lines change in {townships} townships:</source>
        <translation>共 {townships} 个乡镇的 {lines} 条编制记录将发生变化：</translation>
    </message>
    <message>
        <source>  {kind}: county total {before} → {after}</source>
        <translation>  {kind}：全县合计 {before} → {after}</translation>
    </message>
    <message>
        <source>{township} {kind}: {before} → {after} ({change:+d})</source>
        <translation>{township} {kind}：{before} → {after}（{change:+d}）</translation>
    </message>
    <message>
        <source>… and {n} more (see details)</source>
        <translation>……另有 {n} 条（见详细信息）</translation>
    </message>
    <message>
        <source>The approved quota on the ledger will be replaced by the proposed quota. Edit ▸ Undo takes it back.</source>
        <translation>台账上的核定编制将替换为建议编制。可通过“编辑 ▸ 撤销”恢复。</translation>
    </message>
    <message>
        <source>Proposal applied</source>
        <translation>调剂方案已写入台账</translation>
    </message>
    <message>
        <source>Proposal not applied</source>
        <translation>方案未执行</translation>
    </message>
    <message>
        <source>The proposal changes no quota: the ledger already holds it.</source>
        <translation>该方案不改变任何编制：台账已与方案一致。</translation>
    </message>
</context>
<context>
    <name>ChartsView</name>
    <message>
        <source>Quota kind:</source>
        <translation>编制类型：</translation>
    </message>
</context>
<context>
    <name>Results</name>
    <message>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Locked: keeps its quota.</source>
        <translation>已锁定：编制保持不变。</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>A locked township keeps its quota</source>
        <translation>锁定的乡镇保持原有编制</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>编制类型</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>核定编制</translation>
    </message>
    <message>
        <source>Approved quota on the ledger now</source>
        <translation>台账现有的核定编制</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>实有人数</translation>
    </message>
    <message>
        <source>People on the payroll holding this kind of quota</source>
        <translation>占用该类编制的在编人员数</translation>
    </message>
    <message>
        <source>Vacancy</source>
        <translation>空编</translation>
    </message>
    <message>
        <source>Approved − staff, when positive</source>
        <translation>核定编制 − 实有人数（为正时）</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>需求人数</translation>
    </message>
    <message>
        <source>Whole-number headcount the workload needs with A/B backup (leadership included)</source>
        <translation>按工作量并满足AB岗互补所需的整数人数（含领导职数）</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>建议编制</translation>
    </message>
    <message>
        <source>Quota the proposal gives this township</source>
        <translation>调剂方案给该乡镇的编制数</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>增减</translation>
    </message>
    <message>
        <source>Proposed − approved</source>
        <translation>建议编制 − 核定编制</translation>
    </message>
    <message>
        <source>Quota/need before</source>
        <translation>编制/需求 调剂前</translation>
    </message>
    <message>
        <source>Approved quota ÷ required (the A/B need); below 1 the quota does not cover the workload</source>
        <translation>核定编制 ÷ 需求人数（含AB岗）；低于 1 表示编制不足以覆盖工作量</translation>
    </message>
    <message>
        <source>Quota/need after</source>
        <translation>编制/需求 调剂后</translation>
    </message>
    <message>
        <source>Proposed quota ÷ required (the A/B need), the same measure as before the proposal</source>
        <translation>建议编制 ÷ 需求人数（含AB岗），与调剂前同一口径</translation>
    </message>
    <message>
        <source>From</source>
        <translation>调出</translation>
    </message>
    <message>
        <source>Township giving quota (调出)</source>
        <translation>调出编制的乡镇</translation>
    </message>
    <message>
        <source>To</source>
        <translation>调入</translation>
    </message>
    <message>
        <source>Township receiving quota (调入)</source>
        <translation>调入编制的乡镇</translation>
    </message>
    <message>
        <source>Slots</source>
        <translation>名额</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>A duties</source>
        <translation>A岗事项</translation>
    </message>
    <message>
        <source>Duties this post holds as the primary holder (A岗)</source>
        <translation>本岗位作为主办（A岗）承担的事项</translation>
    </message>
    <message>
        <source>B duties</source>
        <translation>B岗事项</translation>
    </message>
    <message>
        <source>Duties this post backs up (B岗): it can act alone when the A holder is away</source>
        <translation>本岗位作为备岗（B岗）的事项：A岗不在时可独立办理</translation>
    </message>
    <message>
        <source>Load (h)</source>
        <translation>负荷（小时）</translation>
    </message>
    <message>
        <source>Annual hours of the A duties plus the backup load</source>
        <translation>A岗事项年工时加备岗负荷</translation>
    </message>
    <message>
        <source>Capacity (h)</source>
        <translation>可用工时（小时）</translation>
    </message>
    <message>
        <source>Hours the post can give to duties in a year</source>
        <translation>岗位每年可用于办理事项的工时</translation>
    </message>
    <message>
        <source>Load %</source>
        <translation>负荷率</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Uncovered need removed by one more slot</source>
        <translation>每增加一个编制可减少的缺口</translation>
    </message>
    <message>
        <source>How much the county&apos;s uncovered need would fall with one more slot of this kind</source>
        <translation>该类编制再增加一个名额时，全县未覆盖需求可减少多少</translation>
    </message>
    <message>
        <source>Best township for it</source>
        <translation>最宜增加的乡镇</translation>
    </message>
    <message>
        <source>Total before</source>
        <translation>调剂前合计</translation>
    </message>
    <message>
        <source>Total after</source>
        <translation>调剂后合计</translation>
    </message>
    <message>
        <source>Uncovered before</source>
        <translation>调剂前缺口</translation>
    </message>
    <message>
        <source>Σ max(0, required − quota) over townships, with the approved quota</source>
        <translation>按核定编制计算的各乡镇 max(0, 需求 − 编制) 之和</translation>
    </message>
    <message>
        <source>Uncovered after</source>
        <translation>调剂后缺口</translation>
    </message>
    <message>
        <source>Σ max(0, required − quota) over townships, with the proposed quota</source>
        <translation>按建议编制计算的各乡镇 max(0, 需求 − 编制) 之和</translation>
    </message>
    <message>
        <source>Slots moved</source>
        <translation>调剂名额</translation>
    </message>
    <message>
        <source>Townships touched</source>
        <translation>涉及乡镇</translation>
    </message>
    <message>
        <source>Reserve</source>
        <translation>县级预留</translation>
    </message>
    <message>
        <source>Quota kept back at county level</source>
        <translation>留在县级统筹的编制</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <source>All townships</source>
        <translation>全部乡镇</translation>
    </message>
    <message>
        <source>No rule is in the way of this proposal.</source>
        <translation>本方案未受任何刚性规则限制。</translation>
    </message>
    <message>
        <source>No proposal yet.</source>
        <translation>尚无调剂方案。</translation>
    </message>
    <message>
        <source>Proposal for {county}, scenario “{scenario}”: &lt;b style=&apos;color:{colour}&apos;&gt;{status}&lt;/b&gt;. {moves} moves, {slots} slots. Computed {when} by {solver} in {seconds:.1f} s; data fingerprint {fingerprint}.</source>
        <translation>{county}调剂方案，情景“{scenario}”：&lt;b style=&apos;color:{colour}&apos;&gt;{status}&lt;/b&gt;。调剂 {moves} 项，共 {slots} 个名额。计算于 {when}，求解器 {solver}，用时 {seconds:.1f} 秒；数据指纹 {fingerprint}。</translation>
    </message>
    <message>
        <source>Apply to ledger…</source>
        <translation>写入台账…</translation>
    </message>
    <message>
        <source>Write the proposed quota into the ledger as approved quota, after a confirmation. Undo (Ctrl+Z) takes it back.</source>
        <translation>确认后将建议编制写入台账作为核定编制。可用撤销（Ctrl+Z）恢复。</translation>
    </message>
    <message>
        <source>The ledger changed since this proposal was computed: solve again.</source>
        <translation>方案计算后台账已有改动，请重新计算。</translation>
    </message>
    <message>
        <source>No proposal yet. Press “Solve” to compute a reallocation proposal for the ledger.</source>
        <translation>尚无调剂方案。请点击“计算方案”为当前台账生成调剂方案。</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>调剂方案</translation>
    </message>
    <message>
        <source>Moves</source>
        <translation>调剂明细</translation>
    </message>
    <message>
        <source>A/B roster</source>
        <translation>AB岗安排</translation>
    </message>
    <message>
        <source>Explanations</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Quota kind:</source>
        <translation>编制类型：</translation>
    </message>
    <message>
        <source>Township:</source>
        <translation>乡镇：</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>Value of one more slot</source>
        <translation>增加一个编制的效用</translation>
    </message>
    <message>
        <source>Why each township gets what it gets</source>
        <translation>各乡镇调整理由</translation>
    </message>
</context>
<context>
    <name>SolvePanel</name>
    <message>
        <source>there is not enough memory for this county</source>
        <translation>内存不足，无法完成本县的计算</translation>
    </message>
    <message>
        <source>Open a ledger database first.</source>
        <translation>请先打开台账数据库。</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>The rules cannot all be met, so there is no proposal.</source>
        <translation>刚性规则无法同时满足，因此没有可行的调剂方案。</translation>
    </message>
    <message>
        <source>Proposal ready: {moves} moves, {slots} slots ({status}).</source>
        <translation>方案已生成：调剂 {moves} 项，共 {slots} 个名额（{status}）。</translation>
    </message>
    <message>
        <source>The solve failed: {reason}</source>
        <translation>计算失败：{reason}</translation>
    </message>
    <message>
        <source>Solve cancelled; the ledger is unchanged.</source>
        <translation>已取消计算，台账未作改动。</translation>
    </message>
    <message>
        <source>Reallocation proposal</source>
        <translation>调剂方案</translation>
    </message>
    <message>
        <source>Ledger (baseline)</source>
        <translation>台账（基准）</translation>
    </message>
    <message>
        <source>&amp;Solve</source>
        <translation>计算方案(&amp;S)</translation>
    </message>
    <message>
        <source>Compute a reallocation proposal for the chosen scenario (F9)</source>
        <translation>为所选情景计算编制调剂方案（F9）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Scenario:</source>
        <translation>情景：</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>调剂方案</translation>
    </message>
</context>
</TS>
