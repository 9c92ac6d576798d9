import Foundation
import ZIPFoundation
import GongkaiContent
import GongkaiCore
import Testing

/// ```table blocks: a CSV or xlsx beside the notice becomes a table; every
/// problem is a diagnostic with the fix, at the block or at the cell.
struct TableBlockTests {
    let folder = "content/mazhuang/2024/caiwu-11"
    var notice: String { folder + "/index.md" }

    func site(body: String, files: [String: [UInt8]]) -> ContentParser.Result {
        var text = SiteFixture().files.mapValues { Array($0.utf8) }
        text[notice] = Array("""
        ---
        title: 马庄村2024年11月财务收支公开
        date: 2024-12-05
        category: caiwu
        ---
        现将11月收支公布如下。

        \(body)
        """.utf8)
        for (name, bytes) in files { text[folder + "/" + name] = bytes }
        return ContentParser.parse(SiteLoader(fs: InMemoryFileSystem(bytes: text)).load())
    }

    static let csv = "日期,摘要,收入(元),支出(元)\n11月3日,收厂房租金,\"15,000.00\",\n11月9日,缴纳电费,,260.20\n合计,,\"15,000.00\",260.20\n"

    @Test func csvTableIsRenderedAndItsTextPublished() throws {
        let result = site(body: "```table 收支明细.csv\n```\n\n以上。", files: ["收支明细.csv": Array(Self.csv.utf8)])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.rendered))")
        let n = try #require(result.content?.notices.first { $0.id.name == "caiwu-11" })
        #expect(n.body.html.contains("<span class=\"table-source\">数据来源：收支明细.csv</span>"))
        #expect(n.body.html.contains("<th scope=\"col\" class=\"num\">收入(元)</th>"))
        #expect(n.body.html.contains("<td class=\"num\">15,000.00</td>"))
        #expect(n.body.html.contains("<tr class=\"total\">"))
        #expect(!n.body.html.contains("<pre>"))
        #expect(n.body.text.contains("11月3日 收厂房租金 15,000.00"))
        #expect(n.body.text.hasSuffix("以上。\n"))
        #expect(n.tableFiles == ["收支明细.csv"])
    }

    /// `来源` rewrites the line under the table or, with `无`, leaves it out
    /// (a table imported from a Word document is the notice's own text); a
    /// cell with two lines shows two lines.
    @Test func theSourceLineCanBeRewrittenOrLeftOut() throws {
        let csv = Array("标段,资格要求\n一标段,\"三级资质\n无重大事故\"\n".utf8)
        for (block, expected) in [("```table 标段.csv 来源=无\n```", nil), ("```table\n文件: 标段.csv\n来源: 镇招标办\n```", "数据来源：镇招标办")] {
            let result = site(body: block, files: ["标段.csv": csv])
            #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.rendered))")
            let n = try #require(result.content?.notices.first { $0.id.name == "caiwu-11" })
            if let expected {
                #expect(n.body.html.contains("<span class=\"table-source\">\(expected)</span>"))
            } else {
                #expect(!n.body.html.contains("table-source"))
            }
            #expect(n.body.html.contains(">三级资质<br>无重大事故</td>"))
        }
    }

    @Test func gbkCSVAsExcelSavesIt() throws {
        // "合计,收入\r\n合计,5" in GBK: 合计 = BA CF BC C6, 收入 = CA D5 C8 EB.
        let bytes: [UInt8] = [0xBA, 0xCF, 0xBC, 0xC6, 0x2C, 0xCA, 0xD5, 0xC8, 0xEB, 0x0D, 0x0A, 0x61, 0x2C, 0x35, 0x0D, 0x0A]
        let result = site(body: "```表格\n文件：旧表.csv\n```", files: ["旧表.csv": bytes])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.rendered))")
        let n = try #require(result.content?.notices.first { $0.id.name == "caiwu-11" })
        #expect(n.body.html.contains("<th scope=\"col\" class=\"narrow\">合计</th>"))
        #expect(n.body.html.contains("<th scope=\"col\" class=\"num\">收入</th>"))
    }

    @Test func wrongTotalsAreWarningsAtTheCell() {
        let wrong = Self.csv.replacingOccurrences(of: "合计,,\"15,000.00\",260.20", with: "合计,,\"15,000.00\",206.20")
        let result = site(body: "```table 收支明细.csv\n```\n\n| 项目 | 金额 |\n| --- | ---: |\n| 甲 | 1.50 |\n| 乙 | 2 |\n| 合计 | 4.00 |",
                          files: ["收支明细.csv": Array(wrong.utf8)])
        #expect(result.diagnostics.map(\.rendered) == [
            "content/mazhuang/2024/caiwu-11/index.md:15:8: 警告[GK185]: 合计行“金额”列写的是 4.00，上面各行相加是 3.50，两者不一致。"
                + "请核对各行数字和合计（公开的账目要能对得上）；改好后重新构建。",
            "content/mazhuang/2024/caiwu-11/收支明细.csv:4:4: 警告[GK185]: 合计行“支出(元)”列写的是 206.20，上面各行相加是 260.20，两者不一致。"
                + "请核对各行数字和合计（公开的账目要能对得上）；改好后重新构建。",
        ])
        #expect(result.content != nil)
    }

    @Test(arguments: [
        ("```table 收支明晰.csv\n```", "GK180", "是不是“收支明细.csv”？"),
        ("```table 其他.csv\n```", "GK180", "那里现有的表格文件：坏.xlsx、收支明细.csv、空.csv。"),
        ("```table\n```", "GK181", "请这样写"),
        ("```table ../2023/收支明细.csv\n```", "GK181", "只写文件名"),
        ("```table 收支明细.xls\n```", "GK181", "另存为"),
        ("```table 收支明细.csv\n颜色: 红\n```", "GK181", "只认 文件（file）"),
        ("```table 坏.xlsx\n```", "GK182", "无法按 zip 打开"),
        ("```table 空.csv\n```", "GK186", "是不是引用错了"),
    ])
    func problemsNameTheFix(_ block: String, _ code: String, _ fixPart: String) throws {
        let result = site(body: block, files: ["收支明细.csv": Array(Self.csv.utf8), "坏.xlsx": Array("not a zip".utf8),
                                               "空.csv": Array(",,\n".utf8), "收支明细.xls": [0xD0, 0xCF]])
        let d = try #require(result.diagnostics.first { $0.code == code }, "\(result.diagnostics.map(\.rendered))")
        #expect(d.file == notice)
        #expect(d.line == 8 && d.column == 1)
        #expect(d.rendered.contains(fixPart), "\(d.rendered)")
    }

    @Test func undecodableCSVPointsIntoTheFile() throws {
        let result = site(body: "```table 乱码.csv\n```", files: ["乱码.csv": Array("a,b\n1,".utf8) + [0xFF, 0xFE, 0xFF]])
        let d = try #require(result.diagnostics.first)
        #expect(d.code == "GK184")
        #expect(d.file == folder + "/乱码.csv")
        #expect(d.line == 2 && d.column == 3)
    }

    @Test func withoutATableBlockAnOrdinaryCodeBlockStaysCode() throws {
        let result = site(body: "```text\n收支明细.csv\n```", files: ["收支明细.csv": Array(Self.csv.utf8)])
        let n = try #require(result.content?.notices.first { $0.id.name == "caiwu-11" })
        #expect(n.body.html.contains("<pre><code class=\"language-text\">收支明细.csv\n</code></pre>"))
        // Neither listed nor used: reported as a stray file, as before.
        #expect(result.diagnostics.map(\.code) == ["GK130"])
    }
}

