/// The one check of a table's 合计/小计/总计 rows, for pipe tables in the
/// body and tables from CSV/xlsx files alike: a total that is not the sum of
/// the rows above it is reported with both numbers.
///
/// - 小计 sums the ordinary rows since the previous total row of any kind;
/// - 合计 and 总计 sum every ordinary row since the previous 合计/总计
///   (小计 rows are not counted twice).
/// Columns that are not sums by nature (余额, 单价, 比例, 序号, 日期, …), empty
/// total cells, percentages and columns without numbers are not checked.
public enum TableTotals {
    public struct Mismatch: Sendable, Hashable {
        /// Index into the rows given to `check` (0 = first body row).
        public var row: Int
        public var column: Int
        /// The total row's label (合计, 小计, …) and the column's header.
        public var label: String
        public var columnName: String
        /// The total as written, and the sum formatted the same way.
        public var stated: String
        public var computed: String
    }

    /// One cell: its text, and the stored number where the source has one
    /// (xlsx), which is summed instead of the displayed, rounded text.
    public struct Input: Sendable {
        public var text: String
        public var value: Double?

        public init(text: String, value: Double? = nil) {
            self.text = text
            self.value = value
        }
    }

    public static func check(header: [String], rows: [[Input]]) -> [Mismatch] {
        guard rows.contains(where: { totalLabel($0.map(\.text)) != nil }) else { return [] }
        var result: [Mismatch] = []
        let width = header.count
        for column in 0..<width where !skipsColumn(header[column]) {
            var sinceSubtotal = 0.0, sinceTotal = 0.0
            var sawSubtotalNumber = false, sawTotalNumber = false
            for (index, row) in rows.enumerated() where column < row.count {
                let cell = row[column]
                guard let label = totalLabel(row.map(\.text)) else {
                    if let n = number(cell) {
                        sinceSubtotal += n.value
                        sinceTotal += n.value
                        sawSubtotalNumber = true
                        sawTotalNumber = true
                    }
                    continue
                }
                let isSubtotal = label.hasPrefix("小计")
                let sum = isSubtotal ? sinceSubtotal : sinceTotal
                let sawNumber = isSubtotal ? sawSubtotalNumber : sawTotalNumber
                if sawNumber, !cell.text.contains("%"), let stated = number(cell) {
                    let tolerance = 0.5 * power10(-stated.decimals) + 1e-9 * max(1, abs(sum))
                    if abs(stated.value - sum) > tolerance {
                        result.append(Mismatch(
                            row: index, column: column, label: label, columnName: header[column],
                            stated: cell.text.trimmingWhitespace(),
                            computed: TableNumber.format(sum, decimals: stated.decimals,
                                                         grouping: cell.text.contains(","))))
                    }
                }
                sinceSubtotal = 0
                sawSubtotalNumber = false
                if !isSubtotal {
                    sinceTotal = 0
                    sawTotalNumber = false
                }
            }
        }
        return result.sorted { ($0.row, $0.column) < ($1.row, $1.column) }
    }

    /// The label of a total row: its first non-empty cell among the first
    /// two starts with 合计, 小计 or 总计 (tables with a 序号 column leave it empty).
    public static func totalLabel(_ cells: [String]) -> String? {
        for cell in cells.prefix(2) {
            let t = String(cell.filter { !$0.isWhitespace })
            if t.isEmpty { continue }
            if t.hasPrefix("合计") || t.hasPrefix("小计") || t.hasPrefix("总计") { return t }
            return nil
        }
        return nil
    }

    static let nonSumWords = ["余额", "结余", "结存", "单价", "比例", "占比", "比率", "率", "序号", "编号",
                              "日期", "时间", "年份", "月份", "标准", "%", "％", "电话", "号码"]

    static func skipsColumn(_ header: String) -> Bool {
        nonSumWords.contains { header.contains($0) }
    }

