import GongkaiCore

/// Where each page lives in public/, and relative links between pages so
/// the site works under any base path and even opened from disk (links name
/// `index.html` explicitly; a folder link would show a directory listing
/// from file://).
enum URLPaths {
    static func home() -> String { "index.html" }
    static func community(_ slug: String) -> String { "\(slug)/index.html" }
    /// A listing's folder: its index is `index.html`, each year's notices
    /// `<year>.html` (`listingYear`; a file, not `<year>/index.html`, so
    /// that only notices have pages four folders deep, as docs/design.md §4
    /// lays the site out).
    static func communityCategoryFolder(_ slug: String, _ category: String) -> String { "\(slug)/\(category)/" }
    static func categoryFolder(_ slug: String) -> String { "category/\(slug)/" }
    static func communityCategory(_ slug: String, _ category: String) -> String {
        communityCategoryFolder(slug, category) + "index.html"
    }
    static func category(_ slug: String) -> String { categoryFolder(slug) + "index.html" }
    static func listingYear(_ folder: String, _ year: Int) -> String { folder + "\(year).html" }
    static func notice(_ id: NoticeID) -> String {
        "\(escape(id.community))/\(escape(id.year))/\(escape(id.name))/index.html"
    }
    /// The folder of a notice, for canonical links and feeds.
    static func noticeFolder(_ id: NoticeID) -> String {
        "\(escape(id.community))/\(escape(id.year))/\(escape(id.name))/"
    }
    static func search() -> String { "search/index.html" }
    /// 群众建议与答复 (docs/desk.md).
    static func replies(_ community: String) -> String { "\(community)/replies/index.html" }
    static func reply(_ community: String, _ number: CaseNumber) -> String { "\(community)/replies/\(number)/index.html" }
    static func overview() -> String { "overview/index.html" }
    static func overview(_ community: String) -> String { "overview/\(community)/index.html" }

    /// Page `page` of a listing as gongkai numbered them before listings
    /// went by year (newest first, 50 a page): kept as a pointer to the
    /// listing, so old links still lead somewhere.
    static func oldPage(_ folder: String, _ page: Int) -> String { folder + "page/\(page)/index.html" }

    /// `../` for each folder between the page and the site root.
    static func root(of path: String) -> String {
        String(repeating: "../", count: path.utf8.count { $0 == 47 })
    }

    /// A file path as it appears on disk; `escape` only changes URLs.
    static func filePath(_ id: NoticeID) -> String { "\(id.community)/\(id.year)/\(id.name)/index.html" }

    /// Percent-encodes what is not safe in a URL path segment (a notice file
    /// name may be Chinese).
    static func escape(_ segment: String) -> String {
        // Most segments (slugs, years, ASCII file names) need nothing.
        guard segment.utf8.contains(where: { !isSafe($0) }) else { return segment }
        var out: [UInt8] = []
        out.reserveCapacity(segment.utf8.count * 3)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in segment.utf8 {
            if isSafe(byte) {
                out.append(byte)
            } else {
                out += [37, hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case 48...57, 65...90, 97...122, 45, 46, 95, 126: return true
        default: return false
        }
    }
}
