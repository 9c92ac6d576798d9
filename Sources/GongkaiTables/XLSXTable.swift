import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GongkaiCore
import GongkaiZip

/// One worksheet of an `.xlsx` workbook (Office Open XML, as Excel and WPS
/// save it) as a `TableData`: the package is opened with GongkaiZip, its
/// parts read with Foundation's XMLParser. Cell text is what the sheet
/// displays: shared and inline strings as written, numbers through their
/// number format (decimals, thousands separators, percent, ¥), dates as
/// `2026年10月8日`, formulas as their saved result. Hidden rows are left out.
public enum XLSXTable {
    public enum Failure: Error, Sendable, Hashable {
        /// Not a zip package or not a workbook; the reason, for the clerk.
        case unreadable(String)
        /// No sheet has this name; the sheets that exist, in workbook order.
        case unknownSheet(String, available: [String])
        /// The sheet has no cell with text.
        case empty(sheet: String)
    }

    public struct Sheet: Sendable, Hashable {
        public var name: String
        public var table: TableData
    }

    /// The named sheet, or the first visible one when `sheet` is nil.
    public static func read(_ bytes: [UInt8], sheet wanted: String?) -> Result<Sheet, Failure> {
        let archive: ZipArchive, workbook: WorkbookReader, relations: RelationshipsReader
        switch open(bytes) {
        case .success(let opened): (archive, workbook, relations) = opened
        case .failure(let failure): return .failure(failure)
        }

        let chosen: WorkbookReader.SheetEntry?
        if let wanted {
            let key = wanted.trimmingWhitespace()
            chosen = workbook.sheets.first { $0.name == key }
                ?? workbook.sheets.first { $0.name.trimmingWhitespace().lowercased() == key.lowercased() }
                ?? workbook.sheets.first { sheetKey($0.name) == sheetKey(key) }
            if chosen == nil {
                return .failure(.unknownSheet(wanted, available: workbook.sheets.map(\.name)))
            }
        } else {
            chosen = workbook.sheets.first { $0.visible } ?? workbook.sheets.first
        }
        guard let entry = chosen else { return .failure(.unreadable("工作簿里没有工作表")) }
        var target = relations.targets[entry.relationID] ?? ""
        if target.hasPrefix("/") { target.removeFirst() } else if !target.isEmpty { target = "xl/" + target }
        guard !target.isEmpty, let sheetXML = part(archive, target) else {
            return .failure(.unreadable("找不到工作表“\(entry.name)”的内容（\(target)）"))
        }

        let strings = SharedStringsReader()
        if let data = part(archive, "xl/sharedStrings.xml") { _ = strings.parse(data) }
        let styles = StylesReader()
        if let data = part(archive, "xl/styles.xml") { _ = styles.parse(data) }

        let reader = SheetReader(strings: strings.strings, formats: styles.formats, date1904: workbook.date1904)
        guard reader.parse(sheetXML) else {
            return .failure(.unreadable("工作表“\(entry.name)”无法解析"))
        }
        guard let table = TableData.fromGrid(reader.grid()) else { return .failure(.empty(sheet: entry.name)) }
        return .success(Sheet(name: entry.name, table: table))
    }

    /// What an `.xlsx` file holds for someone who downloads it: every cell
    /// with text of every sheet, including the rows, columns and sheets
    /// that Excel hides (the clerk does not see them; anyone can unhide them).
    public struct Workbook: Sendable, Hashable {
        public var sheets: [SheetText]
    }

    public struct SheetText: Sendable, Hashable {
        public enum Visibility: String, Sendable, Hashable {
            case visible
            /// Hidden (右键“取消隐藏” shows it again).
            case hidden
            /// Hidden so that Excel's own menus cannot show it (`veryHidden`).
            case veryHidden
        }

        public var name: String
        public var visibility: Visibility
        public var cells: [CellText]
    }

    public struct CellText: Sendable, Hashable {
        /// 1-based sheet row and column.
        public var row: Int
        public var column: Int
        /// As displayed (number formats applied).
        public var text: String
        public var rowHidden: Bool
        public var columnHidden: Bool
    }

