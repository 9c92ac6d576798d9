#!/usr/bin/env python3
"""Generate a synthetic corpus of Chinese village-affairs disclosure notices (村务公开).

Usage:
    python3 bench/synth.py OUT_DIR N [--seed 1] [--communities K] [--tables P] [--long P]

    N            number of notices to write.
    --seed       RNG seed (default 1).  Same (N, seed, options) -> byte-identical
                 corpus (only random.Random calls whose results CPython 3.x
                 keeps stable across versions are used).
    --communities  number of communities (villages); default max(1, N // 100).
                 Notices are spread unevenly (random weights 0.3-1.7) but every
                 community gets at least one.
    --tables P   fraction (0..1) of list-style blocks written as GFM pipe tables
                 instead; default 0, i.e. the corpus is plain CommonMark
                 (headings, paragraphs, bullet/ordered lists, emphasis, rules).
    --long P     fraction (0..1) of notices made long (16..64 KB of body: long
                 finance ledgers, recipient lists and the like); default 0.
                 Which notices are long is drawn from a second generator, so
                 without --long the corpus is byte for byte what it was.

OUT_DIR is deleted and recreated.  Layout:

    OUT_DIR/communities.json          {"c0001": "青山县石桥镇杨柳村", ...}
    OUT_DIR/<slug>/n000001.md ...     one notice per file, named by global index

Each notice has this front matter (the `community` key repeats the folder;
the site layout of docs/design.md puts notices under <community>/<year>/ instead),
with a posting period (to = from + 5..7 days; from = date):

    ---
    title: 杨柳村2024年第一季度财务收支情况公开
    date: 2024-04-08
    category: 财务公开
    community: c0001
    period: {from: 2024-04-08, to: 2024-04-14}
    ---

Bodies are 512..4096 bytes of UTF-8 (hard bounds; 16..64 KB for --long) with a spread-out size
distribution, built from phrase banks: 财务收支公开 (income/expense lists with
consistent totals), 低保/特困/补贴 recipient lists with masked names (张*明),
四议两公开 decisions with vote counts, 工程项目 tender/award/acceptance notices,
宅基地审批公示, 党务公开 (党费, 发展党员, 主题党日, 民主评议), 惠农补贴,
集体资产发包, 公益岗位, and general notices.  Dates lie in 2015-01-01..2024-12-31.

Prints a one-line summary (files, bytes, communities) at the end.
"""

import argparse
import bisect
import datetime as dt
import json
import os
import random
import re
import shutil

# --------------------------------------------------------------------------
# Phrase banks
# --------------------------------------------------------------------------

SURNAMES = list(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚"
    "邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳"
)
GIVEN = list(
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂建华文辉国庆玉春梅海燕德胜志红福生金凤长青"
    "永荣富贵保全学良秋菊翠花小东西南北新爱民立中振兴宝山水林海云飞龙虎成功有才树根铁柱满仓小"
    "利群素琴桂香彩霞淑珍凤英玉兰喜来双全占魁守信广田家旺存运培德俊俏雪莲晓丽红霞玲慧佳欣浩宇"
)
PLACE = (
    "青山 河东 柳林 石桥 白水 安平 永丰 东湖 西坪 南岭 北川 清河 龙泉 凤台 桃源 松溪 杨柳 梅山 "
    "大营 小庄 王庄 李集 张楼 刘寨 陈湾 赵庄 孙店 马坊 高庙 罗岗 郑湾 梁庄 谢桥 宋集 许岭 韩庄 "
    "冯楼 邓家 曹店 彭庄 曾家 肖湾 田庄 董寨 袁岗 潘庄 杜集 叶湾 程庄 苏楼 魏庄 吕店 丁集 任庄 "
    "沈湾 姚庄 卢岗 姜楼 崔庄 钟岭 谭家 陆湾 汪集 范庄 金山 石门 龙湾 凤凰 双河 三里 五里 七星 "
    "九龙 十里 大桥 新庄 老街 后寨 前营 上河 下湾 中坪 东岗 西沟 南湾 北坡 黄土 红岩 绿水 金沟 "
    "银河 铜山 玉泉 翠屏 碧溪 桂花 荷塘 竹园 松林 柏树 枣林 梨园 杏花 桑园 麦田 稻香 茶山 果园 "
    "槐树 榆林 白杨 青龙 白鹤 卧牛 马鞍 狮子 鹿鸣 燕子 黄鹂 芦苇 莲花 菱角 蒲塘 沙河 柴湾 盐井 "
).split()
COUNTY_SUFFIX = ["县", "县", "县", "市", "区"]
TOWN_SUFFIX = ["镇", "镇", "乡", "街道"]
VILLAGE_SUFFIX = ["村", "村", "村", "村", "社区"]
CN_NUM = "零一二三四五六七八九十"
QUARTERS = ["第一季度", "第二季度", "第三季度", "第四季度"]

INCOME_ITEMS = (
    "上级转移支付村级运转经费 村干部报酬财政补助 村集体土地发包收入 鱼塘承包费 集体厂房租赁收入 "
    "光伏电站发电收益 一事一议财政奖补资金 村股份经济合作社分红 社会爱心捐赠款 银行存款利息收入 "
    "集体林地承包费 闲置校舍租金 农机具出租收入 高标准农田建设结余资金 人居环境整治奖补资金 "
    "美丽乡村建设补助资金 党组织服务群众经费 村集体机动地租金 门面房租金 冷库租赁收入 "
    "大棚租赁收入 乡村公益岗位补助 文化活动室补助 上级慰问金 河道保洁补助 公墓管理收入 "
    "集体经营性资产收益 土地增减挂钩收益 生态公益林补偿金 村级服务中心运行补助"
).split()
EXPENSE_ITEMS = (
    "村干部误工补贴 办公用品购置 村委会办公室电费 报刊订阅费 村内道路维修 路灯维修及电费 "
    "垃圾清运费 保洁员工资 春节慰问困难群众 党员活动经费 防汛物资采购 沟渠清淤 绿化苗木采购 "
    "监控设备维护 网络宽带费 饮水井维修 文化广场维护 老年协会活动经费 代缴困难群众医保 "
    "村法律顾问服务费 村民代表会议误工补助 文体活动器材 消防器材购置 公厕保洁及维修 "
    "打印机耗材 村务公开栏更新 疫苗接种宣传费 防火巡查补助 护林员补贴 河道巡查员补贴 "
    "村卫生室水电费 幸福院日常运行 留守儿童关爱活动 农田机耕路维修 排灌站电费 "
    "会计代理服务费 太阳能路灯安装 垃圾桶购置 村史馆布展 宣传标语制作"
).split()

