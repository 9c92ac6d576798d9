import Foundation
import GongkaiBuild
import GongkaiContent
import GongkaiCore
import Testing

/// The compliance overview and the notice page's 公示 block, on
/// Fixtures/catalogue: a town on `rules: province-5` with known gaps, built
/// with "today" fixed at 2026年7月20日.
///
/// 东村 monthly finances: 1月 on time, 2月 late (所属期 2026-02, published
/// 3月20日, deadline 3月15日), 3月 missing, 4月 and 5月 on time, 6月 missing.
/// 南村: six months on time (and a correction of March, which stays March's). 新区社区 (finances quarterly by its own
/// community.yml): Q1 on time, Q2 missing; 居务 (社区 only) Q1 and Q2 on time.
struct CatalogueBuildTests {
    static let today = CalendarDate(year: 2026, month: 7, day: 20)!

    func build(_ site: FixtureSite, overdue: Bool = false, output: Bool = true) -> SiteBuilder.Report {
        SiteBuilder(fs: LocalFileSystem(root: site.root.path), clock: FixedClock(Self.today))
            .run(.init(siteRoot: site.root.path, output: output ? site.output.path : nil, reportOverdue: overdue))
    }

    func page(_ site: FixtureSite, _ path: String) throws -> String {
        String(decoding: try Data(contentsOf: site.output.appendingPathComponent(path)), as: UTF8.self)
    }

