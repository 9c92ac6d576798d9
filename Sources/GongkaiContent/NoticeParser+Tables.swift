import GongkaiCore
import GongkaiMarkdown
import GongkaiTables

/// Tables in a notice body: ```` ```table ```` blocks that name a CSV or
/// xlsx file beside the notice (read by the load stage into
/// `NoticeSource.dataFiles`), and the 合计 check of every table, whether
/// written as a pipe table or read from a file (GK180–GK186), and the
/// privacy guard on the cells of file tables (GK170–GK173).
extension NoticeParser {
    /// What a table block asks for.
    struct TableSpec: Equatable {
        var file: String?
        var sheet: String?
        var title: String?
        /// `来源`: what the line under the table says instead of the file's
        /// name; `无` (or empty) for none (a table that was part of a Word document).
        var source: String?
    }

    /// Collects the diagnostics of the resolver closure handed to the
    /// Markdown renderer (a closure cannot capture an `inout` array).
    final class TableProblems {
        var diagnostics: [Diagnostic] = []
        /// Names of the table files the blocks named (found or not).
        var files: [String] = []
    }

    /// The body rendered with its table blocks resolved, plus every problem
    /// found in its tables (positions in the notice file or in the table file).
    /// `attachments`: the files the notice lists as attachments (a CSV
    /// among them is already checked by the privacy guard as a whole file).
    func renderBody(_ body: String, bodyFirstLine: Int, source: NoticeSource, attachments: Set<String> = []) -> RenderedBody {
        let problems = TableProblems()
        let path = source.file.path
        let rendered = MarkdownRenderer.render(body) { block in
            self.includeTable(block, source: source, fileLine: block.line + bodyFirstLine - 1, problems: problems,
                              attachments: attachments)
        }
        for p in rendered.totals {
            problems.diagnostics.append(Self.totalDiagnostic(p.mismatch, file: path, line: p.line + bodyFirstLine - 1,
                                                             column: p.column, place: ""))
        }
        return RenderedBody(rendered: rendered, diagnostics: problems.diagnostics, tableFiles: problems.files)
    }

    /// A notice's body as HTML and text, with the problems of its tables.
    struct RenderedBody {
        var rendered: RenderedMarkdown
        var diagnostics: [Diagnostic]
        /// Names of the table files the body's table blocks name (found or not).
        var tableFiles: [String]
    }

