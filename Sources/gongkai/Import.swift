import ArgumentParser
import Foundation
import GongkaiBuild
import GongkaiContent
import GongkaiCore
import GongkaiImport
import GongkaiWord

/// `gongkai import FILE.docx --community SLUG [--category SLUG]`: a Word
/// document as a notice (docs/import.md). Writes the notice and its files
/// without replacing anything, prints the path and what was guessed, then
/// the checks `gongkai check` makes on the new notice.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "把 Word 文档（.docx）导入为一篇公告。",
        discussion: "例如：gongkai import 马庄村11月财务公开.docx --community mazhuang\n标题、日期、文号、发布单位和类别按文件内容猜，公告写好后请打开核对。")

    @Argument(help: "Word 文档（.docx；.doc、.wps 请先另存为 .docx）。")
    var file: String

    @Option(name: .long, help: "村（社区）文件夹名或名称，如 mazhuang。")
    var community: String

    @Option(name: .long, help: "类别代码或名称，如 caiwu 或 财务公开（不写就按标题猜）。")
    var category: String?

    @Option(name: .long, help: "站点文件夹（含 content/），默认当前文件夹。")
    var site: String = "."

    func run() throws {
        let console = Console(options: try SiteOptions.parse(["--site", site]))
        let fs = LocalFileSystem(root: site)
        let (loaded, communities, problems) = SiteCatalogue.load(fs: fs)
        guard let siteConfig = loaded else {
            for d in problems { Console.err(d.rendered) }
            throw ExitCode(1)
        }
        guard let chosen = communities.first(where: { $0.slug == community || $0.name == community }) else {
            Console.err("没有“\(community)”这个村（社区）。\n" + New.listing(siteConfig, communities))
            throw ExitCode(2)
        }
        var forced: GongkaiCore.Category?
        if let category {
            guard let kind = siteConfig.category(named: category) else {
                Console.err("公开目录里没有“\(category)”这个类别。\n" + New.listing(siteConfig, communities))
                throw ExitCode(2)
            }
            forced = kind
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            Console.err("找不到或打不开文件“\(file)”。请检查文件名和路径（文件名里有空格时，整个路径用引号括起来）。")
            throw ExitCode(1)
        }
        let run = ImportRun(site: site, siteConfig: siteConfig, community: chosen, category: forced)
        switch run.prepare(bytes: [UInt8](data), path: file) {
        case .refused(let d):
            console.report([d])
            Console.err(ImportSummary.nothingWritten)
            throw ExitCode(1)
        case .ready(let notice):
            if let failure = run.write(notice) {
                Console.err(failure)
                throw ExitCode(1)
            }
            Console.out(notice.path)
            for line in ImportSummary.lines(notice, source: file) { Console.out(line) }
            console.report(notice.diagnostics)
            // The checks `gongkai check` makes, on the new notice and its files.
            let found = run.check(notice)
            if found.isEmpty {
                Console.out(ImportSummary.checkPassed)
            } else {
                Console.out(ImportSummary.checkHeader(found))
                console.report(found)
            }
            if !notice.todo.isEmpty { Console.out(ImportSummary.todo(notice)) }
        }
    }
}

/// One import into a site: read and convert (nothing written), write, check.
/// Shared by `gongkai import` and `gongkai serve`.
struct ImportRun {
    let site: String
    let siteConfig: Site
    let community: Community
    let category: GongkaiCore.Category?

    enum Prepared {
        case ready(ImportedNotice)
        /// Not a readable Word document, or nothing in it: nothing to write.
        case refused(Diagnostic)
    }

    func prepare(bytes: [UInt8], path: String) -> Prepared {
        let document: WordDocument
        switch WordDocument.read(bytes) {
        case .success(let d): document = d
        case .failure(let failure): return .refused(ImportMessages.diagnostic(for: failure, file: path))
        }
        let today = CalendarDate.today(in: siteConfig.timezone, now: Console.clock.now())
        let input = WordImport.Input(document: document, sourceName: (path as NSString).lastPathComponent, sourcePath: path,
                                     site: siteConfig, community: community, category: category, today: today)
        let fs = LocalFileSystem(root: site)
        guard let notice = WordImport.make(input, taken: { Set((try? fs.list($0)) ?? []) }) else {
            return .refused(ImportMessages.emptyDocument(file: path))
        }
        return .ready(notice)
    }

