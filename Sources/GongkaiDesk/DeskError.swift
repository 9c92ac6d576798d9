/// A request the desk refuses: a stable code (docs/diagnostics.md), the HTTP
/// status and a Chinese sentence for the resident. Bad input is always a 4xx
/// and stores nothing.
public struct DeskError: Error, Sendable, Equatable {
    public var code: String
    public var status: Int
    public var message: String

    public init(_ code: String, _ status: Int, _ message: String) {
        self.code = code
        self.status = status
        self.message = message
    }

    static func badField(_ message: String) -> DeskError { DeskError("GK320", 400, message) }
    static var tooLarge: DeskError { DeskError("GK322", 413, DeskMessages.tooLarge) }
    static var honeypot: DeskError { DeskError("GK326", 400, DeskMessages.honeypot) }
    static var foreignOrigin: DeskError { DeskError("GK327", 403, DeskMessages.foreignOrigin) }
    static func tooMany(_ message: String) -> DeskError { DeskError("GK328", 429, message) }
    static var unknownCode: DeskError { DeskError("GK330", 404, DeskMessages.unknownCode) }
    static func rating(_ message: String) -> DeskError { DeskError("GK331", 409, message) }
    static var badToken: DeskError { DeskError("GK332", 401, DeskMessages.badToken) }
    static var timeout: DeskError { DeskError("GK334", 408, DeskMessages.timeout) }
    static var unavailable: DeskError { DeskError("GK333", 503, DeskMessages.unavailable) }
    static var notFound: DeskError { DeskError("GK335", 404, DeskMessages.notFound) }
}
