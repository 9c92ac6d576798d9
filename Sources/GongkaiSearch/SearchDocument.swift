import GongkaiCore

/// What the index knows of one notice.
public struct SearchDocument: Sendable {
    /// A heading of the notice (a Markdown heading, or a 第X章 / 第X节 / 第X条
    /// line) and the anchor of its element on the notice page.
    public struct Heading: Sendable, Hashable {
        public var text: String
        public var anchor: String
        public init(text: String, anchor: String) {
            self.text = text
            self.anchor = anchor
        }
    }

    public var url: String
    public var title: String
    public var number: String?
    public var communitySlug: String
    public var community: String
    public var categorySlug: String
    public var category: String
    public var tags: [String]
    /// `2024-10-08`
    public var date: String
    /// Plain text of the body.
    public var body: String {
        get { text ?? source?.text ?? "" }
        set { let kept = headings; text = newValue; source = nil; headingsGiven = kept }
    }
    /// The body's headings in order.
    public var headings: [Heading] {
        get {
            if let headingsGiven { return headingsGiven }
            return source?.headings.map { Heading(text: $0.text, anchor: $0.anchor) } ?? []
        }
        set { headingsGiven = newValue }
    }
    private var text: String?
    private var headingsGiven: [Heading]?
    /// The notice body the text comes from, asked only when needed: an
    /// index update reads the bodies of the changed notices alone.
    private var source: NoticeBody?

    public init(url: String, title: String, number: String?, communitySlug: String, community: String,
                categorySlug: String, category: String, tags: [String], date: String, body: String,
                headings: [Heading] = []) {
        self.init(url: url, title: title, number: number, communitySlug: communitySlug, community: community,
                  categorySlug: categorySlug, category: category, tags: tags, date: date, text: body, source: nil)
        headingsGiven = headings
    }

    /// A document whose text and headings are `body`'s, made when first asked for.
    public init(url: String, title: String, number: String?, communitySlug: String, community: String,
                categorySlug: String, category: String, tags: [String], date: String, body: NoticeBody) {
        self.init(url: url, title: title, number: number, communitySlug: communitySlug, community: community,
                  categorySlug: categorySlug, category: category, tags: tags, date: date, text: nil, source: body)
    }

    private init(url: String, title: String, number: String?, communitySlug: String, community: String,
                 categorySlug: String, category: String, tags: [String], date: String, text: String?, source: NoticeBody?) {
        self.url = url
        self.title = title
        self.number = number
        self.communitySlug = communitySlug
        self.community = community
        self.categorySlug = categorySlug
        self.category = category
        self.tags = tags
        self.date = date
        self.text = text
        self.source = source
    }

    /// Stable hash of everything indexed: a notice whose hash is unchanged
    /// has the same postings, impacts and fragment.
    public var stableHash: UInt64 { contentHash(body: body, headings: headings) }

    func contentHash(body: String, headings: [Heading]) -> UInt64 {
        var h = ContentHasher()
        h.add(url); h.add(title); h.add(number ?? "\u{0}"); h.add(communitySlug); h.add(community)
        h.add(categorySlug); h.add(category)
        for tag in tags { h.add(tag) }
        h.add(date); h.add(body)
        for heading in headings { h.add(heading.text); h.add(heading.anchor) }
        return h.value
    }

    /// Year × 12 + month − 1 and the day, from `date` (`2024-10-08`); a
    /// date that does not read counts as January of year 0.
    var monthAndDay: (month: Int32, day: Int32) {
        let b = Array(date.utf8.prefix(10))
        func digits(_ r: Range<Int>) -> Int32? {
            guard r.upperBound <= b.count else { return nil }
            var v: Int32 = 0
            for k in r {
                guard b[k] >= 0x30 && b[k] <= 0x39 else { return nil }
                v = v * 10 + Int32(b[k] - 0x30)
            }
            return v
        }
        guard let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10), (1...12).contains(m) else { return (0, 1) }
        return (y * 12 + m - 1, max(1, min(31, d)))
    }
}

/// A stable 64-bit hash of texts, eight bytes at a time (every notice's body
/// is hashed on every clean build, so a byte-at-a-time hash would show).
/// The same bytes give the same value on every machine.
struct ContentHasher {
    private(set) var value: UInt64 = 0x9E37_79B9_7F4A_7C15

    @inline(__always)
    private mutating func mix(_ v: UInt64) {
        value = (value ^ v) &* 0xFF51_AFD7_ED55_8CCD
        value ^= value >> 32
    }

    mutating func add(_ s: String) {
        var s = s
        s.withUTF8 { bytes in
            mix(UInt64(bytes.count))
            var i = 0
            let n = bytes.count
            let raw = UnsafeRawBufferPointer(bytes)
            while i + 8 <= n {
                mix(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
                i += 8
            }
            var v: UInt64 = 0
            var k: UInt64 = 0
            while i < n { v |= UInt64(bytes[i]) << (8 * k); k += 1; i += 1 }
            mix(v)
        }
    }
}
