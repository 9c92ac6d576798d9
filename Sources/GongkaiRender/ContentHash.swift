/// FNV-1a 64: a content hash for asset file names (cache busting), not for
/// security.
enum ContentHash {
    static func hex(_ bytes: [UInt8]) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes {
            h ^= UInt64(b)
            h &*= 0x100000001b3
        }
        let s = String(h, radix: 16)
        return String((String(repeating: "0", count: 16 - s.count) + s).prefix(10))
    }
}
