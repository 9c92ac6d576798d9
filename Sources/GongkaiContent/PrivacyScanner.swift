/// The matching behind `PrivacyGuard`, over Unicode scalars.
///
/// 1. Cut the text into *groups*: maximal runs of digits (ASCII or
///    full-width), an `X` allowed right after a run (ID check digit).
///    A group that is part of an amount (`12,345,678.00`, `3.14`) is marked.
/// 2. Join neighbouring groups into *chains* when one or two separator
///    characters (space, hyphen, full-width space or hyphen, en dash) stand
///    between them.
/// 3. In each chain try spans of whole groups, the longest first, left to
///    right. The whole chain may be grouped any way; a shorter span must be
///    grouped as such numbers are written (`138 0013 8000`, `6222 0212 …`)
///    and must not be continued by a neighbour with the same separator, so a
///    number is never matched as a part of a longer one. All separators in a
///    span are the same character (a date `2024-10-08` before a phone number
///    does not join it).
/// 4. A group that is part of a code is never part of a number: glued to
///    Latin letters, directly or through `-`, `_`, `.` (`3f1a13912345678abc`,
///    `ZC-2024-13800138000`, a UUID), unless the letters are a label such as
///    `Tel` or a file extension (`13800138000.pdf`). A bank card or mobile
///    right after a code label (`订单号：`, `SN `) is a code too, and an
///    18-digit run that carries a valid unified social credit code check
///    character (GB 32100) is that code, not a card.
struct PrivacyScanner {
    let scalars: [Unicode.Scalar]
    /// Where groups may start (the fast path's run of digits; the rest of
    /// `scalars` is context the rules look at).
    var focus: Range<Int>

    init(scalars: [Unicode.Scalar], focus: Range<Int>? = nil) {
        self.scalars = scalars
        self.focus = focus ?? 0..<scalars.count
    }

    struct Hit {
        var kind: PrivacyFinding.Kind
        /// Scalar offsets of the number as written (the `+86`/`86` prefix of a
        /// mobile is not included).
        var start: Int
        var end: Int
        /// ASCII digits, `X` upper case, no separators.
        var number: String
    }

    struct Group {
        var start: Int
        var end: Int
        var digits: [UInt8]
        var hasX: Bool
        var inAmount: Bool
        /// Glued to Latin letters: part of a code (rule 4).
        var inCode: Bool
        /// The separator scalar joining this group to the next one in its
        /// chain; nil at the end of a chain.
        var joinNext: Unicode.Scalar?
    }

    static func digit(_ s: Unicode.Scalar) -> UInt8? {
        switch s.value {
        case 0x30...0x39: return UInt8(s.value - 0x30)
        case 0xFF10...0xFF19: return UInt8(s.value - 0xFF10)
        default: return nil
        }
    }

    static func isX(_ s: Unicode.Scalar) -> Bool {
        s == "X" || s == "x" || s == "Ｘ" || s == "ｘ"
    }

