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
/// links), on every core.
public func surveyTree(_ root: String) -> (files: Int, bytes: Int) {
    // Directory descriptors and fstatat: each entry is looked up in its
    // own folder, not by walking its whole path again (a 10,000-notice
    // output has 50,000 files five folders deep). Folders and runs of
    // files are tasks any core takes: the search index's folders hold
    // thousands of files each, which one core alone would look at in a
    // walk by top-level folder.
    enum Task: Sendable {
        /// A folder to list, by its path from the root.
        case folder(String)
        /// Files of a folder to look at.
        case files(String, ArraySlice<String>)
    }
    // Folders are opened when a core takes them, by their path from the
    // root: a site of 1,000 communities would otherwise hold a descriptor
    // for each at once.
    let top = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard top >= 0 else { return (0, 0) }
    defer { close(top) }
    let queue = TaskQueue<Task>([.folder("")])
    let run = 2048
    let totals = queue.drain { task, push -> (files: Int, bytes: Int) in
        var files = 0, bytes = 0
        func open(_ folder: String) -> Int32 {
            openat(top, folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
        }
        func look(_ at: Int32, _ folder: String, _ names: ArraySlice<String>) {
            for name in names {
                var st = stat()
                guard fstatat(at, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                if (st.st_mode & S_IFMT) == S_IFDIR {
                    // A file system that does not say an entry's kind.
                    push(.folder(folder.isEmpty ? name : folder + "/" + name))
                } else {
                    files += 1
                    if (st.st_mode & S_IFMT) == S_IFREG { bytes += Int(st.st_size) }
                }
            }
        }
        switch task {
        case .files(let folder, let names):
            let at = open(folder)
            guard at >= 0 else { break }
            look(at, folder, names)
            close(at)
        case .folder(let folder):
            let fd = open(folder)
            guard fd >= 0, let dir = fdopendir(fd) else { if fd >= 0 { close(fd) }; break }
            defer { closedir(dir) }
            var names: [String] = []
            while let entry = readdir(dir) {
                let name = direntName(entry)
                if name == "." || name == ".." { continue }
                if entry.pointee.d_type == UInt8(DT_DIR) {
                    push(.folder(folder.isEmpty ? name : folder + "/" + name))
                } else {
                    names.append(name)
                }
            }
            var start = run
            while start < names.count {
                push(.files(folder, names[start..<min(start + run, names.count)]))
                start += run
            }
            look(dirfd(dir), folder, names.prefix(run))
        }
        return (files, bytes)
    }
    return totals.reduce(into: (files: 0, bytes: 0)) { sum, part in
        sum.files += part.files
        sum.bytes += part.bytes
    }
}

/// Tasks that make more tasks (a walk of a tree), done on every core until
/// none is left.
final class TaskQueue<Task: Sendable>: @unchecked Sendable {
    private var tasks: [Task]
    /// Tasks taken and not finished: more may come from them.
    private var running = 0
    private let condition = NSCondition()

    init(_ tasks: [Task]) {
        self.tasks = tasks
    }

    func push(_ task: Task) {
        condition.lock()
        tasks.append(task)
        condition.signal()
        condition.unlock()
    }

    /// The next task; nil when none is left and none is running.
    private func next() -> Task? {
        condition.lock()
        defer { condition.unlock() }
        while tasks.isEmpty {
            if running == 0 { return nil }
            condition.wait()
        }
        running += 1
        return tasks.removeLast()
    }

    private func finished() {
        condition.lock()
        running -= 1
        if running == 0 && tasks.isEmpty { condition.broadcast() }
        condition.unlock()
    }

    /// Does every task (`work` may push more) on every core; what each
    /// core summed up.
    func drain<R: Sendable>(_ work: @escaping @Sendable (Task, _ push: (Task) -> Void) -> R) -> [R] {
        let lock = NSLock()
        nonisolated(unsafe) var results: [R] = []
        DispatchQueue.concurrentPerform(iterations: ProcessInfoCores.count) { _ in
            var mine: [R] = []
            while let task = next() {
                mine.append(work(task, push))
                finished()
            }
            lock.lock()
            results += mine
            lock.unlock()
        }
        return results
    }
}
