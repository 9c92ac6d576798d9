import ArgumentParser
import Foundation
import GongkaiContent
import GongkaiCore

/// `gongkai parse-dump --site S`: a developer's tool, not shown in `--help`.
/// Prints what the parse stage makes of every notice (the notice as JSON
/// with sorted keys, or null, and its diagnostics), one line per notice
/// sorted by file, then the stage's own diagnostics. Two executables that
/// print the same dump for a site parse it the same way
/// (`bench/parse_golden.sh`, docs/performance.md "Parse stage").
struct ParseDump: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse-dump", abstract: "开发用：逐篇输出解析结果。", shouldDisplay: false)

    @Option(name: .long, help: "站点文件夹（含 content/）。")
    var site: String = "."

    func run() throws {
        let sources = SiteLoader(fs: LocalFileSystem(root: site)).load()
        let memo = RecordingMemo()
        let result = ContentParser.parse(sources, memo: memo)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out = ""
        for (path, parsed) in memo.results.sorted(by: { $0.key < $1.key }) {
            let line = DumpLine(file: path, notice: parsed.0, diagnostics: parsed.1)
            out += String(decoding: try encoder.encode(line), as: UTF8.self) + "\n"
        }
        let stage = DumpLine(file: "(parse stage)", notice: nil, diagnostics: result.diagnostics)
        out += String(decoding: try encoder.encode(stage), as: UTF8.self) + "\n"
        FileHandle.standardOutput.write(Data(out.utf8))
    }

    private struct DumpLine: Encodable {
        var file: String
        var notice: Notice?
        var diagnostics: [Diagnostic]
    }

    /// Keeps every notice's result; never recalls one (each notice is parsed).
    private final class RecordingMemo: NoticeMemo, @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [String: (Notice?, [Diagnostic])] = [:]

        var results: [String: (Notice?, [Diagnostic])] { lock.withLock { stored } }

        func recall(_ source: NoticeSource) -> (Notice?, [Diagnostic])? { nil }

        func remember(_ source: NoticeSource, _ result: (Notice?, [Diagnostic])) {
            lock.withLock { stored[source.file.path] = result }
        }
    }
}
