<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PrintActions</name>
    <message>
        <source>Print pre&amp;view…</source>
        <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Print proposal…</source>
        <translation>打印调剂方案(&amp;P)…</translation>
    </message>
    <message>
        <source>Export proposal as P&amp;DF…</source>
        <translation>导出调剂方案为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Export proposal to E&amp;xcel…</source>
        <translation>导出调剂方案为 Excel(&amp;X)…</translation>
    </message>
    <message>
        <source>Export request as &amp;Word…</source>
        <translation>导出请示(Word)(&amp;W)…</translation>
    </message>
    <message>
        <source>See the printed proposal page by page</source>
        <translation>逐页查看调剂方案的打印效果</translation>
    </message>
    <message>
        <source>The request to the committee as an editable Word document (GB/T 9704 layout)</source>
        <translation>按公文格式（GB/T 9704）生成可编辑的 Word 请示</translation>
    </message>
    <message>
        <source>Proposa&amp;l parts to print</source>
        <translation>打印和导出内容(&amp;L)</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>方案正文</translation>
    </message>
    <message>
        <source>Annexes</source>
        <translation>方案附件</translation>
    </message>
    <message>
        <source>Body and annexes</source>
        <translation>正文和附件</translation>
    </message>
    <message>
        <source>Compute a proposal first (Tools → Solve).</source>
        <translation>请先计算调剂方案（工具 → 求解）。</translation>
    </message>
    <message>
        <source>Print preview — proposal</source>
        <translation>打印预览 — 调剂方案</translation>
    </message>
    <message>
        <source>Which part of the proposal to show and print</source>
        <translation>选择显示和打印方案的哪一部分</translation>
    </message>
    <message>
        <source>The proposal was sent to the printer.</source>
        <translation>调剂方案已发送到打印机。</translation>
    </message>
    <message>
        <source>Export proposal as PDF</source>
        <translation>导出调剂方案为 PDF</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>正在写入 {file}…</translation>
    </message>
    <message>
        <source>Export request as Word</source>
        <translation>导出请示(Word)</translation>
    </message>
    <message>
        <source>Export proposal to Excel</source>
        <translation>导出调剂方案为 Excel</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Writing the proposal</source>
        <translation>写出调剂方案</translation>
    </message>
    <message>
        <source>Could not write {file}.</source>
        <translation>未能写入 {file}。</translation>
    </message>
    <message>
        <source>Could not write {file}: {reason}</source>
        <translation>未能写入 {file}：{reason}</translation>
    </message>
    <message>
        <source>Proposal written to {file}.</source>
        <translation>调剂方案已写入 {file}。</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>已取消导出。</translation>
    </message>
</context>
</TS>
