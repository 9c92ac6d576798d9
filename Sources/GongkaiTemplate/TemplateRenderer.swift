import Foundation

enum TemplateRenderError: Error {
    /// Partials including each other without end (or absurd nesting).
    case tooDeep
    /// `{{>*name}}` named a template that does not exist.
    case unknownPartial(String)
}

/// Renders compiled nodes into one byte buffer. The context stack is one
/// array pushed and popped (swift-mustache copied a context per section).
/// What is rendered follows swift-mustache 2.1.1 (see `TemplateParser` for
/// the text side): a `nil` optional is "not here" and the lookup goes on up
/// the stack; an empty string and 0 are true in a section; `true` renders a
/// section without a new context; an empty list renders an inverted section
/// with the list as its context; a partial or parent starts with HTML
/// escaping, a block keeps its parent's; an indented standalone partial
/// indents each line that a node of it starts (not lines inside a value,
/// nor the second item of a list).
struct TemplateRenderer {
    static let maxDepth = 200

    /// Where in a list the current item is (`{{#first()}}`, `{{index()}}`).
    struct Position {
        var first: Bool
        var last: Bool
        var index: Int
    }

    let library: TemplateLibrary
    var out: [UInt8]
    private var stack: [TemplateValue]
    private var position: Position?
    private var inherited: [(id: Int, block: Block)] = []
    private var indentation: [UInt8] = []
    private var escapes = true
    private var depth = 0

    init(library: TemplateLibrary, root: TemplateValue, capacity: Int) {
        self.library = library
        out = []
        out.reserveCapacity(capacity)
        stack = [root]
        stack.reserveCapacity(16)
    }

    mutating func render(_ block: Block) throws(TemplateRenderError) {
        depth += 1
        guard depth <= Self.maxDepth else { throw .tooDeep }
        // A pragma holds for the rest of this block and what it contains.
        let escapes = self.escapes
        if indentation.isEmpty {
            for node in block.nodes { try render(node) }
        } else {
            try renderIndented(block)
        }
        self.escapes = escapes
        depth -= 1
    }

    /// Indentation goes before a node's output when the block's output so
    /// far ends a line ("\n", not "\r\n": swift-mustache compared the last
    /// grapheme), and before each further line of a text node.
    private mutating func renderIndented(_ block: Block) throws(TemplateRenderError) {
        let start = out.count
        func atLineStart(_ out: [UInt8]) -> Bool {
            let n = out.count
            return n > start && out[n - 1] == 10 && !(n - 2 >= start && out[n - 2] == 13)
        }
        for node in block.nodes {
            if case .text(let bytes) = node {
                var i = 0
                while i < bytes.count {
                    if atLineStart(out) { out.append(contentsOf: indentation) }
                    var j = i
                    while j < bytes.count, bytes[j] != 10 { j += 1 }
                    if j < bytes.count { j += 1 }
                    out.append(contentsOf: bytes[i..<j])
                    i = j
                }
                continue
            }
            let indent = atLineStart(out)
            if indent { out.append(contentsOf: indentation) }
            let mark = out.count
            try render(node)
            if indent, out.count == mark { out.removeLast(indentation.count) }
        }
    }

    private mutating func render(_ node: Node) throws(TemplateRenderError) {
        switch node {
        case .text(let bytes):
            out.append(contentsOf: bytes)

        case .variable(let path, let escaped):
            guard let value = lookup(path) else { return }
            switch value {
            case .string(let s):
                if escaped && escapes { appendEscaped(s) } else { append(s) }
            case .int(let i):
                append(String(i))
            case .bool(let b):
                append(b ? "true" : "false")
            case .list, .object, .null:
                // swift-mustache printed Swift's description of the value
                // (type names, brackets): nothing a page should show.
                break
            }

        case .section(let path, let body):
            guard let value = lookup(path) else { return }
            switch value {
            case .list(let list):
                let count = list.count
                guard count > 0 else { return }
                let saved = position
                for i in 0..<count {
                    stack.append(list.element(at: i))
                    position = Position(first: i == 0, last: i == count - 1, index: i)
                    try render(body)
                    stack.removeLast()
                }
                position = saved
            case .bool(let b):
                if b { try render(body) }
            case .null:
                break
            case .string, .int, .object:
                try push(value, body)
            }

        case .invertedSection(let path, let body):
            guard let value = lookup(path) else { return try render(body) }
            switch value {
            case .list(let list):
                if list.count == 0 { try push(value, body) }
            case .bool(let b):
                if !b { try render(body) }
            case .null:
                try render(body)
            case .string, .int, .object:
                break
            }

        case .partial(let index, let indentation, let overrides):
            try include(library.templates[index], indentation, overrides)

        case .dynamicPartial(let path, let indentation, let overrides):
            guard case .string(let name)? = lookup(path) else { return }
            guard let index = library.index[name] else { throw .unknownPartial(name) }
            try include(library.templates[index], indentation, overrides)

        case .block(let id, let defaultBody, let indentation):
            var body = defaultBody
            for o in inherited where o.id == id {
                body = o.block
                break
            }
            let (savedIndentation, savedPosition) = (self.indentation, position)
            self.indentation += indentation
            position = nil
            try render(body)
            (self.indentation, position) = (savedIndentation, savedPosition)

        case .contentType(let escapes):
            self.escapes = escapes
        }
    }

    private mutating func push(_ value: TemplateValue, _ body: Block) throws(TemplateRenderError) {
        let saved = position
        stack.append(value)
        position = nil
        try render(body)
        stack.removeLast()
        position = saved
    }

