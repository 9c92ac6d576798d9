import Foundation
import GongkaiCore
@testable import GongkaiLedger
import Testing

/// `.gongkai-cache/ledger-facts.tsv`: what is saved is read back; a damaged
/// line is a miss, never a wrong hash.
struct FactsCacheTests {
    @Test func whatIsSavedIsReadBackAndDamagedLinesAreMisses() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("facts-cache-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let sha = { (c: Character) in String(repeating: c, count: 64) }
        let entries: [UInt64: String] = [0: sha("a"), 0xFFFF_FFFF_FFFF_FFFF: sha("0"), 0x1234_abcd: sha("9")]
        FactsCache.save(entries, previous: FactsCache(known: [:]), siteRoot: root)
        let saved = try [UInt8](Data(contentsOf: URL(fileURLWithPath: root + "/" + FactsCache.path)))
        #expect(FactsCache.load(InMemoryFileSystem(bytes: [FactsCache.path: saved])).known == entries)

        let damaged = String(decoding: saved, as: UTF8.self) + [
            "zz\t" + sha("a"),                  // key not hex
            "12\t" + sha("a").dropLast(),       // hash too short
            "13\t" + sha("A"),                  // hash not lower-case hex
            "14 " + sha("b"),                   // no tab
            "\t" + sha("c"),                    // no key
            "1" + String(repeating: "0", count: 16) + "\t" + sha("d"),  // key too long
            "15\t" + sha("e"),                  // sound, and without a final newline
        ].joined(separator: "\n")
        var expected = entries
        expected[0x15] = sha("e")
        #expect(FactsCache.load(InMemoryFileSystem(bytes: [FactsCache.path: Array(damaged.utf8)])).known == expected)
        #expect(FactsCache.load(InMemoryFileSystem(bytes: [:])).known.isEmpty)
    }

    @Test func theVersionCacheReadsItsLinesAndSkipsDamagedOnes() {
        let sha = { (c: Character) in String(repeating: c, count: 64) }
        let good = VersionCache.line(.init(digest: 0xabc, withdrawn: false), sha("1"))
            + VersionCache.line(.init(digest: 0xabc, withdrawn: true), sha("2"))
            + VersionCache.line(.init(digest: 0xFFFF_FFFF_FFFF_FFFF, withdrawn: false), sha("3"))
        let damaged = [
            "abc\tx\t" + sha("4"),                          // neither w nor -
            "abc\t-\t" + sha("5").dropLast(),               // hash too short
            "ABC\t-\t" + sha("6"),                          // key not lower-case
            "\t-\t" + sha("7"),                             // no key
            "",                                              // blank: not a line
            "def\t-\t" + sha("8"),                          // sound, and without a final newline
        ].joined(separator: "\n")
        let known = VersionCache.load(InMemoryFileSystem(bytes: [VersionCache.path: Array((good + damaged).utf8)]))
        #expect(known.entries == [.init(digest: 0xabc, withdrawn: false): sha("1"), .init(digest: 0xabc, withdrawn: true): sha("2"),
                                  .init(digest: 0xFFFF_FFFF_FFFF_FFFF, withdrawn: false): sha("3"), .init(digest: 0xdef, withdrawn: false): sha("8")])
        #expect(known.lines == 8)
        #expect(known.exists && !known.endsWithNewline)
    }
}
