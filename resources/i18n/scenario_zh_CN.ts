<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CompareView</name>
    <message>
        <source> (stale)</source>
        <translation>（已过期）</translation>
    </message>
    <message>
        <source>Compare at most {n} scenarios at a time.</source>
        <translation>一次最多比较 {n} 个情景。</translation>
    </message>
    <message>
        <source>{n} of {total} townships differ</source>
        <translation>{total} 个乡镇中有 {n} 个不同</translation>
    </message>
    <message>
        <source>Export comparison</source>
        <translation>导出对比</translation>
    </message>
    <message>
        <source>Scenario comparison</source>
        <translation>情景对比</translation>
    </message>
    <message>
        <source>The comparison could not be saved: {reason}</source>
        <translation>对比无法保存：{reason}</translation>
    </message>
    <message>
        <source>Comparison saved to {path}</source>
        <translation>对比已保存到 {path}</translation>
    </message>
    <message>
        <source>Export comparison as PDF</source>
        <translation>将对比导出为 PDF</translation>
    </message>
    <message>
        <source>Writing {path}…</source>
        <translation>正在写入 {path}…</translation>
    </message>
    <message>
        <source>Print preview — scenario comparison</source>
        <translation>打印预览 — 情景对比</translation>
    </message>
    <message>
        <source>Scenarios to compare (2–3):</source>
        <translation>选择要比较的情景（2–3 个）：</translation>
    </message>
    <message>
        <source>Only solved scenarios are listed; solve one on the Scenarios tab.</source>
        <translation>仅列出已计算的情景；可在“情景”页计算。</translation>
    </message>
    <message>
        <source>Quota kind:</source>
        <translation>编制类型：</translation>
    </message>
    <message>
        <source>Only townships that differ</source>
        <translation>只显示有差异的乡镇</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Tick two or three solved scenarios to see them side by side.</source>
        <translation>勾选两到三个已计算的情景，即可并列比较。</translation>
    </message>
    <message>
        <source>Compare scenarios</source>
        <translation>情景对比</translation>
    </message>
</context>
<context>
    <name>ScenarioCommands</name>
    <message>
        <source>New scenario {name}</source>
        <translation>新建情景 {name}</translation>
    </message>
    <message>
        <source>Duplicate scenario {name}</source>
        <translation>复制情景 {name}</translation>
    </message>
    <message>
        <source>Rename scenario {name} to {new_name}</source>
        <translation>情景 {name} 改名为 {new_name}</translation>
    </message>
    <message>
        <source>Delete scenario {name}</source>
        <translation>删除情景 {name}</translation>
    </message>
    <message>
        <source>Describe scenario {name}</source>
        <translation>修改情景 {name} 的说明</translation>
    </message>
