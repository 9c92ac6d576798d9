import Foundation
import GongkaiBuild
import GongkaiCore

/// Formats a build for the clerk: one line per stage, every diagnostic,
/// and a summary that says what happened and where to look.
struct Console: Sendable {
    let options: SiteOptions
    /// Where the clerk looks at the result: the file, or the preview address.
    var openHint: (@Sendable (String) -> String)? = nil

    var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
    var colour: Bool { stderrIsTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil }

    var siteRoot: String { options.site }

    /// Builds, prints stages, diagnostics and the summary; returns the report.
    func build(_ buildOptions: SiteBuilder.Options) -> SiteBuilder.Report {
        let started = DispatchTime.now().uptimeNanoseconds
        let quiet = options.quiet || options.format == .json
        var buildOptions = buildOptions
        let bar = !quiet && stderrIsTerminal ? ProgressBar() : nil
        buildOptions.meter = bar?.meter
        bar?.start()
        let report = SiteBuilder(fs: LocalFileSystem(root: buildOptions.siteRoot), generator: "gongkai \(Gongkai.version)",
                                 clock: Self.clock)
            .run(buildOptions) { event in
                switch event {
                case .stage(let stage):
                    bar?.clear()
                    if !quiet { Self.out("\(stage.name) \(stage.detail) \(String(format: "%.2f", stage.seconds)) s") }
                case .waiting(let pid):
                    bar?.clear()
                    // Said even with --quiet: otherwise a waiting build looks hung.
                    let who = pid.map { "（进程 \($0)）" } ?? ""
                    Self.err("另一个 gongkai\(who)正在生成同一个输出文件夹，等它完成后再开始……")
                }
            }
        bar?.stop()
        _ = summarise(report, buildOptions, seconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
        return report
    }

    func run(_ buildOptions: SiteBuilder.Options) -> Bool {
        build(buildOptions).succeeded
    }

    private func summarise(_ report: SiteBuilder.Report, _ buildOptions: SiteBuilder.Options, seconds: Double) -> Bool {
        for d in report.diagnostics { emit(d) }
        let errors = report.diagnostics.errorCount
        let warnings = report.diagnostics.warningCount
        if options.format == .json { return report.succeeded }
        if !report.succeeded {
            let kept = buildOptions.output.map { "，\($0)/ 保持原样，没有改动" } ?? ""
            let what = errors > 0 ? "共 \(errors) 个错误\(warnings > 0 ? "、\(warnings) 个警告" : "")"
                                  : "共 \(warnings) 个警告（--strict 把警告当作错误）"
            Self.err("\(what)\(kept)。请按上面的提示改正后重新运行。")
            return false
        }
        if options.quiet { return true }
        var summary = "完成：\(report.notices.grouped) 篇公告，\(report.communities) 个村（社区）"
        if report.drafts > 0 { summary += "，\(report.drafts) 篇草稿未发布" }
        if warnings > 0 { summary += "，\(warnings) 个警告" }
        if let output = report.output, report.upToDate {
            Self.out(summary + "；内容没有改动，网站已是最新（没有重新生成），用时 \(String(format: "%.2f", seconds)) 秒。")
            let hint = openHint?(output) ?? "用浏览器打开 \(output)/index.html 查看网站。"
            if !hint.isEmpty { Self.out(hint) }
        } else if let output = report.output {
            if !report.cacheMisses.isEmpty {
                Self.out("没有用上次的结果：" + report.cacheMisses.joined(separator: "；") + "。")
            }
            summary += "；生成 \(report.filesWritten.grouped) 个文件（\(report.filesUnchanged.grouped) 个与上次相同），用时 \(String(format: "%.2f", seconds)) 秒。"
            Self.out(summary)
            let hint = openHint?(output) ?? "用浏览器打开 \(output)/index.html 查看网站。"
            if !hint.isEmpty { Self.out(hint) }
        } else {
            Self.out(summary + "；检查通过（没有生成网站），用时 \(String(format: "%.2f", seconds)) 秒。")
        }
        return true
    }

    /// Prints diagnostics as `build` and `check` do.
    func report(_ diagnostics: [Diagnostic]) {
        for d in diagnostics { emit(d) }
    }

    private func emit(_ d: Diagnostic) {
        if options.format == .json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            if let data = try? encoder.encode(d) { Self.out(String(decoding: data, as: UTF8.self)) }
            return
        }
        if colour {
            let colourCode = d.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;33m"
            Self.err(d.rendered.replacingOccurrences(
                of: "\(d.severity.label)[\(d.code)]", with: "\(colourCode)\(d.severity.label)[\(d.code)]\u{1B}[0m"))
        } else {
            Self.err(d.rendered)
        }
        if stderrIsTerminal, let excerpt = SourceExcerpt.lines(for: d, siteRoot: siteRoot) { Self.err(excerpt) }
    }

    /// The system clock; `SOURCE_DATE_EPOCH` (seconds, the reproducible-builds
    /// convention) fixes the moment (the ledger's times), `GONGKAI_TODAY=2026-10-08`
    /// the day (tests).
    static var clock: any SiteClock {
        if let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = Double(text) {
            return FixedClock(epochSeconds: seconds)
        }
        if let fixed = ProcessInfo.processInfo.environment["GONGKAI_TODAY"], let day = CalendarDate.parse(fixed) {
            return FixedClock(day)
        }
        return SystemClock()
    }

    static func out(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
    static func err(_ line: String) { FileHandle.standardError.write(Data((line + "\n").utf8)) }
}
