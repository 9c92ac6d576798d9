import Foundation
import GongkaiBuild
import GongkaiCore
import GongkaiLedger
import Testing

/// `gongkai verify` against every kind of edit of a built site a resident
/// could be misled by (docs/ledger.md, “核对能发现什么”): each is caught
/// with the site folder and with only the downloaded public/, and names
/// the notice and what differs. Pages made by another gongkai or theme are
/// told apart from tampering where the page allows it.
@Suite struct VerifyTamperTests {
    static let clock = FixedClock(epochSeconds: 1_735_700_000)

    /// A built town whose ledger recorded everything.
    func built() throws -> FixtureSite {
        let site = try FixtureSite()
        let report = SiteBuilder(fs: LocalFileSystem(root: site.root.path), clock: Self.clock)
            .run(.init(siteRoot: site.root.path, output: site.output.path, recordLedger: true))
        #expect(report.succeeded, "\(report.diagnostics.map(\.rendered))")
        return site
    }

    /// Verify's report, without the one warning a site without its folder
    /// always gets: the body of mazhuang/2025/jiesuan reads a table file
    /// that public/ does not carry, so it is not compared (checked apart).
    func verify(_ site: FixtureSite, withSite: Bool) -> LedgerVerifier.Report {
        var report = LedgerVerifier(output: site.output.path, siteRoot: withSite ? site.root.path : nil).run()
        if !withSite {
            let before = report.diagnostics.count
            report.diagnostics.removeAll { $0.code == "GK169" && $0.message.contains("jiesuan 的正文有从 .csv/.xlsx 文件读入的表格") }
            #expect(report.diagnostics.count == before - 1)
        }
        return report
    }

