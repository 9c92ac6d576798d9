import Foundation
import GongkaiContent
import GongkaiCore
import GongkaiRender
import GongkaiSearch

/// The incremental build (issue 5, DESIGN.md §6): what earlier builds parsed
/// and rendered, kept in `.gongkai-cache/` in the site folder, so a rebuild
/// parses only changed notices and renders only pages whose view model
/// changed. Everything is keyed by content (stable hashes), never by time,
/// so the result is the same as a clean build's; a cache that is missing,
/// damaged or from another gongkai only means more work.
///
/// - `notices/<community>.json` + `.bin`: each notice's parse result (the
///   notice without its body, and its diagnostics) under the hash of its
///   source, its community's and the site's configuration, the files beside
///   it and the executable; the bodies (HTML and plain text) are in the
///   `.bin` beside it, so the JSON stays small and fast to read. One pair per
///   community: a change rewrites only its community's pair.
/// - `pages.tsv`: path, key and size of each page the last build wrote.
enum IncrementalCache {
    static let folder = ".gongkai-cache"
}

/// Parse results by notice path, from the last build and from this one.
final class NoticeMemoStore: NoticeMemo, @unchecked Sendable {
    struct Entry: Codable {
        var path: String
        var key: UInt64
        var notice: Notice?
        var problems: [Diagnostic]
        /// UTF-8 lengths of the body's HTML and text in the `.bin` file,
        /// which holds the bodies one after another in entry order.
        var html: Int
        var text: Int
    }

    struct Known {
        var key: UInt64
        var notice: Notice?
        var problems: [Diagnostic]
    }

    private let root: String
    /// Community slug → hash of what every notice's parse depends on beside
    /// its own bytes.
    private let contexts: [String: UInt64]
    private let known: [String: Known]
    /// Community slug → the notice paths stored for it.
    private let stored: [String: Set<String>]
    private let lock = NSLock()
    private var fresh: [String: Known] = [:]
    /// Communities whose stored pair is out of date.
    private var dirty: Set<String> = []

    init(siteRoot: String, sources: SiteSources, baseURL: String?) {
        root = siteRoot + "/" + IncrementalCache.folder + "/notices"
        var site = StableHasher()
        site.add(BuildCache.executableIdentity)
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
        let root = self.root
        let slugs = sources.communities.map(\.slug)
        let loaded = slugs.parallelMap { slug in Self.load(root, slug) }
        var known: [String: Known] = [:]
        var stored: [String: Set<String>] = [:]
        for (slug, entries) in zip(slugs, loaded) {
            for (path, k) in entries { known[path] = k }
            stored[slug] = Set(entries.map(\.0))
        }
        self.known = known
        self.stored = stored
    }

    func key(_ source: NoticeSource) -> UInt64 {
        var h = StableHasher()
        h.add(contexts[source.id.community] ?? 0)
        h.add(source.id.value)
        h.add(source.file.path)
        h.add(source.file.digest)
        // The files beside it (attachments: their names and sizes). Other
        // notices in the same folder count by name only, or editing one
        // notice would parse its whole folder again: a .md file is a notice,
        // never an attachment.
        // Table files (.csv/.xlsx) a ```table block may read: their bytes,
        // since an edit that keeps the size (7,586.40 → 7,856.40) changes the page.
        for (name, file) in source.dataFiles.sorted(by: { $0.key < $1.key }) {
            h.add(name)
            h.add(file.digest)
        }
        for (name, kind) in source.siblings.sorted(by: { $0.key < $1.key }) {
            h.add(name)
            switch kind {
            case .file where name.hasSuffix(".md"): h.add("md")
            case .file(let size): h.add(UInt64(size))
            case .directory: h.add("/")
            case .symlink: h.add("@")
            }
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

    private let byURL = Handoff<[String: Notice]?>(nil)

    /// A notice as the last build parsed it, by its page's URL (for the
    /// search index's update).
    func previousNotice(url: String) -> Notice? {
        if let map = byURL.value { return map[url] }
        var map: [String: Notice] = [:]
        for k in known.values { if let n = k.notice { map[SiteRenderer.noticeHref(n.id)] = n } }
        byURL.set(map)
        return map[url]
    }

    /// Notices parsed in this build (not recalled).
    var parsedCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return fresh.count
    }

    func recall(_ source: NoticeSource) -> (Notice?, [Diagnostic])? {
        guard let k = known[source.file.path], k.key == key(source) else { return nil }
        return (k.notice, k.problems)
    }

    func remember(_ source: NoticeSource, _ result: (Notice?, [Diagnostic])) {
        let k = Known(key: key(source), notice: result.0, problems: result.1)
        lock.lock()
        fresh[source.file.path] = k
        dirty.insert(source.id.community)
        lock.unlock()
    }

    /// Writes the pairs of communities that changed (a notice parsed anew,
    /// added or removed) and removes those of communities that are gone.
    func save(_ sources: SiteSources) {
        let fm = FileManager.default
        try? fm.createDirectory(atPath: root, withIntermediateDirectories: true)
        var slugs: Set<String> = []
        for c in sources.communities {
            slugs.insert(c.slug)
            let paths = c.notices.map(\.file.path)
            guard dirty.contains(c.slug) || stored[c.slug] != Set(paths) else { continue }
            var entries: [Entry] = []
            var blob: [UInt8] = []
            for path in paths {
                guard let k = fresh[path] ?? known[path] else { continue }
                var notice = k.notice
                let html = Array((notice?.body.html ?? "").utf8), text = Array((notice?.body.text ?? "").utf8)
                notice?.body.html = ""
                notice?.body.text = ""
                blob += html
                blob += text
                entries.append(Entry(path: path, key: k.key, notice: notice, problems: k.problems,
                                     html: html.count, text: text.count))
            }
            let encoder = JSONEncoder()
            guard let json = try? encoder.encode(entries) else { continue }
            // The body file first: a pair whose JSON is new but whose bodies
            // are old cannot happen, only the other way round, and the JSON
            // checks the lengths.
            try? Data(blob).write(to: URL(fileURLWithPath: "\(root)/\(c.slug).bin"), options: .atomic)
            try? json.write(to: URL(fileURLWithPath: "\(root)/\(c.slug).json"), options: .atomic)
        }
        for name in (try? fm.contentsOfDirectory(atPath: root)) ?? [] {
            let slug = (name as NSString).deletingPathExtension
            if !slugs.contains(slug) { try? fm.removeItem(atPath: root + "/" + name) }
        }
    }

    private static func load(_ root: String, _ slug: String) -> [(String, Known)] {
        guard let json = FileManager.default.contents(atPath: "\(root)/\(slug).json"),
              let blob = FileManager.default.contents(atPath: "\(root)/\(slug).bin"),
              let entries = try? JSONDecoder().decode([Entry].self, from: json) else { return [] }
        guard entries.reduce(0, { $0 + $1.html + $1.text }) == blob.count else { return [] }
        var result: [(String, Known)] = []
        result.reserveCapacity(entries.count)
        blob.withUnsafeBytes { raw in
            var at = 0
            for e in entries {
                var notice = e.notice
                let html = raw[at..<at + e.html], text = raw[at + e.html..<at + e.html + e.text]
                notice?.body.html = String(decoding: html, as: UTF8.self)
                notice?.body.text = String(decoding: text, as: UTF8.self)
                at += e.html + e.text
                result.append((e.path, Known(key: e.key, notice: notice, problems: e.problems)))
            }
        }
        return result
    }
}

/// Page keys of the last build (`pages.tsv`), for `SiteRenderer.render(reuse:)`.
struct PageMemoStore: PageReuse {
    struct Page {
        var key: UInt64
        var size: Int
    }

