import Foundation

/// The integrity ledger (docs/design.md §8, docs/ledger.md): an append-only,
/// hash-chained list of every published version of every notice, kept in
/// `content/ledger.jsonl` beside the notices and published as `ledger.json`.
///
/// Pure values: reading and writing the file is the build's business.
public struct Ledger: Sendable, Hashable {
    public static let path = "content/ledger.jsonl"
    /// `prev` of the first entry.
    public static let genesis = String(repeating: "0", count: 64)

    public private(set) var entries: [LedgerEntry]

    public init(entries: [LedgerEntry] = []) {
        self.entries = entries
    }

    /// Hash of the last entry (the chain's head), `genesis` when empty.
    public var head: String { entries.last?.hash ?? Self.genesis }

    /// Appends an entry chained to the head. `facts` and `files`: the
    /// SHA-256 of the notice's `facts.txt` and `files.sha256` (format 2;
    /// nil writes a format-1 entry, as gongkai did before it recorded them).
    @discardableResult
    public mutating func append(id: NoticeID, event: LedgerEntry.Event, version: String, revisions: Int,
                                time: String, facts: String? = nil, files: String? = nil) -> LedgerEntry {
        var entry = LedgerEntry(seq: entries.count + 1, time: time, id: id.value, event: event, version: version,
                                revisions: revisions, prev: head, hash: "", facts: facts, files: files)
        entry.hash = entry.computedHash
        entries.append(entry)
        return entry
    }

    /// Appends an entry for something that is not a notice (an answer: `<community>/replies/<number>`).
    @discardableResult
    public mutating func append(id: String, event: LedgerEntry.Event, version: String, revisions: Int,
                                time: String) -> LedgerEntry {
        var entry = LedgerEntry(seq: entries.count + 1, time: time, id: id, event: event, version: version,
                                revisions: revisions, prev: head, hash: "")
        entry.hash = entry.computedHash
        entries.append(entry)
        return entry
    }

    /// The place in `entries` of each id's newest entry.
    public var latestIndex: [String: Int] {
        var result: [String: Int] = [:]
        result.reserveCapacity(entries.count)
        for (i, e) in entries.enumerated() { result[e.id] = i }
        return result
    }

    /// A line of the ledger file that cannot be read, or an entry that does
    /// not chain to the one before it.
    public struct Problem: Sendable, Hashable {
        public enum Kind: Sendable, Hashable {
            case unreadable
            /// `seq` not one more than the previous entry's.
            case sequence(expected: Int)
            /// `prev` is not the previous entry's `hash`.
            case link
            /// `hash` is not the SHA-256 of the entry's fields.
            case hash
        }
        /// 1-based line in the file (or index + 1 in ledger.json).
        public var line: Int
        public var seq: Int?
        public var kind: Kind
    }

