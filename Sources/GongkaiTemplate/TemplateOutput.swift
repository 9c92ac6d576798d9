/// The bytes a template renders into, and how the tag being rendered escapes
/// them. View models write their text here directly (`TemplateObject.write`),
/// without wrapping it in a `TemplateValue` first.
public struct TemplateOutput {
    public internal(set) var bytes: [UInt8]
    /// Whether text is HTML-escaped (`{{x}}` under an HTML content type).
    var escapes = true

    init(capacity: Int) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    public mutating func write(_ s: String) {
        // Borrowed, not copied: `withUTF8` would need a mutable copy (a retain).
        let done: Void? = s.utf8.withContiguousStorageIfAvailable { text in
            if escapes { appendEscaped(text) } else { bytes.append(contentsOf: text) }
        }
        if done == nil {
            var s = s
            if escapes { s.withUTF8 { appendEscaped($0) } } else { s.withUTF8 { bytes.append(contentsOf: $0) } }
        }
    }

    public mutating func write(_ i: Int) {
        // Digits and '-' never need escaping.
        bytes.append(contentsOf: String(i).utf8)
    }

    public mutating func write(_ b: Bool) {
        write(b ? "true" : "false")
    }

    public mutating func write(_ value: TemplateValue) {
        switch value {
        case .string(let s): write(s)
        case .int(let i): write(i)
        case .bool(let b): write(b)
        // swift-mustache printed Swift's description of these (type names,
        // brackets): nothing a page should show.
        case .list, .object, .null: break
        }
    }

    mutating func append(_ text: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: text)
    }

    /// `& < > " '` on UTF-8 bytes (only ASCII bytes change, so the output
    /// stays valid UTF-8); runs without them are copied whole.
    private mutating func appendEscaped(_ text: UnsafeBufferPointer<UInt8>) {
        var run = 0
        for i in 0..<text.count {
            let b = text[i]
            guard b < 64, Self.special & (1 << UInt64(b)) != 0 else { continue }
            if run < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[run..<i])) }
            bytes.append(38)
            switch b {
            case 38: bytes.append(97); bytes.append(109); bytes.append(112)                   // &amp;
            case 60: bytes.append(108); bytes.append(116)                                      // &lt;
            case 62: bytes.append(103); bytes.append(116)                                      // &gt;
            case 34: bytes.append(113); bytes.append(117); bytes.append(111); bytes.append(116) // &quot;
            default: bytes.append(35); bytes.append(51); bytes.append(57)                     // &#39;
            }
            bytes.append(59)
            run = i + 1
        }
        if run < text.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[run...])) }
    }

    /// `"` 34, `&` 38, `'` 39, `<` 60, `>` 62.
    private static let special: UInt64 = 1 << 34 | 1 << 38 | 1 << 39 | 1 << 60 | 1 << 62
}
