import Foundation
import GongkaiCore

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
