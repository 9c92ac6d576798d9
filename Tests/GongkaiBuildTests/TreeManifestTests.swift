import Foundation
@testable import GongkaiBuild
@testable import GongkaiCache
@testable import GongkaiOutput
import GongkaiRender
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The writer's record of a tree (`TreeManifest`): the binary file, lookups
/// by path hash, and the check of a tree against its record.
struct TreeManifestTests {
    typealias Entry = TreeManifest.Entry

    final class Folder {
        let path: String
        init() throws {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-manifest-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: path + "/tree", withIntermediateDirectories: true)
            try Data("build 1".utf8).write(to: URL(fileURLWithPath: path + "/tree/" + OutputWriter.marker))
        }
        var tree: String { path + "/tree" }
        var record: String { path + "/records/" + TreeManifest.liveFile }
        func write(_ relative: String, _ text: String) throws {
            let full = tree + "/" + relative
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        }
        /// The entry of a file as it is on disk.
        func entry(_ relative: String, identity: UInt64 = 1) -> Entry {
            var st = stat()
            _ = lstat(tree + "/" + relative, &st)
            return Entry(identity: identity, size: Int(st.st_size), mtime: TreeManifest.Stamp.nanoseconds(st))
        }
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    static func save(_ files: [(String, Entry)], to record: String, output: String, stamp: TreeManifest.Stamp) -> Bool {
        TreeManifest.save(record, output: output, stamp: stamp, count: files.count) { i in
            (PathHash.of(files[i].0), files[i].1, files[i].0)
        }
    }

    @Test func aFilesPathHashCarriesOnFromItsFolders() {
        var h = PathHash()
        for part in ["c0/", "2025/", "p1/", "index.html"] {
            Array(part.utf8).withUnsafeBufferPointer { h.add($0) }
        }
        #expect(h.value == PathHash.of("c0/2025/p1/index.html"))
        #expect(PathHash.of("c0/2025/p1/index.html") != PathHash.of("c0/2025/p2/index.html"))
        #expect(PathHash.of("ab") != PathHash.of("ba"))
    }

    @Test func aSavedManifestReadsBackAsItWas() throws {
        let folder = try Folder()
        let stamp = try #require(TreeManifest.Stamp(tree: folder.tree))
        var files: [(String, Entry)] = (0..<2000).map { i in
            ("c\(i % 7)/2025/p\(i)/index.html", Entry(identity: UInt64(i) &* 0x9E37_79B9 | 1, size: i * 13, mtime: Int64(i) * 1_000_000_007 - 5))
        }
        files.append(("青山镇/公告.html", Entry(identity: 42, size: 0, mtime: -3)))
        files.append(("", Entry(identity: 0, size: 1, mtime: 1)))
        #expect(Self.save(files, to: folder.record, output: "/srv/public", stamp: stamp))
        let loaded = try #require(TreeManifest.load(folder.record, tree: folder.tree, output: "/srv/public"))
        #expect(loaded.count == files.count)
        for (row, (path, entry)) in files.enumerated() {
            #expect(loaded[path: path] == entry, "\(path)")
            #expect(loaded.path(row) == path)
            #expect(loaded.row(of: path) == row)
        }
        #expect(loaded[path: "c0/2025/p0/index.htm"] == nil)
        #expect(loaded[path: "c0/2025/p0/index.html/"] == nil)
        // Saved again from what was loaded: the same bytes.
        let copy = folder.path + "/records/copy.bin"
        #expect(loaded.save(copy, output: "/srv/public"))
        #expect(FileManager.default.contents(atPath: copy) == FileManager.default.contents(atPath: folder.record))
    }

    @Test func aManifestOfAnotherTreeOutputOrFormatOrDamagedIsNotLoaded() throws {
        let folder = try Folder()
        let stamp = try #require(TreeManifest.Stamp(tree: folder.tree))
        let files = (0..<50).map { ("p\($0)/index.html", Entry(identity: UInt64($0 + 1), size: $0, mtime: Int64($0))) }
        #expect(Self.save(files, to: folder.record, output: "/srv/public", stamp: stamp))
        let good = try #require(FileManager.default.contents(atPath: folder.record))
        #expect(TreeManifest.load(folder.record, tree: folder.tree, output: "/srv/public") != nil)
        #expect(TreeManifest.load(folder.record, tree: folder.tree, output: "/srv/other") == nil)
        // Damaged anywhere, cut short, longer, or of the old text format.
        var damaged: [Data] = [good.prefix(good.count - 1), good + Data([0]), Data(), good.prefix(10),
                               Data("gongkai-tree-1\tx\t/srv/public\t1\t2\t3\np0/index.html\t1\t0\t0\n".utf8)]
        for at in [0, 14, 20, 40, good.count / 2, good.count - 1] {
            var bytes = good
            bytes[at] ^= 0x20
            damaged.append(bytes)
        }
        for bytes in damaged {
            try bytes.write(to: URL(fileURLWithPath: folder.record))
            #expect(TreeManifest.load(folder.record, tree: folder.tree, output: "/srv/public") == nil)
        }
        // A new marker file (another build's tree): not this record's.
        try good.write(to: URL(fileURLWithPath: folder.record))
        try Data("build 1".utf8).write(to: URL(fileURLWithPath: folder.tree + "/x"))
        #expect(rename(folder.tree + "/x", folder.tree + "/" + OutputWriter.marker) == 0)
        #expect(TreeManifest.load(folder.record, tree: folder.tree, output: "/srv/public") == nil)
    }

