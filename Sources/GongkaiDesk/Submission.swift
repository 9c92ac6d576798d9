import GongkaiContent
import GongkaiCore

/// Where a case stands, as the status page says it.
public enum CaseState: String, Sendable, Codable {
    /// Stored; the clerk has not yet taken it (`gongkai inbox`).
    case received
    /// The clerk has written its answer file.
    case handling
    /// The rebuilt site publishes its answer.
    case answered
    /// Not answered and the deadline has passed.
    case overdue
}

/// A checked submission, ready to store: the words already masked.
public struct Submission: Sendable, Equatable {
    public var kind: CaseKind
    public var community: String
    public var notice: String?
    /// The resident's words with personal numbers masked (PrivacyGuard).
    public var words: String
    /// Digits only (and a leading `+`), kept apart from the words.
    public var phone: String
    public var name: String?
    public var received: CalendarDate
    public var deadline: CalendarDate
}

/// The form fields as the HTML form sends them.
public struct SubmissionForm: Sendable {
    public var fields: [String: String]

    public init(fields: [String: String]) { self.fields = fields }

    /// `application/x-www-form-urlencoded` → fields; nil when the body is
    /// not UTF-8 or a name repeats (a form never sends one twice).
    public static func parse(_ body: [UInt8]) -> SubmissionForm? {
        guard let text = String(validating: body, as: UTF8.self) else { return nil }
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = decode(parts[0]), let value = decode(parts.count > 1 ? parts[1] : "") else { return nil }
            guard fields[key] == nil else { return nil }
            fields[key] = value
        }
        return SubmissionForm(fields: fields)
    }

    static func decode(_ s: Substring) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count)
        var i = s.utf8.startIndex
        let u = s.utf8
        while i < u.endIndex {
            let c = u[i]
            if c == UInt8(ascii: "+") {
                bytes.append(32)
            } else if c == UInt8(ascii: "%") {
                let a = u.index(after: i)
                guard a < u.endIndex, u.index(after: a) < u.endIndex,
                      let hi = hex(u[a]), let lo = hex(u[u.index(after: a)]) else { return nil }
                bytes.append(hi << 4 | lo)
                i = u.index(after: u.index(after: a))
                continue
            } else {
                bytes.append(c)
            }
            i = u.index(after: i)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    static func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case 48...57: return c - 48
        case 65...70: return c - 55
        case 97...102: return c - 87
        default: return nil
        }
    }

    /// Checks the fields of a submission of `kind` against the site as the
    /// desk knows it on `today`. Pure: the same input, the same answer.
    public func validate(_ kind: CaseKind, site: SiteCatalog.Snapshot, today: CalendarDate) -> Result<Submission, DeskError> {
        if let trap = fields["website"], !trap.isEmpty { return .failure(.honeypot) }
        let text = Self.clean(fields["text"] ?? "")
        if text.isEmpty { return .failure(.badField(DeskMessages.textMissing)) }
        let length = text.count
        if length < 10 { return .failure(DeskError("GK321", 400, DeskMessages.textTooShort(length))) }
        if length > 1000 { return .failure(DeskError("GK321", 400, DeskMessages.textTooLong(length))) }
        guard let raw = fields["phone"], !raw.trimmingWhitespace().isEmpty else {
            return .failure(DeskError("GK325", 400, DeskMessages.phoneMissing))
        }
        guard let phone = Self.phone(raw) else { return .failure(DeskError("GK325", 400, DeskMessages.phoneBad)) }
        var name = fields["name"].map { Self.clean($0) }
        if name?.isEmpty == true { name = nil }
        if let n = name, n.count > 20 { return .failure(.badField(DeskMessages.nameTooLong)) }
        switch kind {
        case .objection:
            guard let id = fields["notice"]?.trimmingWhitespace(), !id.isEmpty else {
                return .failure(.badField(DeskMessages.noticeMissing))
            }
            guard let notice = site.notices[id] else { return .failure(DeskError("GK323", 404, DeskMessages.noticeUnknown(id))) }
            if notice.withdrawn { return .failure(DeskError("GK324", 422, DeskMessages.withdrawn)) }
            guard let window = notice.window else { return .failure(DeskError("GK324", 422, DeskMessages.noWindow)) }
            if today < window.from { return .failure(DeskError("GK324", 422, DeskMessages.windowNotOpen(window.from.chinese))) }
            if today > window.to { return .failure(DeskError("GK324", 422, DeskMessages.windowClosed(window.to.chinese))) }
            return .success(Submission(kind: .objection, community: notice.community, notice: id,
                                       words: PrivacyGuard.masking(text), phone: phone, name: name, received: today,
                                       deadline: DeskRules.deadline(received: today, days: notice.answerDays)))
        case .suggestion:
            guard let slug = fields["community"]?.trimmingWhitespace(), !slug.isEmpty else {
                return .failure(.badField(DeskMessages.communityMissing))
            }
            guard let community = site.communities[slug] else {
                return .failure(DeskError("GK323", 404, DeskMessages.communityUnknown(slug)))
            }
            return .success(Submission(kind: .suggestion, community: slug, notice: nil,
                                       words: PrivacyGuard.masking(text), phone: phone, name: name, received: today,
                                       deadline: DeskRules.deadline(received: today, days: community.suggestionDays)))
        }
    }

    /// Plain text: line endings as `\n`, control characters (other than
    /// newline and tab) dropped, surrounding whitespace trimmed.
    static func clean(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in s.unicodeScalars {
            if scalar == "\r" { out.append("\n"); previous = scalar; continue }
            if scalar == "\n", previous == "\r" { previous = scalar; continue }
            previous = scalar
            if scalar == "\n" || scalar == "\t" { out.append(scalar); continue }
            if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format
                || scalar.properties.generalCategory == .surrogate || scalar.properties.generalCategory == .privateUse {
                continue
            }
            out.append(scalar)
        }
        return String(out).trimmingWhitespace()
    }

    /// A Chinese mobile (11 digits, `1[3-9]…`, optionally `+86`) or a
    /// landline with its area code (10–12 digits starting with 0), in any
    /// spacing; digits only. Nil otherwise.
    static func phone(_ raw: String) -> String? {
        var digits = ""
        for s in raw.unicodeScalars {
            switch s {
            case "0"..."9": digits.unicodeScalars.append(s)
            case "０"..."９": digits.unicodeScalars.append(Unicode.Scalar(s.value - 0xFF10 + 48)!)
            case " ", "-", "(", ")", "（", "）", "+", "－", "\u{3000}": continue
            default: return nil
            }
        }
        if digits.count == 13, digits.hasPrefix("86") { digits.removeFirst(2) }
        let u = Array(digits.utf8)
        if u.count == 11, u[0] == 49, (51...57).contains(u[1]) { return digits }
        if (10...12).contains(u.count), u[0] == 48, u[1] != 48 { return digits }
        return nil
    }
}
