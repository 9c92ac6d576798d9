#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The disk as a walk of it found it: listings and `lstat` results of the
/// folders walked, taken once, and the files themselves read from the disk.
/// The quick no-op check stats every file under content/ anyway; when it
/// finds a change, the load stage asks this instead of the disk, so the
/// files are not listed and stat'ed a second time. Paths outside the folders
/// walked go to the disk. Like any listing, it may be out of date by the
/// time a file is read: a file changed after the walk has the walk's
/// identity, so the next build sees it as changed and reads it again.
public struct SnapshotFileSystem: SiteFileSystem {
    public let base: LocalFileSystem
    /// Folder path (relative to the site, as `SiteFileSystem` paths are) →
    /// its entries by name.
    public let folders: [String: [String: stat]]

    public init(base: LocalFileSystem, folders: [String: [String: stat]]) {
        self.base = base
        self.folders = folders
    }

    /// `.some(nil)`: the folder was walked and has no such entry.
    private func entry(_ path: String) -> stat?? {
        let (folder, name): (String, String)
        if let slash = path.lastIndex(of: "/") {
            folder = String(path[..<slash])
            name = String(path[path.index(after: slash)...])
        } else {
            folder = ""
            name = path
        }
        guard let entries = folders[folder] else { return nil }
        return .some(entries[name])
    }

    public func kind(of path: String) -> FileKind? {
        guard let found = entry(path) else { return base.kind(of: path) }
        return found.flatMap { FileKind($0) }
    }

    public func identity(of path: String) -> FileIdentity? {
        guard let found = entry(path) else { return base.identity(of: path) }
        guard let st = found, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        return FileIdentity(st)
    }

    public func modificationTime(of path: String) -> Int64? {
        guard let found = entry(path) else { return base.modificationTime(of: path) }
        return found.map { FileIdentity($0).mtime }
    }

    public func list(_ path: String) throws -> [String] {
        guard let entries = folders[path] else { return try base.list(path) }
        return entries.keys.sorted()
    }

    public func entries(_ path: String) throws -> [FolderEntry] {
        guard let entries = folders[path] else { return try base.entries(path) }
        return entries.keys.sorted().map { name in
            let st = entries[name]!
            return FolderEntry(name: name, kind: FileKind(st),
                               identity: (st.st_mode & S_IFMT) == S_IFREG ? FileIdentity(st) : nil)
        }
    }

    public func read(_ path: String) throws -> [UInt8] { try base.read(path) }

    public func readPrefix(_ path: String, count: Int) throws -> [UInt8] { try base.readPrefix(path, count: count) }
}
