import Foundation
import GongkaiCore

extension SiteRenderer {
    var site: Site { content.site }

    /// The published (content-hashed) path of a theme asset.
    func asset(_ path: String) -> String { assetPaths[path] ?? path }

    func layout(_ path: String, title: String?, crumbs: [(String, String?)], description: String? = nil,
                og: OpenGraph? = nil, canonical: String? = nil, script: String? = nil) -> Layout {
        let root = URLPaths.root(of: path)
        var trail: [Crumb] = [Crumb(name: site.town ?? "首页", href: root + URLPaths.home(), last: crumbs.isEmpty)]
        for (i, (name, href)) in crumbs.enumerated() {
            trail.append(Crumb(name: name, href: href.map { root + $0 }, last: i == crumbs.count - 1))
        }
        return Layout(
            root: root, siteTitle: site.title, town: site.town,
            documentTitle: title.map { "\($0) - \(site.title)" } ?? site.title,
            description: description ?? site.description ?? site.title,
            css: root + asset("assets/site.css"), siteScript: root + asset("assets/site.js"), script: script.map { root + asset($0) }, isSearch: script != nil, homeHref: root + URLPaths.home(), searchHref: root + URLPaths.search(),
            feedHref: root + "feed.xml", crumbs: trail, hasCrumbs: !crumbs.isEmpty,
            canonical: canonical, og: og, generator: generator)
    }

    func link(_ notice: Notice, root: String) -> NoticeLink {
        var link = links.link(notice.id) {
            NoticeLink(
                href: URLPaths.notice(notice.id), title: notice.title, date: notice.date.day.chinese,
                dateISO: notice.date.day.iso, category: categories[notice.categorySlug]?.name ?? notice.categorySlug,
                community: communities[notice.id.community]?.name ?? notice.id.community, number: notice.number,
                summary: notice.summary, corrected: supersededBy[notice.id] != nil, withdrawn: notice.withdrawal != nil)
        }
        link.href = root + link.href
        return link
    }

    func homePage() -> HomePage {
        let path = URLPaths.home()
        let root = URLPaths.root(of: path)
        return HomePage(
            layout: layout(path, title: nil, crumbs: []),
            title: site.title, intro: site.description,
            latest: content.notices.prefix(Self.latestOnHome).map { link($0, root: root) },
            communities: communityCards(root: root), categories: categoryLinks(root: root),
            noticeCount: content.notices.count, overviewHref: root + URLPaths.overview())
    }

    func communityCards(root: String) -> [CommunityCard] {
        content.communities.map { c in
            let notices = byCommunity[c.slug] ?? []
            return CommunityCard(slug: c.slug, href: root + URLPaths.community(c.slug), name: c.name, kind: c.kind.rawValue,
                                 count: notices.count, latest: notices.first?.date.day.chinese)
        }
    }

    func categoryLinks(root: String) -> [CategoryLink] {
        site.categories.map { c in
            CategoryLink(slug: c.slug, href: root + URLPaths.category(c.slug), name: c.name, count: byCategory[c.slug]?.count ?? 0,
                         description: c.description)
        }
    }

    func searchPage() -> SearchPage {
        let path = URLPaths.search()
        let root = URLPaths.root(of: path)
        return SearchPage(layout: layout(path, title: "搜索", crumbs: [("搜索", nil)], script: "assets/search.js"),
                          communities: communityCards(root: root), categories: categoryLinks(root: root))
    }

    func communityPage(_ community: Community) -> CommunityPage {
        let path = URLPaths.community(community.slug)
        let root = URLPaths.root(of: path)
        let notices = byCommunity[community.slug] ?? []
        let sections = site.categories.compactMap { category -> CategorySection? in
            let inCategory = notices.filter { $0.categorySlug == category.slug }
            guard !inCategory.isEmpty else { return nil }
            return CategorySection(
                name: category.name, anchor: category.slug, count: inCategory.count,
                notices: inCategory.prefix(Self.perSection).map { link($0, root: root) },
                allHref: root + URLPaths.communityCategory(community.slug, category.slug),
                more: inCategory.count > Self.perSection)
        }
        return CommunityPage(
            layout: layout(path, title: community.name, crumbs: [(community.name, nil)],
                           description: community.description),
            name: community.name, disclosureName: community.disclosureName, description: community.description,
            committee: community.committee, address: community.address, phone: community.phone,
            count: notices.count, sections: sections, hasSections: !sections.isEmpty, feedHref: root + "\(community.slug)/feed.xml",
            overviewHref: root + URLPaths.overview(community.slug),
            repliesHref: hasRepliesPage(community.slug) ? root + URLPaths.replies(community.slug) : nil,
            suggestion: suggestionForm(community, root: root))
    }

