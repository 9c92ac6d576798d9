/// What a resident sent through the desk (docs/desk.md): an objection to a
/// notice during its 公示期, or a suggestion (人民建议) to a community.
public enum CaseKind: String, Sendable, Hashable, CaseIterable, Codable {
    case objection
    case suggestion

    /// 异议 or 建议, as clerks write `类型:` in an answer file.
    public var label: String { self == .objection ? "异议" : "建议" }

    /// Days the committee has to answer when the catalogue says nothing: the
    /// Sichuan 村务公开条例 (第16、17条) asks for a written answer to an
    /// objection within 10 days; 人民建议征集 points commonly give 15.
    public var defaultAnswerDays: Int { self == .objection ? 10 : 15 }

    public static func parse(_ text: String) -> CaseKind? {
        switch text {
        case "异议", "objection": return .objection
        case "建议", "人民建议", "suggestion": return .suggestion
        default: return nil
        }
    }
}

/// How the committee answered (结果). Objections and suggestions have their own lists.
public enum ReplyOutcome: String, Sendable, Hashable, CaseIterable, Codable {
    case upheld = "异议成立（已更正）"
    case rejected = "异议不成立"
    case referred = "转乡镇处理"
    case adopted = "采纳"
    case partlyAdopted = "部分采纳"
    case deferred = "暂不采纳"
    case declined = "不予采纳"

    public var kind: CaseKind {
        switch self {
        case .upheld, .rejected, .referred: return .objection
        default: return .suggestion
        }
    }

    /// A refusal must say why (理由).
    public var needsReason: Bool { self == .rejected || self == .deferred || self == .declined }

    /// The outcomes a clerk may write for one kind, in the order shown.
    public static func outcomes(for kind: CaseKind) -> [ReplyOutcome] { allCases.filter { $0.kind == kind } }

    /// Also accepts the short spellings clerks type (`异议成立`, `部分`).
    public static func parse(_ text: String) -> ReplyOutcome? {
        let t = text.replacingOccurrences(of: "(", with: "（").replacingOccurrences(of: ")", with: "）")
            .replacingOccurrences(of: " ", with: "")
        if let o = ReplyOutcome(rawValue: t) { return o }
        switch t {
        case "异议成立", "成立", "已更正": return .upheld
        case "不成立": return .rejected
        case "转乡镇", "转街道处理", "转乡镇（街道）处理": return .referred
        case "部分": return .partlyAdopted
        case "暂缓采纳": return .deferred
        case "不采纳": return .declined
        default: return nil
        }
    }
}

/// The number the desk gives a case, `2026-0012`: the year it was received
/// and its place in that year's cases (across the whole desk). Public: it
/// names the answer file and page. The resident's tracking code is secret
/// and appears nowhere in content/ or the site.
public struct CaseNumber: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var sequence: Int

    public init(year: Int, sequence: Int) {
        self.year = year
        self.sequence = sequence
    }

    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count >= 4,
              parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }),
              let y = Int(parts[0]), let s = Int(parts[1]), s > 0 else { return nil }
        year = y
        sequence = s
    }

    public var description: String {
        let s = String(sequence)
        return "\(year)-" + String(repeating: "0", count: max(0, 4 - s.count)) + s
    }

    public static func < (a: CaseNumber, b: CaseNumber) -> Bool { (a.year, a.sequence) < (b.year, b.sequence) }
}

/// One answer file, `content/<community>/replies/<case number>.md`, parsed and checked.
/// An open case (no 结果 yet) is known to the build for deadlines but not published.
public struct Reply: Sendable, Hashable {
    public var community: String
    public var number: CaseNumber
    public var kind: CaseKind
    /// The notice objected to (objections only).
    public var notice: NoticeID?
    public var received: CalendarDate
    /// The answer is due on this day (inclusive).
    public var deadline: CalendarDate
    /// The resident's words, personal numbers masked.
    public var words: String
    public var outcome: ReplyOutcome?
    public var answered: CalendarDate?
    public var reason: String?
    public var reviewed: Review?
    /// The answer, rendered from the file's Markdown body.
    public var body: NoticeBody
    public var sourcePath: String
    /// 修订: changes made in the open after the answer was published.
    public var revisions: [Revision] = []

    public init(community: String, number: CaseNumber, kind: CaseKind, notice: NoticeID?, received: CalendarDate,
                deadline: CalendarDate, words: String, outcome: ReplyOutcome?, answered: CalendarDate?,
                reason: String?, reviewed: Review?, body: NoticeBody, sourcePath: String) {
        self.community = community
        self.number = number
        self.kind = kind
        self.notice = notice
        self.received = received
        self.deadline = deadline
        self.words = words
        self.outcome = outcome
        self.answered = answered
        self.reason = reason
        self.reviewed = reviewed
        self.body = body
        self.sourcePath = sourcePath
    }

    /// `<community>/replies/<number>`: the page's folder and the ledger's id.
    public var id: String { Self.id(community: community, number: number) }

    public static func id(community: String, number: CaseNumber) -> String { "\(community)/replies/\(number)" }

    /// Answered (and so published).
    public var isAnswered: Bool { outcome != nil && answered != nil }

    /// Answered after the deadline, by this many days (0: in time or open).
    public var daysLate: Int {
        guard let answered, answered > deadline else { return 0 }
        return deadline.days(until: answered)
    }
}

/// The windows and deadlines of the desk, as pure functions of the catalogue
/// (shared by the build, the notice page's form and the desk itself).
public enum DeskRules {
    /// The days in which villagers may object to a notice: from the first
    /// day of its 公示期 (or its date) to the later of the 公示期's end and
    /// the catalogue's objection window; nil when it has neither.
    public static func objectionWindow(period: DisplayPeriod?, date: CalendarDate,
                                       rules: DisclosureRules) -> (from: CalendarDate, to: CalendarDate)? {
        let start = period?.from ?? date
        let window = rules.objectionDays.map { start.adding(days: $0) }
        guard let end = [period?.to, window].compactMap({ $0 }).max() else { return nil }
        return (start, end)
    }

    /// The day an answer is due: `days` after the day it was received (the
    /// day itself not counted, as for 公示期).
    public static func deadline(received: CalendarDate, days: Int) -> CalendarDate {
        received.adding(days: days)
    }

    /// A resident may rate an answer on the day it is published and the 7 days after.
    public static let ratingDays = 7
}
