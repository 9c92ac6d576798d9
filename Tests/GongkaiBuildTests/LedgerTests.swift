import Foundation
import GongkaiBuild
import GongkaiCore
import GongkaiLedger
import Testing

/// The integrity ledger (docs/ledger.md): what a build records, what it
/// refuses (silent edits, vanished notices, a broken chain), what the site
/// publishes, and `gongkai verify` against hand-edited output.
@Suite struct LedgerTests {
    static let day1 = FixedClock(epochSeconds: 1_735_700_000)  // 2025-01-01T02:53:20Z
    static let day2 = FixedClock(epochSeconds: 1_736_000_000)

    func build(_ site: FixtureSite, clock: any SiteClock = day1, record: Bool = true,
               check: Bool = false) -> SiteBuilder.Report {
        SiteBuilder(fs: LocalFileSystem(root: site.root.path), clock: clock)
            .run(.init(siteRoot: site.root.path, output: check ? nil : site.output.path, recordLedger: record))
    }

    func ledger(_ site: FixtureSite) -> [LedgerEntry] {
        let bytes = (try? LocalFileSystem(root: site.root.path).read(Ledger.path)) ?? []
        let (ledger, problems) = Ledger.parse(jsonLines: bytes)
        #expect(problems.isEmpty)
        return ledger.entries
    }

    func read(_ site: FixtureSite, _ path: String) -> String {
        (try? String(contentsOf: site.output.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    func verify(_ site: FixtureSite) -> LedgerVerifier.Report {
        LedgerVerifier(output: site.output.path, siteRoot: site.root.path).run()
    }

    func edit(_ site: FixtureSite, _ path: String, _ change: (String) -> String) throws {
        let url = site.root.appendingPathComponent(path)
        try change(String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
    }

    static let notice = "content/xinhua/2025/wuye.md"

    @Test func firstBuildRecordsEveryNoticeOnceWithTheInjectedTime() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let report = build(site)
        #expect(report.succeeded)
        let entries = ledger(site)
        #expect(entries.map(\.id) == ["mazhuang/2024/caiwu-12", "mazhuang/2025/caiwu-12-gengzheng",
                                      "mazhuang/2025/jiesuan", "xinhua/2025/wuye"])
        #expect(entries.allSatisfy { $0.event == .published && $0.time == "2025-01-01T02:53:20Z" })
        #expect(Ledger.check(entries).isEmpty)
        // Nothing changed: nothing recorded, and the no-op cache still works
        // (on the same day: the overview depends on the day).
        #expect(build(site).upToDate)
        #expect(!build(site, clock: Self.day2, check: true).upToDate)
        #expect(build(site, clock: Self.day2).succeeded)
        #expect(ledger(site) == entries)
        #expect(verify(site).succeeded)
        #expect(verify(site).notices == 4)
    }

    @Test func publishedVersionIsTheSHA256OfNoticeTxt() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        #expect(build(site).succeeded)
        let text = try Data(contentsOf: site.output.appendingPathComponent("xinhua/2025/wuye/notice.txt"))
        let source = try Data(contentsOf: site.root.appendingPathComponent(Self.notice))
        #expect(text == source)
        let version = SHA256.hex(Array(text))
        #expect(ledger(site).last?.version == version)
        #expect(read(site, "xinhua/2025/wuye/index.html").contains("data-gongkai-version=\"\(version)\""))
        #expect(read(site, "ledger.json").contains(version))
        #expect(read(site, "api/notices.json").contains("\"version\":\"\(version)\""))
        #expect(read(site, "ledger/xinhua/index.html").contains(version))
    }

