import Foundation
import GongkaiCore

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
    let cssPath: String
    let categories: [String: Category]
    let communities: [String: Community]
    let byCommunity: [String: [Notice]]
    let byCategory: [String: [Notice]]
    let supersededBy: [NoticeID: Notice]
    let utcOffset: Int

    public init(content: SiteContent, theme: Theme, generator: String = "gongkai") {
        self.content = content
        self.theme = theme
        self.generator = generator
        let css = theme.assets["assets/site.css"] ?? []
        cssPath = "assets/site.\(ContentHash.hex(css)).css"
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

    /// Every file of the site, in a deterministic order.
    public func render() -> ([OutputFile], [Diagnostic]) {
        var files: [OutputFile] = []
        var problems: [Diagnostic] = []
        func page(_ path: String, _ template: String, _ model: @autoclosure () -> Any) {
            do {
                files.append(OutputFile(path: path, text: try theme.render(model(), template)))
            } catch let d as Diagnostic {
                if !problems.contains(d) { problems.append(d) }
            } catch {}
        }

        for (path, bytes) in theme.assets.sorted(by: { $0.key < $1.key }) {
            if path == "assets/site.css" {
                files.append(OutputFile(path: cssPath, content: .bytes(bytes)))
            } else {
                files.append(OutputFile(path: path, content: .bytes(bytes)))
            }
        }

        page("index.html", "home", homePage())
        page(URLPaths.search(), "search", searchPage())
        for community in content.communities {
            page(URLPaths.community(community.slug), "community", communityPage(community))
            let notices = byCommunity[community.slug] ?? []
            for category in content.site.categories {
                let inCategory = notices.filter { $0.categorySlug == category.slug }
                guard !inCategory.isEmpty else { continue }
                for (path, model) in listingPages(
                    inCategory, heading: "\(community.name) · \(category.name)", intro: category.description,
                    crumbs: [(community.name, URLPaths.community(community.slug)), (category.name, nil)],
                    pathFor: { URLPaths.communityCategory(community.slug, category.slug, page: $0) }, showCommunity: false) {
                    page(path, "listing", model)
                }
            }
            page("\(community.slug)/feed.xml", "feed", feed(
                notices, title: "\(community.name)\(community.disclosureName)", path: "\(community.slug)/feed.xml",
                alternate: URLPaths.community(community.slug)))
        }
        for category in content.site.categories {
            let notices = byCategory[category.slug] ?? []
            for (path, model) in listingPages(
                notices, heading: category.name, intro: category.description,
                crumbs: [(category.name, nil)],
                pathFor: { URLPaths.category(category.slug, page: $0) }, showCommunity: true) {
                page(path, "listing", model)
            }
        }
        page("feed.xml", "feed", feed(content.notices, title: content.site.title, path: "feed.xml", alternate: "index.html"))
        page("sitemap.xml", "sitemap", sitemap())
        files.append(OutputFile(path: "api/notices.json", content: .bytes(apiJSON())))

        // Notice pages: the bulk of the work, on all cores.
        let rendered = content.notices.parallelMap { notice -> Result<OutputFile, Diagnostic> in
            do {
                let html = try self.theme.render(self.noticePage(notice), "notice")
                return .success(OutputFile(path: URLPaths.filePath(notice.id), text: html))
            } catch let d as Diagnostic {
                return .failure(d)
            } catch {
                return .failure(Diagnostic(file: "templates/notice.mustache", code: "GK031", message: "\(error)"))
            }
        }
        for result in rendered {
            switch result {
            case .success(let file): files.append(file)
            case .failure(let d): if !problems.contains(d) { problems.append(d) }
            }
        }
        for notice in content.notices {
            let folder = String(URLPaths.filePath(notice.id).dropLast("index.html".count))
            let source = notice.sourcePath.split(separator: "/").dropLast().joined(separator: "/")
            for attachment in notice.attachments {
                files.append(OutputFile(path: folder + attachment.file, content: .copy(from: source + "/" + attachment.file)))
            }
        }
        return (files, problems)
    }
}
