import Foundation
import GongkaiContent
import GongkaiCore
import GongkaiOutput
import GongkaiRender
import GongkaiSearch

/// The incremental build (issue 5, docs/design.md §6): what earlier builds parsed
/// and rendered, kept in `.gongkai-cache/` in the site folder, so a rebuild
/// parses only changed notices and renders only pages whose view model
/// changed. Everything is keyed by content (stable hashes), never by time,
/// so the result is the same as a clean build's; a cache that is missing,
/// damaged or from another gongkai only means more work.
///
/// - `notices/<community>.memo`: each notice's parse result (the notice and
///   its diagnostics) under the hash of its source, its community's and the
///   site's configuration, the files beside it and the executable. One file
///   per community: a change rewrites only its community's file.
/// - `pages.bin`: path, key and size of each page the last build wrote.
/// - `search.bin`: the state of the last build's search index.
///
/// All three are in `BinaryCoder`'s form after a format line and a checksum
/// (`RecordFile.encode`): reading them back as JSON cost more than the
/// work they save.
enum IncrementalCache {
    static let folder = RecordFile.cacheFolder
}

/// Parse results by notice path, from the last build and from this one.
final class NoticeMemoStore: NoticeMemo, @unchecked Sendable {
    struct Entry {
        var path: String
        var key: UInt64
        var notice: Notice?
        var problems: [Diagnostic]
        /// Where the notice's body is in the last build's bodies file.
        var body: BodyPlace?
    }

    /// What one community's file holds (`NoticeCoding`): written for one
    /// executable and one community.
    struct Stored {
        var identity: String
        var slug: String
        var entries: [Entry]
    }

    /// The file's first bytes: the format (a change of it changes this).
    static let magic = Array("gongkai-notices-4\n".utf8)
    static let fileExtension = "memo"

    private let root: String
    /// Community slug → hash of what every notice's parse depends on beside
    /// its own bytes.
    private let contexts: [String: UInt64]
    /// Notice path → its key (`key(_:)`).
    private let keys: [String: UInt64]
    /// The last build's entries, by community (in `slugs` order).
    private let loaded: [[Entry]]
    private let slugs: [String]
    /// Notice path → where its entry is in `loaded` (community << 32 | index):
    /// no copy of the notices.
    private let known: [String: Int]
    private let lock = NSLock()
    private var fresh: [String: Entry] = [:]
    /// Communities whose stored file is out of date.
    private var dirty: Set<String> = []

    init(siteRoot: String, sources: SiteSources, baseURL: String?) {
        root = siteRoot + "/" + RecordFile.cacheFolder + "/notices"
        var site = StableHasher()
        site.add(ExecutableIdentity.current)
        site.add(baseURL ?? "-")
        site.add(sources.siteFile?.digest ?? 0)
        var contexts: [String: UInt64] = [:]
        for c in sources.communities {
            var h = site
            h.add(c.slug)
            h.add(c.config?.digest ?? 0)
            contexts[c.slug] = h.value
        }
        self.contexts = contexts
        // Every notice's key, communities in parallel, each folder's part once.
        let contextBySlug = contexts
        let perCommunity = sources.communities.parallelMap { c -> [(String, UInt64)] in
            var folders: [String: UInt64] = [:]
            let context = contextBySlug[c.slug] ?? 0
            return c.notices.map { source in
                let folder = folders[source.folder] ?? Self.folderKey(source)
                folders[source.folder] = folder
                return (source.file.path, Self.key(source, context: context, folder: folder))
            }
        }
        var keys: [String: UInt64] = [:]
        for list in perCommunity { for (path, key) in list { keys[path] = key } }
        self.keys = keys
        let root = self.root
        let slugs = sources.communities.map(\.slug)
        let loaded = slugs.parallelMap { slug in Self.load(root, slug) }
        var known: [String: Int] = [:]
        known.reserveCapacity(loaded.reduce(0) { $0 + $1.count })
        for (c, entries) in loaded.enumerated() {
            for (i, e) in entries.enumerated() { known[e.path] = c << 32 | i }
        }
        self.slugs = slugs
        self.loaded = loaded
        self.known = known
    }

