import GongkaiContent
import GongkaiCore
import Testing

/// Issue 7 part 2: what may be attached, and how it is shown.
struct AttachmentTests {
    let notice = "content/mazhuang/2024/caiwu-10.md"

    func site(_ attachments: String, files: [String: [UInt8]]) -> InMemoryFileSystem {
        var fixture = SiteFixture()
        fixture[notice] = "---\ntitle: 通知\ndate: 2024-11-05\ncategory: caiwu\nattachments:\n\(attachments)---\n正文\n"
        var bytes = fixture.files.mapValues { Array($0.utf8) }
        for (name, content) in files { bytes["content/mazhuang/2024/" + name] = content }
        return InMemoryFileSystem(bytes: bytes)
    }

    func parse(_ fs: InMemoryFileSystem) -> ContentParser.Result {
        ContentParser.parse(SiteLoader(fs: fs).load())
    }

    static let allowed = ["明细.pdf", "a.OFD", "scan.JPG", "b.jpeg", "c.png", "d.gif", "e.webp", "f.doc", "g.docx", "h.wps",
                          "i.xls", "j.xlsx", "k.et", "l.csv", "m.ppt", "n.pptx", "o.dps", "p.txt"]
    static let refused = ["page.html", "logo.svg", "run.exe", "all.zip", "all.rar", "script.js", "README", "x.pdf.lnk"]

    /// What the privacy guard says about a placeholder's content (not a real
    /// PDF, Word or Excel file; AttachmentPrivacyTests reads real ones).
    static let contentWarnings: Set<String> = ["GK175", "GK176"]

    @Test(arguments: allowed) func allowedTypePasses(_ name: String) {
        let result = parse(site("  - {file: \"\(name)\", title: 附件}\n", files: [name: Array("x".utf8)]))
        #expect(result.diagnostics.filter { !Self.contentWarnings.contains($0.code) }.isEmpty, "\(result.diagnostics.map(\.rendered))")
        #expect(result.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(result.content?.notices.first { $0.id.name == "caiwu-10" }?.attachments.map(\.file) == [name])
    }

    @Test(arguments: refused) func disallowedTypeIsAnError(_ name: String) {
        let result = parse(site("  - {file: \"\(name)\", title: 附件}\n", files: [name: Array("x".utf8)]))
        #expect(result.diagnostics.map(\.code) == ["GK122"])
        #expect(result.diagnostics.first?.line == 6)
        #expect(result.diagnostics.first?.severity == .error)
    }

    @Test func fileOver20MBIsAWarning() {
        let big = [UInt8](repeating: 0x25, count: 20 * 1024 * 1024 + 1)
        let result = parse(site("  - {file: scan.pdf, title: 扫描件}\n  - {file: ok.pdf}\n",
                                files: ["scan.pdf": big, "ok.pdf": [UInt8](repeating: 0x25, count: 20 * 1024 * 1024)]))
        let sizes = result.diagnostics.filter { !Self.contentWarnings.contains($0.code) }
        #expect(sizes.map(\.code) == ["GK123"])
        #expect(sizes.first?.severity == .warning)
        #expect(sizes.first?.message.contains("20.0 MB") == true)
        #expect(result.content?.notices.first { $0.id.name == "caiwu-10" }?.attachments.count == 2)
    }

    @Test func pathsLeavingTheFolderAreErrors() {
        let result = parse(site("  - {file: ../../site.yml}\n  - {file: /etc/passwd}\n  - {file: 'C:\\\\a.pdf'}\n  - {file: ..}\n",
                                files: [:]))
        #expect(result.diagnostics.map(\.code) == ["GK121", "GK121", "GK121", "GK121"])
    }

    @Test func missingFileIsAnError() {
        let result = parse(site("  - {file: 没有.pdf}\n", files: [:]))
        #expect(result.diagnostics.map(\.code) == ["GK120"])
    }

    @Test func imagesAreShownInlineUnlessSaidOtherwise() throws {
        let png = ImageSizeTests.png(width: 640, height: 480)
        let result = parse(site("""
          - {file: chart.png, title: 收入图}
          - {file: scan.jpg, title: 收据, inline: false}
          - {file: mingxi.pdf, title: 明细, inline: true}

        """, files: ["chart.png": png, "scan.jpg": [0xFF, 0xD8], "mingxi.pdf": Array(MinimalPDF.make().utf8)]))
        #expect(result.diagnostics.map(\.code) == ["GK124"])
        #expect(result.diagnostics.first?.severity == .warning)
        let attachments = try #require(result.content?.notices.first { $0.id.name == "caiwu-10" }?.attachments)
        #expect(attachments.map(\.inline) == [true, false, false])
        #expect(attachments.first?.imageSize == ImageSize(width: 640, height: 480))
    }

