import ArgumentParser
import Foundation
import GongkaiBuild
import GongkaiCore
import GongkaiServe

/// `gongkai serve [--port N]`: builds, serves the site on 127.0.0.1, rebuilds
/// on every change of content/ or templates/, and reloads open pages.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "生成网站并在本机预览（只有本机能打开），改动后自动重新生成并刷新浏览器。")

    @OptionGroup var options: SiteOptions

    @Option(name: .long, help: "端口，默认 8080。")
    var port: Int = 8080

    @Option(name: .long, help: "预览用的输出文件夹，默认 <站点>/.gongkai-preview（不是 public/：预览里可能有还没审核的公告）。")
    var output: String?

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("端口要在 1 到 65535 之间。") }
    }

    func run() throws {
        // Not public/: a preview may show what is not ready to publish (a
        // draft before its review), and public/ is what gets copied to the
        // server.
        let out = output ?? (options.site == "." ? ".gongkai-preview" : options.site + "/.gongkai-preview")
        // The server prints the preview address once it listens.
        let console = Console(options: options, openHint: { _ in "" })
        // A preview records nothing in the integrity ledger (docs/design.md §8).
        let buildOptions = SiteBuilder.Options(siteRoot: options.site, output: out, preview: true)
        let siteRoot = options.site
        let rebuild: @Sendable () -> PreviewServer.Outcome = {
            // A Word document dropped into a community's folder becomes a notice first (docs/import.md).
            let imported = PreviewImport.run(siteRoot: siteRoot, console: console)
            let report = console.build(buildOptions)
            return PreviewServer.Outcome(problems: report.diagnostics.map(\.rendered), succeeded: report.succeeded,
                                         open: report.succeeded ? imported.open : nil, notes: imported.problems)
        }
        let first = rebuild()
        if !first.succeeded && !FileManager.default.fileExists(atPath: out + "/index.html") {
            Console.err("第一次生成就失败了，还没有可以预览的网站。请按上面的提示改正；改好保存后会自动重新生成。")
        }
        let server = PreviewServer(siteRoot: options.site, output: out, port: port, rebuild: rebuild,
                                   log: { Console.out($0) })
        let done = DispatchSemaphore(value: 0)
        let failure = Handoff<String?>(nil)
        Task.detached {
            do { try await server.run(first: first) } catch { failure.set("\(error)") }
            done.signal()
        }
        done.wait()
        if let message = failure.value {
            Console.err("预览服务器无法启动（\(message)）。端口 \(port) 可能已被占用，请换一个：gongkai serve --port 8081")
            throw ExitCode(1)
        }
    }
}
