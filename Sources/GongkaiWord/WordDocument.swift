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
