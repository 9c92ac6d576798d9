#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Read access to a site folder, injected so that tests run whole sites in
/// memory (docs/style.md "Inject the world"). Paths are relative to the site root,
/// `/`-separated, without a leading slash; "" is the root.
public protocol SiteFileSystem: Sendable {
    func kind(of path: String) -> FileKind?
    /// Entry names (not paths), sorted, without `.` and `..`.
    func list(_ path: String) throws -> [String]
    func read(_ path: String) throws -> [UInt8]
    /// Last modification, in nanoseconds since 1970; nil where unknown.
    func modificationTime(of path: String) -> Int64?
    /// At most the first `count` bytes (image headers).
    func readPrefix(_ path: String, count: Int) throws -> [UInt8]
    /// What the file system says about a file, to tell it unchanged without
    /// reading it; nil where unknown (then files are always read).
    func identity(of path: String) -> FileIdentity?
    /// A folder's entries with `kind(of:)` and `identity(of:)` of each, in
    /// `list` order (one call instead of three per entry).
    func entries(_ path: String) throws -> [FolderEntry]
}

/// One entry of `SiteFileSystem.entries(_:)`.
public struct FolderEntry: Sendable {
    public var name: String
    public var kind: FileKind?
    public var identity: FileIdentity?

    public init(name: String, kind: FileKind?, identity: FileIdentity?) {
        self.name = name
        self.kind = kind
        self.identity = identity
    }
}

/// Size, modification and change times and inode of a file: all equal means
/// the same bytes (as git's index assumes). The change time cannot be set
/// back by any tool, so an edit that restores size and modification time
/// still shows.
public struct FileIdentity: Sendable, Hashable {
    public var size: Int64
    public var mtime: Int64
    public var ctime: Int64
    public var inode: UInt64

    public init(size: Int64, mtime: Int64, ctime: Int64, inode: UInt64) {
        self.size = size
        self.mtime = mtime
        self.ctime = ctime
        self.inode = inode
    }

    /// From what `stat`/`lstat`/`fstatat` said (times in nanoseconds).
    public init(_ st: stat) {
        #if canImport(Darwin)
        let m = st.st_mtimespec, c = st.st_ctimespec
        #else
        let m = st.st_mtim, c = st.st_ctim
        #endif
        self.init(size: Int64(st.st_size), mtime: Int64(m.tv_sec) * 1_000_000_000 + Int64(m.tv_nsec),
                  ctime: Int64(c.tv_sec) * 1_000_000_000 + Int64(c.tv_nsec), inode: UInt64(st.st_ino))
    }
}

extension SiteFileSystem {
    public func entries(_ path: String) throws -> [FolderEntry] {
        try list(path).map { name in
            let full = path.isEmpty ? name : path + "/" + name
            return FolderEntry(name: name, kind: kind(of: full), identity: identity(of: full))
        }
    }

    public func identity(of path: String) -> FileIdentity? { nil }
    public func modificationTime(of path: String) -> Int64? { nil }
    public func readPrefix(_ path: String, count: Int) throws -> [UInt8] { Array(try read(path).prefix(count)) }
}

public enum FileKind: Sendable, Hashable {
    case file(size: Int)
    case directory
    /// A symbolic link: never followed, so content cannot reach outside the site.
    case symlink

    /// What `lstat` said; nil for anything else (a device, a pipe).
    public init?(_ st: stat) {
        switch st.st_mode & S_IFMT {
        case S_IFDIR: self = .directory
        case S_IFLNK: self = .symlink
        case S_IFREG: self = .file(size: Int(st.st_size))
        default: return nil
        }
    }
}

public struct FileSystemError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}

/// The real disk, rooted at a folder; POSIX calls, no Foundation, because
/// loading 10,000 notices is on the hot path.
public struct LocalFileSystem: SiteFileSystem {
    public let root: String

    public init(root: String) {
        self.root = root.hasSuffix("/") ? String(root.dropLast()) : root
    }

    func full(_ path: String) -> String { path.isEmpty ? root : root + "/" + path }

    public func kind(of path: String) -> FileKind? {
        var st = stat()
        guard lstat(full(path), &st) == 0 else { return nil }
        return FileKind(st)
    }

    public func identity(of path: String) -> FileIdentity? {
        var st = stat()
        guard lstat(full(path), &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        return FileIdentity(st)
    }

    public func modificationTime(of path: String) -> Int64? {
        var st = stat()
        guard lstat(full(path), &st) == 0 else { return nil }
        return FileIdentity(st).mtime
    }

    public func list(_ path: String) throws -> [String] {
        guard let dir = opendir(full(path)) else {
            throw FileSystemError(path: path, reason: String(cString: strerror(errno)))
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = direntName(entry)
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    public func readPrefix(_ path: String, count: Int) throws -> [UInt8] {
        let fd = open(full(path), O_RDONLY | O_NOFOLLOW)
        guard fd >= 0 else { throw FileSystemError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        do {
            return try FileIO.read(fd, upTo: count)
        } catch {
            throw FileSystemError(path: path, reason: FileIO.reason(error))
        }
    }

    public func read(_ path: String) throws -> [UInt8] {
        let fd = open(full(path), O_RDONLY)
        guard fd >= 0 else { throw FileSystemError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var st = stat()
        fstat(fd, &st)
        do {
            return try FileIO.readToEnd(fd, sizeHint: Int(st.st_size))
        } catch {
            throw FileSystemError(path: path, reason: FileIO.reason(error))
        }
    }
}

/// A site held in memory, for tests: file path → bytes. Folders are implied
/// by the paths of their files.
public struct InMemoryFileSystem: SiteFileSystem {
    public var files: [String: [UInt8]]

    public init(files: [String: String]) {
        self.files = files.mapValues { Array($0.utf8) }
    }

    public init(bytes: [String: [UInt8]]) {
        self.files = bytes
    }

    public func kind(of path: String) -> FileKind? {
        if let f = files[path] { return .file(size: f.count) }
        let prefix = path.isEmpty ? "" : path + "/"
        return files.keys.contains { $0.hasPrefix(prefix) } ? .directory : nil
    }

    public func list(_ path: String) throws -> [String] {
        let prefix = path.isEmpty ? "" : path + "/"
        var names = Set<String>()
        for key in files.keys where key.hasPrefix(prefix) {
            let rest = key.dropFirst(prefix.count)
            if let name = rest.split(separator: "/").first { names.insert(String(name)) }
        }
        guard !names.isEmpty || kind(of: path) != nil else {
            throw FileSystemError(path: path, reason: "没有这个文件夹")
        }
        return names.sorted()
    }

    public func read(_ path: String) throws -> [UInt8] {
        guard let f = files[path] else { throw FileSystemError(path: path, reason: "没有这个文件") }
        return f
    }
}

/// The name in a `readdir` record, read in place up to its NUL. Copying
/// `entry.pointee.d_name` (declared as 256 bytes) reads past a short record
/// at the end of the kernel's buffer, which can cross into an unmapped page
/// (a crash seen once in 50,000 entries).
public func direntName(_ entry: UnsafeMutablePointer<dirent>) -> String {
    let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
    return String(cString: UnsafeRawPointer(entry).advanced(by: offset).assumingMemoryBound(to: CChar.self))
}