    /// Writes the notice's files and then the notice, replacing nothing;
    /// nil on success, else what went wrong (and nothing is left written).
    func write(_ notice: ImportedNotice) -> String? {
        let folder = (notice.path as NSString).deletingLastPathComponent
        let name = (notice.path as NSString).lastPathComponent
        // The notice last: until it exists, its files are only files.
        let files = notice.files.map { ($0.name, $0.bytes) } + [(name, Array(notice.text.utf8))]
        guard let failure = ExclusiveFiles.save(files, into: site + "/" + folder) else { return nil }
        return "无法写入 \(failure.name)（\(failure.reason)），" + ImportSummary.nothingWritten
    }

    /// What `gongkai check` reports on the notice and the files written beside it.
    func check(_ notice: ImportedNotice) -> [Diagnostic] {
        let folder = (notice.path as NSString).deletingLastPathComponent
        let report = SiteBuilder(fs: LocalFileSystem(root: site), generator: "gongkai \(Gongkai.version)", clock: Console.clock)
            .run(SiteBuilder.Options(siteRoot: site, output: nil)) { _ in }
        let ours = Set([notice.path] + notice.files.map { folder + "/" + $0.name })
        return report.diagnostics.filter { ours.contains($0.file) }
    }
}

/// What `gongkai import` says after writing, for a clerk.
enum ImportSummary {
    static let nothingWritten = "没有导入，没有写任何文件。"

    static func lines(_ n: ImportedNotice, source: String) -> [String] {
        let g = n.guesses
        var out = ["已从 \((source as NSString).lastPathComponent) 导入，请打开上面的文件核对：",
                   "  标题：\(g.title)（\(said(g.titleSource))）",
                   "  日期：\(g.date.chinese)（\(said(g.dateSource))）"]
        if let number = g.number { out.append("  文号：\(number)") }
        if let issuer = g.issuer { out.append("  发布单位：\(issuer)（按落款）") }
        let why = g.categorySource == .title || g.categorySource == .body
            ? said(g.categorySource) + "里的“\(g.categoryWord ?? "")”" : said(g.categorySource)
        out.append("  类别：\(g.category.name)（\(why)）")
        if let (from, to) = g.period {
            out.append("  公示期：\(from.chinese) 至 \(to.chinese)（\(said(g.periodSource ?? .catalogue))）")
        }
        if let covers = g.covers { out.append("  所属期：\(covers)") }
        let csv = n.tables.filter { $0.csv != nil }
        if !n.tables.isEmpty {
            var line = "  表格：\(n.tables.count) 张"
            if !csv.isEmpty {
                line += "，其中 " + csv.map { "\($0.csv!)（\($0.reason)）" }.joined(separator: "、") + " 写成了表格文件，正文里用表格块引用"
            }
            out.append(line)
        }
        let images = n.files.filter { !$0.name.hasSuffix(".csv") }
        if !images.isEmpty { out.append("  图片：\(images.count) 张，放在公告旁边：" + images.map(\.name).joined(separator: "、")) }
        if !n.dropped.isEmpty { out.append("没有放进公告：" + n.dropped.joined(separator: "；") + "。") }
        return out
    }

    static func todo(_ n: ImportedNotice) -> String { "还需要：" + n.todo.joined(separator: "；") + "。" }

    static func said(_ source: ImportedNotice.Source) -> String {
        switch source {
        case .style: return "按 Word 的标题样式"
        case .formatting: return "按居中、加粗或大字号的标题行"
        case .firstLine: return "按第一行"
        case .properties: return "按文件属性里的标题"
        case .fileName: return "按文件名"
        case .signature: return "按落款"
        case .heading: return "按标题下的日期"
        case .document: return "按正文里写的"
        case .today: return "文件里没有找到日期，用的是今天"
        case .option: return "按 --category"
        case .title: return "按标题"
        case .body: return "按正文"
        case .fallback: return "标题里看不出，暂定"
        case .catalogue: return "按公开目录的最短天数"
        }
    }

    static let checkPassed = "检查：新公告没有问题。"
    static func checkHeader(_ d: [Diagnostic]) -> String {
        let errors = d.filter { $0.severity == .error }.count
        let warnings = d.count - errors
        var parts: [String] = []
        if errors > 0 { parts.append("\(errors) 个错误") }
        if warnings > 0 { parts.append("\(warnings) 个警告") }
        return "检查新公告（和 gongkai check 一样）：" + parts.joined(separator: "、") + "，见下面；改好之前 gongkai build 不会发布有错误的公告。"
    }
}
