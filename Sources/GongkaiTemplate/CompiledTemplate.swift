/// Templates after compiling: a flat program of plain instructions (no
/// reference-counted parts, so running one copies a few integers), with
/// names resolved to keys, partials and parents to block numbers, and
/// adjacent text joined into one run of UTF-8 bytes.

struct Instruction {
    enum Op: UInt8 {
        /// `text[a..<b]`.
        case text
        /// Path `a`; `flag`: HTML-escaped (`{{x}}`, not `{{{x}}}`).
        case variable
        /// Path `a`, body block `b`.
        case section, invertedSection
        /// The block `a` (a template's body); inclusion `b` (indentation and
        /// overrides; -1: none).
        case partial
        /// The template named by path `a`; inclusion `b`.
        case dynamicPartial
        /// `{{$name}}`: expansion `a`.
        case block
        /// `flag`: whether variables are escaped from here on.
        case contentType
    }
    var op: Op
    var flag = false
    var a: Int32 = 0
    var b: Int32 = 0
}

/// How a tag finds its value: `keys[keyStart..<keyEnd]`,
/// `transforms[transformStart..<transformEnd]` (applied last to first).
struct PathInfo {
    enum Start: UInt8 {
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
    var keyStart: Int32
    var keyEnd: Int32
    var transformStart: Int32
    var transformEnd: Int32
}

/// `{{>name}}` or `{{<name}}`: text `indentStart..<indentEnd` (nil indentation
/// when `indentStart` < 0), overrides `overrides[overrideStart..<overrideEnd]`
/// (none when `overrideStart` < 0).
struct Inclusion {
    var indentStart: Int32
    var indentEnd: Int32
    var overrideStart: Int32
    var overrideEnd: Int32
}

/// A child's `{{$name}}…{{/name}}`: block name `name`, body block `body`.
struct Override {
    var name: Int32
    var body: Int32
}

/// `{{$name}}` in a template: block name `name`, its default body block
/// `body`, its indentation `text[indentStart..<indentEnd]`.
struct Expansion {
    var name: Int32
    var body: Int32
    var indentStart: Int32
    var indentEnd: Int32
}

/// swift-mustache's transforms (`{{lowercased(name)}}`, `{{#first()}}`).
enum Transform: String {
    case empty, capitalized, lowercased, uppercased, reversed
    case equalzero, plusone, minusone, even, odd
    case first, last, count, sorted, index
}

/// One template of a library.
struct CompiledTemplate: Sendable {
    let name: String
    /// The file to name in problems.
    let file: String
    /// Its body in `Program.blocks`.
    let block: Int32
    /// Bytes of text in the template and everything it includes, counted
    /// once: the first guess at a page's size.
    var sizeHint: Int
}

/// Everything compiled, in buffers of its own that live as long as it.
final class Program: @unchecked Sendable {
    let code: UnsafeMutableBufferPointer<Instruction>
    /// Instruction ranges.
    let blocks: UnsafeMutableBufferPointer<(start: Int32, end: Int32)>
    let text: UnsafeMutableBufferPointer<UInt8>
    let paths: UnsafeMutableBufferPointer<PathInfo>
    let keys: UnsafeMutableBufferPointer<TemplateKey>
    let transforms: UnsafeMutableBufferPointer<Transform>
    let inclusions: UnsafeMutableBufferPointer<Inclusion>
    let overrides: UnsafeMutableBufferPointer<Override>
    let expansions: UnsafeMutableBufferPointer<Expansion>
    let keyTable: KeyTable

    init(code: [Instruction], blocks: [(start: Int32, end: Int32)], text: [UInt8], paths: [PathInfo], keys: [Int],
         transforms: [Transform], inclusions: [Inclusion], overrides: [Override], expansions: [Expansion], keyTable: KeyTable) {
        func copy<T>(_ a: [T]) -> UnsafeMutableBufferPointer<T> {
            let p = UnsafeMutableBufferPointer<T>.allocate(capacity: max(a.count, 1))
            _ = p.initialize(from: a)
            return UnsafeMutableBufferPointer(rebasing: p[..<a.count])
        }
        self.code = copy(code)
        self.blocks = copy(blocks)
        self.text = copy(text)
        self.paths = copy(paths)
        self.keys = copy(keys.map { TemplateKey(id: $0, table: keyTable) })
        self.transforms = copy(transforms)
        self.inclusions = copy(inclusions)
        self.overrides = copy(overrides)
        self.expansions = copy(expansions)
        self.keyTable = keyTable
    }

    deinit {
        // Every element type is a plain value: nothing to deinitialize.
        code.deallocate()
        blocks.deallocate()
        text.deallocate()
        paths.deallocate()
        keys.deallocate()
        transforms.deallocate()
        inclusions.deallocate()
        overrides.deallocate()
        expansions.deallocate()
    }
}
