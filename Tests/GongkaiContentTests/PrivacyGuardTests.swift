@testable import GongkaiContent
import GongkaiCore
import Testing

/// docs/design.md §8. Numbers here are made up; each "valid" one has a correct
/// check digit (computed by hand and by a script), so it must be caught.
struct PrivacyGuardTests {
    struct Hit: CustomTestStringConvertible, Sendable {
        var text: String
        var kind: PrivacyFinding.Kind
        /// 1-based column (characters) where the number starts.
        var column: Int
        var masked: String
        var testDescription: String { text }
    }

    static let hits: [Hit] = [
        // 18-digit IDs (GB 11643 check digit)
        Hit(text: "身份证号110101199003071233，", kind: .residentID18, column: 5, masked: "110101********1233"),
        Hit(text: "11010519491231002X", kind: .residentID18, column: 1, masked: "110105********002X"),
        Hit(text: "张三 11010519491231002x 男", kind: .residentID18, column: 4, masked: "110105********002X"),
        Hit(text: "１１０１０５１９４９１２３１００２Ｘ", kind: .residentID18, column: 1, masked: "110105********002X"),
        Hit(text: "号码：110105 19491231 002X", kind: .residentID18, column: 4, masked: "110105********002X"),
        Hit(text: "号码：110105-1949-1231-002X。", kind: .residentID18, column: 4, masked: "110105********002X"),
        Hit(text: "| 李四 | 370102198506120041 | 3 |", kind: .residentID18, column: 8, masked: "370102********0041"),
        // 15-digit first-generation IDs
        Hit(text: "老证号110105491231002", kind: .residentID15, column: 4, masked: "110105******002"),
        Hit(text: "老证号 110105 491231 002", kind: .residentID15, column: 5, masked: "110105******002"),
        // bank cards (Luhn)
        Hit(text: "卡号6222021234567894", kind: .bankCard, column: 3, masked: "6222 **** **** 7894"),
        Hit(text: "卡号：6222 0212 3456 7894", kind: .bankCard, column: 4, masked: "6222 **** **** 7894"),
        Hit(text: "卡号：6228-4801-2345-6789-015", kind: .bankCard, column: 4, masked: "6228 **** **** 9015"),
        Hit(text: "卡号 6228480123456789015 （农行）", kind: .bankCard, column: 4, masked: "6228 **** **** 9015"),
        // mobiles
        Hit(text: "电话13800138000", kind: .mobile, column: 3, masked: "138****8000"),
        Hit(text: "电话：138 0013 8000", kind: .mobile, column: 4, masked: "138****8000"),
        Hit(text: "电话：138-0013-8000", kind: .mobile, column: 4, masked: "138****8000"),
        Hit(text: "电话：１３８００１３８０００", kind: .mobile, column: 4, masked: "138****8000"),
        Hit(text: "电话：１３８　００１３　８０００", kind: .mobile, column: 4, masked: "138****8000"),
        Hit(text: "电话 +86 138 0013 8000", kind: .mobile, column: 8, masked: "138****8000"),
        Hit(text: "电话 +8613800138000", kind: .mobile, column: 7, masked: "138****8000"),
        Hit(text: "电话 86-139-1234-5678", kind: .mobile, column: 7, masked: "139****5678"),
        Hit(text: "2024-10-08 13800138000", kind: .mobile, column: 12, masked: "138****8000"),
        Hit(text: "王五 19912345678 2人", kind: .mobile, column: 4, masked: "199****5678"),
        Hit(text: "[联系我](tel:13800138000)", kind: .mobile, column: 11, masked: "138****8000"),
        // a grouped mobile, then a count (the lone-digit gap)
        Hit(text: "王五 138 0013 8000 1", kind: .mobile, column: 4, masked: "138****8000"),
        Hit(text: "王五 138-0013-8000-2人", kind: .mobile, column: 4, masked: "138****8000"),
        Hit(text: "王五 138 0013 8000 1 3人", kind: .mobile, column: 4, masked: "138****8000"),
        Hit(text: "王五 １３８　００１３　８０００　１", kind: .mobile, column: 4, masked: "138****8000"),
        // a label or a file extension is not a code
        Hit(text: "Tel13800138000", kind: .mobile, column: 4, masked: "138****8000"),
        Hit(text: "No.138-0013-8000", kind: .mobile, column: 4, masked: "138****8000"),
        Hit(text: "附件：13800138000.pdf", kind: .mobile, column: 4, masked: "138****8000"),
        Hit(text: "张三_13800138000.docx", kind: .mobile, column: 4, masked: "138****8000"),
        Hit(text: "ID11010519491231002X", kind: .residentID18, column: 3, masked: "110105********002X"),
        Hit(text: "11010519491231002X.jpg", kind: .residentID18, column: 1, masked: "110105********002X"),
        Hit(text: "13800138000@163.com", kind: .mobile, column: 1, masked: "138****8000"),
        // blocks assigned by the MIIT, including satellite and virtual operators
        Hit(text: "电话19212345678", kind: .mobile, column: 3, masked: "192****5678"),
        Hit(text: "电话16212345678", kind: .mobile, column: 3, masked: "162****5678"),
        Hit(text: "电话14512345678", kind: .mobile, column: 3, masked: "145****5678"),
        Hit(text: "电话17012345678", kind: .mobile, column: 3, masked: "170****5678"),
        Hit(text: "电话16190123456", kind: .mobile, column: 3, masked: "161****3456"),
        Hit(text: "电话13492123456", kind: .mobile, column: 3, masked: "134****3456"),
        Hit(text: "电话17411123456", kind: .mobile, column: 3, masked: "174****3456"),
        // an ID after a code label is still an ID
        Hit(text: "编号11010519491231002X", kind: .residentID18, column: 3, masked: "110105********002X"),
    ]

