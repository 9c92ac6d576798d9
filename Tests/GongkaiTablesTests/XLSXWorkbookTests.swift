import Foundation
import GongkaiTables
import Testing

/// `XLSXTable.workbook`: everything a downloaded workbook holds, with what
/// Excel hides marked (the fixture is made by scripts/make-attachment-fixtures.py).
struct XLSXWorkbookTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../GongkaiContentTests/Fixtures/attachments").standardized

    @Test func hiddenRowsColumnsAndSheetsAreReadAndMarked() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent("低保名单.xlsx")))
        let book = try XLSXTable.workbook(bytes).get()
        #expect(book.sheets.map(\.name) == ["名单", "原始数据", "备份"])
        #expect(book.sheets.map(\.visibility) == [.visible, .hidden, .veryHidden])
        let list = book.sheets[0].cells
        let id = try #require(list.first { $0.row == 3 && $0.column == 2 })
        #expect(id.text == "11010519491231002X" && id.rowHidden && !id.columnHidden)
        let phone = try #require(list.first { $0.row == 2 && $0.column == 4 })
        #expect(phone.text == "139 1234 5678" && phone.columnHidden && !phone.rowHidden)
        #expect(list.filter { !$0.rowHidden && !$0.columnHidden }.map(\.text).contains("王某某"))
        #expect(book.sheets[1].cells.map(\.text) == ["户主", "银行卡号", "王某某", "6222021234567894"])
        // A table block still leaves hidden rows out.
        let shown = try XLSXTable.read(bytes, sheet: "名单").get()
        #expect(!shown.table.rows.joined().contains { $0.text == "11010519491231002X" })
    }

    @Test func aCutFileIsAFailure() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent("损坏.xlsx")))
        guard case .failure(.unreadable) = XLSXTable.workbook(bytes) else {
            Issue.record("a cut workbook must be unreadable")
            return
        }
    }
}