    /// Reads `ledger.jsonl` (one JSON object per line; blank lines are
    /// allowed) and checks the chain. Unreadable lines are skipped, so every
    /// problem is reported in one run.
    ///
    /// `verified`: how many bytes at the start of the file are known to hold
    /// a sound chain (the build verified exactly these bytes last time,
    /// `LedgerStage`): the entries on lines that end within them are read but
    /// their hashes are not recomputed (sequence and links are still
    /// checked). 0, as `gongkai verify` passes, checks everything.
    public static func parse(jsonLines bytes: [UInt8], verified: Int = 0) -> (Ledger, [Problem]) {
        // The lines that hold anything, and their numbers: as ranges of the
        // bytes, since slices of one array would be retained and released by
        // both cores at once.
        var ranges: [Range<Int>] = [], lines: [Int] = []
        bytes.withUnsafeBufferPointer { b in
            var number = 0
            forEachLine(b) { line in
                number += 1
                if b[line].contains(where: { $0 != 32 && $0 != 13 && $0 != 9 }) {
                    ranges.append(line)
                    lines.append(number)
                }
            }
        }
        let trusted = ranges.prefix { $0.upperBound < verified }.count
        // Fastest path: every line exactly as gongkai writes it, on all cores.
        let quick: [LedgerEntry?] = bytes.withUnsafeBufferPointer { b in
            nonisolated(unsafe) let b = b
            return ranges.parallelMap { LedgerEntry(canonicalLine: b[$0]) }
        }
        if !quick.contains(where: { $0 == nil }) {
            let entries = quick.map { $0! }
            return (Ledger(entries: entries), chainProblems(entries, lines: lines, trusted: trusted))
        }
        // Fast path: the lines as one JSON array, decoded in one call (one
        // JSONDecoder call per line was most of the stage on 10,000 notices).
        let decoder = JSONDecoder()
        var array: [UInt8] = [91]
        for (n, line) in ranges.enumerated() {
            if n > 0 { array.append(44) }
            array += bytes[line]
        }
        array.append(93)
        if let all = try? decoder.decode([LedgerEntry].self, from: Data(array)), all.count == ranges.count {
            return (Ledger(entries: all), chainProblems(all, lines: lines, trusted: trusted))
        }
        // Line by line: the lines that cannot be read are problems of their own.
        var entries: [LedgerEntry] = [], read: [Int] = [], problems: [Problem] = []
        for (line, number) in zip(ranges, lines) {
            if let entry = try? decoder.decode(LedgerEntry.self, from: Data(bytes[line])) {
                entries.append(entry)
                read.append(number)
            } else {
                problems.append(Problem(line: number, seq: nil, kind: .unreadable))
            }
        }
        problems += chainProblems(entries, lines: read, trusted: 0)
        return (Ledger(entries: entries), problems.sorted { $0.line < $1.line })
    }

    /// The problems of the chain of `entries` (on the given lines), sorted
    /// by line. `trusted`: how many leading entries need not have their hash
    /// recomputed (`parse(jsonLines:verified:)`).
    static func chainProblems(_ entries: [LedgerEntry], lines: [Int], trusted: Int) -> [Problem] {
        var problems: [Problem] = []
        var previous = genesis
        var expected = 1
        for (n, e) in entries.enumerated() {
            let line = lines[n]
            if e.seq != expected { problems.append(Problem(line: line, seq: e.seq, kind: .sequence(expected: expected))) }
            if e.prev != previous { problems.append(Problem(line: line, seq: e.seq, kind: .link)) }
            if n >= trusted, e.hash != e.computedHash { problems.append(Problem(line: line, seq: e.seq, kind: .hash)) }
            previous = e.hash
            // Once: a missing line is one problem, not one per later entry.
            expected = e.seq + 1
        }
        return problems.sorted { $0.line < $1.line }
    }

    /// Checks entries in order (as published in ledger.json, line = index + 1).
    public static func check(_ entries: [LedgerEntry]) -> [Problem] {
        chainProblems(entries, lines: entries.indices.map { $0 + 1 }, trusted: 0)
    }

    /// The file: one line per entry, keys sorted, ending with a newline.
    public var jsonLines: [UInt8] {
        var out: [UInt8] = []
        for e in entries { out += e.jsonLine; out.append(10) }
        return out
    }

    /// `2025-10-05T01:30:00Z` → `2025年10月5日 09:30` in a timezone (for
    /// people; the ledger itself is in UTC).
    public static func localTime(_ utc: String, timezone: String) -> String {
        let parts = utc.split(separator: "T")
        guard parts.count == 2, let day = CalendarDate.parse(String(parts[0])) else { return utc }
        let clock = parts[1].dropLast().split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3 else { return utc }
        let epoch = day.dayNumber * 86400 + clock[0] * 3600 + clock[1] * 60 + clock[2]
        let tz = TimeZone(identifier: timezone) ?? TimeZone(identifier: "Asia/Shanghai")!
        let local = epoch + tz.secondsFromGMT(for: Date(timeIntervalSince1970: Double(epoch)))
        let localDay = CalendarDate(dayNumber: local >= 0 ? local / 86400 : (local - 86399) / 86400)
        let rest = local - localDay.dayNumber * 86400
        return "\(localDay.chinese) \(pad(rest / 3600, 2)):\(pad(rest / 60 % 60, 2))"
    }

