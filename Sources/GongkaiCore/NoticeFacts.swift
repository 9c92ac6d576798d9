/// What a resident relies on when reading a notice's page, as data: the
/// title, 文号, issuer, dates, 公示期, review, the objection deadline and
/// whom to contact, the attachments, a withdrawal. Most of it is in the
/// notice's text; the issuer's default, the category's objection window and
/// the objection contact come from site.yml and community.yml.
///
/// A build publishes it as `<notice>/facts.txt` (`text`) and records its
/// SHA-256 in the integrity ledger; the page marks each fact
/// (`data-gongkai-fact`), so `gongkai verify` can tell that the page shows
/// what was recorded (docs/ledger.md). The renderer takes the issuer and the
/// objection contact from here too, so page and record cannot drift apart.
public struct NoticeFacts: Sendable, Hashable {
    public struct Objection: Sendable, Hashable {
        /// The last day to object (inclusive).
        public var deadline: CalendarDate
        public var supervision: String
        public var contact: String?
        public var phone: String?
        public var address: String?
    }

    public var id: String
    public var community: String
    public var category: String
    public var title: String
    public var number: String?
    public var issuer: String
    public var date: CalendarDate
    public var period: DisplayPeriod?
    public var reviewed: Review?
    public var objection: Objection?
    /// (file, title) of each published attachment, in the order listed.
    public var attachments: [(file: String, title: String)]
    public var withdrawal: Withdrawal?

    public init(_ notice: Notice, community: Community?, site: Site) {
        id = notice.id.value
        self.community = community?.name ?? notice.id.community
        let category = site.categories.first { $0.slug == notice.categorySlug }
        self.category = category?.name ?? notice.categorySlug
        title = notice.title
        number = notice.number
        issuer = Self.issuer(notice, community: community)
        date = notice.date.day
        period = notice.period
        reviewed = notice.reviewed
        withdrawal = notice.withdrawal
        // A withdrawn notice invites no objections and publishes no files.
        objection = notice.withdrawal == nil ? Self.objection(notice, community: community, category: category, site: site) : nil
        attachments = notice.withdrawal == nil ? notice.attachments.map { ($0.file, $0.title) } : []
    }

    public static func == (a: NoticeFacts, b: NoticeFacts) -> Bool { a.text == b.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }

    /// The notice's issuer, or the community's committee by default.
    public static func issuer(_ notice: Notice, community: Community?) -> String {
        notice.issuer ?? community?.committee ?? community?.name ?? notice.id.community
    }

    /// The objection deadline and contact: villagers may object from the
    /// start for the catalogue's window and at least until the 公示期 ends,
    /// whichever is later; nil when the notice has neither.
    public static func objection(_ notice: Notice, community: Community?, category: Category?, site: Site) -> Objection? {
        let rules = category.map { site.rules(for: $0, in: community) } ?? DisclosureRules()
        let start = notice.period?.from ?? notice.date.day
        let window = rules.objectionDays.map { start.adding(days: $0) }
        guard let deadline = [notice.period?.to, window].compactMap({ $0 }).max() else { return nil }
        let supervision = community?.supervision
        return Objection(deadline: deadline, supervision: community?.supervisionName ?? "村务监督委员会",
                         contact: supervision?.contact, phone: supervision?.phone ?? community?.phone,
                         address: supervision?.address ?? community?.address)
    }

    /// How the page writes a review: `马庄村村务监督委员会（2026年11月4日审核）`.
    public static func reviewText(_ review: Review) -> String {
        review.by + (review.date.map { "（\($0.chinese)审核）" } ?? "")
    }

    /// `facts.txt`: a first line naming the format, then one `key: value`
    /// line per fact in a fixed order (absent facts have no line). Values
    /// are on one line (line breaks and tabs become spaces); an attachment
    /// is `file<TAB>title`, a withdrawal `date<TAB>reason`, a review
    /// `date<TAB>by` (date `-` when none), a period `from<TAB>to`. Dates are
    /// `YYYY-MM-DD`.
    public var text: String {
        var lines = ["gongkai-facts 1"]
        func add(_ key: String, _ value: String?) {
            guard let value else { return }
            lines.append(key + ": " + Self.oneLine(value))
        }
        func add(_ key: String, _ first: String, _ second: String) {
            add(key, first)
            lines[lines.count - 1] += "\t" + Self.oneLine(second)
        }
        add("id", id)
        add("community", community)
        add("category", category)
        add("title", title)
        add("number", number)
        add("issuer", issuer)
        add("date", date.iso)
        if let period { add("period", period.from.iso, period.to.iso) }
        if let reviewed { add("reviewed", reviewed.date?.iso ?? "-", reviewed.by) }
        if let objection {
            add("objection", objection.deadline.iso)
            add("supervision", objection.supervision)
            add("contact", objection.contact)
            add("phone", objection.phone)
            add("address", objection.address)
        }
        for a in attachments { add("attachment", a.file, a.title) }
        if let withdrawal { add("withdrawn", withdrawal.date.iso, withdrawal.reason) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `value` on one line: each line break (CR, LF or CRLF) and tab a space.
    static func oneLine(_ value: String) -> String {
        let utf8 = value.utf8
        guard utf8.contains(where: { $0 == 10 || $0 == 13 || $0 == 9 }) else { return value }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var previous: UInt8 = 0
        for b in utf8 {
            switch b {
            case 10 where previous == 13: break   // CRLF is one break
            case 9, 10, 13: out.append(32)
            default: out.append(b)
            }
            previous = b
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The lines of a `facts.txt` (`text`) as (key, value) in order; nil
    /// when the first line is not a format this gongkai reads.
    public static func parse(_ text: String) -> [(key: String, value: String)]? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard lines.first == "gongkai-facts 1" else { return nil }
        lines.removeFirst()
        var result: [(String, String)] = []
        for line in lines {
            guard let colon = line.range(of: ": ") else { return nil }
            result.append((String(line[..<colon.lowerBound]), String(line[colon.upperBound...])))
        }
        return result
    }
}

/// `files.sha256`: the SHA-256 of each file a notice's page is made from
/// besides its text (the attachments it publishes and the `.csv`/`.xlsx`
/// table files its body reads), one `<sha256>  <name>` line each (the format
/// of `sha256sum`), sorted by name. Published beside the notice; its own
/// SHA-256 is recorded in the integrity ledger.
public enum NoticeFiles {
    public static func manifest(_ files: [(name: String, sha256: String)]) -> String {
        files.sorted { $0.name < $1.name }.map { "\($0.sha256)  \($0.name)\n" }.joined()
    }

    /// The lines of a manifest as (name, sha256); nil if a line is not of that form.
    public static func parse(_ text: String) -> [(name: String, sha256: String)]? {
        var result: [(String, String)] = []
        for line in text.split(separator: "\n") {
            guard line.count > 66, let space = line.range(of: "  ") else { return nil }
            let sha = String(line[..<space.lowerBound])
            guard sha.count == 64, sha.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return nil }
            result.append((String(line[space.upperBound...]), sha))
        }
        return result
    }
}
