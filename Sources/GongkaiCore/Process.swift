/// One stage of 四议两公开 (the procedure for a village's major matters):
/// 党组织提议 → 两委会议商议 → 党员大会审议 → 村民代表会议决议 → 决议公开 → 实施结果公开.
public enum ProcessStage: Int, Sendable, Hashable, CaseIterable, Comparable, Codable {
    case proposal = 1, consultation, review, resolution, resolutionPublished, resultPublished

    public var name: String {
        switch self {
        case .proposal: return "党组织提议"
        case .consultation: return "两委会议商议"
        case .review: return "党员大会审议"
        case .resolution: return "村民代表会议决议"
        case .resolutionPublished: return "决议公开"
        case .resultPublished: return "实施结果公开"
        }
    }

    /// The names clerks write, including common variants.
    public static func parse(_ text: String) -> ProcessStage? {
        let t = text.replacingOccurrences(of: " ", with: "")
        switch t {
        case "党组织提议", "党支部提议", "村党组织提议", "村党支部提议", "提议", "proposal": return .proposal
        case "两委会议商议", "两委会商议", "村两委会议商议", "两委商议", "商议", "consultation": return .consultation
        case "党员大会审议", "党员会议审议", "审议", "review": return .review
        case "村民代表会议决议", "村民会议决议", "居民代表会议决议", "居民会议决议", "决议", "resolution": return .resolution
        case "决议公开", "resolution-published": return .resolutionPublished
        case "实施结果公开", "结果公开", "result-published": return .resultPublished
        default: return nil
        }
    }

    public static func < (a: ProcessStage, b: ProcessStage) -> Bool { a.rawValue < b.rawValue }

    /// The four 议 that must precede a decision's publication.
    public static let deliberation: [ProcessStage] = [.proposal, .consultation, .review, .resolution]
}

/// One line of a notice's 四议两公开 record.
public struct ProcessStep: Sendable, Hashable, Codable {
    public var stage: ProcessStage
    public var date: CalendarDate
    /// What was decided, e.g. 应到 32 人，实到 29 人，同意 27 票.
    public var outcome: String?

    public init(stage: ProcessStage, date: CalendarDate, outcome: String? = nil) {
        self.stage = stage
        self.date = date
        self.outcome = outcome
    }
}

/// A span of whole months (所属期): which month, quarter, half-year or year a
/// disclosure reports on.
public struct MonthSpan: Sendable, Hashable, Comparable, Codable {
    /// Months since year 0: year * 12 + (month - 1).
    public var first: Int
    public var count: Int

    public init(first: Int, count: Int) {
        self.first = first
        self.count = count
    }

    public init(year: Int, month: Int, count: Int = 1) {
        self.init(first: year * 12 + month - 1, count: count)
    }

    public var last: Int { first + count - 1 }
    public var year: Int { first / 12 }
    public var month: Int { first % 12 + 1 }

    public var start: CalendarDate { CalendarDate(year: year, month: month, day: 1)! }
    public var end: CalendarDate {
        let y = last / 12, m = last % 12 + 1
        return CalendarDate(year: y, month: m, day: CalendarDate.daysIn(month: m, year: y))!
    }

    public func contains(_ other: MonthSpan) -> Bool { other.first >= first && other.last <= last }

    /// 2026年5月, 2026年第二季度, 2026年上半年, 2026年.
    public var label: String {
        switch count {
        case 1: return "\(year)年\(month)月"
        case 3 where (month - 1) % 3 == 0: return "\(year)年第\(["一", "二", "三", "四"][(month - 1) / 3])季度"
        case 6 where month == 1: return "\(year)年上半年"
        case 6 where month == 7: return "\(year)年下半年"
        case 12 where month == 1: return "\(year)年"
        default:
            let e = MonthSpan(first: last, count: 1)
            return "\(year)年\(month)月至\(e.year)年\(e.month)月"
        }
    }

    /// A short label within one year's row: 5月, 二季度, 上半年, 2025年.
    public var shortLabel: String {
        switch count {
        case 1: return "\(month)月"
        case 3: return "\(["一", "二", "三", "四"][(month - 1) / 3])季度"
        case 6: return month == 1 ? "上半年" : "下半年"
        default: return "\(year)年"
        }
    }

    /// The period of `cadence` that holds `day`.
    public static func period(_ cadence: Cadence, holding day: CalendarDate) -> MonthSpan? {
        guard let n = cadence.months else { return nil }
        let index = day.year * 12 + day.month - 1
        return MonthSpan(first: index - (index % 12) % n, count: n)
    }

    /// `2026-05`, `2026年5月`, `2026-Q2`, `2026年第二季度`, `2026年第2季度`,
    /// `2026-H1`, `2026年上半年`, `2026`, `2026年`.
    public static func parse(_ raw: String) -> MonthSpan? {
        let s = raw.replacingOccurrences(of: " ", with: "").uppercased()
        let digits = s.prefix { $0.isASCII && $0.isNumber }
        guard digits.count == 4, let year = Int(digits) else { return nil }
        var rest = s.dropFirst(4)
        if rest.first == "年" || rest.first == "-" || rest.first == "/" || rest.first == "." { rest = rest.dropFirst() }
        let r = String(rest)
        if r.isEmpty { return MonthSpan(year: year, month: 1, count: 12) }
        if r == "上半年" || r == "H1" { return MonthSpan(year: year, month: 1, count: 6) }
        if r == "下半年" || r == "H2" { return MonthSpan(year: year, month: 7, count: 6) }
        let quarterWords = ["一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4]
        if r.hasPrefix("Q"), let q = quarterWords[String(r.dropFirst())] {
            return MonthSpan(year: year, month: (q - 1) * 3 + 1, count: 3)
        }
        if r.hasPrefix("第"), r.hasSuffix("季度"), let q = quarterWords[String(r.dropFirst().dropLast(2))] {
            return MonthSpan(year: year, month: (q - 1) * 3 + 1, count: 3)
        }
        let m = r.hasSuffix("月") ? String(r.dropLast()) : r
        if let month = Int(m), (1...12).contains(month) { return MonthSpan(year: year, month: month) }
        return nil
    }

    public static func < (a: MonthSpan, b: MonthSpan) -> Bool {
        a.first != b.first ? a.first < b.first : a.count < b.count
    }
}
