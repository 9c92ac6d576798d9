import Foundation
import GongkaiBuild
import GongkaiContent
import GongkaiCore
import Testing

/// Issue 5: an incremental build (with the cache of the builds before it)
/// writes exactly what a clean build of the same content writes, after every
/// kind of edit; and it really skips the work it may skip.
struct IncrementalBuildTests {
    typealias Edit = (String, @Sendable (FixtureSite) throws -> Void)

    /// The same content, built from nothing in a folder of its own.
    func clean(_ site: FixtureSite) throws -> [String: Data] {
        let copy = try FixtureSite()
        defer { copy.remove() }
        try FileManager.default.removeItem(at: copy.root.appendingPathComponent("content"))
        try FileManager.default.copyItem(at: site.root.appendingPathComponent("content"),
                                         to: copy.root.appendingPathComponent("content"))
        if FileManager.default.fileExists(atPath: site.root.appendingPathComponent("templates").path) {
            try FileManager.default.copyItem(at: site.root.appendingPathComponent("templates"),
                                             to: copy.root.appendingPathComponent("templates"))
        }
        #expect(copy.build().succeeded)
        return Self.site(copy.output)
    }

    /// The published files: all but gongkai's marker, which holds the
    /// fingerprint of the inputs (attachment modification times included,
    /// and a copied folder has others).
    static func site(_ output: URL) -> [String: Data] {
        FixtureSite.snapshot(output).filter { $0.key != ".gongkai-output" }
    }

    static let edits: [Edit] = [
        ("body", { try $0.append("content/xinhua/2025/wuye.md", "\n本月另收取停车费 1,200.00 元。\n") }),
        ("title", { try $0.replace("content/xinhua/2025/wuye.md", "新华社区物业服务费收支公示", "新华社区物业服务费收支情况公示") }),
        ("new notice", { try $0.write("content/xinhua/2025/tingche.md",
                                      "---\ntitle: 停车位分配方案公示\ndate: 2025-05-06\ncategory: juwu\n---\n方案如下。\n") }),
        ("date moves a notice", { try $0.replace("content/xinhua/2025/tingche.md", "2025-05-06", "2025-01-02") }),
        // Pages that show other notices: the corrected notice's banner, the neighbours' links, listings.
        ("correction added", { try $0.write("content/xinhua/2025/wuye-gengzheng.md",
                                            "---\ntitle: 物业服务费收支公示的更正\ndate: 2025-02-10\ncategory: juwu\nsupersedes: xinhua/2025/wuye\n---\n更正如下。\n") }),
        ("corrected notice's title", { try $0.replace("content/xinhua/2025/wuye.md", "新华社区物业服务费收支情况公示", "新华社区物业服务费收支公示（一）") }),
        ("category changed", { try $0.replace("content/xinhua/2025/tingche.md", "category: juwu", "category: gongcheng") }),
        ("withdrawn", { try $0.replace("content/xinhua/2025/tingche.md", "category: gongcheng", "category: gongcheng\n撤回: {date: 2025-03-01, reason: 方案需重新讨论}") }),
        ("correction removed", { try FileManager.default.removeItem(at: $0.root.appendingPathComponent("content/xinhua/2025/wuye-gengzheng.md")) }),
        ("community.yml", { try $0.replace("content/xinhua/community.yml", "新华社区", "新华街社区") }),
        ("site.yml", { try $0.replace("content/site.yml", "title: 测试镇", "title: 测试镇人民政府") }),
        ("attachment replaced", { try $0.write("content/mazhuang/2025/jiesuan/jiesuan.pdf", "%PDF-1.4 另一份结算单") }),
        ("table file", {
            try $0.write("content/xinhua/2025/mingxi.csv", "项目,金额\n停车费,1.50\n合计,1.50\n")
            try $0.append("content/xinhua/2025/wuye.md", "\n```table mingxi.csv\n```\n")
        }),
        ("table file edited, same size", { try $0.replace("content/xinhua/2025/mingxi.csv", "1.50", "1.60") }),
        ("template", { try $0.write("templates/notice.mustache", "{{<base}}{{$main}}<h1>{{title}}</h1>{{{body}}}{{/main}}{{/base}}") }),
        ("template removed", { try FileManager.default.removeItem(at: $0.root.appendingPathComponent("templates")) }),
        ("notice removed", { try FileManager.default.removeItem(at: $0.root.appendingPathComponent("content/xinhua/2025/tingche.md")) }),
        ("body reverted", { try $0.replace("content/xinhua/2025/wuye.md", "\n本月另收取停车费 1,200.00 元。\n", "") }),
        // The search index is updated for a notice of any date (issue 15).
        ("backdated notice", { try $0.write("content/mazhuang/2024/guiyue.md",
                                            "---\ntitle: 马庄村村规民约\ndate: 2024-06-01\ncategory: caiwu\n---\n第一章　总则\n\n第一条　为了维护秩序，制定本规约。\n") }),
        ("renamed", { try FileManager.default.moveItem(at: $0.root.appendingPathComponent("content/mazhuang/2024/guiyue.md"),
                                                       to: $0.root.appendingPathComponent("content/mazhuang/2024/cunguiminyue.md")) }),
        // A published answer is in the search index (docs/desk.md); one revised in the open changes it.
        ("answer published", { try $0.write("content/mazhuang/replies/2025-0001.md", Self.answer) }),
        ("answer revised", { try $0.write("content/mazhuang/replies/2025-0001.md", Self.answer
            .replacingOccurrences(of: "答复日期: 2025-03-05\n", with: "答复日期: 2025-03-05\n修订: [{日期: 2025-03-20, 内容: 完工日期改为四月十日, 原因: 灯具到货推迟}]\n")
            .replacingOccurrences(of: "三月底前完工", with: "四月十日前完工")) }),
    ]

