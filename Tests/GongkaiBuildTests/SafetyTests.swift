import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 5's safety rules, through the real executable: two builds into one
/// output take turns, and a build killed at any moment (kill -9) leaves the
/// previous site whole and the next build works.
@Suite(.serialized)
struct SafetyTests {
    func start(_ arguments: [String]) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLineTests.executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, out, err)
    }

    @Test func aSecondBuildWaitsForTheFirstAndSaysWhy() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        // This test process plays the first build: it holds the lock.
        let lockPath = site.root.appendingPathComponent(".public.lock").path
        let fd = open(lockPath, O_RDWR | O_CREAT, 0o644)
        #expect(fd >= 0)
        #expect(flock(fd, LOCK_EX) == 0)
        let me = Array("\(getpid())\n".utf8)
        _ = me.withUnsafeBytes { pwrite(fd, $0.baseAddress, me.count, 0) }

        let (second, _, err) = try start(["build", "--site", site.root.path, "--quiet"])
        Thread.sleep(forTimeInterval: 1.0)
        #expect(second.isRunning, "the second build must wait while the lock is held")
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
        flock(fd, LOCK_UN)
        close(fd)
        second.waitUntilExit()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(second.terminationStatus == 0)
        #expect(message.contains("另一个 gongkai（进程 \(getpid())）正在生成同一个输出文件夹"), "\(message)")
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("index.html").path))
    }

    @Test func aBuildKilledAtAnyMomentLeavesThePreviousSiteWhole() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let arguments = ["build", "--site", site.root.path, "--quiet"]
        let (first, _, _) = try start(arguments)
        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
        let before = FixtureSite.snapshot(site.output)
        try site.write("content/xinhua/2025/tingche.md",
                       "---\ntitle: 停车位分配方案公示\ndate: 2025-05-06\ncategory: juwu\n---\n方案如下。\n")

        // Kill builds of the changed site at moments spread over a build.
        var seen: [[String: Data]] = []
        for delay in [0, 5, 10, 20, 30, 45, 60, 80, 100, 130, 160, 200, 260, 330] {
            let (process, _, _) = try start(arguments)
            Thread.sleep(forTimeInterval: Double(delay) / 1000)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            seen.append(FixtureSite.snapshot(site.output))
            try? FileManager.default.removeItem(at: site.root.appendingPathComponent(".gongkai-cache"))
        }
        let (last, _, _) = try start(arguments)
        last.waitUntilExit()
        #expect(last.terminationStatus == 0)
        let after = FixtureSite.snapshot(site.output)
        #expect(after["xinhua/2025/tingche/index.html"] != nil)
        for (i, snapshot) in seen.enumerated() {
            // Either the previous site or the new one, never a mixture.
            let differs = { (other: [String: Data]) in
                Set(snapshot.keys).union(other.keys).filter { snapshot[$0] != other[$0] }.sorted()
            }
            #expect(snapshot == before || snapshot == after,
                    "after kill \(i) the output is neither the old nor the new site: \(differs(before).prefix(5)) / \(differs(after).prefix(5))")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains("staging") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    /// The same with the caches kept, after builds that made a spare: kills
    /// while the spare is brought up to date, at the swap and while the
    /// records are saved. The next build gives what a clean build gives.
    @Test func aBuildKilledWhileTheSpareIsUpdatedLeavesThePreviousSiteWhole() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let arguments = ["build", "--site", site.root.path, "--quiet"]
        func build() throws {
            let (process, _, _) = try start(arguments)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        try build()
        func add(_ n: Int) throws {
            try site.write("content/xinhua/2025/n\(n).md", "---\ntitle: 第 \(n) 号通知\ndate: 2025-05-06\ncategory: juwu\n---\n第 \(n) 次补充。\n")
        }
        try add(0)
        try build()
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent(".public.spare").path))
        var round = 0
        for delay in [0, 10, 20, 30, 45, 60, 80, 100, 130, 160, 200, 260] {
            round += 1
            let before = FixtureSite.snapshot(site.output)
            try add(round)
            let (process, _, _) = try start(arguments)
            Thread.sleep(forTimeInterval: Double(delay) / 1000)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let seen = FixtureSite.snapshot(site.output)
            try build()
            let after = FixtureSite.snapshot(site.output)
            #expect(seen == before || seen == after, "kill after \(delay) ms: the output is neither the old nor the new site")
            // A build of the same site into a new folder renders everything.
            let fresh = site.root.appendingPathComponent("fresh")
            let (clean, _, _) = try start(["build", "--site", site.root.path, "--output", fresh.path, "--quiet"])
            clean.waitUntilExit()
            #expect(IncrementalBuildTests.site(site.output) == IncrementalBuildTests.site(fresh), "after the kill at \(delay) ms")
            try FileManager.default.removeItem(at: fresh)
        }
    }
}
