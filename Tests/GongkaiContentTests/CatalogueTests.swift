import GongkaiContent
import GongkaiCore
import Testing

/// The disclosure catalogue (docs/catalogue.md): presets, per-category and
/// per-community rules, and the notice checks they drive (GK015–GK019,
/// GK104/GK105, GK140–GK148), parameterized over the presets.
struct CatalogueTests {
    static let notice = "content/mazhuang/2026/n.md"

    /// A site on `preset` whose category slugs are NOT the example's: the
    /// presets find the rules through `type:`.
    static func site(_ preset: String, extraCategory: String = "", community: String = "") -> SiteFixture {
        var site = SiteFixture()
        site.files = [
            "content/site.yml": """
            title: 测试镇
            rules: \(preset)
            categories:
              - {slug: shouzhi, name: 收支明细, type: finance}
              - {slug: dashi, name: 大事决策, type: major}
              - {slug: jiuzhu, name: 救助名单, type: welfare}
              - {slug: zhengshou, name: 征收补偿, type: expropriation}
              - {slug: tz, name: 告示, type: notice}
            \(extraCategory)
            """,
            "content/mazhuang/community.yml": "name: 马庄村\nkind: 村\n" + community,
        ]
        return site
    }

    static func notice(_ category: String, date: String = "2026-10-08", _ lines: String...) -> String {
        "---\ntitle: 测试公告\ndate: \(date)\ncategory: \(category)\n" + lines.map { $0 + "\n" }.joined() + "---\n正文\n"
    }

    static let review = "reviewed: {by: 马庄村村务监督委员会, date: 2026-10-07}"

    struct PresetCase: Sendable, CustomTestStringConvertible {
        var name: String
        var display: Int
        var reviewRequired: Bool
        var testDescription: String { name }
    }

    static let presets: [PresetCase] = [
        PresetCase(name: "national", display: 5, reviewRequired: false),
        PresetCase(name: "province-5", display: 5, reviewRequired: true),
        PresetCase(name: "province-10", display: 10, reviewRequired: true),
    ]

    @Test(arguments: presets)
    func presetsAreWhatTheDocsSay(_ p: PresetCase) throws {
        let preset = try #require(RulePreset.named(p.name))
        #expect(preset.rules(for: .finance).minDisplayDays == p.display)
        #expect(preset.rules(for: .finance).cadence == .monthly)
        #expect(preset.rules(for: .general).cadence == .quarterly)
        #expect(preset.rules(for: .welfare).minDisplayDays == max(7, p.display))
        #expect(preset.rules(for: .expropriation).minDisplayDays == 30)
        #expect(preset.rules(for: .finance).reviewRequired == p.reviewRequired)
        #expect(preset.rules(for: .major).processRequired == (p.name != "national"))
        #expect(preset.rules(for: .notice).periodRequired == false)
    }

    @Test(arguments: presets)
    func periodShorterThanTheCategoryMinimumGivesTheEarliestEndDate(_ p: PresetCase) {
        var site = Self.site(p.name)
        // 3 days on a category that needs at least 5.
        site[Self.notice] = Self.notice("shouzhi", "period: {from: 2026-10-08, to: 2026-10-11}", Self.review)
        let d = site.parse().diagnostics
        #expect(d.map(\.code) == ["GK104"])
        let earliest = CalendarDate(year: 2026, month: 10, day: 8)!.adding(days: p.display).chineseMonthDay
        #expect(d.first?.message == "公示期不足 \(p.display) 天（10月8日至10月11日，只有 3 天）。")
        #expect(d.first?.fix == "请把结束日期改为 \(earliest) 或之后（开始当天不计入）。")
        // Exactly the minimum passes.
        let end = CalendarDate(year: 2026, month: 10, day: 8)!.adding(days: p.display).iso
        site[Self.notice] = Self.notice("shouzhi", "period: {from: 2026-10-08, to: \(end)}", Self.review)
        #expect(site.parse().diagnostics.isEmpty, "\(site.parse().diagnostics.map(\.rendered))")
    }

    @Test(arguments: presets)
    func welfareAndExpropriationHaveTheirOwnMinimum(_ p: PresetCase) {
        var site = Self.site(p.name)
        site[Self.notice] = Self.notice("jiuzhu", "period: {from: 2026-10-08, to: 2026-10-14}", Self.review)
        // 6 days: short of 7 (低保, national rule) and of 10 (province-10).
        #expect(site.parse().diagnostics.map(\.code) == ["GK104"])
        site[Self.notice] = Self.notice("zhengshou", "period: {from: 2026-10-08, to: 2026-11-06}", Self.review)
        let d = site.parse().diagnostics
        #expect(d.map(\.code) == ["GK104"])
        #expect(d.first?.fix.contains("11月7日") == true)
    }

