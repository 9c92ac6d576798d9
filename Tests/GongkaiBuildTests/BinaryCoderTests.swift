import Foundation
@testable import GongkaiBuild
@testable import GongkaiCache
@testable import GongkaiOutput
import GongkaiCore
import GongkaiRender
import GongkaiSearch
import Testing

/// The incremental build's caches in `BinaryCoder`'s form: every field
/// comes back as it was, and a damaged file is refused, never misread.
struct BinaryCoderTests {
    static func day(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate { CalendarDate(year: y, month: m, day: d)! }

    /// A notice with every field set (optional ones to a value, collections
    /// non-empty), in Chinese and with characters that need care in UTF-8.
    static let full: Notice = {
        var n = Notice(
            id: NoticeID(community: "mazhuang", year: "2024", name: "caiwu-10"),
            sourcePath: "content/mazhuang/2024/caiwu-10.md", title: "马庄村2024年第三季度财务公开",
            date: NoticeDate(day: day(2024, 10, 8), secondOfDay: 9 * 3600 + 30 * 60),
            categorySlug: "caiwu", period: DisplayPeriod(from: day(2024, 10, 8), to: day(2024, 10, 13)),
            number: "马村财〔2024〕3号", issuer: "马庄村村民委员会",
            reviewed: Review(by: "镇农经站 王某", date: day(2024, 10, 6)), tags: ["财务", "季度", "🌾"],
            summary: "本季度收入 12,345.67 元。", attachments: [
                Attachment(file: "mingxi.pdf", title: "收支明细", size: 12_345),
                Attachment(file: "xianchang.jpg", title: "现场照片", size: 99, inline: true,
                           imageSize: ImageSize(width: 640, height: 480)),
            ],
            supersedes: NoticeID(community: "mazhuang", year: "2024", name: "caiwu-09"), draft: true,
            body: NoticeBody(html: "<p>收入 &amp; 支出</p>\n<h2 id=\"a\">一、收入</h2>", text: "收入 & 支出\n一、收入",
                             headings: [.init(level: 2, text: "一、收入", anchor: "a")]))
        n.process = [ProcessStep(stage: .proposal, date: day(2024, 9, 1)),
                     ProcessStep(stage: .resolution, date: day(2024, 9, 20), outcome: "通过")]
        n.covers = MonthSpan(year: 2024, month: 7, count: 3)
        n.positions = ["title": SourcePosition(line: 2, column: 8), "date": SourcePosition(line: 3, column: 7),
                       "编号": SourcePosition(line: 4, column: 1)]
        n.refusedAttachments = ["run.exe"]
        n.tableFiles = ["mingxi.csv", "huizong.xlsx"]
        n.revisions = [Revision(date: day(2024, 10, 9), what: "更正金额", why: "笔误")]
        n.withdrawal = Withdrawal(date: day(2024, 10, 20), reason: "重复发布")
        return n
    }()

    @Test func theTestNoticeSetsEveryField() {
        // A field added to Notice must be set here too, so its round trip is checked.
        // Notice keeps its fields in a box (copy on write): look inside it.
        var mirror = Mirror(reflecting: Self.full)
        while mirror.children.count == 1, let only = mirror.children.first { mirror = Mirror(reflecting: only.value) }
        #expect(mirror.children.count >= 22)
        for child in mirror.children {
            let value = child.value
            let empty: Bool
            switch value {
            case let c as any Collection: empty = c.isEmpty
            case let o as any OptionalProtocolForTests: empty = o.isNone
            default: empty = false
            }
            #expect(!empty, "Notice.\(child.label ?? "?") is not set in the test notice")
        }
    }

    /// Notice is copy-on-write: a change to a copy leaves the original as it was.
    @Test func aNoticeCopyIsIndependent() {
        let original = Self.full
        var copy = original
        copy.title = "另一个标题"
        copy.body.html += "<p>补充</p>"
        copy.positions["number"] = SourcePosition(line: 9, column: 9)
        copy.attachments[0].size = 1
        #expect(original == Self.full)
        #expect(original.title == "马庄村2024年第三季度财务公开" && copy.title == "另一个标题")
        #expect(!original.body.html.hasSuffix("<p>补充</p>") && copy.body.html.hasSuffix("<p>补充</p>"))
        #expect(original.positions["number"] == nil && original.attachments[0].size == 12_345)
        #expect(copy != original)
        var back = copy
        back.title = original.title
        back.body = original.body
        back.positions = original.positions
        back.attachments = original.attachments
        #expect(back == original && back.hashValue == original.hashValue)
        // The JSON is the plain struct's: every field under its own key.
        let json = try? JSONSerialization.jsonObject(with: JSONEncoder().encode(original)) as? [String: Any]
        #expect(Set(json?.keys.map { $0 } ?? []) == ["id", "sourcePath", "title", "date", "categorySlug", "period", "number",
                                                      "issuer", "reviewed", "tags", "summary", "attachments", "supersedes",
                                                      "draft", "body", "process", "covers", "positions",
                                                      "refusedAttachments", "tableFiles", "revisions", "withdrawal"])
        #expect((try? JSONDecoder().decode(Notice.self, from: JSONEncoder().encode(original))) == original)
    }

    /// The notice cache hands a body over unmade (a rebuild shows few
    /// bodies), and writes one it did not make back from its stored bytes.
    @Test func aCachedBodyIsMadeOnFirstUseAndWrittenBackAsItWas() throws {
        let e = BinaryEncoder()
        try NoticeCoding.write(Self.full, e)
        let (read, _) = try e.bytes.withUnsafeBytes { try NoticeCoding.read(BinaryDecoder($0)) }
        #expect(!read.deferredBody.isMade)
        #expect(read == Self.full && read.hashValue == Self.full.hashValue)
        #expect(read.body.headings == Self.full.body.headings && read.body.text == Self.full.body.text)
        let again = BinaryEncoder()
        try NoticeCoding.write(read, again)
        #expect(again.bytes == e.bytes)
        var changed = read
        changed.body.html = "<p>改</p>"
        #expect(changed.body.text == Self.full.body.text && read.body.html == Self.full.body.html)
        // From a bodies file: written back from its bytes, not made.
        let bodies = BodyFile(), first = BinaryEncoder()
        try NoticeCoding.write(Self.full, first, bodies: bodies)
        let stored = BodyFile(reading: bodies.bytes)
        let (fromFile, place) = try first.bytes.withUnsafeBytes { try NoticeCoding.read(BinaryDecoder($0), bodies: stored) }
        let kept = BodyFile(), second = BinaryEncoder()
        try NoticeCoding.write(fromFile, second, bodies: kept, storedBody: try #require(place).bytes)
        #expect(!fromFile.deferredBody.isMade && kept.bytes == bodies.bytes && second.bytes == first.bytes)
        // Bytes that do not decode give an empty body, not a crash.
        #expect(NoticeCoding.readBody([1, 2, 3]) == NoticeBody(html: "", text: ""))
    }

    /// The renderer's pieces of api/notices.json come back by key; a few
    /// new ones do not rewrite the file (they are made again next time), a
    /// damaged file is no file.
    @Test func fragmentsComeBackByKey() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gk-fragments-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let first = FragmentCache()
        for key in 1...100 as ClosedRange<UInt64> {
            _ = first.fragment(key) { Array("{\"n\":\(key),\"t\":\"公告\"}".utf8) }
        }
        FragmentStore.save(first, siteRoot: root)
        let second = FragmentStore.load(siteRoot: root)
        #expect(second.previousCount == 100)
        var made = 0
        #expect(Array(second.fragment(7) { made += 1; return [] }) == Array("{\"n\":7,\"t\":\"公告\"}".utf8))
        _ = second.fragment(1000) { made += 1; return Array("new".utf8) }
        #expect(made == 1 && second.used.fresh == 1)
        FragmentStore.save(second, siteRoot: root)
        #expect(FragmentStore.load(siteRoot: root).previousCount == 100, "one new piece does not rewrite the file")
        var bytes = try #require(FileManager.default.contents(atPath: FragmentStore.path(root)))
        bytes[bytes.count - 3] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: FragmentStore.path(root)))
        #expect(FragmentStore.load(siteRoot: root).previousCount == 0)
    }

    /// An id is one string with its parts cut out on demand.
    @Test func noticeIDParts() {
        let id = NoticeID(community: "青山村", year: "2025", name: "第3期-财务")
        #expect(id.community == "青山村" && id.year == "2025" && id.name == "第3期-财务")
        #expect(id.value == "青山村/2025/第3期-财务" && NoticeID(id.value) == id)
        #expect(id != NoticeID(community: "青山村", year: "2025", name: "第3期-财"))
        #expect(Set([id, NoticeID("青山村/2025/第3期-财务")!]).count == 1)
    }

    @Test func aNoticeComesBackAsItWas() throws {
        let bytes = try BinaryCoder.encode(Self.full)
        #expect(try BinaryCoder.decode(Notice.self, from: bytes) == Self.full)
        var sparse = Notice(id: NoticeID(community: "a", year: "2025", name: "b"), sourcePath: "", title: "",
                            date: NoticeDate(day: Self.day(2025, 1, 1)), categorySlug: "",
                            body: NoticeBody(html: "", text: ""))
        sparse.positions = [:]
        #expect(try BinaryCoder.decode(Notice.self, from: try BinaryCoder.encode(sparse)) == sparse)
        // The same value gives the same bytes (dictionaries aside: their order is the hash's).
        var noPositions = Self.full
        noPositions.positions = [:]
        #expect(try BinaryCoder.encode(noPositions) == (try BinaryCoder.encode(noPositions)))
    }

    @Test func cacheEntriesAndTheSearchStateComeBack() throws {
        let diagnostic = Diagnostic(file: "content/a.md", line: 3, column: 4, code: "GK101", severity: .warning,
                                    message: "日期写错了", fix: "改成 2024-10-08")
        var error = diagnostic
        error.severity = .error
        var sparse = Self.full
        sparse.period = nil; sparse.number = nil; sparse.reviewed = Review(by: "", date: nil); sparse.covers = nil
        sparse.attachments[1].imageSize = nil; sparse.supersedes = nil; sparse.withdrawal = nil; sparse.positions = [:]
        sparse.date.secondOfDay = nil; sparse.process[1].outcome = nil
        let stored = NoticeMemoStore.Stored(identity: ExecutableIdentity.current, slug: "mazhuang", entries: [
            .init(path: "content/mazhuang/2024/caiwu-10.md", key: .max, notice: Self.full, problems: [diagnostic]),
            .init(path: "content/mazhuang/2024/bad.md", key: 7, notice: nil, problems: [diagnostic, error]),
            .init(path: "content/mazhuang/2024/sparse.md", key: 8, notice: sparse, problems: []),
        ])
        let (bytes, bodies) = try #require(Self.memo(stored))
        let back = try #require(Self.entries(bytes, bodies, slug: "mazhuang"))
        #expect(back.map(\.path) == stored.entries.map(\.path))
        #expect(back.map(\.key) == [.max, 7, 8])
        #expect(back.map(\.notice) == [Self.full, nil, sparse])
        #expect(back.map(\.problems) == stored.entries.map(\.problems))
        #expect(Self.memo(stored)?.0 == bytes, "the same entries give the same bytes")
        // Bodies are read when asked for, and a body whose bytes changed is empty.
        var changed = bodies
        changed[changed.count - 1] ^= 1
        let stale = try #require(Self.entries(bytes, changed, slug: "mazhuang"))
        #expect(stale[2].notice?.title == sparse.title && stale[2].notice?.body.html == "")

    }

    static let bodiesName = NoticeMemoStore.BodiesName(inode: 1, mtime: 2, size: 3)

    /// A community's notice file and its bodies, as the cache writes them.
    static func memo(_ stored: NoticeMemoStore.Stored) -> ([UInt8], [UInt8])? {
        let bodies = BodyFile()
        return NoticeMemoStore.encode(stored, bodies: bodies, bodiesFile: { _ in bodiesName }).map { ($0, bodies.bytes) }
    }

    static func entries(_ bytes: [UInt8], _ bodies: [UInt8], slug: String) -> [NoticeMemoStore.Entry]? {
        bytes.withUnsafeBytes { raw in
            NoticeMemoStore.decode(raw, slug: slug, bodies: { $0 == bodiesName ? BodyFile(reading: bodies) : nil })
        }
    }

    /// Every truncation and every single-byte change of a community's file
    /// is refused (the format's lengths and checksum), never a crash.
    @Test func aDamagedNoticeFileIsRefused() throws {
        let stored = NoticeMemoStore.Stored(identity: ExecutableIdentity.current, slug: "mazhuang", entries: [
            .init(path: "content/mazhuang/2024/caiwu-10.md", key: 42, notice: Self.full, problems: []),
        ])
        let (bytes, bodies) = try #require(Self.memo(stored))
        let whole = Self.entries(bytes, bodies, slug: "mazhuang")
        #expect(whole?.first?.notice == Self.full)
        #expect(Self.entries(bytes, bodies, slug: "xinhua") == nil, "another community's")
        #expect(bytes.withUnsafeBytes { NoticeMemoStore.decode($0, slug: "mazhuang", bodies: { _ in nil }) } == nil,
                "another bodies file")
        for n in 0..<bytes.count {
            #expect(Self.entries(Array(bytes[..<n]), bodies, slug: "mazhuang") == nil)
        }
        for i in stride(from: 0, to: bytes.count, by: 7) {
            var damaged = bytes
            damaged[i] ^= 0x20
            #expect(Self.entries(damaged, bodies, slug: "mazhuang") == nil, "byte \(i)")
        }
        let foreign = NoticeMemoStore.Stored(identity: "another gongkai", slug: "mazhuang", entries: stored.entries)
        let other = try #require(Self.memo(foreign))
        #expect(Self.entries(other.0, other.1, slug: "mazhuang") == nil)
    }

    /// The pages' file: refused when cut short or changed.
    @Test func aDamagedPagesFileIsRefused() throws {
        let stored = PageMemoStore.Stored(header: "h", paths: [PageMemoStore.hash("a/index.html"), PageMemoStore.hash("b/index.html")],
                                          keys: [1, 2])
        let bytes = try #require(RecordFile.encode(stored, magic: PageMemoStore.magic))
        let back = bytes.withUnsafeBytes { RecordFile.decode(PageMemoStore.Stored.self, from: $0, magic: PageMemoStore.magic) }
        #expect(back?.paths == stored.paths && back?.keys == stored.keys)
        for n in 0..<bytes.count {
            #expect(Array(bytes[..<n]).withUnsafeBytes {
                RecordFile.decode(PageMemoStore.Stored.self, from: $0, magic: PageMemoStore.magic)
            } == nil)
        }
        #expect(bytes.withUnsafeBytes { RecordFile.decode(PageMemoStore.Stored.self, from: $0, magic: SearchStateStore.magic) } == nil)
    }

    /// Without the checksum too, truncated or damaged bytes only throw.
    @Test func theDecoderChecksEveryLength() throws {
        let bytes = try BinaryCoder.encode([Self.full, Self.full])
        for n in 0..<bytes.count {
            #expect(throws: (any Error).self) { try BinaryCoder.decode([Notice].self, from: Array(bytes[..<n])) }
        }
        #expect(throws: (any Error).self) { try BinaryCoder.decode([Notice].self, from: bytes + [0]) }
        for i in 0..<bytes.count {
            var damaged = bytes
            damaged[i] = 0xFF
            _ = try? BinaryCoder.decode([Notice].self, from: damaged)
        }
    }

    /// What the form cannot hold fails when written, not when read.
    @Test func aNilInAnArrayIsNotWritten() throws {
        #expect(throws: (any Error).self) { try BinaryCoder.encode(["a", nil] as [String?]) }
        #expect(try BinaryCoder.decode([String?].self, from: try BinaryCoder.encode(["a", "b"] as [String?])) == ["a", "b"])
    }
}

protocol OptionalProtocolForTests {
    var isNone: Bool { get }
}

extension Optional: OptionalProtocolForTests {
    var isNone: Bool { self == nil }
}
