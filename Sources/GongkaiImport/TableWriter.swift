import GongkaiWord

/// A Word table as the notice shows it: a pipe table in the body when every
/// cell is one line and none is merged, otherwise a CSV file beside the
/// notice and a ```` ```table ```` block (the CSV reader keeps merged cells
/// at their first slot, lines inside a cell, and a title row as caption).
struct TableWriter {
    enum Shape {
        /// A one-column table (a frame around text): its paragraphs.
        case unwrap([WordBlock])
        /// A one-row table: its cells as one line.
        case line([String])
        case pipe(caption: String?, rows: [[String]])
        case csv(rows: [[String]], reason: String)
    }

    /// Every grid slot's text: a cell's lines cleaned and joined by `\n` at
    /// the slot where the cell starts, "" where a merge covers it.
    static func grid(_ table: WordTable) -> [[String]] {
        let layout = table.layout()
        return layout.map { row in
            row.map { slot in
                guard case .cell(let r, let i) = slot else { return "" }
                return text(of: table.rows[r].cells[i])
            }
        }
    }

    static func text(of cell: WordTable.Cell) -> String {
        cell.lines.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
            .map(ChineseText.clean).filter { !$0.isEmpty }.joined(separator: "\n")
    }

    static func shape(_ table: WordTable) -> Shape {
        var rows = grid(table)
        // Rows and columns with no text at all.
        rows = rows.filter { $0.contains { !$0.isEmpty } }
        guard !rows.isEmpty else { return .line([]) }
        let width = rows.map(\.count).max() ?? 0
        let used = (0..<width).filter { c in rows.contains { c < $0.count && !$0[c].isEmpty } }
        rows = rows.map { row in used.map { $0 < row.count ? row[$0] : "" } }
        if used.count == 1 && table.columnCount <= 2 {
            return .unwrap(table.rows.flatMap { $0.cells.flatMap(\.blocks) })
        }
        if rows.count == 1 { return .line(rows[0].filter { !$0.isEmpty }) }

        // A title row: one cell across the table, above at least a header and a row.
        var caption: String?
        var body = rows
        if rows.count >= 3, rows[0].filter({ !$0.isEmpty }).count == 1, rows[1].filter({ !$0.isEmpty }).count > 1 {
            caption = rows[0].first { !$0.isEmpty }
            body.removeFirst()
        }
        let firstBodyRow = caption == nil ? 0 : 1
        var reasons: [String] = []
        let merged = table.rows.enumerated().contains { r, row in
            r >= firstBodyRow && row.cells.contains { $0.columnSpan > 1 || $0.verticalMerge != .none }
        } || table.rows.contains { $0.skippedBefore > 0 }
        if merged { reasons.append(ImportMessages.reasonMerged) }
        if body.contains(where: { $0.contains { $0.contains("\n") } }) { reasons.append(ImportMessages.reasonLines) }
        let nested = table.rows.contains { $0.cells.contains { $0.blocks.contains { if case .table = $0 { return true } else { return false } } } }
        if nested { reasons.append(ImportMessages.reasonNested) }
        if reasons.isEmpty { return .pipe(caption: caption, rows: body) }
        return .csv(rows: rows, reason: reasons.joined(separator: "、"))
    }

    static func pipe(_ rows: [[String]]) -> String {
        func line(_ row: [String]) -> String {
            "| " + row.map { cell in
                cell.isEmpty ? " " : StyledText.escape(cell, atLineStart: false, inTable: true)
            }.joined(separator: " | ") + " |"
        }
        var out = [line(rows[0]), "|" + String(repeating: " --- |", count: rows[0].count)]
        out += rows.dropFirst().map(line)
        return out.joined(separator: "\n")
    }

    /// RFC 4180, CRLF, with a UTF-8 byte order mark so Excel on a Chinese
    /// Windows opens it as UTF-8 (gongkai reads it either way).
    static func csv(_ rows: [[String]]) -> [UInt8] {
        let width = rows.map(\.count).max() ?? 0
        var text = ""
        for row in rows {
            let cells = (0..<width).map { $0 < row.count ? row[$0] : "" }
            text += cells.map { cell -> String in
                let needsQuotes = cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                    || cell.hasPrefix(" ") || cell.hasSuffix(" ")
                let body = cell.replacingOccurrences(of: "\n", with: "\r\n")
                return needsQuotes ? "\"" + body.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : body
            }.joined(separator: ",") + "\r\n"
        }
        return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
    }
}
