#!/usr/bin/env python3
"""The Word documents `gongkai import` is tested on (Tests/Fixtures/word/):
notices as a village or community office writes them, saved by the programs
clerks use, plus the files that are not .docx which clerks meet.

- LibreOffice (Debian's `libreoffice-writer`): a flat ODF document (.fodt)
  written here is opened and saved as .docx by `soffice --headless
  --convert-to docx` (a real word processor's output: its styles, numbering,
  tracked changes, comments, notes, text boxes, images); also a real Word 97
  .doc and an .rtf.
- python-docx (PyPI): Word's own default template, as Word lays it out.
- By hand (zipfile): what WPS Office writes (AlternateContent text boxes,
  Chinese list numbering, a seal image in EMF), a cut-off download, a zip
  that holds no document.

Also writes expected.json: for each file what a person reading it finds
(title, date, 文号, issuer, category, every table cell, images, the order
of key sentences, the privacy findings, the failure code). These are the
answers `scripts/import_accuracy.py` and the Swift tests compare against.

Run: python3 scripts/make-word-fixtures.py   (needs soffice and python-docx;
`make test` does not: the generated files are committed.)
"""
import base64
import io
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "Fixtures", "word")
FIXED_TIME = (2026, 11, 6, 9, 0, 0)
expected = []


def png(width, height, rgb, mark=None):
    """A small PNG (a solid colour with a darker band), made without PIL."""
    rows = []
    for y in range(height):
        colour = tuple(max(0, c - 80) for c in rgb) if mark and mark[0] <= y < mark[1] else rgb
        rows.append(b"\x00" + bytes(colour) * width)
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b""))


RECEIPT = png(120, 60, (236, 236, 220), mark=(20, 28))
SITE_PHOTO = png(160, 90, (120, 160, 110), mark=(60, 70))


# ---------------------------------------------------------------- ODF (LibreOffice)

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/" '
      'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"')

ODF_STYLES = """
<office:font-face-decls>
 <style:font-face style:name="FangSong" svg:font-family="仿宋"/>
 <style:font-face style:name="SimHei" svg:font-family="黑体"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph"><style:text-properties fo:font-size="16pt" style:font-size-asian="16pt" style:font-name-asian="FangSong"/></style:default-style>
 <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
 <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard"/>
 <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard" style:class="chapter">
  <style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="22pt" style:font-size-asian="22pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
 <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="1" style:class="text">
  <style:text-properties fo:font-size="16pt" style:font-size-asian="16pt" fo:font-weight="bold" style:font-weight-asian="bold" style:font-name-asian="SimHei"/></style:style>
 <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="2" style:class="text">
  <style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
 <text:list-style style:name="ChineseList">
  <text:list-level-style-number text:level="1" style:num-suffix="、" style:num-format="一, 二, 三, ..."><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="nothing" fo:text-indent="0cm" fo:margin-left="0cm"/></style:list-level-properties></text:list-level-style-number>
 </text:list-style>
 <text:list-style style:name="Bullets">
  <text:list-level-style-bullet text:level="1" text:bullet-char="•"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" fo:text-indent="-0.6cm" fo:margin-left="1.2cm"/></style:list-level-properties></text:list-level-style-bullet>
 </text:list-style>
 <text:list-style style:name="Decimal">
  <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" fo:text-indent="-0.6cm" fo:margin-left="1.2cm"/></style:list-level-properties></text:list-level-style-number>
 </text:list-style>
</office:styles>
<office:automatic-styles>
 <style:style style:name="PTitle" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="22pt" style:font-size-asian="22pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
 <style:style style:name="PCenter" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/></style:style>
 <style:style style:name="PRight" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="end"/></style:style>
 <style:style style:name="PIndent" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-indent="1.13cm"/></style:style>
 <style:style style:name="PBold" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
 <style:style style:name="TBold" style:family="text"><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
 <style:style style:name="PMast" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="26pt" style:font-size-asian="26pt" fo:font-weight="bold" style:font-weight-asian="bold" fo:color="#c00000"/></style:style>
 <style:style style:name="PTitle18" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="18pt" style:font-size-asian="18pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
 <style:style style:name="PLeftBold18" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="18pt" style:font-size-asian="18pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
 <style:style style:name="CellPlain" style:family="table-cell"><style:table-cell-properties fo:padding="0.05cm" fo:border="none"/></style:style>
 <style:style style:name="Tbl" style:family="table"><style:table-properties style:width="16cm" table:align="center"/></style:style>
 <style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.05cm" fo:border="0.5pt solid #000000"/></style:style>
 <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2.5cm" fo:margin-bottom="2.5cm" fo:margin-left="2.6cm" fo:margin-right="2.6cm"/></style:page-layout>
</office:automatic-styles>
"""


def odf_document(title_meta, body, header=None, footer=None):
    master = '<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">'
    if header:
        master += '<style:header><text:p>%s</text:p></style:header>' % header
    if footer:
        master += '<style:footer><text:p>%s</text:p></style:footer>' % footer
    master += '</style:master-page></office:master-styles>'
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document %s office:version="1.3" '
            'office:mimetype="application/vnd.oasis.opendocument.text"><office:meta><dc:title>%s</dc:title>'
            '<dc:creator>村委会文书</dc:creator></office:meta>%s%s<office:body><office:text>%s</office:text></office:body></office:document>'
            % (NS, escape(title_meta), ODF_STYLES, master, body))


def p(text, style="Standard"):
    return '<text:p text:style-name="%s">%s</text:p>' % (style, text)


def t(text):
    return escape(text)


def h(text, level=1):
    return '<text:h text:style-name="Heading_20_%d" text:outline-level="%d">%s</text:h>' % (level, level, text)


def bold(text):
    return '<text:span text:style-name="TBold">%s</text:span>' % escape(text)


def odf_table(rows, spans=None, name="表格1", cell_style="Cell"):
    """rows: lists of cell text ('\\n' = two paragraphs); None = covered by a span.
    spans: {(row, col): (rows, cols)}."""
    spans = spans or {}
    width = max(len(r) for r in rows)
    out = ['<table:table table:name="%s" table:style-name="Tbl"><table:table-column table:number-columns-repeated="%d"/>' % (name, width)]
    for r, row in enumerate(rows):
        out.append("<table:table-row>")
        for c, cell in enumerate(row):
            if cell is None:
                out.append("<table:covered-table-cell/>")
                continue
            attrs = ' table:style-name="%s" office:value-type="string"' % cell_style
            if (r, c) in spans:
                rs, cs = spans[(r, c)]
                if rs > 1:
                    attrs += ' table:number-rows-spanned="%d"' % rs
                if cs > 1:
                    attrs += ' table:number-columns-spanned="%d"' % cs
            paragraphs = "".join(p(t(line)) for line in cell.split("\n")) if cell else p("")
            out.append("<table:table-cell%s>%s</table:table-cell>" % (attrs, paragraphs))
        out.append("</table:table-row>")
    out.append("</table:table>")
    return "".join(out)


