import Foundation
import Testing

/// The executable's contract (docs/design.md §3, §7): exit 0 built, 1 problems in
/// the content (public/ untouched), 2 wrong usage; diagnostics on stderr in
/// the `path:line:col: 错误[GKnnn]: …` form or as JSON lines.
struct CommandLineTests {
    static var executable: String {
        let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [dir, dir.deletingLastPathComponent(), FixtureSite.repositoryRoot.appendingPathComponent(".build/debug")] {
            let path = candidate.appendingPathComponent("gongkai").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return dir.appendingPathComponent("gongkai").path
    }

    func run(_ arguments: [String], today: String? = nil) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        if let today { env["GONGKAI_TODAY"] = today }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    /// Separate processes hash with different seeds: the output must not
    /// depend on any hash table's order.
    @Test func twoProcessesWriteTheSameBytes() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let other = site.root.appendingPathComponent("public-2")
        #expect(try run(["build", "--site", site.root.path, "--quiet"]).status == 0)
        #expect(try run(["build", "--site", site.root.path, "--output", other.path, "--quiet"]).status == 0)
        let a = FixtureSite.snapshot(site.output)
        #expect(a.keys.contains("search/manifest.json"))
        #expect(a == FixtureSite.snapshot(other))
    }

    @Test func newWritesANoticeThatBuildsAndNeverOverwrites() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let listing = try run(["new", "--site", site.root.path])
        #expect(listing.status == 0)
        #expect(listing.out.contains("mazhuang\t马庄村"))
        #expect(listing.out.contains("caiwu\t财务公开"))
        let first = try run(["new", "--site", site.root.path, "mazhuang", "财务公开", "马庄村2025年4月财务收支公开"], today: "2025-05-06")
        #expect(first.status == 0, "\(first.err)")
        #expect(first.out == "content/mazhuang/2025/caiwu-2025-05.md\n")
        let second = try run(["new", "--site", site.root.path, "mazhuang", "caiwu", "又一篇"], today: "2025-05-06")
        #expect(second.out == "content/mazhuang/2025/caiwu-2025-05-2.md\n")
        #expect(try run(["check", "--site", site.root.path]).status == 0)
        let wrong = try run(["new", "--site", site.root.path, "nosuch", "caiwu", "x"])
        #expect(wrong.status == 2)
        #expect(wrong.err.contains("没有“nosuch”这个村（社区）"))
    }

    @Test func strictTurnsWarningsIntoFailures() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write("content/xinhua/2025/照片.jpg", "jpg")
        let strict = try run(["build", "--site", site.root.path, "--strict"])
        #expect(strict.status == 1)
        #expect(strict.err.contains("警告[GK130]"))
        #expect(strict.err.contains("--strict 把警告当作错误"))
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
        #expect(try run(["build", "--site", site.root.path]).status == 0)
    }

    @Test func buildCheckAndExitStatuses() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let built = try run(["build", "--site", site.root.path])
        #expect(built.status == 0, "\(built.err)")
        #expect(built.out.contains("完成：4 篇公告，2 个村（社区）"))
        #expect(built.out.contains("解析 4 篇公告"))
        let before = FixtureSite.snapshot(site.output)

        try site.write("content/xinhua/2025/wuye.md", "---\ntitle: 物业\ndate: 2025-02-08\ncategory: 物业公开\n---\n")
        let failed = try run(["build", "--site", site.root.path])
        #expect(failed.status == 1)
        #expect(failed.err.contains("content/xinhua/2025/wuye.md:4:11: 错误[GK102]: 类别“物业公开”不在 site.yml 的公开目录里。"))
        #expect(failed.err.contains("保持原样"))
        #expect(FixtureSite.snapshot(site.output) == before)

        let checked = try run(["check", "--site", site.root.path, "--format", "json"])
        #expect(checked.status == 1)
        let line = try #require(checked.out.split(separator: "\n").first)
        let json = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        #expect(json?["code"] as? String == "GK102")
        #expect(json?["line"] as? Int == 4)

        let usage = try run(["build", "--no-such-option"])
        #expect(usage.status == 2)
    }

    /// `check --as-of` lists the example site's gaps (石桥村 behind on monthly
    /// finances), the same ones its overview page shows.
    @Test func checkAsOfListsWhatIsOverdueInTheExampleSite() throws {
        let root = FixtureSite.repositoryRoot.path
        let result = try run(["check", "--site", root, "--quiet", "--as-of", "2026-11-26"])
        #expect(result.status == 0)
        let lines = result.err.split(separator: "\n").filter { $0.contains("[GK150]") }
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("content/shiqiao/community.yml: 警告[GK150]: 石桥村的“财务公开”有 3 期到 2026年11月26日 还没有公开：2025年11月") == true)
        #expect(try run(["check", "--site", root, "--quiet", "--as-of", "明天"]).status == 2)
        #expect(try run(["check", "--site", root, "--quiet"]).err.contains("GK150") == false)
    }
}
