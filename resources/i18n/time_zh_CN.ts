<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ForecastTab</name>
    <message>
        <source>Whole county</source>
        <translation>全县</translation>
    </message>
    <message>
        <source>From {as_of}: {total} people expected to leave in {first}–{last} ({retire} retirements, {other} other leavers); {overdue} past their retirement month and still on file, counted in the first year.</source>
        <translation>自 {as_of} 起测算：{first}—{last} 年预计减员 {total} 人（退休 {retire} 人，其他离岗 {other} 人）；已超过法定退休年月仍在册 {overdue} 人，计入首年。</translation>
    </message>
    <message>
        <source>Print preview — leavers forecast</source>
        <translation>打印预览 — 减员预测</translation>
    </message>
    <message>
        <source>Export forecast as PDF</source>
        <translation>将减员预测导出为 PDF</translation>
    </message>
    <message>
        <source>Leavers forecast</source>
        <translation>减员预测</translation>
    </message>
    <message>
        <source>Forecast saved to {path}</source>
        <translation>减员预测已保存到 {path}</translation>
    </message>
    <message>
        <source>Export forecast to Excel</source>
        <translation>将减员预测导出到 Excel</translation>
    </message>
    <message>
        <source>Years ahead:</source>
        <translation>预测年数：</translation>
    </message>
    <message>
        <source>Township:</source>
        <translation>乡镇：</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
</context>
<context>
    <name>LeaversModel</name>
    <message>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>编制类型</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>County total</source>
        <translation>全县合计</translation>
    </message>
    <message>
        <source>{retire} retirements, {other} other leavers</source>
        <translation>退休 {retire} 人，其他离岗 {other} 人</translation>
    </message>
</context>
<context>
    <name>PeopleTab</name>
    <message>
        <source>All townships</source>
        <translation>全部乡镇</translation>
    </message>
    <message>
        <source>Staff on the ledger and people on file differ in {n} places: {first}</source>
        <translation>台账实有人数与人员名册不一致 {n} 处：{first}</translation>
    </message>
    <message>
        <source> … and {n} more</source>
        <translation> ……另有 {n} 处（悬停查看全部）</translation>
    </message>
    <message>
        <source>{n} people are past their retirement month and still on file.</source>
        <translation>{n} 人已超过法定退休年月仍在册。</translation>
    </message>
    <message>
        <source>{kind}: pool {pool}, lent {lent}, free {free}</source>
        <translation>{kind}：周转池 {pool} 个，借出未还 {lent} 个，可借 {free} 个</translation>
    </message>
    <message>
        <source>County pool (term at most {years} years) — </source>
        <translation>县级编制周转池（借用期不超过 {years} 年）—— </translation>
    </message>
    <message>
        <source>Select a row first.</source>
        <translation>请先选中一行。</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>新增人员</translation>
    </message>
    <message>
        <source>Change {name} ({township})</source>
        <translation>修改人员：{name}（{township}）</translation>
    </message>
    <message>
        <source>Remove {name} from the people on file of {township}?</source>
        <translation>从{township}的人员名册中删除{name}？（可通过“编辑 ▸ 撤销”恢复）</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Add hiring plan</source>
        <translation>新增用编计划</translation>
    </message>
    <message>
        <source>Change hiring plan ({township})</source>
        <translation>修改用编计划（{township}）</translation>
    </message>
    <message>
        <source>Remove the {year} hiring plan of {township}?</source>
        <translation>删除{township} {year} 年的用编计划？（可通过“编辑 ▸ 撤销”恢复）</translation>
    </message>
    <message>
        <source>Lend pool slots</source>
        <translation>借用周转池编制</translation>
    </message>
    <message>
        <source>Change pool loan ({township})</source>
        <translation>修改周转池借用（{township}）</translation>
    </message>
    <message>
        <source>Remove this pool loan of {township}?</source>
        <translation>删除{township}的这笔周转池借用？（可通过“编辑 ▸ 撤销”恢复）</translation>
    </message>
    <message>
        <source>Township:</source>
        <translation>乡镇：</translation>
    </message>
    <message>
        <source>People on file</source>
        <translation>人员名册</translation>
    </message>
    <message>
        <source>Hiring plans</source>
        <translation>用编计划</translation>
    </message>
    <message>
        <source>Pool loans</source>
        <translation>编制周转池</translation>
    </message>
    <message>
        <source>Add person…</source>
        <translation>新增人员…</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Remove person</source>
        <translation>删除人员</translation>
    </message>
    <message>
        <source>Add hiring plan…</source>
        <translation>新增用编计划…</translation>
    </message>
    <message>
        <source>Remove hiring plan</source>
        <translation>删除用编计划</translation>
    </message>
    <message>
        <source>Lend pool slots…</source>
        <translation>借用周转池…</translation>
    </message>
    <message>
        <source>Remove loan</source>
        <translation>删除借用</translation>
    </message>
    <message>
        <source>People and hiring</source>
        <translation>人员与用编</translation>
    </message>
