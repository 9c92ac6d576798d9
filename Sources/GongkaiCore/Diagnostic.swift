/// A problem found in a site, as a value: stages collect them and go on, so a
/// clerk sees every problem in one run. Nothing in the library prints them;
/// the executable formats them (`rendered`).
public struct Diagnostic: Sendable, Hashable, Codable {
    public enum Severity: String, Sendable, Hashable, Codable {
        case error
        case warning

        /// The word shown to a clerk.
        public var label: String { self == .error ? "错误" : "警告" }
    }

    /// Path relative to the site folder, e.g. `content/mazhuang/2024/caiwu-10.md`.
    public var file: String
    /// 1-based line; 0 when the problem concerns the whole file.
    public var line: Int
    /// 1-based column in characters (not bytes); 0 when unknown.
    public var column: Int
    /// Stable code, e.g. `GK104`; documented in docs/diagnostics.md.
    public var code: String
    public var severity: Severity
    /// What is wrong, one Chinese sentence ending in 。
    public var message: String
    /// How to fix it, one Chinese sentence ending in 。; may be empty.
    public var fix: String

    public init(
        file: String, line: Int = 0, column: Int = 0, code: String,
        severity: Severity = .error, message: String, fix: String = ""
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.code = code
        self.severity = severity
        self.message = message
        self.fix = fix
    }

    /// The compiler-style line of docs/design.md §3:
    /// `path:line:col: 错误[GK104]: 问题。怎么改。`
    public var rendered: String {
        var place = file
        if line > 0 {
            place += ":\(line)"
            if column > 0 { place += ":\(column)" }
        }
        let text = fix.isEmpty ? message : message + fix
        return "\(place): \(severity.label)[\(code)]: \(text)"
    }
}

extension Diagnostic: Comparable {
    /// By file, then line, then column, then code: the order a clerk fixes them in.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        if a.file != b.file { return a.file < b.file }
        if a.line != b.line { return a.line < b.line }
        if a.column != b.column { return a.column < b.column }
        if a.code != b.code { return a.code < b.code }
        return a.message < b.message
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errorCount: Int { filter { $0.severity == .error }.count }
    public var warningCount: Int { filter { $0.severity == .warning }.count }
}

/// A single diagnostic can end a stage early (e.g. a file that is not UTF-8).
extension Diagnostic: Error {}
