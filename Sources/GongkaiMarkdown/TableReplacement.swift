import CCmark
import GongkaiCore

/// A paragraph that is a pipe table, or a ```` ```table ```` block that names
/// a CSV/xlsx file, and the `<table>` markup that replaces it through a cmark
/// custom block (printed by cmark's HTML renderer even in safe mode;
/// everything inside is escaped here).
struct TableReplacement {
    let node: OpaquePointer
    let html: String
    let plainText: String
    /// 合计 rows of a pipe table that do not add up, at their body line and column.
    var totals: [TableTotalProblem] = []

    /// A table block whose file could not be read (the caller reported why):
    /// it renders as nothing.
    init(empty block: OpaquePointer) {
        self.node = block
        self.html = ""
        self.plainText = ""
    }

    /// A pipe table in the body; `lines` locates its rows for the 合计 check.
    init(paragraph: OpaquePointer, table: PipeTable, lines: SourceLines) {
        self.node = paragraph
        var html = ""
        var text = ""
        if !table.leadingLines.isEmpty {
            let lead = String(decoding: Array(table.leadingLines.joined(separator: [10])), as: UTF8.self)
            let rendered = MarkdownRenderer.render(lead)
            html += rendered.html
            text += rendered.text
        }
        let header = table.header.map(InlineMarkdown.render)
        let body = table.rows.map { $0.map(InlineMarkdown.render) }
        let classes = (0..<header.count).map { column -> String in
            switch table.alignments[column] {
            case .left: return " class=\"al-l\""
            case .center: return " class=\"al-c\""
            case .right: return " class=\"num\""
            case .none:
                return NumberCell.isNumericColumn(body.map { $0[column].text }) ? " class=\"num\"" : ""
            }
        }
        let table2 = Self.tableHTML(header: header, body: body, classes: classes, caption: nil)
        self.html = html + table2.html
        self.plainText = text + table2.text
        let mismatches = TableTotals.check(header: header.map(\.text),
                                           rows: body.map { $0.map { TableTotals.Input(text: $0.text) } })
        self.totals = mismatches.compactMap { m in
            guard m.row < table.rowLines.count else { return nil }
            let line = table.rowLines[m.row]
            let starts = PipeTable.cellStarts(line)
            let index = m.column < starts.count ? starts[m.column] : line.startIndex
            guard let (lineNumber, column) = lines.position(ofByte: index) else { return nil }
            return TableTotalProblem(line: lineNumber, column: column, mismatch: m)
        }
    }

