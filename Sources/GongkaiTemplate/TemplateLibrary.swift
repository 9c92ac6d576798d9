import GongkaiCore

/// Mustache templates parsed once and compiled (`CompiledTemplate`), rendered
/// straight into UTF-8 bytes with values of our own (`TemplateValue`).
///
/// Owns: Mustache syntax as swift-mustache 2.1.1 reads it (variables,
/// sections, inverted sections, comments, partials with standalone
/// indentation, set delimiters, `{{<parent}}` with `{{$block}}` overrides,
/// the `CONTENT_TYPE` pragma, its transforms), GK030 for a syntax error and
/// GK031 for an unknown partial or parent. Must not: know the site, read
/// files, or print. Lambdas are not supported (view models hold no code).
public struct TemplateLibrary: Sendable {
    /// One template: its name in `{{>name}}`, the file to name in problems,
    /// and its text.
    public struct Source: Sendable {
        public var name: String
        public var file: String
        public var text: String

        public init(name: String, file: String, text: String) {
            self.name = name
            self.file = file
            self.text = text
        }
    }

    /// How deep sections, blocks and parents may nest in one template.
    public static let maxDepth = TemplateParser.maxDepth

    let program: Program
    let templates: [CompiledTemplate]
    let index: [String: Int]

    /// Parses and compiles every source. `keys`: names the values will be
    /// asked for, in the order of the caller's key ids (`TemplateKey.id`);
    /// any other name in a template gets an id after them.
    /// Nil with the problems when a template has a syntax error (GK030) or
    /// names a partial or parent that is not among `sources` (GK031).
    public static func compile(_ sources: [Source], keys: [String] = []) -> (TemplateLibrary?, [Diagnostic]) {
        let sources = sources.sorted { $0.name < $1.name }
        var compiler = TemplateCompiler(keys: keys, names: sources.map(\.name))
        var templates: [CompiledTemplate] = []
        var ownText: [Int] = []
        var references: [[Int]] = []
        var problems: [Diagnostic] = []
        for source in sources {
            let parser = TemplateParser(source.text)
            do {
                let tokens = try TemplateParser.parse(source.text)
                let (block, unknown) = compiler.compile(tokens)
                for (name, offset) in unknown {
                    let (line, column) = TemplateParser.lineAndColumn(of: offset, in: parser.chars)
                    problems.append(Messages.unknownTemplate(name, file: source.file, line: line, column: column))
                }
                templates.append(CompiledTemplate(name: source.name, file: source.file, block: block, sizeHint: 0))
                ownText.append(compiler.textBytes)
                references.append(compiler.partials)
            } catch {
                let (line, column) = TemplateParser.lineAndColumn(of: error.offset, in: parser.chars)
                problems.append(Messages.syntax(error.kind, file: source.file, line: line, column: column))
            }
        }
        guard problems.isEmpty else { return (nil, problems) }
        let program = compiler.finish(bodies: templates.map(\.block))
        // A page's first buffer: its text and that of everything it includes.
        for i in templates.indices {
            var seen: Set<Int> = [i], next = [i], total = 0
            while let t = next.popLast() {
                total += ownText[t]
                for r in references[t] where seen.insert(r).inserted { next.append(r) }
            }
            templates[i].sizeHint = total
        }
        let index = Dictionary(uniqueKeysWithValues: templates.enumerated().map { ($1.name, $0) })
        return (TemplateLibrary(program: program, templates: templates, index: index), [])
    }

    public func contains(_ name: String) -> Bool { index[name] != nil }

    /// Renders the template `name` with `value` as its context, as UTF-8.
    /// Throws GK031 for an unknown template (here or in a `{{>*dynamic}}`
    /// partial) and for partials that include each other without end.
    public func render(_ value: TemplateValue, template name: String) throws(Diagnostic) -> [UInt8] {
        guard let i = index[name] else { throw Messages.missingTemplate(name) }
        let template = templates[i]
        var renderer = TemplateRenderer(library: self, root: value, capacity: template.sizeHint + template.sizeHint / 2 + 1024)
        do {
            try renderer.render(template.block)
        } catch {
            throw Messages.renderFailed(error, template: template)
        }
        return renderer.out.bytes
    }
}
