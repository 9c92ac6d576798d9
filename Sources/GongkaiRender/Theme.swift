import GongkaiCore
import GongkaiTemplate
import GongkaiTheme

/// Renders a page template with a view model (the compiled templates; a
/// test puts swift-mustache here to compare bytes).
protocol PageEngine: Sendable {
    func render(_ model: TemplateValue, template: String) throws -> [UInt8]
}

extension TemplateLibrary: PageEngine {}

/// The templates and assets a build uses: the default theme embedded in the
/// executable, with a site's own templates/ files replacing it file by file.
public struct Theme: Sendable {
    var engine: any PageEngine
    /// Asset path under templates/ (e.g. `assets/site.css`) → bytes.
    let assets: [String: [UInt8]]
    /// Other theme files (e.g. `synonyms.txt`).
    public let data: [String: [UInt8]]
    /// Stable hash of every theme file: part of each page's key.
    let digest: UInt64
    /// Template name → text, as compiled (for a test that renders them again).
    let templates: [String: String]

    static let pageTemplates = ["base", "home", "community", "listing", "notice", "search", "feed", "sitemap",
                                "overview", "overview-community", "ledger", "ledger-community", "replies", "reply"]

    /// `overrides`: path under the site's templates/ → bytes.
    public static func load(overrides: [String: [UInt8]]) -> (Theme?, [Diagnostic]) {
        var files = DefaultTheme.files
        for (path, bytes) in overrides { files[path] = bytes }
        var sources: [TemplateLibrary.Source] = []
        var assets: [String: [UInt8]] = [:]
        var data: [String: [UInt8]] = [:]
        var problems: [Diagnostic] = []
        for (path, bytes) in files.sorted(by: { $0.key < $1.key }) {
            let shown = "templates/" + path
            if path.hasSuffix(".mustache") {
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    problems.append(Diagnostic(file: shown, code: "GK030", message: "模板不是 UTF-8 编码。",
                                               fix: "请把模板另存为 UTF-8。"))
                    continue
                }
                sources.append(.init(name: String(path.dropLast(".mustache".count)), file: shown, text: text))
            } else if path.hasPrefix("assets/") {
                assets[path] = bytes
            } else if !path.hasSuffix(".swift") {
                data[path] = bytes
            }
        }
        let (library, templateProblems) = TemplateLibrary.compile(sources, keys: ViewModelKey.names)
        problems += templateProblems
        let names = Set(sources.map(\.name))
        for name in pageTemplates where !names.contains(name) && !problems.contains(where: { $0.file.hasSuffix("/\(name).mustache") }) {
            problems.append(Diagnostic(file: "templates/\(name).mustache", code: "GK031", message: "缺少模板 \(name).mustache。",
                                       fix: "请从默认主题复制一份，或删除站点 templates/ 里的同名覆盖。"))
        }
        guard let library, problems.isEmpty else { return (nil, problems) }
        var h = StableHasher()
        for (path, bytes) in files.sorted(by: { $0.key < $1.key }) { h.add(path); h.add(bytes) }
        return (Theme(engine: library, assets: assets, data: data, digest: h.value,
                      templates: Dictionary(uniqueKeysWithValues: sources.map { ($0.name, $0.text) })), [])
    }

    /// Renders a template; an unknown name is an error, never an empty page.
    func render<Model: TemplateObject>(_ model: Model, _ name: String) throws -> [UInt8] {
        try engine.render(.object(model), template: name)
    }
}
