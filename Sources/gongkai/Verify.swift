import ArgumentParser
import Foundation
import GongkaiLedger
import GongkaiCore

/// `gongkai verify [--output DIR] [--site DIR]`: checks a built site against
/// the integrity ledger; exit 1 naming every page that matches no recorded
/// version, and any break in the chain (docs/ledger.md).
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "用完整性账本核对已生成的网站：每篇公告的原文和页面都要与账本记录的版本相符，账本链条要完整。")

    @Option(name: .long, help: "站点文件夹（含 content/ledger.jsonl），默认当前文件夹；没有也可以，只核对网站本身。")
    var site: String = "."

    @Option(name: .long, help: "要核对的网站文件夹，默认 <站点>/public。")
    var output: String?

    @Option(name: .long, help: "诊断信息的格式：text 或 json（每行一个 JSON）。")
    var format: DiagnosticFormat = .text

    func run() throws {
        let out = output ?? (site == "." ? "public" : site + "/public")
        let report = LedgerVerifier(output: out, siteRoot: site).run()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for d in report.diagnostics.sorted() {
            if format == .json, let data = try? encoder.encode(d) {
                Console.out(String(decoding: data, as: UTF8.self))
            } else if format == .text {
                Console.err(d.rendered)
            }
        }
        if format == .json { if !report.succeeded { throw ExitCode(1) }; return }
        if report.succeeded {
            let warnings = report.diagnostics.warningCount
            Console.out("核对通过：\(report.notices.grouped) 篇公告、\(report.entries.grouped) 条账本记录，链条完整，网站上的原文和页面都与账本记录的版本相符"
                        + (warnings > 0 ? "（\(warnings) 个警告）" : "") + "。")
        } else {
            Console.err("核对未通过：共 \(report.diagnostics.errorCount) 个错误。网站上的内容与完整性账本不符，详见上面各行。")
            throw ExitCode(1)
        }
    }
}
