import GongkaiCore
import GongkaiTheme
import Mustache

/// The templates and assets a build uses: the default theme embedded in the
/// executable, with a site's own templates/ files replacing it file by file.
public struct Theme: Sendable {
    let library: MustacheLibrary
    /// Asset path under templates/ (e.g. `assets/site.css`) → bytes.
    let assets: [String: [UInt8]]
    /// Other theme files (e.g. `synonyms.txt`).
    public let data: [String: [UInt8]]
    /// Stable hash of every theme file: part of each page's key.
    let digest: UInt64

    static let pageTemplates = ["base", "home", "community", "listing", "notice", "search", "feed", "sitemap",
                                "overview", "overview-community", "ledger", "ledger-community", "replies", "reply"]

    /// `overrides`: path under the site's templates/ → bytes.
    public static func load(overrides: [String: [UInt8]]) -> (Theme?, [Diagnostic]) {
        MustacheContentTypes.register(FastHTMLContentType(), named: FastHTMLContentType.name)
        var files = DefaultTheme.files
        for (path, bytes) in overrides { files[path] = bytes }
        var library = MustacheLibrary()
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
                do {
                    try library.register(text, named: String(path.dropLast(".mustache".count)))
                } catch {
                    problems.append(Diagnostic(file: shown, code: "GK030", message: "模板语法错误（\(error)）。",
                                               fix: "请检查 {{ }} 标签是否配对、区块 {{#…}} 是否有对应的 {{/…}}。"))
                }
            } else if path.hasPrefix("assets/") {
                assets[path] = bytes
            } else if !path.hasSuffix(".swift") {
                data[path] = bytes
            }
        }
        for (path, bytes) in files.sorted(by: { $0.key < $1.key }) where path.hasSuffix(".mustache") {
            let text = String(decoding: bytes, as: UTF8.self)
            for name in referencedTemplates(text) where library.getTemplate(named: name) == nil {
                problems.append(Diagnostic(file: "templates/" + path, code: "GK031",
                                           message: "模板引用了不存在的模板 \(name).mustache（{{>\(name)}} 或 {{<\(name)}}）。",
                                           fix: "请检查模板名称是否写错，或在 templates/ 里补上 \(name).mustache。"))
            }
        }
        for name in pageTemplates where library.getTemplate(named: name) == nil && !problems.contains(where: { $0.file.hasSuffix("/\(name).mustache") }) {
            problems.append(Diagnostic(file: "templates/\(name).mustache", code: "GK031", message: "缺少模板 \(name).mustache。",
                                       fix: "请从默认主题复制一份，或删除站点 templates/ 里的同名覆盖。"))
        }
        guard problems.isEmpty else { return (nil, problems) }
        var h = StableHasher()
        for (path, bytes) in files.sorted(by: { $0.key < $1.key }) { h.add(path); h.add(bytes) }
        return (Theme(library: library, assets: assets, data: data, digest: h.value), [])
    }

    /// Names in `{{>partial}}` and `{{<parent}}` tags: swift-mustache renders
    /// an unknown one as nothing, which would publish empty pages.
    static func referencedTemplates(_ text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            let body = rest.drop(while: { $0 == " " })
            guard let sigil = body.first, sigil == ">" || sigil == "<",
                  let close = body.range(of: "}}") else { continue }
            let name = body[body.index(after: body.startIndex)..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty { names.append(name) }
        }
        return names
    }

    /// Renders a template; an unknown name is an error, never an empty page.
    func render<Model: MustacheParent>(_ model: Model, _ name: String) throws -> String {
        guard let text = library.render(MustacheBox(model), withTemplate: name) else {
            throw Diagnostic(file: "templates/\(name).mustache", code: "GK031", message: "缺少模板 \(name).mustache。",
                             fix: "请从默认主题复制一份。")
        }
        return text
    }
}
