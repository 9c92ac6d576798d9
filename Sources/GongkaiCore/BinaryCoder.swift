import Foundation

/// A compact binary form of `Codable` values, for the incremental build's
/// caches (.gongkai-cache/): many times faster to read than JSON, since
/// nothing is parsed and no key is looked up.
///
/// - A struct's fields are written one after another in the order its
///   `encode(to:)` writes them, without their keys (synthesized `Codable`
///   writes and reads them in the same order). An optional field
///   (`encodeIfPresent`) is a byte 0 (nil) or 1 followed by the value.
/// - Keyed containers whose keys can be numbers (a dictionary's keys) are
///   written with their keys: a count, then each key (a string) and its
///   value's length and bytes, so `allKeys` and `contains` work.
/// - Integers are 8 bytes little-endian, `Bool` one byte, strings and
///   arrays a 4-byte count followed by their UTF-8 bytes or elements.
///
/// Only for values whose `Codable` is synthesized (or written in the same
/// way): a nil inside an array or a single-value container cannot be
/// written (encoding throws), and `decodeNil(forKey:)` throws. Reading
/// checks every length against the bytes left and throws on any
/// mismatch, so damaged bytes never crash; they may decode to other
/// values, so the cache files carry a checksum of their bytes
/// (`BinaryCoder.checksum`).
public enum BinaryCoder {
    public struct Failure: Error {
        public var message: String
        public init(message: String) { self.message = message }
    }

    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = BinaryEncoder()
        try value.encode(to: encoder)
        return encoder.bytes
    }

    /// Appends `value` to `bytes`.
    public static func encode<T: Encodable>(_ value: T, appendingTo bytes: inout [UInt8]) throws {
        let encoder = BinaryEncoder()
        swap(&encoder.bytes, &bytes)
        defer { swap(&encoder.bytes, &bytes) }
        try value.encode(to: encoder)
    }

    /// Decodes a `T` that fills `bytes` exactly.
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: UnsafeRawBufferPointer) throws -> T {
        let decoder = BinaryDecoder(bytes)
        let value = try T(from: decoder)
        guard decoder.at == bytes.count else { throw Failure(message: "trailing bytes") }
        return value
    }

    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        try bytes.withUnsafeBytes { try decode(type, from: $0) }
    }

    /// A fast 64-bit checksum (not cryptographic): a damaged cache file is
    /// noticed before it is decoded.
    public static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        let words = bytes.count / 8
        var i = 0
        while i < words {
            let w = bytes.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)
            h = (h ^ w) &* 0x0000_0100_0000_01B3
            h ^= h >> 29
            i += 1
        }
        var tail: UInt64 = 0
        for j in (words * 8)..<bytes.count { tail = tail << 8 | UInt64(bytes[j]) }
        h = (h ^ tail) &* 0xBF58_476D_1CE4_E5B9
        return h ^ (h >> 31)
    }
}

// MARK: - Writing

public final class BinaryEncoder: Encoder {
    public var bytes: [UInt8] = []
    public init() {}
    public var codingPath: [CodingKey] { [] }
    public var userInfo: [CodingUserInfoKey: Any] { [:] }

    @inlinable public func write<I: FixedWidthInteger>(_ value: I) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    @inlinable public func write(_ value: Int) { write(Int64(value)) }
    @inlinable public func write(_ value: UInt) { write(UInt64(value)) }
    @inlinable public func write(_ value: Bool) { bytes.append(value ? 1 : 0) }
    @inlinable public func write(_ value: Double) { write(value.bitPattern) }
    @inlinable public func write(_ value: Float) { write(value.bitPattern) }

