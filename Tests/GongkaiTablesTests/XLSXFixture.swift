import Foundation
import ZIPFoundation

/// A workbook built in memory with ZIPFoundation, as Excel lays one out:
/// sheets (name → sheetData rows XML), shared strings, and cell styles whose
/// number formats are given as (numFmtId, custom code or nil).
struct XLSXFixture {
    var sheets: [(name: String, rows: String, hidden: Bool)] = []
    var strings: [String] = []
    var styles: [(id: Int, code: String?)] = [(0, nil)]
    var date1904 = false
    /// Replaces xl/workbook.xml's namespace prefix (some writers use `x:`).
    var prefix = ""

    func bytes() throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: .deflate, provider: { position, size in
                                     data.subdata(in: Int(position)..<Int(position) + size)
                                 })
        }
        let ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let p = prefix.isEmpty ? "" : prefix + ":"
        let xmlns = prefix.isEmpty ? "xmlns=\"\(ns)\"" : "xmlns:\(prefix)=\"\(ns)\""
        try add("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")
        let sheetList = sheets.enumerated().map { i, s in
            "<\(p)sheet name=\"\(s.name)\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"\(s.hidden ? " state=\"hidden\"" : "")/>"
        }.joined()
        try add("xl/workbook.xml", "<?xml version=\"1.0\"?><\(p)workbook \(xmlns) xmlns:r=\"\(rel)\"><\(p)workbookPr\(date1904 ? " date1904=\"1\"" : "")/><\(p)sheets>\(sheetList)</\(p)sheets></\(p)workbook>")
        let rels = sheets.indices.map { i in
            "<Relationship Id=\"rId\(i + 1)\" Type=\"\(rel)/worksheet\" Target=\"\(i == 1 ? "/xl/" : "")worksheets/sheet\(i + 1).xml\"/>"
        }.joined()
        try add("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(rels)</Relationships>")
        for (i, s) in sheets.enumerated() {
            try add("xl/worksheets/sheet\(i + 1).xml", "<?xml version=\"1.0\"?><worksheet xmlns=\"\(ns)\"><sheetData>\(s.rows)</sheetData></worksheet>")
        }
        let si = strings.map { "<si><t>\(escape($0))</t></si>" }.joined()
        try add("xl/sharedStrings.xml", "<?xml version=\"1.0\"?><sst xmlns=\"\(ns)\">\(si)</sst>")
        let custom = styles.compactMap { s in s.code.map { "<numFmt numFmtId=\"\(s.id)\" formatCode=\"\(escape($0))\"/>" } }.joined()
        let xfs = styles.map { "<xf numFmtId=\"\($0.id)\" fontId=\"0\"/>" }.joined()
        try add("xl/styles.xml", "<?xml version=\"1.0\"?><styleSheet xmlns=\"\(ns)\"><numFmts>\(custom)</numFmts><cellStyleXfs><xf numFmtId=\"14\"/></cellStyleXfs><cellXfs>\(xfs)</cellXfs></styleSheet>")
        return Array(archive.data ?? Data())
    }

    private func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
