import Foundation
import GongkaiCore

/// The entries of an open folder with what `fstatat` says of each, looked
/// up in the folder itself (not by walking the whole path again: the output
/// has 50,000 files five folders deep), links not followed; `.` and `..`
/// left out. `stat` is nil for an entry that vanished meanwhile or cannot be
/// looked at. Shared by every walk of a tree (the no-op survey, the quick
/// check, the writer's check of its trees).
func forEachEntry(of dir: OpaquePointer, _ body: (String, stat?) -> Void) {
    while let entry = readdir(dir) {
        let name = direntName(entry)
        if name == "." || name == ".." { continue }
        var st = stat()
        body(name, fstatat(dirfd(dir), name, &st, AT_SYMLINK_NOFOLLOW) == 0 ? st : nil)
    }
}
