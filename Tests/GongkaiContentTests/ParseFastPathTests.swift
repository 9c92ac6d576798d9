@testable import GongkaiContent
@testable import GongkaiCore
import Testing

/// The parse stage's shortcuts on bytes (docs/performance.md "Parse stage")
/// give exactly what the character-by-character definitions give.
struct ParseFastPathTests {
    @Test func asciiWhitespaceIsUnicodeWhitespace() {
        for value in UInt32(0)..<0x80 {
            let s = Unicode.Scalar(value)!
            #expect(s.isUnicodeWhitespace == s.properties.isWhitespace, "U+\(String(value, radix: 16))")
        }
        for text in ["", " ", "　", "\n\t", " a ", "a", "通知　", "　通知", "\u{A0}x\u{2003}", "a b", "\u{85}"] {
            let scalars = text.unicodeScalars
            let reference = scalars.firstIndex(where: { !$0.properties.isWhitespace }).map {
                String(scalars[$0...scalars.lastIndex(where: { !$0.properties.isWhitespace })!])
            } ?? ""
            #expect(text.trimmingWhitespace() == reference)
        }
    }

    /// Every scalar the summary reads on bytes is a character of its own and
    /// is whitespace exactly when the byte reader says so.
    @Test func summaryScalarsStandAlone() {
        let neighbours: [Character] = ["a", "中", "，", " ", "\n", "…"]
        for value in UInt32(0x80)...0xFFFF where NoticeSummary.standsAlone(value) {
            guard let s = Unicode.Scalar(value) else { continue }
            let c = Character(s)
            #expect(c.isWhitespace == (value == 0x3000 || value == 0xA0), "U+\(String(value, radix: 16))")
            for n in neighbours + [c] {
                #expect(String([c, n]).count == 2 && String([n, c]).count == 2, "U+\(String(value, radix: 16))")
            }
        }
        for value in UInt32(0)..<0x80 where value != 0x0D {
            let c = Character(Unicode.Scalar(value)!)
            #expect(c.isWhitespace == (value == 0x20 || (0x09...0x0C).contains(value)))
            #expect(String([c, "a"]).count == 2 && String(["中", c]).count == 2 && String([c, c]).count == 2)
        }
    }

    @Test func summaryOnBytesIsTheSummaryByCharacters() {
        var r = PrivacyCorpusTests.Random(state: 11)
        let pieces = ["罗岗社区", "关于做好", "城乡居民医疗保险", "，", "。", "：", "“通知”", "2024年", "10月", "Fund ", "report",
                      " ", "  ", "\n", "\n\n", "\t", "　", "\u{A0}", "\r\n", "e\u{301}", "\u{301}", "👍🏽", "🇨🇳", "한국",
                      "\u{200D}", "…", "——", "（一）", "ＡＢＣ", "·", "\u{AD}", "𠀀", "x", "12,345.00"]
        for _ in 0..<5_000 {
            var text = ""
            for _ in 0..<r.int(0...80) { text += r.pick(pieces) }
            if r.int(0...3) == 0 { text = String(repeating: "中", count: r.int(110...130)) + r.pick(pieces) + text }
            #expect(NoticeSummary.make(text) == NoticeSummary.byCharacters(text), "\(text)")
        }
        let long = String(repeating: "财务公开 ", count: 60)
        #expect(NoticeSummary.onBytes(long) != nil)
        #expect(NoticeSummary.make(long).count == NoticeSummary.length + 1)
    }

    /// Prose with numbers at every alignment: the eight-byte skipping of
    /// the privacy scanner and its pre-check against a scan of every scalar.
    @Test func privacyScanOnWordsIsTheFullScan() {
        var r = PrivacyCorpusTests.Random(state: 23)
        let prose = ["关于做好城乡居民医疗保险缴费工作的通知", "，", "。", "：", "（凭证号：收-060）", "联系电话：", "身份证号",
                     "Tel", "订单号：", "编号", "ZC-", ".pdf", " ", "  ", "-", "　", "\u{A0}", "–", "－", "Ｘ", "x", "X",
                     "12,345.00", "3.14", "2024年10月8日", "0699-7686527", "（", "）", "、", "\n", "a", "é", "𠀀", "ab12"]
        let numbers = ["13800138000", "138 0013 8000", "+86 13912345678", "１３８００１３８０００", "11010519491231002X",
                       "110105194912310021", "6222021234567894", "6222 0212 3456 7894", "622202123456789", "13800138000.pdf",
                       "0086-13800138000", "86 138 0013 8000", "1380013800", "138001380001", "1234567890123"]
        var texts: [String] = []
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<r.int(1...40) {
                text += r.int(0...5) == 0 ? r.pick(numbers) : r.pick(prose)
            }
            texts.append(text)
        }
        for text in texts {
            let fast = PrivacyScanner.hits(in: text).map { "\($0.kind)@\($0.start)-\($0.end):\($0.number)" }
            let full = PrivacyScanner(scalars: Array(text.unicodeScalars)).hits().map { "\($0.kind)@\($0.start)-\($0.end):\($0.number)" }
            #expect(fast == full, "\(text)")
            let asciiDigits = text.utf8.count { $0 >= 48 && $0 <= 57 }
            let fullWidth = text.unicodeScalars.contains { (0xFF10...0xFF19).contains($0.value) }
            #expect(PrivacyGuard.mayContainNumber(text) == (asciiDigits >= 11 || fullWidth), "\(text)")
        }
    }

    @Test func isoDatesReadTheSameWithoutTheGeneralReader() {
        var texts = ["2024-10-08", "2024-02-29", "2023-02-29", "2024-13-01", "2024-00-10", "2024-01-00", "2024-1-08",
                     "0000-01-01", "9999-12-31", "2024/10/08", "2024-10-0８", "２０２４-10-08", "2024-10-08 ", "2024--10-8"]
        for year in [1900, 2000, 2023, 2024, 2100] {
            for month in 0...13 {
                for day in 0...32 { texts.append("\(year)-" + (month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)") }
            }
        }
        for text in texts {
            #expect(NoticeDate.parse(text) == NoticeDate.parseAnyForm(text), "\(text)")
        }
    }
}
