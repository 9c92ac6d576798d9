import Foundation
import GongkaiBuild
import GongkaiCore
import Testing

struct AtomicWriteTests {
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
            .filter { $0.hasPrefix(".") && $0 != ".gongkai-cache" && $0 != ".public.lock" }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func unchangedFilesKeepTheirModificationTime() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        #expect(site.build().filesUnchanged == 0)
        let page = site.output.appendingPathComponent("mazhuang/2024/caiwu-12/index.html").path
        let changed = site.output.appendingPathComponent("xinhua/2025/wuye/index.html").path
        let old = Date(timeIntervalSince1970: 1_000_000_000)
        for path in [page, changed] { try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: path) }
        try site.write("content/xinhua/2025/wuye.md", "---\ntitle: 新华社区物业服务费收支公示（修订）\ndate: 2025-02-08\ncategory: juwu\ntags: [物业]\n---\n物业服务费收支情况如下。\n")
        let report = site.build()
        #expect(report.succeeded)
        #expect(report.filesUnchanged > 0 && report.filesUnchanged < report.filesWritten)
        let kept = try FileManager.default.attributesOfItem(atPath: page)[.modificationDate] as? Date
        let rewritten = try FileManager.default.attributesOfItem(atPath: changed)[.modificationDate] as? Date
        #expect(kept == old)
        #expect(rewritten != old)
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
