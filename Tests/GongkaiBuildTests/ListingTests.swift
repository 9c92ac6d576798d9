import Foundation
@testable import GongkaiBuild
import Testing

/// Listings go by year (`<folder>/index.html` with the newest, one
/// `<folder>/<year>.html` a year), so a notice of any date changes its
/// listings' index and its own year's page, never another year's.
struct ListingTests {
    static let notice = """
        ---
        title: 马庄村补发的财务说明
        date: DATE
        category: 财务公开
        period: {from: DATE, to: END}
        ---
        补充说明本村的一笔支出。

        """

    static func add(_ site: FixtureSite, name: String, date: String, end: String) throws {
        let year = String(date.prefix(4))
        try site.write("content/mazhuang/\(year)/\(name).md",
                       notice.replacingOccurrences(of: "DATE", with: date).replacingOccurrences(of: "END", with: end))
    }

    /// 55 more notices in 2025: more than a listing's index holds.
    static func grow(_ site: FixtureSite) throws {
        for n in 1...55 {
            try add(site, name: "caiwu-\(n)", date: "2025-0\(n % 9 + 1)-1\(n % 9)", end: "2025-0\(n % 9 + 1)-28")
        }
    }

    @Test func aNoticeChangesOnlyItsYearsPages() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try Self.grow(site)
        #expect(site.build().succeeded)
        let before = FixtureSite.snapshot(site.output)
        for listing in ["mazhuang/caiwu/", "category/caiwu/"] {
            #expect(before[listing + "index.html"] != nil)
            #expect(before[listing + "2024.html"] != nil, "\(listing) has a page for 2024")
            #expect(before[listing + "2025.html"] != nil, "\(listing) has a page for 2025")
        }
        // Backdated into 2024: the 2024 pages and the indexes change, 2025's do not.
        try Self.add(site, name: "caiwu-bu", date: "2024-06-10", end: "2024-06-16")
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.rendered))")
        let after = FixtureSite.snapshot(site.output)
        for listing in ["mazhuang/caiwu/", "category/caiwu/"] {
            #expect(after[listing + "2025.html"] == before[listing + "2025.html"], "\(listing)2025.html unchanged")
            #expect(after[listing + "2024.html"] != before[listing + "2024.html"], "\(listing)2024.html lists it")
            let year = String(decoding: after[listing + "2024.html"] ?? Data(), as: UTF8.self)
            #expect(year.contains("马庄村补发的财务说明"))
        }
        // A listing the index holds whole has no year pages.
        #expect(after["xinhua/juwu/index.html"] != nil && !after.keys.contains { $0.hasPrefix("xinhua/juwu/20") })
        // No page but a notice's is four folders deep (docs/design.md §4).
        for path in after.keys where path.split(separator: "/").count == 4 && path.hasSuffix("/index.html") {
            let year = path.split(separator: "/")[1]
            #expect(year.allSatisfy { $0.isNumber }, "\(path) is a notice page")
        }
    }

    /// The page numbers of earlier gongkais (`page/N/`, newest first) still
    /// answer, pointing to the listing.
    @Test func oldPageNumbersPointToTheListing() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try Self.grow(site)
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.rendered))")
        let out = FixtureSite.snapshot(site.output)
        let moved = try #require(out["mazhuang/caiwu/page/2/index.html"])
        let page = String(decoding: moved, as: UTF8.self)
        #expect(page.contains("href=\"../../../../mazhuang/caiwu/index.html\""))
        #expect(out["mazhuang/caiwu/page/3/index.html"] == nil)
        let index = String(decoding: out["mazhuang/caiwu/index.html"] ?? Data(), as: UTF8.self)
        #expect(index.contains("最新的 50 篇") && index.contains("href=\"../../mazhuang/caiwu/2025.html\""))
    }
}
