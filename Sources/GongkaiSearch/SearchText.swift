import Foundation

/// Text as the index and the client both see it: NFKC (full-width forms to
/// half-width, ① to 1), Latin lower-cased. The client applies the same
/// `normalize('NFKC').toLowerCase()`, so a query typed with a Chinese IME
/// (`２０２４年`) meets the index on the same tokens.
public enum SearchText {
    public static func normalize(_ text: String) -> String {
        // Most text is CJK ideographs, ASCII and full-width punctuation: those
        // are handled here; Foundation's NFKC runs only for anything else that
        // NFKC changes (①, ㎡, compatibility ideographs, …).
        var needsWork = false
        for s in text.unicodeScalars {
            let v = s.value
            if v < 0x80 {
                if v >= 0x41 && v <= 0x5A { needsWork = true }
            } else if v >= 0x4E00 && v <= 0x9FFF {
                continue
            } else if v == 0x3000 || (v >= 0xFF01 && v <= 0xFF5E) {
                needsWork = true
            } else if s.properties.changesWhenNFKCCaseFolded {
                return text.precomposedStringWithCompatibilityMapping.lowercased()
            }
        }
        guard needsWork else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            let v = s.value
            if v >= 0x41 && v <= 0x5A {
                out.append(Unicode.Scalar(v + 32)!)
            } else if v == 0x3000 {
                out.append(" ")
            } else if v >= 0xFF01 && v <= 0xFF5E {
                let h = v - 0xFEE0
                out.append(Unicode.Scalar(h >= 0x41 && h <= 0x5A ? h + 32 : h)!)
            } else {
                out.append(s)
            }
        }
        return String(out)
    }

    /// Han ideographs, kana and hangul: indexed as overlapping bigrams.
    @inline(__always)
    static func isCJK(_ v: UInt32) -> Bool {
        (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x3040 && v <= 0x30FF)
            || (v >= 0xAC00 && v <= 0xD7AF) || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0x20000 && v <= 0x3134F)
    }

    /// Letters and digits outside CJK: indexed as whole words (`2024`, `gk104`).
    @inline(__always)
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }
}
