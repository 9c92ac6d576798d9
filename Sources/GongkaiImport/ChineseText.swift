import Foundation
import GongkaiCore

/// The text forms a clerk's document uses: spacing, dates written with
/// Arabic or Chinese numerals, 文号, small Chinese numbers.
enum ChineseText {
    static func isHan(_ c: Character) -> Bool {
        guard let s = c.unicodeScalars.first else { return false }
        switch s.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: return true
        default: return false
        }
    }

    /// 0–9, ASCII or full-width. (`Character.isNumber` is also true for 一, 二, 两 …)
    static func isDigit(_ c: Character) -> Bool {
        guard let s = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return false }
        return (0x30...0x39).contains(s.value) || (0xFF10...0xFF19).contains(s.value)
    }

    static func isSpace(_ c: Character) -> Bool {
        c == " " || c == "\u{3000}" || c == "\u{00A0}" || c == "\t" || c == "\u{2002}" || c == "\u{2003}"
            || c == "\u{2009}" || c == "\u{200B}" || c == "\u{FEFF}"
    }

    /// One line of text as residents should read it: no indentation or
    /// trailing space (full-width included), runs of spaces as one, and a
    /// word spaced out letter by letter for centring (`马 庄 村`, `姓　　名`)
    /// written together again. Digits and everything else stay as written.
    static func clean(_ line: String) -> String {
        let (tokens, gaps) = split(Array(line), isSpace: isSpace, isWide: { $0 == "\u{3000}" })
        var out = ""
        for (i, token) in tokens.enumerated() {
            if i > 0, !spacedOut(tokens[i - 1], token) { out.append(gaps[i - 1]) }
            out += String(token)
        }
        return out
    }

    /// Runs of non-spacing (tokens) and what stood between them: an
    /// ideographic space when the run had one (第一条　为……), else a space.
    static func split<T>(_ items: [T], isSpace: (T) -> Bool, isWide: (T) -> Bool) -> (tokens: [[T]], gaps: [Character]) {
        var tokens: [[T]] = []
        var gaps: [Character] = []
        var current: [T] = []
        var gap: Character?
        for item in items {
            if isSpace(item) {
                if !current.isEmpty { tokens.append(current); current = [] }
                if !tokens.isEmpty { gap = (gap == "\u{3000}" || isWide(item)) ? "\u{3000}" : " " }
            } else {
                if current.isEmpty, !tokens.isEmpty { gaps.append(gap ?? " ") }
                gap = nil
                current.append(item)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return (tokens, gaps)
    }

    /// `马 庄 村`: single Han characters spaced out for centring.
    static func spacedOut<T>(_ a: [T], _ b: [T]) -> Bool {
        guard a.count == 1, b.count == 1 else { return false }
        func han(_ x: T) -> Bool {
            if let c = x as? Character { return isHan(c) }
            if let (c, _) = x as? (Character, StyledText.Style) { return isHan(c) }
            return false
        }
        return han(a[0]) && han(b[0])
    }

    /// Full-width digits and letters as ASCII (for matching, never for output).
    static func halfWidth(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { u -> Unicode.Scalar in
            if u.value >= 0xFF01 && u.value <= 0xFF5E, let h = Unicode.Scalar(u.value - 0xFEE0) { return h }
            if u.value == 0x3000 { return " " }
            return u
        }))
    }

    static let hanDigits: [Character: Int] = [
        "〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0, "o": 0, "0": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
        "六": 6, "七": 7, "八": 8, "九": 9, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7, "8": 8, "9": 9,
    ]

    /// `十一` → 11, `二十六` → 26, `三十` → 30, `七` → 7, `12` → 12; nil otherwise (up to 99).
    static func smallNumber(_ s: Substring) -> Int? {
        if let v = Int(s) { return v }
        let chars = Array(s)
        guard !chars.isEmpty, chars.count <= 3 else { return nil }
        if let i = chars.firstIndex(of: "十") {
            let tens = i == 0 ? 1 : (chars.count > 0 ? hanDigits[chars[0]] : nil)
            let ones = i + 1 < chars.count ? hanDigits[chars[i + 1]] : 0
            guard i <= 1, let t = tens, let o = ones, i + 2 >= chars.count else { return nil }
            return t * 10 + o
        }
        guard chars.count == 1 else { return nil }
        return hanDigits[chars[0]]
    }

    /// A Chinese-numeral year: `二〇二六` → 2026.
    static func hanYear(_ s: Substring) -> Int? {
        guard s.count == 4 else { return nil }
        var v = 0
        for c in s {
            guard let d = hanDigits[c] else { return nil }
            v = v * 10 + d
        }
        return v
    }

    static let dateExpression = try! NSRegularExpression(
        pattern: #"((?:19|20)\d{2}|[〇○零Ｏ一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[日号]"#)
    static let numericDateExpression = try! NSRegularExpression(pattern: #"((?:19|20)\d{2})[.\-/](\d{1,2})[.\-/](\d{1,2})"#)

    /// Dates in the text (2026年11月6日, 二〇二六年十一月六日, 2026.11.6,
    /// 2026-11-06), with their character ranges; days that do not exist are
    /// left out.
    static func dates(in text: String) -> [(date: CalendarDate, range: Range<String.Index>)] {
        let t = halfWidth(text)
        // halfWidth maps one scalar to one scalar, so offsets carry over.
        let ns = t as NSString
        var found: [(CalendarDate, Range<String.Index>)] = []
        for expression in [dateExpression, numericDateExpression] {
            for m in expression.matches(in: t, range: NSRange(location: 0, length: ns.length)) {
                let year = ns.substring(with: m.range(at: 1))
                let month = ns.substring(with: m.range(at: 2))
                let day = ns.substring(with: m.range(at: 3))
                guard let y = Int(year) ?? hanYear(Substring(year)), let mo = smallNumber(Substring(month)),
                      let d = smallNumber(Substring(day)), let date = CalendarDate(year: y, month: mo, day: d),
                      let r = Range(m.range, in: text) else { continue }
                if !found.contains(where: { $0.1.overlaps(r) }) { found.append((date, r)) }
            }
        }
        return found.sorted { $0.1.lowerBound < $1.1.lowerBound }
    }

    /// The text when it is only a date (with `日期：`, `（盖章）`, brackets around it).
    static func onlyDate(_ text: String) -> CalendarDate? {
        let trimmed = clean(text)
        guard let first = dates(in: trimmed).first else { return nil }
        var rest = trimmed
        rest.removeSubrange(first.range)
        let noise: Set<Character> = ["（", "）", "(", ")", "：", ":", " ", "。", "\u{3000}"]
        rest = rest.replacingOccurrences(of: "盖章", with: "").replacingOccurrences(of: "发布日期", with: "")
            .replacingOccurrences(of: "公示日期", with: "").replacingOccurrences(of: "公告日期", with: "")
            .replacingOccurrences(of: "日期", with: "").replacingOccurrences(of: "时间", with: "")
        return rest.allSatisfy { noise.contains($0) } ? first.date : nil
    }

    /// 文号: an issuer's short name, the year in brackets, the number with 号
    /// (`马庄村〔2026〕12号`, `马庄村委[2026]第3号`, `青政发〔2026〕5号`).
    static let numberExpression = try! NSRegularExpression(
        pattern: #"[\p{Han}A-Za-z0-9]{1,20}\s*[〔\[［【(（]\s*((?:19|20)\d{2})\s*[〕\]］】)）]\s*(第?\s*\d{1,5}\s*号)"#)

    /// The 文号 when the line is nothing else, with its brackets written as
    /// the standard has them (六角括号〔〕).
    static func onlyNumber(_ text: String) -> String? {
        let t = clean(halfWidth(text))
        let ns = t as NSString
        guard let m = numberExpression.firstMatch(in: t, range: NSRange(location: 0, length: ns.length)),
              m.range.location == 0, m.range.length == ns.length else { return nil }
        let whole = ns.substring(with: m.range)
        let year = ns.substring(with: m.range(at: 1))
        let tail = ns.substring(with: m.range(at: 2)).filter { !$0.isWhitespace }
        guard let open = whole.firstIndex(where: { "〔[［【(（".contains($0) }) else { return nil }
        let issuer = whole[..<open].filter { !$0.isWhitespace }
        return "\(issuer)〔\(year)〕\(tail)"
    }

    /// Punctuation that ends a sentence or clause.
    static let sentenceEnd: Set<Character> = ["。", "！", "？", "；", "!", "?", ";", "，", ","]
}
