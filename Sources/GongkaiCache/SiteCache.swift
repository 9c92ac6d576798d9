import Foundation
import GongkaiContent
import GongkaiCore
import GongkaiOutput
import GongkaiRender
import GongkaiSearch

/// What one build leaves in `.gongkai-cache/` for the next, and the only door
/// the pipeline has to it. Every part is keyed by content, never by time; a
/// part that is missing, damaged, of another format or of another gongkai is
/// a miss (more work, never a wrong result), and the miss is said in
/// `misses` so the build report can tell the clerk why a build was slow.
///
/// Owns: the no-op checks (`BuildCache`), the files the last build read
/// (`KnownFiles`), parse results (`NoticeMemoStore`), attachment scans
/// (`AttachmentScanStore`), what each page was
/// made from (`PageMemoStore`), the pieces of api/notices.json
/// (`FragmentStore`) and the search index's state (`SearchStateStore`).
/// Must not: decide what a build does (the pipeline asks, it answers).
public final class SiteCache: @unchecked Sendable {
    /// What the last build reported, for a build that has nothing to do.
    public struct LastBuild: Sendable {
        public var notices: Int
        public var communities: Int
        public var drafts: Int
        public var warnings: [Diagnostic]

        public init(notices: Int, communities: Int, drafts: Int, warnings: [Diagnostic]) {
            self.notices = notices
            self.communities = communities
            self.drafts = drafts
            self.warnings = warnings
        }
    }

    public let siteRoot: String
    /// The output, absolute.
    public let output: String
    let settings: BuildSettings
    private let last: BuildCache?
    private var quick: UInt64?
    private var fingerprint: String?
    private var known: [String: KnownFile] = [:]
    private var memo: NoticeMemoStore?
    private let lock = NSLock()
    private var reasons: [String] = []

    /// Reads the last build's record (`build.json`) only; the rest is read
    /// when asked for.
    public init(siteRoot: String, output: String, settings: BuildSettings) {
        self.siteRoot = siteRoot
        self.output = OutputWriter.absolute(output)
        self.settings = settings
        last = (try? Data(contentsOf: URL(fileURLWithPath: siteRoot + "/" + BuildCache.path)))
            .flatMap { try? JSONDecoder().decode(BuildCache.self, from: $0) }
        if last == nil { miss("没有上次生成的记录（第一次生成，或 .gongkai-cache/ 已删除）") }
    }

    /// Why parts of the cache were not used (Chinese, for the build report).
    public var misses: [String] {
        lock.lock()
        defer { lock.unlock() }
        // A first build has no cache at all: that says it all.
        return last == nil ? Array(reasons.prefix(1)) : reasons
    }

    /// Records why a part of the cache was not used.
    public func miss(_ reason: String) {
        lock.lock()
        if !reasons.contains(reason) { reasons.append(reason) }
        lock.unlock()
    }

    // MARK: 检查 — is there anything to do?

    /// By the file system alone (no source read): nil when something under
    /// content/ or templates/ changed, or the output is not as the last build
    /// left it; the walk is kept for the load stage (`walked`).
    public func unchangedByFileSystem(today: CalendarDate, ledgerAllowsNoOp: () -> Bool) -> LastBuild? {
        guard let checked = BuildCache.quickCheck(siteRoot: OutputWriter.absolute(siteRoot), options: settings, today: today) else {
            miss("无法读取 content/ 或 templates/ 的目录")
            return nil
        }
        quick = checked.fingerprint
        walkedFolders = checked.folders
        guard let last, last.quick == checked.fingerprint else { return nil }
        return outputAsLeft(last, ledgerAllowsNoOp) ? summary(last) : nil
    }

    /// The site's timezone as site.yml writes it (read without parsing it),
    /// for "today" before the sources are parsed.
    public static func timezone(siteFile: [UInt8]?) -> String { BuildCache.timezoneHint(siteFile: siteFile) }
    public static func timezone(_ sources: SiteSources) -> String { BuildCache.timezoneHint(sources) }

