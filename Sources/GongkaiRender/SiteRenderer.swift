import Foundation
import GongkaiCore
import GongkaiTemplate

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
    /// Notices by id: made when first asked for (only pages that are
    /// rendered ask, and a rebuild renders few).
    let byID: Lazy<[NoticeID: Notice]>
    /// Each notice's link, made on first use (`link(_:root:)`).
    let links = LinkCache()
    var noticesByID: [NoticeID: Notice] { byID.value }
    /// By position in `content.notices`: the positions of the notices of
    /// the same community (in `byCommunity` order) and where this one is
    /// among them, so a notice page's key needs no lookups by id.
    let communityMembers: [String: [Int]]
    let positionInCommunity: [Int]
    let utcOffset: Int
    /// The day the compliance overview is computed for.
    let today: CalendarDate
    let compliance: ComplianceReport

    /// Nil when the caller built no ledger: then no ledger files are published.
    let ledger: LedgerSnapshot?
    let ledgerEntries: [String: [LedgerEntry]]
    /// Keys from the inputs (nil: every page is rendered).
    let keys: RenderKeys?
    /// The last build's pieces of large files, and this build's (nil: none).
    let fragments: FragmentCache?
    /// Answers to residents (docs/desk.md), grouped once.
    let replies: ReplyIndex

    /// - Parameter today: the build's "today" in the site timezone (the
    ///   overview depends on it); nil: the newest notice's day, so output
    ///   depends on the content alone.
    /// - Parameter inputs: what the content was made from, for the keys of
    ///   an incremental build (`render(reuse:)`); nil: no keys.
    /// - Parameter fragments: pieces of large files by key (with `inputs` only).
    public init(content: SiteContent, theme: Theme, generator: String = "gongkai", today: CalendarDate? = nil,
                ledger: LedgerSnapshot? = nil, inputs: RenderInputs? = nil, fragments: FragmentCache? = nil) {
        self.content = content
        let day = today ?? content.notices.first?.date.day ?? CalendarDate(year: 1970, month: 1, day: 1)!
        self.today = day
        self.compliance = ComplianceReport.evaluate(content, today: day)
        self.theme = theme
        self.generator = generator
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
        // One pass over the notices for the lists and maps every page uses.
        var byCommunity: [String: [Notice]] = [:], byCategory: [String: [Notice]] = [:]
        var corrections: [NoticeID: Notice] = [:]
        var members: [String: [Int]] = [:]
        var memberPositions: [Int] = []
        memberPositions.reserveCapacity(content.notices.count)
        for (index, notice) in content.notices.enumerated() {
            let community = notice.id.community
            var position = 0
            byCommunity[community, default: []].append(notice, at: &position)
            memberPositions.append(position)
            members[community, default: []].append(index)
            byCategory[notice.categorySlug, default: []].append(notice)
            // The newest correction of a notice wins (the list is newest first).
            if let old = notice.supersedes, corrections[old] == nil { corrections[old] = notice }
        }
        self.byCommunity = byCommunity
        self.byCategory = byCategory
        supersededBy = corrections
        communityMembers = members
        positionInCommunity = memberPositions
        byID = Lazy { [notices = content.notices] in
            var byID: [NoticeID: Notice] = [:]
            byID.reserveCapacity(notices.count)
            // The first of two notices with one id wins (a build with such
            // notices stops at GK107 anyway).
            for notice in notices where byID[notice.id] == nil { byID[notice.id] = notice }
            return byID
        }
        let tz = TimeZone(identifier: content.site.timezone) ?? TimeZone(identifier: "Asia/Shanghai")!
        let newest = content.notices.first.map { Date(timeIntervalSince1970: Double($0.date.day.dayNumber) * 86400) } ?? Date(timeIntervalSince1970: 0)
        utcOffset = tz.secondsFromGMT(for: newest)
        keys = RenderKeys(inputs, content: content, supersededBy: corrections, theme: theme.digest, generator: generator,
                          today: day, utcOffset: utcOffset, hasLedger: ledger != nil)
        self.fragments = keys == nil ? nil : fragments
        self.ledger = ledger
        ledgerEntries = Dictionary(grouping: ledger?.ledger.entries ?? [], by: \.id)
        replies = ReplyIndex(content.replies)
    }

    /// One page: rendered, or `.previous` when the previous build made it
    /// from the same key (then its view model is not even built).
    func file<Model: TemplateObject>(_ path: String, _ template: String, key: UInt64?, _ reuse: (any PageReuse)?,
                                     _ model: () -> Model) throws -> OutputFile {
        if let key, let reuse, reuse.canReuse(path, key: key) { return OutputFile(path: path, content: .previous, key: key) }
        return OutputFile(path: path, content: .bytes(try theme.render(model(), template)), key: key)
    }

    /// A file's key (`RenderKeys.key`), or nil without keys.
    func pageKey(_ kind: String, _ add: (inout StableHasher) -> Void = { _ in }) -> UInt64? {
        keys?.key(kind, add)
    }

    /// One file that is not a page (JSON, text), the same way.
    func file(_ path: String, key: UInt64?, _ reuse: (any PageReuse)?, _ bytes: () -> [UInt8]) -> OutputFile {
        if let key, let reuse, reuse.canReuse(path, key: key) { return OutputFile(path: path, content: .previous, key: key) }
        return OutputFile(path: path, content: .bytes(bytes()), key: key)
    }

    /// A notice's page, its canonical text and its attachments.
    /// `index`: its position in `content.notices`.
    func noticeFiles(_ notice: Notice, at index: Int, _ reuse: (any PageReuse)?) throws -> [OutputFile] {
        let page = URLPaths.filePath(notice.id)
        let input = noticePageInput(at: index)
        var files = [try file(page, "notice", key: noticePageKey(input), reuse) { noticePage(input) }]
        let folder = String(page.dropLast("index.html".count))
        files += noticeText(notice, folder: folder, key: keys.map { keys in
            keys.key("notice.txt") { $0.add(keys.noticeAt[index]) }
        }, reuse)
        if notice.withdrawal == nil && !notice.attachments.isEmpty {
            let source = notice.sourcePath.split(separator: "/").dropLast().joined(separator: "/")
            for attachment in notice.attachments {
                files.append(OutputFile(path: folder + attachment.file, content: .copy(from: source + "/" + attachment.file)))
            }
        }
        return files
    }

    /// A notice page's path from the site root (for the search index).
    public static func noticeHref(_ id: NoticeID) -> String { URLPaths.notice(id) }

    /// Every file of the site, in a deterministic order. Each page (or small
    /// group of pages) is one job; jobs run on all cores and their files are
    /// collected in job order.
    /// `reuse`: what the previous build wrote; a file whose key (`RenderKeys`:
    /// a hash of what it is made from) is unchanged is not rendered again
    /// but marked `.previous`.
    /// Every file of the site, rendered on all cores. `each`: takes each
    /// job's files as soon as they are made (to compress and write them on
    /// the same core) and returns what to keep of them, so the whole site
    /// need not be in memory at once.
    public func render(meter: ProgressMeter? = nil, reuse: (any PageReuse)? = nil,
                       each: (@Sendable ([OutputFile]) -> [OutputFile])? = nil) -> ([OutputFile], [Diagnostic]) {
        typealias Job = @Sendable () throws -> [OutputFile]
        let reuse = keys == nil ? nil : reuse
        /// The key is computed in the job (on any core), not here.
        func page<Model: TemplateObject>(_ path: String, _ template: String, key: @escaping @Sendable @autoclosure () -> UInt64?,
                                         _ model: @escaping @Sendable () -> Model) -> Job {
            { [self] in [try file(path, template, key: key(), reuse, model)] }
        }
        var jobs: [Job] = []
        jobs.append { [self] in
            theme.assets.sorted(by: { $0.key < $1.key }).map { path, bytes in
                // The theme's digest is in every key: the path is enough.
                file(assetPaths[path] ?? path, key: pageKey("asset") { $0.add(path) }, reuse) { bytes }
            }
        }
        let all = keys?.all ?? 0
        jobs.append(page("index.html", "home", key: pageKey("home") { $0.add(all) }) { self.homePage() })
        jobs.append(page(URLPaths.search(), "search", key: pageKey("search") { $0.add(all) }) { self.searchPage() })
        jobs.append(page(URLPaths.overview(), "overview", key: pageKey("overview") { $0.add(all); $0.add(replies.digest) }) { self.overviewPage() })
        for community in content.communities {
            let notices = byCommunity[community.slug] ?? []
            jobs.append(page(URLPaths.community(community.slug), "community",
                             key: pageKey("community") {
                                 $0.add(community.slug); $0.add(links: notices, keys!)
                                 $0.add(replies.answered(community.slug).count); $0.add(replies.cases(community.slug).count)
                             }) {
                self.communityPage(community)
            })
            jobs.append(page(URLPaths.overview(community.slug), "overview-community", key: pageKey("overview-community") {
                // The window of the calendars starts at the site's oldest notice.
                $0.add(community.slug); $0.add(compliance.from.iso); $0.add(contents: notices, keys!)
            }) { self.communityOverviewPage(community) })
            jobs.append { [self] in
                var files: [OutputFile] = []
                for category in site.categories {
                    let inCategory = notices.filter { $0.categorySlug == category.slug }
                    guard !inCategory.isEmpty else { continue }
                    files += try listingFiles(
                        inCategory, heading: "\(community.name) · \(category.name)", intro: category.description,
                        crumbs: [(community.name, URLPaths.community(community.slug)), (category.name, nil)],
                        reuse: reuse, folder: URLPaths.communityCategoryFolder(community.slug, category.slug))
                }
                return files
            }
            jobs.append { [self] in try replyFiles(community) }
            jobs.append(page("\(community.slug)/feed.xml", "feed", key: pageKey("feed") {
                $0.add(community.slug); $0.add(contents: notices.prefix(Self.feedEntries), keys!)
            }) {
                self.feed(notices, title: "\(community.name)\(community.disclosureName)",
                          path: "\(community.slug)/feed.xml", alternate: URLPaths.community(community.slug))
            })
        }
        for category in content.site.categories {
            jobs.append { [self] in
                try listingFiles(
                    byCategory[category.slug] ?? [], heading: category.name, intro: category.description,
                    crumbs: [(category.name, nil)], reuse: reuse,
                    folder: URLPaths.categoryFolder(category.slug))
            }
        }
        jobs.append(page("feed.xml", "feed", key: pageKey("feed") { $0.add(contents: content.notices.prefix(Self.feedEntries), keys!) }) {
            self.feed(self.content.notices, title: self.site.title, path: "feed.xml", alternate: "index.html")
        })
        jobs.append(page("sitemap.xml", "sitemap", key: pageKey("sitemap") { h in
            for n in content.notices { h.add(n.id.value); h.add(UInt64(bitPattern: Int64(n.date.day.dayNumber))) }
            h.add(replies.digest)
            h.add(site.deskURL ?? "-")
        }) { self.sitemap() })
        // The longest jobs start first (their files keep their place).
        var first = [jobs.count]
        jobs.append { [self] in [file("api/notices.json", key: pageKey("api") { $0.add(all) }, reuse) { apiJSON() }] }
        jobs.append { [self] in publishesReplies ? [file("api/replies.json", key: nil, reuse) { repliesJSON() }] : [] }
        first.append(jobs.count)
        jobs += ledgerJobs(reuse)
        // Notices in jobs of 64: one job per notice spent more time making
        // and running jobs than an incremental build spends on the notices.
        for range in content.notices.indices.runs(of: 64) {
            jobs.append { [self] in try range.flatMap { try noticeFiles(content.notices[$0], at: $0, reuse) } }
        }

        meter?.setTotal(jobs.count)
        // One job at a time to each core as it comes free (not in runs of
        // neighbouring jobs): a few jobs (the JSON API, ledger.json) take
        // far longer than the rest.
        let schedule = first.filter { $0 < jobs.count } + jobs.indices.filter { !first.contains($0) }
        let everyJob = jobs
        let done = schedule.parallelMap(meter: meter, dynamic: true) { index -> Result<[OutputFile], Diagnostic> in
            do {
                let files = try everyJob[index]()
                return .success(each?(files) ?? files)
            } catch let d as Diagnostic {
                return .failure(d)
            } catch {
                return .failure(Diagnostic(file: "templates", code: "GK031", message: "模板渲染失败（\(error)）。"))
            }
        }
        var results = done
        for (result, index) in zip(done, schedule) { results[index] = result }
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

private extension Array {
    /// Appends, and tells where the element went.
    mutating func append(_ element: Element, at position: inout Int) {
        position = count
        append(element)
    }
}

/// A value made on first use, once, by whichever thread asks first.
final class Lazy<Value: Sendable>: @unchecked Sendable {
    private let make: @Sendable () -> Value
    private let lock = NSLock()
    private var made: Value?

    init(_ make: @escaping @Sendable () -> Value) { self.make = make }

    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let value = make()
        made = value
        return value
    }
}
