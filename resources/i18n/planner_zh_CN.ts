<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>{township} {kind}: staff {staff}, but {people} people of this kind are on file</source>
        <translation>{township}{kind}：实有人数为 {staff}，但人员名册中该类人员有 {people} 人</translation>
    </message>
    <message>
        <source>Change {field} of {township}</source>
        <translation>修改{township}的{field}</translation>
    </message>
    <message>
        <source>Change {kind} {field} of {township}</source>
        <translation>修改{township}的{kind}{field}</translation>
    </message>
    <message>
        <source>Change office {office} of {township}</source>
        <translation>修改{township}的内设机构“{office}”</translation>
    </message>
    <message>
        <source>Change duty {duty} of {township}</source>
        <translation>修改{township}的职责事项“{duty}”</translation>
    </message>
    <message>
        <source>Change person {number} of {township}</source>
        <translation>修改{township}第 {number} 名人员</translation>
    </message>
    <message>
        <source>Add township {township}</source>
        <translation>新增乡镇“{township}”</translation>
    </message>
    <message>
        <source>Remove township {township}</source>
        <translation>删除乡镇“{township}”</translation>
    </message>
    <message>
        <source>Add duty {duty} to {township}</source>
        <translation>为{township}新增职责事项“{duty}”</translation>
    </message>
    <message>
        <source>Remove duty {duty} from {township}</source>
        <translation>删除{township}的职责事项“{duty}”</translation>
    </message>
    <message>
        <source>Change parameter {name}</source>
        <translation>修改参数“{name}”</translation>
    </message>
</context>
<context>
    <name>Delegates</name>
    <message>
        <source>Press F2 or double-click to rename</source>
        <translation>按 F2 或双击修改名称</translation>
    </message>
    <message>
        <source>The name must not be empty</source>
        <translation>名称不能为空</translation>
    </message>
    <message>
        <source>This name is already used</source>
        <translation>该名称已被使用</translation>
    </message>
    <message>
        <source>A number, 0 or more</source>
        <translation>请输入不小于 0 的数字</translation>
    </message>
</context>
<context>
    <name>DetailModels</name>
    <message>
        <source>{volume} cases × {minutes} min ÷ 60 + {fixed} fixed hours</source>
        <translation>{volume} 件 × {minutes} 分钟 ÷ 60 + 固定 {fixed} 小时</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
</context>
<context>
    <name>FileMenu</name>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>Opened {name}</source>
        <translation>已打开 {name}</translation>
    </message>
    <message>
        <source>New ledger database</source>
        <translation>新建台账数据库</translation>
    </message>
    <message>
        <source>{path} already exists. Choose another name, or open it with File → Open.</source>
        <translation>{path} 已存在。请换一个文件名，或用“文件 → 打开”打开它。</translation>
    </message>
    <message>
        <source>Open ledger database</source>
        <translation>打开台账数据库</translation>
    </message>
    <message>
        <source>Open database URL</source>
        <translation>打开数据库地址</translation>
    </message>
    <message>
        <source>SQLAlchemy URL, e.g. postgresql+psycopg://user@host/ledger
(the password is taken from ~/.pgpass or may be written in the URL):</source>
        <translation>SQLAlchemy 地址，例如 postgresql+psycopg://user@host/ledger
