import CDeflate
import Foundation
import GongkaiCore

/// Pre-compressed siblings: `page/index.html.gz` beside `page/index.html`, for
/// servers that send them as they are (nginx `gzip_static on`, Caddy
/// `precompressed gzip`, most CDNs), so a phone on a weak signal gets a third
/// of the bytes and the server does no work per request.
///
/// Only what residents' browsers fetch is worth it: pages, the stylesheet and
/// scripts, the search index. Files that programs read in bulk (api/, the
/// ledger's JSON, the sitemap) are left to the server's on-the-fly gzip
/// (docs/hosting.md: `gzip on`), which costs it little for a file fetched
/// now and then, while compressing megabytes on every build does not.
///
/// Compressed with libdeflate (Debian libdeflate-dev), deterministic: a fixed
/// gzip header (no file name, modification time 0, OS "Unix"), so the same
/// page always gives the same `.gz` bytes with the same libdeflate.
public enum Precompress {
    /// Text files that compress well. Attachments (PDF, images, zip) are
    /// already compressed and are left alone.
    public static let extensions: Set<String> = ["html", "css", "js", "json", "xml"]
    /// Below this size a response fits in one network packet compressed or
    /// not, so a `.gz` saves the reader nothing (and 10,000 notices' search
    /// fragments, ~700 bytes each, would double the files to write).
    public static let minimumSize = 1024
    /// Files that programs read in bulk, never residents' browsers.
    static let bulkData: Set<String> = ["api/notices.json", "ledger.json", "sitemap.xml"]
    /// libdeflate's levels: pages (HTML, and feeds) are most of the bytes
    /// and each is read by few, so the fastest level (a few percent larger);
    /// what every search and every visit fetches (the search index, CSS, JS)
    /// the thorough one (docs/performance.md).
    static func level(for path: String) -> Int32 {
        path.hasSuffix(".html") || path.hasSuffix(".xml") ? 1 : 6
    }

    /// The previous build's output, for keeping its `.gz` files: its
    /// folder, and whether it wrote a given `.gz` (from the page cache, so
    /// unchanged files cost no system call). Only then is a `.gz` of the
    /// previous build kept: the cache belongs to this gongkai, and a `.gz`
    /// made by another (whose compression may differ) would make the output
    /// differ from a clean build's.
    public struct Previous: Sendable {
        let folder: String
        let hadGzip: (@Sendable (String) -> Bool?)?

        /// Nil when `folder` is not a gongkai output.
        public init?(_ folder: String?, hadGzip: (@Sendable (String) -> Bool?)?) {
            guard let folder, access(folder + "/" + OutputWriter.marker, F_OK) == 0 else { return nil }
            self.folder = folder
            self.hadGzip = hadGzip
        }
    }

    /// `files` plus a `.gz` sibling for each text file worth compressing,
    /// compressed in parallel (`withSiblings` on all cores).
    public static func addingSiblings(_ files: [OutputFile], previous: String? = nil,
                                      hadGzip: (@Sendable (String) -> Bool?)? = nil) -> [OutputFile] {
        let previous = Previous(previous, hadGzip: hadGzip)
        return files.indices.runs(of: 64).parallelMap { withSiblings(Array(files[$0]), previous: previous) }.flatMap { $0 }
    }

    /// Each file followed by its `.gz` sibling where one is worth it, on the
    /// calling thread. A file whose bytes equal the previous build's (or an
    /// unchanged page, `.previous`) keeps that build's `.gz` instead of being
    /// compressed again, and is itself handed on as `.previous`, so the
    /// writer links it without reading the old file a second time.
    public static func withSiblings(_ files: [OutputFile], previous: Previous?) -> [OutputFile] {
        var result: [OutputFile] = []
        result.reserveCapacity(files.count * 2)
        for file in files {
            guard worthCompressing(file.path) else {
                result.append(file)
                continue
            }
            let (gz, same) = sibling(of: file, previous: previous)
            var file = file
            if same { file.content = .previous }
            result.append(file)
            if let gz { result.append(gz) }
        }
        return result
    }

    private static func sibling(of file: OutputFile, previous: Previous?) -> (sibling: OutputFile?, same: Bool) {
        let path = file.path + ".gz"
        let old = previous.map { $0.folder + "/" + file.path }
        let hadGzip = previous?.hadGzip?(path)
        let oldGz = old.flatMap { old in hadGzip == true ? old + ".gz" : nil }
        var bytes: [UInt8]
        switch file.content {
        case .bytes(let b):
            guard b.count >= minimumSize else { return (nil, false) }
            if let old, oldGz != nil, OutputWriter.sameBytes(old, b) { return (OutputFile(path: path, content: .previous), true) }
            bytes = b
        case .previous:
            guard let old else { return (nil, false) }
            if oldGz != nil { return (OutputFile(path: path, content: .previous), false) }
            // The last build considered the same bytes and wrote no .gz
            // (too small, or compressing did not help).
            if hadGzip == false { return (nil, false) }
            // Not known (no page cache of this gongkai): compress the page
            // the previous build kept.
            guard let data = FileManager.default.contents(atPath: old), data.count >= minimumSize else { return (nil, false) }
            bytes = [UInt8](data)
        case .copy:
            return (nil, false)
        }
        guard let gz = gzip(bytes, level: level(for: file.path)), gz.count < bytes.count else { return (nil, false) }
        return (OutputFile(path: path, content: .bytes(gz)), false)
    }

    /// A text file that residents' browsers fetch (not `bulkData`).
    public static func worthCompressing(_ path: String) -> Bool {
        isText(path) && !bulkData.contains(path)
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

    /// `input` as a gzip member (RFC 1952) with a fixed header; nil if
    /// libdeflate fails.
    public static func gzip(_ input: [UInt8], level: Int32 = 6) -> [UInt8]? {
        guard let compressor = Compressors.shared.take(level: level) else { return nil }
        defer { Compressors.shared.give(compressor, level: level) }
        let bound = libdeflate_deflate_compress_bound(compressor, input.count)
        let header: [UInt8] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]
        var out = [UInt8](repeating: 0, count: header.count + bound + 8)
        let (written, crc): (Int, UInt32) = input.withUnsafeBytes { inp in
            out.withUnsafeMutableBytes { o in
                let n = libdeflate_deflate_compress(compressor, inp.baseAddress, inp.count,
                                                    o.baseAddress! + header.count, bound)
                return (n, libdeflate_crc32(0, inp.baseAddress, inp.count))
            }
        }
        guard written > 0 else { return nil }
        out.replaceSubrange(0..<header.count, with: header)
        out.removeLast(bound - written + 8)
        for value in [crc, UInt32(truncatingIfNeeded: input.count)] {
            out += [UInt8(value & 0xff), UInt8(value >> 8 & 0xff), UInt8(value >> 16 & 0xff), UInt8(value >> 24)]
        }
        return out
    }
}

/// libdeflate compressors for reuse: making one takes longer than
/// compressing a page.
private final class Compressors: @unchecked Sendable {
    static let shared = Compressors()
    private let lock = NSLock()
    private var idle: [Int32: [OpaquePointer]] = [:]

    /// Nil only when memory is exhausted.
    func take(level: Int32) -> OpaquePointer? {
        lock.lock()
        defer { lock.unlock() }
        return idle[level]?.popLast() ?? libdeflate_alloc_compressor(level)
    }

    func give(_ compressor: OpaquePointer, level: Int32) {
        lock.lock()
        idle[level, default: []].append(compressor)
        lock.unlock()
    }
}
