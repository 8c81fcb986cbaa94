<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Assessment</name>
    <message>
        <source>Township assessment…</source>
        <translation>乡镇编制评估…</translation>
    </message>
    <message>
        <source>Assess this township…</source>
        <translation>评估本乡镇编制…</translation>
    </message>
    <message>
        <source>Standing checks…</source>
        <translation>编制标准…</translation>
    </message>
    <message>
        <source>Applied proposals and decisions…</source>
        <translation>已执行方案与编委决定…</translation>
    </message>
    <message>
        <source>Township assessment</source>
        <translation>乡镇编制评估</translation>
    </message>
    <message>
        <source>All townships</source>
        <translation>全部乡镇</translation>
    </message>
    <message>
        <source>Township:</source>
        <translation>乡镇：</translation>
    </message>
    <message>
        <source>One page per township: workload against quota and staff, vacancy, the standing checks, age structure and the county median.</source>
        <translation>每个乡镇一页：工作量与编制、实有人数对照，空编与可用编制，对照编制标准，人员年龄结构，与全县中位数比较。</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Save as Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Writing {path}…</source>
        <translation>正在写出 {path}…</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}</source>
        <translation>无法写出 {path}：{reason}</translation>
    </message>
    <message>
        <source>Written: {path}</source>
        <translation>已写出：{path}</translation>
    </message>
</context>
<context>
    <name>Decisions</name>
    <message>
        <source>Written to the ledger: {n} townships changed ({names}); {slots} slots moved.</source>
        <translation>已写入台账：{n} 个乡镇编制调整（{names}），调剂编制 {slots} 名。</translation>
    </message>
    <message>
        <source>Apply proposal to ledger</source>
        <translation>将调剂方案写入台账</translation>
    </message>
    <message>
        <source>e.g. X编〔2026〕3号</source>
        <translation>例：X编〔2026〕3号</translation>
    </message>
    <message>
        <source>Committee document number:</source>
        <translation>编委文件号：</translation>
    </message>
    <message>
        <source>Date of the document:</source>
        <translation>文件日期：</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>写入台账</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Applied at</source>
        <translation>执行时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>执行人</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>情景</translation>
    </message>
    <message>
        <source>Committee document</source>
        <translation>编委文件号</translation>
    </message>
    <message>
        <source>Document date</source>
        <translation>文件日期</translation>
    </message>
    <message>
        <source>Townships changed</source>
        <translation>调整的乡镇</translation>
    </message>
    <message>
        <source>Slots moved</source>
        <translation>调剂名额</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Applied proposals and committee decisions</source>
        <translation>已执行调剂方案与编委决定</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <source>Edit the standing checks</source>
        <translation>修改编制标准</translation>
    </message>
    <message>
        <source>Standing checks</source>
        <translation>编制标准</translation>
    </message>
    <message>
        <source>Blank means no limit. Townships outside a rule are marked in the ledger and named in their assessment; a scenario can take the bands as solve bands.</source>
        <translation>留空表示不设限。超出标准的乡镇在台账中标注，并在其编制评估中列出；情景可将类别区间用作测算区间。</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>下限</translation>
    </message>
    <message>
        <source>High</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>Most offices</source>
        <translation>最多机构数</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Quota band per category</source>
        <translation>各类别编制区间</translation>
    </message>
    <message>
        <source>Leadership posts per category</source>
        <translation>各类别领导职数标准</translation>
    </message>
    <message>
        <source>Offices per township</source>
        <translation>每个乡镇内设机构上限</translation>
    </message>
</context>
</TS>
