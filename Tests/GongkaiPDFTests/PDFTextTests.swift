import Foundation
import GongkaiPDF
import Testing

/// The text layer of real PDFs (made by scripts/make-attachment-fixtures.py:
/// LibreOffice's, and a few written by hand), and what a damaged, encrypted
/// or endless one gives: a failure or a partial read, never a crash or a hang.
struct PDFTextTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../GongkaiContentTests/Fixtures/attachments").standardized

    static func fixture(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    @Test func pagesInOrderWithTheirText() throws {
        let document = try PDFText.read(Self.fixture("救助名单.pdf")).get()
        #expect(document.pageCount == 2)
        #expect(document.pages.map(\.number) == [1, 2])
        #expect(document.pages[0].text.contains("临时救助对象公示"))
        #expect(document.pages[1].text.contains("370102198506120041"))
        #expect(!document.pages[0].text.contains("370102198506120041"))
        #expect(document.stopped == nil && document.hasText)
    }

    @Test func textUnderABoxIsStillInTheTextLayer() throws {
        let document = try PDFText.read(Self.fixture("涂黑.pdf")).get()
        #expect(document.pages.first?.text.contains("138 0013 8000") == true)
    }

    @Test func annotationsAreRead() throws {
        let document = try PDFText.read(Self.fixture("批注.pdf")).get()
        #expect(document.pages.first?.annotations == "Call the contractor at 13912345678")
        #expect(document.pages.first?.text.contains("13912345678") == false)
    }

    @Test func aScanHasNoText() throws {
        let document = try PDFText.read(Self.fixture("扫描件.pdf")).get()
        #expect(document.pageCount == 1)
        #expect(!document.hasText)
    }

    @Test func encryptedDamagedAndEmpty() throws {
        #expect(PDFText.read(try Self.fixture("加密.pdf")) == .failure(.encrypted))
        #expect(PDFText.read(try Self.fixture("损坏.pdf")) == .failure(.damaged))
        #expect(PDFText.read([]) == .failure(.damaged))
        #expect(PDFText.read(Array("这不是 PDF".utf8)) == .failure(.damaged))
        #expect(PDFText.read(try Self.fixture("救助名单.pdf"), limits: .init(bytes: 1000)) == .failure(.tooLarge))
    }

    @Test func limitsStopReadingAndSaySo() throws {
        let bytes = try Self.fixture("救助名单.pdf")
        let first = try PDFText.read(bytes, limits: .init(pages: 1)).get()
        #expect(first.pages.count == 1 && first.pageCount == 2 && first.stopped == .pageLimit(1))
        let hurried = try PDFText.read(bytes, limits: .init(seconds: 0)).get()
        #expect(hurried.pages.count == 1 && hurried.stopped == .timeLimit(seconds: 0))
    }

    /// A file cut off anywhere, or with bytes overwritten, is a failure or a
    /// partial text: never a crash.
    @Test func cutAndDamagedCopiesNeverCrash() throws {
        let bytes = try Self.fixture("救助名单.pdf")
        var seed: UInt64 = 11
        for step in 1...24 {
            _ = PDFText.read(Array(bytes.prefix(bytes.count * step / 25)))
            var damaged = bytes
            for _ in 0..<8 {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                damaged[Int(seed >> 33) % damaged.count] = UInt8(truncatingIfNeeded: seed >> 17)
            }
            _ = PDFText.read(damaged)
        }
    }

    /// The parse stage reads attachments on all cores: each document on one thread.
    @Test func documentsAreReadSideBySide() async throws {
        let files = try ["救助名单.pdf", "物业公示.pdf", "涂黑.pdf", "批注.pdf"].map(Self.fixture)
        let expected = files.map { try? PDFText.read($0).get() }
        let results = await withTaskGroup(of: (Int, PDFText.Document?).self) { group in
            for round in 0..<16 {
                let i = round % files.count
                group.addTask { (i, try? PDFText.read(files[i]).get()) }
            }
            var all: [(Int, PDFText.Document?)] = []
            for await r in group { all.append(r) }
            return all
        }
        #expect(results.allSatisfy { expected[$0.0] == $0.1 })
    }
}
