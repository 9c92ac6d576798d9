#!/usr/bin/env python3
"""Writes the example site's table files, as a clerk's Excel would save them.

  content/xinhua/2026/caiwu-2026-10/2026年社区经费收支台账.xlsx
      a workbook with one sheet per month (9月, 10月): a title row merged
      across the table, a header, dates as real date cells (yyyy-mm-dd), amounts
      as numbers in the format #,##0.00, and a 合计 row with SUM formulas
      (their saved results included, as Excel saves them).
  content/shiqiao/2026/caiwu-2026-10/收支明细.csv
      "CSV (逗号分隔)" from a Chinese Windows Excel: GBK, CRLF, a title line,
      amounts as displayed ("8,000.00" in quotes), trailing empty fields.

Usage: python3 scripts/make-example-tables.py [SITE_DIR]   (default: .)
It also writes the build tests' fixture workbook
(Tests/GongkaiBuildTests/Fixtures/town/content/mazhuang/2025/jiesuan/结算明细.xlsx)
when SITE_DIR is the repository root.
Needs only the standard library (zipfile); the output is byte-identical on
every run (fixed zip timestamps), so re-running it changes nothing in git.
Every 合计 is computed here from the rows, so the tables add up.
"""
import os
import sys
import zipfile
from datetime import date
from xml.sax.saxutils import escape

SITE = sys.argv[1] if len(sys.argv) > 1 else "."

# ── 新华社区 2026 经费台账 (xlsx) ──────────────────────────────────────────
XINHUA_SHEETS = {
    "9月": [
        (date(2026, 9, 8), "支付8月网格员交通通讯补贴（9人）", None, 2700.00),
        (date(2026, 9, 12), "教师节走访慰问社区退休教师", None, 1560.00),
        (date(2026, 9, 18), "党群服务中心7—8月水电燃气费", None, 2867.35),
        (date(2026, 9, 21), "收第三季度银行存款利息", 91.26, None),
        (date(2026, 9, 25), "新华苑小区健身器材维修", None, 980.00),
        (date(2026, 9, 29), "支付9月保洁外包服务费", None, 3600.00),
    ],
    "10月": [
        (date(2026, 10, 8), "支付9月网格员交通通讯补贴（9人）", None, 2700.00),
        (date(2026, 10, 9), "收镇拨付第四季度社区办公经费", 45000.00, None),
        (date(2026, 10, 11), "重阳节慰问80周岁以上老人（46人，每人90元）", None, 4140.00),
        (date(2026, 10, 15), "收沿街门面房10月租金（3间）", 6800.00, None),
        (date(2026, 10, 16), "党群服务中心9月水电费", None, 1386.45),
        (date(2026, 10, 21), "锦绣家园3号楼楼道灯更换（材料费）", None, 1265.00),
        (date(2026, 10, 25), "收镇拨付社区服务群众专项经费（第二批）", 20000.00, None),
        (date(2026, 10, 28), "办公用品及打印耗材", None, 856.30),
        (date(2026, 10, 30), "支付10月保洁外包服务费", None, 3600.00),
    ],
}

# ── 石桥村 2026年10月 收支明细 (GBK CSV) ───────────────────────────────────
SHIQIAO_ROWS = [
    ("10月8日", "记-01", "收镇拨付集体山林护林防火补助", 8000.00, None),
    ("10月10日", "记-02", "支付9月护林员补贴（2人）", None, 1200.00),
    ("10月12日", "记-03", "缴纳村部9月电费", None, 186.40),
    ("10月16日", "记-04", "收村南机动地2026年承包费（第二期）", 9600.00, None),
    ("10月22日", "记-05", "秋冬季护林防火宣传横幅及标语印制", None, 420.00),
    ("10月26日", "记-06", "重阳节慰问70周岁以上老人（38人，每人60元）", None, 2280.00),
    ("10月30日", "记-07", "支付山区道路塌方清理机械费", None, 3500.00),
]


def money(x):
    return "{:,.2f}".format(x)


def col(n):
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def excel_serial(d):
    return (d - date(1899, 12, 30)).days


