/// A notice's default summary (when it has no `summary:`): the first 120
/// characters of its body text, runs of whitespace as one space, cut at a
/// character (never inside one) with an ellipsis.
enum NoticeSummary {
    static let length = 120

    static func make(_ text: String) -> String {
        onBytes(text) ?? byCharacters(text)
    }

    /// The definition, character by character (grapheme clusters).
    static func byCharacters(_ text: String) -> String {
        var collapsed = ""
        var count = 0
        var pendingSpace = false
        for ch in text {
            if ch.isWhitespace {
                pendingSpace = count > 0
                continue
            }
            if pendingSpace {
                collapsed.append(" ")
                count += 1
                pendingSpace = false
            }
            collapsed.append(ch)
            count += 1
            if count > length { break }
        }
        if count > length { return String(collapsed.prefix(length)) + "…" }
        return collapsed
    }

    /// The same on UTF-8 bytes, when every scalar it reads is a character of
    /// its own (ASCII but CR, CJK ideographs and punctuation, full-width
    /// forms: nothing combines with its neighbour); nil at the first other
    /// scalar, and `byCharacters` answers.
    static func onBytes(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { b -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(min(b.count, 4 * length + 8))
            var count = 0
            var cut = 0
            var pendingSpace = false
            var i = 0
            while i < b.count {
                let c = b[i]
                let start = i
                let white: Bool
                if c < 0x80 {
                    guard c != 0x0D else { return nil }
                    white = c == 0x20 || (c >= 0x09 && c <= 0x0C)
                    i += 1
                } else {
                    var v: UInt32
                    if c >= 0xF0 {
                        return nil
                    } else if c >= 0xE0 {
                        v = UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
                        i += 3
                    } else {
                        v = UInt32(c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)
                        i += 2
                    }
                    guard Self.standsAlone(v) else { return nil }
                    white = v == 0x3000 || v == 0xA0
                }
                if white {
                    pendingSpace = count > 0
                    continue
                }
                if pendingSpace {
                    out.append(0x20)
                    count += 1
                    if count == length { cut = out.count }
                    pendingSpace = false
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<i]))
                count += 1
                if count == length { cut = out.count }
                if count > length { break }
            }
            if count > length { return String(decoding: out[..<cut], as: UTF8.self) + "…" }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Non-ASCII scalars that are a grapheme cluster of their own beside any
    /// other such scalar (Grapheme_Cluster_Break “Other”, no emoji joins):
    /// Latin-1 letters and signs but the soft hyphen, general punctuation
    /// (dashes, quotes, `…`), CJK symbols and punctuation but the combining
    /// tone marks and the two emoji, CJK unified ideographs, full-width forms.
    static func standsAlone(_ v: UInt32) -> Bool {
        switch v {
        case 0xA0...0xFF: return v != 0xAD
        case 0x2010...0x2027: return true
        case 0x3000...0x3029, 0x3031...0x303C, 0x303E, 0x303F: return true
        case 0x4E00...0x9FFF: return true
        case 0xFF01...0xFF5E: return true
        default: return false
        }
    }
}
