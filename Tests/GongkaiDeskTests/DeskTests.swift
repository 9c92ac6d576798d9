import Foundation
import GongkaiContent
import GongkaiCore
import Testing
@testable import GongkaiDesk

/// The desk's core without HTTP: validation, limits, the store, states.
/// (The HTTP side, the browser forms and kill -9 are in Tests/Browser/desk_test.py.)
enum Fixture {
    /// 2026-12-08 12:00 in Shanghai.
    static let noon = Date(timeIntervalSince1970: 1_796_702_400)
    static let today = CalendarDate(year: 2026, month: 12, day: 8)!

    static var site: SiteCatalog.Snapshot {
        var s = SiteCatalog.Snapshot()
        s.loaded = true
        s.title = "青山镇村（居）务公开"
        s.town = "青山镇"
        s.baseURL = "https://gk.qingshan.gov.cn/"
        s.communities = [
            "mazhuang": .init(name: "马庄村", url: "mazhuang/", suggestionDays: 15),
            "xinhua": .init(name: "新华社区", url: "xinhua/", suggestionDays: 15),
        ]
        func day(_ d: Int) -> CalendarDate { today.adding(days: d) }
        s.notices = [
            "mazhuang/2026/dibao-12": .init(community: "mazhuang", title: "马庄村新增低保对象公示", url: "mazhuang/2026/dibao-12/",
                                            window: (day(-2), day(5)), answerDays: 10, withdrawn: false),
            "mazhuang/2026/old": .init(community: "mazhuang", title: "旧公示", url: "mazhuang/2026/old/",
                                       window: (day(-20), day(-1)), answerDays: 10, withdrawn: false),
            "mazhuang/2026/future": .init(community: "mazhuang", title: "下周公示", url: "mazhuang/2026/future/",
                                          window: (day(3), day(10)), answerDays: 10, withdrawn: false),
            "mazhuang/2026/plain": .init(community: "mazhuang", title: "通知", url: "mazhuang/2026/plain/",
                                         window: nil, answerDays: 10, withdrawn: false),
            "mazhuang/2026/gone": .init(community: "mazhuang", title: "撤回的", url: "mazhuang/2026/gone/",
                                        window: (day(-2), day(5)), answerDays: 10, withdrawn: true),
        ]
        return s
    }

    static func form(_ fields: [String: String]) -> [UInt8] {
        var allowed = CharacterSet.alphanumerics
        allowed.remove(charactersIn: "+&=")
        return Array(fields.sorted { $0.key < $1.key }.map { k, v in
            k + "=" + (v.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        }.joined(separator: "&").utf8)
    }

    static let objection = [
        "notice": "mazhuang/2026/dibao-12", "text": "第二户家里有两辆小汽车，不符合低保条件。", "phone": "138 0013 8000",
        "name": "", "website": "",
    ]

    static func store() async throws -> (SQLiteDeskStore, String) {
        let dir = NSTemporaryDirectory() + "gongkai-desk-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return (try await SQLiteDeskStore.open(path: dir + "/desk.db"), dir)
    }

    /// Closes the store and removes its folder.
    static func finish(_ store: SQLiteDeskStore) async throws {
        try await store.close()
        try? FileManager.default.removeItem(atPath: (store.path as NSString).deletingLastPathComponent)
    }

    /// A service over a real store and a catalog fixed to `site`.
    static func service(_ settings: DeskService.Settings = .init()) async throws -> (DeskService, SQLiteDeskStore) {
        let (store, dir) = try await store()
        let catalog = SiteCatalog(output: dir + "/no-site")
        catalog.replace(site)
        return (DeskService(store: store, catalog: catalog, settings: settings, clock: FixedClock(noon)), store)
    }
}

@Suite struct DeskValidationTests {
    func check(_ kind: CaseKind = .objection, _ change: (inout [String: String]) -> Void) -> DeskError? {
        var fields = kind == .objection ? Fixture.objection
            : ["community": "xinhua", "text": "建议在小区东门加装路灯，晚上太黑了。", "phone": "13800138000"]
        change(&fields)
        if case .failure(let e) = SubmissionForm(fields: fields).validate(kind, site: Fixture.site, today: Fixture.today) {
            return e
        }
        return nil
    }

