import GongkaiCore
import GongkaiZlib

/// The `.gz` copies a build writes beside text files (servers send them to
/// browsers that accept gzip, instead of the file): each must unpack to the
/// file it stands for, or a resident may be shown something else than what
/// `gongkai verify` checked.
enum GzipCopies {
    /// Every `X.gz` under the output against `X` (GK167 when they differ,
    /// or when `X` is missing or the copy does not unpack).
    static func check(_ out: LocalFileSystem, shown: String) -> [Diagnostic] {
        var copies: [String] = []
        func walk(_ folder: String) {
            for name in (try? out.list(folder)) ?? [] where !name.hasPrefix(".") {
                let path = folder.isEmpty ? name : folder + "/" + name
                switch out.kind(of: path) {
                case .directory: walk(path)
                case .file where name.hasSuffix(".gz"): copies.append(path)
                default: break
                }
            }
        }
        walk("")
        return copies.parallelMap { path -> Diagnostic? in
            let original = String(path.dropLast(3))
            guard let packed = try? out.read(path), let plain = try? out.read(original),
                  let unpacked = gunzip(packed, limit: plain.count + 1), unpacked == plain else {
                return Diagnostic(file: shown + "/" + path, code: "GK167", message: LedgerMessages.gzipDiffers(original),
                                  fix: LedgerMessages.mismatchFix)
            }
            return nil
        }.compactMap { $0 }
    }

    /// The bytes of a gzip stream (members concatenated), or nil when it is
    /// not one or unpacks to more than `limit` bytes.
    static func gunzip(_ input: [UInt8], limit: Int) -> [UInt8]? {
        var stream = z_stream()
        // 16 + MAX_WBITS: a gzip header and trailer.
        guard inflateInit2_(&stream, 16 + 15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var input = input
        let ok: Bool = input.withUnsafeMutableBufferPointer { inBuffer in
            stream.next_in = inBuffer.baseAddress
            stream.avail_in = UInt32(inBuffer.count)
            while true {
                let status: Int32 = chunk.withUnsafeMutableBufferPointer { outBuffer in
                    stream.next_out = outBuffer.baseAddress
                    stream.avail_out = UInt32(outBuffer.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                output += chunk[0..<(chunk.count - Int(stream.avail_out))]
                if output.count > limit { return false }
                if status == Z_STREAM_END {
                    // Another member may follow (a chunked writer's copies).
                    if stream.avail_in == 0 { return true }
                    guard inflateReset(&stream) == Z_OK else { return false }
                    continue
                }
                guard status == Z_OK else { return false }
                if stream.avail_in == 0 && stream.avail_out != 0 { return false }
            }
        }
        return ok ? output : nil
    }
}
