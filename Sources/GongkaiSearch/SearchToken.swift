/// One indexed term, packed in 64 bits so 10,000 notices can be tokenised
/// without allocating a String per bigram: two tag bits, then a CJK
/// character (unigram), two CJK characters (bigram), or a word's hash.
public struct SearchToken: Hashable, Sendable, Comparable {
    public let code: UInt64

    static let unigramTag: UInt64 = 1 << 62
    static let bigramTag: UInt64 = 2 << 62
    static let wordTag: UInt64 = 3 << 62

    static func unigram(_ a: UInt32) -> SearchToken { SearchToken(code: unigramTag | UInt64(a)) }
    static func bigram(_ a: UInt32, _ b: UInt32) -> SearchToken {
        SearchToken(code: bigramTag | UInt64(a) << 21 | UInt64(b))
    }
    var isWord: Bool { code >> 62 == 3 }

    /// The token's text, as the client computes it from a query; nil for a
    /// word (its text is kept beside the code while indexing).
    var cjkText: String? {
        switch code >> 62 {
        case 1: return String(Unicode.Scalar(UInt32(code & 0x1FFFFF))!)
        case 2:
            return String(Unicode.Scalar(UInt32(code >> 21 & 0x1FFFFF))!) + String(Unicode.Scalar(UInt32(code & 0x1FFFFF))!)
        default: return nil
        }
    }

    public static func < (a: SearchToken, b: SearchToken) -> Bool { a.code < b.code }
}

/// Splits normalised text into tokens: each CJK run into overlapping
/// bigrams (and, where asked, unigrams), each run of letters and digits into
/// one word. Everything else separates runs.
public enum Tokenizer {
    /// Calls `emit` for every token occurrence; `words` receives the text of
    /// each word token the first time it is seen. Reads UTF-8 bytes directly:
    /// stepping through `unicodeScalars` was the slowest part of indexing.
    /// With `gapped`, also the pairs one character apart (`2025年度财务`
    /// gives `年财` too), so a query matches a title that says almost the same.
    static func scan(_ text: String, unigrams: Bool, gapped: Bool = false, words: inout [UInt64: String],
                     emit: (SearchToken) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var previousCJK: UInt32 = 0
            var beforePreviousCJK: UInt32 = 0
            var wordStart = -1
            var wordHash: UInt64 = 0xcbf29ce484222325
            var i = 0
            let n = bytes.count
            func endWord(_ end: Int) {
                guard wordStart >= 0 else { return }
                let token = SearchToken(code: SearchToken.wordTag | (wordHash & ((1 << 62) - 1)))
                if words[token.code] == nil {
                    words[token.code] = String(decoding: UnsafeBufferPointer(rebasing: bytes[wordStart..<end]), as: UTF8.self)
                }
                emit(token)
                wordStart = -1
                wordHash = 0xcbf29ce484222325
            }
            while i < n {
                let b0 = bytes[i]
                var v: UInt32
                var length: Int
                if b0 < 0x80 {
                    v = UInt32(b0); length = 1
                } else if b0 < 0xE0 {
                    v = (UInt32(b0 & 0x1F) << 6) | UInt32(bytes[i + 1] & 0x3F); length = 2
                } else if b0 < 0xF0 {
                    v = (UInt32(b0 & 0x0F) << 12) | (UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F); length = 3
                } else {
                    v = (UInt32(b0 & 0x07) << 18) | (UInt32(bytes[i + 1] & 0x3F) << 12)
                        | (UInt32(bytes[i + 2] & 0x3F) << 6) | UInt32(bytes[i + 3] & 0x3F); length = 4
                }
                if SearchText.isCJK(v) {
                    endWord(i)
                    if unigrams { emit(.unigram(v)) }
                    if previousCJK != 0 { emit(.bigram(previousCJK, v)) }
                    if gapped && beforePreviousCJK != 0 && previousCJK != 0 { emit(.bigram(beforePreviousCJK, v)) }
                    beforePreviousCJK = previousCJK
                    previousCJK = v
                } else if let s = Unicode.Scalar(v), SearchText.isWordScalar(s) {
                    previousCJK = 0
                    beforePreviousCJK = 0
                    if wordStart < 0 { wordStart = i }
                    for k in i..<(i + length) {
                        wordHash ^= UInt64(bytes[k])
                        wordHash &*= 0x100000001b3
                    }
                } else {
                    previousCJK = 0
                    beforePreviousCJK = 0
                    endWord(i)
                }
                i += length
            }
            endWord(n)
        }
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
}