    @Test func aGoodObjectionAndSuggestionPass() {
        #expect(check { _ in } == nil)
        #expect(check(.suggestion) { _ in } == nil)
    }

    @Test(arguments: [
        ("text", "", "GK320"), ("text", "太短了", "GK321"), ("text", String(repeating: "长", count: 1001), "GK321"),
        ("phone", "", "GK325"), ("phone", "12345", "GK325"), ("phone", "138001380001", "GK325"), ("phone", "电话", "GK325"),
        ("name", String(repeating: "名", count: 21), "GK320"), ("website", "http://spam.example", "GK326"),
        ("notice", "", "GK320"), ("notice", "mazhuang/2026/nosuch", "GK323"), ("notice", "mazhuang/2026/old", "GK324"),
        ("notice", "mazhuang/2026/future", "GK324"), ("notice", "mazhuang/2026/plain", "GK324"),
        ("notice", "mazhuang/2026/gone", "GK324"),
    ])
    func badObjectionFields(field: String, value: String, code: String) {
        let e = check { $0[field] = value }
        #expect(e?.code == code)
        #expect((400..<500).contains(e?.status ?? 0))
        #expect(e?.message.isEmpty == false)
    }

    @Test func suggestionNeedsAKnownCommunity() {
        #expect(check(.suggestion) { $0["community"] = nil }?.code == "GK320")
        #expect(check(.suggestion) { $0["community"] = "nosuch" }?.code == "GK323")
    }

    @Test func exactlyTenAndAThousandCharactersPass() {
        #expect(check { $0["text"] = String(repeating: "字", count: 10) } == nil)
        #expect(check { $0["text"] = String(repeating: "字", count: 1000) } == nil)
        // Control characters do not count and are not stored.
        #expect(check { $0["text"] = String(repeating: "字", count: 9) + "\u{0}\u{7}" }?.code == "GK321")
    }

    @Test func wordsAreMaskedAndPhonesKeptApart() throws {
        var fields = Fixture.objection
        // A valid ID (GB 11643 check digit) and a mobile in the words.
        fields["text"] = "张某身份证号11010519491231002X，电话13912345678，家里有车。"
        let s = try SubmissionForm(fields: fields).validate(.objection, site: Fixture.site, today: Fixture.today).get()
        #expect(s.words == "张某身份证号110105********002X，电话139****5678，家里有车。")
        #expect(s.phone == "13800138000")
        #expect(s.deadline == Fixture.today.adding(days: 10))
    }

    @Test func phonesInTheFormsPeopleWriteThem() {
        #expect(SubmissionForm.phone("+86 138-0013-8000") == "13800138000")
        #expect(SubmissionForm.phone("１３８００１３８０００") == "13800138000")
        #expect(SubmissionForm.phone("0531-8765 4321") == "053187654321")
        #expect(SubmissionForm.phone("(0531)87654321") == "053187654321")
        #expect(SubmissionForm.phone("12800138000") == nil)
    }

    @Test func formBodiesAreDecodedStrictly() {
        #expect(SubmissionForm.parse(Array("a=%E9%A9%AC+%E5%BA%84&b=".utf8))?.fields == ["a": "马 庄", "b": ""])
        #expect(SubmissionForm.parse(Array("a=%ZZ".utf8)) == nil)
        #expect(SubmissionForm.parse(Array("a=1&a=2".utf8)) == nil)
        #expect(SubmissionForm.parse([0xFF, 0x3D]) == nil)
    }

