import GongkaiCore

/// The document's bytes split into lines, to read a paragraph's source back
/// (cmark keeps positions on nodes, not the raw text of a paragraph).
struct SourceLines {
    let bytes: [UInt8]
    /// Byte offset where each line starts; line n (1-based) starts at starts[n-1].
    let starts: [Int]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        bytes.withUnsafeBufferPointer { b in
            forEachLine(b) { line in
                if line.upperBound < b.count { starts.append(line.upperBound + 1) }
            }
        }
        self.starts = starts
    }

    /// Line `n` (1-based) without its line ending.
    func line(_ n: Int) -> ArraySlice<UInt8> {
        guard n >= 1, n <= starts.count else { return [] }
        let start = starts[n - 1]
        var end = n < starts.count ? starts[n] - 1 : bytes.count
        if end > start, bytes[end - 1] == 13 { end -= 1 }
        return bytes[start..<max(start, end)]
    }
}

extension SourceLines {
    /// 1-based line and column (in characters, not bytes) of a byte offset.
    func position(ofByte offset: Int) -> (line: Int, column: Int)? {
        guard offset >= 0, offset <= bytes.count else { return nil }
        var low = 0, high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let column = bytes[starts[low]..<offset].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        return (low + 1, column + 1)
    }
}