    public func write(_ value: String) throws {
        var s = value
        try s.withUTF8 { utf8 in
            guard utf8.count <= UInt32.max else { throw BinaryCoder.Failure(message: "string too long") }
            write(UInt32(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// Raw bytes with their length (as a string is written).
    public func write(bytes value: [UInt8]) throws {
        guard value.count <= UInt32.max else { throw BinaryCoder.Failure(message: "too long") }
        write(UInt32(value.count))
        bytes.append(contentsOf: value)
    }

    public func writeValue<T: Encodable>(_ value: T) throws {
        // The common leaves without a trip through encode(to:).
        if T.self == String.self { return try write(unsafeBitCast(value, to: String.self)) }
        if T.self == Int.self { return write(unsafeBitCast(value, to: Int.self)) }
        if T.self == UInt64.self { return write(unsafeBitCast(value, to: UInt64.self)) }
        try value.encode(to: self)
    }

    /// Reserves a 4-byte length at the end; `patch` fills it in.
    public func reserve() -> Int {
        let at = bytes.count
        bytes.append(contentsOf: [0, 0, 0, 0])
        return at
    }

    public func patch(_ at: Int, _ value: Int) throws {
        guard value <= UInt32.max else { throw BinaryCoder.Failure(message: "too long") }
        let v = UInt32(value)
        bytes[at] = UInt8(truncatingIfNeeded: v)
        bytes[at + 1] = UInt8(truncatingIfNeeded: v >> 8)
        bytes[at + 2] = UInt8(truncatingIfNeeded: v >> 16)
        bytes[at + 3] = UInt8(truncatingIfNeeded: v >> 24)
    }

    public func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if Key(intValue: 0) != nil {
            return KeyedEncodingContainer(BinaryDynamicKeyedEncoding<Key>(encoder: self, count: reserve()))
        }
        return KeyedEncodingContainer(BinaryKeyedEncoding<Key>(encoder: self))
    }

    public func unkeyedContainer() -> UnkeyedEncodingContainer {
        BinaryUnkeyedEncoding(encoder: self, countAt: reserve())
    }

    public func singleValueContainer() -> SingleValueEncodingContainer { BinarySingleValueEncoding(encoder: self) }
}

private func unsupportedNil() -> BinaryCoder.Failure {
    BinaryCoder.Failure(message: "a nil outside an optional field cannot be written")
}

/// A struct's fields in order, without keys.
struct BinaryKeyedEncoding<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: BinaryEncoder
    var codingPath: [CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws { encoder.bytes.append(0) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { encoder.write(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { try encoder.write(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { encoder.write(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { encoder.write(value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { encoder.write(value) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { encoder.write(value) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { encoder.write(value) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { encoder.write(value) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { encoder.write(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { encoder.write(value) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { encoder.write(value) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { encoder.write(value) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { encoder.write(value) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { encoder.write(value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try encoder.writeValue(value) }

    private func present(_ some: Bool) { encoder.bytes.append(some ? 1 : 0) }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { present(value != nil); if let value { encoder.write(value) } }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { present(value != nil); if let value { try encoder.write(value) } }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { present(value != nil); if let value { encoder.write(value) } }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { present(value != nil); if let value { encoder.write(value) } }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { present(value != nil); if let value { encoder.write(value) } }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { present(value != nil); if let value { encoder.write(value) } }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { present(value != nil); if let value { encoder.write(value) } }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { present(value != nil); if let value { encoder.write(value) } }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { present(value != nil); if let value { encoder.write(value) } }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { present(value != nil); if let value { encoder.write(value) } }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { present(value != nil); if let value { encoder.write(value) } }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { present(value != nil); if let value { encoder.write(value) } }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { present(value != nil); if let value { encoder.write(value) } }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { present(value != nil); if let value { encoder.write(value) } }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        present(value != nil)
        if let value { try encoder.writeValue(value) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                       forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        encoder.container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer { encoder.unkeyedContainer() }
    mutating func superEncoder() -> Encoder { encoder }
    mutating func superEncoder(forKey key: Key) -> Encoder { encoder }
}

/// Keys that may be numbers (a dictionary's): a count, then per entry the
/// key (as a string), the value's length and the value.
struct BinaryDynamicKeyedEncoding<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: BinaryEncoder
    let count: Int
    var entries = 0
    var codingPath: [CodingKey] { [] }

    init(encoder: BinaryEncoder, count: Int) {
        self.encoder = encoder
        self.count = count
    }

    private mutating func entry(_ key: Key, _ body: (BinaryEncoder) throws -> Void) throws {
        try encoder.write(key.stringValue)
        let length = encoder.reserve()
        try body(encoder)
        try encoder.patch(length, encoder.bytes.count - length - 4)
        entries += 1
        try encoder.patch(count, entries)
    }

    mutating func encodeNil(forKey key: Key) throws { throw unsupportedNil() }
    mutating func encode(_ value: Bool, forKey key: Key) throws { try entry(key) { $0.write(value) } }
    mutating func encode(_ value: String, forKey key: Key) throws { try entry(key) { try $0.write(value) } }
    mutating func encode(_ value: Double, forKey key: Key) throws { try entry(key) { $0.write(value) } }
    mutating func encode(_ value: Float, forKey key: Key) throws { try entry(key) { $0.write(value) } }
    mutating func encode(_ value: Int, forKey key: Key) throws { try entry(key) { $0.write(value) } }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try entry(key) { $0.write(value) } }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try entry(key) { $0.write(value) } }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try entry(key) { $0.write(value) } }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try entry(key) { $0.write(value) } }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try entry(key) { $0.write(value) } }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try entry(key) { $0.write(value) } }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try entry(key) { $0.write(value) } }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try entry(key) { $0.write(value) } }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try entry(key) { $0.write(value) } }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try entry(key) { try $0.writeValue(value) } }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                       forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        // Its entry's length cannot be filled in once the nested container
        // is done: a failure when written, so nothing wrong is ever read.
        KeyedEncodingContainer(BinaryFailingEncoding<NestedKey>())
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        BinaryFailingUnkeyedEncoding()
    }
    mutating func superEncoder() -> Encoder { BinaryFailingEncoder() }
    mutating func superEncoder(forKey key: Key) -> Encoder { BinaryFailingEncoder() }
}

/// A 4-byte count, then the elements.
struct BinaryUnkeyedEncoding: UnkeyedEncodingContainer {
    let encoder: BinaryEncoder
    let countAt: Int
    var count = 0
    var codingPath: [CodingKey] { [] }

    private mutating func counted() throws {
        count += 1
        try encoder.patch(countAt, count)
    }

    mutating func encodeNil() throws { throw unsupportedNil() }
    mutating func encode(_ value: Bool) throws { encoder.write(value); try counted() }
    mutating func encode(_ value: String) throws { try encoder.write(value); try counted() }
    mutating func encode(_ value: Double) throws { encoder.write(value); try counted() }
    mutating func encode(_ value: Float) throws { encoder.write(value); try counted() }
    mutating func encode(_ value: Int) throws { encoder.write(value); try counted() }
    mutating func encode(_ value: Int8) throws { encoder.write(value); try counted() }
    mutating func encode(_ value: Int16) throws { encoder.write(value); try counted() }
    mutating func encode(_ value: Int32) throws { encoder.write(value); try counted() }
    mutating func encode(_ value: Int64) throws { encoder.write(value); try counted() }
    mutating func encode(_ value: UInt) throws { encoder.write(value); try counted() }
    mutating func encode(_ value: UInt8) throws { encoder.write(value); try counted() }
    mutating func encode(_ value: UInt16) throws { encoder.write(value); try counted() }
    mutating func encode(_ value: UInt32) throws { encoder.write(value); try counted() }
    mutating func encode(_ value: UInt64) throws { encoder.write(value); try counted() }
    mutating func encode<T: Encodable>(_ value: T) throws { try encoder.writeValue(value); try counted() }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        count += 1
        try? encoder.patch(countAt, count)
        return encoder.container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        count += 1
        try? encoder.patch(countAt, count)
        return encoder.unkeyedContainer()
    }
    mutating func superEncoder() -> Encoder {
        count += 1
        try? encoder.patch(countAt, count)
        return encoder
    }
}

struct BinarySingleValueEncoding: SingleValueEncodingContainer {
    let encoder: BinaryEncoder
    var codingPath: [CodingKey] { [] }

    mutating func encodeNil() throws { throw unsupportedNil() }
    mutating func encode(_ value: Bool) throws { encoder.write(value) }
    mutating func encode(_ value: String) throws { try encoder.write(value) }
    mutating func encode(_ value: Double) throws { encoder.write(value) }
    mutating func encode(_ value: Float) throws { encoder.write(value) }
    mutating func encode(_ value: Int) throws { encoder.write(value) }
    mutating func encode(_ value: Int8) throws { encoder.write(value) }
    mutating func encode(_ value: Int16) throws { encoder.write(value) }
    mutating func encode(_ value: Int32) throws { encoder.write(value) }
    mutating func encode(_ value: Int64) throws { encoder.write(value) }
    mutating func encode(_ value: UInt) throws { encoder.write(value) }
    mutating func encode(_ value: UInt8) throws { encoder.write(value) }
    mutating func encode(_ value: UInt16) throws { encoder.write(value) }
    mutating func encode(_ value: UInt32) throws { encoder.write(value) }
    mutating func encode(_ value: UInt64) throws { encoder.write(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try encoder.writeValue(value) }
}

/// What cannot be written in this form: every write throws.
private struct BinaryFailingEncoder: Encoder {
    var codingPath: [CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(BinaryFailingEncoding<Key>())
    }
    func unkeyedContainer() -> UnkeyedEncodingContainer { BinaryFailingUnkeyedEncoding() }
    func singleValueContainer() -> SingleValueEncodingContainer { BinaryFailingSingleValueEncoding() }
}

private func unsupportedNesting() -> BinaryCoder.Failure {
    BinaryCoder.Failure(message: "a container nested in a dictionary cannot be written")
}

private struct BinaryFailingEncoding<Key: CodingKey>: KeyedEncodingContainerProtocol {
    var codingPath: [CodingKey] { [] }
    mutating func encodeNil(forKey key: Key) throws { throw unsupportedNesting() }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { throw unsupportedNesting() }
    mutating func encode(_ value: Bool, forKey key: Key) throws { throw unsupportedNesting() }
    mutating func encode(_ value: String, forKey key: Key) throws { throw unsupportedNesting() }
    mutating func encode(_ value: Double, forKey key: Key) throws { throw unsupportedNesting() }
    mutating func encode(_ value: Float, forKey key: Key) throws { throw unsupportedNesting() }
    mutating func encode(_ value: Int, forKey key: Key) throws { throw unsupportedNesting() }
    mutating func encode(_ value: Int8, forKey key: Key) throws { throw unsupportedNesting() }
    mutating func encode(_ value: Int16, forKey key: Key) throws { throw unsupportedNesting() }
    mutating func encode(_ value: Int32, forKey key: Key) throws { throw unsupportedNesting() }
    mutating func encode(_ value: Int64, forKey key: Key) throws { throw unsupportedNesting() }
    mutating func encode(_ value: UInt, forKey key: Key) throws { throw unsupportedNesting() }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { throw unsupportedNesting() }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { throw unsupportedNesting() }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { throw unsupportedNesting() }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { throw unsupportedNesting() }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { throw unsupportedNesting() }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                       forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(BinaryFailingEncoding<NestedKey>())
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer { BinaryFailingUnkeyedEncoding() }
    mutating func superEncoder() -> Encoder { BinaryFailingEncoder() }
    mutating func superEncoder(forKey key: Key) -> Encoder { BinaryFailingEncoder() }
}

private struct BinaryFailingUnkeyedEncoding: UnkeyedEncodingContainer {
    var codingPath: [CodingKey] { [] }
    var count: Int { 0 }
    mutating func encodeNil() throws { throw unsupportedNesting() }
    mutating func encode<T: Encodable>(_ value: T) throws { throw unsupportedNesting() }
    mutating func encode(_ value: Bool) throws { throw unsupportedNesting() }
    mutating func encode(_ value: String) throws { throw unsupportedNesting() }
    mutating func encode(_ value: Double) throws { throw unsupportedNesting() }
    mutating func encode(_ value: Float) throws { throw unsupportedNesting() }
    mutating func encode(_ value: Int) throws { throw unsupportedNesting() }
    mutating func encode(_ value: Int8) throws { throw unsupportedNesting() }
    mutating func encode(_ value: Int16) throws { throw unsupportedNesting() }
    mutating func encode(_ value: Int32) throws { throw unsupportedNesting() }
    mutating func encode(_ value: Int64) throws { throw unsupportedNesting() }
    mutating func encode(_ value: UInt) throws { throw unsupportedNesting() }
    mutating func encode(_ value: UInt8) throws { throw unsupportedNesting() }
    mutating func encode(_ value: UInt16) throws { throw unsupportedNesting() }
    mutating func encode(_ value: UInt32) throws { throw unsupportedNesting() }
    mutating func encode(_ value: UInt64) throws { throw unsupportedNesting() }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(BinaryFailingEncoding<NestedKey>())
    }
    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer { BinaryFailingUnkeyedEncoding() }
    mutating func superEncoder() -> Encoder { BinaryFailingEncoder() }
}

private struct BinaryFailingSingleValueEncoding: SingleValueEncodingContainer {
    var codingPath: [CodingKey] { [] }
    mutating func encodeNil() throws { throw unsupportedNesting() }
    mutating func encode<T: Encodable>(_ value: T) throws { throw unsupportedNesting() }
    mutating func encode(_ value: Bool) throws { throw unsupportedNesting() }
    mutating func encode(_ value: String) throws { throw unsupportedNesting() }
    mutating func encode(_ value: Double) throws { throw unsupportedNesting() }
    mutating func encode(_ value: Float) throws { throw unsupportedNesting() }
    mutating func encode(_ value: Int) throws { throw unsupportedNesting() }
    mutating func encode(_ value: Int8) throws { throw unsupportedNesting() }
    mutating func encode(_ value: Int16) throws { throw unsupportedNesting() }
    mutating func encode(_ value: Int32) throws { throw unsupportedNesting() }
    mutating func encode(_ value: Int64) throws { throw unsupportedNesting() }
    mutating func encode(_ value: UInt) throws { throw unsupportedNesting() }
    mutating func encode(_ value: UInt8) throws { throw unsupportedNesting() }
    mutating func encode(_ value: UInt16) throws { throw unsupportedNesting() }
    mutating func encode(_ value: UInt32) throws { throw unsupportedNesting() }
    mutating func encode(_ value: UInt64) throws { throw unsupportedNesting() }
}

// MARK: - Reading

public final class BinaryDecoder: Decoder {
    public let base: UnsafeRawBufferPointer
    public var at = 0
    public var codingPath: [CodingKey] { [] }
    public var userInfo: [CodingUserInfoKey: Any] { [:] }

    public init(_ base: UnsafeRawBufferPointer) { self.base = base }

    public static func short() -> BinaryCoder.Failure { BinaryCoder.Failure(message: "truncated") }

    @inlinable public func read<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
        let n = MemoryLayout<I>.size
        guard n <= base.count - at else { throw Self.short() }
        let v = base.loadUnaligned(fromByteOffset: at, as: I.self)
        at += n
        return I(littleEndian: v)
    }

    @inlinable public func read(_ type: Int.Type) throws -> Int { Int(try read(Int64.self)) }
    @inlinable public func read(_ type: UInt.Type) throws -> UInt { UInt(try read(UInt64.self)) }
    @inlinable public func read(_ type: Double.Type) throws -> Double { Double(bitPattern: try read(UInt64.self)) }
    @inlinable public func read(_ type: Float.Type) throws -> Float { Float(bitPattern: try read(UInt32.self)) }

    @inlinable public func read(_ type: Bool.Type) throws -> Bool {
        switch try read(UInt8.self) {
        case 0: return false
        case 1: return true
        default: throw BinaryCoder.Failure(message: "not a Bool")
        }
    }

    /// A length: never more than the bytes left (`unit`: bytes each counted
    /// item takes at least), so a damaged count fails at once instead of
    /// reserving memory for it.
    @inlinable public func count(unit: Int = 1) throws -> Int {
        let n = Int(try read(UInt32.self))
        guard n <= (base.count - at) / max(unit, 1) else { throw Self.short() }
        return n
    }

    public func read(_ type: String.Type) throws -> String {
        let n = try count()
        let start = base.baseAddress!.advanced(by: at).assumingMemoryBound(to: UInt8.self)
        at += n
        return String(decoding: UnsafeBufferPointer(start: start, count: n), as: UTF8.self)
    }

    /// Raw bytes written by `BinaryEncoder.write(bytes:)`.
    public func readBytes() throws -> [UInt8] {
        let n = try count()
        defer { at += n }
        return Array(UnsafeRawBufferPointer(rebasing: base[at..<at + n]))
    }

    public func readValue<T: Decodable>(_ type: T.Type) throws -> T {
        // The common leaves without a trip through init(from:).
        if T.self == String.self { return unsafeBitCast(try read(String.self), to: T.self) }
        if T.self == Int.self { return unsafeBitCast(try read(Int.self), to: T.self) }
        if T.self == UInt64.self { return unsafeBitCast(try read(UInt64.self), to: T.self) }
        return try T(from: self)
    }

    /// The byte before an optional field's value.
    @inlinable public func present() throws -> Bool { try read(Bool.self) }

    public func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        if Key(intValue: 0) != nil {
            return KeyedDecodingContainer(try BinaryDynamicKeyedDecoding<Key>(decoder: self))
        }
        return KeyedDecodingContainer(BinaryKeyedDecoding<Key>(decoder: self))
    }

    public func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        BinaryUnkeyedDecoding(decoder: self, count: try count())
    }

    public func singleValueContainer() throws -> SingleValueDecodingContainer { BinarySingleValueDecoding(decoder: self) }
}

private func unsupportedKeys() -> BinaryCoder.Failure {
    BinaryCoder.Failure(message: "the keys of a struct's fields are not written")
}

struct BinaryKeyedDecoding<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: BinaryDecoder
    var codingPath: [CodingKey] { [] }
    /// Unknown: fields are read in order, whatever their keys.
    var allKeys: [Key] { [] }

    func contains(_ key: Key) -> Bool { true }
    func decodeNil(forKey key: Key) throws -> Bool { throw unsupportedKeys() }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decoder.read(type) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decoder.read(type) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decoder.read(type) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decoder.read(type) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decoder.read(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decoder.read(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decoder.read(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decoder.read(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decoder.read(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decoder.read(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decoder.read(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decoder.read(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decoder.read(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decoder.read(type) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try decoder.readValue(type) }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try decoder.present() ? try decoder.read(type) : nil }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try decoder.present() ? try decoder.read(type) : nil }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try decoder.present() ? try decoder.read(type) : nil }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try decoder.present() ? try decoder.read(type) : nil }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try decoder.present() ? try decoder.read(type) : nil }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try decoder.present() ? try decoder.read(type) : nil }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try decoder.present() ? try decoder.read(type) : nil }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try decoder.present() ? try decoder.read(type) : nil }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try decoder.present() ? try decoder.read(type) : nil }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try decoder.present() ? try decoder.read(type) : nil }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try decoder.present() ? try decoder.read(type) : nil }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try decoder.present() ? try decoder.read(type) : nil }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try decoder.present() ? try decoder.read(type) : nil }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try decoder.present() ? try decoder.read(type) : nil }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try decoder.present() ? try decoder.readValue(type) : nil
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type,
                                               forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try decoder.container(keyedBy: type)
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer { try decoder.unkeyedContainer() }
    func superDecoder() throws -> Decoder { decoder }
    func superDecoder(forKey key: Key) throws -> Decoder { decoder }
}

/// A dictionary's entries: keys read first, each value read where it is.
struct BinaryDynamicKeyedDecoding<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: BinaryDecoder
    let allKeys: [Key]
    /// Offset and length of each key's value, in `allKeys` order.
    let values: [(name: String, at: Int, length: Int)]
    /// Where the entries end (where the decoder goes on after a value).
    let end: Int
    var codingPath: [CodingKey] { [] }