/// The privacy guard on table cells read from files (docs/design.md §8): each
/// number is reported once, at its cell in the table file, never repeated.
struct TablePrivacyTests {
    let folder = "content/mazhuang/2024/dibao-11"

    func parse(body: String, attachments: String = "", files: [String: [UInt8]]) -> [Diagnostic] {
        var bytes = SiteFixture().files.mapValues { Array($0.utf8) }
        bytes[folder + "/index.md"] = Array("""
        ---
        title: 马庄村2024年11月临时救助发放公示
        date: 2024-12-05
        category: dibao
        \(attachments)
        ---
        名单如下。

        \(body)
        """.utf8)
        for (name, b) in files { bytes[folder + "/" + name] = b }
        return ContentParser.parse(SiteLoader(fs: InMemoryFileSystem(bytes: bytes)).load()).diagnostics
    }

    static let csv = "序号,户主,身份证号,金额(元)\n1,王某某,11010519491231002X,800.00\n2,李某某,110105********002X,600.00\n合计,,,\"1,400.00\"\n"

    @Test func anIDNumberInACSVCellIsAnErrorAtTheCell() throws {
        let d = parse(body: "```table 名单.csv\n```", files: ["名单.csv": Array(Self.csv.utf8)])
        #expect(d.map(\.code) == ["GK170"], "\(d.map(\.rendered))")
        let hit = try #require(d.first)
        #expect(hit.file == folder + "/名单.csv")
        #expect(hit.line == 2 && hit.column == 3)
        #expect(hit.fix.contains("110105********002X"))
        #expect(!hit.rendered.contains("11010519491231002X"))
    }

