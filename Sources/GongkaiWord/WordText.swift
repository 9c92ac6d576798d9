/// Where a piece of text is in a Word document, as a clerk finds it with the
/// document open: `正文第 12 段`, `正文第 2 个表格第 3 行第 2 列`, `脚注 1` …
///
/// Paragraphs are counted as people count them on the page: paragraphs with
/// visible text, an image or a text box, outside tables, from 1. Tables are counted from 1 in the
/// story; rows and columns from 1, columns on the table's grid (a merged
/// cell is at its first column). Text in a text box is located at the
/// paragraph it is anchored to; text in a nested table at the outer cell.
public struct WordLocation: Sendable, Hashable, CustomStringConvertible {
    public enum Story: Sendable, Hashable {
        case body
        /// The note's number as printed.
        case footnote(Int)
        case endnote(Int)
        /// 1-based, in the order of `WordDocument.comments`.
        case comment(Int)
        /// 1-based, in the order of `WordDocument.headers` / `footers`.
        case header(Int)
        case footer(Int)
        /// docProps (title, author …).
        case properties
    }

    public var story: Story
    public var paragraph: Int?
    public var table: Int?
    public var row: Int?
    public var column: Int?
    public var inTextBox: Bool

    public init(story: Story, paragraph: Int? = nil, table: Int? = nil, row: Int? = nil, column: Int? = nil,
                inTextBox: Bool = false) {
        self.story = story
        self.paragraph = paragraph
        self.table = table
        self.row = row
        self.column = column
        self.inTextBox = inTextBox
    }

    public var description: String { WordMessages.location(self) }
}

/// A piece of a document's text and where it is.
public struct WordText: Sendable, Hashable {
    public var location: WordLocation
    public var text: String

    public init(location: WordLocation, text: String) {
        self.location = location
        self.text = text
    }
}

extension WordDocument {
    /// What besides the visible text `plainText(including:)` returns.
    public struct TextExtras: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// Comments (批注): in the file, shown by Word, not printed.
        public static let comments = TextExtras(rawValue: 1)
        /// Deleted and moved-away text of tracked changes: still in the file.
        public static let deletedText = TextExtras(rawValue: 2)
        /// Hidden text (`w:vanish`).
        public static let hiddenText = TextExtras(rawValue: 4)
        /// Title, subject, author and the other document properties.
        public static let properties = TextExtras(rawValue: 8)
        public static let all: TextExtras = [.comments, .deletedText, .hiddenText, .properties]
    }

    /// Every piece of text with its location, in reading order: the body
    /// (each paragraph with its list number; each table cell, its lines
    /// joined by `\n`; text boxes after the paragraph they are anchored
    /// to), then footnotes, endnotes, headers and footers, and the extras
    /// asked for. Empty pieces are left out. A checker that must see
    /// everything a reader of the file could see (the privacy guard) asks
    /// for `.all`.
    public func plainText(including extras: TextExtras = []) -> [WordText] {
        var out: [WordText] = []
        Self.collect(body, story: .body, into: &out)
        for note in footnotes { Self.collect(note.blocks, story: .footnote(note.number), into: &out) }
        for note in endnotes { Self.collect(note.blocks, story: .endnote(note.number), into: &out) }
        for (i, header) in headers.enumerated() { Self.collect(header.blocks, story: .header(i + 1), into: &out) }
        for (i, footer) in footers.enumerated() { Self.collect(footer.blocks, story: .footer(i + 1), into: &out) }
        if extras.contains(.comments) {
            for (i, comment) in comments.enumerated() { Self.collect(comment.blocks, story: .comment(i + 1), into: &out) }
        }
        if extras.contains(.deletedText) {
            for revision in revisions where !revision.text.isEmpty {
                out.append(WordText(location: revision.location, text: revision.text))
            }
        }
        if extras.contains(.hiddenText) {
            out += hiddenText.filter { !$0.text.isEmpty }
        }
        if extras.contains(.properties) {
            let p = properties
            for value in [p.title, p.subject, p.creator, p.lastModifiedBy].compactMap({ $0 }) where !value.isEmpty {
                out.append(WordText(location: WordLocation(story: .properties), text: value))
            }
        }
        return out
    }

    /// The text of a story's blocks with locations, and the location of every
    /// paragraph in reading order (the same order as the reader met them).
    static func collect(_ blocks: [WordBlock], story: WordLocation.Story, into out: inout [WordText]) {
        var walker = LocationWalker(story: story)
        walker.walk(blocks) { location, text in
            if !text.allSatisfy(\.isWhitespace) { out.append(WordText(location: location, text: text)) }
        }
    }
}

