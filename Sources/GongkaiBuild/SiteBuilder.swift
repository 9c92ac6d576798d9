import CAtomicSwap
import Foundation
import GongkaiContent
import GongkaiCore
import GongkaiRender
import GongkaiSearch

/// Values kept until the process exits (`Options.leaveForExit`).
private enum LeftForExit {
    nonisolated(unsafe) private static var kept: [Any] = []
    private static let lock = NSLock()
    static func keep(_ values: [Any]) {
        lock.lock()
        kept += values
        lock.unlock()
    }
}

/// The build pipeline of docs/design.md §6 as named, timed stages:
/// 读取 (load) → 解析 (parse + check) → 渲染 (render), with 索引 (search index)
/// beside it → 写入 (write).
/// Only the first stage reads files and only the last writes them; a build
/// with any error stops before writing, so public/ stays as it was.
///
/// Owns: the order of stages, timing, and the decision to write. Must not:
/// print (events go to the `progress` callback), or know page markup.
public struct SiteBuilder: Sendable {
    public struct Options: Sendable {
        /// The site folder (holds content/ and optionally templates/).
        public var siteRoot: String
        /// Where public/ goes; nil for `check` (write nothing).
        public var output: String?
        public var baseURL: String?
        /// Warnings stop the build too (nothing is written).
        public var strict: Bool
        /// Counts the work of the running stage, for a progress bar.
        public var meter: ProgressMeter?
        /// "Today" for the compliance overview and GK150 (`--as-of`); nil: the
        /// clock's date in the site timezone.
        public var asOf: CalendarDate?
        /// Report missing disclosures (GK150) as of `asOf` or today.
        public var reportOverdue: Bool

        /// Append new notice versions to content/ledger.jsonl after writing.
        /// `gongkai build` sets it; `serve` previews and library callers
        /// (tests) leave it off and are still checked against the ledger.
        /// `check` (no output) never records.
        public var recordLedger: Bool
        /// A preview (`serve`): what only stops a notice from being
        /// *published* (`previewOnlyWarnings`: no review yet, an edit of a
        /// published notice without its revision entry) is a warning, so the
        /// clerk can see the draft; `build` keeps them errors.
        public var preview: Bool
        /// Leave the build's data in memory when `run` returns, for a process
        /// that exits right after (`gongkai build`): freeing 10,000 notices,
        /// their pages and the caches one by one took about 60 ms, a sixth of
        /// a one-notice rebuild, and the system reclaims the memory at exit
        /// anyway (clang's `-disable-free`). Never for `serve` or tests.
        public var leaveForExit = false

        public init(siteRoot: String, output: String?, baseURL: String? = nil, strict: Bool = false,
                    meter: ProgressMeter? = nil, asOf: CalendarDate? = nil, reportOverdue: Bool = false,
                    recordLedger: Bool = false, preview: Bool = false) {
            self.siteRoot = siteRoot
            self.output = output
            self.baseURL = baseURL
            self.strict = strict
            self.meter = meter
            self.asOf = asOf
            self.reportOverdue = reportOverdue
            self.recordLedger = recordLedger
            self.preview = preview
        }
    }

    /// Errors that a preview reports as warnings (see `Options.preview`).
    public static let previewOnlyWarnings: Set<String> = ["GK141", "GK162", "GK163"]

    /// In a preview, the errors of `previewOnlyWarnings` become warnings that
    /// say they stop `gongkai build`.
    static func forPreview(_ diagnostics: [Diagnostic], _ preview: Bool) -> [Diagnostic] {
        guard preview else { return diagnostics }
        return diagnostics.map { d in
            guard d.severity == .error, previewOnlyWarnings.contains(d.code) else { return d }
            var w = d
            w.severity = .warning
            w.fix += "（预览时只作提醒；正式生成网站 gongkai build 时这是错误，改好之前不会发布。）"
            return w
        }
    }

    /// What a running build tells its caller.
    public enum Event: Sendable {
        /// A stage finished.
        case stage(Stage)
        /// Another build (process `pid`, if known) is writing to the same
        /// output; this one waits until it is done.
        case waiting(pid: Int32?)
    }

    public struct Stage: Sendable {
        public var name: String
        public var detail: String
        public var seconds: Double
    }