    /// A partial or a parent: HTML escaping again, its indentation added,
    /// and overrides that the caller's own caller did not already set.
    private mutating func include(_ template: CompiledTemplate, _ indentation: [UInt8]?,
                                  _ overrides: Overrides?) throws(TemplateRenderError) {
        let saved = (self.indentation, inherited, escapes, position)
        if let indentation { self.indentation += indentation }
        if let overrides {
            for o in overrides.blocks where !inherited.contains(where: { $0.id == o.id }) { inherited.append(o) }
        }
        escapes = true
        position = nil
        try render(template.block)
        (self.indentation, inherited, escapes, position) = saved
    }

    // MARK: Values

    private func lookup(_ path: Path) -> TemplateValue? {
        var found: TemplateValue?
        switch path.start {
        case .current:
            found = stack[stack.count - 1]
        case .position:
            guard let position, let first = path.transforms.last else { return nil }
            let value: TemplateValue
            switch first {
            case .first: value = .bool(position.first)
            case .last: value = .bool(position.last)
            case .index: value = .int(position.index)
            case .even: value = .bool(position.index & 1 == 0)
            case .odd: value = .bool(position.index & 1 == 1)
            default: return nil
            }
            return Self.apply(path.transforms.dropLast(), to: value)
        case .top:
            found = Self.descend(path.keys[...], from: stack[stack.count - 1])
        case .stack:
            guard let key = path.keys.first else {
                found = stack[stack.count - 1]
                break
            }
            var i = stack.count - 1
            while i >= 0 {
                if case .object(let object) = stack[i], let child = object.value(for: key) {
                    found = path.keys.count == 1 ? child : Self.descend(path.keys.dropFirst(), from: child)
                    break
                }
                i -= 1
            }
        }
        guard let value = found else { return nil }
        if case .null = value { return nil }
        return path.transforms.isEmpty ? value : Self.apply(path.transforms[...], to: value)
    }

    /// `b.c` inside `a`'s value: no search up the stack after the first name.
    private static func descend(_ keys: ArraySlice<TemplateKey>, from value: TemplateValue) -> TemplateValue? {
        var value = value
        for key in keys {
            guard case .object(let object) = value, let child = object.value(for: key) else { return nil }
            value = child
        }
        return value
    }

    private static func apply(_ transforms: ArraySlice<Transform>, to value: TemplateValue) -> TemplateValue? {
        var value = value
        for transform in transforms.reversed() {
            guard let next = apply(transform, to: value) else { return nil }
            value = next
        }
        return value
    }

    private static func apply(_ transform: Transform, to value: TemplateValue) -> TemplateValue? {
        switch value {
        case .string(let s):
            switch transform {
            case .empty: return .bool(s.isEmpty)
            case .capitalized: return .string(s.capitalized)
            case .lowercased: return .string(s.lowercased())
            case .uppercased: return .string(s.uppercased())
            case .reversed: return .string(String(s.reversed()))
            default: return nil
            }
        case .int(let i):
            switch transform {
            case .equalzero: return .bool(i == 0)
            case .plusone: return .int(i &+ 1)
            case .minusone: return .int(i &- 1)
            case .even: return .bool(i & 1 == 0)
            case .odd: return .bool(i & 1 == 1)
            default: return nil
            }
        case .list(let list):
            switch transform {
            case .first: return list.count > 0 ? list.element(at: 0) : nil
            case .last: return list.count > 0 ? list.element(at: list.count - 1) : nil
            case .reversed: return .list(ReversedList(base: list))
            case .count: return .int(list.count)
            case .empty: return .bool(list.count == 0)
            case .sorted: return sorted(list)
            default: return nil
            }
        case .bool, .object, .null:
            return nil
        }
    }

    /// Lists of strings or of numbers sort; others do not (swift-mustache
    /// sorted only lists of `Comparable` elements).
    private static func sorted(_ list: any TemplateList) -> TemplateValue? {
        let values = (0..<list.count).map { list.element(at: $0) }
        let strings = values.compactMap { if case .string(let s) = $0 { s } else { nil } }
        if strings.count == values.count { return .list(strings.sorted().map(TemplateValue.string)) }
        let ints = values.compactMap { if case .int(let i) = $0 { i } else { nil } }
        if ints.count == values.count { return .list(ints.sorted().map(TemplateValue.int)) }
        return nil
    }

    // MARK: Output

    private mutating func append(_ s: String) {
        var s = s
        s.withUTF8 { out.append(contentsOf: $0) }
    }

    /// `& < > " '` on UTF-8 bytes (only ASCII bytes change, so the output
    /// stays valid UTF-8); runs without them are copied whole.
    private mutating func appendEscaped(_ s: String) {
        var s = s
        s.withUTF8 { bytes in
            var run = 0
            for i in 0..<bytes.count {
                let b = bytes[i]
                guard b < 64, Self.special & (1 << UInt64(b)) != 0 else { continue }
                if run < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i])) }
                switch b {
                case 38: out.append(contentsOf: [38, 97, 109, 112, 59])          // &amp;
                case 60: out.append(contentsOf: [38, 108, 116, 59])              // &lt;
                case 62: out.append(contentsOf: [38, 103, 116, 59])              // &gt;
                case 34: out.append(contentsOf: [38, 113, 117, 111, 116, 59])    // &quot;
                default: out.append(contentsOf: [38, 35, 51, 57, 59])            // &#39;
                }
                run = i + 1
            }
            if run < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...])) }
        }
    }

    /// `"` 34, `&` 38, `'` 39, `<` 60, `>` 62.
    private static let special: UInt64 = 1 << 34 | 1 << 38 | 1 << 39 | 1 << 60 | 1 << 62
}