    /// Every sheet's cells (`Workbook`); a sheet that cannot be parsed is a failure.
    public static func workbook(_ bytes: [UInt8]) -> Result<Workbook, Failure> {
        let archive: ZipArchive, workbook: WorkbookReader, relations: RelationshipsReader
        switch open(bytes) {
        case .success(let opened): (archive, workbook, relations) = opened
        case .failure(let failure): return .failure(failure)
        }
        let strings = SharedStringsReader()
        if let data = part(archive, "xl/sharedStrings.xml") { _ = strings.parse(data) }
        let styles = StylesReader()
        if let data = part(archive, "xl/styles.xml") { _ = styles.parse(data) }
        var sheets: [SheetText] = []
        for entry in workbook.sheets {
            var target = relations.targets[entry.relationID] ?? ""
            if target.hasPrefix("/") { target.removeFirst() } else if !target.isEmpty { target = "xl/" + target }
            // A chart sheet or a dialog sheet has no cells.
            guard !target.isEmpty, target.contains("worksheets/") || !target.contains("sheets/") else { continue }
            guard let sheetXML = part(archive, target) else {
                return .failure(.unreadable("找不到工作表“\(entry.name)”的内容（\(target)）"))
            }
            let reader = SheetReader(strings: strings.strings, formats: styles.formats, date1904: workbook.date1904)
            reader.keepHidden = true
            guard reader.parse(sheetXML) else { return .failure(.unreadable("工作表“\(entry.name)”无法解析")) }
            let hiddenRows = reader.hiddenRows, hiddenColumns = reader.hiddenColumns
            let cells = reader.allCells.map { cell in
                CellText(row: cell.row, column: cell.column, text: cell.text, rowHidden: hiddenRows.contains(cell.row),
                         columnHidden: hiddenColumns.contains { $0.contains(cell.column) })
            }
            let visibility = SheetText.Visibility(rawValue: entry.state) ?? (entry.visible ? .visible : .hidden)
            sheets.append(SheetText(name: entry.name, visibility: visibility, cells: cells))
        }
        return .success(Workbook(sheets: sheets))
    }

    /// A sheet name as a clerk may write it: `十月`, `10月份` and `10 月`
    /// all mean the sheet `10月`.
    static func sheetKey(_ name: String) -> String {
        var s = name.lowercased().filter { !$0.isWhitespace }
        s = s.replacingOccurrences(of: "月份", with: "月")
        let numerals: [(String, String)] = [("十二", "12"), ("十一", "11"), ("十", "10"), ("九", "9"), ("八", "8"),
                                            ("七", "7"), ("六", "6"), ("五", "5"), ("四", "4"), ("三", "3"),
                                            ("二", "2"), ("一", "1")]
        for (chinese, digits) in numerals where s.hasPrefix(chinese + "月") {
            s = digits + s.dropFirst(chinese.count)
            break
        }
        while s.hasPrefix("0") && s.count > 1 { s.removeFirst() }
        return s
    }

    /// The names of the workbook's sheets (for messages), or nil when unreadable.
    public static func sheetNames(_ bytes: [UInt8]) -> [String]? {
        guard let archive = try? ZipArchive(bytes),
              let xml = part(archive, "xl/workbook.xml") else { return nil }
        let workbook = WorkbookReader()
        guard workbook.parse(xml) else { return nil }
        return workbook.sheets.map(\.name)
    }

    /// `B14` for column 2, row 14.
    public static func cellName(row: Int, column: Int) -> String {
        var letters = ""
        var n = column
        while n > 0 {
            let r = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            n = (n - 1) / 26
        }
        return letters + String(row)
    }

    /// A part bigger than this unpacked is not read (a 20 MB workbook that
    /// unpacks to gigabytes is broken or hostile, never a village's ledger).
    static let partLimit = 256 * 1024 * 1024

    /// The archive, its workbook (sheet names, visibility) and the workbook's relations.
    private static func open(_ bytes: [UInt8]) -> Result<(ZipArchive, WorkbookReader, RelationshipsReader), Failure> {
        let archive: ZipArchive
        do {
            archive = try ZipArchive(bytes)
        } catch {
            return .failure(.unreadable("不是有效的 xlsx 文件（无法按 zip 打开）"))
        }
        guard let workbookXML = part(archive, "xl/workbook.xml") else {
            return .failure(.unreadable("文件里没有 xl/workbook.xml，不是 Excel 工作簿（.xls 旧格式请另存为 .xlsx）"))
        }
        let workbook = WorkbookReader()
        guard workbook.parse(workbookXML) else { return .failure(.unreadable("xl/workbook.xml 无法解析")) }
        let relations = RelationshipsReader()
        if let rels = part(archive, "xl/_rels/workbook.xml.rels") { _ = relations.parse(rels) }
        return .success((archive, workbook, relations))
    }

