/// One notice's token counts, in tables reused from notice to notice (a
/// generation number marks which slots belong to the current notice, so
/// nothing is cleared between notices). Open addressing keyed by the token's
/// 64-bit code: Swift's Dictionary hashes with SipHash, which made counting
/// the most expensive part of indexing.
struct TokenCounts {
    private(set) var keys: [UInt64]
    private var stamps: [UInt32]
    private(set) var short: [Float]
    private(set) var heads: [UInt8]
    private(set) var body: [UInt16]
    /// Slots used by the current notice, in first-seen order.
    private(set) var touched: [Int32] = []
    private var mask: Int
    private var generation: UInt32 = 1

    private(set) var trigramKeys: [UInt64]
    private var trigramStamps: [UInt32]
    private(set) var trigramsTouched: [Int32] = []
    private var trigramMask: Int

    init(capacity: Int = 4096) {
        keys = Array(repeating: 0, count: capacity)
        stamps = Array(repeating: 0, count: capacity)
        short = Array(repeating: 0, count: capacity)
        heads = Array(repeating: 0, count: capacity)
        body = Array(repeating: 0, count: capacity)
        mask = capacity - 1
        trigramKeys = Array(repeating: 0, count: capacity)
        trigramStamps = Array(repeating: 0, count: capacity)
        trigramMask = capacity - 1
    }

    /// Forgets the last notice's counts.
    mutating func begin() {
        generation &+= 1
        if generation == 0 {
            for i in stamps.indices { stamps[i] = 0 }
            for i in trigramStamps.indices { trigramStamps[i] = 0 }
            generation = 1
        }
        touched.removeAll(keepingCapacity: true)
        trigramsTouched.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    private mutating func slot(_ key: UInt64) -> Int {
        if touched.count * 2 >= keys.count { grow() }
        var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
        while true {
            if stamps[i] != generation {
                stamps[i] = generation
                keys[i] = key
                short[i] = 0
                heads[i] = 0
                body[i] = 0
                touched.append(Int32(i))
                return i
            }
            if keys[i] == key { return i }
            i = (i + 1) & mask
        }
    }

    @inline(__always) mutating func addShort(_ key: UInt64, _ weight: Float) {
        let i = slot(key)
        short[i] += weight
    }

    @inline(__always) mutating func addHeading(_ key: UInt64) {
        let i = slot(key)
        if heads[i] < .max { heads[i] += 1 }
    }

    @inline(__always) mutating func addBody(_ key: UInt64) {
        let i = slot(key)
        if body[i] < .max { body[i] += 1 }
    }

    @inline(__always) mutating func addTrigram(_ key: UInt64) {
        if trigramsTouched.count * 2 >= trigramKeys.count { growTrigrams() }
        var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & trigramMask
        while true {
            if trigramStamps[i] != generation {
                trigramStamps[i] = generation
                trigramKeys[i] = key
                trigramsTouched.append(Int32(i))
                return
            }
            if trigramKeys[i] == key { return }
            i = (i + 1) & trigramMask
        }
    }

    private mutating func grow() {
        let old = (keys, short, heads, body, touched)
        let capacity = keys.count * 2
        keys = Array(repeating: 0, count: capacity)
        stamps = Array(repeating: 0, count: capacity)
        short = Array(repeating: 0, count: capacity)
        heads = Array(repeating: 0, count: capacity)
        body = Array(repeating: 0, count: capacity)
        mask = capacity - 1
        touched.removeAll(keepingCapacity: true)
        for j in old.4 {
            let j = Int(j)
            let i = slot(old.0[j])
            short[i] = old.1[j]
            heads[i] = old.2[j]
            body[i] = old.3[j]
        }
    }

    private mutating func growTrigrams() {
        let old = (trigramKeys, trigramsTouched)
        let capacity = trigramKeys.count * 2
        trigramKeys = Array(repeating: 0, count: capacity)
        trigramStamps = Array(repeating: 0, count: capacity)
        trigramMask = capacity - 1
        trigramsTouched.removeAll(keepingCapacity: true)
        for j in old.1 { addTrigram(old.0[Int(j)]) }
    }
}