    public struct Report: Sendable {
        public var diagnostics: [Diagnostic] = []
        public var stages: [Stage] = []
        public var notices = 0
        public var communities = 0
        public var drafts = 0
        public var filesWritten = 0
        /// Of those, files identical to the previous build (kept, not rewritten).
        public var filesUnchanged = 0
        public var output: String?
        /// Nothing changed since the last build: nothing was parsed or written.
        public var upToDate = false
        /// Notices parsed and pages rendered by this build; the others were
        /// unchanged since the last build and taken from its cache.
        public var noticesParsed = 0
        public var pagesRendered = 0
        /// The search index was updated from the last build's, not rebuilt.
        public var indexUpdated = false
        public var strict = false
        public var succeeded: Bool { !diagnostics.hasErrors && !(strict && diagnostics.warningCount > 0) }
    }

    public let fs: any SiteFileSystem
    public let generator: String
    public let clock: any SiteClock

    public init(fs: any SiteFileSystem, generator: String = "gongkai", clock: any SiteClock = SystemClock()) {
        self.fs = fs
        self.generator = generator
        self.clock = clock
    }

    public func run(_ options: Options, progress: @Sendable (Event) -> Void = { _ in }) -> Report {
        var report = Report()
        report.strict = options.strict
        let meter = options.meter
        func stage<T>(_ name: String, total: Int = 0, _ work: () -> T, detail: (T) -> String) -> T {
            let start = DispatchTime.now().uptimeNanoseconds
            meter?.begin(name, total: total)
            let result = work()
            meter?.end()
            let s = Stage(name: name, detail: detail(result),
                          seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            report.stages.append(s)
            progress(.stage(s))
            return result
        }

        var writer: OutputWriter?
        var lock: BuildLock?
        if let output = options.output {
            writer = OutputWriter(siteRoot: options.siteRoot, output: output)
            if let problem = writer!.validate() {
                report.diagnostics = [problem]
                return report
            }
            // Held until this function returns (the lock is released when
            // `lock` goes away, or by the kernel if the process dies).
            lock = BuildLock.acquire(output: OutputWriter.absolute(output)) { progress(.waiting(pid: $0)) }
        }
        defer { withExtendedLifetime(lock) {} }

        // The no-op rebuild. First without reading a single source: when the
        // file system says nothing under content/ and templates/ changed
        // since the last build (`quickFingerprint`), and the output still
        // holds what that build wrote, there is nothing to do.
        let out = writer.map { OutputWriter.absolute($0.output) }
        let cache: BuildCache? = out == nil ? nil : (try? fs.read(BuildCache.path)).flatMap {
            try? JSONDecoder().decode(BuildCache.self, from: Data($0))
        }
        /// Whether the output is as the last build left it and the ledger
        /// allows skipping the build.
        func outputUnchanged(_ cache: BuildCache, _ out: String) -> Bool {
            cache.output == out && LedgerStage.allowsNoOp(fs: fs, recording: options.recordLedger)
                && (try? String(contentsOfFile: out + "/" + OutputWriter.marker, encoding: .utf8)) == cache.fingerprint
                && BuildCache.survey(out) == (cache.outputFiles, cache.outputBytes)
        }
        func upToDate(_ cache: BuildCache) -> Report {
            report.upToDate = true
            report.notices = cache.notices
            report.communities = cache.communities
            report.drafts = cache.drafts
            report.diagnostics = cache.warnings
            report.output = writer?.output
            return report
        }
        var quick: UInt64?
        /// What the quick check's walk found, for the load stage.
        var walked: SnapshotFileSystem?
        if let out, let local = fs as? LocalFileSystem {
            let checked = stage("检查", { () -> (fingerprint: UInt64, folders: [String: [String: stat]])? in
                let day = options.asOf ?? CalendarDate.today(in: BuildCache.timezoneHint(siteFile: try? fs.read("content/site.yml")),
                                                             now: clock.now())
                return BuildCache.quickCheck(siteRoot: OutputWriter.absolute(options.siteRoot), options: options, today: day)
            }, detail: { value -> String in value.map { $0.fingerprint == cache?.quick } == true ? "文件没有改动" : "有文件改动" })
            quick = checked?.fingerprint
            if let cache, let checked, cache.quick == checked.fingerprint, outputUnchanged(cache, out) { return upToDate(cache) }
            walked = checked.map { SnapshotFileSystem(base: local, folders: $0.folders) }
        }

        writer?.prepare()   // the writer surveys its spare tree beside the stages below

        // A build that writes a site reads only the sources that changed
        // since the last one (by what the file system says of them).
        let known = out == nil ? [:] : KnownFiles.load(siteRoot: options.siteRoot)
        let (sources, overrides, siteSynonyms) = stage("读取", { () -> (SiteSources, [String: [UInt8]], [UInt8]?) in
            (SiteLoader(fs: walked ?? fs, known: known).load(), loadTemplates(), try? fs.read("content/synonyms.txt"))
        }, detail: { sources in
            let files = sources.0.communities.reduce(0) { $0 + $1.notices.count }
            let read = sources.0.communities.reduce(0) { $0 + $1.notices.count(where: \.file.wasRead) }
            return read < files ? "\(files.grouped) 个公告文件（\(read.grouped) 个有改动）" : "\(files.grouped) 个公告文件"
        })
        /// Saved with the other caches at the end (or now, when the build
        /// ends early).
        let saveKnownFiles: @Sendable () -> Void = { [siteRoot = options.siteRoot] in
            if out != nil { KnownFiles.save(sources.knownFiles, loaded: known, siteRoot: siteRoot) }
        }
        var knownFilesSaved = false
        defer { if !knownFilesSaved { saveKnownFiles() } }

        // Then by content: files touched but not changed (a copy, a checkout).
        var fingerprint: String?
        if let writer, let out {
            let day = options.asOf ?? CalendarDate.today(in: BuildCache.timezoneHint(sources), now: clock.now())
            let fp = BuildCache.fingerprint(sources: sources, overrides: overrides, synonyms: siteSynonyms,
                                            options: options, fs: fs, today: day)
            fingerprint = fp
            if var cache, cache.fingerprint == fp, outputUnchanged(cache, out) {
                // The next build can tell from the file system alone.
                cache.quick = quick
                Self.saveCache(cache, siteRoot: options.siteRoot)
                return upToDate(cache)
            }
        }

        // An incremental build: notices and pages unchanged since the last
        // build are taken from .gongkai-cache/ (only when writing a site).
        let noticeFiles = sources.communities.reduce(0) { $0 + $1.notices.count }
        // The stage's time includes reading the last build's parse results.
        let (parsed, noticeMemo) = stage("解析", total: noticeFiles, { () -> (ContentParser.Result, NoticeMemoStore?) in
            let memo = out.map { _ in NoticeMemoStore(siteRoot: options.siteRoot, sources: sources, baseURL: options.baseURL) }
            return (ContentParser.parse(sources, baseURL: options.baseURL, meter: meter, memo: memo), memo)
        }, detail: { result in
            let n = result.0.content?.notices.count ?? 0
            guard let memo = result.1, memo.parsedCount < noticeFiles else { return "\(n.grouped) 篇公告" }
            return "\(n.grouped) 篇公告（\(memo.parsedCount.grouped) 篇有改动，其余用上次的结果）"
        })
        report.noticesParsed = noticeMemo?.parsedCount ?? noticeFiles
        report.diagnostics = Self.forPreview(parsed.diagnostics, options.preview)
        report.drafts = parsed.draftCount
        report.notices = parsed.content?.notices.count ?? 0
        report.communities = parsed.content?.communities.count ?? 0

        let today = parsed.content.map { options.asOf ?? CalendarDate.today(in: $0.site.timezone, now: clock.now()) }
        if options.reportOverdue, let content = parsed.content, let today {
            report.diagnostics += Overdue.diagnostics(ComplianceReport.evaluate(content, today: today), content: content)
            report.diagnostics += ReplyOverdue.diagnostics(content, today: today)
        }

        let (theme, themeProblems) = Theme.load(overrides: overrides)
        report.diagnostics += themeProblems
        guard let content = parsed.content, let theme, report.succeeded else {
            report.diagnostics.sort()
            return report
        }
        let synonyms = [theme.data["synonyms.txt"], siteSynonyms]
        let renderInputs = noticeMemo.map { Self.renderInputs(sources, memo: $0, options: options) }
        let searchMemo = out.map { SearchStateStore(siteRoot: options.siteRoot, output: $0) }
        /// The search index needs only the content: it is made beside the
        /// ledger, the render stage and whatever else runs until the write
        /// stage, filling the cores whenever those wait on one slow job.
        /// `check` writes nothing and needs no index. `incremental`: from
        /// the last build's index where unchanged.
        func startIndex(incremental: Bool) -> (Handoff<(result: SearchIndex.Result?, seconds: Double)>, DispatchGroup) {
            let index = Handoff((result: SearchIndex.Result?.none, seconds: 0.0))
            let group = DispatchGroup()
            if let out {
                let previous = incremental ? searchMemo?.state.map { state in
                    SearchIndex.Previous(
                        state: state,
                        read: { path in FileManager.default.contents(atPath: out + "/" + path).map(Array.init) },
                        notice: { url in noticeMemo?.previousNotice(url: url) })
                } : nil
                DispatchQueue.global().async(group: group) {
                    let start = DispatchTime.now().uptimeNanoseconds
                    let result = SearchIndex.files(content, synonyms: synonyms, previous: previous, inputs: renderInputs)
                    index.set((result, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
                }
            }
            return (index, group)
        }
        let earlyIndex = startIndex(incremental: true)
        // The renderer's pieces of the last build, read beside the ledger stage.
        let fragmentsLoaded = Handoff(FragmentCache?.none)
        let fragmentsGroup = DispatchGroup()
        if out != nil {
            DispatchQueue.global().async(group: fragmentsGroup) { [siteRoot = options.siteRoot] in
                fragmentsLoaded.set(FragmentStore.load(siteRoot: siteRoot))
            }
        }

        let ledger = stage("账本", { LedgerStage(fs: fs).run(content, sources: sources, now: clock.now(),
                                                                recording: options.recordLedger && options.output != nil) },
                           detail: { outcome in
                               let total = outcome.snapshot.ledger.entries.count.grouped, new = outcome.pending.count.grouped
                               return options.recordLedger && options.output != nil
                                   ? "\(total) 条记录，本次新增 \(new) 条" : "\(total) 条记录，\(new) 条待记入（不写账本）"
                           })
        report.diagnostics += Self.forPreview(ledger.diagnostics, options.preview)
        guard report.succeeded else {
            earlyIndex.1.wait()   // nothing runs on after the build
            fragmentsGroup.wait()
            report.diagnostics.sort()
            return report
        }

        fragmentsGroup.wait()
        let fragments = fragmentsLoaded.value
        let renderer = SiteRenderer(content: content, theme: theme, generator: generator, today: today, ledger: ledger.snapshot,
                                    inputs: renderInputs, fragments: fragments)
        let pageMemo = out.map { PageMemoStore(siteRoot: options.siteRoot, output: $0) }

        /// Render and index (beside each other), then write. `incremental`:
        /// reuse the last build's pages and index where unchanged.
        func renderAndWrite(incremental: Bool) -> (Result<OutputWriter.Written, OutputWriter.Failure>, [OutputFile], SearchIndex.Result?)? {
            let (index, group) = incremental ? earlyIndex : startIndex(incremental: false)
            let (files, renderProblems) = stage("渲染", {
                renderer.render(meter: meter, reuse: incremental ? pageMemo : nil)
            }, detail: { result in
                let pages = result.0.filter { $0.key != nil }
                let again = pages.count { $0.content != .previous }
                guard again < pages.count else { return "\(result.0.count.grouped) 个文件" }
                return "\(result.0.count.grouped) 个文件（\(again.grouped) 个页面有改动，其余用上次的结果）"
            })
            report.pagesRendered = files.count { $0.key != nil && $0.content != .previous }
            group.wait()
            let (searchResult, indexSeconds) = index.value
            report.indexUpdated = searchResult?.updated ?? false
            if let searchResult {
                let how = searchResult.updated ? "只更新改动的部分" : "与渲染同时进行"
                let indexStage = Stage(name: "索引", detail: "\(searchResult.files.count.grouped) 个索引文件（\(how)）",
                                       seconds: indexSeconds)
                report.stages.append(indexStage)
                progress(.stage(indexStage))
            }
            report.diagnostics += renderProblems
            report.diagnostics.sort()
            guard report.succeeded, let writer else { return nil }
            // Whether the last build wrote a given .gz, from the page cache (no system call).
            var hadGzip: (@Sendable (String) -> Bool?)?
            if incremental, let pageMemo {
                hadGzip = { path in pageMemo.hadFile(gzip: path) }
            }
            let allFiles = !content.site.precompress ? files + (searchResult?.files ?? [])
                : stage("压缩", { Precompress.addingSiblings(files + (searchResult?.files ?? []), previous: out,
                                                                  siteRoot: options.siteRoot, hadGzip: hadGzip) },
                        detail: { "\(($0.count - files.count - (searchResult?.files.count ?? 0)).grouped) 个 .gz 文件" })
            let written = stage("写入", total: allFiles.count, { () -> Result<OutputWriter.Written, OutputWriter.Failure> in
                do throws(OutputWriter.Failure) {
                    return .success(try writer.write(allFiles, marker: fingerprint ?? "", meter: meter, beforeSwap: {
                        options.recordLedger ? LedgerStage.append(ledger, siteRoot: options.siteRoot) : nil
                    }))
                } catch { return .failure(error) }
            }, detail: { result in
                if case .success(let n) = result { return "\(n.files.grouped) 个文件（\(n.unchanged.grouped) 个没有变化）" }
                return "失败"
            })
            return (written, allFiles, searchResult)
        }

        guard var attempt = renderAndWrite(incremental: true) else { return report }
        if case .failure(let failure) = attempt.0, failure.previousMissing {
            // A file of the last build is gone from the output (deleted by
            // hand?): build everything again instead of failing.
            guard let again = renderAndWrite(incremental: false) else { return report }
            attempt = again
        }
        let (written, files, searchResult) = attempt
        guard let writer else { return report }
        switch written {
        case .success(let n):
            report.filesWritten = n.files
            report.filesUnchanged = n.unchanged
            report.output = writer.output
            // What the next build reuses, the files side by side.
            let cache = fingerprint.map {
                BuildCache(fingerprint: $0, output: OutputWriter.absolute(writer.output), notices: report.notices,
                           communities: report.communities, drafts: report.drafts, warnings: report.diagnostics,
                           outputFiles: n.survey.files, outputBytes: n.survey.bytes, quick: quick)
            }
            let siteRoot = options.siteRoot, recordLedger = options.recordLedger, build = fingerprint ?? ""
            stage("缓存", {
                let saves: [@Sendable () -> Void] = [
                    saveKnownFiles,
                    { LedgerStage.saveCache(ledger, recorded: recordLedger, siteRoot: siteRoot) },
                    { if let cache { Self.saveCache(cache, siteRoot: siteRoot) } },
                    { noticeMemo?.save(sources) },
                    { if let fragments { FragmentStore.save(fragments, siteRoot: siteRoot) } },
                    { pageMemo?.save(files, siteRoot: siteRoot, build: build) },
                    { if let searchResult { searchMemo?.save(searchResult.state, siteRoot: siteRoot, build: build) } },
                ]
                _ = saves.parallelMap { $0() }
                knownFilesSaved = true
            }, detail: { "保存到 .gongkai-cache/，下次生成时使用" })
        case .failure(let failure):
            report.diagnostics.append(failure.diagnostic)
        }
        if options.leaveForExit {
            LeftForExit.keep([sources, content, files, renderer, noticeMemo as Any, pageMemo as Any, searchMemo as Any,
                              ledger, searchResult as Any, renderInputs as Any])
        }
        return report
    }

    /// What the pages are made from, for their keys (`RenderInputs`).
    static func renderInputs(_ sources: SiteSources, memo: NoticeMemoStore, options: Options) -> RenderInputs {
        var config = StableHasher()
        config.add(BuildCache.executableIdentity)
        config.add(options.baseURL ?? "-")
        config.add(options.preview ? "preview" : "publish")
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

    /// For the process that builds: large buffers (cache files of a few
    /// hundred KB to a few MB, pages, JSON) from the heap and kept for
    /// reuse, not mapped and unmapped each time (on a 10,000-notice rebuild
    /// the page faults and the cross-core TLB flushes of unmapping cost
    /// ~25 ms). Call once, first thing.
    public static func tuneMemory() { gongkai_tune_memory() }

    /// Records this build for the next no-op check; a cache that cannot be
    /// written only means the next build does the work again.
    private static func saveCache(_ cache: BuildCache, siteRoot: String) {
        let folder = siteRoot + "/.gongkai-cache"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        if let data = try? encoder.encode(cache) {
            try? data.write(to: URL(fileURLWithPath: folder + "/build.json"), options: .atomic)
        }
    }

    /// The site's own templates/ (overriding the default theme file by file).
    private func loadTemplates() -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        func walk(_ dir: String, prefix: String) {
            for name in (try? fs.list(dir)) ?? [] where !name.hasPrefix(".") {
                let path = dir + "/" + name
                switch fs.kind(of: path) {
                case .directory: walk(path, prefix: prefix + name + "/")
                case .file: if let bytes = try? fs.read(path) { files[prefix + name] = bytes }
                default: break
                }
            }
        }
        if fs.kind(of: "templates") == .directory { walk("templates", prefix: "") }
        return files
    }
}
