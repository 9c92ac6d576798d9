/// The facts a notice page marks (`data-gongkai-fact="…"`, docs/ledger.md)
/// and its body's visible text, read from the HTML without a full parser:
/// enough for pages a theme writes, which is all `gongkai verify` reads.
struct PageFacts {
    struct Element {
        /// The fact's name (`title`, `date`, `attachment`, …).
        var fact: String
        var attributes: [String: String]
        /// The element's text: tags removed, entities decoded, runs of
        /// white space as one space, trimmed.
        var text: String
    }

    /// Whether the page says it marks its facts (`data-gongkai-facts` on
    /// the article): pages of an older gongkai or of a theme that does not
    /// mark them cannot be checked field by field.
    let marked: Bool
    let elements: [Element]

    init(page: String) {
        marked = page.contains("data-gongkai-facts=\"")
        var found: [Element] = []
        var search = page.startIndex
        let needle = "data-gongkai-fact=\""
        while let hit = page.range(of: needle, range: search..<page.endIndex) {
            search = hit.upperBound
            // The tag that carries the attribute.
            guard let open = page[..<hit.lowerBound].lastIndex(of: "<"),
                  let close = Self.tagEnd(page, from: open) else { continue }
            let tag = page[page.index(after: open)..<close]
            let name = String(tag.prefix { !$0.isWhitespace && $0 != "/" && $0 != ">" }).lowercased()
            let attributes = Self.attributes(tag.dropFirst(name.count))
            guard let fact = attributes["data-gongkai-fact"] else { continue }
            let inner = Self.inner(page, name: name, after: page.index(after: close))
            found.append(Element(fact: fact, attributes: attributes, text: Self.text(inner)))
        }
        elements = found
    }

    func all(_ fact: String) -> [Element] { elements.filter { $0.fact == fact } }

    /// The `>` that ends the tag starting at `open` (outside quoted values).
    static func tagEnd<S: StringProtocol>(_ s: S, from open: S.Index) -> S.Index? {
        var quote: Character?
        var i = s.index(after: open)
        while i < s.endIndex {
            let c = s[i]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == ">" {
                return i
            }
            i = s.index(after: i)
        }
        return nil
    }

    /// `name="value"` pairs of a tag (values entity-decoded).
    static func attributes(_ s: Substring) -> [String: String] {
        var result: [String: String] = [:]
        var i = s.startIndex
        while i < s.endIndex {
            while i < s.endIndex, s[i].isWhitespace || s[i] == "/" { i = s.index(after: i) }
            let nameStart = i
            while i < s.endIndex, !s[i].isWhitespace, s[i] != "=", s[i] != ">" { i = s.index(after: i) }
            let name = s[nameStart..<i].lowercased()
            guard !name.isEmpty else { break }
            guard i < s.endIndex, s[i] == "=" else { result[name] = ""; continue }
            i = s.index(after: i)
            guard i < s.endIndex else { break }
            if s[i] == "\"" || s[i] == "'" {
                let q = s[i]
                i = s.index(after: i)
                let valueStart = i
                while i < s.endIndex, s[i] != q { i = s.index(after: i) }
                result[name] = decode(String(s[valueStart..<i]))
                if i < s.endIndex { i = s.index(after: i) }
            } else {
                let valueStart = i
                while i < s.endIndex, !s[i].isWhitespace { i = s.index(after: i) }
                result[name] = decode(String(s[valueStart..<i]))
            }
        }
        return result
    }

    static let voidElements: Set<String> = ["br", "img", "hr", "input", "meta", "link", "wbr", "source"]

    /// The HTML inside an element named `name` whose start tag ends before
    /// `start`, up to its matching end tag (same-named elements nest).
    static func inner(_ s: String, name: String, after start: String.Index) -> Substring {
        guard !voidElements.contains(name) else { return s[start..<start] }
        var depth = 1
        var i = start
        while let lt = s[i...].firstIndex(of: "<") {
            let rest = s[s.index(after: lt)...]
            if rest.hasPrefix("/") {
                let closing = rest.dropFirst().prefix { $0.isLetter || $0.isNumber }.lowercased()
                if closing == name {
                    depth -= 1
                    if depth == 0 { return s[start..<lt] }
                }
            } else if rest.prefix(while: { $0.isLetter || $0.isNumber }).lowercased() == name {
                depth += 1
            }
            i = s.index(after: lt)
        }
        return s[start..<s.endIndex]
    }

    /// Visible text of some HTML: tags and comments removed, entities
    /// decoded, white space collapsed. With `links`, the targets of `href`
    /// and `src` are kept too (a changed link changes the text).
    static func text(_ html: Substring, links: Bool = false) -> String {
        var out = ""
        var i = html.startIndex
        while i < html.endIndex {
            let c = html[i]
            if c == "<" {
                if html[i...].hasPrefix("<!--"), let end = html[i...].range(of: "-->") {
                    i = end.upperBound
                    continue
                }
                guard let tagEnd = tagEnd(html, from: i) else { break }
                if links {
                    let tag = html[html.index(after: i)..<tagEnd]
                    let attrs = attributes(tag.drop { !$0.isWhitespace })
                    for key in ["href", "src"] { if let v = attrs[key] { out += " ⟨\(v)⟩ " } }
                }
                out += " "
                i = html.index(after: tagEnd)
                continue
            }
            out.append(c)
            i = html.index(after: i)
        }
        return collapse(decode(out))
    }

    static func collapse(_ s: String) -> String {
        s.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#39;`, `&apos;`, `&nbsp;` and numeric references.
    static func decode(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = ""
        var i = s.startIndex
        while i < s.endIndex {
            guard s[i] == "&", let semi = s[i...].prefix(12).firstIndex(of: ";") else {
                out.append(s[i])
                i = s.index(after: i)
                continue
            }
            let entity = s[s.index(after: i)..<semi]
            var replacement: String?
            switch entity {
            case "amp": replacement = "&"
            case "lt": replacement = "<"
            case "gt": replacement = ">"
            case "quot": replacement = "\""
            case "apos": replacement = "'"
            case "nbsp": replacement = " "
            default:
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    replacement = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
                } else if entity.hasPrefix("#") {
                    replacement = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
                }
            }
            if let replacement {
                out += replacement
                i = s.index(after: semi)
            } else {
                out.append(s[i])
                i = s.index(after: i)
            }
        }
        return out
    }
}