    /// Replaces `old` with `new` in a file of the output (and drops its .gz
    /// copy, as a careful tamperer would, so only the edit itself is found).
    func tamper(_ site: FixtureSite, _ path: String, _ old: String, _ new: String) throws {
        let url = site.output.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(old), "\(path) has no “\(old)”")
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
        try? FileManager.default.removeItem(at: url.appendingPathExtension("gz"))
    }

    static let caiwu = "mazhuang/2024/caiwu-12/index.html"
    static let jiesuan = "mazhuang/2025/jiesuan/index.html"

    struct Tamper: CustomTestStringConvertible, Sendable {
        var name: String
        var path: String
        var old: String
        var new: String
        /// A part of the message naming what differs.
        var says: String
        var testDescription: String { name }
    }

    static let pageTampers: [Tamper] = [
        Tamper(name: "title", path: caiwu, old: ">马庄村2024年12月财务收支公开</h1>", new: ">柳河村2024年12月财务收支公开</h1>",
               says: "标题与账本记录的不同：页面上是“柳河村2024年12月财务收支公开”"),
        Tamper(name: "文号", path: caiwu, old: "马庄村〔2024〕12号</dd>", new: "马庄村〔2024〕13号</dd>", says: "文号"),
        Tamper(name: "issuer", path: caiwu, old: "data-gongkai-fact=\"issuer\">马庄村村民委员会", new: "data-gongkai-fact=\"issuer\">青山镇人民政府",
               says: "发布单位"),
        Tamper(name: "date shown", path: caiwu, old: "data-gongkai-fact=\"date\">2024年12月31日", new: "data-gongkai-fact=\"date\">2024年12月30日",
               says: "发布日期"),
        Tamper(name: "date attribute", path: caiwu, old: "datetime=\"2024-12-31\" data-gongkai-fact=\"date\"",
               new: "datetime=\"2024-12-30\" data-gongkai-fact=\"date\"", says: "发布日期"),
        Tamper(name: "公示期 end", path: caiwu, old: "data-gongkai-fact=\"period-to\">2025年1月5日", new: "data-gongkai-fact=\"period-to\">2025年1月15日",
               says: "公示期的结束日期"),
        Tamper(name: "review", path: jiesuan, old: "data-gongkai-fact=\"reviewed\">马庄村村务监督委员会", new: "data-gongkai-fact=\"reviewed\">马庄村党支部",
               says: "审核"),
        Tamper(name: "objection phone", path: caiwu, old: "data-gongkai-fact=\"phone\">0531-8765 4321", new: "data-gongkai-fact=\"phone\">0531-8765 9999",
               says: "异议联系电话与账本记录的不同：页面上是“0531-8765 9999”，记录的是“0531-8765 4321”"),
        Tamper(name: "objection committee", path: caiwu, old: "data-gongkai-fact=\"supervision\">马庄村村务监督委员会",
               new: "data-gongkai-fact=\"supervision\">马庄村村委会", says: "受理异议的监督委员会"),
        Tamper(name: "objection deadline", path: caiwu, old: "data-gongkai-fact=\"objection\">2025年1月5日", new: "data-gongkai-fact=\"objection\">2025年1月2日",
               says: "异议截止日期"),
        Tamper(name: "attachment title", path: jiesuan, old: "data-gongkai-fact=\"attachment\">结算审核报告", new: "data-gongkai-fact=\"attachment\">审计报告",
               says: "附件“jiesuan.pdf”的名称"),
        Tamper(name: "attachment link", path: jiesuan, old: "href=\"jiesuan.pdf\" data-gongkai-fact=\"attachment\"",
               new: "href=\"jiesuan2.pdf\" data-gongkai-fact=\"attachment\"", says: "jiesuan2.pdf"),
        Tamper(name: "body", path: caiwu, old: "请村民监督", new: "请村民放心", says: "页面正文与它的原文"),
        Tamper(name: "table in the body", path: jiesuan, old: "<td class=\"num\">586,320.00</td>", new: "<td class=\"num\">568,320.00</td>",
               says: "页面正文"),
    ]

    /// Each edit of a page is an error naming the notice and what differs,
    /// with the site folder and without it (a table in the body needs the
    /// site folder's table file; without it the body is not checked, and
    /// verify says so).
    @Test(arguments: pageTampers)
    func anEditedPageIsCaught(_ t: Tamper) throws {
        let site = try built()
        defer { site.remove() }
        #expect(verify(site, withSite: true).diagnostics.filter { $0.severity == .error }.isEmpty)
        try tamper(site, t.path, t.old, t.new)
        let id = String(t.path.dropLast("/index.html".count))
        for withSite in [true, false] {
            let report = verify(site, withSite: withSite)
            let errors = report.diagnostics.filter { $0.severity == .error }
            if t.name == "table in the body" && !withSite {
                #expect(errors.isEmpty && report.diagnostics.isEmpty)
                continue
            }
            #expect(!report.succeeded, "\(t.name), site folder: \(withSite)")
            #expect(errors.contains { $0.code == "GK167" && $0.message.contains(id) && $0.message.contains(t.says) },
                    "\(t.name), site folder: \(withSite): \(report.diagnostics.map(\.rendered))")
        }
        // The independent script reads the facts written as plain text.
        if ["title", "文号", "issuer", "objection phone", "objection committee"].contains(t.name) {
            #expect(try runScript(site) == 1)
        }
    }

    @Test func aReplacedAttachmentIsCaught() throws {
        let site = try built()
        defer { site.remove() }
        let pdf = site.output.appendingPathComponent("mazhuang/2025/jiesuan/jiesuan.pdf")
        var bytes = try Data(contentsOf: pdf)
        bytes[bytes.count / 2] ^= 1
        try bytes.write(to: pdf)
        for withSite in [true, false] {
            let report = verify(site, withSite: withSite)
            #expect(report.diagnostics.map { "\($0.code) \($0.file.split(separator: "/").last!)" } == ["GK167 jiesuan.pdf"])
            #expect(report.diagnostics.first?.message.contains("附件“jiesuan.pdf”与账本记录的不同") == true)
        }
        // The independent script sees it too.
        #expect(try runScript(site) == 1)
    }

    @Test func aMissingOrAddedAttachmentIsCaught() throws {
        let site = try built()
        defer { site.remove() }
        let folder = site.output.appendingPathComponent("mazhuang/2025/jiesuan")
        try Data("%PDF-1.4 另一份".utf8).write(to: folder.appendingPathComponent("补充说明.pdf"))
        var report = verify(site, withSite: false)
        #expect(report.diagnostics.map(\.code) == ["GK167"])
        #expect(report.diagnostics.first?.message.contains("多了一个账本里没有记录的文件“补充说明.pdf”") == true)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("补充说明.pdf"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("jiesuan.pdf"))
        report = verify(site, withSite: false)
        #expect(report.diagnostics.map(\.code) == ["GK168"])
        #expect(try runScript(site) == 1)
    }

    /// A notice without attachments or table files publishes no files.sha256
    /// (its entry records the empty list); one with files needs its list.
    @Test func onlyANoticeWithFilesHasAFileList() throws {
        let site = try built()
        defer { site.remove() }
        let fm = FileManager.default
        #expect(!fm.fileExists(atPath: site.output.appendingPathComponent("mazhuang/2024/caiwu-12/files.sha256").path))
        #expect(fm.fileExists(atPath: site.output.appendingPathComponent("mazhuang/2025/jiesuan/files.sha256").path))
        for withSite in [true, false] { #expect(verify(site, withSite: withSite).succeeded) }
        #expect(try runScript(site) == 0)
        // A list put beside a notice that has no files must be the empty one.
        try Data("\(String(repeating: "0", count: 64))  caiwu.pdf\n".utf8)
            .write(to: site.output.appendingPathComponent("mazhuang/2024/caiwu-12/files.sha256"))
        #expect(verify(site, withSite: false).diagnostics.contains { $0.code == "GK167" && $0.file.hasSuffix("caiwu-12/files.sha256") })
        try fm.removeItem(at: site.output.appendingPathComponent("mazhuang/2024/caiwu-12/files.sha256"))
        // The list of a notice with files, removed.
        try fm.removeItem(at: site.output.appendingPathComponent("mazhuang/2025/jiesuan/files.sha256"))
        #expect(verify(site, withSite: false).diagnostics.map(\.code) == ["GK168"])
        #expect(try runScript(site) == 1)
    }

    /// Editing the records to match an edited page breaks their hashes in
    /// the ledger.
    @Test func editedRecordsDoNotMatchTheLedger() throws {
        let site = try built()
        defer { site.remove() }
        try tamper(site, Self.caiwu, "data-gongkai-fact=\"phone\">0531-8765 4321", "data-gongkai-fact=\"phone\">0531-8765 9999")
        try tamper(site, "mazhuang/2024/caiwu-12/facts.txt", "phone: 0531-8765 4321", "phone: 0531-8765 9999")
        let report = verify(site, withSite: false)
        #expect(report.diagnostics.contains { $0.code == "GK167" && $0.file.hasSuffix("caiwu-12/facts.txt") })
        #expect(try runScript(site) == 1)
        try tamper(site, "mazhuang/2025/jiesuan/files.sha256", "  jiesuan.pdf", "  jiesuan-old.pdf")
        #expect(verify(site, withSite: false).diagnostics.contains { $0.code == "GK167" && $0.file.hasSuffix("jiesuan/files.sha256") })
    }

    @Test func aCompressedCopyThatDiffersIsCaught() throws {
        let site = try built()
        defer { site.remove() }
        let page = site.output.appendingPathComponent(Self.caiwu)
        let gz = page.appendingPathExtension("gz")
        #expect(FileManager.default.fileExists(atPath: gz.path))
        // A copy of another page, as a server would send it instead.
        try Data(contentsOf: site.output.appendingPathComponent(Self.jiesuan + ".gz")).write(to: gz)
        let report = verify(site, withSite: false)
        #expect(report.diagnostics.map { "\($0.code) \($0.file.split(separator: "/").suffix(2).joined(separator: "/"))" }
                == ["GK167 caiwu-12/index.html.gz"])
    }

    /// A page made by an older gongkai or by a theme that does not mark the
    /// facts: no false alarm, but verify says what it could not check.
    @Test func aPageOfAnotherGongkaiOrThemeIsNotAnError() throws {
        let site = try built()
        defer { site.remove() }
        let url = site.output.appendingPathComponent(Self.caiwu)
        var html = try String(contentsOf: url, encoding: .utf8)
        // No facts marked, and the body's markup written another way.
        html = html.replacingOccurrences(of: #" data-gongkai-facts="1""#, with: "")
        html = html.replacingOccurrences(of: #" data-gongkai-fact="[a-z-]+""#, with: "", options: .regularExpression)
        html = html.replacingOccurrences(of: "<table>", with: "<table class=\"ledger\">")
        try html.write(to: url, atomically: true, encoding: .utf8)
        try? FileManager.default.removeItem(at: url.appendingPathExtension("gz"))
        for withSite in [true, false] {
            let report = verify(site, withSite: withSite)
            #expect(report.succeeded, "\(report.diagnostics.map(\.rendered))")
            #expect(report.diagnostics.map(\.code) == ["GK169", "GK169"])
            #expect(report.diagnostics.contains { $0.message.contains("没有标出标题、日期、联系人等信息") })
            #expect(report.diagnostics.contains { $0.message.contains("HTML 写法不同") })
        }
        // A theme of the site's own that marks the facts is checked like the default.
        try site.write("templates/notice.mustache", """
        {{<base}}{{$main}}<article data-gongkai-facts="1"><h1 data-gongkai-fact="title">{{title}}</h1>\
        <p>{{#number}}<span data-gongkai-fact="number">{{.}}</span>{{/number}}</p><div>{{{body}}}</div>{{>notice-record}}\
        </article>{{/main}}{{/base}}
        """)
        let rebuilt = SiteBuilder(fs: LocalFileSystem(root: site.root.path), clock: Self.clock)
            .run(.init(siteRoot: site.root.path, output: site.output.path, recordLedger: true))
        #expect(rebuilt.succeeded)
        var report = verify(site, withSite: true)
        #expect(report.succeeded, "\(report.diagnostics.map(\.rendered))")
        #expect(report.diagnostics.allSatisfy { $0.code == "GK169" && $0.message.contains("没有标出") })
        try tamper(site, Self.caiwu, "马庄村〔2024〕12号", "马庄村〔2024〕21号")
        report = verify(site, withSite: false)
        #expect(report.diagnostics.contains { $0.code == "GK167" && $0.message.contains("文号与账本记录的不同") })
    }

    /// A site built by a gongkai before format 2 (no facts and files in the
    /// ledger, none published): it still verifies, and the first build with
    /// this gongkai records them once per notice (`updated`).
    @Test func aFormatOneSiteVerifiesAndIsUpgradedOnce() throws {
        let site = try built()
        defer { site.remove() }
        // Make the site as format 1 would have: entries without facts and files, re-chained.
        let path = site.root.appendingPathComponent(Ledger.path)
        let (ledger, _) = Ledger.parse(jsonLines: Array(try Data(contentsOf: path)))
        var old = Ledger()
        for e in ledger.entries {
            old.append(id: NoticeID(e.id)!, event: e.event, version: e.version, revisions: e.revisions, time: e.time)
        }
        try Data(old.jsonLines).write(to: path)
        let rebuilt = SiteBuilder(fs: LocalFileSystem(root: site.root.path), clock: Self.clock)
            .run(.init(siteRoot: site.root.path, output: site.output.path, recordLedger: false))
        #expect(rebuilt.succeeded)
        for e in FileManager.default.enumerator(atPath: site.output.path)!.compactMap({ $0 as? String })
        where e.hasSuffix("facts.txt") || e.hasSuffix("files.sha256") {
            try FileManager.default.removeItem(at: site.output.appendingPathComponent(e))
        }
        var report = verify(site, withSite: true)
        #expect(report.succeeded, "\(report.diagnostics.map(\.rendered))")
        #expect(try runScript(site) == 0)
        // Upgrading: one `updated` entry per notice, then nothing more.
        let upgrade = SiteBuilder(fs: LocalFileSystem(root: site.root.path), clock: FixedClock(epochSeconds: 1_736_000_000))
            .run(.init(siteRoot: site.root.path, output: site.output.path, recordLedger: true))
        #expect(upgrade.succeeded)
        let after = Ledger.parse(jsonLines: Array(try Data(contentsOf: path))).0.entries
        #expect(after.count == old.entries.count + 4)
        #expect(after.suffix(4).allSatisfy { $0.event == .updated && $0.facts != nil && $0.files != nil })
        #expect(Array(after.prefix(old.entries.count)) == old.entries)
        report = verify(site, withSite: true)
        #expect(report.succeeded && report.diagnostics.isEmpty, "\(report.diagnostics.map(\.rendered))")
        #expect(try runScript(site) == 0)
    }

    /// In the site folder, a replaced attachment is a silent edit (GK162)
    /// naming the file; the objection contact changed in community.yml is
    /// recorded (`updated`), and verify before the rebuild says the site
    /// folder and the site differ.
    @Test func changesInTheSiteFolderAreRecordedOrRefused() throws {
        let site = try built()
        defer { site.remove() }
        let pdf = site.root.appendingPathComponent("content/mazhuang/2025/jiesuan/jiesuan.pdf")
        let original = try Data(contentsOf: pdf)
        var changed = original
        changed[changed.count / 2] ^= 1
        try changed.write(to: pdf)
        let refused = SiteBuilder(fs: LocalFileSystem(root: site.root.path), clock: Self.clock)
            .run(.init(siteRoot: site.root.path, output: site.output.path, recordLedger: true))
        #expect(refused.diagnostics.map(\.code) == ["GK162"])
        #expect(refused.diagnostics.first?.message.contains("“jiesuan.pdf”被换掉或改动了") == true)
        try original.write(to: pdf)

        try site.write("content/mazhuang/community.yml", "name: 马庄村\nkind: 村\nphone: 0531-8765 5555\naddress: 马庄村村部\norder: 1\n")
        let stale = verify(site, withSite: true)
        #expect(stale.succeeded)
        #expect(stale.diagnostics.contains { $0.code == "GK169" && $0.message.contains("异议联系电话") })
        let recorded = SiteBuilder(fs: LocalFileSystem(root: site.root.path), clock: Self.clock)
            .run(.init(siteRoot: site.root.path, output: site.output.path, recordLedger: true))
        #expect(recorded.succeeded, "\(recorded.diagnostics.map(\.rendered))")
        let entries = Ledger.parse(jsonLines: Array(try Data(contentsOf: site.root.appendingPathComponent(Ledger.path)))).0.entries
        // The notices that show the objection contact (the correction has no 公示期).
        #expect(entries.suffix(2).map { "\($0.event) \($0.id)" } == ["updated mazhuang/2024/caiwu-12", "updated mazhuang/2025/jiesuan"])
        #expect(verify(site, withSite: false).diagnostics.isEmpty)
    }

    func runScript(_ site: FixtureSite) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", FixtureSite.repositoryRoot.appendingPathComponent("docs/verify_ledger.py").path, site.output.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
