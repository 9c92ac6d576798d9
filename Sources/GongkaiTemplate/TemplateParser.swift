/// A tag's name as written: `a.b.c`, `.`, or with swift-mustache's
/// transforms, `lowercased(name)` (name `name`, transforms `["lowercased"]`).
struct TagName: Equatable {
    var name: String
    var transforms: [String]
}

/// A parsed template, before names are resolved (`TemplateCompiler`).
enum Token {
    case text(String)
    case variable(TagName, escaped: Bool)
    case section(TagName, [Token], inverted: Bool)
    /// `{{$name}}…{{/name}}` directly inside `{{<parent}}`: an override.
    case blockDefinition(String, [Token])
    /// `{{$name}}…{{/name}}` anywhere else: a block a child may override.
    case blockExpansion(String, [Token], indentation: String)
    /// `{{>name}}` (overrides nil) or `{{<name}}…{{/name}}`; `at`: where the
    /// tag starts (a character offset), for an unknown name.
    case partial(String, dynamic: Bool, indentation: String?, overrides: [String: [Token]]?, at: Int)
    /// `{{% CONTENT_TYPE: … }}`: whether variables are HTML-escaped from here on.
    case contentType(escapes: Bool)
}

/// A syntax error: what, and where (a character offset in the template).
struct TemplateSyntaxError: Error {
    enum Kind: Equatable {
        case closeWithoutOpen(String)
        case closeMismatch(found: String, open: String, openLine: Int)
        case unclosedSection(String, name: String)
        case unfinishedTag
        case badName(String)
        case unknownTransform(String)
        case transformOnBlock
        case tokenInsideParent
        case badDelimiters
        case badPragma
        case unknownContentType(String)
        case unclosedComment
        case tooDeep
    }
    var kind: Kind
    var offset: Int
}

/// Mustache text → tokens, as swift-mustache 2.1.1 parses it (the same
/// standalone-line and indentation rules, on grapheme clusters like it), so
/// that a site's own templates give the same bytes as before. Differences,
/// all for text swift-mustache silently mangled: an unclosed tag at the end
/// of the file or `{{` before a line break is an error here (it dropped the
/// `{{`); a lone `{` at the very end is text (it failed); an unknown
/// transform is an error (it rendered nothing); nesting deeper than
/// `maxDepth` is an error (it recursed until the stack overflowed).
struct TemplateParser {
    /// Sections, blocks and parents inside each other. Real templates nest a
    /// handful; the bound keeps the recursive parser and renderer far from
    /// the end of a thread's stack.
    static let maxDepth = 100

    static let transforms: Set<String> = ["empty", "capitalized", "lowercased", "uppercased", "reversed",
                                          "equalzero", "plusone", "minusone", "even", "odd",
                                          "first", "last", "count", "sorted", "index"]

    private struct State {
        var sectionName: String?
        var sectionTransforms: [String] = []
        var sectionStart = 0
        /// `#`, `^`, `$` or `<`: how the open section was written, for messages.
        var sectionSigil: Character = "#"
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var start: [Character] = ["{", "{"]
        var end: [Character] = ["}", "}"]
        var partialDefinitionIndent: [Character]?

        func withSection(_ sigil: Character, _ name: String, transforms: [String] = [], newLine: Bool, at offset: Int) -> State {
            var s = self
            s.sectionSigil = sigil
            s.sectionName = name
            s.sectionTransforms = transforms
            s.sectionStart = offset
            s.isPartialDefinitionTopLevel = false
            if !newLine { s.newLine = false }
            return s
        }

        func withParent(_ name: String, at offset: Int) -> State {
            var s = self
            s.sectionSigil = "<"
            s.sectionName = name
            s.sectionTransforms = []
            s.sectionStart = offset
            s.newLine = true
            s.isPartialDefinition = true
            s.isPartialDefinitionTopLevel = true
            return s
        }
    }

    let chars: [Character]
    private var pos = 0

    init(_ text: String) {
        chars = Array(text)
    }

    static func parse(_ text: String) throws(TemplateSyntaxError) -> [Token] {
        var parser = TemplateParser(text)
        return try parser.parse(State(), depth: 0)
    }

