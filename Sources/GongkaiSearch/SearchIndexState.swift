import GongkaiCore

/// What an update needs to know of the index the last build wrote, besides
/// its files. Kept between builds as bytes (`serialized`, `init?(serialized:)`):
/// anything that does not read back whole is no state at all, and the index
/// is built anew.
public struct SearchIndexState: Sendable, Equatable {
    /// Membership lists whose length is within this many notices of half
    /// the notices are tracked (their lengths kept): whether such a list is
    /// written as its complement can change when notices are added or
    /// removed elsewhere.
    static let trackedWindow = 256

    // Per notice, in number order.
    /// `SearchIdentity.key`: what the notice is (its id).
    public var keys: [UInt64]
    public var urls: [String]
    public var numbers: [Int32]
    public var days: [Int32]
    /// Year × 12 + month − 1.
    public var months: [Int32]
    /// `SearchDocument.stableHash` of what was indexed.
    public var hashes: [UInt64]
    /// `SearchIdentity.input`: what each notice's document was made from (0:
    /// not known); a notice whose input is unchanged is unchanged, its text
    /// not read.
    public var inputs: [UInt64]
    public var communities: [String]
    public var categories: [String]

    public var shardCount: Int
    /// Sum of `entrySize` over all entries (decides the shard count).
    public var total: Int
    /// Token → its file (`t/<hash>`), for large lists.
    public var largeFiles: [String: String]
    /// Membership lists (trigrams, filters) at least `trackedFrom / 2` long: their lengths.
    public var tracked: [String: Int32]
    public var trackedFrom: Int
    /// Of the synonym table the manifest holds.
    public var synonyms: UInt64

    static let magic: [UInt8] = Array("gongkai-search-state-3.2\n".utf8)

    public func serialized() -> [UInt8] {
        var w = ByteWriter()
        w.bytes(Self.magic)
        w.int(urls.count)
        for i in urls.indices {
            w.u64(keys[i]); w.string(urls[i]); w.i32(numbers[i]); w.i32(days[i]); w.i32(months[i]); w.u64(hashes[i])
            w.u64(inputs[i]); w.string(communities[i]); w.string(categories[i])
        }
        w.int(shardCount); w.int(total)
        w.int(largeFiles.count)
        for key in largeFiles.keys.sorted() { w.string(key); w.string(largeFiles[key]!) }
        w.int(tracked.count)
        for key in tracked.keys.sorted() { w.string(key); w.i32(tracked[key]!) }
        w.int(trackedFrom)
        w.u64(synonyms)
        w.u64(PostingsCodec.fnv64(w.out))
        return w.out
    }

    public init?(serialized bytes: [UInt8]) {
        guard bytes.count > Self.magic.count + 8, Array(bytes.prefix(Self.magic.count)) == Self.magic else { return nil }
        var sum = ByteReader(bytes: bytes, at: bytes.count - 8)
        guard PostingsCodec.fnv64(bytes.dropLast(8)) == sum.u64() else { return nil }
        var r = ByteReader(bytes: bytes, at: Self.magic.count)
        guard let n = r.count(limit: bytes.count) else { return nil }
        keys = []; urls = []; numbers = []; days = []; months = []; hashes = []; inputs = []; communities = []; categories = []
        keys.reserveCapacity(n); urls.reserveCapacity(n); numbers.reserveCapacity(n); days.reserveCapacity(n)
        months.reserveCapacity(n); hashes.reserveCapacity(n); inputs.reserveCapacity(n)
        communities.reserveCapacity(n); categories.reserveCapacity(n)
        for _ in 0..<n {
            guard let key = r.u64(), let url = r.string(), let number = r.i32(), let day = r.i32(), let month = r.i32(),
                  let hash = r.u64(), let input = r.u64(), let community = r.string(), let category = r.string() else { return nil }
            keys.append(key); urls.append(url); numbers.append(number); days.append(day); months.append(month)
            hashes.append(hash); inputs.append(input); communities.append(community); categories.append(category)
        }
        guard let shardCount = r.int(), let total = r.int(), let large = r.count(limit: bytes.count) else { return nil }
        self.shardCount = shardCount
        self.total = total
        largeFiles = [:]
        for _ in 0..<large {
            guard let k = r.string(), let v = r.string() else { return nil }
            largeFiles[k] = v
        }
        guard let trackedCount = r.count(limit: bytes.count) else { return nil }
        tracked = [:]
        for _ in 0..<trackedCount {
            guard let k = r.string(), let v = r.i32() else { return nil }
            tracked[k] = v
        }
        guard let trackedFrom = r.int(), let synonyms = r.u64(), r.offset == bytes.count - 8 else { return nil }
        self.trackedFrom = trackedFrom
        self.synonyms = synonyms
    }

    init(keys: [UInt64], urls: [String], numbers: [Int32], days: [Int32], months: [Int32], hashes: [UInt64], inputs: [UInt64],
         communities: [String], categories: [String], shardCount: Int, total: Int, largeFiles: [String: String],
         tracked: [String: Int32], trackedFrom: Int, synonyms: UInt64) {
        self.keys = keys
        self.urls = urls
        self.numbers = numbers
        self.days = days
        self.months = months
        self.hashes = hashes
        self.inputs = inputs
        self.communities = communities
        self.categories = categories
        self.shardCount = shardCount
        self.total = total
        self.largeFiles = largeFiles
        self.tracked = tracked
        self.trackedFrom = trackedFrom
        self.synonyms = synonyms
    }

