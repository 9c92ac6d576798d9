import Foundation
import Testing

/// `gongkai import` as a clerk runs it, on the example site and the fixture
/// corpus (Tests/Fixtures/word): every readable file becomes a notice that
/// `gongkai check` accepts apart from what only a person can supply; every
/// other file is refused with its code and nothing is written; nothing is
/// ever replaced.
struct ImportCommandTests {
    struct Expected: Decodable {
        var file: String
        var community: String?
        var failure: String?
        var privacy: [String]?
        var warnings: [String]?
    }

    static let corpus = FixtureSite.repositoryRoot.appendingPathComponent("Tests/Fixtures/word")
    static let expected: [Expected] = {
        guard let data = try? Data(contentsOf: corpus.appendingPathComponent("expected.json")) else { return [] }
        return (try? JSONDecoder().decode([Expected].self, from: data)) ?? []
    }()

    /// Only a person can supply these: the supervision committee's review and the 四议两公开 record.
    static let personOnly: Set<String> = ["GK141", "GK143"]

    /// A copy of the repository's example site (all four communities).
    static func exampleSite() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: FixtureSite.repositoryRoot.appendingPathComponent("content"),
                                         to: root.appendingPathComponent("content"))
        return root
    }

    static func files(_ root: URL) -> [String: Data] { FixtureSite.snapshot(root.appendingPathComponent("content")) }

    @Test func everyReadableFileBecomesANoticeThatChecks() throws {
        let site = try Self.exampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let cli = CommandLineTests()
        var imported: [(path: String, entry: Expected)] = []
        for entry in Self.expected where entry.failure == nil {
            let result = try cli.run(["import", Self.corpus.appendingPathComponent(entry.file).path,
                                      "--community", entry.community ?? "mazhuang", "--site", site.path], today: "2026-11-07")
            #expect(result.status == 0, "\(entry.file): \(result.err)")
            let path = String(result.out.prefix { $0 != "\n" })
            #expect(path.hasPrefix("content/") && path.hasSuffix(".md"), "\(entry.file): \(result.out)")
            #expect(result.out.contains("已从 \(entry.file) 导入"))
            imported.append((path, entry))
        }
        let check = try cli.run(["check", "--site", site.path, "--format", "json"], today: "2026-11-07")
        struct Line: Decodable { var file: String; var code: String }
        let lines = check.out.split(separator: "\n").compactMap { try? JSONDecoder().decode(Line.self, from: Data($0.utf8)) }
        for (path, entry) in imported {
            let folder = (path as NSString).deletingLastPathComponent
            let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            let ours = lines.filter { $0.file == path || ($0.file.hasPrefix(folder + "/" + stem + "-")) }
            var allowed = Self.personOnly
            allowed.formUnion((entry.privacy ?? []).map { String($0.prefix(5)) })
            allowed.formUnion(entry.warnings ?? [])
            let unexpected = ours.filter { !allowed.contains($0.code) }
            #expect(unexpected.isEmpty, "\(entry.file) → \(path): \(unexpected.map(\.code))")
            for code in (entry.privacy ?? []).map({ String($0.prefix(5)) }) + (entry.warnings ?? []).filter({ $0 != "GK193" }) {
                #expect(ours.contains { $0.code == code }, "\(entry.file): the check should report \(code)")
            }
        }
        // With the reviews written in, the site builds: only a person's part was missing.
        for (path, _) in imported {
            let url = site.appendingPathComponent(path)
            var text = try String(contentsOf: url, encoding: .utf8)
            text = text.replacingOccurrences(of: "\n# 审核: ", with: "\n审核: ")
                .replacingOccurrences(of: "    ← 发布前须经", with: "    # 发布前须经")
            try Data(text.utf8).write(to: url)
        }
        let after = try cli.run(["check", "--site", site.path, "--format", "json"], today: "2026-11-07")
        let left = after.out.split(separator: "\n").compactMap { try? JSONDecoder().decode(Line.self, from: Data($0.utf8)) }
            .filter { line in
                imported.contains { $0.path == line.file } && line.code != "GK143" && !line.code.hasPrefix("GK17") && line.code != "GK185"
            }
        #expect(left.isEmpty, "\(left.map { "\($0.file) \($0.code)" })")
    }

    @Test func filesThatAreNotDocxWriteNothing() throws {
        let site = try Self.exampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let before = Self.files(site)
        let cli = CommandLineTests()
        for entry in Self.expected {
            guard let code = entry.failure else { continue }
            let result = try cli.run(["import", Self.corpus.appendingPathComponent(entry.file).path, "--community", "mazhuang",
                                      "--site", site.path])
            #expect(result.status == 1, "\(entry.file)")
            #expect(result.err.contains("错误[\(code)]"), "\(entry.file): \(result.err)")
            #expect(result.err.contains("没有写任何文件"))
            #expect(result.out.isEmpty)
        }
        #expect(Self.files(site) == before)
        let missing = try cli.run(["import", "/nonexistent/某村.docx", "--community", "mazhuang", "--site", site.path])
        #expect(missing.status == 1 && missing.err.contains("找不到"))
        let unknown = try cli.run(["import", Self.corpus.appendingPathComponent("lo-caiwu-2026-10.docx").path,
                                   "--community", "nowhere", "--site", site.path])
        #expect(unknown.status == 2 && unknown.err.contains("没有“nowhere”这个村"))
        #expect(Self.files(site) == before)
    }

    @Test func importingTwiceNeverReplacesAnything() throws {
        let site = try Self.exampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let cli = CommandLineTests()
        let file = Self.corpus.appendingPathComponent("pd-caiwu-2026-q3.docx").path
        let first = try cli.run(["import", file, "--community", "liuhe", "--site", site.path], today: "2026-11-07")
        // The example site has caiwu-2026-10.md already.
        #expect(first.out.hasPrefix("content/liuhe/2026/caiwu-2026-10-2.md\n"), "\(first.out)")
        let written = Self.files(site)
        let second = try cli.run(["import", file, "--community", "liuhe", "--site", site.path], today: "2026-11-07")
        #expect(second.out.hasPrefix("content/liuhe/2026/caiwu-2026-10-3.md\n"), "\(second.out)")
        let now = Self.files(site)
        for (path, data) in written { #expect(now[path] == data, "\(path) changed") }
        #expect(now["liuhe/2026/caiwu-2026-10-2-图1.png"] != nil && now["liuhe/2026/caiwu-2026-10-3-图1.png"] != nil)
        // No temporary files are left behind.
        #expect(!now.keys.contains { $0.contains(".gongkai-import-") })
    }
}