    /// 1-based line and column (in characters) of `offset`.
    static func lineAndColumn(of offset: Int, in chars: [Character]) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for c in chars[..<min(offset, chars.count)] {
            if c.isNewline { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }

    private var atEnd: Bool { pos >= chars.count }
    private var current: Character { pos < chars.count ? chars[pos] : "\0" }

    private static let spaceOrTab: Set<Character> = [" ", "\t"]
    private static let nameChars = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let nameCharsWithoutBrackets = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    private static let partialNameChars = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

    @discardableResult
    private mutating func read(while set: Set<Character>) -> [Character] {
        let start = pos
        while pos < chars.count, set.contains(chars[pos]) { pos += 1 }
        return Array(chars[start..<pos])
    }

    private mutating func skipWhitespace() {
        while pos < chars.count, chars[pos].isWhitespace { pos += 1 }
    }

    private func matches(_ s: [Character], at offset: Int) -> Bool {
        offset + s.count <= chars.count && chars[offset..<offset + s.count].elementsEqual(s)
    }

    private mutating func read(_ s: [Character]) -> Bool {
        guard matches(s, at: pos) else { return false }
        pos += s.count
        return true
    }

    private mutating func parse(_ initial: State, depth: Int) throws(TemplateSyntaxError) -> [Token] {
        var tokens: [Token] = []
        var state = initial
        var whiteSpaceBefore: [Character] = []
        while !atEnd {
            if state.newLine {
                let whiteSpace = read(while: Self.spaceOrTab)
                if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                    // Inside an override, its first line's indentation is
                    // taken off every line.
                    if let indent = state.partialDefinitionIndent {
                        whiteSpaceBefore = Array(whiteSpace.dropFirst(indent.count))
                    } else {
                        state.partialDefinitionIndent = whiteSpace
                    }
                } else {
                    whiteSpaceBefore = whiteSpace
                }
            }
            let (text, foundTag) = readUntilTagOrNewline(state)
            if !foundTag, current == "\n" || current == "\r\n" {
                tokens.append(.text(String(whiteSpaceBefore + text + [current])))
                state.newLine = true
                pos += 1
                continue
            }
            if !text.isEmpty {
                tokens.append(.text(String(whiteSpaceBefore + text)))
                whiteSpaceBefore = []
                state.newLine = false
            }
            guard foundTag else { break }
            let tagStart = pos - state.start.count
            guard !atEnd else { throw TemplateSyntaxError(kind: .unfinishedTag, offset: tagStart) }
            var setNewLine = false
            switch current {
            case "#", "^":
                let sigil = current
                pos += 1
                let name = try parseName(state, tagStart: tagStart)
                if isStandalone(state) {
                    setNewLine = true
                } else if !whiteSpaceBefore.isEmpty {
                    tokens.append(.text(String(whiteSpaceBefore)))
                    whiteSpaceBefore = []
                }
                guard depth < Self.maxDepth else { throw TemplateSyntaxError(kind: .tooDeep, offset: tagStart) }
                let body = try parse(state.withSection(sigil, name.name, transforms: name.transforms, newLine: setNewLine, at: tagStart),
                                     depth: depth + 1)
                tokens.append(.section(name, body, inverted: sigil == "^"))

            case "/":
                pos += 1
                let name = try parseName(state, tagStart: tagStart)
                guard let open = state.sectionName else {
                    throw TemplateSyntaxError(kind: .closeWithoutOpen(Self.written(name)), offset: tagStart)
                }
                guard name.name == open, name.transforms == state.sectionTransforms else {
                    let openTag = "{{\(state.sectionSigil)\(Self.written(TagName(name: open, transforms: state.sectionTransforms)))}}"
                    let line = Self.lineAndColumn(of: state.sectionStart, in: chars).line
                    throw TemplateSyntaxError(kind: .closeMismatch(found: Self.written(name), open: openTag, openLine: line),
                                              offset: tagStart)
                }
                if !isStandalone(state), !whiteSpaceBefore.isEmpty {
                    tokens.append(.text(String(whiteSpaceBefore)))
                }
                return tokens

            case "!":
                pos += 1
                try skipComment(state, tagStart: tagStart)
                setNewLine = isStandalone(state)

            case "{", "&":
                let triple = current == "{"
                if !whiteSpaceBefore.isEmpty {
                    tokens.append(.text(String(whiteSpaceBefore)))
                    whiteSpaceBefore = []
                }
                pos += 1
                let name = try parseName(state, tagStart: tagStart)
                if triple {
                    guard current == "}" else { throw TemplateSyntaxError(kind: .unfinishedTag, offset: tagStart) }
                    pos += 1
                }
                tokens.append(.variable(name, escaped: false))

            case ">":
                pos += 1
                skipWhitespace()
                var dynamic = false
                if current == "*" {
                    pos += 1
                    dynamic = true
                }
                let name = try parsePartialName(state, tagStart: tagStart)
                if !whiteSpaceBefore.isEmpty {
                    tokens.append(.text(String(whiteSpaceBefore)))
                }
                if isStandalone(state) {
                    setNewLine = true
                    tokens.append(.partial(name, dynamic: dynamic, indentation: String(whiteSpaceBefore), overrides: nil, at: tagStart))
                } else {
                    tokens.append(.partial(name, dynamic: dynamic, indentation: nil, overrides: nil, at: tagStart))
                }
                whiteSpaceBefore = []

            case "<":
                pos += 1
                skipWhitespace()
                let sectionName = try parsePartialName(state, tagStart: tagStart)
                let dynamic = sectionName.first == "*"
                let name = dynamic ? String(sectionName.dropFirst()) : sectionName
                if !whiteSpaceBefore.isEmpty {
                    tokens.append(.text(String(whiteSpaceBefore)))
                }
                if isStandalone(state) {
                    setNewLine = true
                }
                guard depth < Self.maxDepth else { throw TemplateSyntaxError(kind: .tooDeep, offset: tagStart) }
                let body = try parse(state.withParent(sectionName, at: tagStart), depth: depth + 1)
                var overrides: [String: [Token]] = [:]
                for token in body {
                    switch token {
                    case .blockDefinition(let block, let tokens): overrides[block] = tokens
                    case .text: break
                    default: throw TemplateSyntaxError(kind: .tokenInsideParent, offset: tagStart)
                    }
                }
                tokens.append(.partial(name, dynamic: dynamic, indentation: String(whiteSpaceBefore), overrides: overrides, at: tagStart))
                whiteSpaceBefore = []

            case "$":
                pos += 1
                let name = try parseName(state, tagStart: tagStart)
                guard name.transforms.isEmpty else { throw TemplateSyntaxError(kind: .transformOnBlock, offset: tagStart) }
                guard depth < Self.maxDepth else { throw TemplateSyntaxError(kind: .tooDeep, offset: tagStart) }
                if state.isPartialDefinitionTopLevel {
                    setNewLine = isStandalone(state)
                    let body = try parse(state.withSection("$", name.name, newLine: setNewLine, at: tagStart), depth: depth + 1)
                    tokens.append(.blockDefinition(name.name, body))
                } else {
                    if !whiteSpaceBefore.isEmpty {
                        tokens.append(.text(String(whiteSpaceBefore)))
                    }
                    setNewLine = isStandalone(state)
                    let body = try parse(state.withSection("$", name.name, newLine: setNewLine, at: tagStart), depth: depth + 1)
                    tokens.append(.blockExpansion(name.name, body, indentation: String(whiteSpaceBefore)))
                    whiteSpaceBefore = []
                }

            case "=":
                pos += 1
                state = try setDelimiters(state, tagStart: tagStart)
                setNewLine = isStandalone(state)

            case "%":
                pos += 1
                tokens.append(try readPragma(state, tagStart: tagStart))
                setNewLine = isStandalone(state)

            default:
                if !whiteSpaceBefore.isEmpty {
                    tokens.append(.text(String(whiteSpaceBefore)))
                    whiteSpaceBefore = []
                }
                tokens.append(.variable(try parseName(state, tagStart: tagStart), escaped: true))
            }
            state.newLine = setNewLine
        }
        if let open = state.sectionName {
            let openTag = "{{\(state.sectionSigil)\(Self.written(TagName(name: open, transforms: state.sectionTransforms)))}}"
            throw TemplateSyntaxError(kind: .unclosedSection(openTag, name: Self.written(TagName(name: open, transforms: state.sectionTransforms))),
                                      offset: state.sectionStart)
        }
        return tokens
    }