WELFARE_KINDS = [
    ("农村最低生活保障", "低保", ["A类", "B类", "C类"], (260, 980)),
    ("特困人员救助供养", "特困", ["集中供养", "分散供养"], (650, 1350)),
    ("临时救助", "临时救助", ["急难型", "支出型"], (500, 3000)),
    ("困难残疾人生活补贴和重度残疾人护理补贴", "残疾人两项补贴", ["一级", "二级", "三级", "四级"], (70, 180)),
    ("高龄津贴", "高龄津贴", ["80-89周岁", "90-99周岁", "100周岁以上"], (50, 500)),
    ("防返贫监测帮扶", "监测户", ["脱贫不稳定户", "边缘易致贫户", "突发严重困难户"], (800, 5000)),
]
WELFARE_STAGE = ["拟新纳入", "续保", "动态调整", "拟退出", "年度复核"]
WELFARE_REASON = (
    "因病致贫 因残致贫 缺劳动力 因学支出较大 突发意外事故 家庭成员患重大疾病 子女年幼 "
    "年老体弱 无固定收入 房屋受灾 务工收入下降 收入超过保障标准 家庭成员就业 已享受其他救助"
).split()

MEETING_TOPICS = [
    ("村内主干道硬化", "对村内主干道约{n}米进行水泥硬化，路面宽{w}米"),
    ("修建村级文化广场", "在村委会东侧空地修建文化广场约{n}平方米，配套健身器材"),
    ("村集体机动地对外发包", "将村集体机动地{n}亩以公开竞价方式对外发包，期限{y}年"),
    ("安装太阳能路灯", "在村内主要道路安装太阳能路灯{k}盏"),
    ("新建蓄水池", "在后山新建{k}座蓄水池，解决灌溉用水问题"),
    ("发展村集体经济项目", "利用上级扶持资金建设{thing}，收益归村集体所有"),
    ("修订村规民约", "对现行村规民约进行修订，增加移风易俗、环境卫生等条款"),
    ("开展人居环境整治", "集中清理房前屋后柴草堆、垃圾堆，拆除残垣断壁{k}处"),
    ("一事一议筹资筹劳", "按每人{m}元标准筹资，用于村内生产道路维修"),
    ("土地流转", "将第{g}村民小组耕地约{n}亩流转给种植合作社，流转期限{y}年"),
    ("村卫生室改建", "对村卫生室进行改扩建，面积约{n}平方米"),
    ("建设村级幸福院", "利用闲置校舍改建幸福院，为老年人提供助餐服务"),
    ("河道清淤", "对流经本村河道约{n}米进行清淤疏浚"),
    ("高标准农田配套建设", "配套建设机井{k}眼、生产桥{k2}座"),
    ("生产桥加固", "对村南生产桥进行加固维修"),
    ("购置垃圾分类设施", "购置分类垃圾桶{k}个、垃圾转运车1辆"),
    ("村集体资产清产核资", "聘请第三方对村集体资产进行清产核资"),
    ("评选文明家庭", "开展“好婆婆”“好媳妇”“文明家庭”评选活动"),
    ("村务监督委员会成员补选", "补选村务监督委员会成员1名"),
    ("集体林地承包合同续签", "对到期的集体林地承包合同按原条件续签{y}年"),
]
SUGGESTIONS = [
    "建议施工期间做好安全防护，设置警示标志", "建议优先安排本村群众务工", "建议道路两侧同步安装排水设施",
    "建议资金使用情况每月公开一次", "希望尽快开工，赶在雨季前完工", "建议邀请老党员参与质量监督",
    "建议选用质量好的材料，不要只看价格", "建议同步考虑后期管护责任", "建议与相邻村做好衔接",
    "希望收益分配向困难户倾斜", "建议签订书面合同，明确违约责任", "建议施工避开农忙时节",
    "建议在村民微信群公开施工进度", "同意方案，无其他意见", "建议对占地农户给予合理补偿",
    "建议增加健身器材和休息座椅", "建议广场周边增设垃圾桶", "建议设置限高限宽设施，保护路面",
]
THINGS = (
    "光伏电站 农产品冷库 蔬菜大棚 食用菌种植基地 标准化厂房 农机服务中心 烘干房 "
    "乡村旅游接待中心 电商服务站 粮食仓储库"
).split()

PROJECT_WORKS = [
    ("村内道路硬化工程", "水泥混凝土路面长{n}米、宽{w}米、厚0.18米"),
    ("农田灌溉渠道改造工程", "新建U型渠道{n}米，配套分水闸{k}座"),
    ("村级文化广场建设项目", "广场铺装{n}平方米，安装健身器材{k}套"),
    ("人居环境整治提升项目", "新建排水沟{n}米，墙体美化{k}处"),
    ("饮水安全巩固提升工程", "更换供水管网{n}米，新建蓄水池{k}座"),
    ("太阳能路灯安装项目", "安装太阳能路灯{k}盏"),
    ("村党群服务中心改造项目", "改造用房{n}平方米，含水电及外墙保温"),
    ("生产道路建设项目", "砂石生产道路{n}米、宽{w}米"),
    ("河道护坡工程", "浆砌石护坡{n}米"),
    ("农产品冷库建设项目", "建设冷库{n}立方米及配套设备"),
    ("公厕改造项目", "新建水冲式公厕{k}座"),
    ("村卫生室标准化建设项目", "新建卫生室用房{n}平方米"),
    ("危桥改造工程", "拆除重建生产桥{k}座"),
    ("高标准农田机井配套工程", "新打机井{k}眼，配套地埋管线{n}米"),
]
BID_METHODS = ["竞争性谈判", "邀请招标", "公开比选", "询价", "村级小额工程三方询价"]
FUNDS = [
    "中央财政衔接推进乡村振兴补助资金", "省级财政专项资金", "县级财政统筹资金", "一事一议财政奖补资金",
    "村集体自筹资金", "乡镇财政统筹及村集体自筹", "帮扶单位捐赠资金", "地方政府专项债券资金",
]
COMPANY_WORDS = (
    "宏达 鑫源 华建 恒通 远大 永盛 金鼎 兴旺 顺达 建邦 中诚 正阳 盛世 嘉禾 利民 广厦 鼎盛 万通 "
    "润泽 天成 伟业 泰和 安居 长城 东方 新华 祥瑞 卓越 蓝天 绿源"
).split()
COMPANY_SUFFIX = [
    "建筑工程有限公司", "建设工程有限公司", "市政工程有限公司", "路桥工程有限公司",
    "水利水电工程有限公司", "园林绿化工程有限公司", "劳务有限公司", "建筑安装有限公司",
]
QUALIFICATIONS = [
    "具有独立法人资格，持有有效的营业执照",
    "具备建筑工程施工总承包三级及以上资质",
    "具备市政公用工程施工总承包三级及以上资质",
    "具备水利水电工程施工总承包三级及以上资质",
    "拟派项目负责人具有二级及以上注册建造师资格",
    "近三年内无重大安全生产事故及不良行为记录",
    "未被列入失信被执行人名单",
    "具有有效的安全生产许可证",
    "本项目不接受联合体投标",
]