    init(decoder: BinaryDecoder) throws {
        self.decoder = decoder
        let n = try decoder.count(unit: 8)
        var keys: [Key] = []
        var values: [(name: String, at: Int, length: Int)] = []
        keys.reserveCapacity(n)
        values.reserveCapacity(n)
        for _ in 0..<n {
            let name = try decoder.read(String.self)
            let length = try decoder.count()
            guard let key = Key(stringValue: name) else { throw BinaryCoder.Failure(message: "bad key") }
            keys.append(key)
            values.append((name, decoder.at, length))
            decoder.at += length
        }
        allKeys = keys
        self.values = values
        end = decoder.at
    }

    /// Where the next lookup starts: keys are usually asked for in
    /// `allKeys` order (a dictionary's `init(from:)` does), so each lookup
    /// is one comparison instead of a search through all keys.
    private final class Cursor {
        var next = 0
    }
    private let cursor = Cursor()

    private func value(_ key: Key) -> (name: String, at: Int, length: Int)? {
        let name = key.stringValue
        let start = cursor.next
        for i in values.indices {
            let j = (start + i) % values.count
            if values[j].name == name {
                cursor.next = j + 1
                return values[j]
            }
        }
        return nil
    }

    func contains(_ key: Key) -> Bool { value(key) != nil }
    func decodeNil(forKey key: Key) throws -> Bool { value(key) == nil }

