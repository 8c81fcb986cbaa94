"""Word lists for the demo county: office names, duty names, syllables for place names.

Place names are made from pairs of syllables chosen to sound like a county in
hilly central China; they are invented, not taken from a gazetteer.
"""

# Syllables for invented place names (two or three of them per name).
PLACE_SYLLABLES = (
    "青岚 云溪 翠岭 梧桐 杏坪 枫林 松塘 柳湾 荷塘 竹溪 石岗 金沙 银杏 桃源 梨花 杉木 兰田 芦汀 "
    "白鹭 鹤鸣 燕归 凤栖 龙潭 虎岩 鹿角 雁门 鸣泉 栖霞 映山 望岳 观澜 临川 溪口 沙洲 渡头 "
    "西坪 东岙 南垣 北堰 上畈 下湾 中垄 新塘 旧圩 岭脚 坳头 冲口 垭口 坝上 洲尾 滩头 湖坊 "
    "泉水 清溪 碧波 明月 朝阳 晓霞 春晖 秋实 丰乐 永宁 长兴 安和 太平 嘉禾 富源 瑞丰 广福"
).split()

ADMIN_OFFICES = ["党政综合办公室", "经济发展办公室", "社会事务办公室", "综合治理办公室",
                 "自然资源和生态环境办公室", "应急管理办公室", "党建工作办公室"]
INSTITUTIONAL_OFFICES = ["便民服务中心", "农业综合服务中心", "文化站", "退役军人服务站",
                         "社会治安综合治理中心"]
SUPPORT_OFFICES = ["后勤保障组"]

