import SystemPackage

/// Whole reads and writes on a file descriptor through swift-system's
/// `FileDescriptor`, which retries calls interrupted by a signal (EINTR) and
/// reports errors as `Errno`, so no caller loops over `read(2)` itself.
public enum FileIO {
    /// Everything from the descriptor's offset to the end of the file;
    /// `sizeHint`: the size `fstat` gave (the file may grow or shrink).
    public static func readToEnd(_ fd: Int32, sizeHint: Int) throws -> [UInt8] {
        let file = FileDescriptor(rawValue: fd)
        var bytes = [UInt8](repeating: 0, count: max(sizeHint, 0) + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(4096, bytes.count / 2))) }
            let n = try bytes.withUnsafeMutableBytes { buffer in
                try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            }
            if n == 0 { break }
            filled += n
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }

    /// At most `count` bytes from the descriptor's offset (fewer at the end
    /// of the file).
    public static func read(_ fd: Int32, upTo count: Int) throws -> [UInt8] {
        let file = FileDescriptor(rawValue: fd)
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let n = try bytes.withUnsafeMutableBytes { buffer in
                try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            }
            if n == 0 { break }
            filled += n
        }
        bytes.removeLast(count - filled)
        return bytes
    }

    /// Exactly `count` bytes at `offset`; nil if the file is shorter there.
    public static func read(_ fd: Int32, at offset: Int, count: Int) throws -> [UInt8]? {
        let file = FileDescriptor(rawValue: fd)
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let n = try bytes.withUnsafeMutableBytes { buffer in
                try file.read(fromAbsoluteOffset: Int64(offset + filled),
                              into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            }
            if n == 0 { return nil }
            filled += n
        }
        return bytes
    }

    /// All of `bytes`, however many writes it takes.
    public static func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws {
        _ = try FileDescriptor(rawValue: fd).writeAll(bytes)
    }

    /// The reason an error from these calls gives, in the system's words.
    public static func reason(_ error: any Error) -> String {
        (error as? Errno).map { String(describing: $0) } ?? String(describing: error)
    }
}
