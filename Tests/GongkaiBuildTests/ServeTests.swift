import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `gongkai serve`: 127.0.0.1 only, UTF-8 HTML, the reload script added to
/// responses but never written into the built site, rebuild on change.
struct ServeTests {
    func get(_ url: String) -> (status: Int, type: String, body: String)? {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: (Int, String, String)?
        var request = URLRequest(url: URL(string: url)!)
        request.timeoutInterval = 2
        URLSession.shared.dataTask(with: request) { data, response, _ in
            if let http = response as? HTTPURLResponse {
                result = (http.statusCode, http.value(forHTTPHeaderField: "Content-Type") ?? "",
                          String(decoding: data ?? Data(), as: UTF8.self))
            }
            done.signal()
        }.resume()
        done.wait()
        return result
    }

    /// `gongkai serve` on the site at a random port, and its address.
    func serve(_ site: FixtureSite) throws -> (Process, String) {
        let port = 20000 + Int.random(in: 0..<20000)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLineTests.executable)
        process.arguments = ["serve", "--site", site.root.path, "--port", String(port)]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return (process, "http://127.0.0.1:\(port)")
    }

    /// True as soon as `condition` holds, polling for up to 10 seconds.
    func eventually(_ condition: () -> Bool) -> Bool {
        for _ in 0..<50 {
            Thread.sleep(forTimeInterval: 0.2)
            if condition() { return true }
        }
        return false
    }

    @Test func servesRebuildsAndNeverWritesTheReloadScript() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let (process, base) = try serve(site)
        defer { process.terminate(); process.waitUntilExit() }
        var status: (status: Int, type: String, body: String)?
        for _ in 0..<100 where status == nil {
            status = get(base + "/__gongkai/status")
            if status == nil { Thread.sleep(forTimeInterval: 0.2) }
        }
        #expect(status?.body.contains("\"ok\":true") == true)
        let home = try #require(get(base + "/"))
        #expect(home.status == 200)
        #expect(home.type == "text/html; charset=utf-8")
        #expect(home.body.contains("/__gongkai/status"))
        // The preview is built beside the site, never into public/.
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
        let preview = site.root.appendingPathComponent(".gongkai-preview")
        let onDisk = try String(contentsOf: preview.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(!onDisk.contains("__gongkai"))
        #expect(get(base + "/%2e%2e/%2e%2e/etc/passwd")?.status == 403)

        try site.write("content/xinhua/2025/wuye.md", "---\ntitle: 物业费新标题\ndate: 2025-02-08\ncategory: juwu\n---\n正文\n")
        #expect(eventually { get(base + "/xinhua/2025/wuye/")?.body.contains("物业费新标题") == true })
        try site.write("content/xinhua/2025/wuye.md", "---\ntitle: 物业费\ndate: 2025-02-30\ncategory: juwu\n---\n")
        #expect(eventually { get(base + "/__gongkai/status")?.body.contains("GK103") == true })
        #expect(get(base + "/xinhua/2025/wuye/")?.body.contains("物业费新标题") == true, "the last good site stays")
        // Not yet reviewed is no reason to hide a draft from its author: a
        // warning in the preview (an error for `gongkai build`).
        try site.write("content/site.yml", try String(contentsOf: site.root.appendingPathComponent("content/site.yml"), encoding: .utf8)
            .replacingOccurrences(of: "  - slug: juwu\n", with: "  - slug: juwu\n    review_required: true\n"))
        try site.write("content/xinhua/2025/wuye.md", "---\ntitle: 物业费待审稿\ndate: 2025-02-08\ncategory: juwu\n---\n正文\n")
        #expect(eventually { get(base + "/xinhua/2025/wuye/")?.body.contains("物业费待审稿") == true })
        // The status follows once the build has finished (its caches saved
        // after the new pages are in place): a moment later on a busy machine.
        #expect(eventually { get(base + "/__gongkai/status")?.body.contains("GK141") == true })
        #expect(try CommandLineTests().run(["build", "--site", site.root.path]).status == 1, "build refuses what the preview shows")
    }

    /// A Word document dropped into a community's folder while the preview
    /// runs is imported, moved aside, and open pages go to the new notice; a
    /// file that is not a .docx stays and its problem is shown.
    @Test func aWordDocumentDroppedIntoACommunityFolderBecomesANotice() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let (process, base) = try serve(site)
        defer { process.terminate(); process.waitUntilExit() }
        #expect(eventually { get(base + "/__gongkai/status")?.body.contains("\"ok\":true") == true })
        let corpus = FixtureSite.repositoryRoot.appendingPathComponent("Tests/Fixtures/word")
        let community = site.root.appendingPathComponent("content/mazhuang")
        try FileManager.default.copyItem(at: corpus.appendingPathComponent("lo-caiwu-2026-10.docx"),
                                         to: community.appendingPathComponent("马庄村10月财务.docx"))
        #expect(eventually { get(base + "/__gongkai/status")?.body.contains("caiwu-2026-11\\/index.html") == true })
        #expect(FileManager.default.fileExists(atPath: community.appendingPathComponent("2026/caiwu-2026-11.md").path))
        #expect(FileManager.default.fileExists(atPath: community.appendingPathComponent("_已导入/马庄村10月财务.docx").path))
        #expect(!FileManager.default.fileExists(atPath: community.appendingPathComponent("马庄村10月财务.docx").path))
        #expect(eventually { get(base + "/mazhuang/2026/caiwu-2026-11/")?.body.contains("马庄村2026年10月财务收支公开") == true })
        try FileManager.default.copyItem(at: corpus.appendingPathComponent("jiu-geshi.doc"),
                                         to: community.appendingPathComponent("旧文件.doc"))
        #expect(eventually { get(base + "/__gongkai/status")?.body.contains("GK190") == true })
        #expect(FileManager.default.fileExists(atPath: community.appendingPathComponent("旧文件.doc").path))
        // Imported once: the moved source is not imported again.
        #expect(!FileManager.default.fileExists(atPath: community.appendingPathComponent("2026/caiwu-2026-11-2.md").path))
    }
}
