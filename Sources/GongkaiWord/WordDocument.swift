/// A Word document (`.docx`, as Word, WPS and LibreOffice save it) read into
/// values: the body's paragraphs and tables in order, with what a reader of
/// the page sees of them (style, outline level, alignment, list numbers as
/// Word shows them, bold/italic/size of each run), images with their bytes,
/// footnotes, endnotes, comments, headers and footers, and what was left out
/// of the visible text (deleted revisions, hidden text).
///
/// GongkaiWord owns reading Word and nothing else: bytes in, a document or a
/// `WordFailure` out (`WordDocument.read`). It never touches the file system,
/// prints or knows about notices; `plainText()` gives every piece of text with
/// its location for checks such as the privacy guard.
public struct WordDocument: Sendable, Hashable {
    /// The main story (the body), in document order.
    public var body: [WordBlock]
    /// Footnotes and endnotes in the order their references appear in the
    /// body (so `number` is what Word prints: 1, 2, 3 …).
    public var footnotes: [WordNote]
    public var endnotes: [WordNote]
    /// Comments (批注), in the order of their ids.
    public var comments: [WordComment]
    /// Headers and footers (页眉、页脚) the sections use, each once.
    public var headers: [WordStory]
    public var footers: [WordStory]
    /// Every image embedded in the document, each package file once; runs
    /// refer to them by index (`WordInline.image`).
    public var images: [WordImage]
    /// Sections (节) in order; the last one holds the body's final `sectPr`.
    public var sections: [WordSection]
    /// Tracked changes found, with the text of deletions (which Word still
    /// keeps in the file).
    public var revisions: [WordRevision]
    /// Fields (域): their instruction and the result text Word last saved,
    /// which is what the document shows.
    public var fields: [WordField]
    /// Things in the document that carry no text this reader can give:
    /// embedded objects, charts, `altChunk` parts, external images.
    public var omissions: [WordOmission]
    /// Text that Word hides (`w:vanish`), not part of the paragraphs.
    public var hiddenText: [WordText]
    /// docProps/core.xml and app.xml.
    public var properties: WordProperties
    /// The size of body text in points (the Normal style, else the document
    /// default, else Word's 10 pt).
    public var defaultFontSize: Double

    public init(body: [WordBlock] = [], footnotes: [WordNote] = [], endnotes: [WordNote] = [],
                comments: [WordComment] = [], headers: [WordStory] = [], footers: [WordStory] = [],
                images: [WordImage] = [], sections: [WordSection] = [], revisions: [WordRevision] = [],
                fields: [WordField] = [], omissions: [WordOmission] = [], hiddenText: [WordText] = [],
                properties: WordProperties = WordProperties(), defaultFontSize: Double = 10) {
        self.body = body
        self.footnotes = footnotes
        self.endnotes = endnotes
        self.comments = comments
        self.headers = headers
        self.footers = footers
        self.images = images
        self.sections = sections
        self.revisions = revisions
        self.fields = fields
        self.omissions = omissions
        self.hiddenText = hiddenText
        self.properties = properties
        self.defaultFontSize = defaultFontSize
    }
}

/// A block of a story: a paragraph or a table.
public enum WordBlock: Sendable, Hashable {
    case paragraph(WordParagraph)
    case table(WordTable)
}

public struct WordParagraph: Sendable, Hashable {
    public enum Alignment: String, Sendable, Hashable {
        case start, center, end, justified, distributed
    }

    /// The paragraph style (`w:pStyle`), or the document's default style.
    public var style: WordStyleName?
    /// 0 for a level-1 heading … 8; nil for body text. From the paragraph,
    /// else its style chain (Word's 大纲级别).
    public var outlineLevel: Int?
    public var alignment: Alignment
    /// Indentation in twentieths of a point (twips); `firstLine` is negative
    /// for a hanging indent. Character-based indents (`firstLineChars`) are
    /// converted at the paragraph's font size.
    public var leftIndent: Int
    public var firstLineIndent: Int
    /// The list number or bullet Word draws before the text, when the
    /// paragraph is in a list (automatic numbering).
    public var numbering: WordNumbering?
    public var content: [WordInline]
    /// Set on the last paragraph of a section other than the last one.
    public var endsSection: Bool

    public init(style: WordStyleName? = nil, outlineLevel: Int? = nil, alignment: Alignment = .start,
                leftIndent: Int = 0, firstLineIndent: Int = 0, numbering: WordNumbering? = nil,
                content: [WordInline] = [], endsSection: Bool = false) {
        self.style = style
        self.outlineLevel = outlineLevel
        self.alignment = alignment
        self.leftIndent = leftIndent
        self.firstLineIndent = firstLineIndent
        self.numbering = numbering
        self.content = content
        self.endsSection = endsSection
    }

