/// Templates after compiling: names resolved to keys, partials and parents to
/// template indices, adjacent text joined into UTF-8 bytes.

/// A run of nodes: a template, a section's body, a block.
final class Block: Sendable {
    let nodes: [Node]
    init(_ nodes: [Node]) { self.nodes = nodes }
}

enum Node: Sendable {
    case text([UInt8])
    case variable(Path, escaped: Bool)
    case section(Path, Block)
    case invertedSection(Path, Block)
    /// `{{>name}}` and `{{<name}}`: the template at `index` in the library.
    case partial(Int, indentation: [UInt8]?, overrides: Overrides?)
    /// `{{>*name}}`: the template named by a value, found when rendering.
    case dynamicPartial(Path, indentation: [UInt8]?, overrides: Overrides?)
    /// `{{$name}}`: `id` is the block's name in the library's block table.
    case block(Int, Block, indentation: [UInt8])
    case contentType(escapes: Bool)
}

/// A child's `{{$block}}` overrides, by block id.
struct Overrides: Sendable {
    var blocks: [(id: Int, block: Block)]
}

/// How a tag finds its value.
struct Path: Sendable {
    enum Start: Sendable {
        /// `{{.}}`: the current context.
        case current
        /// `{{name}}`, `{{a.b}}`: the first name up the context stack, the rest inside it.
        case stack
        /// `{{.a}}`: only in the current context (swift-mustache).
        case top
        /// `{{first()}}`: the position in the list being iterated (swift-mustache).
        case position
    }
    var start: Start
    var keys: [TemplateKey]
    /// Applied last to first, as written: `a(b(name))` applies b, then a.
    var transforms: [Transform]
}

/// swift-mustache's transforms (`{{lowercased(name)}}`, `{{#first()}}`).
enum Transform: String, Sendable {
    case empty, capitalized, lowercased, uppercased, reversed
    case equalzero, plusone, minusone, even, odd
    case first, last, count, sorted, index
}

final class CompiledTemplate: Sendable {
    let name: String
    /// The file to name in problems.
    let file: String
    let block: Block
    /// Bytes of text in the template and everything it includes, counted
    /// once: the first guess at a page's size.
    let sizeHint: Int

    init(name: String, file: String, block: Block, sizeHint: Int) {
        self.name = name
        self.file = file
        self.block = block
        self.sizeHint = sizeHint
    }
}
