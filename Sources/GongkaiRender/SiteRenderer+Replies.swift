import GongkaiCore

/// Answers to residents' objections and suggestions, grouped once per build
/// (docs/desk.md). Open cases are counted for deadlines, never shown.
struct ReplyIndex: Sendable {
    let all: [Reply]
    private let answeredByNotice: [NoticeID: [Reply]]
    private let answeredByCommunity: [String: [Reply]]
    private let byCommunity: [String: [Reply]]
    private let digestByNotice: [NoticeID: UInt64]
    /// A digest of every answer file's published values (keys of pages that show them all).
    let digest: UInt64

    init(_ replies: [Reply]) {
        all = replies
        // Newest answer first on every list.
        let answered = replies.filter(\.isAnswered).sorted {
            ($0.answered!, $0.number) > ($1.answered!, $1.number)
        }
        var byNotice: [NoticeID: [Reply]] = [:]
        for r in answered { if let n = r.notice { byNotice[n, default: []].append(r) } }
        answeredByNotice = byNotice
        answeredByCommunity = Dictionary(grouping: answered, by: \.community)
        byCommunity = Dictionary(grouping: replies, by: \.community)
        var digests: [NoticeID: UInt64] = [:]
        for (id, list) in byNotice {
            var h = StableHasher()
            for r in list { Self.add(r, to: &h) }
            digests[id] = h.value
        }
        digestByNotice = digests
        var h = StableHasher()
        for r in replies { Self.add(r, to: &h) }
        digest = h.value
    }

    static func add(_ r: Reply, to h: inout StableHasher) {
        h.add(r.id)
        h.add(r.kind.rawValue)
        h.add(r.notice?.value ?? "-")
        h.add(r.received.iso)
        h.add(r.deadline.iso)
        h.add(r.answered?.iso ?? "-")
        h.add(r.outcome?.rawValue ?? "-")
        h.add(r.words)
        h.add(r.reason ?? "-")
        h.add(r.body.html)
        h.add(r.revisions.count)
    }

    func answered(notice: NoticeID) -> [Reply] { answeredByNotice[notice] ?? [] }
    func answered(_ community: String) -> [Reply] { answeredByCommunity[community] ?? [] }
    func cases(_ community: String) -> [Reply] { byCommunity[community] ?? [] }
    func digest(of notice: NoticeID) -> UInt64 { digestByNotice[notice] ?? 0 }

    /// Answered in time, late, open past the deadline, open in time, as of `today`.
    func counts(_ community: String, today: CalendarDate) -> ReplyCounts {
        var c = ReplyCounts(inTime: 0, late: 0, overdue: 0, open: 0, any: false)
        for r in cases(community) {
            c.any = true
            if r.isAnswered {
                if r.daysLate > 0 { c.late += 1 } else { c.inTime += 1 }
            } else if r.deadline < today {
                c.overdue += 1
            } else {
                c.open += 1
            }
        }
        return c
    }
}

extension SiteRenderer {
    /// `<community>/replies/index.html`, its feed, and one page (with its
    /// canonical text, when the ledger records it) per answered case.
    func replyFiles(_ community: Community) throws -> [OutputFile] {
        guard hasRepliesPage(community.slug) else { return [] }
        let answered = replies.answered(community.slug)
        var files = [try file(URLPaths.replies(community.slug), "replies", key: nil, nil) { repliesPage(community) }]
        files.append(try file("\(community.slug)/replies/feed.xml", "feed", key: nil, nil) { repliesFeed(community) })
        for reply in answered {
            let path = URLPaths.reply(community.slug, reply.number)
            files.append(try file(path, "reply", key: nil, nil) { replyPage(reply, community: community) })
            if let text = ledger?.replyTexts[reply.id], ledger?.replyVersions[reply.id] != nil {
                files.append(OutputFile(path: String(path.dropLast("index.html".count)) + "notice.txt", content: .bytes(text)))
            }
        }
        return files
    }

    /// A site without the desk and without answer files publishes nothing of it.
    func hasRepliesPage(_ community: String) -> Bool {
        site.deskURL != nil || !replies.cases(community).isEmpty
    }

    var publishesReplies: Bool { site.deskURL != nil || !replies.all.isEmpty }

    func replyTitle(_ reply: Reply, community: Community) -> String {
        if let id = reply.notice, let notice = noticesByID[id] { return "关于《\(notice.title)》的异议" }
        return "\(community.name)群众\(reply.kind.label)（第 \(reply.number) 号）"
    }