def odf_image(data, description, width="4cm", height="2cm", name="图片1"):
    return ('<draw:frame draw:name="%s" text:anchor-type="as-char" svg:width="%s" svg:height="%s"><draw:image>'
            '<office:binary-data>%s</office:binary-data></draw:image><svg:desc>%s</svg:desc></draw:frame>'
            % (name, width, height, base64.b64encode(data).decode(), escape(description)))


def soffice(fodt_text, name, target="docx", filter_name=None):
    """Saves an ODF document through LibreOffice; returns the bytes."""
    work = tempfile.mkdtemp(prefix="gk-fixture-")
    try:
        source = os.path.join(work, "doc.fodt")
        with open(source, "w", encoding="utf-8") as f:
            f.write(fodt_text)
        convert = target if filter_name is None else "%s:%s" % (target, filter_name)
        subprocess.run(["soffice", "--headless", "-env:UserInstallation=file://" + work + "/profile",
                        "--convert-to", convert, "--outdir", work, source],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
        with open(os.path.join(work, "doc." + target), "rb") as f:
            data = f.read()
        return reproducible_zip(data) if target == "docx" else data
    finally:
        shutil.rmtree(work, ignore_errors=True)


def save(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def expect(file, made_by, **facts):
    entry = {"file": file, "made_by": made_by}
    entry.update(facts)
    expected.append(entry)


# ---------------------------------------------------------------- LibreOffice fixtures

def lo_caiwu():
    rows = [["项目", "本月收入(元)", "本月支出(元)", "备注"],
            ["土地承包费", "12,000.00", "", "第二、三村民小组"],
            ["上级转移支付", "35,000.00", "", "镇财政拨付"],
            ["办公费", "", "1,386.45", "打印纸、水电费"],
            ["村道维修", "", "8,600.00", "见工程结算单"],
            ["合计", "47,000.00", "9,986.45", ""]]
    body = (p(t("马庄村2026年10月财务收支公开"), "PTitle")
            + p(t("马庄村〔2026〕18号"), "PCenter")
            + p(t("\u3000\u3000根据《山东省村务公开条例》和镇农村经济经营管理站的要求，现将我村2026年10月份财务收支情况公开如下，接受全体村民监督。"))
            + p(bold("一、收支汇总"))
            + odf_table(rows)
            + p(bold("二、监督方式"))
            + p(t("\u3000\u3000公示期为2026年11月6日至2026年11月11日。如有异议，请在公示期内向村务监督委员会反映，监督电话：0531-87654330。"))
            + p(t("\u3000\u3000特此公示。"))
            + p(t("马庄村村民委员会"), "PRight")
            + p(t("2026年11月6日"), "PRight"))
    save("lo-caiwu-2026-10.docx", soffice(odf_document("马庄村10月财务", body), "caiwu"))
    expect("lo-caiwu-2026-10.docx", "LibreOffice", community="mazhuang", title="马庄村2026年10月财务收支公开",
           date="2026-11-06", number="马庄村〔2026〕18号", issuer="马庄村村民委员会", category="caiwu",
           period=["2026-11-06", "2026-11-11"], covers="2026-10", tables=[rows], images=0,
           order=["根据《山东省村务公开条例》", "## 一、收支汇总", "| 土地承包费 |", "## 二、监督方式", "特此公示", "马庄村村民委员会", "2026年11月6日"])


def lo_dibao():
    rows = [["组别", "户主姓名", "保障人数", "身份证号", "月保障金(元)"],
            ["第一组", "张*明", "2", "370112********1234", "820"],
            [None, "李*芬", "1", "370112********2341", "410"],
            ["第三组", "王*国", "3", "370112********0012", "1,230"],
            ["合计", "", "6", "", "2,460"]]
    shown = [["组别", "户主姓名", "保障人数", "身份证号", "月保障金(元)"],
             ["第一组", "张*明", "2", "370112********1234", "820"],
             ["", "李*芬", "1", "370112********2341", "410"],
             ["第三组", "王*国", "3", "370112********0012", "1,230"],
             ["合计", "", "6", "", "2,460"]]
    body = (p(t("马庄村"), "PTitle") + p(t("2026年第四季度城乡低保对象公示"), "PTitle")
            + p(t("\u3000\u3000经个人申请、入户调查、村民代表评议和镇人民政府审核，拟确定以下家庭为2026年第四季度城乡最低生活保障对象，现予公示，公示期7天。"))
            + odf_table(rows, spans={(1, 0): (2, 1)})
            + p(t("\u3000\u3000公示期内如有异议，请向马庄村村务监督委员会或镇民政办反映，电话：0531-87654330。"))
            + p(t("马庄村村民委员会"), "PRight")
            + p(t("二〇二六年十一月六日"), "PRight"))
    save("lo-dibao-2026-q4.docx", soffice(odf_document("低保公示", body), "dibao"))
    expect("lo-dibao-2026-q4.docx", "LibreOffice", community="mazhuang", title="马庄村2026年第四季度城乡低保对象公示",
           date="2026-11-06", number=None, issuer="马庄村村民委员会", category="dibao",
           period=["2026-11-06", "2026-11-13"], tables=[shown], csv=True, images=0,
           order=["经个人申请", "```table", "公示期内如有异议", "二〇二六年十一月六日"])


def lo_juece():
    body = (p(t("马庄村委〔2026〕3号"), "PCenter")
            + p(t("关于原小学校舍公开出租的决议公告"), "PTitle")
            + p(t("全体村民："))
            + p(t("\u3000\u3000为盘活村集体闲置资产、增加集体收入，按照“四议两公开”工作法，我村就原小学校舍公开出租事项作出决议，现公告如下。"))
            + h(t("一、决策程序"))
            + p(t("\u3000\u30002026年2月10日，村党支部提议将原小学校舍公开出租。"))
            + p(t("\u3000\u30002026年2月13日，村两委会议商议，应到5人，实到5人，一致同意。"))
            + p(t("\u3000\u30002026年2月24日，党员大会审议，应到27人，实到22人，同意22人。"))
            + p(t("\u3000\u30002026年2月26日，村民代表会议决议，应到30人，实到26人，同意24人，反对1人，弃权1人。"))
            + h(t("二、决议内容"))
            + p(t("\u3000\u3000原小学校舍（建筑面积约420平方米）以公开竞价方式出租，租期5年，起拍价每年18,000元，租金一年一交。"))
            + p(t("中共马庄村支部委员会"), "PRight")
            + p(t("马庄村村民委员会"), "PRight")
            + p(t("2026年2月28日"), "PRight"))
    save("lo-juece-xiaoshe.docx", soffice(odf_document("决议公告", body), "juece"))
    expect("lo-juece-xiaoshe.docx", "LibreOffice", community="mazhuang", title="关于原小学校舍公开出租的决议公告",
           date="2026-02-28", number="马庄村委〔2026〕3号", issuer="中共马庄村支部委员会、马庄村村民委员会",
           category="juece", tables=[], images=0,
           process={"党组织提议": "2026-02-10", "两委会议商议": "2026-02-13", "党员大会审议": "2026-02-24",
                    "村民代表会议决议": "2026-02-26"},
           order=["全体村民：", "## 一、决策程序", "2026年2月10日，村党支部提议", "## 二、决议内容", "中共马庄村支部委员会", "2026年2月28日"])


def lo_zhaobiao():
    rows = [["标段", "建设内容", "资格要求"],
            ["一标段", "村东路硬化1.2公里", "具有市政公用工程施工总承包三级及以上资质\n近三年无重大质量安全事故"],
            ["二标段", "村北路硬化0.8公里", "同一标段"]]
    bullets = ["建设地点：马庄村东路、北路", "建设规模：水泥混凝土路面2.0公里，宽4.5米", "资金来源：镇财政一事一议奖补资金和村集体自筹"]
    body = (p(t("马庄村村道硬化工程招标公告"), "PTitle")
            + p(bold("一、项目概况"))
            + '<text:list text:style-name="Bullets">' + "".join('<text:list-item>%s</text:list-item>' % p(t(b)) for b in bullets) + "</text:list>"
            + p(bold("二、标段划分和资格要求"))
            + odf_table(rows)
            + p(bold("三、报名方式"))
            + p(t("\u3000\u3000请于2026年9月22日前（工作日9:00—17:00）携带资质证书原件到马庄村村委会报名。联系人：王先生，电话：0531-87654321。"))
            + '<text:p text:style-name="PRight">%s<text:line-break/>%s</text:p>' % (t("马庄村村民委员会"), t("2026年9月15日")))
    save("lo-zhaobiao-cundao.docx", soffice(odf_document("招标公告", body), "zhaobiao"))
    expect("lo-zhaobiao-cundao.docx", "LibreOffice", community="mazhuang", title="马庄村村道硬化工程招标公告",
           date="2026-09-15", number=None, issuer="马庄村村民委员会", category="gongcheng",
           tables=[rows], csv=True, images=0,
           order=["## 一、项目概况", "- 建设地点：马庄村东路、北路", "- 资金来源", "## 二、标段划分和资格要求", "```table", "## 三、报名方式", "2026年9月15日"])


def lo_zhaijidi():
    rows = [["序号", "申请人", "家庭人口", "申请面积(㎡)", "建房位置", "审查意见"],
            ["1", "刘*强", "4", "150", "第二组村东", "符合条件"],
            ["2", "陈*华", "3", "132", "第四组村南", "符合条件"],
            ["3", "赵*军", "5", "160", "第一组原址翻建", "符合条件"]]
    body = (p(t("马庄村2026年第三批农村宅基地申请"), "PTitle")
            + p(t("村级审查结果公示"), "PTitle")
            + p(t("\u3000\u3000根据《山东省农村宅基地管理办法》，经村民小组会议讨论、村两委审查，以下农户的宅基地申请符合条件，现予公示。"))
            + odf_table(rows)
            + p(t("\u3000\u3000公示时间：2026年10月20日—10月26日。如有异议，请在公示期内向村务监督委员会书面反映。"))
            + p(t("马庄村村民委员会"), "PRight")
            + p(t("2026年10月20日"), "PRight"))
    save("lo-zhaijidi-2026-3.docx", soffice(odf_document("宅基地", body), "zhaijidi"))
    expect("lo-zhaijidi-2026-3.docx", "LibreOffice", community="mazhuang", title="马庄村2026年第三批农村宅基地申请村级审查结果公示",
           date="2026-10-20", number=None, issuer="马庄村村民委员会", category="zhaijidi",
           period=["2026-10-20", "2026-10-26"], tables=[rows], images=0,
           order=["根据《山东省农村宅基地管理办法》", "| 1 | 刘\\*强 |", "公示时间", "2026年10月20日"])


def lo_tingshui():
    body = (p(t("关于11月8日停水的通知"))
            + p(t("各位村民："))
            + p(t("\u3000\u3000因镇自来水厂更换主管道阀门，11月8日（星期日）8:00至16:00全村停水，请提前储水。恢复供水后如水质浑浊，请放水几分钟再用。"))
            + p(t("\u3000\u3000特此通知。"))
            + '<text:p text:style-name="PRight">%s<text:line-break/>%s</text:p>' % (t("马庄村村民委员会"), t("2026年11月6日")))
    save("lo-tongzhi-tingshui.docx", soffice(odf_document("", body), "tongzhi"))
    expect("lo-tongzhi-tingshui.docx", "LibreOffice", community="mazhuang", title="关于11月8日停水的通知",
           date="2026-11-06", number=None, issuer="马庄村村民委员会", category="tongzhi", tables=[], images=0,
           order=["各位村民：", "因镇自来水厂更换主管道阀门", "特此通知。", "马庄村村民委员会\\\n2026年11月6日"])


def lo_cunguiminyue():
    chapters = [("第一章　总则", ["为推进村民自治，建设文明和谐的新农村，根据《中华人民共和国村民委员会组织法》，结合本村实际，制定本村规民约。",
                                 "本村规民约经村民会议讨论通过，全体村民共同遵守。"]),
                ("第二章　社会治安", ["村民要学法、知法、守法，自觉维护社会秩序和公共安全。",
                                   "严禁赌博、吸毒、封建迷信等违法活动。", "爱护公共财物，不得损坏水利、道路、电力、通讯等公共设施。"]),
                ("第三章　村风民俗", ["提倡喜事新办、丧事简办，反对铺张浪费，红白喜事宴席每桌费用不超过500元。",
                                   "弘扬尊老爱幼、邻里互助的传统美德。"]),
                ("第四章　环境卫生", ["生活垃圾分类投放到指定地点，不得乱倒乱扔。", "禁止焚烧秸秆和垃圾。"]),
                ("第五章　附则", ["本村规民约由村民委员会负责解释。", "本村规民约自2026年3月15日起施行。"])]
    numerals = "一二三四五六七八九十"
    def article(n):
        if n <= 10:
            return numerals[n - 1] if n < 10 else "十"
        return "十" + numerals[n - 11] if n < 20 else "二十"
    body = p(t("马庄村村规民约"), "Title")
    order = []
    n = 0
    for heading, articles in chapters:
        body += h(t(heading))
        order.append("## 第一章" if heading.startswith("第一章") else "")
        for text in articles:
            n += 1
            body += p(t("第%s条\u3000%s" % (article(n), text)))
    # A long document: the articles again as the explanation (释义) a town asked for.
    body += h(t("附：条文释义"))
    for i in range(1, 41):
        body += p(t("\u3000\u3000释义%d：本条所称“村民”，是指户籍在本村的居民和在本村居住一年以上的人员；本条所说的公共设施，包括村内道路、路灯、水井、健身器材和文化广场等，由村民委员会统一管理维护。" % i))
    body += p(t("马庄村村民会议"), "PRight") + p(t("2026年3月15日"), "PRight")
    save("lo-cunguiminyue-long.docx", soffice(odf_document("村规民约", body), "cunguiminyue"))
    expect("lo-cunguiminyue-long.docx", "LibreOffice", community="mazhuang", title="马庄村村规民约", date="2026-03-15",
           number=None, issuer="马庄村村民会议", category="tongzhi", tables=[], images=0,
           order=["## 第一章　总则", "第一条　为推进村民自治", "## 第二章　社会治安", "## 第五章　附则", "第十一条　本村规民约自2026年3月15日起施行", "## 附：条文释义", "释义40：", "马庄村村民会议"])


def lo_jiuzhu_notes():
    rows = [["序号", "姓名", "救助事由", "金额(元)"],
            ["1", "孙*梅", "因病住院", "3,000"],
            ["2", "周*才", "房屋失火", "5,000"],
            ["合计", "", "", "8,000"]]
    body = (p(t("石桥村2026年10月临时救助资金发放公示"), "PTitle")
            + '<text:p text:style-name="Standard">%s<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body>%s</text:note-body></text:note>%s</text:p>'
            % (t("\u3000\u3000经本人申请、村委会调查核实，镇民政办审批，10月对以下2户困难家庭给予临时救助，救助标准"),
               p(t("按《济南市临时救助实施办法》执行，一般不超过当地月低保标准的6倍。")),
               t("。现将发放情况公示如下。"))
            + odf_table(rows)
            + '<text:p text:style-name="Standard"><draw:frame draw:name="文本框1" text:anchor-type="paragraph" svg:width="8cm" svg:height="1.2cm"><draw:text-box>%s</draw:text-box></draw:frame>%s<text:note text:id="edn1" text:note-class="endnote"><text:note-citation>i</text:note-citation><text:note-body>%s</text:note-body></text:note></text:p>'
            % (p(t("监督电话：0531-87659000")), t("\u3000\u3000公示期7天，如有异议请向村务监督委员会反映。"), p(t("救助资金已通过“一卡通”发放到户。")))
            + p(t("石桥村村民委员会"), "PRight")
            + p(t("2026年10月30日"), "PRight"))
    save("lo-jiuzhu-jiaozhu.docx", soffice(odf_document("临时救助", body, header="石桥村村务公开栏", footer='<text:page-number text:select-page="current">1</text:page-number>'), "jiuzhu"))
    expect("lo-jiuzhu-jiaozhu.docx", "LibreOffice", community="shiqiao", title="石桥村2026年10月临时救助资金发放公示",
           date="2026-10-30", number=None, issuer="石桥村村民委员会", category="dibao",
           period=["2026-10-30", "2026-11-06"], tables=[rows], images=0,
           order=["救助标准（注1）", "| 1 | 孙\\*梅 |", "公示期7天", "（尾注1）", "监督电话：0531-87659000", "石桥村村民委员会", "注1：按《济南市临时救助实施办法》", "尾注1：救助资金"])


def id_check(body17):
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    s = sum(int(d) * w for d, w in zip(body17, weights))
    return body17 + "10X98765432"[s % 11]


def lo_weiwen_id():
    full_id = id_check("37011219450315002")
    rows = [["序号", "姓名", "身份证号", "金额(元)"],
            ["1", "王*兰", full_id, "500"],
            ["2", "赵*山", "370112********0038", "500"]]
    body = (p(t("马庄村2026年重阳节困难老人慰问金发放公示"), "PTitle")
            + p(t("\u3000\u3000经村两委研究，重阳节前对本村80岁以上困难老人发放慰问金，名单如下。"))
            + odf_table(rows)
            + p(t("联系人：李会计 13912345678"))
            + p(t("马庄村村民委员会"), "PRight")
            + p(t("2026年10月27日"), "PRight"))
    save("lo-weiwen-shenfenzheng.docx", soffice(odf_document("慰问金", body), "weiwen"))
    expect("lo-weiwen-shenfenzheng.docx", "LibreOffice", community="mazhuang", title="马庄村2026年重阳节困难老人慰问金发放公示",
           date="2026-10-27", number=None, issuer="马庄村村民委员会", category="dibao", tables=[rows], images=0,
           privacy=["GK170 正文第 1 个表格第 2 行第 3 列", "GK173 正文第 3 段"],
           order=["经村两委研究", "| 2 | 赵\\*山 |", "联系人：李会计", "2026年10月27日"])


# Six more, written after the rules above were settled and first imported
# blind (titles 4/6, dates 5/6, 文号 5/6, issuers 4/6, categories 6/6; the
# misses are fixed since): a column header above the title, a title only
# slightly larger and not centred, a two-level table header, typed list
# numbers and an issuer “两委”, a title split over lines of two sizes, a 落款
# in a table without borders.

def lo_later_batch():
    rows = [["调整类型", "户主", "人数"], ["新增", "赵*", "2"], ["退出", "钱*", "1"]]
    body = (p(t("柳河村村务公开"), "PMast") + p(t("关于2026年度农村低保对象动态调整情况的公示"), "PTitle18")
            + p(t("根据县民政局统一部署，经入户核查和民主评议，现将我村低保对象动态调整情况公示如下："))
            + odf_table(rows) + p(t("公示期7天，如有异议请向村务监督委员会反映。"))
            + p(t("柳河村村委会"), "PRight") + p(t("2026年12月1日"), "PRight"))
    save("lo-dibao-tiaozheng.docx", soffice(odf_document("低保调整", body), "tiaozheng"))
    expect("lo-dibao-tiaozheng.docx", "LibreOffice (later batch)", community="liuhe", title="关于2026年度农村低保对象动态调整情况的公示",
           date="2026-12-01", number=None, issuer="柳河村村委会", category="dibao", period=["2026-12-01", "2026-12-08"],
           tables=[rows], images=0, order=["根据县民政局统一部署", "| 新增 | 赵\\* | 2 |", "柳河村村委会"], absent=["柳河村村务公开"])

    rows = [["项目名称", "中标单位", "中标价(元)"], ["文化广场建设", "某某建筑有限公司", "386,500.00"]]
    body = (p(t("石桥村文化广场建设项目中标结果公示"), "PLeftBold18")
            + p(t("经公开招标，评标委员会评审，确定中标单位如下：")) + odf_table(rows)
            + p(t("石桥村村民委员会"), "PRight") + p(t("2026年11月28日"), "PRight"))
    save("lo-zhongbiao-guangchang.docx", soffice(odf_document("", body), "zhongbiao"))
    expect("lo-zhongbiao-guangchang.docx", "LibreOffice (later batch)", community="shiqiao", title="石桥村文化广场建设项目中标结果公示",
           date="2026-11-28", number=None, issuer="石桥村村民委员会", category="gongcheng", tables=[rows], images=0,
           order=["经公开招标", "| 文化广场建设 |", "2026年11月28日"])

    rows = [["日期", "收入", None, "支出"], [None, "项目", "金额(元)", "金额(元)"],
            ["11月3日", "承包费", "6,000.00", ""], ["11月9日", "", "", "1,200.00"]]
    shown = [["日期", "收入", "", "支出"], ["", "项目", "金额(元)", "金额(元)"], ["11月3日", "承包费", "6,000.00", ""], ["11月9日", "", "", "1,200.00"]]
    body = (p(t("马庄村2026年11月收支明细公开"), "PTitle18")
            + odf_table(rows, spans={(0, 0): (2, 1), (0, 1): (1, 2)})
            + p(t("马庄村村民委员会"), "PRight") + p(t("2026-12-05"), "PRight"))
    save("lo-caiwu-shuangbiaotou.docx", soffice(odf_document("收支明细", body), "shuangbiaotou"))
    expect("lo-caiwu-shuangbiaotou.docx", "LibreOffice (later batch)", community="mazhuang", title="马庄村2026年11月收支明细公开",
           date="2026-12-05", number=None, issuer="马庄村村民委员会", category="caiwu", covers="2026-11", tables=[shown], csv=True,
           images=0, order=["```table", "马庄村村民委员会", "2026-12-05"])

    body = (p(t("关于做好2026年冬季森林防火工作的通知"), "PTitle18") + p(t("各村民小组："))
            + p(t("1、严禁在林区内野外用火。")) + p(t("（1）上坟烧纸一律改为鲜花祭扫。")) + p(t("2、发现火情立即拨打12119。"))
            + p(t("石桥村两委"), "PRight") + p(t("2026年11月30日"), "PRight"))
    save("lo-tongzhi-fanghuo.docx", soffice(odf_document("森林防火", body), "fanghuo"))
    expect("lo-tongzhi-fanghuo.docx", "LibreOffice (later batch)", community="shiqiao", title="关于做好2026年冬季森林防火工作的通知",
           date="2026-11-30", number=None, issuer="石桥村两委", category="tongzhi", tables=[], images=0,
           order=["各村民小组：", "1、严禁在林区内野外用火。", "（1）上坟烧纸一律改为鲜花祭扫。", "2、发现火情立即拨打12119。", "石桥村两委"])

    rows = [["申请人", "面积(㎡)", "位置"], ["孙*", "120", "村东"]]
    body = (p(t("马庄村"), "PTitle") + p(t("宅基地审批结果公示"), "PTitle18") + p(t("马村字〔2026〕第5号"), "PCenter")
            + p(t("经镇人民政府审批，以下宅基地申请已获批准：")) + odf_table(rows)
            + p(t("马庄村村民委员会"), "PRight") + p(t("2026年12月3日"), "PRight"))
    save("lo-zhaijidi-pizhun.docx", soffice(odf_document("宅基地", body), "pizhun"))
    expect("lo-zhaijidi-pizhun.docx", "LibreOffice (later batch)", community="mazhuang", title="马庄村宅基地审批结果公示",
           date="2026-12-03", number="马村字〔2026〕第5号", issuer="马庄村村民委员会", category="zhaijidi", tables=[rows], images=0,
           order=["经镇人民政府审批", "| 孙\\* | 120 | 村东 |", "2026年12月3日"])

    body = (p(t("中共马庄村支部委员会关于发展党员的公示"), "PTitle18")
            + p(t("经支部委员会研究，拟将王*同志列为发展对象，现予公示，公示期5天。"))
            + odf_table([["", "中共马庄村支部委员会"], ["", "2026年12月2日"]], name="落款", cell_style="CellPlain"))
    save("lo-dangwu-fazhan.docx", soffice(odf_document("发展党员", body), "fazhan"))
    expect("lo-dangwu-fazhan.docx", "LibreOffice (later batch)", community="mazhuang", title="中共马庄村支部委员会关于发展党员的公示",
           date="2026-12-02", number=None, issuer="中共马庄村支部委员会", category="dangwu", period=["2026-12-02", "2026-12-07"],
           tables=[], images=0, order=["拟将王\\*同志列为发展对象", "中共马庄村支部委员会", "2026年12月2日"])


def lo_legacy():
    body = p(t("马庄村2026年11月财务收支公开"), "PTitle") + p(t("\u3000\u3000（旧版 Word 格式保存的公告。）"))
    doc = soffice(odf_document("旧格式", body), "legacy", target="doc", filter_name="MS Word 97")
    save("jiu-geshi.doc", doc)
    expect("jiu-geshi.doc", "LibreOffice (Word 97 .doc)", failure="GK190")
    save("gaiming-shi-doc.docx", doc)
    expect("gaiming-shi-doc.docx", "LibreOffice (Word 97 .doc, renamed .docx)", failure="GK190")
    wps = soffice(odf_document("WPS", p(t("柳河村关于秸秆禁烧的通知"), "PTitle")), "wps", target="doc", filter_name="MS Word 97")
    save("wps-baocun.wps", wps)
    expect("wps-baocun.wps", "LibreOffice (Word 97 format, as WPS saves .wps)", failure="GK190")
    rtf = soffice(odf_document("RTF", p(t("石桥村停电通知"), "PTitle")), "rtf", target="rtf")
    save("rtf-cheng-doc.doc", rtf)
    expect("rtf-cheng-doc.doc", "LibreOffice (RTF saved under a .doc name)", failure="GK190")


# ---------------------------------------------------------------- python-docx fixtures (Word's template)

def pd_settle(path):
    """python-docx stamps the current time into docProps; fix it so the file is reproducible."""
    import datetime
    return datetime.datetime(*FIXED_TIME)


def pd_new():
    import docx
    d = docx.Document()
    props = d.core_properties
    props.author = "村委会文书"
    props.created = pd_settle(None)
    props.modified = pd_settle(None)
    props.last_modified_by = "村委会文书"
    props.title = ""
    return d


def pd_save(d, name):
    buffer = io.BytesIO()
    d.save(buffer)
    save(name, reproducible_zip(buffer.getvalue()))


def reproducible_zip(data):
    """The same entries with fixed times, so regenerating gives the same bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            if info.filename == "docProps/thumbnail.jpeg":
                continue
            body = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                body = body.replace(b'<Override PartName="/docProps/thumbnail.jpeg" ContentType="image/jpeg"/>', b"")
            if info.filename == "_rels/.rels":
                body = re.sub(rb'<Relationship[^>]*thumbnail\.jpeg"/>', b"", body)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2026-11-06T09:00:00Z", body)
            if info.filename == "docProps/app.xml":
                body = re.sub(rb"<TotalTime>[^<]*</TotalTime>", b"<TotalTime>0</TotalTime>", body)
            z.writestr(zipfile.ZipInfo(info.filename, FIXED_TIME), body, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def pd_paragraph(d, text, align=None, bold=False, size=None):
    from docx.shared import Pt
    par = d.add_paragraph()
    run = par.add_run(text)
    run.bold = bold or None
    if size:
        run.font.size = Pt(size)
    if align is not None:
        par.alignment = align
    return par


def pd_table(d, rows, merge_title=False):
    table = d.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text is not None:
                table.cell(r, c).text = text
    if merge_title:
        merged = table.cell(0, 0).merge(table.cell(0, len(rows[1]) - 1))
        merged.text = rows[0][0]
    return table


def pd_caiwu_q3():
    from docx.enum.text import WD_ALIGN_PARAGRAPH as A
    from docx.shared import Cm
    d = pd_new()
    d.add_heading("柳河村2026年第三季度财务收支情况公开", 0)
    d.add_paragraph("根据镇农经站的统一安排，现将我村2026年第三季度（7—9月）财务收支情况公开如下。")
    d.add_heading("一、收入情况", 1)
    rows = [["月份", "收入项目", "金额(元)"], ["7月", "土地承包费", "4,200.00"], ["8月", "鱼塘租金", "5,000.00"],
            ["9月", "上级补助", "3,200.00"], ["合计", "", "12,500.00"]]
    pd_table(d, rows)
    d.add_heading("二、支出凭证", 1)
    d.add_paragraph("8月村道维修支出的收据如下：")
    d.add_picture(io.BytesIO(RECEIPT), width=Cm(6))
    d.inline_shapes[0]._inline.docPr.set("descr", "8月村道维修收据")
    pd_paragraph(d, "柳河村村民委员会", align=A.RIGHT)
    pd_paragraph(d, "2026年10月10日", align=A.RIGHT)
    pd_save(d, "pd-caiwu-2026-q3.docx")
    expect("pd-caiwu-2026-q3.docx", "python-docx (Word's default template)", community="liuhe",
           title="柳河村2026年第三季度财务收支情况公开", date="2026-10-10", number=None, issuer="柳河村村民委员会",
           category="caiwu", covers="2026-Q3", tables=[rows], images=1, warnings=["GK185"],
           order=["根据镇农经站", "## 一、收入情况", "| 7月 | 土地承包费 |", "## 二、支出凭证", "![图1 8月村道维修收据]", "柳河村村民委员会"])


def pd_huinong():
    from docx.enum.text import WD_ALIGN_PARAGRAPH as A
    d = pd_new()
    pd_paragraph(d, "马庄村2026年耕地地力保护补贴发放情况公示", align=A.CENTER, bold=True, size=18)
    d.add_paragraph("根据县农业农村局文件要求，现将我村2026年耕地地力保护补贴发放情况公示如下，公示期5天。")
    rows = [["序号", "户主", "承包面积(亩)", "补贴标准(元/亩)", "补贴金额(元)"],
            ["1", "孙*", "8.5", "125.60", "1,067.60"], ["2", "钱*", "12.3", "125.60", "1,544.88"],
            ["3", "吴*", "6.0", "125.60", "753.60"], ["合计", "", "26.8", "", "3,366.08"]]
    pd_table(d, rows)
    pd_paragraph(d, "马庄村村民委员会", align=A.RIGHT)
    pd_paragraph(d, "二〇二六年十月十二日", align=A.RIGHT)
    pd_save(d, "pd-huinong-dili.docx")
    expect("pd-huinong-dili.docx", "python-docx (Word's default template)", community="mazhuang",
           title="马庄村2026年耕地地力保护补贴发放情况公示", date="2026-10-12", number=None, issuer="马庄村村民委员会",
           category="huinong", period=["2026-10-12", "2026-10-17"], tables=[rows], images=0,
           order=["根据县农业农村局", "| 1 | 孙\\* | 8.5 |", "二〇二六年十月十二日"])


def pd_zichan():
    from docx.enum.text import WD_ALIGN_PARAGRAPH as A
    d = pd_new()
    pd_paragraph(d, "马庄村集体鱼塘发包结果公示", align=A.CENTER, bold=True, size=16)
    pd_paragraph(d, "马庄村〔2026〕21号", align=A.RIGHT)
    d.add_paragraph("经2026年8月20日公开竞价，村集体鱼塘发包结果如下：")
    rows = [["马庄村集体鱼塘发包结果", None, None, None], ["鱼塘编号", "面积(亩)", "承包人", "年承包费(元)"],
            ["1号塘", "12", "郑*文", "9,600"], ["2号塘", "8", "冯*平", "6,800"]]
    pd_table(d, rows, merge_title=True)
    pd_paragraph(d, "马庄村村民委员会", align=A.RIGHT)
    pd_paragraph(d, "2026年8月25日", align=A.RIGHT)
    pd_save(d, "pd-zichan-yutang.docx")
    shown = [["马庄村集体鱼塘发包结果"]] + rows[1:]
    expect("pd-zichan-yutang.docx", "python-docx (Word's default template)", community="mazhuang",
           title="马庄村集体鱼塘发包结果公示", date="2026-08-25", number="马庄村〔2026〕21号", issuer="马庄村村民委员会",
           category="zichan", tables=[shown], images=0,
           order=["经2026年8月20日公开竞价", "**马庄村集体鱼塘发包结果**", "| 1号塘 | 12 |", "2026年8月25日"])


def pd_dangwu():
    from docx.enum.text import WD_ALIGN_PARAGRAPH as A
    d = pd_new()
    pd_paragraph(d, "中共马庄村支部委员会2026年第三季度党费收缴情况公开", align=A.CENTER, bold=True, size=16)
    d.add_paragraph("本季度党费收缴情况如下：")
    d.add_paragraph("本季度应交党费党员27名，实交27名。", style="List Number")
    d.add_paragraph("收缴党费合计2,430.00元，已全额上缴镇党委。", style="List Number")
    rows = [["月份", "应交人数", "实交人数", "金额(元)"], ["7月", "27", "27", "810.00"], ["8月", "27", "27", "810.00"],
            ["9月", "27", "27", "810.00"], ["合计", "81", "81", "2,430.00"]]
    pd_table(d, rows)
    pd_paragraph(d, "中共马庄村支部委员会", align=A.RIGHT)
    pd_paragraph(d, "2026年10月8日", align=A.RIGHT)
    pd_save(d, "pd-dangwu-dangfei.docx")
    expect("pd-dangwu-dangfei.docx", "python-docx (Word's default template)", community="mazhuang",
           title="中共马庄村支部委员会2026年第三季度党费收缴情况公开", date="2026-10-08", number=None,
           issuer="中共马庄村支部委员会", category="dangwu", tables=[rows], images=0,
           order=["本季度党费收缴情况如下：", "1. 本季度应交党费党员27名", "2. 收缴党费合计", "| 7月 | 27 |", "2026年10月8日"])


# ---------------------------------------------------------------- by hand: what WPS Office and Word write

W_NS = ('xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" xmlns:v="urn:schemas-microsoft-com:vml" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:w10="urn:schemas-microsoft-com:office:word" '
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
        'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" mc:Ignorable="w14"')
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def package(body, styles="", numbering=None, comments=None, media=(), app="WPS Office_12.1.0.16120", custom=True):
    parts = {}
    rels = ['<Relationship Id="rId1" Type="%s/styles" Target="styles.xml"/>' % REL]
    overrides = ['<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>',
                 '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>',
                 '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>',
                 '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>']
    parts["word/styles.xml"] = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles %s>%s</w:styles>' % (W_NS, styles)
    if numbering:
        rels.append('<Relationship Id="rId2" Type="%s/numbering" Target="numbering.xml"/>' % REL)
        overrides.append('<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>')
        parts["word/numbering.xml"] = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering %s>%s</w:numbering>' % (W_NS, numbering)
    if comments:
        rels.append('<Relationship Id="rId3" Type="%s/comments" Target="comments.xml"/>' % REL)
        overrides.append('<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>')
        parts["word/comments.xml"] = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments %s>%s</w:comments>' % (W_NS, comments)
    for rid, name, data in media:
        rels.append('<Relationship Id="%s" Type="%s/image" Target="media/%s"/>' % (rid, REL, name))
        parts["word/media/" + name] = data
    parts["word/document.xml"] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document %s><w:body>%s'
                                  '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>') % (W_NS, body)
    parts["word/_rels/document.xml.rels"] = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">%s</Relationships>' % "".join(rels)
    root = ['<Relationship Id="rId1" Type="%s/officeDocument" Target="word/document.xml"/>' % REL,
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>',
            '<Relationship Id="rId3" Type="%s/extended-properties" Target="docProps/app.xml"/>' % REL]
    if custom:
        root.append('<Relationship Id="rId4" Type="%s/custom-properties" Target="docProps/custom.xml"/>' % REL)
        parts["docProps/custom.xml"] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
                                        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="KSOProductBuildVer"><vt:lpwstr>2052-12.1.0.16120</vt:lpwstr></property></Properties>')
    parts["_rels/.rels"] = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">%s</Relationships>' % "".join(root)
    parts["docProps/app.xml"] = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Template>Normal.dotm</Template><Pages>1</Pages><Application>%s</Application></Properties>' % app
    parts["docProps/core.xml"] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
                                  '<dc:creator>Administrator</dc:creator><cp:lastModifiedBy>Administrator</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">2026-10-27T08:12:00Z</dcterms:created></cp:coreProperties>')
    parts["[Content_Types].xml"] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                                    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
                                    '<Default Extension="png" ContentType="image/png"/><Default Extension="emf" ContentType="image/x-emf"/>%s</Types>') % "".join(overrides)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name in ["[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml", "docProps/custom.xml",
                     "word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml", "word/numbering.xml", "word/comments.xml"] + sorted(k for k in parts if k.startswith("word/media/")):
            if name in parts:
                data = parts[name]
                z.writestr(zipfile.ZipInfo(name, FIXED_TIME), data.encode("utf-8") if isinstance(data, str) else data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def wr(text, props=""):
    return '<w:r><w:rPr><w:rFonts w:hint="eastAsia"/>%s</w:rPr><w:t xml:space="preserve">%s</w:t></w:r>' % (props, escape(text))


def wp(runs, props=""):
    return "<w:p><w:pPr>%s</w:pPr>%s</w:p>" % (props, runs)


WPS_STYLES = """
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="宋体" w:hAnsi="Times New Roman"/><w:kern w:val="2"/><w:sz w:val="21"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="1"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 1"/><w:basedOn w:val="1"/><w:next w:val="1"/><w:qFormat/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/></w:rPr></w:style>
<w:style w:type="character" w:default="1" w:styleId="5"><w:name w:val="Default Paragraph Font"/><w:semiHidden/></w:style>
"""

WPS_NUMBERING = """
<w:abstractNum w:abstractNumId="0"><w:nsid w:val="1A2B3C4D"/><w:multiLevelType w:val="singleLevel"/>
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:firstLine="640"/></w:pPr></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
"""


def emf_seal():
    """An EMF header record and EOF: what WPS stores for a pasted seal (a browser cannot show it)."""
    header = struct.pack("<II4i4i", 1, 108, 0, 0, 100, 100, 0, 0, 2540, 2540) + b" EMF" + struct.pack("<IIIHHIII", 0x10000, 108 + 20, 2, 0, 0, 0, 0, 0)
    header += struct.pack("<ii", 1920, 1080) + struct.pack("<ii", 508, 285)
    header = header[:8] + header[8:] + b"\x00" * (108 - len(header))
    return header[:108] + struct.pack("<IIIII", 14, 20, 0, 16, 20)


def hand_wps_jiezhong():
    pad = "\u3000\u3000"
    textbox = ('<w:txbxContent>' + wp(wr("咨询电话：0531-87654321（村卫生室）")) + '</w:txbxContent>')
    drawing_box = ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
                   '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>3200400</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
                   '<wp:extent cx="2286000" cy="457200"/><wp:wrapSquare wrapText="bothSides"/><wp:docPr id="2" name="文本框 2"/>'
                   '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr/><wps:txbx>%s</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
                   '<mc:Fallback><w:pict><v:shape id="文本框 2" o:spid="_x0000_s1026" type="#_x0000_t202" style="position:absolute;width:180pt;height:36pt"><v:textbox>%s</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>') % (textbox, textbox)
    seal = ('<w:r><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="251660288" behindDoc="1" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
            '<wp:positionH relativeFrom="column"><wp:posOffset>4000000</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>-300000</wp:posOffset></wp:positionV>'
            '<wp:extent cx="1440000" cy="1440000"/><wp:wrapNone/><wp:docPr id="3" name="图片 3" descr="公章"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="3" name="图片 3"/><pic:cNvPicPr/></pic:nvPicPr>'
            '<pic:blipFill><a:blip r:embed="rId10"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1440000" cy="1440000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>')
    check = '<w:r><w:sym w:font="Wingdings" w:char="F0FE"/></w:r>'
    title_props = '<w:b/><w:rFonts w:eastAsia="方正小标宋简体"/><w:sz w:val="44"/>'
    numbered = '<w:pStyle w:val="2"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
    body = (wp(wr("马庄村关于开展秋季流感疫苗接种的通知", title_props), '<w:jc w:val="center"/>')
            + wp(wr("各村民小组、全体村民："))
            + wp(wr(pad + "为预防秋冬季流感，经镇卫生院安排，我村将组织开展免费流感疫苗接种，现将有关事项通知如下。"))
            + wp(wr("基本安排"), numbered)
            + wp(wr(pad + "接种时间：2026年11月3日至11月5日，每天8:30—11:30。接种地点：村卫生室。"))
            + wp(wr(pad + "接种对象：") + check + wr(" 60岁以上老人 ") + check + wr(" 慢性病患者"))
            + wp(wr("注意事项"), numbered)
            + wp(wr(pad + "请携带身份证和医保卡，接种后留观30分钟。") + drawing_box)
            + wp(wr("马庄村村民委员会") + seal, '<w:jc w:val="right"/>')
            + wp(wr("2026年10月28日"), '<w:jc w:val="right"/>'))
    save("wps-tongzhi-jiezhong.docx", package(body, WPS_STYLES, WPS_NUMBERING, media=[("rId10", "image1.emf", emf_seal())]))
    expect("wps-tongzhi-jiezhong.docx", "by hand, as WPS Office writes (text box twice in AlternateContent, Chinese list numbers, an EMF seal)",
           community="mazhuang", title="马庄村关于开展秋季流感疫苗接种的通知", date="2026-10-28", number=None,
           issuer="马庄村村民委员会", category="tongzhi", tables=[], images=0, warnings=["GK193"],
           order=["各村民小组、全体村民：", "## 一、基本安排", "接种时间：2026年11月3日至11月5日", "接种对象：☑ 60岁以上老人 ☑ 慢性病患者",
                  "## 二、注意事项", "请携带身份证和医保卡", "咨询电话：0531-87654321（村卫生室）", "马庄村村民委员会", "2026年10月28日"])


WORD_STYLES = """
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia"/><w:kern w:val="2"/><w:sz w:val="21"/><w:szCs w:val="22"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Title"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:qFormat/><w:pPr><w:spacing w:before="240" w:after="60"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:asciiTheme="majorHAnsi" w:eastAsia="宋体"/><w:b/><w:bCs/><w:sz w:val="32"/></w:rPr></w:style>
<w:style w:type="table" w:styleId="a4"><w:name w:val="Table Grid"/><w:basedOn w:val="a1"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style>
"""


def hand_word_revisions():
    rev = 'w:author="刘文书" w:date="2026-11-01T10:20:00Z"'
    def cell(text):
        return '<w:tc><w:tcPr><w:tcW w:w="2840" w:type="dxa"/></w:tcPr>%s</w:tc>' % wp(wr(text))
    def row(cells, deleted=False):
        trpr = '<w:trPr><w:del w:id="40" %s/></w:trPr>' % rev if deleted else ""
        return "<w:tr>%s%s</w:tr>" % (trpr, "".join(cell(c) for c in cells))
    table = ('<w:tbl><w:tblPr><w:tblStyle w:val="a4"/><w:tblW w:w="8520" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="2840"/><w:gridCol w:w="2840"/><w:gridCol w:w="2840"/></w:tblGrid>'
             + row(["车位类型", "数量(个)", "月收费(元)"]) + row(["地面车位", "120", "80"]) + row(["地下车位", "60", "150"], deleted=True)
             + row(["充电车位", "10", "100"]) + "</w:tbl>")
    body = (wp(wr("新华社区关于小区停车管理办法征求意见的公告"), '<w:pStyle w:val="a3"/>')
            + wp(wr("各位居民："))
            + wp('<w:commentRangeStart w:id="0"/>' + wr("\u3000\u3000经居民议事会讨论，小区停车收费标准为每月")
                 + '<w:del w:id="11" %s><w:r><w:delText>100元</w:delText></w:r></w:del>' % rev
                 + '<w:ins w:id="12" %s>%s</w:ins>' % (rev, wr("80元"))
                 + wr("，由物业公司统一收取。") + '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>'
                 + '<w:r><w:rPr><w:vanish/></w:rPr><w:t>（内部：与物业公司另行签订补充协议）</w:t></w:r>')
            + table
            + '<w:p><w:pPr><w:rPr><w:del w:id="20" %s/></w:rPr></w:pPr><w:del w:id="21" %s><w:r><w:delText>外来车辆一律不得入内。</w:delText></w:r></w:del></w:p>' % (rev, rev)
            + wp('<w:moveTo w:id="31" w:author="刘文书" w:date="2026-11-01T10:25:00Z">' + wr("\u3000\u3000征求意见时间为2026年11月2日至11月8日，意见请投入居委会门口意见箱。") + "</w:moveTo>")
            + wp(wr("\u3000\u3000") + '<w:r><w:rPr><w:b/><w:rPrChange w:id="32" %s><w:rPr/></w:rPrChange></w:rPr><w:t>充电车位</w:t></w:r>' % rev + wr("只供新能源汽车充电时停放。"))
            + wp('<w:moveFrom w:id="33" w:author="刘文书" w:date="2026-11-01T10:25:00Z">' + wr("征求意见时间为2026年11月2日至11月8日。") + "</w:moveFrom>")
            + wp(wr("新华社区居民委员会"), '<w:jc w:val="right"/>')
            + wp(wr("2026年11月2日"), '<w:jc w:val="right"/>'))
    comments = '<w:comment w:id="0" w:author="居委会主任" w:date="2026-11-01T15:00:00Z" w:initials="主任">%s</w:comment>' % wp('<w:r><w:annotationRef/></w:r>' + wr("收费标准待街道批复后再定，先别对外说"))
    save("word-xiuding-pizhu.docx", package(body, WORD_STYLES, comments=comments, app="Microsoft Office Word", custom=False))
    expect("word-xiuding-pizhu.docx", "by hand, as Word writes tracked changes and comments", community="xinhua",
           title="新华社区关于小区停车管理办法征求意见的公告", date="2026-11-02", number=None, issuer="新华社区居民委员会",
           category="juwu", tables=[[["车位类型", "数量(个)", "月收费(元)"], ["地面车位", "120", "80"], ["充电车位", "10", "100"]]],
           images=0, absent=["100元", "外来车辆", "内部：", "先别对外说", "地下车位"],
           order=["各位居民：", "停车收费标准为每月80元，由物业公司统一收取。", "| 地面车位 | 120 | 80 |", "征求意见时间为2026年11月2日至11月8日，意见请投入",
                  "**充电车位**只供新能源汽车充电时停放。", "新华社区居民委员会"])


def broken_files():
    with open(os.path.join(OUT, "lo-caiwu-2026-10.docx"), "rb") as f:
        whole = f.read()
    save("xiazai-bu-wanzheng.docx", whole[: len(whole) * 3 // 5])
    expect("xiazai-bu-wanzheng.docx", "a download cut off at 60 %", failure="GK191")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("照片/村道维修1.png", FIXED_TIME), SITE_PHOTO)
        z.writestr(zipfile.ZipInfo("说明.txt", FIXED_TIME), "村道维修现场照片".encode("utf-8"))
    save("yasuobao-gaiming.docx", out.getvalue())
    expect("yasuobao-gaiming.docx", "a zip of photos renamed .docx", failure="GK190")


def main():
    if os.path.isdir(OUT):
        for name in os.listdir(OUT):
            os.remove(os.path.join(OUT, name))
    os.makedirs(OUT, exist_ok=True)
    for make in [lo_caiwu, lo_dibao, lo_juece, lo_zhaobiao, lo_zhaijidi, lo_tingshui, lo_cunguiminyue, lo_jiuzhu_notes,
                 lo_weiwen_id, lo_later_batch, pd_caiwu_q3, pd_huinong, pd_zichan, pd_dangwu, hand_wps_jiezhong, hand_word_revisions,
                 lo_legacy, broken_files]:
        make()
        print("made", make.__name__, file=sys.stderr)
    with open(os.path.join(OUT, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, ensure_ascii=False, indent=1)
        f.write("\n")
    total = sum(os.path.getsize(os.path.join(OUT, n)) for n in os.listdir(OUT))
    print("%d files, %d bytes in %s" % (len(os.listdir(OUT)), total, os.path.relpath(OUT, ROOT)), file=sys.stderr)


if __name__ == "__main__":
    main()
