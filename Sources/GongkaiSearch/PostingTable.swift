/// The postings of one partition of tokens while the index is built: each
/// token's list grows as notices are added in number order, written as raw
/// bytes (7-bit varint gaps, then for a scored token one byte of impact)
/// into blocks of one shared pool. Blocks double in size up to 4 KB, and
/// each ends with the offset of the next: a token's list is a chain, and no
/// token has an array of its own. Memory of its own (not arrays), in a
/// struct (no class property checks): appending a posting is the innermost
/// loop of indexing. The owner calls `release()` when done.
struct PostingTable {
    struct Slot {
        var code: UInt64
        var last: Int32 = -1
        var count: Int32 = 0
        var head: Int32
        var tail: Int32
        var end: Int32
        var length: Int32 = 0
        var level: Int32 = 0
    }

    private(set) var slots: UnsafeMutablePointer<Slot>
    private(set) var count = 0
    private var slotCapacity: Int
    private var table: UnsafeMutablePointer<Int32>
    private var tableSize: Int
    private var mask: Int
    private var pool: UnsafeMutablePointer<UInt8>
    private var poolCount = 0
    private var poolCapacity: Int
    /// Word texts, by code.
    var words: [UInt64: [UInt8]] = [:]

    static let blockSizes: [Int32] = [16, 32, 64, 128, 256, 512, 1024, 2048, 4096]

    init(capacity: Int = 1024) {
        tableSize = capacity
        table = .allocate(capacity: capacity)
        table.initialize(repeating: -1, count: capacity)
        mask = capacity - 1
        slotCapacity = capacity / 2
        slots = .allocate(capacity: slotCapacity)
        poolCapacity = 1 << 16
        pool = .allocate(capacity: poolCapacity)
    }


    private mutating func block(_ size: Int32) -> Int32 {
        if poolCount + Int(size) > poolCapacity {
            var capacity = poolCapacity * 2
            while poolCount + Int(size) > capacity { capacity *= 2 }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            grown.update(from: pool, count: poolCount)
            pool.deallocate()
            pool = grown
            poolCapacity = capacity
        }
        let off = Int32(poolCount)
        poolCount += Int(size)
        return off
    }

