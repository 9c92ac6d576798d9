import Foundation

/// What the previous build rendered, for an incremental build: whether the
/// file at a path was made from the same key (the writer finds it, or fails
/// with `previousMissing` so that the build is done again).
public protocol PageReuse: Sendable {
    func canReuse(_ path: String, key: UInt64) -> Bool
}

/// Pieces of large generated files (each notice's object in
/// `api/notices.json`) by key: the last build's, and this build's for the
/// next one. A one-notice edit rewrites the whole file, and making 10,000
/// JSON objects again was the render stage's longest job; with this, only
/// the changed notices' objects are made. Thread-safe.
public final class FragmentCache: @unchecked Sendable {
    private let previous: [UInt64: ArraySlice<UInt8>]
    private let lock = NSLock()
    private var current: [(key: UInt64, bytes: ArraySlice<UInt8>)] = []
    private var made = 0

    public init(previous: [UInt64: ArraySlice<UInt8>] = [:]) {
        self.previous = previous
    }

    /// How many pieces the last build left.
    public var previousCount: Int { previous.count }

    /// The bytes for `key`: the last build's, or `make()`'s (kept for the next build).
    public func fragment(_ key: UInt64, _ make: () -> [UInt8]) -> ArraySlice<UInt8> {
        let bytes = previous[key] ?? {
            lock.lock()
            made += 1
            lock.unlock()
            return ArraySlice(make())
        }()
        lock.lock()
        current.append((key, bytes))
        lock.unlock()
        return bytes
    }

    /// What this build used, for the next one; `fresh`: how many were made
    /// (not taken from the last build).
    public var used: (fragments: [(key: UInt64, bytes: ArraySlice<UInt8>)], fresh: Int) {
        lock.lock()
        defer { lock.unlock() }
        return (current, made)
    }
}
