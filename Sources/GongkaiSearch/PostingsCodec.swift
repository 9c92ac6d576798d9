import GongkaiCore

/// Postings as short JSON-safe strings over the alphabet `0-9 A-Z a-z - _`
/// (docs/search-index.md): for each notice in ascending order, the gap to
/// the previous number as a base-32 varint (low digits first; a character's
/// value + 32 means "more digits follow"), then, in a scored list, one
/// character for the impact 1…63. A membership list (trigrams, filters) has
/// no impacts; one that starts with `~` lists the notices that are NOT in it.
public enum PostingsCodec {
    static let alphabet: [UInt8] = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_".utf8)
    static let values: [Int8] = {
        var v = [Int8](repeating: -1, count: 256)
        for (i, c) in alphabet.enumerated() { v[Int(c)] = Int8(i) }
        return v
    }()
    static let complementMark = UInt8(ascii: "~")

    /// A scored list: numbers ascending, impacts 1…63.
    struct Scored: Equatable, Sendable {
        var numbers: [Int32] = []
        var impacts: [UInt8] = []
        var count: Int { numbers.count }
    }

    @inline(__always)
    static func appendVarint(_ gap: Int, to out: inout [UInt8]) {
        var gap = gap
        repeat {
            let digit = gap & 31
            gap >>= 5
            out.append(alphabet[digit | (gap > 0 ? 32 : 0)])
        } while gap > 0
    }

    static func encode(_ list: Scored, where keep: (UInt8) -> Bool = { _ in true }) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(list.count * 2 + 2)
        var previous: Int32 = -1
        for k in 0..<list.numbers.count where keep(list.impacts[k]) {
            appendVarint(Int(list.numbers[k] - previous), to: &out)
            previous = list.numbers[k]
            out.append(alphabet[Int(list.impacts[k])])
        }
        return out
    }

    /// A membership list of `numbers` (ascending) among `all` (every
    /// notice's number, ascending): the notices in it, or `~` and those not
    /// in it when that is shorter (more than half of the notices).
    static func encodeMembership(_ numbers: [Int32], all: [Int32]) -> [UInt8] {
        var out: [UInt8] = []
        if numbers.count * 2 > all.count {
            out.reserveCapacity((all.count - numbers.count) * 2 + 1)
            out.append(complementMark)
            var previous: Int32 = -1
            var j = 0
            for n in all {
                while j < numbers.count && numbers[j] < n { j += 1 }
                if j < numbers.count && numbers[j] == n { continue }
                appendVarint(Int(n - previous), to: &out)
                previous = n
            }
        } else {
            out.reserveCapacity(numbers.count * 2)
            var previous: Int32 = -1
            for n in numbers {
                appendVarint(Int(n - previous), to: &out)
                previous = n
            }
        }
        return out
    }

    static func decodeScored(_ bytes: ArraySlice<UInt8>) -> Scored? {
        var list = Scored()
        list.numbers.reserveCapacity(bytes.count / 2)
        list.impacts.reserveCapacity(bytes.count / 2)
        var doc: Int32 = -1
        var gap = 0, shift = 0
        var expectImpact = false
        for byte in bytes {
            let v = Int(values[Int(byte)])
            guard v >= 0 else { return nil }
            if expectImpact {
                list.numbers.append(doc)
                list.impacts.append(UInt8(v))
                expectImpact = false
                continue
            }
            gap |= (v & 31) << shift
            if v & 32 != 0 {
                shift += 5
                if shift > 30 { return nil }
            } else {
                doc += Int32(truncatingIfNeeded: gap)
                gap = 0
                shift = 0
                expectImpact = true
            }
        }
        return expectImpact || shift != 0 ? nil : list
    }

    /// The numbers of a membership list (a `~` list is read against `all`).
    static func decodeMembership(_ bytes: ArraySlice<UInt8>, all: [Int32]) -> [Int32]? {
        var listed: [Int32] = []
        var doc: Int32 = -1
        var gap = 0, shift = 0
        let complement = bytes.first == complementMark
        for byte in complement ? bytes.dropFirst() : bytes {
            let v = Int(values[Int(byte)])
            guard v >= 0 else { return nil }
            gap |= (v & 31) << shift
            if v & 32 != 0 {
                shift += 5
                if shift > 30 { return nil }
            } else {
                doc += Int32(truncatingIfNeeded: gap)
                listed.append(doc)
                gap = 0
                shift = 0
            }
        }
        guard shift == 0 else { return nil }
        guard complement else { return listed }
        var out: [Int32] = []
        out.reserveCapacity(max(0, all.count - listed.count))
        var j = 0
        for n in all {
            while j < listed.count && listed[j] < n { j += 1 }
            if j < listed.count && listed[j] == n { continue }
            out.append(n)
        }
        return out
    }

    /// FNV-1a, 32 bits, over UTF-8: the shard of a token (the client uses
    /// `Math.imul` to compute the same).
    public static func fnv32<C: Collection>(_ bytes: C) -> UInt32 where C.Element == UInt8 {
        var h: UInt32 = 0x811c9dc5
        for b in bytes {
            h ^= UInt32(b)
            h &*= 0x01000193
        }
        return h
    }

    public static func fnv32(_ text: String) -> UInt32 { fnv32(text.utf8) }

    static func hex(_ v: UInt32) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 8 - s.count) + s
    }
}