    private func previous(_ path: String) -> Entry? {
        guard let at = known[path] else { return nil }
        return loaded[at >> 32][at & 0xFFFF_FFFF]
    }

    /// Each notice's key, computed once (by `recall`, `remember` and the
    /// render stage's inputs alike).
    func key(_ source: NoticeSource) -> UInt64 {
        keys[source.file.path] ?? Self.key(source, context: contexts[source.id.community] ?? 0,
                                             folder: Self.folderKey(source))
    }

    static func key(_ source: NoticeSource, context: UInt64, folder: UInt64) -> UInt64 {
        var h = StableHasher()
        h.add(context)
        h.add(source.id.value)
        h.add(source.file.path)
        h.add(source.file.digest)
        h.add(folder)
        return h.value
    }

    /// What the files beside a notice add to its key. The same for every
    /// notice of a folder (the loader gives them the same listing), so it is
    /// computed once a folder: a year folder of 100 notices would otherwise
    /// sort and hash its 100 names for each of them.
    static func folderKey(_ source: NoticeSource) -> UInt64 {
        var h = StableHasher()
        // Table files (.csv/.xlsx) a ```table block may read: their bytes,
        // since an edit that keeps the size (7,586.40 → 7,856.40) changes the page.
        for (name, file) in source.dataFiles.sorted(by: { $0.key < $1.key }) {
            h.add(name)
            h.add(file.digest)
        }
        // The files beside it (attachments: their names and sizes). Other
        // notices in the same folder count by name only, or editing one
        // notice would parse its whole folder again: a .md file is a notice,
        // never an attachment.
        for (name, kind) in source.siblings.sorted(by: { $0.key < $1.key }) {
            h.add(name)
            switch kind {
            case .file where name.hasSuffix(".md"): h.add("md")
            case .file(let size): h.add(UInt64(size))
            case .directory: h.add("/")
            case .symlink: h.add("@")
            }
        }
        // PDF and Word files are scanned by the privacy guard: their
        // digests (an attachment replaced by one of the same size is scanned again).
        for (name, file) in source.documents.sorted(by: { $0.key < $1.key }) {
            h.add(name)
            h.add(file.digest)
        }
        // Text attachments are scanned by the privacy guard: their bytes.
        for (name, bytes) in source.textFiles.sorted(by: { $0.key < $1.key }) {
            h.add(name)
            h.add(bytes)
        }
        // Pixel sizes of images (shown inline with width/height).
        for (name, size) in source.imageSizes.sorted(by: { $0.key < $1.key }) {
            h.add(name)
            h.add(UInt64(size.width))
            h.add(UInt64(size.height))
        }
        return h.value
    }

    /// Notice name (the URL's last folder) → the last build's notices of
    /// that name, made on first use.
    private let byName = Handoff<[String: [Notice]]?>(nil)

    /// A notice as the last build parsed it, by its page's URL (for the
    /// search index's update).
    func previousNotice(url: String) -> Notice? {
        let parts = url.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 4, let name = String(parts[2]).removingPercentEncoding else { return nil }
        let map: [String: [Notice]]
        if let m = byName.value {
            map = m
        } else {
            var m: [String: [Notice]] = [:]
            m.reserveCapacity(known.count)
            for entries in loaded {
                for e in entries { if let n = e.notice { m[n.id.name, default: []].append(n) } }
            }
            byName.set(m)
            map = m
        }
        return map[name]?.first { SiteRenderer.noticeHref($0.id) == url }
    }

