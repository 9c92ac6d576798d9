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
                tags: n.tags, date: n.date.day.iso, body: n.body.text)
        }
    }

    static func files(_ content: SiteContent, synonyms: [[UInt8]?], previous: Previous? = nil) -> Result {
        // Oldest first: a new notice gets the next number and no other
        // notice's number changes.
        let docs = documents(content.notices.reversed(), content: content)
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
               read: { previous.read("search/" + $0) }) {
            let files = update.files.map { OutputFile(path: "search/" + $0.path, content: .bytes($0.bytes)) }
                + update.unchanged.map { OutputFile(path: "search/" + $0, content: .previous) }
            return Result(files: files.sorted { $0.path < $1.path }, state: update.state, updated: true)
        }
        let built = SearchIndexBuilder.buildWithState(docs, communities: communities, categories: categories, synonyms: groups)
        return Result(files: built.files.map { OutputFile(path: "search/" + $0.path, content: .bytes($0.bytes)) },
                      state: built.state, updated: false)
    }
}