    private func includeTable(_ block: TableBlock, source: NoticeSource, fileLine: Int,
                              problems: TableProblems, attachments: Set<String>) -> IncludedTable? {
        let path = source.file.path
        func problem(_ code: String, _ message: String, _ fix: String, _ severity: Diagnostic.Severity = .error) {
            problems.diagnostics.append(Diagnostic(file: path, line: fileLine, column: block.column, code: code,
                                                   severity: severity, message: message, fix: fix))
        }
        let spec: TableSpec
        switch Self.tableSpec(block) {
        case .success(let s): spec = s
        case .failure(let unknownKey):
            problem("GK181", Messages.tableBlockUnknownKey(unknownKey.key), Messages.tableBlockUnknownKeyFix)
            return nil
        }
        guard let file = spec.file, !file.isEmpty else {
            problem("GK181", Messages.tableBlockNoFile, Messages.tableBlockFix)
            return nil
        }
        if file.contains("/") || file.contains("\\") || file == ".." || file == "." {
            problem("GK181", Messages.tableFileOutside(file), Messages.tableFileOutsideFix)
            return nil
        }
        problems.files.append(file)
        guard SiteLoader.isTableFile(file) else {
            problem("GK181", Messages.tableFileType(file), Messages.tableFileTypeFix)
            return nil
        }
        guard let data = source.dataFiles[file] else {
            switch source.siblings[file] {
            case .file(let size) where size > SiteLoader.tableFileLimit:
                problem("GK181", Messages.tableFileTooLarge(file, SiteLoader.tableFileLimit / 1024 / 1024),
                        Messages.tableFileTooLargeFix)
            case .symlink:
                problem("GK181", Messages.tableFileOutside(file), Messages.tableFileOutsideFix)
            default:
                let present = source.siblings.keys.filter(SiteLoader.isTableFile).sorted()
                // Compared without the extension: ".csv" alone makes unrelated names look alike.
                func stem(_ name: String) -> String { name.split(separator: ".").dropLast().joined(separator: ".") }
                let suggestion = Suggest.nearest(stem(file), in: present.map(stem))
                    .flatMap { s in present.first { stem($0) == s } }
                problem("GK180", Messages.tableFileMissing(file), Messages.tableFileMissingFix(suggestion, present))
            }
            return nil
        }

        let table: TableData
        var sheetName: String?
        var place: (TableData.Cell) -> String
        if file.lowercased().hasSuffix(".xlsx") {
            switch XLSXTable.read(data.bytes, sheet: spec.sheet) {
            case .success(let sheet):
                table = sheet.table
                sheetName = sheet.name
                place = { cell in "工作表“\(sheet.name)”\(XLSXTable.cellName(row: cell.row, column: cell.column))：" }
            case .failure(.unreadable(let reason)):
                problem("GK182", Messages.xlsxUnreadable(file, reason), Messages.xlsxUnreadableFix)
                return nil
            case .failure(.unknownSheet(let wanted, let available)):
                problem("GK183", Messages.unknownSheet(wanted, file),
                        Messages.unknownSheetFix(Suggest.nearest(wanted, in: available), available))
                return nil
            case .failure(.empty):
                problem("GK186", Messages.tableEmpty(file), Messages.tableEmptyFix, .warning)
                return nil
            }
        } else {
            if spec.sheet != nil {
                problem("GK181", Messages.tableSheetWithCSV(file), Messages.tableSheetWithCSVFix, .warning)
            }
            switch CSVTable.read(data.bytes) {
            case .success(let t):
                table = t
                place = { _ in "" }
            case .failure(.encoding(let line, let column)):
                problems.diagnostics.append(Diagnostic(file: data.path, line: line, column: column, code: "GK184",
                                                       message: Messages.csvEncoding(file), fix: Messages.csvEncodingFix))
                return nil
            case .failure(.unclosedQuote(let line)):
                problems.diagnostics.append(Diagnostic(file: data.path, line: line, column: 0, code: "GK184",
                                                       message: Messages.csvUnclosedQuote(file), fix: Messages.csvUnclosedQuoteFix))
                return nil
            case .failure(.empty):
                problem("GK186", Messages.tableEmpty(file), Messages.tableEmptyFix, .warning)
                return nil
            }
        }

        let mismatches = TableTotals.check(header: table.header.map(\.text),
                                           rows: table.rows.map { $0.map { TableTotals.Input(text: $0.text, value: $0.value) } })
        for m in mismatches {
            let cell = table.rows[m.row][m.column]
            problems.diagnostics.append(Self.totalDiagnostic(m, file: data.path, line: cell.row, column: cell.column,
                                                             place: place(cell)))
        }
        // A CSV or xlsx that is also an attachment is checked whole (every
        // sheet, every cell) by privacyProblems.
        if !attachments.contains(file) { problems.diagnostics += checkCellText(table, file: data.path, place: place) }
        let sourceLine = spec.source.map { ["", "无", "none", "否"].contains($0) ? "" : Messages.tableSource($0, sheet: nil) }
        return IncludedTable(table: table, source: sourceLine ?? Messages.tableSource(file, sheet: sheetName), title: spec.title)
    }

    // MARK: - The one place where the published text of file tables is checked

    /// Every cell of a table read from a file is published (on the page, in
    /// the search index and the plain text), so the privacy guard (docs/design.md
    /// §8, GK170–GK173) runs on each one. A finding is reported at the cell
    /// in the table file (`data.path:row:column`, `place(cell)` names the xlsx
    /// cell); the message never repeats the number.
    func checkCellText(_ table: TableData, file: String, place: (TableData.Cell) -> String) -> [Diagnostic] {
        let privacy = PrivacyGuard.forNotice(site: site, community: community)
        let cells = (table.caption.map { [TableData.Cell(text: $0, row: max(1, (table.header.first?.row ?? 2) - 1), column: 1)] } ?? [])
            + table.header + table.rows.joined()
        var found: [Diagnostic] = []
        for cell in cells where !cell.text.isEmpty {
            for finding in privacy.scan(cell.text) {
                var d = finding.diagnostic(file: file, line: cell.row + finding.line, column: cell.column)
                d.message = place(cell) + d.message
                found.append(d)
            }
        }
        return found
    }

