import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One build at a time into one output: two builds (say `serve` and a
/// `build` in another window) never interleave their updates of the spare tree and swap.
///
/// The lock is `flock` on `.<output name>.lock` beside the output, so the
/// kernel releases it when the holder ends in any way, `kill -9` included;
/// a lock file left behind by a killed build is simply taken by the next.
/// The file holds the holder's process id, to tell the clerk who is waiting
/// for whom.
public final class BuildLock {
    private let fd: Int32

    private init(fd: Int32) { self.fd = fd }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }

    /// The lock file for an output folder (absolute path).
    static func path(for output: String) -> String {
        let parent = (output as NSString).deletingLastPathComponent
        return parent + "/." + (output as NSString).lastPathComponent + ".lock"
    }

    /// Takes the lock, waiting for the holder if there is one (`waiting` is
    /// told its process id first). Nil only when the lock file cannot be
    /// made at all (then the write stage reports the folder's problem).
    public static func acquire(output: String, waiting: (Int32?) -> Void) -> BuildLock? {
        let file = path(for: output)
        try? FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        let fd = open(file, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return nil }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            waiting(holder(fd))
            while flock(fd, LOCK_EX) != 0 {
                if errno != EINTR { close(fd); return nil }
            }
        }
        let me = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = me.withUnsafeBytes { pwrite(fd, $0.baseAddress, me.count, 0) }
        return BuildLock(fd: fd)
    }

    private static func holder(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 32, 0) }
        guard n > 0 else { return nil }
        return Int32(String(decoding: buffer[..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
