import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GongkaiCore

/// What one output tree (the live output or its spare) holds, so the next
/// build can bring the spare up to date by touching only the files that
/// differ. Kept in `.gongkai-cache/trees-<output hash>/` (one folder per
/// output folder, so two outputs of one site never share one).
///
/// A manifest names its tree by the tree's marker file (`.gongkai-output`):
/// its content (the build's fingerprint), inode and modification time. Every
/// build writes a new marker file, so a manifest whose tree was changed by a
/// build killed before it could save its manifests no longer matches and is
/// not trusted.
struct TreeManifest: Sendable {
    struct Entry: Sendable, Equatable {
        /// What the file holds: `Identity.key/bytes/copy`; 0 means unknown.
        var identity: UInt64
        var size: Int
        /// Modification time in nanoseconds: a file changed in place (by
        /// hand, through either tree: unchanged files are hard links shared
        /// by both) no longer matches its entry.
        var mtime: Int64
    }

    /// Identifies a tree by its marker file.
    struct Stamp: Sendable, Equatable {
        var fingerprint: String
        var inode: UInt64
        var mtime: Int64

        /// The marker of the tree at `root`, if it has one.
        init?(tree root: String) {
            var st = stat()
            guard lstat(root + "/" + OutputWriter.marker, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG,
                  let data = FileManager.default.contents(atPath: root + "/" + OutputWriter.marker) else { return nil }
            fingerprint = String(decoding: data, as: UTF8.self)
            inode = UInt64(st.st_ino)
            mtime = Self.nanoseconds(st)
        }

        init(fingerprint: String, inode: UInt64, mtime: Int64) {
            self.fingerprint = fingerprint
            self.inode = inode
            self.mtime = mtime
        }

        static func nanoseconds(_ st: stat) -> Int64 { FileIdentity(st).mtime }
    }

    var stamp: Stamp
    var entries: [String: Entry]

