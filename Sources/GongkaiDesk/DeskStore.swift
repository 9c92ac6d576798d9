import GongkaiCore

/// One case as stored: what the resident sent (words masked), where it
/// stands, and, kept apart, how to call them back.
public struct StoredCase: Sendable, Equatable, Codable {
    public var number: String
    public var code: String
    public var kind: CaseKind
    public var community: String
    public var notice: String?
    public var words: String
    public var received: CalendarDate
    public var deadline: CalendarDate
    /// Unix seconds when `gongkai inbox` wrote its answer file.
    public var takenAt: Int64?
    /// Unix seconds when the desk saw its answer in the rebuilt site.
    public var closedAt: Int64?
    public var answerURL: String?
    public var answered: CalendarDate?
    public var rating: String?
    /// Only for the clerk (`gongkai inbox`); nil once deleted.
    public var phone: String?
    public var name: String?
}

/// Limits checked where the submissions are stored, so two requests at the
/// same moment cannot both pass.
public struct PhoneLimits: Sendable, Equatable {
    public var perDay: Int
    /// Open objections to one notice from one phone.
    public var openPerNotice: Int
    public init(perDay: Int, openPerNotice: Int) {
        self.perDay = perDay
        self.openPerNotice = openPerNotice
    }
    public static let off = PhoneLimits(perDay: Int.max, openPerNotice: Int.max)
}

/// What a stored submission returns to the resident.
public struct Receipt: Sendable, Equatable {
    public var number: String
    public var code: String
    public var deadline: CalendarDate
}

/// Where the desk keeps its cases: SQLite by default (`SQLiteDeskStore`);
/// the same protocol can sit on PostgreSQL for a county or a province
/// (docs/desk.md). Every method is a transaction of its own; `submit` returns
/// only once the case is durable.
public protocol DeskStore: Sendable {
    /// Stores a checked submission, after checking the per-phone limits in
    /// the same transaction. `now`: Unix seconds.
    func submit(_ submission: Submission, limits: PhoneLimits, now: Int64) async throws -> Receipt
    func find(code: String) async throws -> StoredCase?
    /// Records a rating; the caller checked it is allowed. False when one was already recorded.
    func rate(code: String, rating: String, now: Int64) async throws -> Bool
    /// Marks cases answered (the rebuilt site publishes them), starting the
    /// clock for deleting their phone numbers.
    func close(_ answers: [String: SiteCatalog.AnswerInfo], now: Int64, keepContactSeconds: Int64) async throws
    /// Cases without an answer, oldest first, with their contacts; the read is logged as `who`.
    func openCases(reader who: String, now: Int64) async throws -> [StoredCase]
    /// The clerk wrote answer files for these numbers.
    func markTaken(_ numbers: [String], reader who: String, now: Int64) async throws
    /// Deletes the phone numbers and names of cases closed long enough ago; how many.
    func purgeContacts(now: Int64) async throws -> Int
    /// A new token for `gongkai inbox` on another PC (only its hash is kept).
    func issueToken(name: String, now: Int64) async throws -> String
    /// The token's name, or nil when it is unknown or revoked.
    func checkToken(_ token: String) async throws -> String?
    /// The clerk's reads, newest first.
    func readLog(limit: Int) async throws -> [(at: Int64, who: String, what: String)]
    /// A consistent copy of the whole store at `path`, while it runs.
    func backup(to path: String) async throws
    func close() async throws
}
