/// What the render stage publishes of the ledger: every entry (those already
/// in `content/ledger.jsonl` and those this build adds), and each published
/// notice's version hash and (on demand) canonical text.
public struct LedgerSnapshot: Sendable {
    public var ledger: Ledger
    /// Canonical text of a published notice (`<notice>/notice.txt`).
    /// Computed when asked for: the renderer asks only for the notices whose
    /// pages it builds again.
    public var text: @Sendable (Notice) -> [UInt8]?
    /// SHA-256 hex of each text.
    public var versions: [NoticeID: String]
    /// Each notice's `facts.txt` (`NoticeFacts.text`) and `files.sha256`
    /// (`NoticeFiles.manifest`), published beside notice.txt.
    public var facts: @Sendable (Notice) -> String? = { _ in nil }
    public var files: [NoticeID: String] = [:]
    /// Published answers (docs/desk.md) by `Reply.id`: SHA-256 hex of each
    /// answer file's canonical text, and the text (published as its `notice.txt`).
    public var replyVersions: [String: String] = [:]
    public var replyTexts: [String: [UInt8]] = [:]

    public init(ledger: Ledger, versions: [NoticeID: String], text: @escaping @Sendable (Notice) -> [UInt8]?) {
        self.ledger = ledger
        self.versions = versions
        self.text = text
    }

    /// Texts computed beforehand (tests, small sites).
    public init(ledger: Ledger, texts: [NoticeID: [UInt8]], versions: [NoticeID: String]) {
        self.init(ledger: ledger, versions: versions, text: { texts[$0.id] })
    }
}
