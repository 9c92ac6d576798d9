import Foundation
@testable import GongkaiBuild
import GongkaiLedger
import GongkaiContent
import GongkaiCore
@testable import GongkaiRender
import GongkaiTemplate
import GongkaiTheme
import Mustache
import Testing

/// Every page of the example site (the repository's content/, with the
/// repository's templates/ as its overrides) and of the fixture town,
/// rendered from the same view models by gongkai's compiled engine and by
/// swift-mustache 2.1.1 (the engine a site's templates were written for):
/// the same bytes, file by file.
struct TemplateEngineDifferentialTests {
    @Test(arguments: ["example", "town"])
    func sameBytesAsSwiftMustache(_ site: String) throws {
        let root = site == "example" ? FixtureSite.repositoryRoot : FixtureSite.fixtures.appendingPathComponent(site)
        let fs = LocalFileSystem(root: root.path)
        let sources = SiteLoader(fs: fs).load()
        let parsed = ContentParser.parse(sources)
        let content = try #require(parsed.content, "\(parsed.diagnostics.map(\.rendered))")
        var overrides: [String: [UInt8]] = [:]
        if site == "example" {
            for (name, bytes) in DefaultTheme.files {
                overrides[name] = FileManager.default.contents(atPath: root.appendingPathComponent("templates/\(name)").path).map(Array.init) ?? bytes
            }
        }
        let (loaded, problems) = Theme.load(overrides: overrides)
        let theme = try #require(loaded, "\(problems.map(\.rendered))")
        let ledger = LedgerStage(fs: fs).run(content, sources: sources, now: Date(timeIntervalSince1970: 1_800_000_000), recording: false)
        let today = CalendarDate(year: 2026, month: 12, day: 7)

        let ours = SiteRenderer(content: content, theme: theme, today: today, ledger: ledger.snapshot).render()
        var reference = theme
        reference.engine = try SwiftMustacheEngine(templates: theme.templates)
        let theirs = SiteRenderer(content: content, theme: reference, today: today, ledger: ledger.snapshot).render()

        #expect(ours.1.filter { $0.severity == .error }.isEmpty, "\(ours.1.map(\.rendered))")
        #expect(theirs.1.filter { $0.severity == .error }.isEmpty, "\(theirs.1.map(\.rendered))")
        #expect(ours.0.map(\.path) == theirs.0.map(\.path))
        var compared = 0, kinds: Set<String> = []
        for (a, b) in zip(ours.0, theirs.0) {
            guard case .bytes(let x) = a.content, case .bytes(let y) = b.content else { continue }
            if x != y {
                Issue.record("\(a.path) differs:\n\(Self.firstDifference(x, y))")
            }
            compared += 1
            kinds.insert(Self.kind(a.path))
        }
        // Every kind of page was there to compare.
        #expect(kinds.isSuperset(of: ["home", "notice", "community", "listing", "feed", "sitemap", "search", "overview", "ledger"]), "\(kinds)")
        #expect(compared > (site == "example" ? 100 : 30))
    }

    static func kind(_ path: String) -> String {
        if path == "index.html" { return "home" }
        if path.hasSuffix(".xml") { return path.hasPrefix("sitemap") ? "sitemap" : "feed" }
        if path.hasPrefix("search/") { return "search" }
        if path.hasPrefix("overview/") { return "overview" }
        if path.hasPrefix("ledger/") { return "ledger" }
        if path.hasPrefix("category/") || path.split(separator: "/").count == 3 { return "listing" }
        if path.split(separator: "/").count == 2 { return "community" }
        if path.hasSuffix("/index.html") { return "notice" }
        return "other"
    }

    static func firstDifference(_ x: [UInt8], _ y: [UInt8]) -> String {
        let i = zip(x, y).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(x.count, y.count)
        let show = { (b: [UInt8]) in String(decoding: b[max(0, i - 120)..<min(b.count, i + 120)], as: UTF8.self) }
        return "ours:  …\(show(x))…\nswift-mustache: …\(show(y))…"
    }
}

/// swift-mustache reading our view models by name, the way gongkai used it
/// before (with the theme's `GONGKAI_HTML` content type).
struct SwiftMustacheEngine: PageEngine {
    let library: MustacheLibrary

    init(templates: [String: String]) throws {
        MustacheContentTypes.register(ByteHTMLContentType(), named: "GONGKAI_HTML")
        var library = MustacheLibrary()
        for (name, text) in templates { try library.register(text, named: name) }
        self.library = library
    }

    func render(_ model: TemplateValue, template: String) throws -> [UInt8] {
        guard let text = library.render(Self.any(model), withTemplate: template) else {
            throw Diagnostic(file: template, code: "GK031", message: "no template")
        }
        return Array(text.utf8)
    }

    static let keys = KeyTable(ViewModelKey.names)

    static func any(_ value: TemplateValue) -> Any {
        switch value {
        case .string(let s): return s
        case .int(let i): return i
        case .bool(let b): return b
        case .null: return NSNull()
        case .list(let l): return (0..<l.count).map { any(l.element(at: $0)) }
        case .object(let o): return Parent(object: o)
        }
    }

    final class Parent: MustacheParent {
        let object: any TemplateObject
        init(object: any TemplateObject) { self.object = object }
        func child(named name: String) -> Any? {
            SwiftMustacheEngine.keys.key(name).flatMap { object.value(for: $0) }.map(SwiftMustacheEngine.any)
        }
    }

    /// What gongkai registered for `{{% CONTENT_TYPE: GONGKAI_HTML}}`.
    struct ByteHTMLContentType: MustacheContentType {
        func escapeText(_ text: String) -> String { XML.escape(text, apostrophe: true) }
    }
}
