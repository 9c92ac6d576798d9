import GongkaiTemplate
import Testing

/// Small templates on the corners of swift-mustache 2.1.1's behaviour (where
/// it departs from the spec, or the spec says nothing), rendered by both
/// engines: a site's own templates must keep their bytes.
struct SwiftMustacheParityTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var template: String
        var partials: [String: String] = [:]
        var data: String = "{}"
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "escaping", template: "{{s}}|{{{s}}}|{{&s}}", data: #"{"s": "<a href=\"x\">&'é中文</a>"}"#),
        Case(name: "whitespace inside tags", template: "{{ s }}{{{ s }}}{{& s }}{{# b }}y{{/ b }}", data: #"{"s": "x", "b": true}"#),
        Case(name: "numbers and booleans", template: "{{n}} {{z}} {{t}} {{f}} {{#z}}zero is true{{/z}}", data: #"{"n": 42, "z": 0, "t": true, "f": false}"#),
        Case(name: "empty string is true", template: "[{{#e}}shown{{/e}}][{{^e}}hidden{{/e}}]", data: #"{"e": ""}"#),
        Case(name: "null stops the search", template: "{{#o}}[{{x}}]{{/o}}", data: #"{"x": "outer", "o": {"x": null}}"#),
        Case(name: "missing name searches up", template: "{{#o}}[{{x}}]{{/o}}", data: #"{"x": "outer", "o": {"y": 1}}"#),
        Case(name: "dotted and top-only names", template: "{{#o}}{{a.b}}|{{.a.b}}|{{.x}}|{{x}}{{/o}}",
             data: #"{"x": "root", "a": {"b": "root a.b"}, "o": {"a": {"b": "inner a.b"}}}"#),
        Case(name: "list items and the implicit iterator", template: "{{#l}}<{{.}}>{{/l}}{{#objs}}({{n}}){{/objs}}",
             data: #"{"l": ["a", "<b>", 3], "objs": [{"n": 1}, {"n": 2}]}"#),
        Case(name: "inverted sections", template: "{{^f}}F{{/f}}{{^missing}}M{{/missing}}{{^l}}L{{/l}}{{^s}}S{{/s}}{{^n}}N{{/n}}",
             data: #"{"f": false, "l": [], "s": "x", "n": null}"#),
        Case(name: "standalone lines", template: "a\n  {{#b}}\n  x\n  {{/b}}\n  {{! c }}\n{{^b}}\nno\n{{/b}}\nz\n", data: #"{"b": true}"#),
        Case(name: "standalone lines with CRLF", template: "a\r\n  {{#b}}\r\n  x\r\n  {{/b}}\r\n{{! c }}\r\nz\r\n", data: #"{"b": true}"#),
        Case(name: "a standalone tag after a section closed mid-line", template: "x {{#a}}\n{{/a}}\n{{! c }}\ny {{#a}}\n  {{/a}}\n  {{#a}}\nz\n{{/a}}\n",
             data: #"{"a": true}"#),
        Case(name: "whitespace before an inline comment", template: "  {{! c }}{{v}}\n  {{! c }} x\n", data: #"{"v": "v"}"#),
        Case(name: "indented partial", template: "<ul>\n  {{>item}}\n</ul>\n", partials: ["item": "<li>\n{{name}}\n</li>\n"],
             data: #"{"name": "x"}"#),
        Case(name: "indented partial with a list (second item not indented)", template: "<ul>\n  {{>items}}\n</ul>\n",
             partials: ["items": "{{#l}}\n<li>{{.}}</li>\n{{/l}}\n"], data: #"{"l": ["a", "b", "c"]}"#),
        Case(name: "indented partial with a multi-line value", template: "  {{>p}}\n", partials: ["p": "[{{v}}]\n[{{{v}}}]\n"],
             data: #"{"v": "1\n2"}"#),
        Case(name: "nested indented partials", template: "  {{>a}}\n", partials: ["a": "a\n  {{>b}}\nA\n", "b": "b\n{{#t}}\nt\n{{/t}}\nB\n"],
             data: #"{"t": true}"#),
        Case(name: "indented partial with CRLF", template: "  {{>p}}\r\n", partials: ["p": "1\r\n2\r\n"]),
        Case(name: "indented partial with tabs", template: "\t{{>p}}\n", partials: ["p": "1\n2\n"]),
        Case(name: "inline partial", template: "x {{>p}} y\n", partials: ["p": "1\n2\n"]),
        Case(name: "content type: a partial starts with HTML", template: "{{%CONTENT_TYPE: TEXT}}{{s}}{{>p}}{{#o}}{{s}}{{/o}}",
             partials: ["p": "[{{s}}]"], data: #"{"s": "<&>", "o": {"s": "<in>"}}"#),
        Case(name: "content type inside a section ends with it", template: "{{#b}}{{%CONTENT_TYPE: TEXT}}{{s}}{{/b}}{{s}}",
             data: #"{"s": "<&>", "b": true}"#),
        Case(name: "content type: a block keeps its parent's", template: "{{<parent}}{{$b}}{{s}}{{/b}}{{/parent}}",
             partials: ["parent": "{{%CONTENT_TYPE: TEXT}}[{{$b}}{{/b}}]{{s}}"], data: #"{"s": "<&>"}"#),
        Case(name: "inheritance with indentation", template: "{{<parent}}\n  {{$body}}\n    <p>{{x}}</p>\n    <p>two</p>\n  {{/body}}\n{{/parent}}\n",
             partials: ["parent": "<main>\n  {{$body}}\n  default\n  {{/body}}\n</main>\n"], data: #"{"x": "X"}"#),
        Case(name: "two levels of parents", template: "{{<mid}}{{$title}}child{{/title}}{{/mid}}",
             partials: ["mid": "{{<base}}{{$title}}mid{{/title}}{{$foot}}mid foot{{/foot}}{{/base}}",
                        "base": "<h1>{{$title}}base{{/title}}</h1><p>{{$foot}}base foot{{/foot}}</p>"]),
        Case(name: "overrides reach partials of the parent", template: "{{<base}}{{$x}}over{{/x}}{{/base}}",
             partials: ["base": "[{{>inner}}]", "inner": "{{$x}}default{{/x}}"]),
        Case(name: "text and comments inside a parent tag", template: "{{<base}}\nignored\n{{! note }}\n{{$x}}X{{/x}}\n{{/base}}",
             partials: ["base": "<{{$x}}{{/x}}>"]),
        Case(name: "set delimiters", template: "{{=<% %>=}}\n<% a %> {{a}}\n<%={{ }}=%>\n{{a}}\n", data: #"{"a": "1"}"#),
        Case(name: "set delimiters do not reach partials", template: "{{=| |=}}|>p|", partials: ["p": "{{a}}"], data: #"{"a": "1"}"#),
        Case(name: "transforms on lists", template: "{{#l}}{{.}}{{^last()}}, {{/last()}}{{/l}}|{{#l}}{{index()}}{{plusone(index())}}{{#first()}}F{{/first()}}{{#odd()}}o{{/odd()}}{{/l}}|{{count(l)}}|{{#reversed(l)}}{{.}}{{/reversed(l)}}|{{first(l)}}{{last(l)}}|{{#empty(e)}}empty{{/empty(e)}}",
             data: #"{"l": ["b", "c", "a"], "e": []}"#),
        Case(name: "transforms on strings and numbers", template: "{{lowercased(s)}} {{uppercased(s)}} {{capitalized(s)}} {{reversed(s)}} {{#empty(s)}}E{{/empty(s)}}{{^empty(s)}}N{{/empty(s)}} {{plusone(n)}} {{minusone(n)}} {{even(n)}} {{odd(n)}} {{equalzero(n)}}",
             data: #"{"s": "hello World", "n": 7}"#),
        Case(name: "a position outside a list is nothing", template: "[{{index()}}]{{#o}}[{{index()}}]{{/o}}", data: #"{"o": {"a": 1}}"#),
        Case(name: "dynamic partial", template: "{{>*which}}|{{>*missing}}", partials: ["p": "P{{x}}"], data: #"{"which": "p", "x": 1}"#),
        Case(name: "deeply nested data", template: "{{#a}}{{#b}}{{#c}}{{#d}}{{x}}{{y}}{{z}}{{/d}}{{/c}}{{/b}}{{/a}}",
             data: #"{"z": "Z", "a": {"y": "Y", "b": {"c": {"d": {"x": "X"}}}}}"#),
        Case(name: "a lone brace and odd text", template: "{ } {{x}}} {{{x}}}} }}\n", data: #"{"x": "1"}"#),
    ]

    /// swift-mustache sorts only lists of a `Comparable` type (`[String]`
    /// from a view model; a JSON list is `[Any]`).
    @Test func sortedList() throws {
        let template = "{{#sorted(l)}}{{.}}{{/sorted(l)}}|{{#sorted(n)}}{{.}}{{/sorted(n)}}"
        let theirs = try swiftMustache(template, data: ["l": ["b", "c", "a"], "n": [3, 1, 2]] as [String: Any])
        let ours = renderOurs(template, data: JSONObject(fields: ["l": ["b", "c", "a"].templateValue, "n": [3, 1, 2].templateValue]).templateValue)
        #expect(theirs == "abc|123")
        #expect(ours.text == theirs)
    }

    @Test(arguments: cases)
    func sameBytes(_ c: Case) throws {
        let json = JSON.parse(c.data)
        let theirs = try swiftMustache(c.template, partials: c.partials, data: json.any)
        let ours = renderOurs(c.template, partials: c.partials, data: json.value)
        #expect(ours.text == theirs, "\(c.name)\n\(ours)\nswift-mustache: \(theirs.debugDescription)")
    }
}
