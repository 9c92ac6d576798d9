/// A whole site after parsing and checking: what the render stage needs.
public struct SiteContent: Sendable {
    public var site: Site
    /// In display order.
    public var communities: [Community]
    /// Published notices (no drafts), newest first.
    public var notices: [Notice]

    public init(site: Site, communities: [Community], notices: [Notice]) {
        self.site = site
        self.communities = communities
        self.notices = notices
    }
}