    /// One listing (newest first) in pages that stay put as notices are
    /// added: the index (`<folder>/index.html`) with the newest `perPage`
    /// and, when there are more, a link to each year and one page for each
    /// year's notices (`<folder>/<year>.html`). A notice of any date changes
    /// the index and its own year's page, never the other years'. A listing
    /// the index holds whole has no year pages (most of a village's
    /// categories: year pages of one or two notices would only be more
    /// files). The page numbers of earlier gongkais (`page/N/`, newest
    /// first) point to the index.
    func listingFiles(_ notices: [Notice], heading: String, intro: String?, crumbs: [(String, String?)],
                      reuse: (any PageReuse)?, folder: String) throws -> [OutputFile] {
        var byYear: [(year: Int, notices: ArraySlice<Notice>)] = []
        var start = notices.startIndex
        while start < notices.endIndex {
            let year = notices[start].date.day.year
            var end = start + 1
            while end < notices.endIndex && notices[end].date.day.year == year { end += 1 }
            byYear.append((year, notices[start..<end]))
            start = end
        }
        let index = folder + "index.html"
        var files: [OutputFile] = []
        let newest = notices.prefix(Self.perPage)
        let indexKey = keys.map { keys in
            keys.key("listing") { h in
                h.add(notices.count)
                h.add(links: newest, keys)
                for y in byYear { h.add(UInt64(y.year)); h.add(y.notices.count) }
            }
        }
        files.append(try file(index, "listing", key: indexKey, reuse) {
            listingPage(newest, count: notices.count, year: nil,
                        years: notices.count > Self.perPage ? byYear.map { ($0.year, $0.notices.count) } : [],
                        path: index, folder: folder, heading: heading, intro: intro, crumbs: crumbs)
        })
        let years = byYear.map { ($0.year, $0.notices.count) }
        for (year, inYear) in byYear where notices.count > Self.perPage {
            let path = URLPaths.listingYear(folder, year)
            let key = keys.map { keys in
                keys.key("listing-year") { h in
                    h.add(UInt64(year))
                    h.add(links: inYear, keys)
                    for y in byYear { h.add(UInt64(y.year)) }
                }
            }
            files.append(try file(path, "listing", key: key, reuse) {
                listingPage(inYear, count: inYear.count, year: year, years: years, path: path, folder: folder,
                            heading: heading, intro: intro, crumbs: crumbs)
            })
        }
        // As many old page numbers as the old scheme would have had.
        let oldPages = (notices.count + Self.perPage - 1) / Self.perPage
        if oldPages >= 2 {
            for number in 2...oldPages {
                let path = URLPaths.oldPage(folder, number)
                let key = keys.map { keys in keys.key("listing-moved") { $0.add(UInt64(number)) } }
                files.append(try file(path, "listing", key: key, reuse) {
                    let root = URLPaths.root(of: path)
                    return ListingPage(layout: layout(path, title: heading, crumbs: crumbs, description: intro),
                                       heading: heading, intro: intro, count: 0, groups: [], year: nil, newestOnly: false,
                                       shownCount: 0,
                                       years: [], hasYears: false, movedHref: root + index, indexHref: root + index)
                })
            }
        }
        return files
    }

    /// A page of a listing: the newest notices (`year` nil) or one year's.
    /// `years`: every year of the listing with its number of notices.
    func listingPage(_ slice: ArraySlice<Notice>, count: Int, year: Int?, years: [(year: Int, count: Int)], path: String,
                     folder: String, heading: String, intro: String?, crumbs: [(String, String?)]) -> ListingPage {
        let root = URLPaths.root(of: path)
        var groups: [YearGroup] = []
        for notice in slice {
            let y = String(notice.date.day.year)
            if groups.last?.year != y { groups.append(YearGroup(year: y, notices: [])) }
            groups[groups.count - 1].notices.append(link(notice, root: root))
        }
        let links = years.map { y in
            YearLink(year: String(y.year), href: root + URLPaths.listingYear(folder, y.year),
                     yearTotal: year == nil ? y.count : nil, current: y.year == year)
        }
        var crumbs = crumbs
        let title: String
        if let year {
            title = "\(heading)（\(year)年）"
            if let last = crumbs.popLast() { crumbs += [(last.0, folder + "index.html"), ("\(year)年", nil)] }
        } else {
            title = heading
        }
        return ListingPage(layout: layout(path, title: title, crumbs: crumbs, description: intro),
                           heading: year.map { "\(heading) · \($0)年" } ?? heading, intro: intro, count: count,
                           groups: groups, year: year.map(String.init), newestOnly: year == nil && count > slice.count,
                           shownCount: slice.count,
                           years: links, hasYears: !links.isEmpty,
                           movedHref: nil, indexHref: root + folder + "index.html")
    }