    private func read<T>(_ key: Key, _ body: () throws -> T) throws -> T {
        guard let v = value(key) else { throw BinaryCoder.Failure(message: "missing key \(key.stringValue)") }
        decoder.at = v.at
        defer { decoder.at = end }
        let result = try body()
        guard decoder.at == v.at + v.length else { throw BinaryCoder.Failure(message: "bad value length") }
        return result
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try read(key) { try decoder.read(type) } }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try read(key) { try decoder.read(type) } }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try read(key) { try decoder.read(type) } }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try read(key) { try decoder.read(type) } }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try read(key) { try decoder.read(type) } }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try read(key) { try decoder.read(type) } }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try read(key) { try decoder.read(type) } }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try read(key) { try decoder.read(type) } }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try read(key) { try decoder.read(type) } }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try read(key) { try decoder.read(type) } }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try read(key) { try decoder.read(type) } }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try read(key) { try decoder.read(type) } }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try read(key) { try decoder.read(type) } }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try read(key) { try decoder.read(type) } }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try read(key) { try decoder.readValue(type) } }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type,
                                               forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        throw unsupportedNesting()
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer { throw unsupportedNesting() }
    func superDecoder() throws -> Decoder { throw unsupportedNesting() }
    func superDecoder(forKey key: Key) throws -> Decoder { throw unsupportedNesting() }
}

