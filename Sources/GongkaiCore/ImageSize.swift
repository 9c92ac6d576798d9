/// Pixel size of a PNG, GIF, JPEG or WebP image, read from the first bytes of
/// the file, so an inline image gets `width`/`height` and the page does not
/// jump while it loads. Nil for anything it cannot read for certain.
public struct ImageSize: Sendable, Hashable, Codable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// Bytes to read from the start of a file: enough for the JPEG frame
    /// header after a typical EXIF block.
    public static let prefixLength = 128 * 1024

    /// File extensions shown as images (lower case).
    public static let extensions: Set<String> = ["png", "jpg", "jpeg", "gif", "webp"]

    public static func parse(_ b: [UInt8]) -> ImageSize? {
        func be16(_ i: Int) -> Int { Int(b[i]) << 8 | Int(b[i + 1]) }
        func le16(_ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
        func be32(_ i: Int) -> Int { be16(i) << 16 | be16(i + 2) }
        func le24(_ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 | Int(b[i + 2]) << 16 }
        func valid(_ w: Int, _ h: Int) -> ImageSize? { w > 0 && h > 0 ? ImageSize(width: w, height: h) : nil }

        // PNG: signature, then the IHDR chunk.
        if b.count >= 24, b.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
           b[12..<16].elementsEqual("IHDR".utf8) {
            return valid(be32(16), be32(20))
        }
        // GIF87a / GIF89a: logical screen size.
        if b.count >= 10, b.starts(with: Array("GIF8".utf8)) {
            return valid(le16(6), le16(8))
        }
        // WebP: RIFF....WEBP and one of three chunk kinds.
        if b.count >= 30, b.starts(with: Array("RIFF".utf8)), b[8..<12].elementsEqual("WEBP".utf8) {
            switch String(decoding: b[12..<16], as: UTF8.self) {
            case "VP8 " where b[23] == 0x9D && b[24] == 0x01 && b[25] == 0x2A:
                return valid(le16(26) & 0x3FFF, le16(28) & 0x3FFF)
            case "VP8L" where b[20] == 0x2F:
                let bits = Int(b[21]) | Int(b[22]) << 8 | Int(b[23]) << 16 | Int(b[24]) << 24
                return valid((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
            case "VP8X":
                return valid(le24(24) + 1, le24(27) + 1)
            default:
                return nil
            }
        }
        // JPEG: walk the segments to the first start-of-frame marker.
        if b.count >= 4, b[0] == 0xFF, b[1] == 0xD8 {
            var i = 2
            while i + 9 < b.count {
                guard b[i] == 0xFF else { return nil }
                let marker = b[i + 1]
                if marker == 0xFF { i += 1; continue }
                if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { i += 2; continue }
                if (0xC0...0xCF).contains(marker), marker != 0xC4, marker != 0xC8, marker != 0xCC {
                    return valid(be16(i + 7), be16(i + 5))
                }
                i += 2 + be16(i + 2)
            }
        }
        return nil
    }
}
