import Foundation
import GongkaiCore
import Hummingbird

/// `gongkai serve`: the built site on 127.0.0.1 only, rebuilt when content/
/// or templates/ change, with open pages reloading themselves.
///
/// Owns: HTTP (the only importer of Hummingbird), watching, the reload and
/// error overlay script. The script is added to HTML responses here, in serve
/// mode only; it is never written into the built site. Must not: build (the
/// executable passes a `rebuild` closure) or write files.
public struct PreviewServer: Sendable {
    public struct Outcome: Sendable {
        /// Diagnostics lines of the last build (errors mean the last good
        /// site is still being served).
        public var problems: [String]
        public var succeeded: Bool
        /// A page open previews go to after this build (a notice just
        /// imported from Word), as a path from the site root.
        public var open: String?
        /// Problems that are not the build's (a dropped file that could not
        /// be imported): shown even when the build succeeded.
        public var notes: [String]

        public init(problems: [String], succeeded: Bool, open: String? = nil, notes: [String] = []) {
            self.problems = problems
            self.succeeded = succeeded
            self.open = open
            self.notes = notes
        }
    }

    public let siteRoot: String
    public let output: String
    public let port: Int
    public let rebuild: @Sendable () -> Outcome
    public let log: @Sendable (String) -> Void

    public init(siteRoot: String, output: String, port: Int, rebuild: @escaping @Sendable () -> Outcome,
                log: @escaping @Sendable (String) -> Void) {
        self.siteRoot = siteRoot
        self.output = output
        self.port = port
        self.rebuild = rebuild
        self.log = log
    }

    public func run(first: Outcome) async throws {
        let state = BuildState(first)
        let watcher = Task.detached { [self] in
            var fingerprint = SourceFingerprint.of(siteRoot)
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: 500_000_000)
                let now = SourceFingerprint.of(siteRoot)
                guard now != fingerprint else { continue }
                fingerprint = now
                log("检测到改动，重新生成……")
                state.update(rebuild())
            }
        }
        defer { watcher.cancel() }

        let router = Router()
        let files = StaticFiles(root: output)
        router.get("/__gongkai/status") { _, _ -> Response in
            let snapshot = state.snapshot
            var body: [String: Any] = ["generation": snapshot.generation, "ok": snapshot.outcome.succeeded,
                                       "problems": snapshot.outcome.problems, "notes": snapshot.outcome.notes]
            if let open = snapshot.outcome.open { body["open"] = open }
            let data = (try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])) ?? Data("{}".utf8)
            return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                            body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        router.get("**") { request, _ -> Response in
            files.response(for: request.uri.path, reloadScript: ReloadScript.source)
        }
        router.get("/") { request, _ -> Response in
            files.response(for: request.uri.path, reloadScript: ReloadScript.source)
        }
        let app = Application(router: router,
                              configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "gongkai"),
                              onServerRunning: { [log, port] _ in
                                  log("预览：http://127.0.0.1:\(port)/  （只在本机可以打开；改动 content/ 或 templates/ 会自动重新生成，按 Ctrl+C 停止）")
                              })
        try await app.runService()
    }
}

/// The last build's outcome and a counter that open pages poll.
final class BuildState: @unchecked Sendable {
    private let lock = NSLock()
    private var generation = 1
    private var outcome: PreviewServer.Outcome

    init(_ first: PreviewServer.Outcome) { outcome = first }

    func update(_ new: PreviewServer.Outcome) {
        lock.lock()
        generation += 1
        outcome = new
        lock.unlock()
    }

    var snapshot: (generation: Int, outcome: PreviewServer.Outcome) {
        lock.lock(); defer { lock.unlock() }
        return (generation, outcome)
    }
}