HOUSE_TYPES = ["新建", "原址翻建", "改建", "分户新建", "易地搬迁安置"]
BOUNDS = ["村道", "巷道", "沟渠", "耕地", "空地", "林地", "水塘", "集体空地", "河堤", "生产路"]

PARTY_ACTIVITIES = [
    "学习贯彻党的二十大精神", "学习新修订的《中国共产党纪律处分条例》", "重温入党誓词",
    "开展“我为群众办实事”实践活动", "学习习近平新时代中国特色社会主义思想专题", "观看警示教育片",
    "开展环境卫生义务劳动", "走访慰问老党员和困难党员", "开展党史学习教育", "讨论村级发展规划",
    "学习《中国共产党农村基层组织工作条例》", "开展防汛救灾志愿服务", "组织党员参观红色教育基地",
    "开展“支部书记讲党课”", "学习乡村振兴有关政策", "开展森林防火宣传",
]
PARTY_STAGES = ["入党积极分子", "发展对象", "拟接收预备党员", "预备党员拟转正"]
PARTY_JOBS = ["务农", "个体经营", "返乡创业青年", "退役军人", "村医", "乡村教师", "合作社负责人", "外出务工"]
EDUCATION = ["初中", "高中", "中专", "大专", "本科"]

SUBSIDIES = [
    ("耕地地力保护补贴", "亩", (95, 135)),
    ("实际种粮农民一次性补贴", "亩", (12, 25)),
    ("农机购置与应用补贴", "台", (1200, 18000)),
    ("生猪调出大县奖励", "头", (20, 60)),
    ("退耕还林补助", "亩", (90, 300)),
    ("生态公益林补偿", "亩", (10, 20)),
    ("稻谷目标价格补贴", "亩", (40, 110)),
    ("小麦一次性补贴", "亩", (10, 30)),
]
MACHINES = ["拖拉机", "联合收割机", "旋耕机", "播种机", "植保无人机", "秸秆打捆机", "谷物烘干机"]

ASSETS = [  # (what, unit, quantity range, yearly base price per unit range)
    ("鱼塘", "亩", (5, 40), (500, 1500)), ("集体林地", "亩", (30, 600), (30, 150)),
    ("闲置校舍", "平方米", (300, 1500), (3, 12)), ("集体厂房", "平方米", (500, 3000), (5, 20)),
    ("荒山", "亩", (50, 800), (10, 60)), ("机动地", "亩", (10, 120), (400, 1000)),
    ("临街门面房", "间", (2, 8), (3000, 12000)), ("果园", "亩", (20, 200), (300, 900)),
]
POSTS = [
    ("村级保洁员", (500, 900)), ("生态护林员", (600, 1000)), ("河道巡查员", (400, 800)),
    ("森林防火员", (500, 900)), ("公益性岗位水管员", (300, 600)), ("乡村公路养护员", (500, 900)),
    ("农村留守老人关爱员", (300, 600)),
]
CADRE_TITLES = ["党支部书记、村委会主任", "党支部副书记", "村委会副主任", "村委委员", "村务监督委员会主任", "报账员"]

NOTICE_TOPICS = [
    ("秸秆禁烧", [
        "严禁在田间地头、房前屋后焚烧秸秆、枯枝落叶和垃圾",
        "各村民小组长要落实包片责任，发现火情立即制止并报告",
        "鼓励农户采用秸秆还田、打捆离田等方式综合利用秸秆",
        "对违规焚烧的，将依法依规予以处理并纳入“红黑榜”",
        "村“两委”干部实行分片包干，早中晚三次巡查",
    ]),
    ("汛期安全防范", [
        "居住在低洼地带、危房内的群众要提前做好转移准备",
        "严禁在河道、水库、山塘游泳和捕鱼",
        "家长要加强对未成年人的看护，防止溺水事故发生",
        "发现险情请立即拨打村防汛值班电话",
        "各村民小组要疏通房前屋后排水沟渠",
    ]),
    ("城乡居民医疗保险缴费", [
        "缴费标准按照当年度县医保局公布的个人缴费标准执行",
        "可通过手机银行、微信小程序或到村便民服务中心缴费",
        "特困、低保等困难群众个人缴费部分由财政按规定资助",
        "未按时参保缴费的，将设置待遇等待期",
        "外出务工人员可委托家属代为办理",
    ]),
    ("森林防火", [
        "进山人员严禁携带火种，严禁野外吸烟、烧纸、燃放烟花爆竹",
        "清明、春节等重点时段，护林员实行24小时值守",
        "农事用火须提前向村委会报告并落实防护措施",
        "发现火情请立即拨打森林火警电话12119",
        "对引发森林火灾的，依法追究法律责任",
    ]),
    ("人居环境整治“清洁家园”活动", [
        "每户负责清理房前屋后杂物、柴草和生活垃圾",
        "生活垃圾一律投放到指定垃圾桶，不得随意倾倒",
        "畜禽实行圈养，及时清理粪污",
        "每月评选“美丽庭院”示范户并张榜公布",
        "党员干部带头参加义务劳动",
    ]),
    ("适龄青年征兵报名", [
        "年满18至22周岁的男性青年均须进行兵役登记",
        "大学在校生和毕业生年龄可放宽至24周岁",
        "报名人员须携带身份证、户口簿和学历证明",
        "体检、政审合格后由县征兵办统一定兵",
        "义务兵家庭按规定享受优待金",
    ]),
    ("冬季安全用火用电", [
        "不得私拉乱接电线，不得使用大功率电器取暖",
        "使用煤炉取暖的家庭要安装烟囱，保持室内通风",
        "家中老人独居的，亲属要经常探望",
        "发现电线老化请及时联系电工检修",
        "村里将组织人员入户开展安全检查",
    ]),
    ("农村集体产权制度改革成员身份确认", [
        "户籍在本村且依法享有土地承包经营权的人员原则上确认为成员",
        "对身份有异议的，可在公示期内书面提出",
        "外嫁女、入赘婿等特殊群体按村规民约和有关政策认定",
        "确认结果经村民代表会议表决通过后生效",
        "成员名册报乡镇农经站备案",
    ]),
]