    /// The privacy guard also scans the body's rendered text, which holds the
    /// cells of included tables; a number already reported at its cell (or in
    /// a CSV attachment) is not reported again at the body's first line.
    static func dropRenderedDuplicates(_ privacy: [Diagnostic], reportedAt tables: [Diagnostic]) -> [Diagnostic] {
        let rendered = Messages.privacyInRenderedText + "。"
        func key(_ d: Diagnostic) -> String { d.code + "|" + d.fix }
        let elsewhere = Set((privacy + tables).filter { $0.code.hasPrefix("GK17") && !$0.message.hasSuffix(rendered) }.map(key))
        guard !elsewhere.isEmpty else { return privacy }
        return privacy.filter { !$0.message.hasSuffix(rendered) || !elsewhere.contains(key($0)) }
    }

    static func totalDiagnostic(_ m: TableTotals.Mismatch, file: String, line: Int, column: Int, place: String) -> Diagnostic {
        Diagnostic(file: file, line: line, column: column, code: "GK185", severity: .warning,
                   message: Messages.totalMismatch(m.label, m.columnName, m.stated, m.computed, place),
                   fix: Messages.totalMismatchFix)
    }

    struct UnknownKey: Error, Equatable { var key: String }

    /// Reads the block: the info string (`收支明细.xlsx sheet=10月`, a second
    /// bare word is the sheet) and the lines inside (`文件: 收支明细.xlsx`,
    /// `工作表: 10月`, `标题: …`; `：` and `=` work as well as `:`).
    static func tableSpec(_ block: TableBlock) -> Result<TableSpec, UnknownKey> {
        var spec = TableSpec()
        var bare: [String] = []
        func set(_ key: String, _ value: String) -> UnknownKey? {
            let v = unquote(value.trimmingWhitespace())
            switch key.trimmingWhitespace().lowercased() {
            case "file", "文件", "文件名": spec.file = v
            case "sheet", "工作表", "表", "sheet名": spec.sheet = v
            case "title", "标题", "表名", "名称": spec.title = v
            case "source", "来源", "数据来源": spec.source = v
            default: return UnknownKey(key: key.trimmingWhitespace())
            }
            return nil
        }
        for word in words(block.info) {
            if let (k, v) = keyValue(word, separators: ["=", "：", ":"]) {
                if let bad = set(k, v) { return .failure(bad) }
            } else {
                bare.append(unquote(word))
            }
        }
        for raw in block.content.split(whereSeparator: \.isNewline) {
            let line = String(raw).trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") { continue }
            if let (k, v) = keyValue(line, separators: ["：", ":", "="]) {
                if let bad = set(k, v) { return .failure(bad) }
            } else {
                bare.append(unquote(line))
            }
        }
        if spec.file == nil, !bare.isEmpty { spec.file = bare.removeFirst() }
        if spec.sheet == nil, !bare.isEmpty { spec.sheet = bare.removeFirst() }
        return .success(spec)
    }

    /// `key=value` / `key: value`, unless what precedes the separator looks
    /// like part of a file name (a file name may itself hold `=`).
    private static func keyValue(_ s: String, separators: [Character]) -> (String, String)? {
        guard let i = s.firstIndex(where: { separators.contains($0) }) else { return nil }
        let key = String(s[..<i])
        guard !key.isEmpty, !key.contains("."), key.count <= 8 else { return nil }
        return (key, String(s[s.index(after: i)...]))
    }

    /// Whitespace-separated words; `"…"` or `“…”` keep spaces inside a file name.
    private static func words(_ s: String) -> [String] {
        var result: [String] = []
        var current = ""
        var quote: Character?
        for ch in s {
            if let q = quote {
                current.append(ch)
                if ch == q || (q == "“" && ch == "”") { quote = nil }
            } else if ch == "\"" || ch == "“" {
                quote = ch
                current.append(ch)
            } else if ch.isWhitespace {
                if !current.isEmpty { result.append(current); current = "" }
            } else {
                current.append(ch)
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    private static func unquote(_ s: String) -> String {
        var t = s
        if let f = t.first, f == "\"" || f == "“" { t.removeFirst() }
        if let l = t.last, l == "\"" || l == "”" { t.removeLast() }
        return t.trimmingWhitespace()
    }
}
