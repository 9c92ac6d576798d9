import Foundation
import GongkaiCore
import GongkaiZlib

/// Gzip for large files that change a little at a time (`api/notices.json`:
/// 5.7 MB for 10,000 notices, `ledger.json`, `sitemap.xml`): a one-notice
/// edit changes a few hundred bytes of them, but compressing them whole took
/// a fifth of a second of every rebuild.
///
/// The file is cut into chunks at content-defined places (a rolling hash of
/// the last 64 bytes, as `gzip --rsyncable` and FastCDC do), so an edit changes only
/// its own chunk and an insertion moves no other boundary. Each chunk is
/// compressed by a fresh deflate stream primed with the 32 KB of input
/// before it (`deflateSetDictionary`: back-references reach into the chunk
/// before, as in one stream, so the file is hardly larger than compressed
/// whole) and ending in a full flush (the last in a final block); the
/// compressed chunks simply follow each other in one valid gzip member. A
/// chunk seen before (same length and CRC-32, same dictionary, same position:
/// last or not) is taken from `.gongkai-cache/gzip/<name>` instead of being
/// compressed again: an edit recompresses its chunk and at most the next.
///
/// Deterministic: the output depends on the input bytes alone, cache or no
/// cache (ChunkedGzipTests).
struct ChunkedGzip {
    /// Files at least this large are compressed in chunks.
    static let minimumSize = 256 * 1024
    /// A boundary where the rolling hash's top 15 bits are zero: chunks of
    /// ~40 KB on average (8 KB skipped, then one chance in 32,768 a byte),
    /// between 8 KB and 128 KB.
    static let mask: UInt64 = ((1 << 15) - 1) << 49
    static let minimumChunk = 8 * 1024
    static let maximumChunk = 128 * 1024

    struct Key: Hashable {
        var length: Int
        var crc: UInt32
        var dictionaryLength: Int
        var dictionaryCRC: UInt32
        var last: Bool
    }

    /// deflate's window: how far back a chunk's dictionary reaches.
    static let dictionarySize = 32 * 1024

    /// Compressed chunks by key (from the cache, and those made now).
    var chunks: [Key: [UInt8]] = [:]
    /// Keys used by this compression (what the cache keeps).
    private(set) var used: [Key] = []

    init(cached: [Key: [UInt8]] = [:]) { chunks = cached }

    /// The chunk boundaries (end offsets) of `input`.
    static func boundaries(_ input: [UInt8]) -> [Int] {
        // Gear hash (as FastCDC): shift, add the new byte's table value. Bit
        // k depends on the last k + 1 bytes, so the top bits that decide a
        // boundary depend on the last 64 bytes alone, and hashing can start
        // 64 bytes before the shortest chunk ends (the first 8 KB of each
        // chunk are skipped).
        var ends: [Int] = []
        let skip = max(0, minimumChunk - 64)
        input.withUnsafeBufferPointer { bytes in
            var h: UInt64 = 0
            var start = 0
            let n = bytes.count
            var i = skip
            while i < n {
                h = (h << 1) &+ table[Int(bytes[i])]
                let length = i + 1 - start
                if (length >= minimumChunk && h & mask == 0) || length >= maximumChunk {
                    ends.append(i + 1)
                    start = i + 1
                    i = start + skip
                    h = 0
                    continue
                }
                i += 1
            }
            if start < n || ends.isEmpty { ends.append(n) }
        }
        return ends
    }

    /// A fixed pseudo-random table (splitmix of the byte value).
    static let table: [UInt64] = (0..<256).map { i in
        var z = UInt64(i) &+ 0x9E3779B97F4A7C15
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }

