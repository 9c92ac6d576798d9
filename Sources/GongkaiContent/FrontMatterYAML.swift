/// The common front matter read without Yams: one `key: value` per line,
/// the value plain text, a one-line flow mapping (`{from: …, to: …}`) or a
/// one-line flow sequence (`[财务, 更正]`) of plain scalars. Composing these
/// few lines with Yams costs more than all the checks of a notice, and
/// almost every notice is written so.
///
/// The result is exactly Yams' (the same nodes, texts and marks), or nil
/// for anything else: quotes, block and folded scalars, comments, anchors,
/// aliases, tags, indentation, continued lines, tabs, empty values,
/// duplicate keys, `:` or `#` inside a value, characters YAML treats
/// specially (NEL, line and paragraph separators, BOM, controls). Then
/// `YAMLSource.compose` asks Yams, which also gives every syntax error. The
/// differential tests compose every front matter both ways
/// (`FrontMatterYAMLTests`), and debug builds check each call.
enum FrontMatterYAML {
    static func compose(_ text: String) -> YAMLNode? {
        var text = text
        return text.withUTF8 { bytes in
            var reader = Reader(bytes: bytes)
            return reader.document()
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0
        var line = 1
        /// Byte offset where the current line starts.
        var lineStart = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        var atEnd: Bool { i >= bytes.count }
        var byte: UInt8 { bytes[i] }

        /// Column of byte `at` (1-based, in Unicode scalars).
        func mark(_ at: Int) -> YAMLMark {
            var column = 1
            var k = lineStart
            while k < at {
                if bytes[k] & 0xC0 != 0x80 { column += 1 }
                k += 1
            }
            return YAMLMark(line: line, column: column)
        }

        mutating func document() -> YAMLNode? {
            var pairs: [YAMLNode.Pair] = []
            var rootMark: YAMLMark?
            while !atEnd {
                // Indentation (block collections, continued lines) is Yams' to read.
                guard byte != 0x20 else { return nil }
                if endOfLine() { continue }
                // `---` and `...` end a document; `-` starts a sequence.
                guard Self.canStartPlain(byte), !startsWith3(0x2E) else { return nil }
                let keyStart = i
                guard let key = plain(flow: true, key: true), !atEnd, byte == 0x3A,
                      i - lineStart < 1000 else { return nil }  // libyaml's longest simple key
                let keyNode = YAMLNode(content: .scalar(key), mark: mark(keyStart))
                rootMark = rootMark ?? keyNode.mark
                i += 1
                // One or more spaces after the colon, then the value on this line.
                guard !atEnd, byte == 0x20 else { return nil }
                skipSpaces()
                guard !atEnd, let value = value(), endOfLine() else { return nil }
                if pairs.contains(where: { $0.key.string == key }) { return nil }
                pairs.append(YAMLNode.Pair(key: keyNode, value: value))
            }
            guard let rootMark else { return nil }
            return YAMLNode(content: .mapping(pairs), mark: rootMark)
        }

        /// Skips spaces to the end of the line and past its line break; false
        /// (and nothing skipped) when something else comes first.
        mutating func endOfLine() -> Bool {
            var k = i
            while k < bytes.count, bytes[k] == 0x20 { k += 1 }
            if k == bytes.count {
                i = k
                return true
            }
            if bytes[k] == 0x0A {
                k += 1
            } else if bytes[k] == 0x0D, k + 1 < bytes.count, bytes[k + 1] == 0x0A {
                k += 2
            } else {
                return false
            }
            i = k
            line += 1
            lineStart = k
            return true
        }

        func startsWith3(_ c: UInt8) -> Bool {
            i + 2 < bytes.count && bytes[i] == c && bytes[i + 1] == c && bytes[i + 2] == c
        }

        /// The value after `key: `: a flow mapping, a flow sequence or plain text.
        mutating func value() -> YAMLNode? {
            let start = mark(i)
            switch byte {
            case 0x7B:  // {
                i += 1
                var pairs: [YAMLNode.Pair] = []
                while true {
                    skipSpaces()
                    guard !atEnd, Self.canStartPlain(byte) else { return nil }
                    let keyMark = mark(i)
                    guard let key = plain(flow: true, key: true), !atEnd, byte == 0x3A else { return nil }
                    i += 1
                    guard !atEnd, byte == 0x20 else { return nil }
                    skipSpaces()
                    guard !atEnd, Self.canStartPlain(byte) else { return nil }
                    let valueMark = mark(i)
                    guard let value = plain(flow: true, key: false) else { return nil }
                    if pairs.contains(where: { $0.key.string == key }) { return nil }
                    pairs.append(YAMLNode.Pair(key: YAMLNode(content: .scalar(key), mark: keyMark),
                                               value: YAMLNode(content: .scalar(value), mark: valueMark)))
                    skipSpaces()
                    guard !atEnd else { return nil }
                    if byte == 0x2C { i += 1; continue }  // ,
                    guard byte == 0x7D else { return nil }  // }
                    i += 1
                    return YAMLNode(content: .mapping(pairs), mark: start)
                }
            case 0x5B:  // [
                i += 1
                var items: [YAMLNode] = []
                while true {
                    skipSpaces()
                    guard !atEnd, Self.canStartPlain(byte) else { return nil }
                    let itemMark = mark(i)
                    guard let item = plain(flow: true, key: false) else { return nil }
                    items.append(YAMLNode(content: .scalar(item), mark: itemMark))
                    skipSpaces()
                    guard !atEnd else { return nil }
                    if byte == 0x2C { i += 1; continue }  // ,
                    guard byte == 0x5D else { return nil }  // ]
                    i += 1
                    return YAMLNode(content: .sequence(items), mark: start)
                }
            default:
                guard Self.canStartPlain(byte), let text = plain(flow: false, key: false) else { return nil }
                return YAMLNode(content: .scalar(text), mark: start)
            }
        }

        mutating func skipSpaces() {
            while !atEnd, byte == 0x20 { i += 1 }
        }

        /// A plain scalar on this line from `i`: up to the line's end, or in
        /// a flow collection to `,`, `]` or `}`, or for a key to `:`. Its
        /// trailing spaces are not part of it. Nil when it holds anything a
        /// plain scalar treats specially, so that Yams decides.
        mutating func plain(flow: Bool, key: Bool) -> String? {
            let start = i
            var end = i
            while !atEnd {
                let c = byte
                if c == 0x20 {
                    // Keys end at their colon: `key : value` is left to Yams.
                    if key { return nil }
                    i += 1
                    continue
                }
                if c == 0x0A || c == 0x0D { break }
                if c == 0x3A {  // :
                    if key { break }
                    // `10:30` is text; `a: b` inside a value, and any colon
                    // in a flow collection, are Yams' to judge.
                    guard !flow, i + 1 < bytes.count, bytes[i + 1] != 0x20, Self.isPlainInner(bytes[i + 1], bytes, i + 1),
                          bytes[i + 1] != 0x3A else { return nil }
                    i += 1
                    end = i
                    continue
                }
                if flow, c == 0x2C || c == 0x5D || c == 0x7D { break }  // , ] }
                if !Self.isPlainInner(c, bytes, i) { return nil }
                i += c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2
                end = i
            }
            guard end > start else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }

        /// A character that may start a plain scalar here: printable, not a
        /// space and not one of YAML's indicators (`-?:,[]{}#&*!|>'"%@` and
        /// the backquote), which Yams reads in its own ways.
        static func canStartPlain(_ c: UInt8) -> Bool {
            switch c {
            case 0x2D, 0x3F, 0x3A, 0x2C, 0x5B, 0x5D, 0x7B, 0x7D, 0x23, 0x26, 0x2A, 0x21, 0x7C, 0x3E, 0x27, 0x22,
                 0x25, 0x40, 0x60:
                return false
            default:
                return c > 0x20 && c != 0x7F
            }
        }

        /// A character inside a plain scalar that means nothing to YAML:
        /// printable, not `#`, a tab, a bracket or brace, nor one of the
        /// characters YAML treats as a line break or never allows (NEL,
        /// U+2028, U+2029, C1 controls, the byte-order mark, U+FFFE/U+FFFF).
        static func isPlainInner(_ c: UInt8, _ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
            if c < 0x80 {
                switch c {
                case 0x23, 0x5B, 0x5D, 0x7B, 0x7D: return false  // # [ ] { }
                default: return c >= 0x20 && c != 0x7F
                }
            }
            let n = b.count
            switch c {
            case 0xC2:
                // U+0080–U+009F: C1 controls and NEL.
                return i + 1 < n && b[i + 1] >= 0xA0
            case 0xE2:
                // U+2028, U+2029.
                return !(i + 2 < n && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9))
            case 0xEF:
                // U+FEFF, U+FFFE, U+FFFF.
                guard i + 2 < n else { return false }
                if b[i + 1] == 0xBB && b[i + 2] == 0xBF { return false }
                if b[i + 1] == 0xBF && (b[i + 2] == 0xBE || b[i + 2] == 0xBF) { return false }
                return true
            default:
                return true
            }
        }
    }
}