    enum Identity {
        static func key(_ key: UInt64) -> UInt64 { tagged(1) { $0.add(key) } }
        /// A file's bytes (with its size checked beside), hashed eight bytes
        /// at a time: one build hashes tens of megabytes (search index,
        /// notice.txt, api/) that have no key, and FNV-1a byte by byte
        /// (`StableHasher`) takes ~1 ns a byte. The xxHash64 round and final
        /// mix on one lane; not a cryptographic hash (nothing here is secret:
        /// a collision would only keep an old file, and the size must match too).
        static func bytes(_ bytes: [UInt8]) -> UInt64 {
            let p1: UInt64 = 0x9E3779B185EBCA87, p2: UInt64 = 0xC2B2AE3D27D4EB4F, p3: UInt64 = 0x165667B19E3779F9
            @inline(__always) func round(_ acc: UInt64, _ w: UInt64) -> UInt64 {
                var a = acc &+ w &* p2
                a = (a << 31) | (a >> 33)
                return a &* p1
            }
            var acc: UInt64 = 2 &* p3 &+ UInt64(bytes.count)
            bytes.withUnsafeBytes { raw in
                let n = raw.count, words = n / 8
                for i in 0..<words { acc = round(acc, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self))) }
                var tail: UInt64 = 0
                for i in stride(from: n - 1, through: words * 8, by: -1) { tail = tail << 8 | UInt64(raw[i]) }
                acc = round(acc, tail ^ 0xFF)
            }
            acc ^= acc >> 33; acc = acc &* p2
            acc ^= acc >> 29; acc = acc &* p3
            acc ^= acc >> 32
            return acc == 0 ? 1 : acc
        }
        /// An attachment copied from the site: its source, size, inode and
        /// modification and change times.
        static func copy(_ source: String, _ st: stat) -> UInt64 {
            let id = FileIdentity(st)
            return tagged(3) {
                $0.add(source)
                $0.add(UInt64(bitPattern: id.size))
                $0.add(id.inode)
                $0.add(UInt64(bitPattern: id.mtime))
                $0.add(UInt64(bitPattern: id.ctime))
            }
        }
        private static func tagged(_ tag: UInt64, _ body: (inout StableHasher) -> Void) -> UInt64 {
            var h = StableHasher()
            h.add(tag)
            body(&h)
            return h.value == 0 ? 1 : h.value
        }
    }

    /// The folder of the manifests of one output folder.
    static func folder(siteRoot: String, output: String) -> String {
        var h = StableHasher()
        h.add(output)
        return siteRoot + "/" + IncrementalCache.folder + "/trees-" + String(h.value, radix: 16)
    }

    private static func header(output: String, stamp: Stamp) -> String {
        // The fingerprint may hold anything: it is stored hashed.
        var h = StableHasher()
        h.add(stamp.fingerprint)
        return "gongkai-tree-1\t\(BuildCache.executableIdentity)\t\(output)\t\(stamp.inode)\t\(stamp.mtime)\t\(String(h.value, radix: 16))"
    }

    /// The manifest at `path` if it describes the tree at `tree` as it is
    /// now (same marker file, same gongkai, same output folder); nil otherwise.
    static func load(_ path: String, tree: String, output: String) -> TreeManifest? {
        guard let stamp = Stamp(tree: tree), let data = FileManager.default.contents(atPath: path) else { return nil }
        let expected = Array(header(output: output, stamp: stamp).utf8)
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> TreeManifest? in
            let bytes = raw.bindMemory(to: UInt8.self)
            let n = bytes.count
            var i = 0
            while i < n && bytes[i] != 10 { i += 1 }
            guard i == expected.count, expected.withUnsafeBufferPointer({ e in
                memcmp(e.baseAddress!, bytes.baseAddress!, e.count) == 0 }) else { return nil }
            i += 1
            var entries: [String: Entry] = [:]
            entries.reserveCapacity(n / 60)
            /// A number field ending at a tab or newline.
            func number(_ radix: Int) -> Int64? {
                var v: Int64 = 0, digits = 0, negative = false
                if i < n && bytes[i] == UInt8(ascii: "-") { negative = true; i += 1 }
                while i < n, bytes[i] != 9, bytes[i] != 10 {
                    let c = bytes[i]
                    let d: Int64
                    switch c {
                    case 48...57: d = Int64(c - 48)
                    case 97...102 where radix == 16: d = Int64(c - 87)
                    default: return nil
                    }
                    v = radix == 16 ? Int64(bitPattern: UInt64(bitPattern: v) << 4 | UInt64(d)) : v &* 10 &+ d
                    digits += 1
                    i += 1
                }
                guard digits > 0, i < n else { return nil }
                i += 1
                return negative ? -v : v
            }
            while i < n {
                let start = i
                while i < n && bytes[i] != 9 { i += 1 }
                guard i < n else { return nil }
                let path = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
                i += 1
                guard let identity = number(16), let size = number(10), let mtime = number(10) else { return nil }
                entries[path] = Entry(identity: UInt64(bitPattern: identity), size: Int(size), mtime: mtime)
            }
            return TreeManifest(stamp: stamp, entries: entries)
        }
    }

    /// Writes the manifest to `path` (a new file renamed over the old one).
    func save(_ path: String, output: String) -> Bool {
        Self.save(path, output: output, stamp: stamp, entries: entries.map { ($0.key, $0.value) })
    }

    /// Writes a manifest of `entries` to `path` (a new file renamed over the old one).
    static func save(_ path: String, output: String, stamp: Stamp, entries: [(String, Entry)]) -> Bool {
        var text = [UInt8]()
        text.reserveCapacity(entries.count * 90 + 256)
        text += Array(header(output: output, stamp: stamp).utf8)
        text.append(10)
        var digits = [UInt8](repeating: 0, count: 24)
        func append(_ value: UInt64, radix: UInt64) {
            var v = value, n = 0
            repeat {
                let d = UInt8(v % radix)
                digits[n] = d < 10 ? 48 + d : 87 + d
                n += 1
                v /= radix
            } while v > 0
            while n > 0 { n -= 1; text.append(digits[n]) }
        }
        for (path, entry) in entries {
            var path = path
            path.withUTF8 { text.append(contentsOf: $0) }
            text.append(9)
            append(entry.identity, radix: 16)
            text.append(9)
            append(UInt64(max(entry.size, 0)), radix: 10)
            text.append(9)
            if entry.mtime < 0 { text.append(UInt8(ascii: "-")) }
            append(entry.mtime.magnitude, radix: 10)
            text.append(10)
        }
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = path + ".tmp-\(getpid())"
        guard OutputWriter.writeFile(temporary, text) == nil else { unlink(temporary); return false }
        guard rename(temporary, path) == 0 else { unlink(temporary); return false }
        return true
    }

    /// The spare as it is on disk, compared with its record: files that are
    /// not as recorded (changed or added by hand, not regular files), and
    /// recorded files that are not there. One `fstatat` per file, the
    /// top-level folders in parallel, no file opened.
    struct Check: Sendable {
        var bad: Set<String> = []
        var missing: Set<String> = []
    }

    /// `listing`: also lists every file seen (only needed, in a second
    /// walk, when recorded files are missing).
    func check(_ root: String, listing: Bool = false) -> Check {
        struct Level: Sendable {
            var bad: [String] = []
            var seen: [String] = []
            var recorded = 0
        }
        let entries = self.entries
        /// One folder (its descriptor is taken over) and, depth first, the
        /// folders in it: at most one descriptor open per level.
        @Sendable func visit(_ fd: Int32, _ prefix: String, into result: inout Level, subfolders: Bool = true) -> [String] {
            guard let dir = fdopendir(fd) else { close(fd); return [] }
            defer { closedir(dir) }
            var inner: [String] = []
            forEachEntry(of: dir) { name, st in
                guard let st else { return }
                if (st.st_mode & S_IFMT) == S_IFDIR {
                    inner.append(name)
                    return
                }
                let path = prefix + name
                if prefix.isEmpty && name == OutputWriter.marker { return }
                if listing { result.seen.append(path) }
                if let entry = entries[path] {
                    result.recorded += 1
                    if (st.st_mode & S_IFMT) == S_IFREG && Int(st.st_size) == entry.size && Stamp.nanoseconds(st) == entry.mtime { return }
                }
                result.bad.append(path)
            }
            guard subfolders else { return inner }
            for name in inner {
                let sub = openat(dirfd(dir), name, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
                if sub >= 0 { _ = visit(sub, prefix + name + "/", into: &result) }
            }
            return inner
        }
        var check = Check()
        let fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { check.missing = Set(entries.keys); return check }
        defer { close(fd) }
        var top = Level()
        let names = visit(dup(fd), "", into: &top, subfolders: false)
        var levels = names.parallelMap { name -> Level in
            var level = Level()
            let sub = openat(fd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
            if sub >= 0 { _ = visit(sub, name + "/", into: &level) }
            return level
        }
        levels.append(top)
        for level in levels { check.bad.formUnion(level.bad) }
        if listing {
            var seen = Set<String>()
            for level in levels { seen.formUnion(level.seen) }
            check.missing = Set(entries.keys.filter { !seen.contains($0) })
        } else if levels.reduce(0, { $0 + $1.recorded }) < entries.count {
            // Recorded files deleted by hand: which ones.
            return self.check(root, listing: true)
        }
        return check
    }
}