（密码从 ~/.pgpass 读取，也可写在地址中）：</translation>
    </message>
    <message>
        <source>This is not a database URL: {url}</source>
        <translation>这不是数据库地址：{url}</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Open recent</source>
        <translation>最近打开</translation>
    </message>
    <message>
        <source>{path} no longer exists.</source>
        <translation>{path} 已不存在。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Administrative</source>
        <translation>行政</translation>
    </message>
    <message>
        <source>Institutional</source>
        <translation>事业</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>工勤</translation>
    </message>
    <message>
        <source>Admin.</source>
        <translation>行政</translation>
    </message>
    <message>
        <source>Inst.</source>
        <translation>事业</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>Class I</source>
        <translation>一类</translation>
    </message>
    <message>
        <source>Class II</source>
        <translation>二类</translation>
    </message>
    <message>
        <source>Class III</source>
        <translation>三类</translation>
    </message>
    <message>
        <source>Shortage</source>
        <translation>紧缺</translation>
    </message>
    <message>
        <source>Surplus</source>
        <translation>富余</translation>
    </message>
    <message>
        <source>Balanced</source>
        <translation>适中</translation>
    </message>
    <message>
        <source>No workload on file</source>
        <translation>无工作量数据</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Population</source>
        <translation>人口</translation>
    </message>
    <message>
        <source>Area (km²)</source>
        <translation>面积(平方公里)</translation>
    </message>
    <message>
        <source>Villages</source>
        <translation>行政村数</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>锁定</translation>
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
        <source>Staff</source>
        <translation>实有人数</translation>
    </message>
    <message>
        <source>Leadership posts</source>
        <translation>领导职数</translation>
    </message>
    <message>
        <source>Vacancy</source>
        <translation>空编</translation>
    </message>
    <message>
        <source>Over quota</source>
        <translation>超编</translation>
    </message>
    <message>
        <source>Required FTE</source>
        <translation>测算需求</translation>
    </message>
    <message>
        <source>Pressure</source>
        <translation>实有/测算需求</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>内设机构</translation>
    </message>
    <message>
        <source>Duty</source>
        <translation>职责事项</translation>
    </message>
    <message>
        <source>Duties</source>
        <translation>职责事项</translation>
    </message>
    <message>
        <source>Annual volume</source>
        <translation>年办件量</translation>
    </message>
    <message>
        <source>Minutes per case</source>
        <translation>单件工时(分钟)</translation>
    </message>
    <message>
        <source>Fixed hours</source>
        <translation>固定年工时(小时)</translation>
    </message>
    <message>
        <source>Annual hours</source>
        <translation>年工时(小时)</translation>
    </message>
    <message>
        <source>Duty hours</source>
        <translation>职责工时(小时)</translation>
    </message>
    <message>
        <source>A/B backup</source>
        <translation>需AB岗</translation>
    </message>
    <message>
        <source>In quota since</source>
        <translation>入编日期</translation>
    </message>
    <message>
        <source>Leaders</source>
        <translation>领导职数</translation>
    </message>
    <message>
        <source>Working days per year</source>
        <translation>年工作日</translation>
    </message>
    <message>
        <source>Annual leave days</source>
        <translation>年休假天数</translation>
    </message>
    <message>
        <source>Sick leave and other absence days</source>
        <translation>病假及其他缺勤天数</translation>
    </message>
    <message>
        <source>Training days</source>
        <translation>培训天数</translation>
    </message>
    <message>
        <source>Working hours per day</source>
        <translation>每日工时</translation>
    </message>
    <message>
        <source>Share of time for meetings, studies and reporting</source>
        <translation>公共事务时间占比（会议、学习、报表）</translation>
    </message>
    <message>
        <source>Backup load factor (B share of the A load)</source>
        <translation>备岗负荷系数（B岗承担A岗负荷的比例）</translation>
    </message>
    <message>
        <source>Most B roles per person</source>
        <translation>每人最多B岗数</translation>
    </message>
</context>
<context>
    <name>LedgerModel</name>
    <message>
        <source>Pressure = staff ÷ required FTE. Below {low} (warm colour): shortage; above {high} (cool colour): surplus.</source>
        <translation>实有/测算需求（WISN 比值）= 实有人数 ÷ 测算需求，不同于调剂方案的“编制/需求”。低于 {low}（暖色）为紧缺；高于 {high}（冷色）为富余。</translation>
    </message>
    <message>
        <source>Approved quota (核定编制) on the ledger</source>
        <translation>台账上的核定编制数</translation>
    </message>
    <message>
        <source>Staff: people on the payroll holding this kind of quota</source>
        <translation>实有人数：占用该类编制的在编人员</translation>
    </message>
    <message>
        <source>Leadership posts, counted inside the administrative quota</source>
        <translation>领导职数，计入行政编制</translation>
    </message>
    <message>
        <source>Vacancy: approved − staff, when positive</source>
        <translation>空编：核定编制 − 实有人数（为正时）</translation>
    </message>
    <message>
        <source>Over quota: staff − approved, when positive</source>
        <translation>超编：实有人数 − 核定编制（为正时）</translation>
    </message>
    <message>
        <source>Required FTE from the workload: duty hours ÷ available hours, with the shared-duty allowance, plus leadership posts</source>
        <translation>按工作量测算的需求人数：职责工时 ÷ 年有效工作时间，计入公共事务时间，另加领导职数</translation>
    </message>
    <message>
        <source>A locked township keeps its quota in every proposal</source>
        <translation>锁定的乡镇在调剂方案中保持编制不变</translation>
    </message>
    <message>
        <source>{status}: staff {staff} ÷ required {required} FTE = {pressure} (WISN ratio, not the proposal&apos;s quota/need)</source>
        <translation>{status}：实有人数 {staff} ÷ 测算需求 {required} = {pressure}（WISN 比值，不是调剂方案的“编制/需求”）</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>{count} townships</source>
        <translation>{count} 个乡镇</translation>
    </message>
    <message>
        <source>Sums over the townships the filter shows; vacancy and over-quota are summed township by township</source>
        <translation>按当前筛选显示的乡镇合计；空编、超编逐个乡镇相加</translation>
    </message>
