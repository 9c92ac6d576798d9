import Foundation
@testable import GongkaiWord
import Testing

struct WordDocumentTests {
    static func read(_ fixture: WordFixture) throws -> WordDocument {
        try WordDocument.read(try fixture.bytes()).get()
    }

    static func paragraphs(_ blocks: [WordBlock]) -> [WordParagraph] {
        blocks.compactMap { if case .paragraph(let p) = $0 { return p } else { return nil } }
    }

    static func tables(_ blocks: [WordBlock]) -> [WordTable] {
        blocks.compactMap { if case .table(let t) = $0 { return t } else { return nil } }
    }

    static let styles = """
    <w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="21"/></w:rPr></w:rPrDefault></w:docDefaults>
    <w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:pPr><w:jc w:val="both"/></w:pPr></w:style>
    <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="44"/></w:rPr></w:style>
    <w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="1"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:sz w:val="32"/></w:rPr><w:tblStylePr w:type="firstRow"><w:rPr><w:i/></w:rPr></w:tblStylePr></w:style>
    <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:sz w:val="36"/></w:rPr></w:style>
    <w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
    """

    @Test func paragraphsKeepStyleOutlineAlignmentAndRunFormatting() throws {
        var f = WordFixture(body: """
        <w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>马庄村2026年11月财务公开</w:t></w:r></w:p>
        <w:p><w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:t>一、收入情况</w:t></w:r></w:p>
        <w:p><w:pPr><w:pStyle w:val="2"/><w:jc w:val="right"/></w:pPr><w:r><w:t>小节</w:t></w:r></w:p>
        <w:p><w:r><w:t xml:space="preserve">本月 </w:t></w:r><w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>收入</w:t></w:r><w:r><w:rPr><w:i/><w:sz w:val="28"/></w:rPr><w:t>合计</w:t></w:r><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>元。</w:t></w:r></w:p>
        <w:p><w:pPr><w:outlineLvl w:val="2"/><w:ind w:firstLineChars="200"/></w:pPr><w:r><w:t>直接大纲级别</w:t></w:r></w:p>
        """)
        f.styles = Self.styles
        let doc = try Self.read(f)
        let ps = Self.paragraphs(doc.body)
        #expect(ps.map(\.text) == ["马庄村2026年11月财务公开", "一、收入情况", "小节", "本月 收入合计元。", "直接大纲级别"])
        #expect(ps[0].style == WordStyleName(id: "Title", name: "Title"))
        #expect(ps[0].alignment == .center)
        #expect(ps[0].outlineLevel == nil)
        #expect(ps[0].runs.first?.bold == true && ps[0].runs.first?.size == 18)
        #expect(ps[1].outlineLevel == 0 && ps[1].style?.name == "heading 1" && ps[1].alignment == .justified)
        #expect(ps[2].outlineLevel == 1 && ps[2].alignment == .end)
        // heading 2 is based on heading 1: bold inherited, size its own; the table-style part is not the style's.
        #expect(ps[2].runs.first?.bold == true && ps[2].runs.first?.size == 16 && ps[2].runs.first?.italic == false)
        let runs = ps[3].runs
        #expect(runs.map(\.text) == ["本月 ", "收入", "合计", "元。"])
        #expect(runs.map(\.bold) == [false, true, false, false])
        #expect(runs.map(\.italic) == [false, false, true, false])
        #expect(runs.map(\.size) == [10.5, 10.5, 14, 10.5])
        #expect(ps[4].outlineLevel == 2)
        #expect(ps[4].firstLineIndent == 420)
        #expect(doc.defaultFontSize == 10.5)
    }

    static let numbering = """
    <w:abstractNum w:abstractNumId="0">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
      <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
    </w:abstractNum>
    <w:abstractNum w:abstractNumId="1">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:suff w:val="space"/></w:lvl>
    </w:abstractNum>
    <w:abstractNum w:abstractNumId="2">
      <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\u{F0B7}"/><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr></w:lvl>
    </w:abstractNum>
    <w:abstractNum w:abstractNumId="3">
      <w:lvl w:ilvl="0"><w:start w:val="9"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1条"/></w:lvl>
    </w:abstractNum>
    <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
    <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
    <w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
    <w:num w:numId="4"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
    <w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num>
    """

