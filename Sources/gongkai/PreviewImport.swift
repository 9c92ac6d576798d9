import Foundation
import GongkaiContent
import GongkaiCore
import GongkaiImport

/// `gongkai serve`: a Word document dropped into a community's folder
/// (`content/<村>/`, not a year folder, where a .docx is an attachment) is
/// imported before the preview is rebuilt, and the source moved to
/// `content/<村>/_已导入/` (skipped by builds) so it is imported once. A file
/// that cannot be imported stays where it is, and its problem is shown.
enum PreviewImport {
    static let importedFolder = "_已导入"

    struct Result {
        /// The new notice's page in the preview, for open pages to go to.
        var open: String?
        /// Why a dropped file was not imported, one line each.
        var problems: [String] = []
    }

    static func run(siteRoot: String, console: Console) -> Result {
        var result = Result()
        let fs = LocalFileSystem(root: siteRoot)
        let (loaded, communities, _) = SiteCatalogue.load(fs: fs)
        guard let site = loaded else { return result }
        for community in communities {
            let folder = "content/\(community.slug)"
            let names = ((try? fs.list(folder)) ?? []).sorted().filter(isDroppedDocument)
            for name in names {
                guard case .file = fs.kind(of: folder + "/" + name) else { continue }
                let path = folder + "/" + name
                let full = siteRoot + "/" + path
                guard let bytes = settledBytes(full) else { continue }
                let run = ImportRun(site: siteRoot, siteConfig: site, community: community, category: nil)
                switch run.prepare(bytes: bytes, path: path) {
                case .refused(let d):
                    result.problems.append(d.rendered)
                    console.report([d])
                case .ready(let notice):
                    // The source leaves the folder first, so a failed write never imports it twice.
                    guard let moved = moveAside(full, folder: siteRoot + "/" + folder) else {
                        let line = "\(path): 没有导入：无法把它移到 \(folder)/\(importedFolder)/，请检查文件是否被 Word 打开着。"
                        result.problems.append(line)
                        Console.err(line)
                        continue
                    }
                    if let failure = run.write(notice) {
                        rename(moved, full)
                        result.problems.append("\(path): " + failure)
                        Console.err(failure)
                        continue
                    }
                    Console.out("已导入 \(path) → \(notice.path)（原文件移到 \(folder)/\(importedFolder)/）")
                    for line in ImportSummary.lines(notice, source: name).dropFirst() { Console.out(line) }
                    console.report(notice.diagnostics)
                    if !notice.todo.isEmpty { Console.out(ImportSummary.todo(notice)) }
                    let parts = notice.path.split(separator: "/")
                    if parts.count == 4 {
                        result.open = "/\(parts[1])/\(parts[2])/\(parts[3].dropLast(3))/index.html"
                    }
                }
            }
        }
        return result
    }

    /// A Word document a clerk drops in; not Word's lock file (`~$…`) or a hidden one.
    static func isDroppedDocument(_ name: String) -> Bool {
        let lower = name.lowercased()
        guard !name.hasPrefix("."), !name.hasPrefix("~$"), !name.hasPrefix("_") else { return false }
        return lower.hasSuffix(".docx") || lower.hasSuffix(".doc") || lower.hasSuffix(".wps")
    }

    /// The file's bytes once it has stopped growing (a copy still under way
    /// is read when it is complete), waiting at most 10 seconds.
    static func settledBytes(_ path: String) -> [UInt8]? {
        var last: (Int, TimeInterval)?
        for _ in 0..<40 {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
            let now = ((attributes[.size] as? NSNumber)?.intValue ?? -1,
                       (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)
            if let last, last == now, Date().timeIntervalSince1970 - now.1 > 0.5 {
                return FileManager.default.contents(atPath: path).map { [UInt8]($0) }
            }
            last = now
            Thread.sleep(forTimeInterval: 0.25)
        }
        return FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }

    /// Moves the file into `_已导入/` under a name not taken; its new path.
    static func moveAside(_ path: String, folder: String) -> String? {
        let target = folder + "/" + importedFolder
        try? FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        let name = (path as NSString).lastPathComponent
        let stem = (name as NSString).deletingPathExtension
        let ext = (name as NSString).pathExtension
        var candidate = target + "/" + name
        var n = 2
        while FileManager.default.fileExists(atPath: candidate) {
            candidate = target + "/\(stem)-\(n).\(ext)"
            n += 1
        }
        return rename(path, candidate) == 0 ? candidate : nil
    }
}