</context>
<context>
    <name>LedgerPanel</name>
    <message>
        <source>{shown} of {total} townships</source>
        <translation>显示 {shown} 个，共 {total} 个乡镇</translation>
    </message>
    <message>
        <source>{total} townships</source>
        <translation>共 {total} 个乡镇</translation>
    </message>
    <message>
        <source>Find a township…</source>
        <translation>查找乡镇…</translation>
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
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All townships</source>
        <translation>全部乡镇</translation>
    </message>
    <message>
        <source>Shortage (pressure &lt; 0.9)</source>
        <translation>紧缺（实有/测算需求 &lt; 0.9）</translation>
    </message>
    <message>
        <source>Surplus (pressure &gt; 1.2)</source>
        <translation>富余（实有/测算需求 &gt; 1.2）</translation>
    </message>
    <message>
        <source>Over quota</source>
        <translation>超编</translation>
    </message>
    <message>
        <source>With vacancies</source>
        <translation>有空编</translation>
    </message>
    <message>
        <source>Shortage</source>
        <translation>紧缺</translation>
    </message>
    <message>
        <source>Surplus</source>
        <translation>富余</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Dis&amp;card changes</source>
        <translation>放弃修改(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>使用指南(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Find township…</source>
        <translation>查找乡镇(&amp;F)…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Changes since the last save were undone.</source>
        <translation>已撤销上次保存以来的修改。</translation>
    </message>
    <message>
        <source>The saved state can no longer be reached by undo, because new edits were made after undoing past it. Every edit is kept in the database and the audit log; undo the steps you do not want one by one.</source>
        <translation>撤销越过保存点后又做了新的修改，已无法通过撤销回到保存时的状态。每一次修改都已记录在数据库和审计日志中，请逐步撤销不需要的修改。</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>The ledger has changes that were not saved. Keep them?</source>
        <translation>台账有尚未保存的修改。是否保留？</translation>
    </message>
    <message>
        <source>Add township</source>
        <translation>新增乡镇</translation>
    </message>
    <message>
        <source>Name of the new township:</source>
        <translation>新乡镇名称：</translation>
    </message>
    <message>
        <source>Select a township first.</source>
        <translation>请先选择一个乡镇。</translation>
    </message>
    <message>
        <source>Remove township</source>
        <translation>删除乡镇</translation>
    </message>
    <message>
        <source>Remove {name} with its quota, offices, duties and people? (Edit → Undo brings it back.)</source>
        <translation>删除“{name}”及其编制、内设机构、职责事项和人员？（可用“编辑 → 撤销”恢复。）</translation>
    </message>
    <message>
        <source>Establishment Planner</source>
        <translation>编制统筹规划</translation>
    </message>
    <message>
        <source>About Establishment Planner</source>
        <translation>关于编制统筹规划</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Establishment Planner {version}&lt;/h3&gt;&lt;p&gt;Township establishment (编制) ledger and reallocation planning for the county staffing office.&lt;/p&gt;&lt;p&gt;Database: {db}&lt;/p&gt;&lt;p&gt;Qt for Python {qt}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;编制统筹规划 {version}&lt;/h3&gt;&lt;p&gt;乡镇机构编制台账与编制调剂规划，供县委编办使用。&lt;/p&gt;&lt;p&gt;数据库：{db}&lt;/p&gt;&lt;p&gt;Qt for Python {qt}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Solver time limit</source>
        <translation>求解时限</translation>
    </message>
    <message>
        <source>Seconds the solver may run:</source>
        <translation>求解最长运行秒数：</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>编制台账</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Display &amp;density</source>
        <translation>显示密度(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Compact</source>
        <translation>紧凑(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Standard</source>
        <translation>标准(&amp;S)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Undo history</source>
        <translation>撤销历史</translation>
    </message>
    <message>
        <source>(opened)</source>
        <translation>（打开时）</translation>
    </message>
    <message>
        <source>&amp;New database…</source>
        <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>Open database &amp;URL…</source>
        <translation>打开数据库地址(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation>放弃修改(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Add township…</source>
        <translation>新增乡镇…</translation>
    </message>
    <message>
        <source>Working-time &amp;parameters…</source>
        <translation>工时参数(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Reload ledger</source>
        <translation>重新载入台账(&amp;R)</translation>
    </message>
    <message>
        <source>Solver &amp;time limit…</source>
        <translation>求解时限(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Open a ledger database (SQLite file)</source>
        <translation>打开台账数据库（SQLite 文件）</translation>
    </message>
    <message>
        <source>Mark the current ledger as saved (edits are stored as you make them)</source>
        <translation>将当前台账标记为已保存（每次修改即时存入数据库）</translation>
    </message>
    <message>
        <source>Database: {name}</source>
        <translation>数据库：{name}</translation>
    </message>
</context>
<context>
    <name>ParametersDialog</name>
    <message>
        <source>Available working time: {hours:,.0f} hours per person and year</source>
        <translation>年有效工作时间：每人每年 {hours:,.0f} 小时</translation>
    </message>
    <message>
        <source>Working-time parameters</source>
        <translation>工时参数</translation>
    </message>
</context>
<context>
    <name>ParametersModel</name>
    <message>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>允许范围</translation>
    </message>
</context>
<context>
    <name>TownshipDetailView</name>
    <message>
        <source>Select a township in the ledger to see its offices, duties and people.</source>
        <translation>在台账中选择一个乡镇，查看其内设机构、职责事项和人员。</translation>
    </message>
    <message>
        <source> · locked</source>
        <translation> · 已锁定</translation>
    </message>
    <message>
        <source>{name} ({type}, {category}) · population {population:,} · {offices} offices · {duties} duties · {people} people on file{locked}</source>
        <translation>{name}（{type}，{category}）· 人口 {population:,} · 内设机构 {offices} 个 · 职责事项 {duties} 项 · 在册人员 {people} 人{locked}</translation>
    </message>
    <message>
        <source>Add duty</source>
        <translation>新增职责事项</translation>
    </message>
    <message>
        <source>Office:</source>
        <translation>内设机构：</translation>
    </message>
    <message>
        <source>Name of the duty:</source>
        <translation>事项名称：</translation>
    </message>
    <message>
        <source>Select a duty first.</source>
        <translation>请先选择一项职责事项。</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>编制</translation>
    </message>
    <message>
        <source>Offices</source>
        <translation>内设机构</translation>
    </message>
    <message>
        <source>Duties</source>
        <translation>职责事项</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>概况</translation>
    </message>
    <message>
        <source>Add duty…</source>
        <translation>新增事项…</translation>
    </message>
    <message>
        <source>Remove duty</source>
        <translation>删除事项</translation>
    </message>
    <message>
        <source>Double-click a cell to edit; hours = cases × minutes ÷ 60 + fixed hours.</source>
        <translation>双击单元格可编辑；年工时 = 办件量 × 单件分钟 ÷ 60 + 固定工时。</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>岗位</translation>
    </message>
</context>
<context>
    <name>TownshipType</name>
    <message>
        <source>Township</source>
        <translation>乡</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>镇</translation>
    </message>
    <message>
        <source>Subdistrict</source>
        <translation>街道</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>User guide</source>
        <translation>使用指南</translation>
    </message>
</context>
</TS>
