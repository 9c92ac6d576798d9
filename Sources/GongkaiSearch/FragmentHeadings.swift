import GongkaiCore

/// A notice's headings as its fragment carries them (`h`, docs/search-index.md):
/// a JSON array where a string is one heading, `text` when its anchor is the
/// text itself or `text#anchor`, and `[n, m]` stands for the articles
/// 第n条 … 第m条 in a row (each its own anchor), which is most of a law's
/// headings in a few bytes. The client finds the heading a query names and
/// links the hit to it.
enum FragmentHeadings {
    static func encode(_ headings: [SearchDocument.Heading], limit: Int) -> [UInt8] {
        guard !headings.isEmpty else { return [] }
        var out: [UInt8] = [0x5B]
        var run: (first: Int, last: Int)?
        var items = 0
        func separate() {
            if items > 0 { out.append(0x2C) }
            items += 1
        }
        func flush() {
            guard let r = run else { return }
            separate()
            out += Array("[\(r.first),\(r.last)]".utf8)
            run = nil
        }
        for heading in headings {
            if out.count > limit { break }
            if heading.anchor == heading.text, let n = articleNumber(heading.text) {
                if let r = run, r.last + 1 == n {
                    run = (r.first, n)
                    continue
                }
                flush()
                run = (n, n)
                continue
            }
            flush()
            separate()
            let text = heading.anchor == heading.text ? heading.text : heading.text + "#" + heading.anchor
            JSONText.append(text, to: &out)
        }
        flush()
        out.append(0x5D)
        return out
    }

    static let digits: [Character] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    /// 十二, 二十, 一百零一, 一百一十: article numbers as laws write them (1…999).
    static func chineseNumber(_ n: Int) -> String {
        guard n > 0 && n < 1000 else { return String(n) }
        if n < 10 { return String(digits[n]) }
        if n < 20 { return "十" + (n % 10 > 0 ? String(digits[n % 10]) : "") }
        if n < 100 { return String(digits[n / 10]) + "十" + (n % 10 > 0 ? String(digits[n % 10]) : "") }
        let rest = n % 100
        let head = String(digits[n / 100]) + "百"
        if rest == 0 { return head }
        if rest < 10 { return head + "零" + String(digits[rest]) }
        return head + String(digits[rest / 10]) + "十" + (rest % 10 > 0 ? String(digits[rest % 10]) : "")
    }

    /// n for `第n条` written as `chineseNumber(n)` would write it, else nil.
    static func articleNumber(_ text: String) -> Int? {
        guard text.hasPrefix("第"), text.hasSuffix("条"), text.count >= 3 else { return nil }
        let middle = text.dropFirst().dropLast()
        var value = 0, digit = 0
        for ch in middle {
            if let d = digits.firstIndex(of: ch) {
                digit = d
            } else if ch == "十" {
                value += (digit == 0 ? 1 : digit) * 10
                digit = 0
            } else if ch == "百" {
                value += digit * 100
                digit = 0
            } else {
                return nil
            }
        }
        value += digit
        return value > 0 && chineseNumber(value) == String(middle) ? value : nil
    }
}
