/// One entry of a notice's `revisions:` list: a change made in the open to a
/// notice already recorded in the integrity ledger.
public struct Revision: Sendable, Hashable, Codable {
    public var date: CalendarDate
    /// What changed (修改内容).
    public var what: String
    /// Why (原因).
    public var why: String

    public init(date: CalendarDate, what: String, why: String) {
        self.date = date
        self.what = what
        self.why = why
    }
}

/// `withdrawn: {date, reason}`: the notice was withdrawn (撤回). The page
/// stays, saying when and why, without the original text.
public struct Withdrawal: Sendable, Hashable, Codable {
    public var date: CalendarDate
    public var reason: String

    public init(date: CalendarDate, reason: String) {
        self.date = date
        self.reason = reason
    }
}
