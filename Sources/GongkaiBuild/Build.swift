import Foundation
import GongkaiCache
import GongkaiContent
import GongkaiCore
import GongkaiLedger
import GongkaiOutput
import GongkaiRender
import GongkaiSearch

/// One build, stage by stage: the state `SiteBuilder.run` carries from one
/// stage to the next, and one method per stage. A stage reads what earlier
/// stages left here and leaves its own result under a name.
struct Build {
    let options: SiteBuilder.Options
    let fs: any SiteFileSystem
    let clock: any SiteClock
    let generator: String
    let progress: @Sendable (SiteBuilder.Event) -> Void

    var report = SiteBuilder.Report()
    /// nil for `check` (nothing is written).
    var writer: OutputWriter?
    var lock: BuildLock?
    /// nil for `check`: a build that writes nothing keeps nothing.
    var cache: SiteCache?

    // What the stages leave.
    var sources: SiteSources?
    var templates: [String: [UInt8]] = [:]
    var siteSynonyms: [UInt8]?
    var content: SiteContent?
    var today: CalendarDate?
    var theme: Theme?
    var ledger: LedgerStage.Outcome?
    var renderInputs: RenderInputs?
    var index: SearchIndexJob?
    var files: [OutputFile] = []
    var pages: PageMemoStore?
    var fragments: FragmentCache?
    var written: OutputWriter.Written?
    /// The report's diagnostics before the render stage (a render done
    /// again must not report its warnings twice).
    var diagnosticsBeforeRender: [Diagnostic] = []

    init(_ options: SiteBuilder.Options, fs: any SiteFileSystem, clock: any SiteClock, generator: String,
         progress: @escaping @Sendable (SiteBuilder.Event) -> Void) {
        self.options = options
        self.fs = fs
        self.clock = clock
        self.generator = generator
        self.progress = progress
        report.strict = options.strict
    }

    var succeeded: Bool { report.succeeded }

    /// Runs `work` as the named stage: timed, counted by the meter, reported.
    mutating func stage<T>(_ name: String, total: Int = 0, _ work: (inout Build) -> T, detail: (T) -> String) -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        options.meter?.begin(name, total: total)
        let result = work(&self)
        options.meter?.end()
        let s = SiteBuilder.Stage(name: name, detail: detail(result),
                                  seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        report.stages.append(s)
        progress(.stage(s))
        return result
    }

    // MARK: - Output

    /// The output folder may be replaced (GK040 otherwise), and no other
    /// build writes it meanwhile (the lock is held until the build ends).
    mutating func claimOutput() -> Bool {
        guard let output = options.output else { return true }
        let writer = OutputWriter(siteRoot: options.siteRoot, output: output)
        if let problem = writer.validate() {
            report.diagnostics = [problem]
            return false
        }
        self.writer = writer
        let progress = self.progress
        lock = BuildLock.acquire(output: OutputWriter.absolute(output)) { progress(.waiting(pid: $0)) }
        cache = SiteCache(siteRoot: options.siteRoot, output: output, settings: settings)
        return true
    }

    var settings: BuildSettings {
        BuildSettings(baseURL: options.baseURL, strict: options.strict, preview: options.preview,
                      reportOverdue: options.reportOverdue)
    }

    // MARK: - 检查 (nothing changed?)

    /// Nothing under content/ and templates/ changed since the last build,
    /// by what the file system says of them, and the output is as that
    /// build left it: the report is the last build's.
    mutating func unchangedByFileSystem() -> Bool {
        guard let cache, fs is LocalFileSystem else { return false }
        let day = options.asOf ?? CalendarDate.today(in: SiteCache.timezone(siteFile: try? fs.read("content/site.yml")),
                                                     now: clock.now())
        let fs = self.fs, recording = options.recordLedger
        let last = stage("检查", { _ in
            cache.unchangedByFileSystem(today: day) { LedgerStage.allowsNoOp(fs: fs, recording: recording) }
        }, detail: { $0 == nil ? "有文件改动" : "文件没有改动" })
        guard let last else { return false }
        upToDate(last)
        return true
    }

    /// The same by content, once the sources are read (files touched but
    /// not changed: a copy, a checkout).
    mutating func unchangedByContent() -> Bool {
        guard let cache, let sources else { return false }
        let day = options.asOf ?? CalendarDate.today(in: SiteCache.timezone(sources), now: clock.now())
        let fs = self.fs, recording = options.recordLedger
        guard let last = cache.unchangedByContent(sources, overrides: templates, synonyms: siteSynonyms, fs: fs, today: day,
                                                  ledgerAllowsNoOp: { LedgerStage.allowsNoOp(fs: fs, recording: recording) })
        else { return false }
        upToDate(last)
        return true
    }

