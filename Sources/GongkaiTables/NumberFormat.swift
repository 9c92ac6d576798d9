import GongkaiCore

/// An Excel number format, reduced to what changes the displayed text of a
/// finance table: decimals, thousands separators, percent, a currency sign or
/// unit around the number, dates (always shown as people read them,
/// `2026年10月8日`) and times.
struct NumberFormat: Sendable, Hashable {
    enum Kind: Sendable, Hashable { case general, number, date, dateTime, time, text }
    var kind: Kind
    var decimals = 0
    var grouping = false
    var percent = false
    var prefix = ""
    var suffix = ""
    /// Accounting formats show zero as "-".
    var zeroAsDash = false

    static let general = NumberFormat(kind: .general)

    /// The built-in formats (ECMA-376 §18.8.30), as a Chinese Excel shows them.
    static func builtIn(_ id: Int) -> NumberFormat {
        switch id {
        case 1: return NumberFormat(kind: .number)
        case 2: return NumberFormat(kind: .number, decimals: 2)
        case 3, 37, 38: return NumberFormat(kind: .number, grouping: true)
        case 4, 39, 40: return NumberFormat(kind: .number, decimals: 2, grouping: true)
        case 5, 6: return NumberFormat(kind: .number, grouping: true, prefix: "¥")
        case 7, 8: return NumberFormat(kind: .number, decimals: 2, grouping: true, prefix: "¥")
        case 9: return NumberFormat(kind: .number, percent: true)
        case 10: return NumberFormat(kind: .number, decimals: 2, percent: true)
        case 41: return NumberFormat(kind: .number, grouping: true, zeroAsDash: true)
        case 42: return NumberFormat(kind: .number, grouping: true, prefix: "¥", zeroAsDash: true)
        case 43: return NumberFormat(kind: .number, decimals: 2, grouping: true, zeroAsDash: true)
        case 44: return NumberFormat(kind: .number, decimals: 2, grouping: true, prefix: "¥", zeroAsDash: true)
        case 14...17, 27...31, 34...36, 50...58: return NumberFormat(kind: .date)
        case 22: return NumberFormat(kind: .dateTime)
        case 18...21, 32, 33, 45...47: return NumberFormat(kind: .time)
        case 49: return NumberFormat(kind: .text)
        default: return .general
        }
    }

