import CAtomicSwap
import Foundation
import GongkaiContent
import GongkaiCore

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
        /// that exits right after (`gongkai build`): freeing every notice,
        /// page record and cache one by one is a noticeable part of a small
        /// rebuild, and the system reclaims the memory at exit anyway
        /// (clang's `-disable-free`). Never for `serve` or tests.
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
        /// Why the last build's results were not (all) used, in Chinese.
        public var cacheMisses: [String] = []
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

    /// The stages in order; each leaves its result in `Build` for the next.
    public func run(_ options: Options, progress: @escaping @Sendable (Event) -> Void = { _ in }) -> Report {
        var build = Build(options, fs: fs, clock: clock, generator: generator, progress: progress)
        guard build.claimOutput() else { return build.report }
        defer { withExtendedLifetime(build.lock) {} }
        if build.unchangedByFileSystem() { return build.finish() }       // 检查
        build.load()                                                     // 读取
        if build.unchangedByContent() { return build.finish() }
        build.parse()                                                    // 解析
        build.loadTheme()
        guard build.succeeded else { return build.finish() }
        build.startIndex(fromLastBuild: true)                            // 索引, beside what follows
        build.recordLedger()                                             // 账本
        guard build.succeeded else { return build.finish() }
        build.renderAndWrite(fromLastBuild: true)                        // 渲染, 压缩, 写入
        if build.succeeded { build.saveCaches() }                        // 缓存
        return build.finish()
    }

    /// For the process that builds: large buffers from the heap and kept
    /// for reuse, not mapped and unmapped each time (page faults and
    /// cross-core TLB flushes). Call once, first thing.
    public static func tuneMemory() { gongkai_tune_memory() }

    /// Keeps a build's data until the process exits (`Options.leaveForExit`).
    static func leaveForExit(_ values: [Any]) { LeftForExit.keep(values) }
}
