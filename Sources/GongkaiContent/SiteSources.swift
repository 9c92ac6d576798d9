import Foundation
import GongkaiCore

/// Everything the load stage read from a site folder: raw bytes, not yet parsed.
public struct SiteSources: Sendable {
    public var siteFile: SourceFile?
    public var communities: [CommunitySource]
    public var diagnostics: [Diagnostic]
}

public struct SourceFile: Sendable, Hashable {
    /// Relative to the site folder, e.g. `content/mazhuang/2024/caiwu-10.md`.
    public var path: String
    /// `StableHasher` digest of `bytes`, computed once when the file is read
    /// (the build fingerprint and the parse cache's keys both use it), or
    /// known from the last build for a file the file system says is unchanged.
    public let digest: UInt64
    private let contents: Contents
    /// What the file system said about the file just before it was read
    /// (nil where unknown): with the digest, kept for the next build.
    public let identity: FileIdentity?

    /// The file's bytes: read when the source was loaded, or on first use
    /// for a file known unchanged (most notices of a rebuild are never read).
    public var bytes: [UInt8] { contents.bytes }

    /// Whether the bytes were read when the site was loaded.
    public var wasRead: Bool { contents.wasRead }

    /// The bytes without keeping them: for large files read once (an
    /// attachment the privacy guard scans), so a site's PDFs are never all
    /// in memory at once. Empty when the file cannot be read.
    public func readOnce() -> [UInt8] { contents.readOnce() }

    public init(path: String, bytes: [UInt8], identity: FileIdentity? = nil) {
        self.path = path
        self.identity = identity
        var h = StableHasher()
        h.add(bytes)
        digest = h.value
        contents = Contents(bytes)
    }

    /// A file known by its digest, read only if its bytes are asked for;
    /// `read` gives nil if it cannot be read then (empty bytes).
    public init(path: String, digest: UInt64, identity: FileIdentity?, read: @escaping @Sendable () -> [UInt8]?) {
        self.path = path
        self.identity = identity
        self.digest = digest
        contents = Contents(read)
    }

    public static func == (a: SourceFile, b: SourceFile) -> Bool { a.path == b.path && a.digest == b.digest }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(digest)
    }

    final class Contents: @unchecked Sendable {
        private let lock = NSLock()
        private var loaded: [UInt8]?
        private let read: (@Sendable () -> [UInt8]?)?
        let wasRead: Bool

        init(_ bytes: [UInt8]) {
            loaded = bytes
            read = nil
            wasRead = true
        }

        init(_ read: @escaping @Sendable () -> [UInt8]?) {
            self.read = read
            wasRead = false
        }

        func readOnce() -> [UInt8] {
            lock.lock()
            let kept = loaded
            lock.unlock()
            return kept ?? read?() ?? []
        }

        var bytes: [UInt8] {
            lock.lock()
            defer { lock.unlock() }
            if let loaded { return loaded }
            let bytes = read?() ?? []
            loaded = bytes
            return bytes
        }
    }
}

/// A file as a build saw it: for the next build's `SiteLoader(known:)`.
public struct KnownFile: Sendable, Hashable {
    public var identity: FileIdentity
    public var digest: UInt64

    public init(identity: FileIdentity, digest: UInt64) {
        self.identity = identity
        self.digest = digest
    }
}

extension SiteSources {
    /// Every file loaded with what the file system said of it before it was
    /// read, and its digest.
    public var knownFiles: [String: KnownFile] {
        var files: [String: KnownFile] = [:]
        func add(_ file: SourceFile?) {
            if let file, let identity = file.identity { files[file.path] = KnownFile(identity: identity, digest: file.digest) }
        }
        add(siteFile)
        for c in communities {
            add(c.config)
            for n in c.notices {
                add(n.file)
                for data in n.dataFiles.values { add(data) }
                for document in n.documents.values { add(document) }
            }
        }
        return files
    }
}

public struct CommunitySource: Sendable {
    public var slug: String
    public var config: SourceFile?
    public var notices: [NoticeSource]
    /// Answer files, `replies/<case number>.md` (docs/desk.md).
    public var replies: [SourceFile] = []
}

public struct NoticeSource: Sendable {
    public var id: NoticeID
    public var file: SourceFile
    /// The folder that holds the notice's attachments (relative to the site).
    public var folder: String
    /// What that folder holds: name → kind, for attachment checks.
    public var siblings: [String: FileKind]
    /// Pixel sizes of the images in that folder (from their first bytes).
    public var imageSizes: [String: ImageSize] = [:]
    /// Bytes of the text files in that folder (`.csv`, `.txt`), for the
    /// privacy guard: an attachment is published as it is.
    public var textFiles: [String: [UInt8]] = [:]
    /// The `.csv` and `.xlsx` files in that folder (name → bytes), read by
    /// the load stage so that table blocks (and the privacy guard) can use
    /// them without reading files. Files over `SiteLoader.tableFileLimit`
    /// are not read (a table block that names one gets GK181).
    public var dataFiles: [String: SourceFile] = [:]
    /// The `.pdf` and `.docx` files in that folder (name → file), for the
    /// privacy guard: known by their digest, read when they are scanned
    /// (`SourceFile.readOnce`). Files over `SiteLoader.documentLimit` are
    /// left out (an attachment among them is reported as not checked).
    public var documents: [String: SourceFile] = [:]
}
