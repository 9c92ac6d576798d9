import Testing
@testable import GongkaiMarkdown

struct PipeTableTests {
    let finance = """
    | 日期 | 摘要 | 收入(元) | 支出(元) |
    | --- | --- | --- | --- |
    | 10月3日 | 土地承包费 | 12,000.00 | |
    | 10月9日 | 保洁员工资 | | 1,800.00 |
    | 合计 | | 12,000.00 | 1,800.00 |
    """

    @Test func financeTableBecomesTableWithNumericColumnsRightAligned() {
        let html = MarkdownRenderer.render(finance).html
        #expect(html.contains("<table>"))
        #expect(html.contains("<th scope=\"col\">日期</th>"))
        #expect(html.contains("<th scope=\"col\" class=\"num\">收入(元)</th>"))
        #expect(html.contains("<td class=\"num\">12,000.00</td>"))
        #expect(html.contains("<td>土地承包费</td>"))
        #expect(html.contains("<tr class=\"total\">"))
        #expect(!html.contains("<p>"))
        #expect(!html.contains("|"))
    }

    @Test func tableTextIsCellsNotPipes() {
        let text = MarkdownRenderer.render(finance).text
        #expect(text.contains("10月3日 土地承包费 12,000.00"))
        #expect(!text.contains("|"))
    }

    @Test func explicitAlignment() {
        let html = MarkdownRenderer.render("| a | b | c |\n| :-- | :-: | --: |\n| x | y | z |\n").html
        #expect(html.contains("<td class=\"al-l\">x</td>"))
        #expect(html.contains("<td class=\"al-c\">y</td>"))
        #expect(html.contains("<td class=\"num\">z</td>"))
    }

    @Test func escapedPipeStaysInCell() {
        let html = MarkdownRenderer.render("| a | b |\n| --- | --- |\n| x \\| y | `c` |\n").html
        #expect(html.contains("<td>x | y</td>"))
        #expect(html.contains("<td><code>c</code></td>"))
    }

    @Test func cellsAreInlineOnlyAndRawHTMLIsOmitted() {
        let html = MarkdownRenderer.render("| 序号 | 事项 |\n| --- | --- |\n| 1. | **修路** <script>x</script> |\n| # 3 | - a |\n").html
        #expect(html.contains("<td>1.</td>"))
        #expect(html.contains("<strong>修路</strong>"))
        #expect(!html.contains("<script>"))
        #expect(html.contains("<td># 3</td>"))
        #expect(html.contains("<td>- a</td>"))
    }

    @Test func textBeforeTableInSameParagraph() {
        let html = MarkdownRenderer.render("收支明细如下：\n| 项目 | 金额 |\n| --- | --- |\n| 水费 | 300 |\n").html
        #expect(html.hasPrefix("<p>收支明细如下：</p>\n"))
        #expect(html.contains("<td class=\"num\">300</td>"))
    }

    @Test func tableInsideBlockQuoteAndList() {
        let quoted = MarkdownRenderer.render("> | a | b |\n> | --- | --- |\n> | 1 | 2 |\n").html
        #expect(quoted.contains("<blockquote>\n<div class=\"table-wrap\""))
        #expect(quoted.contains("<td class=\"num\">2</td>"))
        let listed = MarkdownRenderer.render("- 明细：\n\n  | a | b |\n  | --- | --- |\n  | 1 | 2 |\n").html
        #expect(listed.contains("<li>\n<p>明细：</p>\n<div class=\"table-wrap\""))
    }

    @Test(arguments: [
        "| a | b |\n| --- |\n| 1 | 2 |\n",          // header and delimiter differ in cells
        "a | b\nnot a delimiter\n",
        "| a |\n|:-x-|\n",
        "价格 | 数量\n",
    ])
    func notATable(_ markdown: String) {
        let html = MarkdownRenderer.render(markdown).html
        #expect(!html.contains("<table>"))
        #expect(html == MarkdownRenderer.cmarkReference(markdown))
    }

    @Test(arguments: [
        ("12,000.00", true), ("-350", true), ("￥1,200", true), ("85%", true), ("0.5", true),
        ("1,2345", false), ("12,000.0.0", false), ("10月3日", false), ("3户", false), ("", false),
    ])
    func numbers(_ text: String, _ expected: Bool) {
        #expect(NumberCell.isNumber(text) == expected)
    }

    @Test func rowsAreNormalisedToHeaderWidth() {
        let html = MarkdownRenderer.render("| a | b |\n| - | - |\n| 1 |\n| 1 | 2 | 3 |\n").html
        #expect(html.components(separatedBy: "<td").count - 1 == 4)
    }
}
