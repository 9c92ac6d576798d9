/// One notice's token counts, in tables reused from notice to notice (a
/// generation number marks which slots belong to the current notice, so
/// nothing is cleared between notices). Open addressing keyed by the token's
/// 64-bit code, in memory of its own and in a struct: counting is the
/// innermost loop of indexing (Swift's Dictionary hashes with SipHash, an
/// array checks its uniqueness on every write, a class its exclusive
/// access). The owner calls `release()` when done.
struct TokenCounts {
    private(set) var keys: UnsafeMutablePointer<UInt64>
    private var stamps: UnsafeMutablePointer<UInt32>
    private(set) var short: UnsafeMutablePointer<Float>
    private(set) var heads: UnsafeMutablePointer<UInt8>
    private(set) var body: UnsafeMutablePointer<UInt16>
    private var capacity: Int
    private var mask: Int
    /// Slots used by the current notice, in first-seen order.
    private(set) var touched: UnsafeMutablePointer<Int32>
    private(set) var touchedCount = 0
    private var generation: UInt32 = 1

    private(set) var trigramKeys: UnsafeMutablePointer<UInt64>
    private var trigramStamps: UnsafeMutablePointer<UInt32>
    private var trigramCapacity: Int
    private var trigramMask: Int
    private(set) var trigramsTouched: UnsafeMutablePointer<Int32>
    private(set) var trigramsTouchedCount = 0

    init(capacity: Int = 4096) {
        self.capacity = capacity
        mask = capacity - 1
        keys = .allocate(capacity: capacity)
        stamps = .allocate(capacity: capacity)
        stamps.initialize(repeating: 0, count: capacity)
        short = .allocate(capacity: capacity)
        heads = .allocate(capacity: capacity)
        body = .allocate(capacity: capacity)
        trigramCapacity = capacity
        trigramMask = capacity - 1
        trigramKeys = .allocate(capacity: capacity)
        trigramStamps = .allocate(capacity: capacity)
        trigramStamps.initialize(repeating: 0, count: capacity)
        touched = .allocate(capacity: capacity / 2 + 1)
        trigramsTouched = .allocate(capacity: capacity / 2 + 1)
    }

    mutating func release() {
        keys.deallocate(); stamps.deallocate(); short.deallocate(); heads.deallocate(); body.deallocate()
        trigramKeys.deallocate(); trigramStamps.deallocate(); touched.deallocate(); trigramsTouched.deallocate()
    }

    /// Forgets the last notice's counts.
    mutating func begin() {
        generation &+= 1
        if generation == 0 {
            stamps.update(repeating: 0, count: capacity)
            trigramStamps.update(repeating: 0, count: trigramCapacity)
            generation = 1
        }
        touchedCount = 0
        trigramsTouchedCount = 0
    }

    /// The slot of `key`, and whether it is new for this notice.
    @inline(__always)
    mutating func slot(_ key: UInt64) -> (Int, Bool) {
        if touchedCount * 2 >= capacity { grow() }
        var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
        while true {
            if stamps[i] != generation {
                stamps[i] = generation
                keys[i] = key
                short[i] = 0
                heads[i] = 0
                body[i] = 0
                touched[touchedCount] = Int32(i)
                touchedCount += 1
                return (i, true)
            }
            if keys[i] == key { return (i, false) }
            i = (i + 1) & mask
        }
    }

    @inline(__always) func addShort(_ i: Int, _ weight: Float) { short[i] += weight }
    @inline(__always) func addHeading(_ i: Int) { if heads[i] < .max { heads[i] += 1 } }
    @inline(__always) func addBody(_ i: Int) { if body[i] < .max { body[i] += 1 } }

