import Foundation
import GongkaiCore

/// The clerk's own line under a diagnostic, with a caret under the column,
/// as compilers show it (only on a terminal). Chinese characters take two
/// columns on a terminal, so the caret is placed by display width.
enum SourceExcerpt {
    static func lines(for d: Diagnostic, siteRoot: String) -> String? {
        guard d.line > 0, let data = FileManager.default.contents(atPath: siteRoot + "/" + d.file),
              let text = String(data: data, encoding: .utf8) else { return nil }
        let all = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard d.line <= all.count else { return nil }
        let line = String(all[d.line - 1]).replacingOccurrences(of: "\r", with: "").replacingOccurrences(of: "\t", with: " ")
        let number = String(d.line)
        let gutter = String(repeating: " ", count: number.count)
        var out = " \(number) | \(line)"
        if d.column > 0 {
            let before = line.prefix(max(0, d.column - 1))
            let width = before.unicodeScalars.reduce(0) { $0 + displayWidth($1) }
            out += "\n \(gutter) | " + String(repeating: " ", count: width) + "^"
        }
        return out
    }

    static func displayWidth(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if (v >= 0x1100 && v <= 0x115F) || (v >= 0x2E80 && v <= 0xA4CF) || (v >= 0xAC00 && v <= 0xD7A3)
            || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0xFE30 && v <= 0xFE4F) || (v >= 0xFF00 && v <= 0xFF60)
            || (v >= 0xFFE0 && v <= 0xFFE6) || (v >= 0x20000 && v <= 0x3FFFD) {
            return 2
        }
        return 1
    }
}
