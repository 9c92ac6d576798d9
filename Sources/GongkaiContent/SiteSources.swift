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
    public let bytes: [UInt8]
    /// `StableHasher` digest of `bytes`, computed once when the file is read
    /// (the build fingerprint and the parse cache's keys both use it).
    public let digest: UInt64

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        var h = StableHasher()
        h.add(bytes)
        digest = h.value
    }
}

public struct CommunitySource: Sendable {
    public var slug: String
    public var config: SourceFile?
    public var notices: [NoticeSource]
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
}