    @Test func silentEditIsAnErrorAndNothingIsWritten() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        #expect(build(site).succeeded)
        let before = FixtureSite.snapshot(site.output)
        let recorded = ledger(site)
        try edit(site, Self.notice) { $0.replacingOccurrences(of: "收支情况如下", with: "收支情况如下（已调整）") }
        let report = build(site, clock: Self.day2)
        #expect(!report.succeeded)
        #expect(report.diagnostics.map(\.code) == ["GK162"])
        #expect(report.diagnostics.first?.file == Self.notice)
        #expect(report.diagnostics.first?.message.contains("xinhua/2025/wuye") == true)
        #expect(FixtureSite.snapshot(site.output) == before)
        #expect(ledger(site) == recorded)
        // `check` finds it too, and a preview refuses it as well.
        #expect(build(site, clock: Self.day2, check: true).diagnostics.map(\.code) == ["GK162"])
        #expect(build(site, clock: Self.day2, record: false).diagnostics.map(\.code) == ["GK162"])
    }

    @Test func revisionRecordIsAcceptedRecordedAndShown() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        #expect(build(site).succeeded)
        try edit(site, Self.notice) {
            $0.replacingOccurrences(of: "tags: [物业]", with: "tags: [物业]\nrevisions:\n  - {date: 2025-02-10, what: 补充电梯维保费明细, why: 业主代表询问}")
              .replacingOccurrences(of: "收支情况如下。", with: "收支情况如下，其中电梯维保费 3 台。")
        }
        let report = build(site, clock: Self.day2)
        #expect(report.succeeded, "\(report.diagnostics.map(\.rendered))")
        let last = try #require(ledger(site).last)
        #expect(last.id == "xinhua/2025/wuye" && last.event == .revised && last.revisions == 1)
        #expect(last.seq == 5 && last.time == "2025-01-04T14:13:20Z")
        let page = read(site, "xinhua/2025/wuye/index.html")
        #expect(page.contains("修订记录") && page.contains("补充电梯维保费明细") && page.contains("业主代表询问"))
        #expect(page.contains("本公告的版本记录") && page.contains("（2 个版本）"))
        #expect(read(site, "ledger/xinhua/index.html").contains("补充电梯维保费明细"))
        #expect(verify(site).succeeded)
        // A second change needs a second entry.
        try edit(site, Self.notice) { $0.replacingOccurrences(of: "3 台", with: "4 台") }
        #expect(build(site, clock: Self.day2).diagnostics.map(\.code) == ["GK162"])
    }

    @Test func withdrawalKeepsAPageWithoutTheBody() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        #expect(build(site).succeeded)
        try edit(site, "content/mazhuang/2025/jiesuan/index.md") {
            $0.replacingOccurrences(of: "\n---\n", with: "\n撤回: {date: 2025-03-20, reason: 工程结算尚未经镇经管站审计，数字有误}\n---\n")
        }
        let report = build(site, clock: Self.day2)
        #expect(report.succeeded, "\(report.diagnostics.map(\.rendered))")
        #expect(ledger(site).last.map { "\($0.id) \($0.event)" } == "mazhuang/2025/jiesuan withdrawn")
        let page = read(site, "mazhuang/2025/jiesuan/index.html")
        #expect(page.contains("本公告已于<time datetime=\"2025-03-20\" data-gongkai-fact=\"withdrawn\">2025年3月20日</time>撤回"))
        #expect(page.contains("撤回原因：<span data-gongkai-fact=\"reason\">工程结算尚未经镇经管站审计，数字有误</span>"))
        let source = try String(contentsOf: site.root.appendingPathComponent("content/mazhuang/2025/jiesuan/index.md"), encoding: .utf8)
        let body = try #require(source.components(separatedBy: "\n---\n").last?.split(separator: "\n").first)
        #expect(!page.contains(String(body)))
        #expect(!read(site, "mazhuang/2025/jiesuan/notice.txt").contains(String(body)))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("mazhuang/2025/jiesuan/jiesuan.pdf").path))
        #expect(!read(site, "feed.xml").contains(String(body)))
        #expect(read(site, "mazhuang/index.html").contains("已撤回"))
        #expect(read(site, "api/notices.json").contains("\"status\":\"withdrawn\""))
        #expect(verify(site).succeeded)
    }

    @Test func deletedNoticeIsAnError() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        #expect(build(site).succeeded)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(Self.notice))
        let report = build(site, clock: Self.day2)
        #expect(report.diagnostics.map(\.code) == ["GK163"])
        #expect(report.diagnostics.first?.file == Self.notice)
    }

    @Test func correctionBannerLinksBothWays() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        #expect(build(site).succeeded)
        let old = read(site, "mazhuang/2024/caiwu-12/index.html")
        #expect(old.contains("本公告已于 2025年1月3日 更正"))
        #expect(old.contains("href=\"../../../mazhuang/2025/caiwu-12-gengzheng/index.html\""))
        let correction = read(site, "mazhuang/2025/caiwu-12-gengzheng/index.html")
        #expect(correction.contains("本公告更正了 <a href=\"../../../mazhuang/2024/caiwu-12/index.html\""))
        #expect(read(site, "api/notices.json").contains("\"status\":\"corrected\",\"summary\""))
        #expect(read(site, "api/notices.json").contains("\"superseded_by\":\"mazhuang/2025/caiwu-12-gengzheng\""))
    }

    @Test func verifyNamesAHandEditedPage() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        #expect(build(site).succeeded)
        let page = site.output.appendingPathComponent("xinhua/2025/wuye/index.html")
        let html = try String(contentsOf: page, encoding: .utf8)
        try html.replacingOccurrences(of: "收支情况如下", with: "收支情况如上").write(to: page, atomically: true, encoding: .utf8)
        let report = verify(site)
        #expect(!report.succeeded)
        // The page, and the compressed copy that servers send instead of it.
        #expect(report.diagnostics.map { "\($0.code) \($0.file.split(separator: "/").suffix(2).joined(separator: "/"))" }
                == ["GK167 wuye/index.html", "GK167 wuye/index.html.gz"], "\(report.diagnostics.map(\.rendered))")
        // notice.txt edited to match: its hash matches no recorded version.
        let text = site.output.appendingPathComponent("xinhua/2025/wuye/notice.txt")
        try String(contentsOf: text, encoding: .utf8).replacingOccurrences(of: "收支情况如下", with: "收支情况如上")
            .write(to: text, atomically: true, encoding: .utf8)
        let again = verify(site)
        #expect(again.diagnostics.contains { $0.code == "GK167" && $0.file.hasSuffix("wuye/notice.txt") })
    }

    @Test func tamperedLedgerBreaksTheChain() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        #expect(build(site).succeeded)
        let path = site.root.appendingPathComponent(Ledger.path)
        let lines = try String(contentsOf: path, encoding: .utf8).split(separator: "\n").map(String.init)
        // Rewrite the second entry's version, as if a different text had been published.
        var tampered = lines
        tampered[1] = tampered[1].replacingOccurrences(of: "\"version\":\"", with: "\"version\":\"0")
        try (tampered.joined(separator: "\n") + "\n").write(to: path, atomically: true, encoding: .utf8)
        let report = build(site, clock: Self.day2)
        #expect(report.diagnostics.map { "\($0.code)@\($0.line)" } == ["GK164@2"] || report.diagnostics.contains { $0.code == "GK165" })
        #expect(!report.succeeded)
        #expect(!verify(site).succeeded)
        // Dropping a line: one problem at the gap, not one per later entry.
        var dropped = lines
        dropped.remove(at: 1)
        try (dropped.joined(separator: "\n") + "\n").write(to: path, atomically: true, encoding: .utf8)
        let gap = build(site, clock: Self.day2).diagnostics.filter { $0.code == "GK165" }
        #expect(gap.map(\.line) == [2, 2])
        // The published ledger.json is checked on its own, too.
        try (lines.joined(separator: "\n") + "\n").write(to: path, atomically: true, encoding: .utf8)
        let json = site.output.appendingPathComponent("ledger.json")
        try String(contentsOf: json, encoding: .utf8).replacingOccurrences(of: "\"seq\":2", with: "\"seq\":7")
            .write(to: json, atomically: true, encoding: .utf8)
        #expect(LedgerVerifier(output: site.output.path, siteRoot: nil).run().diagnostics.map(\.code).contains("GK165"))
    }

    @Test func previewRecordsNothingAndTheNextBuildDoes() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let preview = build(site, record: false)
        #expect(preview.succeeded)
        #expect(ledger(site).isEmpty)
        // The preview publishes only what is recorded (its output does not
        // depend on the clock); the history says the notice is not recorded yet.
        #expect(read(site, "ledger.json").contains("\"count\":0"))
        #expect(read(site, "ledger/xinhua/index.html").contains("还没有记入账本"))
        #expect(read(site, "xinhua/2025/wuye/index.html").contains("data-gongkai-version"))
        let real = build(site)
        #expect(!real.upToDate)
        #expect(ledger(site).count == 4)
        #expect(build(site).upToDate)
        // A draft is never recorded.
        try site.write("content/xinhua/2025/draft.md", "---\ntitle: 草稿\ndate: 2025-03-01\ncategory: juwu\ndraft: true\n---\n草稿正文\n")
        #expect(build(site, clock: Self.day2).succeeded)
        #expect(ledger(site).count == 4)
    }

    @Test func commandLineBuildRecordsAndVerifyExitsOneNamingThePage() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let cli = CommandLineTests()
        #expect(try cli.run(["build", "--site", site.root.path, "--quiet"]).status == 0)
        #expect(ledger(site).count == 4)
        let ok = try cli.run(["verify", "--site", site.root.path])
        #expect(ok.status == 0 && ok.out.contains("核对通过：4 篇公告、4 条账本记录"))
        let page = site.output.appendingPathComponent("xinhua/2025/wuye/index.html")
        try String(contentsOf: page, encoding: .utf8).replacingOccurrences(of: "收支情况如下", with: "收支情况如上")
            .write(to: page, atomically: true, encoding: .utf8)
        let bad = try cli.run(["verify", "--site", site.root.path, "--output", site.output.path])
        #expect(bad.status == 1)
        #expect(bad.err.contains("xinhua/2025/wuye/index.html: 错误[GK167]"))
        // `check` and `serve`-style builds never append.
        try edit(site, Self.notice) { $0 + "\n补充。\n" }
        #expect(try cli.run(["check", "--site", site.root.path, "--quiet"]).err.contains("GK162"))
        #expect(ledger(site).count == 4)
    }

    @Test func versionCacheIsUsedAndADamagedOneIsIgnored() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        #expect(build(site).succeeded)
        let cache = site.root.appendingPathComponent(".gongkai-cache/ledger-versions.tsv")
        let lines = try String(contentsOf: cache, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 4 && lines.allSatisfy { $0.split(separator: "\t").count == 3 })
        // A changed notice adds a line (the later line wins); nothing changed, nothing written.
        try edit(site, Self.notice) {
            $0.replacingOccurrences(of: "tags: [物业]", with: "tags: [物业]\nrevisions: [{date: 2025-02-10, what: 补充, why: 漏写}]") + "\n补充。\n"
        }
        #expect(build(site, clock: Self.day2).succeeded)
        let appended = try String(contentsOf: cache, encoding: .utf8).split(separator: "\n")
        #expect(appended.count == 5 && appended.prefix(4) == lines.prefix(4))
        #expect(appended[4].hasSuffix("\t-\t" + ledger(site).last!.version))
        #expect(build(site, clock: Self.day2).upToDate)
        try site.write("content/mazhuang/2025/extra.md", "---\ntitle: 补充公告\ndate: 2025-05-06\ncategory: caiwu\n---\n正文。\n")
        #expect(build(site, clock: Self.day2).succeeded)
        #expect(try String(contentsOf: cache, encoding: .utf8).split(separator: "\n").count == 6)
        #expect(verify(site).succeeded)
        try "garbage\n\tx\ty\n".write(to: cache, atomically: true, encoding: .utf8)
        try site.write("content/xinhua/2025/tingche.md", "---\ntitle: 停车位分配方案公示\ndate: 2025-05-06\ncategory: juwu\n---\n方案如下。\n")
        #expect(build(site).succeeded)
        #expect(ledger(site).count == 7)
        #expect(verify(site).succeeded)
        // Appended after the damaged lines (which are harmless until the file is rewritten).
        let after = try String(contentsOf: cache, encoding: .utf8).split(separator: "\n")
        #expect(after.count == 8 && after.suffix(6).allSatisfy { $0.split(separator: "\t").count == 3 })
    }

    /// The last build verified the ledger; one byte changed in an old line
    /// (the line still reads, only its hash no longer matches) is caught all
    /// the same, with and without new entries after it, and nothing is
    /// appended.
    @Test func tamperedOldLineIsCaughtWithTheVerifiedLedgerCached() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        #expect(build(site).succeeded)
        let record = try String(contentsOf: site.root.appendingPathComponent(".gongkai-cache/ledger.json"), encoding: .utf8)
        let path = site.root.appendingPathComponent(Ledger.path)
        let original = try Data(contentsOf: path)
        #expect(record.contains("\"verified\":\(original.count)"))
        var lines = String(decoding: original, as: UTF8.self).split(separator: "\n").map(String.init)
        lines[1] = lines[1].replacingOccurrences(of: "02:53:20Z", with: "02:53:21Z")
        let tampered = Data((lines.joined(separator: "\n") + "\n").utf8)
        #expect(tampered.count == original.count && tampered != original)
        try tampered.write(to: path)
        let report = build(site, clock: Self.day2)
        #expect(report.diagnostics.map { "\($0.code)@\($0.line)" } == ["GK165@2"])
        #expect(try Data(contentsOf: path) == tampered)
        // With a new notice to record after it (the file would grow).
        try site.write("content/mazhuang/2025/extra.md", "---\ntitle: 补充公告\ndate: 2025-05-06\ncategory: caiwu\n---\n正文。\n")
        #expect(build(site, clock: Self.day2).diagnostics.map { "\($0.code)@\($0.line)" } == ["GK165@2"])
        #expect(try Data(contentsOf: path) == tampered)
        // A cache record that cannot be read: everything is checked.
        try "{".write(to: site.root.appendingPathComponent(".gongkai-cache/ledger.json"), atomically: true, encoding: .utf8)
        #expect(build(site, clock: Self.day2).diagnostics.map { "\($0.code)@\($0.line)" } == ["GK165@2"])
        // Put back, the ledger is accepted and the new notice recorded.
        try original.write(to: path)
        #expect(build(site, clock: Self.day2).succeeded)
        #expect(ledger(site).count == 5)
        #expect(verify(site).succeeded)
    }

    /// Entries appended after the bytes the last build verified are checked
    /// (a hand-made line with a wrong hash is caught), and a ledger that is
    /// shorter than the verified bytes is checked in full.
    @Test func entriesAfterTheVerifiedBytesAreChecked() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        #expect(build(site).succeeded)
        let path = site.root.appendingPathComponent(Ledger.path)
        let original = try Data(contentsOf: path)
        let entries = ledger(site)
        let last = entries.last!
        var forged = LedgerEntry(seq: last.seq + 1, time: last.time, id: last.id, event: .revised, version: last.version,
                                 revisions: 1, prev: last.hash, hash: "")
        forged.hash = String(repeating: "a", count: 64)
        try (original + Data(forged.jsonLine) + Data([10])).write(to: path)
        #expect(build(site, clock: Self.day2).diagnostics.map { "\($0.code)@\($0.line)" } == ["GK165@5"])
        // The first three entries only, the second one altered: shorter than what was verified.
        var lines = String(decoding: original, as: UTF8.self).split(separator: "\n").map(String.init)
        lines[1] = lines[1].replacingOccurrences(of: "02:53:20Z", with: "02:53:21Z")
        try (lines.prefix(3).joined(separator: "\n") + "\n").write(to: path, atomically: true, encoding: .utf8)
        #expect(build(site, clock: Self.day2).diagnostics.contains { $0.code == "GK165" && $0.line == 2 })
    }

    /// What a second build of the same site sees when the first appends
    /// while it runs: the ledger as it was when it read it.
    struct StaleLedger: SiteFileSystem {
        let base: LocalFileSystem
        let ledger: [UInt8]
        func kind(of path: String) -> FileKind? { base.kind(of: path) }
        func list(_ path: String) throws -> [String] { try base.list(path) }
        func read(_ path: String) throws -> [UInt8] { path == Ledger.path ? ledger : try base.read(path) }
        func modificationTime(of path: String) -> Int64? { base.modificationTime(of: path) }
    }

    @Test func aLedgerAppendedMeanwhileIsNotForked() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        #expect(build(site).succeeded)
        let before = try Data(contentsOf: site.root.appendingPathComponent(Ledger.path))
        try site.write("content/xinhua/2025/tingche.md", "---\ntitle: 停车位分配方案公示\ndate: 2025-05-06\ncategory: juwu\n---\n方案如下。\n")
        // The ledger this build read lacks the last entry another build added.
        let stale: [UInt8] = Array(before).split(separator: 10).dropLast().flatMap { line -> [UInt8] in Array(line) + [10] }
        let report = SiteBuilder(fs: StaleLedger(base: LocalFileSystem(root: site.root.path), ledger: stale), clock: Self.day2)
            .run(.init(siteRoot: site.root.path, output: site.output.path, recordLedger: true))
        #expect(report.diagnostics.map { $0.code } == ["GK166"])
        #expect(try Data(contentsOf: site.root.appendingPathComponent(Ledger.path)) == before)
        #expect(build(site, clock: Self.day2).succeeded)
        #expect(ledger(site).count == 5)
    }

    @Test func pythonScriptInDocsVerifiesTheBuiltSite() throws {
        guard let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return }
        let site = try FixtureSite()
        defer { site.remove() }
        #expect(build(site).succeeded)
        func run() throws -> Int32 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: python)
            process.arguments = [FixtureSite.repositoryRoot.appendingPathComponent("docs/verify_ledger.py").path, site.output.path]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus
        }
        #expect(try run() == 0)
        let text = site.output.appendingPathComponent("xinhua/2025/wuye/notice.txt")
        try "改过的原文".write(to: text, atomically: true, encoding: .utf8)
        #expect(try run() == 1)
    }
}

