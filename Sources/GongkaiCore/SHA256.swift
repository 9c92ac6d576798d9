import CCrypto

/// SHA-256 (FIPS 180-4) through OpenSSL's libcrypto (Debian libssl-dev),
/// which uses the CPU's SHA instructions: the ledger hashes every notice's
/// text, facts and files on a clean build. Checked against the NIST example
/// vectors in `SHA256Tests`.
public struct SHA256: Sendable {
    private var context = gongkai_sha256_ctx()

    public init() { gongkai_sha256_init(&context) }

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { gongkai_sha256_update(&context, $0.baseAddress, $0.count) }
    }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        gongkai_sha256_update(&context, bytes.baseAddress, bytes.count)
    }

    /// The digest (32 bytes); the hash is used up.
    public mutating func finish() -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: 32) { buffer, count in
            gongkai_sha256_final(&context, buffer.baseAddress)
            count = 32
        }
    }

    /// Lower-case hex digest of `bytes`.
    public static func hex(_ bytes: [UInt8]) -> String {
        var h = SHA256()
        h.update(bytes)
        return hex(digest: h.finish())
    }

    public static func hex(_ text: String) -> String {
        var text = text
        var h = SHA256()
        text.withUTF8 { h.update(UnsafeRawBufferPointer($0)) }
        return hex(digest: h.finish())
    }

    /// A digest as lower-case hex.
    public static func hex(digest: [UInt8]) -> String {
        String(unsafeUninitializedCapacity: digest.count * 2) { out in
            let digits: StaticString = "0123456789abcdef"
            digits.withUTF8Buffer { d in
                for (i, b) in digest.enumerated() {
                    out[2 * i] = d[Int(b >> 4)]
                    out[2 * i + 1] = d[Int(b & 15)]
                }
            }
            return digest.count * 2
        }
    }
}
