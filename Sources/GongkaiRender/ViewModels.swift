// Plain structs with stored properties. The template engine reads them
// through switches generated from these properties (ViewModels+Template.swift,
// scripts/gen-viewmodel-lookups.py: run it after changing a struct here).
// Every `href` is already relative to the page that shows it.

/// What every HTML page has: the frame drawn by base.mustache.
struct Layout {
    var root: String
    var siteTitle: String
    var town: String?
    /// `<title>`: page first, then the site.
    var documentTitle: String
    var description: String
    var css: String
    /// The site's own small script (大字模式 switch), deferred, on every page.
    var siteScript: String
    /// The search client, on the search page only.
    var script: String?
    /// The search page has its own search form; the header's is left out.
    var isSearch: Bool
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
    var withdrawn: Bool
}

struct YearGroup {
    var year: String
    var notices: [NoticeLink]
}

/// A year of a listing, in its year navigation.
struct YearLink {
    var year: String
    var href: String
    /// Shown on the listing's index only (a year's page would change with
    /// every notice of another year). A name no other view model uses: a
    /// nil value would otherwise show the page's `count`.
    var yearTotal: Int?
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
    var overviewHref: String
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
    /// This community's page of the compliance overview (what was due, when).
    var overviewHref: String
    /// 群众建议与答复: the community's answers page, and the suggestion form (with `desk_url`).
    var repliesHref: String?
    var suggestion: SuggestionForm?
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
    /// The year this page lists; nil on the listing's index (the newest).
    var year: String?
    /// The listing's index has only the newest `shownCount` of `count`.
    var newestOnly: Bool
    var shownCount: Int
    var years: [YearLink]
    var hasYears: Bool
    /// An old page number's address: where the listing is now.
    var movedHref: String?
    var indexHref: String
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
    /// Files listed by name, type and size.
    var attachments: [AttachmentView]
    /// Images shown in the page (`inline`), in the order written.
    var images: [AttachmentView]
    var hasAttachments: Bool
    var hasFileList: Bool
    var tags: [String]
    var hasTags: Bool
    var supersedes: NoticeLink?
    var supersededBy: NoticeLink?
    var previous: NoticeLink?
    var next: NoticeLink?
    var communityHref: String
    var contactPhone: String?
    var contactAddress: String?
    var status: NoticeStatusView?
    var process: [ProcessStepView]
    var hasProcess: Bool
    /// The printed sheet's QR code (nil without an absolute base_url); see QRCode.swift.
    var qr: QRView?
    /// Print the issuer and date under the body, unless the body already ends with them.
    var printSignature: Bool
    var revisions: [RevisionView]
    var hasRevisions: Bool
    var withdrawal: WithdrawalView?
    var ledger: NoticeLedgerLink?
    /// 异议与答复: the published answers to objections against this notice.
    var replies: [ReplyLink]
    var hasReplies: Bool
}

/// 公示期 and objection deadline in plain text; status.js adds the live status.
struct NoticeStatusView {
    var hasPeriod: Bool
    var from: String
    var fromISO: String
    var to: String
    var toISO: String
    var days: Int
    var objectionBy: String
    var objectionISO: String
    var supervisionName: String
    var contact: String?
    var phone: String?
    var address: String?
    var timezone: String
    var script: String
    /// The objection form (site.yml `desk_url`, the window open on the build's day).
    var form: ObjectionForm?
}

struct ProcessStepView {
    var step: Int
    var stage: String
    var date: String
    var dateISO: String
    var outcome: String?
}

/// overview/index.html: every community × cadenced category, for the town office.
struct OverviewPage {
    var layout: Layout
    var title: String
    var today: String
    var todayISO: String
    var from: String
    var fromISO: String
    var columns: [OverviewColumn]
    var communities: [OverviewCommunity]
    var behind: [OverviewGap]
    var hasBehind: Bool
    var hasColumns: Bool
    var missingTotal: Int
    var lateTotal: Int
    /// Any community has answer files: show the table of answers (docs/desk.md).
    var hasReplies: Bool
}

struct OverviewColumn {
    var name: String
    var cadence: String
}

struct OverviewCommunity {
    var name: String
    var href: String
    var cells: [OverviewSummary]
    var missing: Int
    var late: Int
    /// Residents' objections and suggestions (docs/desk.md): answered in
    /// time, answered late, open past the deadline, open in time.
    var replies: ReplyCounts
}

