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
}
