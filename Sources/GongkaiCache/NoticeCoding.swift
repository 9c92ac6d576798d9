import Foundation
import GongkaiCore
import GongkaiOutput

/// The notice cache's own encoding of a `Notice` and its diagnostics: the
/// same primitives as `BinaryCoder` (8-byte integers, length-prefixed UTF-8,
/// 4-byte counts, a byte before each optional), written field by field by
/// hand. `Notice.init(from: BinaryDecoder)` through `Codable` spends most of
/// its time in generic containers; this reads 10k notices several times
/// faster. A field added to `Notice` must be added here too:
/// `BinaryCoderTests` sets every field (checked by reflection) and
/// round-trips it.
enum NoticeCoding {
    /// `storedBody`: the body's bytes as a cache file holds them, when the
    /// notice came from one (so its body need not be made to be written back).
    static func write(_ n: Notice, _ e: BinaryEncoder, bodies: BodyFile? = nil, storedBody: [UInt8]? = nil) throws {
        try write(n.id, e)
        try e.write(n.sourcePath)
        try e.write(n.title)
        write(n.date.day, e)
        optional(n.date.secondOfDay, e) { e.write($0) }
        try e.write(n.categorySlug)
        optional(n.period, e) { write($0.from, e); write($0.to, e) }
        try optional(n.number, e) { try e.write($0) }
        try optional(n.issuer, e) { try e.write($0) }
        try optional(n.reviewed, e) { r in
            try e.write(r.by)
            optional(r.date, e) { write($0, e) }
        }
        try strings(n.tags, e)
        try e.write(n.summary)
        try array(n.attachments, e) { a in
            try e.write(a.file)
            try e.write(a.title)
            e.write(a.size)
            e.write(a.inline)
            optional(a.imageSize, e) { e.write($0.width); e.write($0.height) }
        }
        try optional(n.supersedes, e) { try write($0, e) }
        e.write(n.draft)
        // The body as one blob, read back on first use (`readBody`): in
        // `bodies` (its place and checksum here), or here.
        let blob = try storedBody ?? bodyBytes(n.body)
        if let bodies {
            e.write(UInt64(bodies.bytes.count))
            e.write(UInt32(blob.count))
            e.write(blob.withUnsafeBytes { BinaryCoder.checksum($0) })
            bodies.bytes += blob
        } else {
            try e.write(bytes: blob)
        }
        try array(n.process, e) { p in
            e.write(p.stage.rawValue)
            write(p.date, e)
            try optional(p.outcome, e) { try e.write($0) }
        }
        optional(n.covers, e) { e.write($0.first); e.write($0.count) }
        // Sorted: the same notice always gives the same bytes.
        try array(n.positions.sorted { $0.key < $1.key }, e) { key, p in
            try e.write(key)
            e.write(p.line)
            e.write(p.column)
        }
        try strings(n.refusedAttachments, e)
        try strings(n.tableFiles, e)
        try array(n.revisions, e) { r in
            write(r.date, e)
            try e.write(r.what)
            try e.write(r.why)
        }
        try optional(n.withdrawal, e) { w in
            write(w.date, e)
            try e.write(w.reason)
        }
    }

