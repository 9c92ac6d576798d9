import Foundation
import GongkaiContent
import GongkaiCore
import GongkaiRender

/// The ledger stage (账本; docs/ledger.md): between parse and render, it
/// hashes each published notice's canonical text, compares it with the last
/// version `content/ledger.jsonl` recorded, and works out the entries this
/// build adds. A changed notice without a new revision record (GK162), a
/// recorded notice that is gone (GK163) or a broken chain (GK164/GK165) is an
/// error, so the build writes nothing.
///
/// Owns: those checks, appending after a successful write, and the part of
/// the no-op cache that concerns the ledger. Must not: print or render.
struct LedgerStage {
    struct Outcome {
        var snapshot: LedgerSnapshot
        /// Entries this build adds (already in `snapshot.ledger`).
        var pending: [LedgerEntry]
        var diagnostics: [Diagnostic]
        /// The ledger file as read (nil when there is none yet).
        var recorded: [UInt8]?
        /// Source path → (stable hash of its canonical text, SHA-256), for
        /// the next build (`VersionCache`).
        var versionCache: [String: VersionCache.Entry] = [:]
    }

    let fs: any SiteFileSystem

    /// `recording`: this build appends its entries. Only then are they
    /// published too; a preview shows only what is recorded (so its output
    /// depends on its input alone, not on the clock), and notices not yet
    /// recorded say so on the ledger pages.
    func run(_ content: SiteContent, sources: SiteSources, now: Date, recording: Bool) -> Outcome {
        let recorded = try? fs.read(Ledger.path)
        var diagnostics: [Diagnostic] = []
        var ledger = Ledger()
        if let recorded {
            let (parsed, problems) = Ledger.parse(jsonLines: recorded)
            ledger = parsed
            diagnostics += problems.map { Self.diagnostic($0, file: Ledger.path) }
        }
        var bytesByPath: [String: [UInt8]] = [:]
        for community in sources.communities {
            for notice in community.notices { bytesByPath[notice.file.path] = notice.file.bytes }
        }
        let sourceBytes = bytesByPath
        // SHA-256 of every notice was most of this stage on 10,000 notices:
        // a notice whose canonical text has the same stable hash as in the
        // last build keeps its SHA-256. (`gongkai verify` always re-hashes.)
        let known = VersionCache.load(fs)
        let hashed = content.notices.parallelMap { notice -> (NoticeID, String, [UInt8], VersionCache.Entry) in
            let text = NoticeText.canonical(sourceBytes[notice.sourcePath] ?? [], withdrawn: notice.withdrawal != nil)
            var h = StableHasher()
            h.add(text)
            if let entry = known[notice.sourcePath], entry.key == h.value, entry.size == text.count {
                return (notice.id, notice.sourcePath, text, entry)
            }
            return (notice.id, notice.sourcePath, text, VersionCache.Entry(key: h.value, size: text.count, sha256: SHA256.hex(text)))
        }
        var texts: [NoticeID: [UInt8]] = [:]
        var versions: [NoticeID: String] = [:]
        var versionCache: [String: VersionCache.Entry] = [:]
        for (id, path, text, entry) in hashed {
            texts[id] = text
            versions[id] = entry.sha256
            versionCache[path] = entry
        }

        let latest = ledger.latest
        let time = Ledger.timestamp(now)
        let today = Ledger.localDay(now, timezone: content.site.timezone).iso
        var pending: [LedgerEntry] = []
        for notice in content.notices.sorted(by: { $0.id < $1.id }) {
            let version = versions[notice.id]!
            let event: LedgerEntry.Event
            if let last = latest[notice.id.value] {
                if last.version == version { continue }
                if notice.withdrawal != nil && last.event != .withdrawn {
                    event = .withdrawn
                } else if notice.revisions.count > last.revisions {
                    event = .revised
                } else {
                    let at = notice.positions["revisions"] ?? SourcePosition(line: 1, column: 1)
                    diagnostics.append(Diagnostic(file: notice.sourcePath, line: at.line, column: at.column, code: "GK162",
                                                  message: LedgerMessages.silentEdit(notice.id.value, Ledger.localTime(last.time, timezone: content.site.timezone)),
                                                  fix: LedgerMessages.silentEditFix(today)))
                    continue
                }
            } else {
                event = notice.withdrawal != nil ? .withdrawn : .published
            }
            pending.append(ledger.append(id: notice.id, event: event, version: version,
                                         revisions: notice.revisions.count, time: time))
        }
        let present = Set(content.notices.map(\.id.value))
        for id in latest.keys.sorted() where !present.contains(id) {
            diagnostics.append(Diagnostic(file: "content/\(id).md", code: "GK163", message: LedgerMessages.vanished(id),
                                          fix: LedgerMessages.vanishedFix))
        }
        let published = recording ? ledger : Ledger(entries: Array(ledger.entries.dropLast(pending.count)))
        return Outcome(snapshot: LedgerSnapshot(ledger: published, texts: texts, versions: versions), pending: pending,
                       diagnostics: diagnostics, recorded: recorded, versionCache: versionCache)
    }

