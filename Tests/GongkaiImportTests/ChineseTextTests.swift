import GongkaiCore
import GongkaiMarkdown
@testable import GongkaiImport
import Testing

struct ChineseTextTests {
    @Test(arguments: [
        ("\u{3000}\u{3000}现将我村收支公开如下。  ", "现将我村收支公开如下。"),
        ("马 庄 村 村 民 委 员 会", "马庄村村民委员会"),
        ("姓\u{3000}\u{3000}名", "姓名"),
        ("第一条\u{3000}为推进村民自治", "第一条\u{3000}为推进村民自治"),
        ("张三  李四\t王五", "张三 李四 王五"),
        ("联系电话：138 0013 8000", "联系电话：138 0013 8000"),
        ("合计\u{00A0}\u{00A0}12,000.00", "合计 12,000.00"),
        ("", ""),
    ])
    func spacingIsCleaned(raw: String, clean: String) {
        #expect(ChineseText.clean(raw) == clean)
    }

    @Test(arguments: [
        ("2026年11月6日", "2026-11-06"), ("二〇二六年十一月六日", "2026-11-06"), ("二○二六年十二月三十一日", "2026-12-31"),
        ("２０２６年１月９日", "2026-01-09"), ("2026 年 3 月 15 日", "2026-03-15"), ("2026.11.6", "2026-11-06"),
        ("2026-02-28", "2026-02-28"), ("日期：2026年11月6日", "2026-11-06"), ("（2026年10月8日）", "2026-10-08"),
        ("2026年11月6日（盖章）", "2026-11-06"), ("二〇二六年十月二十日", "2026-10-20"),
    ])
    func datesAsWritten(text: String, iso: String) {
        #expect(ChineseText.onlyDate(text)?.iso == iso)
    }

    @Test func notOnlyADate() {
        #expect(ChineseText.onlyDate("2026年2月30日") == nil)
        #expect(ChineseText.onlyDate("2026年11月6日召开村民代表会议") == nil)
        #expect(ChineseText.dates(in: "自2026年11月6日至2026年11月11日").map(\.date.iso) == ["2026-11-06", "2026-11-11"])
    }

    @Test(arguments: [
        ("马庄村〔2026〕12号", "马庄村〔2026〕12号"), ("马庄村委[2026]12号", "马庄村委〔2026〕12号"),
        ("马庄村委【2026】第3号", "马庄村委〔2026〕第3号"), ("青政发（2026）５号", "青政发〔2026〕5号"),
        ("  马庄村〔 2026 〕 18 号  ", "马庄村〔2026〕18号"),
    ])
    func numbers(text: String, number: String) {
        #expect(ChineseText.onlyNumber(text) == number)
    }

    @Test func aSentenceCitingANumberIsNotTheNoticesNumber() {
        #expect(ChineseText.onlyNumber("根据青政发〔2026〕5号文件精神") == nil)
        #expect(ChineseText.onlyNumber("马庄村〔2026〕") == nil)
    }

    @Test(arguments: [("七", 7), ("十", 10), ("十一", 11), ("二十", 20), ("二十六", 26), ("三十一", 31), ("12", 12)])
    func smallNumbers(text: String, value: Int) {
        #expect(ChineseText.smallNumber(Substring(text)) == value)
    }
}

struct MarkdownTextTests {
    static func styled(_ pieces: [(String, Bool, Bool)]) -> StyledText {
        var s = StyledText()
        for (text, bold, italic) in pieces { s.append(text, StyledText.Style(bold: bold, italic: italic)) }
        return s
    }

    @Test func emphasisStaysOutsidePunctuationSoCommonMarkCloses() {
        #expect(Self.styled([("合计：", true, false), ("100元", false, false)]).markdown() == "**合计**：100元")
        #expect(Self.styled([("（一）", true, false), ("说明", true, false)]).markdown() == "**（一）说明**")
        #expect(Self.styled([("甲", false, false), ("“乙”", true, false), ("丙", false, false)]).markdown() == "甲“**乙**”丙")
    }

    /// Whatever the runs, cmark shows the bold as bold and never a stray `*`.
    @Test(arguments: [
        [("见", false), ("（附件）", true), ("。", false)], [("合计：", true), ("100", false)], [("一、", true), ("基本情况", true)],
        [("金额", false), ("12,000.00", true), ("元", false)], [("“", false), ("重要", true), ("”", false)],
        [("A", true), ("组", false), ("3", true)], [(" 首尾空格 ", true)], [("括号（", true), ("内", false), ("）", true)],
    ])
    func boldRendersAsBold(_ runs: [(String, Bool)]) {
        var s = StyledText()
        for (text, bold) in runs { s.append(text, StyledText.Style(bold: bold)) }
        let html = MarkdownRenderer.render(s.cleaned().markdown()).html
        #expect(!html.contains("*"), "\(html)")
        #expect(html.contains("<strong>"), "\(html)")
        #expect(Self.styled([("本月", false, false), ("收入", true, false), ("合计。", false, false)]).markdown() == "本月**收入**合计。")
        #expect(Self.styled([("。", true, false)]).markdown() == "。")
        #expect(Self.styled([("甲", true, false), ("乙", true, true), ("丙", false, false)]).markdown() == "**甲****乙**丙")
        #expect(Self.styled([("注意", false, true)]).markdown() == "*注意*")
    }

    @Test func markupInTheTextIsEscaped() {
        #expect(StyledText.escape("1. 不是列表", atLineStart: true, inTable: false) == "1\\. 不是列表")
        #expect(StyledText.escape("# 不是标题", atLineStart: true, inTable: false) == "\\# 不是标题")
        #expect(StyledText.escape("- 不是项目", atLineStart: true, inTable: false) == "\\- 不是项目")
        #expect(StyledText.escape("张*明 <b>|[x]", atLineStart: false, inTable: true) == "张\\*明 \\<b\\>\\|\\[x\\]")
        #expect(StyledText.escape("2026.11", atLineStart: true, inTable: false) == "2026\\.11")
    }
}
