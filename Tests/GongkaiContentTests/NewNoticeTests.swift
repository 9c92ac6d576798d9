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
}