    func replyLink(_ reply: Reply, root: String) -> ReplyLink {
        let notice = reply.notice.flatMap { noticesByID[$0] }
        return ReplyLink(
            href: root + URLPaths.reply(reply.community, reply.number), anchor: "r\(reply.number)",
            number: reply.number.description, kind: reply.kind.label,
            received: reply.received.chinese, receivedISO: reply.received.iso,
            answered: reply.answered?.chinese ?? "", answeredISO: reply.answered?.iso ?? "",
            outcome: reply.outcome?.rawValue ?? "", words: reply.words, late: reply.daysLate > 0,
            noticeTitle: notice?.title, noticeHref: notice.map { root + URLPaths.notice($0.id) })
    }

    func repliesPage(_ community: Community) -> RepliesPage {
        let path = URLPaths.replies(community.slug)
        let root = URLPaths.root(of: path)
        let list = replies.answered(community.slug).map { replyLink($0, root: root) }
        let heading = "\(community.name)群众建议与答复"
        return RepliesPage(
            layout: layout(path, title: heading, crumbs: [(community.name, URLPaths.community(community.slug)), ("群众建议与答复", nil)],
                           description: "\(community.name)对群众异议和建议的答复"),
            heading: heading, community: community.name, communityHref: root + URLPaths.community(community.slug),
            replies: list, hasReplies: !list.isEmpty, counts: replies.counts(community.slug, today: today),
            suggestion: suggestionForm(community, root: root), feedHref: "feed.xml")
    }

    func replyPage(_ reply: Reply, community: Community) -> ReplyPage {
        let path = URLPaths.reply(community.slug, reply.number)
        let root = URLPaths.root(of: path)
        let title = replyTitle(reply, community: community)
        let notice = reply.notice.flatMap { noticesByID[$0] }
        let version = ledger?.replyVersions[reply.id]
        return ReplyPage(
            layout: layout(path, title: title,
                           crumbs: [(community.name, URLPaths.community(community.slug)),
                                    ("群众建议与答复", URLPaths.replies(community.slug)), ("第 \(reply.number) 号", nil)],
                           description: String(reply.words.prefix(80)),
                           canonical: site.absoluteBase.map { $0 + "\(community.slug)/replies/\(reply.number)/" }),
            title: title, community: community.name, kind: reply.kind.label, number: reply.number.description,
            received: reply.received.chinese, receivedISO: reply.received.iso,
            deadline: reply.deadline.chinese, deadlineISO: reply.deadline.iso,
            answered: reply.answered?.chinese ?? "", answeredISO: reply.answered?.iso ?? "", late: reply.daysLate > 0 ? "（逾期 \(reply.daysLate) 天）" : nil,
            outcome: reply.outcome?.rawValue ?? "", reason: reply.reason,
            reviewed: reply.reviewed.map { r in r.by + (r.date.map { "（\($0.chinese)审核）" } ?? "") },
            words: reply.words, body: Self.bodyStart + reply.body.html + Self.bodyEnd,
            notice: notice.map { link($0, root: root) }, repliesHref: root + URLPaths.replies(community.slug),
            revisions: reply.revisions.map { RevisionView(date: $0.date.chinese, dateISO: $0.date.iso, what: $0.what, why: $0.why) },
            hasRevisions: !reply.revisions.isEmpty,
            ledger: version.map { v in
                NoticeLedgerLink(version: v, shortVersion: String(v.prefix(12)), textHref: "notice.txt",
                                 historyHref: root + "ledger.json",
                                 count: ledgerEntries[reply.id]?.count ?? 0)
            })
    }

    func repliesFeed(_ community: Community) -> FeedView {
        let path = "\(community.slug)/replies/feed.xml"
        let base = site.absoluteBase
        let root = URLPaths.root(of: path)
        let list = replies.answered(community.slug)
        let entries = list.prefix(Self.feedEntries).map { reply -> FeedEntry in
            let folder = "\(community.slug)/replies/\(reply.number)/"
            let day = NoticeDate(day: reply.answered ?? reply.received)
            return FeedEntry(
                id: base.map { $0 + folder } ?? "urn:gongkai:\(reply.id)", title: replyTitle(reply, community: community),
                href: base.map { $0 + folder } ?? root + folder, updated: day.rfc3339(utcOffsetSeconds: utcOffset),
                summary: "\(reply.outcome?.rawValue ?? "")：\(String(reply.body.text.prefix(120)))",
                content: XML.escape("<p>" + XML.escape(reply.words) + "</p>" + reply.body.html),
                category: "群众\(reply.kind.label)", author: community.committee)
        }
        let newest = list.first.map { NoticeDate(day: $0.answered ?? $0.received) }
        return FeedView(
            title: "\(community.name)群众建议与答复", subtitle: site.description,
            id: base.map { $0 + path } ?? "urn:gongkai:feed:\(path)",
            selfHref: base.map { $0 + path } ?? "feed.xml",
            alternateHref: base.map { $0 + "\(community.slug)/replies/" } ?? "index.html", base: base,
            updated: newest?.rfc3339(utcOffsetSeconds: utcOffset) ?? "1970-01-01T00:00:00Z", entries: Array(entries))
    }

