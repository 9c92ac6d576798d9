import GongkaiCore

/// A fenced block whose info string starts with `table` or `表格`: the body
/// names a CSV/xlsx file beside the notice (docs/content-format.md). The
/// renderer does not read files: it hands the block to the caller's
/// resolver and puts the table it gets back where the block was.
public struct TableBlock: Sendable, Hashable {
    /// The info string after the word `table`/`表格` (e.g. `收支明细.xlsx sheet=10月`).
    public var info: String
    /// The lines inside the fence (e.g. `文件: 收支明细.xlsx`).
    public var content: String
    /// 1-based line and column of the opening fence in the Markdown given to `render`.
    public var line: Int
    public var column: Int

    /// The words that open a table block.
    public static let keywords: Set<String> = ["table", "表格"]
}

/// What a resolver returns for a `TableBlock`.
public struct IncludedTable: Sendable, Hashable {
    public var table: TableData
    /// Shown under the caption, e.g. `数据来源：收支明细.xlsx，工作表“10月”`.
    public var source: String
    /// A caption written in the block (`title:`/`标题:`); wins over the file's title row.
    public var title: String?

    public init(table: TableData, source: String, title: String? = nil) {
        self.table = table
        self.source = source
        self.title = title
    }
}

/// A 合计/小计/总计 row of a pipe table in the body that is not the sum of its
/// column, at the line and column (in the Markdown given to `render`) of the total cell.
public struct TableTotalProblem: Sendable, Hashable {
    public var line: Int
    public var column: Int
    public var mismatch: TableTotals.Mismatch
}
