import CCmark
import GongkaiCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One pass over the AST with cmark's own iterator (a recursive walk could
/// overflow the stack on deeply nested but legal input): collects plain
/// text, headings, the first paragraph and the paragraphs that are tables.
/// Nodes are only replaced after the walk (`TableReplacement.install`).
struct DocumentWalk {
    let lines: SourceLines
    var text = PlainText()
    var headings: [(level: Int, text: String)] = []
    /// The document's top-level blocks in order (for `StructuralHeadings`).
    var blocks: [StructuralHeadings.Block] = []
    var tables: [TableReplacement] = []
    var firstParagraph: String?
    /// Turns a ```` ```table ```` block into a table; nil leaves such blocks as code.
    var resolveTable: ((TableBlock) -> IncludedTable?)?

    private var headingText: String?
    private var paragraphStart: Int?
    /// While inside a paragraph that becomes a table, its inlines are not text.
    private var skipping: OpaquePointer?

    init(lines: SourceLines) {
        self.lines = lines
    }

    mutating func run(_ doc: OpaquePointer) {
        guard let iter = cmark_iter_new(doc) else { return }
        func topLevel(_ node: OpaquePointer) -> Bool { cmark_node_parent(node) == doc }
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iter) else { continue }
            let entering = event == CMARK_EVENT_ENTER
            let type = cmark_node_get_type(node)
            if let skip = skipping {
                if node == skip && !entering { skipping = nil }
                continue
            }
            switch type {
            case CMARK_NODE_PARAGRAPH:
                if entering {
                    if let table = tableIn(paragraph: node) {
                        tables.append(table)
                        text.block(table.plainText)
                        skipping = node
                        if topLevel(node) { blocks.append(.other) }
                    } else {
                        paragraphStart = text.count
                    }
                } else {
                    if let start = paragraphStart {
                        let own = text.suffix(from: start)
                        if firstParagraph == nil { firstParagraph = own }
                        if topLevel(node) { blocks.append(.paragraph(node: node, text: own)) }
                    }
                    paragraphStart = nil
                    text.endBlock()
                }
            case CMARK_NODE_HEADING:
                if entering {
                    headingText = ""
                } else {
                    headings.append((Int(cmark_node_get_heading_level(node)), headingText ?? ""))
                    blocks.append(.heading(index: headings.count - 1, text: headingText ?? ""))
                    headingText = nil
                    text.endBlock()
                }
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                // Most text goes only into the plain text: its bytes, without a String each.
                let literal = Self.bytes(cmark_node_get_literal(node))
                text.append(literal)
                if headingText != nil { headingText! += String(decoding: literal, as: UTF8.self) }
            case CMARK_NODE_CODE_BLOCK:
                if topLevel(node) { blocks.append(.other) }
                let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                if let resolve = resolveTable, let block = tableBlock(node, literal: literal) {
                    if let included = resolve(block) {
                        let table = TableReplacement(block: node, included: included)
                        tables.append(table)
                        text.block(table.plainText)
                    } else {
                        tables.append(TableReplacement(empty: node))
                    }
                    continue
                }
                text.block(literal)
            case CMARK_NODE_SOFTBREAK:
                text.softBreak()
                if headingText != nil { headingText! += " " }
            case CMARK_NODE_LINEBREAK:
                text.lineBreak()
            case CMARK_NODE_ITEM, CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_THEMATIC_BREAK:
                if !entering || type == CMARK_NODE_THEMATIC_BREAK { text.endBlock() }
                if entering && topLevel(node) { blocks.append(.other) }
            case CMARK_NODE_LIST, CMARK_NODE_HTML_BLOCK:
                if entering && topLevel(node) { blocks.append(.other) }
            default:
                break
            }
        }
    }

    /// The paragraph's source lines with container markers (`>`, list
    /// indentation) removed, if it holds a pipe table.
    private func tableIn(paragraph node: OpaquePointer) -> TableReplacement? {
        let first = Int(cmark_node_get_start_line(node))
        let last = Int(cmark_node_get_end_line(node))
        guard first >= 1, last >= first + 1 else { return nil }
        var quoteDepth = 0
        var parent = cmark_node_parent(node)
        while let p = parent {
            if cmark_node_get_type(p) == CMARK_NODE_BLOCK_QUOTE { quoteDepth += 1 }
            parent = cmark_node_parent(p)
        }
        let startColumn = Int(cmark_node_get_start_column(node))
        var rows: [ArraySlice<UInt8>] = []
        var sawPipe = false
        for n in first...last {
            var line = lines.line(n)
            if n == first {
                line = line.dropFirst(max(0, startColumn - 1))
            } else {
                line = stripContainers(line, quoteDepth: quoteDepth)
            }
            if line.contains(124) { sawPipe = true }
            rows.append(line)
        }
        guard sawPipe, let table = PipeTable.parse(rows) else { return nil }
        return TableReplacement(paragraph: node, table: table, lines: lines)
    }

    /// A fenced code block whose info string's first word is `table` or `表格`.
    private func tableBlock(_ node: OpaquePointer, literal: String) -> TableBlock? {
        // Only fenced blocks have an info string (indented code has none).
        guard let raw = cmark_node_get_fence_info(node) else { return nil }
        let info = String(cString: raw).trimmingWhitespace()
        let word = info.prefix { !$0.isWhitespace }
        guard TableBlock.keywords.contains(word.lowercased()) else { return nil }
        let rest = String(info.dropFirst(word.count)).trimmingWhitespace()
        let line = Int(cmark_node_get_start_line(node))
        let byteColumn = Int(cmark_node_get_start_column(node))
        let start = line >= 1 && line <= lines.starts.count ? lines.starts[line - 1] + max(0, byteColumn - 1) : 0
        let column = lines.position(ofByte: start)?.column ?? byteColumn
        return TableBlock(info: rest, content: literal, line: line, column: column)
    }

    /// A node's literal (valid UTF-8: cmark replaces what is not), in place.
    private static func bytes(_ literal: UnsafePointer<CChar>?) -> UnsafeBufferPointer<UInt8> {
        guard let literal else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal))
    }

    private func stripContainers(_ line: ArraySlice<UInt8>, quoteDepth: Int) -> ArraySlice<UInt8> {
        var rest = line
        func dropSpaces() { while let b = rest.first, b == 32 || b == 9 { rest = rest.dropFirst() } }
        dropSpaces()
        for _ in 0..<quoteDepth {
            if rest.first == 62 { rest = rest.dropFirst(); dropSpaces() }
        }
        return rest
    }
}

