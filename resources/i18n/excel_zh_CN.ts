<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ExcelActions</name>
    <message>
        <location filename="../../ui/excel_actions.py" line="54"/>
        <source>Import {file}</source>
        <translation>导入 {file}</translation>
    </message>
    <message>
        <location filename="../../ui/excel_actions.py" line="127"/>
        <source>Import ledger from Excel</source>
        <translation>从 Excel 导入台账</translation>
    </message>
    <message>
        <location filename="../../ui/excel_actions.py" line="155"/>
        <location filename="../../ui/excel_actions.py" line="199"/>
        <source>Open a ledger database first.</source>
        <translation>请先打开台账数据库。</translation>
    </message>
    <message>
        <location filename="../../ui/excel_actions.py" line="158"/>
        <source>This ledger is open read-only because another window holds it; close that window to import.</source>
        <translation>此台账由另一个窗口占用，当前为只读打开；请关闭那个窗口后再导入。</translation>
    </message>
    <message>
        <location filename="../../ui/excel_actions.py" line="166"/>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message>
        <location filename="../../ui/excel_actions.py" line="173"/>
        <source>{file} was not imported: {count} problem(s).</source>
        <translation>{file} 未导入：发现 {count} 个问题。</translation>
    </message>
    <message>
        <location filename="../../ui/excel_actions.py" line="178"/>
        <source>{file} holds the same ledger as the database; nothing to import.</source>
        <translation>{file} 与数据库中的台账完全相同，无需导入。</translation>
    </message>
    <message>
        <location filename="../../ui/excel_actions.py" line="182"/>
        <source>Import cancelled; the ledger was not changed.</source>
        <translation>已取消导入，台账未作改动。</translation>
    </message>
    <message>
        <location filename="../../ui/excel_actions.py" line="185"/>
        <source>Importing {file}…</source>
        <translation>正在导入 {file}…</translation>
    </message>
    <message>
        <location filename="../../ui/excel_actions.py" line="191"/>
        <source>Imported {count} townships from {file}.</source>
        <translation>已从 {file} 导入 {count} 个乡镇。</translation>
    </message>
    <message>
        <location filename="../../ui/excel_actions.py" line="202"/>
        <source>Export ledger to Excel</source>
        <translation>导出台账到 Excel</translation>
    </message>
    <message>
        <location filename="../../ui/excel_actions.py" line="203"/>
        <source>ledger-{day}.xlsx</source>
        <translation>编制台账-{day}.xlsx</translation>
    </message>
    <message>
        <location filename="../../ui/excel_actions.py" line="206"/>
        <source>Exporting to {file}…</source>
        <translation>正在导出到 {file}…</translation>
    </message>
    <message>
        <location filename="../../ui/excel_actions.py" line="207"/>
        <source>Exported {count} townships to {file}.</source>
        <translation>已导出 {count} 个乡镇到 {file}。</translation>
    </message>
    <message>
        <location filename="../../ui/excel_actions.py" line="213"/>
        <source>An import or export is still running.</source>
        <translation>导入或导出仍在进行中。</translation>
    </message>
    <message>
        <location filename="../../ui/excel_actions.py" line="221"/>
        <source>Save import template</source>
        <translation>保存导入模板</translation>
    </message>
    <message>
        <location filename="../../ui/excel_actions.py" line="221"/>
        <source>ledger-template.xlsx</source>
        <translation>编制台账导入模板.xlsx</translation>
    </message>
    <message>
        <location filename="../../ui/excel_actions.py" line="227"/>
        <source>Could not write {file}: {reason}</source>
        <translation>无法写入 {file}：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/excel_actions.py" line="230"/>
        <source>Import template saved to {file}.</source>
        <translation>导入模板已保存到 {file}。</translation>
    </message>
    <message>
        <location filename="../../ui/excel_actions.py" line="236"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/excel_actions.py" line="258"/>
        <source>Cancelled; the ledger was not changed.</source>
        <translation>已取消，台账未作改动。</translation>
    </message>
    <message>
        <location filename="../../ui/excel_actions.py" line="277"/>
        <source>&amp;Import from Excel…</source>
        <translation>从 Excel 导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/excel_actions.py" line="278"/>
        <source>Replace the ledger with a workbook in the import template&apos;s format</source>
        <translation>用按导入模板格式填写的工作簿替换整个台账</translation>
    </message>
    <message>
        <location filename="../../ui/excel_actions.py" line="279"/>
        <source>&amp;Export to Excel…</source>
        <translation>导出到 Excel(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/excel_actions.py" line="280"/>
        <source>Write the ledger in the import template&apos;s format</source>
        <translation>按导入模板格式导出台账</translation>
    </message>
    <message>
        <location filename="../../ui/excel_actions.py" line="281"/>
        <source>Save import &amp;template…</source>
        <translation>保存导入模板(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/excel_actions.py" line="282"/>
        <source>Write the blank workbook to fill in and import</source>
        <translation>保存空白模板，填写后即可导入</translation>
    </message>
</context>
<context>
    <name>ExcelDialogs</name>
    <message>
        <location filename="../../ui/excel_dialogs.py" line="23"/>
        <source>Administrative</source>
        <translation>行政编制</translation>
    </message>
    <message>
        <location filename="../../ui/excel_dialogs.py" line="23"/>
        <source>Institutional</source>
        <translation>事业编制</translation>
    </message>
    <message>
        <location filename="../../ui/excel_dialogs.py" line="24"/>
        <source>Support</source>
        <translation>工勤编制</translation>
    </message>
    <message>
        <location filename="../../ui/excel_dialogs.py" line="34"/>
        <source>Import ledger from Excel</source>
        <translation>从 Excel 导入台账</translation>
    </message>
    <message>
        <location filename="../../ui/excel_dialogs.py" line="39"/>
        <source>&lt;b&gt;Replace the ledger with the contents of “{file}”?&lt;/b&gt;&lt;br&gt;Townships: {added} added, {changed} changed, {removed} removed, {unchanged} unchanged. Edit → Undo puts the present ledger back.</source>
        <translation>&lt;b&gt;用“{file}”的内容替换整个台账吗？&lt;/b&gt;&lt;br&gt;乡镇：新增 {added} 个，变更 {changed} 个，删除 {removed} 个，不变 {unchanged} 个。导入后可用“编辑 → 撤销”恢复现在的台账。</translation>
    </message>
    <message>
        <location filename="../../ui/excel_dialogs.py" line="48"/>
        <source>Quota kind</source>
        <translation>编制类型</translation>
    </message>
    <message>
        <location filename="../../ui/excel_dialogs.py" line="48"/>
        <source>Approved before</source>
        <translation>核定编制（导入前）</translation>
    </message>
    <message>
        <location filename="../../ui/excel_dialogs.py" line="48"/>
        <source>Approved after</source>
        <translation>核定编制（导入后）</translation>
    </message>
    <message>
        <location filename="../../ui/excel_dialogs.py" line="48"/>
        <source>Staff before</source>
        <translation>实有人数（导入前）</translation>
    </message>
    <message>
        <location filename="../../ui/excel_dialogs.py" line="49"/>
        <source>Staff after</source>
        <translation>实有人数（导入后）</translation>
    </message>
    <message>
        <location filename="../../ui/excel_dialogs.py" line="74"/>
        <source>Notices (not errors):</source>
        <translation>提示（不是错误）：</translation>
    </message>
    <message>
        <location filename="../../ui/excel_dialogs.py" line="79"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/excel_dialogs.py" line="95"/>
        <source>The file was not imported</source>
        <translation>文件未导入</translation>
    </message>
    <message>
        <location filename="../../ui/excel_dialogs.py" line="100"/>
        <source>{count} problem(s) found in “{file}”. The ledger was not changed. Correct the workbook and import it again.</source>
        <translation>“{file}”中发现 {count} 个问题，台账未作任何改动。请在工作簿中改正后重新导入。</translation>
    </message>
    <message>
        <location filename="../../ui/excel_dialogs.py" line="109"/>
        <source>… and {more} more: use “Save list…” for all of them.</source>
        <translation>… 另有 {more} 个问题未显示，请用“保存清单…”查看全部。</translation>
    </message>
    <message>
        <location filename="../../ui/excel_dialogs.py" line="114"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../ui/excel_dialogs.py" line="115"/>
        <source>Save list…</source>
        <translation>保存清单…</translation>
    </message>
    <message>
        <location filename="../../ui/excel_dialogs.py" line="132"/>
        <source>Save the list of problems</source>
        <translation>保存问题清单</translation>
    </message>
    <message>
        <location filename="../../ui/excel_dialogs.py" line="133"/>
        <source>Text files (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
</context>
</TS>
