import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GongkaiCore

/// What one output tree (the live output or its spare) holds, so the next
/// build can bring the spare up to date by touching only the files that
/// differ. Kept in `.gongkai-cache/trees-<output hash>/{live,spare}.bin`
/// (one folder per output folder, so two outputs of one site never share
/// one).
///
/// The file (`RecordFile.encode(magic:)`: format line, checksum,
/// then the body): a header naming the gongkai, the output folder and the
/// tree, the number of files, one fixed-size row a file (the `PathHash` of
/// its path, its identity, size, modification time and path length), then
/// the paths one after the other. Loading it is a read, a checksum and a
/// copy of the rows; files are found by path hash in a table made on load
/// (the paths compared byte for byte, so a hash shared by two paths costs a
/// step, never a wrong answer), and a path becomes a `String` only when it
/// is needed (a text manifest with a `String` key a file was slow to load
/// for a large site).
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

        /// The file `st` describes is this entry's: a regular file of its
        /// size and modification time (a hand edit changes the time).
        func describes(_ st: stat) -> Bool {
            (st.st_mode & S_IFMT) == S_IFREG && Int(st.st_size) == size && Stamp.nanoseconds(st) == mtime
        }
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
    /// One row a file, in the order the build listed them.
    private(set) var rows: [Row]
    /// The rows' paths, one after the other (UTF-8, as `Row.start/length`
    /// say): a path becomes a `String` only when it is needed (a file the
    /// new site no longer has, to unlink).
    private var paths: [UInt8]
    /// Open addressing on the path hash: row index + 1, 0 for an empty slot;
    /// a power of two of at least twice the rows.
    private var table: [UInt32]
    /// Every folder of the tree (the root as ""), as it was when the record
    /// was saved: a folder whose modification time and inode are unchanged
    /// has had no entry added, removed or renamed since, so the check need
    /// not list it (listing 12,500 folders was a third of the check). Empty
    /// in a record made without them: then every folder is listed.
    private(set) var folders: [Folder] = []

    struct Folder: Sendable, Equatable {
        var path: String
        var mtime: Int64
        var inode: UInt64

        /// The folder at `path` (relative to the folder `root` is open on)
        /// as it is now; nil if it is not a folder.
        /// `recording`: for a record. A folder changed in the last 20 ms
        /// is recorded as never matching (it is listed by the next check):
        /// a kernel may stamp times in ticks of up to 10 ms (HZ 100), so an
        /// entry added in the same tick as the recorded time would leave the
        /// time as recorded (git's "racy" entries, the same way). The
        /// folders a build writes in are such folders: a handful.
        init?(_ root: Int32, _ path: String, recording: Bool = false) {
            var st = stat()
            guard fstatat(root, path.isEmpty ? "." : path, &st, AT_SYMLINK_NOFOLLOW) == 0,
                  (st.st_mode & S_IFMT) == S_IFDIR else { return nil }
            var mtime = FileIdentity(st).mtime
            if recording {
                var now = timespec()
                clock_gettime(CLOCK_REALTIME, &now)
                if Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec) - mtime < 20_000_000 { mtime = Self.racy }
            }
            self.init(path: path, mtime: mtime, inode: UInt64(st.st_ino))
        }

        /// The recorded time of a folder changed just before it was recorded.
        static let racy = Int64.min

        init(path: String, mtime: Int64, inode: UInt64) {
            self.path = path
            self.mtime = mtime
            self.inode = inode
        }
    }

    struct Row: Sendable {
        /// `PathHash` of the path.
        var hash: UInt64
        var entry: Entry
        var start: UInt32
        var length: UInt32
    }

    var count: Int { rows.count }

    /// A manifest of `files` (path and entry), for tests; `hashes`: other
    /// path hashes than `PathHash`'s (to test collisions).
    init(stamp: Stamp, files: [(String, Entry)], hashes: [UInt64]? = nil, folders: [Folder] = []) {
        var rows: [Row] = [], paths: [UInt8] = []
        for (i, (path, entry)) in files.enumerated() {
            rows.append(Row(hash: hashes?[i] ?? PathHash.of(path), entry: entry, start: UInt32(paths.count),
                            length: UInt32(path.utf8.count)))
            paths += Array(path.utf8)
        }
        self.init(stamp: stamp, rows: rows, paths: paths, folders: folders)
    }

    private init(stamp: Stamp, rows: [Row], paths: [UInt8], folders: [Folder]) {
        self.stamp = stamp
        self.rows = rows
        self.paths = paths
        self.folders = folders
        var size = 16
        while size < rows.count * 2 { size *= 2 }
        var table = [UInt32](repeating: 0, count: size)
        let mask = size - 1
        for (i, row) in rows.enumerated() {
            var slot = Int(truncatingIfNeeded: row.hash) & mask
            while table[slot] != 0 { slot = (slot + 1) & mask }
            table[slot] = UInt32(i + 1)
        }
        self.table = table
    }

    func entry(_ row: Int) -> Entry { rows[row].entry }

    /// The path of a row.
    func path(_ row: Int) -> String {
        let r = rows[row]
        return paths.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[Int(r.start)..<Int(r.start) + Int(r.length)]), as: UTF8.self)
        }
    }

    /// The row of `path` (its bytes compared, so two paths with the same
    /// hash are never taken for each other: a collision only makes the
    /// search a step longer).
    func row(of path: String) -> Int? {
        var path = path
        return path.withUTF8 { row($0, hash: PathHash.of($0)) }
    }

    /// The row of the path whose bytes are `path` and `PathHash` is `hash`.
    func row(_ path: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        row(prefix: UnsafeBufferPointer(start: nil, count: 0), name: path, hash: hash)
    }

    /// The row of the path `prefix + name` whose `PathHash` is `hash`.
    func row(prefix: UnsafeBufferPointer<UInt8>, name: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        let mask = table.count - 1
        let length = prefix.count + name.count
        return table.withUnsafeBufferPointer { table in
            rows.withUnsafeBufferPointer { rows in
                paths.withUnsafeBufferPointer { paths in
                    var slot = Int(truncatingIfNeeded: hash) & mask
                    while true {
                        let at = Int(table[slot])
                        if at == 0 { return nil }
                        let r = rows[at - 1]
                        if r.hash == hash, Int(r.length) == length {
                            let stored = paths.baseAddress! + Int(r.start)
                            if (prefix.isEmpty || memcmp(stored, prefix.baseAddress!, prefix.count) == 0)
                                && (name.isEmpty || memcmp(stored + prefix.count, name.baseAddress!, name.count) == 0) {
                                return at - 1
                            }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    /// The entry recorded for `path`.
    subscript(path path: String) -> Entry? { row(of: path).map { rows[$0].entry } }

    enum Identity {
        static func key(_ key: UInt64) -> UInt64 { tagged(1) { $0.add(key) } }
        /// A file's bytes (with its size checked beside), hashed eight bytes
        /// at a time: one build hashes tens of megabytes (search index,
        /// notice.txt, api/) that have no key, and FNV-1a goes byte by byte.
        /// The xxHash64 round and final
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
        return siteRoot + "/" + RecordFile.cacheFolder + "/trees-" + String(h.value, radix: 16)
    }

    /// The manifests' file names in `folder` (`.tsv`: an earlier format,
    /// ignored, removed when the new ones are saved).
    static let liveFile = "live.bin", spareFile = "spare.bin"
    static let oldFiles = ["live.tsv", "spare.tsv"]

    /// The format (a change of it changes this).
    static let magic = Array("gongkai-tree-3\n".utf8)

    /// What a manifest is for: the gongkai, the output folder and the tree
    /// (its marker file).
    private static func header(output: String, stamp: Stamp) -> String {
        // The fingerprint may hold anything: it is stored hashed.
        var h = StableHasher()
        h.add(stamp.fingerprint)
        return "\(ExecutableIdentity.current)\t\(output)\t\(stamp.inode)\t\(stamp.mtime)\t\(String(h.value, radix: 16))"
    }

    /// Bytes a row takes in the file: hash, identity, size, modification
    /// time, path length. The paths follow the rows.
    private static let rowSize = 8 + 8 + 8 + 8 + 4

    private struct Mismatch: Error {}

    /// The manifest at `file` if it describes the tree at `tree` as it is
    /// now (same marker file, same gongkai, same output folder) and is
    /// whole; nil otherwise.
    static func load(_ file: String, tree: String, output: String) -> TreeManifest? {
        guard let stamp = Stamp(tree: tree) else { return nil }
        let expected = header(output: output, stamp: stamp)
        return RecordFile.withContents(of: file) { bytes in
            RecordFile.decode(bytes, magic: magic) { d -> TreeManifest in
                guard try d.read(String.self) == expected else { throw Mismatch() }
                let n = try d.count(unit: rowSize)
                var rows: [Row] = []
                rows.reserveCapacity(n)
                var start = 0
                for _ in 0..<n {
                    let hash = try d.read(UInt64.self), identity = try d.read(UInt64.self)
                    let size = try d.read(Int64.self), mtime = try d.read(Int64.self)
                    let length = Int(try d.read(UInt32.self))
                    rows.append(Row(hash: hash, entry: Entry(identity: identity, size: Int(size), mtime: mtime),
                                    start: UInt32(truncatingIfNeeded: start), length: UInt32(length)))
                    start += length
                }
                // The paths, every one within them; then the folders.
                guard Int(try d.read(UInt32.self)) == start, start <= d.base.count - d.at else { throw Mismatch() }
                let paths = Array(UnsafeRawBufferPointer(rebasing: d.base[d.at..<d.at + start]))
                d.at += start
                let m = try d.count(unit: 8 + 8 + 4)
                var folders: [Folder] = []
                folders.reserveCapacity(m)
                for _ in 0..<m {
                    let mtime = try d.read(Int64.self), inode = try d.read(UInt64.self)
                    folders.append(Folder(path: try d.read(String.self), mtime: mtime, inode: inode))
                }
                return TreeManifest(stamp: stamp, rows: rows, paths: paths, folders: folders)
            }
        } ?? nil
    }

    /// Writes a manifest of `count` files to `file` (a new file renamed over
    /// the old one): the `i`th file's path hash, entry and path.
    static func save(_ file: String, output: String, stamp: Stamp, count: Int, folders: [Folder] = [],
                     row: (Int) -> (hash: UInt64, entry: Entry, path: String)) -> Bool {
        let bytes = RecordFile.encode(magic: magic) { e in
            try e.write(header(output: output, stamp: stamp))
            e.write(UInt32(count))
            // Rows and paths written in place (a `write` a field is slow for
            // tens of thousands of files): the paths' total length first.
            var total = 0
            for i in 0..<count { total += row(i).path.utf8.count }
            guard total <= UInt32.max else { throw Mismatch() }
            let rowsAt = e.bytes.count, pathsAt = rowsAt + count * rowSize + 4
            e.bytes.append(contentsOf: repeatElement(0, count: count * rowSize + 4 + total))
            e.bytes.withUnsafeMutableBytes { out in
                out.storeBytes(of: UInt32(total).littleEndian, toByteOffset: pathsAt - 4, as: UInt32.self)
                var r = rowsAt, p = pathsAt
                func put<I: FixedWidthInteger>(_ value: I) {
                    out.storeBytes(of: value.littleEndian, toByteOffset: r, as: I.self)
                    r += MemoryLayout<I>.size
                }
                for i in 0..<count {
                    var (hash, entry, path) = row(i)
                    path.withUTF8 { bytes in
                        put(hash)
                        put(entry.identity)
                        put(Int64(entry.size))
                        put(entry.mtime)
                        put(UInt32(bytes.count))
                        if let base = bytes.baseAddress { (out.baseAddress! + p).copyMemory(from: base, byteCount: bytes.count) }
                        p += bytes.count
                    }
                }
            }
            e.write(UInt32(folders.count))
            for f in folders {
                e.write(f.mtime)
                e.write(f.inode)
                try e.write(f.path)
            }
        }
        guard let bytes else { return false }
        let folder = (file as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        guard case .success = OutputWriter.replaceFile(file, bytes) else { return false }
        for old in oldFiles { unlink(folder + "/" + old) }
        return true
    }

    /// Writes the manifest to `file`.
    func save(_ file: String, output: String) -> Bool {
        Self.save(file, output: output, stamp: stamp, count: rows.count, folders: folders) { (rows[$0].hash, rows[$0].entry, path($0)) }
    }

    /// The spare as it is on disk, compared with its record: files that are
    /// not as recorded (changed or added by hand, not regular files) are
    /// `bad`; `intact[row]` says the row's file is there as recorded (false:
    /// changed, or deleted by hand). One `fstatat` per file, the top-level
    /// folders in parallel, no file opened, no path built unless it is bad:
    /// each file's path hash goes on from its folder's.
    struct Check: Sendable {
        var bad: [String] = []
        var intact: [Bool] = []
        /// Recorded folders not as recorded (their records are made again).
        var changedFolders: [String] = []
    }

    /// `parallel`: the top-level folders on all cores.
    func check(_ root: String, parallel: Bool = true) -> Check {
        if !folders.isEmpty, let check = checkByFolders(root, parallel: parallel) { return check }
        var check = walk(root, parallel: parallel)
        // Every folder is recorded again (its record did not help).
        check.changedFolders = folders.map(\.path)
        return check
    }

    /// The check with the record's folders: one `fstatat` per folder and per
    /// file, and a folder listed only when its modification time or inode
    /// changed (an entry was added, removed or renamed in it: what is there
    /// that the record does not have is `bad`). Nil if the tree's root
    /// cannot be opened.
    func checkByFolders(_ root: String, parallel: Bool = true) -> Check? {
        let fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var check = Check()
        check.intact = [Bool](repeating: false, count: rows.count)
        let changedPath = { @Sendable (folder: Folder) in Folder(fd, folder.path) == folder ? nil : folder.path }
        let changed = (parallel ? folders.parallelMap(changedPath) : folders.map(changedPath)).compactMap { $0 }
        // Many changed folders (a tree recorded as it was being made): one
        // walk of everything costs less than listing them one by one.
        guard changed.count <= max(64, folders.count / 16) else { return nil }
        /// A run of rows: one `fstatat` each, the path copied NUL-terminated
        /// into one buffer (not made a string).
        let look = { @Sendable (run: Range<Int>) -> (intact: [Int], bad: [Int]) in
            var intact: [Int] = [], bad: [Int] = []
            intact.reserveCapacity(run.count)
            var name = [CChar](repeating: 0, count: 256)
            self.paths.withUnsafeBufferPointer { paths in
                for i in run {
                    let row = self.rows[i], length = Int(row.length)
                    if name.count <= length { name = [CChar](repeating: 0, count: length * 2 + 1) }
                    name.withUnsafeMutableBufferPointer { name in
                        UnsafeMutableRawPointer(name.baseAddress!).copyMemory(from: paths.baseAddress! + Int(row.start), byteCount: length)
                        name[length] = 0
                        var st = stat()
                        guard fstatat(fd, name.baseAddress!, &st, AT_SYMLINK_NOFOLLOW) == 0 else { return }   // gone
                        if row.entry.describes(st) {
                            intact.append(i)
                        } else if (st.st_mode & S_IFMT) != S_IFDIR {
                            bad.append(i)
                        }
                    }
                }
            }
            return (intact, bad)
        }
        let runs = rows.indices.runs(of: 4096)
        for part in parallel ? runs.parallelMap(look) : runs.map(look) {
            for i in part.intact { check.intact[i] = true }
            check.bad += part.bad.map(path)
        }
        check.changedFolders = changed
        guard !changed.isEmpty else { return check }
        // What changed folders hold beside what the record has: files go
        // (`bad`), folders not in the record are looked through.
        let known = Set(folders.map(\.path))
        var pending = changed
        while let folder = pending.popLast() {
            guard let names = try? LocalFileSystem(root: root).list(folder) else { continue }
            for entry in names {
                let path = folder.isEmpty ? entry : folder + "/" + entry
                if folder.isEmpty && entry == OutputWriter.marker { continue }
                var st = stat()
                guard fstatat(fd, path, &st, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                if (st.st_mode & S_IFMT) == S_IFDIR {
                    if !known.contains(path) { pending.append(path) }
                } else if row(of: path) == nil {
                    check.bad.append(path)
                }
            }
        }
        return check
    }

    /// Whether the tree at `root` is as recorded, for a build that writes
    /// nothing (a no-op): the check on every core, with nothing bad and
    /// every recorded file intact; nil when the record has no folders (a
    /// record of an older gongkai).
    func isAsRecorded(_ root: String) -> Bool? {
        guard !folders.isEmpty else { return nil }
        let check = check(root, parallel: true)
        return check.bad.isEmpty && !check.intact.contains(false)
    }

    /// The check by listing every folder (a record without folders).
    private func walk(_ root: String, parallel: Bool) -> Check {
        struct Level: Sendable {
            var bad: [String] = []
            var intact: [Int32] = []
        }
        let marker = Array(OutputWriter.marker.utf8)
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        /// One folder (its descriptor is taken over) and, depth first, the
        /// folders in it: at most one descriptor open per level. Returns
        /// the names of its folders (NUL-terminated).
        @Sendable func visit(_ fd: Int32, _ prefix: [UInt8], _ hasher: PathHash, into level: inout Level,
                             subfolders: Bool = true) -> [[CChar]] {
            guard let dir = fdopendir(fd) else { close(fd); return [] }
            defer { closedir(dir) }
            let dfd = dirfd(dir)
            var inner: [[CChar]] = []
            prefix.withUnsafeBufferPointer { prefixBytes in
                while let entry = readdir(dir) {
                    let cName = UnsafeRawPointer(entry).advanced(by: nameOffset).assumingMemoryBound(to: CChar.self)
                    let name = UnsafeBufferPointer(start: UnsafeRawPointer(cName).assumingMemoryBound(to: UInt8.self),
                                                   count: strlen(cName))
                    if name[0] == 46 && (name.count == 1 || (name.count == 2 && name[1] == 46)) { continue }
                    // A folder (the file system says so in the entry: no
                    // `fstatat` for the 12,000 folders of a 10k site; a link
                    // to a folder is not one, and `openat` below refuses links).
                    if entry.pointee.d_type == UInt8(DT_DIR) {
                        inner.append(Array(UnsafeBufferPointer(start: cName, count: name.count + 1)))
                        continue
                    }
                    var st = stat()
                    // Vanished meanwhile, or cannot be looked at.
                    guard fstatat(dfd, cName, &st, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                    if (st.st_mode & S_IFMT) == S_IFDIR {
                        inner.append(Array(UnsafeBufferPointer(start: cName, count: name.count + 1)))
                        continue
                    }
                    if prefix.isEmpty && name.elementsEqual(marker) { continue }
                    var h = hasher
                    h.add(name)
                    if let row = row(prefix: prefixBytes, name: name, hash: h.value) {
                        let entry = rows[row].entry
                        if entry.describes(st) {
                            level.intact.append(Int32(row))
                            continue
                        }
                    }
                    level.bad.append(String(decoding: prefix + Array(name), as: UTF8.self))
                }
            }
            guard subfolders else { return inner }
            for name in inner {
                let sub = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
                guard sub >= 0 else { continue }
                let bytes = name.dropLast().map { UInt8(bitPattern: $0) }
                var h = hasher
                bytes.withUnsafeBufferPointer { h.add($0) }
                h.add(UInt8(ascii: "/"))
                _ = visit(sub, prefix + bytes + [UInt8(ascii: "/")], h, into: &level)
            }
            return inner
        }
        var check = Check()
        check.intact = [Bool](repeating: false, count: rows.count)
        let fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return check }
        defer { close(fd) }
        var top = Level()
        let names = visit(dup(fd), [], PathHash(), into: &top, subfolders: false)
        let level: @Sendable ([CChar]) -> Level = { name in
            var level = Level()
            let sub = openat(fd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
            guard sub >= 0 else { return level }
            let bytes = name.dropLast().map { UInt8(bitPattern: $0) } + [UInt8(ascii: "/")]
            var h = PathHash()
            bytes.withUnsafeBufferPointer { h.add($0) }
            _ = visit(sub, bytes, h, into: &level)
            return level
        }
        var levels = parallel ? names.parallelMap(level) : names.map(level)
        levels.append(top)
        for level in levels {
            check.bad += level.bad
            for row in level.intact { check.intact[Int(row)] = true }
        }
        return check
    }
}

/// The hash that names a path in a manifest: FNV-1a 64 over its UTF-8
/// bytes, then murmur3's final mix (so the low bits can index a table).
/// Unlike `StableHasher.add(String)` (`PageMemoStore.hash`), the length is
/// not hashed first, so a folder's state carries on with a name: `check`
/// hashes each file from its folder's state and its name, never building
/// the path.
struct PathHash: Sendable {
    private var state = FNV1a64()

    @inline(__always) mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) { state.add(bytes) }

    @inline(__always) mutating func add(_ byte: UInt8) { state.add(byte) }

    var value: UInt64 {
        var h = state.value
        h ^= h >> 33
        h &*= 0xff51afd7ed558ccd
        h ^= h >> 33
        h &*= 0xc4ceb9fe1a85ec53
        h ^= h >> 33
        return h
    }

    static func of(_ path: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = PathHash()
        h.add(path)
        return h.value
    }

    static func of(_ path: String) -> UInt64 {
        var path = path
        return path.withUTF8 { of($0) }
    }
}
