/// Byte-level escaping for HTML and XML text. swift-mustache's own escaper
/// goes character by character, too slow for 10,000 pages and for notice
/// bodies inside Atom entries.
enum XML {
    /// `& < > "`, and `'` when `apostrophe` (as swift-mustache escapes).
    static func escape(_ s: String, apostrophe: Bool = false) -> String {
        var needs = false
        for b in s.utf8 where b == 38 || b == 60 || b == 62 || b == 34 || (apostrophe && b == 39) {
            needs = true
            break
        }
        guard needs else { return s }
        var out = [UInt8]()
        out.reserveCapacity(s.utf8.count + s.utf8.count / 8)
        for b in s.utf8 {
            switch b {
            case 38: out.append(contentsOf: [38, 97, 109, 112, 59])          // &amp;
            case 60: out.append(contentsOf: [38, 108, 116, 59])              // &lt;
            case 62: out.append(contentsOf: [38, 103, 116, 59])              // &gt;
            case 34: out.append(contentsOf: [38, 113, 117, 111, 116, 59])    // &quot;
            case 39 where apostrophe: out.append(contentsOf: [38, 35, 51, 57, 59])   // &#39;
            default: out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