</context>
<context>
    <name>PlanComparePage</name>
    <message>
        <source>{name} (the ledger)</source>
        <translation>{name}（台账）</translation>
    </message>
    <message>
        <source>Tick at least two scenarios to compare their plans.</source>
        <translation>请至少勾选两个情景，才能比较其规划。</translation>
    </message>
    <message>
        <source>Planning {name} ({n} of {count})…</source>
        <translation>正在规划 {name}（第 {n} 个，共 {count} 个）…</translation>
    </message>
    <message>
        <source>Planning {n} of {count}: {step}</source>
        <translation>正在规划第 {n} 个，共 {count} 个：{step}</translation>
    </message>
    <message>
        <source>No comparison: the plan of {name} failed: {reason}</source>
        <translation>未能比较：{name}的规划未能完成：{reason}</translation>
    </message>
    <message>
        <source>The comparison was cancelled; nothing changed.</source>
        <translation>比较已取消，未作任何改动。</translation>
    </message>
    <message>
        <source>Each ticked scenario is planned for its own horizon, one after another; the table then shows their plans side by side.</source>
        <translation>勾选的情景按各自的规划年限逐一规划，完成后下表并列显示各情景的规划。</translation>
    </message>
    <message>
        <source>{count} plans, {first}–{last}. Uncovered need is in slots per year; a year a plan does not cover shows —.</source>
        <translation>共 {count} 个规划，{first}–{last}年。未覆盖需求按每年名额计；规划未涉及的年度显示“—”。</translation>
    </message>
    <message>
        <source>Scenarios:</source>
        <translation>情景：</translation>
    </message>
    <message>
        <source>Compare plans</source>
        <translation>情景规划比较</translation>
    </message>
    <message>
        <source>Refresh list</source>
        <translation>刷新列表</translation>
    </message>
</context>
<context>
    <name>PlanModels</name>
    <message>
        <source>All figures</source>
        <translation>全部指标</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>核定编制</translation>
    </message>
    <message>
        <source>Pool slots</source>
        <translation>周转池编制</translation>
    </message>
    <message>
        <source>Staff on 1 January</source>
        <translation>年初实有人数</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>测算需求</translation>
    </message>
    <message>
        <source>Uncovered need</source>
        <translation>未覆盖需求</translation>
    </message>
    <message>
        <source> short {n}</source>
        <translation> 缺{n}</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>Approved today</source>
        <translation>现核定编制</translation>
    </message>
    <message>
        <source>quota (+pool) / staff on 1 January / need</source>
        <translation>核定编制（+周转池）/ 年初实有人数 / 测算需求</translation>
    </message>
    <message>
        <source>{year}: quota {quota} ({change:+d}), pool {pool}, staff on 1 January {staff}, leavers {leavers}, planned hires {hires}, need {need}, uncovered {uncovered}</source>
        <translation>{year}年：核定编制 {quota}（{change:+d}），周转池 {pool}，年初实有 {staff}，年内减员 {leavers}，计划进人 {hires}，测算需求 {need}，未覆盖需求 {uncovered}</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Effective</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>From</source>
        <translation>调出乡镇</translation>
    </message>
    <message>
        <source>To</source>
        <translation>调入乡镇</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>编制类型</translation>
    </message>
    <message>
        <source>Slots</source>
        <translation>编制数</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Slots lent</source>
        <translation>借用数</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>起始年月</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期年月</translation>
    </message>
    <message>
        <source>Loan</source>
        <translation>借用</translation>
    </message>
    <message>
        <source>Returns (month, slots)</source>
        <translation>归还计划（年月 个数）</translation>
    </message>
    <message>
        <source>Out at the end of the plan</source>
        <translation>规划期末未还</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新借</translation>
    </message>
    <message>
        <source>existing</source>
        <translation>存量</translation>
    </message>
