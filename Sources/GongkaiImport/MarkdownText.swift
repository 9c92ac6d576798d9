/// Text of a Word paragraph as Markdown: characters carry their formatting
/// until the line is cleaned, then become runs with `**`/`*` placed where
/// CommonMark accepts them.
struct StyledText {
    struct Style: Equatable {
        var bold = false
        var italic = false
        var link: String?
    }

    var characters: [(Character, Style)] = []

    mutating func append(_ text: String, _ style: Style) {
        for c in text { characters.append((c, style)) }
    }

    var plain: String { String(characters.map(\.0)) }

    /// Split at line breaks (`\n`).
    func lines() -> [StyledText] {
        var result: [StyledText] = [StyledText()]
        for item in characters {
            if item.0 == "\n" { result.append(StyledText()) } else { result[result.count - 1].characters.append(item) }
        }
        return result
    }

    /// The same cleaning as `ChineseText.clean`, keeping each character's style.
    func cleaned() -> StyledText {
        let (tokens, gaps) = ChineseText.split(characters, isSpace: { ChineseText.isSpace($0.0) }, isWide: { $0.0 == "\u{3000}" })
        var out = StyledText()
        for (i, token) in tokens.enumerated() {
            if i > 0, !ChineseText.spacedOut(tokens[i - 1], token) {
                let before = tokens[i - 1].last!.1
                let after = token[0].1
                // The space is bold only inside a bold stretch, so `**` never meets a space.
                out.characters.append((gaps[i - 1], before.bold && after.bold ? before : StyledText.Style()))
            }
            out.characters += token
        }
        return out
    }

    var isAllBold: Bool {
        let visible = characters.filter { !ChineseText.isSpace($0.0) }
        return !visible.isEmpty && visible.allSatisfy { $0.1.bold }
    }

    /// Markdown for the line. `emphasis` false drops bold and italic (in headings).
    func markdown(emphasis: Bool = true, inTable: Bool = false, lineStart: Bool = true) -> String {
        // Groups of one style.
        var groups: [(text: [Character], style: Style)] = []
        for (c, s) in characters {
            var style = s
            if !emphasis { style.bold = false; style.italic = false }
            if let last = groups.last, last.style == style {
                groups[groups.count - 1].text.append(c)
            } else {
                groups.append(([c], style))
            }
        }
        var out = ""
        for (i, group) in groups.enumerated() {
            var style = group.style
            // Italic beside another emphasised run would need delimiters that collide.
            if style.italic {
                let neighbours = [i > 0 ? groups[i - 1].style : nil, i + 1 < groups.count ? groups[i + 1].style : nil]
                if neighbours.contains(where: { $0.map { $0.bold || $0.italic } ?? false }) || style.bold { style.italic = false }
            }
            let marker = style.bold ? "**" : style.italic ? "*" : ""
            var text = group.text
            var lead: [Character] = []
            var tail: [Character] = []
            if !marker.isEmpty {
                // Punctuation at the edge may stay inside only where the other
                // side is a line end, a space or punctuation too.
                let before = i > 0 ? groups[i - 1].text.last : nil
                let after = i + 1 < groups.count ? groups[i + 1].text.first : nil
                while let f = text.first, ChineseText.isSpace(f) || (Self.isEdge(f) && before.map({ !Self.isEdge($0) }) == true) {
                    lead.append(f); text.removeFirst()
                }
                while let l = text.last, ChineseText.isSpace(l) || (Self.isEdge(l) && after.map({ !Self.isEdge($0) }) == true) {
                    tail.insert(l, at: 0); text.removeLast()
                }
                if text.allSatisfy(Self.isEdge) { lead += text; text = [] }
            }
            let atStart = lineStart && out.isEmpty
            var piece = Self.escape(String(lead), atLineStart: atStart, inTable: inTable)
            if text.isEmpty {
                piece = Self.escape(String(lead + tail), atLineStart: atStart, inTable: inTable)
            } else {
                let body = Self.escape(String(text), atLineStart: atStart && lead.isEmpty && marker.isEmpty, inTable: inTable)
                piece += marker + body + marker + Self.escape(String(tail), atLineStart: false, inTable: inTable)
            }
            if let link = style.link, Self.isWebAddress(link), !inTable {
                let label = Self.escape(String(group.text), atLineStart: false, inTable: inTable)
                piece = "[\(label)](<\(link.replacingOccurrences(of: ">", with: "%3E").replacingOccurrences(of: " ", with: "%20"))>)"
            }
            out += piece
        }
        return out
    }

    /// Whitespace and punctuation: kept outside `**` so the delimiters
    /// count as opening and closing (CommonMark's flanking rules).
    static func isEdge(_ c: Character) -> Bool {
        if ChineseText.isSpace(c) { return true }
        return c.unicodeScalars.allSatisfy { s in
            switch s.properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
                 .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
                return true
            default: return false
            }
        }
    }

    static func isWebAddress(_ s: String) -> Bool {
        let lower = s.lowercased()
        return (lower.hasPrefix("http://") || lower.hasPrefix("https://")) && !s.contains("\n")
    }

    /// Backslash-escapes what Markdown would read as markup.
    static func escape(_ text: String, atLineStart: Bool, inTable: Bool) -> String {
        var out = ""
        for c in text {
            switch c {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "&", "~", "|":
                out.append("\\")
                out.append(c)
            default:
                out.append(c)
            }
        }
        guard atLineStart, let first = out.first else { return out }
        // Block markers at the start of a line.
        if "#+-=".contains(first) { return "\\" + out }
        var digits = out.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9 {
            let rest = out.dropFirst(digits.count)
            if let marker = rest.first, marker == "." || marker == ")" {
                digits.append("\\")
                return String(digits) + rest
            }
        }
        return out
    }
}
