extension String {
    /// Without leading and trailing Unicode whitespace (including the
    /// ideographic space U+3000 that Chinese input methods type).
    public func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        // Most texts have nothing to trim: answer without copying them.
        guard let first = scalars.first else { return "" }
        if !first.isUnicodeWhitespace, !scalars.last!.isUnicodeWhitespace { return self }
        guard let start = scalars.firstIndex(where: { !$0.isUnicodeWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.isUnicodeWhitespace })!
        return String(scalars[start...end])
    }
}

extension Unicode.Scalar {
    /// `properties.isWhitespace` (Unicode's White_Space), without the table
    /// lookup for ASCII, the most common case.
    @inlinable
    public var isUnicodeWhitespace: Bool {
        value < 0x80 ? value == 0x20 || (value >= 0x09 && value <= 0x0D) : properties.isWhitespace
    }
}
