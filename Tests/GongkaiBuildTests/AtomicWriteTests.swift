import Foundation
@testable import GongkaiBuild
@testable import GongkaiCache
@testable import GongkaiOutput
import GongkaiCore
import GongkaiRender
import Testing

struct AtomicWriteTests {
    /// The no-op check's count of an output: files (links not followed,
    /// folders not counted) and their bytes, as a plain walk finds them,
    /// with a folder of thousands of files (looked at on every core).
    @Test func surveyCountsWhatAPlainWalkFinds() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("survey-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/search/s", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: root + "/c1/2025/n1", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: root + "/empty", withIntermediateDirectories: true)
        for i in 0..<5_000 { fm.createFile(atPath: root + "/search/s/\(i).json", contents: Data(repeating: 65, count: i % 7)) }
        fm.createFile(atPath: root + "/c1/2025/n1/index.html", contents: Data("页面".utf8))
        fm.createFile(atPath: root + "/index.html", contents: Data("abc".utf8))
        try fm.createSymbolicLink(atPath: root + "/c1/link", withDestinationPath: root + "/search")
        var files = 0, bytes = 0
        for case let path as String in fm.enumerator(atPath: root)! {
            let attributes = try fm.attributesOfItem(atPath: root + "/" + path)
            guard attributes[.type] as? FileAttributeType != .typeDirectory else { continue }
            files += 1
            if attributes[.type] as? FileAttributeType == .typeRegular { bytes += (attributes[.size] as? Int) ?? 0 }
        }
        #expect(files == 5_003)
        #expect(surveyTree(root) == (files, bytes))
        #expect(surveyTree(root + "/missing") == (0, 0))
    }

    @Test func aFailedBuildLeavesThePreviousSiteByteIdentical() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        #expect(site.build().succeeded)
        let before = FixtureSite.snapshot(site.output)
        try site.write("content/xinhua/2025/wuye.md", "---\ntitle: 新标题\ndate: 2025-02-30\ncategory: juwu\n---\n")
        try site.write("content/mazhuang/2025/new.md", "---\ntitle: 新公告\ndate: 2025-04-01\ncategory: 不存在\n---\n")
        let report = site.build()
        #expect(!report.succeeded)
        #expect(report.diagnostics.map(\.code) == ["GK102", "GK103"])
        #expect(FixtureSite.snapshot(site.output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains("staging") }
        #expect(leftovers.isEmpty)
    }

    @Test func aSuccessfulRebuildReplacesTheWholeTree() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        site.build()
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/xinhua/2025/wuye.md"))
        try site.write("content/xinhua/2025/tingche.md", "---\ntitle: 停车位分配方案公示\ndate: 2025-05-06\ncategory: juwu\n---\n方案如下。\n")
        #expect(site.build().succeeded)
        let after = FixtureSite.snapshot(site.output)
        #expect(after["xinhua/2025/tingche/index.html"] != nil)
        #expect(after["xinhua/2025/wuye/index.html"] == nil)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path)
            .filter { $0.hasPrefix(".") && $0 != ".gongkai-cache" && $0 != ".public.lock" && $0 != ".public.spare" }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func unchangedFilesKeepTheirModificationTime() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        #expect(site.build().filesUnchanged == 0)
        let page = site.output.appendingPathComponent("mazhuang/2024/caiwu-12/index.html").path
        let changed = site.output.appendingPathComponent("xinhua/2025/wuye/index.html").path
        // (Setting an old time by hand would count as a hand edit: the
        // times the first build left are compared.)
        let old = try FileManager.default.attributesOfItem(atPath: page)[.modificationDate] as? Date
        let oldChanged = try FileManager.default.attributesOfItem(atPath: changed)[.modificationDate] as? Date
        usleep(20_000)
        try site.write("content/xinhua/2025/wuye.md", "---\ntitle: 新华社区物业服务费收支公示（修订）\ndate: 2025-02-08\ncategory: juwu\ntags: [物业]\n---\n物业服务费收支情况如下。\n")
        let report = site.build()
        #expect(report.succeeded)
        #expect(report.filesUnchanged > 0 && report.filesUnchanged < report.filesWritten)
        let kept = try FileManager.default.attributesOfItem(atPath: page)[.modificationDate] as? Date
        let rewritten = try FileManager.default.attributesOfItem(atPath: changed)[.modificationDate] as? Date
        #expect(kept == old)
        #expect(rewritten != oldChanged)
        let again = site.build()
        #expect(again.filesUnchanged == again.filesWritten)
    }

    @Test func refusesToReplaceAFolderGongkaiDidNotMake() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let foreign = site.root.appendingPathComponent("documents")
        try site.write("documents/important.txt", "村里的重要文件")
        let report = site.build(output: foreign)
        #expect(report.diagnostics.map(\.code) == ["GK040"])
        #expect(FixtureSite.snapshot(foreign) == ["important.txt": Data("村里的重要文件".utf8)])
    }

    @Test func refusesToWriteOverTheSiteItself() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        for target in [site.root, site.root.appendingPathComponent("content"),
                       site.root.appendingPathComponent("content/mazhuang")] {
            let report = site.build(output: target)
            #expect(report.diagnostics.map(\.code) == ["GK040"], "\(target.path)")
        }
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("content/site.yml").path))
    }

    @Test func checkWritesNothing() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let report = site.build(check: true)
        #expect(report.succeeded)
        #expect(report.filesWritten == 0)
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }
}