    /// What the quick check's walk found (folder → entries), for the load stage.
    public private(set) var walkedFolders: [String: [String: stat]]?

    /// By content, once the sources are loaded: files touched but unchanged
    /// (a copy, a checkout) are caught here.
    public func unchangedByContent(_ sources: SiteSources, overrides: [String: [UInt8]], synonyms: [UInt8]?,
                                   fs: any SiteFileSystem, today: CalendarDate,
                                   ledgerAllowsNoOp: () -> Bool) -> LastBuild? {
        let fp = BuildCache.fingerprint(sources: sources, overrides: overrides, synonyms: synonyms,
                                        options: settings, fs: fs, today: today)
        fingerprint = fp
        guard var last, last.fingerprint == fp, outputAsLeft(last, ledgerAllowsNoOp) else { return nil }
        // The next build can tell from the file system alone.
        last.quick = quick
        Self.save(last, siteRoot: siteRoot)
        return summary(last)
    }

    /// The fingerprint of this build's inputs (what the output's marker holds).
    public var inputFingerprint: String { fingerprint ?? "" }

    private func outputAsLeft(_ last: BuildCache, _ ledgerAllowsNoOp: () -> Bool) -> Bool {
        guard last.output == output else {
            miss("上次生成到别的输出文件夹")
            return false
        }
        guard (try? String(contentsOfFile: output + "/" + OutputWriter.marker, encoding: .utf8)) == last.fingerprint,
              OutputWriter.isAsLeft(siteRoot: siteRoot, output: output)
                ?? (surveyTree(output) == (last.outputFiles, last.outputBytes)) else {
            miss("输出文件夹里的文件有改动（被手工修改或删除）")
            return false
        }
        return ledgerAllowsNoOp()
    }

    private func summary(_ last: BuildCache) -> LastBuild {
        LastBuild(notices: last.notices, communities: last.communities, drafts: last.drafts, warnings: last.warnings)
    }

    // MARK: 读取 — the sources the last build read

    /// Size, times and digest of every source the last build read: a file
    /// the file system says is unchanged is not read again.
    public func knownFiles() -> [String: KnownFile] {
        known = KnownFiles.load(siteRoot: siteRoot)
        if known.isEmpty { miss("没有上次读取的文件记录") }
        return known
    }

    // MARK: 解析 — parse results

    /// Parse results of the last build, by each notice's key.
    public func noticeMemo(for sources: SiteSources, baseURL: String?) -> any NoticeMemo {
        let store = NoticeMemoStore(siteRoot: siteRoot, sources: sources, baseURL: baseURL)
        memo = store
        return store
    }

    /// What the privacy guard found in attachments in earlier builds, by content.
    public func attachmentScans() -> AttachmentScans {
        let loaded = AttachmentScanStore.load(siteRoot: siteRoot)
        scans = loaded
        return loaded
    }

    private var scans: AttachmentScans?

    /// Notices parsed by this build (the others came from the cache).
    public var noticesParsed: Int? { memo?.parsedCount }

    /// What the pages are made from, for their keys (`RenderInputs`).
    public func renderInputs(_ sources: SiteSources, baseURL: String?, preview: Bool) -> RenderInputs? {
        guard let memo else { return nil }
        var config = StableHasher()
        config.add(ExecutableIdentity.current)
        config.add(baseURL ?? "-")
        config.add(preview ? "preview" : "publish")
        config.add(sources.siteFile?.digest ?? 0)
        var notices: [NoticeID: UInt64] = [:]
        notices.reserveCapacity(sources.communities.reduce(0) { $0 + $1.notices.count })
        for community in sources.communities {
            config.add(community.slug)
            config.add(community.config?.digest ?? 0)
            for source in community.notices { notices[source.id] = memo.key(source) }
        }
        return RenderInputs(config: config.value, notices: notices)
    }

