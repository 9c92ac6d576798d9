import Foundation
import GongkaiCore

/// `.gongkai-cache/ledger-versions.tsv`: the SHA-256 of the canonical text
/// of each notice source by the digest of its bytes (`SourceFile.digest`,
/// known without reading an unchanged file) and whether it is withdrawn, one
/// line each (`digest (hex), w or -, sha256`, tab-separated). A source with
/// the same digest and withdrawal keeps its SHA-256 without being read or
/// its canonical text made.
///
/// A build appends the lines of the sources that changed (a later line wins)
/// and rewrites the file only when it has grown well past one line per
/// notice. A damaged line is skipped; a missing file means hashing
/// everything again.
enum VersionCache {
    struct Key: Hashable, Sendable {
        /// `SourceFile.digest` (it covers the length too).
        var digest: UInt64
        var withdrawn: Bool
    }

    static let path = ".gongkai-cache/ledger-versions.tsv"

    /// The file as read.
    struct Known: Sendable {
        var entries: [Key: String] = [:]
        /// Lines in the file, readable or not.
        var lines = 0
        var exists = false
        var endsWithNewline = true
    }

    static func load(_ fs: any SiteFileSystem) -> Known {
        guard let bytes = try? fs.read(path) else { return Known() }
        var known = Known(exists: true, endsWithNewline: bytes.last.map { $0 == 10 } ?? true)
        known.entries.reserveCapacity(bytes.count / 80)
        CacheLines.forEach(bytes) { line in
            known.lines += 1
            if let (key, sha) = entry(line) { known.entries[key] = sha }
        }
        return known
    }

    /// `digest \t w|- \t sha256`, or nil.
    private static func entry(_ line: CacheLines.Line) -> (Key, String)? {
        guard let tab = line.firstIndex(of: 9), line.endIndex - tab == 67, line[tab + 2] == 9,
              line[tab + 1] == 119 || line[tab + 1] == 45,
              let digest = CacheLines.hexNumber(line[..<tab]), let sha = CacheLines.sha256(line[(tab + 3)...]) else { return nil }
        return (Key(digest: digest, withdrawn: line[tab + 1] == 119), sha)
    }

    static func line(_ key: Key, _ sha256: String) -> String {
        "\(String(key.digest, radix: 16))\t\(key.withdrawn ? "w" : "-")\t\(sha256)\n"
    }

    /// This build's entries, for the next build.
    struct Update: Sendable {
        let known: Known
        private(set) var all: [(key: Key, sha256: String)] = []
        /// Entries not in the file as read.
        private(set) var changed: [(key: Key, sha256: String)] = []

        init(known: Known) { self.known = known }

        mutating func set(_ key: Key, _ sha256: String, new: Bool) {
            all.append((key, sha256))
            if new { changed.append((key, sha256)) }
        }

        func save(siteRoot: String) {
            let file = siteRoot + "/" + VersionCache.path
            if known.exists, changed.isEmpty { return }
            if known.exists, known.lines + changed.count <= all.count + max(all.count / 2, 64),
               let handle = FileHandle(forWritingAtPath: file) {
                var out = known.endsWithNewline ? "" : "\n"
                for (key, sha) in changed { out += VersionCache.line(key, sha) }
                defer { try? handle.close() }
                if (try? handle.seekToEnd()) != nil, (try? handle.write(contentsOf: Data(out.utf8))) != nil { return }
            }
            var unique: [Key: String] = [:]
            for (key, sha) in all { unique[key] = sha }
            var out = ""
            for (key, sha) in unique.sorted(by: { ($0.key.digest, $0.key.withdrawn ? 1 : 0) < ($1.key.digest, $1.key.withdrawn ? 1 : 0) }) {
                out += VersionCache.line(key, sha)
            }
            try? FileManager.default.createDirectory(atPath: siteRoot + "/.gongkai-cache", withIntermediateDirectories: true)
            try? Data(out.utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
        }
    }
}
