import Foundation

/// A notice's values (`Notice` keeps them in one shared box).
public struct NoticeFields: Sendable, Hashable, Codable {
    public var id: NoticeID
    /// Source path relative to the site folder, for diagnostics.
    public var sourcePath: String
    public var title: String
    public var date: NoticeDate
    public var categorySlug: String
    public var period: DisplayPeriod?
    public var number: String?
    public var issuer: String?
    public var reviewed: Review?
    public var tags: [String]
    public var summary: String
    public var attachments: [Attachment]
    public var supersedes: NoticeID?
    public var draft: Bool
    /// The body, made when first asked for (a cache may hand it over unmade).
    public var deferredBody: Deferred<NoticeBody>
    public var body: NoticeBody {
        get { deferredBody.value }
        set { deferredBody = Deferred(newValue) }
    }
    /// 四议两公开 record, in the order written.
    public var process: [ProcessStep] = []
    /// 所属期: the month, quarter, half-year or year the notice reports on.
    public var covers: MonthSpan?
    /// Where each front-matter value was written (canonical English key →
    /// file line and column), so later checks can point at the clerk's line.
    public var positions: [String: SourcePosition] = [:]
    /// Attachments listed but refused (e.g. a disallowed type): not
    /// published, and not reported again as files no notice lists (GK130).
    public var refusedAttachments: [String] = []
    /// The CSV/xlsx files beside the notice that its ```table blocks read
    /// (file names): used, so not reported as stray files.
    public var tableFiles: [String] = []
    /// 修订记录: changes made in the open to a published notice (docs/design.md §8).
    public var revisions: [Revision] = []
    /// 撤回: set when the notice was withdrawn; its body is then not published.
    public var withdrawal: Withdrawal?

    enum CodingKeys: String, CodingKey {
        case id, sourcePath, title, date, categorySlug, period, number, issuer, reviewed, tags, summary, attachments,
             supersedes, draft, deferredBody = "body", process, covers, positions, refusedAttachments, tableFiles,
             revisions, withdrawal
    }

    public init(
        id: NoticeID, sourcePath: String, title: String, date: NoticeDate, categorySlug: String,
        period: DisplayPeriod? = nil, number: String? = nil, issuer: String? = nil,
        reviewed: Review? = nil, tags: [String] = [], summary: String = "",
        attachments: [Attachment] = [], supersedes: NoticeID? = nil, draft: Bool = false,
        body: NoticeBody
    ) {
        self.id = id
        self.sourcePath = sourcePath
        self.title = title
        self.date = date
        self.categorySlug = categorySlug
        self.period = period
        self.number = number
        self.issuer = issuer
        self.reviewed = reviewed
        self.tags = tags
        self.summary = summary
        self.attachments = attachments
        self.supersedes = supersedes
        self.draft = draft
        self.deferredBody = Deferred(body)
    }
}

/// One published (or draft) notice, parsed and checked.
///
/// A value type whose fields live in one shared, copy-on-write box: a
/// 10,000-notice site sorts, groups and passes notices around many times,
/// and copying a box is one reference count instead of thirty.
@dynamicMemberLookup
public struct Notice: Sendable, Hashable, Codable {
    @usableFromInline
    final class Box: @unchecked Sendable {
        // Only mutated through `fields` below, after making the box unique.
        // Unchecked: every getter of a notice would otherwise pay for a
        // dynamic exclusivity check (swift_beginAccess), and notices are read
        // everywhere.
        @exclusivity(unchecked) @usableFromInline var fields: NoticeFields
        init(_ fields: NoticeFields) { self.fields = fields }
    }

    @usableFromInline var box: Box

    /// All values at once.
    public var fields: NoticeFields {
        @inlinable get { box.fields }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
            yield &box.fields
        }
    }

    public init(_ fields: NoticeFields) { box = Box(fields) }

    public init(
        id: NoticeID, sourcePath: String, title: String, date: NoticeDate, categorySlug: String,
        period: DisplayPeriod? = nil, number: String? = nil, issuer: String? = nil,
        reviewed: Review? = nil, tags: [String] = [], summary: String = "",
        attachments: [Attachment] = [], supersedes: NoticeID? = nil, draft: Bool = false,
        body: NoticeBody
    ) {
        box = Box(NoticeFields(id: id, sourcePath: sourcePath, title: title, date: date, categorySlug: categorySlug, period: period, number: number, issuer: issuer, reviewed: reviewed, tags: tags, summary: summary, attachments: attachments, supersedes: supersedes, draft: draft, body: body))
    }

    public init(from decoder: any Decoder) throws { box = Box(try NoticeFields(from: decoder)) }
    public func encode(to encoder: any Encoder) throws { try box.fields.encode(to: encoder) }
    public static func == (a: Notice, b: Notice) -> Bool { a.box === b.box || a.box.fields == b.box.fields }
    public func hash(into hasher: inout Hasher) { hasher.combine(box.fields) }

    /// `notice.title`, `notice.date`, …: the fields, read from the box and
    /// written through a copy of it when it is shared.
    @inlinable
    public subscript<Value>(dynamicMember field: WritableKeyPath<NoticeFields, Value>) -> Value {
        get { box.fields[keyPath: field] }
        set { fields[keyPath: field] = newValue }
    }

    /// Newest first; ties by id so the order never depends on the file system.
    /// A time of day left out counts as midnight.
    public static func newestFirst(_ a: Notice, _ b: Notice) -> Bool {
        let x = a.date, y = b.date
        if x.day != y.day { return x.day > y.day }
        let s = x.secondOfDay ?? 0, t = y.secondOfDay ?? 0
        if s != t { return s > t }
        return a.id.value < b.id.value
    }
}