    @Test func largeInlineImageIsAWarning() {
        var png = ImageSizeTests.png(width: 4000, height: 3000)
        png += [UInt8](repeating: 0, count: 2 * 1024 * 1024)
        let result = parse(site("  - {file: photo.png, title: 现场}\n  - {file: small.png, title: 小图, inline: false}\n",
                                files: ["photo.png": png, "small.png": png]))
        #expect(result.diagnostics.map(\.code) == ["GK125"])
        #expect(result.diagnostics.first?.line == 6)
    }

    @Test func textOfCSVAndTxtAttachmentsIsCheckedForPersonalNumbers() {
        // 张三 in GBK, as Excel saves a CSV in China.
        let gbk: [UInt8] = Array("name,phone\n".utf8) + [0xD5, 0xC5, 0xC8, 0xFD] + Array(",13800138000\n".utf8)
        let utf8 = Array("\u{FEFF}名单\n李四 身份证 11010519491231002X\n".utf8)
        let result = parse(site("  - {file: mingdan.csv, title: 名单}\n  - {file: shuoming.txt, title: 说明}\n",
                                files: ["mingdan.csv": gbk, "shuoming.txt": utf8,
                                        "other.txt": Array("13900139000".utf8)]))
        #expect(result.diagnostics.map { "\($0.code)@\($0.file):\($0.line):\($0.column)" } == [
            "GK173@content/mazhuang/2024/mingdan.csv:2:4",
            "GK130@content/mazhuang/2024/other.txt:0:0",
            "GK170@content/mazhuang/2024/shuoming.txt:2:8",
        ])
    }

    @Test func badInlineValue() {
        let result = parse(site("  - {file: a.png, inline: 也许}\n", files: ["a.png": [0]]))
        #expect(result.diagnostics.map(\.code) == ["GK109"])
    }
}

struct ImageSizeTests {
    static func png(width: Int, height: Int) -> [UInt8] {
        func be32(_ v: Int) -> [UInt8] { [UInt8(v >> 24 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + be32(width) + be32(height)
            + [8, 2, 0, 0, 0]
    }

    @Test func png() { #expect(ImageSize.parse(Self.png(width: 720, height: 440)) == ImageSize(width: 720, height: 440)) }

    @Test func gif() {
        #expect(ImageSize.parse(Array("GIF89a".utf8) + [0x20, 0x03, 0x58, 0x02]) == ImageSize(width: 800, height: 600))
    }

    @Test func jpegAfterAnExifBlock() {
        let app1: [UInt8] = [0xFF, 0xE1, 0x00, 0x10] + [UInt8](repeating: 0, count: 14)
        let sof: [UInt8] = [0xFF, 0xC0, 0x00, 0x11, 0x08, 0x03, 0xC0, 0x05, 0x00, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]
        #expect(ImageSize.parse([0xFF, 0xD8] + app1 + sof) == ImageSize(width: 1280, height: 960))
    }

    @Test func webpLossyLosslessAndExtended() {
        let riff = Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBP".utf8)
        let vp8 = riff + Array("VP8 ".utf8) + [0, 0, 0, 0] + [0, 0, 0] + [0x9D, 0x01, 0x2A] + [0x80, 0x02, 0xE0, 0x01]
        #expect(ImageSize.parse(vp8) == ImageSize(width: 640, height: 480))
        // VP8L: 14 bits width-1, 14 bits height-1.
        let bits = (100 - 1) | ((50 - 1) << 14)
        let vp8l = riff + Array("VP8L".utf8) + [0, 0, 0, 0] + [0x2F] + [UInt8(bits & 0xFF), UInt8(bits >> 8 & 0xFF), UInt8(bits >> 16 & 0xFF), UInt8(bits >> 24 & 0xFF)] + [0, 0, 0, 0, 0]
        #expect(ImageSize.parse(vp8l) == ImageSize(width: 100, height: 50))
        let vp8x = riff + Array("VP8X".utf8) + [0, 0, 0, 0] + [0, 0, 0, 0] + [0x1F, 0x03, 0x00] + [0x57, 0x02, 0x00] + [0, 0]
        #expect(ImageSize.parse(vp8x) == ImageSize(width: 800, height: 600))
    }

    @Test func notAnImage() {
        #expect(ImageSize.parse(Array("%PDF-1.4".utf8)) == nil)
        #expect(ImageSize.parse([0xFF, 0xD8, 0xFF]) == nil)
        #expect(ImageSize.parse([]) == nil)
    }
}
