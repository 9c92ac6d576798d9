// The document's other parts: images, notes, comments, headers and
// footers, sections, tracked changes, fields, omissions, properties.

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
