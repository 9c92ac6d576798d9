import GongkaiCore

/// The privacy guard of docs/design.md §8: finds personal numbers in text that is
/// about to be published, so that one careless paste cannot leak a resident's
/// ID number, bank card or mobile number (个人信息保护法; 社会救助暂行办法
/// 第六十一条).
///
/// What counts as a hit (each one is an error; see docs/diagnostics.md
/// GK170–GK174):
/// - an 18-digit resident ID (GB 11643): a real province code, a valid birth
///   date and a correct check digit (`X`, `x`, `Ｘ`, `ｘ` as the last one);
/// - a 15-digit first-generation ID: a real province code and a valid
///   `YYMMDD` birth date;
/// - a bank card: 16–19 digits that pass the Luhn check;
/// - a personal mobile number: 11 digits in a block the MIIT has assigned
///   to a mobile network (`MobilePrefixes`), optionally after `+86`, `86` or
///   `0086`.
///
/// Digits may be full-width (`１３８…`) and grouped by single spaces or
/// hyphens (`138 0013 8000`, `6222-0212-3456-7890`). A number is only ever
/// matched as a whole run of digits: a part of a longer run, a decimal or a
/// thousands-separated amount, a masked form (`138****8000`), a number whose
/// check digit is wrong or a code (digits glued to Latin letters, after a
/// code label, a unified social credit code; `PrivacyScanner` rule 4) is not a hit. Numbers on an allow-list (the public
/// contacts of community.yml and site.yml) are not hits.
///
/// Use it on any text that gets published (table cells read from CSV/XLSX,
/// attachment text, …):
///
/// ```swift
/// let privacy = PrivacyGuard.forNotice(site: site, community: community)   // or PrivacyGuard()
/// // A cell that starts at line `row`, column `column` of `path` (later lines of a
/// // multi-line cell start at column 1):
/// diagnostics += privacy.diagnostics(in: cellText, file: path, line: row, column: column)
/// // or, to place the findings yourself (offset/line/column are in characters):
/// for finding in privacy.scan(cellText) { … finding.masked … finding.diagnostic(file:line:column:) }
/// ```
///
/// Pure and `Sendable`; the scan walks Unicode scalars once and returns
/// quickly for text with fewer than 11 digits.
public struct PrivacyGuard: Sendable {
    /// Normalised numbers (ASCII digits, `X` upper case, no separators, no
    /// `+86` before a mobile) that may be published.
    public let allowed: Set<String>

    /// - Parameter publicNumbers: numbers that may appear, written in any of
    ///   the forms the scanner recognises (`0531-8765 4321`, `138 0013 8000`).
    /// `numberDigest` of each allowed number (attachment scans keep digests, not numbers).
    let allowedDigests: Set<UInt64>

    public init(publicNumbers: some Sequence<String> = [String]()) {
        var set = Set<String>()
        for number in publicNumbers {
            if let normal = Self.normalise(number) { set.insert(normal) }
        }
        allowed = set
        allowedDigests = Set(set.map(Self.numberDigest))
    }

    /// A digest of a normalised number, so a kept scan can be matched with
    /// the allow-list without holding the number.
    static func numberDigest(_ number: String) -> UInt64 {
        var h = StableHasher()
        h.add("gongkai-number")
        h.add(number)
        return h.value
    }

    /// The guard for a notice of `community`: the site's and the community's
    /// `public_contacts`, the community's office `phone` and its supervision
    /// committee's `supervision.phone` are allowed.
    public static func forNotice(site: Site?, community: Community?) -> PrivacyGuard {
        var numbers = site?.publicContacts ?? []
        if let community {
            numbers += community.publicContacts
            if let phone = community.phone { numbers.append(phone) }
            if let phone = community.supervision?.phone { numbers.append(phone) }
        }
        return PrivacyGuard(publicNumbers: numbers)
    }

    /// Every personal number in `text`, in order, with no allow-list.
    public static func scan(_ text: String) -> [PrivacyFinding] {
        PrivacyGuard().scan(text)
    }

    /// Every personal number in `text` that is not on the allow-list, in order.
    public func scan(_ text: String) -> [PrivacyFinding] {
        hits(in: text).map(\.1)
    }