    /// The calendar day of an instant in a timezone.
    public static func localDay(_ date: Date, timezone: String) -> CalendarDate {
        let tz = TimeZone(identifier: timezone) ?? TimeZone(identifier: "Asia/Shanghai")!
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + tz.secondsFromGMT(for: date)
        return CalendarDate(dayNumber: local >= 0 ? local / 86400 : (local - 86399) / 86400)
    }

    /// UTC, to the second: `2025-10-05T01:30:00Z`.
    public static func timestamp(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
        let rest = seconds - days * 86400
        return CalendarDate(dayNumber: days).iso
            + "T\(pad(rest / 3600, 2)):\(pad(rest / 60 % 60, 2)):\(pad(rest % 60, 2))Z"
    }
}

/// One line of the ledger: a notice version recorded by a build.
public struct LedgerEntry: Sendable, Hashable, Codable {
    public enum Event: String, Sendable, Hashable, Codable {
        /// First version of a notice.
        case published
        /// A new version with a new `revisions:` entry.
        case revised
        /// The notice was withdrawn (`withdrawn:`); the version is the
        /// withdrawal record without the body.
        case withdrawn
        /// The same text, with what the page shows beside it recorded anew:
        /// the objection contact or the issuer changed in community.yml, a
        /// category's name or objection window in site.yml, or (once, after
        /// upgrading) a format-1 entry gets its facts and files recorded.
        case updated
    }

    /// 1, 2, 3, … in file order.
    public var seq: Int
    /// When the build recorded it (UTC, `Ledger.timestamp`).
    public var time: String
    /// The notice id, `<community>/<year>/<name>`.
    public var id: String
    public var event: Event
    /// SHA-256 (hex) of the version's canonical text (`NoticeText.canonical`),
    /// published as `<notice>/notice.txt`.
    public var version: String
    /// How many `revisions:` entries that version had.
    public var revisions: Int
    /// `hash` of the previous entry; 64 zeros for the first.
    public var prev: String
    /// SHA-256 (hex) of `hashInput`.
    public var hash: String
    /// Format 2: SHA-256 (hex) of the notice's `facts.txt` (`NoticeFacts`):
    /// what its page shows besides the body. Nil in format-1 entries.
    public var facts: String?
    /// Format 2: SHA-256 (hex) of its `files.sha256` (`NoticeFiles`): the
    /// attachments and table files. Nil in format-1 entries.
    public var files: String?

    public init(seq: Int, time: String, id: String, event: Event, version: String, revisions: Int, prev: String,
                hash: String, facts: String? = nil, files: String? = nil) {
        self.seq = seq
        self.time = time
        self.id = id
        self.event = event
        self.version = version
        self.revisions = revisions
        self.prev = prev
        self.hash = hash
        self.facts = facts
        self.files = files
    }

    /// The fields, each on its own line, in this order: what `hash` covers.
    /// (Simpler to reproduce in another language than canonical JSON.) A
    /// format-2 entry adds `facts` and `files` as two more lines.
    public var hashInput: String {
        let v1 = "\(seq)\n\(time)\n\(id)\n\(event.rawValue)\n\(version)\n\(revisions)\n\(prev)"
        guard facts != nil || files != nil else { return v1 }
        return v1 + "\n\(facts ?? "")\n\(files ?? "")"
    }

    public var computedHash: String { SHA256.hex(hashInput) }

