#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Calls `body` with the byte range of each line of `bytes`, without its line
/// feed (found with `memchr`: files of tens of megabytes are split on every
/// build). Text after a final line feed is no line; an empty line is one.
/// A range ends before a line feed exactly when `upperBound < bytes.count`.
public func forEachLine(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
    guard let base = bytes.baseAddress else { return }
    var start = 0
    while start < bytes.count {
        let end = memchr(base + start, 10, bytes.count - start)
            .map { UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self) - base } ?? bytes.count
        body(start..<end)
        start = end + 1
    }
}
