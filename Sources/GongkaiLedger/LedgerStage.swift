import Foundation
import GongkaiContent
import GongkaiCore

/// The ledger stage (账本; docs/ledger.md): between parse and render, it
/// hashes each published notice's canonical text, compares it with the last
/// version `content/ledger.jsonl` recorded, and works out the entries this
/// build adds. A changed notice without a new revision record (GK162), a
/// recorded notice that is gone (GK163) or a broken chain (GK164/GK165) is an
/// error, so the build writes nothing.
///
/// Owns: those checks, appending after a successful write, and the part of
/// the no-op cache that concerns the ledger. Must not: print or render.
public struct LedgerStage: Sendable {
    public struct Outcome: Sendable {
        public var snapshot: LedgerSnapshot
        /// Entries this build adds (already in `snapshot.ledger`).
        public var pending: [LedgerEntry]
        /// `pending` as the lines appended to the ledger file, each with its
        /// newline (made once, on every core: a first build adds one a
        /// notice); empty when the build does not record.
        var pendingLines: [UInt8] = []
        public var diagnostics: [Diagnostic]
        /// The ledger file as read (nil when there is none yet).
        var recorded: [UInt8]?
        /// `recorded` had no unreadable line and an unbroken chain.
        var sound: Bool = true
        /// (digest of each source, withdrawn) → SHA-256 of its canonical
        /// text, for the next build (`VersionCache`).
        var versionCache = VersionCache.Update(known: .init())
        /// SHA-256 of attachments and table files by path, for the next build.
        var fileHashes: FileHashes?
        /// Facts' SHA-256 by what they are made from, and the cache as read.
        var facts: ([UInt64: String], FactsCache)?
    }

    let fs: any SiteFileSystem

    public init(fs: any SiteFileSystem) {
        self.fs = fs
    }

