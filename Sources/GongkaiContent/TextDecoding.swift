import Foundation
import GongkaiCore

enum TextDecoding {
    /// A CSV or text file as Excel or Notepad saves it in China: UTF-8
    /// (with or without a byte-order mark), else GB 18030 (which covers GBK).
    static func decodeSpreadsheetText(_ bytes: [UInt8]) -> String? {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let text = String(validating: body, as: UTF8.self) { return text }
        return String(data: Data(body), encoding: gb18030)
    }

    /// kCFStringEncodingGB_18030_2000 as an NSStringEncoding (Foundation has no name for it on Linux).
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    /// The file as UTF-8 text without a byte-order mark, or a diagnostic at
    /// the first byte that is not UTF-8 (a file saved as GBK by Notepad).
    static func decode(_ file: SourceFile, what: String) -> Result<String, Diagnostic> {
        var bytes = file.bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) { return .success(text) }
        let (line, column) = UTF8Position.firstInvalid(bytes)
        return .failure(Diagnostic(file: file.path, line: line, column: column, code: "GK003",
                                   message: Messages.notUTF8(what), fix: Messages.notUTF8Fix))
    }
}

/// A notice split into its YAML front matter and Markdown body.
struct FrontMatterSplit {
    var yaml: String
    /// File line of the first YAML line (the line after the opening `---`).
    var yamlFirstLine: Int
    var body: String
    var bodyFirstLine: Int

    static func split(_ text: String, file: String) -> Result<FrontMatterSplit, Diagnostic> {
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var lineNumber = 0
        var yamlStart: String.Index?
        while lineStart < utf8.endIndex || (lineNumber == 0) {
            lineNumber += 1
            let lineEnd = utf8[lineStart...].firstIndex(of: 10) ?? utf8.endIndex
            let next = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : utf8.endIndex
            var content = utf8[lineStart..<lineEnd]
            while let last = content.last, last == 13 || last == 32 || last == 9 { content = content.dropLast() }
            let fence = content.elementsEqual("---".utf8)
            if lineNumber == 1 {
                guard fence else {
                    return .failure(Diagnostic(file: file, line: 1, column: 1, code: "GK002",
                                               message: Messages.noFrontMatter, fix: Messages.noFrontMatterFix))
                }
                yamlStart = next
            } else if fence || content.elementsEqual("...".utf8) {
                return .success(FrontMatterSplit(
                    yaml: String(text[yamlStart!..<lineStart]), yamlFirstLine: 2,
                    body: String(text[next...]), bodyFirstLine: lineNumber + 1))
            }
            if next == utf8.endIndex { break }
            lineStart = next
        }
        return .failure(Diagnostic(file: file, line: 1, column: 1, code: "GK002",
                                   message: Messages.unclosedFrontMatter, fix: Messages.unclosedFrontMatterFix))
    }
}
