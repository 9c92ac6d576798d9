// Plain structs with stored properties only: swift-mustache reads them
// through Mirror (STYLE.md habit 8). Every `href` is already relative to the
// page that shows it.

/// What every HTML page has: the frame drawn by base.mustache.
struct Layout {
    var root: String
    var siteTitle: String
    var town: String?
    /// `<title>`: page first, then the site.
    var documentTitle: String
    var description: String
    var css: String
    /// The search client, on the search page only.
    var script: String?
    var homeHref: String
    var searchHref: String
    var feedHref: String
    var crumbs: [Crumb]
    var hasCrumbs: Bool
    var canonical: String?
    var og: OpenGraph?
    var generator: String
}

struct Crumb {
    var name: String
    var href: String?
    var last: Bool
}

struct OpenGraph {
    var title: String
    var description: String
    var siteName: String
    var url: String?
}

struct NoticeLink {
    var href: String
    var title: String
    var date: String
    var dateISO: String
    var category: String
    var community: String
    var number: String?
    var summary: String
    var corrected: Bool
}

struct YearGroup {
    var year: String
    var notices: [NoticeLink]
}

struct Pager {
    var current: Int
    var total: Int
    var previousHref: String?
    var nextHref: String?
    var pages: [PageLink]
}

struct PageLink {
    var number: Int
    var href: String
    var current: Bool
}

struct HomePage {
    var layout: Layout
    var title: String
    var intro: String?
    var latest: [NoticeLink]
    var communities: [CommunityCard]
    var categories: [CategoryLink]
    var noticeCount: Int
}

struct CommunityCard {
    var slug: String
    var href: String
    var name: String
    var kind: String
    var count: Int
    var latest: String?
}

struct CategoryLink {
    var slug: String
    var href: String
    var name: String
    var count: Int
    var description: String?
}

struct CommunityPage {
    var layout: Layout
    var name: String
    var disclosureName: String
    var description: String?
    var committee: String
    var address: String?
    var phone: String?
    var count: Int
    var sections: [CategorySection]
    var hasSections: Bool
    var feedHref: String
}

struct CategorySection {
    var name: String
    var anchor: String
    var count: Int
    var notices: [NoticeLink]
    var allHref: String
    var more: Bool
}

struct ListingPage {
    var layout: Layout
    var heading: String
    var intro: String?
    var count: Int
    var groups: [YearGroup]
    var pager: Pager?
    var showCommunity: Bool
}

struct NoticePage {
    var layout: Layout
    var title: String
    var community: String
    var disclosureName: String
    var category: String
    var categoryHref: String
    var number: String?
    var issuer: String
    var date: String
    var dateISO: String
    var period: PeriodView?
    var reviewed: String?
    var body: String
    var outline: [OutlineEntry]
    var hasOutline: Bool
    var attachments: [AttachmentView]
    var hasAttachments: Bool
    var tags: [String]
    var hasTags: Bool
    var supersedes: NoticeLink?
    var supersededBy: NoticeLink?
    var previous: NoticeLink?
    var next: NoticeLink?
    var communityHref: String
    var contactPhone: String?
    var contactAddress: String?
}

struct PeriodView {
    var from: String
    var fromISO: String
    var to: String
    var toISO: String
    var days: Int
}

struct OutlineEntry {
    var text: String
    var anchor: String
}

struct AttachmentView {
    var href: String
    var title: String
    var file: String
    var type: String
    var size: String
}

struct SearchPage {
    var layout: Layout
    var communities: [CommunityCard]
    var categories: [CategoryLink]
}

struct FeedView {
    var title: String
    var subtitle: String?
    var id: String
    var selfHref: String
    var alternateHref: String
    var base: String?
    var updated: String
    var entries: [FeedEntry]
}

struct FeedEntry {
    var id: String
    var title: String
    var href: String
    var updated: String
    var summary: String
    var content: String
    var category: String
    var author: String
}

struct SitemapView {
    var urls: [SitemapURL]
}

struct SitemapURL {
    var loc: String
    var lastmod: String?
}
