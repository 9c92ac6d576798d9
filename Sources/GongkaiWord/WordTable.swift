public struct WordTable: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        public var cells: [Cell]
        /// Repeated as a header on each page (`w:tblHeader`).
        public var isHeader: Bool
        /// Grid columns left empty before the first cell (`w:gridBefore`).
        public var skippedBefore: Int

        public init(cells: [Cell], isHeader: Bool = false, skippedBefore: Int = 0) {
            self.cells = cells
            self.isHeader = isHeader
            self.skippedBefore = skippedBefore
        }
    }

    public struct Cell: Sendable, Hashable {
        public enum VerticalMerge: String, Sendable, Hashable {
            /// Not merged with the cell above or below.
            case none
            /// The first cell of a vertical merge: it holds the text.
            case restart
            /// Merged into the cell above: empty in the file, covered on the page.
            case `continue`
        }

        public var blocks: [WordBlock]
        /// 0-based grid column where the cell starts.
        public var column: Int
        /// Grid columns it spans (`w:gridSpan`), at least 1.
        public var columnSpan: Int
        public var verticalMerge: VerticalMerge
        /// Rows the cell covers: 1, or for a `restart` cell the rows of its merge.
        public var rowSpan: Int

        public init(blocks: [WordBlock], column: Int, columnSpan: Int = 1, verticalMerge: VerticalMerge = .none,
                    rowSpan: Int = 1) {
            self.blocks = blocks
            self.column = column
            self.columnSpan = columnSpan
            self.verticalMerge = verticalMerge
            self.rowSpan = rowSpan
        }

        /// The cell's paragraphs (list numbers included), one line each;
        /// nested tables give their rows, cells joined by a space.
        public var lines: [String] {
            var result: [String] = []
            for block in blocks {
                switch block {
                case .paragraph(let p): result.append(p.displayText)
                case .table(let t):
                    for row in t.rows {
                        result.append(row.cells.map { $0.lines.joined(separator: " ") }.joined(separator: " "))
                    }
                }
            }
            return result
        }

        /// The text of the cell: its lines joined by `\n`, surrounding empty
        /// lines dropped.
        public var text: String {
            var l = lines
            while let first = l.first, first.allSatisfy(\.isWhitespace) { l.removeFirst() }
            while let last = l.last, last.allSatisfy(\.isWhitespace) { l.removeLast() }
            return l.joined(separator: "\n")
        }
    }

    public var rows: [Row]
    /// The grid's column widths in twips (`w:tblGrid`); may be empty in files
    /// from some writers, see `columnCount`.
    public var columnWidths: [Int]
    public var style: WordStyleName?

    public init(rows: [Row], columnWidths: [Int] = [], style: WordStyleName? = nil) {
        self.rows = rows
        self.columnWidths = columnWidths
        self.style = style
    }

    /// Columns of the table's grid: the declared grid or the widest row.
    public var columnCount: Int {
        let used = rows.map { row in row.cells.last.map { $0.column + $0.columnSpan } ?? row.skippedBefore }.max() ?? 0
        return max(columnWidths.count, used)
    }

    /// What covers each slot of the grid: the table as a rectangle of
    /// `rows.count` × `columnCount`, merged cells expanded.
    public func layout() -> [[Slot]] {
        let width = columnCount
        var grid = Array(repeating: Array(repeating: Slot.empty, count: width), count: rows.count)
        for (r, row) in rows.enumerated() {
            for (i, cell) in row.cells.enumerated() {
                for c in cell.column..<min(width, cell.column + cell.columnSpan) {
                    switch cell.verticalMerge {
                    case .continue:
                        if case .cell(let or, let oi) = grid[max(0, r - 1)][c], r > 0 {
                            grid[r][c] = .covered(row: or, index: oi)
                        } else if case .covered(let or, let oi) = grid[max(0, r - 1)][c], r > 0 {
                            grid[r][c] = .covered(row: or, index: oi)
                        } else {
                            grid[r][c] = c == cell.column ? .cell(row: r, index: i) : .covered(row: r, index: i)
                        }
                    default:
                        grid[r][c] = c == cell.column ? .cell(row: r, index: i) : .covered(row: r, index: i)
                    }
                }
            }
        }
        return grid
    }

    /// One slot of `layout()`.
    public enum Slot: Sendable, Hashable {
        /// A cell starts here: `rows[row].cells[index]`.
        case cell(row: Int, index: Int)
        /// Covered by a cell that starts to the left or above (a merge).
        case covered(row: Int, index: Int)
        /// No cell (a short row, `gridBefore`/`gridAfter`).
        case empty
    }
}