    /// Notices parsed in this build (not recalled).
    var parsedCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return fresh.count
    }

    func recall(_ source: NoticeSource) -> (Notice?, [Diagnostic])? {
        guard let at = known[source.file.path] else { return nil }
        let e = loaded[at >> 32][at & 0xFFFF_FFFF]
        guard e.key == key(source) else { return nil }
        return (e.notice, e.problems)
    }

    func remember(_ source: NoticeSource, _ result: (Notice?, [Diagnostic])) {
        let e = Entry(path: source.file.path, key: key(source), notice: result.0, problems: result.1)
        lock.lock()
        fresh[source.file.path] = e
        dirty.insert(source.id.community)
        lock.unlock()
    }

    /// Writes the files of communities that changed (a notice parsed anew,
    /// added or removed) and removes those of communities that are gone.
    func save(_ sources: SiteSources) {
        let fm = FileManager.default
        try? fm.createDirectory(atPath: root, withIntermediateDirectories: true)
        var names: Set<String> = []
        var changed: [(String, [String])] = []
        let before = Dictionary(zip(slugs, loaded), uniquingKeysWith: { a, _ in a })
        for c in sources.communities {
            names.insert(c.slug + "." + Self.fileExtension)
            let paths = c.notices.map(\.file.path)
            guard dirty.contains(c.slug) || !(before[c.slug] ?? []).map(\.path).elementsEqual(paths) else { continue }
            changed.append((c.slug, paths))
        }
        let root = self.root
        _ = changed.parallelMap { slug, paths -> Bool in
            var entries: [Entry] = []
            entries.reserveCapacity(paths.count)
            for path in paths {
                guard let e = fresh[path] ?? previous(path) else { continue }
                entries.append(e)
            }
            let stored = Stored(identity: ExecutableIdentity.current, slug: slug, entries: entries)
            // The bodies first, then the file that names them (by inode,
            // time and size): a build killed between the two leaves a notice
            // file whose bodies file is not the one it names, so it is not used.
            let bodies = BodyFile()
            guard let bytes = Self.encode(stored, bodies: bodies, bodiesFile: { bodies in
                Self.writeBodies(bodies, to: "\(root)/\(slug).\(Self.bodiesExtension)")
            }) else { return false }
            return (try? Data(bytes).write(to: URL(fileURLWithPath: "\(root)/\(slug).\(Self.fileExtension)"),
                                           options: .atomic)) != nil
        }
        for name in (try? fm.contentsOfDirectory(atPath: root)) ?? []
        where !names.contains(name) && !names.contains((name as NSString).deletingPathExtension + "." + Self.fileExtension) {
            try? fm.removeItem(atPath: root + "/" + name)
        }
    }

    /// The stored value in a cache file (`RecordFile.encode(magic:_:)`).
    /// `bodies`: where the notices' bodies go; `bodiesFile` writes them
    /// (once all are there) and says what names the file (inode, modification
    /// time, size), or nil if it could not.
    static func encode(_ stored: Stored, bodies: BodyFile,
                       bodiesFile: (BodyFile) -> BodiesName?) -> [UInt8]? {
        let body = BinaryEncoder()
        do {
            for entry in stored.entries {
                try body.write(entry.path)
                body.write(entry.key)
                body.write(entry.notice != nil)
                if let notice = entry.notice {
                    try NoticeCoding.write(notice, body, bodies: bodies, storedBody: entry.body?.bytes)
                }
                body.write(UInt32(entry.problems.count))
                for p in entry.problems { try NoticeCoding.write(p, body) }
            }
        } catch { return nil }
        guard let named = bodiesFile(bodies) else { return nil }
        return RecordFile.encode(magic: magic) { e in
            try e.write(stored.identity)
            try e.write(stored.slug)
            e.write(named.inode)
            e.write(named.mtime)
            e.write(named.size)
            e.write(UInt32(stored.entries.count))
            e.bytes += body.bytes
        }
    }

    static let bodiesExtension = "bodies"

    /// What names a bodies file: inode, modification time, size.
    struct BodiesName: Equatable {
        var inode: UInt64
        var mtime: Int64
        var size: Int64
    }

    /// Writes the bodies (a new file renamed into place) and returns what
    /// names it, or nil.
    static func writeBodies(_ bodies: BodyFile, to path: String) -> BodiesName? {
        guard case .success(let id) = OutputWriter.replaceFile(path, bodies.bytes) else { return nil }
        return BodiesName(inode: id.inode, mtime: id.mtime, size: id.size)
    }

    /// `bodies`: opens the bodies file the notice file names (inode,
    /// modification time, size), nil if it is not that file.
    static func decode(_ bytes: UnsafeRawBufferPointer, slug: String,
                       bodies open: (BodiesName) -> BodyFile?) -> [Entry]? {
        RecordFile.decode(bytes, magic: magic) { d -> [Entry]? in
            guard try d.read(String.self) == ExecutableIdentity.current, try d.read(String.self) == slug else { return nil }
            let named = BodiesName(inode: try d.read(UInt64.self), mtime: try d.read(Int64.self), size: try d.read(Int64.self))
            guard let bodies = open(named) else { return nil }
            let n = try d.count(unit: 8)
            var entries: [Entry] = []
            entries.reserveCapacity(n)
            for _ in 0..<n {
                let path = try d.read(String.self)
                let key = try d.read(UInt64.self)
                let read = try d.present() ? try NoticeCoding.read(d, bodies: bodies) : nil
                let problems = try (0..<d.count()).map { _ in try NoticeCoding.readDiagnostic(d) }
                entries.append(Entry(path: path, key: key, notice: read?.0, problems: problems, body: read?.1))
            }
            return entries
        } ?? nil
    }

    private static func load(_ root: String, _ slug: String) -> [Entry] {
        RecordFile.withContents(of: "\(root)/\(slug).\(fileExtension)") { bytes in
            decode(bytes, slug: slug, bodies: { named in
                let fd = open("\(root)/\(slug).\(bodiesExtension)", O_RDONLY | O_CLOEXEC)
                guard fd >= 0 else { return nil }
                var st = stat()
                let id = fstat(fd, &st) == 0 ? FileIdentity(st) : nil
                guard let id, BodiesName(inode: id.inode, mtime: id.mtime, size: id.size) == named else { close(fd); return nil }
                return BodyFile(fd: fd, size: Int(id.size))
            }) ?? []
        } ?? []
    }
}

