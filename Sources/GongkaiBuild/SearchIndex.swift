import GongkaiCore
import GongkaiRender
import GongkaiSearch

/// The index stage: the site's notices as search documents, through
/// GongkaiSearch, into files under search/.
enum SearchIndex {
    static func files(_ content: SiteContent, synonyms: [[UInt8]?]) -> [OutputFile] {
        let communities = Dictionary(content.communities.map { ($0.slug, $0.name) }, uniquingKeysWith: { a, _ in a })
        let categories = Dictionary(content.site.categories.map { ($0.slug, $0.name) }, uniquingKeysWith: { a, _ in a })
        let docs = content.notices.map { n in
            SearchDocument(
                url: SiteRenderer.noticeHref(n.id), title: n.title, number: n.number,
                communitySlug: n.id.community, community: communities[n.id.community] ?? n.id.community,
                categorySlug: n.categorySlug, category: categories[n.categorySlug] ?? n.categorySlug,
                tags: n.tags, date: n.date.day.iso, body: n.body.text)
        }
        let groups = synonyms.compactMap { $0 }.flatMap { Synonyms.parse(String(decoding: $0, as: UTF8.self)) }
        return SearchIndexBuilder.build(
            docs, communities: content.communities.map { ($0.slug, $0.name) },
            categories: content.site.categories.map { ($0.slug, $0.name) }, synonyms: groups
        ).map { OutputFile(path: "search/" + $0.path, content: .bytes($0.bytes)) }
    }
}
