import ArgumentParser
import Foundation
import GongkaiBuild
import GongkaiCore

/// The thin executable: parses the command line, calls GongkaiBuild, and
/// formats what comes back. Exit status: 0 built, 1 problems in the
/// content, 2 wrong usage (docs/design.md §7).
@main
struct Gongkai: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "gongkai",
        abstract: "村（居）务公开网站生成器：把 Markdown 公告生成为可搜索的静态网站。",
        version: version,
        subcommands: [Build.self, Check.self, New.self, Import.self, Serve.self, Verify.self, Desk.self, InboxCommand.self,
                      ParseDump.self, BenchIndex.self],
        defaultSubcommand: Build.self)

    static func main() {
        SiteBuilder.tuneMemory()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}

struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "站点文件夹（含 content/），默认当前文件夹。")
    var site: String = "."

    @Option(name: .long, help: "诊断信息的格式：text 或 json（每行一个 JSON）。")
    var format: DiagnosticFormat = .text

    @Flag(name: .long, help: "只输出问题，不输出进度。")
    var quiet = false

    @Flag(name: .long, help: "把警告也当作错误：有警告时不生成网站，退出状态为 1。")
    var strict = false
}

/// `--as-of 2026-11-26` (or `today`/`今天`): the day the compliance overview is computed for.
struct AsOfDate: ExpressibleByArgument {
    var day: CalendarDate?

    init?(argument: String) {
        if argument == "today" || argument == "今天" {
            day = nil
        } else if let parsed = CalendarDate.parse(argument) {
            day = parsed
        } else {
            return nil
        }
    }
}

enum DiagnosticFormat: String, ExpressibleByArgument {
    case text, json
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "检查全部内容并生成网站（出错时不改动已有网站）。")

    @OptionGroup var options: SiteOptions

    @Option(name: .long, help: "输出文件夹，默认 <站点>/public。")
    var output: String?

    @Option(name: .customLong("base-url"), help: "网站地址，覆盖 site.yml 的 base_url，例如 https://gk.example.gov.cn/。")
    var baseURL: String?

    @Option(name: .customLong("as-of"), help: "按这一天生成公开情况一览（默认今天，站点时区），例如 2026-11-26。")
    var asOf: AsOfDate?

    func run() throws {
        let out = output ?? (options.site == "." ? "public" : options.site + "/public")
        var build = SiteBuilder.Options(siteRoot: options.site, output: out, baseURL: baseURL, strict: options.strict,
                                        asOf: asOf?.day, recordLedger: true)
        build.leaveForExit = true   // the process ends right after
        let ok = Console(options: options).run(build)
        if !ok { throw ExitCode(1) }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "只检查内容，不生成网站。")

    @OptionGroup var options: SiteOptions

    @Option(name: .customLong("as-of"), help: "列出到这一天为止该公开而没有公开的（GK150），例如 --as-of 2026-11-26 或 --as-of today。")
    var asOf: AsOfDate?

    func run() throws {
        let ok = Console(options: options).run(.init(siteRoot: options.site, output: nil, strict: options.strict,
                                                     asOf: asOf?.day, reportOverdue: asOf != nil))
        if !ok { throw ExitCode(1) }
    }
}
