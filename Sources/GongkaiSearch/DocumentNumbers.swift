/// Notice numbers in the index (docs/search-index.md, "Numbers").
///
/// A notice's number depends on its own month and URL and on the size of
/// the busiest month, so adding, changing or removing one notice (of any
/// date) leaves every other month's numbers as they were. Every month
/// since January 1900 has a block of `size` numbers (a power of two, at
/// least twice the busiest month's count), in date order: a larger number
/// is a newer month. Inside its month a notice starts at its day's part of
/// the block (plus a hash of its URL) and takes the first free number from
/// there, the month's notices taken in URL order: numbers follow the date
/// within the month too, except where a day's part is full.
struct DocumentNumbers: Equatable, Sendable {
    /// The first month with a block of its own (January 1900); earlier
    /// dates share its block, and dates after 2241 the last one (so that
    /// 4,096 blocks of at most 2^19 numbers fit in 31 bits).
    static let epoch: Int32 = 1900 * 12

    /// Numbers per month.
    var size: Int32
    /// Each input notice's number.
    var numbers: [Int32]

    static func size(busiest count: Int) -> Int32 {
        var size: Int32 = 2
        while Int(size) < 2 * count && size < 1 << 19 { size *= 2 }
        return size
    }

    @inline(__always)
    static func block(_ month: Int32) -> Int32 { min(4095, max(0, month - epoch)) }

    /// `notices`: each notice's month (year × 12 + month − 1), day and URL (UTF-8).
    static func assign(_ notices: [(month: Int32, day: Int32, url: [UInt8])]) -> DocumentNumbers {
        var byBlock: [Int32: [Int]] = [:]
        for (i, n) in notices.enumerated() { byBlock[block(n.month), default: []].append(i) }
        let size = size(busiest: byBlock.values.map(\.count).max() ?? 0)
        var numbers = [Int32](repeating: 0, count: notices.count)
        for (b, members) in byBlock {
            let slots = self.slots(members.map { (notices[$0].day, notices[$0].url) }, size: size)
            for (k, i) in members.enumerated() { numbers[i] = b * size + slots[k] }
        }
        return DocumentNumbers(size: size, numbers: numbers)
    }

    /// The slots (0 ..< size) of one month's notices, in the order given.
    static func slots(_ members: [(day: Int32, url: [UInt8])], size: Int32) -> [Int32] {
        let order = members.indices.sorted { members[$0].url.lexicographicallyPrecedes(members[$1].url) }
        var used = [Bool](repeating: false, count: Int(size))
        var out = [Int32](repeating: 0, count: members.count)
        let band = size / 31
        for i in order {
            let m = members[i]
            var s = (m.day - 1) * size / 31
            if band > 0 { s += Int32(PostingsCodec.fnv32(m.url) % UInt32(band)) }
            s &= size - 1
            while used[Int(s)] { s = (s + 1) & (size - 1) }
            used[Int(s)] = true
            out[i] = s
        }
        return out
    }
}