    @Test func trackingCodesAreReadAsTyped() {
        #expect(TrackingCode.normalise("k7qm 3xpa") == "K7QM-3XPA")
        #expect(TrackingCode.normalise("K7QM-3XPO") == "K7QM-3XP0")
        #expect(TrackingCode.normalise("K7QM") == nil)
        #expect(TrackingCode.normalise("<script>") == nil)
        let code = TrackingCode.make()
        #expect(TrackingCode.normalise(code) == code)
    }
}

@Suite struct DeskServiceTests {
    @Test func aSubmissionIsStoredAndItsStatusFollowsTheCase() async throws {
        let (service, store) = try await Fixture.service()
        let receipt = try await service.submit(.objection, body: Fixture.form(Fixture.objection), origin: "https://gk.qingshan.gov.cn",
                                               host: "gk.qingshan.gov.cn", client: "1.2.3.4").get()
        #expect(receipt.number == "2026-0001")
        #expect(receipt.deadline == CalendarDate(year: 2026, month: 12, day: 18))
        var status = try await service.status(code: receipt.code).get()
        #expect(status.state == .received)
        #expect(status.stored.phone == nil)
        let open = try await store.openCases(reader: "测试", now: 0)
        #expect(open.map(\.phone) == ["13800138000"])
        try await store.markTaken([receipt.number], reader: "测试", now: 0)
        status = try await service.status(code: receipt.code).get()
        #expect(status.state == .handling)
        let log = try await store.readLog(limit: 10)
        #expect(log.count == 2)
        #expect(log.allSatisfy { $0.who == "测试" })

        // Not answered: no rating.
        let early = await service.rate(body: Fixture.form(["code": receipt.code, "rating": "满意"]), origin: nil, host: nil)
        #expect(early.failure?.code == "GK331")

        // The rebuilt site publishes the answer.
        var site = Fixture.site
        site.answers["2026-0001"] = .init(url: "mazhuang/replies/2026-0001/", answered: Fixture.today, outcome: "异议不成立")
        service.catalog.replace(site)
        status = try await service.status(code: receipt.code).get()
        #expect(status.state == .answered)
        #expect(status.answerURL == "https://gk.qingshan.gov.cn/mazhuang/replies/2026-0001/")
        #expect(status.canRate)
        #expect(await service.rate(body: Fixture.form(["code": receipt.code, "rating": "很好"]), origin: nil, host: nil).failure?.code == "GK320")
        #expect(await service.rate(body: Fixture.form(["code": receipt.code, "rating": "满意"]), origin: nil, host: nil).success == receipt.code)
        #expect(await service.rate(body: Fixture.form(["code": receipt.code, "rating": "不满意"]), origin: nil, host: nil).failure?.code == "GK331")
        #expect(try await service.status(code: receipt.code).get().stored.rating == "满意")

        // Closing starts the clock for the phone number; past it, it is gone.
        try await store.close(site.answers, now: 1000, keepContactSeconds: 180 * 86400)
        #expect(try await store.purgeContacts(now: 1000 + 179 * 86400) == 0)
        #expect(try await store.purgeContacts(now: 1000 + 180 * 86400) == 1)
        #expect(try await store.openCases(reader: "测试", now: 0).isEmpty)
        try await Fixture.finish(store)
    }

    @Test func refusedSubmissionsStoreNothing() async throws {
        let (service, store) = try await Fixture.service()
        var bad = Fixture.objection
        bad["text"] = "短"
        let e = await service.submit(.objection, body: Fixture.form(bad), origin: nil, host: nil, client: "c").failure
        #expect(e?.code == "GK321")
        let foreign = await service.submit(.objection, body: Fixture.form(Fixture.objection), origin: "https://evil.example",
                                           host: "gk.qingshan.gov.cn", client: "c").failure
        #expect(foreign?.status == 403)
        let big = await service.submit(.objection, body: Array(repeating: 0x61, count: 16 * 1024 + 1), origin: nil, host: nil,
                                       client: "c").failure
        #expect(big?.status == 413)
        let garbage = await service.submit(.objection, body: [0xFF, 0xFE], origin: nil, host: nil, client: "c").failure
        #expect(garbage?.code == "GK320")
        #expect(try await store.openCases(reader: "测试", now: 0).isEmpty)
        try await Fixture.finish(store)
    }

    @Test func originsTheDeskAccepts() async throws {
        let (service, store) = try await Fixture.service(.init(allowedOrigins: ["https://www.qingshan.gov.cn"]))
        let site = Fixture.site
        #expect(service.originAllowed(nil, host: nil, site: site))
        #expect(service.originAllowed("https://gk.qingshan.gov.cn", host: "desk.example", site: site))
        #expect(service.originAllowed("https://www.qingshan.gov.cn", host: nil, site: site))
        #expect(service.originAllowed("https://desk.example", host: "desk.example", site: site))
        #expect(!service.originAllowed("https://evil.example", host: "desk.example", site: site))
        #expect(!service.originAllowed("null", host: "desk.example", site: site))
        #expect(!service.originAllowed("https://gk.qingshan.gov.cn.evil.example", host: "desk.example", site: site))
        try await Fixture.finish(store)
    }

