import Foundation
import GongkaiCore
import GongkaiRender
import GongkaiSearch

/// The index stage: the site's notices as search documents, through
/// GongkaiSearch, into files under search/. With the state of the last
/// build's index (an incremental build), only what changed is redone.
enum SearchIndex {
    struct Result {
        var files: [OutputFile]
        var state: SearchIndexState
        /// Whether the last build's index was updated rather than rebuilt.
        var updated: Bool
    }

    /// The last build's index state, a way to read its files, and its
    /// notices (by URL), when they can be trusted.
    struct Previous: Sendable {
        var state: SearchIndexState
        var read: @Sendable (String) -> [UInt8]?
        var notice: @Sendable (String) -> Notice?
    }

    /// A notice as the index sees it (community and category by name).
    struct Documents {
        let communities: [String: String]
        let categories: [String: String]
        /// The titles of the notices objected to, for their answers' titles.
        let objectedTitles: [NoticeID: String]

        init(_ content: SiteContent) {
            communities = Dictionary(content.communities.map { ($0.slug, $0.name) }, uniquingKeysWith: { a, _ in a })
            categories = Dictionary(content.site.categories.map { ($0.slug, $0.name) }, uniquingKeysWith: { a, _ in a })
            let objected = Set(content.replies.compactMap(\.notice))
            var titles: [NoticeID: String] = [:]
            if !objected.isEmpty {
                for n in content.notices where objected.contains(n.id) { titles[n.id] = n.title }
            }
            objectedTitles = titles
        }

        /// A published answer (docs/desk.md) as the index sees it: titled as
        /// its page is, under 群众建议与答复, dated by its answer; its text is
        /// the resident's words (masked), the outcome, the reason and the answer.
        func document(_ r: Reply) -> SearchDocument {
            let community = communities[r.community] ?? r.community
            let title = r.notice.flatMap { objectedTitles[$0] }.map { "关于《\($0)》的异议" }
                ?? "\(community)群众\(r.kind.label)（第 \(r.number) 号）"
            let text = [r.words, r.outcome?.rawValue, r.reason, r.body.text].compactMap { $0 }.joined(separator: "\n")
            return SearchDocument(
                url: "\(r.community)/replies/\(r.number)/index.html", title: title, number: "第 \(r.number) 号",
                communitySlug: r.community, community: community, categorySlug: replyCategory, category: "群众建议与答复",
                tags: [], date: (r.answered ?? r.received).iso, body: text)
        }

        func document(_ n: Notice) -> SearchDocument {
            SearchDocument(
                url: SiteRenderer.noticeHref(n.id), title: n.title, number: n.number,
                communitySlug: n.id.community, community: communities[n.id.community] ?? n.id.community,
                categorySlug: n.categorySlug, category: categories[n.categorySlug] ?? n.categorySlug,
                tags: n.tags, date: n.date.day.iso, body: n.body)
        }
    }

    /// The category filter value of answers (no category of site.yml is called so).
    static let replyCategory = "-replies"

    /// The answers the index holds: the published ones, in the order of the content.
    static func published(_ content: SiteContent) -> [Reply] { content.replies.filter(\.isAnswered) }

    /// An answer's identity: by its page, dated by its answer, its input
    /// everything its document is made from (so an unchanged one is not read again).
    static func identity(_ r: Reply, _ doc: SearchDocument) -> SearchIdentity {
        var key = StableHasher()
        key.add(r.id)
        var input = StableHasher()
        input.add("reply 1")
        input.add(doc.title)
        input.add(doc.community)
        input.add(doc.date)
        input.add(doc.body)
        let day = r.answered ?? r.received
        return SearchIdentity(key: key.value, month: Int32(day.year * 12 + day.month - 1), day: Int32(day.day),
                              input: input.value | 1)
    }

    /// Which notice, when, and from what (`inputs`: the parse cache's key of
    /// each notice, with the site's configuration; 0 when not known).
    static func identity(_ n: Notice, inputs: RenderInputs?) -> SearchIdentity {
        let id = n.id, day = n.date.day   // each getter copies the notice's fields: once
        var key = StableHasher()
        key.add(id.value)
        var input: UInt64 = 0
        if let inputs, let parsed = inputs.notices[id] {
            var h = StableHasher()
            h.add(inputs.config)
            h.add(parsed)
            input = h.value | 1
        }
        return SearchIdentity(key: key.value, month: Int32(day.year * 12 + day.month - 1), day: Int32(day.day), input: input)
    }

    /// `inputs`: what the notices were made from (kept in the index state:
    /// a notice whose input is unchanged is not read again by an update).
    static func files(_ content: SiteContent, synonyms: [[UInt8]?], previous: Previous? = nil,
                      inputs: RenderInputs? = nil) -> Result {
        let maker = Documents(content)
        let notices = content.notices
        // The published answers follow the notices (a changed answer makes the update give way to a new index).
        let replies = published(content)
        let answers = replies.map(maker.document)
        let identities = notices.map { identity($0, inputs: inputs) } + zip(replies, answers).map { identity($0, $1) }
        let document = { (i: Int) in i < notices.count ? maker.document(notices[i]) : answers[i - notices.count] }
        let groups = synonyms.compactMap { $0 }.flatMap { Synonyms.parse(String(decoding: $0, as: UTF8.self)) }
        if let previous,
           let update = SearchIndexBuilder.update(
               previous.state, notices: identities, document: document,
               previousDoc: { url in previous.notice(url).map(maker.document) },
               synonyms: groups, read: { previous.read("search/" + $0) }) {
            var files: [OutputFile] = []
            files.reserveCapacity(update.files.count + update.unchanged.count)
            for f in update.files { files.append(OutputFile(path: "search/" + f.path, content: .bytes(f.bytes))) }
            for path in update.unchanged { files.append(OutputFile(path: "search/" + path, content: .previous)) }
            return Result(files: files, state: update.state, updated: true)
        }
        let built = SearchIndexBuilder.buildWithState(notices.map(maker.document) + answers, synonyms: groups, identities: identities)
        return Result(files: built.files.map { OutputFile(path: "search/" + $0.path, content: .bytes($0.bytes)) },
                      state: built.state, updated: false)
    }
}
