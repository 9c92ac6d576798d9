#!/usr/bin/env python3
"""Generate a gongkai site of long, structured legal documents for the search bench.

Usage:
    python3 bench/laws.py SITE_DIR [N] [--seed 1]

    N       number of documents (default 3500, about the size of a real corpus
            of Chinese laws and regulations).
    --seed  RNG seed (default 1).  Same (N, seed) -> byte-identical site (only
            random.Random calls whose results CPython 3 keeps stable are used).

What it writes (SITE_DIR is deleted and recreated; it must be empty, missing,
or an earlier output of this script, which leaves a `.laws_site` marker):

    SITE/content/site.yml                   a county site with 5 categories
    SITE/content/<slug>/community.yml       40 villages and communities
    SITE/content/<slug>/<year>/<id>.md      the documents

About 62 % of the documents are laws and regulations (政策法规): national
laws (中华人民共和国…法), State Council regulations (…条例), departmental
rules (…办法, …规定) and provincial ones (…省…条例, …省实施《中华人民共和国…法》
办法), several with later revisions (the same title in a later year).  They
have the structure of Chinese legislation: 第一章 总则 … 第X章 法律责任 … 附则,
long ones with sections (第一节 …), and numbered articles (第一条 … 第一百零二条),
some with items （一）（二）.  They are long: 6 to 60 KB of text, a few of
them well over 100 KB.  Chapter lines are written three ways, as real
documents come: a Markdown heading (`## 第一章　总则`), a line of its own
(`第一章　总则`), or bold (`**第一章　总则**`).

About 10 % are village rules (村规民约, 居民公约, 村民自治章程): chapters and
articles, or Markdown headings (`## 一、社会治安`), some articles with a title
in brackets (第五条【环境卫生】…).

The rest are short notices (通知公告, 村务决策, 财务公开): meeting minutes,
study sessions and plans that mention the same legal terms in passing, one
sentence among others.  They are the distractors of the section queries: a
good engine ranks the long document whose chapter is titled with the query
above the short notice that mentions it once.

bench/judge_laws.py judges queries on this site by rules over the documents'
text (titles, headings, body); bench/search_bench.sh runs them (LAWS=1).
"""

import argparse
import datetime as dt
import os
import random
import shutil
import sys

MARKER = ".laws_site"

DIGITS = "零一二三四五六七八九"


