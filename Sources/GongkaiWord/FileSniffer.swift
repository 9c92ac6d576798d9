/// What kind of file some bytes are, from their first bytes and (for OLE2
/// files) the stream names in them, so a `.doc`, a `.wps`, an encrypted
/// `.docx` or a renamed PDF each get their own message.
enum FileSniffer {
    enum Kind: Equatable {
        case zip
        case failure(WordFailure)
    }

    static func sniff(_ bytes: [UInt8]) -> Kind {
        if bytes.isEmpty { return .failure(.notDocx(.empty)) }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06])
            || bytes.starts(with: [0x50, 0x4B, 0x07, 0x08]) {
            return .zip
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            if contains(bytes, utf16: "EncryptedPackage") { return .failure(.encrypted) }
            if contains(bytes, utf16: "WordDocument") { return .failure(.notDocx(.word97)) }
            if contains(bytes, utf16: "Workbook") || contains(bytes, utf16: "Book") { return .failure(.notDocx(.excel97)) }
            if contains(bytes, utf16: "PowerPoint Document") { return .failure(.notDocx(.powerPoint97)) }
            return .failure(.notDocx(.ole2))
        }
        let head = Array(bytes.prefix(1024))
        let skipped = head.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(head.dropFirst(3)) : head
        let start = String(decoding: skipped.prefix(512), as: UTF8.self).lowercased()
            .drop(while: { $0.isWhitespace })
        if start.hasPrefix("{\\rtf") { return .failure(.notDocx(.rtf)) }
        if start.hasPrefix("%pdf") { return .failure(.notDocx(.pdf)) }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) || bytes.starts(with: [0xFF, 0xD8, 0xFF])
            || bytes.starts(with: Array("GIF8".utf8)) || bytes.starts(with: Array("BM".utf8)) {
            return .failure(.notDocx(.image))
        }
        if start.hasPrefix("<?xml") || start.hasPrefix("<") {
            if start.contains("w:worddocument") || start.contains("pkg:package") || start.contains("<?mso-application") {
                return .failure(.notDocx(.wordXML))
            }
            if start.contains("<html") || start.contains("<!doctype html") || start.contains("xmlns:o=") {
                return .failure(.notDocx(.html))
            }
        }
        if start.hasPrefix("mime-version") || start.contains("content-type: multipart/related") {
            return .failure(.notDocx(.html))
        }
        // Text: valid UTF-8, or GBK-looking bytes with no control characters.
        let controls = head.filter { $0 < 0x09 || ($0 > 0x0D && $0 < 0x20) }.count
        if controls == 0 { return .failure(.notDocx(.text)) }
        return .failure(.notDocx(.unknown))
    }

    /// Whether an OLE2 directory entry names a stream `name`: entries are
    /// 128 bytes, each starting with its name in UTF-16LE.
    static func contains(_ bytes: [UInt8], utf16 name: String) -> Bool {
        var pattern: [UInt8] = []
        for unit in name.utf16 {
            pattern.append(UInt8(unit & 0xFF))
            pattern.append(UInt8(unit >> 8))
        }
        pattern += [0, 0]
        guard bytes.count >= pattern.count else { return false }
        let first = pattern[0]
        var i = 0
        let last = bytes.count - pattern.count
        while i <= last {
            if bytes[i] == first {
                var j = 1
                while j < pattern.count && bytes[i + j] == pattern[j] { j += 1 }
                if j == pattern.count { return true }
            }
            i += 128
        }
        return false
    }
}
