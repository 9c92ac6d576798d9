import GongkaiCore

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
            let v = s.value
            // ASCII and CJK ideographs, most of a Chinese heading, without
            // looking up their properties (the same answers, `HeadingAnchorTests`).
            if v < 0x80 {
                if v == 0x20 || (v >= 0x09 && v <= 0x0D) || v == 0x2D || v == 0x5F {
                    pendingDash = !out.isEmpty
                    continue
                }
                let lower = v >= 0x41 && v <= 0x5A ? v + 0x20 : v
                guard (lower >= 0x61 && lower <= 0x7A) || (v >= 0x30 && v <= 0x39) else { continue }
                if pendingDash { out += "-"; pendingDash = false }
                out.unicodeScalars.append(Unicode.Scalar(UInt8(lower)))
                continue
            }
            if v >= 0x4E00 && v <= 0x9FFF {
                if pendingDash { out += "-"; pendingDash = false }
                out.unicodeScalars.append(s)
                continue
            }
            let p = s.properties
            if p.isWhitespace {
                pendingDash = !out.isEmpty
            } else if p.isAlphabetic || p.numericType != nil {
                if pendingDash { out += "-"; pendingDash = false }
                out.unicodeScalars.append(contentsOf: String(s).lowercased().unicodeScalars)
            }
        }
        return out.isEmpty ? "section" : out
    }

    /// cmark's HTML with each `<hN>` given its anchor (`<hN id="…">`): one
    /// copy of the bytes, made into a string once.
    static func insert(_ headings: [RenderedMarkdown.Heading], into html: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(html.count + headings.count * 24)
        var copied = 0
        var i = 0
        var index = 0
        let n = html.count
        while index < headings.count, i + 3 < n {
            if html[i] == 60, html[i + 1] == 104, html[i + 2] >= 49, html[i + 2] <= 54, html[i + 3] == 62 {  // <hN>
                out.append(contentsOf: UnsafeBufferPointer(rebasing: html[copied..<i]))
                out.append(contentsOf: "<h\(Int(html[i + 2]) - 48) id=\"\(HTML.escape(headings[index].anchor))\">".utf8)
                index += 1
                i += 4
                copied = i
            } else {
                i += 1
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: html[copied..<n]))
        return String(decoding: out, as: UTF8.self)
    }
}
