import GongkaiCore

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

/// JSON writing for the index (strings: GongkaiCore's `JSONText`).
extension JSONText {
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
