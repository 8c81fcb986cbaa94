<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CoverDialog</name>
    <message>
        <source>Who covers whom — {township}</source>
        <translation>顶岗查询 — {township}</translation>
    </message>
    <message>
        <source>Away (leave, training):</source>
        <translation>不在岗人员（休假、培训）：</translation>
    </message>
    <message>
        <source>Stand-ins:</source>
        <translation>顶岗安排：</translation>
    </message>
    <message>
        <source>Tick the people who are away.</source>
        <translation>请勾选不在岗的人员。</translation>
    </message>
    <message>
        <source>Left without anyone: </source>
        <translation>无人办理的事项：</translation>
    </message>
    <message>
        <source>None of them holds a duty as A.</source>
        <translation>所选人员均未担任A岗。</translation>
    </message>
    <message>
        <source>Backup office</source>
        <translation>备岗机构</translation>
    </message>
    <message>
        <source>Office:</source>
        <translation>内设机构：</translation>
    </message>
    <message>
        <source>Backed up by:</source>
        <translation>备岗机构：</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Named roster — {township}</source>
        <translation>AB岗名单 — {township}</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（无人）</translation>
    </message>
    <message>
        <source>Changes against today:</source>
        <translation>与现行安排相比的变动：</translation>
    </message>
    <message>
        <source>Wall table (double A/B roster)</source>
        <translation>双AB岗公示表</translation>
    </message>
    <message>
        <source>This township: {township}</source>
        <translation>本乡镇：{township}</translation>
    </message>
    <message>
        <source>Every township</source>
        <translation>全部乡镇</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>保存为PDF…</translation>
    </message>
    <message>
        <source>Save Excel…</source>
        <translation>保存为Excel…</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>保存为PDF</translation>
    </message>
    <message>
        <source>Save Excel</source>
        <translation>保存为Excel</translation>
    </message>
    <message>
        <source>Written: {path}</source>
        <translation>已写出：{path}</translation>
    </message>
</context>
<context>
    <name>PostCommands</name>
    <message>
        <source>Add post {post}</source>
        <translation>添加岗位 {post}</translation>
    </message>
    <message>
        <source>Remove post {post}</source>
        <translation>删除岗位 {post}</translation>
    </message>
    <message>
        <source>Edit post {post}</source>
        <translation>修改岗位 {post}</translation>
    </message>
    <message>
        <source>Backup office of {office}</source>
        <translation>设置 {office} 的备岗机构</translation>
    </message>
</context>
<context>
    <name>PostsView</name>
    <message>
        <source>Office</source>
        <translation>内设机构</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>在岗人员</translation>
    </message>
    <message>
        <source>A duties</source>
        <translation>A岗事项</translation>
    </message>
    <message>
        <source>B duties</source>
        <translation>B岗事项</translation>
    </message>
    <message>
        <source>Load (people)</source>
        <translation>工作量（人）</translation>
    </message>
    <message>
        <source>(vacant)</source>
        <translation>（空缺）</translation>
    </message>
    <message>
        <source>Office:</source>
        <translation>内设机构：</translation>
    </message>
    <message>
        <source>Post name:</source>
        <translation>岗位名称：</translation>
    </message>
    <message>
        <source>Holder:</source>
        <translation>在岗人员：</translation>
    </message>
    <message>
        <source>A duties (holds)</source>
        <translation>A岗事项（主办）</translation>
    </message>
    <message>
        <source>B duties (stands in)</source>
        <translation>B岗事项（备岗）</translation>
    </message>
    <message>
        <source>No gaps: every duty has its A and B holders.</source>
        <translation>没有缺口：每个事项都有A岗和B岗。</translation>
    </message>
    <message>
        <source>Add post…</source>
        <translation>添加岗位…</translation>
    </message>
    <message>
        <source>Edit post…</source>
        <translation>修改岗位…</translation>
    </message>
    <message>
        <source>Remove post</source>
        <translation>删除岗位</translation>
    </message>
    <message>
        <source>Backup office…</source>
        <translation>备岗机构…</translation>
    </message>
    <message>
        <source>Who covers whom…</source>
        <translation>顶岗查询…</translation>
    </message>
    <message>
        <source>Named roster from the design…</source>
        <translation>按测算生成AB岗名单…</translation>
    </message>
    <message>
        <source>Wall table…</source>
        <translation>公示表…</translation>
    </message>
</context>
</TS>