    @Test(arguments: hits) func personalNumberIsFound(_ hit: Hit) throws {
        let findings = PrivacyGuard.scan(hit.text)
        #expect(findings.count == 1, "\(findings)")
        let finding = try #require(findings.first)
        #expect(finding.kind == hit.kind)
        #expect(finding.column == hit.column)
        #expect(finding.offset == hit.column - 1)
        #expect(finding.masked == hit.masked)
    }

    static let traps: [String] = [
        // already masked
        "110105********002X", "110101********123X", "138****8000", "138＊＊＊＊8000", "138××××8000",
        "6222 **** **** 7894", "6222********7894",
        // wrong check digits
        "110105194912310021", "11010519491231002", "6222021234567895", "6228 4801 2345 6789 016",
        // an ID shape with a wrong check digit that happens to pass Luhn: a typo, not a card
        "370102198506120043",
        // money
        "12,345,678.00", "合计 13,800,138,000 元", "13800138000.00", "1,234,567,890,123,456", "0.13800138000",
        "12345678901234567", "1234567890123456789012",
        // dates and 文号
        "2024-10-08", "20241008", "2024年10月8日", "2024-10-08 09:30", "马庄村〔2024〕12号", "鲁政办发〔2024〕138号",
        // landlines and service numbers
        "0531-8765 4321", "0531-87654321", "(0531)87654321", "400-800-1234", "800 820 8820", "95588", "12345",
        "010-13800138", "0531 8765 4321 转 8001",
        // embedded in longer digit runs
        "0013800138000", "138001380001", "1234513800138000", "911010519491231002X",
        "6222 0212 3456 7894 123", "00 138 0013 8000",
        // a unified social credit code and a hash
        "91370100MA3C12345X",
        // counts and codes that are short
        "共 1,486 人，412 户", "第 12 号", "邮编 250100",
        // 11 digits starting with 1 in no mobile block (MobilePrefixes)
        "10012345678", "10086123456", "11012345678", "12012345678", "12345678901", "14012345678", "14412345678",
        "15412345678", "16012345678", "16112345678", "16312345678", "16812345678", "16912345678", "17912345678",
        "19412345678", "13490123456", "17413123456", "17415123456", "+86 160 1234 5678",
        // codes: digits glued to Latin letters, directly or through - _ .
        "3f1a13912345678abc.pdf", "a13912345678", "13912345678abc", "ZC-2024-13800138000", "GDZC13800138000",
        "SN13800138000", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "550e8400-e29b-41d4-a716-13800138000a", "build-13800138000-3f1a2b", "v2.13800138000", "11010519491231002Xabc",
        "file_a13800138000b.pdf", "13800138000.tar.gz",
        // a number after a code label
        "订单号：6222021234567894", "交易流水号 13800138000", "SN: 6222 0212 3456 7894", "IMEI 13800138000",
        // a unified social credit code with digits only (GB 32100 check character)
        "913701001630871360", "统一社会信用代码：123701004953043167",
    ]

