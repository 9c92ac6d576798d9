import CDeflate

/// A zip file (a `.docx` or `.xlsx` package) read from bytes, safely:
/// GongkaiZip owns reading zip packages that come from outside (clerks'
/// files, downloads cut off halfway), and nothing else.
///
/// The central directory is read with every offset and size checked against
/// the bytes (`ZipLayout`); an entry is decompressed in one bounded step with
/// libdeflate into a buffer of its declared size (at most the caller's
/// limit) and its CRC-32 checked. ZIPFoundation 0.9.20 is not used for this:
/// on Linux its in-memory archive traps on an offset past the end, and its
/// inflate loop reads past its input and can spin on a damaged deflate
/// stream (found by WordCorpusTests' damaged copies).
public struct ZipArchive: Sendable {
    public struct Entry: Sendable, Hashable {
        /// The name as stored (`word/document.xml`).
        public let path: String
        public let uncompressedSize: Int
        let compressedSize: Int
        let method: Int
        let crc32: UInt32
        let dataOffset: Int
        let encrypted: Bool
    }

    public enum Failure: Error, Sendable, Hashable {
        /// Not a zip file, or its directory points outside the bytes.
        case notZip
        /// The entry's data is damaged (bad deflate data, wrong size or CRC,
        /// an unknown compression method, encrypted).
        case damaged(String)
        /// The entry is larger than the limit asked for.
        case tooLarge
    }

    public let entries: [Entry]
    private let bytes: [UInt8]

    public init(_ bytes: [UInt8]) throws(Failure) {
        guard let directory = ZipLayout.read(bytes) else { throw .notZip }
        self.bytes = bytes
        entries = directory
    }

    /// The entry's bytes, decompressed; `limit` bounds the declared size.
    public func data(_ entry: Entry, limit: Int) throws(Failure) -> [UInt8] {
        guard !entry.encrypted else { throw .damaged("encrypted") }
        guard entry.uncompressedSize <= limit else { throw .tooLarge }
        let input = entry.dataOffset..<(entry.dataOffset + entry.compressedSize)
        let output: [UInt8]
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.uncompressedSize else { throw .damaged("stored size") }
            output = Array(bytes[input])
        case 8:
            guard let decompressor = libdeflate_alloc_decompressor() else { throw .damaged("no memory") }
            defer { libdeflate_free_decompressor(decompressor) }
            var out = [UInt8](repeating: 0, count: entry.uncompressedSize)
            var produced = 0
            let result = bytes.withUnsafeBufferPointer { source in
                out.withUnsafeMutableBufferPointer { target in
                    libdeflate_deflate_decompress(decompressor, source.baseAddress! + input.lowerBound, input.count,
                                                  target.baseAddress, target.count, &produced)
                }
            }
            guard result == LIBDEFLATE_SUCCESS, produced == entry.uncompressedSize else { throw .damaged("deflate") }
            output = out
        default:
            throw .damaged("method \(entry.method)")
        }
        let crc = output.withUnsafeBufferPointer { UInt32(libdeflate_crc32(0, $0.baseAddress, $0.count)) }
        guard crc == entry.crc32 else { throw .damaged("crc") }
        return output
    }
}