    /// Findings in a text that starts at `line`:`column` of `file` (lines
    /// after the first start at column 1), as diagnostics.
    public func diagnostics(in text: String, file: String, line: Int, column: Int = 1) -> [Diagnostic] {
        scan(text).map { f in
            f.diagnostic(file: file, line: line + f.line, column: f.line == 0 ? column + f.column - 1 : f.column)
        }
    }

    /// `0531-8765 4321` → `053187654321`; `+86 138 0013 8000` → `13800138000`;
    /// nil when there are no digits.
    public static func normalise(_ number: String) -> String? {
        var digits = ""
        for s in number.unicodeScalars {
            if let d = PrivacyScanner.digit(s) {
                digits.append(Character(Unicode.Scalar(48 + d)))
            } else if PrivacyScanner.isX(s) {
                digits.append("X")
            }
        }
        guard !digits.isEmpty else { return nil }
        if digits.count == 13, digits.hasPrefix("86"), PrivacyScanner.isMobile(Array(digits.utf8.dropFirst(2)).map { $0 - 48 }) {
            return String(digits.dropFirst(2))
        }
        if digits.count == 15, digits.hasPrefix("0086") {
            return String(digits.dropFirst(4))
        }
        return digits
    }

    /// Cheap pre-check on UTF-8: at least 11 ASCII digits, or any full-width one.
    static func mayContainNumber(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { b in
            var digits = 0
            var i = 0
            // Eight bytes at a time: exact per-byte flags for `0`…`9` (no
            // carries: the high bits are masked off first); a full-width
            // digit (EF BC 90–99) is looked for only where a 0xBC is.
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            while i + 8 <= b.count {
                let w = UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)
                let t = w & 0x7F7F_7F7F_7F7F_7F7F
                digits += ((t &+ 0x50 &* ones) & ~(t &+ 0x46 &* ones) & ~w & highs).nonzeroBitCount
                if digits >= 11 { return true }
                let e = w ^ (0xBC &* ones)
                if (e &- ones) & ~e & highs != 0 || (i > 0 && b[i - 1] == 0xBC) {
                    for j in i..<(i + 8) where Self.isFullWidthDigit(b, j) { return true }
                }
                i += 8
            }
            while i < b.count {
                if b[i] &- 48 < 10 {
                    digits += 1
                    if digits >= 11 { return true }
                } else if Self.isFullWidthDigit(b, i) {
                    return true
                }
                i += 1
            }
            return false
        }
    }

    /// The last byte of a full-width digit (EF BC 90–99) is at `i`.
    @inline(__always)
    private static func isFullWidthDigit(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        b[i] >= 0x90 && b[i] <= 0x99 && i >= 2 && b[i - 1] == 0xBC && b[i - 2] == 0xEF
    }

    static func finding(_ hit: PrivacyScanner.Hit, in text: String) -> PrivacyFinding {
        let view = text.unicodeScalars
        let start = view.index(view.startIndex, offsetBy: hit.start)
        let end = view.index(start, offsetBy: hit.end - hit.start)
        var lineStartIndex = view.startIndex
        var line = 0
        var i = view.startIndex
        while i < start {
            if view[i] == "\n" {
                line += 1
                lineStartIndex = view.index(after: i)
            }
            i = view.index(after: i)
        }
        return PrivacyFinding(
            kind: hit.kind, offset: text.distance(from: text.startIndex, to: start),
            length: text.distance(from: start, to: end), line: line,
            column: text.distance(from: lineStartIndex, to: start) + 1,
            masked: hit.kind.mask(hit.number))
    }
}

extension PrivacyGuard {
    /// `text` with every personal number replaced by its masked form (a
    /// resident's words before they are stored for publication: the desk and
    /// `gongkai inbox`).
    public static func masking(_ text: String) -> String {
        let findings = scan(text)
        guard !findings.isEmpty else { return text }
        var characters = Array(text)
        for f in findings.sorted(by: { $0.offset > $1.offset }) where f.offset + f.length <= characters.count {
            characters.replaceSubrange(f.offset..<(f.offset + f.length), with: Array(f.masked))
        }
        return String(characters)
    }
}