    /// The positions in `content.notices` of the notices before (older) and
    /// after (newer) the notice at `index`, in its community's list.
    func neighbourPositions(at index: Int) -> (previous: Int?, next: Int?) {
        let members = communityMembers[content.notices[index].id.community] ?? []
        let position = positionInCommunity[index]
        return (position + 1 < members.count ? members[position + 1] : nil, position > 0 ? members[position - 1] : nil)
    }

    /// Everything a notice page shows beyond the site's configuration (which
    /// is in every key), gathered once: the page's key (`noticePageKey`)
    /// and its view model (`noticePage`) are both made from this value, so
    /// they cannot disagree about what the page depends on.
    struct NoticePageInput {
        /// The notice's position in `content.notices` (keys are taken by position).
        let index: Int
        let notice: Notice
        /// The notices before (older) and after (newer) it in its community.
        let previous: (notice: Notice, at: Int)?, next: (notice: Notice, at: Int)?
        /// The notice it corrects, and the one that corrects it.
        let corrects: Notice?, correctedBy: Notice?
        /// Its ledger record: its version and how many entries name it.
        let version: String?, ledgerEntries: Int
        /// Residents' objections answered about it (the desk).
        let replies: [Reply], repliesDigest: UInt64
    }

    func noticePageInput(at index: Int) -> NoticePageInput {
        let notice = content.notices[index]
        let id = notice.id
        let (previous, next) = neighbourPositions(at: index)
        return NoticePageInput(
            index: index, notice: notice,
            previous: previous.map { (content.notices[$0], $0) }, next: next.map { (content.notices[$0], $0) },
            corrects: notice.supersedes.flatMap { noticesByID[$0] }, correctedBy: supersededBy[id],
            version: ledger?.versions[id], ledgerEntries: ledgerEntries[id.value]?.count ?? 0,
            replies: replies.answered(notice: id), repliesDigest: replies.digest(of: id))
    }

    /// The key of a notice page: a hash of its input.
    func noticePageKey(_ input: NoticePageInput) -> UInt64? {
        guard let keys else { return nil }
        return keys.key("notice") { h in
            h.add(keys.noticeAt[input.index])
            h.add(input.previous.map { keys.linkAt[$0.at] } ?? 0)
            h.add(input.next.map { keys.linkAt[$0.at] } ?? 0)
            h.add(input.corrects.map { keys.link[$0.id] ?? 0 } ?? 0)
            h.add(input.correctedBy.map { keys.link[$0.id] ?? 0 } ?? 0)
            // The version is the SHA-256 of the notice's source, which its
            // input key covers: whether it has one is enough.
            h.add(input.version != nil)
            h.add(input.ledgerEntries)
            h.add(input.repliesDigest)
        }
    }

