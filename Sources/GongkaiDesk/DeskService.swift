import Foundation
import GongkaiCore

/// The desk without HTTP: what a submission, a status request or a rating
/// does, given the site as built, the store, the limits and the clock. The
/// Hummingbird routes (`DeskServer`) only translate to and from HTTP, so
/// everything here is tested directly.
public struct DeskService: Sendable {
    public struct Settings: Sendable {
        public var clientLimits: RateLimiter.Limits
        public var phoneLimits: PhoneLimits
        /// Days a closed case keeps its phone number and name (default 180).
        public var keepContactDays: Int
        /// Largest request body accepted (bytes).
        public var bodyLimit: Int
        /// Extra origins whose forms may post (besides the site's and the desk's own).
        public var allowedOrigins: [String]

        public init(clientLimits: RateLimiter.Limits = .init(perHour: 5, perDay: 20),
                    phoneLimits: PhoneLimits = .init(perDay: 3, openPerNotice: 1),
                    keepContactDays: Int = 180, bodyLimit: Int = 16 * 1024, allowedOrigins: [String] = []) {
            self.clientLimits = clientLimits
            self.phoneLimits = phoneLimits
            self.keepContactDays = keepContactDays
            self.bodyLimit = bodyLimit
            self.allowedOrigins = allowedOrigins
        }
    }

    public let store: any DeskStore
    public let catalog: SiteCatalog
    public let settings: Settings
    public let clock: any SiteClock
    let limiter: RateLimiter

    public init(store: any DeskStore, catalog: SiteCatalog, settings: Settings = Settings(), clock: any SiteClock = SystemClock()) {
        self.store = store
        self.catalog = catalog
        self.settings = settings
        self.clock = clock
        limiter = RateLimiter(settings.clientLimits)
    }

    var now: Int64 { Int64(clock.now().timeIntervalSince1970) }

    public func today(_ site: SiteCatalog.Snapshot) -> CalendarDate {
        CalendarDate.today(in: site.timezone, now: clock.now())
    }

    /// A browser posting the site's form sends the site's origin; a POST
    /// from the desk's own pages sends the desk's (`host`, the request's
    /// Host header). No Origin at all: not a browser form, judged by its fields.
    public func originAllowed(_ origin: String?, host: String?, site: SiteCatalog.Snapshot) -> Bool {
        guard let origin = origin?.lowercased() else { return true }
        if let own = site.origin, origin == own { return true }
        if settings.allowedOrigins.contains(where: { $0.lowercased() == origin }) { return true }
        if let host = host?.lowercased(), let o = SiteCatalog.Snapshot.origin(of: origin),
           o.hasSuffix("://" + host) { return true }
        return false
    }

    /// POST /objections, /suggestions.
    public func submit(_ kind: CaseKind, body: [UInt8], origin: String?, host: String?, client: String) async -> Result<Receipt, DeskError> {
        let site = catalog.current
        guard site.loaded else { return .failure(.unavailable) }
        guard originAllowed(origin, host: host, site: site) else { return .failure(.foreignOrigin) }
        guard body.count <= settings.bodyLimit else { return .failure(.tooLarge) }
        guard let form = SubmissionForm.parse(body) else { return .failure(.badField(DeskMessages.badForm)) }
        let submission: Submission
        switch form.validate(kind, site: site, today: today(site)) {
        case .success(let s): submission = s
        case .failure(let e): return .failure(e)
        }
        let time = clock.now().timeIntervalSince1970
        guard limiter.admit(client, now: time) else { return .failure(.tooMany(DeskMessages.tooManyClient)) }
        do {
            return .success(try await store.submit(submission, limits: settings.phoneLimits, now: Int64(time)))
        } catch let e as DeskError {
            limiter.release(client, at: time)
            return .failure(e)
        } catch {
            limiter.release(client, at: time)
            return .failure(.unavailable)
        }
    }

    /// What the status page shows.
    public struct Status: Sendable, Equatable {
        public var stored: StoredCase
        public var state: CaseState
        /// The published answer's address, once the rebuilt site has it.
        public var answerURL: String?
        public var answered: CalendarDate?
        public var outcome: String?
        /// The resident may rate now.
        public var canRate: Bool
        public var rateUntil: CalendarDate?
        public var noticeTitle: String?
        public var noticeURL: String?
        public var communityName: String?
    }

