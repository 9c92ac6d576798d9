/// Byte-level escaping for HTML and XML text (notice bodies inside Atom
/// entries, the QR code's label).
enum XML {
    /// `& < > "`, and `'` when `apostrophe`.
    static func escape(_ s: String, apostrophe: Bool = false) -> String {
        var s = s
        return s.withUTF8 { bytes -> String? in
            var out: [UInt8] = []
            var run = 0
            for i in 0..<bytes.count {
                let replacement: StaticString
                switch bytes[i] {
                case 38: replacement = "&amp;"
                case 60: replacement = "&lt;"
                case 62: replacement = "&gt;"
                case 34: replacement = "&quot;"
                case 39 where apostrophe: replacement = "&#39;"
                default: continue
                }
                if out.isEmpty { out.reserveCapacity(bytes.count + bytes.count / 8) }
                // Runs without special characters are copied whole.
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                out.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                run = i + 1
            }
            guard run > 0 else { return nil }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
            return String(decoding: out, as: UTF8.self)
        } ?? s
    }
}
