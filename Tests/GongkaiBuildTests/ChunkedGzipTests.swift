import Foundation
@testable import GongkaiBuild
@testable import GongkaiCache
@testable import GongkaiOutput
import GongkaiCore
import GongkaiRender
import Testing

/// Large files are compressed in content-defined chunks (`ChunkedGzip`): a
/// valid gzip whatever the cache holds, and an edit recompresses only its chunk.
struct ChunkedGzipTests {
    /// JSON-like text, 2 MB, deterministic.
    static let input: [UInt8] = {
        var text = "{\"notices\":["
        var i = 0
        while text.utf8.count < 2_000_000 {
            text += "{\"id\":\"c\(i % 97)/2025/n\(i)\",\"title\":\"第\(i)期财务收支公开\",\"summary\":\"本月收入\(i * 37 % 10_000).00元，支出\(i * 53 % 9_000).50元。\"},"
            i += 1
        }
        return Array((text + "{}]}").utf8)
    }()

    static func edited(_ bytes: [UInt8], at offset: Int, insert: String) -> [UInt8] {
        var copy = bytes
        copy.insert(contentsOf: Array(insert.utf8), at: offset)
        return copy
    }

    @Test func gunzipsToTheInputWithOrWithoutTheCache() throws {
        var fresh = ChunkedGzip()
        let made = fresh.gzip(Self.input)
        let gz = try #require(made)
        #expect(PrecompressTests.gunzip(Data(gz)) == Data(Self.input))
        // Hardly larger than compressed whole (each chunk sees the 32 KB before it).
        let whole = try #require(Precompress.gzip(Self.input))
        #expect(gz.count <= whole.count * 102 / 100, "\(gz.count) bytes in chunks, \(whole.count) whole")
        #expect(fresh.used.count > 20, "\(fresh.used.count) chunks")
        // The same bytes from a cache of another version, of itself, or none.
        let other = Self.edited(Self.input, at: 700_000, insert: "修订")
        var warm = ChunkedGzip()
        _ = warm.gzip(other)
        var reused = ChunkedGzip(cached: warm.chunks)
        #expect(reused.gzip(Self.input) == gz)
        var again = ChunkedGzip(cached: fresh.chunks)
        #expect(again.gzip(Self.input) == gz)
    }

    @Test func anEditChangesOnlyTheChunksAroundIt() throws {
        let before = ChunkedGzip.boundaries(Self.input)
        for (offset, insert) in [(1_000_000, "补充说明一行。"), (10, "{\"id\":\"new\"},")] {
            let after = ChunkedGzip.boundaries(Self.edited(Self.input, at: offset, insert: insert))
            let shift = insert.utf8.count
            let same = Set(before.map { $0 > offset ? $0 + shift : $0 }).intersection(after)
            #expect(same.count >= before.count - 3, "\(same.count) of \(before.count) boundaries kept")
        }
    }

    /// A `.gz` of the previous build is kept only when this gongkai's page
    /// cache vouches for it: one made by another gongkai may differ from
    /// what this one makes of the same bytes.
    @Test func aPreviousGzipIsKeptOnlyWhenTheCacheVouchesForIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gk-gz-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let page = Array(String(repeating: "<p>公告正文</p>\n", count: 200).utf8)
        try Data(page).write(to: URL(fileURLWithPath: folder + "/index.html"))
        try Data("not what this gongkai makes".utf8).write(to: URL(fileURLWithPath: folder + "/index.html.gz"))
        try Data().write(to: URL(fileURLWithPath: folder + "/" + OutputWriter.marker))
        let files = [OutputFile(path: "index.html", content: .bytes(page))]
        let unknown = Precompress.addingSiblings(files, previous: folder, hadGzip: nil)
        #expect(unknown.first { $0.path == "index.html.gz" }?.content == .bytes(try #require(Precompress.gzip(page))))
        let vouched = Precompress.addingSiblings(files, previous: folder, hadGzip: { _ in true })
        #expect(vouched.first { $0.path == "index.html.gz" }?.content == .previous)
        #expect(vouched.first { $0.path == "index.html" }?.content == .previous)
    }

    /// The chunk cache carries a checksum: a damaged file is not used (its
    /// chunks would be published as they are).
    @Test func aDamagedChunkCacheIsIgnored() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gk-chunks-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var chunked = ChunkedGzip()
        _ = chunked.gzip(Self.input)
        chunked.save(path)
        #expect(ChunkedGzip.load(path).count == chunked.used.count)
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[bytes.count / 2] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(ChunkedGzip.load(path).isEmpty)
    }

    @Test func smallAndEmptyInputs() throws {
        for input in [[UInt8](), Array("x".utf8), Array(repeating: 65, count: 300_000)] {
            var chunked = ChunkedGzip()
            let made = chunked.gzip(input)
            let gz = try #require(made)
            #expect(PrecompressTests.gunzip(Data(gz)) == Data(input))
        }
    }
}