    @Test(arguments: presets)
    func periodEndingBeforeItStartsOrStartingBeforeTheNotice(_ p: PresetCase) {
        var site = Self.site(p.name)
        site[Self.notice] = Self.notice("shouzhi", "period: {from: 2026-10-08, to: 2026-10-01}", Self.review)
        var d = site.parse().diagnostics
        #expect(d.map(\.code) == ["GK105"])
        let earliest = CalendarDate(year: 2026, month: 10, day: 8)!.adding(days: p.display).chineseMonthDay
        #expect(d.first?.fix.contains("结束日期最早是 \(earliest)") == true)

        site[Self.notice] = Self.notice("shouzhi", date: "2026-10-10", "period: {from: 2026-10-08, to: 2026-10-30}", Self.review)
        d = site.parse().diagnostics
        #expect(d.map(\.code) == ["GK105"])
        let fromNotice = CalendarDate(year: 2026, month: 10, day: 10)!.adding(days: p.display).chineseMonthDay
        #expect(d.first?.fix.contains("2026年10月10日 或之后") == true)
        #expect(d.first?.fix.contains("\(fromNotice) 或之后") == true)
    }

    @Test(arguments: presets)
    func aRequiredPeriodMustBeThere(_ p: PresetCase) {
        var site = Self.site(p.name)
        site[Self.notice] = Self.notice("shouzhi", Self.review)
        let d = site.parse().diagnostics
        #expect(d.map(\.code) == ["GK140"])
        let end = CalendarDate(year: 2026, month: 10, day: 8)!.adding(days: p.display).iso
        #expect(d.first?.fix == "请加一行 公示期: {起: 2026-10-08, 止: \(end)}（按公开目录的要求，结束日期最早是 \(end)）。")
        // A 告示 (type notice) needs none.
        site[Self.notice] = Self.notice("tz")
        #expect(site.parse().diagnostics.isEmpty)
    }

    @Test(arguments: presets)
    func reviewWhereRequiredNamesTheSupervisionCommittee(_ p: PresetCase) {
        var site = Self.site(p.name)
        site[Self.notice] = Self.notice("shouzhi", "period: {from: 2026-10-08, to: 2026-10-30}")
        let d = site.parse().diagnostics
        if p.reviewRequired {
            #expect(d.map(\.code) == ["GK141"])
            #expect(d.first?.severity == .error)
            #expect(d.first?.message == "“收支明细”类公告发布前要经马庄村村务监督委员会审核，这篇没有写 审核。")
            #expect(d.first?.fix.contains("审核: {by: 马庄村村务监督委员会, date: 2026-10-07}") == true)
        } else {
            #expect(d.isEmpty)
        }
        // The name comes from community.yml when it gives one.
        var named = Self.site(p.name, community: "supervision: {name: 马庄村村务监督小组, phone: 0531-1}\n")
        named[Self.notice] = Self.notice("shouzhi", "period: {from: 2026-10-08, to: 2026-10-30}")
        #expect(named.parse().diagnostics.allSatisfy { $0.message.contains("马庄村村务监督小组") })
    }

