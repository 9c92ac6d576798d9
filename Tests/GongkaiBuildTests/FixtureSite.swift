import Foundation
import GongkaiBuild
import GongkaiCore

/// Whole sites on disk for build tests: the fixture under Fixtures/, copied to
/// a fresh temporary folder so each test can change it freely.
struct FixtureSite {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let root: URL

    init(_ name: String = "town") throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent(name).appendingPathComponent("content"),
                                         to: root.appendingPathComponent("content"))
    }

    var output: URL { root.appendingPathComponent("public") }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @discardableResult
    func build(output: URL? = nil, check: Bool = false) -> SiteBuilder.Report {
        SiteBuilder(fs: LocalFileSystem(root: root.path)).run(
            .init(siteRoot: root.path, output: check ? nil : (output ?? self.output).path))
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    /// Relative path → bytes of every file under a folder.
    static func snapshot(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let base = folder.standardizedFileURL.path
        guard let e = FileManager.default.enumerator(atPath: base) else { return [:] }
        while let path = e.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDir), !isDir.boolValue {
                files[path] = FileManager.default.contents(atPath: base + "/" + path)
            }
        }
        return files
    }
}
