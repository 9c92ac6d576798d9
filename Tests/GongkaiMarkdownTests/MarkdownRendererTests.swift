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

    /// Laws and 村规民约 written as plain paragraphs: chapter and section
    /// lines and articles are headings a search hit can link to; a table of
    /// contents is not.
    @Test func legalStructureGivesAnchoredHeadings() {
        let md = """
        目　　录

        第一章　总则

        第二章　土地承包

        ## 第一章　总则

        第一条　为了规范管理，制定本办法。

        第二条【适用范围】本办法适用于本村。

        **第二章　土地承包**

        第一节　一般规定

        第三条　承包方应当依法使用土地。
        第三条所称承包方，是指本村村民。

        第十二条规定的事项，由村委会办理。

        - 第四条　列表里的不算。
        """
        let r = MarkdownRenderer.render(md)
        #expect(r.headings.map(\.text) == ["第一章　总则", "第一条", "第二条【适用范围】", "第二章　土地承包", "第一节　一般规定", "第三条"])
        #expect(r.headings.map(\.level) == [2, 9, 9, 7, 8, 9])
        #expect(r.headings.map(\.anchor) == ["第一章-总则", "第一条", "第二条适用范围", "第二章-土地承包", "第一节-一般规定", "第三条"])
        #expect(r.html.contains("<h2 id=\"第一章-总则\">"))
        #expect(r.html.contains("<p id=\"第一条\">第一条　为了规范管理"))
        #expect(r.html.contains("<p id=\"第二章-土地承包\"><strong>第二章　土地承包</strong></p>"))
        #expect(r.html.contains("<p id=\"第三条\">第三条　承包方"))
        #expect(r.html.contains("<p>第十二条规定的事项"), "a sentence that starts with an article number is not one")
        #expect(r.html.contains("<p>第一章　总则</p>"), "the table of contents stays as it is")
        #expect(!r.html.contains("gk-anchor"))
        #expect(r.text.contains("第三条　承包方应当依法使用土地。"))
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
