/// The resident's secret tracking code (查询码): 8 characters in two groups
/// (`K7QM-3XPA`), from an alphabet without the letters that read like
/// digits (Crockford: no I, L, O, U), so it can be read out on the phone.
/// 40 random bits: guessing one of a desk's few thousand codes takes
/// hundreds of millions of tries, and the status page is rate limited.
public enum TrackingCode {
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)

    public static func make<G: RandomNumberGenerator>(using generator: inout G) -> String {
        var out: [UInt8] = []
        for i in 0..<8 {
            if i == 4 { out.append(UInt8(ascii: "-")) }
            out.append(alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func make() -> String {
        var g = SystemRandomNumberGenerator()
        return make(using: &g)
    }

    /// What a resident typed → the code as stored: upper case, the hyphen
    /// put back, O/I/L read as 0/1/1. Nil when it cannot be a code.
    public static func normalise(_ typed: String) -> String? {
        var chars: [UInt8] = []
        for b in typed.uppercased().utf8 {
            switch b {
            case UInt8(ascii: "-"), UInt8(ascii: " "): continue
            case UInt8(ascii: "O"): chars.append(UInt8(ascii: "0"))
            case UInt8(ascii: "I"), UInt8(ascii: "L"): chars.append(UInt8(ascii: "1"))
            default:
                guard alphabet.contains(b) else { return nil }
                chars.append(b)
            }
        }
        guard chars.count == 8 else { return nil }
        return String(decoding: chars[0..<4], as: UTF8.self) + "-" + String(decoding: chars[4...], as: UTF8.self)
    }
}
