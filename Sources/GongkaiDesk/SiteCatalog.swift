import Foundation
import GongkaiCore

/// What the desk knows of the built site: notices with their objection
/// windows, communities, and the answers already published — read from the
/// site's `api/notices.json` and `api/replies.json` (docs/design.md §4).
/// A rebuild is picked up without a restart: the files are stat'ed every
/// few seconds and read again when their size, time or inode changes.
public final class SiteCatalog: @unchecked Sendable {
    public struct NoticeInfo: Sendable, Equatable {
        public var community: String
        public var title: String
        public var url: String
        public var window: (from: CalendarDate, to: CalendarDate)?
        public var answerDays: Int
        public var withdrawn: Bool

        public static func == (a: NoticeInfo, b: NoticeInfo) -> Bool {
            a.community == b.community && a.title == b.title && a.url == b.url && a.window?.from == b.window?.from
                && a.window?.to == b.window?.to && a.answerDays == b.answerDays && a.withdrawn == b.withdrawn
        }
    }

    public struct CommunityInfo: Sendable, Equatable {
        public var name: String
        public var url: String
        public var suggestionDays: Int
    }

    public struct AnswerInfo: Sendable, Equatable {
        public var url: String
        public var answered: CalendarDate
        public var outcome: String
    }

    public struct Snapshot: Sendable {
        public var title = "村（居）务公开"
        public var town: String?
        public var baseURL = "/"
        public var timezone = "Asia/Shanghai"
        public var ratingDays = DeskRules.ratingDays
        public var notices: [String: NoticeInfo] = [:]
        public var communities: [String: CommunityInfo] = [:]
        /// Published answers by case number (`2026-0012`).
        public var answers: [String: AnswerInfo] = [:]
        /// `assets/site.<hash>.css` when the output holds one.
        public var stylesheet: String?
        /// Whether api/notices.json was read.
        public var loaded = false

        public init() {}

        /// `https://gk.example.cn` from an absolute `base_url`; nil for a path.
        public var origin: String? { Self.origin(of: baseURL) }

        public static func origin(of url: String) -> String? {
            guard let scheme = url.range(of: "://") else { return nil }
            let rest = url[scheme.upperBound...]
            let host = rest.prefix { $0 != "/" }
            guard !host.isEmpty else { return nil }
            return (url[..<scheme.upperBound] + host).lowercased()
        }

        /// A link to a page of the site (`mazhuang/replies/2026-0012/`).
        public func siteLink(_ path: String) -> String {
            (baseURL.hasSuffix("/") ? baseURL : baseURL + "/") + path
        }
    }

    public let output: String
    private let lock = NSLock()
    private var snapshot = Snapshot()
    private var stamp: [FileStamp?] = []

    public init(output: String) {
        self.output = output
        reloadIfChanged()
    }

    /// Sets what the desk knows (tests).
    func replace(_ s: Snapshot) {
        lock.lock()
        snapshot = s
        lock.unlock()
    }

    public var current: Snapshot {
        lock.lock()
        defer { lock.unlock() }
        return snapshot
    }

    struct FileStamp: Equatable {
        var size: Int64
        var modified: Int64
        var modifiedNanos: Int64
        var inode: UInt64
    }

    static func stamp(_ path: String) -> FileStamp? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        return FileStamp(size: Int64(st.st_size), modified: Int64(st.st_mtim.tv_sec), modifiedNanos: Int64(st.st_mtim.tv_nsec),
                         inode: UInt64(st.st_ino))
    }

    var paths: [String] { [output + "/api/notices.json", output + "/api/replies.json"] }

    /// Reads the files again when they changed since the last read; true
    /// when it did. A file that cannot be parsed (a build half copied by
    /// rsync) keeps the previous snapshot.
    @discardableResult
    public func reloadIfChanged() -> Bool {
        let now = paths.map(Self.stamp)
        lock.lock()
        let same = now == stamp
        lock.unlock()
        if same { return false }
        guard let fresh = Self.read(output: output) else { return false }
        lock.lock()
        snapshot = fresh
        stamp = now
        lock.unlock()
        return true
    }

    // MARK: reading

    struct NoticesFile: Decodable {
        struct Desk: Decodable {
            var base_url: String?
            var timezone: String?
            var title: String?
            var town: String?
            var rating_days: Int?
            var objection_days: Int?
        }
        struct CommunityEntry: Decodable {
            var slug: String
            var name: String
            var url: String?
            var suggestion_days: Int?
        }
        struct Window: Decodable {
            var from: String
            var to: String
            var answer_days: Int?
        }
        struct NoticeEntry: Decodable {
            var id: String
            var community: String
            var title: String
            var url: String
            var status: String?
            var objection: Window?
        }
        var site: String?
        var desk: Desk?
        var communities: [CommunityEntry]?
        var notices: [NoticeEntry]
    }

    struct RepliesFile: Decodable {
        struct Entry: Decodable {
            var number: String
            var state: String
            var url: String?
            var answered: String?
            var outcome: String?
        }
        var replies: [Entry]
    }

    static func read(output: String) -> Snapshot? {
        guard let data = FileManager.default.contents(atPath: output + "/api/notices.json"),
              let file = try? JSONDecoder().decode(NoticesFile.self, from: data) else { return nil }
        var s = Snapshot()
        s.loaded = true
        s.title = file.desk?.title ?? file.site ?? s.title
        s.town = file.desk?.town
        s.baseURL = file.desk?.base_url ?? "/"
        s.timezone = file.desk?.timezone ?? s.timezone
        s.ratingDays = file.desk?.rating_days ?? s.ratingDays
        let objectionDays = file.desk?.objection_days ?? CaseKind.objection.defaultAnswerDays
        for c in file.communities ?? [] {
            s.communities[c.slug] = CommunityInfo(name: c.name, url: c.url ?? c.slug + "/",
                                                  suggestionDays: c.suggestion_days ?? CaseKind.suggestion.defaultAnswerDays)
        }
        for n in file.notices {
            var window: (CalendarDate, CalendarDate)?
            if let w = n.objection, let from = CalendarDate.parse(w.from), let to = CalendarDate.parse(w.to) { window = (from, to) }
            s.notices[n.id] = NoticeInfo(community: n.community, title: n.title, url: n.url, window: window,
                                         answerDays: n.objection?.answer_days ?? objectionDays, withdrawn: n.status == "withdrawn")
        }
        if let data = FileManager.default.contents(atPath: output + "/api/replies.json"),
           let replies = try? JSONDecoder().decode(RepliesFile.self, from: data) {
            for r in replies.replies where r.state == "answered" {
                guard let url = r.url, let day = r.answered.flatMap(CalendarDate.parse) else { continue }
                s.answers[r.number] = AnswerInfo(url: url, answered: day, outcome: r.outcome ?? "")
            }
        }
        if let names = try? FileManager.default.contentsOfDirectory(atPath: output + "/assets") {
            s.stylesheet = names.filter { $0.hasPrefix("site.") && $0.hasSuffix(".css") }.sorted().first.map { "assets/" + $0 }
        }
        return s
    }
}