    @Test(arguments: presets)
    func processWhereRequired(_ p: PresetCase) {
        var site = Self.site(p.name)
        site[Self.notice] = Self.notice("dashi", "period: {from: 2026-10-08, to: 2026-10-30}", Self.review)
        #expect(site.parse().diagnostics.map(\.code) == (p.name == "national" ? [] : ["GK143"]))
        site[Self.notice] = Self.notice("dashi", "period: {from: 2026-10-08, to: 2026-10-30}", Self.review, """
            四议两公开:
              - {环节: 党组织提议, 日期: 2026-09-20, 结果: 一致同意}
              - {环节: 两委会议商议, 日期: 2026-09-22}
            """)
        let d = site.parse().diagnostics
        #expect(d.map(\.code) == (p.name == "national" ? [] : ["GK143"]))
        if p.name != "national" { #expect(d.first?.message == "四议两公开程序记录缺少：党员大会审议、村民代表会议决议。") }
    }

    @Test func categoryAndCommunityOverridesWinOverThePreset() throws {
        var site = Self.site("province-5", extraCategory: "  - {slug: changqi, name: 长期公示, type: finance, min_display_days: 10, review_required: false, number_required: true}",
                             community: "rules:\n  shouzhi: {cadence: quarterly, min_display_days: 7}\n")
        site[Self.notice] = Self.notice("changqi", "period: {from: 2026-10-08, to: 2026-10-15}")
        let d = site.parse().diagnostics
        #expect(d.map(\.code) == ["GK142", "GK104"])
        #expect(d.first?.severity == .warning)
        #expect(d.last?.fix.contains("10月18日") == true)
        site[Self.notice] = Self.notice("shouzhi", "period: {from: 2026-10-08, to: 2026-10-13}", Self.review)
        #expect(site.parse().diagnostics.map(\.code) == ["GK104"])
        let content = try #require(site.parse().content)
        let rules = content.site.rules(for: try #require(content.site.category(slug: "shouzhi")), in: content.communities.first)
        #expect(rules.cadence == .quarterly)
        #expect(rules.minDisplayDays == 7)
        #expect(rules.reviewRequired == true)
    }

    @Test func withoutAPresetNothingNewIsRequired() {
        // The old schema: a site without `rules:` is checked as before.
        var site = SiteFixture()
        site["content/mazhuang/2024/caiwu-10.md"] = "---\ntitle: 通知\ndate: 2024-10-08\ncategory: caiwu\n---\n正文\n"
        #expect(site.parse().diagnostics.isEmpty)
    }

    @Test func presetsFindTheTypeOfTheExampleSlugsAndWarnWhenTheyCannot() throws {
        var site = SiteFixture()
        site["content/site.yml"] = """
        title: 测试镇
        rules: province-10
        categories:
          - {slug: caiwu, name: 财务公开}
          - {slug: qita, name: 其他事项}
        """
        site.files = site.files.filter { !$0.key.hasSuffix(".md") }
        let result = site.parse()
        #expect(result.diagnostics.map(\.code) == ["GK018"])
        #expect(result.diagnostics.first?.severity == .warning)
        let content = try #require(result.content)
        #expect(content.site.category(slug: "caiwu")?.type == .finance)
        #expect(content.site.category(slug: "caiwu")?.minDisplayDays == 10)
        #expect(content.site.category(slug: "qita")?.rules.cadence == .quarterly)
    }

    @Test func siteYmlRuleProblems() {
        var site = SiteFixture()
        site["content/site.yml"] = """
        title: 测试镇
        rules: province-6
        categories:
          - {slug: caiwu, name: 财务公开, cadence: weekly, type: money, review_required: maybe, objection_days: -1}
        """
        site.files = site.files.filter { !$0.key.hasSuffix(".md") }
        let d = site.parse().diagnostics
        #expect(d.map(\.code).sorted() == ["GK015", "GK016", "GK016", "GK016", "GK017"])
        #expect(d.first { $0.code == "GK015" }?.message.contains("province-5") == true)
        #expect(d.first { $0.code == "GK017" }?.fix.contains("finance（财务）") == true)
    }

    @Test func communityRulesAndSupervision() throws {
        var site = SiteFixture()
        site["content/xinhua/community.yml"] = """
        name: 新华社区
        kind: 社区
        supervision: {name: 新华社区居务监督委员会, contact: 主任 刘桂芳, phone: 0531-8760 2215, address: 一楼 103 室, fax: 1}
        rules:
          caiwu: {cadence: half-yearly, weekly: true}
          nosuch: {cadence: monthly}
        """
        let result = site.parse()
        #expect(result.diagnostics.map(\.code) == ["GK013", "GK019", "GK019"])
        let xinhua = try #require(result.content?.communities.first { $0.slug == "xinhua" })
        #expect(xinhua.supervision == Supervision(name: "新华社区居务监督委员会", contact: "主任 刘桂芳", phone: "0531-8760 2215", address: "一楼 103 室"))
        #expect(xinhua.ruleOverrides["caiwu"]?.cadence == .halfYearly)
        #expect(xinhua.supervisionName == "新华社区居务监督委员会")
        site["content/xinhua/community.yml"] = "name: 新华社区\nkind: 社区\n"
        #expect(try #require(site.parse().content?.communities.first { $0.slug == "xinhua" }).supervisionName == "新华社区居务监督委员会")
    }

    @Test func reservedCommunityFolder() {
        var site = SiteFixture()
        site["content/overview/community.yml"] = "name: 一览村\nkind: 村\n"
        #expect(site.parse().diagnostics.map(\.code) == ["GK022"])
    }

    // MARK: 四议两公开

    static let majorSite = Self.site("province-5")

    func process(_ entries: String) -> [Diagnostic] {
        var site = Self.majorSite
        site[Self.notice] = Self.notice("dashi", "period: {from: 2026-10-08, to: 2026-10-30}", Self.review, "process:\n" + entries)
        return site.parse().diagnostics
    }

    @Test func aFullProcessRecordParsesWithEitherSpelling() throws {
        var site = Self.majorSite
        site[Self.notice] = Self.notice("dashi", "period: {from: 2026-10-08, to: 2026-10-30}", Self.review, """
            程序:
              - {stage: 党支部提议, date: 2026-09-20, outcome: 支委会一致同意}
              - {环节: 两委会商议, 日期: 2026-09-22, 结果: 应到 7 人，实到 7 人，一致同意}
              - {环节: 党员大会审议, 日期: 2026-09-28, 结果: 同意 38 票}
              - {环节: 村民代表会议决议, 日期: 2026-10-05, 结果: 同意 39 票，反对 1 票}
              - {环节: 决议公开, 日期: 2026-10-08}
            """)
        let result = site.parse()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.rendered))")
        let n = try #require(result.content?.notices.first)
        #expect(n.process.map(\.stage) == [.proposal, .consultation, .review, .resolution, .resolutionPublished])
        #expect(n.process[1].outcome == "应到 7 人，实到 7 人，一致同意")
        #expect(n.process[4].outcome == nil)
    }

