import CQRencode
import GongkaiCore
import GongkaiTemplate

/// The printed sheet's QR code in a notice page's view model. Only the URL
/// is stored (the SVG is a pure function of it), and the SVG is encoded when
/// the template asks for it (libqrencode takes ~0.1–0.2 ms a code). Written
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
        let quiet = 4
        let size = width + 2 * quiet
        var path = ""
        path.reserveCapacity(width * width)
        for y in 0..<width {
            var x = 0
            while x < width {
                guard data[y * width + x] & 1 == 1 else { x += 1; continue }
                var run = 1
                while x + run < width, data[y * width + x + run] & 1 == 1 { run += 1 }
                path += "M\(x + quiet) \(y + quiet)h\(run)v1h-\(run)z"
                x += run
            }
        }
        return "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(size) \(size)\" "
            + "shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"\(XML.escape(label))\">"
            + "<path fill=\"#000\" d=\"\(path)\"/></svg>"
    }
}
