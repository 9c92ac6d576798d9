import Testing
@testable import GongkaiMarkdown

/// `HeadingAnchors.slug` answers ASCII and CJK ideographs without looking up
/// Unicode properties: the same answers as the lookup, for every such scalar.
struct HeadingAnchorTests {
    /// The slug by properties alone (the definition).
    static func reference(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        for s in text.unicodeScalars {
            let p = s.properties
            if p.isWhitespace || s == "-" || s == "_" {
                pendingDash = !out.isEmpty
            } else if p.isAlphabetic || p.numericType != nil {
                if pendingDash { out += "-"; pendingDash = false }
                out.unicodeScalars.append(contentsOf: String(s).lowercased().unicodeScalars)
            }
        }
        return out.isEmpty ? "section" : out
    }

    @Test func everyASCIIAndIdeographGivesTheSameSlug() {
        let scalars = (0..<0x80).compactMap(Unicode.Scalar.init) + (0x4E00...0x9FFF).compactMap(Unicode.Scalar.init)
        for s in scalars {
            // Alone, between letters, and after a space (the dash rule).
            for text in [String(s), "a" + String(s) + "b", "中 " + String(s), String(s) + " 2"] {
                #expect(HeadingAnchors.slug(text) == Self.reference(text), "U+\(String(s.value, radix: 16))")
            }
        }
    }

    @Test func mixedHeadingsGiveTheSameSlug() {
        for text in ["一、收入情况", "Fund Report 2024", "（二）支出 明细", "Ａｂｃ１２３", "Ǆemal É ß", "٣ arabic-indic",
                     "  第 1 季度_汇总 ", "ⅩⅡ月", "〇五号", "", "——", "İstanbul", "ﬁ ligature", "한국어 제목", "𠀀𬌗 名"] {
            #expect(HeadingAnchors.slug(text) == Self.reference(text), "\(text)")
        }
    }

    @Test func anchorsAreInsertedIntoCmarksHTML() {
        let r = MarkdownRenderer.render("# 标题\n\n<h2>raw</h2>\n\n## 二\n\n`<h3>`\n\n###### 六\n")
        #expect(r.html == MarkdownRenderer.cmarkReference("# 标题\n\n<h2>raw</h2>\n\n## 二\n\n`<h3>`\n\n###### 六\n")
            .replacingOccurrences(of: "<h1>", with: "<h1 id=\"标题\">")
            .replacingOccurrences(of: "<h2>", with: "<h2 id=\"二\">")
            .replacingOccurrences(of: "<h6>", with: "<h6 id=\"六\">"))
    }
}