INTROS = [
    "根据《村民委员会组织法》和村务公开有关规定，现将有关情况公开如下，接受全体村民监督。",
    "为进一步规范村级事务管理，保障村民的知情权、参与权、表达权和监督权，现将有关事项予以公示。",
    "按照乡镇党委、政府关于深化村务公开工作的统一部署，经村“两委”研究，现将有关情况公布如下。",
    "为推进村级事务公开透明，接受群众监督，现将相关事项公布如下。",
    "根据“四议两公开”工作法和村级事务管理有关规定，现将相关事项公开如下。",
    "为切实做好村级财务管理工作，严格执行村级财务“双代管”制度，现将有关情况公开如下。",
    "依据上级有关文件精神，结合我村实际，经村民代表会议研究同意，现将有关事项公告如下。",
]
CLOSINGS = [
    "公示期间，如有异议，请以书面或口头形式向村务监督委员会反映，也可直接向乡镇纪委反映。",
    "村民对公开内容有疑问的，可在公示期内到村便民服务中心查询有关账目和凭证。",
    "欢迎广大村民积极监督，对反映的问题，村委会将在五个工作日内予以答复。",
    "请广大村民相互转告，共同监督。",
    "公示期满无异议的，按程序报乡镇审核审批。",
    "如对上述内容有异议，请于公示期内实名反映，逾期视为无异议。",
]
FILLERS = [
    "本次公开内容已经村务监督委员会审核，并在村务公开栏和村民微信群同步公布。",
    "村“两委”将严格按照有关规定规范操作，确保各项资金专款专用、公开透明。",
    "下一步，我村将继续加强村级事务管理，定期公开有关情况，自觉接受群众监督。",
    "村民可扫描村务公开栏二维码，查看往期公开内容。",
    "有关原始凭证、会议记录等资料存放于村便民服务中心，村民可按规定查阅。",
    "本公示同时在乡镇政府公示栏、村民小组公告栏张贴。",
    "村务监督委员会全程参与了相关工作，监督过程未发现违规问题。",
    "请各村民小组长及时向本组群众传达公示内容，特别是外出务工人员。",
    "村委会将根据群众反映的意见建议，进一步完善相关工作制度。",
    "本事项严格执行“四议两公开”程序，各环节会议记录完整，签字齐全。",
    "乡镇包村干部参加了相关会议，对工作程序进行了指导和监督。",
    "对公开内容中涉及的个人信息已作脱敏处理，请勿转发至无关人员。",
    "如需了解详细政策，请咨询乡镇便民服务中心或拨打政务服务热线12345。",
    "对于群众反映的问题，村委会将认真核实，并将处理结果在下期公开栏中予以公布。",
]


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------

EPOCH = dt.date(2015, 1, 1)
SPAN_DAYS = (dt.date(2024, 12, 31) - EPOCH).days + 1
MIN_BODY, MAX_BODY = 512, 4096
LONG_MIN_BODY, LONG_MAX_BODY = 16384, 65536

YAML_PLAIN = re.compile(r"[^-?:,\[\]{}#&*!|>'\"%@`\s](?:[^:#\n\r\t]|:(?=\S)|(?<=\S)#)*")
YAML_RESERVED = re.compile(
    r"(?i)^(?:~|null|true|false|yes|no|on|off|[-+]?(?:\d[\d_.,:eE+-]*|\.inf|\.nan))$"
)


def yaml_str(value):
    if (
        YAML_PLAIN.fullmatch(value)
        and not value.endswith((" ", ":"))
        and not YAML_RESERVED.match(value)
    ):
        return value
    return json.dumps(value, ensure_ascii=False)


