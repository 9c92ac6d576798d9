import Foundation
import GongkaiZip

/// The zip package of a `.docx` (Open Packaging Conventions): parts by path,
/// and each part's relationships (`_rels/<part>.rels`) resolved to paths.
struct WordPackage {
    struct Relationship {
        var type: String
        /// A package path (`word/media/image1.png`), or the target as written
        /// when `external`.
        var target: String
        var external: Bool

        /// The last component of the relationship type URI (`styles`, `image`, `footnotes` …).
        var kind: Substring {
            guard let slash = type.lastIndex(of: "/") else { return Substring(type) }
            return type[type.index(after: slash)...]
        }
    }

    /// A part bigger than this unpacked is not read (a document that unpacks
    /// to gigabytes is broken or hostile, never a village notice).
    static let partLimit = 64 * 1024 * 1024
    /// All parts together, unpacked.
    static let totalLimit = 512 * 1024 * 1024

    let archive: ZipArchive
    private var paths: [String: ZipArchive.Entry] = [:]

    init(_ bytes: [UInt8]) throws(WordFailure) {
        do {
            archive = try ZipArchive(bytes)
        } catch {
            throw .damaged(detail: WordMessages.zipUnreadable)
        }
        var total = 0
        for entry in archive.entries {
            total = total &+ entry.uncompressedSize
            // Part names compare case-insensitively (OPC), and some writers
            // put a leading slash.
            var name = entry.path
            if name.hasPrefix("/") { name.removeFirst() }
            paths[name.lowercased()] = entry
        }
        if total > Self.totalLimit || total < 0 { throw .tooLarge }
    }

    func has(_ path: String) -> Bool { paths[path.lowercased()] != nil }

    var partNames: [String] { Array(paths.keys) }

    /// The part's bytes; nil when absent. A part that is damaged (CRC,
    /// deflate data) or too large throws.
    func part(_ path: String) throws(WordFailure) -> Data? {
        guard let entry = paths[path.lowercased()] else { return nil }
        do {
            return Data(try archive.data(entry, limit: Self.partLimit))
        } catch .tooLarge {
            throw .tooLarge
        } catch {
            throw .damaged(detail: WordMessages.partUnreadable(path))
        }
    }

    /// The relationships of a part, by id.
    func relationships(of partPath: String) throws(WordFailure) -> [String: Relationship] {
        let folder = Self.folder(of: partPath)
        let file = partPath.split(separator: "/").last.map(String.init) ?? partPath
        let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
        guard let data = try part(relsPath) else { return [:] }
        let reader = RelationshipsReader()
        guard reader.parse(data) else { throw .damaged(detail: WordMessages.partUnreadable(relsPath)) }
        var result: [String: Relationship] = [:]
        for (id, raw) in reader.relationships {
            let external = raw.mode.lowercased() == "external"
            let target = external ? raw.target : Self.resolve(raw.target, from: folder)
            result[id] = Relationship(type: raw.type, target: target, external: external)
        }
        return result
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// A relationship target relative to `folder` as a package path.
    static func resolve(_ target: String, from folder: String) -> String {
        var t = target.removingPercentEncoding ?? target
        if let hash = t.firstIndex(of: "#") { t = String(t[..<hash]) }
        var parts: [Substring] = []
        if t.hasPrefix("/") {
            t.removeFirst()
        } else {
            parts = folder.split(separator: "/")
        }
        for piece in t.split(separator: "/") {
            if piece == "." { continue }
            if piece == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(piece)
        }
        return parts.joined(separator: "/")
    }
}

/// `_rels/*.rels`.
final class RelationshipsReader: XMLPartReader {
    var relationships: [String: (type: String, target: String, mode: String)] = [:]

    override func start(_ name: XMLName, _ attributes: [String: String]) {
        if name.local == "Relationship", let id = attributes["Id"], let target = attributes["Target"] {
            relationships[id] = (attributes["Type"] ?? "", target, attributes["TargetMode"] ?? "")
        }
    }
}
