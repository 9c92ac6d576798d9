import Foundation

/// Writes new files into a folder without ever replacing one, all or
/// nothing: each file is written whole under a temporary name and then
/// linked to its name (`link` fails if the name exists); if anything fails,
/// every file written so far (and a folder made for them) is removed.
/// On file systems without hard links (FAT on a USB stick) the file is
/// created with `O_EXCL` under its name instead.
enum ExclusiveFiles {
    struct Failure: Error {
        var name: String
        var reason: String
    }

    static func save(_ files: [(name: String, bytes: [UInt8])], into folder: String) -> Failure? {
        var madeFolders: [String] = []
        var path = folder.hasPrefix("/") ? "" : "."
        for piece in folder.split(separator: "/") {
            path += "/" + piece
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                if !isDirectory.boolValue { return Failure(name: path, reason: "不是文件夹") }
                continue
            }
            if mkdir(path, 0o755) != 0 && errno != EEXIST {
                let reason = String(cString: strerror(errno))
                for made in madeFolders.reversed() { rmdir(made) }
                return Failure(name: path, reason: reason)
            }
            madeFolders.append(path)
        }
        var written: [String] = []
        func undo() {
            for file in written.reversed() { unlink(file) }
            for made in madeFolders.reversed() { rmdir(made) }
        }
        for file in files {
            let target = folder + "/" + file.name
            if let reason = writeOne(file.bytes, to: target) {
                undo()
                return Failure(name: target, reason: reason)
            }
            written.append(target)
        }
        return nil
    }

    /// nil on success, else why not.
    private static func writeOne(_ bytes: [UInt8], to target: String) -> String? {
        let folder = (target as NSString).deletingLastPathComponent
        let temporary = folder + "/.gongkai-import-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        if let reason = create(temporary, bytes) { return reason }
        defer { unlink(temporary) }
        if link(temporary, target) == 0 { return nil }
        let linkError = errno
        if linkError == EEXIST { return "已经有这个文件，不会覆盖" }
        if linkError == EPERM || linkError == ENOTSUP || linkError == EOPNOTSUPP || linkError == EXDEV || linkError == EMLINK {
            return create(target, bytes)
        }
        return String(cString: strerror(linkError))
    }

    private static func create(_ path: String, _ bytes: [UInt8]) -> String? {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { return errno == EEXIST ? "已经有这个文件，不会覆盖" : String(cString: strerror(errno)) }
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n <= 0 {
                let reason = n < 0 ? String(cString: strerror(errno)) : "写入没有完成"
                close(fd)
                unlink(path)
                return reason + "（请检查磁盘空间）"
            }
            offset += n
        }
        if fsync(fd) != 0 && errno != EINVAL {
            let reason = String(cString: strerror(errno))
            close(fd)
            unlink(path)
            return reason
        }
        close(fd)
        return nil
    }
}
