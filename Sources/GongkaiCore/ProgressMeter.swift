import Dispatch
import Foundation

/// How far the running stage is: stages count their work here, and the
/// command line draws a bar from it on a terminal (the library never prints).
/// Counting is a lock and an addition per chunk of work: cheap enough to
/// leave on whether or not anyone looks.
public final class ProgressMeter: @unchecked Sendable {
    public struct Snapshot: Sendable, Equatable {
        public var stage: String
        public var done: Int
        public var total: Int
        public var seconds: Double
    }

    private let lock = NSLock()
    private var stage = ""
    private var done = 0
    private var total = 0
    private var started: UInt64 = 0
    private var running = false

    public init() {}

    public func begin(_ stage: String, total: Int) {
        lock.lock()
        self.stage = stage
        self.total = total
        done = 0
        started = DispatchTime.now().uptimeNanoseconds
        running = true
        lock.unlock()
    }

    /// For a stage that learns how much it has to do once it has begun.
    public func setTotal(_ total: Int) {
        lock.lock()
        self.total = total
        lock.unlock()
    }

    public func advance(_ n: Int = 1) {
        lock.lock()
        done = min(total, done + n)
        lock.unlock()
    }

    public func end() {
        lock.lock()
        running = false
        lock.unlock()
    }

    /// Nil between stages.
    public var snapshot: Snapshot? {
        lock.lock()
        defer { lock.unlock() }
        guard running else { return nil }
        return Snapshot(stage: stage, done: done, total: total,
                        seconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
    }
}