class Workbook:
    def __init__(self):
        self.strings = []
        self.index = {}

    def sst(self, text):
        if text not in self.index:
            self.index[text] = len(self.strings)
            self.strings.append(text)
        return self.index[text]

    def sheet_xml(self, title, rows):
        # styles: 0 general, 1 #,##0.00, 2 yyyy-mm-dd, 3 bold, 4 bold #,##0.00
        out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
               'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
               '<cols><col min="1" max="1" width="6" customWidth="1"/><col min="2" max="2" width="12" customWidth="1"/>'
               '<col min="3" max="3" width="44" customWidth="1"/><col min="4" max="5" width="14" customWidth="1"/></cols>'
               '<sheetData>']

        def s(ref, text, style=0):
            return '<c r="%s" t="s"%s><v>%d</v></c>' % (ref, ' s="%d"' % style if style else "", self.sst(text))

        def n(ref, value, style, formula=None):
            f = "<f>%s</f>" % formula if formula else ""
            v = ("%.2f" % value).rstrip("0").rstrip(".") if isinstance(value, float) else str(value)
            return '<c r="%s" s="%d">%s<v>%s</v></c>' % (ref, style, f, v)

        out.append('<row r="1">%s</row>' % s("A1", title, 3))
        header = ["序号", "日期", "摘要", "收入(元)", "支出(元)"]
        out.append('<row r="2">%s</row>' % "".join(s(col(i + 1) + "2", h, 3) for i, h in enumerate(header)))
        r = 3
        for k, (d, memo, income, expense) in enumerate(rows, 1):
            cells = [n("A%d" % r, k, 0), n("B%d" % r, excel_serial(d), 2), s("C%d" % r, memo)]
            if income is not None:
                cells.append(n("D%d" % r, income, 1))
            if expense is not None:
                cells.append(n("E%d" % r, expense, 1))
            out.append('<row r="%d">%s</row>' % (r, "".join(cells)))
            r += 1
        last = r - 1
        total_in = round(sum(x[2] or 0 for x in rows), 2)
        total_out = round(sum(x[3] or 0 for x in rows), 2)
        out.append('<row r="%d">%s%s%s</row>' % (
            r, s("A%d" % r, "合计", 3),
            n("D%d" % r, total_in, 4, "SUM(D3:D%d)" % last),
            n("E%d" % r, total_out, 4, "SUM(E3:E%d)" % last)))
        out.append('</sheetData><mergeCells count="2"><mergeCell ref="A1:E1"/>'
                   '<mergeCell ref="A%d:C%d"/></mergeCells></worksheet>' % (r, r))
        return "".join(out)

    def write(self, path, sheets, title="新华社区2026年%s经费收支明细"):
        names = list(sheets)
        sheet_parts = [self.sheet_xml(title % name, rows) for name, rows in sheets.items()]
        sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">%s</sst>'
               % (len(self.strings), len(self.strings),
                  "".join("<si><t>%s</t></si>" % escape(t) for t in self.strings)))
        workbook = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                    '<workbookPr/><sheets>%s</sheets></workbook>'
                    % "".join('<sheet name="%s" sheetId="%d" r:id="rId%d"/>' % (escape(nm), i + 1, i + 1)
                              for i, nm in enumerate(names)))
        rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">%s'
                '<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
                '<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                '</Relationships>'
                % ("".join('<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
                           'Target="worksheets/sheet%d.xml"/>' % (i + 1, i + 1) for i in range(len(names))),
                   len(names) + 1, len(names) + 2))
        styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                  '<numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy\\-mm\\-dd"/></numFmts>'
                  '<fonts count="2"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="11"/><name val="宋体"/></font></fonts>'
                  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
                  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
                  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
                  '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
                  '<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
                  '<xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
                  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
                  '<xf numFmtId="4" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/></cellXfs>'
                  '</styleSheet>')
        types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                 '%s'
                 '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
                 '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                 '</Types>'
                 % "".join('<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                           % (i + 1) for i in range(len(names))))
        root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                     '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                     '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                     '</Relationships>')
        parts = [("[Content_Types].xml", types), ("_rels/.rels", root_rels), ("xl/workbook.xml", workbook),
                 ("xl/_rels/workbook.xml.rels", rels), ("xl/styles.xml", styles), ("xl/sharedStrings.xml", sst)]
        parts += [("xl/worksheets/sheet%d.xml" % (i + 1), x) for i, x in enumerate(sheet_parts)]
        write_zip(path, parts)


def write_zip(path, parts):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts:
            info = zipfile.ZipInfo(name, date_time=(2026, 11, 8, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, text.encode("utf-8"))


def quote(field):
    """Excel quotes a field only when it holds a comma, a quote or a line break."""
    if any(c in field for c in ',"\r\n'):
        return '"%s"' % field.replace('"', '""')
    return field


def write_csv(path, title, rows):
    lines = [title + ",,,,", "日期,凭证号,摘要,收入(元),支出(元)"]
    for day, voucher, memo, income, expense in rows:
        amounts = [quote(money(x)) if x is not None else "" for x in (income, expense)]
        lines.append(",".join([day, voucher, memo] + amounts))
    total_in = sum(r[3] or 0 for r in rows)
    total_out = sum(r[4] or 0 for r in rows)
    lines.append("合计,,,%s,%s" % (quote(money(total_in)), quote(money(total_out))))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(("\r\n".join(lines) + "\r\n").encode("gbk"))


# ── the build tests' fixture: a road project's settlement (sheets 说明, 明细) ──
FIXTURE_SHEETS = {
    "汇总": [(date(2025, 3, 1), "工程结算合计", None, 586320.00)],
    "明细": [
        (date(2025, 1, 6), "路基整修（1.2 公里）", None, 128460.00),
        (date(2025, 1, 20), "水泥混凝土路面（C30，厚 18 厘米）", None, 402650.00),
        (date(2025, 2, 14), "路肩培土及排水边沟", None, 55210.00),
    ],
}


if __name__ == "__main__":
    fixture_dir = os.path.join(SITE, "Tests/GongkaiBuildTests/Fixtures/town/content/mazhuang/2025/jiesuan")
    if os.path.isdir(fixture_dir):
        Workbook().write(os.path.join(fixture_dir, "结算明细.xlsx"), FIXTURE_SHEETS, title="马庄村道路硬化工程结算%s")
    xlsx = os.path.join(SITE, "content/xinhua/2026/caiwu-2026-10/2026年社区经费收支台账.xlsx")
    Workbook().write(xlsx, XINHUA_SHEETS)
    csv = os.path.join(SITE, "content/shiqiao/2026/caiwu-2026-10/收支明细.csv")
    write_csv(csv, "石桥村2026年10月财务收支明细表", SHIQIAO_ROWS)
    for name, rows in XINHUA_SHEETS.items():
        print("%s %s: 收入 %s 支出 %s" % (os.path.basename(xlsx), name, money(sum(r[2] or 0 for r in rows)),
                                         money(sum(r[3] or 0 for r in rows))))
    print("%s: 收入 %s 支出 %s" % (os.path.basename(csv), money(sum(r[3] or 0 for r in SHIQIAO_ROWS)),
                                   money(sum(r[4] or 0 for r in SHIQIAO_ROWS))))
