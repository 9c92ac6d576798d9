import Foundation
import GongkaiTheme
import Testing

/// The default theme is embedded file by file (Package.swift `themeFiles`):
/// a file added to templates/ but not listed there would silently be missing
/// from the executable.
struct ThemeFilesTests {
    @Test func everyTemplateFileIsEmbeddedAndNothingElse() throws {
        let templates = FixtureSite.repositoryRoot.appendingPathComponent("templates").path
        var onDisk = Set<String>()
        let e = try #require(FileManager.default.enumerator(atPath: templates))
        while let path = e.nextObject() as? String {
            var isDir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: templates + "/" + path, isDirectory: &isDir)
            if !isDir.boolValue && path != "Theme.swift" { onDisk.insert(path) }
        }
        #expect(onDisk == Set(DefaultTheme.files.keys))
        for (path, bytes) in DefaultTheme.files {
            #expect(FileManager.default.contents(atPath: templates + "/" + path) == Data(bytes), "\(path) differs")
        }
    }
}
