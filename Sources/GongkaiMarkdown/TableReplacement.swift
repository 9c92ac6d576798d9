import CCmark
import GongkaiCore

/// A paragraph that is a pipe table, and the `<table>` markup that replaces it
/// through a cmark custom block (printed by cmark's HTML renderer even in safe
/// mode; everything inside is escaped here).
struct TableReplacement {
    let paragraph: OpaquePointer
    let html: String
    let plainText: String

    init(paragraph: OpaquePointer, table: PipeTable) {
        self.paragraph = paragraph
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
        html += "<div class=\"table-wrap\" role=\"region\" aria-label=\"表格\" tabindex=\"0\">\n<table>\n<thead>\n<tr>\n"
        for (column, cell) in header.enumerated() {
            html += "<th scope=\"col\"\(classes[column])>\(cell.html)</th>\n"
        }
        html += "</tr>\n</thead>\n"
        text += header.map(\.text).joined(separator: " ") + "\n"
        if !body.isEmpty {
            html += "<tbody>\n"
            for row in body {
                let isTotal = NumberCell.isTotalLabel(row.first?.text ?? "")
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
        self.html = html
        self.plainText = text
    }

    /// Puts a custom block with the table markup where the paragraph was.
    /// Called after the walk: nodes are never replaced during iteration.
    func install() {
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        cmark_node_set_on_enter(block, html)
        cmark_node_set_on_exit(block, "")
        cmark_node_insert_before(paragraph, block)
        cmark_node_unlink(paragraph)
        cmark_node_free(paragraph)
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
        var digits = 0, sawDot = false, groupDigits = 0, sawComma = false
        for ch in s {
            if ch.isASCII, ch.isNumber {
                digits += 1
                groupDigits += 1
            } else if ch == ",", !sawDot, groupDigits >= 1, groupDigits <= 3 || !sawComma, digits > 0 {
                if sawComma && groupDigits != 3 { return false }
                sawComma = true
                groupDigits = 0
            } else if ch == ".", !sawDot, digits > 0 {
                if sawComma && groupDigits != 3 { return false }
                sawDot = true
                groupDigits = 0
                sawComma = false
            } else {
                return false
            }
        }
        if sawComma && groupDigits != 3 { return false }
        return digits > 0 && s.last?.isNumber == true
    }

    static func isTotalLabel(_ text: String) -> Bool {
        let t = String(text.filter { !$0.isWhitespace })
        return t.hasPrefix("合计") || t.hasPrefix("小计") || t.hasPrefix("总计")
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
