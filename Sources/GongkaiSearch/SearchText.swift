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
            } else if changesUnderNFKC(v, s) {
                return text.precomposedStringWithCompatibilityMapping.lowercased()
            }
        }
        guard needsWork else { return text }
        // Only A-Z, U+3000 and U+FF01…U+FF5E change here: rewrite the bytes.
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count)
        var bytes = text.utf8.makeIterator()
        var pending: [UInt8] = []
        while let b = bytes.next() {
            if b >= 0x41 && b <= 0x5A {
                out.append(b + 32)
            } else if b == 0xEF || b == 0xE3 {
                pending = [b]
                if let b1 = bytes.next() { pending.append(b1) }
                if let b2 = bytes.next() { pending.append(b2) }
                if pending.count == 3 {
                    let v = (UInt32(pending[0] & 0x0F) << 12) | (UInt32(pending[1] & 0x3F) << 6) | UInt32(pending[2] & 0x3F)
                    if v == 0x3000 {
                        out.append(0x20)
                        continue
                    } else if v >= 0xFF01 && v <= 0xFF5E {
                        let h = UInt8(v - 0xFEE0)
                        out.append(h >= 0x41 && h <= 0x5A ? h + 32 : h)
                        continue
                    }
                }
                out.append(contentsOf: pending)
            } else {
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether NFKC (with case folding) changes the scalar, from a table of
    /// the Basic Multilingual Plane built once (a property lookup per
    /// character was a measurable part of indexing).
    @inline(__always)
    static func changesUnderNFKC(_ v: UInt32, _ s: Unicode.Scalar) -> Bool {
        if v < 0x10000 { return changingBMP[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0 }
        return s.properties.changesWhenNFKCCaseFolded
    }

    static let changingBMP: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 1024)
        for v in 0..<0x10000 {
            if let s = Unicode.Scalar(UInt32(v)), s.properties.changesWhenNFKCCaseFolded {
                bits[v >> 6] |= 1 << UInt64(v & 63)
            }
        }
        return bits
    }()

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
        if v < 0x10000 { return wordBMP[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0 }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    /// `isWordScalar` for the Basic Multilingual Plane, as a table built once.
    static let wordBMP: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 1024)
        for v in 0..<0x10000 {
            if let s = Unicode.Scalar(UInt32(v)), s.properties.isAlphabetic || s.properties.numericType != nil {
                bits[v >> 6] |= 1 << UInt64(v & 63)
            }
        }
        return bits
    }()
}
