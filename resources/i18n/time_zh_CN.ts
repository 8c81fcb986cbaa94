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
        <source>yes</source>
        <translation>是</translation>
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