    /// Reads a line exactly as `jsonLine` writes it (keys in order, no
    /// spaces, no escapes in strings); nil for anything else, which then goes
    /// through JSONDecoder. Ten times faster on a 10,000-line ledger.
    init?(canonicalLine line: Slice<UnsafeBufferPointer<UInt8>>) {
        var i = line.startIndex
        var end = line.endIndex
        while end > i, line[end - 1] == 13 || line[end - 1] == 32 || line[end - 1] == 9 { end -= 1 }
        func literal(_ text: StaticString) -> Bool {
            let n = text.utf8CodeUnitCount
            guard end - i >= n else { return false }
            let matches = text.withUTF8Buffer { buffer in buffer.elementsEqual(line[i..<(i + n)]) }
            if matches { i += n }
            return matches
        }
        func string() -> String? {
            let start = i
            while i < end, line[i] != 34 {
                if line[i] == 92 || line[i] < 32 { return nil }
                i += 1
            }
            guard i < end else { return nil }
            defer { i += 1 }
            return String(validating: line[start..<i], as: UTF8.self)
        }
        func integer() -> Int? {
            let start = i
            var value = 0
            while i < end, (48...57).contains(line[i]) {
                value = value &* 10 &+ Int(line[i] &- 48)
                i += 1
            }
            guard i > start, i - start < 19 else { return nil }
            return value
        }
        guard literal("{\"event\":\""), let event = string().flatMap(Event.init(rawValue:)) else { return nil }
        var facts: String?, files: String?
        if literal(",\"facts\":\"") {
            guard let value = string() else { return nil }
            facts = value
        }
        if literal(",\"files\":\"") {
            guard let value = string() else { return nil }
            files = value
        }
        guard literal(",\"hash\":\""), let hash = string(),
              literal(",\"id\":\""), let id = string(),
              literal(",\"prev\":\""), let prev = string(),
              literal(",\"revisions\":"), let revisions = integer(),
              literal(",\"seq\":"), let seq = integer(),
              literal(",\"time\":\""), let time = string(),
              literal(",\"version\":\""), let version = string(),
              literal("}"), i == end else { return nil }
        self.init(seq: seq, time: time, id: id, event: event, version: version, revisions: revisions, prev: prev, hash: hash,
                  facts: facts, files: files)
    }

    public var jsonLine: [UInt8] {
        // What JSONEncoder writes (keys sorted, slashes as they are), written
        // directly when no string needs escaping: one encoder per entry was
        // most of the time of publishing ledger.json on 10,000 entries.
        func plain(_ s: String) -> Bool { s.utf8.allSatisfy { $0 >= 32 && $0 < 127 && $0 != 34 && $0 != 92 } }
        if plain(time), plain(id), plain(version), plain(prev), plain(hash), plain(facts ?? ""), plain(files ?? "") {
            let added = (facts.map { ",\"facts\":\"\($0)\"" } ?? "") + (files.map { ",\"files\":\"\($0)\"" } ?? "")
            return Array(("{\"event\":\"\(event.rawValue)\"\(added),\"hash\":\"\(hash)\",\"id\":\"\(id)\",\"prev\":\"\(prev)\","
                + "\"revisions\":\(revisions),\"seq\":\(seq),\"time\":\"\(time)\",\"version\":\"\(version)\"}").utf8)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(self)) ?? Data())
    }
}

/// The canonical text of a notice version: the bytes that are hashed into the
/// ledger and published as `<notice>/notice.txt`, so anyone can re-hash them.
public enum NoticeText {
    /// The source file as UTF-8 without a byte-order mark, every line ending
    /// turned into `\n`. For a withdrawn notice, only the front matter (up to
    /// and including its closing `---` line): the body is not published.
    public static func canonical(_ source: [UInt8], withdrawn: Bool) -> [UInt8] {
        var bytes = source[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == 13 {
                out.append(10)
                if i + 1 < bytes.endIndex, bytes[i + 1] == 10 { i += 1 }
            } else {
                out.append(b)
            }
            i += 1
        }
        guard withdrawn else { return out }
        let lines = out.split(separator: 10, omittingEmptySubsequences: false)
        guard let first = lines.first, trimmed(first) == Array("---".utf8) else { return out }
        var kept = 0
        for (n, line) in lines.enumerated() {
            kept += line.count + 1
            if n > 0, trimmed(line) == Array("---".utf8) || trimmed(line) == Array("...".utf8) {
                return Array(out.prefix(min(kept, out.count))) + (kept > out.count ? [10] : [])
            }
        }
        return out
    }

    private static func trimmed(_ line: ArraySlice<UInt8>) -> [UInt8] {
        var s = line
        while let last = s.last, last == 32 || last == 9 { s = s.dropLast() }
        return Array(s)
    }
}

extension FixedClock {
    /// Seconds since 1970-01-01 UTC (`SOURCE_DATE_EPOCH`).
    public init(epochSeconds: Double) { self.init(Date(timeIntervalSince1970: epochSeconds)) }
}