    @Test func aCSVThatIsAlsoAnAttachmentIsReportedOnce() {
        let d = parse(body: "```table 名单.csv\n```", attachments: "附件: [{file: 名单.csv, title: 名单}]",
                      files: ["名单.csv": Array(Self.csv.utf8)])
        #expect(d.filter { $0.code == "GK170" }.count == 1, "\(d.map(\.rendered))")
        #expect(d.allSatisfy { $0.file == folder + "/名单.csv" })
    }

    @Test func aMobileNumberInAnXLSXCellNamesTheSheetAndCell() throws {
        let xlsx = try MiniXLSX.make(sheet: "11月", rows: [["户主", "联系电话"], ["王某某", "138 0013 8000"]])
        let d = parse(body: "```table 名单.xlsx\n```", files: ["名单.xlsx": xlsx])
        let hit = try #require(d.first)
        #expect(d.count == 1, "\(d.map(\.rendered))")
        #expect(hit.code == "GK173")
        #expect(hit.file == folder + "/名单.xlsx")
        #expect(hit.line == 2 && hit.column == 2)
        #expect(hit.message.hasPrefix("工作表“11月”B2："))
        #expect(hit.fix.contains("138****8000"))
    }

    /// An xlsx attachment is published as it is: all of it is checked, even
    /// when no table block shows it, and once when one does.
    @Test(arguments: ["", "```table 名单.xlsx\n```"])
    func anXLSXAttachmentIsCheckedWhole(_ body: String) throws {
        let xlsx = try MiniXLSX.make(sheet: "11月", rows: [["户主", "身份证号"], ["王某某", "11010519491231002X"]])
        let d = parse(body: body, attachments: "附件: [{file: 名单.xlsx, title: 救助名单}]", files: ["名单.xlsx": xlsx])
        let hits = d.filter { $0.code == "GK170" }
        #expect(hits.count == 1, "\(d.map(\.rendered))")
        let hit = try #require(hits.first)
        #expect(hit.file == folder + "/名单.xlsx")
        #expect(hit.line == 2 && hit.column == 2)
        #expect(hit.message.hasPrefix("工作表“11月”B2："))
        #expect(!hit.rendered.contains("11010519491231002X"))
    }
}

/// The smallest workbook Excel would open: inline strings only.
enum MiniXLSX {
    static func make(sheet: String, rows: [[String]]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
                                 provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
        }
        let ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        try add("xl/workbook.xml", "<workbook xmlns=\"\(ns)\" xmlns:r=\"\(rel)\"><sheets><sheet name=\"\(sheet)\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>")
        try add("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>")
        let data = rows.enumerated().map { r, row in
            "<row r=\"\(r + 1)\">" + row.enumerated().map { c, text in
                "<c r=\"\(String(UnicodeScalar(UInt8(65 + c))))\(r + 1)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>"
            }.joined() + "</row>"
        }.joined()
        try add("xl/worksheets/sheet1.xml", "<worksheet xmlns=\"\(ns)\"><sheetData>\(data)</sheetData></worksheet>")
        return Array(archive.data ?? Data())
    }
}
