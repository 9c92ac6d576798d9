import Foundation
import GongkaiCore

/// What the integrity ledger publishes (docs/ledger.md): each notice's
/// canonical text (`notice.txt`), `ledger.json`, and the human pages
/// `ledger/index.html` and `ledger/<community>/index.html`.
extension SiteRenderer {
    /// Around the body on every notice page, so `gongkai verify` can compare
    /// the page's body with notice.txt whatever the theme (cmark's safe mode
    /// turns any comment in a notice into `<!-- raw HTML omitted -->`, so a
    /// notice cannot contain these).
    static let bodyStart = "<!--gongkai:body-->"
    static let bodyEnd = "<!--/gongkai:body-->"

    static func ledgerCommunity(_ slug: String) -> String { "ledger/\(slug)/index.html" }
    static func ledgerAnchor(_ id: NoticeID) -> String { "\(id.year)-\(id.name)" }

    /// `key`: the notice's input key (the text is made from its source, and
    /// only when the file is written again).
    func noticeText(_ notice: Notice, folder: String, key: UInt64?, _ reuse: (any PageReuse)?) -> [OutputFile] {
        guard let ledger, ledger.versions[notice.id] != nil else { return [] }
        var files = [file(folder + "notice.txt", key: key, reuse) { ledger.text(notice) ?? [] }]
        // What the page shows beside the body (made from the notice and its
        // context, which the notice's key covers: made only when written),
        // and the files it is made from (keyed by its own bytes).
        let factsKey = key.map { k -> UInt64 in
            var h = StableHasher()
            h.add(k)
            h.add("facts.txt")
            return h.value
        }
        files.append(file(folder + "facts.txt", key: factsKey, reuse) { Array((ledger.facts(notice) ?? "").utf8) })
        // A notice without attachments or table files has no list (its ledger entry records the empty one).
        if let list = ledger.files[notice.id], !list.isEmpty {
            let bytes = Array(list.utf8)
            files.append(file(folder + "files.sha256", key: keys.map { keys in keys.key("files.sha256") { $0.add(bytes) } }, reuse) { bytes })
        }
        return files
    }

    func ledgerLink(_ id: NoticeID, version: String, entries: Int, root: String) -> NoticeLedgerLink {
        NoticeLedgerLink(
            version: version, shortVersion: String(version.prefix(12)), textHref: "notice.txt",
            historyHref: root + Self.ledgerCommunity(id.community) + "#" + URLPaths.escape(Self.ledgerAnchor(id)),
            count: entries)
    }

    /// The ledger's files as render jobs: `ledger.json` and the index page,
    /// and one job per community page (the stage runs jobs on all cores;
    /// as one job, the ledger was the stage's longest).
    func ledgerJobs(_ reuse: (any PageReuse)?) -> [@Sendable () throws -> [OutputFile]] {
        guard let ledger else { return [] }
        // The head names the whole chain (each entry's hash covers the one before).
        let chain = keys?.key("ledger") { $0.add(ledger.ledger.head); $0.add(ledger.ledger.entries.count) }
        var jobs: [@Sendable () throws -> [OutputFile]] = [
            { [self] in [file("ledger.json", key: chain, reuse) { ledgerJSON(ledger.ledger) }] },
            { [self] in
                [try file("ledger/index.html", "ledger", key: keys.map { keys in
                    keys.key("ledger-index") { $0.add(chain ?? 0); $0.add(keys.all) }
                }, reuse) { ledgerIndexPage(ledger.ledger) }]
            },
        ]
        for community in content.communities {
            jobs.append { [self] in
                let path = Self.ledgerCommunity(community.slug)
                let notices = byCommunity[community.slug] ?? []
                let key = keys.map { keys in
                    keys.key("ledger-community") { h in
                        h.add(community.slug)
                        h.add(links: notices, keys)
                        for n in notices {
                            h.add(ledger.versions[n.id] ?? "-")
                            for e in ledgerEntries[n.id.value] ?? [] { h.add(e.hash) }
                        }
                    }
                }
                return [try file(path, "ledger-community", key: key, reuse) { ledgerCommunityPage(community) }]
            }
        }
        return jobs
    }

