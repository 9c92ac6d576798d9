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

        init(_ content: SiteContent) {
            communities = Dictionary(content.communities.map { ($0.slug, $0.name) }, uniquingKeysWith: { a, _ in a })
            categories = Dictionary(content.site.categories.map { ($0.slug, $0.name) }, uniquingKeysWith: { a, _ in a })
        }

        func document(_ n: Notice) -> SearchDocument {
            SearchDocument(
                url: SiteRenderer.noticeHref(n.id), title: n.title, number: n.number,
                communitySlug: n.id.community, community: communities[n.id.community] ?? n.id.community,
                categorySlug: n.categorySlug, category: categories[n.categorySlug] ?? n.categorySlug,
                tags: n.tags, date: n.date.day.iso, body: n.body)
        }
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
        let identities = notices.map { identity($0, inputs: inputs) }
        let groups = synonyms.compactMap { $0 }.flatMap { Synonyms.parse(String(decoding: $0, as: UTF8.self)) }
        if let previous,
           let update = SearchIndexBuilder.update(
               previous.state, notices: identities, document: { maker.document(notices[$0]) },
               previousDoc: { url in previous.notice(url).map(maker.document) },
               synonyms: groups, read: { previous.read("search/" + $0) }) {
            var files: [OutputFile] = []
            files.reserveCapacity(update.files.count + update.unchanged.count)
            for f in update.files { files.append(OutputFile(path: "search/" + f.path, content: .bytes(f.bytes))) }
            for path in update.unchanged { files.append(OutputFile(path: "search/" + path, content: .previous)) }
            return Result(files: files, state: update.state, updated: true)
        }
        let built = SearchIndexBuilder.buildWithState(notices.map(maker.document), synonyms: groups, identities: identities)
        return Result(files: built.files.map { OutputFile(path: "search/" + $0.path, content: .bytes($0.bytes)) },
                      state: built.state, updated: false)
    }
}
