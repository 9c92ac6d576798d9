import Foundation
import GongkaiWord
import Testing

/// The fixture corpus (Tests/Fixtures/word) as other readers use it: every
/// piece of text with its place, including what the notice leaves out; and
/// damaged copies of it never crash the reader.
struct WordCorpusTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/word")

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    static var documents: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".docx") }.sorted()
    }

    @Test func everythingAReaderOfTheFileCanSeeHasAPlace() throws {
        let doc = try WordDocument.read(try Self.bytes("word-xiuding-pizhu.docx")).get()
        let all = doc.plainText(including: .all)
        func place(of text: String) -> String? { all.first { $0.text.contains(text) }?.location.description }
        #expect(place(of: "每月80元") == "正文第 3 段")
        #expect(place(of: "100元") == "正文第 3 段")                 // deleted, still in the file
        #expect(place(of: "先别对外说") == "批注 1")
        #expect(place(of: "补充协议") == "正文第 3 段")              // hidden text
        #expect(place(of: "地下车位") != nil)                        // a deleted table row
        #expect(place(of: "Administrator") == "文档属性（文件 → 属性）")
        #expect(!doc.plainText().contains { $0.text.contains("100元") || $0.text.contains("先别对外说") })
        #expect(place(of: "地面车位") == "正文第 1 个表格第 2 行第 1 列")
    }

    @Test func notesTextBoxesHeadersAndFooters() throws {
        let doc = try WordDocument.read(try Self.bytes("lo-jiuzhu-jiaozhu.docx")).get()
        let texts = doc.plainText()
        #expect(texts.filter { $0.text.contains("0531-87659000") }.map(\.location.description) == ["正文第 3 段的文本框里"])
        #expect(texts.contains { $0.location.description == "脚注 1" && $0.text.contains("临时救助实施办法") })
        #expect(texts.contains { $0.location.description == "尾注 1" && $0.text.contains("一卡通") })
        #expect(texts.contains { $0.location.description == "页眉" && $0.text == "石桥村村务公开栏" })
        let wps = try WordDocument.read(try Self.bytes("wps-tongzhi-jiezhong.docx")).get()
        #expect(wps.plainText().filter { $0.text.contains("村卫生室）") }.count == 1, "a WPS text box is written twice and read once")
        #expect(wps.properties.application?.hasPrefix("WPS") == true)
        #expect(wps.images.map(\.fileExtension) == ["emf"])
    }

    /// Damaged copies (bytes flipped, parts cut) give a document or a failure, never a crash.
    @Test(arguments: documents)
    func damagedCopiesNeverCrash(_ name: String) throws {
        let original = try Self.bytes(name)
        var generator = SplitMix(seed: UInt64(original.count))
        var outcomes = (read: 0, refused: 0)
        for _ in 0..<40 {
            var copy = original
            for _ in 0..<Int(generator.next() % 8 + 1) {
                let at = Int(generator.next() % UInt64(copy.count))
                copy[at] = UInt8(truncatingIfNeeded: generator.next())
            }
            if generator.next() % 4 == 0 { copy = Array(copy.prefix(Int(generator.next() % UInt64(copy.count)))) }
            switch WordDocument.read(copy) {
            case .success(let doc): _ = doc.plainText(including: .all); outcomes.read += 1
            case .failure(let failure): #expect(!failure.description.isEmpty); outcomes.refused += 1
            }
        }
        #expect(outcomes.read + outcomes.refused == 40)
    }

    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
