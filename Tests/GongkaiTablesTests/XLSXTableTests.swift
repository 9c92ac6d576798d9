import GongkaiCore
@testable import GongkaiTables
import Testing

struct XLSXTableTests {
    /// A clerk's monthly sheet: a merged title row, a header, shared and
    /// inline strings, a date cell, amounts in #,##0.00 and a 合计 with formulas.
    static func ledger() -> XLSXFixture {
        var f = XLSXFixture()
        f.strings = ["新华社区2026年10月经费收支明细", "日期", "摘要", "收入(元)", "支出(元)", "收镇拨付办公经费", "合计"]
        // styles: 0 general, 1 #,##0.00 (built-in 4), 2 yyyy-mm-dd (custom), 3 0.0% (custom), 4 built-in 14
        f.styles = [(0, nil), (4, nil), (176, "yyyy\\-mm\\-dd"), (177, "0.0%"), (14, nil)]
        f.sheets = [
            (name: "说明", rows: "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>台账说明</t></is></c></row>", hidden: true),
            (name: "10月", rows: """
            <row r="2"><c r="B2" t="s"><v>0</v></c></row>
            <row r="3"><c r="B3" t="s"><v>1</v></c><c r="C3" t="s"><v>2</v></c><c r="D3" t="s"><v>3</v></c><c r="E3" t="s"><v>4</v></c></row>
            <row r="4"><c r="B4" s="2"><v>46303</v></c><c r="C4" t="s"><v>5</v></c><c r="D4" s="1"><v>45000</v></c></row>
            <row r="5"><c r="B5" s="4"><v>46305</v></c><c r="C5" t="inlineStr"><is><r><t>支付</t></r><r><t>水电费</t></r></is></c><c r="E5" s="1"><v>1386.45</v></c></row>
            <row r="6" hidden="1"><c r="C6" t="inlineStr"><is><t>隐藏行</t></is></c><c r="E6" s="1"><v>1</v></c></row>
            <row r="7"><c r="B7" t="s"><v>6</v></c><c r="D7" s="1"><f>SUM(D4:D5)</f><v>45000</v></c><c r="E7" s="1"><f>SUM(E4:E6)</f><v>1387.45</v></c></row>
            """, hidden: false),
        ]
        return f
    }

    @Test func readsTheNamedSheetAsDisplayed() throws {
        let sheet = try XLSXTable.read(try Self.ledger().bytes(), sheet: "10月").get()
        #expect(sheet.name == "10月")
        let t = sheet.table
        #expect(t.caption == "新华社区2026年10月经费收支明细")
        #expect(t.header.map(\.text) == ["日期", "摘要", "收入(元)", "支出(元)"])
        #expect(t.rows.map { $0.map(\.text) } == [
            ["2026年10月8日", "收镇拨付办公经费", "45,000.00", ""],
            ["2026年10月10日", "支付水电费", "", "1,386.45"],
            ["合计", "", "45,000.00", "1,387.45"],
        ])
        #expect(t.rows[0][2].value == 45000)
        #expect(t.rows[2][3].row == 7 && t.rows[2][3].column == 5)
        #expect(XLSXTable.cellName(row: 7, column: 5) == "E7")
        #expect(XLSXTable.cellName(row: 3, column: 28) == "AB3")
    }

    @Test func firstVisibleSheetByDefaultAndLenientNames() throws {
        let bytes = try Self.ledger().bytes()
        #expect(try XLSXTable.read(bytes, sheet: nil).get().name == "10月")
        #expect(try XLSXTable.read(bytes, sheet: "十月").get().name == "10月")
        #expect(try XLSXTable.read(bytes, sheet: "10月份").get().name == "10月")
        #expect(XLSXTable.read(bytes, sheet: "11月") == .failure(.unknownSheet("11月", available: ["说明", "10月"])))
        #expect(XLSXTable.sheetNames(bytes) == ["说明", "10月"])
    }

    @Test func prefixedNamespacesAreRead() throws {
        var f = Self.ledger()
        f.prefix = "x"
        #expect(try XLSXTable.read(try f.bytes(), sheet: "10月").get().table.rows.count == 3)
    }

    @Test func notAWorkbook() throws {
        guard case .failure(.unreadable) = XLSXTable.read(Array("not a zip".utf8), sheet: nil) else {
            Issue.record("a text file was read as xlsx")
            return
        }
        var empty = XLSXFixture()
        empty.sheets = [(name: "Sheet1", rows: "", hidden: false)]
        #expect(XLSXTable.read(try empty.bytes(), sheet: nil) == .failure(.empty(sheet: "Sheet1")))
    }

    @Test(arguments: [
        ("#,##0.00", 1234567.891, "1,234,567.89"),
        ("0.00", -3.5, "-3.50"),
        ("#,##0", 12000.0, "12,000"),
        ("0.0%", 0.256, "25.6%"),
        ("[$¥-804]#,##0.00", 1200.0, "¥1,200.00"),
        ("#,##0.00\"元\"", 88.0, "88.00元"),
        ("_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * \"-\"??_ ;_ @_ ", 0.0, "-"),
        ("_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * \"-\"??_ ;_ @_ ", -1500.0, "-1,500.00"),
        ("yyyy\"年\"m\"月\"d\"日\"", 46303.0, "2026年10月8日"),
        ("yyyy/m/d h:mm", 46303.5, "2026年10月8日 12:00"),
        ("General", 0.1 + 0.2, "0.3"),
        ("0.00E+00", 12345.0, "12345"),
    ])
    func numberFormats(_ code: String, _ value: Double, _ shown: String) {
        #expect(NumberFormat.parse(code).display(value, date1904: false) == shown)
    }

    @Test func builtInFormatsAndThe1904System() {
        #expect(NumberFormat.builtIn(4).display(2665.5, date1904: false) == "2,665.50")
        #expect(NumberFormat.builtIn(14).display(45658, date1904: false) == "2025年1月1日")
        #expect(NumberFormat.builtIn(14).display(0, date1904: true) == "1904年1月1日")
        #expect(NumberFormat.builtIn(10).display(0.05, date1904: false) == "5.00%")
        #expect(NumberFormat.builtIn(0).display(12000, date1904: false) == "12000")
    }
}
