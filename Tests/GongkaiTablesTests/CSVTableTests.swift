import GongkaiCore
@testable import GongkaiTables
import Testing

struct CSVTableTests {
    static let text = "石桥村2026年10月收支明细表,,,\r\n日期,摘要,收入(元),支出(元)\r\n10月8日,\"收护林防火补助\",\"8,000.00\",\r\n10月10日,\"支付护林员补贴（2人）\",,\"1,200.00\"\r\n合计,,\"8,000.00\",\"1,200.00\"\r\n"

    @Test(arguments: ["utf8", "bom", "gbk", "utf16"])
    func readsWhatExcelSaves(_ encoding: String) throws {
        let bytes: [UInt8]
        switch encoding {
        case "bom": bytes = [0xEF, 0xBB, 0xBF] + Array(Self.text.utf8)
        case "gbk": bytes = try #require(Self.gbk(Self.text))
        case "utf16": bytes = [0xFF, 0xFE] + Self.text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        default: bytes = Array(Self.text.utf8)
        }
        let table = try CSVTable.read(bytes).get()
        #expect(table.caption == "石桥村2026年10月收支明细表")
        #expect(table.header.map(\.text) == ["日期", "摘要", "收入(元)", "支出(元)"])
        #expect(table.rows.count == 3)
        #expect(table.rows[0].map(\.text) == ["10月8日", "收护林防火补助", "8,000.00", ""])
        #expect(table.rows[1][1].text == "支付护林员补贴（2人）")
        // positions: the 合计 row is line 5 of the file, its 支出 is field 4
        #expect(table.rows[2][3].row == 5)
        #expect(table.rows[2][3].column == 4)
    }

    @Test func gbkIsReallyNotUTF8() throws {
        // The fixture must exercise the GB18030 path, not UTF-8 by accident.
        let bytes = try #require(Self.gbk("合计"))
        #expect(bytes == [0xBA, 0xCF, 0xBC, 0xC6])
        #expect(String(validating: bytes, as: UTF8.self) == nil)
        #expect(GB18030.decode(bytes) == "合计")
    }

    @Test func quotedFieldsKeepCommasQuotesAndLineBreaks() throws {
        let csv = "项目,说明\n\"道路,硬化\",\"他说\"\"好\"\"\"\n\"两行\n说明\",x\n末行,y\n"
        let table = try CSVTable.read(Array(csv.utf8)).get()
        #expect(table.rows.map { $0.map(\.text) } == [["道路,硬化", "他说\"好\""], ["两行\n说明", "x"], ["末行", "y"]])
        #expect(table.rows[2][0].row == 5)
    }

    @Test func tabSeparatedWhenTheFirstLineHasTabsOnly() throws {
        let table = try CSVTable.read(Array("a\tb\n1,000\t2\n".utf8)).get()
        #expect(table.rows[0].map(\.text) == ["1,000", "2"])
    }

    @Test func problemsAreReportedWithTheirPlace() {
        #expect(CSVTable.read(Array("a,b\n\"open,1\n".utf8)) == .failure(.unclosedQuote(line: 2)))
        #expect(CSVTable.read(Array(",,\n,,\n".utf8)) == .failure(.empty))
        // 0xFF is neither UTF-8 nor GB18030.
        #expect(CSVTable.read(Array("a,b\n".utf8) + [0xFF, 0xFF]) == .failure(.encoding(line: 2, column: 1)))
    }

    /// GBK bytes through the same iconv the reader uses, the other way round.
    static func gbk(_ s: String) -> [UInt8]? {
        var out: [UInt8] = []
        for ch in s.unicodeScalars {
            if ch.isASCII { out.append(UInt8(ch.value)); continue }
            guard let bytes = gbkTable[ch] else { return nil }
            out += bytes
        }
        return out
    }

    /// The GBK codes of the characters the fixtures use, found by decoding
    /// every two-byte GBK code once.
    static let gbkTable: [Unicode.Scalar: [UInt8]] = {
        var table: [Unicode.Scalar: [UInt8]] = [:]
        for lead in UInt8(0x81)...0xFE {
            var pairs: [UInt8] = []
            for trail in UInt8(0x40)...0xFE where trail != 0x7F { pairs += [lead, trail] }
            guard let text = GB18030.decode(pairs) else { continue }
            var i = 0
            for ch in text.unicodeScalars {
                var trail = UInt8(0x40) + UInt8(i)
                if trail >= 0x7F { trail += 1 }
                if table[ch] == nil { table[ch] = [lead, trail] }
                i += 1
            }
        }
        return table
    }()
}
