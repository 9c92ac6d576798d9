import Foundation

/// Whether each community published what its catalogue says is due, period by
/// period (the town's compliance overview and `gongkai check --as-of`).
///
/// A notice counts for a period of its category's cadence when it says so
/// (`covers`, 所属期), or else for the earliest still-uncovered period whose
/// window it falls in: from the period's first day to its deadline (the
/// period's last day plus `dueDays`). So a monthly report published on 6月5日
/// counts for May when May has none yet, otherwise for June. A correction
/// (`supersedes`) counts for the period of the notice it corrects.
public struct ComplianceReport: Sendable {
    public enum Status: Sendable, Hashable {
        /// Published by the deadline.
        case onTime
        /// Published, but this many days after the deadline.
        case late(days: Int)
        /// Nothing published and the deadline has passed.
        case missing
        /// Nothing published yet; the deadline is today or later.
        case pending
    }

    public struct Cell: Sendable, Hashable {
        public var period: MonthSpan
        public var deadline: CalendarDate
        public var status: Status
        /// The notices counted for the period, oldest first.
        public var notices: [NoticeID]
    }

    public struct Row: Sendable, Hashable {
        public var community: String
        public var category: String
        public var cadence: Cadence
        /// Oldest first.
        public var cells: [Cell]

        public func count(_ wanted: (Status) -> Bool) -> Int { cells.count { wanted($0.status) } }
        public var onTime: Int { count { $0 == .onTime } }
        public var late: Int { count { if case .late = $0 { return true } else { return false } } }
        public var missing: Int { count { $0 == .missing } }
        public var pending: Int { count { $0 == .pending } }
    }

    public var today: CalendarDate
    /// First day of the first month looked at.
    public var from: CalendarDate
    /// Communities in display order, each with its categories in catalogue order.
    public var rows: [Row]

    public func rows(for community: String) -> [Row] { rows.filter { $0.community == community } }

    /// - Parameter months: how far back to look (whole months before today's month).
    public static func evaluate(_ content: SiteContent, today: CalendarDate, months: Int = 12) -> ComplianceReport {
        let todayMonth = today.year * 12 + today.month - 1
        var firstMonth = todayMonth - months
        // A site that started recently is not behind for the months before it existed.
        if let oldest = content.notices.last?.date.day {
            firstMonth = max(firstMonth, oldest.year * 12 + oldest.month - 1)
        }
        let from = MonthSpan(first: firstMonth, count: 1).start
        var byKey: [String: [Notice]] = [:]
        for notice in content.notices {
            byKey[notice.id.community + "\u{0}" + notice.categorySlug, default: []].append(notice)
        }
        var rows: [Row] = []
        for community in content.communities {
            for category in content.site.categories where content.site.applies(category, to: community) {
                let rules = content.site.rules(for: category, in: community)
                guard let cadence = rules.cadence, let n = cadence.months else { continue }
                let due = rules.dueDays ?? 0
                // Periods aligned to the calendar that ended before today and
                // end on or after the window's first day.
                var periods: [MonthSpan] = []
                var p = MonthSpan.period(cadence, holding: from)!
                while p.end < today {
                    if p.end >= from { periods.append(p) }
                    p = MonthSpan(first: p.first + n, count: n)
                }
                guard !periods.isEmpty else { continue }
                let notices = (byKey[community.slug + "\u{0}" + category.slug] ?? []).sorted { $0.date < $1.date }
                var assigned: [[Notice]] = Array(repeating: [], count: periods.count)
                var free: [Notice] = []
                for notice in notices {
                    if let covers = notice.covers {
                        if let i = periods.firstIndex(where: { $0.contains(covers) }) { assigned[i].append(notice) }
                    } else {
                        free.append(notice)
                    }
                }
                var periodOf: [NoticeID: Int] = [:]
                for (i, list) in assigned.enumerated() { for n in list { periodOf[n.id] = i } }
                for notice in free {
                    // A correction belongs to the period of the notice it corrects.
                    if let old = notice.supersedes, let i = periodOf[old] {
                        assigned[i].append(notice)
                        periodOf[notice.id] = i
                        continue
                    }
                    let d = notice.date.day
                    let windows = periods.indices.filter { periods[$0].start <= d && d <= periods[$0].end.adding(days: due) }
                    if let i = windows.first(where: { assigned[$0].isEmpty }) ?? windows.last {
                        assigned[i].append(notice)
                        periodOf[notice.id] = i
                    }
                }
                let cells = periods.indices.map { i -> Cell in
                    let deadline = periods[i].end.adding(days: due)
                    let status: Status
                    if let first = assigned[i].map(\.date.day).min() {
                        status = first <= deadline ? .onTime : .late(days: deadline.days(until: first))
                    } else {
                        status = deadline < today ? .missing : .pending
                    }
                    return Cell(period: periods[i], deadline: deadline, status: status,
                                notices: assigned[i].sorted { $0.date < $1.date }.map(\.id))
                }
                rows.append(Row(community: community.slug, category: category.slug, cadence: cadence, cells: cells))
            }
        }
        return ComplianceReport(today: today, from: from, rows: rows)
    }
}

extension CalendarDate {
    /// Today in `timezone` (an IANA name) at `now`: the CLI's clock, injected.
    public static func today(in timezone: String, now: Date) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timezone) ?? TimeZone(identifier: "Asia/Shanghai")!
        let c = calendar.dateComponents([.year, .month, .day], from: now)
        return CalendarDate(year: c.year!, month: c.month!, day: c.day!)!
    }
}

/// Where "today" comes from (docs/style.md habit 6): the system clock in the
/// executable, a fixed moment in tests.
public protocol SiteClock: Sendable {
    func now() -> Date
}

public struct SystemClock: SiteClock {
    public init() {}
    public func now() -> Date { Date() }
}

public struct FixedClock: SiteClock {
    public var date: Date
    public init(_ date: Date) { self.date = date }
    /// Noon UTC of `day`: the same calendar day in every timezone from UTC−11 to UTC+11.
    public init(_ day: CalendarDate) { self.date = Date(timeIntervalSince1970: Double(day.dayNumber) * 86400 + 43200) }
    public func now() -> Date { date }
}
