#!/usr/bin/env python3
"""Makes the attachment fixtures of the privacy guard's tests
(Tests/GongkaiContentTests/Fixtures/attachments/, and the PDF of the build
tests' town, Tests/GongkaiBuildTests/Fixtures/town): small real files of the
kinds clerks attach, with made-up personal numbers in the places that are
easy to overlook.

    python3 scripts/make-attachment-fixtures.py

PDF and .docx come from LibreOffice (soffice --headless --convert-to, from
flat ODF written here), so they are what an office suite writes; a few PDFs
are written by hand where an office suite cannot make them (a box drawn over
text, a page that is only a picture, an annotation, damaged bytes). The .xlsx
workbooks are written here as Excel writes them (shared strings, styles,
hidden rows, columns and sheets): LibreOffice Calc is not needed.

Every ID number has a correct GB 11643 check digit, every card passes Luhn,
every mobile is in an assigned block; none belongs to anyone.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Tests", "GongkaiContentTests", "Fixtures", "attachments")

ID_A = "11010519491231002X"      # hidden row, docx table
ID_B = "370102198506120041"      # pdf page 2
MOBILE_A = "139 1234 5678"
MOBILE_B = "13800138000"
CARD_A = "6222021234567894"
CARD_B = "6228480123456789015"


def soffice(source, target_dir, convert_to):
    profile = tempfile.mkdtemp(prefix="gk-lo-profile-")
    try:
        subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{profile}",
                        "--convert-to", convert_to, "--outdir", target_dir, source],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:automatic-styles>
 <style:style style:name="Break" style:family="paragraph"><style:paragraph-properties fo:break-before="page"/></style:style>
 <style:style style:name="Hidden" style:family="text"><style:text-properties text:display="none"/></style:style>
</office:automatic-styles>
<office:body><office:text>
"""
FODT_TAIL = "</office:text></office:body></office:document>\n"


def p(text, style=None):
    attr = f' text:style-name="{style}"' if style else ""
    return f"<text:p{attr}>{text}</text:p>\n"


def table(rows):
    cols = max(len(r) for r in rows)
    out = f'<table:table table:name="名单"><table:table-column table:number-columns-repeated="{cols}"/>\n'
    for row in rows:
        out += "<table:table-row>" + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{c}</text:p></table:table-cell>' for c in row
        ) + "</table:table-row>\n"
    return out + "</table:table>\n"


def relief_list_fodt():
    """Two pages: codes that must not alarm, then the list with real numbers."""
    body = p("马庄村2026年第四季度临时救助对象公示")
    body += p("资产编号 ZC-2026-13800138000，发票代码 037001900111，文件 3f1a13912345678abc.pdf，"
              "统一社会信用代码 54370100MJD123456E，村委会电话 0531-8765 4321。")
    body += p("经村民代表会议评议，拟救助下列家庭：", "Break")
    body += table([["户主", "身份证号", "联系电话", "救助金额（元）"],
                   ["王某某", ID_B, MOBILE_A, "600.00"],
                   ["李某某", "370102********0012", "138****8000", "800.00"]])
    return FODT_HEAD + body + FODT_TAIL


def clean_fodt():
    body = p("青山镇新华社区2026年物业服务费收支公示")
    body += p("收据编号 SJ202610130001380013，合同编号 HT-2026-13912345678，订单号：6222021234567894，"
              "不动产单元号 370102001001GB00001F00010001，联系电话 0531-8765 4330。")
    body += p("附件文件名：9f86d081884c7d659a2feaa0c55ad015.pdf、IMG_20261008_138001.jpg、mmexport1791234567890.jpg。")
    return FODT_HEAD + body + FODT_TAIL


