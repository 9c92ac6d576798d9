import Foundation

/// A value made when first asked for, once, by whichever thread asks first.
/// Compared, hashed and encoded as its value. A notice's body is one: a
/// rebuild that takes 10,000 notices from its cache shows a few of their
/// bodies, so the cache hands them over unmade.
public final class Deferred<Value: Sendable & Hashable & Codable>: @unchecked Sendable, Hashable, Codable {
    private enum State {
        case made(Value)
        case waiting(@Sendable () -> Value)
    }

    private let lock = NSLock()
    private var state: State

    public init(_ value: Value) { state = .made(value) }

    /// `make` must give the same value every time it could be called.
    public init(making make: @escaping @Sendable () -> Value) { state = .waiting(make) }

    public var value: Value {
        lock.lock()
        defer { lock.unlock() }
        switch state {
        case .made(let value):
            return value
        case .waiting(let make):
            let value = make()
            state = .made(value)
            return value
        }
    }

    /// Whether the value has been made (for tests of what is deferred).
    public var isMade: Bool {
        lock.lock()
        defer { lock.unlock() }
        if case .made = state { return true }
        return false
    }

    public static func == (a: Deferred, b: Deferred) -> Bool { a === b || a.value == b.value }
    public func hash(into hasher: inout Hasher) { hasher.combine(value) }
    public convenience init(from decoder: any Decoder) throws { self.init(try Value(from: decoder)) }
    public func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}