    /// `recording`: this build appends its entries. Only then are they
    /// published too; a preview shows only what is recorded (so its output
    /// depends on its input alone, not on the clock), and notices not yet
    /// recorded say so on the ledger pages.
    public func run(_ content: SiteContent, sources: SiteSources, now: Date, recording: Bool) -> Outcome {
        let recorded = try? fs.read(Ledger.path)
        var diagnostics: [Diagnostic] = []
        var ledger = Ledger()
        var sound = true
        if let recorded {
            // The bytes the last build verified need not be hashed again
            // (recomputing every entry's SHA-256 was most of this stage on
            // 10,000 notices); anything after them, or a file that differs
            // within them, is checked in full. `gongkai verify` always is.
            let (parsed, problems) = Ledger.parse(jsonLines: recorded, verified: Self.verifiedPrefix(fs: fs, recorded))
            ledger = parsed
            sound = problems.isEmpty
            diagnostics += problems.map { Self.diagnostic($0, file: Ledger.path) }
        }
        var byPath: [String: SourceFile] = [:]
        byPath.reserveCapacity(content.notices.count)
        for community in sources.communities {
            for notice in community.notices { byPath[notice.file.path] = notice.file }
        }
        let sourceByPath = byPath
        // Each notice's source file, looked up once.
        let files = content.notices.map { sourceByPath[$0.sourcePath] }
        // A notice whose source file has the same digest (computed when it
        // was read) as in the last build keeps its SHA-256 without its
        // canonical text being made. (`gongkai verify` always re-hashes.)
        let known = VersionCache.load(fs)
        let hashed = Array(content.notices.indices).parallelMap { index -> (VersionCache.Key, String, Bool) in
            let notice = content.notices[index]
            let file = files[index]
            let key = VersionCache.Key(digest: file?.digest ?? 0, withdrawn: notice.withdrawal != nil)
            if let sha = known.entries[key] { return (key, sha, false) }
            return (key, SHA256.hex(NoticeText.canonical(file?.bytes ?? [], withdrawn: key.withdrawn)), true)
        }
        // What the page shows beside the body (facts.txt) and the files it
        // is made from (files.sha256), with their SHA-256 (format 2).
        let communities = Dictionary(content.communities.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        let fileHashes = FileHashes(fs: fs)
        // A notice whose source, community.yml and site.yml are as in the
        // last build keeps its facts' SHA-256 without its facts being made.
        let factsCache = FactsCache.load(fs)
        var configDigests: [String: UInt64] = [:]
        for c in sources.communities { configDigests[c.slug] = c.config?.digest ?? 0 }
        let siteDigest = sources.siteFile?.digest ?? 0
        let records = Array(content.notices.indices).parallelMap { [configDigests] index -> Record in
            let notice = content.notices[index]
            let key = FactsCache.key(source: files[index]?.digest ?? 0, withdrawn: notice.withdrawal != nil,
                                     community: configDigests[notice.id.community] ?? 0, site: siteDigest)
            return Self.record(notice, community: communities[notice.id.community], site: content.site, hashes: fileHashes,
                               factsKey: key, knownFacts: factsCache.known[key])
        }
        var versions: [NoticeID: String] = [:]
        versions.reserveCapacity(hashed.count)
        var factsTexts: [NoticeID: String] = [:], fileLists: [NoticeID: String] = [:]
        var factsEntries: [UInt64: String] = [:]
        factsEntries.reserveCapacity(hashed.count)
        fileLists.reserveCapacity(hashed.count)
        var versionCache = VersionCache.Update(known: known)
        // Where each id's last entry is (entries are only appended below, so
        // the places stay); the entries compared where they are, not copied.
        let latestAt = ledger.latestIndex
        func latest(_ id: String) -> LedgerEntry? { latestAt[id].map { ledger.entries[$0] } }
        var candidates: [(id: String, index: Int)] = []
        var matched = 0
        for (index, notice) in content.notices.enumerated() {
            let (key, version, new) = hashed[index]
            versions[notice.id] = version
            if let text = records[index].facts { factsTexts[notice.id] = text }
            factsEntries[records[index].factsKey] = records[index].factsSHA
            fileLists[notice.id] = records[index].files
            versionCache.set(key, version, new: new)
            let id = notice.id.value
            if let at = latestAt[id] {
                matched += 1
                let record = records[index]
                let same = ledger.entries.withUnsafeBufferPointer { entries in
                    entries[at].version == version && entries[at].facts == record.factsSHA && entries[at].files == record.filesSHA
                }
                if same { continue }
            }
            candidates.append((id, index))
        }
        let withdrawnBefore = Set(ledger.entries.lazy.filter { $0.event == .withdrawn }.map(\.id))

        let time = Ledger.timestamp(now)
        let today = Ledger.localDay(now, timezone: content.site.timezone).iso
        var pending: [LedgerEntry] = []
        for (id, index) in candidates.sorted(by: { $0.id < $1.id }) {
            let notice = content.notices[index]
            let version = hashed[index].1
            let record = records[index]
            let event: LedgerEntry.Event
            if let last = latest(id), last.version == version {
                // The same text. Changed files are a silent edit of what was
                // published (a replaced PDF); anything else beside the text
                // (the contact from community.yml, a first record after
                // upgrading) is recorded as it is.
                if let files = last.files, files != record.filesSHA {
                    let at = notice.positions["attachments"] ?? notice.positions["revisions"] ?? SourcePosition(line: 1, column: 1)
                    diagnostics.append(Diagnostic(file: notice.sourcePath, line: at.line, column: at.column, code: "GK162",
                                                  message: LedgerMessages.filesChanged(id, record.changedFiles,
                                                                                       Ledger.localTime(last.time, timezone: content.site.timezone)),
                                                  fix: LedgerMessages.filesChangedFix(today)))
                    continue
                }
                event = .updated
            } else if let last = latest(id) {
                if notice.withdrawal != nil && !withdrawnBefore.contains(id) {
                    event = .withdrawn
                } else if notice.revisions.count > last.revisions {
                    event = .revised
                } else {
                    let at = notice.positions["revisions"] ?? SourcePosition(line: 1, column: 1)
                    diagnostics.append(Diagnostic(file: notice.sourcePath, line: at.line, column: at.column, code: "GK162",
                                                  message: LedgerMessages.silentEdit(id, Ledger.localTime(last.time, timezone: content.site.timezone)),
                                                  fix: LedgerMessages.silentEditFix(today)))
                    continue
                }
            } else {
                event = notice.withdrawal != nil ? .withdrawn : .published
            }
            pending.append(ledger.append(id: notice.id, event: event, version: version,
                                         revisions: notice.revisions.count, time: time,
                                         facts: record.factsSHA, files: record.filesSHA))
        }
        // Published answers (docs/desk.md): recorded like notices, under
        // `<community>/replies/<number>`; one changes only with a new 修订.
        var replyVersions: [String: String] = [:]
        var replyTexts: [String: [UInt8]] = [:]
        var replySources: [String: SourceFile] = [:]
        for community in sources.communities { for file in community.replies { replySources[file.path] = file } }
        for reply in content.replies where reply.isAnswered {
            let text = NoticeText.canonical(replySources[reply.sourcePath]?.bytes ?? [], withdrawn: false)
            let version = SHA256.hex(text)
            replyVersions[reply.id] = version
            replyTexts[reply.id] = text
            if let last = latest(reply.id) {
                matched += 1
                if last.version == version { continue }
                guard reply.revisions.count > last.revisions else {
                    diagnostics.append(Diagnostic(file: reply.sourcePath, line: 1, column: 1, code: "GK308",
                                                  message: LedgerMessages.silentReplyEdit(reply.number.description,
                                                                                         Ledger.localTime(last.time, timezone: content.site.timezone)),
                                                  fix: LedgerMessages.silentReplyEditFix(today)))
                    continue
                }
                pending.append(ledger.append(id: reply.id, event: .revised, version: version, revisions: reply.revisions.count, time: time))
            } else {
                pending.append(ledger.append(id: reply.id, event: .published, version: version, revisions: reply.revisions.count, time: time))
            }
        }
        if matched < latestAt.count {
            let present = Set(content.notices.map(\.id.value) + replyVersions.keys)
            for id in latestAt.keys.sorted() where !present.contains(id) {
                diagnostics.append(Diagnostic(file: "content/\(id).md", code: "GK163", message: LedgerMessages.vanished(id),
                                              fix: LedgerMessages.vanishedFix))
            }
        }
        let published = recording ? ledger : Ledger(entries: Array(ledger.entries.dropLast(pending.count)))
        // notice.txt is made only for the notices the renderer asks for.
        var snapshot = LedgerSnapshot(ledger: published, versions: versions, text: { notice in
            sourceByPath[notice.sourcePath].map { NoticeText.canonical($0.bytes, withdrawn: notice.withdrawal != nil) }
        })
        let site = content.site
        let madeFacts = factsTexts
        // Made again only for the notices whose files the renderer writes.
        snapshot.facts = { notice in
            madeFacts[notice.id] ?? NoticeFacts(notice, community: communities[notice.id.community], site: site).text
        }
        snapshot.files = fileLists
        snapshot.replyVersions = replyVersions
        snapshot.replyTexts = replyTexts
        // Only a build that records appends them (a preview records nothing).
        let pendingLines = (recording ? pending.indices : 0..<0).runs(of: 1024)
            .parallelMap { [pending] run in pending[run].reduce(into: [UInt8]()) { $0 += $1.jsonLine; $0.append(10) } }
            .reduce(into: [UInt8]()) { $0 += $1 }
        return Outcome(snapshot: snapshot, pending: pending, pendingLines: pendingLines, diagnostics: diagnostics,
                       recorded: recorded, sound: sound, versionCache: versionCache, fileHashes: fileHashes,
                       facts: (factsEntries, factsCache))
    }

    /// A notice's facts.txt and files.sha256 with their SHA-256.
    struct Record: Sendable {
        /// Nil when its SHA-256 came from `FactsCache`.
        var facts: String?
        var factsKey: UInt64
        var factsSHA: String
        var files: String
        var filesSHA: String
        /// Files whose bytes changed since the last build (for the message).
        var changedFiles: [String]
    }

    static let noFiles = SHA256.hex("")

    static func record(_ notice: Notice, community: Community?, site: Site, hashes: FileHashes,
                       factsKey: UInt64, knownFacts: String?) -> Record {
        let facts = knownFacts == nil ? NoticeFacts(notice, community: community, site: site).text : nil
        let factsSHA = knownFacts ?? SHA256.hex(facts ?? "")
        // A withdrawn notice publishes neither its body (with its tables) nor its files.
        let names = notice.withdrawal != nil ? [] : Array(Set(notice.attachments.map(\.file) + notice.tableFiles))
        guard !names.isEmpty else {
            return Record(facts: facts, factsKey: factsKey, factsSHA: factsSHA, files: "", filesSHA: noFiles, changedFiles: [])
        }
        let folder = notice.sourcePath.split(separator: "/").dropLast().joined(separator: "/")
        var list: [(name: String, sha256: String)] = []
        var changed: [String] = []
        for name in names {
            let hash = hashes.sha256(folder + "/" + name)
            list.append((name, hash?.now ?? String(repeating: "-", count: 64)))
            if hash?.before != nil { changed.append(name) }
        }
        let files = NoticeFiles.manifest(list)
        return Record(facts: facts, factsKey: factsKey, factsSHA: factsSHA, files: files, filesSHA: SHA256.hex(files),
                      changedFiles: changed.sorted())
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

    /// The ledger file once this build's entries are appended.
    static func appended(_ outcome: Outcome) -> [UInt8] {
        var bytes = outcome.recorded ?? []
        guard !outcome.pending.isEmpty else { return bytes }
        if let last = bytes.last, last != 10 { bytes.append(10) }
        return bytes + outcome.pendingLines
    }

    /// Appends this build's entries to content/ledger.jsonl (a whole new file
    /// renamed into place, so a crash never leaves half a line).
    public static func append(_ outcome: Outcome, siteRoot: String, replaceFile: LedgerFileReplacer) -> Diagnostic? {
        guard !outcome.pending.isEmpty else { return nil }
        let path = siteRoot + "/" + Ledger.path
        // Another build of the same site (to another output) may have
        // appended since this one read the file: appending now would fork
        // the chain.
        let now = try? LocalFileSystem(root: siteRoot).read(Ledger.path)
        let same: Bool = {
            guard let now, let recorded = outcome.recorded else { return now == nil && outcome.recorded == nil }
            return now.count == recorded.count && now.withUnsafeBytes { a in
                recorded.withUnsafeBytes { b in a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 }
            }
        }()
        guard same else {
            return Diagnostic(file: Ledger.path, code: "GK166", message: LedgerMessages.notWritten(LedgerMessages.changedMeanwhile),
                              fix: LedgerMessages.notWrittenFix)
        }
        // The recorded lines, then this build's, as a new file renamed over
        // the old one: a crash never leaves half a line.
        var tail: [UInt8] = []
        if let last = outcome.recorded?.last, last != 10 { tail.append(10) }
        tail += outcome.pendingLines
        if let reason = replaceFile(path, outcome.recorded ?? [], tail) {
            return Diagnostic(file: Ledger.path, code: "GK166", message: LedgerMessages.notWritten(reason),
                              fix: LedgerMessages.notWrittenFix)
        }
        return nil
    }

    // MARK: the no-op cache and the verified ledger
    //
    // BuildCache's fingerprint leaves the ledger out: the build that appends
    // to it would otherwise make the next build a full one. Instead the
    // ledger as it stands after a build is remembered here; a no-op needs the
    // file unchanged since, and, for a build that records, nothing left
    // unrecorded (a `serve` preview builds the same site but records nothing).
    //
    // The same record says how much of the file the build verified: the
    // next build recomputes the hashes of only the entries after that (or
    // of all, when the file differs within it). The digest is a fast one,
    // not a cryptographic one: the cache saves the build work, and
    // `gongkai verify` (and anyone's own script) checks every hash.

    static let cachePath = ".gongkai-cache/ledger.json"

    struct CacheRecord: Codable, Equatable {
        /// `digest` of the ledger file after the build.
        var ledger: String
        var unrecorded: Int
        /// How many bytes at the start of that file (whole lines) hold a
        /// verified chain, and their `digest`; nil when it did not verify.
        var verified: Int?
        var verifiedDigest: String?
    }

    static func digest(_ bytes: [UInt8]?) -> String {
        guard let bytes else { return "none" }
        return FileDigest.hex(bytes[...])
    }

    static func record(_ fs: any SiteFileSystem) -> CacheRecord? {
        guard let data = try? fs.read(cachePath) else { return nil }
        return try? JSONDecoder().decode(CacheRecord.self, from: Data(data))
    }

    public static func allowsNoOp(fs: any SiteFileSystem, recording: Bool) -> Bool {
        guard let record = record(fs) else { return false }
        return record.ledger == digest(try? fs.read(Ledger.path)) && (!recording || record.unrecorded == 0)
    }

    /// How many leading bytes of `recorded` the last build verified (0 when
    /// there is no record, or the file differs within them).
    static func verifiedPrefix(fs: any SiteFileSystem, _ recorded: [UInt8]) -> Int {
        guard let record = record(fs), let count = record.verified, let expected = record.verifiedDigest,
              count > 0, count <= recorded.count, FileDigest.hex(recorded[..<count]) == expected else { return 0 }
        return count
    }

    public static func saveCache(_ outcome: Outcome, recorded: Bool, siteRoot: String) {
        outcome.versionCache.save(siteRoot: siteRoot)
        outcome.fileHashes?.save(siteRoot: siteRoot)
        if let (entries, previous) = outcome.facts { FactsCache.save(entries, previous: previous, siteRoot: siteRoot) }
        let after = recorded && !outcome.pending.isEmpty ? appended(outcome) : outcome.recorded
        var record = CacheRecord(ledger: digest(after), unrecorded: recorded ? 0 : outcome.pending.count)
        if outcome.sound, let after {
            // Whole lines only: bytes added to an unfinished last line change it.
            let whole = after.last == 10 ? after.count : (after.lastIndex(of: 10).map { $0 + 1 } ?? 0)
            record.verified = whole
            record.verifiedDigest = whole == after.count ? record.ledger : FileDigest.hex(after[..<whole])
        }
        let folder = siteRoot + "/.gongkai-cache"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if let data = try? JSONEncoder().encode(record) {
            try? data.write(to: URL(fileURLWithPath: siteRoot + "/" + cachePath), options: .atomic)
        }
    }
}

/// Replaces a file whole (the ledger file): writes `bytes` then `more` to a
/// new file beside it and renames that over it; returns why it failed, or
/// nil. The build's output writer provides it, so this target writes no file
/// any other way.
public typealias LedgerFileReplacer = @Sendable (_ path: String, _ bytes: [UInt8], _ more: [UInt8]) -> String?
