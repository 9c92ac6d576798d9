import GongkaiCore
import Testing

struct TableTotalsTests {
    func rows(_ rows: [[String]]) -> [[TableTotals.Input]] { rows.map { $0.map { TableTotals.Input(text: $0) } } }

    @Test func aTotalThatAddsUpPasses() {
        let header = ["日期", "摘要", "收入(元)", "支出(元)", "余额(元)"]
        let body = rows([
            ["10月3日", "土地承包费", "12,000.00", "", "12,000.00"],
            ["10月5日", "保洁员工资", "", "3,240.00", "8,760.00"],
            ["合计", "", "12,000.00", "3,240.00", "8,760.00"],
        ])
        #expect(TableTotals.check(header: header, rows: body).isEmpty)
    }

    @Test func aWrongTotalNamesBothNumbersAndTheCell() throws {
        let header = ["日期", "摘要", "收入(元)", "支出(元)"]
        let body = rows([
            ["10月3日", "租金", "15,000.00", ""],
            ["10月5日", "电费", "", "260.20"],
            ["10月9日", "路灯电费", "", "423.70"],
            ["合 计", "", "15,000.00", "693.90"],
        ])
        let m = try #require(TableTotals.check(header: header, rows: body).first)
        #expect(TableTotals.check(header: header, rows: body).count == 1)
        #expect(m.row == 3 && m.column == 3)
        #expect(m.label == "合计")
        #expect(m.columnName == "支出(元)")
        #expect(m.stated == "693.90")
        #expect(m.computed == "683.90")
    }

    @Test func subtotalsAndTotalsCountEachRowOnce() {
        let header = ["序号", "项目", "金额"]
        let good = rows([
            ["1", "甲", "100"], ["2", "乙", "50"], ["", "小计", "150"],
            ["3", "丙", "25.5"], ["", "小计", "25.5"],
            ["", "合计", "175.5"],
        ])
        #expect(TableTotals.check(header: header, rows: good).isEmpty)
        let bad = rows([["1", "甲", "100"], ["", "小计", "90"], ["2", "乙", "1"], ["", "总计", "101"]])
        #expect(TableTotals.check(header: header, rows: bad).map(\.row) == [1])
    }

    @Test func storedValuesBeatRoundedText() {
        // Three amounts of 0.333… shown as 0.33: Excel's SUM is 1.00, not 0.99.
        let third = TableTotals.Input(text: "0.33", value: 1.0 / 3)
        let body = [[TableTotals.Input(text: "a"), third], [TableTotals.Input(text: "b"), third],
                    [TableTotals.Input(text: "c"), third], [TableTotals.Input(text: "合计"), TableTotals.Input(text: "1.00", value: 1)]]
        #expect(TableTotals.check(header: ["项目", "金额"], rows: body).isEmpty)
    }

    @Test func columnsThatAreNotSumsAreLeftAlone() {
        let header = ["项目", "户数", "比例", "单价(元)", "金额(元)"]
        let body = rows([
            ["一组", "10", "40%", "12.00", "120.00"],
            ["二组", "15", "60%", "12.00", "180.00"],
            ["合计", "25", "100%", "24.00", "300.00"],
        ])
        #expect(TableTotals.check(header: header, rows: body).isEmpty)
        #expect(TableTotals.totalLabel(["", "合计"]) == "合计")
        #expect(TableTotals.totalLabel(["1", "合计"]) == nil)
    }

    @Test(arguments: [
        ("12,000.00", 12000.0, 2), ("-350", -350.0, 0), ("￥1,200", 1200.0, 0), ("（350.50）", -350.5, 2),
        ("0.5", 0.5, 1),
    ])
    func amounts(_ text: String, _ value: Double, _ decimals: Int) throws {
        let parsed = try #require(TableNumber.parse(text))
        #expect(parsed.value == value)
        #expect(parsed.decimals == decimals)
    }

    @Test(arguments: ["2026-10-08", "12,00", "1,2345", "马庄村〔2026〕17号", "85%", "", "-"])
    func notAmounts(_ text: String) {
        #expect(TableNumber.parse(text) == nil)
    }

    @Test func formatting() {
        #expect(TableNumber.format(1234567.005, decimals: 2, grouping: true) == "1,234,567.01")
        #expect(TableNumber.format(-0.004, decimals: 2, grouping: false) == "0.00")
        #expect(TableNumber.format(683.9, decimals: 2, grouping: true) == "683.90")
    }
}