/// Page keys of the last build (`pages.bin`), for `SiteRenderer.render(reuse:)`.
public struct PageMemoStore: PageReuse {
    /// What the file holds: each keyed file of the last build, as two
    /// columns: the stable hash of its path (paths themselves took longer to
    /// read back than the rest of the cache; two of 20,000 paths sharing a
    /// 64-bit hash is not a concern) and its key.
    struct Stored: Codable {
        var header: String
        var paths: [UInt64]
        var keys: [UInt64]
        /// Path hashes of the `.gz` files the build wrote (`Precompress`).
        var compressed: [UInt64] = []
    }

    static let magic = Array("gongkai-pages-4\n".utf8)

    let output: String
    /// Path hash → key.
    let pages: [UInt64: UInt64]
    /// The `.gz` files of the last build, by path hash; nil when unknown.
    let compressed: Set<UInt64>?

    static func path(_ siteRoot: String) -> String { siteRoot + "/" + RecordFile.cacheFolder + "/pages.bin" }
    /// The file of earlier gongkais (removed when this one saves).
    static func oldPath(_ siteRoot: String) -> String { siteRoot + "/" + RecordFile.cacheFolder + "/pages.tsv" }

    /// The header names the executable, the output and the build (the
    /// fingerprint in the output's marker file): pages of another gongkai,
    /// for another folder, or of a build whose swap did not happen (or
    /// happened but was not recorded: a kill at the wrong moment) are not
    /// reused.
    static func header(output: String, build: String) -> String {
        "gongkai-pages-1\t\(ExecutableIdentity.current)\t\(output)\t\(build)"
    }

    static func hash(_ path: String) -> UInt64 {
        var h = StableHasher()
        h.add(path)
        return h.value
    }

    init(siteRoot: String, output: String) {
        self.output = output
        var pages: [UInt64: UInt64] = [:]
        var compressed: Set<UInt64>?
        if let marker = try? String(contentsOfFile: output + "/" + OutputWriter.marker, encoding: .utf8),
           let stored = RecordFile.read(Stored.self, path: Self.path(siteRoot), magic: Self.magic),
           stored.header == Self.header(output: output, build: marker), stored.paths.count == stored.keys.count {
            pages.reserveCapacity(stored.paths.count)
            for i in stored.paths.indices { pages[stored.paths[i]] = stored.keys[i] }
            compressed = Set(stored.compressed)
        }
        self.pages = pages
        self.compressed = compressed
    }