    /// How a name was written, for messages.
    static func written(_ name: TagName) -> String {
        name.transforms.reversed().reduce(name.name) { "\($1)(\($0))" }
    }

    /// Text up to the next tag (its opening delimiter is consumed; `true`)
    /// or up to a line break (not consumed) or the end (`false`).
    private mutating func readUntilTagOrNewline(_ state: State) -> ([Character], Bool) {
        let first = state.start[0]
        let startPos = pos
        while pos < chars.count {
            let c = chars[pos]
            if c == "\n" || c == "\r\n" { return (Array(chars[startPos..<pos]), false) }
            if c == first, matches(state.start, at: pos) {
                let text = Array(chars[startPos..<pos])
                pos += state.start.count
                return (text, true)
            }
            pos += 1
        }
        return (Array(chars[startPos..<pos]), false)
    }

    private mutating func parseName(_ state: State, tagStart: Int) throws(TemplateSyntaxError) -> TagName {
        skipWhitespace()
        let text = read(while: Self.nameChars)
        skipWhitespace()
        guard read(state.end) else {
            let bad = atEnd ? "" : String(current)
            throw TemplateSyntaxError(kind: bad.isEmpty || bad.first!.isWhitespace ? .unfinishedTag : .badName(bad), offset: tagStart)
        }
        // `f(g(name))`: transforms f and g applied to name (swift-mustache's extension).
        guard let open = text.firstIndex(of: "(") else {
            if text.contains(")") { throw TemplateSyntaxError(kind: .unfinishedTag, offset: tagStart) }
            return TagName(name: String(text), transforms: [])
        }
        guard !text[..<open].contains(")") else { throw TemplateSyntaxError(kind: .unfinishedTag, offset: tagStart) }
        var transforms = [String(text[..<open])]
        var i = open + 1
        while true {
            let nameStart = i
            while i < text.count, Self.nameCharsWithoutBrackets.contains(text[i]) { i += 1 }
            let name = String(text[nameStart..<i])
            guard i < text.count else { throw TemplateSyntaxError(kind: .unfinishedTag, offset: tagStart) }
            if text[i] == "(" {
                transforms.append(name)
                i += 1
                continue
            }
            guard text[i] == ")" else { throw TemplateSyntaxError(kind: .unfinishedTag, offset: tagStart) }
            i += 1
            var closing = 1
            while i < text.count, text[i] == ")" { closing += 1; i += 1 }
            guard closing == transforms.count, i == text.count else {
                throw TemplateSyntaxError(kind: .unfinishedTag, offset: tagStart)
            }
            for t in transforms where !Self.transforms.contains(t) {
                throw TemplateSyntaxError(kind: .unknownTransform(t), offset: tagStart)
            }
            return TagName(name: name, transforms: transforms)
        }
    }

