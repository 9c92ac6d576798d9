import GongkaiCore
import GongkaiTemplate
import Testing

/// Problems in a site's own templates: GK030 with the line and column of the
/// tag, GK031 for a template that does not exist. Never an empty page, never
/// a crash.
struct TemplateErrorTests {
    func problems(_ template: String, partials: [String: String] = [:]) -> [Diagnostic] {
        if case .failure(let problems) = renderOurs(template, partials: partials, data: .object(JSONObject(fields: [:]))) {
            return problems
        }
        return []
    }

    func place(_ d: Diagnostic?) -> String {
        guard let d else { return "none" }
        return "\(d.code) \(d.file):\(d.line):\(d.column)"
    }

    @Test func mismatchedClose() {
        let p = problems("<h1>\n<p>{{#a}}\nx\n  {{/b}}\n")
        #expect(place(p.first) == "GK030 templates/__test__.mustache:4:3")
        #expect(p.first?.message.contains("{{/b}} 与第 2 行的 {{#a}} 不配对") == true, "\(p)")
    }

    @Test func unclosedSectionPointsAtItsStart() {
        let p = problems("<h1>\n  {{^list}}\nx\n")
        #expect(place(p.first) == "GK030 templates/__test__.mustache:2:3")
        #expect(p.first?.message.contains("{{^list}} 到文件末尾都没有结束") == true)
        #expect(p.first?.fix.contains("{{/list}}") == true)
    }

    @Test func closeWithoutOpen() {
        #expect(place(problems("a\nb {{/main}}").first) == "GK030 templates/__test__.mustache:2:3")
    }

    @Test func columnsCountCharactersNotBytes() {
        // Four Chinese characters (12 bytes) before the tag.
        #expect(place(problems("标题\n公开栏目{{#a}}").first) == "GK030 templates/__test__.mustache:2:5")
    }

    @Test(arguments: [
        ("ab {{name", "1:4"),
        ("{{名字}}", "1:1"),
        ("x\n{{! comment", "2:1"),
        ("{{=<% %>}}", "1:1"),
        ("{{% CONTENT_TYPE: JSON}}", "1:1"),
        ("{{% OTHER: HTML}}", "1:1"),
        ("{{shout(name)}}", "1:1"),
        ("{{<base}}{{x}}{{/base}}", "1:1"),
        ("abc{{", "1:4"),
        ("{{{x}}", "1:1"),
    ])
    func syntaxErrors(_ template: String, _ at: String) {
        let p = problems(template, partials: ["base": ""])
        #expect(p.count == 1)
        #expect(place(p.first) == "GK030 templates/__test__.mustache:\(at)", "\(template): \(p)")
        #expect(p.first?.message.hasPrefix("模板语法错误：") == true)
    }

    @Test func unknownPartialAndParent() {
        let p = problems("x\n  {{>nosuch}}\n{{<nobase}}{{$main}}m{{/main}}{{/nobase}}")
        #expect(p.map(place) == ["GK031 templates/__test__.mustache:2:3", "GK031 templates/__test__.mustache:3:1"])
        #expect(p.first?.message.contains("nosuch.mustache") == true)
    }

    @Test func aPartialWithASyntaxErrorIsNotAlsoUnknown() {
        let p = problems("{{>p}}", partials: ["p": "{{#a}}"])
        #expect(p.map(place) == ["GK030 templates/p.mustache:1:1"])
    }

    @Test func unknownDynamicPartial() {
        let rendered = renderOurs("{{>*name}}", data: JSON.parse(#"{"name": "nosuch"}"#).value)
        #expect(rendered.codes == ["GK031"])
    }

    @Test func partialsIncludingEachOtherStop() {
        let rendered = renderOurs("{{>a}}", partials: ["a": "a{{>b}}", "b": "b{{>a}}"], data: .null)
        #expect(rendered.codes == ["GK031"])
    }

    @Test func recursionThatEndsIsFine() {
        let data = JSON.parse(#"{"name": "1", "kids": [{"name": "2", "kids": [{"name": "3", "kids": []}]}]}"#).value
        let rendered = renderOurs("{{>node}}", partials: ["node": "<{{name}}{{#kids}}{{>node}}{{/kids}}>"], data: data)
        #expect(rendered.text == "<1<2<3>>>")
    }

    /// 10,000 sections inside each other: an error at the 101st, no crash.
    @Test(arguments: ["#", "^", "$"])
    func deepNesting(_ sigil: String) {
        let depth = 10_000
        let template = String(repeating: "{{\(sigil)a}}x", count: depth) + String(repeating: "{{/a}}", count: depth)
        let p = problems(template)
        #expect(p.map(\.code) == ["GK030"])
        #expect(p.first?.column == TemplateLibrary.maxDepth * 7 + 1)
    }

    @Test func deepParents() {
        let depth = 10_000
        let template = String(repeating: "{{<a}}{{$b}}", count: depth) + String(repeating: "{{/b}}{{/a}}", count: depth)
        #expect(problems(template, partials: ["a": "{{$b}}{{/b}}"]).map(\.code) == ["GK030"])
    }

    @Test func nestingWithinTheLimitRenders() {
        let depth = TemplateLibrary.maxDepth
        let template = String(repeating: "{{#a}}", count: depth) + "x" + String(repeating: "{{/a}}", count: depth)
        #expect(renderOurs(template, data: JSON.parse(#"{"a": true}"#).value).text == "x")
    }
}
