import GongkaiContent
import GongkaiCore
import Testing

struct NewNoticeTests {
    let site = Site(title: "镇", minDisplayDays: 5, categories: [
        Category(slug: "caiwu", name: "财务公开"), Category(slug: "dibao", name: "低保与救助", minDisplayDays: 7),
    ])
    let community = Community(slug: "mazhuang", name: "马庄村", kind: .village, phone: "0531-8765 4321")
    let today = CalendarDate(year: 2024, month: 10, day: 8)!

    @Test func frontMatterIsFilledAndTheFileChecksClean() throws {
        let notice = NewNotice.make(site: site, community: community, category: site.categories[1],
                                    title: "马庄村：第四季度低保对象公示", today: today, taken: [])
        #expect(notice.path == "content/mazhuang/2024/dibao-2024-10.md")
        #expect(notice.text.contains("标题: \"马庄村：第四季度低保对象公示\"") || notice.text.contains("标题: 马庄村：第四季度低保对象公示"))
        #expect(notice.text.contains("日期: 2024-10-08"))
        #expect(notice.text.contains("类别: 低保与救助"))
        #expect(notice.text.contains("公示期: {起: 2024-10-08, 止: 2024-10-15}"))
        var fixture = SiteFixture()
        fixture[notice.path] = notice.text
        let result = fixture.parse()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.rendered))")
        #expect(result.content?.notices.contains { $0.id.name == "dibao-2024-10" && $0.period?.days == 7 } == true)
    }

    @Test func neverReusesATakenName() {
        let notice = NewNotice.make(site: site, community: community, category: site.categories[0], title: "财务: 10月",
                                    today: today, taken: ["caiwu-2024-10.md", "caiwu-2024-10-2"])
        #expect(notice.path == "content/mazhuang/2024/caiwu-2024-10-3.md")
        #expect(notice.text.contains("标题: \"财务: 10月\""))
    }

    @Test func aCategoryTemplateReplacesTheSkeleton() {
        let notice = NewNotice.make(site: site, community: community, category: site.categories[0], title: "财务",
                                    today: today, taken: [], body: "| 日期 | 摘要 | 收入(元) | 支出(元) |\n| --- | --- | --- | --- |\n")
        #expect(notice.text.contains("| 日期 | 摘要 | 收入(元) | 支出(元) |"))
        #expect(!notice.text.contains("## 一、基本情况"))
        #expect(notice.text.hasSuffix("马庄村村民委员会\n2024年10月8日\n"))
    }

    /// With a preset, a new notice carries 所属期 for the period it most
    /// likely reports on, and comments for what only the clerk can fill in.
    @Test func theCatalogueShapesTheNewNotice() throws {
        var catalogue = SiteFixture()
        catalogue["content/site.yml"] = "title: 镇\nrules: province-5\ncategories:\n  - {slug: caiwu, name: 财务公开}\n  - {slug: juece, name: 四议两公开}\n"
        let content = try #require(catalogue.parse().content)
        let caiwu = NewNotice.make(site: content.site, community: community, category: content.site.categories[0],
                                   title: "10月财务", today: CalendarDate(year: 2026, month: 11, day: 5)!, taken: [])
        #expect(caiwu.text.contains("公示期: {起: 2026-11-05, 止: 2026-11-10}\n所属期: 2026-10\n"))
        #expect(caiwu.text.contains("# 审核: {by: 马庄村村务监督委员会, date: 2026-11-05}"))
        let juece = NewNotice.make(site: content.site, community: community, category: content.site.categories[1],
                                   title: "决议", today: CalendarDate(year: 2026, month: 11, day: 5)!, taken: [])
        #expect(juece.text.contains("#   - {环节: 党员大会审议, 日期: 2026-11-05, 结果: }"))
        #expect(!juece.text.contains("所属期"))
        // As written, the checks remind the clerk of the review and the record.
        var site = catalogue
        site["content/mazhuang/community.yml"] = "name: 马庄村\nkind: 村\n"
        site[juece.path] = juece.text
        site[caiwu.path] = caiwu.text
        let codes = site.parse().diagnostics.filter { $0.file.contains("2026") }.map(\.code)
        #expect(codes.sorted() == ["GK141", "GK141", "GK143"])
    }
}
