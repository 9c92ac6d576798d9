import Foundation
import Hummingbird

/// Files of the built site with the right types (`text/html; charset=utf-8`:
/// Hummingbird's file middleware leaves the charset out and Chinese pages
/// garble in some browsers). Paths never leave the output folder.
struct StaticFiles: Sendable {
    let root: String

    static let types: [String: String] = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8", "json": "application/json; charset=utf-8",
        "xml": "application/xml; charset=utf-8", "txt": "text/plain; charset=utf-8",
        "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg",
        "gif": "image/gif", "webp": "image/webp", "ico": "image/x-icon", "pdf": "application/pdf",
        "doc": "application/msword", "xls": "application/vnd.ms-excel", "csv": "text/csv; charset=utf-8",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ]

    func response(for rawPath: String, reloadScript: String) -> Response {
        let decoded = rawPath.removingPercentEncoding ?? rawPath
        let parts = decoded.split(separator: "/").map(String.init)
        guard !parts.contains(where: { $0 == ".." || $0 == "." || $0.hasPrefix(".") }) else {
            return Self.text(.forbidden, "禁止访问")
        }
        var path = root + "/" + parts.joined(separator: "/")
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
            if !rawPath.hasSuffix("/") {
                return Response(status: .movedPermanently, headers: [.location: rawPath + "/"])
            }
            path += "/index.html"
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return Self.text(.notFound, "找不到这个页面（\(decoded)）。")
        }
        let ext = (path as NSString).pathExtension.lowercased()
        let name = (path as NSString).lastPathComponent
        var type = Self.types[ext] ?? "application/octet-stream"
        if name == "feed.xml" { type = "application/atom+xml; charset=utf-8" }
        var bytes = data
        if ext == "html" {
            var html = String(decoding: data, as: UTF8.self)
            if let close = html.range(of: "</body>", options: .backwards) {
                html.insert(contentsOf: "<script>\(reloadScript)</script>\n", at: close.lowerBound)
            }
            bytes = Data(html.utf8)
        }
        return Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func text(_ status: HTTPResponse.Status, _ message: String) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: message)))
    }
}