def word_fodt():
    """A docx made by LibreOffice: a table cell, hidden text and a comment."""
    body = p("关于2026年高龄津贴发放对象的公示")
    body += p("经审核，下列老人符合高龄津贴发放条件。")
    body += table([["姓名", "身份证号", "年龄"], ["张某", ID_A, "91"]])
    body += p("如有异议，请与村务监督委员会联系。"
              f'<text:span text:style-name="Hidden">经办人手机 {MOBILE_B}</text:span>')
    body += p("备注：津贴按月发放到老人本人账户。"
              '<office:annotation><dc:creator>会计</dc:creator><dc:date>2026-10-08T09:00:00</dc:date>'
              f"<text:p>发放账户 {CARD_B}</text:p></office:annotation>")
    return FODT_HEAD + body + FODT_TAIL


# ---- hand-written PDFs ----------------------------------------------------

def pdf(objects):
    """A PDF from its objects (bytes, numbered from 1; the first is the catalog)."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def stream(content, extra=b""):
    return b"<< /Length %d %s>>\nstream\n" % (len(content), extra) + content + b"\nendstream"


def page_objects(content, annots=b""):
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> "
        b"/XObject << /Im1 6 0 R >> >> /Contents 5 0 R " + annots + b">>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        stream(content),
        stream(bytes([0x80] * 64), b"/Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray "
               b"/BitsPerComponent 8 "),
    ]


def redacted_pdf():
    """A mobile number with a black box drawn over it: invisible on the page,
    still in the text layer."""
    content = (b"BT /F1 14 Tf 72 760 Td (Relief list, Mazhuang village) Tj ET\n"
               b"BT /F1 12 Tf 72 730 Td (Contact: 138 0013 8000) Tj ET\n"
               b"0 0 0 rg 125 725 110 18 re f\n")
    return pdf(page_objects(content))


def scanned_pdf():
    """A page that is only a picture: no text layer."""
    return pdf(page_objects(b"q 451 0 0 698 72 72 cm /Im1 Do Q\n"))


def annotated_pdf():
    """Visible text without a number; a sticky note with one."""
    content = b"BT /F1 12 Tf 72 760 Td (Budget for the lift repair, building 3) Tj ET\n"
    objects = page_objects(content, b"/Annots [7 0 R] ")
    objects.append(b"<< /Type /Annot /Subtype /Text /Rect [400 700 420 720] "
                   b"/Contents (Call the contractor at 13912345678) /Open false >>")
    return pdf(objects)


# ---- xlsx ----------------------------------------------------------------

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def xlsx(path, sheets):
    """sheets: [(name, state, rows, hidden_rows, hidden_cols)]; rows: lists of strings (shared strings)."""
    strings = []

    def index(s):
        if s not in strings:
            strings.append(s)
        return strings.index(s)

    def column(n):
        letters = ""
        while n > 0:
            n, r = divmod(n - 1, 26)
            letters = chr(65 + r) + letters
        return letters

    class Zip(zipfile.ZipFile):
        def writestr(self, name, data):  # a fixed date: the same workbook every run
            super().writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)

    with Zip(path, "w", zipfile.ZIP_DEFLATED) as z:
        overrides = ""
        for i, _ in enumerate(sheets, start=1):
            overrides += (f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
                          f'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                   '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                   + overrides +
                   '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                   '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
                   '</Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        sheet_entries, rels = "", ""
        for i, (name, state, rows, hidden_rows, hidden_cols) in enumerate(sheets, start=1):
            state_attr = f' state="{state}"' if state != "visible" else ""
            sheet_entries += f'<sheet name="{name}" sheetId="{i}"{state_attr} r:id="rId{i}"/>'
            rels += f'<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
            cols = "".join(f'<col min="{c}" max="{c}" width="0" hidden="1" customWidth="1"/>' for c in hidden_cols)
            data = ""
            for r, row in enumerate(rows, start=1):
                hidden = ' hidden="1"' if r in hidden_rows else ""
                cells = "".join(f'<c r="{column(c)}{r}" t="s"><v>{index(v)}</v></c>'
                                for c, v in enumerate(row, start=1) if v)
                data += f'<row r="{r}"{hidden}>{cells}</row>'
            z.writestr(f"xl/worksheets/sheet{i}.xml",
                       f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{NS}">'
                       + (f"<cols>{cols}</cols>" if cols else "") + f"<sheetData>{data}</sheetData></worksheet>")
        rels += f'<Relationship Id="rId{len(sheets) + 1}" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
        rels += f'<Relationship Id="rId{len(sheets) + 2}" Type="{REL}/styles" Target="styles.xml"/>'
        z.writestr("xl/workbook.xml",
                   f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{NS}" xmlns:r="{REL}">'
                   f"<sheets>{sheet_entries}</sheets></workbook>")
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                   f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>')
        z.writestr("xl/styles.xml",
                   f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="{NS}">'
                   '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellXfs></styleSheet>')
        sst = "".join(f"<si><t>{s}</t></si>" for s in strings)
        z.writestr("xl/sharedStrings.xml",
                   f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                   f'<sst xmlns="{NS}" count="{len(strings)}" uniqueCount="{len(strings)}">{sst}</sst>')


def settlement_pdf():
    """A plain one-page PDF with no personal number (the build tests' town)."""
    return pdf(page_objects(b"BT /F1 14 Tf 72 760 Td (Settlement of accounts, 2025) Tj ET\n"
                            b"BT /F1 12 Tf 72 730 Td (Income 12,000.00  Expense 7,232.90) Tj ET\n"))


def main():
    if shutil.which("soffice") is None:
        sys.exit("需要 LibreOffice（soffice）：apt-get install libreoffice-writer-nogui")
    os.makedirs(OUT, exist_ok=True)
    work = tempfile.mkdtemp(prefix="gk-fixtures-")
    try:
        for name, text in [("救助名单", relief_list_fodt()), ("物业公示", clean_fodt()), ("高龄津贴", word_fodt())]:
            with open(os.path.join(work, name + ".fodt"), "w", encoding="utf-8") as f:
                f.write(text)
        soffice(os.path.join(work, "救助名单.fodt"), OUT, "pdf")
        soffice(os.path.join(work, "物业公示.fodt"), OUT, "pdf")
        soffice(os.path.join(work, "高龄津贴.fodt"), OUT, "docx")
        encrypted = os.path.join(work, "encrypted")
        os.makedirs(encrypted)
        soffice(os.path.join(work, "救助名单.fodt"), encrypted,
                'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
                '"DocumentOpenPassword":{"type":"string","value":"1234"}}')
        shutil.copy(os.path.join(encrypted, "救助名单.pdf"), os.path.join(OUT, "加密.pdf"))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    for name, data in [("涂黑.pdf", redacted_pdf()), ("扫描件.pdf", scanned_pdf()), ("批注.pdf", annotated_pdf()),
                       ("损坏.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 4)]:
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(data)
    with open(os.path.join(OUT, "高龄津贴.docx"), "rb") as f:
        docx = f.read()
    with open(os.path.join(OUT, "损坏.docx"), "wb") as f:
        f.write(docx[: len(docx) // 2])

    xlsx(os.path.join(OUT, "低保名单.xlsx"), [
        ("名单", "visible",
         [["户主", "身份证号", "人口", "联系电话"],
          ["王某某", "370102********0041", "3", "139 1234 5678"],
          ["李某某", ID_A, "2", ""],
          ["赵某某", "110105********0012", "1", ""]],
         {3}, [4]),
        ("原始数据", "hidden", [["户主", "银行卡号"], ["王某某", CARD_A]], set(), []),
        ("备份", "veryHidden", [["经办人", "电话"], ["刘某", MOBILE_B]], set(), []),
    ])
    with open(os.path.join(OUT, "低保名单.xlsx"), "rb") as f:
        workbook = f.read()
    with open(os.path.join(OUT, "损坏.xlsx"), "wb") as f:
        f.write(workbook[: len(workbook) // 2])
    town = os.path.join(HERE, "..", "Tests", "GongkaiBuildTests", "Fixtures", "town", "content", "mazhuang", "2025",
                        "jiesuan", "jiesuan.pdf")
    with open(town, "wb") as f:
        f.write(settlement_pdf())
    for name in sorted(os.listdir(OUT)):
        print(f"{os.path.getsize(os.path.join(OUT, name)):7d}  {name}")


if __name__ == "__main__":
    main()
