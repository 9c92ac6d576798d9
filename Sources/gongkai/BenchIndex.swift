import ArgumentParser
import Foundation
import GongkaiBuild

/// `gongkai bench-index SITE`: the index stage alone, timed (for
/// bench/index_bench.sh; not shown in the help).
struct BenchIndex: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-index", abstract: "计时：只建搜索索引（供 bench/index_bench.sh 使用）。", shouldDisplay: false)

    @Argument(help: "站点文件夹（含 content/）。")
    var site: String

    @Option(help: "干净构建的次数（更新各做 2n+1 次）。")
    var runs = 5

    @Option(name: .customLong("update-runs"), help: "每种更新做几次（默认 2n+1）。")
    var updateRuns: Int?

    @Option(help: "只做名字以此开头的更新（如 nothing、add、change、remove）。")
    var only: String?

    func run() throws {
        let log = FileHandle.standardError
        guard let report = SearchIndexBench.run(site: site, runs: runs, updateRuns: updateRuns, only: only, progress: { log.write(Data(("  " + $0 + "\n").utf8)) }) else {
            throw ValidationError("站点没有能建索引的公告：\(site)")
        }
        func median(_ xs: [Double]) -> Double {
            let s = xs.sorted()
            return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
        }
        print("notices \(report.notices)  index files \(report.indexFiles)  index bytes \(report.indexBytes)  peak RSS \(report.peakResident / 1_048_576) MiB")
        for t in report.timings {
            let ms = { (x: Double) in String(format: "%.1f", x * 1000) }
            print("\(t.name)\tmedian wall \(ms(median(t.wall))) ms\tmedian cpu \(ms(median(t.cpu))) ms\tleast cpu \(ms(t.cpu.min() ?? 0)) ms\t(\(t.wall.count) runs; \(t.name == "clean" ? "" : (t.updated ? "updated, " : "BUILT ANEW, "))\(t.files) files written)")
        }
    }
}