    static func item(_ text: String, _ num: Int, _ level: Int) -> String {
        "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"\(level)\"/><w:numId w:val=\"\(num)\"/></w:numPr></w:pPr><w:r><w:t>\(text)</w:t></w:r></w:p>"
    }

    @Test func automaticNumbersAreRenderedAsWordShowsThem() throws {
        var f = WordFixture(body: [
            Self.item("基本情况", 1, 0), Self.item("收入", 1, 1), Self.item("支出", 1, 1), Self.item("明细", 1, 2),
            Self.item("明细二", 1, 2), Self.item("监督方式", 1, 0), Self.item("重新", 1, 1),
            Self.item("甲", 2, 0), Self.item("甲一", 2, 1), Self.item("甲二", 2, 1), Self.item("乙", 2, 0),
            Self.item("要点", 3, 0), Self.item("新列表", 4, 0), Self.item("条", 5, 0), Self.item("条", 5, 0),
            Self.item("续", 2, 0),
        ].joined())
        f.numbering = Self.numbering
        let ps = Self.paragraphs(try Self.read(f).body)
        #expect(ps.map { $0.numbering?.text ?? "" } == [
            "一、", "（一）", "（二）", "1.", "2.", "二、", "（一）",
            "1.", "1.1", "1.2", "2.", "•", "1.", "第九条", "第十条", "3.",
        ])
        #expect(ps[0].displayText == "一、基本情况")
        #expect(ps[3].displayText == "1.\t明细")
        #expect(ps[8].displayText == "1.1 甲一")
        #expect(ps[11].numbering?.isBullet == true)
        #expect(ps[1].numbering?.format == .chinese && ps[1].numbering?.level == 1 && ps[1].numbering?.value == 1)
    }

    @Test(arguments: [
        (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (11, "chineseCounting", "十一"),
        (20, "chineseCounting", "二十"), (23, "chineseCounting", "二十三"), (105, "chineseCounting", "一百零五"),
        (110, "chineseCounting", "一百一十"), (3, "chineseLegalSimplified", "叁"), (2, "ideographTraditional", "乙"),
        (4, "decimalEnclosedCircle", "④"), (27, "upperLetter", "AA"), (4, "lowerRoman", "iv"), (7, "decimalZero", "07"),
        (12, "ideographDigital", "一二"), (3, "decimalFullWidth", "３"),
    ])
    func numberFormats(value: Int, format: String, expected: String) {
        #expect(NumberText.render(value, format: format) == expected)
    }

    @Test func tablesKeepGridSpansVerticalMergesAndLines() throws {
        let body = """
        <w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr><w:tblGrid><w:gridCol w:w="1000"/><w:gridCol w:w="2000"/><w:gridCol w:w="1500"/></w:tblGrid>
        <w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val="3"/></w:tcPr><w:p><w:r><w:t>马庄村收支明细表</w:t></w:r></w:p></w:tc></w:tr>
        <w:tr><w:tc><w:p><w:r><w:t>项目</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>摘要</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>金额(元)</w:t></w:r></w:p></w:tc></w:tr>
        <w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>收入</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>土地承包费</w:t></w:r></w:p><w:p><w:r><w:t>（第二组）</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>12,000.00</w:t></w:r></w:p></w:tc></w:tr>
        <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>上级补助</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>3,500.00</w:t></w:r></w:p></w:tc></w:tr>
        <w:tr><w:trPr><w:del w:id="9" w:author="会计"/></w:trPr><w:tc><w:p><w:r><w:t>删掉的行</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr>
        <w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:p><w:r><w:t>合计</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>15,500.00</w:t></w:r></w:p></w:tc></w:tr>
        </w:tbl><w:p/>
        """
        let doc = try Self.read(WordFixture(body: body))
        let t = try #require(Self.tables(doc.body).first)
        #expect(t.columnWidths == [1000, 2000, 1500] && t.columnCount == 3 && t.style?.id == "TableGrid")
        #expect(t.rows.count == 5)
        #expect(t.rows[0].isHeader && t.rows[0].cells[0].columnSpan == 3)
        #expect(t.rows[2].cells.map(\.text) == ["收入", "土地承包费\n（第二组）", "12,000.00"])
        #expect(t.rows[2].cells[0].verticalMerge == .restart && t.rows[2].cells[0].rowSpan == 2)
        #expect(t.rows[3].cells[0].verticalMerge == .continue)
        #expect(t.rows[4].skippedBefore == 1 && t.rows[4].cells.map(\.column) == [1, 2])
        let layout = t.layout()
        #expect(layout[0] == [.cell(row: 0, index: 0), .covered(row: 0, index: 0), .covered(row: 0, index: 0)])
        #expect(layout[3][0] == .covered(row: 2, index: 0))
        #expect(layout[4][0] == .empty)
        #expect(doc.revisions.contains { $0.kind == .rowDeletion && $0.text.contains("删掉的行") })
        let cells = doc.plainText().map(\.location.description)
        #expect(cells.contains("正文第 1 个表格第 3 行第 2 列"))
    }

    @Test func imagesFromDrawingsAndVMLWithAltText() throws {
        var f = WordFixture(body: """
        <w:p><w:r><w:drawing><wp:inline><wp:extent cx="100" cy="100"/><wp:docPr id="1" name="图片 1" descr="收据扫描件"/>
        <a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:blipFill><a:blip r:embed="rId10"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>
        <w:p><w:r><w:pict><v:shape><v:imagedata r:id="rId10" o:title="again"/></v:shape></w:pict></w:r></w:p>
        <w:p><w:r><w:pict><v:shape><v:imagedata r:id="rId99"/></v:shape></w:pict></w:r></w:p>
        <w:p><w:r><w:object><v:shape><v:imagedata r:id="rId10"/></v:shape><o:OLEObject ProgID="Excel.Sheet.12" r:id="rId20"/></w:object></w:r></w:p>
        """)
        f.media = [("image1.png", WordFixture.png)]
        let doc = try Self.read(f)
        #expect(doc.images.count == 1)
        #expect(doc.images[0].name == "image1.png" && doc.images[0].bytes == WordFixture.png && doc.images[0].fileExtension == "png")
        let ps = Self.paragraphs(doc.body)
        #expect(ps[0].content == [.image(index: 0, description: "收据扫描件")])
        #expect(ps[1].content == [.image(index: 0, description: "again")])
        #expect(doc.omissions.map(\.kind) == [.missingImage, .embeddedObject])
        #expect(doc.omissions[1].detail == "Excel.Sheet.12")
        #expect(doc.omissions[0].location.description == "正文第 3 段")
        #expect(doc.omissions[1].location.description == "正文第 3 段")
    }

    @Test func notesAreNumberedByReferenceAndSeparatorsSkipped() throws {
        var f = WordFixture(body: """
        <w:p><w:r><w:t>补助标准</w:t></w:r><w:r><w:footnoteReference w:id="7"/></w:r><w:r><w:t>见文件</w:t></w:r><w:r><w:footnoteReference w:id="3"/></w:r><w:r><w:endnoteReference w:id="2"/></w:r></w:p>
        """)
        f.footnotes = """
        <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
        <w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
        <w:footnote w:id="3"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> 第二个脚注</w:t></w:r></w:p></w:footnote>
        <w:footnote w:id="7"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> 按县民政局文件</w:t></w:r></w:p></w:footnote>
        """
        f.endnotes = "<w:endnote w:id=\"2\"><w:p><w:r><w:t>尾注内容</w:t></w:r></w:p></w:endnote>"
        let doc = try Self.read(f)
        let p = Self.paragraphs(doc.body)[0]
        #expect(p.content.contains(.noteReference(footnote: true, number: 1)))
        #expect(p.content.contains(.noteReference(footnote: true, number: 2)))
        #expect(p.content.contains(.noteReference(footnote: false, number: 1)))
        #expect(p.text == "补助标准见文件")
        #expect(doc.footnotes.map(\.number) == [1, 2])
        #expect(Self.paragraphs(doc.footnotes[0].blocks)[0].text == " 按县民政局文件")
        #expect(Self.paragraphs(doc.endnotes[0].blocks)[0].text == "尾注内容")
        #expect(doc.plainText().map(\.location.description) == ["正文第 1 段", "脚注 1", "脚注 2", "尾注 1"])
    }

    @Test func textBoxesAreReadOnceFromAlternateContent() throws {
        let box = "<w:txbxContent><w:p><w:r><w:t>联系电话：0531-87654321</w:t></w:r></w:p></w:txbxContent>"
        let doc = try Self.read(WordFixture(body: """
        <w:p><w:r><w:t>正文一</w:t></w:r></w:p>
        <w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:docPr id="2" name="文本框 2"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx>\(box)</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>
        <mc:Fallback><w:pict><v:shape><v:textbox>\(box)</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>正文二</w:t></w:r></w:p>
        """))
        let ps = Self.paragraphs(doc.body)
        #expect(ps.count == 2)
        #expect(ps[1].textBoxes.count == 1)
        #expect(Self.paragraphs(ps[1].textBoxes[0].blocks).map(\.text) == ["联系电话：0531-87654321"])
        #expect(ps[1].text == "正文二")
        let texts = doc.plainText()
        #expect(texts.map(\.text) == ["正文一", "正文二", "联系电话：0531-87654321"])
        #expect(texts[2].location.description == "正文第 2 段的文本框里")
    }

    @Test func commentsAreKeptApartAndAnchored() throws {
        var f = WordFixture(body: """
        <w:p><w:r><w:t>第一段</w:t></w:r></w:p><w:p/>
        <w:p><w:commentRangeStart w:id="0"/><w:r><w:t>低保户名单</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>
        """)
        f.comments = "<w:comment w:id=\"0\" w:author=\"镇民政办\" w:date=\"2026-11-05T09:00:00Z\"><w:p><w:r><w:annotationRef/></w:r><w:r><w:t>身份证号要隐去中间八位</w:t></w:r></w:p></w:comment>"
        let doc = try Self.read(f)
        #expect(doc.comments.count == 1)
        #expect(doc.comments[0].author == "镇民政办" && doc.comments[0].paragraph == 2)
        #expect(Self.paragraphs(doc.comments[0].blocks)[0].text == "身份证号要隐去中间八位")
        #expect(Self.paragraphs(doc.body)[2].text == "低保户名单")
        #expect(Self.paragraphs(doc.body)[2].content.contains(.commentMark(0)))
        #expect(!doc.plainText().contains { $0.text.contains("隐去") })
        #expect(doc.plainText(including: .comments).last?.location.description == "批注 1")
    }

    @Test func trackedChangesKeepTheAcceptedText() throws {
        let doc = try Self.read(WordFixture(body: """
        <w:p><w:r><w:t xml:space="preserve">支出 </w:t></w:r><w:del w:id="1" w:author="张会计" w:date="2026-11-04T10:00:00Z"><w:r><w:delText>1,200.00</w:delText></w:r></w:del><w:ins w:id="2" w:author="张会计"><w:r><w:t>1,250.00</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> 元</w:t></w:r></w:p>
        <w:p><w:r><w:rPr><w:b/><w:rPrChange w:id="3" w:author="x"><w:rPr><w:i/></w:rPr></w:rPrChange></w:rPr><w:t>加粗</w:t></w:r></w:p>
        <w:p><w:pPr><w:rPr><w:del w:id="4" w:author="x"/></w:rPr></w:pPr><w:del w:id="5" w:author="x"><w:r><w:delText>整段删除</w:delText></w:r></w:del></w:p>
        <w:p><w:moveFrom w:id="6" w:author="x"><w:r><w:t>挪走的话</w:t></w:r></w:moveFrom><w:r><w:t>留下</w:t></w:r><w:moveTo w:id="7" w:author="x"><w:r><w:t>挪来的话</w:t></w:r></w:moveTo></w:p>
        <w:p><w:del w:id="8" w:author="x"><w:r><w:drawing><wp:inline><a:blip r:embed="rId10"/></wp:inline></w:drawing></w:r></w:del><w:r><w:t>末段</w:t></w:r></w:p>
        """))
        let ps = Self.paragraphs(doc.body)
        #expect(ps.map(\.text) == ["支出 1,250.00 元", "加粗", "留下挪来的话", "末段"])
        #expect(ps[1].runs[0].bold && !ps[1].runs[0].italic)
        #expect(doc.images.isEmpty)
        let kinds = doc.revisions.map(\.kind)
        #expect(kinds.filter { $0 == .deletion }.count == 3)
        #expect(kinds.contains(.insertion) && kinds.contains(.moveFrom) && kinds.contains(.moveTo) && kinds.contains(.formatting))
        let deleted = doc.revisions.filter { $0.kind == .deletion }
        #expect(deleted[0].text == "1,200.00" && deleted[0].author == "张会计" && deleted[0].location.paragraph == 1)
        #expect(doc.revisions.first { $0.kind == .moveFrom }?.text == "挪走的话")
        #expect(doc.plainText(including: .deletedText).contains { $0.text == "整段删除" })
    }

    @Test func fieldsShowTheirSavedResult() throws {
        let doc = try Self.read(WordFixture(body: """
        <w:p><w:r><w:t xml:space="preserve">日期：</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DATE \\@ "yyyy年M月d日" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2026年11月6日</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
        <w:p><w:fldSimple w:instr=" PAGE "><w:r><w:t>3</w:t></w:r></w:fldSimple></w:p>
        <w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>HYPERLINK "https://example.gov.cn/a"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>政策原文</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
        <w:p><w:hyperlink r:id="rId30"><w:r><w:t>链接</w:t></w:r></w:hyperlink></w:p>
        """))
        let ps = Self.paragraphs(doc.body)
        #expect(ps.map(\.text) == ["日期：2026年11月6日", "3", "政策原文", "链接"])
        #expect(doc.fields.map(\.kind) == ["DATE", "PAGE", "HYPERLINK"])
        #expect(doc.fields[0].result == "2026年11月6日")
        #expect(ps[2].runs[0].link == "https://example.gov.cn/a")
    }

    @Test func tabsBreaksSymbolsAndHiddenText() throws {
        let doc = try Self.read(WordFixture(body: """
        <w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:t>户主</w:t><w:tab/><w:t>人数</w:t><w:br/><w:t>第二行</w:t><w:br w:type="page"/><w:noBreakHyphen/><w:sym w:font="Wingdings" w:char="F0FE"/><w:sym w:font="SimSun" w:char="2605"/></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏的字</w:t></w:r></w:p>
        <w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>2</w:t></w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>pīn</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>拼</w:t></w:r></w:rubyBase></w:ruby></w:p>
        """))
        let ps = Self.paragraphs(doc.body)
        #expect(ps[0].text == "户主\t人数\n第二行-☑★")
        #expect(ps[0].content.contains(.pageBreak))
        #expect(doc.hiddenText.map(\.text) == ["隐藏的字"])
        #expect(ps[1].text == "2拼")
        #expect(ps[1].runs[0].position == .superscript)
    }

    @Test func sectionsAndProperties() throws {
        var f = WordFixture(body: """
        <w:p><w:pPr><w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr></w:pPr><w:r><w:t>横排的表</w:t></w:r></w:p>
        <w:p><w:r><w:t>竖排</w:t></w:r></w:p>
        <w:sectPr><w:headerReference w:type="default" r:id="rId6"/><w:pgSz w:w="11906" w:h="16838"/><w:cols w:num="2"/></w:sectPr>
        """)
        f.header = "<w:p><w:r><w:t>马庄村村务公开</w:t></w:r></w:p>"
        f.core = "<dc:title>十一月财务</dc:title><dc:creator>王会计</dc:creator>"
        f.app = "<Application>WPS Office</Application>"
        let doc = try Self.read(f)
        #expect(doc.sections == [WordSection(pageWidth: 16838, pageHeight: 11906, landscape: true),
                                 WordSection(pageWidth: 11906, pageHeight: 16838, columns: 2)])
        #expect(Self.paragraphs(doc.body)[0].endsSection)
        #expect(doc.headers.count == 1)
        #expect(doc.plainText().last == WordText(location: WordLocation(story: .header(1), paragraph: 1), text: "马庄村村务公开"))
        #expect(doc.properties.title == "十一月财务" && doc.properties.creator == "王会计" && doc.properties.application == "WPS Office")
        #expect(doc.plainText(including: .properties).contains { $0.text == "王会计" && $0.location.description == "文档属性（文件 → 属性）" })
    }

    @Test func paragraphOrdinalsCountParagraphsWithText() throws {
        let doc = try Self.read(WordFixture(body: """
        <w:p><w:r><w:t>一</w:t></w:r></w:p><w:p/><w:p><w:r><w:t xml:space="preserve">  </w:t></w:r></w:p><w:p><w:r><w:t>二</w:t></w:r></w:p>
        <w:tbl><w:tr><w:tc><w:p><w:r><w:t>格</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p><w:r><w:t>三</w:t></w:r></w:p>
        """))
        #expect(doc.plainText().map(\.location.description) == ["正文第 1 段", "正文第 2 段", "正文第 1 个表格第 1 行第 1 列", "正文第 3 段"])
    }

    @Test func namespacesAreMatchedByURINotPrefix() throws {
        let strict = """
        <?xml version="1.0"?><x:document xmlns:x="http://purl.oclc.org/ooxml/wordprocessingml/main"><x:body><x:p><x:pPr><x:jc x:val="center"/></x:pPr><x:r><x:t>严格格式</x:t></x:r></x:p><a:p xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:r><a:t>not word</a:t></a:r></a:p></x:body></x:document>
        """
        let archive = try ZIPFixture.make([
            "_rels/.rels": "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"r1\" Type=\"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument\" Target=\"/word/main.xml\"/></Relationships>",
            "word/main.xml": strict,
        ])
        let doc = try WordDocument.read(archive).get()
        let ps = Self.paragraphs(doc.body)
        #expect(ps.map(\.text) == ["严格格式"])
        #expect(ps[0].alignment == .center)
    }

    @Test func deepNestingIsReadWithoutRecursionTrouble() throws {
        let depth = 300
        let open = String(repeating: "<w:tbl><w:tr><w:tc>", count: depth)
        let close = String(repeating: "<w:p/></w:tc></w:tr></w:tbl>", count: depth)
        let doc = try Self.read(WordFixture(body: open + "<w:p><w:r><w:t>最里面</w:t></w:r></w:p>" + close + "<w:p/>"))
        #expect(doc.plainText().contains { $0.text.contains("最里面") })
        let boxes = String(repeating: "<w:p><w:r><w:pict><v:textbox><w:txbxContent>", count: 100)
            + "<w:p><w:r><w:t>盒子</w:t></w:r></w:p>" + String(repeating: "</w:txbxContent></v:textbox></w:pict></w:r></w:p>", count: 100)
        _ = try Self.read(WordFixture(body: boxes))
    }
}

/// A zip of text parts, for packages WordFixture does not lay out.
enum ZIPFixture {
    static func make(_ parts: [String: String]) throws -> [UInt8] {
        try make(parts.mapValues { Data($0.utf8) })
    }

    static func make(_ parts: [String: Data]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data) in parts.sorted(by: { $0.key < $1.key }) {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
                                 provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
        }
        return Array(archive.data ?? Data())
    }
}

import ZIPFoundation