    private mutating func upToDate(_ last: SiteCache.LastBuild) {
        report.upToDate = true
        report.notices = last.notices
        report.communities = last.communities
        report.drafts = last.drafts
        report.diagnostics = last.warnings
        report.output = writer?.output
    }

    // MARK: - 读取 (load)

    mutating func load() {
        // The writer surveys its spare tree beside the stages that follow.
        writer?.prepare()
        let known = cache?.knownFiles() ?? [:]
        let walked = cache?.walkedFolders.flatMap { folders in
            (fs as? LocalFileSystem).map { SnapshotFileSystem(base: $0, folders: folders) }
        }
        let loaded = stage("读取", { build in
            (SiteLoader(fs: walked ?? build.fs, known: known).load(), build.siteTemplates(), try? build.fs.read("content/synonyms.txt"))
        }, detail: { loaded in
            let files = loaded.0.communities.reduce(0) { $0 + $1.notices.count }
            let read = loaded.0.communities.reduce(0) { $0 + $1.notices.count(where: \.file.wasRead) }
            return read < files ? "\(files.grouped) 个公告文件（\(read.grouped) 个有改动）" : "\(files.grouped) 个公告文件"
        })
        (sources, templates, siteSynonyms) = loaded
    }

    /// The site's own templates/ (overriding the default theme file by file).
    private func siteTemplates() -> [String: [UInt8]] {
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

    // MARK: - 解析 (parse and check)

    mutating func parse() {
        guard let sources else { return }
        let noticeFiles = sources.communities.reduce(0) { $0 + $1.notices.count }
        let memo = cache?.noticeMemo(for: sources, baseURL: options.baseURL)
        // Attachments scanned by an earlier build are not read again; a
        // check (no output, no cache to save) reads the record too.
        let scans = cache?.attachmentScans() ?? AttachmentScanStore.load(siteRoot: options.siteRoot)
        let parsed = stage("解析", total: noticeFiles, { build in
            ContentParser.parse(sources, baseURL: build.options.baseURL, meter: build.options.meter, memo: memo, scans: scans)
        }, detail: { [cache] result in
            let n = result.content?.notices.count ?? 0
            guard let fresh = cache?.noticesParsed, fresh < noticeFiles else { return "\(n.grouped) 篇公告" }
            return "\(n.grouped) 篇公告（\(fresh.grouped) 篇有改动，其余用上次的结果）"
        })
        report.noticesParsed = cache?.noticesParsed ?? noticeFiles
        report.diagnostics = SiteBuilder.forPreview(parsed.diagnostics, options.preview)
        report.drafts = parsed.draftCount
        report.notices = parsed.content?.notices.count ?? 0
        report.communities = parsed.content?.communities.count ?? 0
        content = parsed.content
        today = content.map { options.asOf ?? CalendarDate.today(in: $0.site.timezone, now: clock.now()) }
        if options.reportOverdue, let content, let today {
            report.diagnostics += Overdue.diagnostics(ComplianceReport.evaluate(content, today: today), content: content)
            report.diagnostics += ReplyOverdue.diagnostics(content, today: today)
        }
        renderInputs = cache?.renderInputs(sources, baseURL: options.baseURL, preview: options.preview)
    }

    /// The default theme with the site's templates/ over it (GK030, GK031).
    mutating func loadTheme() {
        let (theme, problems) = Theme.load(overrides: templates)
        report.diagnostics += problems
        self.theme = theme
    }

    // MARK: - 索引 (the search index, beside the stages that follow)

    /// The search index needs only the content: it is made beside the
    /// ledger, render and write stages, filling the cores whenever those
    /// wait on one slow job. `check` writes nothing and needs no index.
    mutating func startIndex(fromLastBuild: Bool) {
        guard writer != nil, let content, let cache else { return }
        let synonyms = [theme?.data["synonyms.txt"], siteSynonyms]
        let output = cache.output
        let previous = fromLastBuild ? cache.searchState().map { state in
            SearchIndex.Previous(
                state: state,
                read: { path in FileManager.default.contents(atPath: output + "/" + path).map(Array.init) },
                notice: { url in cache.previousNotice(url: url) })
        } : nil
        index = SearchIndexJob(content: content, synonyms: synonyms, previous: previous, inputs: renderInputs)
    }

    // MARK: - 账本 (the integrity ledger)

    mutating func recordLedger() {
        guard let content, let sources else { return }
        let recording = options.recordLedger && options.output != nil
        // The renderer's pieces of the last build, read beside the ledger stage.
        let fragmentsJob = cache.map { cache in BackgroundJob { cache.fragments() } }
        let outcome = stage("账本", { build in
            LedgerStage(fs: build.fs).run(content, sources: sources, now: build.clock.now(), recording: recording)
        }, detail: { outcome in
            let total = outcome.snapshot.ledger.entries.count.grouped, new = outcome.pending.count.grouped
            return recording ? "\(total) 条记录，本次新增 \(new) 条" : "\(total) 条记录，\(new) 条待记入（不写账本）"
        })
        report.diagnostics += SiteBuilder.forPreview(outcome.diagnostics, options.preview)
        ledger = outcome
        fragments = fragmentsJob?.result
    }

    // MARK: - 渲染 (render, with 压缩 and 写入 as each page is made)

    /// Renders every page (or, `fromLastBuild`, only those whose inputs
    /// changed). Each render job compresses and writes its own files into
    /// the writer's spare tree on its core, so the site is never held in
    /// memory whole; then the index's files, then the swap.
    mutating func renderAndWrite(fromLastBuild: Bool) {
        guard let content, let theme, let ledger else { return }
        if fromLastBuild { diagnosticsBeforeRender = report.diagnostics }
        if !fromLastBuild { startIndex(fromLastBuild: false) }
        pages = fromLastBuild ? cache?.pages() : nil
        // Made before the spare is asked for: `begin` may wait for the
        // check of the spare that runs beside the stages.
        let renderer = SiteRenderer(content: content, theme: theme, generator: generator, today: today,
                                    ledger: ledger.snapshot, inputs: renderInputs, fragments: fragments)
        var session: OutputWriter.Session?
        if let writer {
            do throws(OutputWriter.Failure) {
                session = try writer.begin()
            } catch {
                report.diagnostics.append(error.diagnostic)
                return
            }
        }
        let gzip: Precompress.Previous?? = content.site.precompress ? .some(previousOutput(fromLastBuild)) : .none
        let sink = session.map { Self.sink($0, precompress: gzip) }
        let reuse = pages
        let (rendered, problems) = stage("渲染", { build in
            renderer.render(meter: build.options.meter, reuse: reuse, each: sink)
        }, detail: { [writing = session != nil] result in
            let pages = result.0.filter { $0.key != nil && !$0.path.hasSuffix(".gz") }
            let again = pages.count { $0.content != .previous }
            let files = result.0.count.grouped, gz = result.0.count { $0.path.hasSuffix(".gz") }
            let what = writing ? "渲染并写入 \(files) 个文件（含 \(gz.grouped) 个 .gz）" : "\(files) 个文件"
            return again < pages.count ? what + "，\(again.grouped) 个页面有改动，其余用上次的结果" : what
        })
        report.pagesRendered = rendered.count { $0.key != nil && $0.content != .previous && !$0.path.hasSuffix(".gz") }
        report.diagnostics += problems
        let indexFiles = finishIndex()
        report.diagnostics.sort()
        // The index's files (thousands change when one notice is added)
        // compressed and written on every core, as the pages were.
        files = rendered + (sink.map { sink in
            indexFiles.indices.runs(of: 256).parallelMap { sink(Array(indexFiles[$0])) }.flatMap { $0 }
        } ?? indexFiles)
        guard succeeded, let session else { return }
        finishWriting(session)
    }

    /// Where an unchanged page's `.gz` can be kept from (the previous
    /// output, when the page cache says what it holds).
    private func previousOutput(_ fromLastBuild: Bool) -> Precompress.Previous? {
        guard let writer else { return nil }
        var hadGzip: (@Sendable (String) -> Bool?)?
        if fromLastBuild, let pages { hadGzip = { pages.hadFile(gzip: $0) } }
        return Precompress.Previous(OutputWriter.absolute(writer.output), hadGzip: hadGzip)
    }

    /// What each render job does with its files: `.gz` siblings (unless
    /// site.yml says `precompress: false`), then into the spare tree.
    private static func sink(_ session: OutputWriter.Session,
                             precompress: Precompress.Previous??) -> @Sendable ([OutputFile]) -> [OutputFile] {
        { files in
            let all = precompress.map { Precompress.withSiblings(files, previous: $0) } ?? files
            return session.put(all)
        }
    }

    /// Waits for the index job; reports its stage.
    private mutating func finishIndex() -> [OutputFile] {
        guard let index, case let (result?, seconds) = index.wait() else { return [] }
        report.indexUpdated = result.updated
        let how = result.updated ? "只更新改动的部分" : "与渲染同时进行"
        let s = SiteBuilder.Stage(name: "索引", detail: "\(result.files.count.grouped) 个索引文件（\(how)）", seconds: seconds)
        report.stages.append(s)
        progress(.stage(s))
        return result.files
    }

    /// 写入: what the new site no longer has goes, the ledger is appended,
    /// and the spare becomes the published site.
    private mutating func finishWriting(_ session: OutputWriter.Session) {
        guard let writer, let ledger else { return }
        let recordLedger = options.recordLedger, siteRoot = options.siteRoot
        let marker = cache?.inputFingerprint ?? ""
        let result = stage("写入", { _ in
            Self.finish(session, marker: marker) {
                recordLedger ? LedgerStage.append(ledger, siteRoot: siteRoot, replaceFile: { path, bytes, more in
                    if case .failure(let failure) = OutputWriter.replaceFile(path, bytes, then: more) { return failure.reason }
                    return nil
                }) : nil
            }
        }, detail: { result in
            if case .success(let n) = result { return "\(n.files.grouped) 个文件（\(n.unchanged.grouped) 个没有变化）" }
            return "失败"
        })
        switch result {
        case .success(let n):
            written = n
            report.filesWritten = n.files
            report.filesUnchanged = n.unchanged
            report.output = writer.output
        case .failure(let failure) where failure.previousMissing:
            // A file of the last build is gone from the output or changed
            // (by hand?): render everything again instead of failing.
            cache?.miss("输出文件夹里上次生成的文件不见了或被改过，所有页面重新生成")
            report.diagnostics = diagnosticsBeforeRender
            renderAndWrite(fromLastBuild: false)
        case .failure(let failure):
            report.diagnostics.append(failure.diagnostic)
        }
    }

    private static func finish(_ session: OutputWriter.Session, marker: String,
                               beforeSwap: () -> Diagnostic?) -> Result<OutputWriter.Written, OutputWriter.Failure> {
        do throws(OutputWriter.Failure) {
            return .success(try session.finish(marker: marker, beforeSwap: beforeSwap))
        } catch {
            return .failure(error)
        }
    }

    // MARK: - 缓存 (what the next build reuses)

    mutating func saveCaches() {
        guard let cache, let sources, let written, let ledger else { return }
        let recorded = options.recordLedger, siteRoot = options.siteRoot
        let last = SiteCache.LastBuild(notices: report.notices, communities: report.communities,
                                       drafts: report.drafts, warnings: report.diagnostics)
        let saved = SiteCache.Saved(sources: sources, report: last, outputSurvey: written.survey, files: files,
                                    pages: pages ?? cache.pages(), fragments: fragments,
                                    searchState: index?.wait().result?.state,
                                    more: [{ LedgerStage.saveCache(ledger, recorded: recorded, siteRoot: siteRoot) }])
        stage("缓存", { _ in cache.save(saved) }, detail: { _ in "保存到 .gongkai-cache/，下次生成时使用" })
        self.sources = nil   // saved: `finish` need not save the known files again
    }

    /// The report, sorted, with why caches were not used; the known files
    /// saved if the build stopped before `saveCaches`.
    mutating func finish() -> SiteBuilder.Report {
        if let cache, let sources { cache.saveKnownFiles(sources) }
        index?.wait()   // nothing runs on after the build
        report.diagnostics.sort()
        report.cacheMisses = report.upToDate ? [] : (cache?.misses ?? [])
        if options.leaveForExit {
            SiteBuilder.leaveForExit([sources as Any, content as Any, files, ledger as Any, cache as Any, pages as Any,
                                      fragments as Any, index as Any])
        }
        return report
    }
}

/// The search index made on a thread of its own.
final class SearchIndexJob: @unchecked Sendable {
    private let group = DispatchGroup()
    private let done = Handoff((result: SearchIndex.Result?.none, seconds: 0.0))

    init(content: SiteContent, synonyms: [[UInt8]?], previous: SearchIndex.Previous?, inputs: RenderInputs?) {
        DispatchQueue.global().async(group: group) { [done] in
            let start = DispatchTime.now().uptimeNanoseconds
            let result = SearchIndex.files(content, synonyms: synonyms, previous: previous, inputs: inputs)
            done.set((result, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
        }
    }

    /// The index (waits for it) and the seconds it took.
    @discardableResult
    func wait() -> (result: SearchIndex.Result?, seconds: Double) {
        group.wait()
        return done.value
    }
}

/// A value made on another thread.
final class BackgroundJob<Value: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    private let value: Handoff<Value?>

    init(_ make: @escaping @Sendable () -> Value) {
        let value = Handoff<Value?>(nil)
        self.value = value
        DispatchQueue.global().async(group: group) { value.set(make()) }
    }

    var result: Value? {
        group.wait()
        return value.value
    }
}
