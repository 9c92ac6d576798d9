import Foundation
import GongkaiCore
import Mustache

/// The render stage: view models from `SiteContent`, then Mustache pages,
/// Atom feeds, the sitemap, the JSON API and hashed assets.
///
/// Owns: what each page shows and where it lives in public/. Must not: read
/// or write files (attachments are copy instructions), print, or parse content.
public struct SiteRenderer: Sendable {
    public static let latestOnHome = 20
    public static let perSection = 5
    public static let perPage = 50
    public static let feedEntries = 50

    let content: SiteContent
    let theme: Theme
    let generator: String
    /// Asset path under templates/ → published path with a content hash.
    let assetPaths: [String: String]
    let categories: [String: Category]
    let communities: [String: Community]
    let byCommunity: [String: [Notice]]
    let byCategory: [String: [Notice]]
    let supersededBy: [NoticeID: Notice]
    let utcOffset: Int
    /// The day the compliance overview is computed for.
    let today: CalendarDate
    let compliance: ComplianceReport

    /// Nil when the caller built no ledger: then no ledger files are published.
    let ledger: LedgerSnapshot?
    let ledgerEntries: [String: [LedgerEntry]]


    /// - Parameter today: the build's "today" in the site timezone (the
    ///   overview depends on it); nil: the newest notice's day, so output
    ///   depends on the content alone.
    public init(content: SiteContent, theme: Theme, generator: String = "gongkai", today: CalendarDate? = nil,
                ledger: LedgerSnapshot? = nil) {
        self.content = content
        let day = today ?? content.notices.first?.date.day ?? CalendarDate(year: 1970, month: 1, day: 1)!
        self.today = day
        self.compliance = ComplianceReport.evaluate(content, today: day)
        self.theme = theme
        self.generator = generator
        self.ledger = ledger
        ledgerEntries = Dictionary(grouping: ledger?.ledger.entries ?? [], by: \.id)
        var paths: [String: String] = [:]
        for (path, bytes) in theme.assets {
            if let dot = path.lastIndex(of: "."), path[..<dot].contains("/") {
                paths[path] = "\(path[..<dot]).\(ContentHash.hex(bytes))\(path[dot...])"
            } else {
                paths[path] = path
            }
        }
        assetPaths = paths
        categories = Dictionary(content.site.categories.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        communities = Dictionary(content.communities.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        byCommunity = Dictionary(grouping: content.notices, by: \.id.community)
        byCategory = Dictionary(grouping: content.notices, by: \.categorySlug)
        var corrections: [NoticeID: Notice] = [:]
        for notice in content.notices.reversed() {
            if let old = notice.supersedes { corrections[old] = notice }
        }
        supersededBy = corrections
        let tz = TimeZone(identifier: content.site.timezone) ?? TimeZone(identifier: "Asia/Shanghai")!
        let newest = content.notices.first.map { Date(timeIntervalSince1970: Double($0.date.day.dayNumber) * 86400) } ?? Date(timeIntervalSince1970: 0)
        utcOffset = tz.secondsFromGMT(for: newest)
    }

    /// One page: rendered, or `.previous` when the previous build made it
    /// from the same key.
    func file<Model: MustacheParent & StableHashable>(_ path: String, _ template: String, _ model: Model,
                                                      _ reuse: (any PageReuse)?) throws -> OutputFile {
        var h = StableHasher()
        h.add(theme.digest)
        h.add(generator)
        h.add(template)
        h.add(model)
        let key = h.value
        if let reuse, reuse.canReuse(path, key: key) { return OutputFile(path: path, content: .previous, key: key) }
        return OutputFile(path: path, text: try theme.render(model, template), key: key)
    }

    /// A notice page's path from the site root (for the search index).
    public static func noticeHref(_ id: NoticeID) -> String { URLPaths.notice(id) }

    /// Every file of the site, in a deterministic order. Each page (or small
    /// group of pages) is one job; jobs run on all cores and their files are
    /// collected in job order.
    /// `reuse`: what the previous build rendered; a page whose key (the
    /// stable hash of its view model, template and theme) is unchanged is
    /// not rendered again but marked `.previous`.
    public func render(meter: ProgressMeter? = nil, reuse: (any PageReuse)? = nil) -> ([OutputFile], [Diagnostic]) {
        typealias Job = @Sendable () throws -> [OutputFile]
        func page<Model: MustacheParent & StableHashable>(_ path: String, _ template: String, _ model: @escaping @Sendable () -> Model) -> Job {
            { [self] in [try file(path, template, model(), reuse)] }
        }
        var jobs: [Job] = []
        jobs.append { [self] in
            theme.assets.sorted(by: { $0.key < $1.key }).map { path, bytes in
                OutputFile(path: assetPaths[path] ?? path, content: .bytes(bytes))
            }
        }
        jobs.append(page("index.html", "home") { self.homePage() })
        jobs.append(page(URLPaths.search(), "search") { self.searchPage() })
        jobs.append(page(URLPaths.overview(), "overview") { self.overviewPage() })
        for community in content.communities {
            jobs.append(page(URLPaths.community(community.slug), "community") { self.communityPage(community) })
            jobs.append(page(URLPaths.overview(community.slug), "overview-community") { self.communityOverviewPage(community) })
            jobs.append { [self] in
                let notices = byCommunity[community.slug] ?? []
                var files: [OutputFile] = []
                for category in site.categories {
                    let inCategory = notices.filter { $0.categorySlug == category.slug }
                    guard !inCategory.isEmpty else { continue }
                    for (path, model) in listingPages(
                        inCategory, heading: "\(community.name) · \(category.name)", intro: category.description,
                        crumbs: [(community.name, URLPaths.community(community.slug)), (category.name, nil)],
                        pathFor: { URLPaths.communityCategory(community.slug, category.slug, page: $0) }) {
                        files.append(try file(path, "listing", model, reuse))
                    }
                }
                return files
            }
            jobs.append(page("\(community.slug)/feed.xml", "feed") {
                self.feed(self.byCommunity[community.slug] ?? [], title: "\(community.name)\(community.disclosureName)",
                          path: "\(community.slug)/feed.xml", alternate: URLPaths.community(community.slug))
            })
        }
        for category in content.site.categories {
            jobs.append { [self] in
                try listingPages(
                    byCategory[category.slug] ?? [], heading: category.name, intro: category.description,
                    crumbs: [(category.name, nil)],
                    pathFor: { URLPaths.category(category.slug, page: $0) }
                ).map { path, model in try file(path, "listing", model, reuse) }
            }
        }
        jobs.append(page("feed.xml", "feed") {
            self.feed(self.content.notices, title: self.site.title, path: "feed.xml", alternate: "index.html")
        })
        jobs.append(page("sitemap.xml", "sitemap") { self.sitemap() })
        jobs.append { [self] in [OutputFile(path: "api/notices.json", content: .bytes(apiJSON()))] }
        jobs.append { [self] in try ledgerFiles(reuse) }
        for notice in content.notices {
            jobs.append { [self] in
                var files = [try file(URLPaths.filePath(notice.id), "notice", noticePage(notice), reuse)]
                let folder = String(URLPaths.filePath(notice.id).dropLast("index.html".count))
                let source = notice.sourcePath.split(separator: "/").dropLast().joined(separator: "/")
                files += noticeText(notice)
                for attachment in notice.attachments where notice.withdrawal == nil {
                    files.append(OutputFile(path: folder + attachment.file, content: .copy(from: source + "/" + attachment.file)))
                }
                return files
            }
        }

        meter?.setTotal(jobs.count)
        let results = jobs.parallelMap(meter: meter) { job -> Result<[OutputFile], Diagnostic> in
            do {
                return .success(try job())
            } catch let d as Diagnostic {
                return .failure(d)
            } catch {
                return .failure(Diagnostic(file: "templates", code: "GK031", message: "模板渲染失败（\(error)）。"))
            }
        }
        var files: [OutputFile] = []
        var problems: [Diagnostic] = []
        if !content.notices.isEmpty, site.absoluteBase == nil {
            // Once per build, not once per page: the printed sheets go without a QR code.
            problems.append(Diagnostic(
                file: "content/site.yml", code: "GK187", severity: .warning,
                message: "site.yml 的 base_url 不是以 http:// 或 https:// 开头的完整网址（现在是“\(site.baseURL)”），打印出来的公告不带二维码，群众扫码无法找到网上原文。",
                fix: "请在 content/site.yml 里写上网站的正式地址，例如 base_url: https://gk.qingshan.gov.cn/，或构建时加 --base-url https://…/。"))
        }
        for result in results {
            switch result {
            case .success(let f): files += f
            case .failure(let d): if !problems.contains(d) { problems.append(d) }
            }
        }
        return (files, problems)
    }
}
