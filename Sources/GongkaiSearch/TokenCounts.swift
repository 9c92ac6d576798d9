/// Per-notice token counts in an open-addressing table keyed by the token's
/// 64-bit code (never 0: every code carries tag bits). Swift's Dictionary
/// hashes with SipHash, which made counting the most expensive part of
/// indexing; a multiplicative hash is enough for these keys.
struct TokenCounts {
    private(set) var keys: [UInt64]
    private(set) var short: [Float]
    private(set) var body: [UInt16]
    private var mask: Int
    private(set) var count = 0

    init(expected: Int) {
        var capacity = 64
        while capacity < expected * 2 { capacity <<= 1 }
        keys = Array(repeating: 0, count: capacity)
        short = Array(repeating: 0, count: capacity)
        body = Array(repeating: 0, count: capacity)
        mask = capacity - 1
    }

    @inline(__always)
    private mutating func slot(_ key: UInt64) -> Int {
        if count * 2 >= keys.count { grow() }
        var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
        while true {
            let k = keys[i]
            if k == key { return i }
            if k == 0 {
                keys[i] = key
                count += 1
                return i
            }
            i = (i + 1) & mask
        }
    }

    mutating func addShort(_ key: UInt64, _ weight: Float) {
        let i = slot(key)
        short[i] += weight
    }

    mutating func addBody(_ key: UInt64) {
        let i = slot(key)
        if body[i] < .max { body[i] += 1 }
    }

    private mutating func grow() {
        let old = (keys, short, body)
        let capacity = keys.count * 2
        keys = Array(repeating: 0, count: capacity)
        short = Array(repeating: 0, count: capacity)
        body = Array(repeating: 0, count: capacity)
        mask = capacity - 1
        count = 0
        for j in old.0.indices where old.0[j] != 0 {
            let i = slot(old.0[j])
            short[i] = old.1[j]
            body[i] = old.2[j]
        }
    }
}