    /// The paragraph's text as Word shows it, without its list number: runs
    /// joined, a tab as `\t`, a line break as `\n`; text boxes, images and
    /// note references leave nothing.
    public var text: String {
        var s = ""
        for piece in content {
            switch piece {
            case .text(let run): s += run.text
            case .tab: s += "\t"
            case .lineBreak: s += "\n"
            case .pageBreak, .columnBreak, .image, .noteReference, .textBox, .commentMark: break
            }
        }
        return s
    }

    /// The text with the list number in front, as printed.
    public var displayText: String {
        guard let numbering, !numbering.text.isEmpty else { return text }
        return numbering.text + numbering.separator + text
    }

    /// The runs of text (for formatting questions: is it all bold, how large).
    public var runs: [WordRun] {
        content.compactMap { if case .text(let run) = $0 { return run } else { return nil } }
    }

    /// Text boxes anchored in this paragraph.
    public var textBoxes: [WordTextBox] {
        content.compactMap { if case .textBox(let box) = $0 { return box } else { return nil } }
    }
}

public struct WordStyleName: Sendable, Hashable {
    /// `w:styleId` (`Heading1`, `1`, `a3` …: writers differ).
    public var id: String
    /// `w:name` (`heading 1`, `Title`, `标题 1` …), or the id when unnamed.
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// A list number as Word draws it.
public struct WordNumbering: Sendable, Hashable {
    public enum Format: String, Sendable, Hashable {
        case decimal, chinese, chineseLegal, heavenlyStem, earthlyBranch, letter, roman, circled, bullet, none, other
    }

    /// `w:numId` and `w:ilvl` (0-based level).
    public var list: Int
    public var level: Int
    /// The number text: `一、`, `（一）`, `1.`, `1.2`, `①`, `•` …
    public var text: String
    /// What Word puts between the number and the text: `\t`, ` ` or nothing.
    public var separator: String
    public var format: Format
    /// The counter's value at this paragraph (1 for the first item).
    public var value: Int

    public init(list: Int, level: Int, text: String, separator: String, format: Format, value: Int) {
        self.list = list
        self.level = level
        self.text = text
        self.separator = separator
        self.format = format
        self.value = value
    }

    public var isBullet: Bool { format == .bullet }
}

/// A piece of a paragraph, in order.
public enum WordInline: Sendable, Hashable {
    case text(WordRun)
    case tab
    case lineBreak
    case pageBreak
    case columnBreak
    /// An image: the index into `WordDocument.images`, with its alt text.
    case image(index: Int, description: String)
    /// A footnote (`footnote: true`) or endnote reference: the note's number.
    case noteReference(footnote: Bool, number: Int)
    case textBox(WordTextBox)
    /// Where a comment is anchored: the index into `WordDocument.comments`.
    case commentMark(Int)
}

/// A run of text with one formatting (adjacent runs with the same formatting
/// are joined).
public struct WordRun: Sendable, Hashable {
    public enum VerticalPosition: String, Sendable, Hashable { case baseline, superscript, `subscript` }

    public var text: String
    public var bold: Bool
    public var italic: Bool
    public var underline: Bool
    public var strike: Bool
    /// Points; nil when neither the run, its styles nor the defaults say.
    public var size: Double?
    public var position: VerticalPosition
    /// A hyperlink's target (external URL, or `#bookmark`).
    public var link: String?

    public init(text: String, bold: Bool = false, italic: Bool = false, underline: Bool = false, strike: Bool = false,
                size: Double? = nil, position: VerticalPosition = .baseline, link: String? = nil) {
        self.text = text
        self.bold = bold
        self.italic = italic
        self.underline = underline
        self.strike = strike
        self.size = size
        self.position = position
        self.link = link
    }

    func sameFormat(as other: WordRun) -> Bool {
        bold == other.bold && italic == other.italic && underline == other.underline && strike == other.strike
            && size == other.size && position == other.position && link == other.link
    }
}

public struct WordTextBox: Sendable, Hashable {
    public var blocks: [WordBlock]

    public init(blocks: [WordBlock]) {
        self.blocks = blocks
    }
}

public struct WordTable: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        public var cells: [Cell]
        /// Repeated as a header on each page (`w:tblHeader`).
        public var isHeader: Bool
        /// Grid columns left empty before the first cell (`w:gridBefore`).
        public var skippedBefore: Int