    @Test func twoPathsSharingAHashAreToldApart() throws {
        let stamp = TreeManifest.Stamp(fingerprint: "x", inode: 1, mtime: 1)
        let a = Entry(identity: 1, size: 1, mtime: 1), b = Entry(identity: 2, size: 2, mtime: 2)
        let manifest = TreeManifest(stamp: stamp, files: [("c0/a.html", a), ("c0/b.html", b)], hashes: [7, 7])
        func row(_ prefix: String, _ name: String) -> Int? {
            Array(prefix.utf8).withUnsafeBufferPointer { p in
                Array(name.utf8).withUnsafeBufferPointer { n in manifest.row(prefix: p, name: n, hash: 7) }
            }
        }
        #expect(row("c0/", "a.html") == 0)
        #expect(row("c0/", "b.html") == 1)
        #expect(row("", "c0/b.html") == 1)
        #expect(row("c0/", "c.html") == nil)
        #expect(row("c1/", "a.html") == nil)
    }

    /// Without folder records every folder is listed; with them, only
    /// folders whose time or inode changed (`recording`: as the writer
    /// records them, the folders just made count as changed).
    @Test(arguments: ["walk", "folders", "recorded"])
    func theCheckFindsWhatWasChangedAddedOrDeletedByHand(_ how: String) throws {
        let folder = try Folder()
        let paths = ["index.html", "a/index.html", "a/b/one.html", "a/b/two.html", "c/d/e/deep.html", "c/x.html",
                     "c/link.html", "c/folder.html"]
        for path in paths { try folder.write(path, "页面 " + path) }
        let stamp = try #require(TreeManifest.Stamp(tree: folder.tree))
        var folders: [TreeManifest.Folder] = []
        if how != "walk" {
            let fd = open(folder.tree, O_RDONLY | O_DIRECTORY)
            defer { close(fd) }
            if how == "folders" { usleep(20_000) }   // the folders' times from an earlier tick than the changes below
            folders = ["", "a", "a/b", "c", "c/d", "c/d/e"].compactMap { TreeManifest.Folder(fd, $0, recording: how == "recorded") }
            #expect(folders.count == 6)
            // Recorded right after they were made, folders are racy unless the
            // machine was too busy to record them within the racy window, so
            // only the other case is certain.
            if how == "folders" { #expect(folders.allSatisfy { $0.mtime != TreeManifest.Folder.racy }) }
        }
        let manifest = TreeManifest(stamp: stamp, files: paths.map { ($0, folder.entry($0)) }, folders: folders)
        if how == "folders" { usleep(20_000) }
        var check = manifest.check(folder.tree)
        #expect(check.bad.isEmpty)
        #expect(check.intact == paths.map { _ in true })

        try folder.write("a/b/one.html", "手改过的页面")                  // changed
        try FileManager.default.removeItem(atPath: folder.tree + "/c/d/e/deep.html")   // deleted
        try folder.write("a/stray.html", "多出来的")                       // added
        try folder.write("top.html", "多出来的")                           // added at the top
        try FileManager.default.removeItem(atPath: folder.tree + "/c/link.html")
        #expect(symlink("/etc/passwd", folder.tree + "/c/link.html") == 0)   // a link instead
        try FileManager.default.removeItem(atPath: folder.tree + "/c/folder.html")
        try folder.write("c/folder.html/index.html", "文件夹")            // a folder instead
        check = manifest.check(folder.tree)
        #expect(check.bad.sorted() == ["a/b/one.html", "a/stray.html", "c/folder.html/index.html", "c/link.html", "top.html"])
        #expect(check.intact == [true, true, false, true, false, true, false, false])
        if how == "folders" { #expect(Set(check.changedFolders) == ["", "a", "c", "c/d/e"]) }

        // A tree that is not there: nothing intact.
        check = manifest.check(folder.path + "/nowhere")
        #expect(check.intact == paths.map { _ in false })
    }

    /// The no-op check by the record (`isAsRecorded`): the tree as recorded
    /// passes, with folders recorded as racy (listed, holding only recorded
    /// entries) too; each kind of hand change fails it, a same-size edit in
    /// place included; a record without folders cannot tell (nil).
    @Test(arguments: [false, true])
    func theNoOpCheckByTheRecordFailsOnEveryHandChange(_ racy: Bool) throws {
        let paths = ["index.html", "a/index.html", "a/b/one.html", "c/x.html"]
        func made() throws -> (Folder, TreeManifest) {
            let folder = try Folder()
            for path in paths { try folder.write(path, "页面 " + path) }
            let stamp = try #require(TreeManifest.Stamp(tree: folder.tree))
            let fd = open(folder.tree, O_RDONLY | O_DIRECTORY)
            defer { close(fd) }
            if !racy { usleep(20_000) }
            let folders = ["", "a", "a/b", "c"].compactMap { TreeManifest.Folder(fd, $0, recording: true) }
            if racy { #expect(folders.contains { $0.mtime == TreeManifest.Folder.racy }) }
            let manifest = TreeManifest(stamp: stamp, files: paths.map { ($0, folder.entry($0)) }, folders: folders)
            #expect(manifest.isAsRecorded(folder.tree) == true)
            #expect(TreeManifest(stamp: stamp, files: paths.map { ($0, folder.entry($0)) }).isAsRecorded(folder.tree) == nil)
            return (folder, manifest)
        }
        let changes: [(Folder) throws -> Void] = [
            { folder in   // the same size, in place: only its time differs
                let handle = try #require(FileHandle(forUpdatingAtPath: folder.tree + "/a/b/one.html"))
                try handle.write(contentsOf: Data("X".utf8))
                try handle.close()
            },
            { try $0.write("a/stray.html", "多出来的") },
            { try $0.write("top.html", "多出来的") },
            { try $0.write("c/new/index.html", "多出来的文件夹") },
            { try FileManager.default.removeItem(atPath: $0.tree + "/c/x.html") },
            { try FileManager.default.removeItem(atPath: $0.tree + "/a/b") },
        ]
        for (n, change) in changes.enumerated() {
            let (folder, manifest) = try made()
            usleep(20_000)
            try change(folder)
            #expect(manifest.isAsRecorded(folder.tree) == false, "change \(n)")
        }
    }

    /// Records of an earlier gongkai (text, `.tsv`) are ignored: the spare
    /// is made again from the live site, and the old files go.
    @Test func textRecordsOfAnEarlierGongkaiAreIgnored() throws {
        let place = try SpareTreeTests.Place()
        defer { place.remove() }
        try place.write(SpareTreeTests.site(20))
        try place.write(SpareTreeTests.site(20, changed: 1, tag: "a"))
        let folder = place.records
        for name in [TreeManifest.liveFile, TreeManifest.spareFile] { try FileManager.default.removeItem(atPath: folder + "/" + name) }
        for name in TreeManifest.oldFiles {
            try Data("gongkai-tree-1\tsomething\nindex.html\t1\t4\t0\n".utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        let third = SpareTreeTests.site(20, changed: 2, tag: "b")
        try place.write(third)
        #expect(place.published() == third)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == [TreeManifest.liveFile])
        let fourth = SpareTreeTests.site(20, changed: 3, tag: "c")
        try place.write(fourth)
        #expect(place.published() == fourth)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == [TreeManifest.liveFile, TreeManifest.spareFile])
        // Both records trusted again: only what changed is touched.
        let fifth = SpareTreeTests.site(20, changed: 4, tag: "d")
        #expect(try place.write(fifth).touched == 3)
        #expect(place.published() == fifth)
    }

    /// A record damaged on disk is not trusted: the result is still right.
    @Test func aDamagedRecordOnlyMeansMoreWork() throws {
        let place = try SpareTreeTests.Place()
        defer { place.remove() }
        try place.write(SpareTreeTests.site(20))
        try place.write(SpareTreeTests.site(20, changed: 1, tag: "a"))
        let folder = place.records
        for name in [TreeManifest.liveFile, TreeManifest.spareFile] {
            var bytes = try #require(FileManager.default.contents(atPath: folder + "/" + name))
            bytes[bytes.count - 3] ^= 1
            try bytes.write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        // A hand edit in the spare the damaged record would have hidden.
        try "手改".write(toFile: place.spare + "/c0/p3/index.html", atomically: false, encoding: .utf8)
        let third = SpareTreeTests.site(20, changed: 2, tag: "b")
        try place.write(third)
        #expect(place.published() == third)
        let fourth = SpareTreeTests.site(20, changed: 3, tag: "c")
        try place.write(fourth)
        #expect(place.published() == fourth)
    }
}
