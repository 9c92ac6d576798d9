/// A hash that is the same in every process and on every run (Swift's own
/// `Hasher` is seeded afresh per process): FNV-1a 64 over a value's fields,
/// each prefixed with its length so that ("ab", "c") and ("a", "bc") differ.
/// The incremental build keys caches and pages with it (`RenderKeys`).
public struct StableHasher: Sendable {
    private var fnv = FNV1a64()
    public var value: UInt64 { fnv.value }

    public init() {}

    @inline(__always)
    private mutating func byte(_ b: UInt8) { fnv.add(b) }

    public mutating func add(_ v: UInt64) {
        var v = v
        for _ in 0..<8 {
            byte(UInt8(truncatingIfNeeded: v))
            v >>= 8
        }
    }

    public mutating func add(_ s: String) {
        var s = s
        s.withUTF8 { buffer in
            add(UInt64(buffer.count))
            fnv.add(buffer)
        }
    }

    public mutating func add(_ bytes: [UInt8]) {
        add(UInt64(bytes.count))
        bytes.withUnsafeBufferPointer { fnv.add($0) }
    }

    public mutating func add<T: StableHashable>(_ v: T) { v.stableHash(into: &self) }
}

/// A value with a `StableHasher` digest.
public protocol StableHashable {
    func stableHash(into h: inout StableHasher)
}

extension String: StableHashable {
    public func stableHash(into h: inout StableHasher) { h.add(self) }
}

extension Int: StableHashable {
    public func stableHash(into h: inout StableHasher) { h.add(UInt64(bitPattern: Int64(self))) }
}

extension Bool: StableHashable {
    public func stableHash(into h: inout StableHasher) { h.add(self ? 1 as UInt64 : 2) }
}

extension Optional: StableHashable where Wrapped: StableHashable {
    public func stableHash(into h: inout StableHasher) {
        switch self {
        case .none: h.add(0 as UInt64)
        case .some(let v): h.add(1 as UInt64); v.stableHash(into: &h)
        }
    }
}

extension Array: StableHashable where Element: StableHashable {
    public func stableHash(into h: inout StableHasher) {
        h.add(UInt64(count))
        for v in self { v.stableHash(into: &h) }
    }
}
