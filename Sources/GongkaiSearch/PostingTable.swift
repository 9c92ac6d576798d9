/// The postings of one partition of tokens while the index is built: each
/// token's list grows as notices are added in number order, written as raw
/// bytes (7-bit varint gaps, then for a scored token one byte of impact)
/// into blocks of one shared pool. Blocks double in size up to 4 KB, and
/// each ends with the offset of the next: a token's list is a chain, and no
/// token has an array of its own (tens of thousands of small arrays were
/// most of the time of the last index builder).
struct PostingTable {
    private(set) var codes: [UInt64] = []
    private var last: [Int32] = []
    private(set) var counts: [Int32] = []
    private var heads: [Int32] = []
    private var tails: [Int32] = []
    private var ends: [Int32] = []
    private var levels: [UInt8] = []
    private(set) var lengths: [Int32] = []
    private var pool: [UInt8] = []
    private var table: [Int32]
    private var mask: Int
    /// Word texts, by code.
    var words: [UInt64: [UInt8]] = [:]

    static let blockSizes: [Int32] = [16, 32, 64, 128, 256, 512, 1024, 2048, 4096]

    init(capacity: Int = 1024) {
        table = Array(repeating: -1, count: capacity)
        mask = capacity - 1
        pool.reserveCapacity(1 << 16)
    }

    var count: Int { codes.count }

    @inline(__always)
    mutating func slot(_ code: UInt64) -> Int {
        var i = Int(truncatingIfNeeded: (code &* 0x9E37_79B9_7F4A_7C15) >> 36) & mask
        while true {
            let s = table[i]
            if s < 0 {
                let new = codes.count
                table[i] = Int32(new)
                codes.append(code)
                last.append(-1)
                counts.append(0)
                let off = Int32(pool.count)
                pool.append(contentsOf: repeatElement(0, count: Int(Self.blockSizes[0])))
                heads.append(off)
                tails.append(off)
                ends.append(off + Self.blockSizes[0] - 4)
                levels.append(0)
                lengths.append(0)
                if codes.count * 2 > table.count { grow() }
                return new
            }
            if codes[Int(s)] == code { return Int(s) }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        let capacity = table.count * 2
        table = Array(repeating: -1, count: capacity)
        mask = capacity - 1
        for (s, code) in codes.enumerated() {
            var i = Int(truncatingIfNeeded: (code &* 0x9E37_79B9_7F4A_7C15) >> 36) & mask
            while table[i] >= 0 { i = (i + 1) & mask }
            table[i] = Int32(s)
        }
    }

    @inline(__always)
    private mutating func put(_ s: Int, _ byte: UInt8) {
        if tails[s] == ends[s] {
            let level = min(Int(levels[s]) + 1, Self.blockSizes.count - 1)
            let size = Self.blockSizes[level]
            let off = Int32(pool.count)
            pool.append(contentsOf: repeatElement(0, count: Int(size)))
            let link = Int(ends[s])
            pool[link] = UInt8(truncatingIfNeeded: off)
            pool[link + 1] = UInt8(truncatingIfNeeded: off >> 8)
            pool[link + 2] = UInt8(truncatingIfNeeded: off >> 16)
            pool[link + 3] = UInt8(truncatingIfNeeded: off >> 24)
            tails[s] = off
            ends[s] = off + size - 4
            levels[s] = UInt8(level)
        }
        pool[Int(tails[s])] = byte
        tails[s] += 1
        lengths[s] += 1
    }

    /// Appends notice `number` (larger than any before for this token);
    /// `value` is the impact byte of a scored token, nil for membership.
    @inline(__always)
    mutating func append(_ s: Int, number: Int32, value: UInt8?) {
        var gap = UInt32(bitPattern: number - last[s])
        last[s] = number
        counts[s] += 1
        while gap >= 0x80 {
            put(s, UInt8(gap & 0x7F) | 0x80)
            gap >>= 7
        }
        put(s, UInt8(gap))
        if let value { put(s, value) }
    }

    /// Slot `s`'s list: numbers, and impact bytes when `scored`.
    func read(_ s: Int, scored: Bool) -> PostingsCodec.Scored {
        var list = PostingsCodec.Scored()
        let n = Int(counts[s])
        list.numbers.reserveCapacity(n)
        if scored { list.impacts.reserveCapacity(n) }
        var pos = Int(heads[s])
        var end = Int(heads[s] + Self.blockSizes[0] - 4)
        var level = 0
        var remaining = Int(lengths[s])
        var doc: Int32 = -1
        var gap: UInt32 = 0, shift: UInt32 = 0
        var wantImpact = false
        pool.withUnsafeBufferPointer { p in
            while remaining > 0 {
                if pos == end {
                    let off = Int(p[end]) | Int(p[end + 1]) << 8 | Int(p[end + 2]) << 16 | Int(p[end + 3]) << 24
                    level = min(level + 1, Self.blockSizes.count - 1)
                    pos = off
                    end = off + Int(Self.blockSizes[level]) - 4
                }
                let b = p[pos]
                pos += 1
                remaining -= 1
                if wantImpact {
                    list.impacts.append(b)
                    wantImpact = false
                    continue
                }
                gap |= UInt32(b & 0x7F) << shift
                if b & 0x80 != 0 {
                    shift += 7
                } else {
                    doc += Int32(bitPattern: gap)
                    list.numbers.append(doc)
                    gap = 0
                    shift = 0
                    wantImpact = scored
                }
            }
        }
        return list
    }
}
