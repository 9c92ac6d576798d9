import GongkaiZlib
import Foundation
import GongkaiCore

/// Pre-compressed siblings: `page/index.html.gz` beside `page/index.html`, for
/// servers that send them as they are (nginx `gzip_static on`, Caddy
/// `precompressed gzip`, most CDNs), so a phone on a weak signal gets a third
/// of the bytes and the server does no work per request.
///
/// Deterministic: a fixed gzip header (no file name, modification time 0, OS
/// "Unix"), so the same page always gives the same `.gz` bytes.
public enum Precompress {
    /// Text files that compress well. Attachments (PDF, images, zip) are
    /// already compressed and are left alone.
    public static let extensions: Set<String> = ["html", "css", "js", "json", "xml"]
    /// Below this size a response fits in one network packet compressed or
    /// not, so a `.gz` saves the reader nothing (and 10,000 notices' search
    /// fragments, ~700 bytes each, would double the files to write).
    public static let minimumSize = 1024

    /// `files` plus a `.gz` sibling for each text file worth compressing,
    /// compressed in parallel. `previous`: the output folder of the previous
    /// build, if any; a file whose bytes are unchanged (or an unchanged page,
    /// `.previous`) keeps that build's `.gz` instead of being compressed again,
    /// and is itself handed on as `.previous`, so the writer links it without
    /// reading the old file a second time.
    /// `siteRoot`: where `.gongkai-cache/` keeps the compressed chunks of large
    /// files (`ChunkedGzip`); nil: no cache (the same bytes, more work).
    /// `hadGzip`: whether the previous build wrote a given `.gz`, from the
    /// page cache (so unchanged files cost no system call). Only then is a
    /// `.gz` of the previous build kept: the cache belongs to this gongkai,
    /// and a `.gz` made by another (whose compression may differ) would make
    /// the output differ from a clean build's. Nil: compress everything.
    public static func addingSiblings(_ files: [OutputFile], previous: String? = nil, siteRoot: String? = nil,
                               hadGzip: (@Sendable (String) -> Bool?)? = nil) -> [OutputFile] {
        let previous = previous.flatMap { access($0 + "/" + OutputWriter.marker, F_OK) == 0 ? $0 : nil }
        let candidates = files.indices.filter { i in
            let file = files[i]
            guard isText(file.path) else { return false }
            switch file.content {
            case .bytes(let bytes): return bytes.count >= minimumSize
            case .previous: return previous != nil
            case .copy: return false
            }
        }
        // Large files first, each on its own: in index order the largest
        // (api/notices.json, ledger.json) would fall to one thread together.
        let large = candidates.filter { i in
            if case .bytes(let b) = files[i].content { return b.count >= ChunkedGzip.minimumSize }
            return false
        }
        let rest = candidates.filter { i in !large.contains(i) }
        let order = large + rest
        let sibling: @Sendable (Int) -> (sibling: OutputFile?, same: Bool) = { i in
            let file = files[i]
            let path = file.path + ".gz"
            let old = previous.map { $0 + "/" + file.path }
            let oldGz = old.flatMap { old in hadGzip?(path) == true ? old + ".gz" : nil }
            var bytes: [UInt8]
            switch file.content {
            case .bytes(let b):
                if let old, oldGz != nil, OutputWriter.sameBytes(old, b) { return (OutputFile(path: path, content: .previous), true) }
                bytes = b
            case .previous:
                if oldGz != nil { return (OutputFile(path: path, content: .previous), false) }
                // The last build considered the same bytes and wrote no .gz
                // (too small, or compressing did not help).
                if hadGzip?(path) == false { return (nil, false) }
                // Not known (no page cache of this gongkai): compress the page
                // the previous build kept.
                guard let old, let data = FileManager.default.contents(atPath: old), data.count >= minimumSize else { return (nil, false) }
                bytes = [UInt8](data)
            case .copy:
                return (nil, false)
            }
            guard let gz = compress(bytes, path: file.path, siteRoot: siteRoot), gz.count < bytes.count else { return (nil, false) }
            return (OutputFile(path: path, content: .bytes(gz)), false)
        }
        let ordered = large.parallelMap(sibling) + rest.parallelMap(sibling)
        // One pass to the result (65,000 files: copies of the list showed).
        var at = [Int32](repeating: -1, count: files.count)
        for (k, i) in order.enumerated() { at[i] = Int32(k) }
        var result: [OutputFile] = []
        result.reserveCapacity(files.count + ordered.count)
        for (i, file) in files.enumerated() {
            var file = file
            if at[i] >= 0, ordered[Int(at[i])].same { file.content = .previous }
            result.append(file)
        }
        for i in candidates { if let sibling = ordered[Int(at[i])].sibling { result.append(sibling) } }
        return result
    }

    /// Whether a path ends in one of `extensions` (by bytes: 65,000 paths
    /// a build, and a substring and a set lookup each showed).
    static func isText(_ path: String) -> Bool {
        let utf8 = path.utf8
        guard let dot = utf8.lastIndex(of: UInt8(ascii: ".")) else { return false }
        let ext = utf8[utf8.index(after: dot)...]
        return textExtensions.contains { $0.elementsEqual(ext) }
    }
    private static let textExtensions = extensions.map { Array($0.utf8) }

    /// A file's `.gz`: large files in chunks (`ChunkedGzip`, with the cache
    /// under `siteRoot` if given), the others whole.
    static func compress(_ bytes: [UInt8], path: String, siteRoot: String?) -> [UInt8]? {
        guard bytes.count >= ChunkedGzip.minimumSize else { return gzip(bytes) }
        let cache = siteRoot.map { ChunkedGzip.cachePath(siteRoot: $0, file: path) }
        var chunked = ChunkedGzip(cached: cache.map(ChunkedGzip.load) ?? [:])
        let gz = chunked.gzip(bytes)
        if let cache, gz != nil { chunked.save(cache) }
        return gz
    }

    /// `input` as a gzip member (RFC 1952) with a fixed header; nil if zlib fails.
    static func gzip(_ input: [UInt8], level: Int32 = 6) -> [UInt8]? {
        var stream = z_stream()
        // windowBits -15: raw deflate; the header and trailer are written here,
        // so zlib's OS byte (which differs between platforms) never appears.
        guard deflateInit2_(&stream, level, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY,
                            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(input.count)))
        let xfl: UInt8 = level >= 9 ? 2 : (level == 1 ? 4 : 0)
        var out: [UInt8] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, xfl, 3]
        out += [UInt8](repeating: 0, count: bound)
        var crc: uLong = 0
        let status: Int32 = input.withUnsafeBufferPointer { inp in
            out.withUnsafeMutableBufferPointer { o in
                stream.next_in = UnsafeMutablePointer(mutating: inp.baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = o.baseAddress! + 10
                stream.avail_out = uInt(bound)
                crc = crc32(0, inp.baseAddress, uInt(input.count))
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return nil }
        out.removeLast(bound - Int(stream.total_out))
        let size = UInt32(truncatingIfNeeded: input.count)
        for value in [UInt32(truncatingIfNeeded: crc), size] {
            out += [UInt8(value & 0xff), UInt8(value >> 8 & 0xff), UInt8(value >> 16 & 0xff), UInt8(value >> 24)]
        }
        return out
    }
}