    /// A notice page's view model, from its input (and the site's configuration).
    func noticePage(_ input: NoticePageInput) -> NoticePage {
        let notice = input.notice
        let path = URLPaths.filePath(notice.id)
        let root = URLPaths.root(of: path)
        let published = notice.withdrawal == nil ? notice.attachments : []
        let community = communities[notice.id.community]
        let category = categories[notice.categorySlug]
        let communityName = community?.name ?? notice.id.community
        let categoryName = category?.name ?? notice.categorySlug
        let previous = input.previous.map { link($0.notice, root: root) }, next = input.next.map { link($0.notice, root: root) }
        let canonical = site.absoluteBase.map { $0 + URLPaths.noticeFolder(notice.id) }
        let communityCategory = URLPaths.communityCategory(notice.id.community, notice.categorySlug)
        return NoticePage(
            layout: layout(path, title: notice.title,
                           crumbs: [(communityName, URLPaths.community(notice.id.community)),
                                    (categoryName, communityCategory), (notice.title, nil)],
                           description: notice.summary,
                           og: OpenGraph(title: notice.title, description: notice.summary, siteName: site.title, url: canonical),
                           canonical: canonical),
            title: notice.title, community: communityName,
            disclosureName: community?.disclosureName ?? "村务公开", category: categoryName,
            categoryHref: root + communityCategory, number: notice.number,
            issuer: NoticeFacts.issuer(notice, community: community),
            date: notice.date.day.chinese, dateISO: notice.date.day.iso,
            period: notice.period.map { p in
                PeriodView(from: p.from.chinese, fromISO: p.from.iso,
                           to: p.to.year == p.from.year ? p.to.chineseMonthDay : p.to.chinese, toISO: p.to.iso, days: p.days)
            },
            reviewed: notice.reviewed.map(NoticeFacts.reviewText),
            body: Self.bodyStart + notice.body.html + Self.bodyEnd,
            outline: notice.body.headings.filter { $0.level == 2 }.map { OutlineEntry(text: $0.text, anchor: $0.anchor) },
            hasOutline: notice.body.headings.filter { $0.level == 2 }.count >= 3,
            // A withdrawn notice publishes neither its body nor its files.
            attachments: published.filter { !$0.inline }.map(attachmentView),
            images: published.filter(\.inline).map(attachmentView),
            hasAttachments: !published.isEmpty,
            hasFileList: published.contains { !$0.inline },
            tags: notice.tags, hasTags: !notice.tags.isEmpty,
            supersedes: input.corrects.map { link($0, root: root) },
            supersededBy: input.correctedBy.map { link($0, root: root) },
            previous: previous, next: next, communityHref: root + URLPaths.community(notice.id.community),
            contactPhone: community?.phone, contactAddress: community?.address,
            // A withdrawn notice invites no objections: its banner says what happened.
            status: notice.withdrawal == nil ? statusView(notice, community: community, category: category, root: root) : nil,
            process: notice.process.enumerated().map { i, step in
                ProcessStepView(step: i + 1, stage: step.stage.name, date: step.date.chinese, dateISO: step.date.iso,
                                outcome: step.outcome)
            },
            hasProcess: !notice.process.isEmpty,
            qr: canonical.map { QRView(url: $0) },
            printSignature: !Self.endsWithSignature(notice.body.text, issuer: NoticeFacts.issuer(notice, community: community)),
            revisions: notice.revisions.map { RevisionView(date: $0.date.chinese, dateISO: $0.date.iso, what: $0.what, why: $0.why) },
            hasRevisions: !notice.revisions.isEmpty,
            withdrawal: notice.withdrawal.map { WithdrawalView(date: $0.date.chinese, dateISO: $0.date.iso, reason: $0.reason) },
            ledger: input.version.map { ledgerLink(notice.id, version: $0, entries: input.ledgerEntries, root: root) },
            replies: input.replies.map { replyLink($0, root: root) },
            hasReplies: !input.replies.isEmpty)
    }