    let output: String
    let pages: [String: Page]

    static func path(_ siteRoot: String) -> String { siteRoot + "/" + IncrementalCache.folder + "/pages.tsv" }

    /// The header names the executable, the output and the build (the
    /// fingerprint in the output's marker file): pages of another gongkai,
    /// for another folder, or of a build whose swap did not happen (or
    /// happened but was not recorded: a kill at the wrong moment) are not
    /// reused.
    static func header(output: String, build: String) -> String {
        "gongkai-pages-1\t\(BuildCache.executableIdentity)\t\(output)\t\(build)"
    }

    init(siteRoot: String, output: String) {
        self.output = output
        var pages: [String: Page] = [:]
        if let data = FileManager.default.contents(atPath: Self.path(siteRoot)),
           let marker = try? String(contentsOfFile: output + "/" + OutputWriter.marker, encoding: .utf8) {
            let text = String(decoding: data, as: UTF8.self)
            var lines = text.split(separator: "\n", omittingEmptySubsequences: true)[...]
            if lines.first.map(String.init) == Self.header(output: output, build: marker) {
                lines = lines.dropFirst()
                for line in lines {
                    let f = line.split(separator: "\t")
                    guard f.count == 3, let key = UInt64(f[1], radix: 16), let size = Int(f[2]) else { continue }
                    pages[String(f[0])] = Page(key: key, size: size)
                }
            }
        }
        self.pages = pages
    }

    func canReuse(_ path: String, key: UInt64) -> Bool {
        guard let page = pages[path], page.key == key else { return false }
        var st = stat()
        return lstat(output + "/" + path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG && Int(st.st_size) == page.size
    }

    /// Records the pages this build wrote (`build`: what it put in the marker).
    func save(_ files: [OutputFile], siteRoot: String, build: String) {
        var text = Self.header(output: output, build: build) + "\n"
        for file in files {
            guard let key = file.key else { continue }
            let size: Int
            switch file.content {
            case .bytes(let b): size = b.count
            case .previous: size = pages[file.path]?.size ?? -1
            case .copy: continue
            }
            text += "\(file.path)\t\(String(key, radix: 16))\t\(size)\n"
        }
        try? FileManager.default.createDirectory(atPath: siteRoot + "/" + IncrementalCache.folder,
                                                 withIntermediateDirectories: true)
        try? Data(text.utf8).write(to: URL(fileURLWithPath: Self.path(siteRoot)), options: .atomic)
    }
}


/// The state of the last build's search index (`search.json`), trusted only
/// for the output and build it was written for (as `pages.tsv`).
struct SearchStateStore {
    struct Stored: Codable {
        var header: String
        var state: SearchIndexState
    }

    let output: String
    let state: SearchIndexState?

    static func path(_ siteRoot: String) -> String { siteRoot + "/" + IncrementalCache.folder + "/search.json" }

    init(siteRoot: String, output: String) {
        self.output = output
        guard let marker = try? String(contentsOfFile: output + "/" + OutputWriter.marker, encoding: .utf8),
              let data = FileManager.default.contents(atPath: Self.path(siteRoot)),
              let stored = try? JSONDecoder().decode(Stored.self, from: data),
              stored.header == PageMemoStore.header(output: output, build: marker) else {
            state = nil
            return
        }
        state = stored.state
    }

    func save(_ state: SearchIndexState, siteRoot: String, build: String) {
        let stored = Stored(header: PageMemoStore.header(output: output, build: build), state: state)
        guard let data = try? JSONEncoder().encode(stored) else { return }
        try? data.write(to: URL(fileURLWithPath: Self.path(siteRoot)), options: .atomic)
    }
}
