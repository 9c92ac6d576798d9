/// One indexed term, packed in 64 bits so a notice can be tokenised without
/// allocating a String per token: two tag bits, then one, two or three CJK
/// characters (each in 17 bits, `CJKIndex`) or a word's hash.
///
/// Tags: 0 trigram (three characters, a membership list used to check
/// phrases), 1 unigram, 2 bigram, 3 word.
public struct SearchToken: Hashable, Sendable, Comparable {
    public let code: UInt64

    public init(code: UInt64) { self.code = code }

    static let unigramTag: UInt64 = 1 << 62
    static let bigramTag: UInt64 = 2 << 62
    static let wordTag: UInt64 = 3 << 62
    static let payload: UInt64 = (1 << 62) - 1

    @inline(__always) static func unigram(_ a: UInt64) -> UInt64 { unigramTag | a }
    @inline(__always) static func bigram(_ a: UInt64, _ b: UInt64) -> UInt64 { bigramTag | a << 17 | b }
    @inline(__always) static func trigram(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> UInt64 { a << 34 | b << 17 | c }
    @inline(__always) static func word(_ hash: UInt64) -> UInt64 { wordTag | (hash & payload) }
    /// A trigram with a word in it: tag 0 and bit 61 (a packed trigram
    /// uses bits 0…50), then a hash of its text in bits 0…59.
    static let hashedTrigramFlag: UInt64 = 1 << 61
    /// Bit 60 of a trigram: the list of notices that have it in their title,
    /// 文号 or a heading (its text starts with `^`).
    static let titleFlag: UInt64 = 1 << 60
    static func hashedTrigram(_ text: [UInt8]) -> UInt64 {
        hashedTrigramFlag | (PostingsCodec.fnv64(text) & (titleFlag - 1))
    }
    var isHashedTrigram: Bool { tag == 0 && code & SearchToken.hashedTrigramFlag != 0 }
    var isTitleTrigram: Bool { tag == 0 && code & SearchToken.titleFlag != 0 }

    var tag: UInt64 { code >> 62 }
    var isWord: Bool { tag == 3 }
    var isTrigram: Bool { tag == 0 }
    var isBigram: Bool { tag == 2 }

    /// The bigram of a packed trigram's first two characters, and of its last two.
    var trigramHead: UInt64 { SearchToken.bigramTag | ((code & ((1 << 51) - 1)) >> 17) }
    var trigramTail: UInt64 { SearchToken.bigramTag | (code & ((1 << 34) - 1)) }

    /// The token's text as UTF-8, as the client computes it from a query;
    /// nil for a word or a trigram with a word (their text is kept beside
    /// the code while indexing).
    var cjkUTF8: [UInt8]? {
        if isHashedTrigram { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(10)
        if isTitleTrigram { out.append(UInt8(ascii: "^")) }
        func put(_ index: UInt64) { CJKIndex.appendUTF8(CJKIndex.scalar(UInt32(index & 0x1FFFF)), to: &out) }
        switch tag {
        case 0: put((code & ((1 << 51) - 1)) >> 34); put(code >> 17); put(code)
        case 1: put(code)
        case 2: put(code >> 17); put(code)
        default: return nil
        }
        return out
    }

    var cjkText: String? { cjkUTF8.map { String(decoding: $0, as: UTF8.self) } }

    public static func < (a: SearchToken, b: SearchToken) -> Bool { a.code < b.code }
}

/// CJK characters (the ranges of `SearchText.isCJK`) numbered 1…109,952, so
/// three of them fit in a 64-bit token with its tag.
enum CJKIndex {
    /// (first scalar, last scalar, index of the first)
    static let ranges: [(UInt32, UInt32, UInt32)] = {
        var out: [(UInt32, UInt32, UInt32)] = []
        var next: UInt32 = 1
        for (a, b) in [(0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xAC00, 0xD7AF), (0xF900, 0xFAFF),
                       (0x20000, 0x3134F)] as [(UInt32, UInt32)] {
            out.append((a, b, next))
            next += b - a + 1
        }
        return out
    }()

    /// 0 when `v` is not a CJK character.
    @inline(__always)
    static func index(_ v: UInt32) -> UInt64 {
        if v >= 0x4E00 && v <= 0x9FFF { return UInt64(v - 0x4E00 + 6785) }
        if v < 0x3040 { return 0 }
        if v <= 0x30FF { return UInt64(v - 0x3040 + 1) }
        if v >= 0x3400 && v <= 0x4DBF { return UInt64(v - 0x3400 + 193) }
        if v >= 0xAC00 && v <= 0xD7AF { return UInt64(v - 0xAC00 + 27777) }
        if v >= 0xF900 && v <= 0xFAFF { return UInt64(v - 0xF900 + 38961) }
        if v >= 0x20000 && v <= 0x3134F { return UInt64(v - 0x20000 + 39473) }
        return 0
    }

    static func scalar(_ index: UInt32) -> UInt32 {
        for (a, b, first) in ranges.reversed() where index >= first { return a + min(index - first, b - a) }
        return 0xFFFD
    }

    static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        if v < 0x10000 {
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            out.append(UInt8(0xF0 | (v >> 18)))
            out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }
}

/// What a scan gives its tokens to.
protocol TokenSink {
    mutating func token(_ code: UInt64)
    mutating func trigram(_ code: UInt64)
    /// A trigram with a word in it, and its text.
    mutating func mixedTrigram(_ code: UInt64, _ text: [UInt8])
    /// A word's text, normalised (called before its token).
    mutating func word(_ code: UInt64, _ text: [UInt8])
    /// Scratch space for a word's bytes, kept between scans.
    var wordBuffer: [UInt8] { get set }
}

/// Splits normalised text into tokens. What each field gives (the index
/// side of the rule the client applies to a query, docs/search-index.md):
/// every text gives its CJK bigrams and trigrams and its words; short fields
/// (title, 文号, headings, names, tags) also give each CJK character alone;
/// a title also the pairs one character apart (`2025年度财务` gives `年财`).
enum Tokenizer {
    struct Emit: OptionSet {
        let rawValue: Int
        static let unigrams = Emit(rawValue: 1)
        static let gapped = Emit(rawValue: 2)
        static let trigrams = Emit(rawValue: 4)
        /// Trigrams only (a title followed by a heading: `育法第三`).
        static let onlyTrigrams = Emit(rawValue: 8)
    }

    /// Scans UTF-8 text as the client would after `normalize('NFKC')` and
    /// lower-casing it: `sink` gets every unigram, bigram and word
    /// occurrence (as `emit` asks), every trigram, and each word's text.
    /// A trigram is three units in a row with nothing between them, a unit
    /// being a CJK character or a word (`年10月`, `2026年1`): three CJK
    /// characters pack into the code, others are hashed and their text given.
    /// Full-width forms (`ＧＫ１０４`, `，`), U+3000 and A–Z are folded
    /// here; false (after emitting part of the text) when the text holds
    /// anything else NFKC or lower-casing changes: then the caller scans
    /// `SearchText.normalize(text)` instead. Reads bytes directly: stepping
    /// through `unicodeScalars` and normalising every text first were most of
    /// the time of indexing.
    @inline(__always)
    static func scan<Sink: TokenSink>(_ bytes: UnsafeBufferPointer<UInt8>, _ emit: Emit, into sink: inout Sink) -> Bool {
        // The last two units: a CJK index, or 0 for a word (its text in
        // `texts[k]`, where the word before the last has the other slot).
        var p1: UInt64 = 0, p2: UInt64 = 0
        var units = 0            // units in the current chain, up to 3
        var w1 = -1, w2 = -1     // which text slot holds unit 1's / unit 2's word
        var inWord = false
        var wordHash: UInt64 = 0xcbf29ce484222325
        var texts: ([UInt8], [UInt8]) = ([], [])
        var current = 0          // the text slot the word being read goes to
        var word: [UInt8] = []
        swap(&word, &sink.wordBuffer)
        word.removeAll(keepingCapacity: true)
        let wantTrigrams = emit.contains(.trigrams) || emit.contains(.onlyTrigrams)
        let onlyTrigrams = emit.contains(.onlyTrigrams)
        var i = 0
        let n = bytes.count
        @inline(__always) func text(_ slot: Int) -> [UInt8] { slot == 0 ? texts.0 : texts.1 }
        /// A unit ends the chain's third place: its trigram with the two before.
        @inline(__always) func unitDone(cjk c: UInt64, wordSlot: Int) {
            if wantTrigrams && units >= 2 && (c == 0 || p1 == 0 || p2 == 0) {
                var t: [UInt8] = []
                func add(_ cjk: UInt64, _ slot: Int) {
                    if cjk != 0 { CJKIndex.appendUTF8(CJKIndex.scalar(UInt32(cjk)), to: &t) } else { t += text(slot) }
                }
                add(p2, w2); add(p1, w1); add(c, wordSlot)
                sink.mixedTrigram(SearchToken.hashedTrigram(t), t)
            }
            p2 = p1; w2 = w1
            p1 = c; w1 = wordSlot
            units = min(units + 1, 3)
        }
        @inline(__always) func breakChain() {
            p1 = 0; p2 = 0; units = 0; w1 = -1; w2 = -1
        }
        @inline(__always) func endWord() {
            guard inWord else { return }
            let code = SearchToken.word(wordHash)
            if !onlyTrigrams {
                sink.word(code, word)
                sink.token(code)
            }
            if wantTrigrams {
                if current == 0 { texts.0 = word } else { texts.1 = word }
                unitDone(cjk: 0, wordSlot: current)
                current = 1 - current
            }
            inWord = false
            wordHash = 0xcbf29ce484222325
            word.removeAll(keepingCapacity: true)
        }
        @inline(__always) func wordByte(_ b: UInt8) {
            inWord = true
            wordHash ^= UInt64(b)
            wordHash &*= 0x100000001b3
            word.append(b)
        }
        @inline(__always) func ascii(_ b0: UInt8) {
            if (b0 >= 0x30 && b0 <= 0x39) || (b0 >= 0x61 && b0 <= 0x7A) {
                wordByte(b0)
            } else if b0 >= 0x41 && b0 <= 0x5A {
                wordByte(b0 | 0x20)
            } else {
                endWord()
                breakChain()
            }
        }
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 {
                ascii(b0)
                i += 1
                continue
            }
            var v: UInt32
            var length: Int
            if b0 < 0xE0 {
                guard i + 1 < n else { break }
                v = (UInt32(b0 & 0x1F) << 6) | UInt32(bytes[i + 1] & 0x3F); length = 2
            } else if b0 < 0xF0 {
                guard i + 2 < n else { break }
                v = (UInt32(b0 & 0x0F) << 12) | (UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F); length = 3
            } else {
                guard i + 3 < n else { break }
                v = (UInt32(b0 & 0x07) << 18) | (UInt32(bytes[i + 1] & 0x3F) << 12)
                    | (UInt32(bytes[i + 2] & 0x3F) << 6) | UInt32(bytes[i + 3] & 0x3F); length = 4
            }
            let c = CJKIndex.index(v)
            if c != 0 {
                if v >= 0xF900 && v <= 0xFAFF { sink.wordBuffer = word; return false }   // compatibility ideographs
                endWord()
                if emit.contains(.unigrams) && !onlyTrigrams { sink.token(SearchToken.unigram(c)) }
                if p1 != 0 {
                    if !onlyTrigrams { sink.token(SearchToken.bigram(p1, c)) }
                    if p2 != 0 {
                        if emit.contains(.gapped) && !onlyTrigrams { sink.token(SearchToken.bigram(p2, c)) }
                        if wantTrigrams { sink.trigram(SearchToken.trigram(p2, p1, c)) }
                    }
                }
                unitDone(cjk: c, wordSlot: -1)
            } else if v >= 0xFF01 && v <= 0xFF5E {
                ascii(UInt8(v - 0xFEE0))
            } else if v == 0x3000 {
                endWord()
                breakChain()
            } else {
                guard let s = Unicode.Scalar(v), !SearchText.changesUnderNFKC(v, s) else { sink.wordBuffer = word; return false }
                if SearchText.isWordScalar(s) {
                    for k in i..<(i + length) { wordByte(bytes[k]) }
                } else {
                    endWord()
                    breakChain()
                }
            }
            i += length
        }
        endWord()
        sink.wordBuffer = word
        return true
    }

    /// The query-side view of the same rule, as strings (what the client
    /// does with a query): a CJK run of one character gives that character,
    /// a longer run its overlapping bigrams; a run of letters or digits one word.
    public static func queryTokens(_ query: String) -> [String] {
        var tokens: [String] = []
        var run: [Unicode.Scalar] = []
        var word = String.UnicodeScalarView()
        func flushRun() {
            if run.count == 1 {
                tokens.append(String(run[0]))
            } else if run.count > 1 {
                for k in 0..<(run.count - 1) { tokens.append(String(run[k]) + String(run[k + 1])) }
            }
            run.removeAll()
        }
        func flushWord() {
            if !word.isEmpty { tokens.append(String(word)) }
            word = String.UnicodeScalarView()
        }
        for s in SearchText.normalize(query).unicodeScalars {
            if SearchText.isCJK(s.value) {
                flushWord()
                run.append(s)
            } else if SearchText.isWordScalar(s) {
                flushRun()
                word.append(s)
            } else {
                flushRun()
                flushWord()
            }
        }
        flushRun()
        flushWord()
        return tokens
    }

    /// The trigrams of a query's CJK runs of three or more characters: what
    /// the client checks a phrase with.
    public static func queryTrigrams(_ query: String) -> [String] {
        var out: [String] = []
        var run: [Unicode.Scalar] = []
        func flush() {
            if run.count >= 3 {
                for k in 0..<(run.count - 2) { out.append(String(run[k]) + String(run[k + 1]) + String(run[k + 2])) }
            }
            run.removeAll()
        }
        for s in SearchText.normalize(query).unicodeScalars {
            if SearchText.isCJK(s.value) { run.append(s) } else { flush() }
        }
        flush()
        return out
    }
}