    private static func part(_ archive: ZipArchive, _ path: String) -> Data? {
        guard let entry = archive.entries.first(where: { $0.path == path || $0.path == "/" + path }),
              let bytes = try? archive.data(entry, limit: partLimit) else { return nil }
        return Data(bytes)
    }
}

// MARK: - Parts

/// Base for the small SAX readers below: collects characters of the element
/// being read and reports whether the document parsed.
class PartReader: NSObject, XMLParserDelegate {
    var text = ""
    var collecting = false

    func parse(_ data: Data) -> Bool {
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = false
        parser.delegate = self
        return parser.parse()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting { text += string }
    }

    // Declared here so the subclasses' versions are the protocol's witnesses
    // (without the Objective-C runtime, a method first declared in a subclass
    // is never called through the protocol).
    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {}

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {}

    /// Element names without their namespace prefix (`x:sheet` → `sheet`).
    static func local(_ name: String) -> Substring {
        if let colon = name.lastIndex(of: ":") { return name[name.index(after: colon)...] }
        return Substring(name)
    }
}

final class WorkbookReader: PartReader {
    struct SheetEntry {
        var name: String
        var relationID: String
        var visible: Bool
        /// `visible`, `hidden` or `veryHidden`, as written.
        var state: String
    }

    var sheets: [SheetEntry] = []
    var date1904 = false

    override func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {
        switch Self.local(elementName) {
        case "sheet":
            let rid = attributes.first { Self.local($0.key) == "id" && $0.key.contains(":") }?.value ?? ""
            let state = attributes["state"] ?? "visible"
            sheets.append(SheetEntry(name: attributes["name"] ?? "", relationID: rid, visible: state == "visible", state: state))
        case "workbookPr":
            let v = attributes["date1904"]?.lowercased()
            date1904 = v == "1" || v == "true"
        default:
            break
        }
    }
}

final class RelationshipsReader: PartReader {
    var targets: [String: String] = [:]

    override func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {
        if Self.local(elementName) == "Relationship", let id = attributes["Id"], let target = attributes["Target"] {
            targets[id] = target
        }
    }
}

/// `xl/sharedStrings.xml`: each `<si>` is a plain `<t>` or rich-text runs
/// `<r><t>`; phonetic guides (`<rPh>`) are not part of the text.
final class SharedStringsReader: PartReader {
    var strings: [String] = []
    private var inItem = false
    private var phonetic = 0
    private var item = ""

    override func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {
        switch Self.local(elementName) {
        case "si": inItem = true; item = ""
        case "rPh": phonetic += 1
        case "t" where inItem && phonetic == 0: collecting = true; text = ""
        default: break
        }
    }

    override func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        switch Self.local(elementName) {
        case "si": strings.append(item); inItem = false
        case "rPh": phonetic -= 1
        case "t" where collecting: item += text; collecting = false
        default: break
        }
    }
}

/// `xl/styles.xml`: the number format of each cell style (`cellXfs`, in order).
final class StylesReader: PartReader {
    var formats: [NumberFormat] = []
    private var custom: [Int: NumberFormat] = [:]
    private var inCellXfs = false

    override func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {
        switch Self.local(elementName) {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] {
                custom[id] = NumberFormat.parse(code)
            }
        case "cellXfs":
            inCellXfs = true
        case "xf" where inCellXfs:
            let id = attributes["numFmtId"].flatMap(Int.init) ?? 0
            formats.append(custom[id] ?? NumberFormat.builtIn(id))
        default:
            break
        }
    }

    override func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        if Self.local(elementName) == "cellXfs" { inCellXfs = false }
    }
}

/// One worksheet's `<sheetData>`: rows of `<c r="B14" t="s" s="3"><v>…</v></c>`.
final class SheetReader: PartReader {
    let strings: [String]
    let formats: [NumberFormat]
    let date1904: Bool
    private var cells: [Int: [Int: TableData.Cell]] = [:]
    private var rowNumber = 0
    private var rowHidden = false
    /// Keep the cells of hidden rows (the privacy guard reads them; a table does not show them).
    var keepHidden = false
    private(set) var hiddenRows: Set<Int> = []
    /// `<col min max hidden>` ranges (1-based, inclusive).
    private(set) var hiddenColumns: [ClosedRange<Int>] = []
    private var nextColumn = 1
    private var cellRef: (row: Int, column: Int)?
    private var cellType = "n"
    private var cellStyle = 0
    private var value: String?
    private var inline = ""
    private var inInline = false

