/// Postings as a short JSON-safe string: for each document in ascending
/// order, the gap to the previous one as a base-32 varint (low digits first;
/// a character's value + 32 means "more digits follow"), then one character
/// for the impact 0…63. The alphabet needs no escaping in JSON.
public enum PostingsCodec {
    static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_".utf8)
    static let values: [UInt8: Int] = Dictionary(uniqueKeysWithValues: alphabet.enumerated().map { ($1, $0) })

    public static func encode(_ postings: [(Int32, Int)]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(postings.count * 2)
        var previous: Int32 = -1
        for (doc, impact) in postings {
            var gap = Int(doc - previous)
            previous = doc
            repeat {
                let digit = gap & 31
                gap >>= 5
                out.append(alphabet[digit | (gap > 0 ? 32 : 0)])
            } while gap > 0
            out.append(alphabet[max(0, min(63, impact))])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func decode(_ text: String) -> [(Int32, Int)]? {
        var result: [(Int32, Int)] = []
        var doc: Int32 = -1
        var gap = 0, shift = 0
        var expectImpact = false
        for byte in text.utf8 {
            guard let v = values[byte] else { return nil }
            if expectImpact {
                result.append((doc, v))
                expectImpact = false
                continue
            }
            gap |= (v & 31) << shift
            if v & 32 != 0 {
                shift += 5
            } else {
                doc += Int32(gap)
                gap = 0
                shift = 0
                expectImpact = true
            }
        }
        return expectImpact || shift != 0 ? nil : result
    }

    /// FNV-1a, 32 bits, over UTF-8: the shard of a token (the client uses
    /// `Math.imul` to compute the same).
    public static func fnv32(_ text: String) -> UInt32 {
        var h: UInt32 = 0x811c9dc5
        for b in text.utf8 {
            h ^= UInt32(b)
            h &*= 0x01000193
        }
        return h
    }
}

/// Minimal JSON writing for the index: keys and values escaped, no spaces.
enum JSONText {
    static func string(_ s: String) -> String {
        var out = [UInt8]()
        out.reserveCapacity(s.utf8.count + 2)
        out.append(0x22)
        var utf8 = Array(s.utf8)
        utf8.append(0)   // sentinel for the look-ahead below
        var i = 0
        while i < utf8.count - 1 {
            let b = utf8[i]
            switch b {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0..<0x20:
                out += Array("\\u00".utf8)
                out.append(hexDigit(b >> 4))
                out.append(hexDigit(b & 15))
            case 0xE2 where i + 2 < utf8.count - 1 && utf8[i + 1] == 0x80 && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9):
                // U+2028, U+2029: valid JSON, but not valid in older JavaScript strings.
                out += Array("\\u202".utf8)
                out.append(utf8[i + 2] == 0xA8 ? 0x38 : 0x39)
                i += 2
            default: out.append(b)
            }
            i += 1
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? 48 + v : 87 + v }

    static func object(_ pairs: [(String, String)], sorted: Bool = true) -> String {
        let items = sorted ? pairs.sorted { $0.0 < $1.0 } : pairs
        return "{" + items.map { string($0.0) + ":" + string($0.1) }.joined(separator: ",") + "}"
    }

    static func pairs(_ pairs: [(String, String)]) -> String {
        "[" + pairs.map { "[" + string($0.0) + "," + string($0.1) + "]" }.joined(separator: ",") + "]"
    }

    static func arrays(_ arrays: [[String]]) -> String {
        "[" + arrays.map { "[" + $0.map(string).joined(separator: ",") + "]" }.joined(separator: ",") + "]"
    }
}