    /// A custom format code such as `#,##0.00_ ;[Red]-#,##0.00 `,
    /// `[$¥-804]#,##0.00`, `0.00"元"` or `yyyy"年"m"月"d"日"`.
    static func parse(_ code: String) -> NumberFormat {
        let sections = split(code)
        guard let first = sections.first else { return .general }
        var literalBefore = "", literalAfter = ""
        var sawPlaceholder = false
        var decimals = 0, afterDot = false, grouping = false, percent = false
        var dateLetters = Set<Character>()
        var chars = Array(first)
        var i = 0
        func literal(_ s: String) {
            if sawPlaceholder { literalAfter += s } else { literalBefore += s }
        }
        if first.lowercased() == "general" || first.isEmpty { return .general }
        if first == "@" { return NumberFormat(kind: .text) }
        // Scientific notation is not used for amounts: shown as General.
        if first.contains("E+") || first.contains("E-") || first.contains("e+") { return .general }
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "\"":
                var j = i + 1
                var s = ""
                while j < chars.count, chars[j] != "\"" { s.append(chars[j]); j += 1 }
                literal(s)
                i = j + 1
                continue
            case "[":
                var j = i + 1
                var s = ""
                while j < chars.count, chars[j] != "]" { s.append(chars[j]); j += 1 }
                if s.hasPrefix("$") {
                    let symbol = s.dropFirst().prefix { $0 != "-" }
                    literal(String(symbol))
                }
                i = j + 1
                continue
            case "_", "*":
                i += 2
                continue
            case "E" where i + 1 < chars.count && "+-".contains(chars[i + 1]):
                i += 2
                continue
            case "\\":
                if i + 1 < chars.count { literal(String(chars[i + 1])) }
                i += 2
                continue
            case "0", "#", "?":
                sawPlaceholder = true
                if afterDot { decimals += 1 }
            case ".":
                if sawPlaceholder || (i + 1 < chars.count && "0#?".contains(chars[i + 1])) { afterDot = true; sawPlaceholder = true }
            case ",":
                if sawPlaceholder && !afterDot { grouping = true }
            case "%":
                percent = true
            case "y", "Y", "m", "M", "d", "D", "h", "H", "s", "S":
                dateLetters.insert(Character(c.lowercased()))
            case "¥", "￥", "$", "€", "元":
                literal(String(c))
            default:
                if !sawPlaceholder && c == "-" { break }
                if c == " " || c == "(" || c == ")" || c == "+" || c == "-" { break }
                literal(String(c))
            }
            i += 1
        }
        chars.removeAll()
        if !dateLetters.isEmpty && !sawPlaceholder || dateLetters.contains("y") || dateLetters.contains("d") {
            let hasDate = dateLetters.contains("y") || dateLetters.contains("d")
            let hasTime = dateLetters.contains("h") || dateLetters.contains("s")
            if hasDate && hasTime { return NumberFormat(kind: .dateTime) }
            if hasDate { return NumberFormat(kind: .date) }
            if hasTime { return NumberFormat(kind: .time) }
            // "m" alone: months as a date.
            return NumberFormat(kind: .date)
        }
        guard sawPlaceholder else { return .general }
        var format = NumberFormat(kind: .number, decimals: decimals, grouping: grouping, percent: percent,
                                  prefix: literalBefore, suffix: literalAfter)
        if sections.count >= 3, sections[2].contains("\"-\"") || sections[2].trimmingWhitespace() == "-" {
            format.zeroAsDash = true
        }
        return format
    }

    /// Sections separated by `;` outside quotes and brackets.
    private static func split(_ code: String) -> [String] {
        var sections: [String] = []
        var current = ""
        var inQuote = false, inBracket = false
        for c in code {
            if c == "\"" { inQuote.toggle() }
            if !inQuote && c == "[" { inBracket = true }
            if !inQuote && c == "]" { inBracket = false }
            if c == ";" && !inQuote && !inBracket {
                sections.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        sections.append(current)
        return sections
    }

    /// The text Excel shows for a number cell in this format.
    func display(_ value: Double, date1904: Bool) -> String {
        switch kind {
        case .general:
            return Self.general(value)
        case .text:
            return Self.general(value)
        case .date:
            return Self.date(value, date1904: date1904)
        case .dateTime:
            return Self.date(value, date1904: date1904) + " " + Self.time(value)
        case .time:
            return Self.time(value)
        case .number:
            if zeroAsDash && value == 0 { return "-" }
            let shown = percent ? value * 100 : value
            let digits = TableNumber.format(abs(shown), decimals: decimals, grouping: grouping)
            let negative = shown < 0 && digits.contains { $0 != "0" && $0 != "." && $0 != "," }
            return (negative ? "-" : "") + prefix + digits + (percent ? "%" : "") + suffix
        }
    }

    /// "General": integers as integers, other numbers with up to 10 significant digits.
    static func general(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var magnitude = 0
        var a = abs(value)
        while a >= 10 { a /= 10; magnitude += 1 }
        let decimals = max(0, min(10, 9 - magnitude))
        var s = TableNumber.format(value, decimals: decimals, grouping: false)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s
    }

    /// Excel's serial day → `2026年10月8日` (1900 system: day 1 is 1900-01-01,
    /// with Excel's phantom 1900-02-29; 1904 system: day 0 is 1904-01-01).
    static func date(_ serial: Double, date1904: Bool) -> String {
        let days = Int(serial.rounded(.down))
        let unixDays = date1904 ? days - 24107 : days - 25569
        // Howard Hinnant's civil_from_days.
        let z = unixDays + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        var y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        if m <= 2 { y += 1 }
        return "\(y)年\(m)月\(d)日"
    }

    static func time(_ serial: Double) -> String {
        let fraction = serial - serial.rounded(.down)
        let minutes = Int((fraction * 24 * 60).rounded()) % (24 * 60)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(minutes / 60)):\(two(minutes % 60))"
    }
}