    @Test func complianceOfEveryCommunityAndPeriod() throws {
        let site = try FixtureSite("catalogue")
        defer { site.remove() }
        let parsed = ContentParser.parse(SiteLoader(fs: LocalFileSystem(root: site.root.path)).load())
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(\.rendered))")
        let report = ComplianceReport.evaluate(try #require(parsed.content), today: Self.today)
        #expect(report.from.iso == "2026-01-01")
        func row(_ community: String, _ category: String) throws -> ComplianceReport.Row {
            try #require(report.rows.first { $0.community == community && $0.category == category })
        }
        let dong = try row("dongcun", "caiwu")
        #expect(dong.cadence == .monthly)
        #expect(dong.cells.map(\.period.label) == (1...6).map { "2026年\($0)月" })
        #expect(dong.cells.map(\.status) == [.onTime, .late(days: 5), .missing, .onTime, .onTime, .missing])
        #expect(dong.cells[1].notices.map(\.name) == ["caiwu-02"])
        #expect(dong.cells[3].notices.map(\.name) == ["caiwu-04"])
        let nan = try row("nancun", "caiwu")
        #expect(nan.cells.allSatisfy { $0.status == .onTime })
        // The correction of March counts for March, not for April.
        #expect(nan.cells[2].notices.map(\.name) == ["caiwu-03", "caiwu-03-gengzheng"])
        #expect(nan.cells[3].notices.map(\.name) == ["caiwu-04"])
        let xinqu = try row("xinqu", "caiwu")
        #expect(xinqu.cadence == .quarterly)
        #expect(xinqu.cells.map(\.status) == [.onTime, .missing])
        #expect(try row("xinqu", "juwu").cells.map(\.status) == [.onTime, .onTime])
        // 居务 applies to 社区 only; 重大事项 and 通知 have no calendar.
        #expect(report.rows.map { "\($0.community)/\($0.category)" } == ["dongcun/caiwu", "nancun/caiwu", "xinqu/caiwu", "xinqu/juwu"])
        // On the deadline day a period is pending, not missing.
        let early = ComplianceReport.evaluate(try #require(parsed.content), today: CalendarDate(year: 2026, month: 7, day: 15)!)
        #expect(early.rows.first { $0.community == "dongcun" }?.cells.last?.status == .pending)
    }

    @Test func overviewPagesShowWhoIsBehindAndCheckListsTheSameGaps() throws {
        let site = try FixtureSite("catalogue")
        defer { site.remove() }
        let report = build(site)
        #expect(report.succeeded, "\(report.diagnostics.map(\.rendered))")
        let home = try page(site, "index.html")
        #expect(home.contains("<a href=\"overview/index.html\">公开情况一览"))
        let overview = try page(site, "overview/index.html")
        #expect(overview.contains("<strong>共 3 期未公开，1 期逾期公开。</strong>"))
        #expect(overview.contains("<a href=\"../overview/dongcun/index.html#caiwu\">东村 · 财务公开</a>：2 期未公开（2026年3月、2026年6月）"))
        #expect(overview.contains("<a href=\"../overview/xinqu/index.html#caiwu\">新区社区 · 财务公开</a>：1 期未公开（2026年第二季度）"))
        #expect(overview.contains("<td class=\"state-missing\">按时 3，逾期 1，未公开 2</td>"))
        #expect(overview.contains("<td class=\"state-ok\">按时 6</td>"))
        #expect(overview.contains("<td class=\"state-na\">不适用</td>"))
        #expect(overview.contains("<time datetime=\"2026-07-20\">2026年7月20日</time>"))
        let dong = try page(site, "overview/dongcun/index.html")
        #expect(dong.contains("每月公开，6 期：按时 3，逾期 1，未公开 2。"))
        #expect(dong.contains("<li class=\"state-late\"><span class=\"period-label\">2月</span> <span class=\"period-status\">逾期 5 天</span> <span class=\"period-detail\"><a href=\"../../dongcun/2026/caiwu-02/index.html\">3月20日公开</a></span></li>"))
        #expect(dong.contains("<li class=\"state-missing\"><span class=\"period-label\">3月</span> <span class=\"period-status\">未公开</span> <span class=\"period-detail\">应在 4月15日 前公开</span></li>"))

        // `check --as-of`: the same gaps, one warning per community and category.
        let checked = build(site, overdue: true, output: false)
        let overdue = checked.diagnostics.filter { $0.code == "GK150" }
        #expect(overdue.map(\.file) == ["content/dongcun/community.yml", "content/xinqu/community.yml"])
        #expect(overdue.allSatisfy { $0.severity == .warning })
        #expect(overdue.first?.message == "东村的“财务公开”有 2 期到 2026年7月20日 还没有公开：2026年3月（应在 2026年4月15日前）、2026年6月（应在 2026年7月15日前）。")
        #expect(overdue.last?.message.contains("2026年第二季度") == true)
        // Without --as-of, build and check say nothing about it.
        #expect(!report.diagnostics.contains { $0.code == "GK150" })
    }

    @Test func noticePageStatesThePeriodObjectionDeadlineContactAndProcess() throws {
        let site = try FixtureSite("catalogue")
        defer { site.remove() }
        #expect(build(site).succeeded)
        let juece = try page(site, "nancun/2026/juece-daolu/index.html")
        // Plain text, right without script and in print.
        #expect(juece.contains("公示期：<time datetime=\"2026-07-10\">2026年7月10日</time>至<time datetime=\"2026-07-15\">7月15日</time>（5 天）；如有异议，请在 <time datetime=\"2026-07-15\" data-gongkai-fact=\"objection\">7月15日</time> 前（含当天）向<span data-gongkai-fact=\"supervision\">南村村务监督委员会</span>反映。"))
        #expect(juece.contains("data-from=\"2026-07-10\" data-to=\"2026-07-15\" data-objection=\"2026-07-15\" data-timezone=\"Asia/Shanghai\""))
        #expect(juece.contains("<p class=\"status-live\" data-status-live hidden></p>"))
        #expect(juece.contains("<script src=\"../../../assets/status."))
        #expect(juece.contains("<h2 id=\"h-process\">四议两公开程序</h2>"))
        #expect(juece.contains("<li><p class=\"timeline-stage\">村民代表会议决议</p><p><time datetime=\"2026-07-08\">2026年7月8日</time>：同意 25 票，反对 2 票，弃权 1 票</p></li>"))
        // The contact from community.yml `supervision:`.
        let dong = try page(site, "dongcun/2026/caiwu-01/index.html")
        #expect(dong.contains("向<span data-gongkai-fact=\"supervision\">东村村务监督委员会</span>反映，联系人：<span data-gongkai-fact=\"contact\">主任 张三</span>。</p>\n"
                              + "<p>电话：<span data-gongkai-fact=\"phone\">0531-1000 0002</span></p>\n<p>地址：<span data-gongkai-fact=\"address\">东村村委会西屋</span></p>"))
        // A notice without a period and without an objection window has no block.
        let notice = try page(site, "dongcun/2026/tingdian/index.html")
        #expect(!notice.contains("notice-status"))
        #expect(!notice.contains("assets/status."))  // only the 大字模式 script (site.js) of every page
    }

    @Test func theOverviewDependsOnTheDayAndTheCacheKnowsIt() throws {
        let site = try FixtureSite("catalogue")
        defer { site.remove() }
        #expect(build(site).succeeded)
        #expect(build(site).upToDate)
        let later = SiteBuilder(fs: LocalFileSystem(root: site.root.path), clock: FixedClock(CalendarDate(year: 2026, month: 8, day: 20)!))
            .run(.init(siteRoot: site.root.path, output: site.output.path))
        #expect(!later.upToDate)
        #expect(try page(site, "overview/index.html").contains("2026年8月20日"))
    }

    /// Every preset asks for monthly finances and quarterly general matters,
    /// so the same gaps show under each; GK150 lists exactly the overview's
    /// missing periods.
    @Test(arguments: ["national", "province-5", "province-10"])
    func theSameGapsUnderEveryPresetAndInCheck(_ preset: String) throws {
        let site = try FixtureSite("catalogue")
        defer { site.remove() }
        let yml = site.root.appendingPathComponent("content/site.yml")
        try site.write("content/site.yml", try String(contentsOf: yml, encoding: .utf8)
            .replacingOccurrences(of: "rules: province-5", with: "rules: \(preset)"))
        let parsed = ContentParser.parse(SiteLoader(fs: LocalFileSystem(root: site.root.path)).load())
        let content = try #require(parsed.content)
        let report = ComplianceReport.evaluate(content, today: Self.today)
        #expect(report.rows.first { $0.community == "dongcun" }?.cells.map(\.status)
                == [.onTime, .late(days: 5), .missing, .onTime, .onTime, .missing])
        #expect(report.rows.first { $0.community == "xinqu" && $0.category == "juwu" }?.cells.map(\.status) == [.onTime, .onTime])
        let missing = report.rows.flatMap { row in row.cells.filter { $0.status == .missing }.map { "\(row.community):\($0.period.label)" } }
        #expect(missing == ["dongcun:2026年3月", "dongcun:2026年6月", "xinqu:2026年第二季度"])
        let listed = Overdue.diagnostics(report, content: content).flatMap { d in
            missing.filter { d.file.contains("/\($0.split(separator: ":")[0])/") && d.message.contains(String($0.split(separator: ":")[1]) + "（") }
        }
        #expect(listed == missing)
        // The presets differ in what they ask of each notice: 10 days under province-10.
        #expect(parsed.diagnostics.contains { $0.code == "GK104" } == (preset == "province-10"))
    }
}