/// The double-buffered writer on its own: the spare beside the output, its
/// records, and what happens when either tree is changed by hand or a build
/// stops half way.
struct SpareTreeTests {
    struct Place {
        let root: URL
        var out: String { root.appendingPathComponent("public").path }
        var spare: String { root.appendingPathComponent(".public.spare").path }
        var writer: OutputWriter { OutputWriter(siteRoot: root.path, output: out) }
        /// Where the writer keeps the records of both trees.
        var records: String { TreeManifest.folder(siteRoot: OutputWriter.absolute(root.path), output: OutputWriter.absolute(out)) }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-spare-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        }

        @discardableResult
        func write(_ site: [String: String], keys: [String: UInt64] = [:], previous: Set<String> = [],
                   marker: String = "build") throws(OutputWriter.Failure) -> OutputWriter.Written {
            let files = site.keys.sorted().map { path in
                previous.contains(path) ? OutputFile(path: path, content: .previous, key: keys[path])
                    : OutputFile(path: path, text: site[path]!, key: keys[path])
            }
            return try writer.write(files, marker: marker)
        }

        func published() -> [String: String] {
            FixtureSite.snapshot(URL(fileURLWithPath: out)).filter { $0.key != OutputWriter.marker }
                .mapValues { String(decoding: $0, as: UTF8.self) }
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    static func site(_ n: Int, changed: Int = -1, tag: String = "") -> [String: String] {
        var site: [String: String] = [:]
        for i in 0..<n { site["c\(i % 3)/p\(i)/index.html"] = "page \(i)" + (i == changed ? " " + tag : "") }
        site["index.html"] = "home " + tag
        return site
    }

    @Test func aRebuildTouchesOnlyWhatChanged() throws {
        let place = try Place()
        defer { place.remove() }
        try place.write(Self.site(30))
        #expect(!FileManager.default.fileExists(atPath: place.spare))
        try place.write(Self.site(30, changed: 4, tag: "a"))
        #expect(FileManager.default.fileExists(atPath: place.spare))
        let third = Self.site(30, changed: 7, tag: "b")
        let written = try place.write(third)
        // p4 back to what the spare had; p7 and the home page new.
        #expect(written.touched == 2, "\(written.touched)")
        #expect(written.unchanged == 28)
        #expect(place.published() == third)
        #expect(written.survey == surveyTree(place.out))
        let fourth = Self.site(20, changed: 7, tag: "b")
        let smaller = try place.write(fourth)
        #expect(place.published() == fourth)
        #expect(smaller.survey == surveyTree(place.out))
        // Folders left empty go too.
        try place.write(["index.html": "home"])
        #expect(place.published() == ["index.html": "home"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: place.out).sorted() == [OutputWriter.marker, "index.html"])
    }

    @Test func aFileMayBecomeAFolderAndBack() throws {
        let place = try Place()
        defer { place.remove() }
        let sites: [[String: String]] = [
            ["x": "file x", "y/index.html": "y"],
            ["x/index.html": "folder x", "y": "file y"],
            ["x": "file x again", "y/index.html": "y"],
            ["x/index.html": "folder x", "y": "file y"],
        ]
        for site in sites {
            try place.write(site)
            #expect(place.published() == site)
        }
    }

    @Test func keysStandForContent() throws {
        let place = try Place()
        defer { place.remove() }
        let keys = ["a/index.html": UInt64(1), "b/index.html": 2]
        try place.write(["a/index.html": "A", "b/index.html": "B"], keys: keys)
        try place.write(["a/index.html": "A", "b/index.html": "B2"], keys: ["a/index.html": 1, "b/index.html": 3])
        // Unchanged pages handed on as `.previous`: the same bytes as the live site's.
        let third = try place.write(["a/index.html": "A", "b/index.html": "B2"], keys: ["a/index.html": 1, "b/index.html": 3],
                                    previous: ["a/index.html", "b/index.html"])
        #expect(third.touched == 1)
        #expect(place.published() == ["a/index.html": "A", "b/index.html": "B2"])
    }

    @Test func handEditsInEitherTreeDoNotSurvive() throws {
        let place = try Place()
        defer { place.remove() }
        try place.write(Self.site(12))
        try place.write(Self.site(12, changed: 1, tag: "a"))
        // Changed in place (the file is a hard link shared with the spare),
        // added, deleted, and a stray file in the spare.
        let edited = place.out + "/c2/p5/index.html"
        let handle = try #require(FileHandle(forWritingAtPath: edited))
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data("手改".utf8))
        try handle.close()
        try "extra".write(toFile: place.out + "/c0/extra.html", atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(atPath: place.out + "/c0/p6/index.html")
        try "stray".write(toFile: place.spare + "/stray.html", atomically: false, encoding: .utf8)
        let third = Self.site(12, changed: 2, tag: "b")
        try place.write(third)
        #expect(place.published() == third)
        let fourth = Self.site(12, changed: 3, tag: "c")
        try place.write(fourth)
        #expect(place.published() == fourth)
        let fifth = Self.site(12, changed: 4, tag: "d")
        try place.write(fifth)
        #expect(place.published() == fifth)
    }

    @Test func aPreviousFileDeletedByHandIsReported() throws {
        let place = try Place()
        defer { place.remove() }
        var site = Self.site(6)
        try place.write(site)
        site["new/index.html"] = "new"
        try place.write(site)
        try FileManager.default.removeItem(atPath: place.out + "/new/index.html")
        #expect(throws: OutputWriter.Failure.self) { try place.writer.write([OutputFile(path: "new/index.html", content: .previous)]) }
        do {
            _ = try place.writer.write([OutputFile(path: "new/index.html", content: .previous)])
        } catch {
            #expect(error.previousMissing)
        }
        // The live site is as it was; the next full write works.
        #expect(place.published()["c0/p0/index.html"] == "page 0")
        try place.write(site)
        #expect(place.published() == site)
    }

    /// A build killed while the spare was half updated, or after the swap
    /// but before the records were saved: the records no longer match, so
    /// the spare is not trusted.
    @Test func recordsThatDoNotMatchTheirTreesAreNotTrusted() throws {
        let place = try Place()
        defer { place.remove() }
        try place.write(Self.site(10))
        try place.write(Self.site(10, changed: 1, tag: "a"))
        let records = try FileManager.default.contentsOfDirectory(atPath: place.root.path + "/.gongkai-cache")
        #expect(records.count == 1)
        let folder = place.records
        let names = [TreeManifest.liveFile, TreeManifest.spareFile]
        let saved = try names.map { try Data(contentsOf: URL(fileURLWithPath: folder + "/" + $0)) }
        // Swap done, records not saved (the same fingerprint, too).
        try place.write(Self.site(10, changed: 2, tag: "b"))
        for (name, data) in zip(names, saved) { try data.write(to: URL(fileURLWithPath: folder + "/" + name)) }
        let fourth = Self.site(10, changed: 3, tag: "c")
        try place.write(fourth)
        #expect(place.published() == fourth)
        // Half an update of the spare: its record is gone.
        try place.write(Self.site(10, changed: 4, tag: "d"))
        try FileManager.default.removeItem(atPath: folder + "/" + TreeManifest.spareFile)
        try "half".write(toFile: place.spare + "/c0/p3/index.html.tmp", atomically: false, encoding: .utf8)
        let fifth = Self.site(10, changed: 5, tag: "e")
        try place.write(fifth)
        #expect(place.published() == fifth)
        #expect(!FileManager.default.fileExists(atPath: place.out + "/c0/p3/index.html.tmp"))
    }

    @Test func worksWithoutRenameExchange() throws {
        let place = try Place()
        defer { place.remove() }
        setenv("GONGKAI_NO_RENAME_EXCHANGE", "1", 1)
        defer { unsetenv("GONGKAI_NO_RENAME_EXCHANGE") }
        for (i, tag) in ["a", "b", "c"].enumerated() {
            let site = Self.site(8, changed: i, tag: tag)
            try place.write(site)
            #expect(place.published() == site)
        }
        #expect(FileManager.default.fileExists(atPath: place.spare))
        #expect(!FileManager.default.fileExists(atPath: place.spare + ".old"))
    }

    /// Killed between the two renames of the swap without RENAME_EXCHANGE.
    @Test func aSwapCutShortIsRepaired() throws {
        let place = try Place()
        defer { place.remove() }
        try place.write(Self.site(6))
        try place.write(Self.site(6, changed: 1, tag: "a"))
        // The output renamed away, the new site not yet in its place.
        #expect(rename(place.out, place.spare + ".old") == 0)
        let third = Self.site(6, changed: 2, tag: "b")
        try place.write(third)
        #expect(place.published() == third)
        #expect(!FileManager.default.fileExists(atPath: place.spare + ".old"))
        // The new site in place, the old one not yet the spare.
        #expect(rename(place.spare, place.spare + ".old") == 0)
        let fourth = Self.site(6, changed: 3, tag: "c")
        try place.write(fourth)
        #expect(place.published() == fourth)
        #expect(!FileManager.default.fileExists(atPath: place.spare + ".old"))
    }

    @Test func twoOutputsOfOneSiteKeepTheirOwnSpares() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let other = site.root.appendingPathComponent("public2")
        for round in 0..<3 {
            try site.append("content/xinhua/2025/wuye.md", "\n第 \(round) 次补充。\n")
            #expect(site.build().succeeded)
            #expect(site.build(output: other).succeeded)
            #expect(IncrementalBuildTests.site(site.output) == IncrementalBuildTests.site(other))
        }
        let hidden = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasSuffix(".spare") }.sorted()
        #expect(hidden == [".public.spare", ".public2.spare"])
        let records = try FileManager.default.contentsOfDirectory(atPath: site.root.path + "/.gongkai-cache").filter { $0.hasPrefix("trees-") }
        #expect(records.count == 2)
    }

    @Test func aRelativeOutputFolderWorks() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        for round in 0..<3 {
            try site.write("content/xinhua/2025/n\(round).md", "---\ntitle: 第 \(round) 号通知\ndate: 2025-05-0\(round + 1)\ncategory: juwu\n---\n第 \(round) 次补充。\n")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandLineTests.executable)
            process.arguments = ["build", "--site", ".", "--output", "out/site", "--quiet"]
            process.currentDirectoryURL = site.root
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        let out = site.root.appendingPathComponent("out/site")
        #expect(FixtureSite.snapshot(out)["xinhua/2025/n2/index.html"].map { String(decoding: $0, as: UTF8.self).contains("第 2 次补充") } == true)
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("out/.site.spare").path))
    }
}
