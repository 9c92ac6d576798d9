import Foundation

enum TemplateRenderError: Error {
    /// Partials including each other without end (or absurd nesting).
    case tooDeep
    /// `{{>*name}}` named a template that does not exist.
    case unknownPartial(String)
}

/// Runs a compiled program into one byte buffer. The context stack is one
/// array pushed and popped (swift-mustache copied a context per section).
/// What is rendered follows swift-mustache 2.1.1 (see `TemplateParser` for
/// the text side): a `nil` optional is "not here" and the lookup goes on up
/// the stack; an empty string and 0 are true in a section; `true` renders a
/// section without a new context; an empty list renders an inverted section
/// with the list as its context; a partial or parent starts with HTML
/// escaping, a block keeps its parent's; an indented standalone partial
/// indents each line that an instruction of it starts (not lines inside a
/// value, nor the second item of a list).
struct TemplateRenderer {
    static let maxDepth = 200

    /// Where in a list the current item is (`{{#first()}}`, `{{index()}}`).
    struct Position {
        var first: Bool
        var last: Bool
        var index: Int
    }

    /// A context: an object, a list's item (not boxed into a value: the
    /// list answers for it), or another value. Frames are plain numbers
    /// into the three arrays below, so that looking at one copies nothing;
    /// methods are then called on those arrays' elements in place.
    private struct Frame {
        enum Kind { case object, item, other }
        var kind: Kind
        var index: Int
        var item = 0
    }

    let library: TemplateLibrary
    private let program: Program
    var out: TemplateOutput
    private var stack: [Frame] = []
    private var objects: [any TemplateObject] = []
    private var lists: [any TemplateList] = []
    private var others: [TemplateValue] = []
    private var position: Position?
    private var inherited: [Override] = []
    private var indentation: [UInt8] = []
    private var escapes = true
    private var depth = 0

    init(library: TemplateLibrary, root: TemplateValue, capacity: Int) {
        self.library = library
        program = library.program
        out = TemplateOutput(capacity: capacity)
        stack.reserveCapacity(16)
        objects.reserveCapacity(8)
        lists.reserveCapacity(8)
        pushFrame(root)
    }

    mutating func render(_ block: Int32) throws(TemplateRenderError) {
        depth += 1
        guard depth <= Self.maxDepth else { throw .tooDeep }
        // A pragma holds for the rest of this block and what it contains.
        let escapes = self.escapes
        let range = program.blocks[Int(block)]
        if indentation.isEmpty {
            var pc = Int(range.start)
            let end = Int(range.end)
            while pc < end {
                try run(program.code[pc])
                pc += 1
            }
        } else {
            try renderIndented(Int(range.start)..<Int(range.end))
        }
        self.escapes = escapes
        depth -= 1
    }

    /// Indentation goes before an instruction's output when the block's
    /// output so far ends a line ("\n", not "\r\n": swift-mustache compared
    /// the last grapheme), and before each further line of a text.
    private mutating func renderIndented(_ range: Range<Int>) throws(TemplateRenderError) {
        let start = out.bytes.count
        func atLineStart(_ out: [UInt8]) -> Bool {
            let n = out.count
            return n > start && out[n - 1] == 10 && !(n - 2 >= start && out[n - 2] == 13)
        }
        for pc in range {
            let instruction = program.code[pc]
            if instruction.op == .text {
                var i = Int(instruction.a)
                let end = Int(instruction.b)
                while i < end {
                    if atLineStart(out.bytes) { out.bytes.append(contentsOf: indentation) }
                    var j = i
                    while j < end, program.text[j] != 10 { j += 1 }
                    if j < end { j += 1 }
                    out.append(UnsafeBufferPointer(rebasing: program.text[i..<j]))
                    i = j
                }
                continue
            }
            let indent = atLineStart(out.bytes)
            if indent { out.bytes.append(contentsOf: indentation) }
            let mark = out.bytes.count
            try run(instruction)
            if indent, out.bytes.count == mark { out.bytes.removeLast(indentation.count) }
        }
    }

    private mutating func run(_ instruction: Instruction) throws(TemplateRenderError) {
        switch instruction.op {
        case .text:
            out.append(UnsafeBufferPointer(rebasing: program.text[Int(instruction.a)..<Int(instruction.b)]))

        case .variable:
            out.escapes = instruction.flag && escapes
            let path = program.paths[Int(instruction.a)]
            if path.start == .stack, path.keyEnd == path.keyStart + 1, path.transformEnd == path.transformStart {
                // `{{name}}`: the first context that has it writes it.
                let key = program.keys[Int(path.keyStart)]
                var i = stack.count - 1
                while i >= 0 {
                    let frame = stack[i]
                    switch frame.kind {
                    case .object: if objects[frame.index].write(key, to: &out) { return }
                    case .item: if lists[frame.index].write(at: frame.item, key, to: &out) { return }
                    case .other: break
                    }
                    i -= 1
                }
                return
            }
            if let value = lookup(instruction.a) { out.write(value) }

        case .section:
            guard let value = lookup(instruction.a) else { return }
            switch value {
            case .list(let list):
                let count = list.count
                guard count > 0 else { return }
                let saved = position
                lists.append(list)
                let frame = stack.count
                stack.append(Frame(kind: .item, index: lists.count - 1))
                for i in 0..<count {
                    stack[frame].item = i
                    position = Position(first: i == 0, last: i == count - 1, index: i)
                    try render(instruction.b)
                }
                stack.removeLast()
                lists.removeLast()
                position = saved
            case .bool(let b):
                if b { try render(instruction.b) }
            case .null:
                break
            case .string, .int, .object:
                try push(value, instruction.b)
            }

        case .invertedSection:
            guard let value = lookup(instruction.a) else { return try render(instruction.b) }
            switch value {
            case .list(let list):
                if list.count == 0 { try push(value, instruction.b) }
            case .bool(let b):
                if !b { try render(instruction.b) }
            case .null:
                try render(instruction.b)
            case .string, .int, .object:
                break
            }

        case .partial:
            try include(instruction.a, instruction.b)

        case .dynamicPartial:
            guard case .string(let name)? = lookup(instruction.a) else { return }
            guard let index = library.index[name] else { throw .unknownPartial(name) }
            try include(library.templates[index].block, instruction.b)

        case .block:
            let expansion = program.expansions[Int(instruction.a)]
            var body = expansion.body
            for o in inherited where o.name == expansion.name {
                body = o.body
                break
            }
            let (savedIndentation, savedPosition) = (indentation, position)
            indentation += UnsafeBufferPointer(rebasing: program.text[Int(expansion.indentStart)..<Int(expansion.indentEnd)])
            position = nil
            try render(body)
            (indentation, position) = (savedIndentation, savedPosition)

        case .contentType:
            escapes = instruction.flag
        }
    }

