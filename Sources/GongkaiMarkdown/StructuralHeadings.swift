import CCmark

/// The structure of Chinese legal texts (laws, regulations, 村规民约) written
/// as plain paragraphs: a line `第一章　总则` or `第二节　…` on its own, and
/// paragraphs that start with an article number, `第十二条　…` (with an
/// optional title, `第五条【环境卫生】…`). They count as headings (levels
/// `chapter`, `section`, `article`) so a search hit can link to them: the
/// paragraph gets the anchor as its id. A table of contents (chapter lines
/// one after the other) is not a heading.
enum StructuralHeadings {
    static let chapter = 7
    static let section = 8
    static let article = 9

    /// One top-level block of the document, in order.
    enum Block {
        case heading(index: Int, text: String)
        case paragraph(node: OpaquePointer, text: String)
        case other
    }

    struct Found {
        var level: Int
        var text: String
        /// The paragraph; nil for a Markdown heading.
        var node: OpaquePointer?
        /// For a Markdown heading: its index among the document's headings.
        var headingIndex: Int?
    }

    /// Markdown headings and structural paragraphs, in document order.
    static func select(_ blocks: [Block], headings: [(level: Int, text: String)]) -> [Found] {
        func kind(_ text: String) -> Int? { line(text)?.level }
        var out: [Found] = []
        for (k, block) in blocks.enumerated() {
            switch block {
            case .heading(let index, _):
                out.append(Found(level: headings[index].level, text: headings[index].text, node: nil, headingIndex: index))
            case .paragraph(let node, let text):
                if let found = line(text) {
                    // A chapter or section line followed by a chapter line is
                    // a table of contents entry.
                    var next: String?
                    if k + 1 < blocks.count {
                        switch blocks[k + 1] {
                        case .heading(_, let t), .paragraph(_, let t): next = t
                        case .other: next = nil
                        }
                    }
                    if let next, kind(next) == chapter || (found.level == section && kind(next) == section) { continue }
                    out.append(Found(level: found.level, text: found.text, node: node, headingIndex: nil))
                } else if let title = articleHeading(text) {
                    out.append(Found(level: article, text: title, node: node, headingIndex: nil))
                }
            case .other:
                continue
            }
        }
        return out
    }

    static let numerals: Set<Character> = Set("〇零一二三四五六七八九十百千两0123456789０１２３４５６７８９")

    /// `第…章 标题` or `第…节 标题` as a whole line (a title of at most 40
    /// characters, not a sentence).
    static func line(_ text: String) -> (level: Int, text: String)? {
        let t = text.trimmingWhitespace()
        guard t.hasPrefix("第"), !t.contains("\n"), t.count <= 48 else { return nil }
        var rest = t.dropFirst()
        let number = rest.prefix { numerals.contains($0) }
        guard !number.isEmpty, number.count <= 6 else { return nil }
        rest = rest.dropFirst(number.count)
        guard let unit = rest.first, unit == "章" || unit == "节" else { return nil }
        let title = rest.dropFirst()
        guard title.isEmpty || title.first!.isWhitespace || title.first == "　" else { return nil }
        guard !title.contains(where: { "。；;，,：:".contains($0) }) else { return nil }
        return (unit == "章" ? chapter : section, t)
    }

    /// `第十二条` (and `【标题】` right after it) at the start of a paragraph
    /// whose number is followed by a space, a bracket, a colon or nothing.
    static func articleHeading(_ text: String) -> String? {
        let t = text.trimmingWhitespace()
        guard t.hasPrefix("第") else { return nil }
        var rest = t.dropFirst()
        let number = rest.prefix { numerals.contains($0) }
        guard !number.isEmpty, number.count <= 6 else { return nil }
        rest = rest.dropFirst(number.count)
        guard rest.first == "条" else { return nil }
        rest = rest.dropFirst()
        let label = "第" + number + "条"
        guard let next = rest.first else { return label }
        if next == "【" || next == "〔" || next == "[" {
            let close: Character = next == "【" ? "】" : (next == "〔" ? "〕" : "]")
            if let end = rest.firstIndex(of: close), rest.distance(from: rest.startIndex, to: end) <= 20 {
                return label + rest[...end]
            }
            return label
        }
        return next.isWhitespace || next == "　" || next == "：" || next == ":" ? label : nil
    }

    /// Marks each structural paragraph so its `<p>` can take the anchor
    /// (a custom inline node whose HTML is a marker no text can produce:
    /// text is escaped, so `<gk-anchor>` only comes from here).
    static let marker = "<gk-anchor>"

    static func mark(_ node: OpaquePointer) {
        guard let mark = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return }
        cmark_node_set_on_enter(mark, marker)
        cmark_node_set_on_exit(mark, "")
        if let first = cmark_node_first_child(node) {
            cmark_node_insert_before(first, mark)
        } else {
            cmark_node_append_child(node, mark)
        }
    }

    /// `<p><gk-anchor>` → `<p id="anchor">`, the n-th marker taking the n-th anchor.
    static func insertIDs(_ anchors: [String], into html: String) -> String {
        guard !anchors.isEmpty else { return html }
        let pattern = Array(("<p>" + marker).utf8)
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + anchors.count * 24)
        var i = 0, k = 0
        while i < bytes.count {
            if bytes[i] == pattern[0], i + pattern.count <= bytes.count, Array(bytes[i..<i + pattern.count]) == pattern {
                out += Array((k < anchors.count ? "<p id=\"" + HTML.escape(anchors[k]) + "\">" : "<p>").utf8)
                k += 1
                i += pattern.count
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
