import Foundation
import GongkaiBuild
import GongkaiCore
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

struct BuildOutputTests {
    @Test func everyPageKindOfDesignSection4Exists() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.rendered))")
        #expect(report.notices == 4)
        let files = Set(FixtureSite.snapshot(site.output).keys)
        for path in [
            "index.html", "mazhuang/index.html", "xinhua/index.html",
            "mazhuang/2024/caiwu-12/index.html", "mazhuang/2025/jiesuan/index.html",
            "mazhuang/2025/jiesuan/jiesuan.pdf", "category/caiwu/index.html", "category/gongcheng/index.html",
            "mazhuang/caiwu/index.html", "search/index.html", "feed.xml", "mazhuang/feed.xml", "xinhua/feed.xml",
            "sitemap.xml", "api/notices.json",
        ] {
            #expect(files.contains(path), "missing \(path)")
        }
        #expect(files.contains { $0.hasPrefix("assets/site.") && $0.hasSuffix(".css") })
    }

    @Test func everyLinkAndAssetResolvesRelatively() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        site.build()
        let snapshot = FixtureSite.snapshot(site.output)
        let pattern = try NSRegularExpression(pattern: #"(?:href|src)="([^"]*)""#)
        var checked = 0
        for (path, data) in snapshot where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                let href = String(html[Range(match.range(at: 1), in: html)!])
                if href.hasPrefix("#") || href.hasPrefix("https://gk.example.org/") { continue }
                #expect(!href.hasPrefix("/") && !href.contains("://"), "\(path): absolute link \(href)")
                let target = URL(fileURLWithPath: "/" + path).deletingLastPathComponent()
                    .appendingPathComponent(href.components(separatedBy: "#")[0].removingPercentEncoding!)
                    .standardizedFileURL.path.dropFirst()
                #expect(snapshot[String(target)] != nil, "\(path): broken link \(href)")
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    @Test func noticePageShowsTheBoardHeaderTableAndCorrection() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        site.build()
        let page = String(decoding: FixtureSite.snapshot(site.output)["mazhuang/2024/caiwu-12/index.html"]!, as: UTF8.self)
        #expect(page.contains("<h1 data-gongkai-fact=\"title\">马庄村2024年12月财务收支公开</h1>"))
        #expect(page.contains("<dd data-gongkai-fact=\"number\">马庄村〔2024〕12号</dd>"))
        #expect(page.contains("<dd data-gongkai-fact=\"issuer\">马庄村村民委员会</dd>"))
        #expect(page.contains("<time datetime=\"2024-12-31\" data-gongkai-fact=\"period-from\">2024年12月31日</time>"))
        #expect(page.contains("至<time datetime=\"2025-01-05\" data-gongkai-fact=\"period-to\">2025年1月5日</time>（5 天）"))
        #expect(page.contains("<td class=\"num\">12,000.00</td>"))
        #expect(page.contains("本公告已于 2025年1月3日 更正"))
        #expect(page.contains("href=\"../../../mazhuang/2025/caiwu-12-gengzheng/index.html\""))
        #expect(page.contains("<link rel=\"canonical\" href=\"https://gk.example.org/ceshi/mazhuang/2024/caiwu-12/\">"))
        #expect(page.contains("<meta property=\"og:title\" content=\"马庄村2024年12月财务收支公开\">"))
        // The only scripts: the site's own 大字模式 switch (every page) and the 公示
        // status, both external and deferred (the page reads fully without them).
        let scripts = page.components(separatedBy: "<script").dropFirst()
        #expect(scripts.count == 2)
        #expect(scripts.allSatisfy { $0.hasPrefix(" src=\"../../../assets/") && $0.contains(".js\" defer></script>") })
        #expect(page.contains("<script src=\"../../../assets/site."))
        #expect(page.contains("<script src=\"../../../assets/status."))
        #expect(page.contains("id=\"print-button\" hidden>"))  // shown by site.js: no inline script
        #expect(page.contains("公示期：<time datetime=\"2024-12-31\">2024年12月31日</time>至<time datetime=\"2025-01-05\">2025年1月5日</time>（5 天）"))
        let correction = String(decoding: FixtureSite.snapshot(site.output)["mazhuang/2025/caiwu-12-gengzheng/index.html"]!, as: UTF8.self)
        #expect(correction.contains("本公告更正了 <a href=\"../../../mazhuang/2024/caiwu-12/index.html\">"))
    }

    @Test func listsAndBreadcrumbsShowNamesNotFieldNames() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        site.build()
        let snapshot = FixtureSite.snapshot(site.output)
        let home = String(decoding: snapshot["index.html"]!, as: UTF8.self)
        #expect(home.contains("<span class=\"card-name\">马庄村</span>"))
        #expect(home.contains("<span class=\"card-name\">新华社区</span>"))
        #expect(home.contains("<a href=\"category/caiwu/index.html\">财务公开 <span class=\"count\">2</span></a>"))
        let notice = String(decoding: snapshot["mazhuang/2025/jiesuan/index.html"]!, as: UTF8.self)
        #expect(notice.contains("<li><a href=\"../../../mazhuang/index.html\">马庄村</a></li>"))
        #expect(notice.contains("<li><a href=\"../../../mazhuang/gongcheng/index.html\">工程项目</a></li>"))
        let community = String(decoding: snapshot["mazhuang/index.html"]!, as: UTF8.self)
        #expect(community.contains("<h1>马庄村村务公开</h1>"))
        #expect(community.contains("<h2 id=\"caiwu\">财务公开</h2>"))
        for (path, data) in snapshot where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            #expect(!html.contains(">name<") && !html.contains(">name ") && !html.contains(">title<"), "\(path) shows a field name")
        }
    }

    @Test func noticePagesStayUnder40KBWithCSS() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        site.build()
        let snapshot = FixtureSite.snapshot(site.output)
        let css = try #require(snapshot.first { $0.key.hasSuffix(".css") }?.value.count)
        for (path, data) in snapshot where path.split(separator: "/").count == 4 && path.hasSuffix("index.html") {
            #expect(data.count + css < 40_000, "\(path): \(data.count) + \(css) bytes")
        }
    }

    @Test func feedsSitemapAndAPIAreWellFormed() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        site.build()
        let snapshot = FixtureSite.snapshot(site.output)
        for path in ["feed.xml", "mazhuang/feed.xml", "sitemap.xml"] {
            let parser = XMLParser(data: snapshot[path]!)
            #expect(parser.parse(), "\(path) is not well-formed XML")
        }
        let feed = String(decoding: snapshot["feed.xml"]!, as: UTF8.self)
        #expect(feed.contains("<id>https://gk.example.org/ceshi/mazhuang/2025/jiesuan/</id>"))
        #expect(feed.contains("<updated>2025-03-10T09:30:00+08:00</updated>"))
        let sitemap = String(decoding: snapshot["sitemap.xml"]!, as: UTF8.self)
        #expect(sitemap.contains("<loc>https://gk.example.org/ceshi/xinhua/2025/wuye/</loc>"))
        let api = try JSONSerialization.jsonObject(with: snapshot["api/notices.json"]!) as? [String: Any]
        let notices = try #require(api?["notices"] as? [[String: Any]])
        #expect(notices.count == 4)
        let first = notices[0]
        #expect(first["id"] as? String == "mazhuang/2025/jiesuan")
        #expect(first["url"] as? String == "mazhuang/2025/jiesuan/")
        #expect((first["period"] as? [String: String])?["to"] == "2025-03-17")
        #expect(first["category"] as? String == "gongcheng")
        #expect(first["community_name"] as? String == "马庄村")
        // Written by hand: keys sorted and no spaces, exactly as JSONSerialization
        // (the same as JSONEncoder with sorted keys) writes the same value.
        for path in ["api/notices.json", "ledger.json"] where snapshot[path] != nil {
            let value = try JSONSerialization.jsonObject(with: snapshot[path]!)
            let again = try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])
            #expect(again == snapshot[path]!, "\(path) is not sorted, compact JSON")
        }
    }

    @Test func attachmentsAreCopiedByteForByte() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        site.build()
        let source = try Data(contentsOf: site.root.appendingPathComponent("content/mazhuang/2025/jiesuan/jiesuan.pdf"))
        #expect(FixtureSite.snapshot(site.output)["mazhuang/2025/jiesuan/jiesuan.pdf"] == source)
        let page = String(decoding: FixtureSite.snapshot(site.output)["mazhuang/2025/jiesuan/index.html"]!, as: UTF8.self)
        #expect(page.contains("<a href=\"jiesuan.pdf\" data-gongkai-fact=\"attachment\">结算审核报告</a>"))
        #expect(page.contains("PDF 文件"))
    }

    @Test func sameInputGivesIdenticalOutput() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let other = site.root.appendingPathComponent("public-2")
        site.build()
        site.build(output: other)
        let a = FixtureSite.snapshot(site.output)
        #expect(!a.isEmpty)
        #expect(a == FixtureSite.snapshot(other))
    }

    @Test func siteTemplatesOverrideTheDefaultFileByFile() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write("templates/notice.mustache", "{{<base}}{{$main}}<p class=\"mine\">{{title}}</p>{{/main}}{{/base}}")
        let report = site.build()
        #expect(report.succeeded)
        let snapshot = FixtureSite.snapshot(site.output)
        let page = String(decoding: snapshot["xinhua/2025/wuye/index.html"]!, as: UTF8.self)
        #expect(page.contains("<p class=\"mine\">新华社区物业服务费收支公示</p>"))
        #expect(page.contains("<html lang=\"zh-CN\">"))
        #expect(String(decoding: snapshot["index.html"]!, as: UTF8.self).contains("最新公告"))
    }

    @Test func brokenTemplateIsADiagnosticNotAnEmptyPage() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write("templates/home.mustache", "{{#latest}}没有结束")
        let report = site.build()
        #expect(!report.succeeded)
        #expect(report.diagnostics.map(\.code) == ["GK030"])
        #expect(report.diagnostics.first?.file == "templates/home.mustache")
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func theExampleSiteBuildsWithoutAnyProblem() throws {
        let root = FixtureSite.repositoryRoot.path
        let report = SiteBuilder(fs: LocalFileSystem(root: root)).run(.init(siteRoot: root, output: nil))
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.rendered))")
        #expect(report.notices >= 40)
        #expect(report.communities >= 4)
    }
}

struct TemplateReferenceTests {
    @Test func unknownPartialOrParentIsAnError() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write("templates/listing.mustache", "{{<nosuch}}{{$main}}x{{/main}}{{/nosuch}}")
        try site.write("templates/home.mustache", "{{<base}}{{$main}}{{> missing-part }}{{/main}}{{/base}}")
        let report = site.build()
        #expect(!report.succeeded)
        #expect(report.diagnostics.map(\.code) == ["GK031", "GK031"])
        #expect(report.diagnostics.map(\.file) == ["templates/home.mustache", "templates/listing.mustache"])
    }
}
