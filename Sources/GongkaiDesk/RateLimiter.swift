import Foundation

/// Limits how often one client may submit: at most `perHour` in any hour and
/// `perDay` in any day (sliding windows over the times of its accepted
/// submissions). In memory: a restart forgets, which only errs towards the
/// resident. Per-phone limits are kept in the database (`DeskStore`).
public final class RateLimiter: @unchecked Sendable {
    public struct Limits: Sendable, Equatable {
        public var perHour: Int
        public var perDay: Int
        public init(perHour: Int, perDay: Int) {
            self.perHour = perHour
            self.perDay = perDay
        }
        /// No limit (benchmarks).
        public static let off = Limits(perHour: Int.max, perDay: Int.max)
    }

    public let limits: Limits
    private let lock = NSLock()
    private var times: [String: [Double]] = [:]
    private var lastSweep = 0.0

    public init(_ limits: Limits) { self.limits = limits }

    /// Whether `client` may submit at `now` (seconds); if so the attempt is
    /// counted. Call `release` when the submission is then refused for
    /// another reason, so a mistyped form does not use up the allowance.
    public func admit(_ client: String, now: Double) -> Bool {
        if limits == .off { return true }
        lock.lock()
        defer { lock.unlock() }
        if now - lastSweep > 3600 { sweep(now) }
        var list = times[client, default: []].filter { now - $0 < 86400 }
        let lastHour = list.count { now - $0 < 3600 }
        guard lastHour < limits.perHour, list.count < limits.perDay else {
            times[client] = list
            return false
        }
        list.append(now)
        times[client] = list
        return true
    }

    public func release(_ client: String, at time: Double) {
        if limits == .off { return }
        lock.lock()
        defer { lock.unlock() }
        if let i = times[client]?.lastIndex(of: time) { times[client]?.remove(at: i) }
    }

    private func sweep(_ now: Double) {
        lastSweep = now
        times = times.compactMapValues { list in
            let kept = list.filter { now - $0 < 86400 }
            return kept.isEmpty ? nil : kept
        }
    }
}
