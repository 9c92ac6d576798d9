import GongkaiContent
import GongkaiCore
import Testing

/// `revisions:` (修订) and `withdrawn:` (撤回) front matter (docs/content-format.md).
@Suite struct NoticeRecordTests {
    let path = "content/xinhua/2024/wuye.md"

    func notice(_ extra: String, body: String = "物业服务费收支情况如下。") -> (Notice?, [Diagnostic]) {
        var site = SiteFixture()
        site[path] = "---\n标题: 新华社区物业服务费收支公示\n日期: 2024-10-08\n类别: 居务公开\n\(extra)\n---\n\(body)\n"
        let result = site.parse()
        return (result.content?.notices.first { $0.sourcePath == path }, result.diagnostics.filter { $0.file == path })
    }

    @Test func revisionsInEitherSpelling() {
        let (english, d1) = notice("revisions:\n  - {date: 2024-10-10, what: 补充明细, why: 业主询问}")
        #expect(d1.isEmpty)
        #expect(english?.revisions == [Revision(date: CalendarDate(year: 2024, month: 10, day: 10)!, what: "补充明细", why: "业主询问")])
        let (chinese, d2) = notice("修订:\n  - 日期: 2024-10-10\n    内容: 补充明细\n    原因: 业主询问\n  - {日期: 2024-10-12, 内容: 改错字, 原因: 笔误}")
        #expect(d2.isEmpty)
        #expect(chinese?.revisions.map(\.what) == ["补充明细", "改错字"])
    }

    @Test func incompleteOrEarlyRevisionIsAnError() {
        let (_, missing) = notice("修订:\n  - {日期: 2024-10-10, 内容: 补充明细}")
        #expect(missing.map(\.code) == ["GK160"])
        #expect(missing.first?.message.contains("原因") == true)
        #expect(missing.first.map { "\($0.line):\($0.column)" } == "6:5")
        let (_, early) = notice("修订:\n  - {日期: 2024-10-01, 内容: 补充明细, 原因: 询问}")
        #expect(early.map(\.code) == ["GK160"])
        #expect(early.first?.message.contains("早于公告发布日期") == true)
        let (_, shape) = notice("修订: 改了一个字")
        #expect(shape.map(\.code) == ["GK160"])
    }

    @Test func withdrawalDropsTheBodyEverywhere() {
        let (n, d) = notice("撤回: {日期: 2024-10-20, 原因: 名单有误}", body: "张三 李四 的家庭住址")
        #expect(d.isEmpty)
        #expect(n?.withdrawal == Withdrawal(date: CalendarDate(year: 2024, month: 10, day: 20)!, reason: "名单有误"))
        #expect(n?.body.html == "" && n?.body.text == "")
        #expect(n?.summary == "本公告已于2024年10月20日撤回。原因：名单有误")
    }

    @Test func incompleteWithdrawalIsAnError() {
        #expect(notice("撤回: {日期: 2024-10-20}").1.map(\.code) == ["GK161"])
        #expect(notice("withdrawn: 2024-10-20").1.map(\.code) == ["GK161"])
        #expect(notice("撤回: {日期: 2024-10-01, 原因: 有误}").1.map(\.code) == ["GK161"])
    }

    @Test func canonicalTextNormalisesLineEndingsAndDropsTheBodyWhenWithdrawn() {
        let source = Array("\u{FEFF}---\r\ntitle: 通知\r\n撤回: {date: 2024-10-20, reason: 有误}\r\n---\r\n正文\r\n".utf8)
        #expect(String(decoding: NoticeText.canonical(source, withdrawn: false), as: UTF8.self)
                == "---\ntitle: 通知\n撤回: {date: 2024-10-20, reason: 有误}\n---\n正文\n")
        #expect(String(decoding: NoticeText.canonical(source, withdrawn: true), as: UTF8.self)
                == "---\ntitle: 通知\n撤回: {date: 2024-10-20, reason: 有误}\n---\n")
    }
}