    init(strings: [String], formats: [NumberFormat], date1904: Bool) {
        self.strings = strings
        self.formats = formats
        self.date1904 = date1904
    }

    /// Every cell with text, row by row.
    var allCells: [TableData.Cell] {
        cells.keys.sorted().flatMap { row in cells[row]!.keys.sorted().map { cells[row]![$0]! } }
    }

    func grid() -> [[TableData.Cell]] {
        cells.keys.sorted().map { row -> [TableData.Cell] in
            let byColumn = cells[row]!
            let width = byColumn.keys.max() ?? 0
            return (1...max(1, width)).map { column in
                byColumn[column] ?? TableData.Cell(text: "", row: row, column: column)
            }
        }
    }

    override func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {
        switch Self.local(elementName) {
        case "row":
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            let hidden = attributes["hidden"]?.lowercased()
            // A row of height 0 is as hidden as one marked hidden.
            let flat = attributes["customHeight"].map { $0 == "1" || $0 == "true" } == true
                && attributes["ht"].flatMap(Double.init) == 0
            rowHidden = hidden == "1" || hidden == "true" || flat
            if rowHidden { hiddenRows.insert(rowNumber) }
            nextColumn = 1
        case "col":
            let hidden = attributes["hidden"]?.lowercased()
            let narrow = attributes["width"].flatMap(Double.init) == 0
            if hidden == "1" || hidden == "true" || narrow, let min = attributes["min"].flatMap(Int.init),
               let max = attributes["max"].flatMap(Int.init), min >= 1, max >= min {
                hiddenColumns.append(min...max)
            }
        case "c":
            cellRef = attributes["r"].flatMap(Self.reference) ?? (rowNumber, nextColumn)
            cellType = attributes["t"] ?? "n"
            cellStyle = attributes["s"].flatMap(Int.init) ?? 0
            value = nil
            inline = ""
        case "v":
            collecting = true
            text = ""
        case "is":
            inInline = true
        case "t" where inInline:
            collecting = true
            text = ""
        default:
            break
        }
    }

    override func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        switch Self.local(elementName) {
        case "v":
            value = text
            collecting = false
        case "t" where inInline:
            inline += text
            collecting = false
        case "is":
            inInline = false
        case "c":
            guard let ref = cellRef else { return }
            nextColumn = ref.column + 1
            cellRef = nil
            guard !rowHidden || keepHidden else { return }
            var cell = TableData.Cell(text: "", row: ref.row, column: ref.column)
            switch cellType {
            case "s":
                if let i = value.flatMap({ Int($0.trimmingWhitespace()) }), i >= 0, i < strings.count { cell.text = strings[i] }
            case "inlineStr":
                cell.text = inline
            case "str", "e":
                cell.text = value ?? ""
            case "b":
                cell.text = value == "1" ? "是" : "否"
            case "d":
                cell.text = String((value ?? "").prefix(10))
            default:
                if let raw = value?.trimmingWhitespace(), let number = Double(raw) {
                    let format = cellStyle < formats.count ? formats[cellStyle] : .general
                    cell.text = format.display(number, date1904: date1904)
                    if format.kind == .number || format.kind == .general { cell.value = number }
                } else {
                    cell.text = value ?? ""
                }
            }
            cell.text = cell.text.trimmingWhitespace()
            if !cell.text.isEmpty { cells[ref.row, default: [:]][ref.column] = cell }
        default:
            break
        }
    }

    /// `B14` → (14, 2).
    static func reference(_ ref: String) -> (row: Int, column: Int)? {
        var column = 0
        var digits = Substring(ref)
        for ch in ref {
            guard let a = ch.asciiValue, (65...90).contains(a & ~0x20) else { break }
            column = column * 26 + Int((a & ~0x20) - 64)
            digits = digits.dropFirst()
        }
        guard column > 0, let row = Int(digits) else { return nil }
        return (row, column)
    }
}