@Suite struct LedgerFileTests {
    /// The example site's ledger reads the same through the quick line
    /// reader and through JSONDecoder (one line written differently, with
    /// spaces and an escaped slash, sends the whole file through JSONDecoder).
    @Test func quickReaderAgreesWithJSONDecoder() throws {
        let bytes = try Array(Data(contentsOf: FixtureSite.repositoryRoot.appendingPathComponent(Ledger.path)))
        let (quick, problems) = Ledger.parse(jsonLines: bytes)
        #expect(problems.isEmpty)
        #expect(quick.entries.count > 100)
        var text = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
        text[0] = text[0].replacingOccurrences(of: "\",\"", with: "\", \"").replacingOccurrences(of: "/", with: "\\/")
        let (slow, slowProblems) = Ledger.parse(jsonLines: Array((text.joined(separator: "\r\n") + "\r\n").utf8))
        #expect(slowProblems.isEmpty)
        #expect(slow == quick)
        #expect(Ledger(entries: quick.entries).jsonLines == bytes)
    }

    /// A line no reader can read is a problem at its own line (blank lines
    /// counted); the lines around it are still read and checked.
    @Test func anUnreadableLineIsReportedAtItsLine() throws {
        let bytes = try Array(Data(contentsOf: FixtureSite.repositoryRoot.appendingPathComponent(Ledger.path)))
        var text = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
        let count = text.count
        text.insert("", at: 1)
        text[3] = "{坏了"
        let (ledger, problems) = Ledger.parse(jsonLines: Array((text.joined(separator: "\n") + "\n").utf8))
        #expect(ledger.entries.count == count - 1)
        #expect(problems.first.map { [$0.line] } == [4] && problems.first?.kind == .unreadable && problems.first?.seq == nil)
        #expect(problems.contains { $0.kind == .sequence(expected: 3) && $0.line == 5 })
    }
}

@Suite struct SHA256Tests {
    // FIPS 180-4 examples (NIST CSRC "SHA256.pdf") and the one-million-'a' vector.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func nistVectors(input: String, digest: String) {
        #expect(SHA256.hex(input) == digest)
    }

    @Test func oneMillionAInPieces() {
        var h = SHA256()
        let piece = [UInt8](repeating: 0x61, count: 1000)
        for _ in 0..<1000 { h.update(piece) }
        let hex = h.finish().map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
        #expect(hex == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func chineseTextAndOddLengths() {
        // Same digest whatever the split of the input into updates.
        let bytes = Array("青山镇马庄村2025年9月财务收支公开".utf8) + [UInt8](repeating: 7, count: 130)
        for split in [0, 1, 55, 56, 63, 64, 65, bytes.count] {
            var h = SHA256()
            h.update(Array(bytes[..<split]))
            h.update(Array(bytes[split...]))
            var whole = SHA256()
            whole.update(bytes)
            #expect(h.finish() == whole.finish())
        }
    }
}
