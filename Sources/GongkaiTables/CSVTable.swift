import GongkaiCore

/// A `.csv` file as Excel and WPS save it in China: UTF-8 (with or without a
/// byte-order mark), UTF-16 with a mark ("Unicode 文本"), or GBK/GB18030
/// (Excel's default "CSV (逗号分隔)" on a Chinese Windows). Fields follow
/// RFC 4180: commas (or tabs, when the first line has tabs and no commas),
/// double quotes around fields that hold separators, quotes or line breaks.
public enum CSVTable {
    public enum Failure: Error, Sendable, Hashable {
        /// Neither UTF-8 nor GB18030: the first undecodable byte's line and column.
        case encoding(line: Int, column: Int)
        /// A quoted field that is never closed, starting at this line.
        case unclosedQuote(line: Int)
        /// No cell has any text.
        case empty
    }

    public static func read(_ bytes: [UInt8]) -> Result<TableData, Failure> {
        let text: String
        switch decode(bytes) {
        case .success(let t): text = t
        case .failure(let f): return .failure(f)
        }
        switch records(text) {
        case .success(let grid):
            guard let table = TableData.fromGrid(grid) else { return .failure(.empty) }
            return .success(table)
        case .failure(let f):
            return .failure(f)
        }
    }

    /// The text of the file, and which encoding it was in.
    public static func decode(_ bytes: [UInt8]) -> Result<String, Failure> {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            if let s = String(validating: bytes.dropFirst(3), as: UTF8.self) { return .success(s) }
            return .failure(firstBadUTF8(bytes.dropFirst(3)))
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var i = 2
            while i + 1 < bytes.count {
                units.append(little ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
                i += 2
            }
            return .success(String(decoding: units, as: UTF16.self))
        }
        if let s = String(validating: bytes, as: UTF8.self) { return .success(s) }
        if let s = GB18030.decode(bytes) { return .success(s) }
        return .failure(firstBadUTF8(bytes[...]))
    }

    private static func firstBadUTF8(_ bytes: ArraySlice<UInt8>) -> Failure {
        let at = UTF8Position.firstInvalid(bytes)
        return .encoding(line: at.line, column: at.column)
    }

    /// Splits the text into records of fields, each cell carrying the line
    /// where its field starts and its field number.
    static func records(_ text: String) -> Result<[[TableData.Cell]], Failure> {
        let scalars = Array(text.unicodeScalars)
        let firstLine = scalars.prefix { $0 != "\n" }
        let separator: Unicode.Scalar = firstLine.contains("\t") && !firstLine.contains(",") ? "\t" : ","
        var grid: [[TableData.Cell]] = []
        var row: [TableData.Cell] = []
        var field = String.UnicodeScalarView()
        var line = 1, fieldLine = 1
        var quoted = false, quoteLine = 0
        var i = 0
        func endField() {
            let value = String(field).trimmingWhitespace()
            row.append(TableData.Cell(text: value, row: fieldLine, column: row.count + 1))
            field = String.UnicodeScalarView()
            fieldLine = line
        }
        func endRecord() {
            endField()
            grid.append(row)
            row = []
        }
        while i < scalars.count {
            let c = scalars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < scalars.count, scalars[i + 1] == "\"" {
                        field.append("\"")
                        i += 2
                        continue
                    }
                    quoted = false
                } else {
                    if c == "\n" { line += 1 }
                    if c != "\r" { field.append(c) }
                }
                i += 1
                continue
            }
            switch c {
            case "\"" where String(field).trimmingWhitespace().isEmpty:
                field = String.UnicodeScalarView()
                quoted = true
                quoteLine = line
            case separator:
                endField()
            case "\r":
                break
            case "\n":
                endRecord()
                line += 1
                fieldLine = line
            default:
                field.append(c)
            }
            i += 1
        }
        if quoted { return .failure(.unclosedQuote(line: quoteLine)) }
        if !field.isEmpty || !row.isEmpty { endRecord() }
        return .success(grid)
    }
}
