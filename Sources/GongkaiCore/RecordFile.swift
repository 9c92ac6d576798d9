import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file of records that one build leaves for the next (a cache, the
/// writer's tree records): `magic` (the format), a checksum of the rest,
/// then `BinaryEncoder`'s primitives. A file that is missing, damaged, cut
/// short or of another format reads as nil: a miss, never a wrong value.
public enum RecordFile {
    /// Where a site keeps them (gitignored).
    public static let cacheFolder = ".gongkai-cache"

    /// A cache file: `magic` (the format), a checksum of the rest (8
    /// bytes), then what `write` puts in with `BinaryEncoder`'s primitives.
    public static func encode(magic: [UInt8], _ write: (BinaryEncoder) throws -> Void) -> [UInt8]? {
        let e = BinaryEncoder()
        e.bytes = magic + [UInt8](repeating: 0, count: 8)
        do { try write(e) } catch { return nil }
        var bytes = e.bytes
        let sum = bytes.withUnsafeBytes { BinaryCoder.checksum(UnsafeRawBufferPointer(rebasing: $0[(magic.count + 8)...])) }
        withUnsafeBytes(of: sum.littleEndian) { bytes.replaceSubrange(magic.count..<magic.count + 8, with: $0) }
        return bytes
    }

    /// What `read` makes of a cache file written by `encode(magic:_:)`; nil
    /// unless the bytes are a whole, undamaged file of this format and
    /// `read` takes every byte.
    public static func decode<T>(_ bytes: UnsafeRawBufferPointer, magic: [UInt8], _ read: (BinaryDecoder) throws -> T) -> T? {
        let head = magic.count + 8
        guard bytes.count >= head, bytes.prefix(magic.count).elementsEqual(magic) else { return nil }
        let sum = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: magic.count, as: UInt64.self))
        let body = UnsafeRawBufferPointer(rebasing: bytes[head...])
        guard BinaryCoder.checksum(body) == sum else { return nil }
        let d = BinaryDecoder(body)
        guard let value = try? read(d), d.at == body.count else { return nil }
        return value
    }

    /// A `Codable` value as a cache file, in `BinaryCoder`'s form.
    public static func encode<T: Encodable>(_ value: T, magic: [UInt8]) -> [UInt8]? {
        encode(magic: magic) { try BinaryCoder.encode(value, appendingTo: &$0.bytes) }
    }

    /// Nil unless `bytes` are a whole, undamaged file of this format.
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: UnsafeRawBufferPointer, magic: [UInt8]) -> T? {
        decode(bytes, magic: magic) { try T(from: $0) }
    }

    public static func read<T: Decodable>(_ type: T.Type, path: String, magic: [UInt8]) -> T? {
        withContents(of: path) { decode(type, from: $0, magic: magic) }.flatMap { $0 }
    }

    /// The bytes of a file, read into one buffer; nil if it cannot be read.
    /// (Not mapped: a cache file cut short by another process while mapped
    /// would crash the build with SIGBUS; reading costs a few milliseconds.)
    public static func withContents<R>(of path: String, _ body: (UnsafeRawBufferPointer) -> R) -> R? {
        bytes(of: path).map { $0.withUnsafeBytes(body) }
    }

    /// The bytes of a file as one array (for caches whose values stay
    /// slices of it); nil if it cannot be read.
    public static func bytes(of path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        // A file cut short meanwhile is not a whole record: nil.
        return try? FileIO.read(fd, at: 0, count: Int(st.st_size))
    }

    /// Writes atomically; a cache that cannot be written only means more
    /// work next time.
    public static func write<T: Encodable>(_ value: T, path: String, magic: [UInt8]) {
        guard let bytes = encode(value, magic: magic) else { return }
        try? Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
