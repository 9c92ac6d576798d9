import Foundation
import GongkaiBuild
import GongkaiCore
import Testing

/// docs/design.md §8 end to end: a resident's ID number stops the build at its
/// place, with the masked form, and the published site stays as it was.
struct PrivacyBuildTests {
    @Test func anIDNumberStopsTheBuildAndLeavesPublicUntouched() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        #expect(site.build().succeeded)
        let before = FixtureSite.snapshot(site.output)
        try site.write("content/mazhuang/2025/dibao.md", """
        ---
        title: 关于张三（11010519491231002X）申请低保的公示
        date: 2025-03-03
        category: caiwu
        ---

        经村民代表会议评议，拟同意下列家庭享受最低生活保障：

        | 户主 | 身份证号 | 人口 |
        | --- | --- | ---: |
        | 李四 | 370102198506120041 | 3 |
        | 王五 | 370102********0041 | 2 |

        联系电话：0531-8765 4321（村委会），400-800-1234。
        """)
        let report = site.build()
        #expect(!report.succeeded)
        let lines = report.diagnostics.map { "\($0.file):\($0.line):\($0.column): \($0.code)" }
        #expect(lines == ["content/mazhuang/2025/dibao.md:2:13: GK170", "content/mazhuang/2025/dibao.md:11:8: GK170"])
        #expect(report.diagnostics.map(\.fix).allSatisfy { $0.contains("********") })
        #expect(report.diagnostics.first?.fix.contains("110105********002X") == true)
        #expect(!report.diagnostics.map(\.rendered).joined().contains("370102198506120041"))
        #expect(FixtureSite.snapshot(site.output) == before)
    }

    /// A one-page PDF whose text is `text` (Helvetica), for attachments in tests.
    static func pdf(_ text: String) -> [UInt8] {
        let content = "BT /F1 12 Tf 72 760 Td (\(text)) Tj ET"
        let objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
                       "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                       "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream"]
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (i, object) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(i + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { out += String(repeating: "0", count: 10 - String(offset).count) + String(offset) + " 00000 n \n" }
        return Array((out + "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n").utf8)
    }

    static let attachment = "content/mazhuang/2025/jiesuan/jiesuan.pdf"

    /// The parse cache keys on attachment sizes; a PDF replaced by one of
    /// the same size with a mobile number in it is scanned again.
    @Test func anAttachmentReplacedByOneOfTheSameSizeIsScannedAgain() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let clean = Self.pdf("Contact the office at 0531-87654321."), leaking = Self.pdf("Contact Wang Wu at 13800138000.     ")
        #expect(clean.count == leaking.count)
        try Data(clean).write(to: site.root.appendingPathComponent(Self.attachment))
        #expect(site.build().succeeded)
        let before = FixtureSite.snapshot(site.output)
        try Data(leaking).write(to: site.root.appendingPathComponent(Self.attachment))
        let report = site.build()
        #expect(report.diagnostics.map { "\($0.file) \($0.code)" } == ["\(Self.attachment) GK173"], "\(report.diagnostics.map(\.rendered))")
        #expect(report.diagnostics.first?.message.hasPrefix("第 1 页：这里有一个手机号码") == true)
        #expect(!report.succeeded && FixtureSite.snapshot(site.output) == before)
    }

    /// Attachments are scanned once per content: a later build (here, after
    /// the notice itself changed) takes the scan from .gongkai-cache.
    @Test func aScanIsKeptForLaterBuilds() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        #expect(site.build().succeeded)
        let store = site.root.appendingPathComponent(".gongkai-cache/attachment-scans.json")
        let stored = try String(contentsOf: store, encoding: .utf8)
        #expect(stored.contains("\"type\":\"pdf\""))
        // Put a finding into the kept scan: if the next build read the PDF
        // again, it would not see it.
        let fake = #""hits":[{"column":0,"hidden":"comment","kind":"mobile","line":0,"masked":"138****8000","number":1,"place":"第 1 页"}]"#
        try stored.replacingOccurrences(of: "\"hits\":[]", with: fake).write(to: store, atomically: true, encoding: .utf8)
        try site.write("content/mazhuang/2025/jiesuan/index.md",
                       try String(contentsOf: site.root.appendingPathComponent("content/mazhuang/2025/jiesuan/index.md"), encoding: .utf8)
                           + "\n结算审核报告见附件。\n")
        let report = site.build()
        #expect(report.diagnostics.map(\.code) == ["GK173"], "\(report.diagnostics.map(\.rendered))")
        #expect(report.diagnostics.first?.message.contains("批注里有一个手机号码") == true)
        // A check reads the kept scans too.
        #expect(site.build(check: true).diagnostics.map(\.code) == ["GK173"])
    }
}