</context>
<context>
    <name>PlanTab</name>
    <message>
        <source>Planning…</source>
        <translation>正在计算规划…</translation>
    </message>
    <message>
        <source>No plan: {reason}</source>
        <translation>未形成规划：{reason}</translation>
    </message>
    <message>
        <source>Planning was cancelled; nothing changed.</source>
        <translation>已取消计算规划，台账未作任何改动。</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>全部年度</translation>
    </message>
    <message>
        <source>Choose the years and press Plan: the quota of every township in each year, timed to the retirements.</source>
        <translation>选择规划年限后点击“计算规划”：按退休时间逐年安排各乡镇编制。</translation>
    </message>
    <message>
        <source>{status}. {reasons}</source>
        <translation>{status}。{reasons}</translation>
    </message>
    <message>
        <source>{year}: {n}</source>
        <translation>{year}年 {n}</translation>
    </message>
    <message>
        <source>the ledger</source>
        <translation>现行台账</translation>
    </message>
    <message>
        <source>{status} · {scenario} · {first}–{last}: {moves} moves of {slots} slots, {lent} pool slots lent anew, {touched} townships touched; uncovered need per year {uncovered}</source>
        <translation>{status} · {scenario} · {first}—{last}年：调剂 {moves} 笔共 {slots} 个编制，新借周转池 {lent} 个，涉及 {touched} 个乡镇；各年未覆盖需求 {uncovered}</translation>
    </message>
    <message>
        <source>The ledger has changed since this plan was made; plan again to see it.</source>
        <translation>台账已修改，以下规划按修改前的台账计算，请重新计算规划。</translation>
    </message>
    <message>
        <source>Print preview — multi-year plan</source>
        <translation>打印预览 — 多年度规划</translation>
    </message>
    <message>
        <source>Export plan as PDF</source>
        <translation>将规划导出为 PDF</translation>
    </message>
    <message>
        <source>Multi-year plan</source>
        <translation>多年度编制规划</translation>
    </message>
    <message>
        <source>Plan saved to {path}</source>
        <translation>规划已保存到 {path}</translation>
    </message>
    <message>
        <source>Export plan to Excel</source>
        <translation>将规划导出到 Excel</translation>
    </message>
    <message>
        <source>Years:</source>
        <translation>规划年限：</translation>
    </message>
    <message>
        <source>Plan</source>
        <comment>button: make the plan</comment>
        <translation>计算规划</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>编制类型：</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Township:</source>
        <translation>乡镇：</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <source>Roadmap</source>
        <translation>规划路线图</translation>
    </message>
    <message>
        <source>Township charts</source>
        <translation>乡镇图表</translation>
    </message>
    <message>
        <source>Moves by year</source>
        <translation>逐年调剂</translation>
    </message>
    <message>
        <source>Pool loans</source>
        <translation>编制周转池</translation>
    </message>
    <message>
        <source>Compare plans</source>
        <translation>情景规划比较</translation>
    </message>
    <message>
        <source>Plan</source>
        <comment>tab title</comment>
        <translation>规划</translation>
    </message>
</context>
<context>
    <name>TimeCommands</name>
    <message>
        <source>Add {name} to {township}</source>
        <translation>{township}新增人员{name}</translation>
    </message>
    <message>
        <source>Remove {name} from {township}</source>
        <translation>{township}删除人员{name}</translation>
    </message>
    <message>
        <source>Change {name} of {township}</source>
        <translation>修改{township}人员{name}</translation>
    </message>
    <message>
        <source>Add the {year} hiring plan of {township}</source>
        <translation>新增{township} {year} 年用编计划</translation>
    </message>
    <message>
        <source>Remove the {year} hiring plan of {township}</source>
        <translation>删除{township} {year} 年用编计划</translation>
    </message>
    <message>
        <source>Change the {year} hiring plan of {township}</source>
        <translation>修改{township} {year} 年用编计划</translation>
    </message>
    <message>
        <source>Lend pool slots to {township}</source>
        <translation>向{township}借出周转池编制</translation>
    </message>
    <message>
        <source>Change a pool loan of {township}</source>
        <translation>修改{township}的周转池借用</translation>
    </message>
    <message>
        <source>Remove a pool loan of {township}</source>
        <translation>删除{township}的周转池借用</translation>
    </message>
</context>
<context>
    <name>TimeModels</name>
    <message>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>编制类型</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Planned hires</source>
        <translation>计划进人数</translation>
    </message>
    <message>
        <source>Hired</source>
        <translation>已进人数</translation>
    </message>
    <message>
        <source>Not yet used</source>
        <translation>未用</translation>
    </message>
    <message>
        <source>Vacancy</source>
        <translation>空编</translation>
    </message>
    <message>
        <source>Slots lent</source>
        <translation>借用数</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>起始年月</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期年月</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已归还</translation>
    </message>
    <message>
        <source>Still out</source>
        <translation>未还</translation>
    </message>
    <message>
        <source>Past its due month with slots still out</source>
        <translation>已到期仍有编制未归还</translation>
    </message>
</context>
</TS>
