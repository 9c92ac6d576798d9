/// A table read from a file beside a notice (`.csv` or `.xlsx`): cell text as
/// the clerk's spreadsheet displays it, plus where each cell came from, so a
/// check can name `caiwu-10.csv:14:3` or `10月!D14`.
public struct TableData: Sendable, Hashable {
    public struct Cell: Sendable, Hashable {
        /// The text residents see, formatted as in the source (`12,000.00`, `2026年10月3日`).
        public var text: String
        /// The number behind the text when the source stored one (an xlsx
        /// number cell); nil for text cells and for every CSV cell.
        public var value: Double?
        /// 1-based row and column in the source file (CSV: the physical line
        /// where the field starts and the field number; xlsx: the sheet row and column).
        public var row: Int
        public var column: Int

        public init(text: String, value: Double? = nil, row: Int, column: Int) {
            self.text = text
            self.value = value
            self.row = row
            self.column = column
        }
    }

    /// A title row above the header (one cell in a row of its own, as clerks
    /// put "马庄村2026年10月收支明细表" above the table); nil when there is none.
    public var caption: String?
    public var header: [Cell]
    /// Every row has `header.count` cells.
    public var rows: [[Cell]]

    public init(caption: String? = nil, header: [Cell], rows: [[Cell]]) {
        self.caption = caption
        self.header = header
        self.rows = rows
    }

    /// Builds a table from the non-empty rows of a sheet or CSV file: trailing
    /// and leading empty columns are dropped, a lone title row becomes the caption, the
    /// next row is the header, and short rows are padded with empty cells.
    public static func fromGrid(_ grid: [[Cell]]) -> TableData? {
        var rows = grid.filter { row in row.contains { !$0.text.isEmpty } }
        guard !rows.isEmpty else { return nil }
        let leading = rows.map { row in row.firstIndex { !$0.text.isEmpty } ?? Int.max }.min() ?? 0
        if leading > 0 { rows = rows.map { Array($0.dropFirst(leading)) } }
        let width = rows.map { row in (row.lastIndex { !$0.text.isEmpty } ?? -1) + 1 }.max() ?? 0
        var caption: String?
        if rows.count >= 2, rows[0].filter({ !$0.text.isEmpty }).count == 1,
           rows[1].filter({ !$0.text.isEmpty }).count > 1 {
            caption = rows[0].first { !$0.text.isEmpty }?.text
            rows.removeFirst()
        }
        let padded = rows.map { row -> [Cell] in
            var r = Array(row.prefix(width))
            while r.count < width {
                let previous = r.last
                r.append(Cell(text: "", row: previous?.row ?? 0, column: (previous?.column ?? 0) + 1))
            }
            return r
        }
        return TableData(caption: caption, header: padded[0], rows: Array(padded.dropFirst()))
    }
}
