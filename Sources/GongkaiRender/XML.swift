/// Byte-level escaping for large text (a notice's HTML inside an Atom entry):
/// the template engine's escaping goes character by character, too slow for
/// 5,000 bodies.
enum XML {
    static func escape(_ s: String) -> String {
        var out = [UInt8]()
        out.reserveCapacity(s.utf8.count + s.utf8.count / 8)
        for b in s.utf8 {
            switch b {
            case 38: out.append(contentsOf: [38, 97, 109, 112, 59])          // &amp;
            case 60: out.append(contentsOf: [38, 108, 116, 59])              // &lt;
            case 62: out.append(contentsOf: [38, 103, 116, 59])              // &gt;
            case 34: out.append(contentsOf: [38, 113, 117, 111, 116, 59])    // &quot;
            default: out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