        public init(cells: [Cell], isHeader: Bool = false, skippedBefore: Int = 0) {
            self.cells = cells
            self.isHeader = isHeader
            self.skippedBefore = skippedBefore
        }
    }

    public struct Cell: Sendable, Hashable {
        public enum VerticalMerge: String, Sendable, Hashable {
            /// Not merged with the cell above or below.
            case none
            /// The first cell of a vertical merge: it holds the text.
            case restart
            /// Merged into the cell above: empty in the file, covered on the page.
            case `continue`
        }

        public var blocks: [WordBlock]
        /// 0-based grid column where the cell starts.
        public var column: Int
        /// Grid columns it spans (`w:gridSpan`), at least 1.
        public var columnSpan: Int
        public var verticalMerge: VerticalMerge
        /// Rows the cell covers: 1, or for a `restart` cell the rows of its merge.
        public var rowSpan: Int

        public init(blocks: [WordBlock], column: Int, columnSpan: Int = 1, verticalMerge: VerticalMerge = .none,
                    rowSpan: Int = 1) {
            self.blocks = blocks
            self.column = column
            self.columnSpan = columnSpan
            self.verticalMerge = verticalMerge
            self.rowSpan = rowSpan
        }

        /// The cell's paragraphs (list numbers included), one line each;
        /// nested tables give their rows, cells joined by a space.
        public var lines: [String] {
            var result: [String] = []
            for block in blocks {
                switch block {
                case .paragraph(let p): result.append(p.displayText)
                case .table(let t):
                    for row in t.rows {
                        result.append(row.cells.map { $0.lines.joined(separator: " ") }.joined(separator: " "))
                    }
                }
            }
            return result
        }

        /// The text of the cell: its lines joined by `\n`, surrounding empty
        /// lines dropped.
        public var text: String {
            var l = lines
            while let first = l.first, first.allSatisfy(\.isWhitespace) { l.removeFirst() }
            while let last = l.last, last.allSatisfy(\.isWhitespace) { l.removeLast() }
            return l.joined(separator: "\n")
        }
    }

    public var rows: [Row]
    /// The grid's column widths in twips (`w:tblGrid`); may be empty in files
    /// from some writers, see `columnCount`.
    public var columnWidths: [Int]
    public var style: WordStyleName?

    public init(rows: [Row], columnWidths: [Int] = [], style: WordStyleName? = nil) {
        self.rows = rows
        self.columnWidths = columnWidths
        self.style = style
    }

    /// Columns of the table's grid: the declared grid or the widest row.
    public var columnCount: Int {
        let used = rows.map { row in row.cells.last.map { $0.column + $0.columnSpan } ?? row.skippedBefore }.max() ?? 0
        return max(columnWidths.count, used)
    }

    /// What covers each slot of the grid: the table as a rectangle of
    /// `rows.count` × `columnCount`, merged cells expanded.
    public func layout() -> [[Slot]] {
        let width = columnCount
        var grid = Array(repeating: Array(repeating: Slot.empty, count: width), count: rows.count)
        for (r, row) in rows.enumerated() {
            for (i, cell) in row.cells.enumerated() {
                for c in cell.column..<min(width, cell.column + cell.columnSpan) {
                    switch cell.verticalMerge {
                    case .continue:
                        if case .cell(let or, let oi) = grid[max(0, r - 1)][c], r > 0 {
                            grid[r][c] = .covered(row: or, index: oi)
                        } else if case .covered(let or, let oi) = grid[max(0, r - 1)][c], r > 0 {
                            grid[r][c] = .covered(row: or, index: oi)
                        } else {
                            grid[r][c] = c == cell.column ? .cell(row: r, index: i) : .covered(row: r, index: i)
                        }
                    default:
                        grid[r][c] = c == cell.column ? .cell(row: r, index: i) : .covered(row: r, index: i)
                    }
                }
            }
        }
        return grid
    }

    /// One slot of `layout()`.
    public enum Slot: Sendable, Hashable {
        /// A cell starts here: `rows[row].cells[index]`.
        case cell(row: Int, index: Int)
        /// Covered by a cell that starts to the left or above (a merge).
        case covered(row: Int, index: Int)
        /// No cell (a short row, `gridBefore`/`gridAfter`).
        case empty
    }
}

public struct WordImage: Sendable, Hashable {
    /// The file name inside the package (`image1.png`).
    public var name: String
    /// The path inside the package (`word/media/image1.png`).
    public var path: String
    public var bytes: [UInt8]
    /// Lower-case extension without the dot (`png`, `jpeg`, `emf` …).
    public var fileExtension: String {
        guard let dot = name.lastIndex(of: ".") else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    public init(name: String, path: String, bytes: [UInt8]) {
        self.name = name
        self.path = path
        self.bytes = bytes
    }
}

/// A footnote or endnote.
public struct WordNote: Sendable, Hashable {
    /// The number Word prints (1-based, by order of reference).
    public var number: Int
    public var blocks: [WordBlock]

