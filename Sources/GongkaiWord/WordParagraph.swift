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
