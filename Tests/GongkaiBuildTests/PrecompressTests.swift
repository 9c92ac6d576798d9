import GongkaiZlib
import Foundation
import GongkaiBuild
import GongkaiCore
@testable import GongkaiOutput
import Testing

/// The `.gz` siblings the build writes beside text files (issue 8).
struct PrecompressTests {
    /// gunzip through zlib (windowBits 31: gzip wrapper, CRC and size checked).
    static func gunzip(_ data: Data) -> Data? {
        var stream = z_stream()
        guard inflateInit2_(&stream, 31, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var input = [UInt8](data)
        var out = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var status: Int32 = Z_OK
        input.withUnsafeMutableBufferPointer { inp in
            stream.next_in = inp.baseAddress
            stream.avail_in = uInt(inp.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { c in
                    stream.next_out = c.baseAddress
                    stream.avail_out = uInt(c.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    out.append(c.baseAddress!, count: c.count - Int(stream.avail_out))
                }
            } while status == Z_OK
        }
        return status == Z_STREAM_END && stream.avail_in == 0 ? out : nil
    }

    @Test func textFilesGetAnIdenticalGzipSiblingWithAFixedHeader() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.rendered))")
        let files = FixtureSite.snapshot(site.output)
        var checked = 0
        for (path, data) in files where path.hasSuffix(".gz") {
            let original = try #require(files[String(path.dropLast(3))], "\(path) has no original")
            #expect(Self.gunzip(data) == original, "\(path) does not unpack to its file")
            // ID1 ID2 CM=deflate FLG=0 (no name, no comment) MTIME=0 XFL=0 OS=3
            #expect(Array(data.prefix(10)) == [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3], "\(path) header")
            #expect(data.count < original.count)
            checked += 1
        }
        #expect(checked > 10)
        for (path, data) in files where path.hasSuffix(".html") || path.hasSuffix(".css") || path.hasSuffix(".js")
            || path == "feed.xml" {
            #expect(files[path + ".gz"] != nil || data.count < 256, "\(path) has no .gz")
        }
        #expect(!files.keys.contains { $0.hasSuffix(".pdf.gz") || $0.hasSuffix(".gz.gz") }, "attachments are not compressed")
    }

    @Test func gzipSiblingsAreByteIdenticalAcrossBuilds() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let second = site.root.appendingPathComponent("public2")
        site.build()
        site.build(output: second)
        let a = FixtureSite.snapshot(site.output).filter { $0.key.hasSuffix(".gz") }
        let b = FixtureSite.snapshot(second).filter { $0.key.hasSuffix(".gz") }
        #expect(!a.isEmpty)
        #expect(a == b)
    }
}

extension PrecompressTests {
    /// Incremental builds keep unchanged pages from the previous build; their
    /// `.gz` must be there and right too, also when the previous build had none.
    @Test func incrementalBuildKeepsEveryGzipSiblingRight() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        site.build()
        let notice = "content/mazhuang/2024/caiwu-12.md"
        let path = site.root.appendingPathComponent(notice).path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try site.write(notice, text + "\n补充说明：本月无其他收支。\n")
        // A previous build without .gz files (an older gongkai, say).
        for (file, _) in FixtureSite.snapshot(site.output) where file.hasSuffix(".gz") {
            try FileManager.default.removeItem(at: site.output.appendingPathComponent(file))
        }
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.rendered))")
        let files = FixtureSite.snapshot(site.output)
        for (file, data) in files where file.hasSuffix(".html") {
            let gz = try #require(files[file + ".gz"], "\(file) has no .gz")
            #expect(Self.gunzip(gz) == data, "\(file).gz is stale")
        }
        // Unchanged again: the .gz files are kept from the previous build.
        try site.write(notice, text)
        site.build()
        let again = FixtureSite.snapshot(site.output)
        for (file, data) in again where file.hasSuffix(".html") {
            #expect(again[file + ".gz"].flatMap(Self.gunzip) == data, "\(file).gz")
        }
    }
}

extension PrecompressTests {
    @Test func precompressFalseInSiteYmlWritesNoGzipFiles() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let yml = try String(contentsOf: site.root.appendingPathComponent("content/site.yml"), encoding: .utf8)
        try site.write("content/site.yml", yml + "\nprecompress: false\n")
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.rendered))")
        let files = FixtureSite.snapshot(site.output)
        #expect(files.keys.contains("index.html"))
        #expect(!files.keys.contains { $0.hasSuffix(".gz") })
        try site.write("content/site.yml", yml + "\nprecompress: 也许\n")
        let bad = site.build(check: true)
        #expect(bad.diagnostics.contains { $0.code == "GK011" && $0.message.contains("precompress") })
    }
}

extension PrecompressTests {
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

    /// Bulk data that programs read is left to the server's on-the-fly gzip.
    @Test func bulkDataIsNotPrecompressed() {
        #expect(Precompress.worthCompressing("index.html"))
        #expect(Precompress.worthCompressing("search/manifest.json"))
        #expect(Precompress.worthCompressing("mazhuang/feed.xml"))
        #expect(!Precompress.worthCompressing("api/notices.json"))
        #expect(!Precompress.worthCompressing("ledger.json"))
        #expect(!Precompress.worthCompressing("sitemap.xml"))
        #expect(!Precompress.worthCompressing("mazhuang/2024/caiwu-12/预算.pdf"))
    }

    @Test func smallEmptyAndLargeInputsRoundTrip() throws {
        for input in [[UInt8](), Array("x".utf8), Array(repeating: 65, count: 300_000),
                      Array(String(repeating: "村务公开 ", count: 50_000).utf8)] {
            let gz = try #require(Precompress.gzip(input))
            #expect(Self.gunzip(Data(gz)) == Data(input))
        }
    }
}
