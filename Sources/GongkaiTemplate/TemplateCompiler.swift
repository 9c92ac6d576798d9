/// Tokens → one flat `Program` for all templates: each name becomes a key
/// number once, here, instead of a string looked up at every tag; partials
/// and parents become block numbers.
struct TemplateCompiler {
    private var keyIDs: [String: Int] = [:]
    private var names: [String]
    private var blockNames: [String: Int32] = [:]
    private let templateIndex: [String: Int]

    private var code: [Instruction] = []
    private var blocks: [(start: Int32, end: Int32)] = []
    private var text: [UInt8] = []
    private var paths: [PathInfo] = []
    private var keys: [Int] = []
    private var transforms: [Transform] = []
    private var inclusions: [Inclusion] = []
    private var overrides: [Override] = []
    private var expansions: [Expansion] = []
    /// Partial references to templates not compiled yet: instruction index → template index.
    private var partialFixups: [(instruction: Int, template: Int)] = []

    /// Of the template compiled last: bytes of text, partials it names
    /// directly, and names of templates that do not exist (with offsets).
    private(set) var textBytes = 0
    private(set) var partials: [Int] = []
    private var unknown: [(String, Int)] = []

    /// `keys`: the caller's key table; `names`: every template's name, in
    /// the order they will be compiled.
    init(keys: [String], names: [String]) {
        self.names = keys
        for (i, key) in keys.enumerated() where keyIDs[key] == nil { keyIDs[key] = i }
        templateIndex = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Compiles one template; its body block, and the unknown names it uses.
    mutating func compile(_ tokens: [Token]) -> (block: Int32, unknown: [(String, Int)]) {
        textBytes = 0
        partials = []
        unknown = []
        let block = compileBlock(tokens)
        return (block, unknown)
    }

    /// The program, once every template is compiled; `bodies`: each
    /// template's block, by template index.
    mutating func finish(bodies: [Int32]) -> Program {
        for (instruction, template) in partialFixups { code[instruction].a = bodies[template] }
        return Program(code: code, blocks: blocks, text: text, paths: paths, keys: keys, transforms: transforms,
                       inclusions: inclusions, overrides: overrides, expansions: expansions, keyTable: KeyTable(names))
    }

    private mutating func key(_ name: Substring) -> Int {
        let name = String(name)
        if let id = keyIDs[name] { return id }
        keyIDs[name] = names.count
        names.append(name)
        return names.count - 1
    }

    private mutating func path(_ tag: TagName) -> Int32 {
        let transformStart = Int32(transforms.count)
        transforms += tag.transforms.compactMap(Transform.init(rawValue:))
        let keyStart = Int32(keys.count)
        let start: PathInfo.Start
        if tag.name == "." {
            start = .current
        } else if tag.name.isEmpty, !tag.transforms.isEmpty {
            start = .position
        } else {
            keys += tag.name.split(separator: ".").map { key($0) }
            start = tag.name.first == "." ? .top : .stack
        }
        paths.append(PathInfo(start: start, keyStart: keyStart, keyEnd: Int32(keys.count),
                              transformStart: transformStart, transformEnd: Int32(transforms.count)))
        return Int32(paths.count - 1)
    }

    private mutating func blockName(_ name: String) -> Int32 {
        if let id = blockNames[name] { return id }
        blockNames[name] = Int32(blockNames.count)
        return Int32(blockNames.count - 1)
    }

    private mutating func textRange(_ s: String) -> (Int32, Int32) {
        let start = Int32(text.count)
        text += s.utf8
        return (start, Int32(text.count))
    }

    /// Compiles nested blocks first, then this block's instructions in one run.
    private mutating func compileBlock(_ tokens: [Token]) -> Int32 {
        var own: [Instruction] = []
        var fixups: [(Int, Int)] = []
        var pending: [UInt8] = []
        func flush(_ own: inout [Instruction], _ text: inout [UInt8]) {
            guard !pending.isEmpty else { return }
            let start = Int32(text.count)
            text += pending
            own.append(Instruction(op: .text, a: start, b: Int32(text.count)))
            pending = []
        }
        for token in tokens {
            if case .text(let s) = token {
                pending += s.utf8
                textBytes += s.utf8.count
                continue
            }
            flush(&own, &text)
            switch token {
            case .text, .blockDefinition:
                // Text is joined above; overrides are collected by the parser.
                break
            case .variable(let name, let escaped):
                own.append(Instruction(op: .variable, flag: escaped, a: path(name)))
            case .section(let name, let body, let inverted):
                let p = path(name)
                own.append(Instruction(op: inverted ? .invertedSection : .section, a: p, b: compileBlock(body)))
            case .blockExpansion(let name, let body, let indentation):
                let id = blockName(name), b = compileBlock(body)
                let (start, end) = textRange(indentation)
                expansions.append(Expansion(name: id, body: b, indentStart: start, indentEnd: end))
                own.append(Instruction(op: .block, a: Int32(expansions.count - 1)))
            case .partial(let name, let dynamic, let indentation, let blocks, let offset):
                var inclusion = Inclusion(indentStart: -1, indentEnd: -1, overrideStart: -1, overrideEnd: -1)
                if let indentation { (inclusion.indentStart, inclusion.indentEnd) = textRange(indentation) }
                if let blocks {
                    let compiled = blocks.sorted { $0.key < $1.key }.map { Override(name: blockName($0.key), body: compileBlock($0.value)) }
                    inclusion.overrideStart = Int32(overrides.count)
                    overrides += compiled
                    inclusion.overrideEnd = Int32(overrides.count)
                }
                let b: Int32
                if inclusion.indentStart < 0 && inclusion.overrideStart < 0 {
                    b = -1
                } else {
                    inclusions.append(inclusion)
                    b = Int32(inclusions.count - 1)
                }
                if dynamic {
                    own.append(Instruction(op: .dynamicPartial, a: path(TagName(name: name, transforms: [])), b: b))
                } else if let index = templateIndex[name] {
                    partials.append(index)
                    fixups.append((own.count, index))
                    own.append(Instruction(op: .partial, a: -1, b: b))
                } else {
                    unknown.append((name, offset))
                }
            case .contentType(let escapes):
                own.append(Instruction(op: .contentType, flag: escapes))
            }
        }
        flush(&own, &text)
        let start = Int32(code.count)
        for (i, template) in fixups { partialFixups.append((code.count + i, template)) }
        code += own
        blocks.append((start, Int32(code.count)))
        return Int32(blocks.count - 1)
    }
}
