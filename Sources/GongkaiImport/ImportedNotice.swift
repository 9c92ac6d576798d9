import GongkaiCore

/// What `WordImport` makes of a Word document: the notice's Markdown, the
/// files to put beside it, what it guessed and how, what it left out, and
/// what the clerk still has to do. Nothing is written: the executable
/// writes `files` and then `path`.
public struct ImportedNotice: Sendable, Hashable {
    /// Relative to the site folder: `content/<community>/<year>/<name>.md`.
    public var path: String
    public var text: String
    /// Images and table files, to be written beside the notice (in its year folder).
    public var files: [File]
    public var guesses: Guesses
    /// Tables in the body: as pipe tables, or as CSV files with a table block.
    public var tables: [TableOutcome]
    /// What is in the document but not in the notice, one sentence each.
    public var dropped: [String]
    /// What only a person can supply or confirm, one short phrase each
    /// (`监督委员会审核`, `核对类别`).
    public var todo: [String]
    /// Problems found in the document, located in it (the privacy guard's
    /// findings at a paragraph or table cell; images that cannot be shown).
    public var diagnostics: [Diagnostic]

    public struct File: Sendable, Hashable {
        /// A file name in the notice's year folder.
        public var name: String
        public var bytes: [UInt8]
    }

    public struct TableOutcome: Sendable, Hashable {
        /// The CSV file's name, or nil for a pipe table in the body.
        public var csv: String?
        /// Why a CSV (merged cells, lines in a cell …); empty for pipe tables.
        public var reason: String
        /// Every cell's text as written, row by row, merged cells once at their
        /// first slot (what the notice shows).
        public var grid: [[String]]
    }

    public enum Source: String, Sendable, Hashable {
        /// Word's title or heading style.
        case style
        /// A centred, bold or larger first line.
        case formatting
        /// The first line, short and without a full stop.
        case firstLine
        /// The document's properties (文件 → 属性 → 标题).
        case properties
        case fileName
        /// The 落款 at the end of the document.
        case signature
        /// A line that is only a date near the top.
        case heading
        /// The text of the document says so.
        case document
        case today
        /// `--category`.
        case option
        /// Words in the title.
        case title
        /// Words in the body.
        case body
        /// Nothing matched: the catalogue's general category.
        case fallback
        /// The catalogue's minimum.
        case catalogue
    }

    public struct Guesses: Sendable, Hashable {
        public var title: String
        public var titleSource: Source
        public var date: CalendarDate
        public var dateSource: Source
        /// The 文号, with 六角括号.
        public var number: String?
        /// The 落款's issuer, when it has one.
        public var issuer: String?
        public var category: Category
        public var categorySource: Source
        /// The word that decided the category.
        public var categoryWord: String?
        public var period: (from: CalendarDate, to: CalendarDate)?
        public var periodSource: Source?
        /// 所属期 as written in the front matter (`2026-10`).
        public var covers: String?

        public static func == (a: Guesses, b: Guesses) -> Bool {
            a.title == b.title && a.titleSource == b.titleSource && a.date == b.date && a.dateSource == b.dateSource
                && a.number == b.number && a.issuer == b.issuer && a.category == b.category
                && a.categorySource == b.categorySource && a.categoryWord == b.categoryWord
                && a.period?.from == b.period?.from && a.period?.to == b.period?.to && a.periodSource == b.periodSource
                && a.covers == b.covers
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(title)
            hasher.combine(date)
            hasher.combine(number)
        }
    }
}