    /// Whether the body's last lines already carry the 落款 (the issuer's
    /// name, as clerks end a notice), so the printed sheet does not repeat it.
    static func endsWithSignature(_ text: String, issuer: String) -> Bool {
        // Only the last three non-empty lines matter: walk back from the end
        // over the UTF-8 bytes (this runs for every notice; walking back by
        // grapheme and Foundation's `contains` were a tenth of the render stage).
        var text = text
        let lines = text.withUTF8 { bytes -> [String] in
            var lines: [String] = []
            var end = bytes.count, i = bytes.count
            func take(from start: Int) {
                let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).trimmingWhitespace()
                if !line.isEmpty { lines.append(line) }
            }
            while lines.count < 3, i > 0 {
                i -= 1
                // The last byte of a line break: \n, \v, \f, \r, U+0085, U+2028, U+2029.
                let width: Int
                switch bytes[i] {
                case 0x0A, 0x0B, 0x0C, 0x0D: width = 1
                case 0x85 where i >= 1 && bytes[i - 1] == 0xC2: width = 2
                case 0xA8, 0xA9 where i >= 2 && bytes[i - 1] == 0x80 && bytes[i - 2] == 0xE2: width = 3
                default: continue
                }
                take(from: i + 1)
                i -= width - 1
                end = i
            }
            if lines.count < 3 { take(from: 0) }
            return lines
        }
        let count = issuer.count
        return lines.prefix(3).contains { $0.count <= count + 16 && contains($0, issuer) }
    }

    /// Whether `text` contains `part`, compared as UTF-8 bytes (the
    /// stdlib's and Foundation's searches compare graphemes and were far
    /// slower; issuers and bodies are both typed text, in the same form).
    static func contains(_ text: String, _ part: String) -> Bool {
        let t = Array(text.utf8), p = Array(part.utf8)
        guard !p.isEmpty else { return true }
        guard t.count >= p.count else { return false }
        for start in 0...(t.count - p.count) where t[start] == p[0] && t[start..<start + p.count].elementsEqual(p) {
            return true
        }
        return false
    }

    /// The 公示期 and objection deadline: from the period, or from the
    /// catalogue's objection window; nil when the notice has neither.
    func statusView(_ notice: Notice, community: Community?, category: Category?, root: String) -> NoticeStatusView? {
        // The deadline and contact as recorded in the ledger (NoticeFacts).
        guard let objection = NoticeFacts.objection(notice, community: community, category: category, site: site) else { return nil }
        let rules = category.map { site.rules(for: $0, in: community) } ?? DisclosureRules()
        let start = notice.period?.from ?? notice.date.day
        let deadline = objection.deadline
        let p = notice.period
        let short = { (day: CalendarDate, base: CalendarDate) in day.year == base.year ? day.chineseMonthDay : day.chinese }
        return NoticeStatusView(
            hasPeriod: p != nil, from: p?.from.chinese ?? "", fromISO: p?.from.iso ?? "",
            to: p.map { short($0.to, $0.from) } ?? "", toISO: p?.to.iso ?? "", days: p?.days ?? 0,
            objectionBy: short(deadline, start), objectionISO: deadline.iso,
            supervisionName: objection.supervision, contact: objection.contact,
            phone: objection.phone, address: objection.address,
            timezone: site.timezone, script: root + asset("assets/status.js"),
            form: objectionForm(notice, rules: rules, root: root))
    }

    func attachmentView(_ a: Attachment) -> AttachmentView {
        AttachmentView(href: URLPaths.escape(a.file), title: a.title, file: a.file,
                       type: Self.fileType(a.file), size: Self.byteSize(a.size),
                       width: a.imageSize?.width, height: a.imageSize?.height)
    }

    static func fileType(_ name: String) -> String {
        switch name.split(separator: ".").last?.lowercased() ?? "" {
        case "pdf": return "PDF 文件"
        case "ofd": return "OFD 文件"
        case "jpg", "jpeg", "png", "gif", "webp": return "图片"
        case "doc", "docx", "wps": return "Word 文档"
        case "xls", "xlsx", "et": return "表格"
        case "csv": return "CSV 表格"
        case "ppt", "pptx", "dps": return "演示文稿"
        case "txt": return "文本"
        default: return "文件"
        }
    }

    static func byteSize(_ n: Int) -> String {
        if n < 1024 { return "\(n) 字节" }
        if n < 1024 * 1024 { return "\((n + 512) / 1024) KB" }
        let tenths = (n * 10 + 512 * 1024) / (1024 * 1024)
        return "\(tenths / 10).\(tenths % 10) MB"
    }

    func feed(_ notices: [Notice], title: String, path: String, alternate: String) -> FeedView {
        let base = site.absoluteBase
        let root = URLPaths.root(of: path)
        let entries = notices.prefix(Self.feedEntries).map { notice -> FeedEntry in
            let folder = URLPaths.noticeFolder(notice.id)
            return FeedEntry(
                id: base.map { $0 + folder } ?? "urn:gongkai:\(notice.id.value)", title: notice.title,
                href: base.map { $0 + folder } ?? root + folder, updated: notice.date.rfc3339(utcOffsetSeconds: utcOffset),
                summary: notice.summary, content: XML.escape(notice.body.html),
                category: categories[notice.categorySlug]?.name ?? notice.categorySlug,
                author: notice.issuer ?? communities[notice.id.community]?.committee ?? notice.id.community)
        }
        return FeedView(
            title: title, subtitle: site.description, id: base.map { $0 + path } ?? "urn:gongkai:feed:\(path)",
            selfHref: base.map { $0 + path } ?? String(path.split(separator: "/").last!),
            alternateHref: base.map { $0 + alternate } ?? root + alternate, base: base,
            updated: notices.first?.date.rfc3339(utcOffsetSeconds: utcOffset) ?? "1970-01-01T00:00:00Z",
            entries: Array(entries))
    }

    func sitemap() -> SitemapView {
        let base = site.absoluteBase ?? ""
        var urls = [SitemapURL(loc: base.isEmpty ? "./" : base, lastmod: content.notices.first?.date.day.iso)]
        for c in content.communities {
            urls.append(SitemapURL(loc: base + c.slug + "/", lastmod: byCommunity[c.slug]?.first?.date.day.iso))
        }
        for c in site.categories where byCategory[c.slug] != nil {
            urls.append(SitemapURL(loc: base + "category/\(c.slug)/", lastmod: byCategory[c.slug]?.first?.date.day.iso))
        }
        for n in content.notices {
            urls.append(SitemapURL(loc: base + URLPaths.noticeFolder(n.id), lastmod: n.date.day.iso))
        }
        // The published answers (docs/desk.md): each community's 群众建议与答复 page and each answer.
        for c in content.communities where hasRepliesPage(c.slug) {
            let answered = replies.answered(c.slug)
            urls.append(SitemapURL(loc: base + c.slug + "/replies/", lastmod: answered.first?.answered?.iso))
            for r in answered {
                urls.append(SitemapURL(loc: base + c.slug + "/replies/\(r.number)/", lastmod: r.answered?.iso))
            }
        }
        return SitemapView(urls: urls)
    }

    /// `api/notices.json` (docs/design.md §4): every notice, newest first, keys
    /// sorted. Written by hand: a one-notice edit rewrites it, and
    /// JSONEncoder took a tenth of a second on 10,000 notices.
    func apiJSON() -> [UInt8] {
        var api = JSONText.Object()
        api.add("communities", json: apiCommunities())
        api.add("count", content.notices.count)
        api.add("desk", json: apiDesk())
        api.add("notices", writing: apiNotices)
        api.add("site", site.title)
        return api.take()
    }

    /// The list of `api/notices.json`, appended to `list`.
    func apiNotices(_ list: inout [UInt8]) {
        list.reserveCapacity(list.count + content.notices.count * 600)
        list.append(0x5B)
        for (i, n) in content.notices.enumerated() {
            if i > 0 { list.append(0x2C) }
            let correction = supersededBy[n.id]
            let version = ledger?.versions[n.id]
            guard let keys, let fragments else {
                apiObject(n, correction: correction, version: version, into: &list)
                continue
            }
            // Each notice's object by what it is made from (the notice,
            // site.yml and community.yml, its correction, its version).
            var h = StableHasher()
            h.add(keys.global)
            h.add(keys.noticeAt[i])
            h.add(correction?.id.value ?? "-")
            // The version is the SHA-256 of the notice's source, which its
            // input key covers: whether it has one is enough.
            h.add(version != nil)
            list += fragments.fragment(h.value) {
                var object: [UInt8] = []
                apiObject(n, correction: correction, version: version, into: &object)
                return object
            }
        }
        list.append(0x5D)
    }

    /// One notice's object in `api/notices.json`, written at the end of `buffer`.
    func apiObject(_ n: Notice, correction: Notice?, version: String?, into buffer: inout [UInt8]) {
        var o = JSONText.Object(continuing: buffer)
        buffer = []
        o.add("category", n.categorySlug)
        o.add("category_name", categories[n.categorySlug]?.name ?? n.categorySlug)
        o.add("community", n.id.community)
        o.add("community_name", communities[n.id.community]?.name ?? n.id.community)
        o.add("date", n.date.day.iso)
        o.add("id", n.id.value)
        o.add("number", n.number)
        addDeskFields(n, to: &o)
        if let p = n.period {
            var period = JSONText.Object()
            period.add("from", p.from.iso)
            period.add("to", p.to.iso)
            o.add("period", json: period.finished())
        }
        o.add("revisions", n.revisions.count)
        // current, corrected (a newer notice supersedes it) or withdrawn.
        o.add("status", n.withdrawal != nil ? "withdrawn" : correction != nil ? "corrected" : "current")
        o.add("summary", n.summary)
        o.add("superseded_by", correction?.id.value)
        o.add("supersedes", n.supersedes?.value)
        o.add("title", n.title)
        o.add("url", URLPaths.noticeFolder(n.id))
        // SHA-256 of `<url>notice.txt`, as recorded in ledger.json.
        o.add("version", version)
        if let w = n.withdrawal {
            var withdrawn = JSONText.Object()
            withdrawn.add("date", w.date.iso)
            withdrawn.add("reason", w.reason)
            o.add("withdrawn", json: withdrawn.finished())
        }
        buffer = o.take()
    }
}