def cn(n):
    """Chinese numeral as used in article numbers: 十二, 二十, 一百零一, 一百一十."""
    if n <= 0:
        return "零"
    if n < 10:
        return DIGITS[n]
    if n < 20:
        return "十" + (DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return DIGITS[n // 10] + "十" + (DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        head = DIGITS[n // 100] + "百"
        if rest == 0:
            return head
        if rest < 10:
            return head + "零" + DIGITS[rest]
        return head + DIGITS[rest // 10] + "十" + (DIGITS[rest % 10] if rest % 10 else "")
    return str(n)


# --------------------------------------------------------------------------
# Topics: what a law is about, with the words its articles are made of.
# --------------------------------------------------------------------------
# key: short name; law: national law (after 中华人民共和国); regs: other titles;
# area: the work it governs; actors: who has duties; objects: its terms;
# duties: verb phrases; bad: forbidden acts; chapters: its own chapter titles;
# sections: (chapter, [section titles]) for long versions.
TOPICS = [
    dict(key="村民自治", law="村民委员会组织法",
         regs=["村民委员会选举规程", "村务公开条例", "村民委员会选举办法", "村务监督委员会工作规则"],
         area="村民自治", actors=["村民委员会", "村民会议", "村民代表会议", "村务监督委员会", "乡、民族乡、镇的人民政府"],
         objects=["村民委员会成员", "村民代表", "村务公开", "村民自治章程", "村规民约", "村民小组", "选举委员会"],
         duties=["召集村民会议", "向村民会议报告工作", "及时公布村务事项", "接受村民监督", "办理本村的公共事务和公益事业",
                 "调解民间纠纷", "协助维护社会治安", "组织实施本村的建设规划"],
         bad=["以威胁、贿赂、伪造选票等不正当手段妨害村民行使选举权", "拒不公布应当公开的村务事项", "侵犯村民的人身权利、财产权利"],
         chapters=["村民委员会的组成和职责", "村民委员会的选举", "村民会议和村民代表会议", "民主管理和民主监督",
                   "村务公开", "村务监督委员会", "村民小组", "村民委员会的下属委员会", "村务档案管理", "村干部任期和离任经济责任审计", "村民议事规则", "村级事务协商"],
         sections=("村民委员会的选举", ["选民登记", "候选人的提名", "投票选举", "罢免和补选"])),
    dict(key="土地承包", law="农村土地承包法",
         regs=["农村土地经营权流转管理办法", "农村土地承包经营纠纷调解仲裁法", "农村土地承包合同管理办法"],
         area="农村土地承包管理", actors=["发包方", "承包方", "农村集体经济组织", "村民委员会", "县级以上地方人民政府农业农村主管部门"],
         objects=["土地承包经营权", "土地经营权", "承包合同", "承包地", "承包期", "土地经营权流转", "家庭承包"],
         duties=["维护承包方的土地承包经营权", "尊重承包方的生产经营自主权", "依照承包合同约定的用途合理利用土地",
                 "依法登记土地承包经营权", "妥善处理承包纠纷", "颁发土地承包经营权证"],
         bad=["干涉承包方依法进行正常的生产经营活动", "强迫承包方进行土地承包经营权的互换、转让", "单方面解除承包合同",
              "擅自截留、扣缴土地经营权流转收益"],
         chapters=["家庭承包", "发包方和承包方的权利和义务", "承包的原则和程序", "承包期限和承包合同",
                   "土地承包经营权的保护和互换、转让", "土地经营权", "其他方式的承包", "争议的解决和法律责任", "承包地的调整和收回", "土地承包经营权登记", "土地经营权流转合同", "工商企业租赁农地的监管", "承包地征收补偿", "农村土地承包经营纠纷仲裁"],
         sections=("家庭承包", ["发包方和承包方的权利和义务", "承包的原则和程序", "承包期限和承包合同",
                               "土地承包经营权的保护和互换、转让", "土地经营权"])),
    dict(key="土地管理", law="土地管理法",
         regs=["土地管理法实施条例", "基本农田保护条例", "土地复垦条例", "耕地占用税法"],
         area="土地管理", actors=["县级以上人民政府自然资源主管部门", "乡（镇）人民政府", "农村集体经济组织", "土地使用者"],
         objects=["土地利用总体规划", "耕地", "永久基本农田", "建设用地", "土地征收", "集体经营性建设用地", "土地用途"],
         duties=["严格执行土地利用总体规划", "保护和开发土地资源", "合理利用土地", "切实保护耕地", "依法办理用地审批手续"],
         bad=["非法占用耕地建窑、建坟", "擅自在耕地上建房、挖砂、采石、采矿、取土", "买卖或者以其他形式非法转让土地"],
         chapters=["土地的所有权和使用权", "土地利用总体规划", "耕地保护", "建设用地", "监督检查", "国土空间规划", "土地调查和统计", "耕地占补平衡", "农村集体建设用地", "临时用地管理", "土地督察"],
         sections=("建设用地", ["一般规定", "农用地转用", "土地征收", "集体经营性建设用地"])),
    dict(key="宅基地", law="",
         regs=["农村宅基地管理办法", "农村村民住宅建设管理条例", "农村宅基地审批管理办法", "农村宅基地和村民自建住房管理规定"],
         area="农村宅基地管理", actors=["乡（镇）人民政府", "村民委员会", "村集体经济组织", "申请人"],
         objects=["宅基地", "宅基地使用权", "宅基地申请", "建房", "一户一宅", "宅基地审批", "闲置宅基地"],
         duties=["严格落实一户一宅", "公示宅基地申请", "加强宅基地审批管理", "开展宅基地批后监管", "建立宅基地台账"],
         bad=["未经批准占用土地建住宅", "超过批准面积建房", "买卖宅基地", "一户多宅"],
         chapters=["宅基地规划", "宅基地申请和审批", "村民住宅建设", "宅基地的使用和退出", "监督检查", "宅基地资格权", "农房建设规划许可", "宅基地有偿使用", "宅基地自愿有偿退出", "闲置农房盘活利用", "历史遗留问题处理"],
         sections=None),
    dict(key="社会救助", law="社会救助法",
         regs=["社会救助暂行办法", "城市居民最低生活保障条例", "特困人员救助供养办法", "临时救助办法", "医疗救助办法"],
         area="社会救助", actors=["县级以上人民政府民政部门", "乡镇人民政府、街道办事处", "村民委员会、居民委员会", "申请人"],
         objects=["最低生活保障", "特困人员供养", "临时救助", "医疗救助", "教育救助", "住房救助", "就业救助",
                  "最低生活保障标准", "救助对象", "家庭经济状况"],
         duties=["核查申请人的家庭经济状况", "及时发放救助资金", "公示救助对象", "建立救助对象档案", "开展入户调查"],
         bad=["采取虚报、隐瞒、伪造等手段骗取社会救助资金", "截留、挤占、挪用、私分社会救助资金", "对符合条件的申请不予受理"],
         chapters=["最低生活保障", "特困人员供养", "受灾人员救助", "医疗救助", "教育救助", "住房救助", "就业救助",
                   "临时救助", "社会力量参与", "救助对象认定", "家庭经济状况核对", "救助资金管理", "困难群众主动发现", "急难型临时救助", "支出型贫困救助"],
         sections=("最低生活保障", ["申请和审核", "保障标准", "动态管理"])),
    dict(key="集体资产", law="农村集体经济组织法",
         regs=["农村集体资产管理条例", "农村集体经济组织财务制度", "农村集体资金资产资源管理办法"],
         area="农村集体资产管理", actors=["农村集体经济组织", "村民委员会", "乡（镇）人民政府", "民主理财小组"],
         objects=["集体资产", "集体经济组织成员", "集体收益分配", "集体资产清产核资", "股份经济合作社", "成员身份确认"],
         duties=["建立健全集体资产管理制度", "定期公布集体财务收支", "开展集体资产清产核资", "依法确认成员身份",
                 "按照民主程序决定收益分配"],
         bad=["侵占、挪用、截留集体资产", "违反规定处置集体资产", "擅自改变集体资产用途"],
         chapters=["成员", "组织登记", "组织机构", "财产经营管理和收益分配", "扶持措施", "争议的解决和法律责任", "集体资产清产核资", "集体经营性资产股份合作制改革", "集体资产交易", "集体收益分配", "民主理财", "村级财务审计"],
         sections=None),
    dict(key="人居环境", law="环境保护法",
         regs=["农村人居环境整治办法", "城乡容貌和环境卫生管理条例", "农村生活垃圾治理条例"],
         area="环境保护", actors=["地方各级人民政府", "县级以上人民政府生态环境主管部门", "企业事业单位和其他生产经营者", "村民委员会"],
         objects=["生活垃圾", "生活污水", "农村人居环境", "环境卫生", "厕所改造", "畜禽粪污", "环境影响评价"],
         duties=["改善环境质量", "防治污染和其他公害", "推进农村生活垃圾分类", "做好环境卫生保洁", "落实门前三包"],
         bad=["随意倾倒垃圾", "露天焚烧秸秆", "违法排放污染物", "在河道内堆放废弃物"],
         chapters=["监督管理", "保护和改善环境", "防治污染和其他公害", "信息公开和公众参与", "农村生活垃圾治理", "农村生活污水治理", "农村厕所革命", "村容村貌提升", "畜禽养殖污染防治", "农业面源污染防治"],
         sections=None),
    dict(key="消防", law="消防法",
         regs=["消防监督检查规定", "农村消防工作规定", "森林防火条例"],
         area="消防工作", actors=["各级人民政府", "消防救援机构", "村民委员会、居民委员会", "机关、团体、企业、事业等单位"],
         objects=["消防安全", "火灾预防", "消防设施", "消防通道", "灭火救援", "火灾隐患", "志愿消防队"],
         duties=["落实消防安全责任制", "定期开展防火检查", "保障消防通道畅通", "组织灭火和应急疏散演练"],
         bad=["占用、堵塞、封闭疏散通道", "损坏、挪用消防设施", "违反规定使用明火作业"],
         chapters=["火灾预防", "消防组织", "灭火救援", "监督检查", "农村消防安全", "消防车通道管理", "电动自行车消防安全", "火灾事故调查", "志愿消防队建设", "消防安全宣传教育"],
         sections=None),
    dict(key="安全生产", law="安全生产法",
         regs=["安全生产许可证条例", "生产安全事故报告和调查处理条例", "生产安全事故应急条例"],
         area="安全生产监督管理", actors=["生产经营单位", "县级以上地方各级人民政府", "应急管理部门", "从业人员"],
         objects=["安全生产", "生产安全事故", "事故隐患", "安全生产责任制", "应急救援预案", "安全生产教育和培训"],
         duties=["建立健全安全生产责任制", "排查治理事故隐患", "组织安全生产教育和培训", "制定生产安全事故应急救援预案"],
         bad=["未按照规定设置安全生产管理机构", "隐瞒不报生产安全事故", "拒绝、阻碍监督检查"],
         chapters=["生产经营单位的安全生产保障", "从业人员的安全生产权利义务", "安全生产的监督管理",
                   "生产安全事故的应急救援与调查处理", "安全生产风险分级管控", "隐患排查治理", "危险化学品安全", "建设工程施工安全", "安全生产标准化", "安全生产举报"],
         sections=None),
    dict(key="人民调解", law="人民调解法",
         regs=["人民调解工作若干规定", "人民调解委员会组织条例"],
         area="人民调解", actors=["人民调解委员会", "人民调解员", "司法行政部门", "当事人"],
         objects=["民间纠纷", "调解协议", "人民调解员", "调解程序", "司法确认"],
         duties=["及时调解民间纠纷", "制作调解协议书", "开展纠纷排查", "防止民间纠纷激化"],
         bad=["偏袒一方当事人", "侮辱当事人", "索取、收受财物或者牟取其他不正当利益", "泄露当事人的个人隐私"],
         chapters=["人民调解委员会", "人民调解员", "调解程序", "调解协议", "调解组织建设", "调解员的选任和培训", "专业性行业性调解", "诉调对接", "矛盾纠纷排查化解", "调解工作保障"],
         sections=None),
    dict(key="老年人权益", law="老年人权益保障法",
         regs=["养老机构管理办法", "农村老年人关爱服务办法"],
         area="老龄工作", actors=["各级人民政府", "村民委员会、居民委员会", "赡养人", "养老机构"],
         objects=["老年人", "赡养", "社会保障", "养老服务", "老年人优待", "宜居环境"],
         duties=["关心老年人的精神需求", "履行赡养义务", "发展养老服务", "落实老年人优待政策"],
         bad=["虐待老年人", "遗弃老年人", "侵占老年人的财产", "干涉老年人婚姻自由"],
         chapters=["家庭赡养与扶养", "社会保障", "社会服务", "社会优待", "宜居环境", "参与社会发展", "居家养老服务", "农村互助养老", "高龄津贴发放", "养老机构监管", "老年人精神慰藉", "老年人法律援助"],
         sections=None),
    dict(key="食品安全", law="食品安全法",
         regs=["食品安全法实施条例", "农村集体聚餐食品安全管理办法"],
         area="食品安全监督管理", actors=["食品生产经营者", "县级以上地方人民政府", "食品安全监督管理部门", "乡镇人民政府"],
         objects=["食品安全", "食品安全标准", "食品生产经营", "农村集体聚餐", "食品安全风险监测", "食品召回"],
         duties=["建立健全食品安全管理制度", "落实食品安全主体责任", "开展食品安全风险监测", "做好农村集体聚餐备案"],
         bad=["生产经营腐败变质的食品", "使用非食品原料生产食品", "伪造食品生产日期"],
         chapters=["食品安全风险监测和评估", "食品安全标准", "食品生产经营", "食品检验", "食品进出口",
                   "食品安全事故处置", "农村集体聚餐", "小作坊和食品摊贩", "食用农产品市场销售", "餐饮服务食品安全", "学校食堂食品安全", "网络食品交易"],
         sections=("食品生产经营", ["一般规定", "生产经营过程控制", "标签、说明书和广告", "特殊食品"])),
    dict(key="防洪", law="防洪法",
         regs=["防汛条例", "水库大坝安全管理条例", "河道管理条例"],
         area="防汛抗洪", actors=["各级人民政府", "水行政主管部门", "防汛指挥机构", "河道管理机构"],
         objects=["防洪", "防汛", "河道", "堤防", "蓄滞洪区", "防洪工程设施", "汛期"],
         duties=["加强防洪工程设施建设", "组织防汛抢险", "落实防汛责任制", "清除河道行洪障碍"],
         bad=["在河道管理范围内建设妨碍行洪的建筑物", "破坏防洪工程设施", "在堤防上取土"],
         chapters=["防洪规划", "治理与防护", "防洪区和防洪工程设施的管理", "防汛抗洪", "保障措施", "河道岸线管理", "防汛物资储备", "山洪灾害防御", "水库安全度汛", "洪水影响评价", "灾后恢复重建"],
         sections=None),
    dict(key="义务教育", law="义务教育法",
         regs=["义务教育法实施细则", "农村义务教育学生营养改善办法"],
         area="义务教育", actors=["县级以上人民政府", "教育行政部门", "学校", "适龄儿童、少年的父母或者其他法定监护人"],
         objects=["义务教育", "适龄儿童", "学校", "教师", "教育经费", "控辍保学"],
         duties=["保障适龄儿童、少年接受义务教育", "合理配置教育资源", "改善薄弱学校的办学条件", "开展控辍保学工作"],
         bad=["拒绝接收具有接受普通教育能力的残疾适龄儿童", "分设重点班和非重点班", "违反国家规定收取费用"],
         chapters=["学生", "学校", "教师", "教育教学", "经费保障", "入学和转学", "控辍保学", "随迁子女就学", "校车安全管理", "教师队伍建设", "学生资助"],
         sections=None),
    dict(key="乡村振兴", law="乡村振兴促进法",
         regs=["乡村振兴促进条例", "农村基础设施管护办法"],
         area="乡村振兴", actors=["各级人民政府", "农业农村主管部门", "农村集体经济组织", "村民委员会"],
         objects=["乡村振兴", "产业发展", "人才支撑", "文化繁荣", "生态保护", "城乡融合", "农村基础设施"],
         duties=["促进农村一二三产业融合发展", "培育新型农业经营主体", "加强乡村人才队伍建设", "改善农村人居环境"],
         bad=["违反规定改变耕地用途", "截留、挪用乡村振兴资金"],
         chapters=["产业发展", "人才支撑", "文化繁荣", "生态保护", "组织建设", "城乡融合", "扶持措施", "乡村产业发展", "农村基础设施建设", "乡村治理", "农民增收", "脱贫攻坚成果巩固", "城乡要素流动"],
         sections=None),
    dict(key="动物防疫", law="动物防疫法",
         regs=["重大动物疫情应急条例", "畜禽规模养殖污染防治条例"],
         area="动物防疫", actors=["县级以上地方人民政府", "农业农村主管部门", "动物卫生监督机构", "饲养动物的单位和个人"],
         objects=["动物疫病", "强制免疫", "动物疫情", "检疫", "病死动物", "无害化处理"],
         duties=["做好强制免疫", "及时报告动物疫情", "对病死动物进行无害化处理", "建立免疫档案"],
         bad=["随意处置病死动物", "隐瞒、谎报动物疫情", "经营未经检疫的动物产品"],
         chapters=["动物疫病的预防", "动物疫情的报告、通报和公布", "动物疫病的控制", "动物和动物产品的检疫",
                   "病死动物和病害动物产品的无害化处理", "强制免疫", "动物防疫条件审查", "动物诊疗", "病死畜禽无害化处理", "官方兽医", "动物疫病净化"],
         sections=None),
    dict(key="残疾人保障", law="残疾人保障法",
         regs=["残疾人就业条例", "残疾预防和残疾人康复条例"],
         area="残疾人工作", actors=["各级人民政府", "残疾人联合会", "村民委员会、居民委员会", "用人单位"],
         objects=["残疾人", "康复", "残疾人就业", "无障碍环境", "残疾人两项补贴"],
         duties=["保障残疾人的合法权益", "落实残疾人两项补贴", "开展社区康复", "推进无障碍环境建设"],
         bad=["歧视残疾人", "侵害残疾人的合法权益", "挪用残疾人补贴资金"],
         chapters=["康复", "教育", "劳动就业", "文化生活", "社会保障", "无障碍环境", "残疾预防", "残疾人康复服务", "残疾人就业保障", "残疾人两项补贴", "无障碍设施建设", "残疾人教育"],
         sections=None),
    dict(key="道路交通", law="道路交通安全法",
         regs=["道路交通安全法实施条例", "农村公路管理养护办法"],
         area="道路交通安全管理", actors=["公安机关交通管理部门", "各级人民政府", "机动车驾驶人", "乡镇人民政府"],
         objects=["道路交通安全", "机动车", "驾驶人", "农村公路", "交通事故", "交通信号"],
         duties=["遵守道路交通安全法律法规", "加强农村道路交通安全宣传", "排查道路安全隐患"],
         bad=["饮酒后驾驶机动车", "无证驾驶", "违法载人"],
         chapters=["车辆和驾驶人", "道路通行条件", "道路通行规定", "交通事故处理", "执法监督", "农村道路交通安全", "农村客运", "电动自行车管理", "交通安全劝导", "道路交通事故处理", "农村公路养护"],
         sections=None),
    dict(key="传染病防治", law="传染病防治法",
         regs=["突发公共卫生事件应急条例", "传染病防治法实施办法"],
         area="传染病防治", actors=["各级人民政府", "疾病预防控制机构", "医疗机构", "村民委员会、居民委员会"],
         objects=["传染病", "疫情报告", "预防接种", "突发公共卫生事件", "隔离治疗"],
         duties=["开展预防接种", "及时报告传染病疫情", "落实防控措施", "做好爱国卫生运动"],
         bad=["隐瞒、谎报、缓报传染病疫情", "拒绝隔离治疗"],
         chapters=["传染病预防", "疫情报告、通报和公布", "疫情控制", "医疗救治", "保障措施", "预防接种", "疫情报告", "病人隔离治疗", "医疗废物管理", "突发公共卫生事件应急", "爱国卫生运动"],
         sections=None),
    dict(key="林业", law="森林法",
         regs=["森林法实施条例", "退耕还林条例", "集体林权制度改革办法"],
         area="林业", actors=["县级以上人民政府林业主管部门", "林业经营者", "农村集体经济组织", "乡镇人民政府"],
         objects=["森林资源", "林地", "林木采伐", "造林绿化", "集体林权", "公益林"],
         duties=["保护森林资源", "开展植树造林", "依法办理林木采伐许可", "做好森林防火"],
         bad=["盗伐、滥伐林木", "毁林开垦", "非法占用林地"],
         chapters=["森林权属", "发展规划", "森林保护", "造林绿化", "经营管理", "林木采伐管理", "林地保护", "森林防火", "林下经济", "古树名木保护", "林业有害生物防治"],
         sections=None),
]

PROVINCES = ["北京市", "天津市", "河北省", "山西省", "内蒙古自治区", "辽宁省", "吉林省", "黑龙江省", "上海市", "江苏省",
             "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "广西壮族自治区",
             "海南省", "重庆市", "四川省", "贵州省", "云南省", "西藏自治区", "陕西省", "甘肃省", "青海省",
             "宁夏回族自治区", "新疆维吾尔自治区"]

CITIES = ["济南市", "青岛市", "临沂市", "潍坊市", "南京市", "苏州市", "杭州市", "宁波市", "合肥市", "成都市", "绵阳市",
          "长沙市", "岳阳市", "武汉市", "宜昌市", "郑州市", "洛阳市", "西安市", "宝鸡市", "昆明市", "大理白族自治州"]

AUTH = ["县级以上人民政府有关部门", "乡镇人民政府", "县级人民政府", "主管部门", "上级人民政府"]
PRINCIPLES = ["公开、公平、公正", "依法、自愿、有偿", "属地管理、分级负责", "预防为主、防治结合", "统筹规划、因地制宜",
              "民主决策、科学管理", "平等协商、自愿互利"]
PUNISH = ["对直接负责的主管人员和其他直接责任人员依法给予处分", "由上级主管部门责令改正",
          "构成犯罪的，依法追究刑事责任", "造成损失的，依法承担赔偿责任", "由有关部门依法予以处罚"]
MONEY = [("一千", "五千"), ("二千", "二万"), ("五千", "五万"), ("一万", "十万"), ("二万", "二十万"), ("五万", "五十万")]
PURPOSES = ["保障人民群众的合法权益", "促进经济社会协调发展", "维护社会和谐稳定", "推进基层治理体系和治理能力现代化",
            "规范管理，明确责任", "提高公共服务水平"]

GENERAL_FIRST = ["总则"]
GENERAL_LAST = ["法律责任", "附则"]

# Village rules: chapters and their articles.
VILLAGE_CHAPTERS = [
    ("社会治安", ["村民之间应当团结友爱，和睦相处，不打架斗殴，不酗酒滋事。", "严禁赌博、吸毒、贩毒，严禁封建迷信活动。",
              "爱护公共财物，不得损坏水利、道路交通、供电、通讯等公共设施。", "发现违法犯罪行为应当及时向村委会或者公安机关报告。"]),
    ("消防安全", ["加强野外用火管理，严禁在林区、田间焚烧秸秆。", "家庭用火做到人走火灭，不在柴草堆放处吸烟。",
              "村内消防通道不得堆放杂物，保持畅通。", "发生火情要及时报警，积极参与扑救。"]),
    ("村风民俗", ["提倡移风易俗，红白喜事从简办理，不大操大办。", "反对铺张浪费，婚事新办，丧事简办。",
              "弘扬尊老爱幼、邻里互助的传统美德。", "积极参加健康向上的文体活动。"]),
    ("邻里关系", ["村民之间应当互尊、互爱、互助，和睦相处。", "在生产、生活、社会交往过程中，应当遵循平等、自愿、互惠互利的原则。",
              "因土地、宅基地、山林等发生纠纷时，应当本着团结友爱的原则协商解决，协商不成的可以申请村人民调解委员会调解。"]),
    ("婚姻家庭", ["遵循婚姻自由、男女平等、一夫一妻、尊老爱幼的原则。", "子女对父母有赡养扶助的义务，不得虐待、遗弃老人。",
              "夫妻在家庭中地位平等，共同承担家务劳动。", "父母应当履行抚养教育未成年子女的义务，保障适龄儿童接受义务教育。"]),
    ("环境卫生", ["自觉维护村内环境卫生，垃圾入桶，不乱扔乱倒。", "落实门前三包，保持房前屋后整洁。",
              "畜禽实行圈养，粪污及时清理。", "不在河道、沟渠倾倒垃圾和污水。"]),
    ("土地管理", ["村民承包的土地不得擅自改变用途，不得建窑、建坟。", "土地经营权流转应当依法签订书面合同，并报村委会备案。",
              "保护耕地，严禁撂荒。", "集体土地的发包应当经村民会议或者村民代表会议讨论决定。"]),
    ("宅基地管理", ["村民建房必须依法申请宅基地，经批准后方可动工。", "严格执行一户一宅，不得超面积建房。",
               "宅基地申请应当在村内公示，公示期不少于五日。", "闲置宅基地可以依法有偿退出。"]),
    ("集体资产", ["集体资产的发包、出租应当公开招标，经村民代表会议讨论通过。", "村集体财务收支每月公开一次，接受村民监督。",
              "任何人不得侵占、挪用集体资产。"]),
    ("民主管理", ["凡涉及村民利益的重大事项，应当按照四议两公开程序决策。", "村务公开栏每季度更新一次。",
              "村民对公开的内容有异议的，可以向村务监督委员会反映。"]),
]

# Short notices: what a village posts, with one legal term mentioned in passing.
NOTICE_TITLES = [
    "关于召开{month}月份村两委联席会议的通知", "{village}{year}年第{q}季度工作例会纪要", "关于开展{season}环境卫生整治的通知",
    "{village}{year}年{month}月村务工作安排", "关于做好{season}安全工作的提示", "{village}党员活动日学习安排",
    "关于组织村民代表参观学习的通知", "{village}{year}年度工作计划", "关于召开村民代表会议的公告",
    "{village}{month}月份财务收支公开", "关于开展普法宣传进村入户活动的通知", "{village}村民议事会会议记录",
]
NOTICE_SENTENCES = [
    "会议由村党支部书记主持，村两委成员和村民代表参加。", "请各村民小组长通知到户，按时参加。",
    "会上通报了上月村务工作完成情况，安排部署了本月重点工作。", "各位村民如有意见建议，可向村委会反映。",
    "本次会议共收集意见建议十余条，村两委将逐条研究答复。", "请大家相互转告，积极参与。",
    "会议要求各小组做好入户走访和登记工作。", "村委会将按照有关规定做好公示工作。",
    "本月收入主要为集体土地发包收入，支出主要为道路维修和保洁费用。", "活动结束后，各小组将学习心得交村委会汇总。",
]


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)

    def pick(self, xs):
        return xs[self.r.randrange(len(xs))]

    def article(self, t, kind, last_kind_word):
        """One article's text (without 第X条), from the topic's words."""
        r = self.r
        k = r.randrange(14)
        actor = self.pick(t["actors"])
        obj = self.pick(t["objects"])
        obj2 = self.pick(t["objects"])
        duty = self.pick(t["duties"])
        bad = self.pick(t["bad"])
        if k == 0:
            return "%s应当加强对%s工作的领导，将%s工作纳入国民经济和社会发展规划，所需经费列入本级财政预算。" % (
                actor, t["area"], t["area"])
        if k == 1:
            return "%s负责本行政区域内%s的监督管理工作。%s在各自职责范围内做好%s的有关工作。" % (
                self.pick(AUTH), t["area"], self.pick(t["actors"]), obj)
        if k == 2:
            return "%s应当%s，%s，不得%s。" % (actor, duty, self.pick(t["duties"]), bad)
        if k == 3:
            return "任何单位和个人不得%s。对%s的行为，任何单位和个人都有权向%s举报，接到举报的部门应当及时依法处理。" % (
                bad, bad, self.pick(AUTH))
        if k == 4:
            return "%s应当建立健全%s制度，定期公布%s的有关情况，接受群众监督。" % (actor, obj, obj2)
        if k == 13 and r.randrange(2):
            return "违反本%s规定，%s，构成违反治安管理行为的，由公安机关依照《中华人民共和国治安管理处罚法》的规定给予处罚；构成犯罪的，依法追究刑事责任。" % (
                kind, bad)
        if k == 6 and r.randrange(2):
            return "%s作出行政处罚决定，应当依照《中华人民共和国行政处罚法》规定的程序进行。当事人对%s不服的，可以依法申请行政复议或者提起行政诉讼。" % (
                self.pick(AUTH), self.pick(["行政处罚决定", "处理决定", "责令改正决定"]))
        if k == 5:
            lo, hi = self.pick(MONEY)
            return "违反本%s规定，%s的，由%s责令限期改正，给予警告；情节严重的，处%s元以上%s元以下的罚款。" % (
                kind, bad, self.pick(AUTH), lo, hi)
        if k == 6:
            return "%s的具体办法，由%s制定。" % (obj, self.pick(AUTH))
        if k == 7:
            return "国家鼓励和支持社会力量参与%s，对在%s工作中做出显著成绩的单位和个人，按照国家有关规定给予表彰和奖励。" % (
                t["area"], t["area"])
        if k == 8:
            return "%s应当遵循%s的原则，%s。" % (obj, self.pick(PRINCIPLES), duty)
        if k == 9:
            items = []
            for _ in range(r.randrange(3, 7)):
                items.append(self.pick(t["bad"] + t["duties"]) if r.randrange(2) else
                             "未按照规定%s" % self.pick(t["duties"]))
            lines = ["%s在%s工作中有下列情形之一的，%s：" % (actor, t["area"], self.pick(PUNISH))]
            for i, it in enumerate(items, 1):
                lines.append("（%s）%s%s" % (cn(i), it, "。" if i == len(items) else "；"))
            return "\n".join(lines)
        if k == 10:
            return "本%s所称%s，是指%s依法%s的活动。" % (kind, obj, actor, duty)
        if k == 11:
            items = [self.pick(t["duties"]) for _ in range(r.randrange(3, 6))]
            lines = ["%s履行下列职责：" % actor]
            for i, it in enumerate(items, 1):
                lines.append("（%s）%s%s" % (cn(i), it, "；" if i < len(items) else "；"))
            lines.append("（%s）法律、法规规定的其他职责。" % cn(len(items) + 1))
            return "\n".join(lines)
        if k == 12:
            return "%s依法享有%s的权利，%s应当予以保障。%s与%s发生争议的，可以协商解决，也可以申请调解。" % (
                self.pick(t["actors"]), obj, actor, self.pick(t["actors"]), self.pick(t["actors"]))
        return "%s应当%s。%s应当对%s情况进行监督检查，发现问题的，应当及时督促整改。" % (
            actor, duty, self.pick(AUTH), obj)

    def structured(self, t, kind, chapters, articles_per, sections, style, title_articles=False,
                   village_articles=None):
        """Body of a law or rules: chapters (maybe sections), numbered articles."""
        r = self.r
        out = []
        n = 0
        for ci, ch in enumerate(chapters, 1):
            head = "第%s章　%s" % (cn(ci), ch)
            out.append(self.chapter_line(head, style))
            secs = sections.get(ch) if sections else None
            parts = [(None, articles_per())] if not secs else [(s, max(2, articles_per() // 2)) for s in secs]
            for sec, count in parts:
                if sec is not None:
                    k = secs.index(sec) + 1
                    out.append(self.chapter_line("第%s节　%s" % (cn(k), sec), style, level=3))
                for _ in range(count):
                    n += 1
                    if ch == "总则" and n == 1:
                        if t is None:
                            basis = "《中华人民共和国村民委员会组织法》等法律、法规"
                        elif kind == "法" or not t["law"]:
                            basis = "宪法" if kind == "法" else "有关法律、法规"
                        else:
                            basis = "《中华人民共和国%s》等法律、行政法规" % t["law"]
                        text = "为了%s，%s，根据%s，结合实际，制定本%s。" % (
                            self.pick(PURPOSES), "规范%s" % t["area"] if t else "加强村民自治", basis, kind)
                    elif ch == "附则" and village_articles is None and _ == count - 1:
                        d = dt.date(2000 + r.randrange(25), 1 + r.randrange(12), 1)
                        text = "本%s自%d年%d月%d日起施行。" % (kind, d.year, d.month, d.day)
                    elif village_articles is not None:
                        text = self.pick(village_articles.get(ch) or village_articles["*"])
                    else:
                        text = self.article(t, kind, kind)
                    label = "第%s条" % cn(n)
                    if title_articles:
                        label += "【%s】" % ch
                    out.append(label + "　" + text)
        return "\n\n".join(out), n

    def chapter_line(self, head, style, level=2):
        if style == 0:
            return "#" * level + " " + head
        if style == 1:
            return head
        return "**%s**" % head

    def law_body(self, t, kind, length_class):
        r = self.r
        chapters = list(GENERAL_FIRST)
        own = list(t["chapters"])
        take = {0: r.randrange(2, 4), 1: r.randrange(3, 6), 2: r.randrange(5, 9)}.get(length_class, len(own))
        start = r.randrange(len(own))
        mid = [own[(start + i) % len(own)] for i in range(min(take, len(own)))]
        mid.sort(key=own.index)
        chapters += mid
        if r.randrange(3):
            chapters.append("监督管理" if "监督检查" not in mid and "监督管理" not in mid else "保障措施")
        chapters += GENERAL_LAST
        per = {0: (4, 9), 1: (6, 13), 2: (9, 20), 3: (30, 60)}[length_class]
        sections = {}
        if length_class >= 2 and t.get("sections") and t["sections"][0] in chapters:
            sections[t["sections"][0]] = t["sections"][1]
        style = r.randrange(3)
        preface = "（%d年%d月%d日%s通过）" % (1980 + r.randrange(45), 1 + r.randrange(12), 1 + r.randrange(28),
                                        self.pick(["全国人民代表大会常务委员会", "国务院常务会议", "省人民代表大会常务委员会",
                                                   "部务会议", "市人民代表大会常务委员会"]))
        body, n = self.structured(t, kind, chapters, lambda: r.randrange(*per), sections, style)
        toc = ""
        if length_class >= 1 and r.randrange(2):
            toc = "目　　录\n\n" + "\n\n".join("第%s章　%s" % (cn(i), c) for i, c in enumerate(chapters, 1)) + "\n\n"
        return preface + "\n\n" + toc + body + "\n", chapters

    def village_rules_body(self, village, title_articles, style):
        r = self.r
        chosen = [c for c in VILLAGE_CHAPTERS if r.randrange(3)]
        if len(chosen) < 3:
            chosen = VILLAGE_CHAPTERS[:4]
        arts = {c: a for c, a in chosen}
        arts["总则"] = ["为了推进村民自治，建设文明和谐的新农村，根据有关法律、法规和政策，结合本村实际，经村民会议讨论通过，制定本村规民约。",
                       "本村规民约适用于本村全体村民。", "村民应当自觉遵守本村规民约，村委会负责组织实施和监督。"]
        arts["附则"] = ["本村规民约由村民委员会负责解释。", "本村规民约自村民会议通过之日起施行。",
                       "本村规民约未尽事宜，按照国家有关法律、法规和政策执行。"]
        arts["*"] = ["村民应当遵守本村规民约。"]
        chapters = ["总则"] + [c for c, _ in chosen] + ["附则"]
        if style == 3:
            # Markdown headings without chapter numbers: 一、社会治安
            out = ["为了推进村民自治，建设文明和谐的新农村，经村民会议讨论通过，制定本村规民约。"]
            for i, c in enumerate(chapters[1:-1], 1):
                out.append("## %s、%s" % (cn(i), c))
                for k, a in enumerate(arts[c], 1):
                    out.append("%d. %s" % (k, a))
            out.append("本村规民约自村民会议通过之日起施行。")
            return "\n\n".join(out) + "\n", chapters
        body, _ = self.structured(None, "村规民约", chapters, lambda: r.randrange(2, 5), {}, style,
                                  title_articles=title_articles, village_articles=arts)
        return body + "\n", chapters


def front(title, date, category, number=None):
    lines = ["---", "title: " + title, "date: " + date.isoformat(), "category: " + category]
    if number:
        lines.append("number: " + number)
    lines.append("---")
    return "\n".join(lines) + "\n\n"


VILLAGE_NAMES = ["马庄村", "柳河村", "石桥村", "杨柳村", "王家庄村", "李家湾村", "东岭村", "西沟村", "南屯村", "北坡村",
                 "桃园村", "杏林村", "枣园村", "梨树村", "青山村", "白水村", "红旗村", "胜利村", "团结村", "新华社区",
                 "幸福社区", "和平社区", "东风社区", "建设社区", "翠屏村", "盐井村", "麦田村", "姜楼村", "张楼村",
                 "谢桥村", "黄庄村", "赵集村", "孙庄村", "刘营村", "陈村", "吴家店村", "郑家洼村", "冯楼村", "褚庄村",
                 "卫河社区"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.strip().split("\n\n")[0])
    ap.add_argument("site")
    ap.add_argument("n", nargs="?", type=int, default=3500)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    site = os.path.abspath(args.site)
    if os.path.lexists(site):
        if os.listdir(site) and not os.path.exists(os.path.join(site, MARKER)):
            sys.exit("laws.py: %s exists and was not made by this script; refusing to delete it" % site)
        shutil.rmtree(site)
    content = os.path.join(site, "content")
    os.makedirs(content)
    open(os.path.join(site, MARKER), "w").close()

    g = Gen(args.seed)
    r = g.r
    villages = [("v%02d" % (i + 1), name) for i, name in enumerate(VILLAGE_NAMES)]
    with open(os.path.join(content, "site.yml"), "w", encoding="utf-8") as fh:
        fh.write("# generated by bench/laws.py\ntitle: 青山县村（居）务公开与政策法规\ntown: 青山县\ntimezone: Asia/Shanghai\n"
                 "categories:\n"
                 "  - slug: fagui\n    name: 政策法规\n"
                 "  - slug: cgmy\n    name: 村规民约\n"
                 "  - slug: tongzhi\n    name: 通知公告\n"
                 "  - slug: juece\n    name: 村务决策\n"
                 "  - slug: caiwu\n    name: 财务公开\n")
    for slug, name in villages:
        os.makedirs(os.path.join(content, slug))
        with open(os.path.join(content, slug, "community.yml"), "w", encoding="utf-8") as fh:
            fh.write("name: %s\nkind: %s\n" % (name, "社区" if name.endswith("社区") else "村"))

    n_laws = args.n * 62 // 100
    n_rules = args.n * 10 // 100
    n_notices = args.n - n_laws - n_rules
    docs = []  # (slug, date, file name, text)
    titles_seen = {}

    def day(lo_year, hi_year):
        start = dt.date(lo_year, 1, 1).toordinal()
        end = dt.date(hi_year, 12, 31).toordinal()
        return dt.date.fromordinal(start + r.randrange(end - start + 1))

    # Laws and regulations, spread over the villages' 政策法规 columns.
    law_terms = []
    for i in range(n_laws):
        t = TOPICS[r.randrange(len(TOPICS))]
        kind_roll = r.randrange(10)
        if kind_roll == 0 and t["law"]:
            title, kind, number = "中华人民共和国" + t["law"], "法", "主席令第%s号" % cn(1 + r.randrange(120))
        elif kind_roll <= 3:
            title = g.pick(t["regs"])
            kind = "条例" if title.endswith("条例") else ("办法" if title.endswith("办法") else "规定")
            number = None
        elif kind_roll <= 5 and t["law"]:
            title, kind, number = "%s实施《中华人民共和国%s》办法" % (g.pick(PROVINCES), t["law"]), "办法", None
        elif kind_roll <= 7:
            base = g.pick(t["regs"])
            title = g.pick(PROVINCES) + base
            kind = "条例" if base.endswith("条例") else ("办法" if base.endswith("办法") else "规定")
            number = None
        else:
            base = g.pick(t["regs"])
            title = g.pick(CITIES) + base
            kind = "条例" if base.endswith("条例") else ("办法" if base.endswith("办法") else "规定")
            number = None
        if title.endswith("法") and kind == "条例":
            kind = "法"
        date = day(1990, 2025)
        seen = titles_seen.get(title, 0)
        titles_seen[title] = seen + 1
        if seen:
            title_shown = title + "（%d年修订）" % date.year if r.randrange(2) else title
        else:
            title_shown = title
        roll = r.randrange(60)
        length_class = 3 if roll == 0 else (2 if roll < 8 else (1 if roll < 45 else 0))
        body, chapters = g.law_body(t, kind, length_class)
        law_terms.append((t, chapters))
        slug = villages[r.randrange(len(villages))][0]
        docs.append((slug, date, "fagui", title_shown, number, body))

    # Village rules and charters.
    for i in range(n_rules):
        slug, vname = villages[r.randrange(len(villages))]
        roll = r.randrange(4)
        title = vname + ("村规民约" if roll < 2 else ("居民公约" if vname.endswith("社区") else "村民自治章程"))
        if roll == 3:
            title = vname + "村规民约（修订）"
        style = r.randrange(4)
        body, _ = g.village_rules_body(vname, title_articles=r.randrange(3) == 0, style=style)
        docs.append((slug, day(2010, 2025), "cgmy", title, None, body))

    # Short notices that mention a legal term (a law's chapter, a topic word) in passing.
    for i in range(n_notices):
        slug, vname = villages[r.randrange(len(villages))]
        date = day(2012, 2025)
        t, chapters = law_terms[r.randrange(len(law_terms))]
        title = g.pick(NOTICE_TITLES).format(month=date.month, village=vname, year=date.year,
                                              q=cn(1 + (date.month - 1) // 3),
                                              season=["春季", "夏季", "秋季", "冬季"][(date.month - 1) // 3])
        sentences = [g.pick(NOTICE_SENTENCES) for _ in range(r.randrange(2, 6))]
        own = [c for c in chapters if c not in GENERAL_FIRST + GENERAL_LAST + ["监督管理", "保障措施"]]
        term = g.pick(own) if own and r.randrange(3) else g.pick(t["objects"])
        mention = g.pick(["会议还学习了有关%s的规定。", "下一步将做好%s相关工作。", "有村民代表提出了%s方面的问题，村委会已记录。",
                          "会议顺带通报了%s有关情况。", "其他事项：%s。"]) % term
        sentences.insert(r.randrange(len(sentences) + 1), mention)
        cat = "caiwu" if "财务" in title else ("juece" if "会议" in title or "议事" in title else "tongzhi")
        docs.append((slug, date, cat, title, None, "".join(sentences) + "\n"))

    cats = {"fagui": "政策法规", "cgmy": "村规民约", "tongzhi": "通知公告", "juece": "村务决策", "caiwu": "财务公开"}
    total = 0
    for k, (slug, date, cat, title, number, body) in enumerate(docs, 1):
        folder = os.path.join(content, slug, str(date.year))
        os.makedirs(folder, exist_ok=True)
        text = front(title, date, cats[cat], number) + body
        with open(os.path.join(folder, "d%05d.md" % k), "w", encoding="utf-8") as fh:
            fh.write(text)
        total += len(text.encode("utf-8"))
    print("laws.py: %d documents (%d laws and regulations, %d village rules, %d notices), %.1f MB, %d communities -> %s" % (
        len(docs), n_laws, n_rules, n_notices, total / 1e6, len(villages), site))


if __name__ == "__main__":
    main()
