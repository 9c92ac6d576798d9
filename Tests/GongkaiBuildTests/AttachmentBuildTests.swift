import Foundation
import GongkaiBuild
import GongkaiCore
import Testing

/// Attachments on a real disk: copies, inline images, symlinks.
struct AttachmentBuildTests {
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        + [0, 0, 2, 0x80, 0, 0, 1, 0xE0, 8, 2, 0, 0, 0] + [UInt8](repeating: 7, count: 300)

    func writeBytes(_ site: FixtureSite, _ path: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: site.root.appendingPathComponent(path))
    }

    @Test func imagesAreShownInThePageAndFilesAreCopiedByteIdentical() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write("content/mazhuang/2025/gongcheng.md", """
        ---
        title: 村道硬化工程竣工验收公示
        date: 2025-06-01
        category: caiwu
        attachments:
          - {file: 现场.png, title: 竣工后的村道}
          - {file: yanshou.pdf, title: 验收报告}
          - {file: scan.png, title: 验收单扫描件, inline: false}
        ---
        工程已验收。
        """)
        let pdf = Array("%PDF-1.4\n% 验收报告\n".utf8) + (0..<255).map { UInt8($0) }
        try writeBytes(site, "content/mazhuang/2025/现场.png", Self.png)
        try writeBytes(site, "content/mazhuang/2025/yanshou.pdf", pdf)
        try writeBytes(site, "content/mazhuang/2025/scan.png", Self.png)
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.rendered))")
        let out = FixtureSite.snapshot(site.output)
        #expect(out["mazhuang/2025/gongcheng/yanshou.pdf"] == Data(pdf))
        #expect(out["mazhuang/2025/gongcheng/现场.png"] == Data(Self.png))
        let page = String(decoding: out["mazhuang/2025/gongcheng/index.html"]!, as: UTF8.self)
        let href = "%E7%8E%B0%E5%9C%BA.png"
        #expect(page.contains("<a href=\"\(href)\"><img src=\"\(href)\" alt=\"竣工后的村道\" loading=\"lazy\" decoding=\"async\" width=\"640\" height=\"480\"></a>"))
        #expect(page.contains("<figcaption><span data-gongkai-fact=\"attachment\" data-file=\"\(href)\">竣工后的村道</span> <span class=\"muted\">（图片，"))
        #expect(page.contains("<li><a href=\"yanshou.pdf\" data-gongkai-fact=\"attachment\">验收报告</a> <span class=\"muted\">（PDF 文件，"))
        #expect(page.contains("<li><a href=\"scan.png\" data-gongkai-fact=\"attachment\">验收单扫描件</a>"))
        #expect(!page.contains("<img src=\"scan.png\""))
    }

    @Test func aSymlinkIsNeverPublishedWhereverItPoints() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        #expect(site.build().succeeded)
        let before = FixtureSite.snapshot(site.output)
        let secret = site.root.appendingPathComponent("secret.pdf")
        try Data("%PDF 村民花名册".utf8).write(to: secret)
        let folder = site.root.appendingPathComponent("content/mazhuang/2025")
        let realPDF = try Data(contentsOf: site.root.appendingPathComponent("content/mazhuang/2025/jiesuan/jiesuan.pdf"))
        try writeBytes(site, "content/mazhuang/2025/real.pdf", Array(realPDF))
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("outside.pdf").path,
                                                   withDestinationPath: secret.path)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("relative.pdf").path,
                                                   withDestinationPath: "../../../secret.pdf")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("inside.pdf").path,
                                                   withDestinationPath: "real.pdf")
        try site.write("content/mazhuang/2025/mingdan.md", """
        ---
        title: 名单
        date: 2025-06-01
        category: caiwu
        attachments:
          - {file: outside.pdf, title: 名单}
          - {file: relative.pdf, title: 名单}
          - {file: inside.pdf, title: 名单}
          - {file: real.pdf, title: 名单}
          - {file: ../../../secret.pdf, title: 名单}
          - {file: \(secret.path), title: 名单}
        ---
        正文
        """)
        let report = site.build()
        #expect(!report.succeeded)
        #expect(report.diagnostics.map { "\($0.code)@\($0.line)" } == ["GK121@6", "GK121@7", "GK121@8", "GK121@10", "GK121@11"])
        #expect(FixtureSite.snapshot(site.output) == before)
    }

    @Test func everyNoticePageCarriesSharingMeta() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        site.build()
        let out = FixtureSite.snapshot(site.output)
        let pages = out.keys.filter { $0.split(separator: "/").count == 4 && $0.hasSuffix("/index.html") }
        #expect(pages.count >= 3)
        for path in pages {
            let page = String(decoding: out[path]!, as: UTF8.self)
            let folder = String(path.dropLast("index.html".count))
            #expect(page.contains("<meta property=\"og:type\" content=\"article\">"), "\(path)")
            #expect(page.contains("<meta property=\"og:site_name\" content=\"测试镇村（居）务公开\">"), "\(path)")
            #expect(page.contains("<meta property=\"og:url\" content=\"https://gk.example.org/ceshi/\(folder)\">"), "\(path)")
            #expect(page.contains("<meta property=\"og:title\" content=\""), "\(path)")
            #expect(page.contains("<meta property=\"og:description\" content=\""), "\(path)")
        }
        let wuye = String(decoding: out["xinhua/2025/wuye/index.html"]!, as: UTF8.self)
        #expect(wuye.contains("<meta property=\"og:title\" content=\"新华社区物业服务费收支公示\">"))
        #expect(wuye.contains("<meta property=\"og:description\" content=\"物业服务费收支情况如下。\">"))
        // A path-only base URL cannot make an absolute link for the card: no og:url then.
        let relative = SiteBuilder(fs: LocalFileSystem(root: site.root.path)).run(
            .init(siteRoot: site.root.path, output: site.output.path, baseURL: "/"))
        #expect(relative.succeeded)
        let page = String(decoding: FixtureSite.snapshot(site.output)["xinhua/2025/wuye/index.html"]!, as: UTF8.self)
        #expect(page.contains("<meta property=\"og:title\" content=\"新华社区物业服务费收支公示\">"))
        #expect(!page.contains("og:url"))
    }
}