    @Test func processStagesOutOfOrder() {
        let d = process("""
              - {环节: 党组织提议, 日期: 2026-09-20}
              - {环节: 党员大会审议, 日期: 2026-09-28}
              - {环节: 两委会议商议, 日期: 2026-09-29}
              - {环节: 村民代表会议决议, 日期: 2026-09-27}
            """)
        #expect(d.map(\.code) == ["GK145", "GK145"])
        #expect(d.first?.message == "四议两公开的“两委会议商议”写在了“党员大会审议”之后，顺序不对（或日期更早）。")
        #expect(d.first?.line == 10)
    }

    @Test func processDatesAfterTheNotice() {
        let d = process("""
              - {环节: 党组织提议, 日期: 2026-09-20}
              - {环节: 两委会议商议, 日期: 2026-09-22}
              - {环节: 党员大会审议, 日期: 2026-09-28}
              - {环节: 村民代表会议决议, 日期: 2026-10-09}
            """)
        #expect(d.map(\.code) == ["GK146"])
        #expect(d.first?.message == "四议两公开的“村民代表会议决议”日期 2026年10月9日 晚于公告的发布日期 2026年10月8日。")
    }

    @Test func processBadShapesAndStages() {
        #expect(process("  - {环节: 村委会拍板, 日期: 2026-09-20}\n").map(\.code) == ["GK143", "GK144"])
        var site = Self.majorSite
        site[Self.notice] = Self.notice("dashi", "period: {from: 2026-10-08, to: 2026-10-30}", Self.review, "process: 都开过会了")
        #expect(site.parse().diagnostics.map(\.code) == ["GK144"])
    }

    @Test func reviewAfterTheNoticeDate() {
        var site = Self.site("province-5")
        site[Self.notice] = Self.notice("shouzhi", "period: {from: 2026-10-08, to: 2026-10-30}",
                                        "reviewed: {by: 马庄村村务监督委员会, date: 2026-10-09}")
        #expect(site.parse().diagnostics.map(\.code) == ["GK147"])
    }

    // MARK: 所属期

    @Test(arguments: [
        ("2026-05", MonthSpan(year: 2026, month: 5)), ("2026年5月", MonthSpan(year: 2026, month: 5)),
        ("2026-Q2", MonthSpan(year: 2026, month: 4, count: 3)), ("2026年第二季度", MonthSpan(year: 2026, month: 4, count: 3)),
        ("2026年第4季度", MonthSpan(year: 2026, month: 10, count: 3)), ("2026年上半年", MonthSpan(year: 2026, month: 1, count: 6)),
        ("2026-H2", MonthSpan(year: 2026, month: 7, count: 6)), ("2026", MonthSpan(year: 2026, month: 1, count: 12)),
        ("2026年", MonthSpan(year: 2026, month: 1, count: 12)),
    ])
    func coversParses(_ text: String, _ span: MonthSpan) {
        #expect(MonthSpan.parse(text) == span)
    }

    @Test func badCovers() {
        var site = Self.site("national")
        site[Self.notice] = Self.notice("tz", "所属期: 2026年13月")
        #expect(site.parse().diagnostics.map(\.code) == ["GK148"])
    }
}