    /// A table read from a file beside the notice: cells are plain text
    /// (escaped, never Markdown), numbers as the file displays them.
    init(block: OpaquePointer, included: IncludedTable) {
        self.node = block
        let table = included.table
        // A cell's lines (a CSV field with line breaks, Alt+Enter in Excel, a
        // multi-line cell of a Word table) stay lines.
        func cellHTML(_ text: String) -> String {
            HTML.escape(text).replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "<br>")
        }
        let header = table.header.map { (html: cellHTML($0.text), text: $0.text) }
        let body = table.rows.map { $0.map { (html: cellHTML($0.text), text: $0.text) } }
        let classes = (0..<header.count).map { column -> String in
            let cells = body.map { $0[column].text }
            if NumberCell.isNumericColumn(cells) { return " class=\"num\"" }
            // Dates from a sheet (2026年10月8日) never break across lines.
            if cells.contains(where: { !$0.isEmpty }), cells.allSatisfy({ $0.isEmpty || Self.isDate($0) }) {
                return " class=\"date\""
            }
            // A column of sentences (摘要, 项目) gets room on a phone instead of one word a line.
            let filled = cells.filter { !$0.isEmpty }
            if !filled.isEmpty, filled.reduce(0, { $0 + $1.count }) / filled.count >= 8 { return " class=\"wide\"" }
            // 序号 and the like: no room wasted.
            if header[column].text.count <= 3, filled.allSatisfy({ $0.count <= 3 }) { return " class=\"narrow\"" }
            return ""
        }
        var caption = ""
        var text = ""
        if let title = included.title ?? table.caption, !title.isEmpty {
            caption += HTML.escape(title)
            text += title + "\n"
        }
        if !included.source.isEmpty {
            caption += "<span class=\"table-source\">" + HTML.escape(included.source) + "</span>"
        }
        let made = Self.tableHTML(header: header, body: body, classes: classes, caption: caption.isEmpty ? nil : caption)
        self.html = made.html
        self.plainText = text + made.text
    }

    /// `2026年10月8日`, optionally followed by a time (`2026年10月8日 12:00`),
    /// as dates from a sheet are shown.
    static func isDate(_ s: String) -> Bool {
        let day = s.split(separator: " ", maxSplits: 1).first.map(String.init) ?? s
        let parts = day.split(whereSeparator: { "年月日".contains($0) })
        guard parts.count == 3, day.hasSuffix("日"), parts[0].count == 4 else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// The markup shared by both kinds of table: a scrollable region (a wide
    /// table never widens a 360 px screen), `<thead>` (repeated on every
    /// printed page), `class="total"` on 合计/小计/总计 rows.
    static func tableHTML(header: [(html: String, text: String)], body: [[(html: String, text: String)]],
                          classes: [String], caption: String?) -> (html: String, text: String) {
        var html = "<div class=\"table-wrap\" role=\"region\" aria-label=\"表格\" tabindex=\"0\">\n<table>\n"
        var text = ""
        if let caption { html += "<caption>\(caption)</caption>\n" }
        html += "<thead>\n<tr>\n"
        for (column, cell) in header.enumerated() {
            html += "<th scope=\"col\"\(classes[column])>\(cell.html)</th>\n"
        }
        html += "</tr>\n</thead>\n"
        text += header.map(\.text).joined(separator: " ") + "\n"
        if !body.isEmpty {
            html += "<tbody>\n"
            for row in body {
                let isTotal = TableTotals.totalLabel(row.map(\.text)) != nil
                html += isTotal ? "<tr class=\"total\">\n" : "<tr>\n"
                for (column, cell) in row.enumerated() {
                    html += "<td\(classes[column])>\(cell.html)</td>\n"
                }
                html += "</tr>\n"
                text += row.map(\.text).joined(separator: " ") + "\n"
            }
            html += "</tbody>\n"
        }
        html += "</table>\n</div>\n"
        return (html, text)
    }

    /// Puts a custom block with the table markup where the paragraph (or
    /// code block) was. Called after the walk: nodes are never replaced
    /// during iteration.
    func install() {
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        cmark_node_set_on_enter(block, html)
        cmark_node_set_on_exit(block, "")
        cmark_node_insert_before(node, block)
        cmark_node_unlink(node)
        cmark_node_free(node)
    }
}

/// Recognises the numbers of finance tables: `12,000.00`, `-350`, `￥1,200`, `85%`.
enum NumberCell {
    static func isNumericColumn(_ cells: [String]) -> Bool {
        var numbers = 0
        for cell in cells {
            let c = cell.trimmingWhitespace()
            if placeholders.contains(c) { continue }
            guard isNumber(c) else { return false }
            numbers += 1
        }
        return numbers > 0
    }

    static let placeholders: Set<String> = ["", "-", "—", "——", "/", "／", "无", "－"]

    static func isNumber(_ text: String) -> Bool {
        var s = Substring(text)
        if let f = s.first, "+-−".contains(f) { s = s.dropFirst() }
        if let f = s.first, "￥¥".contains(f) { s = s.dropFirst() }
        if s.last == "%" { s = s.dropLast() }
        return TableNumber.isPlainAmount(s)
    }

}

/// One table cell's Markdown, as inline content only (GFM cells hold no blocks).
enum InlineMarkdown {
    /// Characters that can change how a cell renders; cells without them
    /// (most cells of a finance table) are only escaped, not parsed.
    private static let special: Set<UInt8> = Array("\\`*_[]<>&!~".utf8).reduce(into: []) { $0.insert($1) }

    static func render(_ cell: String) -> (html: String, text: String) {
        if !cell.utf8.contains(where: special.contains) {
            return (HTML.escape(cell), cell)
        }
        // A letter and a space before the cell keep it one paragraph (a cell
        // "1. 计划" or "# 3" is text, not a list or heading) without changing
        // how emphasis at its start is read: both count as whitespace before it.
        let rendered = MarkdownRenderer.render("x " + cell)
        var html = rendered.html
        if html.hasPrefix("<p>x ") && html.hasSuffix("</p>\n") {
            html = String(html.dropFirst(5).dropLast(5))
        } else {
            html = HTML.escape(cell)
        }
        var text = rendered.text.trimmingWhitespace()
        if text.hasPrefix("x ") { text.removeFirst(2) }
        return (html, text)
    }
}

/// Escaping as cmark escapes text (`&<>"`), so table cells match body text.
public enum HTML {
    public static func escape(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 }) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
