/// What the render stage publishes of the ledger: every entry (those already
/// in `content/ledger.jsonl` and those this build adds), and each published
/// notice's canonical text and version hash.
public struct LedgerSnapshot: Sendable {
    public var ledger: Ledger
    /// Canonical text of each published notice (`<notice>/notice.txt`).
    public var texts: [NoticeID: [UInt8]]
    /// SHA-256 hex of each text.
    public var versions: [NoticeID: String]

    public init(ledger: Ledger, texts: [NoticeID: [UInt8]], versions: [NoticeID: String]) {
        self.ledger = ledger
        self.texts = texts
        self.versions = versions
    }
}