/// Plain text as a reader would copy it: CJK lines joined without spaces
/// (a soft line break inside Chinese text is not a space), Latin words kept apart.
/// Kept as UTF-8 bytes and made into one string at the end.
struct PlainText {
    private var bytes: [UInt8] = []
    private var pendingBreak = false

    var result: String { String(decoding: bytes, as: UTF8.self) }

    var count: Int { bytes.count }

    func suffix(from byteOffset: Int) -> String {
        String(decoding: bytes[byteOffset...], as: UTF8.self).trimmingWhitespace()
    }

    mutating func append(_ s: String) {
        var s = s
        s.withUTF8 { append($0) }
    }

    mutating func append(_ s: UnsafeBufferPointer<UInt8>) {
        guard !s.isEmpty else { return }
        if pendingBreak {
            if let a = lastScalar, needsSpace(a, Self.firstScalar(s)) {
                bytes.append(0x20)
            }
            pendingBreak = false
        }
        bytes.append(contentsOf: s)
    }

    mutating func softBreak() { pendingBreak = true }

    mutating func lineBreak() {
        pendingBreak = false
        bytes.append(0x0A)
    }

    mutating func endBlock() {
        pendingBreak = false
        if !bytes.isEmpty && !endsWithNewline { bytes.append(0x0A) }
    }

    mutating func block(_ s: String) {
        endBlock()
        bytes.append(contentsOf: s.utf8)
        endBlock()
    }

    mutating func block(_ s: UnsafeBufferPointer<UInt8>) {
        endBlock()
        bytes.append(contentsOf: s)
        endBlock()
    }

    /// The text's last character is a line feed: `hasSuffix("\n")` on
    /// characters, where CR LF is one character and not a line feed.
    private var endsWithNewline: Bool {
        guard let last = bytes.last, last == 0x0A else { return false }
        return bytes.count < 2 || bytes[bytes.count - 2] != 0x0D
    }

    private var lastScalar: Unicode.Scalar? {
        guard var i = bytes.indices.last else { return nil }
        while i > 0, bytes[i] & 0xC0 == 0x80 { i -= 1 }
        return Self.firstScalar(bytes[i...])
    }

    private static func firstScalar(_ s: some Collection<UInt8>) -> Unicode.Scalar {
        var iterator = s.makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return "\u{FFFD}"
    }

    private func needsSpace(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        a.value < 0x2E80 && b.value < 0x2E80 && a != " " && b != " "
    }
}
