import Foundation
import GongkaiCore

/// The category from words in the title (else the first lines of the body):
/// the category's own name, the words of its name, and words that mark each
/// kind of matter (财务 → finance, 低保 → welfare, 宅基地 → land …).
enum CategoryGuess {
    struct Choice {
        var category: Category
        var source: ImportedNotice.Source
        var word: String?
    }

    static let words: [CategoryType: [String]] = [
        .finance: ["财务", "收支", "收入", "支出", "账目", "账务", "资金", "经费", "开支", "结余", "债权", "债务", "票据", "报销"],
        .major: ["四议两公开", "决议", "决定", "议事", "村民代表会议", "党员大会", "重大事项", "一事一议", "表决"],
        .welfare: ["低保", "最低生活保障", "特困", "五保", "临时救助", "医疗救助", "救助", "残疾人", "困难群众", "困难老人", "困难家庭", "慰问金", "供养"],
        .subsidy: ["惠农", "补贴", "地力保护", "种粮", "粮食直补", "农机购置", "良种"],
        .project: ["招标", "中标", "投标", "工程", "项目", "竣工", "验收", "施工", "比选", "询价", "采购", "结算", "硬化"],
        .land: ["宅基地", "建房", "翻建", "农房"],
        .expropriation: ["征地", "征收", "拆迁", "补偿安置"],
        .asset: ["发包", "出租", "租赁", "承包", "鱼塘", "机动地", "集体资产", "资源", "拍卖", "竞价", "三资"],
        .party: ["党费", "党员发展", "发展党员", "党支部", "党组织", "主题党日", "入党", "党务"],
        .general: ["村务", "居务", "物业", "停车", "垃圾分类", "议事会"],
        .notice: ["通知", "停水", "停电", "防汛", "防火", "医保", "缴费", "疫苗", "接种"],
    ]

    static func choose(site: Site, community: Community, forced: Category?, title: String, body: String) -> Choice {
        if let forced { return Choice(category: forced, source: .option, word: nil) }
        let candidates = site.categories.filter { site.applies($0, to: community) }
        let pool = candidates.isEmpty ? site.categories : candidates
        for (text, source) in [(title, ImportedNotice.Source.title), (body, .body)] {
            var best: (score: Int, category: Category, word: String)?
            for category in pool {
                guard let (score, word) = score(category, in: text) else { continue }
                if best == nil || score > best!.score { best = (score, category, word) }
            }
            if let best { return Choice(category: best.category, source: source, word: best.word) }
        }
        let fallback = pool.first { type(of: $0) == .notice } ?? pool.first { type(of: $0) == .general } ?? pool[0]
        return Choice(category: fallback, source: .fallback, word: nil)
    }

    static func type(of category: Category) -> CategoryType? {
        category.type ?? CategoryType.guess(slug: category.slug, name: category.name)
    }

    /// How strongly `text` points at `category`, and the word that did.
    static func score(_ category: Category, in text: String) -> (Int, String)? {
        var best: (Int, String)?
        func consider(_ score: Int, _ word: String) {
            if best == nil || score > best!.0 { best = (score, word) }
        }
        if text.contains(category.name) { consider(100 + category.name.count, category.name) }
        var stem = category.name
        for suffix in ["公开", "公示", "审批", "管理"] where stem.hasSuffix(suffix) && stem.count > suffix.count + 1 {
            stem.removeLast(suffix.count)
        }
        for word in stem.split(whereSeparator: { "与和及、".contains($0) }).map(String.init) where word.count >= 2 {
            if text.contains(word) { consider(40 + word.count, word) }
        }
        if let t = type(of: category) {
            var total = 0
            var strongest = ""
            for word in words[t] ?? [] where text.contains(word) {
                total += word.count * 3
                if word.count > strongest.count { strongest = word }
            }
            if total > 0 { consider(total, strongest) }
        }
        return best
    }
}

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

/// The 四议两公开 stages a decision notice describes (`2026年2月10日，村党支部提议……`),
/// to pre-fill the record the clerk confirms.
enum ProcessGuess {
    static let stageWords: [(ProcessStage, [String])] = [
        (.proposal, ["党支部提议", "党组织提议", "支部提议", "提议"]),
        (.consultation, ["两委会议商议", "两委会商议", "两委联席会议", "两委会议", "商议"]),
        (.review, ["党员大会审议", "党员会议审议", "党员大会", "审议"]),
        (.resolution, ["村民代表会议决议", "村民代表会议", "村民会议", "居民代表会议", "决议"]),
    ]

    static func steps(in text: String, noticeDate: CalendarDate) -> [ProcessStage: ProcessStep] {
        var result: [ProcessStage: ProcessStep] = [:]
        let sentences = text.split(whereSeparator: { "。；;\n".contains($0) }).map(String.init)
        for (stage, words) in stageWords {
            for sentence in sentences where words.contains(where: { sentence.contains($0) }) {
                guard let date = ChineseText.dates(in: sentence).first?.date ?? monthDay(sentence, year: noticeDate.year),
                      date <= noticeDate else { continue }
                var outcome: String?
                if let r = sentence.range(of: "应到") ?? sentence.range(of: "同意") {
                    outcome = ChineseText.clean(String(sentence[r.lowerBound...]))
                    if outcome!.count > 60 { outcome = String(outcome!.prefix(60)) }
                }
                result[stage] = ProcessStep(stage: stage, date: date, outcome: outcome)
                break
            }
        }
        return result
    }

    static func monthDay(_ s: String, year: Int) -> CalendarDate? {
        let t = ChineseText.halfWidth(s)
        let ns = t as NSString
        guard let m = PeriodGuess.monthDay.firstMatch(in: t, range: NSRange(location: 0, length: ns.length)),
              let mo = Int(ns.substring(with: m.range(at: 2))), let d = Int(ns.substring(with: m.range(at: 3))) else { return nil }
        return CalendarDate(year: year, month: mo, day: d)
    }
}