    static func isSeparator(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0xA0, 0x3000, 0x2D, 0x2010, 0x2011, 0x2012, 0x2013, 0xFF0D: return true
        default: return false
        }
    }

    static func isWordCharacter(_ s: Unicode.Scalar) -> Bool {
        (s.value >= 0x41 && s.value <= 0x5A) || (s.value >= 0x61 && s.value <= 0x7A) || digit(s) != nil
            || (s.value >= 0xFF21 && s.value <= 0xFF3A) || (s.value >= 0xFF41 && s.value <= 0xFF5A)
    }

    func hits() -> [Hit] {
        var result: [Hit] = []
        for chain in chains() {
            var i = 0
            while i < chain.count {
                var matched = false
                var total = 0
                var last = i
                while last < chain.count, total + chain[last].digits.count + (chain[last].hasX ? 1 : 0) <= 19 {
                    total += chain[last].digits.count + (chain[last].hasX ? 1 : 0)
                    last += 1
                }
                var j = last - 1
                while j >= i {
                    if let hit = match(chain, i, j) {
                        result.append(hit)
                        i = j + 1
                        matched = true
                        break
                    }
                    j -= 1
                }
                if !matched { i += 1 }
            }
        }
        return result
    }

    func chains() -> [[Group]] {
        var groups: [Group] = []
        let n = scalars.count
        var i = focus.lowerBound
        while i < focus.upperBound {
            guard Self.digit(scalars[i]) != nil else { i += 1; continue }
            let start = i
            var digits: [UInt8] = []
            while i < n, let d = Self.digit(scalars[i]) {
                digits.append(d)
                i += 1
            }
            var hasX = false
            if i < n, Self.isX(scalars[i]), i + 1 >= n || !Self.isWordCharacter(scalars[i + 1]) {
                hasX = true
                i += 1
            }
            groups.append(Group(start: start, end: i, digits: digits, hasX: hasX,
                                inAmount: inAmount(start: start, end: i, hasX: hasX),
                                inCode: inCode(start: start, end: i), joinNext: nil))
        }
        var chains: [[Group]] = []
        var current: [Group] = []
        for index in groups.indices {
            var group = groups[index]
            if index + 1 < groups.count, !group.hasX, !group.inAmount, !groups[index + 1].inAmount {
                let gap = group.end..<groups[index + 1].start
                if (1...2).contains(gap.count), gap.allSatisfy({ Self.isSeparator(scalars[$0]) }),
                   gap.allSatisfy({ scalars[$0] == scalars[gap.lowerBound] }) {
                    group.joinNext = scalars[gap.lowerBound]
                }
            }
            current.append(group)
            if group.joinNext == nil {
                chains.append(current)
                current = []
            }
        }
        return chains
    }

    /// `12,345,678.00`, `3.1415`: a group right after `digit.` or `digit,`, or
    /// before `.digit` or `,ddd` (three digits), is part of an amount.
    private func inAmount(start: Int, end: Int, hasX: Bool) -> Bool {
        let n = scalars.count
        if start >= 2, [".", ",", "．"].contains(scalars[start - 1]), Self.digit(scalars[start - 2]) != nil {
            return true
        }
        guard !hasX, end + 1 < n else { return false }
        let after = scalars[end]
        if (after == "." || after == "．"), Self.digit(scalars[end + 1]) != nil { return true }
        if after == "," {
            var k = end + 1
            while k < n, Self.digit(scalars[k]) != nil { k += 1 }
            return k - (end + 1) == 3
        }
        return false
    }

    /// How far the code and label rules look on each side (scalars); the
    /// fast path decodes at least this much around a run.
    static let reach = 64

    static func isLatinLetter(_ s: Unicode.Scalar) -> Bool {
        (s.value >= 0x41 && s.value <= 0x5A) || (s.value >= 0x61 && s.value <= 0x7A)
            || (s.value >= 0xFF21 && s.value <= 0xFF3A) || (s.value >= 0xFF41 && s.value <= 0xFF5A)
    }

    static func isConnector(_ s: Unicode.Scalar) -> Bool { s == "-" || s == "_" || s == "." }

    /// Latin words that say what follows is a phone or ID number (`Tel13800138000`).
    static let numberLabels: Set<String> = ["tel", "phone", "mobile", "mob", "cell", "cellphone", "call", "id", "no"]

    /// The group `start..<end` (its `X` included) is glued to Latin letters,
    /// directly or through connectors (`-`, `_`, `.`) and other digits: part
    /// of a code. Letters that are a number label just before the digits, or
    /// a file extension just after them, do not count.
    private func inCode(start: Int, end: Int) -> Bool {
        let n = scalars.count
        var k = start - 1
        while k >= 0, start - k <= Self.reach {
            let s = scalars[k]
            if Self.isLatinLetter(s), !isCheckX(k) {
                var first = k
                while first > 0, k - first < 12, Self.isLatinLetter(scalars[first - 1]) { first -= 1 }
                let word = String(String.UnicodeScalarView(scalars[first...k])).lowercased()
                let standsAlone = first == 0 || !(Self.isConnector(scalars[first - 1]) || Self.digit(scalars[first - 1]) != nil)
                // `Tel13800138000`, `No.138-0013-8000`: the label, at most one connector, the digits.
                let labelled = Self.digit(scalars[k + 1]) != nil
                    || (Self.isConnector(scalars[k + 1]) && k + 2 < n && Self.digit(scalars[k + 2]) != nil)
                return !(standsAlone && labelled && Self.numberLabels.contains(word))
            }
            guard Self.digit(s) != nil || Self.isConnector(s) else { break }
            k -= 1
        }
        k = end
        while k < n, k - end <= Self.reach {
            let s = scalars[k]
            if Self.isLatinLetter(s), !isCheckX(k) {
                guard k > 0, scalars[k - 1] == "." else { return true }
                // `.pdf`, `.docx`, `.mp4`: a file extension ends the name.
                var last = k
                while last + 1 < n, last - k < 6, Self.isLatinLetter(scalars[last + 1]) || Self.digit(scalars[last + 1]) != nil {
                    last += 1
                }
                let isExtension = last - k < 5 && (last + 1 == n || !(Self.isConnector(scalars[last + 1]) && last + 2 < n
                    && (Self.isLatinLetter(scalars[last + 2]) || Self.digit(scalars[last + 2]) != nil)))
                return !isExtension
            }
            guard Self.digit(s) != nil || Self.isConnector(s) else { break }
            k += 1
        }
        return false
    }

    /// An ID number's check digit `X`: right after a digit, not before a letter or digit.
    private func isCheckX(_ k: Int) -> Bool {
        Self.isX(scalars[k]) && k > 0 && Self.digit(scalars[k - 1]) != nil
            && (k + 1 == scalars.count || !Self.isWordCharacter(scalars[k + 1]))
    }

    /// Words after which a number is an identifier of a thing, not of a
    /// person (`订单号：2024…`, `SN 1380…`). Personal labels (卡号, 账号,
    /// 电话, 身份证号) are not among them.
    static let codeLabels: [String] = [
        "编号", "编码", "代码", "单号", "流水号", "交易号", "批次号", "批号", "序列号", "条码", "条形码", "校验码",
        "验证码", "识别码", "识别号", "税号", "发票号码", "发票号", "合同号", "档案号", "案号", "证书号", "许可证号",
        "登记号", "备案号", "宗地号", "单元号", "车架号", "发动机号", "运单号", "工单号", "票号", "凭证号", "货号",
        "型号", "注册号", "资产号", "sn", "s/n", "imei", "meid", "iccid", "isbn", "issn",
    ]

    /// The text right before `start` (past spaces, `:`, `#`, `=` and a line
    /// break, which a PDF's layout may put there) ends with a code label.
    private func labelledAsCode(before start: Int) -> Bool {
        var k = start - 1
        var skipped = 0
        while k >= 0, skipped < 4, [" ", "\u{3000}", ":", "：", "#", "＃", "=", "＝", "\t", "\n", "\r"].contains(scalars[k]) {
            k -= 1
            skipped += 1
        }
        guard k >= 0 else { return false }
        let from = max(0, k - 7)
        let tail = String(String.UnicodeScalarView(scalars[from...k])).lowercased()
        for label in Self.codeLabels where tail.hasSuffix(label) {
            guard let first = label.unicodeScalars.first, Self.isLatinLetter(first) else { return true }
            // A Latin label is a word of its own (`SN`, not `…isn`).
            let before = k - label.unicodeScalars.count
            if before < 0 || !Self.isLatinLetter(scalars[before]) { return true }
        }
        return false
    }

    private func match(_ chain: [Group], _ i: Int, _ j: Int) -> Hit? {
        guard let hit = candidate(chain, i, j) else { return nil }
        // An ID number with a valid check digit is too specific to be a code.
        if hit.kind != .residentID18, labelledAsCode(before: chain[i].start) { return nil }
        return hit
    }

    private func candidate(_ chain: [Group], _ i: Int, _ j: Int) -> Hit? {
        // Most spans have a length no number has: decide that without allocating.
        var count = 0
        for k in i...j { count += chain[k].digits.count }
        if chain[j].hasX ? count != 17 : !(count == 11 || count == 13 || (15...19).contains(count)) { return nil }
        let span = chain[i...j]
        if span.contains(where: { $0.inAmount || $0.inCode }) { return nil }
        // One separator character throughout the span.
        let separators = Set(chain[i..<j].compactMap(\.joinNext))
        let whole = i == 0 && j == chain.count - 1
        let digits = span.flatMap(\.digits)
        let hasX = chain[j].hasX
        let lengths = span.map(\.digits.count)
        // Never part of a longer number written the same way.
        // `countAfter`: groups of one or two digits after the span do not
        // make it longer (`138 0013 8000 1`: a mobile, then a count; no
        // number is written 3-4-4-1).
        func continued(countAfter: Bool = false) -> Bool {
            guard let sep = separators.first else { return false }
            if i > 0, chain[i - 1].joinNext == sep { return true }
            guard j < chain.count - 1, chain[j].joinNext == sep else { return false }
            guard countAfter else { return true }
            var k = j + 1
            while true {
                if chain[k].digits.count > 2 || chain[k].hasX { return true }
                guard k < chain.count - 1, chain[k].joinNext == sep else { return false }
                k += 1
            }
        }

        if hasX {
            guard digits.count == 17, separators.count <= 1, whole || (Self.idLayout(lengths, x: true) && !continued()),
                  Self.isResidentID18(digits + [10]) else { return nil }
            return hit(.residentID18, chain, i, j, digits, x: true)
        }

        // +86 / 86 / 0086 before a mobile: the prefix may use its own separator.
        for prefix in [[8, 6], [0, 0, 8, 6]] as [[UInt8]] where digits.count == 11 + prefix.count {
            guard digits.starts(with: prefix), Self.isMobile(Array(digits.dropFirst(prefix.count))) else { continue }
            if lengths.count == 1 {
                return hit(.mobile, chain, i, j, Array(digits.dropFirst(prefix.count)), dropLeading: prefix.count)
            }
            guard lengths[0] == prefix.count else { continue }
            let rest = Set(chain[(i + 1)..<j].compactMap(\.joinNext))
            guard rest.count <= 1, Self.mobileLayout(Array(lengths.dropFirst())) || whole else { continue }
            var inner = hit(.mobile, chain, i + 1, j, Array(digits.dropFirst(prefix.count)))
            inner.start = chain[i + 1].start
            return inner
        }

        guard separators.count <= 1 else { return nil }
        switch digits.count {
        case 11:
            guard Self.isMobile(digits), whole || (Self.mobileLayout(lengths) && !continued(countAfter: true)) else { return nil }
            return hit(.mobile, chain, i, j, digits)
        case 15:
            guard Self.isResidentID15(digits), whole || (Self.id15Layout(lengths) && !continued()) else { return nil }
            return hit(.residentID15, chain, i, j, digits)
        case 18 where Self.looksLikeResidentID18(digits):
            // An ID with a wrong check digit is a typo, not a bank card.
            guard Self.isResidentID18(digits), whole || (Self.idLayout(lengths, x: false) && !continued()) else { return nil }
            return hit(.residentID18, chain, i, j, digits)
        case 18 where Self.isCreditCode(digits):
            return nil
        case 16...19:
            guard digits[0] != 0, Self.luhn(digits), whole || (Self.cardLayout(lengths) && !continued()) else { return nil }
            return hit(.bankCard, chain, i, j, digits)
        default:
            return nil
        }
    }

    private func hit(_ kind: PrivacyFinding.Kind, _ chain: [Group], _ i: Int, _ j: Int, _ digits: [UInt8],
                     x: Bool = false, dropLeading: Int = 0) -> Hit {
        var number = String(decoding: digits.map { $0 + 48 }, as: UTF8.self)
        if x { number += "X" }
        // Skip a prefix inside the first group (`8613800138000`).
        var start = chain[i].start
        var skipped = 0
        while skipped < dropLeading {
            if Self.digit(scalars[start]) != nil { skipped += 1 }
            start += 1
        }
        return Hit(kind: kind, start: start, end: chain[j].end, number: number)
    }

    // MARK: - Layouts of shorter spans (the whole chain may be grouped any way)

    static func mobileLayout(_ l: [Int]) -> Bool { [[11], [3, 4, 4], [3, 8], [7, 4]].contains(l) }
    static func id15Layout(_ l: [Int]) -> Bool { [[15], [6, 6, 3], [6, 9]].contains(l) }
    static func idLayout(_ l: [Int], x: Bool) -> Bool {
        l == [x ? 17 : 18] || l.first == 6 || l.allSatisfy { $0 == 4 } || (l.dropLast().allSatisfy { $0 == 4 } && l.count == 5)
    }
    static func cardLayout(_ l: [Int]) -> Bool {
        l.count == 1 || (l.dropLast().allSatisfy { $0 == 4 } && (1...4).contains(l.last!)) || (l.count == 2 && l[0] == 6)
    }

    // MARK: - The numbers themselves

    /// 11 digits in a block the MIIT has assigned to a mobile network.
    static func isMobile(_ d: [UInt8]) -> Bool { MobilePrefixes.assigned(d) }

    /// 18 digits that carry a valid check character of a unified social
    /// credit code (统一社会信用代码, GB 32100-2015: weights 3^i mod 31 over
    /// the first 17, check = 31 − sum mod 31). Codes with letters never get
    /// here (they are codes by rule 4).
    static func isCreditCode(_ d: [UInt8]) -> Bool {
        guard d.count == 18 else { return false }
        var sum = 0, weight = 1
        for k in 0..<17 {
            sum += Int(d[k]) * weight
            weight = weight * 3 % 31
        }
        let check = (31 - sum % 31) % 31
        return check < 10 && Int(d[17]) == check
    }

    /// GB/T 2260 province-level codes (first two digits), including 81–83 of
    /// the residence permits for Hong Kong, Macao and Taiwan residents.
    static let provinces: Set<Int> = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37,
                                      41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65,
                                      71, 81, 82, 83]

    static func number(_ d: ArraySlice<UInt8>) -> Int { d.reduce(0) { $0 * 10 + Int($1) } }

    static func validDate(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day <= days
    }

    /// Province code and birth date of an 18-digit ID (check digit not looked at).
    static func looksLikeResidentID18(_ d: [UInt8]) -> Bool {
        guard d.count == 18, provinces.contains(number(d[0..<2])) else { return false }
        let year = number(d[6..<10])
        return (1850...2099).contains(year) && validDate(year: year, month: number(d[10..<12]), day: number(d[12..<14]))
    }

    /// 17 digits and the check value (10 for X), GB 11643-1999.
    static func isResidentID18(_ d: [UInt8]) -> Bool {
        guard looksLikeResidentID18(d) else { return false }
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        var sum = 0
        for k in 0..<17 { sum += Int(d[k]) * weights[k] }
        let check = [1, 0, 10, 9, 8, 7, 6, 5, 4, 3, 2][sum % 11]
        return Int(d[17]) == check
    }

    /// Province code and a valid `19YYMMDD` birth date.
    static func isResidentID15(_ d: [UInt8]) -> Bool {
        guard d.count == 15, provinces.contains(number(d[0..<2])) else { return false }
        return validDate(year: 1900 + number(d[6..<8]), month: number(d[8..<10]), day: number(d[10..<12]))
    }

    static func luhn(_ d: [UInt8]) -> Bool {
        var sum = 0
        for (k, digit) in d.reversed().enumerated() {
            var v = Int(digit)
            if k % 2 == 1 { v *= 2; if v > 9 { v -= 9 } }
            sum += v
        }
        return sum % 10 == 0
    }
}

