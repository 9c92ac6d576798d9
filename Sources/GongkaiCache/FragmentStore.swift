import Foundation
import GongkaiCore
import GongkaiOutput
import GongkaiRender

/// The renderer's pieces of large files (`FragmentCache`), kept in
/// `.gongkai-cache/fragments.bin` between builds: each notice's object in
/// `api/notices.json` by the key of what it is made from. A piece is only
/// ever looked up by its key, so a stale file costs nothing but misses.
enum FragmentStore {
    static let magic = Array("gongkai-fragments-1\n".utf8)

    static func path(_ siteRoot: String) -> String { siteRoot + "/" + RecordFile.cacheFolder + "/fragments.bin" }

    /// The last build's pieces (none if the file is missing or damaged).
    static func load(siteRoot: String) -> FragmentCache {
        guard let file = RecordFile.bytes(of: path(siteRoot)) else { return FragmentCache() }
        // The pieces are slices of the file's bytes (no copy of them).
        let pieces = file.withUnsafeBytes { raw in
            RecordFile.decode(raw, magic: magic) { d -> [UInt64: ArraySlice<UInt8>] in
                let offset = magic.count + 8   // where the decoder's bytes start in the file
                var pieces: [UInt64: ArraySlice<UInt8>] = [:]
                let n = try d.count(unit: 12)
                pieces.reserveCapacity(n)
                for _ in 0..<n {
                    let key = try d.read(UInt64.self)
                    let length = try d.count()
                    pieces[key] = file[offset + d.at..<offset + d.at + length]
                    d.at += length
                }
                return pieces
            }
        }
        return FragmentCache(previous: pieces ?? [:])
    }

    /// Saves what this build used, once enough of it is new: rewriting
    /// 10,000 pieces (6 MB) costs more than making a few again, so a build
    /// that made only a few leaves the file as it was (the next build makes
    /// those few again, and the file is saved when they add up).
    static func save(_ cache: FragmentCache, siteRoot: String) {
        let (fragments, fresh) = cache.used
        guard fresh > max(64, fragments.count / 50) || (fresh > 0 && cache.previousCount == 0) else { return }
        let sorted = fragments.sorted { $0.key < $1.key }
        guard let bytes = RecordFile.encode(magic: magic, { e in
            e.write(UInt32(sorted.count))
            for (key, piece) in sorted {
                e.write(key)
                e.write(UInt32(piece.count))
                e.bytes.append(contentsOf: piece)
            }
        }) else { return }
        try? FileManager.default.createDirectory(atPath: siteRoot + "/" + RecordFile.cacheFolder,
                                                 withIntermediateDirectories: true)
        try? Data(bytes).write(to: URL(fileURLWithPath: path(siteRoot)), options: .atomic)
    }
}