    @Test func clientLimits() async throws {
        let (service, store) = try await Fixture.service(.init(clientLimits: .init(perHour: 2, perDay: 3), phoneLimits: .off))
        var codes: [String] = []
        for i in 0..<3 {
            var f = ["community": "xinhua", "text": "第 \(i) 条建议：小区东门加装路灯。", "phone": "1380013800\(i)"]
            f["website"] = ""
            let r = await service.submit(.suggestion, body: Fixture.form(f), origin: nil, host: nil, client: "1.2.3.4")
            if case .success(let receipt) = r { codes.append(receipt.code) } else {
                #expect(r.failure?.status == 429)
                #expect(r.failure?.code == "GK328")
            }
        }
        #expect(codes.count == 2)
        // Another client is not affected; a refused (bad) submission does not use up the allowance.
        let other = await service.submit(.suggestion, body: Fixture.form(["community": "nosuch", "text": "小区东门加装路灯的建议。", "phone": "13800138000"]),
                                         origin: nil, host: nil, client: "5.6.7.8")
        #expect(other.failure?.code == "GK323")
        let ok = await service.submit(.suggestion, body: Fixture.form(["community": "xinhua", "text": "小区东门加装路灯的建议。", "phone": "13800138000"]),
                                      origin: nil, host: nil, client: "5.6.7.8")
        #expect(ok.success != nil)
        #expect(try await store.openCases(reader: "t", now: 0).count == 3)
        try await Fixture.finish(store)
    }

