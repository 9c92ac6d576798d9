import Foundation
@testable import GongkaiBuild
@testable import GongkaiCache
@testable import GongkaiOutput
import GongkaiCore
import Testing

/// A rebuild with nothing changed does nothing (issue 5's no-op rebuild),
/// and any change to what goes into the site rebuilds it.
struct BuildCacheTests {
    func build(_ site: FixtureSite, baseURL: String? = nil, strict: Bool = false) -> SiteBuilder.Report {
        SiteBuilder(fs: LocalFileSystem(root: site.root.path))
            .run(.init(siteRoot: site.root.path, output: site.output.path, baseURL: baseURL, strict: strict))
    }

    @Test func nothingChangedMeansNothingWritten() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        #expect(!build(site).upToDate)
        let again = build(site)
        #expect(again.upToDate)
        #expect(again.filesWritten == 0)
        #expect(again.notices == 4)
        #expect(again.succeeded)
    }

    @Test func everyInputRebuilds() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        build(site)
        try site.write("content/xinhua/2025/wuye.md", "---\ntitle: 物业费（修订）\ndate: 2025-02-08\ncategory: juwu\n---\n正文\n")
        #expect(!build(site).upToDate)
        #expect(build(site).upToDate)
        // an attachment replaced by one of the same size
        let pdf = site.root.appendingPathComponent("content/mazhuang/2025/jiesuan/jiesuan.pdf").path
        let bytes = try Data(contentsOf: URL(fileURLWithPath: pdf))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: pdf)
        try Data(bytes.reversed()).write(to: URL(fileURLWithPath: pdf))
        #expect(!build(site).upToDate)
        #expect(build(site).upToDate)
        #expect(!build(site, baseURL: "https://other.example/").upToDate)
        try site.write("templates/notice.mustache", "{{<base}}{{$main}}<p>{{title}}</p>{{/main}}{{/base}}")
        #expect(!build(site, baseURL: "https://other.example/").upToDate)
        try FileManager.default.removeItem(at: site.output.appendingPathComponent("index.html"))
        let repaired = build(site, baseURL: "https://other.example/")
        #expect(!repaired.upToDate)
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("index.html").path))
    }

    /// The first no-op check reads no source: it compares what the file
    /// system says (sizes, times, inodes). A file touched but not changed
    /// is read and found unchanged; an edit that keeps the size and puts the
    /// modification time back is still seen (its change time moved).
    @Test func quickCheckByFileSystemThenByContent() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        build(site)
        let quick = build(site)
        #expect(quick.upToDate && quick.stages.map(\.name) == ["检查"])
        let path = site.root.appendingPathComponent("content/xinhua/2025/wuye.md").path
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 120)], ofItemAtPath: path)
        let touched = build(site)
        #expect(touched.upToDate && touched.stages.map(\.name) == ["检查", "读取"])
        #expect(build(site).stages.map(\.name) == ["检查"])
        let before = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as! Date
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "物业服务费", with: "物业管理费").write(toFile: path, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: before], ofItemAtPath: path)
        let edited = build(site)
        #expect(!edited.upToDate && edited.succeeded)
        #expect(try String(contentsOf: site.output.appendingPathComponent("xinhua/2025/wuye/index.html"), encoding: .utf8)
                    .contains("物业管理费"))
    }

    /// The load stage asks the quick check's walk instead of the disk: it
    /// must answer every question as the disk does (a symlink and an
    /// attachment beside the notices included), and send what it did not
    /// walk to the disk.
    @Test func theQuickCheckWalkAnswersAsTheDiskDoes() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let root = site.root.path
        try FileManager.default.createSymbolicLink(atPath: root + "/content/xinhua/2025/link.md", withDestinationPath: "/etc/passwd")
        try Data("a,b\n".utf8).write(to: site.root.appendingPathComponent("content/xinhua/2025/表.csv"))
        let disk = LocalFileSystem(root: root)
        let checked = try #require(BuildCache.quickCheck(siteRoot: root, options: .init(baseURL: nil, strict: false, preview: false, reportOverdue: false),
                                                          today: CalendarDate(year: 2025, month: 1, day: 1)!))
        #expect(checked.fingerprint == BuildCache.quickFingerprint(siteRoot: root, options: .init(baseURL: nil, strict: false, preview: false, reportOverdue: false),
                                                                    today: CalendarDate(year: 2025, month: 1, day: 1)!))
        let walked = SnapshotFileSystem(base: disk, folders: checked.folders)
        var paths = ["content", "content/nothing.md", "content/xinhua/2026/none.md", "theme", ""]
        var folders = ["content"]
        while let folder = folders.popLast() {
            for name in try disk.list(folder) {
                let path = folder + "/" + name
                paths.append(path)
                if disk.kind(of: path) == .directory { folders.append(path) }
            }
            #expect(try walked.list(folder) == disk.list(folder))
        }
        #expect(paths.count > 20)
        for path in paths {
            #expect(walked.kind(of: path) == disk.kind(of: path), "\(path)")
            #expect(walked.identity(of: path) == disk.identity(of: path), "\(path)")
            #expect(walked.modificationTime(of: path) == disk.modificationTime(of: path), "\(path)")
        }
        #expect(try walked.read("content/site.yml") == disk.read("content/site.yml"))
    }

    /// A build that appends to the ledger (content/ledger.jsonl) is
    /// followed by a quick no-op too: the ledger has its own check.
    @Test func recordingTheLedgerStillAllowsAQuickNoOp() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        #expect(SiteBuilder(fs: LocalFileSystem(root: site.root.path))
            .run(.init(siteRoot: site.root.path, output: site.output.path, recordLedger: true)).succeeded)
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("content/ledger.jsonl").path))
        let quick = build(site)
        #expect(quick.upToDate && quick.stages.map(\.name) == ["检查"])
    }

    @Test func warningsAreStillReportedAndStrictStillFails() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write("content/xinhua/2025/照片.jpg", "jpg")
        #expect(build(site).diagnostics.map(\.code) == ["GK130"])
        let again = build(site)
        #expect(again.upToDate)
        #expect(again.diagnostics.map(\.code) == ["GK130"])
        let strict = build(site, strict: true)
        #expect(!strict.succeeded)
    }
}
