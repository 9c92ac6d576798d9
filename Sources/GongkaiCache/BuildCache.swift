import Foundation
import GongkaiContent
import GongkaiCore
import GongkaiOutput
import GongkaiRender
import GongkaiTheme

/// The no-op rebuild: when nothing that goes into the site changed since the
/// last successful build (every source byte, attachment sizes and times, the
/// site's templates, the options, and the gongkai executable itself), and
/// the output still holds what that build wrote, nothing is parsed, rendered
/// or written. Kept in `.gongkai-cache/build.json` in the site folder.
/// The options of a build that change what it makes (so a cache made with
/// other options is not used).
public struct BuildSettings: Sendable {
    public var baseURL: String?
    public var strict: Bool
    public var preview: Bool
    public var reportOverdue: Bool

    public init(baseURL: String?, strict: Bool, preview: Bool, reportOverdue: Bool) {
        self.baseURL = baseURL
        self.strict = strict
        self.preview = preview
        self.reportOverdue = reportOverdue
    }
}

struct BuildCache: Codable {
    /// Of the inputs (not of where the site goes: two outputs of one input
    /// stay byte-identical, marker included).
    var fingerprint: String
    /// Absolute path of the output that build wrote.
    var output: String
    var notices: Int
    var communities: Int
    var drafts: Int
    var warnings: [Diagnostic]
    /// What the output held after that build, to notice files removed or
    /// changed by hand (then the site is built again).
    var outputFiles: Int
    var outputBytes: Int
    /// `quickFingerprint` of the same build, taken before its sources were
    /// read (nil from an older gongkai).
    var quick: UInt64?

    static let path = ".gongkai-cache/build.json"

    static func fingerprint(sources: SiteSources, overrides: [String: [UInt8]], synonyms: [UInt8]?,
                            options: BuildSettings, fs: any SiteFileSystem, today: CalendarDate) -> String {
        var h = StableHasher()
        h.add("gongkai-build-1")
        addSettings(&h, options, today: today)
        if let site = sources.siteFile { h.add(site.path); h.add(site.digest) }
        for (path, bytes) in overrides.sorted(by: { $0.key < $1.key }) { h.add(path); h.add(bytes) }
        h.add(synonyms ?? [])
        var folders = Set<String>()
        for community in sources.communities {
            h.add(community.slug)
            if let config = community.config { h.add(config.path); h.add(config.digest) }
            for reply in community.replies { h.add(reply.path); h.add(reply.digest) }
            for notice in community.notices {
                h.add(notice.file.path)
                h.add(notice.file.digest)
                guard folders.insert(notice.folder).inserted else { continue }
                for (name, kind) in notice.siblings.sorted(by: { $0.key < $1.key }) {
                    guard case .file(let size) = kind, !name.hasSuffix(".md") else { continue }
                    h.add(name)
                    h.add(UInt64(size))
                    h.add(String(fs.modificationTime(of: notice.folder + "/" + name) ?? -1))
                }
            }
        }
        return String(h.value, radix: 16)
    }

    /// What both fingerprints cover beside the sources: the day (the
    /// overview and the 公示 status depend on it), the options, the
    /// executable and the default theme.
    private static func addSettings(_ h: inout StableHasher, _ options: BuildSettings, today: CalendarDate) {
        h.add(today.iso)
        h.add(options.reportOverdue ? "overdue" : "-")
        h.add(ExecutableIdentity.current)
        h.add(defaultThemeHash)
        h.add(options.baseURL ?? "-")
        h.add(options.strict ? "strict" : "lenient")
        h.add(options.preview ? "preview" : "publish")
    }

    /// The quick no-op check: a hash of what the file system says about every
    /// file under content/ and templates/ (name, type, size, modification and
    /// change times, inode), like git's index, without reading any file;
    /// together with what else the fingerprint covers. Equal to the last
    /// build's (taken before it read its sources) means nothing changed since.
    /// A file's change time (ctime) cannot be set back by any tool, so an
    /// edit that keeps size and modification time still counts. Nil when the
    /// folders cannot be read.
    static func quickFingerprint(siteRoot: String, options: BuildSettings, today: CalendarDate) -> UInt64? {
        quickCheck(siteRoot: siteRoot, options: options, today: today)?.fingerprint
    }

