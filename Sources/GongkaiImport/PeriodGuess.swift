import Foundation
import GongkaiCore

/// 公示期 and 所属期 as the document states them.
enum PeriodGuess {
    static let daysExpression = try! NSRegularExpression(
        pattern: #"公示(?:期|时间)?(?:为|是|：|:)?\s*(?:期限)?\s*(\d{1,2}|[一二三四五六七八九十两]{1,3})\s*(个工作日|个自然日|天|日)"#)
    static let monthDay = try! NSRegularExpression(pattern: #"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]"#)

    /// `公示期：2026年11月6日至11月12日` or `公示7天`: the period, from the notice date when only days are given.
    static func stated(in text: String, noticeDate: CalendarDate) -> (CalendarDate, CalendarDate)? {
        for rawLine in text.split(separator: "\n") {
            let line = ChineseText.halfWidth(String(rawLine))
            guard line.contains("公示") else { continue }
            // A range of two dates in the sentence that says 公示.
            for sentence in line.split(whereSeparator: { "。；;".contains($0) }) where sentence.contains("公示") {
                let s = String(sentence)
                let ns = s as NSString
                let matches = monthDay.matches(in: s, range: NSRange(location: 0, length: ns.length))
                if matches.count >= 2 {
                    let between = ns.substring(with: NSRange(location: matches[0].range.upperBound,
                                                             length: matches[1].range.location - matches[0].range.upperBound))
                    if between.count <= 3, between.contains(where: { "至到—-～~–".contains($0) }) {
                        func date(_ m: NSTextCheckingResult, year: Int) -> CalendarDate? {
                            let y = m.range(at: 1).location == NSNotFound ? year : Int(ns.substring(with: m.range(at: 1))) ?? year
                            guard let mo = Int(ns.substring(with: m.range(at: 2))), let d = Int(ns.substring(with: m.range(at: 3))) else { return nil }
                            return CalendarDate(year: y, month: mo, day: d)
                        }
                        if let from = date(matches[0], year: noticeDate.year), var to = date(matches[1], year: from.year) {
                            if to < from, let next = CalendarDate(year: to.year + 1, month: to.month, day: to.day) { to = next }
                            if from.days(until: to) >= 1, from.days(until: to) <= 366, abs(noticeDate.days(until: from)) <= 60 {
                                return (from, to)
                            }
                        }
                    }
                }
                let sentenceNS = s as NSString
                if let m = daysExpression.firstMatch(in: s, range: NSRange(location: 0, length: sentenceNS.length)),
                   let n = ChineseText.smallNumber(Substring(sentenceNS.substring(with: m.range(at: 1)))), (1...90).contains(n) {
                    let unit = sentenceNS.substring(with: m.range(at: 2))
                    let to = unit == "个工作日" ? workingDays(n, after: noticeDate) : noticeDate.adding(days: n)
                    return (noticeDate, to)
                }
            }
        }
        return nil
    }

    /// `n` working days after `day` (Saturdays and Sundays skipped; holidays are not known here).
    static func workingDays(_ n: Int, after day: CalendarDate) -> CalendarDate {
        var d = day
        var left = n
        while left > 0 {
            d = d.adding(days: 1)
            // dayNumber 0 is 1970-01-01, a Thursday.
            let weekday = ((d.dayNumber % 7) + 7 + 4) % 7   // 0 Sunday … 6 Saturday
            if weekday != 0 && weekday != 6 { left -= 1 }
        }
        return d
    }

    static let monthInTitle = try! NSRegularExpression(pattern: #"((?:19|20)\d{2})\s*年\s*(?:度)?\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月"#)
    static let quarterInTitle = try! NSRegularExpression(pattern: #"((?:19|20)\d{2})\s*年\s*(?:度)?\s*第?\s*([一二三四1-4])\s*季度"#)
    static let halfInTitle = try! NSRegularExpression(pattern: #"((?:19|20)\d{2})\s*年\s*(?:度)?\s*([上下])\s*半年"#)
    static let monthOnly = try! NSRegularExpression(pattern: #"(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月份?"#)

    /// 所属期 for a category published every month, quarter, half-year or
    /// year: the period the title names (a quarter, a half-year, a month, a
    /// 年度), else the period before the notice's, as `gongkai new` does.
    static func covers(title: String, rules: DisclosureRules, date: CalendarDate) -> String? {
        guard let cadence = rules.cadence, let months = cadence.months else { return nil }
        let t = ChineseText.halfWidth(title)
        let ns = t as NSString
        let range = NSRange(location: 0, length: ns.length)
        if let m = quarterInTitle.firstMatch(in: t, range: range),
           let q = ChineseText.smallNumber(Substring(ns.substring(with: m.range(at: 2)))), (1...4).contains(q) {
            return "\(ns.substring(with: m.range(at: 1)))-Q\(q)"
        }
        if let m = halfInTitle.firstMatch(in: t, range: range) {
            return "\(ns.substring(with: m.range(at: 1)))-H\(ns.substring(with: m.range(at: 2)) == "上" ? 1 : 2)"
        }
        if let m = monthInTitle.firstMatch(in: t, range: range),
           let mo = ChineseText.smallNumber(Substring(ns.substring(with: m.range(at: 2)))), (1...12).contains(mo) {
            return "\(ns.substring(with: m.range(at: 1)))-\(mo < 10 ? "0" : "")\(mo)"
        }
        if let m = monthOnly.firstMatch(in: t, range: range),
           let mo = ChineseText.smallNumber(Substring(ns.substring(with: m.range(at: 1)))), (1...12).contains(mo) {
            // A month without a year: this year's, or last year's when it lies after the notice.
            let year = mo > date.month ? date.year - 1 : date.year
            return "\(year)-\(mo < 10 ? "0" : "")\(mo)"
        }
        if let m = yearInTitle.firstMatch(in: t, range: range) {
            return ns.substring(with: m.range(at: 1))
        }
        guard let current = MonthSpan.period(cadence, holding: date) else { return nil }
        let previous = MonthSpan(first: current.first - months, count: months)
        return months == 1 ? "\(previous.year)-\(previous.month < 10 ? "0" : "")\(previous.month)" : previous.label
    }

    static let yearInTitle = try! NSRegularExpression(pattern: #"((?:19|20)\d{2})\s*年度"#)
}
