/// Tokens → nodes: each name becomes a `TemplateKey` once, here, instead of a
/// string looked up at every tag; partials and parents become indices.
struct TemplateCompiler {
    private var keyIDs: [String: Int] = [:]
    private var nextKey: Int
    private var blockIDs: [String: Int] = [:]
    private let templateIndex: [String: Int]

    /// Of the template compiled last: bytes of text, partials it names
    /// directly, and names of templates that do not exist (with offsets).
    private(set) var textBytes = 0
    private(set) var partials: [Int] = []
    private var unknown: [(String, Int)] = []

    init(keys: [String], names: [String]) {
        for (i, key) in keys.enumerated() where keyIDs[key] == nil { keyIDs[key] = i }
        nextKey = keys.count
        templateIndex = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    }

    mutating func compile(_ tokens: [Token]) -> (Block, unknown: [(String, Int)]) {
        textBytes = 0
        partials = []
        unknown = []
        let block = compileBlock(tokens)
        return (block, unknown)
    }

    private mutating func key(_ name: Substring) -> TemplateKey {
        let name = String(name)
        if let id = keyIDs[name] { return TemplateKey(id: id, name: name) }
        keyIDs[name] = nextKey
        nextKey += 1
        return TemplateKey(id: nextKey - 1, name: name)
    }

    private mutating func path(_ tag: TagName) -> Path {
        let transforms = tag.transforms.compactMap(Transform.init(rawValue:))
        let name = tag.name
        if name == "." { return Path(start: .current, keys: [], transforms: transforms) }
        if name.isEmpty, !transforms.isEmpty { return Path(start: .position, keys: [], transforms: transforms) }
        let keys = name.split(separator: ".").map { key($0) }
        return Path(start: name.first == "." ? .top : .stack, keys: keys, transforms: transforms)
    }

    private mutating func blockID(_ name: String) -> Int {
        if let id = blockIDs[name] { return id }
        blockIDs[name] = blockIDs.count
        return blockIDs.count - 1
    }

    private mutating func compileBlock(_ tokens: [Token]) -> Block {
        var nodes: [Node] = []
        var text: [UInt8] = []
        func flush() {
            guard !text.isEmpty else { return }
            nodes.append(.text(text))
            text = []
        }
        for token in tokens {
            switch token {
            case .text(let s):
                text += s.utf8
                textBytes += s.utf8.count
                continue
            default:
                flush()
            }
            switch token {
            case .text:
                break
            case .variable(let name, let escaped):
                nodes.append(.variable(path(name), escaped: escaped))
            case .section(let name, let body, let inverted):
                let p = path(name)
                let b = compileBlock(body)
                nodes.append(inverted ? .invertedSection(p, b) : .section(p, b))
            case .blockDefinition:
                // Only inside a parent tag, where the parser collects them.
                break
            case .blockExpansion(let name, let body, let indentation):
                nodes.append(.block(blockID(name), compileBlock(body), indentation: Array(indentation.utf8)))
            case .partial(let name, let dynamic, let indentation, let overrides, let offset):
                var compiled: Overrides?
                if let overrides {
                    compiled = Overrides(blocks: overrides.sorted { $0.key < $1.key }.map { (blockID($0.key), compileBlock($0.value)) })
                }
                let indent = indentation.map { Array($0.utf8) }
                if dynamic {
                    nodes.append(.dynamicPartial(path(TagName(name: name, transforms: [])), indentation: indent, overrides: compiled))
                } else if let index = templateIndex[name] {
                    partials.append(index)
                    nodes.append(.partial(index, indentation: indent, overrides: compiled))
                } else {
                    unknown.append((name, offset))
                }
            case .contentType(let escapes):
                nodes.append(.contentType(escapes: escapes))
            }
        }
        flush()
        return Block(nodes)
    }
}
