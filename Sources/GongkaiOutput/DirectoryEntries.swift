import Foundation
import GongkaiCore

/// The entries of an open folder with what `fstatat` says of each, looked
/// up in the folder itself (not by walking the whole path again: the output
/// has 50,000 files five folders deep), links not followed; `.` and `..`
/// left out. `stat` is nil for an entry that vanished meanwhile or cannot be
/// looked at. Shared by every walk of a tree (the no-op survey, the quick
/// check, the writer's check of its trees).
public func forEachEntry(of dir: OpaquePointer, _ body: (String, stat?) -> Void) {
    while let entry = readdir(dir) {
        let name = direntName(entry)
        if name == "." || name == ".." { continue }
        var st = stat()
        body(name, fstatat(dirfd(dir), name, &st, AT_SYMLINK_NOFOLLOW) == 0 ? st : nil)
    }
}

/// Number and total size of the files under a folder (without following
/// links), the top-level folders walked in parallel.
public func surveyTree(_ root: String) -> (files: Int, bytes: Int) {
    // Directory descriptors and fstatat: each entry is looked up in its
    // own folder, not by walking its whole path again (a 10,000-notice
    // output has 50,000 files five folders deep).
    /// One folder (its descriptor is taken over): its files, their
    /// bytes, and its subfolders opened.
    @Sendable func level(_ fd: Int32) -> (files: Int, bytes: Int, folders: [Int32]) {
        guard let dir = fdopendir(fd) else { close(fd); return (0, 0, []) }
        defer { closedir(dir) }
        var files = 0, bytes = 0, folders: [Int32] = []
        forEachEntry(of: dir) { name, st in
            guard let st else { return }
            if (st.st_mode & S_IFMT) == S_IFDIR {
                let sub = openat(dirfd(dir), name, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                if sub >= 0 { folders.append(sub) }
            } else {
                files += 1
                if (st.st_mode & S_IFMT) == S_IFREG { bytes += Int(st.st_size) }
            }
        }
        return (files, bytes, folders)
    }
    @Sendable func walk(_ fd: Int32) -> (files: Int, bytes: Int) {
        var (files, bytes, folders) = level(fd)
        while let next = folders.popLast() {
            let inner = walk(next)
            files += inner.files
            bytes += inner.bytes
        }
        return (files, bytes)
    }
    let fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return (0, 0) }
    // The top-level folders (communities, search/, …) in parallel.
    var (files, bytes, folders) = level(fd)
    for sub in folders.parallelMap(walk) {
        files += sub.files
        bytes += sub.bytes
    }
    return (files, bytes)
}
