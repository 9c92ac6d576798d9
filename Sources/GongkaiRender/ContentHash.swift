import GongkaiCore

/// FNV-1a 64: a content hash for asset file names (cache busting), not for
/// security.
enum ContentHash {
    static func hex(_ bytes: [UInt8]) -> String {
        let s = String(FNV1a64.hash(bytes), radix: 16)
        return String((String(repeating: "0", count: 16 - s.count) + s).prefix(10))
    }
}