    private mutating func parsePartialName(_ state: State, tagStart: Int) throws(TemplateSyntaxError) -> String {
        skipWhitespace()
        let text = read(while: Self.partialNameChars)
        skipWhitespace()
        guard read(state.end) else {
            let bad = atEnd ? "" : String(current)
            throw TemplateSyntaxError(kind: bad.isEmpty || bad.first!.isWhitespace ? .unfinishedTag : .badName(bad), offset: tagStart)
        }
        return String(text)
    }

    /// Up to and past the closing delimiter, matched as swift-mustache does.
    private mutating func skipComment(_ state: State, tagStart: Int) throws(TemplateSyntaxError) {
        let end = state.end
        var matched = 0
        while pos < chars.count {
            if chars[pos] == end[matched] {
                matched += 1
                if matched == end.count {
                    pos += 1
                    return
                }
            } else {
                matched = 0
            }
            pos += 1
        }
        throw TemplateSyntaxError(kind: .unclosedComment, offset: tagStart)
    }

    private mutating func setDelimiters(_ state: State, tagStart: Int) throws(TemplateSyntaxError) -> State {
        let error = TemplateSyntaxError(kind: .badDelimiters, offset: tagStart)
        skipWhitespace()
        let startFrom = pos
        while pos < chars.count, !chars[pos].isWhitespace { pos += 1 }
        guard pos < chars.count else { throw error }
        let start = Array(chars[startFrom..<pos])
        skipWhitespace()
        let endFrom = pos
        while pos < chars.count, chars[pos] != "=", !chars[pos].isWhitespace { pos += 1 }
        guard pos < chars.count else { throw error }
        let end = Array(chars[endFrom..<pos])
        skipWhitespace()
        guard current == "=" else { throw error }
        pos += 1
        guard read(state.end), !start.isEmpty, !end.isEmpty else { throw error }
        var s = state
        s.start = start
        s.end = end
        s.isPartialDefinitionTopLevel = false
        return s
    }

    private mutating func readPragma(_ state: State, tagStart: Int) throws(TemplateSyntaxError) -> Token {
        let error = TemplateSyntaxError(kind: .badPragma, offset: tagStart)
        skipWhitespace()
        let variable = String(read(while: Self.nameCharsWithoutBrackets))
        skipWhitespace()
        guard current == ":" else { throw error }
        pos += 1
        skipWhitespace()
        let value = String(read(while: Self.nameCharsWithoutBrackets))
        skipWhitespace()
        guard read(state.end), !variable.isEmpty, !value.isEmpty else { throw error }
        guard variable == "CONTENT_TYPE" else { throw error }
        switch value {
        // GONGKAI_HTML: the theme's name for the same escaping, done on bytes.
        case "HTML", "GONGKAI_HTML": return .contentType(escapes: true)
        case "TEXT": return .contentType(escapes: false)
        default: throw TemplateSyntaxError(kind: .unknownContentType(value), offset: tagStart)
        }
    }

    /// The rest of the line is blank: the tag stands alone, and its line
    /// (with the line break) is left out of the output.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        var p = pos
        while p < chars.count, chars[p] == " " || chars[p] == "\t" { p += 1 }
        if p < chars.count, chars[p].isNewline {
            pos = p + 1
            return true
        }
        return false
    }
}