    /// A notice as the last build parsed it, by its page's URL.
    public func previousNotice(url: String) -> Notice? { memo?.previousNotice(url: url) }

    // MARK: 渲染、索引 — pages, pieces, the search index

    /// What the last build's pages were made from (trusted only for this
    /// output and the build its marker names).
    public func pages() -> PageMemoStore {
        let pages = PageMemoStore(siteRoot: siteRoot, output: output)
        if pages.isEmpty { miss("没有上次生成的页面记录，所有页面重新生成") }
        return pages
    }

    /// The pieces of api/notices.json the last build made.
    public func fragments() -> FragmentCache { FragmentStore.load(siteRoot: siteRoot) }

    /// The last build's search index state, if it belongs to this output.
    public func searchState() -> SearchIndexState? {
        let state = SearchStateStore(siteRoot: siteRoot, output: output).state
        if state == nil { miss("没有可用的上次搜索索引，索引全部重建") }
        return state
    }

    // MARK: 缓存 — saved for the next build

    /// What a successful build saves, side by side on all cores.
    public struct Saved: Sendable {
        public var sources: SiteSources
        public var report: LastBuild
        public var outputSurvey: (files: Int, bytes: Int)
        public var files: [OutputFile]
        public var pages: PageMemoStore?
        public var fragments: FragmentCache?
        public var searchState: SearchIndexState?
        public var more: [@Sendable () -> Void]

        public init(sources: SiteSources, report: LastBuild, outputSurvey: (files: Int, bytes: Int), files: [OutputFile],
                    pages: PageMemoStore?, fragments: FragmentCache?, searchState: SearchIndexState?,
                    more: [@Sendable () -> Void] = []) {
            self.sources = sources
            self.report = report
            self.outputSurvey = outputSurvey
            self.files = files
            self.pages = pages
            self.fragments = fragments
            self.searchState = searchState
            self.more = more
        }
    }

    public func save(_ saved: Saved) {
        let siteRoot = self.siteRoot, build = inputFingerprint
        let record = BuildCache(fingerprint: build, output: output, notices: saved.report.notices,
                                communities: saved.report.communities, drafts: saved.report.drafts,
                                warnings: saved.report.warnings, outputFiles: saved.outputSurvey.files,
                                outputBytes: saved.outputSurvey.bytes, quick: quick)
        let memo = self.memo, known = self.known, scans = self.scans
        // The parsed notices first, on every core: inside `parallelMap`
        // below, its own `parallelMap` would run on one core only
        // (libdispatch runs a nested `concurrentPerform` serially).
        memo?.save(saved.sources)
        let jobs: [@Sendable () -> Void] = saved.more + [
            { KnownFiles.save(saved.sources.knownFiles, loaded: known, siteRoot: siteRoot) },
            { if let scans { AttachmentScanStore.save(scans, siteRoot: siteRoot) } },
            { Self.save(record, siteRoot: siteRoot) },
            { if let fragments = saved.fragments { FragmentStore.save(fragments, siteRoot: siteRoot) } },
            { saved.pages?.save(saved.files, siteRoot: siteRoot, build: build) },
            { [output] in
                if let state = saved.searchState {
                    SearchStateStore.save(state, siteRoot: siteRoot, output: output, build: build)
                }
            },
        ]
        _ = jobs.parallelMap { $0() }
    }

    /// Only what the loader learnt (a build that stopped early still read
    /// its sources once).
    public func saveKnownFiles(_ sources: SiteSources) {
        KnownFiles.save(sources.knownFiles, loaded: known, siteRoot: siteRoot)
    }

    private static func save(_ cache: BuildCache, siteRoot: String) {
        let folder = siteRoot + "/" + RecordFile.cacheFolder
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        if let data = try? encoder.encode(cache) {
            try? data.write(to: URL(fileURLWithPath: folder + "/build.json"), options: .atomic)
        }
    }
}