</context>
<context>
    <name>ScenarioDialogs</name>
    <message>
        <source>Total cut</source>
        <translation>总量压减</translation>
    </message>
    <message>
        <source>County reserve</source>
        <translation>县级机动编制预留</translation>
    </message>
    <message>
        <source>Quota band (min / max)</source>
        <translation>编制区间（下限/上限）</translation>
    </message>
    <message>
        <source>Workload growth</source>
        <translation>工作量增减</translation>
    </message>
    <message>
        <source>New duty</source>
        <translation>新增事项</translation>
    </message>
    <message>
        <source>Duty removed</source>
        <translation>取消事项</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Plan horizon</source>
        <translation>规划年限</translation>
    </message>
    <message>
        <source>Lock or unlock a township</source>
        <translation>锁定或解锁乡镇</translation>
    </message>
    <message>
        <source>Merge two townships</source>
        <translation>两乡镇合并</translation>
    </message>
    <message>
        <source>Split a township</source>
        <translation>乡镇拆分</translation>
    </message>
    <message>
        <source>Category bands from the standing checks</source>
        <translation>按编制标准设定类别区间</translation>
    </message>
    <message>
        <source>Quota kind</source>
        <translation>编制类型</translation>
    </message>
    <message>
        <source>Cut by percent</source>
        <translation>按百分比压减</translation>
    </message>
    <message>
        <source>Cut by slots</source>
        <translation>按名额压减</translation>
    </message>
    <message>
        <source>Slots kept in reserve</source>
        <translation>预留名额</translation>
    </message>
    <message>
        <source>For one township</source>
        <translation>单个乡镇</translation>
    </message>
    <message>
        <source>For every township of a class</source>
        <translation>某一类别的全部乡镇</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>下限</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>Duty or office name contains</source>
        <translation>事项或机构名称包含</translation>
    </message>
    <message>
        <source>Change of workload</source>
        <translation>工作量变化</translation>
    </message>
    <message>
        <source>Townships</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>内设机构</translation>
    </message>
    <message>
        <source>Office&apos;s quota kind</source>
        <translation>机构编制类型</translation>
    </message>
    <message>
        <source>Duty</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Cases per year</source>
        <translation>年办件量</translation>
    </message>
    <message>
        <source>Minutes per case</source>
        <translation>单件工时（分钟）</translation>
    </message>
    <message>
        <source>Fixed hours per year</source>
        <translation>固定年工时（小时）</translation>
    </message>
    <message>
        <source>Needs an A/B backup</source>
        <translation>需AB岗</translation>
    </message>
    <message>
        <source>Value in this scenario</source>
        <translation>本情景取值</translation>
    </message>
    <message>
        <source>Years the multi-year plan covers</source>
        <translation>多年度规划的年数</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>Locked (keeps its quota)</source>
        <translation>锁定（编制保持不变）</translation>
    </message>
    <message>
        <source>First township</source>
        <translation>第一个乡镇</translation>
    </message>
    <message>
        <source>Second township</source>
        <translation>第二个乡镇</translation>
    </message>
    <message>
        <source>Name of the merged township</source>
        <translation>合并后乡镇名称</translation>
    </message>
    <message>
        <source>Leadership posts of the merged township</source>
        <translation>合并后领导职数</translation>
    </message>
    <message>
        <source>First new township</source>
        <translation>第一个新乡镇</translation>
    </message>
    <message>
        <source>Second new township</source>
        <translation>第二个新乡镇</translation>
    </message>
    <message>
        <source>Share of the first (volumes, staff)</source>
        <translation>第一个乡镇所占比例（办件量、人员）</translation>
    </message>
    <message>
        <source>Approved quota of the first</source>
        <translation>第一个乡镇核定编制</translation>
    </message>
    <message>
        <source>Staff of the first</source>
        <translation>第一个乡镇实有人数</translation>
    </message>
    <message>
        <source>Leadership posts of the first</source>
        <translation>第一个乡镇领导职数</translation>
    </message>
    <message>
        <source>Leadership posts of the second</source>
        <translation>第二个乡镇领导职数</translation>
    </message>
    <message>
        <source>All townships</source>
        <translation>全部乡镇</translation>
    </message>
    <message>
        <source>Set by hand</source>
        <translation>手动指定</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>指定</translation>
    </message>
