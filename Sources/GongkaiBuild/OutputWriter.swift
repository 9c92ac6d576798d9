import CAtomicSwap
import Foundation
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
private let systemRead = Darwin.read
#endif
import GongkaiCore
import GongkaiRender

/// The write stage: the only code that writes. Builds the whole site into a
/// staging folder beside the output, then swaps it into place in one step
/// (`renameat2(RENAME_EXCHANGE)`), so a reader or a failed build never sees
/// half a site and the previous public/ stays as it was until the swap.
struct OutputWriter {
    /// Marks a folder as gongkai's output, so a mistyped `--output` never
    /// replaces a folder gongkai did not make.
    static let marker = ".gongkai-output"

    let siteRoot: String
    let output: String

    struct Failure: Error {
        var diagnostic: Diagnostic
        /// A file the renderer took from the previous build is not there:
        /// the build can be done again without reusing anything.
        var previousMissing = false
    }

    /// Refuses outputs that would replace the site itself or a folder that is
    /// not a previous build.
    func validate() -> Diagnostic? {
        let out = Self.absolute(output)
        let site = Self.absolute(siteRoot)
        let protected = [site, site + "/content", site + "/templates"]
        if protected.contains(where: { out == $0 || $0.hasPrefix(out + "/") || out.hasPrefix(site + "/content/") || out.hasPrefix(site + "/templates/") }) || out == "/" {
            return Diagnostic(file: output, code: "GK040", message: "输出文件夹 \(output) 会覆盖站点本身（content/ 或 templates/）。",
                              fix: "请用别的文件夹作为输出，例如默认的 public/。")
        }
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isDir) {
            guard isDir.boolValue else {
                return Diagnostic(file: output, code: "GK040", message: "输出位置 \(output) 是一个文件，不是文件夹。",
                                  fix: "请换一个输出位置，或删掉这个文件。")
            }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
            if !entries.isEmpty && !entries.contains(Self.marker) {
                return Diagnostic(file: output, code: "GK040", message: "输出文件夹 \(output) 里已有不是 gongkai 生成的文件，为防误删，不会替换它。",
                                  fix: "请换一个空文件夹作为输出，或确认无用后先清空它。")
            }
        }
        return nil
    }

    struct Written {
        var files: Int
        /// Files whose bytes equal the previous build's: hard-linked from it,
        /// so they keep their modification time (and are not written again).
        var unchanged: Int
        /// What `BuildCache.survey` will find in the output: files (the
        /// marker included) and their total size.
        var survey: (files: Int, bytes: Int)
    }

    /// Writes every file to staging, then swaps.
    /// `marker`: what the marker file holds (the build's fingerprint).
    /// `beforeSwap`: runs once the new site is complete in staging, just
    /// before it replaces the old one; a diagnostic from it cancels the swap
    /// (the integrity ledger is appended there, so a published page never
    /// shows a ledger entry that was not recorded).
    func write(_ files: [OutputFile], marker: String = "", meter: ProgressMeter? = nil,
               beforeSwap: () -> Diagnostic? = { nil }) throws(Failure) -> Written {
        let out = Self.absolute(output)
        let parent = (out as NSString).deletingLastPathComponent
        let name = (out as NSString).lastPathComponent
        let staging = parent + "/." + name + ".staging-\(getpid())"
        let fm = FileManager.default
        // Staging folders left by a build that was killed (the build lock
        // is held, so no other build is using one).
        for entry in (try? fm.contentsOfDirectory(atPath: parent)) ?? []
        where entry.hasPrefix("." + name + ".staging-") {
            Self.removeTree(parent + "/" + entry)
        }
        do {
            try fm.createDirectory(atPath: staging, withIntermediateDirectories: true)
        } catch {
            throw Failure(diagnostic: Self.ioProblem(staging, "\(error)"))
        }
        var folders = Set<String>()
        for file in files {
            var folder = file.path
            while let slash = folder.lastIndex(of: "/") {
                folder = String(folder[..<slash])
                if !folders.insert(folder).inserted { break }
            }
        }
        for folder in folders.sorted() {
            if mkdir(staging + "/" + folder, 0o755) != 0 && errno != EEXIST {
                let reason = String(cString: strerror(errno))
                try? fm.removeItem(atPath: staging)
                throw Failure(diagnostic: Self.ioProblem(staging + "/" + folder, reason))
            }
        }
        let root = Self.absolute(siteRoot)
        let previous = fm.fileExists(atPath: out + "/" + Self.marker) ? out : nil
        @Sendable func size(_ path: String) -> Int {
            var st = stat()
            return lstat(path, &st) == 0 ? Int(st.st_size) : 0
        }
        let results = files.parallelMap(meter: meter) { file -> (Diagnostic?, Bool, Int) in
            let target = staging + "/" + file.path
            switch file.content {
            case .bytes(let bytes):
                if let previous, Self.sameBytes(previous + "/" + file.path, bytes),
                   link(previous + "/" + file.path, target) == 0 {
                    return (nil, true, bytes.count)
                }
                return (Self.writeFile(target, bytes), false, bytes.count)
            case .previous:
                // An unchanged page of an incremental build: the renderer
                // checked that the previous build's file is there.
                guard let previous, link(previous + "/" + file.path, target) == 0 else {
                    return (Self.ioProblem(target, Self.previousMissingNote + file.path), false, 0)
                }
                return (nil, true, size(target))
            case .copy(let source):
                // Checked as a regular file when the site was read; refuse one
                // that became a symlink since, so nothing outside is published.
                var st = stat()
                guard lstat(root + "/" + source, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
                    return (Self.ioProblem(root + "/" + source, "不是普通文件（可能是符号链接）"), false, 0)
                }
                if let previous, let bytes = fm.contents(atPath: root + "/" + source),
                   Self.sameBytes(previous + "/" + file.path, Array(bytes)), link(previous + "/" + file.path, target) == 0 {
                    return (nil, true, bytes.count)
                }
                do {
                    try fm.copyItem(atPath: root + "/" + source, toPath: target)
                    return (nil, false, size(target))
                } catch {
                    return (Self.ioProblem(root + "/" + source, "\(error)"), false, 0)
                }
            }
        }
        if let first = results.lazy.compactMap(\.0).first {
            Self.removeTree(staging)
            // A page the renderer took from the previous build is gone:
            // the caller can build again without reusing anything.
            let previousMissing = zip(files, results).contains { $0.0.content == .previous && $0.1.0 != nil }
            throw Failure(diagnostic: first, previousMissing: previousMissing)
        }
        _ = Self.writeFile(staging + "/" + Self.marker, Array(marker.utf8))
        if let problem = beforeSwap() {
            Self.removeTree(staging)
            throw Failure(diagnostic: problem)
        }
        try swap(staging: staging, into: out)
        return Written(files: files.count, unchanged: results.count { $0.1 },
                       survey: (files.count + 1, results.reduce(marker.utf8.count) { $0 + $1.2 }))
    }

    /// Whether the file at `path` holds exactly `bytes` (size first, then content).
    static func sameBytes(_ path: String, _ bytes: [UInt8]) -> Bool {
        var st = stat()
        guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, Int(st.st_size) == bytes.count else { return false }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: bytes.count)
        var filled = 0
        while filled < bytes.count {
            let n = buffer.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress! + filled, bytes.count - filled) }
            if n <= 0 { return false }
            filled += n
        }
        return buffer == bytes
    }

    private func swap(staging: String, into out: String) throws(Failure) {
        let fm = FileManager.default
        if !fm.fileExists(atPath: out) {
            guard rename(staging, out) == 0 else {
                let reason = String(cString: strerror(errno))
                try? fm.removeItem(atPath: staging)
                throw Failure(diagnostic: Self.ioProblem(out, reason))
            }
            return
        }
        if gongkai_exchange_paths(staging, out) == 0 {
            Self.removeTree(staging)   // now the previous site
            return
        }
        // No RENAME_EXCHANGE here (old kernel, other file system): two renames,
        // with the old site kept until the new one is in place.
        let old = staging + ".old"
        guard rename(out, old) == 0 else {
            let reason = String(cString: strerror(errno))
            try? fm.removeItem(atPath: staging)
            throw Failure(diagnostic: Self.ioProblem(out, reason))
        }
        guard rename(staging, out) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(old, out)
            try? fm.removeItem(atPath: staging)
            throw Failure(diagnostic: Self.ioProblem(out, reason))
        }
        Self.removeTree(old)
    }

    private static func writeFile(_ path: String, _ bytes: [UInt8]) -> Diagnostic? {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return ioProblem(path, String(cString: strerror(errno))) }
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { systemWrite(fd, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                return ioProblem(path, String(cString: strerror(errno)))
            }
            written += n
        }
        return nil
    }

    /// Removes a folder and everything in it, without following links; the
    /// top-level folders in parallel (the previous site has tens of
    /// thousands of files, and FileManager takes its time over each).
    static func removeTree(_ root: String) {
        @Sendable func remove(_ dir: String) {
            for name in (try? LocalFileSystem(root: dir).list("")) ?? [] {
                let path = dir + "/" + name
                var st = stat()
                guard lstat(path, &st) == 0 else { continue }
                if (st.st_mode & S_IFMT) == S_IFDIR {
                    remove(path)
                    rmdir(path)
                } else {
                    unlink(path)
                }
            }
        }
        let top = (try? LocalFileSystem(root: root).list("")) ?? []
        var folders: [String] = []
        for name in top {
            let path = root + "/" + name
            var st = stat()
            guard lstat(path, &st) == 0 else { continue }
            if (st.st_mode & S_IFMT) == S_IFDIR { folders.append(path) } else { unlink(path) }
        }
        _ = folders.parallelMap { folder in remove(folder); rmdir(folder) }
        if rmdir(root) != 0 { try? FileManager.default.removeItem(atPath: root) }
    }

    private static let previousMissingNote = "上次生成的文件不见了："

    static func ioProblem(_ path: String, _ reason: String) -> Diagnostic {
        Diagnostic(file: path, code: "GK041", message: "写入输出时出错（\(reason)），已发布的站点没有改变。",
                   fix: "请检查磁盘空间和文件夹权限后重新生成。")
    }

    static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return (URL(fileURLWithPath: full).standardizedFileURL.path as NSString).standardizingPath
    }
}