    public init(number: Int, blocks: [WordBlock]) {
        self.number = number
        self.blocks = blocks
    }
}

public struct WordComment: Sendable, Hashable {
    public var author: String
    /// As written in the file (`2026-11-05T09:30:00Z`), empty when absent.
    public var date: String
    public var blocks: [WordBlock]
    /// The 1-based ordinal of the body paragraph the comment is anchored at
    /// (see `WordLocation`), nil when it is not anchored in the body.
    public var paragraph: Int?

    public init(author: String, date: String, blocks: [WordBlock], paragraph: Int? = nil) {
        self.author = author
        self.date = date
        self.blocks = blocks
        self.paragraph = paragraph
    }
}

/// A header or footer.
public struct WordStory: Sendable, Hashable {
    public var blocks: [WordBlock]

    public init(blocks: [WordBlock]) {
        self.blocks = blocks
    }
}

public struct WordSection: Sendable, Hashable {
    /// Page size in twips (A4 portrait: 11906 × 16838).
    public var pageWidth: Int?
    public var pageHeight: Int?
    public var landscape: Bool
    public var columns: Int

    public init(pageWidth: Int? = nil, pageHeight: Int? = nil, landscape: Bool = false, columns: Int = 1) {
        self.pageWidth = pageWidth
        self.pageHeight = pageHeight
        self.landscape = landscape
        self.columns = columns
    }
}

public struct WordRevision: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// Inserted text: kept (as Word shows it after 接受所有修订).
        case insertion
        /// Deleted text: left out of the paragraphs; `text` holds it.
        case deletion
        /// Text moved away (left out) and where it moved to (kept).
        case moveFrom, moveTo
        /// A formatting change: the new formatting is kept.
        case formatting
        /// A deleted table row: left out.
        case rowDeletion
    }

    public var kind: Kind
    public var author: String
    public var date: String
    /// The deleted or moved-away text; empty for the kinds that are kept.
    public var text: String
    /// Where it is (a body paragraph or table cell, a note …).
    public var location: WordLocation

    public init(kind: Kind, author: String, date: String, text: String, location: WordLocation) {
        self.kind = kind
        self.author = author
        self.date = date
        self.text = text
        self.location = location
    }
}

public struct WordField: Sendable, Hashable {
    /// The field's code, e.g. `DATE \@ "yyyy年M月d日"`, `PAGE`, `HYPERLINK "…"`.
    public var instruction: String
    /// The first word of the instruction, upper case (`DATE`, `PAGE` …).
    public var kind: String {
        String(instruction.split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "").uppercased()
    }
    /// The text Word saved as the field's result (what the page shows).
    public var result: String
    public var location: WordLocation

    public init(instruction: String, result: String, location: WordLocation) {
        self.instruction = instruction
        self.result = result
        self.location = location
    }
}

public struct WordOmission: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// An embedded OLE object (an Excel sheet, an equation editor object …).
        case embeddedObject
        /// A chart or diagram (SmartArt) drawn from data in other parts.
        case chart
        /// A part in another format merged in (`w:altChunk`: HTML, RTF …).
        case alternativeFormatChunk
        /// An image linked to a file outside the document.
        case externalImage
        /// An image whose relationship or file is missing from the package.
        case missingImage
    }

    public var kind: Kind
    public var location: WordLocation
    /// What the document says about it (the object's program id, a file name).
    public var detail: String

    public init(kind: Kind, location: WordLocation, detail: String) {
        self.kind = kind
        self.location = location
        self.detail = detail
    }
}

public struct WordProperties: Sendable, Hashable {
    public var title: String?
    public var subject: String?
    public var creator: String?
    public var lastModifiedBy: String?
    /// As written (`2026-11-05T08:00:00Z`).
    public var created: String?
    public var modified: String?
    /// The program that saved the file (`Microsoft Office Word`, `WPS Office`,
    /// `LibreOffice/7.4…`, `python-docx`).
    public var application: String?

    public init(title: String? = nil, subject: String? = nil, creator: String? = nil, lastModifiedBy: String? = nil,
                created: String? = nil, modified: String? = nil, application: String? = nil) {
        self.title = title
        self.subject = subject
        self.creator = creator
        self.lastModifiedBy = lastModifiedBy
        self.created = created
        self.modified = modified
        self.application = application
    }
}
