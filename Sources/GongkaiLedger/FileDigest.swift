/// A fast digest of a file's bytes (xxHash64-style: four lanes of 8-byte
/// words) and its length, for telling whether the ledger file changed.
/// Not cryptographic; see `LedgerStage.CacheRecord`.
enum FileDigest {
    static func hex(_ bytes: ArraySlice<UInt8>) -> String {
        String(value(bytes), radix: 16) + "-" + String(bytes.count)
    }

    static func value(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        let p1: UInt64 = 0x9E37_79B1_85EB_CA87, p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F, p3: UInt64 = 0x1656_67B1_9E37_79F9
        @inline(__always) func rotl(_ x: UInt64, _ r: UInt64) -> UInt64 { x &<< r | x &>> (64 &- r) }
        @inline(__always) func round(_ acc: UInt64, _ word: UInt64) -> UInt64 { rotl(acc &+ word &* p2, 31) &* p1 }
        return bytes.withUnsafeBytes { raw -> UInt64 in
            let n = raw.count
            var a = p1 &+ p2, b = p2, c: UInt64 = 0, d = 0 &- p1
            var i = 0
            while i + 32 <= n {
                a = round(a, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                b = round(b, raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))
                c = round(c, raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self))
                d = round(d, raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self))
                i += 32
            }
            var h = rotl(a, 1) &+ rotl(b, 7) &+ rotl(c, 12) &+ rotl(d, 18) &+ UInt64(n)
            while i < n {
                h = (h ^ UInt64(raw[i])) &* p1
                h = rotl(h, 23)
                i += 1
            }
            h ^= h &>> 33
            h &*= p2
            h ^= h &>> 29
            h &*= p3
            h ^= h &>> 32
            return h
        }
    }
}
