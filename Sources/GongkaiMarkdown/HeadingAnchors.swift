/// Heading anchors (`<h2 id="一收入情况">`), so a section of a notice can be
/// linked. The HTML renderer writes `<hN>` only for heading nodes: raw HTML is
/// omitted in safe mode and all text is escaped, so the n-th `<hN>` in the
/// output is the n-th heading of the walk.
enum HeadingAnchors {
    static func assign(_ headings: [(level: Int, text: String)]) -> [RenderedMarkdown.Heading] {
        var used: [String: Int] = [:]
        return headings.map { heading in
            var anchor = slug(heading.text)
            if let n = used[anchor] {
                used[anchor] = n + 1
                anchor += "-\(n + 1)"
            } else {
                used[anchor] = 1
            }
            return RenderedMarkdown.Heading(level: heading.level, text: heading.text.trimmingWhitespace(), anchor: anchor)
        }
    }

    /// Letters, digits and CJK kept; spaces become `-`; punctuation dropped.
    static func slug(_ text: String) -> String {
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

    static func insert(_ headings: [RenderedMarkdown.Heading], into html: String) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count + headings.count * 24)
        var bytes = html.utf8[...]
        var index = 0
        while index < headings.count, let lt = bytes.firstIndex(of: 60) {
            let rest = bytes[lt...]
            if rest.count >= 4, rest[rest.index(lt, offsetBy: 1)] == 104,
               let level = rest.dropFirst(2).first, level >= 49, level <= 54,
               rest[rest.index(lt, offsetBy: 3)] == 62 {
                out += String(Substring(bytes[..<lt]))
                out += "<h\(Int(level) - 48) id=\"\(HTML.escape(headings[index].anchor))\">"
                index += 1
                bytes = bytes[rest.index(lt, offsetBy: 4)...]
            } else {
                out += String(Substring(bytes[...lt]))
                bytes = bytes[bytes.index(after: lt)...]
            }
        }
        out += String(Substring(bytes))
        return out
    }
}