    @Test func slidingWindows() {
        let limiter = RateLimiter(.init(perHour: 5, perDay: 20))
        var t = 0.0
        for _ in 0..<5 { #expect(limiter.admit("a", now: t)); t += 60 }
        #expect(!limiter.admit("a", now: t))
        t += 3600
        for _ in 0..<5 { #expect(limiter.admit("a", now: t)); t += 1 }
        #expect(!limiter.admit("a", now: t))
        t += 3600
        for _ in 0..<5 { #expect(limiter.admit("a", now: t)); t += 1 }
        t += 3600
        for _ in 0..<5 { #expect(limiter.admit("a", now: t)); t += 1 }
        t += 3600
        // 20 in the last day.
        #expect(!limiter.admit("a", now: t))
        #expect(limiter.admit("a", now: t + 86400))
    }

    @Test func phoneLimits() async throws {
        let (service, store) = try await Fixture.service(.init(clientLimits: .off, phoneLimits: .init(perDay: 3, openPerNotice: 1)))
        // One open objection per phone per notice.
        #expect(await service.submit(.objection, body: Fixture.form(Fixture.objection), origin: nil, host: nil, client: "a").success != nil)
        let again = await service.submit(.objection, body: Fixture.form(Fixture.objection), origin: nil, host: nil, client: "a").failure
        #expect(again?.code == "GK329")
        #expect(again?.status == 429)
        // Three a day per phone, whatever the kind.
        for i in 0..<3 {
            let f = ["community": "xinhua", "text": "第 \(i) 条建议：小区东门加装路灯。", "phone": "13800138000"]
            let r = await service.submit(.suggestion, body: Fixture.form(f), origin: nil, host: nil, client: "b\(i)")
            if i < 2 { #expect(r.success != nil) } else { #expect(r.failure?.code == "GK328") }
        }
        #expect(try await store.openCases(reader: "t", now: 0).count == 3)
        try await Fixture.finish(store)
    }

    @Test func statesAndOverdue() {
        let c = StoredCase(number: "2026-0003", code: "AAAA-BBBB", kind: .suggestion, community: "xinhua", notice: nil,
                           words: "建议", received: Fixture.today, deadline: Fixture.today.adding(days: 15))
        let site = Fixture.site
        #expect(DeskService.status(of: c, site: site, today: Fixture.today.adding(days: 15)).state == .received)
        #expect(DeskService.status(of: c, site: site, today: Fixture.today.adding(days: 16)).state == .overdue)
        var answered = site
        answered.answers["2026-0003"] = .init(url: "xinhua/replies/2026-0003/", answered: Fixture.today.adding(days: 20), outcome: "采纳")
        let late = DeskService.status(of: c, site: answered, today: Fixture.today.adding(days: 27))
        #expect(late.state == .answered)
        #expect(late.canRate)
        #expect(!DeskService.status(of: c, site: answered, today: Fixture.today.adding(days: 28)).canRate)
        let page = DeskPages.status(DeskService.status(of: c, site: site, today: Fixture.today.adding(days: 16)), site: site, rated: false)
        #expect(page.contains("青山镇人民政府"))
        #expect(page.contains("20 日内"))
    }

    @Test func pagesEscapeWhatResidentsWrite() {
        var c = StoredCase(number: "2026-0004", code: "AAAA-BBBB", kind: .suggestion, community: "xinhua", notice: nil,
                           words: "<script>alert(1)</script>\n\"引号\" & 'x'", received: Fixture.today, deadline: Fixture.today)
        c.rating = nil
        let page = DeskPages.status(DeskService.status(of: c, site: Fixture.site, today: Fixture.today), site: Fixture.site, rated: false)
        #expect(!page.contains("<script>"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(page.contains("&quot;引号&quot; &amp; &#39;x&#39;"))
        #expect(DeskPages.contentSecurityPolicy(site: Fixture.site).hasPrefix("default-src 'none'"))
    }
}

@Suite struct DeskStoreTests {
    @Test func survivesReopeningAndBacksUpWhileOpen() async throws {
        let (store, dir) = try await Fixture.store()
        let s = try SubmissionForm(fields: Fixture.objection).validate(.objection, site: Fixture.site, today: Fixture.today).get()
        let receipts = try await withThrowingTaskGroup(of: Receipt.self) { group in
            for _ in 0..<50 { group.addTask { try await store.submit(s, limits: .off, now: 1) } }
            var all: [Receipt] = []
            for try await r in group { all.append(r) }
            return all
        }
        #expect(Set(receipts.map(\.number)).count == 50)
        #expect(Set(receipts.map(\.code)).count == 50)
        try await store.backup(to: dir + "/copy.db")
        try await store.close()
        let copy = try await SQLiteDeskStore.open(path: dir + "/copy.db")
        #expect(try await copy.openCases(reader: "t", now: 0).count == 50)
        try await copy.close()
        let again = try await SQLiteDeskStore.open(path: dir + "/desk.db")
        for r in receipts { #expect(try await again.find(code: r.code)?.number == r.number) }
        let next = try await again.submit(s, limits: .off, now: 2)
        #expect(next.number == "2026-0051")
        let attributes = try FileManager.default.attributesOfItem(atPath: dir + "/desk.db")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        try await again.close()
        try? FileManager.default.removeItem(atPath: dir)
    }

    @Test func tokens() async throws {
        let (store, _) = try await Fixture.store()
        let token = try await store.issueToken(name: "镇政府办公室", now: 0)
        #expect(try await store.checkToken(token) == "镇政府办公室")
        #expect(try await store.checkToken(token + "x") == nil)
        #expect(try await store.checkToken("") == nil)
        try await Fixture.finish(store)
    }
}

@Suite struct AnswerFileTests {
    /// What `gongkai inbox` writes, filled in by a clerk, is what the build reads.
    @Test func theBuildReadsWhatInboxWrites() throws {
        let c = StoredCase(number: "2026-0007", code: "AAAA-BBBB", kind: .objection, community: "mazhuang",
                           notice: "mazhuang/2026/dibao-12", words: "第二户家里有车。\n\n第三户已外出务工。",
                           received: CalendarDate(year: 2026, month: 12, day: 8)!, deadline: CalendarDate(year: 2026, month: 12, day: 18)!,
                           phone: "13800138000", name: "李四")
        let open = AnswerFile.text(c, noticeTitle: "马庄村新增低保对象公示")
        #expect(!open.contains("13800138000"))
        #expect(!open.contains("李四"))
        var files = [
            "content/site.yml": "title: 青山镇\ncategories:\n  - {slug: dibao, name: 低保与救助}\n",
            "content/mazhuang/community.yml": "name: 马庄村\nkind: 村\n",
            "content/mazhuang/2026/dibao-12.md": "---\ntitle: 马庄村新增低保对象公示\ndate: 2026-12-06\ncategory: dibao\nperiod: {from: 2026-12-06, to: 2026-12-13}\n---\n名单如下。\n",
            "content/mazhuang/replies/2026-0007.md": open,
        ]
        var parsed = ContentParser.parse(SiteLoader(fs: InMemoryFileSystem(files: files)).load())
        #expect(parsed.diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(parsed.content?.replies.first?.isAnswered == false)
        #expect(parsed.content?.replies.first?.words == "第二户家里有车。\n\n第三户已外出务工。")

        // A refusal without a reason is GK303.
        var answered = open.replacingOccurrences(of: "结果:        #", with: "结果: 异议不成立 #")
            .replacingOccurrences(of: "答复日期:    #", with: "答复日期: 2026-12-10 #")
        answered += "经入户核实，车辆登记在已分户的儿子名下。\n"
        files["content/mazhuang/replies/2026-0007.md"] = answered
        parsed = ContentParser.parse(SiteLoader(fs: InMemoryFileSystem(files: files)).load())
        #expect(parsed.diagnostics.map(\.code).contains("GK303"))

        answered = answered.replacingOccurrences(of: "理由:        #", with: "理由: 车辆不在本户名下 #")
        files["content/mazhuang/replies/2026-0007.md"] = answered
        parsed = ContentParser.parse(SiteLoader(fs: InMemoryFileSystem(files: files)).load())
        #expect(parsed.diagnostics.filter { $0.severity == .error }.isEmpty)
        let reply = try #require(parsed.content?.replies.first)
        #expect(reply.isAnswered)
        #expect(reply.outcome == .rejected)
        #expect(reply.deadline == CalendarDate(year: 2026, month: 12, day: 18))

        // An outcome of the other kind, a phone number in the answer, an unknown notice.
        for (change, code) in [
            (answered.replacingOccurrences(of: "异议不成立", with: "采纳"), "GK302"),
            (answered + "联系电话 13912345678。\n", "GK173"),
            (answered.replacingOccurrences(of: "dibao-12\"", with: "nosuch\""), "GK305"),
            (answered.replacingOccurrences(of: "编号: 2026-0007", with: "编号: 2026-0008"), "GK301"),
            (answered.replacingOccurrences(of: "答复日期: 2026-12-10", with: "答复日期: 2026-12-01"), "GK304"),
        ] {
            files["content/mazhuang/replies/2026-0007.md"] = change
            let problems = ContentParser.parse(SiteLoader(fs: InMemoryFileSystem(files: files)).load()).diagnostics.map(\.code)
            #expect(problems.contains(code), "\(code): \(problems)")
        }

        // The catalogue asks for the 村务监督委员会's review (as for the notice's category): GK306 until it is written.
        files["content/site.yml"] = "title: 青山镇\nrules: province-5\ncategories:\n  - {slug: dibao, name: 低保与救助, type: welfare, min_display_days: 7}\n"
        files["content/mazhuang/2026/dibao-12.md"] = files["content/mazhuang/2026/dibao-12.md"]!
            .replacingOccurrences(of: "category: dibao\n", with: "category: dibao\nreviewed: {by: 马庄村村务监督委员会, date: 2026-12-05}\n")
        files["content/mazhuang/replies/2026-0007.md"] = answered
        var problems = ContentParser.parse(SiteLoader(fs: InMemoryFileSystem(files: files)).load()).diagnostics.map(\.code)
        #expect(problems.contains("GK306"), "\(problems)")
        files["content/mazhuang/replies/2026-0007.md"] = answered.replacingOccurrences(of: "理由:", with: "审核: {by: 马庄村村务监督委员会, date: 2026-12-10}\n理由:")
        problems = ContentParser.parse(SiteLoader(fs: InMemoryFileSystem(files: files)).load()).diagnostics.map(\.code)
        #expect(!problems.contains("GK306"), "\(problems)")
    }
}

extension Result {
    var failure: Failure? { if case .failure(let e) = self { return e } else { return nil } }
    var success: Success? { if case .success(let s) = self { return s } else { return nil } }
}