    private static func number(_ cell: Input) -> (value: Double, decimals: Int)? {
        guard let parsed = TableNumber.parse(cell.text) else { return nil }
        return (cell.value ?? parsed.value, parsed.decimals)
    }

    private static func power10(_ n: Int) -> Double {
        var r = 1.0
        if n >= 0 { for _ in 0..<n { r *= 10 } } else { for _ in 0..<(-n) { r /= 10 } }
        return r
    }
}

/// The numbers of finance tables: `12,000.00`, `-350`, `￥1,200`, `（350.00）`.
public enum TableNumber {
    /// The value and the number of decimals shown; nil for anything that is
    /// not a plain amount (dates, 文号, percentages, text).
    public static func parse(_ text: String) -> (value: Double, decimals: Int)? {
        var s = Substring(text.trimmingWhitespace())
        var negative = false
        if s.first == "(" && s.last == ")" || s.first == "（" && s.last == "）" {
            negative = true
            s = s.dropFirst().dropLast()
        }
        if let f = s.first, "-−".contains(f) { negative.toggle(); s = s.dropFirst() } else if s.first == "+" { s = s.dropFirst() }
        if let f = s.first, "￥¥".contains(f) { s = s.dropFirst() }
        if let f = s.first, "-−".contains(f) { negative.toggle(); s = s.dropFirst() }
        guard isPlainAmount(s) else { return nil }
        var integer = 0.0, fraction = 0.0, scale = 1.0, decimals = 0, afterDot = false
        for ch in s {
            guard let d = ch.wholeNumberValue, ch.isASCII else {
                if ch == "." { afterDot = true }
                continue
            }
            if afterDot {
                scale /= 10
                fraction += Double(d) * scale
                decimals += 1
            } else {
                integer = integer * 10 + Double(d)
            }
        }
        let value = integer + fraction
        return (negative ? -value : value, decimals)
    }

    /// Digits with optional thousands separators (in groups of three) and
    /// one decimal point.
    public static func isPlainAmount(_ s: Substring) -> Bool {
        var digits = 0, sawDot = false, groupDigits = 0, sawComma = false
        for ch in s {
            if ch.isASCII, ch.isNumber {
                digits += 1
                groupDigits += 1
            } else if ch == ",", !sawDot, groupDigits >= 1, groupDigits <= 3 || !sawComma {
                if sawComma && groupDigits != 3 { return false }
                sawComma = true
                groupDigits = 0
            } else if ch == ".", !sawDot, digits > 0 {
                if sawComma && groupDigits != 3 { return false }
                sawDot = true
                groupDigits = 0
                sawComma = false
            } else {
                return false
            }
        }
        if sawComma && groupDigits != 3 { return false }
        return digits > 0 && s.last?.isNumber == true
    }

    /// `12345.5` → `12,345.50` (decimals 2, grouping): rounded half away from zero.
    public static func format(_ value: Double, decimals: Int, grouping: Bool) -> String {
        var scale = 1.0
        for _ in 0..<max(0, decimals) { scale *= 10 }
        var exact = abs(value) * scale
        // 1234567.005 is stored as 1234567.00499999…; Excel rounds the
        // decimal it shows (15 significant digits), so do the same first.
        if exact < 1e9 { exact = (exact * 1e6).rounded() / 1e6 }
        let scaled = exact.rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e15 else { return String(value) }
        let units = Int64(scaled)
        let divisor = Int64(scale)
        var whole = String(units / divisor)
        if grouping {
            var grouped = ""
            for (i, ch) in whole.reversed().enumerated() {
                if i > 0 && i % 3 == 0 { grouped.append(",") }
                grouped.append(ch)
            }
            whole = String(grouped.reversed())
        }
        var out = (value < 0 && units != 0 ? "-" : "") + whole
        if decimals > 0 {
            var frac = String(units % divisor)
            while frac.count < decimals { frac = "0" + frac }
            out += "." + frac
        }
        return out
    }
}