    /// `input` as one gzip member (header as `Precompress.gzip`'s); nil if
    /// zlib fails.
    mutating func gzip(_ input: [UInt8], level: Int32 = 6) -> [UInt8]? {
        var out: [UInt8] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, level >= 9 ? 2 : (level == 1 ? 4 : 0), 3]
        var crc: uLong = 0
        var start = 0
        let ends = Self.boundaries(input)
        used = []
        for (index, end) in ends.enumerated() {
            let ok: Bool = input.withUnsafeBufferPointer { all in
                let chunk = UnsafeBufferPointer(rebasing: all[start..<end])
                let dictionary = UnsafeBufferPointer(rebasing: all[max(0, start - Self.dictionarySize)..<start])
                let chunkCRC = UInt32(truncatingIfNeeded: crc32(0, chunk.baseAddress, uInt(chunk.count)))
                crc = crc32_combine(crc, uLong(chunkCRC), off_t(chunk.count))
                let key = Key(length: chunk.count, crc: chunkCRC, dictionaryLength: dictionary.count,
                              dictionaryCRC: UInt32(truncatingIfNeeded: crc32(0, dictionary.baseAddress, uInt(dictionary.count))),
                              last: index == ends.count - 1)
                used.append(key)
                if let done = chunks[key] {
                    out += done
                    return true
                }
                guard let compressed = Self.deflateChunk(chunk, dictionary: dictionary, last: key.last, level: level) else { return false }
                chunks[key] = compressed
                out += compressed
                return true
            }
            guard ok else { return nil }
            start = end
        }
        let size = UInt32(truncatingIfNeeded: input.count)
        for value in [UInt32(truncatingIfNeeded: crc), size] {
            out += [UInt8(value & 0xff), UInt8(value >> 8 & 0xff), UInt8(value >> 16 & 0xff), UInt8(value >> 24)]
        }
        return out
    }

    /// One chunk as raw deflate from a fresh stream: ending in a full flush
    /// (byte-aligned, the next chunk's blocks follow) or, for the last, a
    /// final block.
    static func deflateChunk(_ chunk: UnsafeBufferPointer<UInt8>, dictionary: UnsafeBufferPointer<UInt8>, last: Bool,
                             level: Int32) -> [UInt8]? {
        var stream = z_stream()
        guard deflateInit2_(&stream, level, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY,
                            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { deflateEnd(&stream) }
        if dictionary.count > 0,
           deflateSetDictionary(&stream, dictionary.baseAddress, uInt(dictionary.count)) != Z_OK { return nil }
        let bound = Int(deflateBound(&stream, uLong(chunk.count))) + 16
        var out = [UInt8](repeating: 0, count: bound)
        let status: Int32 = out.withUnsafeMutableBufferPointer { o in
            stream.next_in = UnsafeMutablePointer(mutating: chunk.baseAddress)
            stream.avail_in = uInt(chunk.count)
            stream.next_out = o.baseAddress!
            stream.avail_out = uInt(bound)
            return deflate(&stream, last ? Z_FINISH : Z_FULL_FLUSH)
        }
        guard last ? status == Z_STREAM_END : (status == Z_OK && stream.avail_in == 0) else { return nil }
        out.removeLast(bound - Int(stream.total_out))
        return out
    }

    // MARK: the cache

    static func cachePath(siteRoot: String, file: String) -> String {
        var h = StableHasher()
        h.add(file)
        return siteRoot + "/" + RecordFile.cacheFolder + "/gzip/" + String(h.value, radix: 16)
    }

    /// The format and the executable that compressed the chunks: another
    /// gongkai (another zlib) may compress the same chunk to other bytes, and
    /// the output must be what a clean build of this one makes.
    static let magic = Array("gongkai-gzip-chunks-4\t\(ExecutableIdentity.current)\n".utf8)

    /// The chunks kept at `path`; empty when missing, damaged (the file
    /// carries a checksum: a damaged chunk would be published as it is) or
    /// from another gongkai.
    static func load(_ path: String) -> [Key: [UInt8]] {
        let chunks = RecordFile.withContents(of: path) { bytes in
            RecordFile.decode(bytes, magic: magic) { d in
                var chunks: [Key: [UInt8]] = [:]
                for _ in 0..<(try d.count(unit: 25)) {
                    let key = Key(length: try d.read(Int.self), crc: try d.read(UInt32.self),
                                  dictionaryLength: try d.read(Int.self), dictionaryCRC: try d.read(UInt32.self),
                                  last: try d.read(Bool.self))
                    chunks[key] = try d.readBytes()
                }
                return chunks
            }
        }
        return chunks.flatMap { $0 } ?? [:]
    }

    /// Keeps the chunks this compression used (a damaged or lost file only
    /// means compressing again).
    func save(_ path: String) {
        let kept = used.compactMap { key in chunks[key].map { (key, $0) } }
        guard let bytes = RecordFile.encode(magic: Self.magic, { e in
            e.write(UInt32(kept.count))
            for (key, compressed) in kept {
                e.write(key.length)
                e.write(key.crc)
                e.write(key.dictionaryLength)
                e.write(key.dictionaryCRC)
                e.write(key.last)
                try e.write(bytes: compressed)
            }
        }) else { return }
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        try? Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
