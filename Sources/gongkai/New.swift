import ArgumentParser
import Foundation
import GongkaiContent
import GongkaiCore

/// `gongkai new <community> <category> <title>`: writes a notice to fill in
/// and prints its path; without arguments, lists what can be used.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "按类别新建一篇公告（不加参数时列出可用的村（社区）和类别）。",
        discussion: "例如：gongkai new mazhuang caiwu 马庄村2026年11月财务收支公开")

    @Option(name: .long, help: "站点文件夹（含 content/），默认当前文件夹。")
    var site: String = "."

    @Argument(help: "村（社区）文件夹名，如 mazhuang。")
    var community: String?

    @Argument(help: "类别代码或名称，如 caiwu 或 财务公开。")
    var category: String?

    @Argument(help: "公告标题。")
    var title: String?

    func run() throws {
        let fs = LocalFileSystem(root: site)
        let (loaded, communities, problems) = SiteCatalogue.load(fs: fs)
        guard let siteConfig = loaded else {
            for d in problems { Console.err(d.rendered) }
            throw ExitCode(1)
        }
        let listing = Self.listing(siteConfig, communities)
        guard let communitySlug = community, let categoryName = category, let title, !title.trimmingWhitespace().isEmpty else {
            if community == nil {
                Console.out(listing)
                return
            }
            Console.err("缺少参数：要写 村（社区）、类别 和 标题 三项。\n" + listing)
            throw ExitCode(2)
        }
        guard let chosen = communities.first(where: { $0.slug == communitySlug || $0.name == communitySlug }) else {
            Console.err("没有“\(communitySlug)”这个村（社区）。\n" + listing)
            throw ExitCode(2)
        }
        guard let kind = siteConfig.category(named: categoryName) else {
            Console.err("公开目录里没有“\(categoryName)”这个类别。\n" + listing)
            throw ExitCode(2)
        }
        let today = Self.today(timezone: siteConfig.timezone)
        let yearFolder = "content/\(chosen.slug)/\(today.year)"
        let taken = Set((try? fs.list(yearFolder)) ?? [])
        var body: String?
        if let template = kind.template {
            guard let bytes = try? fs.read("content/" + template) else {
                Console.err("content/site.yml: 类别“\(kind.name)”的模板 content/\(template) 找不到。请检查 template 写的文件名。")
                throw ExitCode(1)
            }
            body = String(decoding: bytes, as: UTF8.self)
        }
        let notice = NewNotice.make(site: siteConfig, community: chosen, category: kind, title: title,
                                    today: today, taken: taken, body: body)
        let full = site + "/" + notice.path
        try? FileManager.default.createDirectory(atPath: site + "/" + yearFolder, withIntermediateDirectories: true)
        let fd = open(full, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else {
            Console.err("无法新建 \(notice.path)（\(String(cString: strerror(errno)))），没有改动任何文件。")
            throw ExitCode(1)
        }
        let bytes = Array(notice.text.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == bytes.count else {
            Console.err("写入 \(notice.path) 没有完成，请检查磁盘空间。")
            throw ExitCode(1)
        }
        Console.out(notice.path)
    }

    /// Today in the site's timezone; `GONGKAI_TODAY=2024-10-08` fixes it (tests).
    static func today(timezone: String) -> CalendarDate {
        if let fixed = ProcessInfo.processInfo.environment["GONGKAI_TODAY"], let day = CalendarDate.parse(fixed) {
            return day
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timezone) ?? TimeZone(identifier: "Asia/Shanghai")!
        let c = calendar.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: c.year!, month: c.month!, day: c.day!)!
    }

    static func listing(_ site: Site, _ communities: [Community]) -> String {
        var lines = ["用法：gongkai new <村（社区）> <类别> <标题>", "", "村（社区）："]
        lines += communities.map { "  \($0.slug)\t\($0.name)" }
        lines += ["", "类别："]
        lines += site.categories.map { "  \($0.slug)\t\($0.name)" }
        if let c = communities.first, let k = site.categories.first {
            lines += ["", "例如：gongkai new \(c.slug) \(k.slug) \(c.name)……"]
        }
        return lines.joined(separator: "\n")
    }
}
