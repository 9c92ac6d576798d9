/// A zip file's central directory, read with every offset and size checked
/// against the bytes: every entry, its local header, name, extra field and
/// compressed data must lie within the file (zip64 sizes and offsets
/// included). A file that passes may still be damaged inside (a CRC error, a
/// broken deflate stream): `ZipArchive.data` finds those.
enum ZipLayout {
    /// The entries, or nil when the directory is missing or points outside the bytes.
    static func read(_ bytes: [UInt8]) -> [ZipArchive.Entry]? {
        var entries: [ZipArchive.Entry] = []
        return problem(bytes, into: &entries) == nil ? entries : nil
    }

    /// Nil when every entry lies within the bytes, else what is wrong.
    static func problem(_ bytes: [UInt8], into entries: inout [ZipArchive.Entry]) -> String? {
        let n = bytes.count
        func u16(_ at: Int) -> Int? { at >= 0 && at + 2 <= n ? Int(bytes[at]) | Int(bytes[at + 1]) << 8 : nil }
        func u32(_ at: Int) -> Int? {
            guard at >= 0, at + 4 <= n else { return nil }
            return Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
        }
        func u64(_ at: Int) -> Int? {
            guard let lo = u32(at), let hi = u32(at + 4), hi < 1 << 30 else { return nil }
            return lo | hi << 32
        }
        // The end of central directory record: the last signature within 64 KB of comment.
        guard n >= 22 else { return "too short" }
        var eocd: Int?
        var at = n - 22
        while at >= max(0, n - 22 - 65_535) {
            if bytes[at] == 0x50, bytes[at + 1] == 0x4B, bytes[at + 2] == 0x05, bytes[at + 3] == 0x06 {
                eocd = at
                break
            }
            at -= 1
        }
        guard let end = eocd, var count = u16(end + 10), var size = u32(end + 12), var offset = u32(end + 16) else {
            return "no end of central directory"
        }
        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
            // Zip64: the locator right before the record points at the zip64 record.
            guard end >= 20, u32(end - 20) == 0x0706_4B50, let record = u64(end - 12), u32(record) == 0x0606_4B50,
                  let c = u64(record + 32), let s = u64(record + 40), let o = u64(record + 48) else {
                return "zip64 record missing"
            }
            count = c
            size = s
            offset = o
        }
        guard offset <= n, size <= n - offset, count <= size / 46 + 1 else { return "central directory outside the file" }
        var entry = offset
        for _ in 0..<count {
            guard u32(entry) == 0x0201_4B50, let flags = u16(entry + 8), let method = u16(entry + 10), let crc = u32(entry + 16),
                  let nameLength = u16(entry + 28), let extraLength = u16(entry + 30),
                  let commentLength = u16(entry + 32), var compressed = u32(entry + 20), var uncompressed = u32(entry + 24),
                  var local = u32(entry + 42) else {
                return "bad central directory entry"
            }
            let extra = entry + 46 + nameLength
            guard extra + extraLength <= offset + size else { return "entry runs past the directory" }
            if compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF || local == 0xFFFF_FFFF {
                // The zip64 extra field holds, in this order, the fields set to all ones.
                var field = extra
                var found = false
                while field + 4 <= extra + extraLength, let id = u16(field), let length = u16(field + 2) {
                    if id == 0x0001 {
                        var value = field + 4
                        if uncompressed == 0xFFFF_FFFF { guard let v = u64(value) else { return "bad zip64 field" }; uncompressed = v; value += 8 }
                        if compressed == 0xFFFF_FFFF { guard let v = u64(value) else { return "bad zip64 field" }; compressed = v; value += 8 }
                        if local == 0xFFFF_FFFF { guard let v = u64(value) else { return "bad zip64 field" }; local = v }
                        found = true
                        break
                    }
                    field += 4 + length
                }
                if !found { return "zip64 field missing" }
            }
            guard u32(local) == 0x0403_4B50, let localName = u16(local + 26), let localExtra = u16(local + 28) else {
                return "bad local header"
            }
            let data = local + 30 + localName + localExtra
            guard data <= n, compressed <= n - data else { return "entry data outside the file" }
            let name = String(decoding: bytes[(entry + 46)..<(entry + 46 + nameLength)], as: UTF8.self)
            entries.append(ZipArchive.Entry(path: name, uncompressedSize: uncompressed, compressedSize: compressed,
                                            method: method, crc32: UInt32(crc), dataOffset: data, encrypted: flags & 1 == 1))
            entry = extra + extraLength + commentLength
        }
        return nil
    }
}
