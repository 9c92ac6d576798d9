@testable import GongkaiCore
import Testing

/// facts.txt puts each value on one line: a line break (CR, LF or CRLF) or a
/// tab becomes one space, anything else is kept as it is.
struct OneLineTests {
    @Test(arguments: [
        ("马庄村财务公开", "马庄村财务公开"),
        ("第一行\n第二行", "第一行 第二行"),
        ("第一行\r\n第二行", "第一行 第二行"),
        ("甲\r乙\t丙", "甲 乙 丙"),
        ("\n\n", "  "),
        ("é\u{301}\r\n", "é\u{301} "),
    ])
    func lineBreaksAndTabsBecomeOneSpace(_ value: String, _ expected: String) {
        #expect(NoticeFacts.oneLine(value) == expected)
    }
}