extension PrivacyScanner {
    /// All hits in `text`, with scalar offsets into the whole text.
    ///
    /// Fast path for long notices: one pass over the UTF-8 bytes finds the
    /// runs of digits, separators and `X` that hold at least 11 digits (a
    /// notice usually has a few: its landline, a date with a time); only
    /// those runs, with the few characters around them that the amount rule
    /// looks at, are decoded and scanned. Every chain lies inside one run,
    /// so the result is the same as scanning the whole text.
    static func hits(in text: String) -> [Hit] {
        var text = text
        return text.withUTF8 { hits(utf8: $0) }
    }

    private enum Unit { case digit, separator, x, other }

    /// The kind and byte length of the scalar at `i`.
    private static func unit(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Unit, Int) {
        let c = b[i]
        switch c {
        case 0x30...0x39: return (.digit, 1)
        case 0x20, 0x2D: return (.separator, 1)
        case 0x58, 0x78: return (.x, 1)
        case 0xC2 where i + 1 < b.count && b[i + 1] == 0xA0: return (.separator, 2)
        case 0xE3 where i + 2 < b.count && b[i + 1] == 0x80 && b[i + 2] == 0x80: return (.separator, 3)
        case 0xE2 where i + 2 < b.count && b[i + 1] == 0x80 && (0x90...0x93).contains(b[i + 2]): return (.separator, 3)
        case 0xEF where i + 2 < b.count && b[i + 1] == 0xBC:
            switch b[i + 2] {
            case 0x90...0x99: return (.digit, 3)
            case 0x8D: return (.separator, 3)
            case 0xB8: return (.x, 3)
            default: return (.other, 3)
            }
        case 0xEF where i + 2 < b.count && b[i + 1] == 0xBD && b[i + 2] == 0x98: return (.x, 3)
        default: return (.other, c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2)
        }
    }

