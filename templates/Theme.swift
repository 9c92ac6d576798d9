/// The default theme, embedded in the executable so a site folder needs only
/// content/ (docs/design.md §8). A site's own templates/ overrides it file by file.
/// Every file listed in Package.swift's `themeFiles` must appear here.
public enum DefaultTheme {
    /// Path under templates/ → bytes.
    public static let files: [String: [UInt8]] = [
        "base.mustache": PackageResources.base_mustache,
        "home.mustache": PackageResources.home_mustache,
        "community.mustache": PackageResources.community_mustache,
        "listing.mustache": PackageResources.listing_mustache,
        "notice.mustache": PackageResources.notice_mustache,
        "search.mustache": PackageResources.search_mustache,
        "feed.mustache": PackageResources.feed_mustache,
        "sitemap.mustache": PackageResources.sitemap_mustache,
        "notice-attachments.mustache": PackageResources.notice_attachments_mustache,
        "notice-list.mustache": PackageResources.notice_list_mustache,
        "pager.mustache": PackageResources.pager_mustache,
        "notice-print.mustache": PackageResources.notice_print_mustache,
        "ledger.mustache": PackageResources.ledger_mustache,
        "ledger-community.mustache": PackageResources.ledger_community_mustache,
        "notice-withdrawn.mustache": PackageResources.notice_withdrawn_mustache,
        "notice-record.mustache": PackageResources.notice_record_mustache,
        "synonyms.txt": PackageResources.synonyms_txt,
        "assets/site.css": PackageResources.site_css,
        "assets/search.js": PackageResources.search_js,
        "notice-status.mustache": PackageResources.notice_status_mustache,
        "notice-process.mustache": PackageResources.notice_process_mustache,
        "overview.mustache": PackageResources.overview_mustache,
        "overview-community.mustache": PackageResources.overview_community_mustache,
        "assets/status.js": PackageResources.status_js,
        "assets/site.js": PackageResources.site_js,
        "notice-objection.mustache": PackageResources.notice_objection_mustache,
        "notice-replies.mustache": PackageResources.notice_replies_mustache,
        "community-suggest.mustache": PackageResources.community_suggest_mustache,
        "replies.mustache": PackageResources.replies_mustache,
        "reply.mustache": PackageResources.reply_mustache,
        "assets/desk.js": PackageResources.desk_js,
    ]
}
