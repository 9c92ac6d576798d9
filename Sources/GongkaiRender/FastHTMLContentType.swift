import Mustache

/// HTML escaping as swift-mustache does it (`& < > " '`), on UTF-8 bytes
/// instead of grapheme clusters: the default escaper was a fifth of a 10k
/// build. Templates opt in with `{{% CONTENT_TYPE: GONGKAI_HTML}}`; one
/// without the pragma gets swift-mustache's own escaping, equally safe.
struct FastHTMLContentType: MustacheContentType {
    static let name = "GONGKAI_HTML"

    func escapeText(_ text: String) -> String {
        var needs = false
        for b in text.utf8 where b == 38 || b == 60 || b == 62 || b == 34 || b == 39 {
            needs = true
            break
        }
        guard needs else { return text }
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count + 16)
        for b in text.utf8 {
            switch b {
            case 38: out.append(contentsOf: [38, 97, 109, 112, 59])          // &amp;
            case 60: out.append(contentsOf: [38, 108, 116, 59])              // &lt;
            case 62: out.append(contentsOf: [38, 103, 116, 59])              // &gt;
            case 34: out.append(contentsOf: [38, 113, 117, 111, 116, 59])    // &quot;
            case 39: out.append(contentsOf: [38, 35, 51, 57, 59])            // &#39;
            default: out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