</context>
<context>
    <name>ScenarioModels</name>
    <message>
        <source>Not solved</source>
        <translation>未计算</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>结果最新</translation>
    </message>
    <message>
        <source>Stale: inputs changed, recompute</source>
        <translation>已过期：输入已变，请重新计算</translation>
    </message>
    <message>
        <source>Does not fit the ledger</source>
        <translation>与当前台账不符</translation>
    </message>
    <message>
        <source>{status}; uncovered {before} → {after}; {moves} moves</source>
        <translation>{status}；未覆盖需求 {before} → {after}；调剂 {moves} 笔</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>情景</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>变动</translation>
    </message>
    <message>
        <source>Last result</source>
        <translation>上次结果</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>Could not be checked</source>
        <translation>无法检查</translation>
    </message>
    <message>
        <source>No changes: the ledger as it is</source>
        <translation>无变动：即台账现状</translation>
    </message>
    <message>
        <source>(no changes)</source>
        <translation>（无变动）</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变动</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>求解状态</translation>
    </message>
    <message>
        <source>{kind}: total before → after</source>
        <translation>{kind}：总量 调剂前 → 调剂后</translation>
    </message>
    <message>
        <source>{kind}: uncovered before → after</source>
        <translation>{kind}：未覆盖需求 调剂前 → 调剂后</translation>
    </message>
    <message>
        <source>Uncovered need before (all kinds)</source>
        <translation>调剂前未覆盖需求（合计）</translation>
    </message>
    <message>
        <source>Uncovered need after (all kinds)</source>
        <translation>调剂后未覆盖需求（合计）</translation>
    </message>
    <message>
        <source>Moves</source>
        <translation>调剂笔数</translation>
    </message>
    <message>
        <source>Slots moved</source>
        <translation>调剂名额</translation>
    </message>
    <message>
        <source>Townships touched</source>
        <translation>涉及乡镇数</translation>
    </message>
    <message>
        <source> (stale)</source>
        <translation>（已过期）</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>编制类型</translation>
    </message>
    <message>
        <source>Approved now</source>
        <translation>现核定编制</translation>
    </message>
    <message>
        <source>{name}: proposed</source>
        <translation>{name}：建议编制</translation>
    </message>
    <message>
        <source>{name} has no such township (merged or split)</source>
        <translation>“{name}”中没有该乡镇（已合并或拆分）</translation>
    </message>
    <message>
        <source>{name}: approved {approved}, required {required}, proposed {proposed}</source>
        <translation>{name}：核定 {approved}，需求 {required}，建议 {proposed}</translation>
    </message>
</context>
<context>
    <name>ScenarioView</name>
    <message>
        <source>No scenario chosen</source>
        <translation>未选择情景</translation>
    </message>
    <message>
        <source> (solved {when})</source>
        <translation>（计算于 {when}）</translation>
    </message>
    <message>
        <source>Recompute</source>
        <translation>重新计算</translation>
    </message>
    <message>
        <source>Solve</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>New scenario</source>
        <translation>新情景</translation>
    </message>
    <message>
        <source>Name of the scenario:</source>
        <translation>情景名称：</translation>
    </message>
    <message>
        <source>{name} copy</source>
        <translation>{name} 副本</translation>
    </message>
    <message>
        <source>Duplicate scenario</source>
        <translation>复制情景</translation>
    </message>
    <message>
        <source>Name of the copy:</source>
        <translation>副本名称：</translation>
    </message>
    <message>
        <source>Rename scenario</source>
        <translation>情景改名</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <source>Delete scenario</source>
        <translation>删除情景</translation>
    </message>
    <message>
        <source>Delete the scenario “{name}” and its last proposal? (Edit → Undo brings it back.)</source>
        <translation>删除情景“{name}”及其上次方案？（可用“编辑 → 撤销”恢复。）</translation>
    </message>
    <message>
        <source>Open a ledger database first.</source>
        <translation>请先打开台账数据库。</translation>
    </message>
    <message>
        <source>Add change: {text}</source>
        <translation>添加变动：{text}</translation>
    </message>
    <message>
        <source>Edit change: {text}</source>
        <translation>修改变动：{text}</translation>
    </message>
    <message>
        <source>Remove change: {text}</source>
        <translation>删除变动：{text}</translation>
    </message>
    <message>
        <source>Reorder changes of {name}</source>
        <translation>调整情景 {name} 的变动顺序</translation>
    </message>
    <message>
        <source>Solving {name}…</source>
        <translation>正在计算 {name}…</translation>
    </message>
    <message>
        <source>Scenario {name} solved: {status}, {moves} moves.</source>
        <translation>情景 {name} 已计算：{status}，调剂 {moves} 笔。</translation>
    </message>
    <message>
        <source>The solve failed: {reason}</source>
        <translation>计算失败：{reason}</translation>
    </message>
    <message>
        <source>Solve cancelled.</source>
        <translation>已取消计算。</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Duplicate…</source>
        <translation>复制…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>改名…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Add change</source>
        <translation>添加变动</translation>
    </message>
    <message>
        <source>What this scenario is about (for the committee)</source>
        <translation>情景说明（供编委会阅读）</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>情景</translation>
    </message>
</context>
</TS>
