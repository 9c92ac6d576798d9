import Foundation
import GongkaiCore

/// `gongkai new`: a notice file a clerk fills in, with its front matter
/// already right (title, today's date, the category, a 公示期 of the
/// catalogue's minimum length). Pure: the executable writes the file.
public struct NewNotice: Sendable {
    /// Relative to the site folder: `content/<community>/<year>/<name>.md`.
    public var path: String
    public var text: String

    /// - Parameters:
    ///   - taken: names already in the year folder (files and folders), so
    ///     the new name never replaces anything.
    ///   - body: the category's own template body, if the site has one.
    public static func make(site: Site, community: Community, category: Category, title: String,
                            today: CalendarDate, taken: Set<String>, body: String? = nil) -> NewNotice {
        let name = fileName(category: category, date: today, taken: taken)
        let rules = site.rules(for: category, in: community)
        let days = rules.minDisplayDays ?? site.minDisplayDays
        var lines = [
            "---",
            "标题: \(yamlQuoted(title))",
            "日期: \(today.iso)",
            "类别: \(category.name)",
        ]
        if days > 0 || rules.periodRequired == true {
            lines.append("公示期: {起: \(today.iso), 止: \(today.adding(days: days).iso)}")
        }
        // A regular disclosure usually reports on the period before this one.
        if let cadence = rules.cadence, let n = cadence.months, let current = MonthSpan.period(cadence, holding: today) {
            let previous = MonthSpan(first: current.first - n, count: n)
            let value = n == 1 ? "\(previous.year)-\(previous.month < 10 ? "0" : "")\(previous.month)" : previous.label
            lines.append("所属期: \(value)")
        }
        // What the catalogue requires but only the clerk can fill in truthfully
        // stays a comment: `gongkai check` reports it until it is done.
        if rules.numberRequired == true {
            lines.append("# 文号: \(community.name)〔\(today.year)〕号    ← 按发文登记填写编号，再去掉行首的 #")
        }
        if rules.reviewRequired == true {
            lines.append("# 审核: {by: \(community.supervisionName), date: \(today.iso)}    ← 发布前须经\(community.supervisionName)审核；审核后写实际日期，再去掉行首的 #")
        }
        if rules.processRequired == true {
            lines.append("# 四议两公开:    ← 按实际开会的日期和表决结果填写，再去掉这几行行首的 #")
            for stage in ProcessStage.deliberation + [.resolutionPublished] {
                lines.append("#   - {环节: \(stage.name), 日期: \(today.iso), 结果: }")
            }
        }
        lines.append("---")
        let skeleton = body ?? """
        （在这里写公告正文：为什么公开、公开什么、请村民怎样监督。删掉这一行。）

        ## 一、基本情况

        ## 二、具体内容

        （表格用竖线分隔，第二行写 --- ，例如：）

        | 项目 | 金额(元) |
        | --- | --- |
        | 示例 | 0.00 |

        ## 三、监督方式

        公示期内如有异议，请向\(community.committee)或村务监督委员会反映\(community.phone.map { "，联系电话 \($0)" } ?? "")。
        """
        let signature = "\n\n\(community.committee)\n\(today.chinese)\n"
        let text = lines.joined(separator: "\n") + "\n\n" + skeleton.trimmingWhitespace() + signature
        return NewNotice(path: "content/\(community.slug)/\(today.year)/\(name).md", text: text)
    }

    /// The name of a new notice of `category` dated `date`: `caiwu-2026-11`,
    /// or `caiwu-2026-11-2` … when a file or folder of that name is `taken`.
    public static func fileName(category: Category, date: CalendarDate, taken: Set<String>) -> String {
        let base = "\(category.slug)-\(date.year)-\(date.month < 10 ? "0" : "")\(date.month)"
        var name = base
        var n = 2
        while taken.contains(name + ".md") || taken.contains(name) {
            name = "\(base)-\(n)"
            n += 1
        }
        return name
    }

    /// A title as a YAML scalar: quoted when YAML would read it otherwise.
    public static func yamlQuoted(_ s: String) -> String {
        let special: Set<Character> = [":", "#", "[", "]", "{", "}", ",", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`"]
        guard s.contains(where: { special.contains($0) }) || s.hasPrefix("-") || s.hasPrefix("?") else { return s }
        return "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// The catalogue and communities of a site, without reading its notices
/// (for `gongkai new`).
public enum SiteCatalogue {
    public static func load(fs: any SiteFileSystem) -> (Site?, [Community], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        func read(_ path: String) -> SourceFile? {
            guard case .file = fs.kind(of: path), let bytes = try? fs.read(path) else { return nil }
            return SourceFile(path: path, bytes: bytes)
        }
        guard let siteFile = read("content/site.yml") else {
            return (nil, [], [Diagnostic(file: "content/site.yml", code: "GK010", message: Messages.noSiteYml,
                                         fix: Messages.noSiteYmlFix)])
        }
        let (site, siteProblems) = SiteConfigParser.parse(siteFile)
        diagnostics += siteProblems
        var communities: [Community] = []
        for name in (try? fs.list("content")) ?? [] where fs.kind(of: "content/" + name) == .directory && !name.hasPrefix(".") && !name.hasPrefix("_") {
            let source = CommunitySource(slug: name, config: read("content/\(name)/community.yml"), notices: [])
            let (community, problems) = CommunityParser.parse(source, site: site)
            diagnostics += problems.filter { $0.code != "GK020" }
            if let community { communities.append(community) }
        }
        return (site, communities.sorted(by: Community.displayOrder), diagnostics)
    }
}
