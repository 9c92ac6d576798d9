/// Where text stops being UTF-8: the line and column (in characters) of
/// the first byte that is not, for a diagnostic that points at it (a file
/// saved as GBK by Notepad or Excel).
public enum UTF8Position {
    public static func firstInvalid(_ bytes: ArraySlice<UInt8>) -> (line: Int, column: Int) {
        var line = 1, column = 1
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            let length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 0
            if length == 0 || i + length > bytes.endIndex
                || String(validating: bytes[i..<(i + length)], as: UTF8.self) == nil { break }
            if b == 10 { line += 1; column = 1 } else { column += 1 }
            i += length
        }
        return (line, column)
    }
}
