import GongkaiContent
import GongkaiCore
import Testing

struct ContentParserTests {
    let notice = "content/mazhuang/2024/caiwu-10.md"

    @Test func validSiteParsesWithEnglishKeysAndChineseAliases() throws {
        let result = SiteFixture().parse()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.rendered))")
        let content = try #require(result.content)
        #expect(content.communities.map(\.name) == ["马庄村", "新华社区"])
        #expect(content.notices.count == 2)
        let caiwu = try #require(content.notices.first { $0.id.value == "mazhuang/2024/caiwu-10" })
        #expect(caiwu.title == "马庄村2024年10月财务收支公开")
        #expect(caiwu.date.day.iso == "2024-11-05")
        #expect(caiwu.categorySlug == "caiwu")
        #expect(caiwu.period?.days == 5)
        #expect(caiwu.reviewed?.by == "马庄村村务监督委员会")
        #expect(caiwu.tags == ["财务", "月度"])
        #expect(caiwu.summary == "现将本村10月财务收支公布如下。")
        #expect(caiwu.body.html.contains("<td class=\"num\">12,000.00</td>"))
        let wuye = try #require(content.notices.first { $0.id.name == "wuye" })
        #expect(wuye.categorySlug == "juwu")
        #expect(wuye.date.day.iso == "2024-10-08")
        #expect(wuye.period?.to.iso == "2024-10-15")
        // newest first
        #expect(content.notices.map(\.id.name) == ["caiwu-10", "wuye"])
    }

    @Test func yamlSyntaxErrorHasLineAndColumn() {
        var site = SiteFixture()
        site[notice] = "---\ntitle: 通知\ndate: 2024-11-05\ncategory: [caiwu\n---\n正文\n"
        let d = site.parse().diagnostics
        #expect(d.count == 1)
        #expect(d.first?.code == "GK001")
        #expect(d.first?.file == notice)
        #expect(d.first?.line == 5)
        #expect((d.first?.column ?? 0) >= 1)
    }

    @Test func chineseColonIsPointedAt() {
        var site = SiteFixture()
        site[notice] = "---\n标题：通知\n日期: 2024-11-05\n类别: caiwu\n---\n正文\n"
        let d = site.parse().diagnostics
        #expect(d.map(\.code) == ["GK001"])
        #expect(d.first?.line == 2)
        #expect(d.first?.column == 3)
        #expect(d.first?.fix.contains("英文冒号") == true)
    }

    @Test func missingRequiredKeysAreAllReported() {
        var site = SiteFixture()
        site[notice] = "---\nnumber: 1号\n---\n正文\n"
        let d = site.parse().diagnostics
        #expect(d.map(\.code) == ["GK101", "GK101", "GK101"])
        #expect(d.allSatisfy { $0.file == notice && $0.line == 1 })
        #expect(d.contains { $0.message.contains("title（标题）") })
    }

    @Test func unknownCategorySuggestsTheNearest() {
        var site = SiteFixture()
        site[notice] = "---\ntitle: 通知\ndate: 2024-11-05\ncategory: 财务公示\n---\n正文\n"
        let d = site.parse().diagnostics
        #expect(d.map(\.code) == ["GK102"])
        #expect(d.first?.line == 4)
        #expect(d.first?.column == 11)
        #expect(d.first?.fix.contains("是不是“财务公开”") == true)
        #expect(d.first?.fix.contains("低保与救助") == true)
    }

    @Test func invalidDateAtItsValue() {
        var site = SiteFixture()
        site[notice] = "---\ntitle: 通知\ndate: 2024-02-30\ncategory: caiwu\n---\n正文\n"
        let d = site.parse().diagnostics
        #expect(d.map(\.code) == ["GK103"])
        #expect(d.first.map { "\($0.line):\($0.column)" } == "3:7")
    }

    @Test func bothSpellingsOfOneKey() {
        var site = SiteFixture()
        site[notice] = "---\ntitle: 通知\ndate: 2024-11-05\ncategory: caiwu\n标题: 另一个标题\n---\n正文\n"
        let d = site.parse().diagnostics
        #expect(d.map(\.code) == ["GK106"])
        #expect(d.first.map { "\($0.line):\($0.column)" } == "5:1")
    }

    @Test func sameKeyTwiceIsReported() {
        var site = SiteFixture()
        site[notice] = "---\ntitle: 通知\ntitle: 通知二\ndate: 2024-11-05\ncategory: caiwu\n---\n正文\n"
        #expect(site.parse().diagnostics.map(\.code) == ["GK106"])
    }

    @Test func duplicateIDIgnoringCase() {
        var site = SiteFixture()
        site["content/mazhuang/2024/Caiwu-10.md"] = site[notice]
        let d = site.parse().diagnostics
        #expect(d.map(\.code) == ["GK107"])
        #expect(d.first?.file == notice)
        #expect(d.first?.message.contains("Caiwu-10") == true)
    }

    @Test func noticeFileAndBundleFolderWithTheSameID() {
        var site = SiteFixture()
        site["content/mazhuang/2024/caiwu-10/index.md"] = site[notice]
        #expect(site.parse().diagnostics.map(\.code) == ["GK107"])
    }

    @Test func communityFolderWithoutCommunityYml() {
        var site = SiteFixture()
        site["content/liuhe/2024/a.md"] = "---\ntitle: 通知\ndate: 2024-11-05\ncategory: caiwu\n---\n正文\n"
        let result = site.parse()
        #expect(result.diagnostics.map(\.code) == ["GK020"])
        #expect(result.diagnostics.first?.file == "content/liuhe")
        #expect(result.content?.notices.contains { $0.id.community == "liuhe" } == false)
    }

    @Test func communityKeyMustMatchFolder() {
        var site = SiteFixture()
        site[notice] = "---\ntitle: 通知\ndate: 2024-11-05\ncategory: caiwu\n村居: xinhua\n---\n正文\n"
        let d = site.parse().diagnostics
        #expect(d.map(\.code) == ["GK108"])
        #expect(d.first.map { "\($0.line):\($0.column)" } == "5:5")
    }

    @Test func periodTooShortGivesTheEarliestEndDate() {
        var site = SiteFixture()
        site[notice] = "---\ntitle: 通知\ndate: 2024-10-08\ncategory: caiwu\n公示期: {from: 2024-10-08, to: 2024-10-10}\n---\n正文\n"
        let d = site.parse().diagnostics
        #expect(d.map(\.code) == ["GK104"])
        #expect(d.first?.rendered == "\(notice):5:6: 错误[GK104]: 公示期不足 5 天（10月8日至10月10日，只有 2 天）。请把结束日期改为 10月13日 或之后（开始当天不计入）。")
    }

    @Test func categoryMinimumOverridesSite() {
        var site = SiteFixture()
        site[notice] = "---\ntitle: 低保名单\ndate: 2024-10-08\ncategory: dibao\nperiod: {from: 2024-10-08, to: 2024-10-13}\n---\n正文\n"
        let d = site.parse().diagnostics
        #expect(d.map(\.code) == ["GK104"])
        #expect(d.first?.fix.contains("10月15日") == true)
    }

    @Test func invalidDatesInsideThePeriodAreDiagnosticsNotACrash() {
        var site = SiteFixture()
        site[notice] = "---\ntitle: 通知\ndate: 2024-11-05\ncategory: caiwu\n公示期: {起: 2024-11-06, 止: 2024-11-31}\n---\n正文\n"
        let d = site.parse().diagnostics
        #expect(d.map(\.code) == ["GK103"])
        #expect(d.first.map { "\($0.line):\($0.column)" } == "5:25")
        site[notice] = "---\ntitle: 通知\ndate: 2024-11-05\ncategory: caiwu\nperiod: {from: 昨天, to: 明天}\n---\n正文\n"
        #expect(site.parse().diagnostics.map(\.code) == ["GK103", "GK103"])
    }

    @Test func reversedPeriodAndPeriodBeforeNotice() {
        var site = SiteFixture()
        site[notice] = "---\ntitle: 通知\ndate: 2024-10-08\ncategory: caiwu\nperiod: {from: 2024-10-20, to: 2024-10-10}\n---\n正文\n"
        #expect(site.parse().diagnostics.map(\.code) == ["GK105"])
        site[notice] = "---\ntitle: 通知\ndate: 2024-10-08\ncategory: caiwu\nperiod: {from: 2024-10-01, to: 2024-10-10}\n---\n正文\n"
        #expect(site.parse().diagnostics.map(\.code) == ["GK105"])
    }

    @Test func unknownKeyIsAWarningWithASuggestion() {
        var site = SiteFixture()
        site[notice] = "---\n标提: 通知\ntitle: 通知\ndate: 2024-11-05\ncategory: caiwu\n---\n正文\n"
        let result = site.parse()
        #expect(result.diagnostics.map(\.code) == ["GK110"])
        #expect(result.diagnostics.first?.severity == .warning)
        #expect(result.diagnostics.first?.message.contains("是不是想写“标题”") == true)
        #expect(result.content?.notices.count == 2)
    }

    @Test func everyProblemOfEveryFileInOneRunSorted() {
        var site = SiteFixture()
        site[notice] = "---\ntitle: 通知\ndate: 2024-13-05\ncategory: 无此类别\n---\n正文\n"
        site["content/xinhua/2024/wuye.md"] = "没有前置信息\n"
        site["content/xinhua/2024/b.md"] = "---\ntitle: 通知\n---\n"
        let problems = site.problems()
        #expect(problems == [
            "GK103@content/mazhuang/2024/caiwu-10.md:3:7",
            "GK102@content/mazhuang/2024/caiwu-10.md:4:11",
            "GK101@content/xinhua/2024/b.md:1:1",
            "GK101@content/xinhua/2024/b.md:1:1",
            "GK002@content/xinhua/2024/wuye.md:1:1",
        ])
        let result = site.parse()
        #expect(result.diagnostics == result.diagnostics.sorted())
    }

    @Test func fileNotUTF8() {
        var bytes = SiteFixture().files.mapValues { Array($0.utf8) }
        bytes[notice] = Array("---\ntitle: ".utf8) + [0xC2, 0xED, 0xD7, 0xAF] + Array("\n---\n".utf8)
        let d = ContentParser.parse(SiteLoader(fs: InMemoryFileSystem(bytes: bytes)).load()).diagnostics
        #expect(d.map(\.code) == ["GK003"])
        #expect(d.first.map { "\($0.line):\($0.column)" } == "2:8")
    }

    @Test func unclosedFrontMatter() {
        var site = SiteFixture()
        site[notice] = "---\ntitle: 通知\ndate: 2024-11-05\ncategory: caiwu\n正文\n"
        #expect(site.parse().diagnostics.map(\.code) == ["GK002"])
    }

    @Test func siteYmlProblems() {
        var site = SiteFixture()
        site["content/site.yml"] = "title: 镇\ncategories:\n  - slug: Cai Wu\n    name: 财务公开\n"
        let d = site.parse().diagnostics
        #expect(d.contains { $0.code == "GK012" && $0.line == 3 })
        site["content/site.yml"] = nil
        #expect(site.parse().diagnostics.contains { $0.code == "GK010" })
    }

    @Test func draftsAreCheckedButNotPublished() {
        var site = SiteFixture()
        site[notice] = "---\ntitle: 通知\ndate: 2024-11-05\ncategory: caiwu\ndraft: true\n---\n正文\n"
        let result = site.parse()
        #expect(result.draftCount == 1)
        #expect(result.content?.notices.map(\.id.name) == ["wuye"])
        site[notice] = "---\ntitle: 通知\ndate: 2024-11-05\ncategory: 无\ndraft: true\n---\n正文\n"
        #expect(site.parse().diagnostics.map(\.code) == ["GK102"])
    }

    @Test func supersedesMustPointAtANotice() {
        var site = SiteFixture()
        site["content/mazhuang/2024/caiwu-10-gz.md"] = "---\ntitle: 更正\ndate: 2024-11-09\ncategory: caiwu\nsupersedes: mazhuang/2024/caiwu-1\n---\n正文\n"
        let d = site.parse().diagnostics
        #expect(d.map(\.code) == ["GK113"])
        #expect(d.first.map { "\($0.line):\($0.column)" } == "5:13")
        #expect(d.first?.fix.contains("mazhuang/2024/caiwu-10") == true)
        site[notice] = "---\ntitle: 通知\ndate: 2024-11-05\ncategory: caiwu\ndraft: true\n---\n正文\n"
        site["content/mazhuang/2024/caiwu-10-gz.md"] = "---\ntitle: 更正\ndate: 2024-11-09\ncategory: caiwu\n更正: mazhuang/2024/caiwu-10\n---\n正文\n"
        let draft = site.parse().diagnostics
        #expect(draft.map(\.code) == ["GK113"])
        #expect(draft.first?.severity == .warning)
        #expect(draft.first.map { "\($0.line):\($0.column)" } == "5:5")
    }

    @Test func attachmentsMustBeBesideTheNotice() {
        var site = SiteFixture()
        site["content/mazhuang/2024/mingxi.pdf"] = MinimalPDF.make()
        site[notice] = "---\ntitle: 通知\ndate: 2024-11-05\ncategory: caiwu\nattachments:\n  - {file: mingxi.pdf, title: 明细}\n  - {file: ../../site.yml}\n  - {file: missing.pdf}\n---\n正文\n"
        let result = site.parse()
        #expect(result.diagnostics.map(\.code) == ["GK121", "GK120"])
        #expect(result.diagnostics.map(\.line) == [7, 8])
    }

    @Test func filesNoNoticeListsAreReportedNotSilentlyDropped() {
        var site = SiteFixture()
        site["content/mazhuang/2024/mingxi.pdf"] = "%PDF"
        site["content/mazhuang/2024/照片/a.jpg"] = "jpg"
        site["content/mazhuang/logo.png"] = "png"
        let d = site.parse().diagnostics
        #expect(d.map(\.code) == ["GK130", "GK130", "GK130"])
        #expect(d.allSatisfy { $0.severity == .warning })
        #expect(Set(d.map(\.file)) == ["content/mazhuang/2024/mingxi.pdf", "content/mazhuang/2024/照片", "content/mazhuang/logo.png"])
    }

    @Test func noticeOutsideAYearFolder() {
        var site = SiteFixture()
        site["content/mazhuang/loose.md"] = "---\ntitle: 通知\n---\n"
        #expect(site.parse().diagnostics.map(\.code) == ["GK111"])
    }
}