    /// The files of the index this state describes (the manifest, shards,
    /// large lists, fragments), but those in `written`.
    func files(except written: Set<String>) -> [String] {
        var out: [String] = []
        out.reserveCapacity(shardCount + numbers.count + largeFiles.count * 2 + 1)
        func add(_ path: String) { if !written.contains(path) { out.append(path) } }
        add("manifest.json")
        for s in 0..<shardCount { add("s/\(s).json") }
        for token in largeFiles.keys.sorted() {
            let name = largeFiles[token]!
            add(name + ".json")
            if !SearchIndexState.isMembership(token) { add(name + "r.json") }
        }
        for n in numbers { add("d/\(n).json") }
        return out
    }

    /// Trigrams and filters have membership lists; everything else is scored.
    /// (A trigram is three CJK characters, or has CJK characters and a word.)
    static func isMembership(_ token: String) -> Bool {
        if token.hasPrefix("@") || token.hasPrefix("^") { return true }
        let scalars = token.unicodeScalars
        let cjk = scalars.count { SearchText.isCJK($0.value) }
        return (cjk == 3 && scalars.count == 3) || (cjk > 0 && cjk < scalars.count)
    }
}

struct ByteWriter {
    var out: [UInt8] = []
    mutating func bytes(_ b: [UInt8]) { out += b }
    mutating func u64(_ v: UInt64) { for k in 0..<8 { out.append(UInt8(truncatingIfNeeded: v >> (8 * UInt64(k)))) } }
    mutating func i32(_ v: Int32) { let u = UInt32(bitPattern: v); for k in 0..<4 { out.append(UInt8(truncatingIfNeeded: u >> (8 * UInt32(k)))) } }
    mutating func int(_ v: Int) { u64(UInt64(bitPattern: Int64(v))) }
    mutating func string(_ s: String) {
        let b = Array(s.utf8)
        i32(Int32(b.count))
        out += b
    }
}

struct ByteReader {
    let bytes: [UInt8]
    var offset: Int

    init(bytes: [UInt8], at offset: Int) {
        self.bytes = bytes
        self.offset = offset
    }

    mutating func u64() -> UInt64? {
        guard offset + 8 <= bytes.count else { return nil }
        var v: UInt64 = 0
        for k in 0..<8 { v |= UInt64(bytes[offset + k]) << (8 * UInt64(k)) }
        offset += 8
        return v
    }

    mutating func i32() -> Int32? {
        guard offset + 4 <= bytes.count else { return nil }
        var v: UInt32 = 0
        for k in 0..<4 { v |= UInt32(bytes[offset + k]) << (8 * UInt32(k)) }
        offset += 4
        return Int32(bitPattern: v)
    }

    mutating func int() -> Int? { u64().map { Int(Int64(bitPattern: $0)) } }

    /// A count that cannot be more than the bytes left could hold.
    mutating func count(limit: Int) -> Int? {
        guard let n = int(), n >= 0, n <= limit else { return nil }
        return n
    }

    mutating func string() -> String? {
        guard let n = i32(), n >= 0, offset + Int(n) <= bytes.count else { return nil }
        defer { offset += Int(n) }
        return String(decoding: bytes[offset..<offset + Int(n)], as: UTF8.self)
    }
}

extension PostingsCodec {
    static func fnv64<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes {
            h ^= UInt64(b)
            h &*= 0x100000001b3
        }
        return h
    }
}

/// What the update needs to know of a notice without its document: which
/// notice it is, its date, and what it was made from.
public struct SearchIdentity: Sendable, Equatable {
    /// A stable hash of the notice's id (the same notice, the same key).
    public var key: UInt64
    /// Year × 12 + month − 1.
    public var month: Int32
    public var day: Int32
    /// A hash of what the notice's document is made from (0: not known).
    public var input: UInt64

    public init(key: UInt64, month: Int32, day: Int32, input: UInt64) {
        self.key = key
        self.month = month
        self.day = day
        self.input = input
    }

    /// From a document alone: its URL is its key.
    public static func of(_ doc: SearchDocument, input: UInt64 = 0) -> SearchIdentity {
        let md = doc.monthAndDay
        return SearchIdentity(key: PostingsCodec.fnv64(doc.url.utf8), month: md.month, day: md.day, input: input)
    }
}

/// UInt64 keys → indices, open addressing (the last build's notices by key:
/// one lookup per notice of the site on every update).
struct KeyTable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var used: [Bool]
    private let mask: Int

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: -1, count: size)
        used = Array(repeating: false, count: size)
        mask = size - 1
    }

    /// False when the key is already there.
    mutating func insert(_ key: UInt64, _ value: Int) -> Bool {
        var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while used[i] {
            if keys[i] == key { return false }
            i = (i + 1) & mask
        }
        used[i] = true
        keys[i] = key
        values[i] = Int32(value)
        return true
    }

    subscript(key: UInt64) -> Int? {
        var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while used[i] {
            if keys[i] == key { return Int(values[i]) }
            i = (i + 1) & mask
        }
        return nil
    }
}
