import Foundation
@testable import GongkaiWord
import Testing

struct WordFailureTests {
    static func ole2(_ streams: [String]) -> [UInt8] {
        var bytes: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504)
        for name in streams {
            var entry: [UInt8] = []
            for unit in name.utf16 { entry += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
            entry += Array(repeating: 0, count: 128 - entry.count)
            bytes += entry
        }
        return bytes
    }

    @Test func notADocxSaysWhatItIs() throws {
        let cases: [([UInt8], WordFailure)] = [
            (Self.ole2(["Root Entry", "WordDocument", "1Table"]), .notDocx(.word97)),
            (Self.ole2(["Root Entry", "EncryptionInfo", "EncryptedPackage"]), .encrypted),
            (Self.ole2(["Root Entry", "Workbook"]), .notDocx(.excel97)),
            (Self.ole2(["Root Entry", "PowerPoint Document"]), .notDocx(.powerPoint97)),
            (Self.ole2(["Root Entry", "WksSSWorkBook"]), .notDocx(.ole2)),
            (Array("{\\rtf1\\ansi\\ansicpg936 马庄村}".utf8), .notDocx(.rtf)),
            (Array("<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><body>公告</body></html>".utf8), .notDocx(.html)),
            (Array("MIME-Version: 1.0\r\nContent-Type: multipart/related".utf8), .notDocx(.html)),
            (Array("<?xml version=\"1.0\"?><?mso-application progid=\"Word.Document\"?><w:wordDocument>".utf8), .notDocx(.wordXML)),
            (Array("%PDF-1.7\n".utf8), .notDocx(.pdf)),
            (WordFixture.png, .notDocx(.image)),
            (Array("马庄村2026年11月财务公开\n".utf8), .notDocx(.text)),
            ([], .notDocx(.empty)),
            ([0x00, 0x01, 0x02, 0x03, 0x04], .notDocx(.unknown)),
        ]
        for (bytes, expected) in cases {
            guard case .failure(let failure) = WordDocument.read(bytes) else {
                Issue.record("read \(expected) as a document")
                continue
            }
            #expect(failure == expected)
            #expect(!failure.description.isEmpty)
        }
    }

    @Test func zipsThatAreNotWordDocuments() throws {
        let odt = try ZIPFixture.make(["mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"])
        let xlsx = try ZIPFixture.make([
            "_rels/.rels": "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
            "xl/workbook.xml": "<workbook/>",
        ])
        let plain = try ZIPFixture.make(["照片/1.jpg": "x", "说明.txt": "y"])
        let ofd = try ZIPFixture.make(["OFD.xml": "<ofd:OFD/>"])
        #expect(WordDocument.read(odt).failure == .notDocx(.openDocument))
        #expect(WordDocument.read(xlsx).failure == .notDocx(.xlsx))
        #expect(WordDocument.read(plain).failure == .notDocx(.zip))
        #expect(WordDocument.read(ofd).failure == .notDocx(.ofd))
    }

    @Test func damagedPackages() throws {
        let good = try WordFixture(body: WordFixture.p(String(repeating: "马庄村村务公开。", count: 200))).bytes()
        #expect(WordDocument.read(good).failure == nil)
        // Cut off (a download that stopped).
        let cut = Array(good.prefix(good.count / 2))
        guard case .damaged? = WordDocument.read(cut).failure else {
            Issue.record("a cut-off zip was not damaged: \(String(describing: WordDocument.read(cut).failure))")
            return
        }
        // A flipped byte inside the compressed body (CRC fails).
        var flipped = good
        if let at = Self.find(Array("word/document.xml".utf8), in: good) {
            let dataStart = at + 17 + 40
            flipped[dataStart] ^= 0xFF
            flipped[dataStart + 1] ^= 0xFF
        }
        guard case .damaged? = WordDocument.read(flipped).failure else {
            Issue.record("a corrupted part was not damaged: \(String(describing: WordDocument.read(flipped).failure))")
            return
        }
        // Not well-formed XML.
        let broken = try ZIPFixture.make([
            "_rels/.rels": "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>",
            "word/document.xml": "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>半截",
        ])
        #expect(WordDocument.read(broken).failure == .damaged(detail: WordMessages.partNotXML("word/document.xml")))
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if Array(haystack[i..<(i + needle.count)]) == needle { return i }
        }
        return nil
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let f) = self { return f }
        return nil
    }
}
