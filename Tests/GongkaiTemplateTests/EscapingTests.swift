import GongkaiTemplate
import Testing

/// HTML escaping on UTF-8 bytes, and output that is always valid UTF-8.
struct EscapingTests {
    func render(_ template: String, _ fields: [String: TemplateValue]) -> String? {
        renderOurs(template, data: .object(JSONObject(fields: fields))).text
    }

    @Test func everyHTMLSpecialCharacter() {
        #expect(render("{{s}}", ["s": .string(#"& < > " ' &amp;"#)]) == "&amp; &lt; &gt; &quot; &#39; &amp;amp;")
        #expect(render("{{{s}}}{{&s}}", ["s": .string("<&>")]) == "<&><&>")
        #expect(render("{{% CONTENT_TYPE: TEXT}}{{s}}", ["s": .string("<&>")]) == "<&>")
        #expect(render("{{% CONTENT_TYPE: GONGKAI_HTML}}{{s}}", ["s": .string("<&>")]) == "&lt;&amp;&gt;")
        #expect(render("{{#l}}{{.}}{{/l}}", ["l": .list(["<", "'"])]) == "&lt;&#39;")
    }

    @Test func onlyASCIIBytesChange() {
        let s = "村务公开·<b>“财务”</b>😀é'"
        #expect(render("{{s}}", ["s": .string(s)]) == "村务公开·&lt;b&gt;“财务”&lt;/b&gt;😀é&#39;")
    }

    /// swift-mustache compared grapheme clusters, so `"` followed by a
    /// combining mark stayed unescaped and could end an attribute; bytes
    /// cannot be fooled that way.
    @Test func combiningMarksDoNotHideSpecialCharacters() {
        #expect(render("<a title=\"{{s}}\">", ["s": .string("\"\u{301} onmouseover=x")]) == "<a title=\"&quot;\u{301} onmouseover=x\">")
    }

    /// Random text of every kind of character through every way of writing
    /// it out (escaped, raw, indented partial): always valid UTF-8.
    @Test func outputIsValidUTF8() {
        var rng = SplitMix(seed: 7)
        let pieces: [String] = ["<", ">", "&", "\"", "'", "\n", "\r\n", "\r", "\t", " ", "a", "é", "\u{301}", "中", "😀", "👩‍👩‍👧",
                                "\u{0}", "\u{2028}", "\u{85}", "\u{FEFF}", "\u{FFFD}", "{{", "}}", "\u{10FFFF}"]
        for _ in 0..<2000 {
            let s = (0..<Int(rng.next() % 12)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            let out = renderBytes("  {{>p}}\n", partials: ["p": "中{{s}}\n{{{s}}}\n{{#l}}{{.}}é\n{{/l}}"],
                                 data: .object(JSONObject(fields: ["s": .string(s), "l": .list([s, s])])))
            guard case .success(let bytes) = out else {
                Issue.record("\(out)")
                return
            }
            #expect(String(validating: bytes, as: UTF8.self) != nil)
        }
    }
}

/// A small seeded generator, so a failure can be replayed.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