# (duty, kind of work), as a real township's duty list reads (domain.md):
# "case": a counter item for the public, 5–30 minutes a case;
# "visit": a field item (home visit, inspection, patrol), 60–240 minutes a trip;
# "office": internal paperwork and meetings, counted per document or meeting;
# "fixed": one of the handful of duties with fixed annual hours and no case
# count (Party building, stability, standing emergency duty, support work).
OFFICE_DUTIES: dict[str, list[tuple[str, str]]] = {
    "党政综合办公室": [
        ("公文收发与办理", "office"), ("会议组织与纪要", "office"), ("督查督办", "office"), ("信息报送", "office"),
        ("机要保密管理", "office"), ("档案管理", "office"), ("政务公开", "office"), ("人事工资管理", "office"),
        ("财务报账", "office"), ("固定资产管理", "office"), ("值班值守", "fixed"), ("接待联络", "office"),
        ("人大代表联络", "office"), ("政协委员联络", "office"), ("统计报表汇总", "office")],
    "经济发展办公室": [
        ("招商引资项目服务", "visit"), ("企业走访服务", "visit"), ("安全生产监管", "visit"),
        ("统计调查", "visit"), ("财政预算编制", "office"), ("乡村振兴项目管理", "visit"),
        ("农村集体资产监管", "office"), ("市场主体培育", "visit"), ("项目申报", "office"),
        ("产业园区服务", "visit"), ("经营主体登记指导", "case"), ("集体经济审计", "visit")],
    "社会事务办公室": [
        ("教育事务协调", "office"), ("卫生健康事务", "office"), ("民族宗教事务", "visit"),
        ("计划生育奖励扶助审核", "case"), ("残疾人事务", "case"), ("老龄工作", "visit"),
        ("妇女儿童工作", "visit"), ("慈善救助", "case"), ("临时救助审批", "visit"),
        ("特困人员供养管理", "visit"), ("留守儿童关爱", "visit"), ("殡葬管理", "visit")],
    "综合治理办公室": [
        ("矛盾纠纷排查调处", "visit"), ("信访接待与办理", "case"), ("网格化管理", "visit"),
        ("禁毒工作", "visit"), ("平安建设", "fixed"), ("社区矫正协助", "visit"),
        ("重点人员稳控", "fixed"), ("普法宣传", "visit"), ("人民调解", "visit"),
        ("反诈宣传", "visit"), ("流动人口管理", "case")],
    "自然资源和生态环境办公室": [
        ("耕地保护巡查", "visit"), ("违法用地查处", "visit"), ("农村宅基地审批", "visit"),
        ("河湖长制巡河", "visit"), ("林长制巡林", "visit"), ("环境污染投诉处理", "visit"),
        ("秸秆禁烧", "visit"), ("地质灾害巡查", "visit"), ("人居环境整治", "visit")],
    "应急管理办公室": [
        ("应急值守", "fixed"), ("防汛抗旱", "fixed"), ("森林防灭火", "fixed"), ("消防安全检查", "visit"),
        ("自然灾害救助", "visit"), ("应急预案演练", "office"), ("安全隐患排查", "visit")],
    "党建工作办公室": [
        ("党员发展", "office"), ("党组织关系转接", "case"), ("党费收缴管理", "office"),
        ("基层党组织建设", "fixed"), ("党员教育培训", "office"), ("干部考核", "office"),
        ("宣传思想工作", "office"), ("纪检监察协助", "visit"), ("村级组织换届指导", "visit")],
    "便民服务中心": [
        ("城乡居民养老保险参保登记", "case"), ("城乡居民医保缴费", "case"), ("医保报销受理", "case"),
        ("最低生活保障申请受理", "visit"), ("残疾人证办理", "case"), ("高龄津贴申领", "case"),
        ("户籍证明开具", "case"), ("居住证办理", "case"), ("就业登记", "case"), ("失业登记", "case"),
        ("生育登记服务", "case"), ("农村建房申请受理", "visit"), ("社保卡申领", "case"),
        ("营业执照代办", "case"), ("不动产登记代办", "case"), ("老年人优待证办理", "case"),
        ("困难群众救助申请受理", "visit"), ("养老金资格认证", "case"), ("婚育证明开具", "case"),
        ("水电气业务代办", "case"), ("村级代办点指导", "visit"), ("上门代办服务", "visit"),
        ("政务服务回访", "visit")],
    "农业综合服务中心": [
        ("农业技术推广", "visit"), ("动物防疫", "visit"), ("农作物病虫害监测", "visit"),
        ("农机安全监理", "visit"), ("耕地地力补贴核实", "case"), ("农业保险理赔查勘", "visit"),
        ("畜禽养殖备案", "case"), ("水利设施管护", "visit"), ("农村土地承包管理", "office"),
        ("农产品质量安全检测", "visit"), ("林业技术服务", "visit"), ("高标准农田建设", "visit"),
        ("防返贫动态监测", "visit"), ("农民专业合作社指导", "visit"),
        ("农田水利巡查", "visit"), ("种子农药市场检查", "visit"), ("粮食生产统计", "visit"),
        ("农业面源污染监测", "visit"), ("土壤墒情监测", "visit"), ("家庭农场指导", "visit"),
        ("农机购置补贴核查", "visit")],
    "文化站": [
        ("群众文化活动组织", "office"), ("农家书屋管理", "office"), ("文物保护巡查", "visit"),
        ("非遗项目保护", "office"), ("全民健身活动", "office"), ("文化市场巡查", "visit"),
        ("广播电视公共服务", "case"),
        ("村级文化活动指导", "visit"), ("文化志愿服务", "visit"), ("乡村文艺队辅导", "visit"), ("送戏下乡组织", "office")],
    "退役军人服务站": [
        ("退役军人信息采集", "case"), ("优抚对象走访慰问", "visit"), ("悬挂光荣牌", "visit"),
        ("优抚金发放核对", "case"), ("退役军人就业帮扶", "visit"), ("征兵工作", "office"),
        ("退役军人困难帮扶", "visit"), ("军属走访", "visit"), ("退役军人矛盾调处", "visit")],
    "社会治安综合治理中心": [
        ("综治视联网值守", "fixed"), ("矛盾纠纷多元化解", "visit"), ("法律援助受理", "case"),
        ("雪亮工程管理", "office"), ("心理服务站运行", "office"),
        ("综治网格员指导", "visit"), ("治安巡逻", "visit"), ("重点场所排查", "visit"), ("矛盾纠纷回访", "visit")],
    "后勤保障组": [
        ("公务用车驾驶", "fixed"), ("机关食堂", "fixed"), ("门卫安保", "fixed"), ("办公用房维护", "fixed")],
}

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩邓冯曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢"
GIVEN_CHARS = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力斌宇浩凯秀兰晓婷佳琳雪梅志海云峰"
