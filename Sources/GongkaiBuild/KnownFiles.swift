import Foundation
import GongkaiContent
import GongkaiCore

/// `.gongkai-cache/sources.bin`: what the file system said of each source
/// file the last build loaded (size, times, inode) and the digest of its
/// bytes, so the load stage of a rebuild reads only files that changed
/// (`SiteLoader(known:)`). Missing or damaged means reading everything.
enum KnownFiles {
    static let path = IncrementalCache.folder + "/sources.bin"
    static let magic = Array("gongkai-known-1\n".utf8)

    static func load(siteRoot: String) -> [String: KnownFile] {
        guard let data = FileManager.default.contents(atPath: siteRoot + "/" + path) else { return [:] }
        return decode([UInt8](data)) ?? [:]
    }

    /// Writes the file only when it would change.
    static func save(_ files: [String: KnownFile], loaded: [String: KnownFile], siteRoot: String) {
        guard files != loaded else { return }
        try? FileManager.default.createDirectory(atPath: siteRoot + "/" + IncrementalCache.folder, withIntermediateDirectories: true)
        try? Data(encode(files)).write(to: URL(fileURLWithPath: siteRoot + "/" + path), options: .atomic)
    }

    static func encode(_ files: [String: KnownFile]) -> [UInt8] {
        var out = magic
        out.reserveCapacity(files.count * 90)
        func add(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        for (path, file) in files.sorted(by: { $0.key < $1.key }) {
            add(UInt64(path.utf8.count))
            out.append(contentsOf: path.utf8)
            add(UInt64(bitPattern: file.identity.size))
            add(UInt64(bitPattern: file.identity.mtime))
            add(UInt64(bitPattern: file.identity.ctime))
            add(file.identity.inode)
            add(file.digest)
        }
        return out
    }

    static func decode(_ bytes: [UInt8]) -> [String: KnownFile]? {
        guard bytes.starts(with: magic) else { return nil }
        var files: [String: KnownFile] = [:]
        return bytes.withUnsafeBytes { raw -> [String: KnownFile]? in
            var at = magic.count
            func next() -> UInt64? {
                guard at + 8 <= raw.count else { return nil }
                defer { at += 8 }
                return UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self))
            }
            while at < raw.count {
                guard let length = next(), length <= 4096, at + Int(length) <= raw.count,
                      let path = String(validating: raw[at..<at + Int(length)], as: UTF8.self) else { return nil }
                at += Int(length)
                guard let size = next(), let mtime = next(), let ctime = next(), let inode = next(),
                      let digest = next() else { return nil }
                files[path] = KnownFile(identity: FileIdentity(size: Int64(bitPattern: size), mtime: Int64(bitPattern: mtime),
                                                               ctime: Int64(bitPattern: ctime), inode: inode),
                                        digest: digest)
            }
            return files
        }
    }
}