/// A flat JSON object of strings, written and read as bytes.
enum FlatJSON {
    /// `{"k":"v",…}` with the pairs in the order given; keys and values are
    /// JSON-escaped (values of the index alphabet need no escape).
    static func object(_ pairs: [(key: [UInt8], value: [UInt8])]) -> [UInt8] {
        var out: [UInt8] = [0x7B]
        out.reserveCapacity(pairs.reduce(2) { $0 + $1.key.count + $1.value.count + 6 })
        for (i, pair) in pairs.enumerated() {
            if i > 0 { out.append(0x2C) }
            appendString(pair.key, to: &out)
            out.append(0x3A)
            appendString(pair.value, to: &out)
        }
        out.append(0x7D)
        return out
    }

    /// The same for keys and values that need no escape (the index's own).
    static func object(slices pairs: [(key: ArraySlice<UInt8>, value: ArraySlice<UInt8>)]) -> [UInt8] {
        var out: [UInt8] = [0x7B]
        out.reserveCapacity(pairs.reduce(2) { $0 + $1.key.count + $1.value.count + 6 })
        for (i, pair) in pairs.enumerated() {
            if i > 0 { out.append(0x2C) }
            out.append(0x22); out.append(contentsOf: pair.key); out.append(0x22); out.append(0x3A)
            out.append(0x22); out.append(contentsOf: pair.value); out.append(0x22)
        }
        out.append(0x7D)
        return out
    }

    static func appendString(_ bytes: [UInt8], to out: inout [UInt8]) {
        if bytes.allSatisfy({ $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 != 0xE2 }) {
            out.append(0x22)
            out.append(contentsOf: bytes)
            out.append(0x22)
        } else {
            JSONText.append(String(decoding: bytes, as: UTF8.self), to: &out)
        }
    }

    /// Reads back what `object` writes (any flat object of strings): the
    /// pairs in file order, nil for anything else.
    static func parse(_ bytes: [UInt8]) -> [(key: [UInt8], value: [UInt8])]? {
        var i = 0
        let n = bytes.count
        func string() -> [UInt8]? {
            guard i < n, bytes[i] == 0x22 else { return nil }
            i += 1
            var out: [UInt8] = []
            while i < n {
                let b = bytes[i]
                if b == 0x22 { i += 1; return out }
                if b == 0x5C {
                    guard i + 1 < n else { return nil }
                    let e = bytes[i + 1]
                    i += 2
                    switch e {
                    case 0x22, 0x5C, 0x2F: out.append(e)
                    case 0x6E: out.append(0x0A)
                    case 0x72: out.append(0x0D)
                    case 0x74: out.append(0x09)
                    case 0x62: out.append(0x08)
                    case 0x66: out.append(0x0C)
                    case 0x75:
                        guard i + 4 <= n, let v = UInt32(String(decoding: bytes[i..<i + 4], as: UTF8.self), radix: 16),
                              let scalar = Unicode.Scalar(v) else { return nil }
                        out += Array(String(scalar).utf8)
                        i += 4
                    default: return nil
                    }
                } else {
                    out.append(b)
                    i += 1
                }
            }
            return nil
        }
        guard n >= 2, bytes[0] == 0x7B else { return nil }
        i = 1
        var result: [(key: [UInt8], value: [UInt8])] = []
        if bytes[i] == 0x7D { return i + 1 == n ? result : nil }
        while i < n {
            guard let key = string(), i < n, bytes[i] == 0x3A else { return nil }
            i += 1
            guard let value = string(), i < n else { return nil }
            result.append((key, value))
            if bytes[i] == 0x2C { i += 1; continue }
            if bytes[i] == 0x7D { return i + 1 == n ? result : nil }
            return nil
        }
        return nil
    }
}

/// Byte order of UTF-8 keys: the order of entries in a shard.
@inline(__always)
func utf8Less(_ a: [UInt8], _ b: [UInt8]) -> Bool { a.lexicographicallyPrecedes(b) }
