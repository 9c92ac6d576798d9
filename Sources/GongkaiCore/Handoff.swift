import Foundation

/// A value produced on one thread and read on another, once: the result of
/// a background job (the search index beside rendering, the output survey,
/// the preview server's failure).
public final class Handoff<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    public init(_ initial: Value) { stored = initial }

    public func set(_ value: Value) {
        lock.lock()
        stored = value
        lock.unlock()
    }

    public var value: Value {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
