import Foundation
import GongkaiContent
import GongkaiCore
import GongkaiImport
import GongkaiWord
import Testing

/// Every file of the corpus, imported: what was guessed, every table cell,
/// the order of the paragraphs, the images, the privacy findings; and each
/// file that is not a .docx refused with its code.
struct CorpusTests {
    @Test func theCorpusIsThere() {
        #expect(Corpus.readable.count >= 15)
        #expect(Corpus.unreadable.count >= 5)
        let made = Set(Corpus.entries.map { $0.made_by.split(separator: " ").first.map(String.init) ?? "" })
        #expect(made.isSuperset(of: ["LibreOffice", "python-docx", "by"]))
    }

    @Test(arguments: Corpus.readable)
    func guesses(_ entry: Corpus.Entry) throws {
        let notice = try #require(try Corpus.importNotice(entry))
        let g = notice.guesses
        #expect(g.title == entry.title)
        #expect(g.date.iso == entry.date)
        #expect(g.number == entry.number)
        let (_, communities) = Corpus.catalogue
        let committee = communities.first { $0.slug == (entry.community ?? "mazhuang") }!.committee
        #expect((g.issuer ?? committee) == entry.issuer)
        #expect(g.category.slug == entry.category)
        if let period = entry.period {
            #expect(g.period.map { [$0.from.iso, $0.to.iso] } == period)
        }
        if let covers = entry.covers { #expect(g.covers == covers) }
        #expect(notice.path.hasPrefix("content/\(entry.community ?? "mazhuang")/\(entry.date!.prefix(4))/\(entry.category!)-"))
    }

    @Test(arguments: Corpus.readable)
    func everyTableCell(_ entry: Corpus.Entry) throws {
        let notice = try #require(try Corpus.importNotice(entry))
        let expected = entry.tables ?? []
        #expect(notice.tables.count == expected.count)
        for (t, table) in expected.enumerated() where t < notice.tables.count {
            let got = notice.tables[t].grid
            #expect(got.count == table.count, "table \(t + 1) rows")
            for (r, row) in table.enumerated() where r < got.count {
                let wanted = row.map { $0 ?? "" }
                #expect(got[r] == wanted, "table \(t + 1) row \(r + 1)")
            }
            if entry.csv == true {
                let name = try #require(notice.tables[t].csv)
                #expect(notice.text.contains("```table \(name) 来源=无\n```"))
                let file = try #require(notice.files.first { $0.name == name })
                #expect(file.bytes.starts(with: [0xEF, 0xBB, 0xBF]))
            } else {
                #expect(notice.tables[t].csv == nil)
            }
        }
    }

    @Test(arguments: Corpus.readable)
    func paragraphOrderAndImages(_ entry: Corpus.Entry) throws {
        let notice = try #require(try Corpus.importNotice(entry))
        let body = notice.text.components(separatedBy: "\n---\n").dropFirst().joined(separator: "\n---\n")
        var position = body.startIndex
        for piece in entry.order ?? [] {
            guard let range = body.range(of: piece, range: position..<body.endIndex) else {
                Issue.record("“\(piece)” missing or out of order in \(entry.file):\n\(body)")
                break
            }
            position = range.upperBound
        }
        for gone in entry.absent ?? [] { #expect(!body.contains(gone), "“\(gone)” should have been left out") }
        let images = notice.files.filter { !$0.name.hasSuffix(".csv") }
        #expect(images.count == entry.images)
        for image in images {
            #expect(body.contains("](<\(image.name)>)"))
            #expect(notice.text.contains("{file: \(image.name), title: "))
            #expect(image.bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        }
    }

    @Test(arguments: Corpus.readable)
    func privacyFindingsAndWarningsAtTheirPlaceInTheDocument(_ entry: Corpus.Entry) throws {
        let notice = try #require(try Corpus.importNotice(entry))
        let found = notice.diagnostics.filter { $0.code.hasPrefix("GK17") }.map { d in
            "\(d.code) \(d.message.prefix { $0 != "：" })"
        }.sorted()
        #expect(found == (entry.privacy ?? []).sorted())
        for d in notice.diagnostics { #expect(d.file == entry.file && !d.message.contains("370112194503150020")) }
        if !(entry.privacy ?? []).isEmpty { #expect(notice.todo.first == "隐去个人信息（见上面的错误）") }
        if entry.warnings?.contains("GK193") == true { #expect(notice.diagnostics.contains { $0.code == "GK193" }) }
    }

    @Test(arguments: Corpus.unreadable)
    func filesThatAreNotDocxAreRefused(_ entry: Corpus.Entry) throws {
        guard case .failure(let failure) = WordDocument.read(try Corpus.bytes(entry)) else {
            Issue.record("\(entry.file) was read as a document")
            return
        }
        let d = ImportMessages.diagnostic(for: failure, file: entry.file)
        #expect(d.code == entry.failure)
        #expect(d.severity == .error)
        #expect(d.fix.contains("另存为") || d.fix.contains("复制或下载") || d.fix.contains("解开"))
    }

    @Test func decisionNoticesPrefillTheRecordFromTheText() throws {
        let entry = try #require(Corpus.readable.first { $0.process != nil })
        let notice = try #require(try Corpus.importNotice(entry))
        for (stage, date) in entry.process ?? [:] {
            #expect(notice.text.contains("#   - {环节: \(stage), 日期: \(date), 结果: "), "\(stage)")
        }
        #expect(notice.todo.contains { $0.hasPrefix("四议两公开") })
    }

    @Test func aForcedCategoryWins() throws {
        let entry = try #require(Corpus.readable.first { $0.file == "lo-tongzhi-tingshui.docx" })
        let notice = try #require(try Corpus.importNotice(entry, category: "居务公开"))
        #expect(notice.guesses.category.slug == "juwu" && notice.guesses.categorySource == .option)
    }

    @Test func namesNeverReplaceAnything() throws {
        let entry = try #require(Corpus.readable.first { $0.file == "pd-caiwu-2026-q3.docx" })
        let first = try #require(try Corpus.importNotice(entry))
        #expect(first.path == "content/liuhe/2026/caiwu-2026-10.md")
        #expect(first.files.map(\.name) == ["caiwu-2026-10-图1.png"])
        // The notice's name is taken, or only one of its files: the next name.
        let second = try #require(try Corpus.importNotice(entry, taken: ["caiwu-2026-10.md"]))
        #expect(second.path == "content/liuhe/2026/caiwu-2026-10-2.md" && second.files.map(\.name) == ["caiwu-2026-10-2-图1.png"])
        let third = try #require(try Corpus.importNotice(entry, taken: ["caiwu-2026-10-图1.png"]))
        #expect(third.path == "content/liuhe/2026/caiwu-2026-10-2.md")
    }
}