    static let answer = """
        ---
        编号: 2025-0001
        类型: 建议
        收到: 2025-03-01
        群众原话: |
          建议村里在文化广场多装几盏路灯，晚上出门不安全。
        结果: 采纳
        答复日期: 2025-03-05
        ---
        村委会已安排在文化广场加装四盏路灯，三月底前完工。

        """

    @Test func everyEditGivesWhatACleanBuildGives() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        #expect(site.build().succeeded)
        for (name, edit) in Self.edits {
            try edit(site)
            let report = site.build()
            #expect(report.succeeded, "\(name): \(report.diagnostics.map(\.rendered))")
            let incremental = Self.site(site.output)
            let fresh = try clean(site)
            #expect(Set(incremental.keys).symmetricDifference(fresh.keys).isEmpty,
                    "\(name): other files \(Set(incremental.keys).symmetricDifference(fresh.keys).sorted())")
            for (path, bytes) in fresh where incremental[path] != bytes {
                Issue.record("\(name): \(path) differs from a clean build")
            }
            if name.hasPrefix("answer") {
                // The answer is a document of the index: a fragment links its page.
                let fragments = fresh.filter { $0.key.hasPrefix("search/d/") }.values.map { String(decoding: $0, as: UTF8.self) }
                #expect(fragments.contains { $0.contains("mazhuang/replies/2025-0001/index.html") && $0.contains("群众建议与答复") },
                        "\(name): no fragment for the answer")
            }
        }
    }

    /// The load stage reads only files whose size, times or inode changed;
    /// the others are read on first use, with the same bytes.
    @Test func unchangedSourcesAreNotRead() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let fs = LocalFileSystem(root: site.root.path)
        let first = SiteLoader(fs: fs).load()
        let known = first.knownFiles
        #expect(known.count >= 6)
        try site.append("content/xinhua/2025/wuye.md", "\n补充说明。\n")
        let second = SiteLoader(fs: fs, known: known).load()
        let notices = second.communities.flatMap(\.notices)
        #expect(notices.filter(\.file.wasRead).map(\.file.path) == ["content/xinhua/2025/wuye.md"])
        #expect(second.siteFile?.wasRead == false)
        for (old, new) in zip(first.communities.flatMap(\.notices), notices) where !new.file.wasRead {
            #expect(new.file.digest == old.file.digest)
            #expect(new.file.bytes == old.file.bytes)
        }
        #expect(second.knownFiles["content/xinhua/2025/wuye.md"] != known["content/xinhua/2025/wuye.md"])
    }

    @Test func onlyWhatChangedIsParsedAndRendered() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let first = site.build()
        #expect(first.noticesParsed == 4)
        #expect(!first.indexUpdated)
        try site.append("content/xinhua/2025/wuye.md", "\n补充说明。\n")
        let second = site.build()
        #expect(second.succeeded)
        #expect(second.noticesParsed == 1)
        #expect(second.indexUpdated)
        // Its own page and the pages that show its summary, not the others.
        #expect(second.pagesRendered > 0 && second.pagesRendered < first.pagesRendered / 2,
                "\(second.pagesRendered) of \(first.pagesRendered)")
        // A failed build records nothing: the next build still knows the last good one.
        try site.write("content/xinhua/2025/bad.md", "---\ntitle: 坏\ndate: 2025-13-01\ncategory: juwu\n---\n")
        #expect(!site.build().succeeded)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/xinhua/2025/bad.md"))
        let third = site.build()
        #expect(third.succeeded && third.upToDate)
    }

    /// Files the cache says are unchanged but that were deleted from the
    /// output by hand: a page is rendered again; a search file (which the
    /// index update takes on trust) makes the writer fail, and the build is
    /// done again without the cache rather than failing.
    @Test func filesDeletedFromTheOutputAreRebuilt() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        #expect(site.build().succeeded)
        let page = site.output.appendingPathComponent("mazhuang/2024/caiwu-12/index.html")
        let fragments = site.output.appendingPathComponent("search/d")
        let first = try #require(try FileManager.default.contentsOfDirectory(atPath: fragments.path).filter { $0.hasSuffix(".json") }.min())
        let fragment = fragments.appendingPathComponent(first)
        try FileManager.default.removeItem(at: page)
        try FileManager.default.removeItem(at: fragment)
        try site.append("content/xinhua/2025/wuye.md", "\n补充说明。\n")
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.rendered))")
        #expect(FileManager.default.fileExists(atPath: page.path))
        #expect(FileManager.default.fileExists(atPath: fragment.path))
        #expect(!report.indexUpdated, "the second attempt builds the index anew")
        #expect(Self.site(site.output) == (try clean(site)))
    }

    /// A page edited by hand in place, keeping its size (the file is one
    /// file in both trees: the spare's hard link changes with it): a build
    /// with nothing to do notices it, and the build after it publishes the
    /// page as a clean build makes it, not the edit, and reports each warning once.
    @Test func aPageEditedInPlaceByHandIsNoticedAndReplaced() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        #expect(site.build().succeeded)
        try site.append("content/xinhua/2025/wuye.md", "\n补充说明。\n")
        #expect(site.build().succeeded)   // the spare tree is made
        #expect(site.build().upToDate)
        let page = site.output.appendingPathComponent("mazhuang/2024/caiwu-12/index.html")
        var bytes = try Data(contentsOf: page)
        let at = try #require(bytes.range(of: Data("<title>".utf8))).upperBound
        bytes[at] = UInt8(ascii: "X")
        let handle = try FileHandle(forUpdating: page)
        try handle.write(contentsOf: bytes)
        try handle.close()
        let noticed = site.build()
        #expect(noticed.succeeded && !noticed.upToDate)
        #expect(noticed.cacheMisses.contains { $0.contains("被手工修改") }, "\(noticed.cacheMisses)")
        #expect(Set(noticed.diagnostics.map(\.rendered)).count == noticed.diagnostics.count, "\(noticed.diagnostics)")
        #expect(Self.site(site.output) == (try clean(site)))
        #expect(site.build().upToDate)
    }

    @Test func aDamagedCacheOnlyMeansMoreWork() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        #expect(site.build().succeeded)
        let cache = site.root.appendingPathComponent(".gongkai-cache")
        for name in try FileManager.default.subpathsOfDirectory(atPath: cache.path) {
            let url = cache.appendingPathComponent(name)
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue {
                try Data("{垃圾".utf8).write(to: url)
            }
        }
        try site.append("content/xinhua/2025/wuye.md", "\n补充说明。\n")
        let report = site.build()
        #expect(report.succeeded)
        #expect(report.noticesParsed == 4)
        #expect(Self.site(site.output) == (try clean(site)))
    }

    /// A notice cache file cut short (a full disk, a copy interrupted) is
    /// ignored: that community's notices are parsed again, the rest recalled.
    @Test func aTruncatedNoticeCacheIsIgnored() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        #expect(site.build().succeeded)
        let folder = site.root.appendingPathComponent(".gongkai-cache/notices")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files.contains("mazhuang.memo"), "\(files)")
        let url = folder.appendingPathComponent("mazhuang.memo")
        let bytes = try Data(contentsOf: url)
        try bytes.prefix(bytes.count / 2).write(to: url)
        try site.append("content/xinhua/2025/wuye.md", "\n本月另收取停车费 1,200.00 元。\n")
        let report = site.build()
        #expect(report.succeeded)
        let mazhuang = try FileManager.default.subpathsOfDirectory(atPath: site.root.appendingPathComponent("content/mazhuang").path)
            .filter { $0.hasSuffix(".md") }.count
        #expect(mazhuang > 0)
        #expect(report.noticesParsed == mazhuang + 1, "mazhuang's notices and the edited one")
        #expect(Self.site(site.output) == (try clean(site)))
        // Saved whole again: the next build recalls all but the edited notice.
        try site.append("content/xinhua/2025/wuye.md", "\n补充说明。\n")
        #expect(site.build().noticesParsed == 1)
    }
}

extension FixtureSite {
    func append(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        let old = try String(contentsOf: url, encoding: .utf8)
        try Data((old + text).utf8).write(to: url)
    }

    func replace(_ path: String, _ old: String, _ new: String) throws {
        let url = root.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(old), "\(path) has no \(old)")
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
    }
}