    /// True when the trigram is new for this notice.
    @inline(__always) @discardableResult
    mutating func addTrigram(_ key: UInt64) -> Bool {
        if trigramsTouchedCount * 2 >= trigramCapacity { growTrigrams() }
        var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & trigramMask
        while true {
            if trigramStamps[i] != generation {
                trigramStamps[i] = generation
                trigramKeys[i] = key
                trigramsTouched[trigramsTouchedCount] = Int32(i)
                trigramsTouchedCount += 1
                return true
            }
            if trigramKeys[i] == key { return false }
            i = (i + 1) & trigramMask
        }
    }

    private mutating func grow() {
        let old = (keys, short, heads, body, stamps, touched, touchedCount)
        capacity *= 2
        mask = capacity - 1
        keys = .allocate(capacity: capacity)
        stamps = .allocate(capacity: capacity)
        stamps.initialize(repeating: 0, count: capacity)
        short = .allocate(capacity: capacity)
        heads = .allocate(capacity: capacity)
        body = .allocate(capacity: capacity)
        touched = .allocate(capacity: capacity / 2 + 1)
        touchedCount = 0
        for k in 0..<old.6 {
            let j = Int(old.5[k])
            let (i, _) = slot(old.0[j])
            short[i] = old.1[j]
            heads[i] = old.2[j]
            body[i] = old.3[j]
        }
        old.0.deallocate(); old.1.deallocate(); old.2.deallocate(); old.3.deallocate(); old.4.deallocate(); old.5.deallocate()
    }

    private mutating func growTrigrams() {
        let old = (trigramKeys, trigramStamps, trigramsTouched, trigramsTouchedCount)
        trigramCapacity *= 2
        trigramMask = trigramCapacity - 1
        trigramKeys = .allocate(capacity: trigramCapacity)
        trigramStamps = .allocate(capacity: trigramCapacity)
        trigramStamps.initialize(repeating: 0, count: trigramCapacity)
        trigramsTouched = .allocate(capacity: trigramCapacity / 2 + 1)
        trigramsTouchedCount = 0
        for k in 0..<old.3 { addTrigram(old.0[Int(old.2[k])]) }
        old.0.deallocate(); old.1.deallocate(); old.2.deallocate()
    }
}

/// Where a notice's tokens go: counted with the weight of the field being
/// scanned; the text of each word the notice has, once.
struct FieldSink: TokenSink {
    enum Field { case short(Float), heading, body }
    var counts: TokenCounts
    var field: Field = .body
    /// Whether the field's trigrams also go to the title lists (title, 文号, headings).
    var titled = false
    /// Body tokens seen (the body's length).
    var length = 0
    var words: [(code: UInt64, text: [UInt8])] = []
    var wordBuffer: [UInt8] = []
    private var pendingWord: UInt64 = 0
    private var pendingText: [UInt8] = []

    init(_ counts: TokenCounts) {
        self.counts = counts
    }

    @inline(__always)
    mutating func token(_ code: UInt64) {
        let (i, new) = counts.slot(code)
        if new && code == pendingWord { words.append((code, pendingText)) }
        switch field {
        case .short(let w): counts.addShort(i, w)
        case .heading: counts.addHeading(i)
        case .body: length += 1; counts.addBody(i)
        }
    }

    @inline(__always) mutating func trigram(_ code: UInt64) {
        counts.addTrigram(code)
        if titled { counts.addTrigram(code | SearchToken.titleFlag) }
    }

    mutating func mixedTrigram(_ code: UInt64, _ text: [UInt8]) {
        if counts.addTrigram(code) { words.append((code, text)) }
        if titled && counts.addTrigram(code | SearchToken.titleFlag) { words.append((code | SearchToken.titleFlag, [UInt8(ascii: "^")] + text)) }
    }

    /// A `^` key of the title alone (`SearchIndexBuilder.titleAnchors`).
    mutating func titleOnlyTrigram(_ code: UInt64, _ text: [UInt8]) {
        if counts.addTrigram(code) { words.append((code, text)) }
    }

    @inline(__always)
    mutating func word(_ code: UInt64, _ text: [UInt8]) {
        pendingWord = code
        pendingText = text
    }
}