    /// The notice, and where its body is in `bodies` (its bytes are read
    /// and the body made when first asked for).
    static func read(_ d: BinaryDecoder, bodies: BodyFile? = nil) throws -> (Notice, BodyPlace?) {
        let id = try readID(d)
        let sourcePath = try d.read(String.self)
        let title = try d.read(String.self)
        let day = try readDate(d)
        let second = try d.present() ? try d.read(Int.self) : nil
        let categorySlug = try d.read(String.self)
        let period = try d.present() ? DisplayPeriod(from: try readDate(d), to: try readDate(d)) : nil
        let number = try d.present() ? try d.read(String.self) : nil
        let issuer = try d.present() ? try d.read(String.self) : nil
        let reviewed = try d.present() ? Review(by: try d.read(String.self), date: try d.present() ? try readDate(d) : nil) : nil
        let tags = try readStrings(d)
        let summary = try d.read(String.self)
        let attachments = try readArray(d) { d in
            Attachment(file: try d.read(String.self), title: try d.read(String.self), size: try d.read(Int.self),
                       inline: try d.read(Bool.self),
                       imageSize: try d.present() ? ImageSize(width: try d.read(Int.self), height: try d.read(Int.self)) : nil)
        }
        let supersedes = try d.present() ? try readID(d) : nil
        let draft = try d.read(Bool.self)
        let body: Deferred<NoticeBody>
        var place: BodyPlace?
        if let bodies {
            let at = BodyPlace(file: bodies, offset: Int(try d.read(UInt64.self)), length: Int(try d.read(UInt32.self)),
                               checksum: try d.read(UInt64.self))
            guard at.offset <= bodies.size, at.length <= bodies.size - at.offset else { throw bad("body place") }
            place = at
            body = Deferred { readBody(at.bytes ?? []) }
        } else {
            let bytes = try d.readBytes()
            body = Deferred { readBody(bytes) }
        }
        var n = Notice(id: id, sourcePath: sourcePath, title: title, date: NoticeDate(day: day, secondOfDay: second),
                       categorySlug: categorySlug, period: period, number: number, issuer: issuer, reviewed: reviewed,
                       tags: tags, summary: summary, attachments: attachments, supersedes: supersedes, draft: draft,
                       body: NoticeBody(html: "", text: ""))
        n.deferredBody = body
        n.process = try readArray(d) { d in
            guard let stage = ProcessStage(rawValue: try d.read(Int.self)) else { throw bad("stage") }
            return ProcessStep(stage: stage, date: try readDate(d), outcome: try d.present() ? try d.read(String.self) : nil)
        }
        n.covers = try d.present() ? MonthSpan(first: try d.read(Int.self), count: try d.read(Int.self)) : nil
        let positions = try readArray(d) { d in
            (try d.read(String.self), SourcePosition(line: try d.read(Int.self), column: try d.read(Int.self)))
        }
        n.positions = try Dictionary(positions, uniquingKeysWith: { _, _ in throw bad("positions") })
        n.refusedAttachments = try readStrings(d)
        n.tableFiles = try readStrings(d)
        n.revisions = try readArray(d) { d in
            Revision(date: try readDate(d), what: try d.read(String.self), why: try d.read(String.self))
        }
        n.withdrawal = try d.present() ? Withdrawal(date: try readDate(d), reason: try d.read(String.self)) : nil
        return (n, place)
    }

    static func bodyBytes(_ body: NoticeBody) throws -> [UInt8] {
        let e = BinaryEncoder()
        try e.write(body.html)
        try e.write(body.text)
        try array(body.headings, e) { h in
            e.write(h.level)
            try e.write(h.text)
            try e.write(h.anchor)
        }
        return e.bytes
    }

    /// A body from `bodyBytes`. The bytes were checked with the whole cache
    /// file when it was read, so they decode; should they not, the body is
    /// empty rather than the build stopping.
    @Sendable static func readBody(_ bytes: [UInt8]) -> NoticeBody {
        let body = bytes.withUnsafeBytes { raw -> NoticeBody? in
            let d = BinaryDecoder(raw)
            guard let html = try? d.read(String.self), let text = try? d.read(String.self),
                  let headings = try? readArray(d, { d in
                      NoticeBody.Heading(level: try d.read(Int.self), text: try d.read(String.self), anchor: try d.read(String.self))
                  }), d.at == raw.count else { return nil }
            return NoticeBody(html: html, text: text, headings: headings)
        }
        return body ?? NoticeBody(html: "", text: "")
    }

    static func write(_ p: Diagnostic, _ e: BinaryEncoder) throws {
        try e.write(p.file)
        e.write(p.line)
        e.write(p.column)
        try e.write(p.code)
        e.write(p.severity == .warning)
        try e.write(p.message)
        try e.write(p.fix)
    }

    static func readDiagnostic(_ d: BinaryDecoder) throws -> Diagnostic {
        Diagnostic(file: try d.read(String.self), line: try d.read(Int.self), column: try d.read(Int.self),
                   code: try d.read(String.self), severity: try d.read(Bool.self) ? .warning : .error,
                   message: try d.read(String.self), fix: try d.read(String.self))
    }