    /// GET /status.
    public func status(code typed: String) async -> Result<Status, DeskError> {
        guard let code = TrackingCode.normalise(typed) else { return .failure(.unknownCode) }
        let stored: StoredCase?
        do { stored = try await store.find(code: code) } catch { return .failure(.unavailable) }
        guard let stored else { return .failure(.unknownCode) }
        let site = catalog.current
        return .success(Self.status(of: stored, site: site, today: today(site)))
    }

    /// Pure: where a case stands on `today`, given the site as built.
    public static func status(of stored: StoredCase, site: SiteCatalog.Snapshot, today: CalendarDate) -> Status {
        let answer = site.answers[stored.number]
        let answered = answer?.answered ?? stored.answered
        let url = answer.map { site.siteLink($0.url) } ?? stored.answerURL.map { site.siteLink($0) }
        let state: CaseState
        if url != nil {
            state = .answered
        } else if stored.deadline < today {
            state = .overdue
        } else if stored.takenAt != nil {
            state = .handling
        } else {
            state = .received
        }
        let until = answered.map { $0.adding(days: site.ratingDays) }
        let notice = stored.notice.flatMap { site.notices[$0] }
        return Status(stored: stored, state: state, answerURL: url, answered: answered, outcome: answer?.outcome,
                      canRate: state == .answered && stored.rating == nil && until.map { today <= $0 } == true,
                      rateUntil: until, noticeTitle: notice?.title, noticeURL: notice.map { site.siteLink($0.url) },
                      communityName: site.communities[stored.community]?.name)
    }

    public static let ratings = ["满意", "基本满意", "不满意"]

    /// POST /rate: once, within 7 days of the published answer.
    public func rate(body: [UInt8], origin: String?, host: String?) async -> Result<String, DeskError> {
        let site = catalog.current
        guard originAllowed(origin, host: host, site: site) else { return .failure(.foreignOrigin) }
        guard body.count <= settings.bodyLimit else { return .failure(.tooLarge) }
        guard let form = SubmissionForm.parse(body) else { return .failure(.badField(DeskMessages.badForm)) }
        guard let rating = form.fields["rating"], Self.ratings.contains(rating) else {
            return .failure(.badField(DeskMessages.ratingBad))
        }
        let status: Status
        switch await self.status(code: form.fields["code"] ?? "") {
        case .success(let s): status = s
        case .failure(let e): return .failure(e)
        }
        if status.stored.rating != nil { return .failure(.rating(DeskMessages.ratingDone)) }
        guard status.state == .answered else { return .failure(.rating(DeskMessages.ratingNotAnswered)) }
        guard status.canRate else { return .failure(.rating(DeskMessages.ratingClosed)) }
        do {
            guard try await store.rate(code: status.stored.code, rating: rating, now: now) else {
                return .failure(.rating(DeskMessages.ratingDone))
            }
        } catch {
            return .failure(.unavailable)
        }
        return .success(status.stored.code)
    }

    /// Picks up a rebuilt site: closes the cases it answers, and deletes
    /// contacts whose time is up. Run every few seconds.
    public func refresh(force: Bool = false) async {
        let changed = catalog.reloadIfChanged()
        let site = catalog.current
        if changed || force {
            try? await store.close(site.answers, now: now, keepContactSeconds: Int64(settings.keepContactDays) * 86400)
        }
        _ = try? await store.purgeContacts(now: now)
    }

    /// The clerk's list (GET /inbox/cases with a token).
    public func inbox(token: String?) async -> Result<[StoredCase], DeskError> {
        guard let token, let who = try? await store.checkToken(token) else { return .failure(.badToken) }
        do { return .success(try await store.openCases(reader: "令牌：\(who)", now: now)) } catch { return .failure(.unavailable) }
    }

    public func markTaken(token: String?, numbers: [String]) async -> Result<Void, DeskError> {
        guard let token, let who = try? await store.checkToken(token) else { return .failure(.badToken) }
        do { try await store.markTaken(numbers, reader: "令牌：\(who)", now: now) } catch { return .failure(.unavailable) }
        return .success(())
    }
}
