/// A whole site after parsing and checking: what the render stage needs.
public struct SiteContent: Sendable {
    public var site: Site
    /// In display order.
    public var communities: [Community]
    /// Published notices (no drafts), newest first.
    public var notices: [Notice]
    /// Answer files (content/<community>/replies/), oldest case first; open
    /// ones included (they are not published, but count for deadlines).
    public var replies: [Reply] = []

    public init(site: Site, communities: [Community], notices: [Notice], replies: [Reply] = []) {
        self.site = site
        self.communities = communities
        self.notices = notices
        self.replies = replies
    }
}