    static func diagnostic(_ problem: Ledger.Problem, file: String) -> Diagnostic {
        switch problem.kind {
        case .unreadable:
            return Diagnostic(file: file, line: problem.line, column: 1, code: "GK164",
                              message: LedgerMessages.unreadableLine, fix: LedgerMessages.unreadableLineFix)
        case .sequence(let expected):
            return broken(problem, file, LedgerMessages.sequence(expected))
        case .link:
            return broken(problem, file, LedgerMessages.link)
        case .hash:
            return broken(problem, file, LedgerMessages.hash)
        }
    }

    private static func broken(_ problem: Ledger.Problem, _ file: String, _ what: String) -> Diagnostic {
        Diagnostic(file: file, line: problem.line, column: 1, code: "GK165",
                   message: LedgerMessages.brokenChain(problem.seq, what), fix: LedgerMessages.brokenChainFix)
    }

    /// Appends this build's entries to content/ledger.jsonl (a whole new file
    /// renamed into place, so a crash never leaves half a line).
    static func append(_ outcome: Outcome, siteRoot: String) -> Diagnostic? {
        guard !outcome.pending.isEmpty else { return nil }
        let path = siteRoot + "/" + Ledger.path
        // Another build of the same site (to another output) may have
        // appended since this one read the file: appending now would fork
        // the chain.
        let now = try? Array(Data(contentsOf: URL(fileURLWithPath: path)))
        guard now == outcome.recorded else {
            return Diagnostic(file: Ledger.path, code: "GK166", message: LedgerMessages.notWritten(LedgerMessages.changedMeanwhile),
                              fix: LedgerMessages.notWrittenFix)
        }
        var bytes = outcome.recorded ?? []
        if let last = bytes.last, last != 10 { bytes.append(10) }
        for entry in outcome.pending { bytes += entry.jsonLine; bytes.append(10) }
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            return Diagnostic(file: Ledger.path, code: "GK166", message: LedgerMessages.notWritten("\(error.localizedDescription)"),
                              fix: LedgerMessages.notWrittenFix)
        }
        return nil
    }

    // MARK: the no-op cache
    //
    // BuildCache's fingerprint leaves the ledger out: the build that appends
    // to it would otherwise make the next build a full one. Instead the
    // ledger as it stands after a build is remembered here; a no-op needs the
    // file unchanged since, and, for a build that records, nothing left
    // unrecorded (a `serve` preview builds the same site but records nothing).

    static let cachePath = ".gongkai-cache/ledger.json"

    struct CacheRecord: Codable, Equatable {
        var ledger: String
        var unrecorded: Int
    }

    static func digest(_ bytes: [UInt8]?) -> String {
        guard let bytes else { return "none" }
        var h = StableHasher()
        h.add(bytes)
        return String(h.value, radix: 16)
    }

    static func allowsNoOp(fs: any SiteFileSystem, recording: Bool) -> Bool {
        guard let data = try? fs.read(cachePath),
              let record = try? JSONDecoder().decode(CacheRecord.self, from: Data(data)) else { return false }
        return record.ledger == digest(try? fs.read(Ledger.path)) && (!recording || record.unrecorded == 0)
    }

    static func saveCache(_ outcome: Outcome, recorded: Bool, siteRoot: String) {
        VersionCache.save(outcome.versionCache, siteRoot: siteRoot)
        var after = outcome.recorded
        if recorded && !outcome.pending.isEmpty {
            after = try? Array(Data(contentsOf: URL(fileURLWithPath: siteRoot + "/" + Ledger.path)))
        }
        let record = CacheRecord(ledger: digest(after), unrecorded: recorded ? 0 : outcome.pending.count)
        let folder = siteRoot + "/.gongkai-cache"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if let data = try? JSONEncoder().encode(record) {
            try? data.write(to: URL(fileURLWithPath: siteRoot + "/" + cachePath), options: .atomic)
        }
    }
}

/// `.gongkai-cache/ledger-versions.tsv`: per notice source, the stable hash
/// and length of its canonical text and its SHA-256, one line each
/// (`path, key (hex), size, sha256`, tab-separated). Damaged or missing
/// means hashing everything again.
enum VersionCache {
    struct Entry: Equatable, Sendable {
        var key: UInt64
        var size: Int
        var sha256: String
    }

    static let path = ".gongkai-cache/ledger-versions.tsv"

    static func load(_ fs: any SiteFileSystem) -> [String: Entry] {
        guard let bytes = try? fs.read(path) else { return [:] }
        var result: [String: Entry] = [:]
        for line in bytes.split(separator: 10) {
            let fields = line.split(separator: 9, omittingEmptySubsequences: false)
            guard fields.count == 4, let key = UInt64(String(decoding: fields[1], as: UTF8.self), radix: 16),
                  let size = Int(String(decoding: fields[2], as: UTF8.self)), fields[3].count == 64 else { continue }
            result[String(decoding: fields[0], as: UTF8.self)] = Entry(key: key, size: size,
                                                                    sha256: String(decoding: fields[3], as: UTF8.self))
        }
        return result
    }

    static func save(_ entries: [String: Entry], siteRoot: String) {
        var out = ""
        for (path, e) in entries.sorted(by: { $0.key < $1.key }) where !path.contains("\t") && !path.contains("\n") {
            out += "\(path)\t\(String(e.key, radix: 16))\t\(e.size)\t\(e.sha256)\n"
        }
        let folder = siteRoot + "/.gongkai-cache"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try? Data(out.utf8).write(to: URL(fileURLWithPath: siteRoot + "/" + path), options: .atomic)
    }
}
