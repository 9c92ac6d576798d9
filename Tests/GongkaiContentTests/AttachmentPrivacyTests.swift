import Foundation
@testable import GongkaiContent
import GongkaiCore
import Testing

/// The privacy guard inside attachments (docs/design.md §8; fixtures made by
/// scripts/make-attachment-fixtures.py): PDF text layers and annotations,
/// Word text with what Word hides, every cell of a workbook with its hidden
/// rows, columns and sheets. Each hit names the attachment and its place,
/// never the number; what cannot be read is named too.
struct AttachmentPrivacyTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/attachments")

    static func fixture(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: fixtures.appendingPathComponent(name)))
    }

    let folder = "content/mazhuang/2026/jiuzhu"

    /// A notice that attaches `files` (name → bytes); its diagnostics.
    func parse(_ files: [String: [UInt8]], community: String? = nil, withdrawn: Bool = false,
               scans: any AttachmentScanMemo = AttachmentScans()) -> [Diagnostic] {
        var bytes = SiteFixture().files.mapValues { Array($0.utf8) }
        if let community { bytes["content/mazhuang/community.yml"] = Array(community.utf8) }
        let list = files.keys.sorted().map { "{file: \($0)}" }.joined(separator: ", ")
        bytes[folder + "/index.md"] = Array("""
        ---
        title: 马庄村2026年第四季度临时救助公示
        date: 2026-12-05
        category: dibao
        附件: [\(list)]
        \(withdrawn ? "撤回: {date: 2026-12-08, reason: 名单有误}" : "")
        ---
        名单见附件。
        """.utf8)
        for (name, b) in files { bytes[folder + "/" + name] = b }
        let sources = SiteLoader(fs: InMemoryFileSystem(bytes: bytes)).load()
        return ContentParser.parse(sources, scans: scans).diagnostics.filter { $0.file != "content/mazhuang/2024/caiwu-10.md" }
    }

    func summary(_ d: [Diagnostic]) -> [String] {
        d.map { "\($0.code) \($0.file.split(separator: "/").last!):\($0.line):\($0.column) \($0.message.prefix(while: { $0 != "：" }))" }
    }

    func expectNoNumbers(_ d: [Diagnostic], _ numbers: [String]) {
        let all = d.map(\.rendered).joined()
        for n in numbers { #expect(!all.contains(n), "\(n) repeated") }
    }

    // MARK: - PDF

    @Test func aPDFListIsCheckedPageByPage() throws {
        let d = parse(["救助名单.pdf": try Self.fixture("救助名单.pdf")])
        // Page 1 has only codes (an asset number, a hex file name, a credit code, a landline): no alarm.
        #expect(summary(d) == ["GK170 救助名单.pdf:0:0 第 2 页", "GK173 救助名单.pdf:0:0 第 2 页"], "\(d.map(\.rendered))")
        #expect(d.allSatisfy { $0.file == folder + "/救助名单.pdf" && $0.severity == .error })
        #expect(d[0].fix.contains("370102********0041") && d[1].fix.contains("139****5678"))
        expectNoNumbers(d, ["370102198506120041", "13912345678", "139 1234 5678"])
    }

    @Test func aCleanPDFRaisesNothing() throws {
        #expect(parse(["物业公示.pdf": try Self.fixture("物业公示.pdf")]).isEmpty)
    }

    @Test func numbersUnderABoxAndInANoteAreFound() throws {
        let d = parse(["涂黑.pdf": try Self.fixture("涂黑.pdf"), "批注.pdf": try Self.fixture("批注.pdf")])
        #expect(summary(d) == ["GK173 批注.pdf:0:0 第 1 页", "GK173 涂黑.pdf:0:0 第 1 页"], "\(d.map(\.rendered))")
        #expect(d[0].message.contains("批注里有一个手机号码") && d[0].message.contains("下载附件的人都能看到"))
        #expect(d[1].message.contains("这里有一个手机号码"))
    }

    @Test func whatThePDFReaderCannotSeeIsNamed() throws {
        let d = parse(["扫描件.pdf": try Self.fixture("扫描件.pdf"), "加密.pdf": try Self.fixture("加密.pdf"),
                       "损坏.pdf": try Self.fixture("损坏.pdf")])
        #expect(d.map { "\($0.code) \($0.severity) \($0.file.split(separator: "/").last!)" }
                == ["GK176 warning 加密.pdf", "GK176 warning 扫描件.pdf", "GK175 warning 损坏.pdf"], "\(d.map(\.rendered))")
        #expect(d[0].message.contains("打开密码") && d[1].message.contains("没有文字层") && d[2].message.contains("打不开"))
    }

    // MARK: - Word

    @Test func aWordFileIsCheckedWithWhatWordHides() throws {
        let d = parse(["高龄津贴.docx": try Self.fixture("高龄津贴.docx")])
        #expect(summary(d).sorted() == ["GK170 高龄津贴.docx:0:0 正文第 1 个表格第 2 行第 2 列",
                                        "GK172 高龄津贴.docx:0:0 批注 1", "GK173 高龄津贴.docx:0:0 正文第 3 段"], "\(d.map(\.rendered))")
        let hidden = try #require(d.first { $0.code == "GK173" })
        #expect(hidden.message.contains("设成“隐藏”格式的文字里有一个手机号码"))
        #expect(hidden.fix.contains("138****8000"))
        let comment = try #require(d.first { $0.code == "GK172" })
        #expect(comment.message.contains("批注里有一个银行卡号"))
        expectNoNumbers(d, ["11010519491231002X", "13800138000", "6228480123456789015"])
    }

    @Test func aDamagedWordFileIsAWarning() throws {
        let d = parse(["损坏.docx": try Self.fixture("损坏.docx")])
        #expect(d.map(\.code) == ["GK175"], "\(d.map(\.rendered))")
    }

    // MARK: - Excel

    @Test func hiddenRowsColumnsAndSheetsAreReportedAsHidden() throws {
        let d = parse(["低保名单.xlsx": try Self.fixture("低保名单.xlsx")])
        #expect(d.map { "\($0.code) \($0.line):\($0.column)" } == ["GK172 2:2", "GK173 2:2", "GK173 2:4", "GK170 3:2"],
                "\(d.map(\.rendered))")
        let byCode = Dictionary(grouping: d, by: \.code)
        #expect(byCode["GK170"]?.first?.message.hasPrefix("工作表“名单”B3：隐藏的行里有一个 18 位居民身份证号码") == true)
        #expect(d.contains { $0.message.hasPrefix("工作表“名单”D2：隐藏的列里有一个手机号码") })
        #expect(byCode["GK172"]?.first?.message.hasPrefix("工作表“原始数据”B2：隐藏的工作表里") == true)
        #expect(d.contains { $0.message.hasPrefix("工作表“备份”B2：深度隐藏的工作表里") })
        #expect(byCode["GK170"]?.first?.fix.contains("取消隐藏") == true)
        expectNoNumbers(d, ["11010519491231002X", "13912345678", "139 1234 5678", "6222021234567894", "13800138000"])
    }

    @Test func aDamagedWorkbookIsAWarning() throws {
        let d = parse(["损坏.xlsx": try Self.fixture("损坏.xlsx")])
        #expect(d.map(\.code) == ["GK175"], "\(d.map(\.rendered))")
    }

    // MARK: - Allow-list, withdrawal, old formats

    @Test func publicContactsPassInAttachmentsToo() throws {
        let d = parse(["低保名单.xlsx": try Self.fixture("低保名单.xlsx")],
                      community: "name: 马庄村\nkind: 村\npublic_contacts: [138 0013 8000, 139-1234-5678]\n")
        #expect(d.map(\.code) == ["GK172", "GK170"], "\(d.map(\.rendered))")
    }

    @Test func aWithdrawnNoticesAttachmentsAreNotPublishedSoNotChecked() throws {
        #expect(parse(["救助名单.pdf": try Self.fixture("救助名单.pdf")], withdrawn: true).isEmpty)
    }

    @Test func formatsTheGuardCannotReadAreNamed() {
        let d = parse(["会议纪要.doc": Array("\u{D0}\u{CF}".utf8), "照片.jpg": [0xFF, 0xD8, 0xFF]])
        #expect(d.map { "\($0.code) \($0.file.split(separator: "/").last!)" } == ["GK176 会议纪要.doc"], "\(d.map(\.rendered))")
        #expect(d.first?.message.contains(".doc 格式") == true)
    }

    // MARK: - Once per content

    final class CountingScans: AttachmentScanMemo, @unchecked Sendable {
        let inner = AttachmentScans()
        var remembered = 0
        let lock = NSLock()
        func recall(_ key: AttachmentScanKey) -> AttachmentScan? { inner.recall(key) }
        func remember(_ key: AttachmentScanKey, _ scan: AttachmentScan) {
            lock.lock()
            remembered += 1
            lock.unlock()
            inner.remember(key, scan)
        }
    }

    /// The same bytes under two names (and in a second parse with the same
    /// memo) are scanned once; changed bytes are scanned again.
    @Test func eachContentIsScannedOnce() throws {
        let pdf = try Self.fixture("救助名单.pdf")
        let scans = CountingScans()
        let first = parse(["救助名单.pdf": pdf, "副本.pdf": pdf], scans: scans)
        #expect(first.count == 4)
        #expect(scans.remembered == 1)
        #expect(parse(["救助名单.pdf": pdf], scans: scans).count == 2)
        #expect(scans.remembered == 1)
        #expect(parse(["救助名单.pdf": try Self.fixture("涂黑.pdf")], scans: scans).count == 1)
        #expect(scans.remembered == 2)
    }
}
