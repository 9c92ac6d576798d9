import Foundation
import GongkaiCore

/// `.gongkai-cache/ledger-files.tsv`: the SHA-256 of each attachment and
/// table file by its path and what the file system says of it (size,
/// modification and change times, inode), so the ledger stage reads a file
/// only when it changed: a site's PDFs are hashed once, not at every build.
/// One line per file, `path \t size \t mtime \t ctime \t inode \t sha256`.
/// A damaged line is skipped; a missing file means hashing everything again.
/// `gongkai verify` never uses it.
final class FileHashes: @unchecked Sendable {
    static let path = ".gongkai-cache/ledger-files.tsv"

    struct Known: Sendable {
        var identity: FileIdentity
        var sha256: String
    }

    private let fs: any SiteFileSystem
    private let previous: [String: Known]
    private let lock = NSLock()
    private var used: [String: Known] = [:]
    private var changed = false

    init(fs: any SiteFileSystem) {
        self.fs = fs
        var known: [String: Known] = [:]
        if let bytes = try? fs.read(Self.path) {
            for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
                let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard parts.count == 6, let size = Int64(parts[1]), let mtime = Int64(parts[2]), let ctime = Int64(parts[3]),
                      let inode = UInt64(parts[4]), parts[5].count == 64 else { continue }
                known[String(parts[0])] = Known(identity: FileIdentity(size: size, mtime: mtime, ctime: ctime, inode: inode),
                                                sha256: String(parts[5]))
            }
        }
        previous = known
    }

    /// The SHA-256 of the file at `path` (relative to the site), or nil when
    /// it cannot be read; and, when it changed since the last build, the
    /// SHA-256 it had then.
    func sha256(_ path: String) -> (now: String, before: String?)? {
        let identity = fs.identity(of: path)
        if let identity, let known = previous[path], known.identity == identity {
            lock.lock()
            used[path] = known
            lock.unlock()
            return (known.sha256, nil)
        }
        guard let bytes = try? fs.read(path) else { return nil }
        let sha = SHA256.hex(bytes)
        lock.lock()
        if let identity { used[path] = Known(identity: identity, sha256: sha) }
        changed = true
        lock.unlock()
        let before = previous[path].map(\.sha256)
        return (sha, before == sha ? nil : before)
    }

    /// Writes the hashes of this build's files (when anything changed).
    func save(siteRoot: String) {
        lock.lock()
        let entries = used, dirty = changed || used.count != previous.count
        lock.unlock()
        guard dirty else { return }
        var out = ""
        for (path, k) in entries.sorted(by: { $0.key < $1.key }) where !path.contains("\t") && !path.contains("\n") {
            out += "\(path)\t\(k.identity.size)\t\(k.identity.mtime)\t\(k.identity.ctime)\t\(k.identity.inode)\t\(k.sha256)\n"
        }
        try? FileManager.default.createDirectory(atPath: siteRoot + "/.gongkai-cache", withIntermediateDirectories: true)
        try? Data(out.utf8).write(to: URL(fileURLWithPath: siteRoot + "/" + Self.path), options: .atomic)
    }
}