    @inline(__always)
    mutating func slot(_ code: UInt64) -> Int {
        var i = Int(truncatingIfNeeded: (code &* 0x9E37_79B9_7F4A_7C15) >> 36) & mask
        while true {
            let s = table[i]
            if s < 0 {
                let new = count
                table[i] = Int32(new)
                let off = block(Self.blockSizes[0])
                if count == slotCapacity {
                    let grown = UnsafeMutablePointer<Slot>.allocate(capacity: slotCapacity * 2)
                    grown.moveInitialize(from: slots, count: count)
                    slots.deallocate()
                    slots = grown
                    slotCapacity *= 2
                }
                (slots + new).initialize(to: Slot(code: code, head: off, tail: off, end: off + Self.blockSizes[0] - 4))
                count += 1
                if count * 2 > tableSize { grow() }
                return new
            }
            if slots[Int(s)].code == code { return Int(s) }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        table.deallocate()
        tableSize *= 2
        table = .allocate(capacity: tableSize)
        table.initialize(repeating: -1, count: tableSize)
        mask = tableSize - 1
        for s in 0..<count {
            var i = Int(truncatingIfNeeded: (slots[s].code &* 0x9E37_79B9_7F4A_7C15) >> 36) & mask
            while table[i] >= 0 { i = (i + 1) & mask }
            table[i] = Int32(s)
        }
    }

    /// Appends notice `number` (larger than any before for this token) to
    /// the list of `code`; `value` is the impact byte of a scored token,
    /// nil for membership.
    @inline(__always)
    mutating func append(_ code: UInt64, number: Int32, value: UInt8?) {
        append(slot(code), number: number, value: value)
    }

    @inline(__always)
    mutating func append(_ s: Int, number: Int32, value: UInt8?) {
        let slot = slots + s
        var gap = UInt32(bitPattern: number - slot.pointee.last)
        slot.pointee.last = number
        slot.pointee.count += 1
        var tail = slot.pointee.tail, end = slot.pointee.end
        var written: Int32 = 0
        @inline(__always) func put(_ byte: UInt8) {
            if tail == end {
                let level = min(Int(slot.pointee.level) + 1, Self.blockSizes.count - 1)
                let size = Self.blockSizes[level]
                let off = block(size)
                let link = Int(end)
                pool[link] = UInt8(truncatingIfNeeded: off)
                pool[link + 1] = UInt8(truncatingIfNeeded: off >> 8)
                pool[link + 2] = UInt8(truncatingIfNeeded: off >> 16)
                pool[link + 3] = UInt8(truncatingIfNeeded: off >> 24)
                tail = off
                end = off + size - 4
                slot.pointee.level = Int32(level)
            }
            pool[Int(tail)] = byte
            tail += 1
            written += 1
        }
        while gap >= 0x80 {
            put(UInt8(gap & 0x7F) | 0x80)
            gap >>= 7
        }
        put(UInt8(gap))
        if let value { put(value) }
        slot.pointee.tail = tail
        slot.pointee.end = end
        slot.pointee.length += written
    }

    /// Gives the memory back (the lists are read).
    mutating func release() {
        pool.deallocate()
        table.deallocate()
        slots.deallocate()
        poolCapacity = 0
        poolCount = 0
        count = 0
    }

    /// The slot of `code`, if the table has it.
    func find(_ code: UInt64) -> Int? {
        var i = Int(truncatingIfNeeded: (code &* 0x9E37_79B9_7F4A_7C15) >> 36) & mask
        while true {
            let s = table[i]
            if s < 0 { return nil }
            if slots[Int(s)].code == code { return Int(s) }
            i = (i + 1) & mask
        }
    }

    /// A list as the index writes it (`PostingsCodec.encode`, or a
    /// membership list written plainly), straight from the pools: the
    /// slots' lists one after the other (each table's numbers above the
    /// last's).
    static func encode(_ parts: [(PostingTable, Int)], scored: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(parts.reduce(2) { $0 + Int($1.0.slots[$1.1].length) * 5 / 4 })
        var previous: Int32 = -1
        for (table, s) in parts { table.encode(s, scored: scored, after: &previous, into: &out) }
        return out
    }

    private func encode(_ s: Int, scored: Bool, after previous: inout Int32, into out: inout [UInt8]) {
        let alphabet = PostingsCodec.alphabet
        walk(s, scored: scored, number: { doc in
            var g = UInt32(bitPattern: doc - previous)
            previous = doc
            repeat {
                let digit = Int(g & 31)
                g >>= 5
                out.append(alphabet[digit | (g > 0 ? 32 : 0)])
            } while g > 0
        }, impact: { out.append(alphabet[Int($0)]) })
    }

    /// Slot `s`'s list: numbers, and impact bytes when `scored`.
    func read(_ s: Int, scored: Bool) -> PostingsCodec.Scored {
        var list = PostingsCodec.Scored()
        let n = Int(slots[s].count)
        list.numbers.reserveCapacity(n)
        if scored { list.impacts.reserveCapacity(n) }
        walk(s, scored: scored, number: { list.numbers.append($0) }, impact: { list.impacts.append($0) })
        return list
    }

    /// Slot `s`'s bytes through its chain of blocks: each number (its gap
    /// from the one before, 7 bits a byte), then its impact byte when `scored`.
    @inline(__always)
    private func walk(_ s: Int, scored: Bool, number: (Int32) -> Void, impact: (UInt8) -> Void) {
        let slot = slots[s]
        var pos = Int(slot.head)
        var end = Int(slot.head + Self.blockSizes[0] - 4)
        var level = 0
        var remaining = Int(slot.length)
        var doc: Int32 = -1
        var gap: UInt32 = 0, shift: UInt32 = 0
        var wantImpact = false
        let p = pool
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
                impact(b)
                wantImpact = false
                continue
            }
            gap |= UInt32(b & 0x7F) << shift
            if b & 0x80 != 0 {
                shift += 7
            } else {
                doc += Int32(bitPattern: gap)
                number(doc)
                gap = 0
                shift = 0
                wantImpact = scored
            }
        }
    }
}
