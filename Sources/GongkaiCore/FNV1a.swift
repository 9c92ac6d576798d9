/// FNV-1a, gongkai's one byte hash (not for security): the same in every
/// process and on every machine, unlike Swift's seeded `Hasher`. 64 bits for
/// keys and names (`StableHasher`, asset names, the writer's path records);
/// 32 bits where the search client in JavaScript must compute the same.
public struct FNV1a64: Sendable {
    public static let offsetBasis: UInt64 = 0xcbf29ce484222325
    public static let prime: UInt64 = 0x100000001b3

    public var value: UInt64 = offsetBasis

    public init() {}

    @inlinable @inline(__always)
    public mutating func add(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* Self.prime
    }

    @inlinable @inline(__always)
    public mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
        var h = value
        for b in bytes { h = (h ^ UInt64(b)) &* Self.prime }
        value = h
    }

    @inlinable
    public mutating func add<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        var h = value
        for b in bytes { h = (h ^ UInt64(b)) &* Self.prime }
        value = h
    }

    @inlinable
    public static func hash<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var h = FNV1a64()
        h.add(bytes)
        return h.value
    }
}

/// FNV-1a with 32 bits (offset basis 0x811c9dc5, prime 0x01000193), as
/// `Math.imul` computes it in the search client.
public struct FNV1a32: Sendable {
    public var value: UInt32 = 0x811c9dc5

    public init() {}

    @inlinable
    public mutating func add<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        var h = value
        for b in bytes { h = (h ^ UInt32(b)) &* 0x01000193 }
        value = h
    }

    @inlinable
    public static func hash<Bytes: Sequence>(_ bytes: Bytes) -> UInt32 where Bytes.Element == UInt8 {
        var h = FNV1a32()
        h.add(bytes)
        return h.value
    }
}