/// A place in a source file: 1-based line and column (in characters).
public struct SourcePosition: Sendable, Hashable, Codable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// `<community>/<year>/<file>`: the notice's URL path; never changes once published.
public struct NoticeID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// `<community>/<year>/<name>`, made once: ids are compared, hashed,
    /// copied and printed tens of thousands of times a build, so an id is
    /// this one string (one reference to copy), its hash, and where its
    /// parts end; the parts are cut out when asked for.
    public let value: String
    private let hash: Int
    /// UTF-8 offsets of the two slashes.
    private let first: Int32, second: Int32

    public var community: String { part(0, Int(first)) }
    public var year: String { part(Int(first) + 1, Int(second)) }
    public var name: String { part(Int(second) + 1, value.utf8.count) }

    private func part(_ from: Int, _ to: Int) -> String {
        let utf8 = value.utf8
        return String(value[utf8.index(utf8.startIndex, offsetBy: from)..<utf8.index(utf8.startIndex, offsetBy: to)])
    }

    public init(community: String, year: String, name: String) {
        value = "\(community)/\(year)/\(name)"
        hash = value.hashValue
        first = Int32(community.utf8.count)
        second = first + 1 + Int32(year.utf8.count)
    }

    /// Parses `mazhuang/2024/caiwu-10`; nil unless it has exactly three parts.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty }) else { return nil }
        self.init(community: String(parts[0]), year: String(parts[1]), name: String(parts[2]))
    }

    public var description: String { value }
    public static func < (a: NoticeID, b: NoticeID) -> Bool { a.value < b.value }
    public static func == (a: NoticeID, b: NoticeID) -> Bool {
        a.hash == b.hash && a.value == b.value
    }
    public func hash(into hasher: inout Hasher) { hasher.combine(hash) }

    private enum CodingKeys: String, CodingKey { case community, year, name }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(community: try c.decode(String.self, forKey: .community), year: try c.decode(String.self, forKey: .year),
                  name: try c.decode(String.self, forKey: .name))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(community, forKey: .community)
        try c.encode(year, forKey: .year)
        try c.encode(name, forKey: .name)
    }
}

/// 公示期: the display and objection window.
public struct DisplayPeriod: Sendable, Hashable, Codable {
    public var from: CalendarDate
    public var to: CalendarDate

    public init(from: CalendarDate, to: CalendarDate) {
        self.from = from
        self.to = to
    }

    /// Days counted as the law counts them: the first day is not counted
    /// (民法典 第二百零一条), so 10月8日至10月13日 is 5 days.
    public var days: Int { from.days(until: to) }
}

/// 审核: who reviewed the notice before publication, and when.
public struct Review: Sendable, Hashable, Codable {
    public var by: String
    public var date: CalendarDate?

    public init(by: String, date: CalendarDate?) {
        self.by = by
        self.date = date
    }
}

/// A file published beside the notice.
public struct Attachment: Sendable, Hashable, Codable {
    /// File name relative to the notice's folder.
    public var file: String
    public var title: String
    /// Size in bytes, known after loading.
    public var size: Int
    /// Shown in the page as an image (only images; the default for them).
    public var inline: Bool
    /// Pixel size of an image, when its header could be read.
    public var imageSize: ImageSize?

    public init(file: String, title: String, size: Int, inline: Bool = false, imageSize: ImageSize? = nil) {
        self.file = file
        self.title = title
        self.size = size
        self.inline = inline
        self.imageSize = imageSize
    }

    /// Lower-cased extension, "" without one.
    public var fileExtension: String {
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return "" }
        return file[file.index(after: dot)...].lowercased()
    }
}

/// A notice's rendered body: HTML, plain text (for search and checks) and
/// headings with their anchors.
public struct NoticeBody: Sendable, Hashable, Codable {
    public var html: String
    public var text: String
    /// Headings in order, with their anchors, for an outline.
    public var headings: [Heading]

    public init(html: String, text: String, headings: [Heading] = []) {
        self.html = html
        self.text = text
        self.headings = headings
    }

    public struct Heading: Sendable, Hashable, Codable {
        public var level: Int
        public var text: String
        public var anchor: String

        public init(level: Int, text: String, anchor: String) {
            self.level = level
            self.text = text
            self.anchor = anchor
        }
    }
}
