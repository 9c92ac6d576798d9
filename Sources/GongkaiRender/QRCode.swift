import CQRencode
import GongkaiCore
import GongkaiTemplate

/// The printed sheet's QR code in a notice page's view model. Only the URL
/// is stored (the SVG is a pure function of it), and the SVG is encoded when
/// the template asks for it (encoding is the costly part of a page). Written
/// by hand, outside ViewModels.swift, for that reason.
struct QRView: TemplateObject {
    /// The canonical URL, encoded and printed beside the code.
    var url: String

    func value(for key: TemplateKey) -> TemplateValue? {
        switch ViewModelKey(rawValue: key.id) {
        case .url?: return .string(url)
        case .svg?: return .string(QRCode.svg(url, label: "本公告网址二维码：" + url) ?? "")
        default: return nil
        }
    }
}

/// A QR code as inline SVG, through libqrencode (system library, Debian
/// libqrencode-dev): one `<path>` of dark modules on a transparent ground,
/// with the 4-module quiet zone the standard asks for inside the viewBox, and
/// `shape-rendering="crispEdges"` so a printer or a phone scaling the page
/// never blurs module edges. Level M (15 % of the code may be damaged): a
/// printed sheet on a 公开栏 gets wet, faded and pinned through.
enum QRCode {
    /// The SVG for `text`, or nil when libqrencode cannot encode it (too long).
    static func svg(_ text: String, label: String) -> String? {
        guard let code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        guard width > 0, let data = code.pointee.data else { return nil }
        let size = width + 2 * quiet
        let path = Self.path(width: width) { x, y in data[y * width + x] & 1 == 1 }
        return "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(size) \(size)\" "
            + "shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"\(XML.escape(label))\">"
            + "<path fill=\"#000\" d=\"\(String(decoding: path, as: UTF8.self))\"/></svg>"
    }

    /// Modules around the code, as the standard asks.
    static let quiet = 4

    /// The dark modules of a `width`² code as one SVG path: each run of dark
    /// modules in a row is `M{x} {y}h{run}v1h-{run}z`, offset by the quiet
    /// zone. Digits are written as bytes: string interpolation per run was
    /// most of the cost of a code (a build makes one per notice).
    static func path(width: Int, dark: (_ x: Int, _ y: Int) -> Bool) -> [UInt8] {
        var path: [UInt8] = []
        path.reserveCapacity(width * width)
        func number(_ n: Int) {
            if n >= 100 { path.append(UInt8(48 + n / 100 % 10)) }
            if n >= 10 { path.append(UInt8(48 + n / 10 % 10)) }
            path.append(UInt8(48 + n % 10))
        }
        for y in 0..<width {
            var x = 0
            while x < width {
                guard dark(x, y) else { x += 1; continue }
                var run = 1
                while x + run < width, dark(x + run, y) { run += 1 }
                path.append(77)                                         // M
                number(x + quiet)
                path.append(32)                                         // space
                number(y + quiet)
                path.append(104)                                        // h
                number(run)
                path.append(118); path.append(49); path.append(104); path.append(45)   // v1h-
                number(run)
                path.append(122)                                        // z
                x += run
            }
        }
        return path
    }
}
