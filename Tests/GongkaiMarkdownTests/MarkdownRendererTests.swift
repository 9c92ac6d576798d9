import Testing
@testable import GongkaiMarkdown

struct MarkdownRendererTests {
    @Test func headingsGetUniqueAnchors() {
        let r = MarkdownRenderer.render("## 一、收入情况\n\n正文\n\n## 一、收入情况\n\n# Fund Report 2024\n")
        #expect(r.html.contains("<h2 id=\"一收入情况\">一、收入情况</h2>"))
        #expect(r.html.contains("<h2 id=\"一收入情况-2\">"))
        #expect(r.html.contains("<h1 id=\"fund-report-2024\">"))
        #expect(r.headings.map(\.anchor) == ["一收入情况", "一收入情况-2", "fund-report-2024"])
    }

    @Test func rawHTMLNeverPassesThrough() {
        let r = MarkdownRenderer.render("<script>alert(1)</script>\n\n文字<img src=x onerror=alert(1)>\n\n[点我](javascript:alert(1))\n")
        #expect(!r.html.contains("<script"))
        #expect(!r.html.contains("<img"))
        #expect(!r.html.contains("javascript:"))
    }

    @Test func plainTextJoinsChineseLinesWithoutSpaces() {
        let r = MarkdownRenderer.render("经村民代表会议\n讨论通过，*现予公示*。\nPlease\nread.\n\n- 第一项\n- 第二项\n")
        #expect(r.text == "经村民代表会议讨论通过，现予公示。Please read.\n第一项\n第二项\n")
        #expect(r.firstParagraph == "经村民代表会议讨论通过，现予公示。Please read.")
    }

    @Test func deepNestingDoesNotOverflowTheStack() {
        let deep = String(repeating: ">", count: 50_000) + " 深\n"
        let r = MarkdownRenderer.render(deep)
        #expect(r.text.contains("深"))
        let list = String(repeating: "- ", count: 20_000) + "项\n"
        #expect(MarkdownRenderer.render(list).text.contains("项"))
    }

    @Test func emptyDocument() {
        let r = MarkdownRenderer.render("")
        #expect(r.html == "")
        #expect(r.text == "")
    }
}
