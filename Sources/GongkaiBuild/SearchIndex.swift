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

    static func documents(_ notices: [Notice], content: SiteContent) -> [SearchDocument] {
        let communities = Dictionary(content.communities.map { ($0.slug, $0.name) }, uniquingKeysWith: { a, _ in a })
        let categories = Dictionary(content.site.categories.map { ($0.slug, $0.name) }, uniquingKeysWith: { a, _ in a })
        return notices.map { n in
            SearchDocument(
                url: SiteRenderer.noticeHref(n.id), title: n.title, number: n.number,
                communitySlug: n.id.community, community: communities[n.id.community] ?? n.id.community,
                categorySlug: n.categorySlug, category: categories[n.categorySlug] ?? n.categorySlug,
                tags: n.tags, date: n.date.day.iso, body: n.body)
        }
    }

    /// `inputs`: what the notices were made from (their documents' keys in
    /// the index state: an unchanged notice's text is not hashed again).
    static func files(_ content: SiteContent, synonyms: [[UInt8]?], previous: Previous? = nil,
                      inputs: RenderInputs? = nil) -> Result {
        // Oldest first: a new notice gets the next number and no other
        // notice's number changes.
        let docs = documents(content.notices.reversed(), content: content)
        let inputKeys = inputs.flatMap { inputs -> [UInt64]? in
            var keys: [UInt64] = []
            keys.reserveCapacity(docs.count)
            for n in content.notices.reversed() {
                guard let key = inputs.notices[n.id] else { return nil }
                var h = StableHasher()
                h.add(inputs.config)
                h.add(key)
                keys.append(h.value)
            }
            return keys
        }
        let groups = synonyms.compactMap { $0 }.flatMap { Synonyms.parse(String(decoding: $0, as: UTF8.self)) }
        let communities = content.communities.map { ($0.slug, $0.name) }
        let categories = content.site.categories.map { ($0.slug, $0.name) }
        if let previous,
           let update = SearchIndexBuilder.update(
               previous.state, docs: docs,
               previousDoc: { i in
                   previous.notice(previous.state.urls[i]).flatMap { documents([$0], content: content).first }
               },
               communities: communities, categories: categories, synonyms: groups,
               read: { previous.read("search/" + $0) }, inputKeys: inputKeys) {
            let files = update.files.map { OutputFile(path: "search/" + $0.path, content: .bytes($0.bytes)) }
                + update.unchanged.map { OutputFile(path: "search/" + $0, content: .previous) }
            return Result(files: files.sorted { $0.path < $1.path }, state: update.state, updated: true)
        }
        let built = SearchIndexBuilder.buildWithState(docs, communities: communities, categories: categories, synonyms: groups,
                                                      inputKeys: inputKeys)
        return Result(files: built.files.map { OutputFile(path: "search/" + $0.path, content: .bytes($0.bytes)) },
                      state: built.state, updated: false)
    }
}