    /// The high bit of a byte that is an ASCII digit or 0xEF, in eight bytes
    /// (the tests "some byte is less than 10" after XOR with `0` and "some
    /// byte is zero" after XOR with 0xEF). Borrows can set the flags of later
    /// bytes, never of earlier ones: the lowest flag is always right.
    @inline(__always)
    private static func runStartFlags(_ w: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let d = w ^ (0x30 &* ones)
        let e = w ^ (0xEF &* ones)
        return ((d &- 10 &* ones) & ~d & highs) | ((e &- ones) & ~e & highs)
    }

    /// UTF-8 continuation bytes (10xxxxxx) among eight bytes.
    @inline(__always)
    private static func continuationBytes(_ w: UInt64) -> Int {
        (w & ~(w << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
    }

    /// The scalars of valid UTF-8 between two scalar boundaries.
    private static func scalars(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(range.count)
        var k = range.lowerBound
        while k < range.upperBound {
            let c = b[k]
            var v: UInt32
            if c < 0x80 {
                v = UInt32(c)
                k += 1
            } else if c < 0xE0 {
                v = UInt32(c & 0x1F) << 6 | UInt32(b[k + 1] & 0x3F)
                k += 2
            } else if c < 0xF0 {
                v = UInt32(c & 0x0F) << 12 | UInt32(b[k + 1] & 0x3F) << 6 | UInt32(b[k + 2] & 0x3F)
                k += 3
            } else {
                v = UInt32(c & 0x07) << 18 | UInt32(b[k + 1] & 0x3F) << 12 | UInt32(b[k + 2] & 0x3F) << 6 | UInt32(b[k + 3] & 0x3F)
                k += 4
            }
            result.append(Unicode.Scalar(v) ?? "\u{FFFD}")
        }
        return result
    }

    private static func hits(utf8 b: UnsafeBufferPointer<UInt8>) -> [Hit] {
        // Runs: (first byte, end byte, first scalar, end scalar). A run
        // starts at a digit (the separators before its first digit are
        // never part of a number) and ends before the next other character.
        var runs: [(Int, Int, Int, Int)] = []
        var i = 0, scalar = 0
        var runStart = -1, runScalar = 0, digits = 0
        let count = b.count
        while i < count {
            if runStart < 0, i + 8 <= count {
                // Outside a run, skip eight bytes at a time up to the first
                // ASCII digit or 0xEF (the first byte of a full-width digit),
                // counting the scalars the skipped bytes start.
                var aligned = true
                while i + 8 <= count {
                    let w = UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)
                    let flags = Self.runStartFlags(w)
                    if flags == 0 {
                        scalar += 8 - Self.continuationBytes(w)
                        i += 8
                        aligned = false
                        continue
                    }
                    // The lowest flag is exact: bytes before it hold neither.
                    let k = flags.trailingZeroBitCount >> 3
                    if k > 0 {
                        scalar += k - Self.continuationBytes(w & (UInt64.max >> (64 - 8 * k)))
                        i += k
                    }
                    aligned = true
                    break
                }
                if !aligned {
                    // The rest of a scalar the last word cut (already counted).
                    while i < count, b[i] & 0xC0 == 0x80 { i += 1 }
                    continue
                }
            }
            let c = b[i]
            let kind: Unit
            let length: Int
            if c < 0x80 {
                // ASCII inline: most of a notice's bytes outside Chinese text.
                if c &- 0x30 < 10 {
                    kind = .digit
                } else if c == 0x20 || c == 0x2D || c == 0x58 || c == 0x78 {
                    kind = .separator
                } else {
                    kind = .other
                }
                length = 1
            } else if c >= 0xE4 && c <= 0xE9 {
                // CJK ideographs (U+4E00–U+9FFF): never part of a number.
                kind = .other
                length = 3
            } else {
                (kind, length) = unit(b, i)
            }
            if kind == .other {
                if runStart >= 0 {
                    if digits >= 11 { runs.append((runStart, i, runScalar, scalar)) }
                    runStart = -1
                    digits = 0
                }
            } else if runStart >= 0 {
                if kind == .digit { digits += 1 }
            } else if kind == .digit {
                runStart = i
                runScalar = scalar
                digits = 1
            }
            i += length
            scalar += 1
        }
        if i > count { i = count }
        if runStart >= 0, digits >= 11 { runs.append((runStart, b.count, runScalar, scalar)) }
        guard !runs.isEmpty else { return [] }

        func back(_ i: Int) -> Int {
            var j = i - 1
            while j > 0, b[j] & 0xC0 == 0x80 { j -= 1 }
            return max(j, 0)
        }
        var result: [Hit] = []
        for (startByte, endByte, startScalar, endScalar) in runs {
            // Before: what the amount (`3.` of `3.14`), code and label
            // rules look at. After: one character, its digits (`,345`), and
            // what the code rule looks at.
            let context = PrivacyScanner.reach + 16
            var from = startByte, before = 0
            while before < context, from > 0 { from = back(from); before += 1 }
            var to = endByte
            if to < b.count { to = min(to + unit(b, to).1, b.count) }
            while to < b.count, unit(b, to).0 == .digit { to = min(to + unit(b, to).1, b.count) }
            var after = 0
            while after < context, to < b.count { to = min(to + unit(b, to).1, b.count); after += 1 }
            let window = scalars(b, from..<to)
            let base = startScalar - before
            // Groups only in the run: every chain lies inside one run.
            for var hit in PrivacyScanner(scalars: window, focus: before..<(endScalar - base)).hits()
            where hit.start >= before && hit.start < endScalar - base {
                hit.start += base
                hit.end += base
                result.append(hit)
            }
        }
        return result
    }
}
