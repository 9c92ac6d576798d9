import Foundation
import GongkaiCore

/// `.gongkai-cache/ledger-facts.tsv`: the SHA-256 of each notice's
/// facts.txt by what it is made from (the source's digest, whether it is
/// withdrawn, the digests of its community.yml and of site.yml, the gongkai
/// that made it), so a rebuild does not make 10,000 facts texts to find the
/// one that changed. One `key \t sha256` line each; rewritten when it
/// changed. A missing or damaged file means making them all again;
/// `gongkai verify` never uses it.
struct FactsCache: Sendable {
    static let path = ".gongkai-cache/ledger-facts.tsv"

    let known: [UInt64: String]

    static func load(_ fs: any SiteFileSystem) -> FactsCache {
        guard let bytes = try? fs.read(path) else { return FactsCache(known: [:]) }
        var known: [UInt64: String] = [:]
        known.reserveCapacity(bytes.count / 80)
        CacheLines.forEach(bytes) { line in
            if let (key, sha) = entry(line) { known[key] = sha }
        }
        return FactsCache(known: known)
    }

    /// `key (hex) \t sha256`, or nil.
    private static func entry(_ line: CacheLines.Line) -> (UInt64, String)? {
        guard let tab = line.firstIndex(of: 9), let key = CacheLines.hexNumber(line[..<tab]),
              let sha = CacheLines.sha256(line[(tab + 1)...]) else { return nil }
        return (key, sha)
    }

    static func key(source: UInt64, withdrawn: Bool, community: UInt64, site: UInt64) -> UInt64 {
        var h = StableHasher()
        h.add("gongkai-facts 1")
        h.add(ExecutableIdentity.current)
        h.add(source)
        h.add(withdrawn ? "w" : "-")
        h.add(community)
        h.add(site)
        return h.value
    }

    /// This build's keys and hashes, written when they differ from what was read.
    static func save(_ entries: [UInt64: String], previous: FactsCache, siteRoot: String) {
        guard entries != previous.known else { return }
        var out: [UInt8] = []
        out.reserveCapacity(entries.count * 82)
        for (key, sha) in entries.sorted(by: { $0.key < $1.key }) {
            out += String(key, radix: 16).utf8
            out.append(9)
            out += sha.utf8
            out.append(10)
        }
        try? FileManager.default.createDirectory(atPath: siteRoot + "/.gongkai-cache", withIntermediateDirectories: true)
        try? Data(out).write(to: URL(fileURLWithPath: siteRoot + "/" + path), options: .atomic)
    }
}
