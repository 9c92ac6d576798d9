import GongkaiCore

/// One personal number found by `PrivacyGuard`. It never holds the number
/// itself, only where it is and how to write it masked.
public struct PrivacyFinding: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        case residentID18, residentID15, bankCard, mobile

        /// The diagnostic code (docs/diagnostics.md).
        public var code: String {
            switch self {
            case .residentID18: return "GK170"
            case .residentID15: return "GK171"
            case .bankCard: return "GK172"
            case .mobile: return "GK173"
            }
        }

        /// The masked form to publish instead: `110101********123X`,
        /// `110101******123`, `6222 **** **** 1234`, `138****8000`.
        func mask(_ number: String) -> String {
            let n = Array(number)
            switch self {
            case .residentID18: return String(n[0..<6]) + String(repeating: "*", count: 8) + String(n[14...])
            case .residentID15: return String(n[0..<6]) + String(repeating: "*", count: 6) + String(n[12...])
            case .bankCard: return String(n[0..<4]) + " **** **** " + String(n[(n.count - 4)...])
            case .mobile: return String(n[0..<3]) + "****" + String(n[7...])
            }
        }
    }

    public var kind: Kind
    /// Characters (Swift `Character`s) from the start of the scanned text.
    public var offset: Int
    /// Characters the number takes in the text (with its spaces or hyphens).
    public var length: Int
    /// Lines before the number in the scanned text (0 = the first line).
    public var line: Int
    /// 1-based column, in characters, within its line.
    public var column: Int
    /// What to write instead.
    public var masked: String

    /// The error for this finding at a place in a file. The message names the
    /// kind and the masked form, never the number.
    public func diagnostic(file: String, line: Int, column: Int) -> Diagnostic {
        Diagnostic(file: file, line: line, column: column, code: kind.code,
                   message: Messages.privacyFinding(kind), fix: Messages.privacyFindingFix(kind, masked))
    }
}