    /// The quick fingerprint, and what the walk found (`SnapshotFileSystem`
    /// folders, by path relative to the site) for the load stage.
    static func quickCheck(siteRoot: String, options: BuildSettings,
                           today: CalendarDate) -> (fingerprint: UInt64, folders: [String: [String: stat]])? {
        var h = StableHasher()
        h.add("gongkai-quick-1")
        addSettings(&h, options, today: today)
        var folders: [String: [String: stat]] = [:]
        for top in ["content", "templates"] {
            h.add(top)
            let fd = open(siteRoot + "/" + top, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if fd < 0 {
                guard errno == ENOENT else { return nil }
                h.add("-")
                continue
            }
            // The ledger is appended by the build itself and has a no-op
            // check of its own (`LedgerStage.allowsNoOp`).
            guard let tree = statTree(fd, path: top, skipping: top == "content" ? "ledger.jsonl" : nil) else { return nil }
            h.add(tree.hash)
            folders.merge(tree.folders) { a, _ in a }
        }
        return (h.value, folders)
    }

    /// The stat hash of one folder (its descriptor is taken over): entries
    /// sorted by name, subfolders hashed recursively, the folders directly
    /// under it in parallel; and every folder's entries by path.
    /// `skipping`: an entry left out of the hash (not of the folders).
    private static func statTree(_ fd: Int32, path: String, parallel: Bool = true,
                                 skipping: String? = nil) -> (hash: UInt64, folders: [String: [String: stat]])? {
        guard let dir = fdopendir(fd) else { close(fd); return nil }
        defer { closedir(dir) }
        var entries: [(name: String, st: stat)] = []
        var unreadable = false
        forEachEntry(of: dir) { name, st in
            if let st { entries.append((name, st)) } else { unreadable = true }
        }
        guard !unreadable else { return nil }
        entries.sort { $0.name < $1.name }
        var own: [String: stat] = [:]
        own.reserveCapacity(entries.count)
        for e in entries { own[e.name] = e.st }
        var folders = [path: own]
        let subfolders = entries.indices.filter { (entries[$0].st.st_mode & S_IFMT) == S_IFDIR }
        let base = dirfd(dir)
        let jobs = subfolders.map { (fd: openat(base, entries[$0].name, O_RDONLY | O_DIRECTORY | O_CLOEXEC),
                                     path: path + "/" + entries[$0].name) }
        guard !jobs.contains(where: { $0.fd < 0 }) else {
            for job in jobs where job.fd >= 0 { close(job.fd) }
            return nil
        }
        let work: @Sendable ((fd: Int32, path: String)) -> (hash: UInt64, folders: [String: [String: stat]])? = { job in
            statTree(job.fd, path: job.path, parallel: false)
        }
        let inner = parallel ? jobs.parallelMap(work) : jobs.map(work)
        var subtrees: [Int: UInt64] = [:]
        for (i, value) in zip(subfolders, inner) {
            guard let value else { return nil }
            subtrees[i] = value.hash
            folders.merge(value.folders) { a, _ in a }
        }
        var h = StableHasher()
        for (i, e) in entries.enumerated() where e.name != skipping {
            h.add(e.name)
            h.add(UInt64(e.st.st_mode))
            h.add(UInt64(e.st.st_ino))
            if let sub = subtrees[i] {
                h.add(sub)
            } else {
                let id = FileIdentity(e.st)
                h.add(UInt64(bitPattern: id.size))
                h.add(UInt64(bitPattern: id.mtime))
                h.add(UInt64(bitPattern: id.ctime))
            }
        }
        return (h.value, folders)
    }

    /// The site's timezone as written in site.yml, read without parsing it
    /// (the no-op check runs before the parse stage).
    static func timezoneHint(_ sources: SiteSources) -> String {
        timezoneHint(siteFile: sources.siteFile?.bytes)
    }

    static func timezoneHint(siteFile: [UInt8]?) -> String {
        guard let bytes = siteFile else { return "Asia/Shanghai" }
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") where line.hasPrefix("timezone:") {
            let value = line.dropFirst("timezone:".count).split(separator: "#").first?
                .trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'")) ?? ""
            if TimeZone(identifier: value) != nil { return value }
        }
        return "Asia/Shanghai"
    }

    /// The running executable (size and time): a new gongkai rebuilds.
    static let defaultThemeHash: String = {
        var h = StableHasher()
        for (path, bytes) in DefaultTheme.files.sorted(by: { $0.key < $1.key }) { h.add(path); h.add(bytes) }
        return String(h.value, radix: 16)
    }()


    /// FNV-1a 64 over length-prefixed pieces (so "ab"+"c" ≠ "a"+"bc").
}