    /// Whether the last build wrote a `.gz` at `path`; nil when unknown.
    public func hadFile(gzip path: String) -> Bool? {
        compressed.map { $0.contains(Self.hash(path)) }
    }

    /// By key alone: looking for each page on disk was half of an
    /// incremental render stage. A page deleted or edited by hand is the
    /// writer's to find (it surveys its trees; a page it cannot find in
    /// either fails the write with `previousMissing`, and the build is done
    /// again without reusing anything).
    public func canReuse(_ path: String, key: UInt64) -> Bool {
        pages[Self.hash(path)] == key
    }

    /// No record of the last build's pages (or not one for this output).
    var isEmpty: Bool { pages.isEmpty }

    /// Records the pages this build wrote (`build`: what it put in the marker).
    func save(_ files: [OutputFile], siteRoot: String, build: String) {
        var stored = Stored(header: Self.header(output: output, build: build), paths: [], keys: [])
        stored.paths.reserveCapacity(files.count)
        stored.keys.reserveCapacity(files.count)
        for file in files {
            if file.path.hasSuffix(".gz") { stored.compressed.append(Self.hash(file.path)) }
            guard let key = file.key else { continue }
            if case .copy = file.content { continue }
            stored.paths.append(Self.hash(file.path))
            stored.keys.append(key)
        }
        try? FileManager.default.createDirectory(atPath: siteRoot + "/" + RecordFile.cacheFolder,
                                                 withIntermediateDirectories: true)
        RecordFile.write(stored, path: Self.path(siteRoot), magic: Self.magic)
        unlink(Self.oldPath(siteRoot))
    }
}

/// The state of the last build's search index (`search.bin`): trusted only
/// for the output and build it was written for (as the pages' file), and
/// only if it reads back whole (GongkaiSearch checks its own bytes):
/// anything else is no state, and the index is built anew.
struct SearchStateStore {
    static let magic = Array("gongkai-search-3\n".utf8)

    let output: String
    let state: SearchIndexState?

    static func path(_ siteRoot: String) -> String { siteRoot + "/" + RecordFile.cacheFolder + "/search.bin" }
    static func oldPath(_ siteRoot: String) -> String { siteRoot + "/" + RecordFile.cacheFolder + "/search.json" }

    init(siteRoot: String, output: String) {
        self.output = output
        guard let marker = try? String(contentsOfFile: output + "/" + OutputWriter.marker, encoding: .utf8),
              let bytes = RecordFile.bytes(of: Self.path(siteRoot)) else {
            state = nil
            return
        }
        state = Self.decode(bytes, header: PageMemoStore.header(output: output, build: marker))
    }

    /// The file: magic, the header's length (4 bytes) and bytes, the state.
    static func encode(_ state: SearchIndexState, header: String) -> [UInt8] {
        let h = Array(header.utf8)
        var out = magic
        for k in 0..<4 { out.append(UInt8(truncatingIfNeeded: h.count >> (8 * k))) }
        return out + h + state.serialized()
    }

    static func decode(_ bytes: [UInt8], header: String) -> SearchIndexState? {
        let h = Array(header.utf8)
        guard bytes.count >= magic.count + 4 + h.count, Array(bytes.prefix(magic.count)) == magic else { return nil }
        var length = 0
        for k in 0..<4 { length |= Int(bytes[magic.count + k]) << (8 * k) }
        let start = magic.count + 4
        guard length == h.count, Array(bytes[start..<start + length]) == h else { return nil }
        return SearchIndexState(serialized: Array(bytes[(start + length)...]))
    }

    static func save(_ state: SearchIndexState, siteRoot: String, output: String, build: String) {
        _ = OutputWriter.replaceFile(path(siteRoot), encode(state, header: PageMemoStore.header(output: output, build: build)))
        unlink(oldPath(siteRoot))
    }
}