    @Test(arguments: traps) func falseAlarmTrapPasses(_ text: String) {
        #expect(PrivacyGuard.scan(text).isEmpty, "\(PrivacyGuard.scan(text))")
    }

    @Test func severalNumbersOnSeveralLines() {
        let text = "第一行没有\n张三 13800138000，李四 13900139000\n\n卡号 6222021234567894"
        let findings = PrivacyGuard.scan(text)
        #expect(findings.map(\.kind) == [.mobile, .mobile, .bankCard])
        #expect(findings.map(\.line) == [1, 1, 3])
        #expect(findings.map(\.column) == [4, 19, 4])
        #expect(findings.map(\.offset) == [9, 24, 40])
    }

    @Test func allowListLetsPublishedContactsThrough() {
        let privacy = PrivacyGuard(publicNumbers: ["138-0013-8000", "+86 139 0013 9000", "6222 0212 3456 7894"])
        #expect(privacy.scan("主任 13800138000，副主任 139 0013 9000，账户 6222021234567894").isEmpty)
        #expect(privacy.scan("会计 13700137000").map(\.kind) == [.mobile])
    }

    @Test func messageNeverRepeatsTheNumber() throws {
        for hit in Self.hits {
            let finding = try #require(PrivacyGuard.scan(hit.text).first)
            let d = finding.diagnostic(file: "a.md", line: 1, column: 1)
            let digits = String(hit.text.unicodeScalars.filter { $0.properties.numericType != nil }.map(Character.init))
            let ascii = PrivacyGuard.normalise(digits) ?? ""
            #expect(!d.rendered.contains(ascii), "\(d.rendered)")
            #expect(d.rendered.contains(hit.masked))
            #expect(d.code == hit.kind.code && d.severity == .error)
        }
    }

    /// The fast path (only runs of ≥ 11 digits are decoded and scanned) finds
    /// exactly what a scan of the whole text finds.
    @Test func fastPathAgreesWithAFullScan() {
        var texts = Self.hits.map(\.text) + Self.traps
        texts.append((Self.hits.map(\.text) + Self.traps).joined(separator: "，"))
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        let alphabet: [String] = ["1", "3", "8", "0", "6", "2", "9", "4", " ", "-", ",", ".", "X", "号", "　", "１", "３", "８",
                                  "\n", "13800138000", "11010519491231002X", "6222021234567894", "+86"]
        for _ in 0..<400 {
            var text = ""
            for _ in 0..<60 {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                text += alphabet[Int(seed >> 33) % alphabet.count]
            }
            texts.append(text)
        }
        for text in texts {
            let fast = PrivacyScanner.hits(in: text).map { "\($0.kind)@\($0.start)-\($0.end)" }
            let full = PrivacyScanner(scalars: Array(text.unicodeScalars)).hits().map { "\($0.kind)@\($0.start)-\($0.end)" }
            #expect(fast == full, "\(text)")
        }
    }

    @Test func normaliseStripsSeparatorsAndCountryCode() {
        #expect(PrivacyGuard.normalise("0531-8765 4321") == "053187654321")
        #expect(PrivacyGuard.normalise("+86 138 0013 8000") == "13800138000")
        #expect(PrivacyGuard.normalise("0086 13800138000") == "13800138000")
        #expect(PrivacyGuard.normalise("11010519491231002x") == "11010519491231002X")
        #expect(PrivacyGuard.normalise("村委会") == nil)
    }

    // MARK: - In a site: exact positions in the clerk's file

    let notice = "content/mazhuang/2024/caiwu-10.md"

    @Test func bodyHitPointsAtLineAndColumn() {
        var site = SiteFixture()
        site[notice] = "---\ntitle: 通知\ndate: 2024-11-05\ncategory: caiwu\n---\n\n现将名单公布如下。\n\n| 姓名 | 身份证号 |\n| --- | --- |\n| 张三 | 11010519491231002X |\n"
        let d = site.parse().diagnostics
        #expect(d.map(\.code) == ["GK170"])
        #expect(d.first?.line == 11)
        #expect(d.first?.column == 8)
        #expect(d.first?.fix.contains("110105********002X") == true)
        #expect(d.first?.rendered.contains("11010519491231002X") == false)
    }

