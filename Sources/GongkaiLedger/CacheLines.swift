import GongkaiCore

/// The line files the ledger stage keeps in `.gongkai-cache/`
/// (`VersionCache`, `FactsCache`): read as bytes, since they are read on
/// every build, and checked field by field (a damaged line is a miss).
enum CacheLines {
    typealias Line = Slice<UnsafeBufferPointer<UInt8>>

    /// Each non-empty line of `bytes`, without its newline.
    static func forEach(_ bytes: [UInt8], _ body: (Line) -> Void) {
        bytes.withUnsafeBufferPointer { buffer in
            forEachLine(buffer) { line in
                if !line.isEmpty { body(buffer[line]) }
            }
        }
    }

    /// 1 to 16 lower-case hex digits, as a number.
    static func hexNumber(_ digits: Line) -> UInt64? {
        guard (1...16).contains(digits.count) else { return nil }
        var value: UInt64 = 0
        for d in digits {
            guard let v = hexDigit(d) else { return nil }
            value = value << 4 | v
        }
        return value
    }

    /// A SHA-256 as 64 lower-case hex digits.
    static func sha256(_ digits: Line) -> String? {
        guard digits.count == 64, digits.allSatisfy({ hexDigit($0) != nil }) else { return nil }
        return String(decoding: digits, as: UTF8.self)
    }

    private static func hexDigit(_ d: UInt8) -> UInt64? {
        switch d {
        case 48...57: UInt64(d - 48)
        case 97...102: UInt64(d - 87)
        default: nil
        }
    }
}