    // MARK: forms

    /// The desk's address as seen from a page at `root` (an absolute
    /// `desk_url` as is; a path one relative to the page).
    func deskAction(_ path: String, root: String) -> String? {
        guard let desk = site.deskURL else { return nil }
        if desk.hasPrefix("/") { return root + String(desk.dropFirst()) + path }
        return desk + path
    }

    /// With `desk_url`, while the objection window is open on the build's day.
    func objectionForm(_ notice: Notice, rules: DisclosureRules, root: String) -> ObjectionForm? {
        guard let action = deskAction("objections", root: root), let status = deskAction("status", root: root),
              let window = DeskRules.objectionWindow(period: notice.period, date: notice.date.day, rules: rules),
              window.from <= today, today <= window.to else { return nil }
        return ObjectionForm(action: action, notice: notice.id.value,
                             deadline: window.to.year == today.year ? window.to.chineseMonthDay : window.to.chinese,
                             deadlineISO: window.to.iso, statusHref: status, script: root + asset("assets/desk.js"))
    }

    func suggestionForm(_ community: Community, root: String) -> SuggestionForm? {
        guard let action = deskAction("suggestions", root: root), let status = deskAction("status", root: root) else { return nil }
        return SuggestionForm(action: action, community: community.slug, communityName: community.name,
                              statusHref: status, script: root + asset("assets/desk.js"))
    }

    // MARK: the API

    /// `communities` of `api/notices.json`: every community, with or without notices (the desk takes suggestions for each).
    func apiCommunities() -> [UInt8] {
        var list: [UInt8] = [0x5B]
        for (i, c) in content.communities.enumerated() {
            if i > 0 { list.append(0x2C) }
            var o = JSONText.Object()
            o.add("kind", c.kind.rawValue)
            o.add("name", c.name)
            o.add("slug", c.slug)
            o.add("suggestion_days", site.answerDays(.suggestion, community: c))
            o.add("url", "\(c.slug)/")
            list += o.finished()
        }
        list.append(0x5D)
        return list
    }

    /// `desk` of `api/notices.json`: what the desk needs beside the notices.
    func apiDesk() -> [UInt8] {
        var o = JSONText.Object()
        o.add("base_url", site.baseURL)
        o.add("built", today.iso)
        o.add("desk_url", site.deskURL)
        o.add("objection_days", site.answers.objectionDays ?? CaseKind.objection.defaultAnswerDays)
        o.add("rating_days", DeskRules.ratingDays)
        o.add("suggestion_days", site.answers.suggestionDays ?? CaseKind.suggestion.defaultAnswerDays)
        o.add("timezone", site.timezone)
        o.add("title", site.title)
        o.add("town", site.town)
        return o.finished()
    }

    /// A notice's `objection` member: its window and the days to answer.
    func addDeskFields(_ n: Notice, to o: inout JSONText.Object) {
        guard n.withdrawal == nil else { return }
        let community = communities[n.id.community]
        let category = categories[n.categorySlug]
        let rules = category.map { site.rules(for: $0, in: community) } ?? DisclosureRules()
        guard let window = DeskRules.objectionWindow(period: n.period, date: n.date.day, rules: rules) else { return }
        var w = JSONText.Object()
        w.add("answer_days", site.answerDays(.objection, category: category, community: community))
        w.add("from", window.from.iso)
        w.add("to", window.to.iso)
        o.add("objection", json: w.finished())
    }

    /// `api/replies.json`: every case the site knows (answered ones with
    /// their page; open ones with their deadline only, never the words).
    func repliesJSON() -> [UInt8] {
        var list: [UInt8] = [0x5B]
        for (i, r) in replies.all.enumerated() {
            if i > 0 { list.append(0x2C) }
            var o = JSONText.Object()
            o.add("answered", r.answered?.iso)
            o.add("community", r.community)
            o.add("deadline", r.deadline.iso)
            o.add("kind", r.kind.rawValue)
            o.add("notice", r.notice?.value)
            o.add("number", r.number.description)
            o.add("outcome", r.outcome?.rawValue)
            o.add("received", r.received.iso)
            o.add("state", r.isAnswered ? "answered" : "open")
            if r.isAnswered {
                o.add("url", "\(r.community)/replies/\(r.number)/")
                o.add("version", ledger?.replyVersions[r.id])
            }
            list += o.finished()
        }
        list.append(0x5D)
        var api = JSONText.Object()
        api.add("count", replies.all.count)
        api.add("replies", json: list)
        api.add("site", site.title)
        return api.take()
    }
}
