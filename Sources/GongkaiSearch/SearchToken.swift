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
    static func word(_ text: Substring.UnicodeScalarView) -> SearchToken {
        var h: UInt64 = 0xcbf29ce484222325
        for s in text {
            for b in String(s).utf8 {
                h ^= UInt64(b)
                h &*= 0x100000001b3
            }
        }
        return SearchToken(code: wordTag | (h & ((1 << 62) - 1)))
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
    /// each word token the first time it is seen.
    static func scan(_ text: String, unigrams: Bool, words: inout [UInt64: String],
                     emit: (SearchToken) -> Void) {
        var previousCJK: UInt32 = 0
        let scalars = text.unicodeScalars
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let s = scalars[i]
            let v = s.value
            if SearchText.isCJK(v) {
                if unigrams { emit(.unigram(v)) }
                if previousCJK != 0 { emit(.bigram(previousCJK, v)) }
                previousCJK = v
                i = scalars.index(after: i)
            } else if SearchText.isWordScalar(s) {
                previousCJK = 0
                var j = scalars.index(after: i)
                while j < scalars.endIndex, SearchText.isWordScalar(scalars[j]), !SearchText.isCJK(scalars[j].value) {
                    j = scalars.index(after: j)
                }
                let word = Substring(scalars[i..<j]).unicodeScalars
                let token = SearchToken.word(word)
                if words[token.code] == nil { words[token.code] = String(String.UnicodeScalarView(word)) }
                emit(token)
                i = j
            } else {
                previousCJK = 0
                i = scalars.index(after: i)
            }
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