    /// `ledger.json` (docs/ledger.md): the whole chain, keys sorted; written
    /// by hand like `apiJSON` (every recorded edit rewrites it).
    func ledgerJSON(_ ledger: Ledger) -> [UInt8] {
        var o = JSONText.Object()
        o.add("count", ledger.entries.count)
        o.add("entries") { (entries: inout [UInt8]) in
            entries.reserveCapacity(entries.count + ledger.entries.count * 330)
            entries.append(0x5B)
            for (i, e) in ledger.entries.enumerated() {
                if i > 0 { entries.append(0x2C) }
                var entry = JSONText.Object(continuing: entries)
                entries = []
                entry.add("event", e.event.rawValue)
                if let facts = e.facts { entry.add("facts", facts) }
                if let files = e.files { entry.add("files", files) }
                entry.add("hash", e.hash)
                entry.add("id", e.id)
                entry.add("prev", e.prev)
                entry.add("revisions", e.revisions)
                entry.add("seq", e.seq)
                entry.add("time", e.time)
                entry.add("version", e.version)
                entries = entry.take()
            }
            entries.append(0x5D)
        }
        // Format 2 once an entry records facts and files (docs/ledger.md).
        o.add("format", ledger.entries.contains { $0.facts != nil || $0.files != nil } ? "gongkai-ledger-2" : "gongkai-ledger-1")
        o.add("head", ledger.head)
        o.add("site", site.title)
        return o.take()
    }

    func ledgerIndexPage(_ ledger: Ledger) -> LedgerIndexPage {
        let path = "ledger/index.html"
        let root = URLPaths.root(of: path)
        var counts: [String: (notices: Int, entries: Int)] = [:]
        for (id, entries) in ledgerEntries {
            let slug = String(id.prefix { $0 != "/" })
            counts[slug, default: (0, 0)].notices += 1
            counts[slug, default: (0, 0)].entries += entries.count
        }
        let communities = content.communities.map { c in
            LedgerCommunityLink(name: c.name, href: root + Self.ledgerCommunity(c.slug), notices: counts[c.slug]?.notices ?? 0,
                                entries: counts[c.slug]?.entries ?? 0)
        }
        // The notices of the 20 newest entries, found in one pass (not
        // through the map of all notices by id, which a rebuild need not make).
        let wanted = Set(ledger.entries.suffix(20).compactMap { NoticeID($0.id) })
        var found: [NoticeID: Notice] = [:]
        for notice in content.notices where found.count < wanted.count {
            let id = notice.id
            if wanted.contains(id), found[id] == nil { found[id] = notice }
        }
        let recent = ledger.entries.suffix(20).reversed().map { e -> LedgerVersionView in
            let notice = NoticeID(e.id).flatMap { found[$0] }
            var view = versionView(e, notice: notice)
            view.title = notice?.title ?? e.id
            view.href = NoticeID(e.id).map { root + URLPaths.notice($0) }
            return view
        }
        return LedgerIndexPage(
            layout: layout(path, title: "完整性账本", crumbs: [("完整性账本", nil)],
                           description: "\(site.title)每一篇公告每一个版本的 SHA-256 记录，任何人都可以核对。"),
            entries: ledger.entries.count, notices: ledgerEntries.count, head: ledger.head,
            jsonHref: root + "ledger.json", communities: communities, recent: Array(recent))
    }

    func ledgerCommunityPage(_ community: Community) -> LedgerCommunityPage {
        let path = Self.ledgerCommunity(community.slug)
        let root = URLPaths.root(of: path)
        let notices = (byCommunity[community.slug] ?? []).map { n in
            LedgerNoticeView(
                anchor: Self.ledgerAnchor(n.id), title: n.title, href: root + URLPaths.notice(n.id), date: n.date.day.chinese,
                corrected: supersededBy[n.id] != nil, withdrawn: n.withdrawal != nil,
                versions: (ledgerEntries[n.id.value] ?? []).reversed().map { versionView($0, notice: n) })
        }
        return LedgerCommunityPage(
            layout: layout(path, title: "\(community.name) · 版本记录",
                           crumbs: [("完整性账本", "ledger/index.html"), (community.name, nil)]),
            name: community.name, indexHref: root + "ledger/index.html", notices: notices)
    }

    func versionView(_ e: LedgerEntry, notice: Notice?) -> LedgerVersionView {
        var note: String?
        switch e.event {
        case .revised:
            if let n = notice, e.revisions >= 1, e.revisions <= n.revisions.count {
                let r = n.revisions[e.revisions - 1]
                note = "\(r.date.chinese)修订：\(r.what)（原因：\(r.why)）"
            }
        case .withdrawn:
            if let w = notice?.withdrawal { note = "\(w.date.chinese)撤回，原因：\(w.reason)" }
        case .updated:
            note = "原文没有变，记下了页面上的其他信息（发布单位、异议联系人、附件等）"
        case .published:
            break
        }
        let event: String
        switch e.event {
        case .published: event = "首次发布"
        case .revised: event = "修订"
        case .withdrawn: event = "撤回"
        case .updated: event = "记录页面信息"
        }
        return LedgerVersionView(seq: e.seq, time: localTime(e.time), timeISO: e.time, event: event, version: e.version,
                                 current: notice.flatMap { ledger?.versions[$0.id] } == e.version, note: note,
                                 title: nil, href: nil)
    }

    func localTime(_ utc: String) -> String { Ledger.localTime(utc, timezone: site.timezone) }
}