/// Walks a story and gives each paragraph (and each table cell) its
/// `WordLocation`. The reader numbers paragraphs in the same pre-order, so
/// locations noted while reading are resolved with `paragraphLocations`.
struct LocationWalker {
    let story: WordLocation.Story
    private var paragraphsWithText = 0
    private var tables = 0

    init(story: WordLocation.Story) {
        self.story = story
    }

    /// Calls `visit` for each top-level paragraph, text-box paragraph and
    /// table cell with its text; `each` (if given) for every paragraph in
    /// pre-order with its location.
    mutating func walk(_ blocks: [WordBlock], visit: (WordLocation, String) -> Void,
                       each: ((WordLocation) -> Void)? = nil) {
        for block in blocks {
            switch block {
            case .paragraph(let p):
                let hasText = Self.isVisible(p)
                let ordinal = paragraphsWithText + 1
                if hasText { paragraphsWithText += 1 }
                let location = WordLocation(story: story, paragraph: ordinal)
                each?(location)
                visit(location, p.displayText)
                var boxLocation = location
                boxLocation.inTextBox = true
                for box in p.textBoxes { Self.flat(box.blocks, at: boxLocation, visitText: true, visit: visit, each: each) }
            case .table(let t):
                tables += 1
                for (r, row) in t.rows.enumerated() {
                    for cell in row.cells {
                        let location = WordLocation(story: story, table: tables, row: r + 1, column: cell.column + 1)
                        Self.flat(cell.blocks, at: location, visitText: false, visit: visit, each: each)
                        visit(location, cell.text)
                    }
                }
            }
        }
    }

    /// Paragraphs inside a cell or text box: all at one location. A cell's
    /// own paragraphs are visited as the cell's text (`visitText` false);
    /// text boxes are visited wherever they are.
    private static func flat(_ blocks: [WordBlock], at location: WordLocation, visitText: Bool,
                             visit: (WordLocation, String) -> Void, each: ((WordLocation) -> Void)?) {
        for block in blocks {
            switch block {
            case .paragraph(let p):
                each?(location)
                if visitText { visit(location, p.displayText) }
                var inner = location
                inner.inTextBox = true
                for box in p.textBoxes { flat(box.blocks, at: inner, visitText: true, visit: visit, each: each) }
            case .table(let t):
                for row in t.rows {
                    for cell in row.cells {
                        flat(cell.blocks, at: location, visitText: false, visit: visit, each: each)
                        if visitText { visit(location, cell.text) }
                    }
                }
            }
        }
    }

    /// Whether a reader sees the paragraph on the page: text, an image or a text box.
    static func isVisible(_ p: WordParagraph) -> Bool {
        if !p.displayText.allSatisfy(\.isWhitespace) { return true }
        return p.content.contains {
            switch $0 {
            case .image, .textBox: return true
            default: return false
            }
        }
    }

    /// The location of every paragraph of `blocks`, in pre-order.
    static func paragraphLocations(_ blocks: [WordBlock], story: WordLocation.Story) -> [WordLocation] {
        var walker = LocationWalker(story: story)
        var result: [WordLocation] = []
        walker.walk(blocks, visit: { _, _ in }, each: { result.append($0) })
        return result
    }
}
