import Foundation
import GongkaiContent
import GongkaiCore
import GongkaiOutput

/// `.gongkai-cache/sources.bin`: what the file system said of each source
/// file the last build loaded (size, times, inode) and the digest of its
/// bytes, so the load stage of a rebuild reads only files that changed
/// (`SiteLoader(known:)`). Missing or damaged means reading everything.
enum KnownFiles {
    static let path = RecordFile.cacheFolder + "/sources.bin"
    static let magic = Array("gongkai-known-2\n".utf8)

    static func load(siteRoot: String) -> [String: KnownFile] {
        RecordFile.withContents(of: siteRoot + "/" + path) { decode($0) }.flatMap { $0 } ?? [:]
    }

    /// Writes the file only when it would change.
    static func save(_ files: [String: KnownFile], loaded: [String: KnownFile], siteRoot: String) {
        guard files != loaded, let bytes = encode(files) else { return }
        try? FileManager.default.createDirectory(atPath: siteRoot + "/" + RecordFile.cacheFolder, withIntermediateDirectories: true)
        try? Data(bytes).write(to: URL(fileURLWithPath: siteRoot + "/" + path), options: .atomic)
    }

    static func encode(_ files: [String: KnownFile]) -> [UInt8]? {
        RecordFile.encode(magic: magic) { e in
            e.write(UInt32(files.count))
            for (path, file) in files.sorted(by: { $0.key < $1.key }) {
                try e.write(path)
                e.write(file.identity.size)
                e.write(file.identity.mtime)
                e.write(file.identity.ctime)
                e.write(file.identity.inode)
                e.write(file.digest)
            }
        }
    }

    static func decode(_ bytes: UnsafeRawBufferPointer) -> [String: KnownFile]? {
        RecordFile.decode(bytes, magic: magic) { d in
            let n = try d.count(unit: 44)
            var files: [String: KnownFile] = [:]
            files.reserveCapacity(n)
            for _ in 0..<n {
                let path = try d.read(String.self)
                let identity = FileIdentity(size: try d.read(Int64.self), mtime: try d.read(Int64.self),
                                            ctime: try d.read(Int64.self), inode: try d.read(UInt64.self))
                files[path] = KnownFile(identity: identity, digest: try d.read(UInt64.self))
            }
            return files
        }
    }
}
