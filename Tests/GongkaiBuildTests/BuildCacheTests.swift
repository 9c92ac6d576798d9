import Foundation
import GongkaiBuild
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