    private mutating func push(_ value: TemplateValue, _ body: Int32) throws(TemplateRenderError) {
        let saved = position
        pushFrame(value)
        position = nil
        try render(body)
        popFrame()
        position = saved
    }

    private mutating func pushFrame(_ value: TemplateValue) {
        if case .object(let object) = value {
            objects.append(object)
            stack.append(Frame(kind: .object, index: objects.count - 1))
        } else {
            others.append(value)
            stack.append(Frame(kind: .other, index: others.count - 1))
        }
    }

    private mutating func popFrame() {
        switch stack.removeLast().kind {
        case .object: objects.removeLast()
        case .other: others.removeLast()
        case .item: lists.removeLast()
        }
    }

    /// The value of frame `i`.
    private func value(_ i: Int) -> TemplateValue {
        let frame = stack[i]
        switch frame.kind {
        case .object: return .object(objects[frame.index])
        case .item: return lists[frame.index].element(at: frame.item)
        case .other: return others[frame.index]
        }
    }

    /// `keys[0]` in frame `i` (nil: not here), then the rest inside it.
    private func lookup(_ keys: UnsafeBufferPointer<TemplateKey>, in i: Int) -> TemplateValue?? {
        let frame = stack[i]
        switch frame.kind {
        case .object:
            if keys.count == 1 { return objects[frame.index].value(for: keys[0]).map { $0 } }
            return objects[frame.index].value(for: keys[0], then: TemplatePath(keys: UnsafeBufferPointer(rebasing: keys.dropFirst())))
        case .item:
            guard let child = lists[frame.index].child(at: frame.item, for: keys[0]) else { return nil }
            if keys.count == 1 { return .some(child) }
            return .some(TemplatePath(keys: UnsafeBufferPointer(rebasing: keys.dropFirst())).lookup(in: child))
        case .other:
            return nil
        }
    }

    /// A partial or a parent (`block`: its body): HTML escaping again, its
    /// indentation added, and overrides that the caller's own caller did not
    /// already set.
    private mutating func include(_ block: Int32, _ inclusion: Int32) throws(TemplateRenderError) {
        guard inclusion >= 0 else {
            let saved = (escapes, position)
            escapes = true
            position = nil
            try render(block)
            (escapes, position) = saved
            return
        }
        let how = program.inclusions[Int(inclusion)]
        let saved = (indentation, inherited, escapes, position)
        if how.indentStart >= 0 {
            indentation += UnsafeBufferPointer(rebasing: program.text[Int(how.indentStart)..<Int(how.indentEnd)])
        }
        if how.overrideStart >= 0 {
            for o in program.overrides[Int(how.overrideStart)..<Int(how.overrideEnd)]
            where !inherited.contains(where: { $0.name == o.name }) {
                inherited.append(o)
            }
        }
        escapes = true
        position = nil
        try render(block)
        (indentation, inherited, escapes, position) = saved
    }

    // MARK: Values

    private func lookup(_ index: Int32) -> TemplateValue? {
        let path = program.paths[Int(index)]
        let keys = UnsafeBufferPointer(rebasing: program.keys[Int(path.keyStart)..<Int(path.keyEnd)])
        var found: TemplateValue?
        switch path.start {
        case .current:
            found = value(stack.count - 1)
        case .position:
            guard let position, path.transformEnd > path.transformStart else { return nil }
            let value: TemplateValue
            switch program.transforms[Int(path.transformEnd) - 1] {
            case .first: value = .bool(position.first)
            case .last: value = .bool(position.last)
            case .index: value = .int(position.index)
            case .even: value = .bool(position.index & 1 == 0)
            case .odd: value = .bool(position.index & 1 == 1)
            default: return nil
            }
            return apply(Int(path.transformStart)..<Int(path.transformEnd) - 1, to: value)
        case .top:
            found = keys.isEmpty ? value(stack.count - 1) : lookup(keys, in: stack.count - 1) ?? nil
        case .stack:
            if keys.isEmpty {
                found = value(stack.count - 1)
                break
            }
            var i = stack.count - 1
            while i >= 0 {
                if let result = lookup(keys, in: i) {
                    found = result
                    break
                }
                i -= 1
            }
        }
        guard let value = found else { return nil }
        if case .null = value { return nil }
        return path.transformEnd == path.transformStart ? value : apply(Int(path.transformStart)..<Int(path.transformEnd), to: value)
    }

    private func apply(_ range: Range<Int>, to value: TemplateValue) -> TemplateValue? {
        var value = value
        for i in range.reversed() {
            guard let next = Self.apply(program.transforms[i], to: value) else { return nil }
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
}