struct OverviewSummary {
    var applies: Bool
    var state: String
    var text: String
    var periods: Int
    var onTime: Int
    var late: Int
    var missing: Int
    var pending: Int
}

struct OverviewGap {
    var community: String
    var href: String
    var category: String
    var periods: String
    var count: Int
}

/// overview/<community>/index.html: one calendar per cadenced category.
struct CommunityOverviewPage {
    var layout: Layout
    var name: String
    var today: String
    var calendars: [OverviewCalendar]
    var hasCalendars: Bool
    var communityHref: String
    var overviewHref: String
}

struct OverviewCalendar {
    var category: String
    var anchor: String
    var cadence: String
    var summary: String
    var years: [OverviewYear]
}

struct OverviewYear {
    var year: String
    var cells: [OverviewCell]
}

struct OverviewCell {
    var label: String
    var period: String
    var state: String
    var statusText: String
    var detail: String
    var href: String?
    var title: String?
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
    /// Pixel size of an inline image, when known (for `width`/`height`).
    var width: Int?
    var height: Int?
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

// ── corrections, withdrawals and the integrity ledger (docs/ledger.md) ──

struct RevisionView {
    var date: String
    var dateISO: String
    var what: String
    var why: String
}

struct WithdrawalView {
    var date: String
    var dateISO: String
    var reason: String
}

/// The notice page's line about its version in the ledger.
struct NoticeLedgerLink {
    /// SHA-256 of notice.txt (hex); `data-gongkai-version` on the page.
    var version: String
    var shortVersion: String
    var textHref: String
    var historyHref: String
    var count: Int
}

struct LedgerIndexPage {
    var layout: Layout
    var entries: Int
    var notices: Int
    var head: String
    var jsonHref: String
    var communities: [LedgerCommunityLink]
    var recent: [LedgerVersionView]
}

struct LedgerCommunityLink {
    var name: String
    var href: String
    var notices: Int
    var entries: Int
}

struct LedgerCommunityPage {
    var layout: Layout
    var name: String
    var indexHref: String
    var notices: [LedgerNoticeView]
}

struct LedgerNoticeView {
    var anchor: String
    var title: String
    var href: String
    var date: String
    var corrected: Bool
    var withdrawn: Bool
    var versions: [LedgerVersionView]
}

struct LedgerVersionView {
    var seq: Int
    var time: String
    var timeISO: String
    var event: String
    var version: String
    var current: Bool
    var note: String?
    /// On the overview's list of recent entries: which notice.
    var title: String?
    var href: String?
}

// MARK: the desk (docs/desk.md)

struct ObjectionForm {
    var action: String
    var notice: String
    var deadline: String
    var deadlineISO: String
    var statusHref: String
    var script: String
}

struct SuggestionForm {
    var action: String
    var community: String
    var communityName: String
    var statusHref: String
    var script: String
}

/// One answered case in a list (a notice page, a community's answers page).
struct ReplyLink {
    var href: String
    var anchor: String
    var number: String
    var kind: String
    var received: String
    var receivedISO: String
    var answered: String
    var answeredISO: String
    var outcome: String
    var words: String
    var late: Bool
    var noticeTitle: String?
    var noticeHref: String?
}

struct ReplyCounts {
    var inTime: Int
    var late: Int
    var overdue: Int
    var open: Int
    var any: Bool
}

/// <community>/replies/index.html: 群众建议与答复.
struct RepliesPage {
    var layout: Layout
    var heading: String
    var community: String
    var communityHref: String
    var replies: [ReplyLink]
    var hasReplies: Bool
    var counts: ReplyCounts
    var suggestion: SuggestionForm?
    var feedHref: String
}

/// <community>/replies/<number>/index.html: one answer, recorded in the ledger like a notice.
struct ReplyPage {
    var layout: Layout
    var title: String
    var community: String
    var kind: String
    var number: String
    var received: String
    var receivedISO: String
    var deadline: String
    var deadlineISO: String
    var answered: String
    var answeredISO: String
    /// （逾期 N 天）, or nil when answered in time.
    var late: String?
    var outcome: String
    var reason: String?
    var reviewed: String?
    var words: String
    var body: String
    var notice: NoticeLink?
    var repliesHref: String
    var revisions: [RevisionView]
    var hasRevisions: Bool
    var ledger: NoticeLedgerLink?
}
