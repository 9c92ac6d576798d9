/// A GFM-style pipe table read from a paragraph's source lines: an optional
/// run of ordinary lines, a header row, a delimiter row (`| --- | ---: |`)
/// with as many cells as the header, then body rows.
struct PipeTable {
    enum Alignment { case none, left, center, right }

    /// Lines of the paragraph before the header row (rendered as a paragraph).
    var leadingLines: [ArraySlice<UInt8>]
    /// The body rows' source lines (slices of the document, so their indices
    /// are byte offsets in it), for positions of the 合计 check.
    var rowLines: [ArraySlice<UInt8>] = []
    var header: [String]
    var alignments: [Alignment]
    /// Each row has exactly `header.count` cells (missing ones empty, extra ones dropped).
    var rows: [[String]]

    static func parse(_ lines: [ArraySlice<UInt8>]) -> PipeTable? {
        guard lines.count >= 2 else { return nil }
        for k in 0..<(lines.count - 1) {
            guard lines[k].contains(124), lines[k + 1].contains(124),
                  let alignments = delimiterRow(lines[k + 1])
            else { continue }
            let header = cells(lines[k])
            guard header.count == alignments.count else { continue }
            let rows = lines[(k + 2)...].map { line -> [String] in
                var row = cells(line)
                if row.count > header.count { row.removeLast(row.count - header.count) }
                while row.count < header.count { row.append("") }
                return row
            }
            return PipeTable(leadingLines: Array(lines[..<k]), rowLines: Array(lines[(k + 2)...]), header: header,
                             alignments: alignments, rows: rows)
        }
        return nil
    }

    /// The cells of a row, split at unescaped pipes; `\|` becomes `|`.
    static func cells(_ line: ArraySlice<UInt8>) -> [String] {
        var bytes = Array(trim(line))
        if bytes.first == 124 { bytes.removeFirst() }
        if bytes.last == 124, !(bytes.count >= 2 && bytes[bytes.count - 2] == 92) { bytes.removeLast() }
        var cells: [String] = []
        var current: [UInt8] = []
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 92, i + 1 < bytes.count {
                if bytes[i + 1] == 124 {
                    current.append(124)
                } else {
                    current.append(b)
                    current.append(bytes[i + 1])
                }
                i += 2
                continue
            }
            if b == 124 {
                cells.append(String(decoding: trim(current[...]), as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            } else {
                current.append(b)
            }
            i += 1
        }
        cells.append(String(decoding: trim(current[...]), as: UTF8.self))
        return cells
    }

    /// Where each cell's text starts in the line (indices of the line's
    /// slice), in the same order as `cells`.
    static func cellStarts(_ line: ArraySlice<UInt8>) -> [Int] {
        var i = line.startIndex
        func skipBlanks() { while i < line.endIndex, line[i] == 32 || line[i] == 9 { i += 1 } }
        skipBlanks()
        if i < line.endIndex, line[i] == 124 { i += 1 }
        var starts: [Int] = []
        skipBlanks()
        starts.append(i)
        while i < line.endIndex {
            if line[i] == 92, i + 1 < line.endIndex { i += 2; continue }
            if line[i] == 124 {
                i += 1
                skipBlanks()
                starts.append(i)
                continue
            }
            i += 1
        }
        return starts
    }

    static func delimiterRow(_ line: ArraySlice<UInt8>) -> [Alignment]? {
        let parts = cells(line)
        var result: [Alignment] = []
        for part in parts {
            var b = Array(part.utf8)
            guard !b.isEmpty else { return nil }
            let left = b.first == 58
            let right = b.last == 58
            if left { b.removeFirst() }
            if right, !b.isEmpty { b.removeLast() }
            guard !b.isEmpty, b.allSatisfy({ $0 == 45 }) else { return nil }
            result.append(left && right ? .center : right ? .right : left ? .left : .none)
        }
        return result
    }

    static func trim(_ s: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var s = s
        while let b = s.first, b == 32 || b == 9 { s = s.dropFirst() }
        while let b = s.last, b == 32 || b == 9 { s = s.dropLast() }
        return s
    }
}