struct BinaryUnkeyedDecoding: UnkeyedDecodingContainer {
    let decoder: BinaryDecoder
    let total: Int
    var currentIndex = 0
    var codingPath: [CodingKey] { [] }
    var count: Int? { total }
    var isAtEnd: Bool { currentIndex >= total }

    init(decoder: BinaryDecoder, count: Int) {
        self.decoder = decoder
        total = count
    }

    private mutating func next<T>(_ body: (BinaryDecoder) throws -> T) throws -> T {
        guard currentIndex < total else { throw BinaryCoder.Failure(message: "past the end") }
        currentIndex += 1
        return try body(decoder)
    }

    mutating func decodeNil() throws -> Bool { false }
    mutating func decode(_ type: Bool.Type) throws -> Bool { try next { try $0.read(type) } }
    mutating func decode(_ type: String.Type) throws -> String { try next { try $0.read(type) } }
    mutating func decode(_ type: Double.Type) throws -> Double { try next { try $0.read(type) } }
    mutating func decode(_ type: Float.Type) throws -> Float { try next { try $0.read(type) } }
    mutating func decode(_ type: Int.Type) throws -> Int { try next { try $0.read(type) } }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next { try $0.read(type) } }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next { try $0.read(type) } }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next { try $0.read(type) } }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next { try $0.read(type) } }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next { try $0.read(type) } }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next { try $0.read(type) } }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next { try $0.read(type) } }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next { try $0.read(type) } }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next { try $0.read(type) } }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next { try $0.readValue(type) } }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next { try $0.container(keyedBy: type) }
    }
    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer { try next { try $0.unkeyedContainer() } }
    mutating func superDecoder() throws -> Decoder { try next { $0 } }
}

struct BinarySingleValueDecoding: SingleValueDecodingContainer {
    let decoder: BinaryDecoder
    var codingPath: [CodingKey] { [] }

    func decodeNil() -> Bool { false }
    func decode(_ type: Bool.Type) throws -> Bool { try decoder.read(type) }
    func decode(_ type: String.Type) throws -> String { try decoder.read(type) }
    func decode(_ type: Double.Type) throws -> Double { try decoder.read(type) }
    func decode(_ type: Float.Type) throws -> Float { try decoder.read(type) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.read(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoder.read(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoder.read(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.read(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.read(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try decoder.read(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.read(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.read(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.read(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.read(type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.readValue(type) }
}