def cn_num(n):
    if n <= 10:
        return CN_NUM[n]
    if n < 20:
        return "十" + (CN_NUM[n - 10] if n > 10 else "")
    return CN_NUM[n // 10] + "十" + (CN_NUM[n % 10] if n % 10 else "")


def cn_date(d):
    return "%d年%d月%d日" % (d.year, d.month, d.day)


def money(x):
    return "{:,.2f}".format(x)


def nbytes(s):
    return len(s.encode("utf-8"))


class Gen:
    """Per-corpus generator; all randomness comes from self.r."""

    def __init__(self, seed, tables):
        self.r = random.Random(seed)
        self.tables = tables

    # -- small pieces -------------------------------------------------------
    def name(self):
        r = self.r
        n = r.choice(SURNAMES) + r.choice(GIVEN)
        if r.random() < 0.7:
            n += r.choice(GIVEN)
        return n

    @staticmethod
    def mask(name):
        return name[0] + "*" + (name[-1] if len(name) >= 3 else "")

    def group(self, c):
        return "第%s村民小组" % cn_num(self.r.randint(1, c["groups"]))

    def company(self, c):
        r = self.r
        return r.choice([c["county_short"], r.choice(PLACE)]) + r.choice(COMPANY_WORDS) + r.choice(COMPANY_SUFFIX)

    def phone(self):
        r = self.r
        return "0%d-%d%06d" % (r.randint(310, 939), r.randint(2, 8), r.randint(0, 999999))

    def mobile(self):
        r = self.r
        return "1%d%d****%04d" % (r.choice([3, 5, 7, 8, 9]), r.randint(0, 9), r.randint(0, 9999))

    def table_or_list(self, header, rows, numbered=False):
        """rows: list of lists of cells.  A GFM table (with probability
        self.tables) or a CommonMark bullet list of 'a | b | c' lines."""
        if self.tables and self.r.random() < self.tables:
            out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
            out += ["| " + " | ".join(row) + " |" for row in rows]
            return "\n".join(out)
        lines = ["- " + " | ".join(header)] if self.r.random() < 0.5 else []
        for i, row in enumerate(rows, 1):
            lines.append(("%d. " % i if numbered else "- ") + "，".join(row))
        if lines and lines[0].startswith("- ") and numbered:
            lines = lines[1:]  # never mix bullet and ordered markers in one list
        return "\n".join(lines)

    def grow(self, budget, make, lo, hi):
        items, used = [], 0
        while len(items) < hi and (len(items) < lo or used < budget):
            item = make(len(items))
            items.append(item)
            used += item[0]
        return [it[1] for it in items]

    def sign(self, c, d, party=False):
        org = c["village"] + ("党支部委员会" if party else self.r.choice(["村民委员会", "村民委员会", "村务监督委员会"]))
        if party and self.r.random() < 0.5:
            org = "中共" + c["town_full"] + c["village"] + "支部委员会"
        return ["**%s**" % org, cn_date(d)]

    def supervise(self, c):
        r = self.r
        s = "监督电话：%s（村务监督委员会 %s）" % (c["phone"], c["monitor"])
        if r.random() < 0.5:
            s += "；%s纪委：%s" % (c["town"], c["town_phone"])
        return s

    # -- notice types ---------------------------------------------------------
    def finance(self, c, d, target):
        r = self.r
        kind = r.choice(["月", "季", "季", "季", "半年"])
        if kind == "月":
            end = d.replace(day=1) - dt.timedelta(days=1)
            start = end.replace(day=1)
            label = "%d年%d月份" % (end.year, end.month)
        elif kind == "季":
            q = (d.month - 1) // 3  # previous quarter
            y = d.year if q else d.year - 1
            q = q - 1 if q else 3
            start = dt.date(y, 3 * q + 1, 1)
            end = (dt.date(y + 1, 1, 1) if q == 3 else dt.date(y, 3 * q + 4, 1)) - dt.timedelta(days=1)
            label = "%d年%s" % (y, QUARTERS[q])
        else:
            y = d.year if d.month > 6 else d.year - 1
            h = 0 if d.month > 6 else 1
            start = dt.date(y, 1 + 6 * h, 1)
            end = dt.date(y, 6, 30) if h == 0 else dt.date(y, 12, 31)
            label = "%d年%s半年" % (y, "上下"[h])
        span = (end - start).days + 1
        title = "%s%s财务收支情况公开" % (c["village"], label)
        head = [r.choice(INTROS[5:] + INTROS[:2])]
        style = r.random()

        def item(kind_items, lo, hi, vouchers):
            def make(i):
                day = start + dt.timedelta(days=r.randrange(span))
                what = r.choice(kind_items)
                amt = round(r.uniform(lo, hi) * (10 if r.random() < 0.1 else 1), 2)
                v = "%s-%03d" % (r.choice(vouchers), r.randint(1, 180))
                if style < 0.5:
                    line = "- %d月%d日 %s %s元（凭证号：%s）" % (day.month, day.day, what, money(amt), v)
                else:
                    line = "- %s | %s | %s元 | %s" % (day.isoformat(), what, money(amt), v)
                return nbytes(line) + 1, (line, amt, day, what, v)
            return make

        per_item = 70
        n = max(3, (target - 650) // per_item)
        inc = self.grow((target - 650) * 0.35, item(INCOME_ITEMS, 200, 60000, "收记"), 1, max(1, n // 3 + 1))
        exp = self.grow((target - 650) * 0.65, item(EXPENSE_ITEMS, 50, 20000, "付记"), 2, max(2, n))
        inc.sort(key=lambda x: x[2])
        exp.sort(key=lambda x: x[2])
        ti = round(sum(x[1] for x in inc), 2)
        te = round(sum(x[1] for x in exp), 2)
        prev = round(r.uniform(5000, 400000), 2)
        blocks = head
        for h, rows, tot, lab in (("## 一、本期收入", inc, ti, "收入"), ("## 二、本期支出", exp, te, "支出")):
            blocks.append(h)
            if self.tables and r.random() < self.tables:
                blocks.append(self.table_or_list(
                    ["日期", "摘要", "金额（元）", "凭证号"],
                    [[x[2].isoformat(), x[3], money(x[1]), x[4]] for x in rows]))
            else:
                blocks.append("\n".join(x[0] for x in rows))
            blocks.append("本期%s合计：**%s元**。" % (lab, money(tot)))
        blocks.append("## 三、资金结余")
        blocks.append("上期结余%s元，本期收入%s元，本期支出%s元，期末结余**%s元**。其中银行存款%s元，库存现金%s元。" % (
            money(prev), money(ti), money(te), money(prev + ti - te),
            money(prev + ti - te - 1000), money(1000)))
        if r.random() < 0.5:
            blocks.append("## 四、债权债务")
            blocks.append("截至%s，村集体应收款%s元，应付款%s元，无新增债务。" % (
                cn_date(d - dt.timedelta(days=r.randint(3, 10))), money(r.uniform(0, 80000)), money(r.uniform(0, 50000))))
        blocks.append(r.choice(CLOSINGS))
        blocks.append(self.supervise(c))
        return title, "财务公开", blocks, self.sign(c, d)

    def welfare(self, c, d, target):
        r = self.r
        full, short, classes, (lo, hi) = r.choice(WELFARE_KINDS)
        stage = r.choice(WELFARE_STAGE)
        batch = "%d年第%s批" % (d.year, cn_num(r.randint(1, 4)))
        title = "%s%s%s对象%s名单公示" % (c["village"], batch, short if r.random() < 0.5 else full, stage)
        head = [
            "根据《社会救助暂行办法》及%s%s有关规定，经本人申请、村级初审、入户调查、民主评议，"
            "现将%s%s对象名单予以公示。" % (c["county"], full, stage, short),
            "## %s名单" % stage,
        ]
        numbered = r.random() < 0.4

        def make(i):
            nm = self.mask(self.name())
            cells = [nm, self.group(c), "家庭人口%d人" % r.randint(1, 6), r.choice(classes),
                     "月发放%d元" % (r.randint(lo, hi) // 10 * 10)]
            if r.random() < 0.6:
                cells.append(r.choice(WELFARE_REASON))
            return sum(nbytes(x) for x in cells) + 3 * len(cells) + 6, cells
        rows = self.grow(target - 800, make, 2, 60)
        blocks = head + [self.table_or_list(["姓名", "组别", "人口", "类别", "金额", "原因"], rows, numbered)]
        blocks.append("以上共计%d户。公示期为%d个工作日。" % (len(rows), r.choice([5, 7])))
        blocks.append(r.choice(CLOSINGS))
        blocks.append("%s民政所电话：%s；%s" % (c["town"], c["town_phone"], self.supervise(c)))
        return title, "民生保障", blocks, self.sign(c, d)

    def meeting(self, c, d, target):
        r = self.r
        topic, detail = r.choice(MEETING_TOPICS)
        detail = detail.format(n=r.randint(3, 60) * 50, w=r.choice([3.5, 4, 4.5, 5, 6]), y=r.choice([3, 5, 8, 10, 15]),
                               k=r.randint(2, 60), k2=r.randint(1, 6), m=r.choice([10, 15, 20, 30]),
                               g=cn_num(r.randint(1, c["groups"])), thing=r.choice(THINGS))
        title = r.choice(["%s关于%s的“四议两公开”决议公告", "%s%s事项决议公开", "关于%s%s的决议公示"])
        title = title % (c["village"], topic)
        days = sorted(d - dt.timedelta(days=r.randint(1, 40)) for _ in range(4))
        members = r.randint(18, 90)
        reps = r.randint(21, 60)
        got_m = members - r.randint(0, members // 5)
        got_r = reps - r.randint(0, reps // 6)
        yes = got_r - r.randint(0, 3)
        no_m = r.randint(0, 2)
        no_r = r.randint(0, got_r - yes)
        budget = r.randint(2, 150) * 1000
        blocks = [r.choice(INTROS[3:5]),
                  "## 一、党支部提议",
                  "%s，村党支部召开支部委员会会议，就“%s”事项进行研究，提出初步方案：%s，预计投资%s万元。" % (
                      cn_date(days[0]), topic, detail, money(budget / 10000)),
                  "## 二、村“两委”会议商议",
                  "%s，召开村“两委”联席会议，对方案进行商议，%s。" % (
                      cn_date(days[1]), r.choice(["一致同意提交党员大会审议", "同意修改完善后提交党员大会审议",
                                                   "会议邀请部分村民代表列席并征求意见"])),
                  "## 三、党员大会审议",
                  "%s，召开全体党员大会，应到党员%d名，实到%d名，经审议，同意%d票，不同意%d票。" % (
                      cn_date(days[2]), members, got_m, got_m - no_m, no_m),
                  "## 四、村民代表会议决议",
                  "%s，召开村民代表会议，应到代表%d名，实到%d名，经表决，同意%d票，反对%d票，弃权%d票，"
                  "超过应到代表半数，形成决议。" % (cn_date(days[3]), reps, got_r, yes, no_r, got_r - yes - no_r),
                  "## 决议内容"]
        steps = [
            "项目实施主体为%s村民委员会" % c["village"],
            "资金来源为%s" % r.choice(FUNDS),
            "工程按规定程序选定施工单位，由村务监督委员会全程监督",
            "项目完工后由乡镇组织验收，并公开实施结果",
            "涉及占用村民土地的，按照%s有关标准给予补偿" % c["county"],
            "项目实施期间，安排%s名村民代表参与质量监督" % cn_num(r.randint(2, 5)),
            "资金支付严格执行村级财务管理制度，实行“村账乡代管”",
            "实施过程中如有重大变更，须重新履行决策程序",
            "计划于%d年%d月底前完成" % (d.year + (d.month > 9), (d.month + 3 - 1) % 12 + 1),
            "优先聘用本村脱贫户、监测户参与务工",
        ]
        r.shuffle(steps)
        k = max(2, min(len(steps), (target - 1100) // 80))
        blocks.append("\n".join("%d. %s。" % (i + 1, s) for i, s in enumerate(steps[:k])))
        used = sum(nbytes(b) + 2 for b in blocks)
        if target - used > 400:
            def make(i):
                s = "- %s（%s）：%s" % (self.mask(self.name()), self.group(c), r.choice(SUGGESTIONS))
                return nbytes(s) + 1, s
            blocks.append("## 征求意见情况")
            blocks.append("决策过程中共收集村民意见建议如下，均已在会上研究答复：")
            blocks.append("\n".join(self.grow(target - used - 450, make, 1, 20)))
        blocks.append("决议实施结果将在项目完成后予以公开。" + r.choice(CLOSINGS))
        blocks.append(self.supervise(c))
        return title, "村务决策", blocks, self.sign(c, d)

    def project(self, c, d, target):
        r = self.r
        work, spec = r.choice(PROJECT_WORKS)
        spec = spec.format(n=r.randint(2, 80) * 25, w=r.choice([3.5, 4, 4.5, 5]), k=r.randint(1, 40))
        pname = "%s%d年%s" % (c["village"], d.year, work)
        stage = r.choice(["招标公告", "中标结果公示", "竣工验收结果公示"])
        title = "%s%s" % (pname, stage)
        budget = r.randint(30, 3000) * 1000 + r.randint(0, 999)
        blocks = ["## 一、项目概况",
                  "- 项目名称：%s" % pname,
                  ]
        facts = [
            "项目地点：%s%s" % (c["village"], self.group(c)),
            "建设内容：%s" % spec,
            "资金来源：%s" % r.choice(FUNDS),
            "预算金额：%s元" % money(budget),
            "计划工期：%d日历天" % r.choice([30, 45, 60, 90, 120]),
            "质量要求：合格",
            "招标方式：%s" % r.choice(BID_METHODS),
        ]
        blocks[-1] = "\n".join([blocks[-1]] + ["- " + x for x in facts])
        if stage == "招标公告":
            quals = r.sample(QUALIFICATIONS, r.randint(3, len(QUALIFICATIONS)))
            blocks += ["## 二、投标人资格要求", "\n".join("%d. %s；" % (i + 1, q) for i, q in enumerate(quals))]
            s0 = d + dt.timedelta(days=1)
            blocks += ["## 三、报名及文件获取",
                       "报名时间：%s至%s（上午8:30-11:30，下午14:30-17:30）。报名地点：%s便民服务中心。" % (
                           cn_date(s0), cn_date(s0 + dt.timedelta(days=r.randint(4, 6))), c["town"]),
                       "报名时须提供营业执照、资质证书、安全生产许可证、项目负责人证书原件及加盖公章的复印件。"]
            blocks += ["## 四、联系方式", "招标人：%s村民委员会\n联系人：%s\n电话：%s" % (
                c["village"], c["director"], self.mobile())]
        elif stage == "中标结果公示":
            win = self.company(c)
            price = round(budget * r.uniform(0.85, 0.99), 2)
            blocks += ["## 二、评标结果",
                       "%s，经评审小组评审，确定中标候选人如下：" % cn_date(d - dt.timedelta(days=r.randint(1, 5)))]
            rows = []
            for i in range(r.randint(2, 3)):
                rows.append("%d. %s，投标报价%s元%s" % (i + 1, win if i == 0 else self.company(c),
                                                     money(price if i == 0 else price * r.uniform(1.01, 1.1)),
                                                     "（第一中标候选人）" if i == 0 else ""))
            blocks.append("\n".join(rows))
            blocks.append("中标单位：**%s**，中标价%s元，项目负责人%s，工期%d日历天。" % (
                win, money(price), self.name(), r.choice([30, 45, 60, 90])))
        else:
            blocks += ["## 二、验收情况",
                       "本项目由%s承建，于%s开工，%s完工。%s，由乡镇组织村务监督委员会、村民代表等进行了验收。" % (
                           self.company(c), cn_date(d - dt.timedelta(days=r.randint(60, 150))),
                           cn_date(d - dt.timedelta(days=r.randint(10, 50))), cn_date(d - dt.timedelta(days=r.randint(2, 9)))),
                       "验收结论：工程质量%s，符合设计要求，同意验收。" % r.choice(["合格", "合格", "良好"]),
                       "## 三、资金使用",
                       "项目审定金额%s元，已支付%s元，剩余质保金%s元待质保期满后支付。" % (
                           money(budget * 0.93), money(budget * 0.93 * 0.97), money(budget * 0.93 * 0.03))]
        blocks.append(r.choice(CLOSINGS))
        blocks.append(self.supervise(c))
        return title, "工程项目", blocks, self.sign(c, d)

    def homestead(self, c, d, target):
        r = self.r
        title = "%s%d年第%s批农村宅基地%s公示" % (c["village"], d.year, cn_num(r.randint(1, 6)),
                                             r.choice(["申请审批", "资格审查", "批准结果"]))
        head = ["根据《土地管理法》《农村宅基地管理办法》及%s农村宅基地管理有关规定，以下农户申请使用宅基地，"
                "经村民小组会议讨论、村级审查，现予以公示：" % c["county"]]

        def make(i):
            who = self.mask(self.name())
            near = [r.choice(BOUNDS) if r.random() < 0.6 else self.mask(self.name()) + "宅" for _ in range(4)]
            area = r.randint(80, 200)
            s = ("%d. 申请人：%s，%s，家庭人口%d人，申请类型：%s，申请面积%d平方米（其中建筑占地%d平方米），"
                 "四至：东至%s、南至%s、西至%s、北至%s。" % (
                     i + 1, who, self.group(c), r.randint(2, 7), r.choice(HOUSE_TYPES), area,
                     area - r.randint(10, 40), *near))
            return nbytes(s) + 1, s
        rows = self.grow(target - 700, make, 1, 25)
        blocks = head + ["\n".join(rows)]
        blocks.append("经审查，以上申请人均符合“一户一宅”规定，%s，不占用永久基本农田。" % r.choice(
            ["选址符合村庄规划", "已取得村民小组同意", "已征求相邻权利人意见"]))
        blocks.append(r.choice(CLOSINGS))
        blocks.append(self.supervise(c))
        return title, "宅基地管理", blocks, self.sign(c, d)

    def party(self, c, d, target):
        r = self.r
        kind = r.choice(["fee", "develop", "day", "review"])
        blocks = []
        if kind == "fee":
            y = d.year if d.month > 1 else d.year - 1
            title = "%s党支部%d年党费收缴情况公示" % (c["village"], y)
            blocks.append("根据《关于中国共产党党费收缴、使用和管理的规定》，现将本支部%d年党费收缴情况公示如下：" % y)

            def make(i):
                nm = self.name()
                amt = r.choice([0.2, 0.5, 1, 2, 5, 10, 20])
                s = "- %s，每月应缴%s元，全年实缴%s元" % (nm, money(amt), money(amt * 12))
                return nbytes(s) + 1, (s, amt)
            rows = self.grow(target - 600, make, 3, 80)
            blocks.append("\n".join(x[0] for x in rows))
            blocks.append("全支部共%d名党员，全年应缴党费%s元，实缴%s元，已全额上缴乡镇党委。" % (
                len(rows), money(sum(x[1] for x in rows) * 12), money(sum(x[1] for x in rows) * 12)))
        elif kind == "develop":
            stage = r.choice(PARTY_STAGES)
            title = "中共%s支部委员会关于%s的公示" % (c["village"], stage)
            blocks.append("经党员推荐、支部委员会研究，拟将下列同志确定为%s，现予以公示：" % stage)

            def make(i):
                s = "- %s，%s，%d年%d月出生，%s学历，%s，%d年%d月递交入党申请书" % (
                    self.name(), r.choice("男女"), r.randint(1965, 2003), r.randint(1, 12), r.choice(EDUCATION),
                    r.choice(PARTY_JOBS), d.year - r.randint(1, 4), r.randint(1, 12))
                return nbytes(s) + 1, s
            blocks.append("\n".join(self.grow(target - 700, make, 1, 12)))
            blocks.append("公示时间为%d个工作日。党员和群众如有意见，可通过来信、来电、来访等方式向村党支部或%s党委组织办反映。" % (
                r.choice([5, 7]), c["town"]))
            blocks.append("联系电话：%s" % c["town_phone"])
        elif kind == "day":
            acts = r.sample(PARTY_ACTIVITIES, r.randint(2, 5))
            title = "%s党支部%d年%d月主题党日活动情况" % (c["village"], d.year, d.month)
            n = r.randint(20, 80)
            blocks.append("%s，%s党支部组织开展主题党日活动，应参加党员%d名，实参加%d名，%s主持。" % (
                cn_date(d - dt.timedelta(days=r.randint(1, 6))), c["village"], n, n - r.randint(0, n // 6),
                c["secretary"]))
            blocks.append("## 活动内容")
            blocks.append("\n".join("%d. %s；" % (i + 1, a) for i, a in enumerate(acts)))
            blocks.append("## 活动成效")
            blocks.append(r.choice([
                "通过本次活动，进一步增强了党员的党性观念和宗旨意识。",
                "党员们纷纷表示，要立足岗位、发挥作用，带领群众共同致富。",
                "活动中收集群众意见建议%d条，已全部建立台账，逐项落实。" % r.randint(3, 15),
            ]))
        else:
            title = "%s党支部%d年度民主评议党员结果公示" % (c["village"], d.year - (d.month < 4))
            n = r.randint(20, 80)
            good = r.randint(3, max(4, n // 5))
            blocks.append("按照上级党委统一部署，村党支部召开组织生活会，开展民主评议党员工作。全支部共有党员%d名，参加评议%d名。" % (
                n, n - r.randint(0, 5)))
            blocks.append("评议结果：优秀%d名，合格%d名，基本合格%d名，不合格0名。" % (good, n - good - 1, 1))
            blocks.append("## 评定为优秀的党员")
            blocks.append("、".join(self.name() for _ in range(good)))
        return title, "党务公开", blocks, self.sign(c, d, party=True)

    def subsidy(self, c, d, target):
        r = self.r
        what, unit, (lo, hi) = r.choice(SUBSIDIES)
        title = "%s%d年%s发放情况公示" % (c["village"], d.year, what)
        rate = r.randint(lo, hi)
        blocks = ["根据%s财政局、农业农村局有关文件，%d年%s标准为每%s%d元，现将我村发放情况公示如下：" % (
            c["county"], d.year, what, unit, rate)]

        def make(i):
            nm = self.mask(self.name())
            q = round(r.uniform(0.5, 25), 1) if unit == "亩" else r.randint(1, 3)
            extra = ("，机具：%s" % r.choice(MACHINES)) if unit == "台" else ""
            cells = [nm, self.group(c), "%s%s%s" % (q, unit, extra), "补贴%s元" % money(q * rate)]
            return sum(nbytes(x) for x in cells) + 12, (cells, q * rate)
        rows = self.grow(target - 650, make, 2, 70)
        blocks.append(self.table_or_list(["户主", "组别", "数量", "金额"], [x[0] for x in rows], r.random() < 0.3))
        blocks.append("合计%d户，补贴金额%s元，资金通过“一卡通”直接发放到户。" % (len(rows), money(sum(x[1] for x in rows))))
        blocks.append(r.choice(CLOSINGS))
        blocks.append(self.supervise(c))
        return title, "惠农补贴", blocks, self.sign(c, d)

    def asset(self, c, d, target):
        r = self.r
        what, unit, (lo, hi), (plo, phi) = r.choice(ASSETS)
        full = what if what.startswith("集体") else "集体" + what
        title = "%s%s%s结果公示" % (c["village"], full, r.choice(["发包", "租赁", "公开竞价"]))
        blocks = ["经村民代表会议决议，我村于%s通过%s对%s进行%s，现将结果公示如下：" % (
            cn_date(d - dt.timedelta(days=r.randint(2, 15))), r.choice(["公开竞价", "乡镇农村产权交易平台"]),
            full, r.choice(["发包", "出租"]))]

        def make(i):
            q = r.randint(lo, hi)
            base = r.randint(plo, phi)
            price = base * r.uniform(1.0, 1.4)
            s = "- 标的%d：%s%s号，面积/数量%d%s，期限%d年，底价每年%s元，成交价每年%s元，承包方%s" % (
                i + 1, what, cn_num(i + 1), q, unit, r.choice([3, 5, 10, 15]), money(base * q),
                money(price * q), self.mask(self.name()) if r.random() < 0.7 else self.company(c))
            return nbytes(s) + 1, s
        blocks.append("\n".join(self.grow(target - 650, make, 1, 20)))
        blocks.append("承包费实行先交后用，收入全部纳入村集体账户管理。" + r.choice(CLOSINGS))
        blocks.append(self.supervise(c))
        return title, "集体资产", blocks, self.sign(c, d)

    def posts(self, c, d, target):
        r = self.r
        if r.random() < 0.6:
            post, (lo, hi) = r.choice(POSTS)
            title = "%s%d年%s人员名单公示" % (c["village"], d.year, post)
            blocks = ["根据%s乡村公益性岗位开发管理有关规定，经个人申请、村级推荐、乡镇审核，拟聘用以下人员为%s：" % (
                c["county"], post)]

            def make(i):
                cells = [self.mask(self.name()), self.group(c), "%d岁" % r.randint(35, 64),
                         r.choice(["脱贫户", "监测户", "低保户", "一般农户"]), "月补贴%d元" % (r.randint(lo, hi) // 10 * 10)]
                return sum(nbytes(x) for x in cells) + 14, cells
            blocks.append(self.table_or_list(["姓名", "组别", "年龄", "类别", "补贴"], self.grow(target - 600, make, 1, 40)))
            blocks.append("聘期一年，实行月考核、季兑现，考核不合格的予以解聘。")
        else:
            title = "%s%d年村干部基本报酬及绩效报酬公示" % (c["village"], d.year - (d.month < 4))
            blocks = ["根据%s村干部报酬管理办法，现将我村村干部报酬发放情况公示如下：" % c["county"]]
            rows = []
            for t in CADRE_TITLES:
                base = r.randint(1800, 3500) if "书记" in t else r.randint(1200, 2600)
                rows.append([c["secretary"] if "书记、" in t else self.name(), t, "基本报酬每月%d元" % base,
                             "绩效报酬%s元" % money(r.randint(2000, 12000))])
            blocks.append(self.table_or_list(["姓名", "职务", "基本报酬", "绩效"], rows))
            blocks.append("绩效报酬根据年度考核结果发放，考核等次经乡镇党委审定。")
        blocks.append(r.choice(CLOSINGS))
        blocks.append(self.supervise(c))
        return title, "人事公开", blocks, self.sign(c, d)

    def notice(self, c, d, target):
        r = self.r
        topic, reqs = r.choice(NOTICE_TOPICS)
        title = "%s关于做好%s工作的通知" % (c["village"], topic)
        blocks = ["各村民小组、全体村民：",
                  "为切实做好%s工作，根据%s统一部署，结合我村实际，现将有关事项通知如下：" % (topic, c["town"])]
        reqs = list(reqs)
        r.shuffle(reqs)
        blocks.append("\n".join("%d. %s。" % (i + 1, x) for i, x in enumerate(reqs)))
        blocks.append("联系人：%s，电话：%s。" % (r.choice([c["director"], c["secretary"]]), self.mobile()))
        return title, "通知公告", blocks, self.sign(c, d)

    KINDS = [
        ("finance", 20), ("welfare", 15), ("meeting", 12), ("project", 10), ("homestead", 8),
        ("party", 12), ("subsidy", 10), ("asset", 5), ("posts", 5), ("notice", 5),
    ]

    # -- assembly ---------------------------------------------------------------
    def community(self, slug, used):
        r = self.r
        while True:
            county = r.choice(PLACE) + r.choice(COUNTY_SUFFIX)
            town = r.choice(PLACE) + r.choice(TOWN_SUFFIX)
            village = r.choice(PLACE) + r.choice(VILLAGE_SUFFIX)
            full = county + town + village
            if full not in used and county[:2] != town[:2] != village[:2]:
                used.add(full)
                break
        return {
            "slug": slug, "county": county, "county_short": county[:2], "town": town,
            "town_full": county + town, "village": village, "full": full,
            "groups": r.randint(3, 14), "secretary": self.name(), "director": self.name(),
            "monitor": self.name(), "phone": self.mobile(), "town_phone": self.phone(),
        }

    def body(self, kind, c, d, long=False):
        r = self.r
        lo, hi = (LONG_MIN_BODY, LONG_MAX_BODY) if long else (MIN_BODY, MAX_BODY)
        target = int(lo + (hi - 300 - lo) * r.random() ** 1.7)
        for _ in range(8):
            title, category, blocks, sign = getattr(self, kind)(c, d, target)
            core = "\n\n".join(blocks)
            size = nbytes(core) + sum(nbytes(s) + 2 for s in sign) + 1
            if size <= hi:
                break
            target -= size - hi + 150
        else:
            raise RuntimeError("could not fit a %s notice under %d bytes" % (kind, hi))
        fill = []
        fillers = FILLERS[:]
        r.shuffle(fillers)
        while size < MIN_BODY and fillers:
            f = fillers.pop()
            fill.append(f)
            size += nbytes(f) + 2
        return title, category, "\n\n".join(blocks + fill + sign) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir")
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--communities", type=int, default=None)
    ap.add_argument("--tables", type=float, default=0.0)
    ap.add_argument("--long", type=float, default=0.0)
    args = ap.parse_args()
    long_r = random.Random(args.seed * 7919 + 1)

    g = Gen(args.seed, args.tables)
    r = g.r
    k = args.communities or max(1, args.n // 100)
    width = max(4, len(str(k)))
    used = set()
    comms = [g.community("c%0*d" % (width, i + 1), used) for i in range(k)]
    acc, total_w = [], 0.0
    for _ in comms:
        total_w += r.uniform(0.3, 1.7)
        acc.append(total_w)
    kinds, kacc, kw = [], [], 0
    for name, w in Gen.KINDS:
        kw += w
        kinds.append(name)
        kacc.append(kw)

    out = os.path.abspath(args.out_dir)
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(out)
    for c in comms:
        os.mkdir(os.path.join(out, c["slug"]))
    with open(os.path.join(out, "communities.json"), "w", encoding="utf-8") as fh:
        json.dump({c["slug"]: c["full"] for c in comms}, fh, ensure_ascii=False, indent=1)
        fh.write("\n")

    nwidth = max(6, len(str(args.n)))
    total = 0
    for i in range(args.n):
        c = comms[i] if i < k else comms[bisect.bisect_right(acc, r.random() * total_w)]
        kind = kinds[bisect.bisect_right(kacc, r.randrange(kw))]
        d = EPOCH + dt.timedelta(days=r.randrange(SPAN_DAYS))
        long = bool(args.long) and long_r.random() < args.long
        title, category, body = g.body(kind, c, d, long)
        to = d + dt.timedelta(days=r.randint(5, 7))
        doc = (
            "---\ntitle: %s\ndate: %s\ncategory: %s\ncommunity: %s\nperiod: {from: %s, to: %s}\n---\n"
            % (yaml_str(title), d.isoformat(), yaml_str(category), c["slug"], d.isoformat(), to.isoformat())
        ) + body
        data = doc.encode("utf-8")
        with open(os.path.join(out, c["slug"], "n%0*d.md" % (nwidth, i + 1)), "wb") as fh:
            fh.write(data)
        total += len(data)
    print("synthetic corpus: %d files, %d bytes (%.1f MB), %d communities, seed %d -> %s"
          % (args.n, total, total / 1e6, k, args.seed, out))


if __name__ == "__main__":
    main()