    // MARK: Parts

    private static func bad(_ what: String) -> BinaryCoder.Failure { BinaryCoder.Failure(message: "bad \(what)") }

    private static func write(_ id: NoticeID, _ e: BinaryEncoder) throws {
        try e.write(id.community)
        try e.write(id.year)
        try e.write(id.name)
    }

    private static func readID(_ d: BinaryDecoder) throws -> NoticeID {
        NoticeID(community: try d.read(String.self), year: try d.read(String.self), name: try d.read(String.self))
    }

    private static func write(_ date: CalendarDate, _ e: BinaryEncoder) {
        e.write(date.year)
        e.write(date.month)
        e.write(date.day)
    }

    private static func readDate(_ d: BinaryDecoder) throws -> CalendarDate {
        guard let date = CalendarDate(year: try d.read(Int.self), month: try d.read(Int.self), day: try d.read(Int.self))
        else { throw bad("date") }
        return date
    }

    private static func optional<T>(_ value: T?, _ e: BinaryEncoder, _ body: (T) throws -> Void) rethrows {
        e.write(value != nil)
        if let value { try body(value) }
    }

    private static func array<S: Collection>(_ items: S, _ e: BinaryEncoder, _ body: (S.Element) throws -> Void) throws {
        guard items.count <= UInt32.max else { throw bad("count") }
        e.write(UInt32(items.count))
        for item in items { try body(item) }
    }

    private static func strings(_ items: [String], _ e: BinaryEncoder) throws {
        try array(items, e) { try e.write($0) }
    }

    /// Each element takes at least one byte: a damaged count fails before
    /// memory is reserved for it.
    private static func readArray<T>(_ d: BinaryDecoder, _ body: (BinaryDecoder) throws -> T) throws -> [T] {
        let n = try d.count()
        var items: [T] = []
        items.reserveCapacity(n)
        for _ in 0..<n { items.append(try body(d)) }
        return items
    }

    private static func readStrings(_ d: BinaryDecoder) throws -> [String] {
        try readArray(d) { try $0.read(String.self) }
    }
}

/// The bodies of one community's notices, beside its notice cache file
/// (`<community>.bodies`): a rebuild shows a few bodies of 10,000, and
/// reading them all with the rest of the cache was most of its bytes.
/// Written: `bytes` collects them. Read: kept open, each body read when
/// first asked for and checked against its checksum (one that does not
/// match gives an empty body; the file is replaced, never changed in
/// place, and the open descriptor keeps the file that was checked).
/// Where a body is in a bodies file.
struct BodyPlace: Sendable {
    let file: BodyFile
    let offset: Int
    let length: Int
    let checksum: UInt64

    /// Its bytes, checked; nil if the file no longer holds them.
    var bytes: [UInt8]? { file.read(offset: offset, length: length, checksum: checksum) }
}

final class BodyFile: @unchecked Sendable {
    var bytes: [UInt8] = []
    private let fd: Int32
    let size: Int

    /// For writing.
    init() {
        fd = -1
        size = 0
    }

    /// For reading: an open file of `size` bytes (taken over).
    init(fd: Int32, size: Int) {
        self.fd = fd
        self.size = size
    }

    /// For reading bodies held in memory (tests).
    init(reading bytes: [UInt8]) {
        fd = -1
        size = bytes.count
        self.bytes = bytes
    }

    deinit { if fd >= 0 { close(fd) } }

    func read(offset: Int, length: Int, checksum: UInt64) -> [UInt8]? {
        guard fd >= 0 else {
            guard offset + length <= bytes.count else { return nil }
            let slice = Array(bytes[offset..<offset + length])
            return slice.withUnsafeBytes({ BinaryCoder.checksum($0) }) == checksum ? slice : nil
        }
        guard let bytes = try? FileIO.read(fd, at: offset, count: length),
              bytes.withUnsafeBytes({ BinaryCoder.checksum($0) }) == checksum else { return nil }
        return bytes
    }
}
