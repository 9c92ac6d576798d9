/// A notice's publication moment: a calendar day in the site timezone and an
/// optional time of day.
public struct NoticeDate: Sendable, Hashable, Comparable, Codable {
    public var day: CalendarDate
    /// Seconds since the start of the day; nil when only the day was given.
    public var secondOfDay: Int?

    public init(day: CalendarDate, secondOfDay: Int? = nil) {
        self.day = day
        self.secondOfDay = secondOfDay
    }

    public static func < (a: NoticeDate, b: NoticeDate) -> Bool {
        if a.day != b.day { return a.day < b.day }
        return (a.secondOfDay ?? 0) < (b.secondOfDay ?? 0)
    }

    /// `2024-10-08T09:30:00+08:00` for feeds: the time (or midnight) with the
    /// site timezone's UTC offset on that day, in seconds east of UTC.
    public func rfc3339(utcOffsetSeconds offset: Int) -> String {
        let s = secondOfDay ?? 0
        let sign = offset < 0 ? "-" : "+"
        let o = abs(offset) / 60
        return "\(day.iso)T\(pad(s / 3600, 2)):\(pad(s / 60 % 60, 2)):\(pad(s % 60, 2))\(sign)\(pad(o / 60, 2)):\(pad(o % 60, 2))"
    }
}
