<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AuditLog</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record type</source>
        <translation>对象类型</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>新值</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>全部用户</translation>
    </message>
    <message>
        <source>{shown} of {total} entries</source>
        <translation>共 {total} 条，显示 {shown} 条</translation>
    </message>
    <message>
        <source>Export audit log</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <source>audit-log.csv</source>
        <translation>审计日志.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>{count} audit entries written to {path}</source>
        <translation>已将 {count} 条审计记录导出到 {path}</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>操作：</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <source>township, field, value…</source>
        <translation>乡镇、字段、数值…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
</context>
<context>
    <name>Safety</name>
    <message>
        <source>Password for {url}:</source>
        <translation>{url} 的密码：</translation>
    </message>
    <message>
        <source>It will be kept in the system keyring.</source>
        <translation>密码将保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>It is not stored: you will be asked again next time.</source>
        <translation>密码不会保存，下次打开时会再次询问。</translation>
    </message>
    <message>
        <source>Database password</source>
        <translation>数据库密码</translation>
    </message>
</context>
<context>
    <name>SafetyActions</name>
    <message>
        <source>Restore &amp;from backup…</source>
        <translation>从备份恢复(&amp;F)…</translation>
    </message>
    <message>
        <source>Bac&amp;k up to…</source>
        <translation>备份到(&amp;K)…</translation>
    </message>
    <message>
        <source>{user} on {host} (process {pid}, since {since})</source>
        <translation>{host} 上的用户 {user}（进程 {pid}，自 {since} 起）</translation>
    </message>
    <message>
        <source>another window</source>
        <translation>另一个窗口</translation>
    </message>
    <message>
        <source>Read-only: this ledger is open for editing by {who}. Nothing can be saved here; close the other window, then reopen the ledger to edit it.</source>
        <translation>只读：此台账正由{who}打开编辑，本窗口不能保存任何修改；请关闭另一个窗口后重新打开台账再编辑。</translation>
    </message>
    <message>
        <source>Back up the ledger to</source>
        <translation>将台账备份到</translation>
    </message>
    <message>
        <source>Back up</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>This ledger is on a database server. Its backups are made on the server (pg_dump); ask the server's administrator.</source>
        <translation>此台账位于数据库服务器上，由服务器进行备份（pg_dump），请联系服务器管理员。</translation>
    </message>
    <message>
        <source>Backup saved to {path}</source>
        <translation>已备份到 {path}</translation>
    </message>
    <message>
        <source>Automatic backups</source>
        <translation>自动备份</translation>
    </message>
    <message>
        <source>How many automatic backups (before applying a proposal, importing, upgrading or restoring) to keep per ledger:</source>
        <translation>每个台账保留多少份自动备份（执行方案、导入、升级或恢复之前自动生成）：</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Replace the ledger with the backup {name}?

The ledger as it is now is backed up first, so this can be reversed by restoring that backup.</source>
        <translation>用备份 {name} 替换当前台账？

恢复前会先备份当前台账，需要时可再从该备份恢复。</translation>
    </message>
    <message>
        <source>Restored from {backup}. The ledger as it was before is saved in {safety}.</source>
        <translation>已从 {backup} 恢复。恢复前的台账已保存在 {safety}。</translation>
    </message>
    <message>
        <source>Save conflict</source>
        <translation>保存冲突</translation>
    </message>
    <message>
        <source>Reload theirs</source>
        <translation>重新载入对方的版本</translation>
    </message>
    <message>
        <source>Overwrite with mine</source>
        <translation>用我的修改覆盖</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Reloaded: the ledger shows the other user's change.</source>
        <translation>已重新载入：台账显示的是对方的修改。</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>Save a consistent copy of the ledger in the backups folder</source>
        <translation>在 backups 文件夹中保存台账的一致副本</translation>
    </message>
    <message>
        <source>Back up &amp;to…</source>
        <translation>备份到(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation>审计日志(&amp;A)…</translation>
    </message>
    <message>
        <source>Automatic &amp;backups to keep…</source>
        <translation>自动备份保留份数(&amp;B)…</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
</context>
</TS>