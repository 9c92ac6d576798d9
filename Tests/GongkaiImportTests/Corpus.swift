import Foundation
import GongkaiContent
import GongkaiCore
import GongkaiImport
import GongkaiWord

/// The fixture corpus (Tests/Fixtures/word, made by scripts/make-word-fixtures.py)
/// and what a person reading each file finds in it (expected.json).
enum Corpus {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let folder = root.appendingPathComponent("Tests/Fixtures/word")

    struct Entry: Decodable, Sendable, CustomStringConvertible {
        var file: String
        var made_by: String
        var community: String?
        var title: String?
        var date: String?
        var number: String?
        var issuer: String?
        var category: String?
        var period: [String]?
        var covers: String?
        var tables: [[[String?]]]?
        var csv: Bool?
        var images: Int?
        var order: [String]?
        var absent: [String]?
        var privacy: [String]?
        var warnings: [String]?
        var process: [String: String]?
        var failure: String?

        var description: String { file }
    }

    static let entries: [Entry] = {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("expected.json")),
              let list = try? JSONDecoder().decode([Entry].self, from: data) else { return [] }
        return list
    }()

    static var readable: [Entry] { entries.filter { $0.failure == nil } }
    static var unreadable: [Entry] { entries.filter { $0.failure != nil } }

    static func bytes(_ entry: Entry) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder.appendingPathComponent(entry.file)))
    }

    /// The example site's catalogue and communities (content/ of the repository).
    static let catalogue: (Site, [Community]) = {
        let (site, communities, _) = SiteCatalogue.load(fs: LocalFileSystem(root: root.path))
        return (site!, communities)
    }()

    static let today = CalendarDate(year: 2026, month: 11, day: 7)!

    static func importNotice(_ entry: Entry, taken: Set<String> = [], category: String? = nil) throws -> ImportedNotice? {
        let document = try WordDocument.read(try bytes(entry)).get()
        let (site, communities) = catalogue
        let community = communities.first { $0.slug == (entry.community ?? "mazhuang") }!
        let input = WordImport.Input(document: document, sourceName: entry.file, sourcePath: entry.file, site: site,
                                     community: community, category: category.flatMap(site.category(named:)), today: today)
        return WordImport.make(input, taken: { _ in taken })
    }
}