    @Test func frontMatterValuesPointAtTheirColumn() {
        var site = SiteFixture()
        site[notice] = """
        ---
        title: 关于张三（身份证 11010519491231002X）低保的公示
        date: 2024-11-05
        category: caiwu
        summary: "联系人 李四 138 0013 8000"
        tags: [低保, "13900139000"]
        number: 马庄村〔2024〕12号
        attachments:
          - {file: mingxi.pdf, title: 王五 6222021234567894 明细}
        ---
        正文
        """
        site["content/mazhuang/2024/mingxi.pdf"] = MinimalPDF.make()
        let d = site.parse().diagnostics
        #expect(d.map { "\($0.code)@\($0.line):\($0.column)" } == ["GK170@2:17", "GK173@5:18", "GK173@6:13", "GK172@9:34"])
    }

    @Test func blockScalarSummaryIsLocated() {
        var site = SiteFixture()
        site[notice] = "---\ntitle: 通知\ndate: 2024-11-05\ncategory: caiwu\nsummary: |\n  第一行\n  联系 13800138000\n---\n正文\n"
        let d = site.parse().diagnostics
        #expect(d.map { "\($0.code)@\($0.line):\($0.column)" } == ["GK173@7:6"])
    }

    @Test func numberSplitByMarkdownIsStillCaught() {
        var site = SiteFixture()
        site[notice] = "---\ntitle: 通知\ndate: 2024-11-05\ncategory: caiwu\n---\n\n身份证 1101**05194912**31002X\n"
        let d = site.parse().diagnostics
        #expect(d.map(\.code) == ["GK170"])
        #expect(d.first?.line == 6)
        #expect(d.first?.message.contains("排版后") == true)
    }

    @Test func publicContactsInCommunityYmlPass() {
        var site = SiteFixture()
        site["content/mazhuang/community.yml"] = """
        name: 马庄村
        kind: 村
        phone: 138 0013 8000
        public_contacts:
          - 139-0013-9000
          - {name: 村集体基本账户, number: 6222 0212 3456 7894}
          - 村委会
        """
        site[notice] = "---\ntitle: 通知\ndate: 2024-11-05\ncategory: caiwu\n---\n主任 13800138000，会计 13900139000，账户 6222021234567894，张三 13700137000。\n"
        let d = site.parse().diagnostics
        #expect(d.map { "\($0.code)@\($0.file):\($0.line)" } == ["GK173@\(notice):6",
                                                                 "GK174@content/mazhuang/community.yml:7"])
        // The allow-list is per community: the same numbers in 新华社区 are caught.
        site["content/xinhua/2024/wuye.md"] = "---\ntitle: 通知\ndate: 2024-11-05\ncategory: juwu\n---\n联系 13900139000\n"
        #expect(site.parse().diagnostics.contains { $0.file == "content/xinhua/2024/wuye.md" && $0.code == "GK173" })
    }

    @Test func siteAndCommunityFilesAreScannedToo() {
        var site = SiteFixture()
        site["content/xinhua/community.yml"] = "name: 新华社区\nkind: 社区\ndescription: 联系人 13700137000\n"
        site["content/site.yml"] = site["content/site.yml"]! + "\ndescription: 热线 13600136000\npublic_contacts: [0531-12345]\n"
        let d = site.parse().diagnostics
        #expect(d.map { "\($0.code)@\($0.file):\($0.line):\($0.column)" }
                == ["GK173@content/site.yml:11:17", "GK173@content/xinhua/community.yml:3:18"])
    }

    @Test func fileNameIsScanned() {
        var site = SiteFixture()
        site["content/mazhuang/2024/13800138000.md"] = "---\ntitle: 通知\ndate: 2024-11-05\ncategory: caiwu\n---\n正文\n"
        #expect(site.parse().diagnostics.map(\.code) == ["GK173"])
    }

    @Test func exampleSiteWordingPasses() {
        #expect(SiteFixture().parse().diagnostics.isEmpty)
    }
}
