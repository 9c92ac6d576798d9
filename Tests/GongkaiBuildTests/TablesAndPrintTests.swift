import Foundation
import GongkaiBuild
import GongkaiCore
import Testing

/// Issue 7: a notice's table read from an xlsx beside it, and the printed
/// 公开栏 sheet with its QR code (decoding the code is scripts/print_check.py's
/// job, with zbarimg; here: that it is there, for the right URL, and only when
/// the site has an absolute base_url).
struct TablesAndPrintTests {
    let page = "mazhuang/2025/jiesuan/index.html"

    @Test func xlsxTableIsRenderedCheckedAndIndexed() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let report = site.build()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.rendered))")
        let snapshot = FixtureSite.snapshot(site.output)
        let html = String(decoding: try #require(snapshot[page]), as: UTF8.self)
        #expect(html.contains("<caption>马庄村道路硬化工程结算明细<span class=\"table-source\">数据来源：结算明细.xlsx，工作表“明细”</span></caption>"))
        #expect(html.contains("<td class=\"date\">2025年1月20日</td>"))
        #expect(html.contains("<td class=\"wide\">水泥混凝土路面（C30，厚 18 厘米）</td>"))
        #expect(html.contains("<td class=\"num\">402,650.00</td>"))
        #expect(html.contains("<tr class=\"total\">\n<td class=\"narrow\">合计</td>"))
        #expect(html.contains("<td class=\"num\">586,320.00</td>"))
        // The table file is used, so it is not reported as a stray file, and it is not published by itself.
        #expect(snapshot["mazhuang/2025/jiesuan/结算明细.xlsx"] == nil)
        // Cell text reaches the search index (its trigrams are keys of the shards).
        let indexed = snapshot.filter { $0.key.hasPrefix("search/s/") }
            .contains { String(decoding: $0.value, as: UTF8.self).contains("\"混凝土\":") }
        #expect(indexed)
    }

    @Test func tableBlocksInEachFormAndAnUnknownSheet() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write("content/mazhuang/2025/jiesuan/index.md", """
        ---
        title: 马庄村道路硬化工程竣工结算公示
        date: 2025-03-10 09:30
        category: gongcheng
        attachments:
          - {file: jiesuan.pdf, title: 结算审核报告}
        ---
        结算汇总：

        ```table
        文件: 结算明细.xlsx
        工作表: 汇总
        ```

        ```table 结算明细.xlsx 明细
        ```

        ```表格 结算明细.xlsx sheet=决算
        ```
        """)
        let report = site.build(check: true)
        let lines = report.diagnostics.map(\.rendered)
        // 汇总 and 明细 add up; the third block names a sheet that does not exist.
        #expect(lines == [
            "content/mazhuang/2025/jiesuan/index.md:18:1: 错误[GK183]: “结算明细.xlsx”里没有名为“决算”的工作表。"
                + "这个文件里的工作表有：“汇总”、“明细”，请写其中一个（不写则用第一张）。",
        ])
    }

    @Test func printedSheetCarriesTheQRCodeOfTheCanonicalURL() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        site.build()
        let html = String(decoding: try #require(FixtureSite.snapshot(site.output)[page]), as: UTF8.self)
        let url = "https://gk.example.org/ceshi/mazhuang/2025/jiesuan/"
        #expect(html.contains("<section class=\"print-board\""))
        #expect(html.contains("<p class=\"print-url\">网上原文：\(url)</p>"))
        #expect(html.contains("<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "))
        #expect(html.contains("aria-label=\"本公告网址二维码：\(url)\""))
        // One path; its first run is the top row of the top-left finder
        // pattern: 7 dark modules after the 4-module quiet zone.
        #expect(html.components(separatedBy: "<path ").count == 2)
        #expect(html.contains("<path fill=\"#000\" d=\"M4 4h7v1h-7z"))
        #expect(html.contains("<strong>公示期：</strong>2025年3月10日至3月17日（7 天）"))
        #expect(html.contains("前（含当天）向马庄村村务监督委员会反映"))
        // The 打印 button is hidden until the script shows it (no dead button without JavaScript).
        #expect(html.contains("<button type=\"button\" id=\"print-button\" hidden>打印本公告</button>"))
    }

    @Test func withoutAnAbsoluteBaseURLOneWarningAndNoQRCode() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let yml = try String(contentsOf: site.root.appendingPathComponent("content/site.yml"), encoding: .utf8)
        try site.write("content/site.yml", yml.replacingOccurrences(of: "base_url: https://gk.example.org/ceshi/", with: "base_url: /ceshi/"))
        let report = site.build()
        #expect(report.diagnostics.map(\.code) == ["GK187"])
        #expect(report.diagnostics.first?.severity == .warning)
        let html = String(decoding: try #require(FixtureSite.snapshot(site.output)[page]), as: UTF8.self)
        #expect(!html.contains("<svg class=\"qr\""))
        #expect(html.contains("<section class=\"print-board\""))
    }
}
